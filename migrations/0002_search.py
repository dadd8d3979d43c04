from tortoise import fields, migrations
from tortoise.migrations import operations as ops

# Indexes for the debtor search (backend/search). Written by hand because Tortoise's Index has no
# partial (WHERE), INCLUDE or GIN form. The WHERE must read exactly as the queries' condition
# (backend.search.sql.OPEN_ENTRY): both engines use a partial index only when they can see that.
OPEN = "status IN ('OPEN', 'PARTIALLY_PAID')"
POSTGRES_INDEXES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Unpaid entries by due date: the default list, periods and CUSTOM ranges, ageing.
    f"CREATE INDEX entry_open_due ON financial_entry (due_date) "
    f"INCLUDE (debtor_id, company_id, amount_cents, paid_cents) WHERE {OPEN}",
    # ... of one company (filter companyId, principals limited to some companies).
    f"CREATE INDEX entry_open_company_due ON financial_entry (company_id, due_date) "
    f"INCLUDE (debtor_id, amount_cents, paid_cents) WHERE {OPEN}",
    # ... of given debtors (name/document search, overdueBalance, the summary's upkeep).
    f"CREATE INDEX entry_open_debtor_due ON financial_entry (debtor_id, due_date) "
    f"INCLUDE (company_id, amount_cents, paid_cents) WHERE {OPEN}",
    # Substring search on the normalised name: LIKE '%term%' uses it for terms of 3+ letters.
    "CREATE INDEX debtor_search_key_trgm ON debtor USING gin (search_key gin_trgm_ops)",
]
SQLITE_INDEXES = [
    # SQLite has no INCLUDE: the same columns as keys make the indexes covering (status too:
    # SQLite re-checks the partial index's condition, and its plans then say COVERING).
    f"CREATE INDEX entry_open_due ON financial_entry "
    f"(due_date, debtor_id, company_id, amount_cents, paid_cents, status) WHERE {OPEN}",
    f"CREATE INDEX entry_open_company_due ON financial_entry "
    f"(company_id, due_date, debtor_id, amount_cents, paid_cents, status) WHERE {OPEN}",
    f"CREATE INDEX entry_open_debtor_due ON financial_entry "
    f"(debtor_id, due_date, company_id, amount_cents, paid_cents, status) WHERE {OPEN}",
]
BALANCE_INDEXES = [
    # The summary's page orders (backend.search.services._order_by), ties by debtor.
    "CREATE INDEX debtor_balance_open_desc ON debtor_balance (open_cents DESC, debtor_id)",
    "CREATE INDEX debtor_balance_open_asc ON debtor_balance (open_cents, debtor_id)",
    "CREATE INDEX debtor_balance_oldest ON debtor_balance (oldest_due, debtor_id)",
]
INDEX_NAMES = [
    "entry_open_due",
    "entry_open_company_due",
    "entry_open_debtor_due",
    "debtor_balance_open_desc",
    "debtor_balance_open_asc",
    "debtor_balance_oldest",
]


async def create_search_indexes(apps, schema_editor):
    postgres = schema_editor.client.capabilities.dialect == "postgres"
    for statement in (POSTGRES_INDEXES if postgres else SQLITE_INDEXES) + BALANCE_INDEXES:
        await schema_editor.client.execute_script(statement)


async def drop_search_indexes(apps, schema_editor):
    names = list(INDEX_NAMES)
    if schema_editor.client.capabilities.dialect == "postgres":
        names.append("debtor_search_key_trgm")
    for name in names:
        await schema_editor.client.execute_script(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.CreateModel(
            name="BalanceState",
            fields=[
                (
                    "id",
                    fields.IntField(primary_key=True, generated=False, unique=True, db_index=True),
                ),
                ("as_of", fields.DateField(null=True)),
            ],
            options={
                "table": "balance_state",
                "app": "models",
                "pk_attr": "id",
                "table_description": "One row (id 1): the local date the summary describes, null before the first roll.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="DebtorBalance",
            fields=[
                (
                    "debtor_id",
                    fields.IntField(primary_key=True, generated=False, unique=True, db_index=True),
                ),
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
                "table": "debtor_balance",
                "app": "models",
                "pk_attr": "debtor_id",
                "table_description": "Open overdue amount of one debtor across every company, with ageing buckets.",
            },
            bases=["Model"],
        ),
        ops.RunPython(create_search_indexes, drop_search_indexes),
    ]
