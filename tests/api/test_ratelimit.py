"""Abuse limits: Argon2 off the event loop, login attempts per account and per address, a request
budget per API token, counted in this process or in a Redis shared by several."""

from __future__ import annotations

import asyncio
import dataclasses
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from backend.accounts import services
from backend.app import create_app
from backend.core.enums import Role
from backend.settings import Settings
from tests.support import PASSWORD, ApiClient, make_user

ORIGIN = {"Origin": "http://testserver"}
REDIS_URL = "redis://127.0.0.1:6379/0"


@asynccontextmanager
async def client(
    settings: Settings, address: str = "10.0.0.1", **changes: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A client on a new app (a new server process, as far as in-memory counters go)."""
    app = create_app(dataclasses.replace(settings, **changes))
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers=ORIGIN
    ) as http:
        yield http
    app.state.rate_limits.close()  # what the lifespan does at shutdown


async def _login(http: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await http.post("/auth/login", json={"email": email, "password": password})


async def test_login_attempts_are_limited_per_account(settings: Settings) -> None:
    ana = await make_user(role=Role.ADMIN, email="ana@example.com")
    bia = await make_user(email="bia@example.com")
    async with client(settings, login_limit_per_account="3/15 minutes") as http:
        for _ in range(3):
            assert (await _login(http, ana.email, "errada!!")).status_code == 401
        refused = await _login(http, ana.email, PASSWORD)  # even the right password waits
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 15 * 60
        assert refused.json()["code"] == "RATE_LIMITED"
        assert refused.json()["error"].startswith("Muitas tentativas de entrar. Aguarde ")
        assert "minutos" in refused.json()["error"]
        # The e-mail is counted however it is typed.
        assert (await _login(http, " ANA@example.com", PASSWORD)).status_code == 429
        # Another account from the same address is not affected.
        assert (await _login(http, bia.email, PASSWORD)).status_code == 200


async def test_a_right_password_ends_the_count_of_typos(settings: Settings) -> None:
    ana = await make_user(email="ana@example.com")
    async with client(settings, login_limit_per_account="3/15 minutes") as http:
        for _ in range(2):
            assert (await _login(http, ana.email, "errada!!")).status_code == 401
        assert (await _login(http, ana.email, PASSWORD)).status_code == 200
        for _ in range(3):
            assert (await _login(http, ana.email, "errada!!")).status_code == 401


async def test_login_attempts_are_limited_per_client_address(settings: Settings) -> None:
    ana = await make_user(email="ana@example.com")
    limits = {"login_limit_per_address": "4/5 minutes"}
    async with client(settings, "10.0.0.1", **limits) as http:
        for n in range(4):  # spraying: each attempt names another account
            assert (await _login(http, f"x{n}@example.com", "errada!!")).status_code == 401
        refused = await _login(http, ana.email, PASSWORD)
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) >= 1
        other = httpx.ASGITransport(app=http._transport.app, client=("10.0.0.2", 40000))  # type: ignore[attr-defined]
        async with httpx.AsyncClient(
            transport=other, base_url="http://testserver", headers=ORIGIN
        ) as elsewhere:
            assert (await _login(elsewhere, ana.email, PASSWORD)).status_code == 200


async def test_each_token_has_a_request_budget(settings: Settings) -> None:
    async with client(settings, token_request_budget="3/minute") as http:
        first = await ApiClient.with_token(http, scope="READ")
        second = await ApiClient.with_token(http, scope="READ")
        for _ in range(2):
            assert (await first.post("{ companies { id } }")).status_code == 200
        export = await http.get("/export/debtors.csv", headers=first.headers)
        assert export.status_code == 200  # every endpoint a token reaches spends the budget
        refused = await first.post("{ companies { id } }")
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        error = refused.json()["errors"][0]
        assert error["extensions"]["code"] == "RATE_LIMITED"
        assert error["message"].startswith("Este token excedeu seu limite de requisições.")
        assert (await http.get("/export/debtors.csv", headers=first.headers)).status_code == 429
        assert (await second.post("{ companies { id } }")).status_code == 200

        # The dashboard's session is limited at login, not per request.
        user = await make_user()
        session = await ApiClient.with_login(http, user)
        for _ in range(5):
            assert (await session.post("{ me { id } }")).status_code == 200


async def test_a_shared_redis_counts_across_server_processes(settings: Settings) -> None:
    shared = {
        "rate_limit_storage": REDIS_URL,
        "rate_limit_prefix": f"test-{uuid.uuid4().hex}",  # this run's keys only
        "token_request_budget": "3/minute",
    }
    async with client(settings, **shared) as one, client(settings, **shared) as two:
        api_one = await ApiClient.with_token(one, scope="READ")
        api_two = ApiClient(two, api_one.headers)
        assert (await api_one.post("{ companies { id } }")).status_code == 200
        assert (await api_two.post("{ companies { id } }")).status_code == 200
        assert (await api_one.post("{ companies { id } }")).status_code == 200
        assert (await api_two.post("{ companies { id } }")).status_code == 429
        assert (await api_one.post("{ companies { id } }")).status_code == 429

    # In memory (the default, nothing else to run) each process counts on its own.
    local = {"token_request_budget": "3/minute"}
    async with client(settings, **local) as one, client(settings, **local) as two:
        api_one = await ApiClient.with_token(one, scope="READ")
        api_two = ApiClient(two, api_one.headers)
        for _ in range(3):
            assert (await api_one.post("{ companies { id } }")).status_code == 200
        assert (await api_one.post("{ companies { id } }")).status_code == 429
        assert (await api_two.post("{ companies { id } }")).status_code == 200


async def test_login_attempts_in_redis_are_shared_too(settings: Settings) -> None:
    ana = await make_user(email="ana@example.com")
    shared = {
        "rate_limit_storage": REDIS_URL,
        "rate_limit_prefix": f"test-{uuid.uuid4().hex}",
        "login_limit_per_account": "2/15 minutes",
    }
    async with client(settings, **shared) as one, client(settings, **shared) as two:
        assert (await _login(one, ana.email, "errada!!")).status_code == 401
        assert (await _login(two, ana.email, "errada!!")).status_code == 401
        assert (await _login(one, ana.email, PASSWORD)).status_code == 429
        assert (await _login(two, ana.email, PASSWORD)).status_code == 429


def _timed(
    log: list[tuple[str, float]], started: asyncio.Event, verify: Callable[[str, str], bool]
) -> Callable[[str, str], bool]:
    loop = asyncio.get_running_loop()

    def wrapper(password_hash: str, password: str) -> bool:
        log.append(("start", time.perf_counter()))
        loop.call_soon_threadsafe(started.set)
        try:
            return verify(password_hash, password)
        finally:
            log.append(("end", time.perf_counter()))

    return wrapper


async def test_password_hashing_does_not_block_other_requests(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight wrong logins at once, and a health check sent once the first Argon2 verification is
    under way: it answers before that verification ends, so the event loop was free meanwhile.
    (With Argon2 on the loop, nothing else could run until the verification ended.)"""
    users = [await make_user(email=f"u{n}@example.com") for n in range(8)]
    log: list[tuple[str, float]] = []
    started = asyncio.Event()
    monkeypatch.setattr(services, "_verify", _timed(log, started, services._verify))
    async with client(settings) as http:
        logins = [asyncio.create_task(_login(http, user.email, "errada!!")) for user in users]
        await started.wait()
        sent = time.perf_counter()
        health = await http.get("/healthz")
        answered = time.perf_counter()
        results = await asyncio.gather(*logins)
    assert health.status_code == 200
    assert [r.status_code for r in results] == [401] * 8
    first_end = min(t for kind, t in log if kind == "end")
    assert answered < first_end, (
        f"health answered {answered - sent:.3f} s after it was sent, "
        f"{answered - first_end:.3f} s after the first verification ended"
    )


async def test_a_shared_storage_that_does_not_answer_stops_the_start() -> None:
    app = create_app(Settings(rate_limit_storage="redis://:segredo@127.0.0.1:1/0"))
    with pytest.raises(RuntimeError, match=r"RATE_LIMIT_STORAGE não responde: 127\.0\.0\.1:1$"):
        async with app.router.lifespan_context(app):
            pass  # pragma: no cover
    app.state.rate_limits.close()
