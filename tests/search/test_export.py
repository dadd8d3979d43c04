"""The search as CSV and XLSX: same filters, same scope, every row, safe cells."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import httpx
from openpyxl import load_workbook

from backend.companies.models import Company
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry

LONG_AGO = dt.date(2020, 1, 10)


async def _data() -> list[Company]:
    a, b = await make_company("A"), await make_company("B")
    ana = await make_debtor("Ana Conceição", document="52998224725", city="São Paulo")
    evil = await make_debtor('=HYPERLINK("http://x")')
    bia = await make_debtor("Bia")
    await make_entry(a, ana, due=LONG_AGO, amount="1234.56")
    await make_entry(a, evil, due=LONG_AGO, amount="10.00")
    await make_entry(b, bia, due=LONG_AGO, amount="999.99")
    return [a, b]


async def test_csv_export_follows_the_filter_and_scope(http: httpx.AsyncClient) -> None:
    a, _b = await _data()
    admin = await ApiClient.with_token(http, scope="READ")
    response = await http.get("/export/debtors.csv", headers=admin.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffCliente;Tipo;CPF/CNPJ")
    lines = text.strip("\ufeff").strip().split("\r\n")
    assert len(lines) == 4  # header + 3 debtors, largest balance first
    assert lines[1].startswith("Ana Conceição;Cliente;529.982.247-25;")
    assert ";1234,56;1;10/01/2020;" in lines[1]
    assert lines[3].startswith("\"'=HYPERLINK")  # text, never a formula

    searched = await http.get(
        "/export/debtors.csv", params={"search": "conceicao"}, headers=admin.headers
    )
    assert searched.content.decode().count("\r\n") == 2
    company = await http.get(
        "/export/debtors.csv", params={"companyId": gid("Company", a.id)}, headers=admin.headers
    )
    assert "Bia" not in company.content.decode()


async def test_xlsx_export_has_numbers_and_dates(http: httpx.AsyncClient) -> None:
    await _data()
    admin = await ApiClient.with_token(http, scope="READ")
    response = await http.get("/export/debtors.xlsx", headers=admin.headers)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Cliente"
    assert rows[1][0] == "Ana Conceição"
    assert Decimal(str(rows[1][8])) == Decimal("1234.56")
    assert rows[1][10].date() == LONG_AGO


async def test_export_scope_errors_and_auth(http: httpx.AsyncClient) -> None:
    a, b = await _data()
    only_a = await ApiClient.with_token(http, scope="READ", companies=[a])
    text = (await http.get("/export/debtors.csv", headers=only_a.headers)).content.decode()
    assert "Bia" not in text
    assert "Ana Conceição" in text
    hidden = await http.get(
        "/export/debtors.csv", params={"companyId": gid("Company", b.id)}, headers=only_a.headers
    )
    assert hidden.status_code == 400
    assert "Empresa" in hidden.json()["error"]
    bad = await http.get("/export/debtors.csv", params={"period": "NUNCA"}, headers=only_a.headers)
    assert bad.status_code == 400
    assert (await http.get("/export/debtors.csv")).status_code == 401
    assert (await http.get("/export/debtors.pdf", headers=only_a.headers)).status_code == 404
