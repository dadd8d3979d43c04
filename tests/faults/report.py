"""One row of `make faults`'s table per scenario: appended as a JSON line to $FAULTS_REPORT
(nothing when unset, as in `make test`); bench/faults/table.py prints the table."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass


@dataclass
class Row:
    scenario: str
    requests: int  # requests (or e-mails) made while the scenario ran
    errors_during_fault: int  # of them, those answered with an error while the fault lasted
    seconds_to_recover: float  # from the fault's end to the first full success
    rows_lost: int  # acknowledged writes (or e-mails) missing afterwards
    duplicates: int  # writes (or e-mails) recorded twice
    note: str = ""


def report(row: Row) -> None:
    path = os.environ.get("FAULTS_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
