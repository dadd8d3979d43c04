"""Turn a send request into the exact message: validate every input, resolve recipients, render.

Shared by the preview (which shows warnings and errors as the user types) and the send (which
refuses on any error); neither writes anything here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from backend.accounts.scope import get_debtor, scope_sent_emails
from backend.companies.models import Company
from backend.companies.services import get_company
from backend.core.address import address_of, one_line
from backend.core.enums import EmailStatus
from backend.core.errors import ErrorCollector
from backend.core.principal import Principal
from backend.core.validation import (
    check_email,
    check_long_text,
    check_text,
    format_document,
)
from backend.debtors.models import Contact, Debtor
from backend.mailing.models import SentEmail
from backend.mailing.rendering import (
    BODY_NAMES,
    SUBJECT_NAMES,
    Creditor,
    EmailFacts,
    RenderedEmail,
    UserTemplate,
    parse_user_text,
    render_email,
)
from backend.mailing.statement import Statement, overdue_statement
from backend.pix.message import PixBlock, pix_block

MAX_RECIPIENTS = 10
MAX_SUBJECT = 300
MAX_BODY = 20_000
MAX_KEY = 100


@dataclass(frozen=True)
class EmailRequest:
    debtor_id: int | None
    company_id: int | None
    subject: str | None
    body: str | None
    to: list[str] | None = None
    contact_ids: list[int | None] | None = None
    idempotency_key: str | None = None
    confirm_recent_contact: bool = False


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str  # pt-BR


@dataclass
class PreparedEmail:
    debtor: Debtor
    company: Company
    recipients: list[str]
    rendered: RenderedEmail
    idempotency_key: str | None
    recently_contacted: Warning | None
    warnings: list[Warning] = field(default_factory=list)
    # Kept to render again once the SentEmail has an id: the PIX txid names it (attach_pix).
    subject_template: UserTemplate | None = None
    body_template: UserTemplate | None = None
    facts: EmailFacts | None = None


def pix_for(company: Company, statement: Statement, sent_email_id: int | None) -> PixBlock | None:
    """The message's static PIX: the company's key, the statement's updated total (what the
    message asks for today) and a txid naming the e-mail ("***" in a preview)."""
    return pix_block(
        key=company.pix_key,
        creditor_name=company.name,
        city=company.city,
        amount=statement.total_updated,
        sent_email_id=sent_email_id,
    )


async def prepare_email(
    *, principal: Principal, request: EmailRequest, now: dt.datetime, mail_from: str
) -> PreparedEmail:
    """Raises ServiceError with every problem of the request; the recent contact is a warning."""
    errors = ErrorCollector()
    debtor = await get_debtor(principal, request.debtor_id)
    if debtor is None:
        errors.add("NOT_FOUND", "Cliente não encontrado.", "debtorId")
    company = await get_company(principal, request.company_id)
    if company is None:
        errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    else:
        _check_company(errors, company)
    subject = _subject(errors, request.subject)
    body = _body(errors, request.body)
    given = await _recipients(errors, request, debtor)
    key = check_text(
        errors,
        request.idempotency_key,
        "idempotencyKey",
        label="Chave de idempotência",
        max_length=MAX_KEY,
    )
    errors.raise_if_any()
    assert debtor is not None
    assert company is not None
    assert subject is not None
    assert body is not None
    recipients = given or _debtor_address(errors, debtor)
    if not recipients and not errors:
        errors.add(
            "NO_RECIPIENT",
            "O cliente não tem e-mail cadastrado: informe um destinatário ou corrija o e-mail "
            "em Dados do Cliente.",
            "to",
        )
    statement = await overdue_statement(company=company, debtor=debtor, now=now)
    facts = EmailFacts(
        debtor_name=debtor.name,
        debtor_document=format_document(debtor.document) if debtor.document else "",
        creditor=creditor_of(company),
        statement=statement,
        pix=pix_for(company, statement, None),
    )
    rendered = render_email(subject=subject, body=body, facts=facts)
    if len(rendered.subject) > MAX_SUBJECT:
        errors.add(
            "TOO_LONG",
            f"O título com os marcadores preenchidos passa de {MAX_SUBJECT} caracteres.",
            "subject",
        )
    errors.raise_if_any()
    prepared = PreparedEmail(
        debtor=debtor,
        company=company,
        recipients=recipients,
        rendered=rendered,
        idempotency_key=key,
        recently_contacted=await recent_contact(principal, debtor, company, now),
        subject_template=subject,
        body_template=body,
        facts=facts,
    )
    if prepared.recently_contacted is not None:
        prepared.warnings.append(prepared.recently_contacted)
    if not statement.lines:
        prepared.warnings.append(
            Warning(
                "NO_OVERDUE_ENTRIES",
                "O cliente não tem lançamentos vencidos com esta empresa.",
            )
        )
    if not company.email:
        prepared.warnings.append(
            Warning(
                "NO_REPLY_TO",
                f"A empresa não tem e-mail cadastrado: as respostas irão para {mail_from}.",
            )
        )
    return prepared


def _debtor_address(errors: ErrorCollector, debtor: Debtor) -> list[str]:
    """The default recipient; stored addresses are checked again before they reach SMTP."""
    if not debtor.email:
        return []
    address = check_email(ErrorCollector(), debtor.email)
    if address is None:
        errors.add(
            "INVALID_EMAIL",
            "O e-mail cadastrado do cliente é inválido: corrija-o em Dados do Cliente ou "
            "informe um destinatário.",
            "to",
        )
        return []
    return [address]


async def recent_contact(
    principal: Principal, debtor: Debtor, company: Company, now: dt.datetime
) -> Warning | None:
    """The contact-pressure guard: e-mailed within the company's `recent_contact_days`.

    Only the principal's companies' e-mails count (another company's is not theirs to know),
    and only one that may have reached the debtor (queued, being sent or sent): one that ended
    FAILED never left, so it is no contact. `Debtor.last_emailed_at` is not the guard.
    """
    days = company.recent_contact_days
    if days <= 0:
        return None
    window = SentEmail.filter(debtor_id=debtor.id, queued_at__gt=now - dt.timedelta(days=days))
    last_email = (
        await scope_sent_emails(window, principal)
        # FAILED for good counts only when some copy was delivered before the failure.
        .filter(Q(status__not=EmailStatus.FAILED) | Q(delivered_to__isnull=False))
        .order_by("-queued_at", "-id")
        .first()
    )
    if last_email is None:
        return None
    local = last_email.queued_at.astimezone(ZoneInfo(company.time_zone))
    return Warning(
        "RECENTLY_CONTACTED",
        f"Este cliente já recebeu um e-mail de cobrança em {local:%d/%m/%Y} às {local:%H:%M} "
        f"(há menos de {days} {'dia' if days == 1 else 'dias'}). Confirme para enviar mesmo "
        "assim.",
    )


def creditor_of(company: Company) -> Creditor:
    return Creditor(
        name=company.name,
        cnpj=format_document(company.document) if company.document else "",
        address=one_line(address_of(company)),
        email=company.email,
    )


def _check_company(errors: ErrorCollector, company: Company) -> None:
    """CDC art. 42-A: every charge names the creditor, its CNPJ and its address."""
    missing = []
    if not company.document:
        missing.append("CNPJ")
    if not (company.street and company.city and company.state):
        missing.append("endereço (logradouro, cidade e UF)")
    if missing:
        errors.add(
            "COMPANY_INCOMPLETE",
            f"Complete o cadastro da empresa antes de enviar cobranças: falta {' e '.join(missing)}"
            ". Toda cobrança deve trazer o nome, o CNPJ e o endereço do credor "
            "(CDC, art. 42-A).",
            "companyId",
        )


def _subject(errors: ErrorCollector, raw: str | None) -> UserTemplate | None:
    if raw is not None and ("\r" in raw or "\n" in raw):
        errors.add("INVALID_TEXT", "O título não pode ter quebras de linha.", "subject")
        return None
    text = check_text(errors, raw, "subject", label="Título", max_length=MAX_SUBJECT, required=True)
    if text is None:
        return None
    return parse_user_text(errors, text, "subject", label="Título", allowed=SUBJECT_NAMES)


def _body(errors: ErrorCollector, raw: str | None) -> UserTemplate | None:
    if raw is None or not raw.strip():
        errors.add("REQUIRED", "Descrição é obrigatória.", "body")
        return None
    text = check_long_text(errors, raw, "body", label="Descrição", max_length=MAX_BODY)
    if text is None:
        return None
    return parse_user_text(errors, text, "body", label="Descrição", allowed=BODY_NAMES)


async def _recipients(
    errors: ErrorCollector, request: EmailRequest, debtor: Debtor | None
) -> list[str]:
    """The addresses given (typed and from contacts), checked, without repeats."""
    to = request.to or []
    contact_ids = request.contact_ids or []
    if len(to) + len(contact_ids) > MAX_RECIPIENTS:
        errors.add(
            "TOO_MANY_RECIPIENTS",
            f"Informe no máximo {MAX_RECIPIENTS} destinatários por e-mail.",
            "to",
        )
        return []
    addresses: list[str] = []
    for index, raw in enumerate(to):
        address = check_email(errors, raw, "to", str(index))
        if address is None and raw is not None and not raw.strip():
            errors.add("INVALID_EMAIL", "Destinatário em branco.", "to", str(index))
        if address:
            addresses.append(address)
    if contact_ids:
        contacts = {
            c.id: c
            for c in await Contact.filter(
                id__in=[i for i in contact_ids if i is not None],
                debtor_id=debtor.id if debtor else -1,
            )
        }
        for index, contact_id in enumerate(contact_ids):
            contact = contacts.get(contact_id) if contact_id is not None else None
            if contact is None:
                errors.add("NOT_FOUND", "Contato não encontrado.", "contactIds", str(index))
            elif not contact.email:
                errors.add(
                    "CONTACT_WITHOUT_EMAIL",
                    f"O contato {contact.name} não tem e-mail cadastrado.",
                    "contactIds",
                    str(index),
                )
            elif address := check_email(errors, contact.email, "contactIds", str(index)):
                addresses.append(address)
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.casefold(), address)
    return list(unique.values())
