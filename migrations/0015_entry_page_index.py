"""The index a page of a debtor's entries walks (entries/loaders.py, `_lateral_pages`): the
list's order (due date, then id) per debtor, carrying the columns the lists filter on (status,
company) so that finding a page's ids reads no table row. PostgreSQL keeps those two as INCLUDE
columns; SQLite, which has no INCLUDE, as trailing key columns."""

from tortoise import migrations
from tortoise.migrations import operations as ops

POSTGRES = (
    "CREATE INDEX entry_debtor_page ON financial_entry (debtor_id, due_date, id) "
    "INCLUDE (status, company_id)"
)
SQLITE = "CREATE INDEX entry_debtor_page ON financial_entry (debtor_id, due_date, id, status, company_id)"


async def create_index(apps, schema_editor):
    client = schema_editor.client
    postgres = str(client.capabilities.dialect) == "postgres"
    await client.execute_script(POSTGRES if postgres else SQLITE)


async def drop_index(apps, schema_editor):
    await schema_editor.client.execute_script("DROP INDEX IF EXISTS entry_debtor_page")


class Migration(migrations.Migration):
    dependencies = [("models", "0014_partner")]

    initial = False

    operations = [ops.RunPython(create_index, drop_index)]
