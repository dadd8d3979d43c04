"""The server's real log (uvicorn's access log and ours) holds no CPF, e-mail or token."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.live import LiveServer, live_server

CPF = "52998224725"
CPF_FORMATTED = "529.982.247-25"
EMAIL = "joao.da.silva@example.com"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    with live_server(request.param, tmp_path_factory.mktemp("logs"), "logs") as live:
        yield live


def _graphql(server: LiveServer, query: str, variables: dict[str, object] | None = None) -> dict:
    response = httpx.post(
        f"{server.url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=server.headers,
    )
    assert response.status_code == 200, response.text
    body: dict = response.json()
    return body


def test_the_log_holds_no_cpf_email_or_token(server: LiveServer) -> None:
    calendar_token = secrets.token_urlsafe(32)
    httpx.get(f"{server.url}/calendar/{calendar_token}.ics")
    export = httpx.get(
        f"{server.url}/export/debtors.csv",
        params={"search": CPF_FORMATTED, "kind": "CUSTOMER"},
        headers=server.headers,
    )
    assert export.status_code == 200
    httpx.get(f"{server.url}/export/debtors.csv", params={"search": EMAIL}, headers=server.headers)
    # A validation error, whose message Strawberry logged with the query text around it.
    invalid = _graphql(server, f'{{ debtors(filter: {{search: "{CPF}"}}) {{ nope }} }}')
    assert invalid["errors"]
    # A variable refused by its scalar: graphql-core's message quotes the value.
    coerced = _graphql(
        server,
        "query Agenda($from: Date) { myAppointments(from: $from) { id } }",
        {"from": f"{CPF} {EMAIL}"},
    )
    assert coerced["errors"]
    # A mutation refused by the service, with personal data in its input.
    refused = _graphql(
        server,
        """mutation Novo($input: CreateDebtorInput!) {
          createDebtor(input: $input) { debtor { id } errors { code } } }""",
        {"input": {"name": "João", "document": "123.456.789-00", "email": EMAIL}},
    )
    assert refused["data"]["createDebtor"]["errors"]
    time.sleep(0.3)
    log = server.log.read_text()
    assert "/export/debtors.csv?[oculto]" in log  # the access log is there, redacted
    assert "/calendar/[oculto].ics" in log
    assert "Erro GraphQL GRAPHQL_VALIDATION_FAILED" in log
    assert "operação Agenda" in log
    for secret in (CPF, CPF_FORMATTED, "529.982", EMAIL, "example.com", calendar_token):
        assert secret not in log, (secret, log[-3000:])
    assert server.token not in log
