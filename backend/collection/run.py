"""The daily run of the régua: once a day per company, within its business hours.

For each company with enabled steps whose local time is 08:00–18:00 on a business day and that
has no finished run for its today: resolve the promises whose date has passed (KEPT or BROKEN;
a broken one gives its recorder an appointment), plan (planning.py, set-based), then queue one
consolidated message per planned debtor. Each message is claimed in `collection_send` (unique per
debtor, company, step and date) in the same transaction that writes its SentEmail (QUEUED,
`automatic`) and audit event: a second worker's claim fails on the unique key and it skips the
debtor, and a crash before the commit leaves neither claim nor e-mail, so the next run sends it.
The delivery worker then sends it like any other e-mail (outbox, retries).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from backend.accounts.models import User
from backend.appointments.models import Appointment
from backend.audit.services import record
from backend.businessdays.rules import BusinessCalendar
from backend.businessdays.services import calendars_by_company
from backend.collection.models import (
    CollectionRun,
    CollectionSend,
    CollectionStep,
    EmailTemplate,
    PaymentPromise,
)
from backend.collection.planning import PlannedMessage, plan_company
from backend.collection.rules import in_business_hours, next_opening, promise_outcome
from backend.companies.models import Company
from backend.core.enums import EmailStatus, Role
from backend.core.errors import ErrorCollector
from backend.core.money import format_brl, from_cents
from backend.core.principal import Principal
from backend.core.validation import check_email, format_document
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry, Payment
from backend.live.bus import publish
from backend.mailing.compose import creditor_of
from backend.mailing.models import SentEmail
from backend.mailing.rendering import (
    BODY_NAMES,
    SUBJECT_NAMES,
    EmailFacts,
    RenderedEmail,
    UserTemplate,
    parse_user_text,
    render_email,
)
from backend.mailing.statement import Statement, statement_of
from backend.mailing.worker import wake_workers
from backend.pix.services import attach_pix
from backend.webhooks.events import promise_event
from backend.webhooks.outbox import enqueue_event

logger = logging.getLogger("cobrancas.regua")

ACTOR = "Régua de cobrança"
# Who the audit trail names for what the régua does by itself.
SYSTEM = Principal(name=ACTOR, role=Role.ADMIN, company_ids=None, can_write=True)


@dataclass
class RunResult:
    company_id: int
    run_date: dt.date
    planned: list[PlannedMessage] = field(default_factory=list)
    queued: list[int] = field(default_factory=list)  # SentEmail ids
    skipped: dict[int, str] = field(default_factory=dict)  # debtor id → why
    held: dict[int, str] = field(default_factory=dict)
    kept: list[int] = field(default_factory=list)  # promise ids
    broken: list[int] = field(default_factory=list)


def company_incomplete(company: Company) -> bool:
    """CDC art. 42-A: every charge names the creditor, its CNPJ and its address."""
    return not (company.document and company.street and company.city and company.state)


async def run_company(
    company: Company,
    on: dt.date,
    *,
    now: dt.datetime,
    mail_from: str,
    dry_run: bool = False,
) -> RunResult:
    """Resolve due promises, plan `on` and queue each planned message once."""
    now = now.astimezone(dt.UTC)  # stored and compared in UTC (SQLite compares text)
    result = RunResult(company.id, on)
    if not dry_run:
        await resolve_promises(company, on, now=now, result=result)
    plan = await plan_company(company.id, on)
    result.planned, result.held = plan.messages, plan.held
    if dry_run or not plan.messages:
        return result
    if company_incomplete(company):
        logger.warning(
            "Régua da empresa %s parada: cadastro incompleto (CNPJ/endereço)", company.id
        )
        result.skipped = {p.debtor_id: "company_incomplete" for p in plan.messages}
        return result
    templates = {
        t.id: t for t in await EmailTemplate.filter(id__in={p.template_id for p in plan.messages})
    }
    debtors = {d.id: d for d in await Debtor.filter(id__in=[p.debtor_id for p in plan.messages])}
    calendar = (await calendars_by_company([company.id]))[company.id]
    for planned in plan.messages:
        email_id = await queue_planned(
            company,
            debtors[planned.debtor_id],
            templates[planned.template_id],
            planned,
            on=on,
            now=now,
            mail_from=mail_from,
            calendar=calendar,
            result=result,
        )
        if email_id is not None:
            result.queued.append(email_id)
    return result


async def queue_planned(
    company: Company,
    debtor: Debtor,
    template: EmailTemplate,
    planned: PlannedMessage,
    *,
    on: dt.date,
    now: dt.datetime,
    mail_from: str,
    calendar: BusinessCalendar,
    result: RunResult,
) -> int | None:
    """Claim and queue one message; None when it was claimed already or cannot go out."""
    address = check_email(ErrorCollector(), debtor.email) if debtor.email else None
    if address is None:
        result.skipped[debtor.id] = "no_email"
        return None
    parts = await _render(company, debtor, template, planned, now=now, calendar=calendar)
    if parts is None:
        result.skipped[debtor.id] = "template"
        return None
    rendered, subject, body, facts = parts
    try:
        async with in_transaction():
            claim = await CollectionSend.create(
                debtor_id=debtor.id, company_id=company.id, step_days=planned.step_days, run_date=on
            )
            email = await SentEmail.create(
                debtor_id=debtor.id,
                company_id=company.id,
                recipients=[address],
                subject=rendered.subject,
                body=rendered.body,
                html=rendered.html,
                text=rendered.text,
                status=EmailStatus.QUEUED,
                queued_at=now,
                next_attempt_at=now,
                automatic=True,
                collection_step_days=planned.step_days,
            )
            email.message_id = (
                f"<sent-email-{email.id}.{uuid.uuid4().hex[:16]}@{mail_from.rpartition('@')[2]}>"
            )
            await email.save(update_fields=["message_id"])
            await attach_pix(email, company=company, subject=subject, body=body, facts=facts)
            claim.sent_email_id = email.id
            await claim.save(update_fields=["sent_email_id"])
            await Debtor.filter(id=debtor.id).update(last_emailed_at=now)
            await record(
                SYSTEM,
                action="email.queue",
                target_type="SentEmail",
                target_id=email.id,
                company_id=company.id,
                details={
                    "debtor_id": debtor.id,
                    "to": [address],
                    "subject": rendered.subject,
                    "automatic": True,
                    "step_days": planned.step_days,
                    "run_date": on.isoformat(),
                    "entries": list(planned.entry_ids),
                },
            )
    except IntegrityError:
        result.skipped[debtor.id] = "claimed"  # another worker, or an earlier run today
        return None
    wake_workers()
    await publish(
        None, kind="email.queue", debtor_id=debtor.id, company_ids=[company.id], actor=ACTOR
    )
    return email.id


async def _render(
    company: Company,
    debtor: Debtor,
    template: EmailTemplate,
    planned: PlannedMessage,
    *,
    now: dt.datetime,
    calendar: BusinessCalendar,
) -> tuple[RenderedEmail, UserTemplate, UserTemplate, EmailFacts] | None:
    """The message, and what rendered it (attach_pix renders it again with the PIX code once
    the e-mail has an id, which the txid names)."""
    errors = ErrorCollector()
    subject = parse_user_text(
        errors, template.subject, "subject", label="Título", allowed=SUBJECT_NAMES
    )
    body = parse_user_text(errors, template.body, "body", label="Descrição", allowed=BODY_NAMES)
    if subject is None or body is None:
        return None
    statement = await planned_statement(
        company, debtor, planned.entry_ids, now=now, calendar=calendar
    )
    facts = EmailFacts(
        debtor_name=debtor.name,
        debtor_document=format_document(debtor.document) if debtor.document else "",
        creditor=creditor_of(company),
        statement=statement,
    )
    return render_email(subject=subject, body=body, facts=facts), subject, body, facts


async def planned_statement(
    company: Company,
    debtor: Debtor,
    entry_ids: tuple[int, ...],
    *,
    now: dt.datetime,
    calendar: BusinessCalendar,
) -> Statement:
    """The consolidated statement of the message: every entry the step covers (those not yet
    due too, for a reminder before the due date), with the charges owed today after partial
    payments (backend.entries.charges)."""
    today = now.astimezone(ZoneInfo(company.time_zone)).date()
    entries = await FinancialEntry.filter(id__in=list(entry_ids)).order_by("due_date", "id")
    return await statement_of(
        entries, company=company, debtor=debtor, today=today, calendar=calendar
    )


# --- promises -------------------------------------------------------------------------------


async def resolve_promises(
    company: Company, today: dt.date, *, now: dt.datetime, result: RunResult | None = None
) -> None:
    """Every OPEN promise of the company whose date has passed becomes KEPT (what was paid
    since it was recorded reaches the amount) or BROKEN (the régua resumes, and the user who
    recorded it gets an appointment today). Payments count by their date (`paid_on`) from the
    day the promise was recorded, in the company's zone."""
    zone = ZoneInfo(company.time_zone)
    due = await PaymentPromise.filter(
        company_id=company.id, status="OPEN", promised_date__lt=today
    ).order_by("id")
    if not due:
        return
    earliest = min(p.created_at.astimezone(zone).date() for p in due)
    paid_rows = await Payment.filter(
        entry__company_id=company.id,
        entry__debtor_id__in=sorted({p.debtor_id for p in due}),
        reversed_at__isnull=True,
        paid_on__gte=earliest,
    ).values_list("entry__debtor_id", "paid_on", "amount_cents")
    local_time = now.astimezone(zone).strftime("%H:%M")
    for promise in due:
        since = promise.created_at.astimezone(zone).date()
        paid = sum(c for d, day, c in paid_rows if d == promise.debtor_id and day >= since)
        outcome = promise_outcome(promise.amount_cents, paid, promise.promised_date, today)
        if outcome == "OPEN":
            continue
        async with in_transaction():
            updated = await PaymentPromise.filter(id=promise.id, status="OPEN").update(
                status=outcome, resolved_at=now
            )
            if not updated:
                continue  # another worker resolved it a moment ago
            appointment_id = None
            if outcome == "BROKEN":
                appointment_id = await _broken_appointment(promise, today, local_time, paid)
            await record(
                SYSTEM,
                action=f"promise.{outcome.lower()}",
                target_type="Debtor",
                target_id=promise.debtor_id,
                company_id=company.id,
                details={
                    "promiseId": promise.id,
                    "promisedDate": promise.promised_date.isoformat(),
                    "amount": str(from_cents(promise.amount_cents)),
                    "paidSince": str(from_cents(paid)),
                    "appointmentId": appointment_id,
                },
            )
            if outcome == "BROKEN":  # the partner hears of it iff it committed
                await enqueue_event(
                    company.id, "promise.broken", promise_event(promise, paid), now=now
                )
        if result is not None:
            (result.kept if outcome == "KEPT" else result.broken).append(promise.id)
        await publish(
            None,
            kind=f"promise.{outcome.lower()}",
            debtor_id=promise.debtor_id,
            company_ids=[company.id],
            actor=ACTOR,
        )


