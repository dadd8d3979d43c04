"""`python -m bench.faults.table FILE`: the fault scenarios' table (Markdown) from the JSON lines
the scenarios appended to FILE (tests/faults/report.py)."""

from __future__ import annotations

import json
import sys

HEADER = (
    "| cenário | requisições | erros durante a falha | s até recuperar | linhas perdidas "
    "| duplicatas | observação |\n|---|---:|---:|---:|---:|---:|---|"
)


def table(lines: list[str]) -> str:
    rows = sorted((json.loads(line) for line in lines if line.strip()), key=lambda r: r["scenario"])
    body = [
        f"| {r['scenario']} | {r['requests']} | {r['errors_during_fault']} "
        f"| {r['seconds_to_recover']:.2f} | {r['rows_lost']} | {r['duplicates']} | {r['note']} |"
        for r in rows
    ]
    return "\n".join([HEADER, *body])


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        print(table(source.readlines()))
