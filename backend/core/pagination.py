"""Relay-style pagination shared by every connection: offset cursors, `first` capped at 100.

A cursor names the list it came from ("debtors:24"): one list's cursor given to another is
refused, as is an offset past MAX_OFFSET (the databases' OFFSET is a 64-bit integer).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from backend.core.errors import fail

MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000_000  # far past any list a person pages through
_MAX_CURSOR_LENGTH = 100
T = TypeVar("T")


def encode_cursor(list_name: str, offset: int) -> str:
    return base64.urlsafe_b64encode(f"{list_name}:{offset}".encode()).decode().rstrip("=")


def decode_cursor(list_name: str, cursor: str | None) -> int:
    """The offset just after `cursor` (0 when None); a malformed cursor, or one from another
    list, is a user error."""
    if cursor is None:
        return 0
    try:
        if len(cursor) > _MAX_CURSOR_LENGTH or not cursor.isascii():
            raise ValueError(cursor)
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        prefix, _, number = raw.rpartition(":")
        if prefix != list_name or not (number.isascii() and number.isdigit()):
            raise ValueError(cursor)
        offset = int(number) + 1
        if offset > MAX_OFFSET:
            raise ValueError(cursor)
        return offset
    except (binascii.Error, UnicodeDecodeError, ValueError):
        fail("INVALID_CURSOR", "Cursor de paginação inválido.", "after")


@dataclass(frozen=True, slots=True)
class PageRequest:
    offset: int
    limit: int

    @classmethod
    def of(
        cls, first: int | None, after: str | None, *, list_name: str, default: int = 50
    ) -> PageRequest:
        size = default if first is None else first
        if size < 0:
            fail("INVALID_PAGE_SIZE", "O parâmetro first não pode ser negativo.", "first")
        if size > MAX_PAGE_SIZE:
            fail(
                "PAGE_SIZE_TOO_LARGE",
                f"O parâmetro first aceita no máximo {MAX_PAGE_SIZE} itens por página.",
                "first",
            )
        return cls(offset=decode_cursor(list_name, after), limit=size)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    offset: int
    total_count: int
    list_name: str  # what the cursors name, e.g. "debtors", "Debtor.entries"

    @property
    def has_next_page(self) -> bool:
        return self.offset + len(self.items) < self.total_count

    @property
    def has_previous_page(self) -> bool:
        return self.offset > 0

    def cursor(self, index: int) -> str:
        return encode_cursor(self.list_name, self.offset + index)
