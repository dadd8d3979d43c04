"""Collection e-mails: queue (transactional outbox), retry, preview and read them.

Nothing is sent inside a request: `send_collection_email` writes the SentEmail (QUEUED) and its
audit event in one transaction and returns; the worker (worker.py) delivers it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts.scope import scope_sent_emails
from backend.audit.services import record
from backend.core.enums import EmailStatus
from backend.core.errors import ErrorCollector, FieldError, ServiceError, fail
from backend.core.pagination import Page, PageRequest
from backend.core.principal import Principal
from backend.core.sql import RowReader, Sql, connection
from backend.core.validation import check_text
from backend.debtors.models import Debtor
from backend.live.bus import publish
from backend.mailing.compose import (
    MAX_KEY,
    EmailRequest,
    PreparedEmail,
    Warning,
    prepare_email,
    recent_contact,
)
from backend.mailing.models import SentEmail
from backend.mailing.rows import SentEmailRow
from backend.mailing.worker import wake_workers
from backend.pix.services import attach_pix

__all__ = [
    "EmailPreview",
    "EmailRequest",
    "Warning",
    "debtor_sent_emails",
    "get_sent_email",
    "preview_collection_email",
    "retry_email",
    "send_collection_email",
]


@dataclass
class EmailPreview:
    to: list[str] = field(default_factory=list)
    subject: str | None = None
    body: str | None = None
    html: str | None = None
    text: str | None = None
    warnings: list[Warning] = field(default_factory=list)
    errors: list[FieldError] = field(default_factory=list)


async def preview_collection_email(
    *, principal: Principal, request: EmailRequest, now: dt.datetime, mail_from: str
) -> EmailPreview:
    """Exactly what `send_collection_email` would queue, or why it would refuse."""
    try:
        prepared = await prepare_email(
            principal=principal, request=request, now=now, mail_from=mail_from
        )
    except ServiceError as exc:
        return EmailPreview(errors=exc.errors)
    rendered = prepared.rendered
    return EmailPreview(
        to=prepared.recipients,
        subject=rendered.subject,
        body=rendered.body,
        html=rendered.html,
        text=rendered.text,
        warnings=prepared.warnings,
    )


async def send_collection_email(
    *, principal: Principal, request: EmailRequest, now: dt.datetime, mail_from: str
) -> SentEmail:
    """Queue the e-mail; the same idempotency key again returns the first one, queuing nothing."""
    principal.require_write()
    # An invalid key skips the lookup; prepare_email reports it with the other problems.
    key = check_text(ErrorCollector(), request.idempotency_key, label="", max_length=MAX_KEY)
    if key and (existing := await _by_key(principal, key, request)) is not None:
        return existing
    prepared = await prepare_email(
        principal=principal, request=request, now=now, mail_from=mail_from
    )
    _guard_recent_contact(prepared, request)
    try:
        async with in_transaction():
            # The debtor's row serialises sends to one debtor: the guard and the key are
            # checked again under the lock, against what a concurrent request just committed.
            debtor = await Debtor.filter(id=prepared.debtor.id).select_for_update().get()
            if key and (existing := await _by_key(principal, key, request)) is not None:
                return existing
            prepared.debtor = debtor
            prepared.recently_contacted = await recent_contact(
                principal, debtor, prepared.company, now
            )
            _guard_recent_contact(prepared, request)
            email = await _queue(principal, prepared, request, now, mail_from)
    except IntegrityError:
        if key and (existing := await _by_key(principal, key, request)) is not None:
            return existing
        raise
    wake_workers()
    await publish(
        principal, kind="email.queue", debtor_id=email.debtor_id, company_ids=[email.company_id]
    )
    return email


def _guard_recent_contact(prepared: PreparedEmail, request: EmailRequest) -> None:
    warning = prepared.recently_contacted
    if warning is not None and not request.confirm_recent_contact:
        fail(warning.code, warning.message, "input", "confirmRecentContact")


async def _queue(
    principal: Principal,
    prepared: PreparedEmail,
    request: EmailRequest,
    now: dt.datetime,
    mail_from: str,
) -> SentEmail:
    rendered = prepared.rendered
    email = await SentEmail.create(
        debtor_id=prepared.debtor.id,
        company_id=prepared.company.id,
        recipients=prepared.recipients,
        subject=rendered.subject,
        body=rendered.body,
        html=rendered.html,
        text=rendered.text,
        status=EmailStatus.QUEUED,
        queued_at=now,  # the request's clock, which the recent-contact guard compares with
        next_attempt_at=now,
        idempotency_key=prepared.idempotency_key,
        sent_by_id=principal.user_id,
    )
    # Stable across retries, so a copy delivered twice after a crash shows as the same message.
    email.message_id = (
        f"<sent-email-{email.id}.{uuid.uuid4().hex[:16]}@{mail_from.rpartition('@')[2]}>"
    )
    await email.save(update_fields=["message_id"])
    assert prepared.subject_template is not None
    assert prepared.body_template is not None
    assert prepared.facts is not None
    await attach_pix(
        email,
        company=prepared.company,
        subject=prepared.subject_template,
        body=prepared.body_template,
        facts=prepared.facts,
    )
    prepared.debtor.last_emailed_at = now
    await prepared.debtor.save(update_fields=["last_emailed_at"])
    await record(
        principal,
        action="email.queue",
        target_type="SentEmail",
        target_id=email.id,
        company_id=prepared.company.id,
        details={
            "debtor_id": prepared.debtor.id,
            "to": prepared.recipients,
            "subject": rendered.subject,
            "confirmed_recent_contact": prepared.recently_contacted is not None,
            "pix_txid": email.pix_txid,
        },
    )
    return email


async def _by_key(principal: Principal, key: str, request: EmailRequest) -> SentEmail | None:
    """The e-mail already queued with this key by the request's company. Keys are unique per
    company, so another company's key is never found here, nor refused: refusing would tell
    the caller that someone else used it."""
    if request.company_id is None or not principal.sees_company(request.company_id):
        return None  # prepare_email reports the company as not found
    existing = await SentEmail.get_or_none(company_id=request.company_id, idempotency_key=key)
    if existing is None:
        return None
    if existing.debtor_id != request.debtor_id:
        fail(
            "IDEMPOTENCY_KEY_REUSED",
            "Esta chave de idempotência já foi usada em outro envio.",
            "input",
            "idempotencyKey",
        )
    return existing


async def retry_email(
    *, principal: Principal, sent_email_id: int | None, now: dt.datetime
) -> SentEmail:
    """Queue a FAILED e-mail again, with a fresh round of attempts."""
    principal.require_write()
    email = await get_sent_email(principal, sent_email_id)
    if email is None:
        fail("NOT_FOUND", "E-mail não encontrado.", "input", "id")
    if email.status != EmailStatus.FAILED:
        fail("NOT_FAILED", "Só é possível reenviar um e-mail que falhou.", "input", "id")
    async with in_transaction():
        updated = await SentEmail.filter(id=email.id, status=EmailStatus.FAILED).update(
            status=EmailStatus.QUEUED, attempts=0, next_attempt_at=now, lease_until=None
        )
        if not updated:  # someone retried it a moment ago
            fail("NOT_FAILED", "Só é possível reenviar um e-mail que falhou.", "input", "id")
        await record(
            principal,
            action="email.retry",
            target_type="SentEmail",
            target_id=email.id,
            company_id=email.company_id,
            details={"previous_attempts": email.attempts, "last_error": email.last_error},
        )
    wake_workers()
    await publish(
        principal, kind="email.queue", debtor_id=email.debtor_id, company_ids=[email.company_id]
    )
    await email.refresh_from_db()
    return email


async def get_sent_email(principal: Principal, sent_email_id: int | None) -> SentEmail | None:
    """The e-mail, or None when it does not exist or its company is out of reach."""
    if sent_email_id is None:
        return None
    return await scope_sent_emails(SentEmail.filter(id=sent_email_id), principal).first()


SENT_EMAILS_LIST = "Debtor.sentEmails"  # the list's name in its cursors
SENT_EMAIL_ROWS = RowReader(SentEmail, SentEmailRow)


def _email_scope(sql: Sql, principal: Principal, debtor_id: int) -> str:
    """The conditions of one debtor's e-mails the principal sees (placeholders in order)."""
    where = f"s.debtor_id = {sql.param(debtor_id)}"
    if principal.company_ids is None:
        return where
    companies = sorted(principal.company_ids)
    return (
        f"{where} AND s.company_id IN ({sql.params_list(companies)}) AND ("
        "EXISTS (SELECT 1 FROM financial_entry e WHERE e.debtor_id = s.debtor_id "
        f"AND e.company_id IN ({sql.params_list(companies)})) OR "
        "EXISTS (SELECT 1 FROM debtor_company dc WHERE dc.debtor_id = s.debtor_id "
        f"AND dc.company_id IN ({sql.params_list(companies)})))"
    )


