"""The same migration files build the whole schema on SQLite and on PostgreSQL."""

from __future__ import annotations

from tortoise import connections

from backend.database import pending_model_changes

TABLES = {
    "company",
    "app_user",
    "api_token",
    "user_session",
    "debtor",
    "contact",
    "financial_entry",
    "payment",
    "appointment",
    "sent_email",
    "audit_event",
    "user_company",
    "api_token_company",
    "debtor_balance",
    "balance_state",
}
ENTRY_INDEXES = {"entry_status_due", "entry_debtor_due", "entry_company_due"}
# migrations/0002_search: covering partial indexes on unpaid entries and the summary's orders.
SEARCH_INDEXES = {
    "entry_open_due",
    "entry_open_company_due",
    "entry_open_debtor_due",
    "debtor_balance_open_desc",
    "debtor_balance_open_asc",
    "debtor_balance_oldest",
}


async def test_migrations_build_every_table_and_index(database_url: str) -> None:
    conn = connections.get("default")
    if database_url.startswith("sqlite"):
        tables = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type='table'")
        indexes = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type='index'")
    else:
        tables = await conn.execute_query_dict(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        )
        indexes = await conn.execute_query_dict(
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'"
        )
    assert {t["name"] for t in tables} >= TABLES
    assert {i["name"] for i in indexes} >= ENTRY_INDEXES | SEARCH_INDEXES
    if not database_url.startswith("sqlite"):  # trigram search on the normalised name
        assert "debtor_search_key_trgm" in {i["name"] for i in indexes}
    applied = await conn.execute_query_dict("SELECT name FROM tortoise_migrations")
    assert {"0001_initial", "0002_search", "0003_search_plan_cache"} <= {
        row["name"] for row in applied
    }


async def test_models_have_no_changes_without_a_migration() -> None:
    assert await pending_model_changes() == [], "run `make migrations` and commit the file"
