"""The benchmark on a tiny data set, both engines, so its code cannot rot unnoticed.

It generates the data through the real migrations and bulk paths, adds the Débitos do Cliente
rows, checks every GraphQL answer against its raw twin (run_engine raises when they differ),
measures in process and over HTTP against a real uvicorn subprocess, and renders the Markdown
report. Later runs reuse the data, and a data set from before the detail rows is upgraded.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import sqlite3
from pathlib import Path

import asyncpg
import pytest
from graphql import parse, print_ast
from stdnum.br import cnpj as stdnum_cnpj
from stdnum.br import cpf as stdnum_cpf

from bench.__main__ import parse as parse_args
from bench.__main__ import size_of
from bench.cases import DETAIL, EMAILS_PAGE, ENTRIES_PAGE
from bench.data import Size, cnpj, cpf
from bench.machine import describe
from bench.report import render
from bench.run import CaseResult, Options, run_engine
from tests.support import PG_SERVER, drop_postgres_database

CASES = {
    "default",
    "name",
    "company_month",
    "custom",
    "summary",
    "default_scoped",
    "detail",
    "detail_typical",
}


def test_generated_documents_are_valid() -> None:
    rng = random.Random(7)
    assert all(stdnum_cpf.is_valid(cpf(rng)) for _ in range(300))
    assert all(stdnum_cnpj.is_valid(cnpj(rng)) for _ in range(300))


def test_command_line_sizes() -> None:
    assert size_of(parse_args([])).entries == 1_000_000
    assert size_of(parse_args(["--size", "small"])).debtors == 10_000
    custom = size_of(parse_args(["--debtors", "50", "--entries", "500"]))
    assert (custom.debtors, custom.entries) == (50, 500)
    with pytest.raises(SystemExit):
        size_of(parse_args(["--debtors", "50"]))


def test_detail_case_sends_the_screens_query() -> None:
    """The detail case is Débitos do Cliente's DebtorDetail, fragments and page sizes included."""
    pages = Path(__file__).resolve().parents[2] / "frontend" / "src" / "pages" / "debtor"
    screen: dict[str, str] = {}
    for block in re.findall(r"graphql\(`(.*?)`\)", (pages / "queries.ts").read_text(), re.S):
        for definition in parse(block).definitions:
            screen[definition.name.value] = print_ast(definition)  # type: ignore[attr-defined]
    ours = {d.name.value: print_ast(d) for d in parse(DETAIL).definitions}  # type: ignore[attr-defined]
    assert ours == {name: screen[name] for name in ours}
    assert "DebtorDetail" in ours
    page = (pages / "DebtorPage.tsx").read_text()
    assert f"const ENTRIES_PAGE = {ENTRIES_PAGE};" in page
    assert f"const EMAILS_PAGE = {EMAILS_PAGE};" in page


def _where(options: Options) -> dict[str, object]:
    return {"postgres_server": options.postgres_server, "data_dir": options.data_dir}


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
async def test_benchmark_runs_end_to_end(engine: str, tmp_path: Path) -> None:
    size = Size(f"test{os.getpid()}", debtors=60, entries=600, companies=2)
    options = Options(
        size=size,
        iterations=2,
        warmup=1,
        postgres_server=PG_SERVER,
        data_dir=tmp_path,
    )
    messages: list[str] = []
    try:
        result = await run_engine(engine, options, messages.append)
        quick = Options(size=size, iterations=1, warmup=0, http=False, **_where(options))
        again = await run_engine(engine, quick, messages.append)  # reuses the data
        await _forget_detail_data(engine, size, tmp_path)  # as a data set made before them
        upgraded = await run_engine(engine, quick, messages.append)
    finally:
        if engine == "postgres":
            await drop_postgres_database(f"cobrancas_bench_{size.name}")

    assert result.generated
    assert not again.generated
    assert any("lançamentos 600/600" in m for m in messages)
    assert {r.case.key for r in result.cases} == CASES
    for case in result.cases:
        assert len(case.graphql.samples_ms) == len(case.raw.samples_ms) == 2
        assert case.graphql_http is not None
        assert case.raw_http is not None
        assert case.statements  # captured and explained
    stats = dict(result.stats)
    assert stats["lançamentos"] == "600"
    assert int(stats["pagamentos"]) > 0

    # Débitos do Cliente: the busiest debtor's page has something in every section.
    assert result.detail_seconds is not None
    assert again.detail_seconds is None
    assert upgraded.detail_seconds is not None
    assert again.detail == upgraded.detail == result.detail
    assert result.detail.busy != result.detail.typical
    busy = next(r for r in result.cases if r.case.key == "detail")
    assert busy.case.debtor_id == result.detail.busy
    sections = busy.sections
    assert sections["overdue_shown"] > 0
    assert sections["contacts"] > 0
    assert sections["appointments"] > 0
    assert sections["emails_shown"] == 20 < sections["emails_total"]

    def counts(cases: list[CaseResult]) -> list[dict[str, int]]:  # bytes vary with new ids
        return [{k: v for k, v in r.sections.items() if k != "bytes"} for r in cases]

    assert counts(upgraded.cases) == counts(result.cases)
    assert [key for key, _ in result.profiles][-1] == "detail"

    report = render([result], options, describe(), dt.datetime.now(dt.UTC))
    assert "| lista padrão (vencidos) | " + engine in report
    assert "| Débitos do Cliente, devedor movimentado | " + engine in report
    assert "## O que explica os números" in report


async def _forget_detail_data(engine: str, size: Size, folder: Path) -> None:
    sql = "DELETE FROM bench_meta WHERE key = 'detail'"
    if engine == "sqlite":
        with sqlite3.connect(folder / f"bench-{size.name}.sqlite3") as conn:
            conn.execute(sql)
        return
    conn = await asyncpg.connect(f"{PG_SERVER}/cobrancas_bench_{size.name}")
    try:
        await conn.execute(sql)
    finally:
        await conn.close()
