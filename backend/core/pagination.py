"""Relay-style pagination shared by every connection: offset cursors, `first` capped at 100."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from backend.core.errors import fail

MAX_PAGE_SIZE = 100
T = TypeVar("T")


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset just after `cursor` (0 when None); a malformed cursor is a user error."""
    if cursor is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        prefix, _, number = raw.partition(":")
        if prefix != "o" or not number.isdigit():
            raise ValueError(cursor)
        return int(number) + 1
    except (binascii.Error, UnicodeDecodeError, ValueError):
        fail("INVALID_CURSOR", "Cursor de paginação inválido.", "after")


@dataclass(frozen=True, slots=True)
class PageRequest:
    offset: int
    limit: int

    @classmethod
    def of(cls, first: int | None, after: str | None, default: int = 50) -> PageRequest:
        size = default if first is None else first
        if size < 0:
            fail("INVALID_PAGE_SIZE", "O parâmetro first não pode ser negativo.", "first")
        if size > MAX_PAGE_SIZE:
            fail(
                "PAGE_SIZE_TOO_LARGE",
                f"O parâmetro first aceita no máximo {MAX_PAGE_SIZE} itens por página.",
                "first",
            )
        return cls(offset=decode_cursor(after), limit=size)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    offset: int
    total_count: int

    @property
    def has_next_page(self) -> bool:
        return self.offset + len(self.items) < self.total_count

    @property
    def has_previous_page(self) -> bool:
        return self.offset > 0

    def cursor(self, index: int) -> str:
        return encode_cursor(self.offset + index)
