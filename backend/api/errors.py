"""The last line of defence for plain HTTP: an unexpected exception answers a JSON 500 with
"Erro interno." and an error id (the log has the traceback under that id), and a client that
went away mid-request is one line in the log, not a traceback. A database fault (down,
restarting, disk full, statement timeout) answers 503 with its stable code instead."""

from __future__ import annotations

import logging
import secrets

from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.api.extensions import INTERNAL_ERROR
from backend.core.dbfaults import MESSAGES, fault_code

logger = logging.getLogger("cobrancas.http")


def internal_error_response(path: str, error_id: str) -> JSONResponse:
    if path.startswith("/graphql"):  # what a GraphQL client reads
        body: object = {
            "errors": [
                {
                    "message": INTERNAL_ERROR,
                    "extensions": {"code": "INTERNAL_ERROR", "errorId": error_id},
                }
            ]
        }
    else:
        body = {"error": INTERNAL_ERROR, "errorId": error_id}
    return JSONResponse(body, status_code=500)


def database_fault_response(path: str, code: str) -> JSONResponse:
    """503 with a stable code (core/dbfaults.py): the client may retry in a few seconds."""
    message = MESSAGES[code]
    body: object
    if path.startswith("/graphql"):
        body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    else:
        body = {"error": message, "code": code}
    return JSONResponse(body, status_code=503, headers={"Retry-After": "5"})


class InternalErrors:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except ClientDisconnect:
            logger.info("Cliente desconectou antes do fim da requisição: %s", scope["path"])
        except Exception as exc:
            code = fault_code(exc)
            if code is None:
                await self._internal(scope, receive, send, exc, started=started)
            else:
                logger.warning(
                    "Banco de dados: %s em %s %s (%s)",
                    code,
                    scope.get("method", ""),
                    scope["path"],
                    type(exc).__name__,
                )
                if not started:
                    await database_fault_response(scope["path"], code)(scope, receive, send)

    async def _internal(
        self, scope: Scope, receive: Receive, send: Send, exc: Exception, *, started: bool
    ) -> None:
        error_id = secrets.token_hex(6)
        logger.error(
            "Erro interno %s em %s %s",
            error_id,
            scope.get("method", ""),
            scope["path"],
            exc_info=exc,
        )
        if not started:
            await internal_error_response(scope["path"], error_id)(scope, receive, send)
