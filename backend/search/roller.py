"""The day roll as a background service: at start-up, then just after each local midnight.

With several processes (`cobrancas serve --workers N`, several machines) one of them rolls: the
others find the roll's advisory lock taken (core/singleton.py) and skip it.

Until a roll has run for today (e.g. in the seconds after midnight, or if the roll fails) the
search answers from the entries, which is slower but always right. Register it with the app:
`create_app(settings, services=[balance_roller])`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import AsyncIterator
from functools import partial
from zoneinfo import ZoneInfo

from backend.core.clock import Clock, utc_now
from backend.core.periods import local_today
from backend.core.singleton import once_across_processes
from backend.search.balances import roll_balances
from backend.settings import Settings

logger = logging.getLogger("cobrancas.search")
RETRY_SECONDS = 60.0
ROLL_JOB = "search.roll_balances"  # its advisory lock: one roll across every process
# A little after midnight, so a clock running slightly behind still sees the new date.
AFTER_MIDNIGHT = dt.timedelta(seconds=2)


def seconds_until_next_roll(now: dt.datetime, time_zone: str) -> float:
    """Seconds from `now` to just after the next local midnight in `time_zone` (DST-aware)."""
    zone = ZoneInfo(time_zone)
    tomorrow = local_today(now, zone) + dt.timedelta(days=1)
    midnight = dt.datetime.combine(tomorrow, dt.time(0, 0), tzinfo=zone)
    return max(0.0, (midnight + AFTER_MIDNIGHT - now).total_seconds())


async def run_roller(settings: Settings, clock: Clock = utc_now) -> None:
    """Roll now, then after every local midnight, forever; a failed roll is retried."""
    while True:
        now = clock()
        try:
            today = local_today(now, settings.time_zone)
            ran, _ = await once_across_processes(ROLL_JOB, partial(roll_balances, today=today))
            if not ran:
                logger.info("debtor balance roll: another process is rolling")
            delay = seconds_until_next_roll(clock(), settings.time_zone)
        except Exception:
            logger.exception("debtor balance roll failed; the search uses the entries meanwhile")
            delay = RETRY_SECONDS
        await asyncio.sleep(delay)


@contextlib.asynccontextmanager
async def balance_roller(settings: Settings, *, clock: Clock = utc_now) -> AsyncIterator[None]:
    """A BackgroundService for backend.app.create_app."""
    task = asyncio.create_task(run_roller(settings, clock), name="debtor-balance-roller")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
