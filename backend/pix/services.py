"""PIX in the database: which entries a collection e-mail covered, and payments partners report.

A collection e-mail quotes a statement (backend.mailing.statement); `record_covered_entries`
keeps its entries with the amounts quoted that day, so a payment carrying the e-mail's txid
(backend.pix.message) settles exactly those entries (backend.pix.payments).
"""

from __future__ import annotations

from backend.core.money import to_cents
from backend.mailing.statement import Statement
from backend.pix.models import SentEmailEntry


async def record_covered_entries(sent_email_id: int, statement: Statement) -> None:
    """Inside the transaction that queues the e-mail."""
    rows = [
        SentEmailEntry(
            sent_email_id=sent_email_id,
            entry_id=line.entry_id,
            open_cents=to_cents(line.open_amount),
            updated_cents=to_cents(line.updated_amount),
        )
        for line in statement.lines
        if line.entry_id
    ]
    if rows:
        await SentEmailEntry.bulk_create(rows)
