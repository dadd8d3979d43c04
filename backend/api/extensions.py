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
    """A ServiceError raised by a query (say `first` above 100) keeps its stable code."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors or []) if result else []:
            original = error.original_error
            if isinstance(original, ServiceError) and original.errors:
                first = original.errors[0]
                error.extensions = {**(error.extensions or {}), "code": first.code}
                if first.field:
                    error.extensions["field"] = list(first.field)
