"""A real server (uvicorn, in a subprocess) on a free port, and a real browser (Chromium)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.e2e.clock_server import set_clock
from tests.live import ROOT, run, server_env, serving
from tests.support import create_postgres_database, drop_postgres_database, run_in_thread

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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A screen's layout at phone width does not depend on the database: the phone width runs on
    SQLite only; the desk width, and with it every flow, on both engines."""
    here = Path(__file__).parent

    def ids(item: pytest.Item) -> set[str]:
        callspec = getattr(item, "callspec", None)
        return set(callspec.id.split("-")) if callspec else set()

    phone_on_postgres = [
        item
        for item in items
        if item.path.is_relative_to(here) and {"postgres", "phone"} <= ids(item)
    ]
    if phone_on_postgres:
        config.hook.pytest_deselected(items=phone_on_postgres)
        items[:] = [item for item in items if item not in phone_on_postgres]


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
    with copy_of_seeded(engine, tmp_path_factory, tmp) as database_url:
        env = server_env(database_url, tmp, "WARNING")
        clock_file = tmp / "clock"
        # `cobrancas serve` itself, on a clock the tests can move (tests/e2e/clock_server.py).
        command = ("tests.e2e.clock_server", str(clock_file))
        with serving(env, tmp / "server.log", *command) as url:
            yield Server(
                url=url, database_url=database_url, outbox=tmp / "outbox", clock_file=clock_file
            )


# Each module's server starts on its own copy of one database per engine and pytest process:
# migrated, with the demo data and Ana, made by the real commands the first time it is asked
# for. Copying takes a fraction of a second; `migrate`, `demo` and `create-user` about 11 s.
_SEEDED: dict[str, str] = {}
_copies = itertools.count(1)


def seeded(engine: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeded database of `engine`: a SQLite file's path or a PostgreSQL database's name."""
    if engine not in _SEEDED:
        tmp = tmp_path_factory.mktemp("e2e-seed")
        if engine == "sqlite":
            _SEEDED[engine] = str(tmp / "seed.sqlite3")
            url = f"sqlite://{_SEEDED[engine]}"
        else:
            _SEEDED[engine] = f"cobrancas_e2e_seed_{os.getpid()}"
            url = run_in_thread(create_postgres_database(_SEEDED[engine]))
        env = server_env(url, tmp, "WARNING")
        run(env, "backend.cli", "migrate")
        run(env, "backend.cli", "demo", "--debtors", "40", "--entries", "300", "--seed", "7")
        run(env, "backend.cli", "create-user", "--name", "Ana Souza", "--email", ADMIN_EMAIL,
            "--password", ADMIN_PASSWORD, "--role", "ADMIN")  # fmt: skip
    return _SEEDED[engine]


@contextlib.contextmanager
def copy_of_seeded(
    engine: str, tmp_path_factory: pytest.TempPathFactory, tmp: Path
) -> Iterator[str]:
    """The URL of a fresh copy of the seeded database of `engine`, dropped after."""
    seed = seeded(engine, tmp_path_factory)
    if engine == "sqlite":
        path = tmp / "e2e.sqlite3"
        shutil.copy(seed, path)
        yield f"sqlite://{path}"
        return
    name = f"cobrancas_e2e_{os.getpid()}_{next(_copies)}"
    url: str = run_in_thread(create_postgres_database(name, template=seed))
    try:
        yield url
    finally:
        run_in_thread(drop_postgres_database(name))


@pytest.fixture(scope="session", autouse=True)
def _drop_the_seeded_postgres_database() -> Iterator[None]:
    yield
    if "postgres" in _SEEDED:
        run_in_thread(drop_postgres_database(_SEEDED.pop("postgres")))


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