async def _broken_appointment(
    promise: PaymentPromise, today: dt.date, local_time: str, paid: int
) -> int | None:
    """A task for whoever recorded the promise (an active user; a token's promise has none)."""
    if promise.created_by_id is None:
        return None
    user = await User.get_or_none(id=promise.created_by_id)
    if user is None or not user.is_active:
        return None
    appointment = await Appointment.create(
        debtor_id=promise.debtor_id,
        company_id=promise.company_id,
        responsible_id=user.id,
        scheduled_date=today,
        scheduled_time=local_time,
        notes=(
            f"Promessa de pagamento não cumprida: {format_brl(from_cents(promise.amount_cents))} "
            f"prometidos para {promise.promised_date:%d/%m/%Y}, "
            f"{format_brl(from_cents(paid))} pagos desde então. Retomar o contato."
        ),
    )
    return appointment.id


async def delivery_opening(company: Company, now: dt.datetime) -> dt.datetime | None:
    """For the delivery worker: None when an automatic e-mail of the company may go out now;
    else when it may (a retry after 18:00 waits for the next business morning)."""
    calendar = (await calendars_by_company([company.id]))[company.id]
    opening = next_opening(now.astimezone(ZoneInfo(company.time_zone)), calendar)
    return opening.astimezone(dt.UTC) if opening is not None else None


