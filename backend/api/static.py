"""The built dashboard: hashed /assets files cached for a year, pages revalidated every visit,
each sent brotli- or gzip-compressed when the build left a `.br`/`.gz` beside it
(frontend/scripts/compress.mjs) and the browser accepts it."""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

FRONTEND_DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"
IMMUTABLE = "public, max-age=31536000, immutable"  # the file name changes with its content
REVALIDATE = "no-cache"
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def _accepted(request: Request) -> set[str]:
    accepted = set()
    for part in request.headers.get("accept-encoding", "").split(","):
        name, _, params = part.partition(";")
        if params.replace(" ", "").lower() in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip().lower())
    return accepted


def send_file(request: Request, path: Path, cache_control: str) -> Response:
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type == "application/javascript":
        media_type += "; charset=utf-8"
    headers = {"Cache-Control": cache_control, "Vary": "Accept-Encoding"}
    accepted = _accepted(request)
    for encoding, suffix in ENCODINGS:
        variant = path.with_name(path.name + suffix)
        if encoding in accepted and variant.is_file():
            headers["Content-Encoding"] = encoding
            return FileResponse(variant, media_type=media_type, headers=headers)
    return FileResponse(path, media_type=media_type, headers=headers)


async def asset(request: Request) -> Response:
    assets = (FRONTEND_DIST / "assets").resolve()
    path = (assets / request.path_params["path"]).resolve()
    if not path.is_relative_to(assets) or not path.is_file() or path.suffix in (".br", ".gz"):
        return PlainTextResponse("Arquivo não encontrado.", status_code=404)
    return send_file(request, path, IMMUTABLE)


def page(name: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        path = FRONTEND_DIST / name
        if not path.is_file():
            return PlainTextResponse(
                "O painel ainda não foi compilado: rode `make run` (ou `make frontend`).",
                status_code=503,
            )
        return send_file(request, path, REVALIDATE)

    return endpoint
