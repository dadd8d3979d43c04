"""The same migration files build the whole schema on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tortoise import Tortoise, connections
from tortoise.migrations.api import migrate as migrate_api

from backend.accounts.services import user_by_calendar_token
from backend.database import migrate, pending_model_changes
from backend.settings import tortoise_config
from tests.support import create_postgres_database, drop_postgres_database

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
    "debtor_company",
    "audit_event_company",
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


async def test_0004_keeps_appointment_times_and_indexes(tmp_path: Path) -> None:
    """Upgrading a database that already has appointments keeps their wall-clock times."""
    for url in (
        f"sqlite://{tmp_path / 'upgrade.sqlite3'}",
        await create_postgres_database(f"cobrancas_upgrade_{os.getpid()}"),
    ):
        await migrate_api(config=tortoise_config(url), target="models.0003_search_plan_cache")
        conn = connections.get("default")
        await conn.execute_script(
            "INSERT INTO debtor (kind, name, search_key, created_at, updated_at) "
            "VALUES ('CUSTOMER', 'Ana', 'ana', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
            "INSERT INTO app_user (name, email, password_hash, role, is_active, all_companies,"
            " calendar_token, created_at) VALUES ('U', 'u@example.com', 'x', 'ADMIN', TRUE, TRUE,"
            " 't', CURRENT_TIMESTAMP);"
            "INSERT INTO appointment (debtor_id, responsible_id, scheduled_date, scheduled_time,"
            " notes, done, created_at, updated_at) VALUES (1, 1, '2026-12-01', '09:30:00+00:00',"
            " 'ligar', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
        )
        await Tortoise.close_connections()
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            conn = connections.get("default")
            rows = await conn.execute_query_dict("SELECT scheduled_time FROM appointment")
            assert rows == [{"scheduled_time": "09:30"}]
            if url.startswith("sqlite"):
                indexes = await conn.execute_query_dict(
                    "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='appointment'"
                )
            else:
                indexes = await conn.execute_query_dict(
                    "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'appointment'"
                )
            names = {i["name"] for i in indexes}
            assert {"idx_appointment_respons_9d51b3", "idx_appointment_debtor__11a429"} <= names
        finally:
            await Tortoise.close_connections()
            if not url.startswith("sqlite"):
                await drop_postgres_database(url.rsplit("/", 1)[1])


async def test_0005_hashes_calendar_tokens_and_keeps_every_reference(tmp_path: Path) -> None:
    """Upgrading keeps each user's feed address working (its token is hashed, not replaced),
    the rows that refer to users and tokens, and the sent e-mails' indexes."""
    for url in (
        f"sqlite://{tmp_path / 'upgrade5.sqlite3'}",
        await create_postgres_database(f"cobrancas_upgrade5_{os.getpid()}"),
    ):
        await migrate_api(config=tortoise_config(url), target="models.0004_appointment_wall_clock")
        conn = connections.get("default")
        await conn.execute_script(
            "INSERT INTO app_user (name, email, password_hash, role, is_active, all_companies,"
            " calendar_token, created_at) VALUES ('U', 'u@example.com', 'x', 'ADMIN', TRUE, TRUE,"
            " 'segredo-antigo', CURRENT_TIMESTAMP);"
            "INSERT INTO api_token (name, prefix, secret_hash, scope, all_companies, created_at)"
            " VALUES ('erp', 'cob_1', 'h', 'WRITE', TRUE, CURRENT_TIMESTAMP);"
            "INSERT INTO user_session (token_hash, user_id, created_at, expires_at)"
            " VALUES ('s', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);"
            "INSERT INTO audit_event (actor_user_id, actor_token_id, actor_label, action,"
            " target_type, target_id, details, created_at) VALUES (1, 1, 'U', 'x', 'Debtor', 1,"
            " '{}', CURRENT_TIMESTAMP);"
        )
        await Tortoise.close_connections()
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            conn = connections.get("default")
            [user] = await conn.execute_query_dict(
                "SELECT calendar_token_hash, calendar_url_shown FROM app_user"
            )
            assert user["calendar_token_hash"] == hashlib.sha256(b"segredo-antigo").hexdigest()
            assert bool(user["calendar_url_shown"]) is True
            assert await user_by_calendar_token("segredo-antigo") is not None
            [event] = await conn.execute_query_dict(
                "SELECT actor_user_id, actor_token_id FROM audit_event"
            )
            assert (event["actor_user_id"], event["actor_token_id"]) == (1, 1)
            assert len(await conn.execute_query_dict("SELECT id FROM user_session")) == 1
            if url.startswith("sqlite"):
                indexes = await conn.execute_query_dict(
                    "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='sent_email'"
                )
            else:
                indexes = await conn.execute_query_dict(
                    "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'sent_email'"
                )
            names = {i["name"] for i in indexes}
            assert {"idx_sent_email_status_d8edca", "idx_sent_email_debtor__b99afc"} <= names
        finally:
            await Tortoise.close_connections()
            if not url.startswith("sqlite"):
                await drop_postgres_database(url.rsplit("/", 1)[1])
