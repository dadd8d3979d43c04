from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from backend.settings import Settings
from tests.webhooks.receiver import Receiver


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    """Webhooks to loopback are allowed here (development setting) so a real receiver on this
    machine can take them; tests of the refusal turn it off explicitly."""
    return Settings(
        database_url=database_url, outbox_dir=str(tmp_path / "outbox"), webhooks_allow_private=True
    )


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = Receiver()
    await r.start()
    try:
        yield r
    finally:
        await r.stop()
