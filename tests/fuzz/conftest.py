"""A real server (uvicorn, in a subprocess) on a throwaway database of each engine, with demo
data and an unrestricted write token, for the fuzz tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support import create_postgres_database, drop_postgres_database, run_in_thread

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class FuzzServer:
    url: str
    token: str
    log: Path
    cases: int = 0
    answered: int = 0  # data without any error: the case reached the resolvers and passed

    def count(self, body: object) -> None:
        self.cases += 1
        if isinstance(body, dict) and body.get("data") and not body.get("errors"):
            self.answered += 1

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _cli(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fuzz_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FuzzServer]:
    tmp = tmp_path_factory.mktemp("fuzz")
    pg_name = f"cobrancas_fuzz_{os.getpid()}"
    if request.param == "sqlite":
        database_url = f"sqlite://{tmp / 'fuzz.sqlite3'}"
    else:
        database_url = run_in_thread(create_postgres_database(pg_name))
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "OUTBOX_DIR": str(tmp / "outbox"),
        "LOG_LEVEL": "INFO",
    }
    env.pop("SMTP_URL", None)
    _cli(env, "migrate")
    _cli(env, "demo", "--debtors", "12", "--entries", "60", "--seed", "3")
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.fuzz.seed"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    token = seeded.stdout.strip().splitlines()[-1]
    log_path = tmp / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "backend.cli", "serve", "--no-worker"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail(log_path.read_text())
        server = FuzzServer(url=url, token=token, log=log_path)
        started = time.monotonic()
        yield server
        print(
            f"\nfuzz {request.param}: {server.cases} casos ({server.answered} com dados e sem erro)"
            f" em {time.monotonic() - started:.0f} s"
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        if request.param == "postgres":
            run_in_thread(drop_postgres_database(pg_name))
