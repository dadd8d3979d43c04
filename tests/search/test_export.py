"""The search as CSV and XLSX: same filters, same scope, every row, safe cells."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import AsyncIterator
from decimal import Decimal

import httpx
import pytest
from openpyxl import load_workbook

from backend.companies.models import Company
from backend.core.periods import local_today
from backend.search import export
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
    assert ";1234,56;" in lines[1]
    assert ";1;10/01/2020;" in lines[1]
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
    assert rows[1][11].date() == LONG_AGO


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


async def test_every_row_is_exported_in_batches_and_across_sheets(
    http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No row limit: 5 debtors read 2 at a time, the CSV streamed in chunks, and the XLSX
    continuing on a new sheet when one is full (at 1,048,575 rows in real life; 2 here)."""
    monkeypatch.setattr(export, "BATCH", 2)
    monkeypatch.setattr(export, "CSV_CHUNK_ROWS", 2)
    monkeypatch.setattr(export, "SHEET_ROWS", 2)
    company = await make_company()
    for i in range(5):
        await make_entry(
            company, await make_debtor(f"Cliente {i}"), due=LONG_AGO, amount=f"{i + 1}00"
        )
    admin = await ApiClient.with_token(http, scope="READ")

    response = await http.get("/export/debtors.csv", headers=admin.headers)
    lines = response.content.decode("utf-8").strip().split("\r\n")
    assert [line.split(";")[0] for line in lines[1:]] == [f"Cliente {i}" for i in range(4, -1, -1)]

    xlsx = await http.get("/export/debtors.xlsx", headers=admin.headers)
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Inadimplências", "Inadimplências 2", "Inadimplências 3"]
    names = [
        row[0] for sheet in book.worksheets for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert names == [f"Cliente {i}" for i in range(4, -1, -1)]
    assert all(sheet.cell(1, 1).value == "Cliente" for sheet in book.worksheets)


async def test_updated_amount_with_multa_and_juros_beside_the_open_amount(
    http: httpx.AsyncClient,
) -> None:
    """R$ 1.000,00 30 days overdue at 2 % multa and 1 %/month: 20,00 + 10,00 -> 1.030,00;
    R$ 500,00 15 days overdue at 10 % and 2 %/month: 50,00 + 5,00 -> 555,00; 1.585,00 in all.
    The debtor is a business (CNPJ), so the consumer cap on multa does not apply."""
    today = local_today(dt.datetime.now(dt.UTC), "America/Sao_Paulo")
    usual = await make_company("Usual")
    strict = await make_company(
        "Rigorosa", late_fee_percent=Decimal("10.00"), monthly_interest_percent=Decimal("2.00")
    )
    debtor = await make_debtor("Loja Nova", document="12ABC34501DE35")
    await make_entry(usual, debtor, due=today - dt.timedelta(days=30), amount="1000.00")
    await make_entry(strict, debtor, due=today - dt.timedelta(days=15), amount="500.00")
    await make_entry(usual, debtor, due=today + dt.timedelta(days=5), amount="70.00")  # not due
    admin = await ApiClient.with_token(http, scope="READ")

    text = (await http.get("/export/debtors.csv", headers=admin.headers)).content.decode()
    header, line = text.strip("\ufeff").strip().split("\r\n")
    assert header.split(";")[8:10] == ["Saldo em aberto", "Valor atualizado (multa e juros)"]
    assert line.split(";")[:11] == [
        "Loja Nova", "Cliente", "12.ABC.345/01DE-35", "", "", "", "", "", "1500,00", "1585,00", "2",
    ]  # fmt: skip

    only_usual = await http.get(
        "/export/debtors.csv",
        params={"companyId": gid("Company", usual.id)},
        headers=admin.headers,
    )
    assert ";1000,00;1030,00;1;" in only_usual.content.decode()

    sheet = load_workbook(
        io.BytesIO((await http.get("/export/debtors.xlsx", headers=admin.headers)).content)
    ).active
    row = next(sheet.iter_rows(min_row=2, values_only=True))
    assert (Decimal(str(row[8])), Decimal(str(row[9]))) == (Decimal("1500"), Decimal("1585"))


async def test_csv_is_written_a_few_rows_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "CSV_CHUNK_ROWS", 2)
    row = export.ExportRow(
        "Ana", "Cliente", "", "", "", "", "", "", Decimal("1.00"), Decimal("1.10"), 1, None, 0
    )

    async def rows() -> AsyncIterator[export.ExportRow]:
        for _ in range(5):
            yield row

    chunks = [chunk async for chunk in export.csv_chunks(rows())]
    assert len(chunks) == 3  # rows 1-2 (with the header), 3-4, 5
    assert b"".join(chunks).decode("utf-8").count("Ana;Cliente;;;;;;;1,00;1,10;1;;0") == 5


async def test_an_empty_result_is_a_file_with_the_header_only(http: httpx.AsyncClient) -> None:
    admin = await ApiClient.with_token(http, scope="READ")
    csv_file = await http.get("/export/debtors.csv", headers=admin.headers)
    assert csv_file.content.decode("utf-8") == "\ufeff" + ";".join(export.HEADER) + "\r\n"
    xlsx = await http.get("/export/debtors.xlsx", headers=admin.headers)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert list(sheet.iter_rows(values_only=True)) == [export.HEADER]
