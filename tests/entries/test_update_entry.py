"""updateEntry and cancelEntry through the API: rules, scope, audit with old and new values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.core.enums import EntryStatus
from backend.core.errors import ServiceError
from backend.core.keep import KEEP
from backend.entries.models import FinancialEntry
from backend.entries.services import EntryChanges, cancel_entry, update_entry
from tests.entries.helpers import CANCEL, DUE_10_JAN, NOON_9_FEB, UPDATE, codes, entry_id, mutate
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry, principal


async def _entry(**values: object) -> FinancialEntry:
    return await make_entry(await make_company(), await make_debtor(), due=DUE_10_JAN, **values)


async def test_edit_every_field_of_the_form(admin_api: ApiClient) -> None:
    entry = await _entry(amount="100.00")
    other = await make_company()
    result = await mutate(
        admin_api,
        UPDATE,
        "updateEntry",
        id=entry_id(entry),
        description="  Venda   de peças ",
        companyId=gid("Company", other.id),
        dueDate="2026-03-01",
        amount="150.50",
        notes="Cliente pediu\nprorrogação",
        issueDate="2026-02-01",
        documentNumber="NF 1234",
        category="Receitas de vendas",
        costCenter="Loja 2",
        expectedVersion=entry.version,
    )
    assert result["errors"] == []
    edited = result["entry"]
    assert edited["description"] == "Venda de peças"
    assert edited["company"]["id"] == gid("Company", other.id)
    assert (edited["dueDate"], edited["issueDate"]) == ("2026-03-01", "2026-02-01")
    assert (edited["amount"], edited["openAmount"]) == ("150.50", "150.50")
    assert edited["notes"] == "Cliente pediu\nprorrogação"
    assert (edited["documentNumber"], edited["category"], edited["costCenter"]) == (
        "NF 1234",
        "Receitas de vendas",
        "Loja 2",
    )
    assert edited["version"] == entry.version + 1
    event = await AuditEvent.get(action="entry.update", target_id=entry.id)
    assert event.company_id == other.id
    assert event.details["amount"] == {"old": "100.00", "new": "150.50"}
    assert event.details["due_date"] == {"old": "2026-01-10", "new": "2026-03-01"}
    assert event.details["company_id"] == {"old": entry.company_id, "new": other.id}


async def test_omitted_fields_stay_and_null_clears_optional_ones(admin_api: ApiClient) -> None:
    entry = await _entry(notes="nota", issue_date=dt.date(2026, 1, 1), category="Vendas")
    result = await mutate(
        admin_api,
        UPDATE,
        "updateEntry",
        id=entry_id(entry),
        description=None,
        notes=None,
        issueDate=None,
        category="",
    )
    assert result["errors"] == []
    stored = await FinancialEntry.get(id=entry.id)
    assert stored.description == entry.description
    assert (stored.notes, stored.issue_date, stored.category) == (None, None, None)
    assert stored.amount_cents == entry.amount_cents


async def test_no_change_writes_nothing(admin_api: ApiClient) -> None:
    entry = await _entry()
    result = await mutate(
        admin_api, UPDATE, "updateEntry", id=entry_id(entry), description=entry.description
    )
    assert result["entry"]["version"] == entry.version
    assert await AuditEvent.filter(action="entry.update").count() == 0


async def test_amount_below_paid_is_refused(admin_api: ApiClient) -> None:
    entry = await _entry(amount="100.00", paid="60.00")
    result = await mutate(admin_api, UPDATE, "updateEntry", id=entry_id(entry), amount="59.99")
    assert codes(result) == {("AMOUNT_BELOW_PAID", ("input", "amount"))}
    assert "R$ 60,00" in result["errors"][0]["message"]
    ok = await mutate(admin_api, UPDATE, "updateEntry", id=entry_id(entry), amount="60.00")
    assert ok["entry"]["status"] == "PAID"


async def test_update_errors_come_all_at_once_and_write_nothing(admin_api: ApiClient) -> None:
    entry = await _entry()
    result = await mutate(
        admin_api,
        UPDATE,
        "updateEntry",
        id=entry_id(entry),
        description=" ",
        amount="0",
        issueDate="2026-02-01",
        documentNumber="x" * 61,
        companyId=gid("Company", 999),
        expectedVersion=entry.version + 5,
    )
    assert result["entry"] is None
    assert codes(result) == {
        ("REQUIRED", ("input", "description")),
        ("INVALID_AMOUNT", ("input", "amount")),
        ("INVALID_DATE", ("input", "issueDate")),
        ("TOO_LONG", ("input", "documentNumber")),
        ("NOT_FOUND", ("input", "companyId")),
        ("VERSION_CONFLICT", ("input", "expectedVersion")),
    }
    stored = await FinancialEntry.get(id=entry.id)
    assert (stored.version, stored.description) == (entry.version, entry.description)


async def test_moving_to_a_company_that_has_the_code_is_refused(admin_api: ApiClient) -> None:
    entry = await _entry(code="NF-1")
    other = await make_company()
    await make_entry(other, await make_debtor(), due=DUE_10_JAN, code="NF-1")
    result = await mutate(
        admin_api, UPDATE, "updateEntry", id=entry_id(entry), companyId=gid("Company", other.id)
    )
    assert codes(result) == {("DUPLICATE_CODE", ("input", "companyId"))}


async def test_a_cancelled_entry_cannot_be_edited(admin_api: ApiClient) -> None:
    entry = await _entry(status=EntryStatus.CANCELLED)
    result = await mutate(admin_api, UPDATE, "updateEntry", id=entry_id(entry), description="X")
    assert codes(result) == {("ENTRY_CANCELLED", ("input", "id"))}


async def test_scope_hides_entries_and_companies_of_other_companies(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await make_debtor()
    entry_a = await make_entry(company_a, debtor, due=DUE_10_JAN)
    entry_b = await make_entry(company_b, debtor, due=DUE_10_JAN)
    api_a = await ApiClient.with_token(http, companies=[company_a])
    hidden = await mutate(api_a, UPDATE, "updateEntry", id=entry_id(entry_b), description="X")
    assert codes(hidden) == {("NOT_FOUND", ("input", "id"))}
    moved = await mutate(
        api_a, UPDATE, "updateEntry", id=entry_id(entry_a), companyId=gid("Company", company_b.id)
    )
    assert codes(moved) == {("NOT_FOUND", ("input", "companyId"))}
    cancelled = await mutate(api_a, CANCEL, "cancelEntry", id=entry_id(entry_b), reason="Erro")
    assert codes(cancelled) == {("NOT_FOUND", ("input", "id"))}
    assert (await FinancialEntry.get(id=entry_b.id)).status == EntryStatus.OPEN


async def test_cancel_an_entry(admin_api: ApiClient) -> None:
    entry = await _entry()
    result = await mutate(
        admin_api, CANCEL, "cancelEntry", id=entry_id(entry), reason="Lançado em duplicidade"
    )
    assert result["errors"] == []
    assert result["entry"]["status"] == "CANCELLED"
    assert result["entry"]["openAmount"] == "0.00"
    assert result["entry"]["cancelReason"] == "Lançado em duplicidade"
    assert result["entry"]["cancelledAt"] is not None
    event = await AuditEvent.get(action="entry.cancel")
    assert event.details["status"] == {"old": "OPEN", "new": "CANCELLED"}
    again = await mutate(admin_api, CANCEL, "cancelEntry", id=entry_id(entry), reason="De novo")
    assert codes(again) == {("ENTRY_CANCELLED", ("input", "id"))}


async def test_cancel_errors(admin_api: ApiClient) -> None:
    paid = await _entry(paid="10.00")
    with_payments = await mutate(admin_api, CANCEL, "cancelEntry", id=entry_id(paid), reason="X")
    assert codes(with_payments) == {("ENTRY_HAS_PAYMENTS", ("input", "id"))}
    no_reason = await mutate(admin_api, CANCEL, "cancelEntry", id=entry_id(paid), reason="")
    assert codes(no_reason) == {
        ("REQUIRED", ("input", "reason")),
        ("ENTRY_HAS_PAYMENTS", ("input", "id")),
    }
    unknown = await mutate(
        admin_api, CANCEL, "cancelEntry", id=gid("FinancialEntry", 999), reason="X"
    )
    assert codes(unknown) == {("NOT_FOUND", ("input", "id"))}
    assert (await FinancialEntry.get(id=paid.id)).status == EntryStatus.PARTIALLY_PAID


# --- the service directly -----------------------------------------------------------------


async def test_keep_leaves_every_field_and_a_read_only_principal_is_refused(
    database_url: str,
) -> None:
    entry = await _entry()
    same = await update_entry(principal=principal(), entry_id=entry.id, data=EntryChanges())
    assert same.version == entry.version
    with pytest.raises(ServiceError) as refused:
        await update_entry(
            principal=principal(can_write=False),
            entry_id=entry.id,
            data=EntryChanges(amount=Decimal("1.00"), company_id=KEEP),
        )
    assert refused.value.errors[0].code == "FORBIDDEN"
    with pytest.raises(ServiceError) as read_only:
        await cancel_entry(
            principal=principal(can_write=False), entry_id=entry.id, reason="x", now=NOON_9_FEB
        )
    assert read_only.value.errors[0].code == "FORBIDDEN"
