"""Request limits: too deep, too many aliases, too many tokens answer a clear top-level error."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from graphql import (
    ASTValidationRule,
    DocumentNode,
    FragmentDefinitionNode,
    Node,
    OperationDefinitionNode,
    get_introspection_query,
    parse,
    print_ast,
    validate,
)
from strawberry.extensions import QueryDepthLimiter

from backend.api.cost import MAX_COST, MAX_DEPTH, operation_cost
from backend.api.schema import LIMIT_RULES, schema
from backend.app import create_app
from backend.companies import services as company_services
from backend.core.pagination import MAX_PAGE_SIZE
from backend.settings import Settings
from tests.support import ApiClient, SqlLog, make_company, make_debtor, make_entry

FRONTEND_SRC = Path(__file__).resolve().parents[2] / "frontend" / "src"


async def test_query_depth_is_limited(admin_api: ApiClient) -> None:
    inner = "id"
    for _ in range(8):
        inner = f"debtor {{ entries {{ edges {{ node {{ {inner} }} }} }} }}"
    body = await admin_api.execute(f'{{ entry(id: "x") {{ {inner} }} }}')
    assert body["data"] is None
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


async def test_aliases_are_limited(admin_api: ApiClient) -> None:
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(31))
    body = await admin_api.execute(f"{{ {aliases} }}")
    assert "aliases" in body["errors"][0]["message"]
    ok = " ".join(f"a{i}: me {{ id }}" for i in range(30))
    assert "errors" not in await admin_api.execute(f"{{ {ok} }}")


async def test_tokens_are_limited(admin_api: ApiClient) -> None:
    fields = " ".join("__typename" for _ in range(4001))
    body = await admin_api.execute(f"{{ {fields} }}")
    assert body["errors"]


async def test_mutations_over_get_are_refused(admin_api: ApiClient) -> None:
    response = await admin_api.http.get(
        "/graphql",
        params={"query": 'mutation { createDebtor(input: {name: "x"}) { errors { code } } }'},
        headers=admin_api.headers,
    )
    assert response.status_code == 400  # Strawberry refuses mutations over GET
    query = await admin_api.http.get(
        "/graphql", params={"query": "{ companies { id } }"}, headers=admin_api.headers
    )
    assert query.status_code == 200


# --- cost, depth, time and body limits (issue 8, point 8) ---------------------------------


def dashboard_operations() -> dict[str, DocumentNode]:
    """Every operation the dashboard sends (frontend/src/**), each with the fragments it uses."""
    blocks: list[str] = []
    for path in sorted(FRONTEND_SRC.rglob("*.ts*")):
        if ".test." not in path.name and "gql" not in path.parts:
            blocks += re.findall(r"graphql\(`(.*?)`\)", path.read_text(), re.S)
    fragments: dict[str, FragmentDefinitionNode] = {}
    operations: dict[str, OperationDefinitionNode] = {}
    for block in blocks:
        for definition in parse(block).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            elif isinstance(definition, OperationDefinitionNode) and definition.name:
                operations[definition.name.value] = definition

    def used(node: Node, names: set[str]) -> set[str]:
        for spread in re.findall(r"\.\.\.\s*(\w+)", print_ast(node)):
            if spread not in names:
                names.add(spread)
                used(fragments[spread], names)
        return names

    return {
        name: DocumentNode(definitions=(op, *(fragments[f] for f in sorted(used(op, set())))))
        for name, op in operations.items()
    }


def _largest_pages(operation: OperationDefinitionNode) -> dict[str, int]:
    """Every Int variable at the largest page a connection gives: the dearest the screen gets."""
    return {
        d.variable.name.value: MAX_PAGE_SIZE
        for d in operation.variable_definitions or ()
        if print_ast(d.type).rstrip("!") == "Int"
    }


def test_the_dashboards_operations_pass_every_limit() -> None:
    operations = dashboard_operations()
    assert {"DebtorDetail", "DebtorEntries", "HomeSearch", "Me"} <= set(operations)
    graphql_schema = schema._schema
    deepest = 0
    for name, document in operations.items():
        assert validate(graphql_schema, document, LIMIT_RULES) == [], name
        depth = next(d for d in range(1, 30) if not validate(graphql_schema, document, _depth(d)))
        deepest = max(deepest, depth)
        operation = document.definitions[0]
        assert isinstance(operation, OperationDefinitionNode)
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        cost = operation_cost(graphql_schema, operation, fragments, _largest_pages(operation))
        assert cost <= MAX_COST, (name, cost)
    # No deeper than the dashboard needs, with a margin of 3.
    assert deepest + 3 == MAX_DEPTH


def _depth(limit: int) -> list[type[ASTValidationRule]]:
    return list(QueryDepthLimiter(max_depth=limit).validation_rules)


NESTED = """query($outer: Int, $inner: Int) {
  debtors(first: $outer) { edges { node { name
    entries(first: $inner) { edges { node { id amount description dueDate } } } } } }
}"""


async def test_a_costly_query_is_refused_before_it_runs(
    admin_api: ApiClient, sql_log: SqlLog
) -> None:
    debtor = await make_debtor()
    await make_entry(await make_company(), debtor, due=dt.date(2026, 1, 5))
    sql_log.clear()
    body = await admin_api.execute(NESTED, {"outer": 100, "inner": 100})
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    # debtors + 100 × (edge, node, name, entries + 100 × (edge, node and its 4 fields))
    assert error["extensions"]["cost"] == 1 + 100 * (4 + 100 * (2 + 4))
    assert error["extensions"]["maxCost"] == MAX_COST
    assert error["message"].startswith("Consulta cara demais: custo estimado")
    touched = [s for s in sql_log.statements if "financial_entry" in s or '"debtor"' in s]
    assert touched == []  # nothing was resolved
    # The same shape with the screens' page sizes runs.
    ok = await admin_api.data(NESTED, {"outer": 25, "inner": 20})
    assert ok["debtors"]["edges"][0]["node"]["name"] == debtor.name
    # Defaults count too: the arguments' defaults (25 and 50) when no value is given.
    assert "errors" not in await admin_api.execute(NESTED)


async def test_cost_counts_fragments_and_plain_lists(admin_api: ApiClient) -> None:
    query = """query { debtors(first: 100) { edges { node { ...D } } } }
      fragment D on Debtor { contacts { name } appointments { notes }
        entries(first: 100) { edges { node { payments { amount } } } } }"""
    body = await admin_api.execute(query)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


async def test_depth_is_the_dashboards_plus_a_margin(admin_api: ApiClient) -> None:
    hop = ["debtor", "entries(first: 1)", "edges", "node"]
    path = ['entry(id: "x")', *hop * 3]

    def nested(levels: int) -> str:
        inner = "__typename"
        for field in reversed(path[:levels]):
            inner = f"{field} {{ {inner} }}"
        return f"{{ {inner} }}"

    assert "errors" not in await admin_api.execute(nested(MAX_DEPTH))
    body = await admin_api.execute(nested(MAX_DEPTH + 1))
    assert body["errors"][0]["message"].endswith(f"exceeds maximum operation depth of {MAX_DEPTH}")


async def test_graphiql_introspection_passes_the_limits(admin_api: ApiClient) -> None:
    body = await admin_api.execute(get_introspection_query(descriptions=True))
    assert "errors" not in body
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_a_request_has_a_time_limit(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def stuck(principal: object) -> list[object]:
        await asyncio.sleep(60)
        return []

    monkeypatch.setattr(company_services, "visible_companies", stuck)
    app = create_app(dataclasses.replace(settings, request_timeout_seconds=0.5))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        api = await ApiClient.with_token(http, scope="READ")
        response = await api.post("{ companies { id } }")
        assert response.status_code == 503
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "TIMEOUT"
        assert "tempo limite de 0.5 s" in error["message"]
        # The server goes on answering.
        assert (await api.post("{ me { id } }")).status_code == 200


async def test_request_bodies_are_limited(settings: Settings) -> None:
    app = create_app(dataclasses.replace(settings, max_body_bytes=10_000))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        api = await ApiClient.with_token(http, scope="READ")
        padding = " " * 10_000
        big = await api.post("{ companies { id } }" + padding)
        assert big.status_code == 413
        assert big.json()["code"] == "PAYLOAD_TOO_LARGE"

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length to check first
            yield b'{"query": "{ companies { id } }", "x": "'
            for _ in range(20):
                yield b"x" * 1000
            yield b'"}'

        streamed = await http.post(
            "/graphql",
            content=chunks(),
            headers={**api.headers, "Content-Type": "application/json"},
        )
        assert streamed.status_code == 413
        small = await api.post("{ companies { id } }" + " " * 5_000)
        assert small.status_code == 200
