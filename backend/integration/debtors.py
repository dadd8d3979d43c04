"""upsertDebtors: up to 500 debtors of one company by the partner's externalId, in one
transaction and a handful of statements whatever the count.

Each item is validated as createDebtor/updateDebtor validate one (backend.debtors.services);
an invalid item is answered with its errors and the others are written. An existing debtor
shared with a company the caller does not reach is refused per item (FORBIDDEN), as
updateDebtor refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tortoise.transactions import in_transaction

from backend.audit.models import AuditEvent
from backend.audit.services import changes, record
from backend.companies.services import get_company
from backend.core.conflicts import retry_on_conflict
from backend.core.enums import DebtorKind
from backend.core.errors import fail
from backend.core.principal import Principal
from backend.debtors.models import Debtor, DebtorCompany
from backend.debtors.services import DebtorData, validate_debtor
from backend.entries.models import FinancialEntry
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
from backend.webhooks.events import debtor_event
from backend.webhooks.outbox import enqueue_events

_INSERT_COLUMNS = (
    "kind", "name", "search_key", "document", "email", "phone", "mobile", "postal_code",
    "street", "number", "complement", "district", "city", "state", "created_at", "updated_at",
)  # fmt: skip
_FORBIDDEN = (
    "Este cliente também é cobrado por outra empresa à qual você não tem acesso: os dados "
    "cadastrais dele só podem ser alterados por quem tem acesso a todas as empresas do cliente."
)


async def upsert_debtors(
    *, principal: Principal, company_id: int | None, items: Sequence[DebtorData], now: dt.datetime
) -> UpsertOutcome:
    principal.require_write()
    if await get_company(principal, company_id) is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    assert company_id is not None
    check_size(len(items))
    outcome = await retry_on_conflict(lambda: _upsert(principal, company_id, items, now))
    if any(r.changed for r in outcome.results):
        await publish(principal, kind="debtor.import", debtor_id=None, company_ids=[company_id])
    return outcome


def _db(value: Any) -> Any:
    return value.value if isinstance(value, DebtorKind) else value


async def _companies_of(debtor_ids: list[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {d: set() for d in debtor_ids}
    if not debtor_ids:
        return found
    for debtor_id, company in await DebtorCompany.filter(debtor_id__in=debtor_ids).values_list(
        "debtor_id", "company_id"
    ):
        found[int(debtor_id)].add(int(company))
    owed = (
        await FinancialEntry.filter(debtor_id__in=debtor_ids)
        .distinct()
        .values_list("debtor_id", "company_id")
    )
    for debtor_id, company in owed:
        found[int(debtor_id)].add(int(company))
    return found


async def _upsert(
    principal: Principal, company_id: int, items: Sequence[DebtorData], now: dt.datetime
) -> UpsertOutcome:
    results = [ItemResult(index=i) for i in range(len(items))]
    exts = external_ids([item.external_id for item in items], results)
    async with in_transaction() as conn:
        wanted = [e for e in exts if e is not None]
        links = await DebtorCompany.filter(
            company_id=company_id, external_id__in=wanted
        ).select_for_update()
        by_ext = {link.external_id: link.debtor_id for link in links}
        existing = {
            d.id: d for d in await Debtor.filter(id__in=list(by_ext.values())).select_for_update()
        }
        companies = await _companies_of(list(existing))
        new_rows: list[tuple[int, str, dict[str, Any]]] = []
        changed: list[tuple[int, Debtor, dict[str, Any]]] = []
        for index, (item, ext) in enumerate(zip(items, exts, strict=True)):
            result = results[index]
            debtor = existing.get(by_ext[ext]) if ext in by_ext else None
            errors = item_errors(index)
            values = validate_debtor(item, creating=debtor is None, errors=errors)
            values.pop("external_id", None)
            restricted = principal.company_ids
            if (
                debtor is not None
                and restricted is not None
                and not companies.get(debtor.id, set()) <= restricted
            ):
                errors.add("FORBIDDEN", _FORBIDDEN)
            result.errors.extend(errors.errors)
            if result.errors or ext is None:
                continue
            if debtor is None:
                new_rows.append((index, ext, values))
                continue
            result.id = debtor.id
            diff = {k: v for k, v in values.items() if getattr(debtor, k) != v}
            if diff:
                result.changed = True
                changed.append((index, debtor, diff))

        audit: list[AuditEvent] = []
        if new_rows:
            rows = []
            for _, _, values in new_rows:
                kind = values.get("kind") or DebtorKind.CUSTOMER
                row = [kind.value, *(values.get(c) for c in _INSERT_COLUMNS[1:-2]), now, now]
                rows.append(row)
            ids = await insert_returning_ids(conn, "debtor", _INSERT_COLUMNS, rows)
            await DebtorCompany.bulk_create(
                [
                    DebtorCompany(debtor_id=new_id, company_id=company_id, external_id=ext)
                    for new_id, (_, ext, _) in zip(ids, new_rows, strict=True)
                ]
            )
            for new_id, (index, ext, values) in zip(ids, new_rows, strict=True):
                results[index].id, results[index].created = new_id, True
                results[index].changed = True
                audit.append(
                    audit_row(
                        principal, action="debtor.create", target_type="Debtor",
                        target_id=new_id, company_id=company_id,
                        details={"name": values["name"], "externalId": ext, "via": "upsert"},
                    )
                )  # fmt: skip
        if changed:
            fields = sorted({key for _, _, diff in changed for key in diff})
            before: dict[int, dict[str, Any]] = {}
            for _, debtor, diff in changed:
                before[debtor.id] = {k: getattr(debtor, k) for k in diff}
                debtor.update_from_dict(diff)
                debtor.updated_at = now
            await update_rows(
                conn,
                "debtor",
                {**dict.fromkeys(fields, "text"), "updated_at": "timestamptz"},
                [(d.id, [*(_db(getattr(d, f)) for f in fields), now]) for _, d, _ in changed],
            )
            for _, debtor, diff in changed:
                details = changes(before[debtor.id], diff)
                shared = companies.get(debtor.id, set()) | {company_id}
                if len(shared) > 1:  # seen by each of its companies, as updateDebtor does
                    await record(
                        principal, action="debtor.update", target_type="Debtor",
                        target_id=debtor.id, company_ids=shared, details=details,
                    )  # fmt: skip
                else:
                    audit.append(
                        audit_row(
                            principal, action="debtor.update", target_type="Debtor",
                            target_id=debtor.id, company_id=company_id, details=details,
                        )
                    )  # fmt: skip
        if audit:
            await AuditEvent.bulk_create(audit)
        if changed:
            ext_by_debtor = {debtor_id: ext for ext, debtor_id in by_ext.items()}
            await enqueue_events(
                company_id,
                "debtor.updated",
                [debtor_event(d.id, company_id, list(diff), ext_by_debtor.get(d.id))
                 for _, d, diff in changed],
                now=now,
            )  # fmt: skip
    return UpsertOutcome(results)
