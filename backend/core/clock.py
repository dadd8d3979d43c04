"""The one source of "now": an injectable clock, so every business date can be tested at any hour.

The app holds one clock (`create_app(clock=...)`) and hands it to each request's Context and to
its background services; business code never calls `datetime.now()` itself. Dates follow from
it with `core.periods.local_today(now, zone)`, in the company's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeAlias

Clock: TypeAlias = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The real clock: the current instant, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)
