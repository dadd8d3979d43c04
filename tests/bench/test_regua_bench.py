"""bench.regua on a tiny data set, both engines, so it cannot rot: the régua's planning is
measured and stays at 9 statements per company."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bench.data import Size
from bench.regua import measure
from tests.support import PG_SERVER, drop_postgres_database


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
async def test_regua_planning_bench(engine: str, tmp_path: Path) -> None:
    size = Size(f"test{os.getpid()}", debtors=60, entries=600, companies=2)
    try:
        report = await measure(engine, size, PG_SERVER, 42, 2, data_dir=tmp_path)
        again = await measure(engine, size, PG_SERVER, 42, 1, data_dir=tmp_path)  # reused
    finally:
        if engine == "postgres":
            await drop_postgres_database(f"cobrancas_bench_regua_{size.name}")
    rows = re.findall(r"^\| (\d+) \| ([\d,]+) \| [\d,]+ \|.*\| (\d+) \|$", report, re.M)
    assert len(rows) == 2
    assert all(statements == "9" for _, _, statements in rows)
    assert sum(int(m.replace(",", "")) for _, m, _ in rows) > 0
    assert "(reused)" in again
