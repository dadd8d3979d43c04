"""The GraphQL face of Relay connections, shared by every domain's `XConnection`.

`core.pagination` holds the rules (offset cursors, `first` capped at 100); this module turns a
`Page` into the contract's `PageInfo`. A rule violation is a ServiceError, which the schema's
ServiceErrorCodes extension reports as a top-level error with its code.
"""

from __future__ import annotations

from typing import Any

import strawberry

from backend.core.pagination import Page


@strawberry.type
class OffsetEdge:
    """An edge of an offset page (`core.pagination`); each domain's `XEdge` adds its `node`.

    The cursor is encoded when a query asks for it: a page of 25 debtors × 20 entries that
    reads no cursor used to encode 525 of them.
    """

    page: strawberry.Private[Page[Any]]
    index: strawberry.Private[int]

    @strawberry.field
    def cursor(self) -> str:
        return self.page.cursor(self.index)


@strawberry.type(description="Where a page sits in its connection (Relay).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None

    @classmethod
    def of(cls, page: Page[Any]) -> PageInfo:
        count = len(page.items)
        return cls(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursor(0) if count else None,
            end_cursor=page.cursor(count - 1) if count else None,
        )
