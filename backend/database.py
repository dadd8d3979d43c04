"""Database lifecycle outside requests: migrations and the model/migration drift check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api import migrate as migrate_api
from tortoise.migrations.autodetector import MigrationAutodetector

from backend.settings import tortoise_config


def _ensure_sqlite_folder(database_url: str) -> None:
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


async def migrate(database_url: str, *, quiet: bool = True) -> None:
    """Apply every migration in migrations/ (the same files serve SQLite and PostgreSQL)."""
    _ensure_sqlite_folder(database_url)
    progress: Any = None
    if not quiet:

        def progress(event: str, app_label: str, name: str) -> None:
            if event == "apply_done":
                print(f"  aplicada {app_label}.{name}")

    try:
        await migrate_api(config=tortoise_config(database_url), progress=progress)
    finally:
        await Tortoise.close_connections()


async def pending_model_changes(database_url: str = "sqlite://:memory:") -> list[str]:
    """Names of the migrations `makemigrations` would write now: empty when models are covered."""
    config = tortoise_config(database_url)
    await Tortoise.init(config=config)
    try:
        autodetector = MigrationAutodetector(Tortoise.apps, config["apps"])
        writers = await autodetector.changes()
        return [f"{w.app_label}.{w.name}" for w in writers]
    finally:
        await Tortoise.close_connections()
