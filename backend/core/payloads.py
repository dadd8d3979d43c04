"""The contract's `UserError` and the glue from ServiceError to a mutation payload."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from backend.core.errors import FieldError, ServiceError


@strawberry.type(description="A problem with the input; nothing was written.")
class UserError:
    field: list[str] | None = strawberry.field(
        description='Path into the input, e.g. ["input", "document"].'
    )
    code: str = strawberry.field(description="Stable code, e.g. INVALID_DOCUMENT, NOT_FOUND.")
    message: str = strawberry.field(description="pt-BR, shown to the user as is.")

    @classmethod
    def from_field_error(cls, error: FieldError) -> UserError:
        return cls(field=list(error.field) or None, code=error.code, message=error.message)


P = TypeVar("P")


async def run_mutation(
    action: Callable[[], Awaitable[P]], on_error: Callable[[list[UserError]], P]
) -> P:
    """Run a service call; ServiceError becomes the payload's `errors`, never a top-level error."""
    try:
        return await action()
    except ServiceError as exc:
        return on_error([UserError.from_field_error(e) for e in exc.errors])