async def debtor_sent_emails(
    principal: Principal, debtor_id: int, page: PageRequest
) -> Page[SentEmailRow]:
    """The debtor's e-mails from the caller's companies, newest first, without their texts
    (read by SentEmail.body/html/text only when asked: mailing/loaders.py), as plain rows. The
    scope is `accounts.scope.scope_sent_emails`'s, written for one debtor: its companies' e-mails,
    when one of them reaches the debtor (an entry, or the debtor was created for it)."""
    db = connection()
    sql = Sql(db)
    # The page and the whole list's count in one statement (a debtor has tens of e-mails).
    statement = (
        f"SELECT {SENT_EMAIL_ROWS.select('s')}, count(*) OVER () AS total FROM sent_email s "
        f"WHERE {_email_scope(sql, principal, debtor_id)} ORDER BY s.queued_at DESC, s.id DESC "
        f"LIMIT {sql.param(page.limit)} OFFSET {sql.param(page.offset)}"
    )
    records = await sql.records(statement)
    items = [SENT_EMAIL_ROWS.read(r) for r in records]
    if records:
        total = int(records[0]["total"])
    elif page.offset == 0 and page.limit > 0:
        total = 0
    else:  # an empty page past the end, or of size 0: the count alone
        count = Sql(db)
        where = _email_scope(count, principal, debtor_id)
        [row] = await count.records(f"SELECT count(*) AS n FROM sent_email s WHERE {where}")
        total = int(row["n"])
    return Page(items=items, offset=page.offset, total_count=total, list_name=SENT_EMAILS_LIST)
