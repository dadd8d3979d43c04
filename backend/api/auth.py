"""Credentials to Principal: the session cookie of the dashboard or a partner's bearer token."""

from __future__ import annotations

from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response

from backend.accounts import services
from backend.core.ids import encode_id
from backend.core.principal import Principal
from backend.settings import Settings

SESSION_COOKIE = "cobrancas_session"


async def authenticate(conn: HTTPConnection, settings: Settings) -> Principal | None:
    header = conn.headers.get("authorization", "")
    if header:
        scheme, _, credential = header.partition(" ")
        if scheme.lower() != "bearer" or not credential.strip():
            return None
        return await services.principal_from_token(credential.strip())
    token = conn.cookies.get(SESSION_COOKIE)
    if token:
        return await services.principal_from_session(token=token, secret_key=settings.secret_key)
    return None


def unauthorized() -> JSONResponse:
    return JSONResponse(
        {
            "errors": [
                {"message": "Autenticação necessária.", "extensions": {"code": "UNAUTHENTICATED"}}
            ]
        },
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="cobrancas"'},
    )


async def login(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    try:
        body = await request.json()
    except ValueError:
        body = None
    if (
        not isinstance(body, dict)
        or not isinstance(body.get("email"), str)
        or not isinstance(body.get("password"), str)
    ):
        return JSONResponse({"error": "Informe e-mail e senha."}, status_code=400)
    user = await services.authenticate_password(body["email"], body["password"])
    if user is None:
        return JSONResponse({"error": "E-mail ou senha incorretos."}, status_code=401)
    token = await services.create_session(
        user=user, secret_key=settings.secret_key, days=settings.session_days
    )
    response = JSONResponse(
        {"user": {"id": encode_id("User", user.id), "name": user.name, "email": user.email}}
    )
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


async def logout(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await services.end_session(token=token, secret_key=settings.secret_key)
    response = JSONResponse({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
