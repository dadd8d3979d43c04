"""A real server (uvicorn, in a subprocess) on a free port, and a real browser (Chromium)."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.clock_server import set_clock
from tests.support import create_postgres_database, drop_postgres_database, run_in_thread

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ADMIN_EMAIL = "ana@example.com"
ADMIN_PASSWORD = "senha-do-teste-e2e"


@dataclass(frozen=True)
class Server:
    url: str
    database_url: str
    outbox: Path
    clock_file: Path

    def set_clock(self, instant: dt.datetime | None) -> None:
        """The server's "now" from here on (None: real time)."""
        set_clock(self.clock_file, instant)


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
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("frontend/dist is missing: `make test` builds it (make frontend)")
    tmp = tmp_path_factory.mktemp("e2e")
    pg_name = f"cobrancas_e2e_{os.getpid()}"
    if request.param == "sqlite":
        database_url = f"sqlite://{tmp / 'e2e.sqlite3'}"
    else:
        database_url = run_in_thread(create_postgres_database(pg_name))
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "OUTBOX_DIR": str(tmp / "outbox"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("SMTP_URL", None)
    _cli(env, "migrate")
    _cli(env, "demo", "--debtors", "40", "--entries", "300", "--seed", "7")
    _cli(
        env,
        "create-user",
        "--name",
        "Ana Souza",
        "--email",
        ADMIN_EMAIL,
        "--password",
        ADMIN_PASSWORD,
        "--role",
        "ADMIN",
    )
    log = (tmp / "server.log").open("w")
    clock_file = tmp / "clock"
    process = subprocess.Popen(
        # `cobrancas serve` itself, on a clock the tests can move (tests/e2e/clock_server.py).
        [sys.executable, "-m", "tests.e2e.clock_server", str(clock_file)],
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
            pytest.fail((tmp / "server.log").read_text())
        yield Server(
            url=url, database_url=database_url, outbox=tmp / "outbox", clock_file=clock_file
        )
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        if request.param == "postgres":
            run_in_thread(drop_postgres_database(pg_name))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Per module: Playwright's sync API keeps an event loop running in this thread while it is
    open, which would break the async tests that pytest runs after the browser tests."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    yield from open_page(browser, server)


def open_page(browser: Browser, server: Server, **options: Any) -> Iterator[Page]:
    """A fresh browser context (Playwright's `new_context` options, e.g. `timezone_id`) that
    fails the test on any request leaving this machine or any JavaScript error."""
    context = browser.new_context(base_url=server.url, locale="pt-BR", **options)
    outside: list[str] = []

    def guard(route, request) -> None:  # type: ignore[no-untyped-def]
        if request.url.startswith(server.url) or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # What the Content-Security-Policy blocks is only reported on the console.
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"JavaScript errors: {errors}"
    assert blocked == [], f"blocked by the Content-Security-Policy: {blocked}"


def login(page: Page) -> None:
    page.goto("/")
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Senha").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    page.get_by_text("Olá, Ana Souza").wait_for()
