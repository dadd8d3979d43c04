from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mailing.helpers import SmtpServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