# --- the daily run --------------------------------------------------------------------------


async def mark_done(company_id: int, on: dt.date, *, queued: int, now: dt.datetime) -> None:
    with contextlib.suppress(IntegrityError):  # another worker finished the same day's run
        await CollectionRun.create(
            company_id=company_id, run_date=on, queued=queued, finished_at=now
        )


async def run_due(*, now: dt.datetime, mail_from: str) -> list[RunResult]:
    """The worker's hook: run each company whose business hours it is and whose today has no
    finished run yet. Safe to call often and from several workers at once."""
    now = now.astimezone(dt.UTC)
    companies = await Company.filter(
        id__in=Subquery(CollectionStep.filter(enabled=True).values("company_id"))
    ).order_by("id")
    if not companies:
        return []
    calendars = await calendars_by_company([c.id for c in companies])
    local = {c.id: now.astimezone(ZoneInfo(c.time_zone)) for c in companies}
    dates = sorted({t.date() for t in local.values()})
    done = set(
        await CollectionRun.filter(
            company_id__in=[c.id for c in companies], run_date__in=dates
        ).values_list("company_id", "run_date")
    )
    results = []
    for company in companies:
        today = local[company.id].date()
        if (company.id, today) in done or not in_business_hours(
            local[company.id], calendars[company.id]
        ):
            continue
        result = await run_company(company, today, now=now, mail_from=mail_from)
        await mark_done(company.id, today, queued=len(result.queued), now=now)
        if result.queued or result.broken or result.kept:
            logger.info(
                "Régua da empresa %s em %s: %s e-mail(s), %s promessa(s) resolvida(s)",
                company.id,
                today.isoformat(),
                len(result.queued),
                len(result.kept) + len(result.broken),
            )
        results.append(result)
    return results


