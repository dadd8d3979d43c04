"""E-mail templates per company: name, subject and body with the composer's placeholders; one
default. A new company gets a default written to CDC art. 42: respectful, no threat, states the
creditor, the amounts and how to pay."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.collection.models import CollectionStep, EmailTemplate
from backend.companies.models import Company
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.validation import check_long_text, check_text
from backend.mailing.rendering import BODY_NAMES, SUBJECT_NAMES, parse_user_text

MAX_SUBJECT = 300  # as the composer's
MAX_BODY = 20_000

DEFAULT_NAME = "Lembrete cordial (padrão)"
DEFAULT_SUBJECT = "{{ empresa }}: lançamentos em aberto de {{ cliente }}"
DEFAULT_BODY = """Olá, {{ cliente }}.

Esta é uma mensagem de {{ empresa }} (CNPJ {{ cnpj_empresa }}) sobre os lançamentos abaixo, \
que constam em aberto em {{ data_hoje }}:

{{ tabela_lancamentos }}

Valor em aberto: {{ total_vencido }}. Valor atualizado com multa e juros previstos no contrato: \
{{ total_atualizado }}.

Se o pagamento já foi feito, por favor desconsidere esta mensagem e, se puder, responda com o \
comprovante. Se precisar de outra data ou de um parcelamento, responda a este e-mail \
({{ email_empresa }}) e combinamos juntos.

Atenciosamente,
{{ empresa }}
"""


@dataclass(frozen=True)
class TemplateData:
    name: str | None = None
    subject: str | None = None
    body: str | None = None
    is_default: bool | None = None


def _validate(data: TemplateData, *, creating: bool) -> dict[str, Any]:
    errors = ErrorCollector()
    values: dict[str, Any] = {}
    if creating or data.name is not None:
        values["name"] = check_text(
            errors, data.name, "name", label="Nome", max_length=100, required=True
        )
    if creating or data.subject is not None:
        subject = check_text(
            errors, data.subject, "subject", label="Título", max_length=MAX_SUBJECT, required=True
        )
        if subject is not None and parse_user_text(
            errors, subject, "subject", label="Título", allowed=SUBJECT_NAMES
        ):
            values["subject"] = subject
    if creating or data.body is not None:
        if not (data.body or "").strip():
            errors.add("REQUIRED", "Descrição é obrigatória.", "body")
        body = check_long_text(errors, data.body, "body", label="Descrição", max_length=MAX_BODY)
        if body is not None and parse_user_text(
            errors, body, "body", label="Descrição", allowed=BODY_NAMES
        ):
            values["body"] = body
    if data.is_default is not None:
        values["is_default"] = data.is_default
    errors.raise_if_any()
    return values


async def ensure_default_template(company: Company) -> EmailTemplate:
    """The company's default template, written (CDC art. 42) the first time it is asked for."""
    found = await EmailTemplate.filter(company_id=company.id, is_default=True).first()
    if found is not None:
        return found
    existing = await EmailTemplate.filter(company_id=company.id).first()
    if existing is not None:  # templates but none marked: the first one is the default
        existing.is_default = True
        await existing.save(update_fields=["is_default"])
        return existing
    template, _ = await EmailTemplate.get_or_create(
        company_id=company.id,
        name=DEFAULT_NAME,
        defaults={"subject": DEFAULT_SUBJECT, "body": DEFAULT_BODY, "is_default": True},
    )
    return template


TEMPLATE_ORDER = ("-is_default", "name", "id")


async def company_templates(company: Company) -> list[EmailTemplate]:
    await ensure_default_template(company)
    return await EmailTemplate.filter(company_id=company.id).order_by(*TEMPLATE_ORDER)


async def load_templates_by_company_id(keys: Sequence[int]) -> list[list[EmailTemplate]]:
    """TemplatesByCompanyIdLoader: every company's templates, the default first, in one
    statement; a company read for the first time gets its default written (as
    `company_templates` does), then read again."""
    grouped: dict[int, list[EmailTemplate]] = defaultdict(list)
    for template in await EmailTemplate.filter(company_id__in=sorted(set(keys))).order_by(
        "company_id", *TEMPLATE_ORDER
    ):
        grouped[template.company_id].append(template)
    for company_id in sorted(set(keys)):
        if not grouped[company_id] or not grouped[company_id][0].is_default:
            company = await Company.get_or_none(id=company_id)
            if company is not None:
                grouped[company_id] = await company_templates(company)
    return [grouped[k] for k in keys]


async def _reachable_company(principal: Principal, company_id: int | None) -> Company:
    if company_id is None or not principal.sees_company(company_id):
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    company = await Company.get_or_none(id=company_id)
    if company is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    return company


async def reachable_template(principal: Principal, template_id: int | None) -> EmailTemplate:
    template = await EmailTemplate.get_or_none(id=template_id) if template_id else None
    if template is None or not principal.sees_company(template.company_id):
        fail("NOT_FOUND", "Modelo não encontrado.", "input", "id")
    return template


async def _check_unique_name(company_id: int, name: object, other_than: int | None) -> None:
    if name is None:
        return
    query = EmailTemplate.filter(company_id=company_id, name=name)
    if other_than is not None:
        query = query.exclude(id=other_than)
    if await query.exists():
        fail("DUPLICATE_NAME", "Já existe um modelo com este nome.", "input", "name")


async def create_template(
    *, principal: Principal, company_id: int | None, data: TemplateData
) -> EmailTemplate:
    principal.require_write()
    company = await _reachable_company(principal, company_id)
    values = _validate(data, creating=True)
    await _check_unique_name(company.id, values.get("name"), None)
    async with in_transaction():
        await ensure_default_template(company)
        if values.get("is_default"):
            await EmailTemplate.filter(company_id=company.id).update(is_default=False)
        template = await EmailTemplate.create(company_id=company.id, **values)
        await record(
            principal,
            action="emailTemplate.create",
            target_type="EmailTemplate",
            target_id=template.id,
            company_id=company.id,
            details={"name": template.name},
        )
    return template


async def update_template(
    *, principal: Principal, template_id: int | None, data: TemplateData
) -> EmailTemplate:
    principal.require_write()
    template = await reachable_template(principal, template_id)
    values = _validate(data, creating=False)
    if values.get("is_default") is False and template.is_default:
        fail(
            "DEFAULT_REQUIRED",
            "A empresa precisa de um modelo padrão: marque outro como padrão.",
            "input",
            "isDefault",
        )
    await _check_unique_name(template.company_id, values.get("name"), template.id)
    async with in_transaction():
        if values.get("is_default"):
            await EmailTemplate.filter(company_id=template.company_id).update(is_default=False)
        template.update_from_dict(values)
        await template.save()
        await record(
            principal,
            action="emailTemplate.update",
            target_type="EmailTemplate",
            target_id=template.id,
            company_id=template.company_id,
            details={"fields": sorted(values)},
        )
    return template


async def delete_template(*, principal: Principal, template_id: int | None) -> EmailTemplate:
    principal.require_write()
    template = await reachable_template(principal, template_id)
    if template.is_default:
        fail(
            "DEFAULT_REQUIRED",
            "O modelo padrão não pode ser excluído: marque outro como padrão antes.",
            "input",
            "id",
        )
    if await CollectionStep.filter(template_id=template.id).exists():
        fail("IN_USE", "Este modelo é usado por um passo da régua.", "input", "id")
    async with in_transaction():
        await record(
            principal,
            action="emailTemplate.delete",
            target_type="EmailTemplate",
            target_id=template.id,
            company_id=template.company_id,
            details={"name": template.name},
        )
        await template.delete()
    return template
