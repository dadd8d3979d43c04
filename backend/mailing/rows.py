"""A list's e-mail as a plain row: every column but the texts (mailing/loaders.py `HEAVY`).

Same names as the model's attributes, so the GraphQL type reads either; the texts are loaded
by id when a field asks for them. tests/mailing/test_rows.py checks the row names every light
column and converts like the model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from backend.core.enums import EmailStatus


@dataclass(frozen=True, slots=True)
class SentEmailRow:
    id: int
    debtor_id: int
    company_id: int
    recipients: list[str]
    delivered_to: list[str] | None
    subject: str
    status: EmailStatus
    attempts: int
    next_attempt_at: dt.datetime | None
    lease_until: dt.datetime | None
    last_error: str | None
    idempotency_key: str | None
    message_id: str | None
    pix_txid: str | None
    pix_copia_e_cola: str | None
    queued_at: dt.datetime
    sent_at: dt.datetime | None
    sent_by_id: int | None
    automatic: bool
    collection_step_days: int | None
