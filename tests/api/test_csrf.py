"""Login CSRF and cookie writes: only the server's own pages may log in or write with a session
cookie; partner apps with a bearer token are not subject to it."""

from __future__ import annotations

import httpx
import pytest

from backend.core.enums import Role
from backend.debtors.models import Debtor
from tests.support import PASSWORD, ApiClient, make_user

CREATE = 'mutation { createDebtor(input: {name: "Forjado"}) { debtor { id } errors { code } } }'


def _bare(http: httpx.AsyncClient, base_url: str = "http://testserver") -> httpx.AsyncClient:
    """A client on the same app that sends no Origin of its own."""
    return httpx.AsyncClient(transport=http._transport, base_url=base_url)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "null"},  # sandboxed frames, data: URLs
        {},  # neither Origin nor Sec-Fetch-Site: not one of our pages
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is not us
    ],
)
async def test_login_from_a_foreign_page_is_refused(
    http: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    user = await make_user()
    async with _bare(http) as bare:
        response = await bare.post(
            "/auth/login", json={"email": user.email, "password": PASSWORD}, headers=headers
        )
        assert response.status_code == 403
        assert response.json()["code"] == "FOREIGN_ORIGIN"
        assert "cobrancas_session" not in response.headers.get("set-cookie", "")


async def test_login_requires_json(http: httpx.AsyncClient) -> None:
    """A cross-site form can send text/plain without a preflight: such a body is refused even
    when it is valid JSON."""
    user = await make_user()
    body = f'{{"email": "{user.email}", "password": "{PASSWORD}"}}'
    for content_type in ("text/plain", "text/plain; charset=application/json", None):
        headers = {"Content-Type": content_type} if content_type else {}
        response = await http.post("/auth/login", content=body, headers=headers)
        assert response.status_code == 415, content_type
    ok = await http.post(
        "/auth/login",
        content=body,
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert ok.status_code == 200


async def test_login_from_our_own_page(http: httpx.AsyncClient) -> None:
    user = await make_user()
    login = {"email": user.email, "password": PASSWORD}
    async with _bare(http) as bare:
        # A browser that leaves Origin out still says where the request came from.
        same = await bare.post("/auth/login", json=login, headers={"Sec-Fetch-Site": "same-origin"})
        assert same.status_code == 200
    async with _bare(http, "https://cobranca.example") as bare:
        https = {"Origin": "https://cobranca.example"}
        assert (await bare.post("/auth/login", json=login, headers=https)).status_code == 200
        # An http page cannot write to the https site.
        http_page = {"Origin": "http://cobranca.example"}
        assert (await bare.post("/auth/login", json=login, headers=http_page)).status_code == 403


async def test_cookie_writes_need_our_origin(http: httpx.AsyncClient) -> None:
    user = await make_user(role=Role.ADMIN)
    await ApiClient.with_login(http, user)  # the session cookie is now in the client
    query = {"query": CREATE}
    foreign = await http.post("/graphql", json=query, headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    async with _bare(http) as bare:
        bare.cookies = http.cookies
        assert (await bare.post("/graphql", json=query)).status_code == 403
        # Reads over GET are not writes (and a GET mutation is refused anyway).
        read = await bare.get("/graphql", params={"query": "{ me { name } }"})
        assert read.status_code == 200
        assert read.json()["data"]["me"]["name"] == user.name
        # Logging out from a foreign page is refused too: the session goes on.
        out = await bare.post("/auth/logout", headers={"Origin": "https://evil.example"})
        assert out.status_code == 403
    assert await Debtor.all().count() == 0
    ours = await http.post("/graphql", json=query)
    assert ours.status_code == 200
    assert ours.json()["data"]["createDebtor"]["errors"] == []
    assert (await http.post("/auth/logout")).status_code == 200
    assert (await http.post("/graphql", json=query)).status_code == 401


async def test_bearer_tokens_are_not_subject_to_origin(http: httpx.AsyncClient) -> None:
    api = await ApiClient.with_token(http, scope="WRITE")
    async with _bare(http) as bare:
        response = await bare.post(
            "/graphql",
            json={"query": CREATE},
            headers={**api.headers, "Origin": "https://partner.example"},
        )
        assert response.status_code == 200
        assert response.json()["data"]["createDebtor"]["errors"] == []
