"""Company settings through the API: createCompany and updateCompany with the shared Address,
the alphanumeric CNPJ (IN RFB 2.229/2024) and the chave PIX; admins only, audited."""

from __future__ import annotations

from typing import Any

import httpx

from backend.audit.models import AuditEvent
from backend.companies.models import Company
from backend.core.enums import Role
from tests.support import ApiClient, gid, make_company, make_user

COMPANY_FIELDS = """
id name document documentFormatted email lateFeePercent monthlyInterestPercent timeZone
recentContactDays pixKey
address { postalCode postalCodeFormatted street number complement district city state }
"""
CREATE = f"""
mutation($input: CreateCompanyInput!) {{
  createCompany(input: $input) {{ company {{ {COMPANY_FIELDS} }} errors {{ field code message }} }}
}}"""
UPDATE = f"""
mutation($input: UpdateCompanyInput!) {{
  updateCompany(input: $input) {{ company {{ {COMPANY_FIELDS} }} errors {{ field code message }} }}
}}"""


async def _update(api: ApiClient, company: Company, **values: Any) -> dict[str, Any]:
    data = await api.data(UPDATE, {"input": {"id": gid("Company", company.id), **values}})
    payload: dict[str, Any] = data["updateCompany"]
    return payload


async def test_create_a_company_with_an_alphanumeric_cnpj_address_and_pix_key(
    admin_api: ApiClient,
) -> None:
    data = await admin_api.data(
        CREATE,
        {
            "input": {
                "name": "Nova Era Ltda",
                "document": "12.abc.345/01de-35",
                "pixKey": "12.ABC.345/01DE-35",
                "recentContactDays": 5,
                "address": {"postalCode": "01310-100", "city": "São Paulo", "state": "sp"},
            }
        },
    )
    payload = data["createCompany"]
    assert payload["errors"] == []
    company = payload["company"]
    assert (company["document"], company["documentFormatted"]) == (
        "12ABC34501DE35",
        "12.ABC.345/01DE-35",
    )
    assert (company["pixKey"], company["recentContactDays"]) == ("12ABC34501DE35", 5)
    assert company["address"] == {
        "postalCode": "01310100",
        "postalCodeFormatted": "01310-100",
        "street": None,
        "number": None,
        "complement": None,
        "district": None,
        "city": "São Paulo",
        "state": "SP",
    }


async def test_update_every_setting_and_audit_old_and_new_values(admin_api: ApiClient) -> None:
    company = await make_company(
        "Bexus", document="11222333000181", city="Recife", state="PE", street="Rua A"
    )
    payload = await _update(
        admin_api,
        company,
        name="Bexus Comércio",
        document="12.ABC.345/01DE-35",
        email="Financeiro@Bexus.example",
        lateFeePercent="1.50",
        monthlyInterestPercent="0.99",
        timeZone="America/Manaus",
        recentContactDays=7,
        pixKey="+55 (11) 98765-4321",
        address={"postalCode": "69005-070", "city": "Manaus", "state": "AM", "street": ""},
    )
    assert payload["errors"] == []
    assert payload["company"] == {
        "id": gid("Company", company.id),
        "name": "Bexus Comércio",
        "document": "12ABC34501DE35",
        "documentFormatted": "12.ABC.345/01DE-35",
        "email": "Financeiro@bexus.example",
        "lateFeePercent": "1.50",
        "monthlyInterestPercent": "0.99",
        "timeZone": "America/Manaus",
        "recentContactDays": 7,
        "pixKey": "+5511987654321",
        "address": {
            "postalCode": "69005070",
            "postalCodeFormatted": "69005-070",
            "street": None,  # "" cleared it
            "number": None,
            "complement": None,
            "district": None,
            "city": "Manaus",
            "state": "AM",
        },
    }
    event = await AuditEvent.get(action="company.update", target_id=company.id)
    assert event.company_id == company.id
    assert event.details["document"] == {"old": "11222333000181", "new": "12ABC34501DE35"}
    assert event.details["late_fee_percent"] == {"old": "2.00", "new": "1.50"}
    assert event.details["recent_contact_days"] == {"old": 3, "new": 7}
    assert event.details["pix_key"] == {"old": None, "new": "+5511987654321"}
    assert event.details["street"] == {"old": "Rua A", "new": None}
    assert event.details["city"] == {"old": "Recife", "new": "Manaus"}
    assert "state" in event.details
    assert "postal_code" in event.details

    # Omitted fields stay; the same values again change nothing and record nothing.
    same = await _update(admin_api, company, pixKey="+5511987654321", lateFeePercent="1.5")
    assert same["company"] == payload["company"]
    assert await AuditEvent.filter(action="company.update").count() == 1


async def test_every_problem_at_once_and_nothing_written(admin_api: ApiClient) -> None:
    company = await make_company("Bexus", document="11222333000181", pix_key="fin@bexus.example")
    await make_company("Outra", document="12ABC34501DE35")
    payload = await _update(
        admin_api,
        company,
        name="",
        pixKey="11987654321",  # a phone key needs its +55; as a CPF it is not valid
        recentContactDays=-1,
        lateFeePercent="25",
        timeZone="Marte/Olympus",
        address={"postalCode": "123", "state": "XX"},
        email="fin@",
    )
    assert payload["company"] is None
    assert {(e["code"], tuple(e["field"])) for e in payload["errors"]} == {
        ("REQUIRED", ("input", "name")),
        ("INVALID_PIX_KEY", ("input", "pixKey")),
        ("INVALID_DAYS", ("input", "recentContactDays")),
        ("INVALID_PERCENT", ("input", "lateFeePercent")),
        ("INVALID_TIME_ZONE", ("input", "timeZone")),
        ("INVALID_POSTAL_CODE", ("input", "address", "postalCode")),
        ("INVALID_STATE", ("input", "address", "state")),
        ("INVALID_EMAIL", ("input", "email")),
    }
    duplicate = await _update(
        admin_api, company, document="12.ABC.345/01DE-35", address={"city": "Natal"}
    )
    assert [(e["code"], e["field"]) for e in duplicate["errors"]] == [
        ("DUPLICATE_DOCUMENT", ["input", "document"])
    ]
    stored = await Company.get(id=company.id)
    assert (stored.name, stored.document, stored.pix_key, stored.city) == (
        "Bexus",
        "11222333000181",
        "fin@bexus.example",
        None,
    )
    assert await AuditEvent.filter(action="company.update").count() == 0
    unknown = await admin_api.data(UPDATE, {"input": {"id": gid("Company", 999), "name": "X"}})
    assert [e["code"] for e in unknown["updateCompany"]["errors"]] == ["NOT_FOUND"]


async def test_only_admins_update_a_company(http: httpx.AsyncClient) -> None:
    company = await make_company("Bexus")
    variables = {"input": {"id": gid("Company", company.id), "name": "X"}}
    collector = await make_user(role=Role.COLLECTOR, companies=[company])
    limited = await ApiClient.with_token(http, companies=[company])
    for api in (await ApiClient.with_login(http, collector), limited):
        payload = (await api.data(UPDATE, variables))["updateCompany"]
        assert payload["company"] is None
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    reader = await ApiClient.with_token(http, scope="READ")
    body = await reader.execute(UPDATE, variables)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (await Company.get(id=company.id)).name == "Bexus"
