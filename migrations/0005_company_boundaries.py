"""Company boundaries and administration (issue 8).

- debtor_company: the companies a debtor was created for, each with its partner's external id
  (unique per company); a debtor without entries is reachable only through it.
- audit_event_company: every company an event concerns (a shared debtor's change).
- sent_email.idempotency_key: unique per company instead of installation-wide.
- api_token.scope: ADMIN added.
- app_user.calendar_token becomes calendar_token_hash: existing feed URLs keep working, since
  their tokens are hashed here rather than replaced; calendar_url_shown says the user has seen
  its address (myCalendarUrl shows a new one only once).
"""

import hashlib

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import UniqueConstraint

from backend.core.enums import TokenScope


async def hash_calendar_tokens(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    client = schema_editor.client
    placeholder = "$1" if client.capabilities.dialect == "postgres" else "?"
    second = "$2" if client.capabilities.dialect == "postgres" else "?"
    rows = await client.execute_query_dict("SELECT id, calendar_token_hash FROM app_user")
    for row in rows:
        digest = hashlib.sha256(str(row["calendar_token_hash"]).encode()).hexdigest()
        await client.execute_query(
            f"UPDATE app_user SET calendar_token_hash = {placeholder} WHERE id = {second}",
            [digest, row["id"]],
        )


async def mark_calendar_urls_shown(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    await schema_editor.client.execute_script("UPDATE app_user SET calendar_url_shown = TRUE")


INDEXES = (
    'CREATE INDEX IF NOT EXISTS "idx_sent_email_status_d8edca" '
    'ON "sent_email" ("status", "next_attempt_at");'
    'CREATE INDEX IF NOT EXISTS "idx_sent_email_debtor__b99afc" '
    'ON "sent_email" ("debtor_id", "queued_at");'
)


class StateOnlyAlterField(ops.AlterField):
    """api_token.scope gains a value (ADMIN fits its 8 characters): only the column's comment
    would change, and SQLite would rebuild the table for it, whose DROP sets every
    audit_event.actor_token_id to NULL (ON DELETE SET NULL). So the database is left alone."""

    async def database_forward(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        return None

    async def database_backward(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        return None


async def restore_sqlite_indexes(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    # On SQLite AlterField rebuilds the table, and the rebuild loses its indexes.
    client = schema_editor.client
    if client.capabilities.dialect == "sqlite":
        await client.execute_script(INDEXES)


class Migration(migrations.Migration):
    dependencies = [("models", "0004_appointment_wall_clock")]

    initial = False

    operations = [
        ops.CreateModel(
            name="AuditEventCompany",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "event",
                    fields.ForeignKeyField(
                        "models.AuditEvent",
                        source_field="event_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="company_links",
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
                        related_name="audit_event_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
            ],
            options={
                "table": "audit_event_company",
                "app": "models",
                "unique_together": (("event_id", "company_id"),),
                "indexes": [Index(fields=["company_id", "event_id"])],
                "pk_attr": "id",
                "table_description": "Another company an event concerns, e.g. each company that shares a changed debtor: the",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="DebtorCompany",
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
                        related_name="company_links",
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
                        related_name="debtor_links",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("external_id", fields.CharField(null=True, max_length=100)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "debtor_company",
                "app": "models",
                "unique_together": (("debtor_id", "company_id"), ("company_id", "external_id")),
                "indexes": [Index(fields=["company_id", "debtor_id"])],
                "pk_attr": "id",
                "table_description": "A company a debtor was created for (Cliente da Empresa), with that partner's own id.",
            },
            bases=["Model"],
        ),
        StateOnlyAlterField(
            model_name="ApiToken",
            name="scope",
            field=fields.CharEnumField(
                default=TokenScope.READ,
                description="READ: READ\nWRITE: WRITE\nADMIN: ADMIN",
                enum_type=TokenScope,
                max_length=8,
            ),
        ),
        ops.AlterField(
            model_name="SentEmail",
            name="idempotency_key",
            field=fields.CharField(null=True, max_length=100),
        ),
        ops.AddConstraint(
            model_name="SentEmail",
            constraint=UniqueConstraint(fields=("company_id", "idempotency_key"), name=None),
        ),
        # Renamed in place (a rebuild of app_user on SQLite would cascade to its references).
        ops.RenameField(
            model_name="User", old_name="calendar_token", new_name="calendar_token_hash"
        ),
        ops.RunPython(hash_calendar_tokens, reverse_code=ops.RunPython.noop),
        ops.AddField(
            model_name="User",
            name="calendar_url_shown",
            field=fields.BooleanField(default=False, db_default=False),
        ),
        # Existing users have seen their address: myCalendarUrl must not replace it.
        ops.RunPython(mark_calendar_urls_shown, reverse_code=ops.RunPython.noop),
        ops.RunPython(restore_sqlite_indexes, reverse_code=ops.RunPython.noop),
    ]
