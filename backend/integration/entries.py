"""upsertEntries: up to 500 entries of one company by the partner's externalId, each naming its
debtor by the debtor's externalId in that company (upsertDebtors or createDebtor gave it).

The rules are createEntry's (backend.entries.services): the same checks on each item, an
existing entry updated only when something changed (then a new version), never a cancelled one,
never below what was paid, never moved to another debtor. One transaction per call and a fixed
number of statements: the lookups, one INSERT, one UPDATE, the audit rows and the refresh of the
debtors' search summary (bulk writes bypass the per-entry signals, so it is called here).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from backend.audit.models import AuditEvent
from backend.audit.services import changes
from backend.companies.services import get_company
from backend.core.conflicts import retry_on_conflict
from backend.core.enums import EntryStatus
from backend.core.errors import fail
from backend.core.money import from_cents, to_cents
from backend.core.principal import Principal
from backend.core.validation import check_amount, check_date, check_text
from backend.debtors.models import DebtorCompany
from backend.entries.models import FinancialEntry
from backend.entries.services import status_for
from backend.integration.common import (
    ItemResult,
    UpsertOutcome,
    audit_row,
    check_size,
    external_ids,
    insert_returning_ids,
    item_errors,
    update_rows,
)
from backend.live.bus import publish
from backend.search.balances import refresh_debtors


@dataclass(frozen=True)
class EntryItem:
    external_id: str | None
    debtor_external_id: str | None
    description: str | None
    due_date: dt.date | None
    amount: Decimal | None
    issue_date: dt.date | None = None
    code: str | None = None
    # None keeps what the entry has; "" clears it.
    document_number: str | None = None
    category: str | None = None
    cost_center: str | None = None


_INSERT_COLUMNS = (
    "company_id", "debtor_id", "code", "external_id", "description", "document_number",
    "category", "cost_center", "issue_date", "due_date", "amount_cents", "paid_cents", "status",
    "version", "created_at", "updated_at",
)  # fmt: skip
_COLUMN_TYPES = {
    "debtor_id": "integer", "code": "text", "description": "text", "document_number": "text",
    "category": "text", "cost_center": "text", "issue_date": "date", "due_date": "date",
    "amount_cents": "bigint",
}  # fmt: skip
_OPTIONAL_TEXTS = {
    "document_number": ("documentNumber", "Número do documento", 60),
    "category": ("category", "Categoria", 100),
    "cost_center": ("costCenter", "Centro de custo", 100),
}


async def upsert_entries(
    *, principal: Principal, company_id: int | None, items: Sequence[EntryItem], now: dt.datetime
) -> UpsertOutcome:
    principal.require_write()
    if await get_company(principal, company_id) is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    assert company_id is not None
    check_size(len(items))
    outcome = await retry_on_conflict(lambda: _upsert(principal, company_id, items, now))
    if any(r.changed for r in outcome.results):
        await publish(principal, kind="entry.import", debtor_id=None, company_ids=[company_id])
    return outcome


def _validate(index: int, item: EntryItem, result: ItemResult) -> dict[str, Any]:
    errors = item_errors(index)
    values: dict[str, Any] = {
        "description": check_text(
            errors, item.description, "description", label="Descrição", max_length=500,
            required=True,
        ),
        "due_date": check_date(errors, item.due_date, "dueDate", label="Vencimento"),
        "issue_date": check_date(errors, item.issue_date, "issueDate", label="Emissão"),
        "code": check_text(errors, item.code, "code", label="Código", max_length=40),
        "debtor_external_id": check_text(
            errors, item.debtor_external_id, "debtorExternalId",
            label="Identificador externo do cliente", max_length=100, required=True,
        ),
    }  # fmt: skip
    if item.due_date is None:
        errors.add("REQUIRED", "Vencimento é obrigatório.", "dueDate")
    if item.amount is None:
        errors.add("REQUIRED", "Valor é obrigatório.", "amount")
    amount = check_amount(errors, item.amount, "amount")
    values["amount_cents"] = to_cents(amount) if amount is not None else None
    for name, (path, label, max_length) in _OPTIONAL_TEXTS.items():
        raw = getattr(item, name)
        if raw is not None:
            values[name] = check_text(errors, raw, path, label=label, max_length=max_length)
    issue, due = values["issue_date"], values["due_date"]
    if issue and due and issue > due:
        errors.add(
            "INVALID_DATE", "A data de emissão não pode ser posterior ao vencimento.", "issueDate"
        )
    result.errors.extend(errors.errors)
    return values


def _readable(values: dict[str, Any]) -> dict[str, Any]:
    return {
        ("amount" if k == "amount_cents" else k): (
            str(from_cents(v)) if k == "amount_cents" and v is not None else v
        )
        for k, v in values.items()
    }


async def _upsert(
    principal: Principal, company_id: int, items: Sequence[EntryItem], now: dt.datetime
) -> UpsertOutcome:
    results = [ItemResult(index=i) for i in range(len(items))]
    exts = external_ids([item.external_id for item in items], results)
    checked = [_validate(i, item, results[i]) for i, item in enumerate(items)]
    async with in_transaction() as conn:
        debtor_exts = {v["debtor_external_id"] for v in checked if v["debtor_external_id"]}
        debtors = dict(
            await DebtorCompany.filter(
                company_id=company_id, external_id__in=list(debtor_exts)
            ).values_list("external_id", "debtor_id")
        )
        existing = {
            e.external_id: e
            for e in await FinancialEntry.filter(
                company_id=company_id, external_id__in=[e for e in exts if e]
            ).select_for_update()
        }
        codes = {v["code"] for v in checked if v["code"]}
        taken = dict(
            await FinancialEntry.filter(company_id=company_id, code__in=list(codes)).values_list(
                "code", "external_id"
            )
        )
        codes_in_call: dict[str, int] = {}
        new_rows: list[tuple[int, str, dict[str, Any]]] = []
        changed: list[tuple[int, FinancialEntry, dict[str, Any], dict[str, Any]]] = []
        for index, (ext, values) in enumerate(zip(exts, checked, strict=True)):
            result = results[index]
            errors = item_errors(index)
            debtor_ext = values.pop("debtor_external_id")
            debtor_id = debtors.get(debtor_ext) if debtor_ext else None
            if debtor_ext and debtor_id is None:
                errors.add(
                    "NOT_FOUND",
                    "Cliente não encontrado com este identificador externo nesta empresa.",
                    "debtorExternalId",
                )
            values["debtor_id"] = debtor_id
            code = values.pop("code")
            entry = existing.get(ext) if ext else None
            if code:
                if (code in taken and taken[code] != ext) or code in codes_in_call:
                    errors.add(
                        "DUPLICATE_CODE", "Já existe um lançamento com este código na empresa.",
                        "code",
                    )  # fmt: skip
                codes_in_call[code] = index
            if entry is not None and not errors and not result.errors:
                _check_existing(entry, values, errors)
            result.errors.extend(errors.errors)
            if result.errors or ext is None:
                continue
            if entry is None:
                new_rows.append((index, ext, {**values, "code": code}))
                continue
            result.id = entry.id
            if code and code != entry.code:
                values["code"] = code
            diff = {k: v for k, v in values.items() if getattr(entry, k) != v}
            if diff:
                result.changed = True
                before = {k: getattr(entry, k) for k in diff}
                changed.append((index, entry, diff, before))

        audit: list[AuditEvent] = []
        touched: set[int] = set()
        if new_rows:
            ids = await _insert(conn, company_id, new_rows, now)
            for new_id, (index, ext, values) in zip(ids, new_rows, strict=True):
                result = results[index]
                result.id, result.created, result.changed = new_id, True, True
                touched.add(values["debtor_id"])
                audit.append(
                    audit_row(
                        principal, action="entry.create", target_type="FinancialEntry",
                        target_id=new_id, company_id=company_id,
                        details={"externalId": ext, "via": "upsert",
                                 "amount": str(from_cents(values["amount_cents"]))},
                    )
                )  # fmt: skip
        if changed:
            fields = sorted({key for _, _, diff, _ in changed for key in diff})
            for _, entry, diff, before in changed:
                entry.update_from_dict(diff)
                entry.status = status_for(entry.amount_cents, entry.paid_cents)
                entry.version += 1
                entry.updated_at = now
                touched.add(entry.debtor_id)
                audit.append(
                    audit_row(
                        principal, action="entry.update", target_type="FinancialEntry",
                        target_id=entry.id, company_id=company_id,
                        details=changes(_readable(before), _readable(diff)),
                    )
                )  # fmt: skip
            columns = {f: _COLUMN_TYPES[f] for f in fields}
            columns.update(status="text", version="integer", updated_at="timestamptz")
            await update_rows(
                conn,
                "financial_entry",
                columns,
                [(e.id, [_db(getattr(e, c)) for c in columns]) for _, e, _, _ in changed],
            )
        if audit:
            await AuditEvent.bulk_create(audit)
        await refresh_debtors(conn, touched)
    return UpsertOutcome(results)


def _db(value: Any) -> Any:
    return value.value if isinstance(value, EntryStatus) else value


def _check_existing(entry: FinancialEntry, values: dict[str, Any], errors: Any) -> None:
    if entry.status == EntryStatus.CANCELLED:
        errors.add(
            "ENTRY_CANCELLED", "Este lançamento está cancelado e não pode ser alterado.",
            "externalId",
        )  # fmt: skip
    elif entry.debtor_id != values["debtor_id"]:
        errors.add(
            "DEBTOR_MISMATCH", "O lançamento com este identificador pertence a outro cliente.",
            "debtorExternalId",
        )  # fmt: skip
    elif values["amount_cents"] < entry.paid_cents:
        errors.add("AMOUNT_BELOW_PAID", "O valor não pode ser menor que o total já pago.", "amount")


async def _insert(
    conn: Any, company_id: int, new_rows: list[tuple[int, str, dict[str, Any]]], now: dt.datetime
) -> list[int]:
    """One INSERT; entries sent without a code get their id as code (as createEntry does),
    or id-1, id-2… when the company already uses that code."""
    rows = []
    for _, ext, v in new_rows:
        rows.append([
            company_id, v["debtor_id"], v["code"] or f"tmp-{uuid.uuid4().hex}", ext,
            v["description"], v.get("document_number"), v.get("category"), v.get("cost_center"),
            v["issue_date"], v["due_date"], v["amount_cents"], 0, EntryStatus.OPEN.value, 1,
            now, now,
        ])  # fmt: skip
    ids = await insert_returning_ids(conn, "financial_entry", _INSERT_COLUMNS, rows)
    uncoded = [i for i, (_, _, v) in zip(ids, new_rows, strict=True) if not v["code"]]
    if uncoded:
        used: set[str] = {
            str(code)
            for code in await FinancialEntry.filter(
                company_id=company_id, code__in=[str(i) for i in uncoded]
            ).values_list("code", flat=True)
        }
        renamed = []
        for entry_id in uncoded:
            code, suffix = str(entry_id), 0
            while code in used:
                suffix += 1
                code = f"{entry_id}-{suffix}"
            used.add(code)
            renamed.append((entry_id, [code]))
        await update_rows(conn, "financial_entry", {"code": "text"}, renamed)
    return ids
