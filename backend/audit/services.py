"""The audit trail: call `record` inside the transaction of the change it describes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from backend.accounts.scope import scope_audit_events
from backend.audit.models import AuditEvent, AuditEventCompany
from backend.core.principal import Principal


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


async def list_events(
    principal: Principal,
    *,
    target_type: str | None,
    target_id: int | None,
    offset: int,
    limit: int,
) -> tuple[list[AuditEvent], int]:
    """Newest first. A principal limited to some companies sees only those companies' events."""
    query = scope_audit_events(AuditEvent.all(), principal)
    if target_type is not None:
        query = query.filter(target_type=target_type)
    if target_id is not None:
        query = query.filter(target_id=target_id)
    total = await query.count()
    events = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
    return events, total
