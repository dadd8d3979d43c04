"""Write hooks: every FinancialEntry saved or deleted through the model refreshes its debtor's
summary row in the same transaction (Tortoise passes the caller's connection as `using_db`).

Writes that bypass the model (QuerySet.update, bulk_create, raw SQL) are not seen: after such a
load call `roll_balances` with a rebuild (backend.demo and the benchmark do).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.signals import post_delete, post_save, pre_save

from backend.entries.models import FinancialEntry
from backend.search.balances import refresh_debtors
from backend.search.sql import Sql

# Fields whose change can move an entry in or out of a debtor's overdue balance.
_RELEVANT = frozenset(
    {"debtor", "debtor_id", "due_date", "amount_cents", "paid_cents", "status", "cancelled_at"}
)
# The debtor an entry had in the database before an update, by entry object.
_PREVIOUS_DEBTOR = "_search_previous_debtor_id"


def _relevant(update_fields: Iterable[str] | None) -> bool:
    return update_fields is None or not _RELEVANT.isdisjoint(update_fields)


@pre_save(FinancialEntry)
async def _remember_debtor(
    sender: type[FinancialEntry],
    instance: FinancialEntry,
    using_db: BaseDBAsyncClient,
    update_fields: Iterable[str] | None,
) -> None:
    """An update that moves an entry to another debtor must refresh the old debtor too."""
    if not instance._saved_in_db or instance.pk is None:
        return
    if update_fields is not None and not {"debtor", "debtor_id"} & set(update_fields):
        return
    sql = Sql(using_db)
    rows = await sql.rows(
        f"SELECT debtor_id FROM financial_entry WHERE id = {sql.param(instance.pk)}"
    )
    previous = rows[0]["debtor_id"] if rows else None
    instance.__dict__[_PREVIOUS_DEBTOR] = previous


@post_save(FinancialEntry)
async def _entry_saved(
    sender: type[FinancialEntry],
    instance: FinancialEntry,
    created: bool,
    using_db: BaseDBAsyncClient,
    update_fields: Iterable[str] | None,
) -> None:
    previous: Any = instance.__dict__.pop(_PREVIOUS_DEBTOR, None)
    if not created and not _relevant(update_fields):
        return
    debtors = {instance.debtor_id}
    if previous is not None:
        debtors.add(previous)
    await refresh_debtors(using_db, debtors)


@post_delete(FinancialEntry)
async def _entry_deleted(
    sender: type[FinancialEntry], instance: FinancialEntry, using_db: BaseDBAsyncClient
) -> None:
    await refresh_debtors(using_db, {instance.debtor_id})
