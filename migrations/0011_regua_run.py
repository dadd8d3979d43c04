"""The régua's daily run: pauses (collection_pause), promises to pay (payment_promise), the
once-a-day mark per company (collection_run), and SentEmail.automatic / collection_step_days."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0010_settle_key")]

    initial = False

    operations = [
        ops.CreateModel(
            name="CollectionPause",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "debtor",
                    fields.ForeignKeyField(
                        "models.Debtor",
                        source_field="debtor_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="collection_pauses",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "company",
                    fields.ForeignKeyField(
                        "models.Company",
                        source_field="company_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="collection_pauses",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "entry",
                    fields.ForeignKeyField(
                        "models.FinancialEntry",
                        source_field="entry_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="collection_pauses",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("reason", fields.CharField(max_length=200)),
                ("until", fields.DateField()),
                (
                    "created_by",
                    fields.ForeignKeyField(
                        "models.User",
                        source_field="created_by_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="collection_pauses",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("ended_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "collection_pause",
                "app": "models",
                "indexes": [
                    Index(fields=["company_id", "until"]),
                    Index(fields=["debtor_id", "created_at"]),
                ],
                "pk_attr": "id",
                "table_description": "The régua skips the debtor (or only one of its entries) for a company through `until`,",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="CollectionRun",
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
                        related_name="collection_runs",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("run_date", fields.DateField()),
                ("queued", fields.IntField(default=0)),
                ("finished_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "collection_run",
                "app": "models",
                "unique_together": (("company_id", "run_date"),),
                "pk_attr": "id",
                "table_description": "A company's daily run of the régua, recorded when it finished: once a day per company.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="PaymentPromise",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "debtor",
                    fields.ForeignKeyField(
                        "models.Debtor",
                        source_field="debtor_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="payment_promises",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "company",
                    fields.ForeignKeyField(
                        "models.Company",
                        source_field="company_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="payment_promises",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("promised_date", fields.DateField()),
                ("amount_cents", fields.BigIntField()),
                ("note", fields.CharField(null=True, max_length=1000)),
                ("status", fields.CharField(default="OPEN", max_length=16)),
                (
                    "created_by",
                    fields.ForeignKeyField(
                        "models.User",
                        source_field="created_by_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="payment_promises",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                (
                    "resolved_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "payment_promise",
                "app": "models",
                "indexes": [
                    Index(fields=["company_id", "status", "promised_date"]),
                    Index(fields=["debtor_id", "created_at"]),
                ],
                "pk_attr": "id",
                "table_description": "A promise to pay `amount_cents` by `promised_date`: holds the régua for the debtor and",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="SentEmail",
            name="automatic",
            field=fields.BooleanField(default=False, db_default=False),
        ),
        ops.AddField(
            model_name="SentEmail",
            name="collection_step_days",
            field=fields.IntField(null=True),
        ),
    ]
