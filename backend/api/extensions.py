"""Request-wide GraphQL rules: read-only principals, text inputs, query limits, error reports.

What reaches the client: our own messages (validation, ServiceError, InputError), or for
anything unexpected "Erro interno." with an error id. What reaches the log: one line per
expected error (operation name and code, never the query text or variables, which may hold a
CPF or an e-mail), and the traceback of each unexpected one under its error id.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FloatValueNode,
    GraphQLError,
    IntValueNode,
    OperationDefinitionNode,
    StringValueNode,
    visit,
)
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types.graphql import OperationType

from backend.core.context import Context
from backend.core.errors import InputError, ServiceError
from backend.core.validation import TEXT_MESSAGE, has_forbidden_characters

logger = logging.getLogger("cobrancas.graphql")
INTERNAL_ERROR = "Erro interno."


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


MAX_VARIABLE_DEPTH = 30  # input objects and lists inside one another; ours need a few


class _TooDeep(Exception):
    pass


def _forbidden_text_in(variables: dict[str, Any]) -> tuple[str, ...] | None:
    """The path of the first string holding a forbidden character; raises _TooDeep. A loop,
    not recursion: a JSON body can nest deeper than Python's stack."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(variables, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if has_forbidden_characters(value):
                return path
            continue
        if len(path) > MAX_VARIABLE_DEPTH:
            raise _TooDeep
        if isinstance(value, dict):
            stack.extend((item, (*path, str(key))) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, (*path, str(index))) for index, item in enumerate(value))
    return None


MAX_NUMBER_LITERAL = 40  # digits and signs of an Int or Float written in a query


class _Literals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.forbidden_text = False
        self.long_number = False

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        self.forbidden_text = self.forbidden_text or has_forbidden_characters(node.value)

    def enter_int_value(self, node: IntValueNode, *_args: Any) -> None:
        self.long_number = self.long_number or len(node.value) > MAX_NUMBER_LITERAL

    def enter_float_value(self, node: FloatValueNode, *_args: Any) -> None:
        self.long_number = self.long_number or len(node.value) > MAX_NUMBER_LITERAL


# The literals' verdict per parsed document: the parser cache hands the same DocumentNode to
# every request with the same text, and visiting it was ~5 % of a big page's time. Keyed by
# id(), the document kept alive beside its verdict so that the id cannot be reused.
_LITERALS: dict[int, tuple[Any, _Literals]] = {}
_LITERALS_KEPT = 512


def _literals_of(document: Any) -> _Literals:
    if document is None:
        return _Literals()
    cached = _LITERALS.get(id(document))
    if cached is not None and cached[0] is document:
        return cached[1]
    literals = _Literals()
    visit(document, literals)
    if len(_LITERALS) >= _LITERALS_KEPT:
        _LITERALS.pop(next(iter(_LITERALS)))
    _LITERALS[id(document)] = (document, literals)
    return literals


def _input_problem(variables: dict[str, Any], document: Any) -> GraphQLError | None:
    try:
        path = _forbidden_text_in(variables)
    except _TooDeep:
        return GraphQLError(
            f"Variáveis aninhadas demais (máximo {MAX_VARIABLE_DEPTH} níveis).",
            extensions={"code": "INVALID_VALUE"},
        )
    if path is not None:
        return GraphQLError(
            f"A variável ${'.'.join(path)} {TEXT_MESSAGE}",
            extensions={"code": "INVALID_TEXT", "field": list(path)},
        )
    literals = _literals_of(document)
    if literals.forbidden_text:
        return GraphQLError(
            f"Um texto da consulta {TEXT_MESSAGE}", extensions={"code": "INVALID_TEXT"}
        )
    if literals.long_number:
        # graphql-core's int() refuses 4,300 digits with a Python message of its own.
        return GraphQLError(
            f"Número longo demais na consulta (máximo {MAX_NUMBER_LITERAL} caracteres).",
            extensions={"code": "INVALID_VALUE"},
        )
    return None


