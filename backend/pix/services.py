"""PIX in the database: which entries a collection e-mail covered, and payments partners report.

A collection e-mail quotes a statement (backend.mailing.statement); `record_covered_entries`
keeps its entries with the amounts quoted that day, so a payment carrying the e-mail's txid
(backend.pix.message) settles exactly those entries (backend.pix.payments).
"""

from __future__ import annotations

from dataclasses import replace

from backend.companies.models import Company
from backend.core.money import to_cents
from backend.mailing.compose import pix_for
from backend.mailing.models import SentEmail
from backend.mailing.rendering import EmailFacts, UserTemplate, render_email
from backend.mailing.statement import Statement
from backend.pix.brcode import decode
from backend.pix.models import SentEmailEntry


async def attach_pix(
    email: SentEmail,
    *,
    company: Company,
    subject: UserTemplate,
    body: UserTemplate,
    facts: EmailFacts,
) -> None:
    """Call right after `SentEmail.create`, in the same transaction, from every path that
    queues a collection e-mail (the composer, the régua): the txid names the e-mail, so the
    message is rendered again with its PIX now that it has an id; the entries it quotes are
    recorded for a payment by that txid. No PIX key or nothing owed: only the entries."""
    pix = pix_for(company, facts.statement, email.id)
    if pix is not None:
        rendered = render_email(subject=subject, body=body, facts=replace(facts, pix=pix))
        email.body, email.html, email.text = rendered.body, rendered.html, rendered.text
        email.pix_copia_e_cola = pix.copia_e_cola
        email.pix_txid = decode(pix.copia_e_cola).txid
        await email.save(update_fields=["body", "html", "text", "pix_copia_e_cola", "pix_txid"])
    await record_covered_entries(email.id, facts.statement)


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
