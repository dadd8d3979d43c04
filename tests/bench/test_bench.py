"""The benchmark on a tiny data set, both engines, so its code cannot rot unnoticed.

It generates the data through the real migrations and bulk paths, checks every GraphQL answer
against its raw twin (run_engine raises when they differ), measures in process and over HTTP
against a real uvicorn subprocess, and renders the Markdown report.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import asyncpg
import pytest
from stdnum.br import cnpj as stdnum_cnpj
from stdnum.br import cpf as stdnum_cpf

from bench.__main__ import parse, size_of
from bench.data import Size, cnpj, cpf
from bench.machine import describe
from bench.report import render
from bench.run import Options, run_engine

PG_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
CASES = {"default", "name", "company_month", "custom", "summary", "default_scoped"}


def test_generated_documents_are_valid() -> None:
    rng = random.Random(7)
    assert all(stdnum_cpf.is_valid(cpf(rng)) for _ in range(300))
    assert all(stdnum_cnpj.is_valid(cnpj(rng)) for _ in range(300))


def test_command_line_sizes() -> None:
    assert size_of(parse([])).entries == 1_000_000
    assert size_of(parse(["--size", "small"])).debtors == 10_000
    custom = size_of(parse(["--debtors", "50", "--entries", "500"]))
    assert (custom.debtors, custom.entries) == (50, 500)
    with pytest.raises(SystemExit):
        size_of(parse(["--debtors", "50"]))


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
    finally:
        if engine == "postgres":
            admin = await asyncpg.connect(f"{PG_SERVER}/postgres")
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "cobrancas_bench_{size.name}"')
            finally:
                await admin.close()

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
    report = render([result], options, describe(), dt.datetime.now(dt.UTC))
    assert "| lista padrão (vencidos) | " + engine in report
    assert "## O que explica os números" in report
