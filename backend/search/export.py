"""The current search as a spreadsheet: every matching debtor, in the screen's order.

CSV as Brazilian Excel opens it (UTF-8 with BOM, ";" between fields, decimal comma) and XLSX
with real numbers and dates. Pages through the same search the screen uses, 1,000 debtors at a
time, and streams what it has written: there is no row limit (an XLSX sheet holds 1,048,575
rows; more continue on a second sheet).

Beside the open amount, each row has the updated amount — open amount plus multa and juros on
the debtor's matching entries, on each company's today — computed by the same charge rules as
the debtor's page (entries.overdue.entry_charges).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from backend.businessdays.services import calendars_by_company
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES
from backend.core.money import ZERO
from backend.core.pagination import PageRequest
from backend.core.periods import Period, local_today
from backend.core.principal import Principal
from backend.core.validation import format_document, format_phone
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.entries.overdue import entry_charges
from backend.search.filters import DebtorFilterData, ResolvedFilter
from backend.search.services import DebtorRow, search_debtors
from backend.search.statements import DebtorOrder
from backend.settings import Settings

BATCH = 1000
SHEET_ROWS = 1_048_575  # an XLSX sheet's 1,048,576 rows, less the header
CSV_CHUNK_ROWS = 500
FILE_CHUNK = 64 * 1024
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
    "Valor atualizado (multa e juros)",
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
    updated_amount: Decimal
    entry_count: int
    oldest_due: dt.date | None
    days_overdue: int


async def start_export(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    order: DebtorOrder,
    company_id_given: bool = False,
) -> AsyncIterator[ExportRow]:
    """The rows, after the first page has been read: a bad filter raises ServiceError here,
    before a response has started, never half-way through a download."""
    rows = _export_rows(
        principal=principal,
        settings=settings,
        now=now,
        data=data,
        order=order,
        company_id_given=company_id_given,
    )
    try:
        first = await anext(rows)
    except StopAsyncIteration:
        return _none()

    async def chained() -> AsyncIterator[ExportRow]:
        yield first
        async for row in rows:
            yield row

    return chained()


async def _none() -> AsyncIterator[ExportRow]:
    return
    yield  # pragma: no cover - makes this an async generator


async def _export_rows(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    order: DebtorOrder,
    company_id_given: bool,
) -> AsyncIterator[ExportRow]:
    offset = 0
    while True:
        result = await search_debtors(
            principal=principal,
            settings=settings,
            now=now,
            data=data,
            order=order,
            page=PageRequest(offset=offset, limit=BATCH),
            company_id_given=company_id_given,
        )
        items = result.page.items
        debtors = {d.id: d for d in await Debtor.filter(id__in=[r.debtor_id for r in items])}
        updated = await _updated_amounts(result.filter, debtors, now)
        for row in items:
            yield _row(debtors[row.debtor_id], row, updated.get(row.debtor_id, ZERO))
        if not result.page.has_next_page:
            return
        offset += BATCH


def _row(d: Debtor, row: DebtorRow, updated_amount: Decimal) -> ExportRow:
    return ExportRow(
        name=d.name,
        kind=KIND_LABEL[d.kind.value],
        document=format_document(d.document) if d.document else "",
        email=d.email or "",
        phone=format_phone(d.phone) if d.phone else "",
        mobile=format_phone(d.mobile) if d.mobile else "",
        city=d.city or "",
        state=d.state or "",
        open_amount=row.balance.open_amount,
        updated_amount=updated_amount,
        entry_count=row.balance.entry_count,
        oldest_due=row.balance.oldest_due,
        days_overdue=row.balance.max_days_overdue,
    )


async def _updated_amounts(
    f: ResolvedFilter, debtors: dict[int, Debtor], now: dt.datetime
) -> dict[int, Decimal]:
    """Per debtor: the updated amount of the unpaid entries the filter matched (the same set as
    the row's open amount), each with its company's multa and juros on that company's today."""
    if not debtors:
        return {}
    query = FinancialEntry.filter(debtor_id__in=list(debtors), status__in=list(OPEN_STATUSES))
    if f.due.start is not None:
        query = query.filter(due_date__gte=f.due.start)
    if f.due.end is not None:
        query = query.filter(due_date__lte=f.due.end)
    if f.company_id is not None:
        query = query.filter(company_id=f.company_id)
    if f.scope is not None:
        query = query.filter(company_id__in=sorted(f.scope))
    entries = await query
    if f.period is Period.OVERDUE:  # the search's own rule: each company's business-day cutoff
        cutoff_of = {cid: cutoff for cutoff, ids in f.cutoffs for cid in ids}
        entries = [e for e in entries if e.due_date <= cutoff_of.get(e.company_id, dt.date.min)]
    companies = {c.id: c for c in await Company.filter(id__in={e.company_id for e in entries})}
    payments = await _payments_by_entry(e.id for e in entries)
    calendars = await calendars_by_company(companies)
    todays = {c.id: local_today(now, c.time_zone) for c in companies.values()}
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for entry in entries:
        charges = entry_charges(
            entry,
            company=companies[entry.company_id],
            debtor=debtors[entry.debtor_id],
            payments=payments.get(entry.id, []),
            today=todays[entry.company_id],
            calendar=calendars[entry.company_id],
        )
        totals[entry.debtor_id] += charges.updated_amount
    return totals


async def _payments_by_entry(entry_ids: Iterable[int]) -> dict[int, list[Payment]]:
    ids = list(entry_ids)
    found: dict[int, list[Payment]] = defaultdict(list)
    if ids:
        for payment in await Payment.filter(entry_id__in=ids):
            found[payment.entry_id].append(payment)
    return found


def _brl_number(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _safe(text: str) -> str:
    # A cell starting with = + - @ would be run as a formula by spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


async def csv_chunks(rows: AsyncIterator[ExportRow]) -> AsyncIterator[bytes]:
    """The CSV a few hundred rows at a time, so the whole file is never held in memory."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow(HEADER)
    written = 0
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
                _brl_number(r.updated_amount),
                r.entry_count,
                r.oldest_due.strftime("%d/%m/%Y") if r.oldest_due else "",
                r.days_overdue,
            )
        )
        written += 1
        if written % CSV_CHUNK_ROWS == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


async def xlsx_chunks(rows: AsyncIterator[ExportRow]) -> AsyncIterator[bytes]:
    """The workbook, built in openpyxl's write-only mode (rows go to a temporary file, not
    memory), then read back in chunks."""
    book = Workbook(write_only=True)
    sheet = None
    in_sheet = SHEET_ROWS
    sheets = 0
    async for r in rows:
        if in_sheet == SHEET_ROWS:
            sheets += 1
            sheet = book.create_sheet("Inadimplências" + (f" {sheets}" if sheets > 1 else ""))
            sheet.append(_bold_header(sheet))
            in_sheet = 0
        assert sheet is not None
        sheet.append(_xlsx_row(sheet, r))
        in_sheet += 1
    if sheet is None:
        sheet = book.create_sheet("Inadimplências")
        sheet.append(_bold_header(sheet))
    with tempfile.TemporaryFile() as out:
        book.save(out)
        out.seek(0)
        while chunk := out.read(FILE_CHUNK):
            yield chunk


def _bold_header(sheet: object) -> list[WriteOnlyCell]:
    header = []
    for title in HEADER:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    return header


def _xlsx_row(sheet: object, r: ExportRow) -> list[object]:
    amounts = []
    for value in (r.open_amount, r.updated_amount):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = '"R$" #,##0.00'
        amounts.append(cell)
    due = WriteOnlyCell(sheet, value=r.oldest_due)
    due.number_format = "DD/MM/YYYY"
    return [
        _safe(r.name),
        r.kind,
        r.document,
        _safe(r.email),
        r.phone,
        r.mobile,
        _safe(r.city),
        r.state,
        *amounts,
        r.entry_count,
        due,
        r.days_overdue,
    ]
