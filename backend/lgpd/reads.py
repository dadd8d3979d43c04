"""Reads of a debtor's personal data by API tokens, recorded in the audit trail (LGPD art. 37:
the controller keeps a record of its processing; art. 46, security).

The Debtor and Contact fields that hold identifying data beyond the name (document, e-mail,
phones, address) note the debtor in the request's context when a token asks. Once a query has
run, one `debtor.read` audit event per debtor is written (one statement), with the fields read.
A mutation's answer echoes what the caller itself wrote: not recorded. Neither are dashboard
users: a session is a person at the company's own desk.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from backend.audit.models import AuditEvent, AuditEventCompany
from backend.core.context import Context


def note_read(context: Any, debtor_id: int, field: str) -> None:
    if isinstance(context, Context) and context.principal.token_id is not None:
        context.personal_reads.setdefault(debtor_id, set()).add(field)


class PersonalDataReads(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        if not isinstance(context, Context) or not context.personal_reads:
            return
        if self.execution_context.operation_type != OperationType.QUERY:
            # A mutation's answer echoes what the caller itself just wrote: not a read.
            context.personal_reads = {}
            return
        principal = context.principal
        companies = sorted(principal.company_ids) if principal.company_ids is not None else []
        events = [
            AuditEvent(
                actor_user_id=None,
                actor_token_id=principal.token_id,
                actor_label=principal.name[:200],
                action="debtor.read",
                target_type="Debtor",
                target_id=debtor_id,
                company_id=companies[0] if len(companies) == 1 else None,
                details={"fields": sorted(fields)},
            )
            for debtor_id, fields in sorted(context.personal_reads.items())
        ]
        context.personal_reads = {}
        # bulk_create sets no ids: the events are found again past the newest id before them
        # (the primary key's range, a few rows), not among every read of the audit trail
        # (400k events after a benchmark's day made this 100 ms a request).
        newest = await AuditEvent.all().order_by("-id").limit(1).values_list("id", flat=True)
        await AuditEvent.bulk_create(events)
        if len(companies) > 1:  # each of the token's companies sees what it read
            found = (
                await AuditEvent.filter(
                    id__gt=newest[0] if newest else 0,
                    actor_token_id=principal.token_id,
                    action="debtor.read",
                )
                .order_by("id")
                .values_list("id", "target_id")
            )
            targets, ids = {e.target_id for e in events}, []
            for event_id, target_id in found:  # the first after `newest` for each debtor
                if target_id in targets:
                    targets.discard(target_id)
                    ids.append(event_id)
            await AuditEventCompany.bulk_create(
                [AuditEventCompany(event_id=i, company_id=c) for i in ids for c in companies]
            )
