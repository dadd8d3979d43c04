"""A real server (`cobrancas serve` in a subprocess) on a throwaway database, with demo data and
an unrestricted write token; its log (uvicorn's and ours) is a file tests can read."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.support import create_postgres_database, drop_postgres_database, run_in_thread

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class LiveServer:
    url: str
    token: str
    log: Path
    env: dict[str, str]
    cases: int = 0
    answered: int = 0  # data without any error: the case reached the resolvers and passed

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def count(self, body: object) -> None:
        self.cases += 1
        if isinstance(body, dict) and body.get("data") and not body.get("errors"):
            self.answered += 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def run(env: dict[str, str], *args: str) -> str:
    """`python -m <args>` in the project, with `env`; its standard output."""
    result = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@contextlib.contextmanager
def throwaway_database(engine: str, tmp: Path, name: str) -> Iterator[str]:
    """The URL of a new, empty database of `engine` ("sqlite" or "postgres"), dropped after."""
    if engine == "sqlite":
        yield f"sqlite://{tmp / f'{name}.sqlite3'}"
        return
    pg_name = f"cobrancas_{name}_{os.getpid()}"
    url: str = run_in_thread(create_postgres_database(pg_name))
    try:
        yield url
    finally:
        run_in_thread(drop_postgres_database(pg_name))


def server_env(database_url: str, tmp: Path, log_level: str) -> dict[str, str]:
    """The environment of a server on a free port, writing e-mails as files under `tmp`."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(free_port()),
        "OUTBOX_DIR": str(tmp / "outbox"),
        "LOG_LEVEL": log_level,
        "PYTHONUNBUFFERED": "1",  # a log file may be read while the server runs
        # The régua's daily run sends on business days from 08:00 in São Paulo: a server of a
        # test that e-mails by hand would otherwise find its debtors "recently contacted" at
        # those hours only (tests/collection runs the régua itself, at the hours it chooses).
        "REGUA_AUTOMATIC": "0",
    }
    env.pop("SMTP_URL", None)
    return env


@contextlib.contextmanager
def serving(env: dict[str, str], log_path: Path, *command: str) -> Iterator[str]:
    """`python -m <command>` for the block, once it answers /healthz; its URL."""
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", *command],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{env['PORT']}"
        try:
            for _ in range(100):
                try:
                    if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise AssertionError(log_path.read_text())
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextlib.contextmanager
def live_server(engine: str, tmp: Path, name: str) -> Iterator[LiveServer]:
    with throwaway_database(engine, tmp, name) as database_url:
        env = server_env(database_url, tmp, "INFO")
        run(env, "backend.cli", "migrate")
        run(env, "backend.cli", "demo", "--debtors", "12", "--entries", "60", "--seed", "3")
        token = run(env, "tests.live_seed").strip().splitlines()[-1]
        log = tmp / "server.log"
        with serving(env, log, "backend.cli", "serve", "--no-worker") as url:
            yield LiveServer(url=url, token=token, log=log, env=env)
