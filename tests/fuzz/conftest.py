"""The fuzz tests' server: a real one per engine (tests/live.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.live import LiveServer, live_server


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fuzz_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    with live_server(request.param, tmp_path_factory.mktemp("fuzz"), "fuzz") as server:
        started = time.monotonic()
        yield server
        answered = f", {server.answered} com dados e sem erro" if server.answered else ""
        print(
            f"\nfuzz {request.param}: {server.cases} casos{answered},"
            f" em {time.monotonic() - started:.0f} s"
        )
