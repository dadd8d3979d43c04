"""Credentials to Principal: the session cookie of the dashboard or a partner's bearer token.

Who may write with a cookie: a browser sends the cookie with any request to this site, even one
a foreign page starts, so every cookie-authenticated write (and the login that sets the cookie)
must come from one of our own pages: its `Origin` is this server's, or, when a browser leaves
`Origin` out, `Sec-Fetch-Site: same-origin` says so. A bearer token is never sent by a browser on
its own, so token requests are not subject to this (README, Security).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response

from backend.accounts import services
from backend.api.ratelimit import RateLimits, login_refused, token_refused
from backend.core.ids import encode_id
from backend.core.principal import Principal
from backend.settings import Settings

SESSION_COOKIE = "cobrancas_session"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


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


def same_origin(conn: HTTPConnection) -> bool:
    """The request comes from a page of this server (see the module's docstring)."""
    origin = conn.headers.get("origin")
    if origin is None:
        return conn.headers.get("sec-fetch-site") == "same-origin"
    parts = urlsplit(origin)
    host = conn.headers.get("host", "")
    if not host or parts.netloc.lower() != host.lower():
        return False
    # Behind a TLS proxy that does not forward the scheme, the request looks like http: accept
    # either scheme then, but never an http page writing to an https server.
    allowed = ("https",) if conn.url.scheme == "https" else ("http", "https")
    return parts.scheme in allowed


def foreign_origin() -> JSONResponse:
    return JSONResponse(
        {
            "error": "Requisição recusada: ela não partiu de uma página deste sistema.",
            "code": "FOREIGN_ORIGIN",
        },
        status_code=403,
    )


def is_json(conn: HTTPConnection) -> bool:
    media_type = conn.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


async def authorize(request: Request) -> Principal | Response:
    """The request's principal, or the answer that refuses it: 401 without a valid credential,
    403 for a cookie write from a foreign page, 429 when a token has spent its budget."""
    settings: Settings = request.app.state.settings
    principal = await authenticate(request, settings)
    if principal is None:
        return unauthorized()
    if principal.token_id is None:
        if request.method not in SAFE_METHODS and not same_origin(request):
            return foreign_origin()
    else:
        limits: RateLimits = request.app.state.rate_limits
        wait = await limits.token_request(principal.token_id)
        if wait is not None:
            return token_refused(wait)
    return principal


def client_address(request: Request) -> str:
    # uvicorn's proxy_headers puts the X-Forwarded-For client here when the proxy is trusted.
    return request.client.host if request.client else "unknown"


async def login(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not same_origin(request):
        return foreign_origin()
    if not is_json(request):
        return JSONResponse(
            {"error": "Envie e-mail e senha em JSON (Content-Type: application/json)."},
            status_code=415,
        )
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
    limits: RateLimits = request.app.state.rate_limits
    account = body["email"].strip().lower()
    wait = await limits.login_attempt(address=client_address(request), email=account)
    if wait is not None:
        return login_refused(wait)
    user = await services.authenticate_password(body["email"], body["password"])
    if user is None:
        return JSONResponse({"error": "E-mail ou senha incorretos."}, status_code=401)
    await limits.login_succeeded(email=account)
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
        if not same_origin(request):
            return foreign_origin()
        await services.end_session(token=token, secret_key=settings.secret_key)
    response = JSONResponse({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
