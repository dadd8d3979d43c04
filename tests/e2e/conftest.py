"""A real server (uvicorn, in a subprocess) on a free port, and a real browser (Chromium)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.clock_server import set_clock
from tests.live import ROOT, run, server_env, serving, throwaway_database

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


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    yield from serve(request.param, tmp_path_factory)


def serve(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server on one engine: a module whose flows touch no engine-specific code overrides
    `server` with `yield from serve("sqlite", tmp_path_factory)` to keep `make test` short."""
    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("frontend/dist is missing: `make test` builds it (make frontend)")
    tmp = tmp_path_factory.mktemp("e2e")
    with throwaway_database(engine, tmp, "e2e") as database_url:
        env = server_env(database_url, tmp, "WARNING")
        run(env, "backend.cli", "migrate")
        run(env, "backend.cli", "demo", "--debtors", "40", "--entries", "300", "--seed", "7")
        run(
            env,
            "backend.cli",
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
        clock_file = tmp / "clock"
        # `cobrancas serve` itself, on a clock the tests can move (tests/e2e/clock_server.py).
        command = ("tests.e2e.clock_server", str(clock_file))
        with serving(env, tmp / "server.log", *command) as url:
            yield Server(
                url=url, database_url=database_url, outbox=tmp / "outbox", clock_file=clock_file
            )


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
    context = browser.new_context(base_url=server.url, **{"locale": "pt-BR", **options})
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
