from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import User
    from backend.companies.models import Company
    from backend.debtors.models import Debtor


class Appointment(Model):
    """A reminder or task (Agendamento), its date and time in the company time zone."""

    id = fields.IntField(primary_key=True)
    debtor: fields.ForeignKeyRelation[Debtor] = fields.ForeignKeyField(
        "models.Debtor", related_name="appointments", on_delete=fields.CASCADE
    )
    debtor_id: int
    company: fields.ForeignKeyNullableRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="appointments", null=True, on_delete=fields.SET_NULL
    )
    company_id: int | None
    responsible: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="appointments", on_delete=fields.RESTRICT
    )
    responsible_id: int
    scheduled_date = fields.DateField()
    # The company's wall clock, "HH:MM": a time of day, not an instant (TimeField under use_tz
    # is TIMETZ on PostgreSQL and has no adapter in sqlite3).
    scheduled_time = fields.CharField(max_length=5)
    notes = fields.TextField()
    done = fields.BooleanField(default=False)
    done_at = fields.DatetimeField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="appointments_created", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "appointment"
        ordering = ["scheduled_date", "scheduled_time", "id"]
        indexes = (("responsible_id", "scheduled_date"), ("debtor_id", "scheduled_date"))
