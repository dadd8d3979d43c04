"""The régua de cobrança: e-mail templates, collection steps, and the once-per-(debtor,
company, step, date) claim of each automatic send."""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0007_company_settings")]

    initial = False

    operations = [
        ops.CreateModel(
            name="CollectionSend",
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
                        related_name="collection_sends",
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
                        related_name="collection_sends",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("step_days", fields.IntField()),
                ("run_date", fields.DateField()),
                (
                    "sent_email",
                    fields.ForeignKeyField(
                        "models.SentEmail",
                        source_field="sent_email_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="collection_sends",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("claimed_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "collection_send",
                "app": "models",
                "unique_together": (("debtor_id", "company_id", "step_days", "run_date"),),
                "pk_attr": "id",
                "table_description": "The claim of one automatic send: unique per (debtor, company, step, date), so a catch-up",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="EmailTemplate",
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
                        related_name="email_templates",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("name", fields.CharField(max_length=100)),
                ("subject", fields.CharField(max_length=300)),
                ("body", fields.TextField(unique=False)),
                ("is_default", fields.BooleanField(default=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "email_template",
                "app": "models",
                "unique_together": (("company_id", "name"),),
                "pk_attr": "id",
                "table_description": "A company's collection letter: subject and body with the composer's placeholders.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="CollectionStep",
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
                        related_name="collection_steps",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("days", fields.IntField()),
                (
                    "template",
                    fields.ForeignKeyField(
                        "models.EmailTemplate",
                        source_field="template_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="steps",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("enabled", fields.BooleanField(default=True)),
                ("minimum_open_cents", fields.BigIntField(default=0)),
            ],
            options={
                "table": "collection_step",
                "app": "models",
                "unique_together": (("company_id", "days"),),
                "pk_attr": "id",
                "table_description": "One step of a company's régua: `days` relative to the due date (negative = before).",
            },
            bases=["Model"],
        ),
    ]
