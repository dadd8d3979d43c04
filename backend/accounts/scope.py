"""What a principal reaches: the one place every domain asks about company boundaries.

A principal limited to some companies reaches
- an entry (Lançamento) of one of its companies;
- a debtor created for one of its companies (a DebtorCompany link) or with an entry in one of
  them. A debtor with neither, e.g. one created by an unrestricted principal and not yet given
  an entry, is reached only by unrestricted principals;
- an object hanging off those (contact, payment, e-mail) when its owner is reached; an
  appointment when its debtor is reached and it is about one of its companies (or none);
- an audit event of one of its companies (a shared debtor's change is listed for each);
- an active user who shares one of its companies (or sees them all).

An unreachable object answers exactly like one that does not exist: ids are sequential, and
"forbidden" would confirm that the id is taken. Only a write to a shared debtor that the
principal does reach answers FORBIDDEN (`require_reach_over`).
"""

from __future__ import annotations

import datetime as dt

from tortoise.expressions import Q, Subquery
from tortoise.functions import Max
from tortoise.queryset import QuerySet

from backend.accounts.models import User
from backend.appointments.models import Appointment
from backend.audit.models import AuditEvent, AuditEventCompany
from backend.core.errors import fail
from backend.core.principal import Principal
from backend.debtors.models import Debtor, DebtorCompany
from backend.entries.models import FinancialEntry
from backend.mailing.models import SentEmail


def scope_entries(
    query: QuerySet[FinancialEntry], principal: Principal
) -> QuerySet[FinancialEntry]:
    if principal.company_ids is None:
        return query
    return query.filter(company_id__in=list(principal.company_ids))


def scope_debtors(query: QuerySet[Debtor], principal: Principal) -> QuerySet[Debtor]:
    if principal.company_ids is None:
        return query
    companies = list(principal.company_ids)
    with_entry = FinancialEntry.filter(company_id__in=companies).values("debtor_id")
    created_for = DebtorCompany.filter(company_id__in=companies).values("debtor_id")
    return query.filter(Q(id__in=Subquery(with_entry)) | Q(id__in=Subquery(created_for)))


def scope_appointments(query: QuerySet[Appointment], principal: Principal) -> QuerySet[Appointment]:
    if principal.company_ids is None:
        return query
    debtors = scope_debtors(Debtor.all(), principal).values("id")
    in_companies = Q(company_id=None) | Q(company_id__in=list(principal.company_ids))
    return query.filter(in_companies, debtor_id__in=Subquery(debtors))


def scope_audit_events(query: QuerySet[AuditEvent], principal: Principal) -> QuerySet[AuditEvent]:
    if principal.company_ids is None:
        return query
    ids = list(principal.company_ids)
    shared = AuditEventCompany.filter(company_id__in=ids).values("event_id")
    return query.filter(Q(company_id__in=ids) | Q(id__in=Subquery(shared)))


def scope_users(principal: Principal) -> QuerySet[User]:
    """Active users who share at least one company with the principal (or see them all)."""
    query = User.filter(is_active=True)
    if principal.company_ids is not None:
        ids = list(principal.company_ids)
        query = query.filter(Q(all_companies=True) | Q(companies__id__in=ids)).distinct()
    return query


def scope_sent_emails(query: QuerySet[SentEmail], principal: Principal) -> QuerySet[SentEmail]:
    """E-mails of the principal's companies to debtors it still reaches (an e-mail shows its
    debtor, contacts included)."""
    if principal.company_ids is None:
        return query
    debtors = scope_debtors(Debtor.all(), principal).values("id")
    return query.filter(company_id__in=list(principal.company_ids), debtor_id__in=Subquery(debtors))


async def last_emailed_at(principal: Principal, debtor_ids: list[int]) -> dict[int, dt.datetime]:
    """When each debtor was last e-mailed by one of the principal's companies."""
    if not debtor_ids:
        return {}
    query = SentEmail.filter(debtor_id__in=debtor_ids)
    if principal.company_ids is not None:
        query = query.filter(company_id__in=list(principal.company_ids))
    rows = (
        await query.group_by("debtor_id")
        .annotate(last=Max("queued_at"))
        .values("debtor_id", "last")
    )
    return {int(r["debtor_id"]): r["last"] for r in rows if r["last"] is not None}


async def get_debtor(principal: Principal, debtor_id: int | None) -> Debtor | None:
    """The debtor, or None when it does not exist or is outside the principal's reach."""
    if debtor_id is None:
        return None
    return await scope_debtors(Debtor.filter(id=debtor_id), principal).first()


async def get_entry(principal: Principal, entry_id: int | None) -> FinancialEntry | None:
    if entry_id is None:
        return None
    return await scope_entries(FinancialEntry.filter(id=entry_id), principal).first()


async def debtor_company_ids(debtor_id: int) -> set[int]:
    """Every company a debtor belongs to: created for it, or owing it an entry."""
    linked = await DebtorCompany.filter(debtor_id=debtor_id).values_list("company_id", flat=True)
    owed = (
        await FinancialEntry.filter(debtor_id=debtor_id)
        .distinct()
        .values_list("company_id", flat=True)
    )
    return {int(c) for c in [*linked, *owed]}  # type: ignore[call-overload]


async def require_reach_over(principal: Principal, debtor_id: int) -> set[int]:
    """The debtor's companies, when the principal reaches every one of them; else FORBIDDEN.

    A debtor owed to several companies is one record (one customer registry): changing its
    e-mail or address changes it for every company, so only a principal who answers for all of
    them may do it.
    """
    companies = await debtor_company_ids(debtor_id)
    if principal.company_ids is not None and not companies <= principal.company_ids:
        fail(
            "FORBIDDEN",
            "Este cliente também é cobrado por outra empresa à qual você não tem acesso: os "
            "dados cadastrais dele só podem ser alterados por quem tem acesso a todas as "
            "empresas do cliente.",
        )
    return companies
