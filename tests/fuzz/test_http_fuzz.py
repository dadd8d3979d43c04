"""The plain HTTP endpoints under generated input, against the real server of each engine:
export query strings, calendar paths, login bodies, GraphQL bodies of any JSON shape. No 5xx,
and every refusal is JSON (the calendar's 404 is plain text)."""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.live import LiveServer

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
SETTINGS = settings(
    max_examples=EXAMPLES * 2,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
TEXT = st.text(max_size=30)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=10,
)
EXPORT_PARAMS = st.dictionaries(
    st.sampled_from(
        ["search", "companyId", "kind", "period", "dueFrom", "dueTo", "orderBy", "outro"]
    ),
    st.one_of(
        TEXT,
        st.sampled_from(
            ["CUSTOMER", "OVERDUE", "CUSTOM", "NAME_ASC", "2026-01-01", "Q29tcGFueTox", "529"]
        ),
    ),
)


def _is_json(response: httpx.Response) -> bool:
    try:
        response.json()
    except ValueError:
        return False
    return True


@SETTINGS
@given(params=EXPORT_PARAMS, fmt=st.sampled_from(["csv", "xlsx", "pdf"]))
@example(params={"search": "a\x00"}, fmt="csv")
@example(params={"companyId": "\x00", "dueFrom": "\x00"}, fmt="xlsx")
def test_export_query_strings(fuzz_server: LiveServer, params: dict[str, str], fmt: str) -> None:
    response = httpx.get(
        f"{fuzz_server.url}/export/debtors.{fmt}",
        params=params,
        headers=fuzz_server.headers,
        timeout=30,
    )
    fuzz_server.count(None)
    assert response.status_code in (200, 400, 404), (params, response.text[:500])
    if response.status_code != 200:
        assert _is_json(response), response.text[:500]
        assert "Erro interno" not in response.text


@SETTINGS
@given(token=st.text(min_size=1, max_size=80))
@example(token="\x00")
@example(token="a\x00b")
def test_calendar_paths(fuzz_server: LiveServer, token: str) -> None:
    response = httpx.get(f"{fuzz_server.url}/calendar/{quote(token, safe='')}.ics", timeout=30)
    fuzz_server.count(None)
    assert response.status_code in (200, 404), (token, response.text[:500])


@settings(SETTINGS, max_examples=EXAMPLES)  # each refused login costs an Argon2 hash
@given(body=st.one_of(JSON, st.fixed_dictionaries({"email": TEXT, "password": TEXT})))
@example(body={"email": "\ud800", "password": "x"})
@example(body={"email": "a\x00@example.com", "password": "\udfff"})
def test_login_bodies(fuzz_server: LiveServer, body: Any) -> None:
    response = httpx.post(
        f"{fuzz_server.url}/auth/login",
        content=json.dumps(body),
        # From the dashboard's own page (api/auth.py refuses a login from anywhere else).
        headers={"Content-Type": "application/json", "Origin": fuzz_server.url},
        timeout=30,
    )
    fuzz_server.count(None)
    assert response.status_code in (400, 401, 429), (body, response.text[:500])
    assert _is_json(response), response.text[:500]


@SETTINGS
@given(body=JSON)
@example(body="x")
@example(body=None)
@example(body={"query": "{ me { id } }", "variables": "\ud800"})
@example(
    body={
        "query": "query($s: String) { debtors(filter: {search: $s}) { totalCount } }",
        "variables": {"s": "\ud800"},
    }
)
def test_graphql_bodies(fuzz_server: LiveServer, body: Any) -> None:
    response = httpx.post(
        f"{fuzz_server.url}/graphql",
        content=json.dumps(body),
        headers={**fuzz_server.headers, "Content-Type": "application/json"},
        timeout=30,
    )
    fuzz_server.count(None)
    assert response.status_code in (200, 400), (body, response.text[:500])
    assert _is_json(response), response.text[:500]
    assert "Erro interno" not in response.text
