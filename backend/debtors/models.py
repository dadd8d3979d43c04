from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from backend.core.enums import DebtorKind

if TYPE_CHECKING:
    from backend.companies.models import Company


class Debtor(Model):
    """A customer or supplier who owes (Cliente / Fornecedor)."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(DebtorKind, max_length=16, default=DebtorKind.CUSTOMER)
    name = fields.CharField(max_length=200)
    search_key = fields.CharField(max_length=200, db_index=True)  # see core.text.search_key
    # CPF or CNPJ without punctuation; an alphanumeric CNPJ in capitals
    document = fields.CharField(max_length=14, null=True, db_index=True)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=11, null=True)
    mobile = fields.CharField(max_length=11, null=True)
    postal_code = fields.CharField(max_length=8, null=True)
    street = fields.CharField(max_length=200, null=True)
    number = fields.CharField(max_length=20, null=True)
    complement = fields.CharField(max_length=100, null=True)
    district = fields.CharField(max_length=100, null=True)
    city = fields.CharField(max_length=100, null=True)
    state = fields.CharField(max_length=2, null=True)
    # The id an unrestricted integration gives the debtor without naming a company; a
    # company's partner keeps its own on DebtorCompany (unique per company).
    external_id = fields.CharField(max_length=100, null=True, unique=True)
    last_emailed_at = fields.DatetimeField(null=True)
    anonymized_at = fields.DatetimeField(null=True)  # LGPD: personal data replaced (backend/lgpd)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "debtor"


class DebtorCompany(Model):
    """A company a debtor was created for (Cliente da Empresa), with that partner's own id.

    It makes the debtor reachable by the company before any entry exists (backend.accounts.scope)
    and keeps each company's external ids apart: two partners may both call a debtor "42".
    """

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="company_links", on_delete=fields.CASCADE
    )
    debtor_id: int
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="debtor_links", on_delete=fields.CASCADE
    )
    company_id: int
    external_id = fields.CharField(max_length=100, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "debtor_company"
        unique_together = (("debtor_id", "company_id"), ("company_id", "external_id"))
        indexes = (("company_id", "debtor_id"),)


class Contact(Model):
    """Another person at the debtor (financeiro, comercial, ...)."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="contacts", on_delete=fields.CASCADE
    )
    debtor_id: int
    name = fields.CharField(max_length=200)
    department = fields.CharField(max_length=100, null=True)
    role = fields.CharField(max_length=100, null=True)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=11, null=True)
    mobile = fields.CharField(max_length=11, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "contact"
        ordering = ["name", "id"]
        indexes = (("debtor_id", "name"),)
