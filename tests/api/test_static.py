"""The edge of every answer: security headers, and the built dashboard served compressed, the
hashed assets cached for a year and the pages revalidated."""

from __future__ import annotations

import gzip
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from backend.api import static
from backend.app import create_app
from backend.settings import Settings

BUILT = static.FRONTEND_DIST


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small build: a page, a hashed script with its .br/.gz copies, one file left plain."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text('<script type="module" src="/assets/app-1a2b.js">')
    script = b"console.log('cobrancas');\n" * 200
    (tmp_path / "assets" / "app-1a2b.js").write_bytes(script)
    (tmp_path / "assets" / "app-1a2b.js.gz").write_bytes(gzip.compress(script))
    (tmp_path / "assets" / "app-1a2b.js.br").write_bytes(b"brotli bytes")
    (tmp_path / "assets" / "font-9f8e.ttf").write_bytes(b"\0font")
    monkeypatch.setattr(static, "FRONTEND_DIST", tmp_path)
    return tmp_path


@pytest.fixture
async def web() -> AsyncIterator[httpx.AsyncClient]:
    """No database: nothing here reaches it."""
    app = create_app(Settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client


async def test_security_headers_on_every_answer(web: httpx.AsyncClient, dist: Path) -> None:
    for path in ("/healthz", "/", "/assets/app-1a2b.js", "/graphql", "/assets/nope.js"):
        response = await web.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in response.headers  # plain http: no HSTS


async def test_hsts_over_https(dist: Path) -> None:
    app = create_app(Settings())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://cobranca.example"
    ) as client:
        response = await client.get("/healthz")
    assert response.headers["strict-transport-security"].startswith("max-age=63072000")


async def test_assets_compressed_and_cached_for_a_year(web: httpx.AsyncClient, dist: Path) -> None:
    br = await web.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip, br"})
    assert br.headers["content-encoding"] == "br"
    assert br.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert br.headers["vary"] == "Accept-Encoding"
    assert br.headers["content-type"].startswith("text/javascript")
    assert int(br.headers["content-length"]) == len(b"brotli bytes")

    gz = await web.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"
    assert gz.content == (dist / "assets" / "app-1a2b.js").read_bytes()  # httpx decodes gzip

    plain = await web.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    refused_br = await web.get("/assets/app-1a2b.js", headers={"Accept-Encoding": "br;q=0"})
    assert "content-encoding" not in refused_br.headers

    font = await web.get("/assets/font-9f8e.ttf", headers={"Accept-Encoding": "br"})
    assert font.status_code == 200
    assert "content-encoding" not in font.headers  # no copy made: the file as it is

    for missing in ("/assets/nope.js", "/assets/app-1a2b.js.br", "/assets/..%2Findex.html"):
        assert (await web.get(missing)).status_code == 404, missing


async def test_pages_are_revalidated(web: httpx.AsyncClient, dist: Path) -> None:
    for path in ("/", "/devedores/12"):
        page = await web.get(path)
        assert page.status_code == 200
        assert page.headers["cache-control"] == "no-cache"
        assert page.headers["content-type"] == "text/html; charset=utf-8"


def test_the_real_build_has_no_inline_script_and_compressed_copies() -> None:
    assert (BUILT / "index.html").is_file(), "`make test` builds frontend/dist (make frontend)"
    for page in ("index.html", "explorer.html"):
        html = (BUILT / page).read_text()
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
        assert scripts
        assert all("src=" in attrs and not body.strip() for attrs, body in scripts)
    for script in (BUILT / "assets").glob("*.js"):
        if script.stat().st_size < 1024:  # frontend/scripts/compress.mjs MIN_BYTES
            continue
        assert (BUILT / "assets" / f"{script.name}.br").is_file(), script.name
        assert (BUILT / "assets" / f"{script.name}.gz").is_file(), script.name
