"""The per-(debtor, company) overdue summary: principals limited to some companies read it
(issue 11 item 4). Written like debtor_balance (0002_search); the summary is marked stale
(balance_state.as_of = NULL) so the next roll rebuilds both tables — until then the search
answers from the entries, as it does before any roll."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

INDEXES = [
    # A scope's rows: its companies' debtors (then grouped by debtor).
    "CREATE INDEX debtor_company_balance_company ON debtor_company_balance "
    "(company_id, debtor_id, open_cents, entry_count, oldest_due)",
]


async def create_indexes(apps, schema_editor):
    for statement in INDEXES:
        await schema_editor.client.execute_script(statement)
    await schema_editor.client.execute_script("UPDATE balance_state SET as_of = NULL")


async def drop_indexes(apps, schema_editor):
    await schema_editor.client.execute_script("DROP INDEX IF EXISTS debtor_company_balance_company")


class Migration(migrations.Migration):
    dependencies = [("models", "0012_pix_txid")]

    initial = False

    operations = [
        ops.CreateModel(
            name="DebtorCompanyBalance",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("debtor_id", fields.IntField()),
                ("company_id", fields.IntField()),
                ("open_cents", fields.BigIntField()),
                ("entry_count", fields.IntField()),
                ("oldest_due", fields.DateField()),
                ("b1_cents", fields.BigIntField()),
                ("b1_count", fields.IntField()),
                ("b2_cents", fields.BigIntField()),
                ("b2_count", fields.IntField()),
                ("b3_cents", fields.BigIntField()),
                ("b3_count", fields.IntField()),
                ("b4_cents", fields.BigIntField()),
                ("b4_count", fields.IntField()),
            ],
            options={
                "table": "debtor_company_balance",
                "app": "models",
                "unique_together": (("debtor_id", "company_id"),),
                "pk_attr": "id",
                "table_description": "The same, per (debtor, company): what a principal limited to some companies reads",
            },
            bases=["Model"],
        ),
        ops.RunPython(create_indexes, drop_indexes),
    ]
