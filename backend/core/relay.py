"""The GraphQL face of Relay connections, shared by every domain's `XConnection`.

`core.pagination` holds the rules (offset cursors, `first` capped at 100); this module turns a
`Page` into the contract's `PageInfo` and a rule violation into a clear top-level error:
connections are read by queries, which have no payload `errors` list to put it in.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from backend.core.errors import ServiceError
from backend.core.pagination import Page


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


def query_error(exc: ServiceError) -> GraphQLError:
    """A ServiceError raised while reading, as a top-level error with its stable code.

    Raise it `from exc` inside a query resolver: GraphQLErrors are never masked, so the client
    gets the Portuguese message, `extensions.code` and `extensions.field` (the argument path).
    """
    first = exc.errors[0]
    return GraphQLError(
        " ".join(e.message for e in exc.errors),
        extensions={"code": first.code, "field": list(first.field)},
    )
