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

from backend.audit.services import NewEvent, record_many
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
        events = [
            NewEvent("debtor.read", "Debtor", debtor_id, {"fields": sorted(fields)})
            for debtor_id, fields in sorted(context.personal_reads.items())
        ]
        context.personal_reads = {}
        # Each of the token's companies sees what it read (an all-companies token: none named).
        principal = context.principal
        await record_many(principal, events, company_ids=principal.company_ids or ())
