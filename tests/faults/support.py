"""Helpers of the fault scenarios: a real server's targets and its database read directly."""

from __future__ import annotations

from tortoise import Tortoise

from backend.entries.models import FinancialEntry
from backend.settings import tortoise_config


async def open_entries(url: str, count: int = 20) -> list[tuple[int, int, int]]:
    """(entry id, debtor id, company id) of open entries of the database at `url`."""
    await Tortoise.init(config=tortoise_config(url))
    try:
        entries = await FinancialEntry.filter(status__in=["OPEN", "PARTIALLY_PAID"]).limit(count)
        return [(e.id, e.debtor_id, e.company_id) for e in entries]
    finally:
        await Tortoise.close_connections()
