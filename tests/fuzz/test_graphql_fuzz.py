"""Schemathesis against the real server (uvicorn in a subprocess, a throwaway database of each
engine, demo data, an unrestricted write token): no server error, no "Erro interno.", no
response outside the schema.

Schemathesis generates every root field's queries and mutations (hypothesis-graphql) and sends
them; the checks are ours, because its own count any error that carries a `path` as a server
error, and our resolvers answer bad input (say `first: 500`) with a coded error at its path.
The custom scalars get strategies that mix valid values with junk, or nothing would get past
scalar validation; ids are valid ids of every type (1 to 30) or junk.

FUZZ_EXAMPLES sets the examples per operation and engine: `make test` runs 30 (37 operations
× 30 ≈ 1,000 cases per engine, about a minute each), `make fuzz` 300 (≈ 10,000 per engine).
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

import graphql
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from backend.core.ids import encode_id
from tests.fuzz.conformance import Conformance
from tests.live import ROOT, LiveServer

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
TYPES = [
    "Company",
    "Debtor",
    "Contact",
    "FinancialEntry",
    "Payment",
    "SentEmail",
    "Appointment",
    "User",
    "ApiToken",
    "AuditEvent",
]
JUNK = st.text(max_size=40)
NEAR = dt.date(2026, 11, 30)


def _string(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.one_of(strategy, JUNK).map(nodes.String)


schemathesis.graphql.scalar(
    "Decimal",
    _string(
        st.one_of(
            st.decimals(min_value=Decimal("-1E+30"), max_value=Decimal("1E+30"), places=2).map(str),
            st.decimals(allow_nan=False, allow_infinity=False).map(str),
            st.sampled_from(["0", "-0.00", "1E+26", "9" * 40, "1e-40", "100.001", "0.01"]),
        )
    ),
)
schemathesis.graphql.scalar(
    "Date",
    _string(
        st.one_of(
            st.dates(NEAR - dt.timedelta(days=400), NEAR + dt.timedelta(days=400)).map(str),
            st.dates().map(str),
        )
    ),
)
schemathesis.graphql.scalar("Time", _string(st.times().map(lambda t: t.strftime("%H:%M"))))
schemathesis.graphql.scalar(
    "DateTime",
    _string(st.datetimes(timezones=st.sampled_from([dt.UTC, None])).map(dt.datetime.isoformat)),
)
schemathesis.graphql.scalar(
    "ID", _string(st.builds(encode_id, st.sampled_from(TYPES), st.integers(1, 30)))
)

schema = schemathesis.graphql.from_path(ROOT / "schema.graphql")
SDL = graphql.build_schema((ROOT / "schema.graphql").read_text())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run: a red build is reproducible
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_graphql_operation(case: Any, fuzz_server: LiveServer) -> None:
    response = case.call(
        base_url=f"{fuzz_server.url}/graphql", headers=fuzz_server.headers, timeout=30
    )
    assert response.status_code < 500, response.text[:2000]
    content_type = response.headers["content-type"]
    content_type = content_type[0] if isinstance(content_type, list) else content_type
    assert content_type.startswith("application/json"), response.text[:500]
    body = response.json()
    fuzz_server.count(body)
    assert isinstance(body, dict), body
    assert set(body) <= {"data", "errors", "extensions"}, body
    errors = body.get("errors") or []
    for error in errors:
        assert error["message"] != "Erro interno.", (error, case.body)
        assert error.get("extensions", {}).get("code") != "INTERNAL_ERROR", (error, case.body)
        assert "Traceback" not in error["message"]
    if response.status_code == 200 and body.get("data") is not None:
        query = case.body if isinstance(case.body, str) else case.body["query"]
        document = graphql.parse(query)
        problems = Conformance(SDL, document, errors).check(body["data"])
        assert problems == [], (problems, case.body, body)
