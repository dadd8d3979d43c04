"""The zone guard of `make test`: the Python suite runs with the machine's zone set to one that is
on another date than São Paulo for the whole run, so a test or a rule that reads the machine's
date (instead of the company's zone) fails whenever it runs.

Kiritimati (UTC+14) is on another date than São Paulo from 07:00 to 24:00 in São Paulo, Pago Pago
(UTC−11) from 00:00 to 08:00: at every instant one of them is. The run takes the one that stays
on another date the longest from its start. If it no longer was by the end (a run started just
before midnight in São Paulo, or one longer than expected), the suite runs again — browser,
benchmark, fuzz and fault tests aside — under the zone that is on another date then.

    python -m tests.zone_guard [pytest options]
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Sequence
from zoneinfo import ZoneInfo

SAO_PAULO = ZoneInfo("America/Sao_Paulo")
ZONES = ("Pacific/Kiritimati", "Pacific/Pago_Pago")
# The later passes leave out the slow directories, as the second pass always did.
LATER_PASS_IGNORES = ("tests/e2e", "tests/bench", "tests/fuzz", "tests/faults")
STEP = dt.timedelta(minutes=1)
DAY = dt.timedelta(days=1)


def on_another_date(zone: str, instant: dt.datetime) -> bool:
    """Whether the machine's date in `zone` differs from São Paulo's at `instant` (aware)."""
    return instant.astimezone(ZoneInfo(zone)).date() != instant.astimezone(SAO_PAULO).date()


def time_left(zone: str, instant: dt.datetime) -> dt.timedelta:
    """About how long from `instant` `zone` stays on another date than São Paulo (counted in
    whole minutes, at most a day; zero if it is on the same date now)."""
    left = dt.timedelta(0)
    while left < DAY and on_another_date(zone, instant + left):
        left += STEP
    return left


def choose(instant: dt.datetime) -> str:
    """The zone that stays on another date than São Paulo the longest from `instant`."""
    return max(ZONES, key=lambda zone: time_left(zone, instant))


def held(zone: str, start: dt.datetime, end: dt.datetime) -> bool:
    """Whether `zone` was on another date than São Paulo from `start` to `end`, both included.
    Looked at every minute and at `end`: each date lasts hours, none can fit between two looks."""
    looks = [start + STEP * i for i in range(int((end - start) / STEP) + 1)]
    return all(on_another_date(zone, t) for t in [*looks, end])


def main(pytest_args: Sequence[str]) -> int:
    ignores: list[str] = []
    while True:
        start = dt.datetime.now(dt.UTC)
        zone = choose(start)
        local = start.astimezone(SAO_PAULO)
        hours, minutes = divmod(int(time_left(zone, start) / STEP), 60)
        print(
            f"zone guard: TZ={zone} ({local:%H:%M} in São Paulo; on another date for the next "
            f"{hours} h {minutes:02d} min)",
            flush=True,
        )
        command = [sys.executable, "-m", "pytest", *pytest_args, *ignores]
        code = subprocess.run(command, env={**os.environ, "TZ": zone}, check=False).returncode
        if code != 0:
            return code
        end = dt.datetime.now(dt.UTC)
        if held(zone, start, end):
            return 0
        print(f"zone guard: {zone} reached São Paulo's date during the run: once more", flush=True)
        ignores = [f"--ignore={path}" for path in LATER_PASS_IGNORES]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
