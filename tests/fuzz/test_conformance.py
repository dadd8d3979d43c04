"""The fuzzer's own check: a response outside the query or the schema is caught."""

from __future__ import annotations

import graphql

from tests.fuzz.conformance import Conformance
from tests.live import ROOT

SDL = graphql.build_schema((ROOT / "schema.graphql").read_text())
QUERY = graphql.parse("{ companies { id name lateFeePercent } }")


def _problems(data: object, errors: list[object] | None = None) -> list[str]:
    return Conformance(SDL, QUERY, errors or []).check(data)


def test_a_conforming_response_passes() -> None:
    assert _problems({"companies": [{"id": "Q", "name": "A", "lateFeePercent": "2.00"}]}) == []


def test_wrong_scalars_extra_fields_and_nulls_are_caught() -> None:
    assert _problems({"companies": [{"id": "Q", "name": "A", "lateFeePercent": "2"}]})
    assert _problems({"companies": [{"id": "Q", "name": 5, "lateFeePercent": "2.00"}]})
    assert _problems({"companies": [{"id": "Q", "name": None, "lateFeePercent": "2.00"}]})
    assert _problems({"companies": [{"id": "Q", "name": "A", "lateFeePercent": "2.00", "x": 1}]})
    assert _problems({"companies": {"id": "Q"}})


def test_a_null_where_an_error_points_is_allowed() -> None:
    data = {"companies": [{"id": "Q", "name": None, "lateFeePercent": "2.00"}]}
    assert _problems(data, [{"message": "x", "path": ["companies", 0, "name"]}]) == []
