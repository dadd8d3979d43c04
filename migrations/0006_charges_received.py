"""Charges received and waived per payment, a company's own holidays, and the calendar key
of the per-debtor summary (issue 9)."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0005_company_boundaries")]

    initial = False

    operations = [
        ops.CreateModel(
            name="CompanyHoliday",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "company",
                    fields.ForeignKeyField(
                        "models.Company",
                        source_field="company_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="holidays",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("date", fields.DateField()),
                ("name", fields.CharField(max_length=100)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "company_holiday",
                "app": "models",
                "unique_together": (("company", "date"),),
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="BalanceState",
            name="calendar_key",
            field=fields.CharField(null=True, max_length=64),
        ),
        ops.AddField(
            model_name="Payment",
            name="waived_interest_cents",
            field=fields.BigIntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name="Payment",
            name="waived_late_fee_cents",
            field=fields.BigIntField(default=0, db_default=0),
        ),
        ops.AddField(
            model_name="Payment",
            name="waiver_reason",
            field=fields.CharField(null=True, max_length=500),
        ),
    ]
