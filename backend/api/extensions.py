"""Request-wide GraphQL rules: read-only principals, query limits, error masking."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import ExecutionResult, FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

from backend.core.context import Context
from backend.core.errors import ServiceError

logger = logging.getLogger("cobrancas.graphql")


# What a user does to its own account, which read-only users may do too.
SELF_SERVICE_MUTATIONS = frozenset({"changePassword", "rotateCalendarUrl"})


def _only_self_service(ctx: ExecutionContext) -> bool:
    """Whether the operation's root fields are all self-service mutations (no fragments)."""
    document = ctx.graphql_document
    if document is None:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if ctx.operation_name is None or (o.name and o.name.value == ctx.operation_name)
    ]
    if len(chosen) != 1:
        return False
    return all(
        isinstance(sel, FieldNode) and sel.name.value in SELF_SERVICE_MUTATIONS
        for sel in chosen[0].selection_set.selections
    )


class ReadOnlyGuard(SchemaExtension):
    """A read-only token or a VIEWER cannot run mutations: refused before any resolver runs.
    Changing one's own password or calendar address is allowed to every dashboard user."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        context = ctx.context
        if (
            ctx.operation_type == OperationType.MUTATION
            and isinstance(context, Context)
            and not context.principal.can_write
            and not (context.principal.user_id is not None and _only_self_service(ctx))
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
