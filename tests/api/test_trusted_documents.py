"""Trusted documents (api/documents.py): the dashboard's operations registered by hash, sent as
`documentId`, parsed and validated once; the registry follows the frontend's generated code."""

from __future__ import annotations

import json

import httpx
from strawberry.schema.schema import validate_document

from backend.api.documents import MANIFEST, TRUSTED, document_id, from_frontend
from backend.api.schema import LIMIT_RULES, schema
from backend.core.enums import Role
from tests.support import ApiClient, make_company, make_user


def _text(operation: str) -> str:
    [text] = [t for t in TRUSTED.texts.values() if f"query {operation} " in t]
    return text


def test_the_registry_is_the_frontend_s_generated_documents() -> None:
    # After `npm run codegen`: `make schema` (python -m backend.api.documents > the manifest)
    assert json.loads(MANIFEST.read_text()) == from_frontend()
    assert len(TRUSTED.texts) >= 30
    for identifier, text in TRUSTED.texts.items():
        assert identifier == document_id(text)
        assert validate_document(schema._schema, TRUSTED.parsed[text], tuple(LIMIT_RULES)) == []


async def test_a_registered_document_is_sent_by_its_id(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    company = await make_company("Alfa")
    text = _text("Companies")
    by_text = await http.post("/graphql", json={"query": text}, headers=admin_api.headers)
    by_id = await http.post(
        "/graphql", json={"documentId": document_id(text)}, headers=admin_api.headers
    )
    assert by_id.status_code == by_text.status_code == 200
    assert by_id.json() == by_text.json()
    assert [c["name"] for c in by_id.json()["data"]["companies"]] == [company.name]


async def test_an_unknown_document_id_is_refused(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    for identifier in ("sha256:" + "0" * 64, 5, None, document_id("query Me { me { id } }")):
        response = await http.post(
            "/graphql", json={"documentId": identifier}, headers=admin_api.headers
        )
        assert response.status_code == 400, identifier
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"


async def test_a_registered_document_still_obeys_the_principal(http: httpx.AsyncClient) -> None:
    alfa, beta = await make_company("Alfa"), await make_company("Beta")
    user = await make_user(role=Role.COLLECTOR, companies=[alfa])
    api = await ApiClient.with_login(http, user)
    del beta
    response = await http.post(
        "/graphql", json={"documentId": document_id(_text("Companies"))}, headers=api.headers
    )
    assert [c["name"] for c in response.json()["data"]["companies"]] == ["Alfa"]
