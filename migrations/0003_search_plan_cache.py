from tortoise import migrations
from tortoise.migrations import operations as ops

# PostgreSQL plans a prepared statement with its values for five runs, then may switch to a
# generic plan that ignores them. asyncpg prepares every statement, so from the sixth page on,
# the search's aggregates ran on plans made for "any date, any company": measured at 1M entries,
# the default list for a user limited to companies went from 92 ms to 165 ms. Plan each
# execution with its values instead (a planning costs a fraction of a millisecond here).
# Applies to new sessions of this database; SQLite has no such cache.
SETTING = "plan_cache_mode"


async def plan_with_values(apps, schema_editor):
    if schema_editor.client.capabilities.dialect == "postgres":
        await schema_editor.client.execute_script(
            "DO $$ BEGIN EXECUTE format("
            f"'ALTER DATABASE %I SET {SETTING} = force_custom_plan', current_database()); END $$"
        )


async def reset_plan_cache_mode(apps, schema_editor):
    if schema_editor.client.capabilities.dialect == "postgres":
        await schema_editor.client.execute_script(
            "DO $$ BEGIN EXECUTE format("
            f"'ALTER DATABASE %I RESET {SETTING}', current_database()); END $$"
        )


class Migration(migrations.Migration):
    dependencies = [("models", "0002_search")]

    initial = False

    operations = [
        ops.RunPython(plan_with_values, reset_plan_cache_mode),
    ]
