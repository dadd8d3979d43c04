"""SettleKey: the idempotency key of settleEntry, unique per company (issue 14)."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0008_regua")]

    initial = False

    operations = [
        ops.CreateModel(
            name="SettleKey",
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
                        related_name="settle_keys",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("key", fields.CharField(max_length=100)),
                ("fingerprint", fields.CharField(max_length=64)),
                (
                    "payment",
                    fields.ForeignKeyField(
                        "models.Payment",
                        source_field="payment_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="settle_keys",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "settle_key",
                "app": "models",
                "unique_together": (("company", "key"),),
                "pk_attr": "id",
                "table_description": "The idempotency key of a settleEntry call, unique per company: the same key with the same",
            },
            bases=["Model"],
        ),
    ]
