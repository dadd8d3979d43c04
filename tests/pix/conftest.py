from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.mailing.helpers import Clock, SmtpServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def mail_clock() -> Clock:
    """The worker's clock, a minute ahead so what a test queues is due."""
    return Clock()
