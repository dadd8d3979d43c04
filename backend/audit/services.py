"""The audit trail: call `record` inside the transaction of the change it describes."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.accounts.scope import get_debtor, scope_audit_events, scope_users
from backend.appointments.models import Appointment
from backend.audit.models import AuditEvent, AuditEventCompany
from backend.core.principal import Principal
from backend.core.sql import Sql, connection
from backend.debtors.models import Contact
from backend.entries.models import FinancialEntry
from backend.mailing.models import SentEmail


async def record(
    principal: Principal,
    *,
    action: str,
    target_type: str,
    target_id: int,
    company_id: int | None = None,
    company_ids: Iterable[int] = (),
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """`company_ids`: every company the event concerns (a shared debtor's), each of which sees
    it; `company_id` alone is the usual single company."""
    concerned = sorted(set(company_ids))
    if company_id is None and len(concerned) == 1:
        company_id = concerned[0]
    event = await AuditEvent.create(
        actor_user_id=principal.user_id,
        actor_token_id=principal.token_id,
        actor_label=principal.name[:200],
        action=action,
        target_type=target_type,
        target_id=target_id,
        company_id=company_id,
        details=details or {},
    )
    if len(concerned) > 1:
        await AuditEventCompany.bulk_create(
            [AuditEventCompany(event_id=event.id, company_id=c) for c in concerned]
        )
    return event


@dataclass(frozen=True, slots=True)
class NewEvent:
    action: str
    target_type: str
    target_id: int
    details: dict[str, Any]


_EVENTS_PER_STATEMENT = 500  # 9 parameters each: far below both engines' limits
_COLUMNS = (
    "actor_user_id, actor_token_id, actor_label, action, target_type, target_id, company_id, "
    "details, created_at"
)


async def record_many(
    principal: Principal, events: Sequence[NewEvent], *, company_ids: Iterable[int] = ()
) -> None:
    """`record` for many events of one principal that concern the same companies: one INSERT,
    and one for the company links, both in one transaction (the LGPD read audit writes an
    event per debtor a token read, on every such request: 2 statements, not 2 per event)."""
    concerned = sorted(set(company_ids))
    company_id = concerned[0] if len(concerned) == 1 else None
    now = dt.datetime.now(dt.UTC)
    details = AuditEvent._meta.fields_map["details"]
    # One statement is atomic on its own; links or several chunks need a transaction.
    atomic = len(concerned) > 1 or len(events) > _EVENTS_PER_STATEMENT
    async with in_transaction() if atomic else contextlib.nullcontext(connection()) as db:
        for start in range(0, len(events), _EVENTS_PER_STATEMENT):
            sql = Sql(db)
            rows = [
                (
                    principal.user_id,
                    principal.token_id,
                    principal.name[:200],
                    event.action,
                    event.target_type,
                    event.target_id,
                    company_id,
                    details.to_db_value(event.details, AuditEvent),
                    now,
                )
                for event in events[start : start + _EVENTS_PER_STATEMENT]
            ]
            values = ", ".join(f"({', '.join(sql.param(v) for v in row)})" for row in rows)
            # rows(), not records(): Tortoise's execute_query drops an INSERT's RETURNING rows.
            inserted = await sql.rows(
                f"INSERT INTO audit_event ({_COLUMNS}) VALUES {values} RETURNING id"
            )
            if len(concerned) > 1:
                links = Sql(db)
                event_ids = links.params_list([row["id"] for row in inserted])
                await links.rows(
                    "INSERT INTO audit_event_company (event_id, company_id) "
                    f"SELECT e.id, c.id FROM audit_event e, company c WHERE e.id IN ({event_ids}) "
                    f"AND c.id IN ({links.params_list(concerned)})"
                )


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """{"field": {"old": ..., "new": ...}} for the fields that changed, JSON-friendly."""
    return {
        key: {"old": _json(before.get(key)), "new": _json(value)}
        for key, value in after.items()
        if before.get(key) != value
    }


def _json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


@dataclass(frozen=True)
class AuditFilter:
    """Auditoria's filters; `debtor_id` and `actor_user_id` are checked against the principal's
    reach (one out of reach matches nothing, as an unknown one)."""

    debtor_id: int | None = None
    actor_user_id: int | None = None
    since: dt.datetime | None = None  # inclusive
    before: dt.datetime | None = None  # exclusive


async def _filtered(
    principal: Principal, query: QuerySet[AuditEvent], given: AuditFilter
) -> QuerySet[AuditEvent] | None:
    if given.debtor_id is not None:
        debtor = await get_debtor(principal, given.debtor_id)
        if debtor is None:
            return None
        # The debtor's own events and those of its entries, e-mails, appointments, contacts.
        query = query.filter(
            Q(target_type="Debtor", target_id=debtor.id)
            | Q(
                target_type="FinancialEntry",
                target_id__in=Subquery(FinancialEntry.filter(debtor_id=debtor.id).values("id")),
            )
            | Q(
                target_type="SentEmail",
                target_id__in=Subquery(SentEmail.filter(debtor_id=debtor.id).values("id")),
            )
            | Q(
                target_type="Appointment",
                target_id__in=Subquery(Appointment.filter(debtor_id=debtor.id).values("id")),
            )
            | Q(
                target_type="Contact",
                target_id__in=Subquery(Contact.filter(debtor_id=debtor.id).values("id")),
            )
        )
    if given.actor_user_id is not None:
        if not await scope_users(principal).filter(id=given.actor_user_id).exists():
            return None
        query = query.filter(actor_user_id=given.actor_user_id)
    if given.since is not None:
        query = query.filter(created_at__gte=given.since.astimezone(dt.UTC))
    if given.before is not None:
        query = query.filter(created_at__lt=given.before.astimezone(dt.UTC))
    return query


async def list_events(
    principal: Principal,
    *,
    target_type: str | None,
    target_id: int | None,
    offset: int,
    limit: int,
    given: AuditFilter | None = None,
) -> tuple[list[AuditEvent], int]:
    """Newest first. A principal limited to some companies sees only those companies' events."""
    query = scope_audit_events(AuditEvent.all(), principal)
    if target_type is not None:
        query = query.filter(target_type=target_type)
    if target_id is not None:
        query = query.filter(target_id=target_id)
    if given is not None:
        filtered = await _filtered(principal, query, given)
        if filtered is None:
            return [], 0
        query = filtered
    total = await query.count()
    events = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
    return events, total
