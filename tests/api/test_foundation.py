"""Foundation: companies, debtors and entries through the API, with errors and scope."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry
from tests.support import VALID_CNPJ, VALID_CPF, ApiClient, make_company, make_debtor

CREATE_COMPANY = """
mutation($input: CreateCompanyInput!) {
  createCompany(input: $input) { company { id name document } errors { field code message } }
}"""
CREATE_DEBTOR = """
mutation($input: CreateDebtorInput!) {
  createDebtor(input: $input) {
    debtor { id name kind document email address { postalCode state city } }
    errors { field code message }
  }
}"""
CREATE_ENTRY = """
mutation($input: CreateEntryInput!) {
  createEntry(input: $input) {
    entry { id code amount paidAmount openAmount status dueDate company { name } debtor { name } }
    errors { field code message }
  }
}"""


async def _create(api: ApiClient, query: str, name: str, values: dict[str, Any]) -> dict[str, Any]:
    data = await api.data(query, {"input": values})
    payload: dict[str, Any] = data[name]
    return payload


async def test_partner_creates_company_debtor_entry_and_reads_them_back(
    admin_api: ApiClient,
) -> None:
    company = await _create(
        admin_api,
        CREATE_COMPANY,
        "createCompany",
        {"name": "Bexus Ltda", "document": "11.222.333/0001-81"},
    )
    assert company["errors"] == []
    assert company["company"]["document"] == VALID_CNPJ
    debtor = await _create(
        admin_api,
        CREATE_DEBTOR,
        "createDebtor",
        {
            "name": "João da Conceição",
            "document": "529.982.247-25",
            "email": "joao@example.com",
            "address": {"postalCode": "01310-100", "state": "sp", "city": "São Paulo"},
        },
    )
    assert debtor["errors"] == []
    assert debtor["debtor"]["document"] == VALID_CPF
    assert debtor["debtor"]["address"] == {
        "postalCode": "01310100",
        "state": "SP",
        "city": "São Paulo",
    }
    entry = await _create(
        admin_api,
        CREATE_ENTRY,
        "createEntry",
        {
            "debtorId": debtor["debtor"]["id"],
            "companyId": company["company"]["id"],
            "description": "Venda",
            "dueDate": "2026-01-10",
            "amount": "1234.5",
        },
    )
    assert entry["errors"] == []
    assert entry["entry"]["amount"] == "1234.50"
    assert entry["entry"]["openAmount"] == "1234.50"
    assert entry["entry"]["status"] == "OPEN"
    assert entry["entry"]["code"] != ""
    read = await admin_api.data(
        "query($id: ID!) { entry(id: $id) { id amount debtor { name } company { name } } }",
        {"id": entry["entry"]["id"]},
    )
    assert read["entry"]["debtor"]["name"] == "João da Conceição"
    assert read["entry"]["company"]["name"] == "Bexus Ltda"


async def test_invalid_cpf_returns_error_and_stores_nothing(admin_api: ApiClient) -> None:
    result = await _create(
        admin_api,
        CREATE_DEBTOR,
        "createDebtor",
        {
            "name": "Maria",
            "document": "123.456.789-00",
            "email": "nao-e-email",
            "address": {"postalCode": "123", "state": "XX"},
        },
    )
    assert result["debtor"] is None
    codes = {(e["code"], tuple(e["field"])) for e in result["errors"]}
    assert codes == {
        ("INVALID_DOCUMENT", ("input", "document")),
        ("INVALID_EMAIL", ("input", "email")),
        ("INVALID_POSTAL_CODE", ("input", "address", "postalCode")),
        ("INVALID_STATE", ("input", "address", "state")),
    }
    assert all(e["message"] for e in result["errors"])
    assert await Debtor.all().count() == 0


async def test_same_external_id_updates_never_duplicates(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    values = {
        "debtorId": _gid("Debtor", debtor.id),
        "companyId": _gid("Company", company.id),
        "description": "Parcela 1",
        "dueDate": "2026-03-01",
        "amount": "100.00",
        "externalId": "erp-42",
    }
    first = await _create(admin_api, CREATE_ENTRY, "createEntry", values)
    second = await _create(admin_api, CREATE_ENTRY, "createEntry", {**values, "amount": "150.00"})
    assert first["errors"] == second["errors"] == []
    assert first["entry"]["id"] == second["entry"]["id"]
    assert second["entry"]["amount"] == "150.00"
    assert await FinancialEntry.all().count() == 1


async def test_entry_errors(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    result = await _create(
        admin_api,
        CREATE_ENTRY,
        "createEntry",
        {
            "debtorId": "bogus",
            "companyId": _gid("Company", company.id),
            "description": " ",
            "dueDate": "2026-03-01",
            "amount": "10.001",
        },
    )
    codes = {e["code"] for e in result["errors"]}
    assert codes == {"NOT_FOUND", "REQUIRED", "INVALID_AMOUNT"}
    negative = await _create(
        admin_api,
        CREATE_ENTRY,
        "createEntry",
        {
            "debtorId": _gid("Debtor", debtor.id),
            "companyId": _gid("Company", company.id),
            "description": "x",
            "dueDate": "2026-03-01",
            "amount": "-5",
        },
    )
    assert [e["code"] for e in negative["errors"]] == ["INVALID_AMOUNT"]
    assert await FinancialEntry.all().count() == 0


async def test_money_as_json_float_is_refused(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    body = await admin_api.execute(
        CREATE_ENTRY,
        {
            "input": {
                "debtorId": _gid("Debtor", debtor.id),
                "companyId": _gid("Company", company.id),
                "description": "x",
                "dueDate": "2026-03-01",
                "amount": 10.1,
            }
        },
    )
    assert "errors" in body
    assert "texto" in body["errors"][0]["message"]


async def test_no_credential_is_401_json(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ me { id } }"})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    bad = await http.post(
        "/graphql", json={"query": "{ me { id } }"}, headers={"Authorization": "Bearer cob_x_y"}
    )
    assert bad.status_code == 401


async def test_read_only_token_cannot_mutate(http: httpx.AsyncClient) -> None:
    api = await ApiClient.with_token(http, scope="READ")
    body = await api.execute(CREATE_COMPANY, {"input": {"name": "X"}})
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await api.data("{ companies { id } }"))["companies"] == []


def _gid(type_name: str, pk: int) -> str:
    from tests.support import gid

    return gid(type_name, pk)


async def test_create_company_errors_and_success(admin_api: ApiClient) -> None:
    bad = await _create(
        admin_api,
        CREATE_COMPANY,
        "createCompany",
        {
            "name": "X" * 201,
            "document": "11.222.333/0001-00",
            "email": "x@",
            "lateFeePercent": "25",
            "monthlyInterestPercent": "1.005",
        },
    )
    assert bad["company"] is None
    assert {e["code"] for e in bad["errors"]} == {
        "TOO_LONG",
        "INVALID_DOCUMENT",
        "INVALID_EMAIL",
        "INVALID_PERCENT",
    }
    ok = await _create(
        admin_api,
        CREATE_COMPANY,
        "createCompany",
        {"name": "Bexus", "document": VALID_CNPJ, "lateFeePercent": "1.50"},
    )
    assert ok["errors"] == []
    duplicate = await _create(
        admin_api, CREATE_COMPANY, "createCompany", {"name": "Outra", "document": VALID_CNPJ}
    )
    assert [e["code"] for e in duplicate["errors"]] == ["DUPLICATE_DOCUMENT"]
    fee = await admin_api.data("{ companies { name lateFeePercent monthlyInterestPercent } }")
    assert fee["companies"] == [
        {"name": "Bexus", "lateFeePercent": "1.50", "monthlyInterestPercent": "1.00"}
    ]


async def test_update_debtor_changes_clears_and_validates(admin_api: ApiClient) -> None:
    debtor = await make_debtor("Ana", email="ana@example.com", phone="1134567890")
    query = """mutation($input: UpdateDebtorInput!) { updateDebtor(input: $input) {
      debtor { name email phone phoneFormatted mobile address { city } }
      errors { code field } } }"""
    data = await admin_api.data(
        query,
        {
            "input": {
                "id": _gid("Debtor", debtor.id),
                "name": "Ana Souza",
                "email": "",
                "mobile": "+55 (11) 98765-4321",
                "address": {"city": "Recife"},
            }
        },
    )
    assert data["updateDebtor"]["errors"] == []
    assert data["updateDebtor"]["debtor"] == {
        "name": "Ana Souza",
        "email": None,
        "phone": "1134567890",
        "phoneFormatted": "(11) 3456-7890",
        "mobile": "11987654321",
        "address": {"city": "Recife"},
    }
    bad = await admin_api.data(
        query, {"input": {"id": _gid("Debtor", debtor.id), "name": "", "phone": "123"}}
    )
    assert {(e["code"], e["field"][-1]) for e in bad["updateDebtor"]["errors"]} == {
        ("REQUIRED", "name"),
        ("INVALID_PHONE", "phone"),
    }
    assert (await Debtor.get(id=debtor.id)).name == "Ana Souza"


async def test_same_debtor_external_id_updates(admin_api: ApiClient) -> None:
    first = await _create(
        admin_api, CREATE_DEBTOR, "createDebtor", {"name": "Ana", "externalId": "erp-1"}
    )
    second = await _create(
        admin_api,
        CREATE_DEBTOR,
        "createDebtor",
        {"name": "Ana Maria", "externalId": "erp-1", "kind": "SUPPLIER"},
    )
    assert first["debtor"]["id"] == second["debtor"]["id"]
    assert second["debtor"]["kind"] == "SUPPLIER"
    assert await Debtor.all().count() == 1


async def test_concurrent_upserts_with_one_external_id_make_one_row(
    admin_api: ApiClient,
) -> None:
    company, debtor = await make_company(), await make_debtor()
    values = {
        "debtorId": _gid("Debtor", debtor.id),
        "companyId": _gid("Company", company.id),
        "description": "Parcela",
        "dueDate": "2026-03-01",
        "externalId": "erp-7",
    }
    results = await asyncio.gather(
        *(
            _create(admin_api, CREATE_ENTRY, "createEntry", {**values, "amount": f"{10 + i}.00"})
            for i in range(6)
        )
    )
    assert all(r["errors"] == [] for r in results)
    assert len({r["entry"]["id"] for r in results}) == 1
    assert await FinancialEntry.all().count() == 1
    debtors = await asyncio.gather(
        *(
            _create(
                admin_api, CREATE_DEBTOR, "createDebtor", {"name": f"D{i}", "externalId": "d-1"}
            )
            for i in range(6)
        )
    )
    assert all(r["errors"] == [] for r in debtors)
    assert await Debtor.filter(external_id="d-1").count() == 1
