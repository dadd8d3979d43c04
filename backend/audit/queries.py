from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import strawberry

from backend.audit import services
from backend.audit.types import AuditEvent, AuditEventConnection, AuditEventEdge
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.pagination import Page, PageRequest
from backend.core.relay import PageInfo

AUDIT_LIST = "auditEvents"  # the list's name in its cursors


def _pk_or_none(type_name: str, global_id: strawberry.ID | None) -> int | None:
    """None when not given; -1 (matches nothing) for an id that is not of the type."""
    if global_id is None:
        return None
    found = pk(type_name, global_id)
    return found if found is not None else -1


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="The audit trail, newest first; filter by target, by debtor (its own "
        "events and its entries', e-mails', appointments' and contacts'), by the user who did "
        "it and by date (dateFrom..dateTo inclusive, in the installation's TIME_ZONE)."
    )
    async def audit_events(
        self,
        info: Info,
        target_type: str | None = None,
        target_id: strawberry.ID | None = None,
        first: int | None = 50,
        after: str | None = None,
        debtor_id: strawberry.ID | None = None,
        actor_user_id: strawberry.ID | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> AuditEventConnection:
        request = PageRequest.of(first, after, list_name=AUDIT_LIST)
        zone = ZoneInfo(info.context.settings.time_zone)
        given = services.AuditFilter(
            debtor_id=_pk_or_none("Debtor", debtor_id),
            actor_user_id=_pk_or_none("User", actor_user_id),
            since=dt.datetime.combine(date_from, dt.time(), zone) if date_from else None,
            before=(
                dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), zone)
                if date_to
                else None
            ),
        )
        target_pk = None
        if target_id is not None:
            target_pk = pk(target_type or "", target_id) if target_type else None
            if target_pk is None:
                target_pk = -1  # an id that is not of target_type matches nothing
        events, total = await services.list_events(
            info.context.principal,
            target_type=target_type,
            target_id=target_pk,
            offset=request.offset,
            limit=request.limit,
            given=given,
        )
        page = Page(items=events, offset=request.offset, total_count=total, list_name=AUDIT_LIST)
        return AuditEventConnection(
            edges=[
                AuditEventEdge(page=page, index=i, node=AuditEvent(model=e))
                for i, e in enumerate(events)
            ],
            page_info=PageInfo.of(page),
            total_count=total,
        )
