"""The régua of a company: its steps (days relative to the due date, a template, on/off, a
minimum open amount), saved as a whole list at once and validated together."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.collection.models import CollectionStep, EmailTemplate
from backend.collection.rules import validate_step_days
from backend.companies.models import Company
from backend.core.errors import ErrorCollector, fail
from backend.core.money import from_cents, has_at_most_cents, to_cents
from backend.core.principal import Principal


@dataclass(frozen=True)
class StepData:
    days: int
    template_id: int | None
    enabled: bool = True
    minimum_open_amount: Decimal = Decimal("0")


async def company_steps(company_id: int) -> list[CollectionStep]:
    return await CollectionStep.filter(company_id=company_id).order_by("days", "id")


async def save_steps(
    *, principal: Principal, company_id: int | None, steps: list[StepData]
) -> list[CollectionStep]:
    """Replace the company's régua with `steps` (an empty list turns it off)."""
    principal.require_write()
    if company_id is None or not principal.sees_company(company_id):
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    company = await Company.get_or_none(id=company_id)
    if company is None:
        fail("NOT_FOUND", "Empresa não encontrada.", "input", "companyId")
    errors = ErrorCollector()
    for problem in validate_step_days([s.days for s in steps]):
        errors.add("INVALID_STEPS", problem, "steps")
    template_ids = {s.template_id for s in steps if s.template_id is not None}
    own = {
        t.id for t in await EmailTemplate.filter(company_id=company.id, id__in=list(template_ids))
    }
    for index, step in enumerate(steps):
        if step.template_id is None or step.template_id not in own:
            errors.add("NOT_FOUND", "Modelo não encontrado.", "steps", str(index), "templateId")
        amount = step.minimum_open_amount
        if amount < 0 or not has_at_most_cents(amount):
            errors.add(
                "INVALID_AMOUNT",
                "Valor mínimo deve ser zero ou positivo, com até dois decimais.",
                "steps",
                str(index),
                "minimumOpenAmount",
            )
    errors.raise_if_any()
    async with in_transaction():
        await CollectionStep.filter(company_id=company.id).delete()
        for step in steps:
            assert step.template_id is not None
            await CollectionStep.create(
                company_id=company.id,
                days=step.days,
                template_id=step.template_id,
                enabled=step.enabled,
                minimum_open_cents=to_cents(step.minimum_open_amount),
            )
        await record(
            principal,
            action="collectionSteps.save",
            target_type="Company",
            target_id=company.id,
            company_id=company.id,
            details={
                "steps": [
                    {
                        "days": s.days,
                        "enabled": s.enabled,
                        "minimumOpenAmount": str(from_cents(to_cents(s.minimum_open_amount))),
                    }
                    for s in sorted(steps, key=lambda s: s.days)
                ]
            },
        )
    return await company_steps(company.id)
