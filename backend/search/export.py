"""The current search as a spreadsheet: every matching debtor, in the screen's order.

CSV as Brazilian Excel opens it (UTF-8 with BOM, ";" between fields, decimal comma) and XLSX
with real numbers and dates. Pages through the same search the screen uses, 1,000 at a time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from backend.core.pagination import PageRequest
from backend.core.principal import Principal
from backend.core.validation import format_document, format_phone
from backend.debtors.models import Debtor
from backend.search.filters import DebtorFilterData
from backend.search.services import search_debtors
from backend.search.statements import DebtorOrder
from backend.settings import Settings

BATCH = 1000
MAX_ROWS = 200_000
HEADER = (
    "Cliente",
    "Tipo",
    "CPF/CNPJ",
    "E-mail",
    "Telefone",
    "Celular",
    "Cidade",
    "UF",
    "Saldo em aberto",
    "Lançamentos",
    "Vencimento mais antigo",
    "Dias de atraso",
)
KIND_LABEL = {"CUSTOMER": "Cliente", "SUPPLIER": "Fornecedor"}


@dataclass(frozen=True)
class ExportRow:
    name: str
    kind: str
    document: str
    email: str
    phone: str
    mobile: str
    city: str
    state: str
    open_amount: Decimal
    entry_count: int
    oldest_due: dt.date | None
    days_overdue: int


async def export_rows(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    order: DebtorOrder,
    company_id_given: bool = False,
) -> AsyncIterator[ExportRow]:
    """Raises ServiceError for a bad filter before yielding anything."""
    offset = 0
    while offset < MAX_ROWS:
        result = await search_debtors(
            principal=principal,
            settings=settings,
            now=now,
            data=data,
            order=order,
            page=PageRequest(offset=offset, limit=BATCH),
            company_id_given=company_id_given,
        )
        ids = [row.debtor_id for row in result.page.items]
        debtors = {d.id: d for d in await Debtor.filter(id__in=ids)}
        for row in result.page.items:
            d = debtors[row.debtor_id]
            yield ExportRow(
                name=d.name,
                kind=KIND_LABEL[d.kind.value],
                document=format_document(d.document) if d.document else "",
                email=d.email or "",
                phone=format_phone(d.phone) if d.phone else "",
                mobile=format_phone(d.mobile) if d.mobile else "",
                city=d.city or "",
                state=d.state or "",
                open_amount=row.balance.open_amount,
                entry_count=row.balance.entry_count,
                oldest_due=row.balance.oldest_due,
                days_overdue=row.balance.max_days_overdue,
            )
        if not result.page.has_next_page:
            return
        offset += BATCH


def _brl_number(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _safe(text: str) -> str:
    # A cell starting with = + - @ would be run as a formula by spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


async def to_csv(rows: AsyncIterator[ExportRow]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    async for r in rows:
        writer.writerow(
            (
                _safe(r.name),
                r.kind,
                r.document,
                _safe(r.email),
                r.phone,
                r.mobile,
                _safe(r.city),
                r.state,
                _brl_number(r.open_amount),
                r.entry_count,
                r.oldest_due.strftime("%d/%m/%Y") if r.oldest_due else "",
                r.days_overdue,
            )
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


async def to_xlsx(rows: AsyncIterator[ExportRow]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Inadimplências")
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    async for r in rows:
        amount = WriteOnlyCell(sheet, value=r.open_amount)
        amount.number_format = '"R$" #,##0.00'
        due = WriteOnlyCell(sheet, value=r.oldest_due)
        due.number_format = "DD/MM/YYYY"
        sheet.append(
            [
                _safe(r.name),
                r.kind,
                r.document,
                _safe(r.email),
                r.phone,
                r.mobile,
                _safe(r.city),
                r.state,
                amount,
                r.entry_count,
                due,
                r.days_overdue,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
