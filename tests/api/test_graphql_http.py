"""GraphQL over HTTP at /graphql: the media type the client accepts, 4xx for request errors under
application/graphql-response+json, JSON bodies only, no field suggestions outside development."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from backend.api.view import negotiate
from backend.app import create_app
from backend.settings import Settings
from tests.support import ApiClient

GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        (f"application/json, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=0, */*", "application/json"),
        ("text/html", None),
    ],
)
def test_negotiation(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept) == expected


async def _post(api: ApiClient, body: object, accept: str) -> httpx.Response:
    return await api.http.post("/graphql", json=body, headers={**api.headers, "Accept": accept})


async def test_graphql_response_media_type(admin_api: ApiClient) -> None:
    ok = await _post(admin_api, {"query": "{ __typename }"}, GRAPHQL_RESPONSE)
    assert ok.status_code == 200
    assert ok.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert ok.json() == {"data": {"__typename": "Query"}}

    for body in (
        {"query": "{"},  # parse error
        {"query": "{ nope }"},  # validation error
        {"query": "query($id: ID!) { debtor(id: $id) { id } }", "variables": {"id": None}},
    ):
        refused = await _post(admin_api, body, GRAPHQL_RESPONSE)
        assert refused.status_code == 400, body
        assert refused.headers["content-type"].startswith(GRAPHQL_RESPONSE)
        assert "data" not in refused.json()
        assert refused.json()["errors"]
        # Legacy clients (application/json, the dashboard) get the same errors with 200.
        legacy = await _post(admin_api, body, "application/json")
        assert legacy.status_code == 200
        assert legacy.headers["content-type"] == "application/json; charset=utf-8"
        assert legacy.json()["errors"] == refused.json()["errors"]

    # A field error is not a request error: data is there, the status stays 200.
    field_error = await _post(
        admin_api, {"query": "{ debtors(first: 101) { totalCount } }"}, GRAPHQL_RESPONSE
    )
    assert field_error.status_code == 200
    assert "data" in field_error.json()


async def test_not_acceptable_and_not_json(admin_api: ApiClient) -> None:
    html = await _post(admin_api, {"query": "{ __typename }"}, "text/html")
    assert html.status_code == 406
    text = await admin_api.http.post(
        "/graphql",
        content='{"query": "{ __typename }"}',
        headers={**admin_api.headers, "Content-Type": "text/plain; a=application/json"},
    )
    assert text.status_code == 415
    assert text.json()["errors"][0]["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_field_suggestions_only_in_development(settings: Settings) -> None:
    query = {"query": "{ me { nam } }"}
    for environment, suggests in (("development", True), ("production", False)):
        changed = dataclasses.replace(settings, environment=environment, secret_key="s" * 40)
        app = create_app(changed)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as http:
            api = await ApiClient.with_token(http, scope="READ")
            message = (await api.execute(query["query"]))["errors"][0]["message"]
            assert message.startswith("Cannot query field 'nam' on type 'User'.")
            assert ("Did you mean" in message) is suggests, environment
