"""Raw twins of the race's own requests: the same JSON as our answer, from hand-written SQL
(asyncpg, a pool: the twin must not be the one serialising 8 clients) and orjson."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import asyncpg
import orjson

from backend.core.ids import encode_id
from bench.raw import money

ENTRY_COLUMNS = "e.id, e.code, e.description, e.due_date, e.amount_cents, e.paid_cents, e.status"


def _page(limit: int, where: str) -> str:
    return (
        f"SELECT * FROM (SELECT {ENTRY_COLUMNS}, e.debtor_id, "
        "row_number() OVER (PARTITION BY e.debtor_id ORDER BY e.due_date DESC, e.id DESC) AS n, "
        "count(*) OVER (PARTITION BY e.debtor_id) AS total "
        f"FROM financial_entry e WHERE {where}) p WHERE n <= {limit} ORDER BY debtor_id, n"
    )


LIST_DEBTORS = (
    "SELECT d.id, d.name, d.document FROM (SELECT debtor_id, open_cents FROM debtor_balance "
    "ORDER BY open_cents DESC, debtor_id LIMIT 25) b JOIN debtor d ON d.id = b.debtor_id "
    "ORDER BY b.open_cents DESC, b.debtor_id"
)
LIST_ENTRIES = _page(20, "e.debtor_id = ANY($1::int[])")
BUSY_DEBTOR = "SELECT id, name, document FROM debtor WHERE id = $1"
BUSY_ENTRIES = _page(100, "e.debtor_id = $1")
BUSY_PAYMENTS = (
    "SELECT id, entry_id, amount_cents, paid_on, method FROM payment "
    "WHERE entry_id = ANY($1::int[]) ORDER BY paid_on, id"
)
BUSY_CONTACTS = "SELECT id, name, email, phone FROM contact WHERE debtor_id = $1 ORDER BY name, id"
BUSY_EMAILS = (
    "SELECT id, subject, status, count(*) OVER () AS total FROM sent_email WHERE debtor_id = $1 "
    "ORDER BY queued_at DESC, id DESC LIMIT 20"
)


def _entry(row: Any) -> dict[str, Any]:
    cancelled = row["status"] == "CANCELLED"
    return {
        "id": encode_id("FinancialEntry", row["id"]),
        "code": row["code"],
        "description": row["description"],
        "dueDate": row["due_date"].isoformat(),
        "amount": money(row["amount_cents"]),
        "paidAmount": money(row["paid_cents"]),
        "openAmount": money(0 if cancelled else row["amount_cents"] - row["paid_cents"]),
        "status": row["status"],
    }


class RaceTwins:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def list(self) -> bytes:
        async with self.pool.acquire() as conn:
            debtors = await conn.fetch(LIST_DEBTORS)
            entries = await conn.fetch(LIST_ENTRIES, [d["id"] for d in debtors])
        pages: dict[int, list[Any]] = defaultdict(list)
        for row in entries:
            pages[row["debtor_id"]].append(row)
        edges = [
            {
                "node": {
                    "id": encode_id("Debtor", d["id"]),
                    "name": d["name"],
                    "document": d["document"],
                    "entries": {
                        "totalCount": pages[d["id"]][0]["total"] if pages[d["id"]] else 0,
                        "edges": [{"node": _entry(e)} for e in pages[d["id"]]],
                    },
                }
            }
            for d in debtors
        ]
        return orjson.dumps({"data": {"debtors": {"edges": edges}}})

    async def busy(self, debtor_id: int) -> bytes:
        async with self.pool.acquire() as conn:
            debtor = await conn.fetchrow(BUSY_DEBTOR, debtor_id)
            entries = await conn.fetch(BUSY_ENTRIES, debtor_id)
            payments = await conn.fetch(BUSY_PAYMENTS, [e["id"] for e in entries])
            contacts = await conn.fetch(BUSY_CONTACTS, debtor_id)
            emails = await conn.fetch(BUSY_EMAILS, debtor_id)
        by_entry: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for p in payments:
            by_entry[p["entry_id"]].append(
                {
                    "id": encode_id("Payment", p["id"]),
                    "amount": money(p["amount_cents"]),
                    "paidOn": p["paid_on"].isoformat(),
                    "method": p["method"],
                }
            )
        body = {
            "id": encode_id("Debtor", debtor["id"]),
            "name": debtor["name"],
            "document": debtor["document"],
            "entries": {
                "totalCount": entries[0]["total"] if entries else 0,
                "edges": [{"node": {**_entry(e), "payments": by_entry[e["id"]]}} for e in entries],
            },
            "contacts": [
                {
                    "id": encode_id("Contact", c["id"]),
                    "name": c["name"],
                    "email": c["email"],
                    "phone": c["phone"],
                }
                for c in contacts
            ],
            "sentEmails": {
                "totalCount": emails[0]["total"] if emails else 0,
                "edges": [
                    {
                        "node": {
                            "id": encode_id("SentEmail", m["id"]),
                            "subject": m["subject"],
                            "status": m["status"],
                        }
                    }
                    for m in emails
                ],
            },
        }
        return orjson.dumps({"data": {"debtor": body}})