# --- `cobrancas regua` ----------------------------------------------------------------------

REASONS = {
    "pause": "pausado",
    "promise": "promessa de pagamento em aberto",
    "recent_contact": "contato recente",
    "no_email": "sem e-mail válido",
    "template": "modelo inválido",
    "claimed": "já enviado neste dia",
    "company_incomplete": "cadastro da empresa incompleto (CNPJ/endereço)",
}


async def operator_run(
    *,
    on: dt.date | None,
    now: dt.datetime,
    mail_from: str,
    dry_run: bool,
    company_ids: list[int] | None = None,
) -> tuple[int, list[str]]:
    """`cobrancas regua`: the plan of a date (`--dry-run`, any date), or the run now for each
    company with a régua. A real run sends only within the company's business hours and for a
    date up to its today (an earlier date catches that day up; the claims keep each step once).
    Returns an exit code and the lines to print (pt-BR)."""
    now = now.astimezone(dt.UTC)
    companies = Company.filter(
        id__in=Subquery(CollectionStep.filter(enabled=True).values("company_id"))
    ).order_by("id")
    if company_ids:
        companies = companies.filter(id__in=company_ids)
    found = await companies
    if not found:
        return 0, ["Nenhuma empresa com régua ativa."]
    calendars = await calendars_by_company([c.id for c in found])
    lines: list[str] = []
    code = 0
    for company in found:
        local = now.astimezone(ZoneInfo(company.time_zone))
        day = on or local.date()
        title = f"{company.name} (empresa {company.id}), {day:%d/%m/%Y}"
        if not dry_run:
            if day > local.date():
                lines.append(f"{title}: data futura; use --dry-run para ver o plano.")
                code = 1
                continue
            if not in_business_hours(local, calendars[company.id]):
                lines.append(
                    f"{title}: fora do horário comercial da empresa ({local:%d/%m %H:%M}; "
                    "envios só das 08:00 às 18:00 em dias úteis). Nada enviado."
                )
                continue
        if not calendars[company.id].is_business_day(day):
            lines.append(f"{title}: não é dia útil; a régua não envia.")
            continue
        result = await run_company(company, day, now=now, mail_from=mail_from, dry_run=dry_run)
        if not dry_run and day == local.date():
            await mark_done(company.id, day, queued=len(result.queued), now=now)
        names = dict(
            await Debtor.filter(
                id__in=[p.debtor_id for p in result.planned] + list(result.held)
            ).values_list("id", "name")
        )
        verb = "seriam enviadas" if dry_run else "enfileiradas"
        count = len(result.planned) if dry_run else len(result.queued)
        lines.append(f"{title}: {count} mensagem(ns) {verb}.")
        for planned in result.planned:
            skipped = result.skipped.get(planned.debtor_id)
            step = f"D{planned.step_days:+d}" if planned.step_days else "D0"
            lines.append(
                f"  {names.get(planned.debtor_id, planned.debtor_id)}: {step}, "
                f"{len(planned.entry_ids)} lançamento(s), "
                f"{format_brl(from_cents(planned.open_cents))} em aberto"
                + (f" — não enviado: {REASONS.get(skipped, skipped)}" if skipped else "")
            )
        for debtor_id, why in sorted(result.held.items()):
            lines.append(f"  {names.get(debtor_id, debtor_id)}: aguardando ({REASONS[why]})")
        if result.kept or result.broken:
            lines.append(
                f"  Promessas: {len(result.kept)} cumprida(s), {len(result.broken)} quebrada(s)."
            )
    return code, lines
