"""Appointment.scheduled_time becomes the company's wall clock as "HH:MM" text.

It was a TimeField, which under use_tz is TIMETZ on PostgreSQL and has no sqlite3 adapter.
Tortoise cannot change a column's type in place, so: add the new column, copy, drop, rename.
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


async def copy_times(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    client = schema_editor.client
    if client.capabilities.dialect == "postgres":
        sql = "UPDATE appointment SET scheduled_hhmm = to_char(scheduled_time::time, 'HH24:MI')"
    else:  # SQLite keeps the time as text, "09:30:00+00:00"
        sql = "UPDATE appointment SET scheduled_hhmm = substr(scheduled_time, 1, 5)"
    await client.execute_script(sql)


async def restore_sqlite_indexes(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    # On SQLite AlterField rebuilds the table, and the rebuild loses its indexes.
    client = schema_editor.client
    if client.capabilities.dialect == "sqlite":
        await client.execute_script(
            'CREATE INDEX IF NOT EXISTS "idx_appointment_respons_9d51b3" '
            'ON "appointment" ("responsible_id", "scheduled_date");'
            'CREATE INDEX IF NOT EXISTS "idx_appointment_debtor__11a429" '
            'ON "appointment" ("debtor_id", "scheduled_date");'
        )


class Migration(migrations.Migration):
    dependencies = [("models", "0003_search_plan_cache")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Appointment",
            name="scheduled_hhmm",
            field=fields.CharField(max_length=5, db_default="00:00"),
        ),
        ops.RunPython(copy_times, reverse_code=ops.RunPython.noop),
        ops.RemoveField(model_name="Appointment", name="scheduled_time"),
        ops.RenameField(
            model_name="Appointment", old_name="scheduled_hhmm", new_name="scheduled_time"
        ),
        # The default only filled the rows that existed; new rows always carry a time.
        ops.AlterField(
            model_name="Appointment",
            name="scheduled_time",
            field=fields.CharField(max_length=5),
        ),
        ops.RunPython(restore_sqlite_indexes, reverse_code=ops.RunPython.noop),
    ]
