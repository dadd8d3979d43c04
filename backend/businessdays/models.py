"""A company's own non-business days (municipal holidays, collective leave) beyond the national
and state holidays the `holidays` package knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.companies.models import Company


class CompanyHoliday(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="holidays", on_delete=fields.CASCADE
    )
    company_id: int
    date = fields.DateField()
    name = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "company_holiday"
        unique_together = (("company", "date"),)
        ordering = ["date", "id"]
