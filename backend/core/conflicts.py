"""Unique-constraint races between concurrent requests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from tortoise.exceptions import IntegrityError

T = TypeVar("T")


async def retry_on_conflict(action: Callable[[], Awaitable[T]]) -> T:
    """Run `action`; if a concurrent request won a unique constraint, run it once more.

    The second run sees the winner's row, so an upsert by external id becomes an update and a
    duplicate code becomes the usual DUPLICATE_CODE error instead of an internal error.
    """
    try:
        return await action()
    except IntegrityError:
        return await action()
