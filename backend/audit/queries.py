from __future__ import annotations

import strawberry

from backend.audit import services
from backend.audit.types import AuditEvent, AuditEventConnection, AuditEventEdge
from backend.core.context import Info
from backend.core.gql import pk
from backend.core.pagination import Page, PageRequest
from backend.core.relay import PageInfo

AUDIT_LIST = "auditEvents"  # the list's name in its cursors


@strawberry.type
class AuditQueries:
    @strawberry.field(description="The audit trail, newest first; filter by target.")
    async def audit_events(
        self,
        info: Info,
        target_type: str | None = None,
        target_id: strawberry.ID | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> AuditEventConnection:
        request = PageRequest.of(first, after, list_name=AUDIT_LIST)
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
        )
        page = Page(items=events, offset=request.offset, total_count=total, list_name=AUDIT_LIST)
        return AuditEventConnection(
            edges=[
                AuditEventEdge(cursor=page.cursor(i), node=AuditEvent(model=e))
                for i, e in enumerate(events)
            ],
            page_info=PageInfo.of(page),
            total_count=total,
        )
