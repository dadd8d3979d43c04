"""Abuse limits: login attempts per account and per client address, a request budget per token.

Counted with the `limits` library's moving window. The counters live in this process by default
(`memory://`, nothing else to run); with several server processes they must be shared, so
RATE_LIMIT_STORAGE names a Redis (`redis://host:6379/0`) that every process counts in.
"""

from __future__ import annotations

import math
import time
from urllib.parse import urlsplit

import coredis
from limits import RateLimitItem, parse
from limits.aio.storage import Storage as AsyncStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.responses import JSONResponse

from backend.settings import Settings


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        # `async+` selects the library's asyncio storages: a Redis round trip never blocks
        # the event loop. The connection pool is ours, so that shutting down can close it.
        url = self.url = settings.rate_limit_storage
        self.pool: coredis.ConnectionPool | None = None
        if url.startswith(("redis://", "rediss://")):
            self.pool = coredis.ConnectionPool.from_url(url)
            # The library passes the pool on to coredis; its stub types options as scalars.
            storage = storage_from_string(f"async+{url}", connection_pool=self.pool)  # type: ignore[arg-type]
        else:
            storage = storage_from_string(f"async+{url}")
        assert isinstance(storage, AsyncStorage)
        self.storage = storage
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.prefix = settings.rate_limit_prefix
        self.per_account: RateLimitItem = parse(settings.login_limit_per_account)
        self.per_address: RateLimitItem = parse(settings.login_limit_per_address)
        self.per_token: RateLimitItem = parse(settings.token_request_budget)

    async def check(self) -> None:
        """At start-up: a shared storage that does not answer stops the server, rather than
        every login and token request failing later."""
        if self.pool is not None and not await self.storage.check():
            where = urlsplit(self.url)  # host and port only: the URL may hold a password
            raise RuntimeError(
                f"RATE_LIMIT_STORAGE não responde: {where.hostname}:{where.port or 6379}"
            )

    def close(self) -> None:
        if self.pool is not None:
            self.pool.disconnect()

    async def _spend(self, item: RateLimitItem, kind: str, key: str) -> float | None:
        """Counts one request; when the window is already full, the seconds to wait instead."""
        if await self.limiter.hit(item, self.prefix, kind, key):
            return None
        reset_at, _ = await self.limiter.get_window_stats(item, self.prefix, kind, key)
        return max(1.0, reset_at - time.time())

    async def login_attempt(self, *, address: str, email: str) -> float | None:
        """Every attempt counts, before the password is checked: per address first, so one
        client cannot use up the attempts of every account it names."""
        wait = await self._spend(self.per_address, "login-address", address)
        if wait is None:
            wait = await self._spend(self.per_account, "login-account", email)
        return wait

    async def login_succeeded(self, *, email: str) -> None:
        """The right password ends the account's count: a user's own typos do not add up."""
        await self.limiter.clear(self.per_account, self.prefix, "login-account", email)

    async def token_request(self, token_id: int) -> float | None:
        return await self._spend(self.per_token, "token", str(token_id))


def wait_text(seconds: float) -> str:
    if seconds < 60:
        n = math.ceil(seconds)
        return f"{n} segundo{'s' if n != 1 else ''}"
    n = math.ceil(seconds / 60)
    return f"{n} minuto{'s' if n != 1 else ''}"


def too_many(seconds: float, body: dict[str, object]) -> JSONResponse:
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(math.ceil(seconds))})


def login_refused(seconds: float) -> JSONResponse:
    return too_many(
        seconds,
        {
            "error": "Muitas tentativas de entrar. "
            f"Aguarde {wait_text(seconds)} e tente novamente.",
            "code": "RATE_LIMITED",
        },
    )


def token_refused(seconds: float) -> JSONResponse:
    message = (
        "Este token excedeu seu limite de requisições. "
        f"Aguarde {wait_text(seconds)} e tente novamente."
    )
    return too_many(
        seconds,
        {"errors": [{"message": message, "extensions": {"code": "RATE_LIMITED"}}]},
    )
