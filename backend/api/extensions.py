"""Request-wide GraphQL rules: read-only principals, query limits, error masking."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from backend.core.context import Context
from backend.core.errors import ServiceError

logger = logging.getLogger("cobrancas.graphql")


class ReadOnlyGuard(SchemaExtension):
    """A read-only token or a VIEWER cannot run mutations: refused before any resolver runs."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        context = ctx.context
        if (
            ctx.operation_type == OperationType.MUTATION
            and isinstance(context, Context)
            and not context.principal.can_write
        ):
            ctx.result = ExecutionResult(
                data=None,
                errors=[
                    GraphQLError(
                        "Acesso somente leitura: esta credencial não pode alterar dados.",
                        extensions={"code": "FORBIDDEN"},
                    )
                ],
            )
        yield


def should_mask_error(error: GraphQLError) -> bool:
    """Hide unexpected resolver exceptions; validation and limit messages stay readable."""
    original = error.original_error
    if original is None or isinstance(original, (GraphQLError, ServiceError)):
        return False
    if isinstance(original, ValueError):  # scalar parsing: the message is ours, in Portuguese
        return False
    logger.error("unexpected error in resolver", exc_info=original)
    return True


class ServiceErrorCodes(SchemaExtension):
    """A ServiceError raised while reading (say `first` above 100, a bad filter) becomes a clear
    top-level error: its Portuguese messages, and the first one's code and input path."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors or []) if result else []:
            original = error.original_error
            if isinstance(original, ServiceError) and original.errors:
                first = original.errors[0]
                error.message = " ".join(e.message for e in original.errors)
                error.extensions = {
                    **(error.extensions or {}),
                    "code": first.code,
                    "field": list(first.field),
                }
