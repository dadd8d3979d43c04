"""Debtors through the API with the alphanumeric CNPJ (IN RFB 2.229/2024), repeated-digit
documents and service numbers as phones."""

from __future__ import annotations

from typing import Any

from backend.debtors.models import Debtor
from tests.support import ApiClient

CREATE_DEBTOR = """
mutation($input: CreateDebtorInput!) {
  createDebtor(input: $input) {
    debtor { document documentFormatted phone phoneFormatted mobile mobileFormatted }
    errors { field code message }
  }
}"""


async def _create(api: ApiClient, **values: str) -> dict[str, Any]:
    data = await api.data(CREATE_DEBTOR, {"input": {"name": "Loja Nova", **values}})
    payload: dict[str, Any] = data["createDebtor"]
    return payload


async def test_a_debtor_with_an_alphanumeric_cnpj_and_a_0800_number(admin_api: ApiClient) -> None:
    payload = await _create(
        admin_api, document="12.abc.345/01de-35", phone="0800 123 4567", mobile="4004-0001"
    )
    assert payload == {
        "debtor": {
            "document": "12ABC34501DE35",
            "documentFormatted": "12.ABC.345/01DE-35",
            "phone": "08001234567",
            "phoneFormatted": "0800 123 4567",
            "mobile": "40040001",
            "mobileFormatted": "4004-0001",
        },
        "errors": [],
    }


async def test_documents_of_one_repeated_digit_are_refused(admin_api: ApiClient) -> None:
    for document in ("111.111.111-11", "00.000.000/0000-00", "12.ABC.345/01DE-36"):
        payload = await _create(admin_api, document=document)
        assert payload["debtor"] is None
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [
            ("INVALID_DOCUMENT", ["input", "document"])
        ]
    assert await Debtor.all().count() == 0
