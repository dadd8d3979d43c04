from __future__ import annotations

import pytest

from backend.core.context import Context
from tests.search.helpers import NOW


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every request of the search tests sees the fixed instant `NOW` (a Wednesday)."""
    monkeypatch.setattr(Context, "now", lambda self: NOW)
