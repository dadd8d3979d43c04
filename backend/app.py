"""The Starlette application: routes, lifespan (database, outbox worker), the built dashboard."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import AsyncIterator
from typing import Protocol

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from tortoise.contrib.starlette import RegisterTortoise

from backend.api.auth import login, logout
from backend.api.errors import InternalErrors
from backend.api.exports import export_debtors
from backend.api.ratelimit import RateLimits
from backend.api.security import BodyLimit, SecurityHeaders
from backend.api.static import asset, page
from backend.api.view import GraphQLEndpoint
from backend.appointments.calendar import calendar_feed
from backend.core.clock import Clock, utc_now
from backend.core.redaction import ACCESS_LOG_REDACTION
from backend.live.bus import hub
from backend.settings import Settings

logger = logging.getLogger("cobrancas")


class BackgroundService(Protocol):
    """Runs for the life of the app (`cobrancas serve` passes the e-mail worker and the search
    summary's day roller), on the app's clock."""

    def __call__(
        self, settings: Settings, *, clock: Clock = ...
    ) -> contextlib.AbstractAsyncContextManager[None]: ...


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def routes() -> list[BaseRoute]:
    graphql = GraphQLEndpoint()
    result: list[BaseRoute] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),  # subscriptions (graphql-transport-ws)
        Route("/auth/login", login, methods=["POST"]),
        Route("/auth/logout", logout, methods=["POST"]),
        Route("/healthz", health),
        Route("/calendar/{token}.ics", calendar_feed, methods=["GET"]),
        Route("/export/debtors.{format}", export_debtors, methods=["GET"]),
        Route("/explorer", page("explorer.html")),
        Route("/assets/{path:path}", asset, methods=["GET", "HEAD"]),
        Route("/{path:path}", page("index.html")),  # the dashboard's own routes
    ]
    return result


def create_app(
    settings: Settings | None = None,
    services: list[BackgroundService] | None = None,
    *,
    clock: Clock = utc_now,
) -> Starlette:
    """The app; `clock` is its only source of "now" (requests, feeds, exports, services)."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await app.state.rate_limits.check()
        async with (
            RegisterTortoise(app, config=settings.tortoise_config()),
            contextlib.AsyncExitStack() as stack,
        ):
            stack.callback(app.state.rate_limits.close)
            await stack.enter_async_context(hub(settings.database_url))
            for service in services or []:
                await stack.enter_async_context(service(settings, clock=clock))
            # Everything loaded so far (schema, models, libraries) lives as long as the process:
            # freezing it keeps the collector's full passes short (measured: detail page p95
            # 87 -> 50 ms, bench/README.md).
            gc.collect()
            gc.freeze()
            yield

    middleware = [
        Middleware(SecurityHeaders),  # outermost: an error answer carries the headers too
        Middleware(InternalErrors),  # "Erro interno." + error id, never a traceback
        Middleware(BodyLimit, max_bytes=settings.max_body_bytes),
    ]
    app = Starlette(routes=routes(), middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.clock = clock
    app.state.rate_limits = RateLimits(settings)
    # No calendar token or query string (a CPF in ?search=) in the access log, however uvicorn
    # was started.
    logging.getLogger("uvicorn.access").addFilter(ACCESS_LOG_REDACTION)
    return app


def app_from_env() -> Starlette:
    """The app of one of `cobrancas serve --workers N`'s processes (uvicorn's factory): the
    settings from the environment, the day roller and, unless COBRANCAS_MAIL_WORKER=0, the
    e-mail worker."""
    from backend.mailing.worker import mail_worker_service
    from backend.search.roller import balance_roller

    services: list[BackgroundService] = [balance_roller]
    if os.environ.get("COBRANCAS_MAIL_WORKER", "1") != "0":
        services.append(mail_worker_service)
    return create_app(Settings.from_env(), services=services)
