"""`cobrancas serve` on a clock the browser tests move: `python -m tests.e2e.clock_server FILE`.

The server is the real one (backend.cli.serve: migrations, worker, roller, uvicorn); only its
clock differs: real time shifted by the seconds written in FILE, so a test can put the server
at 23:30 in São Paulo on 31 December without waiting for it.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path

from backend.cli import serve
from backend.core.clock import utc_now
from backend.settings import Settings


class FileClock:
    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> dt.datetime:
        text = self.path.read_text().strip() if self.path.exists() else ""
        return utc_now() + dt.timedelta(seconds=float(text or 0))


def set_clock(path: Path, instant: dt.datetime | None) -> None:
    """Move the server's clock to `instant` (None: back to real time)."""
    offset = 0.0 if instant is None else (instant - utc_now()).total_seconds()
    path.write_text(f"{offset}\n")


if __name__ == "__main__":
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level)
    serve(settings, clock=FileClock(Path(sys.argv[1])))
