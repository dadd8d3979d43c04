"""settleEntry's idempotency key: a retry pays nothing again; another input is refused."""

from __future__ import annotations

import asyncio

import pytest

from backend.entries.models import FinancialEntry, Payment, SettleKey
from tests.entries.helpers import DUE_10_JAN, NOON_9_FEB, SETTLE, codes, entry_id, freeze, mutate
from tests.support import ApiClient, make_company, make_debtor, make_entry


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    freeze(monkeypatch, NOON_9_FEB)


async def _entry() -> FinancialEntry:
    return await make_entry(
        await make_company(), await make_debtor(), due=DUE_10_JAN, amount="1000.00"
    )


async def test_same_key_same_input_returns_the_first_payment(admin_api: ApiClient) -> None:
    entry = await _entry()
    values = {"entryId": entry_id(entry), "amount": "400.00", "idempotencyKey": "baixa-1"}
    first = await mutate(admin_api, SETTLE, "settleEntry", **values)
    again = await mutate(admin_api, SETTLE, "settleEntry", **values)  # the retry
    assert first["errors"] == []
    assert again["errors"] == []
    assert again["payment"]["id"] == first["payment"]["id"]
    assert again["entry"]["paidAmount"] == "400.00"
    assert await Payment.filter(entry_id=entry.id).count() == 1
    assert (await FinancialEntry.get(id=entry.id)).paid_cents == 40000


async def test_same_key_other_input_is_refused(admin_api: ApiClient) -> None:
    entry = await _entry()
    first = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="400.00",
        idempotencyKey="baixa-1",
    )
    assert first["errors"] == []
    other = await mutate(
        admin_api,
        SETTLE,
        "settleEntry",
        entryId=entry_id(entry),
        amount="500.00",
        idempotencyKey="baixa-1",
    )
    assert codes(other) == {("IDEMPOTENCY_KEY_REUSED", ("input", "idempotencyKey"))}
    assert other["payment"] is None
    assert await Payment.filter(entry_id=entry.id).count() == 1


async def test_without_a_key_each_call_pays(admin_api: ApiClient) -> None:
    entry = await _entry()
    for _ in range(2):
        done = await mutate(
            admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), amount="1.00"
        )
        assert done["errors"] == []
    assert await Payment.filter(entry_id=entry.id).count() == 2
    assert await SettleKey.all().count() == 0


async def test_a_key_too_long_is_refused(admin_api: ApiClient) -> None:
    entry = await _entry()
    result = await mutate(
        admin_api, SETTLE, "settleEntry", entryId=entry_id(entry), idempotencyKey="k" * 101
    )
    assert ("TOO_LONG", ("input", "idempotencyKey")) in codes(result)
    assert await Payment.filter(entry_id=entry.id).count() == 0


async def test_keys_are_per_company(admin_api: ApiClient) -> None:
    one, two = await _entry(), await _entry()
    for entry in (one, two):
        done = await mutate(
            admin_api,
            SETTLE,
            "settleEntry",
            entryId=entry_id(entry),
            amount="10.00",
            idempotencyKey="mesma",
        )
        assert done["errors"] == []
    assert await Payment.all().count() == 2


async def test_concurrent_retries_pay_once(admin_api: ApiClient) -> None:
    entry = await _entry()
    values = {"entryId": entry_id(entry), "amount": "10.00", "idempotencyKey": "corrida"}
    results = await asyncio.gather(
        *(mutate(admin_api, SETTLE, "settleEntry", **values) for _ in range(4))
    )
    assert all(r["errors"] == [] for r in results)
    assert len({r["payment"]["id"] for r in results}) == 1
    assert await Payment.filter(entry_id=entry.id).count() == 1
