"""The /graphql endpoint: authenticate first (401 without a credential), then Strawberry."""

from __future__ import annotations

from typing import Any

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from backend.api.auth import authenticate, unauthorized
from backend.api.schema import schema
from backend.core.context import Context
from backend.core.principal import Principal
from backend.settings import Settings


class _StrawberryView(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        principal: Principal = request.scope["state"]["principal"]
        return Context(
            request=request if isinstance(request, Request) else None,
            response=response if isinstance(response, Response) else None,
            principal=principal,
            settings=request.app.state.settings,
        )

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
        return body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Strawberry answers its HTTP errors in plain text; clients read JSON.
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope, receive))
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
        request = Request(scope, receive)
        settings: Settings = request.app.state.settings
        principal = await authenticate(request, settings)
        if principal is None:
            await unauthorized()(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        state["principal"] = principal
        await self.view(scope, receive, send)
