"""Maintenance of the per-debtor overdue summary (`debtor_balance`, see search.models).

One statement recomputes rows from `financial_entry` for a set of debtors: every write runs it
for the debtor it touched (search.signals), the day roll for the debtors whose entries crossed a
day or bucket boundary, a rebuild for all. Recomputing instead of adding deltas means a row can
never drift: it is always what the plain aggregate says for `balance_state.as_of`.

Concurrency on PostgreSQL: a write holds `balance_state` FOR SHARE and its debtor's row FOR NO
KEY UPDATE before recomputing, so two writes for one debtor run one after the other (the second
sees the first's entries), and the roll (FOR UPDATE on `balance_state`) waits for writes in
flight. SQLite runs one writer at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from backend.businessdays.services import Cutoffs, overdue_cutoffs
from backend.search.aging import OVERDUE_BANDS
from backend.search.sql import OPEN_CENTS, OPEN_ENTRY, Sql, as_date, connection, overdue_sql

logger = logging.getLogger("cobrancas.search")

# Days overdue where an entry changes bucket: it becomes overdue (1), then 31, 61 and 91.
BUCKET_STARTS = tuple(band.min_days or 0 for band in OVERDUE_BANDS)
# Beyond this many days the roll's windows cover most entries: rebuilding is as cheap.
MAX_ROLL_DAYS = 14
_COLUMNS = (
    "debtor_id, open_cents, entry_count, oldest_due, "
    "b1_cents, b1_count, b2_cents, b2_count, b3_cents, b3_count, b4_cents, b4_count"
)


@dataclass(frozen=True)
class RollResult:
    as_of: dt.date
    previous: dt.date | None
    rebuilt: bool


def _recompute(
    sql: Sql,
    as_of: dt.date,
    cutoffs: Cutoffs,
    debtors: Callable[[Sql], str],
    *,
    per_company: bool = False,
) -> str:
    """INSERT the summary rows of the debtors that `debtors` selects (a condition on alias e):
    into debtor_balance, or with `per_company` into debtor_company_balance.

    Overdue on `as_of` is each company's business-day cutoff (`cutoffs`, backend.businessdays).
    `debtors` writes its condition when called, so its placeholders come in statement order.
    """

    def overdue(q: Sql) -> str:
        return overdue_sql(q, cutoffs)

    buckets = ", ".join(
        band.sums(sql, as_of, f"b{index}", overdue) for index, band in enumerate(OVERDUE_BANDS, 1)
    )
    table, columns, keys = "debtor_balance", _COLUMNS, "e.debtor_id"
    if per_company:
        table = "debtor_company_balance"
        columns, keys = f"company_id, {_COLUMNS}", "e.company_id, e.debtor_id"
    return (
        f"INSERT INTO {table} ({columns}) "
        f"SELECT {keys}, SUM({OPEN_CENTS}), COUNT(*), MIN(e.due_date), {buckets} "
        f"FROM financial_entry e WHERE {OPEN_ENTRY} AND {overdue(sql)} "
        f"AND {debtors(sql)} GROUP BY {keys}"
    )


async def _replace(
    db: BaseDBAsyncClient,
    as_of: dt.date,
    cutoffs: Cutoffs,
    which: Callable[[Sql], str] | None,
) -> None:
    """DELETE and recompute the rows of both tables for the debtors `which` selects (a
    condition on alias e, or a subquery of debtor ids for x), all of them when None."""
    for table, per_company in (("debtor_balance", False), ("debtor_company_balance", True)):
        delete = Sql(db)
        if which is None:
            await delete.rows(f"DELETE FROM {table}")
        else:
            await delete.rows(f"DELETE FROM {table} WHERE debtor_id IN ({which(delete)})")
        insert = Sql(db)

        def condition(q: Sql) -> str:
            return "1 = 1" if which is None else f"e.debtor_id IN ({which(q)})"

        await insert.rows(_recompute(insert, as_of, cutoffs, condition, per_company=per_company))


async def _cutoffs(db: BaseDBAsyncClient, as_of: dt.date) -> Cutoffs:
    """Every company's overdue cutoff on the summary's one date."""
    return await overdue_cutoffs(company_ids=None, today_for=lambda _zone: as_of, db=db)


async def _state(db: BaseDBAsyncClient, lock: str | None = None) -> dt.date | None:
    sql = Sql(db)
    suffix = f" FOR {lock}" if lock and sql.postgres else ""
    rows = await sql.rows(f"SELECT as_of FROM balance_state WHERE id = 1{suffix}")
    return as_date(rows[0]["as_of"]) if rows else None


async def _calendar_key(db: BaseDBAsyncClient) -> str | None:
    rows = await Sql(db).rows("SELECT calendar_key FROM balance_state WHERE id = 1")
    return rows[0]["calendar_key"] if rows else None


async def refresh_debtors(db: BaseDBAsyncClient, debtor_ids: Iterable[int]) -> None:
    """Recompute the summary rows of these debtors, inside the caller's transaction `db`."""
    ids = sorted(set(debtor_ids))
    if not ids:
        return
    as_of = await _state(db, "SHARE")
    if as_of is None:  # never built: readers use the plain query, nothing to keep right
        return
    lock = Sql(db)
    if lock.postgres:
        await lock.rows(
            f"SELECT id FROM debtor WHERE id IN ({lock.params_list(ids)}) "
            "ORDER BY id FOR NO KEY UPDATE"
        )
    cutoffs = await _cutoffs(db, as_of)
    await _replace(db, as_of, cutoffs, lambda q: q.params_list(ids))


