"""The /graphql endpoint: authenticate first (401 without a credential), then Strawberry."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
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
            clock=request.app.state.clock,
        )


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
