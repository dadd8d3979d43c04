"""LGPD (Lei 13.709/2018) duties towards a debtor, the data subject:

- `export_debtor_data`: everything held about them, as JSON (art. 18 II, access; art. 18 V,
  portability), limited to what the caller's companies hold; audited as debtor.export.
- `anonymize_debtor`: names, documents, contacts, addresses and e-mail contents replaced, once
  nothing is open (art. 16 and 18 IV/VI: elimination when the purpose ended; the figures stay
  for the books, art. 16 I, legal obligation, and art. 7 II/VI, exercise of rights); who asked
  and why stay in the audit trail. Irreversible.
- retention.py: the same anonymisation, by the worker, after a company's retention period.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend.accounts.scope import (
    get_debtor,
    require_reach_over,
    scope_appointments,
    scope_audit_events,
    scope_entries,
    scope_sent_emails,
)
from backend.appointments.models import Appointment
from backend.audit.models import AuditEvent
from backend.audit.services import record
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EmailStatus
from backend.core.errors import ErrorCollector, fail
from backend.core.ids import encode_id
from backend.core.principal import Principal
from backend.core.text import search_key
from backend.core.validation import check_text
from backend.debtors.models import Contact, Debtor, DebtorCompany
from backend.entries.models import FinancialEntry, Payment
from backend.mailing.models import SentEmail

ANONYMOUS = "Titular anonimizado"
REMOVED = "[removido a pedido do titular — LGPD]"
_PERSONAL_AUDIT_TARGETS = ("Debtor", "Contact")


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str, list, dict)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _row(model: Any, fields: list[str], type_name: str | None = None) -> dict[str, Any]:
    data = {f: _plain(getattr(model, f)) for f in fields}
    if type_name:
        data["id"] = encode_id(type_name, model.id)
    return data


async def export_debtor_data(
    *, principal: Principal, debtor_id: int | None
) -> dict[str, Any] | None:
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        return None
    entries = await scope_entries(FinancialEntry.filter(debtor_id=debtor.id), principal).order_by(
        "due_date", "id"
    )
    payments = await Payment.filter(entry_id__in=[e.id for e in entries]).order_by("paid_on", "id")
    emails = await scope_sent_emails(SentEmail.filter(debtor_id=debtor.id), principal).order_by(
        "queued_at", "id"
    )
    appointments = await scope_appointments(Appointment.filter(debtor_id=debtor.id), principal)
    contacts = await Contact.filter(debtor_id=debtor.id)
    links = await DebtorCompany.filter(debtor_id=debtor.id)
    events = await scope_audit_events(
        AuditEvent.filter(
            Q(target_type="Debtor", target_id=debtor.id)
            | Q(target_type="FinancialEntry", target_id__in=[e.id for e in entries])
        ),
        principal,
    ).order_by("created_at", "id")
    async with in_transaction():
        await record(
            principal,
            action="debtor.export",
            target_type="Debtor",
            target_id=debtor.id,
            company_ids=principal.visible(
                {link.company_id for link in links} | {e.company_id for e in entries}
            ),
            details={"legalBasis": "LGPD art. 18 II e V"},
        )
    return {
        "generatedBy": "Cobranças — exportação LGPD (Lei 13.709/2018, art. 18)",
        "debtor": _row(
            debtor,
            [
                "kind",
                "name",
                "document",
                "email",
                "phone",
                "mobile",
                "postal_code",
                "street",
                "number",
                "complement",
                "district",
                "city",
                "state",
                "created_at",
                "updated_at",
                "anonymized_at",
            ],
            "Debtor",
        ),
        "companies": [
            {"companyId": encode_id("Company", link.company_id), "externalId": link.external_id}
            for link in links
            if principal.sees_company(link.company_id)
        ],
        "contacts": [
            _row(c, ["name", "department", "role", "email", "phone", "mobile"], "Contact")
            for c in contacts
        ],
        "entries": [
            {
                **_row(
                    e,
                    [
                        "code",
                        "external_id",
                        "description",
                        "document_number",
                        "issue_date",
                        "due_date",
                        "status",
                        "notes",
                        "cancelled_at",
                    ],
                    "FinancialEntry",
                ),
                "companyId": encode_id("Company", e.company_id),
                "amount": str(e.amount),
                "paidAmount": str(e.paid_amount),
            }
            for e in entries
        ],
        "payments": [
            {
                **_row(p, ["paid_on", "method", "note", "reversed_at"], "Payment"),
                "entryId": encode_id("FinancialEntry", p.entry_id),
                "amount": str(p.amount),
            }
            for p in payments
        ],
        "emails": [
            _row(
                m, ["recipients", "subject", "text", "status", "queued_at", "sent_at"], "SentEmail"
            )
            for m in emails
        ],
        "appointments": [
            _row(a, ["scheduled_date", "scheduled_time", "notes", "done"], "Appointment")
            for a in appointments
        ],
        "auditTrail": [
            _row(ev, ["action", "actor_label", "created_at", "details"]) for ev in events
        ],
    }


def export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


async def _open_reasons(debtor_id: int) -> list[str]:
    reasons = []
    if await FinancialEntry.filter(debtor_id=debtor_id, status__in=OPEN_STATUSES).exists():
        reasons.append("há lançamentos em aberto")
    pending = (EmailStatus.QUEUED, EmailStatus.SENDING)
    if await SentEmail.filter(debtor_id=debtor_id, status__in=pending).exists():
        reasons.append("há e-mails aguardando envio")
    if await Appointment.filter(debtor_id=debtor_id, done=False).exists():
        reasons.append("há agendamentos pendentes")
    return reasons


async def anonymize_debtor(
    *, principal: Principal, debtor_id: int | None, reason: str | None, now: dt.datetime
) -> Debtor:
    principal.require_write()
    errors = ErrorCollector()
    clean_reason = check_text(
        errors, reason, "reason", label="Motivo", max_length=500, required=True
    )
    debtor = await get_debtor(principal, debtor_id)
    if debtor is None:
        fail("NOT_FOUND", "Cliente não encontrado.", "input", "debtorId")
    errors.raise_if_any()
    if not principal.can_administer:
        fail("FORBIDDEN", "Apenas administradores podem anonimizar os dados de um cliente.")
    companies = await require_reach_over(principal, debtor.id)
    if debtor.anonymized_at is not None:
        fail("ALREADY_ANONYMIZED", "Os dados deste cliente já foram anonimizados.", "input",
             "debtorId")  # fmt: skip
    reasons = await _open_reasons(debtor.id)
    if reasons:
        fail(
            "DEBTOR_HAS_OPEN_ITEMS",
            f"Não é possível anonimizar agora: {'; '.join(reasons)}.",
            "input",
            "debtorId",
        )
    async with in_transaction():
        await erase_personal_data(debtor, now=now)
        await record(
            principal,
            action="debtor.anonymize",
            target_type="Debtor",
            target_id=debtor.id,
            company_ids=companies,
            details={"reason": clean_reason, "legalBasis": "LGPD arts. 16 e 18 IV/VI"},
        )
    return debtor


async def erase_personal_data(debtor: Debtor, *, now: dt.datetime) -> None:
    """Inside the caller's transaction: every personal field of the debtor, its contacts, its
    e-mails and appointments replaced; amounts, dates and statuses kept. Earlier audit events
    about the debtor or its contacts keep who did what and when, without the old values."""
    name = f"{ANONYMOUS} {debtor.id}"
    await Debtor.filter(id=debtor.id).update(
        name=name,
        search_key=search_key(name),
        document=None,
        email=None,
        phone=None,
        mobile=None,
        postal_code=None,
        street=None,
        number=None,
        complement=None,
        district=None,
        city=None,
        state=None,
        anonymized_at=now,
        updated_at=now,
    )
    contact_ids = await Contact.filter(debtor_id=debtor.id).values_list("id", flat=True)
    await Contact.filter(debtor_id=debtor.id).update(
        name="Contato anonimizado",
        department=None,
        role=None,
        email=None,
        phone=None,
        mobile=None,
    )
    await SentEmail.filter(debtor_id=debtor.id).update(
        recipients=[],
        delivered_to=None,
        subject=REMOVED[:300],
        body=REMOVED,
        html=REMOVED,
        text=REMOVED,
        last_error=None,
    )
    await Appointment.filter(debtor_id=debtor.id).update(notes=REMOVED)
    await FinancialEntry.filter(debtor_id=debtor.id).update(notes=None)
    await AuditEvent.filter(
        Q(target_type="Debtor", target_id=debtor.id)
        | Q(target_type="Contact", target_id__in=list(contact_ids))
    ).update(details={"anonimizado": True})
    debtor.name, debtor.anonymized_at = name, now


async def set_retention(
    *, principal: Principal, company_id: int | None, days: int | None
) -> Company:
    from backend.companies.services import get_company

    company = await get_company(principal, company_id)
    if company is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    principal.require_write()
    if not principal.can_administer:
        fail("FORBIDDEN", "Apenas administradores definem o prazo de retenção.")
    if days is not None and not 30 <= days <= 36500:
        fail("INVALID_DAYS", "O prazo de retenção deve ser de 30 a 36.500 dias.", "input", "days")
    async with in_transaction():
        old = company.retention_days
        company.retention_days = days
        await company.save(update_fields=["retention_days"])
        await record(
            principal,
            action="company.retention",
            target_type="Company",
            target_id=company.id,
            company_id=company.id,
            details={"retentionDays": {"old": old, "new": days}},
        )
    return company