class InputGuard(SchemaExtension):
    """No text input holds a control character (NUL and the like) or a lone surrogate, and no
    number literal is absurdly long: every string of the variables and every literal of the
    query is checked here, once, before any resolver or scalar uses it, so the databases
    (SQLite and PostgreSQL alike) never see one. Listed after ValidationCache: its refusal
    replaces the validation's result, whatever that was."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        problem = _input_problem(ctx.variables or {}, ctx.graphql_document)
        if problem is not None:
            ctx.pre_execution_errors = [problem]
        yield


def root_cause(error: GraphQLError) -> BaseException | None:
    """The exception behind a GraphQL error, through graphql-core's wrappers."""
    cause: BaseException | None = error.original_error
    while isinstance(cause, GraphQLError) and cause.original_error is not None:
        cause = cause.original_error
    return cause


def is_unexpected(error: GraphQLError) -> bool:
    """True for a bug (any exception but ours): its text is Python's, never for a client."""
    cause = root_cause(error)
    return cause is not None and not isinstance(cause, (GraphQLError, ServiceError, InputError))


def error_code(error: GraphQLError) -> str:
    cause = root_cause(error)
    if isinstance(cause, ServiceError) and cause.errors:
        return cause.errors[0].code
    if isinstance(cause, InputError):
        return cause.code
    code = (error.extensions or {}).get("code")
    return str(code) if code else "GRAPHQL_VALIDATION_FAILED"


class ServiceErrorCodes(SchemaExtension):
    """A ServiceError raised while reading (say `first` above 100, a bad filter) becomes a clear
    top-level error: its Portuguese messages, and the first one's code and input path. A scalar's
    InputError keeps its message and gets its code."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        add_service_codes((result.errors or []) if result else [])


def add_service_codes(errors: list[GraphQLError]) -> None:
    """See ServiceErrorCodes; also applied to each result of a subscription."""
    for error in errors:
        cause = root_cause(error)
        if isinstance(cause, ServiceError) and cause.errors:
            first = cause.errors[0]
            error.message = " ".join(e.message for e in cause.errors)
            error.extensions = {
                **(error.extensions or {}),
                "code": first.code,
                "field": list(first.field),
            }
        elif isinstance(cause, InputError):
            error.extensions = {**(error.extensions or {}), "code": cause.code}


def report_errors(errors: list[GraphQLError], operation_name: str | None) -> None:
    """Log each error once, as Strawberry reports them (before any extension touches them).

    An expected error is one line: its code and the operation's name, no message (a message
    may quote an input value, a CPF or an e-mail). An unexpected one gets an error id, which
    the log holds with its traceback, and is marked for `mask_internal_errors`.
    """
    operation = operation_name or "anônima"
    for error in errors:
        if not is_unexpected(error):
            logger.info("Erro GraphQL %s na operação %s", error_code(error), operation)
            continue
        error_id = secrets.token_hex(6)
        logger.error(
            "Erro interno %s na operação %s (campo %s)",
            error_id,
            operation,
            ".".join(str(p) for p in error.path or ()) or "-",
            exc_info=root_cause(error),
        )
        error.extensions = {"code": "INTERNAL_ERROR", "errorId": error_id}


def mask_internal_errors(errors: list[GraphQLError]) -> list[GraphQLError]:
    """What the client gets for an unexpected error: "Erro interno." and the error id only."""
    masked: list[GraphQLError] = []
    for error in errors:
        extensions = error.extensions or {}
        if extensions.get("code") == "INTERNAL_ERROR" or is_unexpected(error):
            error = GraphQLError(
                INTERNAL_ERROR,
                nodes=error.nodes,
                path=error.path,
                extensions={
                    "code": "INTERNAL_ERROR",
                    "errorId": extensions.get("errorId") or "-",
                },
            )
        masked.append(error)
    return masked
