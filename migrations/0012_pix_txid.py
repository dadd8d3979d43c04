"""PIX in collection e-mails: the txid and copia e cola on SentEmail, the entries each e-mail
covered (sent_email_entry) and the payments partners report (provider_payment, issue 13).
Depends on 0010_settle_key (0011 is reserved for the régua; the lead re-chains at merge)."""

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0011_regua_run")]

    initial = False

    operations = [
        ops.CreateModel(
            name="ProviderPayment",
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
                        related_name="provider_payments",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "debtor",
                    fields.ForeignKeyField(
                        "models.Debtor",
                        source_field="debtor_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="provider_payments",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("provider_payment_id", fields.CharField(max_length=100)),
                ("fingerprint", fields.CharField(max_length=64)),
                ("method", fields.CharField(max_length=16)),
                ("txid", fields.CharField(null=True, max_length=25)),
                ("amount_cents", fields.BigIntField()),
                ("credit_cents", fields.BigIntField(default=0)),
                ("paid_on", fields.DateField()),
                ("payment_ids", fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "provider_payment",
                "app": "models",
                "unique_together": (("company_id", "provider_payment_id"),),
                "pk_attr": "id",
                "table_description": "A payment reported by a partner or payment provider (`registerPayment`), unique per",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="SentEmailEntry",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "sent_email",
                    fields.ForeignKeyField(
                        "models.SentEmail",
                        source_field="sent_email_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="covered_entries",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "entry",
                    fields.ForeignKeyField(
                        "models.FinancialEntry",
                        source_field="entry_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="sent_email_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("open_cents", fields.BigIntField()),
                ("updated_cents", fields.BigIntField()),
            ],
            options={
                "table": "sent_email_entry",
                "app": "models",
                "unique_together": (("sent_email_id", "entry_id"),),
                "pk_attr": "id",
                "table_description": "One entry a collection e-mail quoted, with the amounts it quoted on the day it was sent.",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="SentEmail",
            name="pix_copia_e_cola",
            field=fields.TextField(null=True, unique=False),
        ),
        ops.AddField(
            model_name="SentEmail",
            name="pix_txid",
            field=fields.CharField(null=True, db_index=True, max_length=25),
        ),
    ]
