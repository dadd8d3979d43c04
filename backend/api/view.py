"""The /graphql endpoint: authorize first (401, 403, 429), then Strawberry, within a time limit.

GraphQL over HTTP: a client that accepts `application/graphql-response+json` gets it, and a
request error (unparsable document, failed validation, bad variables, a refused limit) comes
back with 400 and no `data` entry; under `application/json` the same error is a 200, as the
spec asks for legacy clients (the dashboard reads either).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.types import ExecutionResult

from backend.accounts import services as accounts
from backend.api.auth import SESSION_COOKIE, authenticate, authorize, is_json, same_origin
from backend.api.documents import TRUSTED
from backend.api.ratelimit import RateLimits
from backend.api.schema import schema
from backend.core.context import Context
from backend.core.enums import Role
from backend.core.principal import Principal
from backend.settings import Settings

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)
# A WebSocket whose credential comes in connection_init: nobody until then (no subscription runs
# before the connection is acknowledged).
_NOBODY = Principal(name="", role=Role.VIEWER, company_ids=frozenset(), can_write=False)


def negotiate(accept: str | None) -> str | None:
    """The media type to answer in: the client's preferred of ours, JSON without a preference,
    None when it accepts neither."""
    if not accept or not accept.strip():
        return JSON
    best: tuple[float, int, str] | None = None
    for part in accept.split(","):
        media, *params = (p.strip().lower() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media == GRAPHQL_RESPONSE:
            candidate = (q, 1, GRAPHQL_RESPONSE)
        elif media in (JSON, "application/*", "*/*"):
            candidate = (q, 0, JSON)
        else:
            continue
        if best is None or candidate > best:
            best = candidate
    return best[2] if best else None


def _error(message: str, code: str, status: int, **headers: str) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        headers=headers,
    )


class _UnknownDocument(Exception):
    pass


class _TextFrames(ASGIWebSocketAdapter):
    """graphql-transport-ws messages are text frames: a browser hands a binary frame to the
    client as a Blob, which it cannot parse (the HTTP side keeps orjson's bytes)."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(orjson.dumps(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class _StrawberryView(GraphQL[Context, None]):
    websocket_adapter_class = _TextFrames

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        principal: Principal = request.scope["state"]["principal"] or _NOBODY
        return Context(
            request=request if isinstance(request, Request) else None,
            response=response if isinstance(response, Response) else None,
            principal=principal,
            settings=request.app.state.settings,
            clock=request.app.state.clock,
        )

    async def on_ws_connect(self, context: Context) -> None:
        """A partner's token may come in connection_init ({"authorization": "Bearer cob_…"}),
        browsers cannot set headers on a WebSocket; the session cookie was read at the
        handshake."""
        if context.principal is not _NOBODY:
            return
        params = context.connection_params or {}
        header = params.get("authorization") or params.get("Authorization")
        principal = None
        if isinstance(header, str):
            scheme, _, credential = header.partition(" ")
            if scheme.lower() == "bearer" and credential.strip():
                principal = await accounts.principal_from_token(credential.strip())
        if principal is None:
            raise ConnectionRejectionError
        context.principal = principal

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.media_type = request.scope["state"]["media_type"]
        request.scope["state"]["sub_response"] = sub_response
        return sub_response

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data = await super().process_result(request, result)
        settings: Settings = request.app.state.settings
        if settings.environment != "development":
            # "Did you mean …" would spell out the schema to a prober.
            for error in data.get("errors") or []:
                if isinstance(error, dict) and isinstance(error.get("message"), str):
                    error["message"] = _SUGGESTION.sub("", error["message"])
        # A request error: nothing was executed (no error has a path, there is no data).
        request_error = (
            result.data is None
            and bool(result.errors)
            and all(e.path is None for e in result.errors or [])
        )
        sub_response: Response = request.scope["state"]["sub_response"]
        if request_error and sub_response.media_type == GRAPHQL_RESPONSE:
            data.pop("data", None)
            sub_response.status_code = 400
        return data

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = f"{sub_response.media_type}; charset=utf-8"
        return response

    def encode_json(self, data: object) -> bytes:
        # orjson: ~10× the standard library on a page of 500 entries; UTF-8 as declared in the
        # content type. Requests are still decoded by the standard library (arbitrary-size
        # integers reach GraphQL's own "Int cannot represent" error, not a JSON refusal).
        return orjson.dumps(data)

    def parse_json(self, data: str | bytes) -> Any:
        # A body that is JSON but not an object ("x", 5, null) is a client error, not a 500.
        try:
            body = self.decode_json(data)
        except (ValueError, RecursionError) as exc:  # also 5,000 digits, [[[[… 100,000 deep
            raise HTTPException(400, "O corpo da requisição não é um JSON válido.") from exc
        if not isinstance(body, dict):
            raise HTTPException(
                400, 'O corpo da requisição deve ser um objeto JSON: {"query": "..."}.'
            )
        if "documentId" in body and body.get("query") is None:
            # A trusted document (api/documents.py): the registered text, parsed and validated.
            text = TRUSTED.query_for(body.pop("documentId"))
            if text is None:
                raise _UnknownDocument
            body["query"] = text
        return body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Strawberry answers its HTTP errors in plain text; clients read JSON.
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
        except _UnknownDocument:
            response = _error(
                "Documento desconhecido: envie a consulta (query) em vez do documentId.",
                "PERSISTED_DOCUMENT_NOT_FOUND",
                400,
            )
        except HTTPException as exc:
            response = JSONResponse(
                {"errors": [{"message": exc.reason, "extensions": {"code": "BAD_REQUEST"}}]},
                status_code=exc.status_code,
            )
        await response(scope, receive, send)


class GraphQLEndpoint:
    def __init__(self) -> None:
        self.view = _StrawberryView(schema, graphql_ide=None, allow_queries_via_get=True)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._websocket(WebSocket(scope, receive, send))
            return
        request = Request(scope, receive)
        settings: Settings = request.app.state.settings
        principal = await authorize(request)
        if not isinstance(principal, Principal):
            await principal(scope, receive, send)
            return
        media_type = negotiate(request.headers.get("accept"))
        if media_type is None:
            refusal: Response = _error(
                f"Esta API responde em {GRAPHQL_RESPONSE} ou {JSON}.", "NOT_ACCEPTABLE", 406
            )
        elif request.method == "POST" and not is_json(request):
            refusal = _error(
                "Envie a consulta em JSON (Content-Type: application/json).",
                "UNSUPPORTED_MEDIA_TYPE",
                415,
            )
        else:
            state: dict[str, Any] = scope.setdefault("state", {})
            state["principal"] = principal
            state["media_type"] = media_type
            await self._run(scope, receive, send, settings.request_timeout_seconds)
            return
        await refusal(scope, receive, send)

    async def _websocket(self, websocket: WebSocket) -> None:
        """Subscriptions. A browser's WebSocket carries the session cookie and an Origin: as
        with a cookie write, the Origin must be this server's (a foreign page could open one
        otherwise). A partner authenticates with a Bearer header or in connection_init."""
        settings: Settings = websocket.app.state.settings
        if websocket.headers.get("origin") is not None and not same_origin(websocket):
            await websocket.close(code=4403, reason="FOREIGN_ORIGIN")
            return
        has_credential = bool(
            websocket.headers.get("authorization")
            or (SESSION_COOKIE in websocket.cookies and same_origin(websocket))
        )
        principal = await authenticate(websocket, settings) if has_credential else None
        if has_credential and principal is None:
            await websocket.close(code=4401, reason="UNAUTHENTICATED")
            return
        if principal is not None and principal.token_id is not None:
            limits: RateLimits = websocket.app.state.rate_limits
            if await limits.token_request(principal.token_id) is not None:
                await websocket.close(code=4429, reason="RATE_LIMITED")
                return
        websocket.scope.setdefault("state", {})["principal"] = principal
        await self.view(websocket.scope, websocket.receive, websocket.send)

    async def _run(self, scope: Scope, receive: Receive, send: Send, seconds: float) -> None:
        """Strawberry within the time limit; past it, the request is cancelled at its next
        await (a mutation's transaction rolls back) and the client gets 503."""
        started = False

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            async with asyncio.timeout(seconds):
                await self.view(scope, receive, tracked_send)
        except TimeoutError:
            if started:
                raise
            message = (
                f"A consulta passou do tempo limite de {seconds:g} s e foi interrompida: "
                "peça menos itens ou filtre mais."
            )
            await _error(message, "TIMEOUT", 503)(scope, receive, send)