async def roll_balances(*, today: dt.date, rebuild: bool = False) -> RollResult:
    """Bring the summary to `today`: a partial roll from a recent date, else a full rebuild.

    `rebuild=True` recomputes every row even when the summary is already at `today`: after
    writes that bypassed the model hooks (bulk loads).
    """
    async with in_transaction():
        db = connection()
        ensure = Sql(db)
        await ensure.rows(
            "INSERT INTO balance_state (id, as_of) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING"
        )
        previous = await _state(db, "UPDATE")
        cutoffs = await _cutoffs(db, today)
        # The rows are right for `previous` only if they were computed with the cutoffs its
        # calendar gives today (a company's state or holidays may have changed since).
        was = await _cutoffs(db, previous) if previous is not None else None
        same_calendar = was is not None and await _calendar_key(db) == was.key
        if previous == today and same_calendar and not rebuild:
            return RollResult(as_of=today, previous=previous, rebuilt=False)
        rebuild = (
            rebuild
            or not same_calendar  # a company's state or holidays changed: every row may move
            or previous is None
            or today < previous
            or (today - previous).days > MAX_ROLL_DAYS
        )
        if rebuild:
            await _replace(db, today, cutoffs, None)
        else:
            assert previous is not None
            assert was is not None
            window = _Window(previous, today, was, cutoffs)
            await _replace(db, today, cutoffs, lambda q: _crossing_debtors(q, window))
        update = Sql(db)
        await update.rows(
            f"UPDATE balance_state SET as_of = {update.param(today)}, "
            f"calendar_key = {update.param(cutoffs.key)} WHERE id = 1"
        )
    logger.info("debtor balances rolled from %s to %s (rebuilt: %s)", previous, today, rebuild)
    return RollResult(as_of=today, previous=previous, rebuilt=rebuild)


@dataclass(frozen=True)
class _Window:
    previous: dt.date
    today: dt.date
    cutoffs_then: Cutoffs
    cutoffs_now: Cutoffs


def _crossing_debtors(sql: Sql, w: _Window) -> str:
    """Debtors with an unpaid entry that changes bucket between `previous` and `today`.

    An entry becomes overdue when its due date passes its company's cutoff: d lies in
    (cutoff then, cutoff now], taken over all companies (a few debtors too many cost only
    their recomputation). Later it is n = as_of - d days overdue and crosses the start s of a
    bucket when previous - d < s <= today - d, that is when d lies in
    [previous - s + 1, today - s].
    """
    ranges = []
    if w.cutoffs_then.earliest is not None and w.cutoffs_now.latest is not None:
        ranges.append((w.cutoffs_then.earliest + dt.timedelta(days=1), w.cutoffs_now.latest))
    for s in BUCKET_STARTS[1:]:
        ranges.append((w.previous - dt.timedelta(days=s - 1), w.today - dt.timedelta(days=s)))
    windows = " OR ".join(
        f"(x.due_date >= {sql.param(low)} AND x.due_date <= {sql.param(high)})"
        for low, high in ranges
    )
    open_x = OPEN_ENTRY.replace("e.", "x.")
    return f"SELECT x.debtor_id FROM financial_entry x WHERE {open_x} AND ({windows})"


async def rebuild_balances() -> dt.date | None:
    """Recompute every row for the summary's current date (nothing before the first roll)."""
    as_of = await balances_as_of()
    if as_of is not None:
        await roll_balances(today=as_of, rebuild=True)
    return as_of


async def balances_as_of(db: BaseDBAsyncClient | None = None) -> dt.date | None:
    """The date the summary describes (None before the first roll)."""
    return await _state(db or connection())
