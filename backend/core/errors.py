"""Errors that services raise and mutations turn into the contract's `UserError` list.

A service validates everything first and raises `ServiceError` with every problem it found,
before it writes anything; the GraphQL layer maps it to `errors: [UserError!]!`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NoReturn


@dataclass(frozen=True, slots=True)
class FieldError:
    code: str  # stable, e.g. INVALID_DOCUMENT, NOT_FOUND
    message: str  # pt-BR, shown to the user as is
    field: tuple[str, ...] = ()  # path into the input, e.g. ("input", "document")


class InputError(ValueError):
    """A value the API refuses while reading the request (a scalar, a text with control
    characters): its pt-BR message goes to the client as is, with `code`. Any other exception
    is unexpected and reaches the client only as "Erro interno." with an error id."""

    def __init__(self, message: str, code: str = "INVALID_VALUE") -> None:
        super().__init__(message)
        self.code = code


class ServiceError(Exception):
    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)


def fail(code: str, message: str, *path: str) -> NoReturn:
    raise ServiceError([FieldError(code, message, tuple(path))])


@dataclass
class ErrorCollector:
    """Gathers every problem in an input so the user sees them all at once."""

    prefix: tuple[str, ...] = ("input",)
    errors: list[FieldError] = field(default_factory=list)

    def add(self, code: str, message: str, *path: str) -> None:
        self.errors.append(FieldError(code, message, self.prefix + path))

    def extend(self, errors: Iterable[FieldError]) -> None:
        self.errors.extend(errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ServiceError(self.errors)

    def __bool__(self) -> bool:
        return bool(self.errors)
