"""Scenario 6: the disk fills up under SQLite. Simulated with `PRAGMA max_page_count` (mounting a
small file system needs privileges the test does not have): SQLite then answers a genuine
SQLITE_FULL ("database or disk is full") when a write needs a new page. Writes fail with 503
STORAGE_FULL, nothing is half-written or corrupted, and writes succeed again once space returns,
without a restart."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from tortoise import connections

from backend.entries.models import FinancialEntry, Payment, SettleKey
from tests.entries.helpers import SETTLE
from tests.faults.report import Row, report
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry


async def _settle(api: ApiClient, entry: FinancialEntry, key: str) -> tuple[int, dict[str, Any]]:
    variables = {"input": {"entryId": gid("FinancialEntry", entry.id), "amount": "0.01"}}
    variables["input"]["idempotencyKey"] = key
    response = await api.post(SETTLE, variables)
    return response.status_code, response.json()


async def _pages() -> int:
    rows = await connections.get("default").execute_query_dict("PRAGMA page_count")
    return int(rows[0]["page_count"])


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_full_disk_fails_writes_clearly_and_recovers(admin_api: ApiClient) -> None:
    db = connections.get("default")
    debtor = await make_debtor()
    entry = await make_entry(
        await make_company(), debtor, due=dt.date(2026, 1, 10), amount="1000.00"
    )
    acknowledged: set[str] = set()
    failed: list[str] = []
    requests = 0

    # The disk is "full": the file may not grow by one more page.
    await db.execute_script(f"PRAGMA max_page_count = {await _pages()}")
    for n in range(400):
        key = f"cheio-{n}"
        status, body = await _settle(admin_api, entry, key)
        requests += 1
        if status == 200:
            assert body["data"]["settleEntry"]["errors"] == []
            acknowledged.add(key)
            continue
        # Never a 500 nor a hang: 503 with the stable code and a Portuguese message.
        assert status == 503, body
        assert body["errors"][0]["extensions"]["code"] == "STORAGE_FULL"
        assert "Sem espaço em disco" in body["errors"][0]["message"]
        failed.append(key)
        if len(failed) >= 5:
            break
    assert failed, "the write never needed a new page"
    # Reads still answer while the disk is full.
    read = await admin_api.data(
        "query($id: ID!) { entry(id: $id) { id paidAmount } }",
        {"id": gid("FinancialEntry", entry.id)},
    )
    assert read["entry"] is not None

    # Nothing half-written: every payment the entry counts was acknowledged, and the reverse.
    async def check() -> tuple[int, int]:
        payments = await Payment.filter(entry_id=entry.id)
        keys = {k.key for k in await SettleKey.filter(payment_id__in=[p.id for p in payments])}
        fresh = await FinancialEntry.get(id=entry.id)
        assert fresh.paid_cents == sum(p.amount_cents for p in payments)
        integrity = await db.execute_query_dict("PRAGMA integrity_check")
        assert integrity == [{"integrity_check": "ok"}]
        return len(acknowledged - keys), len(payments) - len(keys)

    lost, duplicates = await check()
    assert (lost, duplicates) == (0, 0)

    # Space returns: the client's retries (same keys) go through, each paying once.
    await db.execute_script("PRAGMA max_page_count = 1073741823")
    returned = time.monotonic()
    recovered_after = None
    for key in failed:
        status, body = await _settle(admin_api, entry, key)
        requests += 1
        assert status == 200, body
        assert body["data"]["settleEntry"]["errors"] == []
        recovered_after = recovered_after or time.monotonic() - returned
        acknowledged.add(key)
    for key in failed[:2]:  # a second retry pays nothing again
        status, body = await _settle(admin_api, entry, key)
        requests += 1
        assert status == 200
    lost, duplicates = await check()
    assert (lost, duplicates) == (0, 0)
    assert await Payment.filter(entry_id=entry.id).count() == len(acknowledged)
    report(
        Row(
            "6 disco cheio (SQLite, SQLITE_FULL via max_page_count)",
            requests,
            len(failed),
            round(recovered_after or 0.0, 2),
            lost,
            duplicates,
        )
    )
