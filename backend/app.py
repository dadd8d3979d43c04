"""The Starlette application: routes, lifespan (database, outbox worker), the built dashboard."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from tortoise.contrib.starlette import RegisterTortoise

from backend.api.auth import login, logout
from backend.api.errors import InternalErrors
from backend.api.exports import export_debtors
from backend.api.view import GraphQLEndpoint
from backend.appointments.calendar import calendar_feed
from backend.core.redaction import ACCESS_LOG_REDACTION
from backend.settings import Settings

logger = logging.getLogger("cobrancas")
FRONTEND_DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"

# Background services run for the life of the app: `cobrancas serve` passes the e-mail worker
# and the search summary's day roller.
BackgroundService = Callable[[Settings], contextlib.AbstractAsyncContextManager[None]]


async def health(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def _page(name: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        path = FRONTEND_DIST / name
        if not path.is_file():
            return PlainTextResponse(
                "O painel ainda não foi compilado: rode `make run` (ou `make frontend`).",
                status_code=503,
            )
        return FileResponse(path, headers={"Cache-Control": "no-cache"})

    return endpoint


def routes() -> list[BaseRoute]:
    graphql = GraphQLEndpoint()
    result: list[BaseRoute] = [
        Route("/graphql", graphql, methods=["GET", "POST"]),
        Route("/auth/login", login, methods=["POST"]),
        Route("/auth/logout", logout, methods=["POST"]),
        Route("/healthz", health),
        Route("/calendar/{token}.ics", calendar_feed, methods=["GET"]),
        Route("/export/debtors.{format}", export_debtors, methods=["GET"]),
        Route("/explorer", _page("explorer.html")),
    ]
    assets = FRONTEND_DIST / "assets"
    if assets.is_dir():
        result.append(Mount("/assets", StaticFiles(directory=assets), name="assets"))
    result.append(Route("/{path:path}", _page("index.html")))  # the dashboard's own routes
    return result


def create_app(
    settings: Settings | None = None, services: list[BackgroundService] | None = None
) -> Starlette:
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with (
            RegisterTortoise(app, config=settings.tortoise_config()),
            contextlib.AsyncExitStack() as stack,
        ):
            for service in services or []:
                await stack.enter_async_context(service(settings))
            # Everything loaded so far (schema, models, libraries) lives as long as the process:
            # freezing it keeps the collector's full passes short (measured: detail page p95
            # 87 -> 50 ms, bench/README.md).
            gc.collect()
            gc.freeze()
            yield

    app = Starlette(
        routes=routes(),
        lifespan=lifespan,
        middleware=[Middleware(InternalErrors)],  # "Erro interno." + error id, never a traceback
    )
    app.state.settings = settings
    # No calendar token or query string (a CPF in ?search=) in the access log, however uvicorn
    # was started.
    logging.getLogger("uvicorn.access").addFilter(ACCESS_LOG_REDACTION)
    return app
