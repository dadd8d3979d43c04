"""The schema, assembled from the domains' query and mutation classes."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import strawberry
from graphql import GraphQLError, OperationDefinitionNode, OperationType, parse
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, ExecutionResult

from backend.accounts.mutations import AccountMutations
from backend.accounts.queries import AccountQueries
from backend.api.cost import MAX_DEPTH, QueryCostLimiter
from backend.api.documents import DocumentCache, DocumentValidationCache
from backend.api.extensions import (
    InputGuard,
    ReadOnlyGuard,
    ServiceErrorCodes,
    add_service_codes,
    mask_internal_errors,
    report_errors,
    root_cause,
)
from backend.api.fastpath import PlainLeavesExecutionContext
from backend.api.fastpath import install as install_plain_resolvers
from backend.appointments.mutations import AppointmentMutations
from backend.appointments.queries import AppointmentQueries
from backend.audit.queries import AuditQueries
from backend.businessdays.mutations import BusinessDayMutations
from backend.businessdays.queries import BusinessDayQueries
from backend.collection.mutations import CollectionMutations
from backend.collection.queries import CollectionQueries
from backend.companies.mutations import CompanyMutations
from backend.companies.queries import CompanyQueries
from backend.contacts.mutations import ContactMutations
from backend.core.dbfaults import DatabaseFault, fault_code
from backend.core.scalars import SCALAR_MAP
from backend.debtors.mutations import DebtorMutations
from backend.debtors.queries import DebtorQueries
from backend.entries.mutations import EntryMutations
from backend.entries.queries import EntryQueries
from backend.entries.types import FinancialEntry, OverdueEntry
from backend.integration.mutations import IntegrationMutations
from backend.lgpd.mutations import LgpdMutations
from backend.lgpd.queries import LgpdQueries
from backend.lgpd.reads import PersonalDataReads
from backend.live.subscriptions import LiveSubscriptions
from backend.mailing.mutations import MailingMutations
from backend.mailing.queries import MailingQueries
from backend.pix.mutations import PixMutations
from backend.search.queries import SearchQueries
from backend.webhooks.mutations import WebhookMutations

# One line per domain: the root types are the union of the domains' fields.
QUERY_CLASSES: list[type[Any]] = [
    AccountQueries,
    AppointmentQueries,
    AuditQueries,
    BusinessDayQueries,
    CollectionQueries,
    CompanyQueries,
    DebtorQueries,
    EntryQueries,
    LgpdQueries,
    MailingQueries,
    SearchQueries,
]
MUTATION_CLASSES: list[type[Any]] = [
    AccountMutations,
    AppointmentMutations,
    BusinessDayMutations,
    CollectionMutations,
    CompanyMutations,
    ContactMutations,
    DebtorMutations,
    EntryMutations,
    IntegrationMutations,
    LgpdMutations,
    MailingMutations,
    PixMutations,
    WebhookMutations,
]
EXTRA_TYPES: list[type[Any]] = [FinancialEntry, OverdueEntry]  # interface implementations


# The limiters' rule classes are made once: ValidationCache keys on the rules, and a new class
# per request (what the limiter factories do) would make every request miss the cache.
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=30).validation_rules,
]


def _root(name: str, classes: list[type[Any]]) -> Any:
    return strawberry.type(type(name, tuple(classes), {}))


def _is_subscription(query: Any, kwargs: dict[str, Any]) -> bool:
    """False for a query or mutation (a document that does not parse is Strawberry's to
    refuse, with its usual message)."""
    try:
        document = parse(query) if isinstance(query, str) else None
    except GraphQLError:
        return True
    if document is None:
        return True
    name = kwargs.get("operation_name")
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name and definition.name.value == name)
        ):
            return definition.operation == OperationType.SUBSCRIPTION
    return True


async def _refused_over_websocket() -> AsyncIterator[ExecutionResult]:
    message = "Pelo WebSocket só há assinaturas; consultas e alterações vão por POST /graphql."
    error = GraphQLError(message, extensions={"code": "SUBSCRIPTIONS_ONLY"})
    yield ExecutionResult(data=None, errors=[error])


class Schema(strawberry.Schema):
    """Strawberry's schema, with our error reports: see api/extensions.py."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Strawberry's default logs str(error): the message and the query text around it,
        # literals (a CPF, an e-mail) included.
        # A database fault is one warning line (api/errors.py), not an internal error's traceback.
        errors = [e for e in errors if fault_code(root_cause(e)) is None]
        report_errors(errors, execution_context.operation_name if execution_context else None)

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        # Masked here, on the way out, rather than in an extension: an exception escaping an
        # extension's hook skips the other hooks, and Strawberry would answer its raw text.
        result = await super().execute(*args, **kwargs)
        if result.errors:
            for error in result.errors:
                # The database is down, full or too slow: the whole request answers 503 with a
                # stable code (api/errors.py), not a partial result with "Erro interno.".
                if (code := fault_code(root_cause(error))) is not None:
                    raise DatabaseFault(code)
            result.errors = mask_internal_errors(result.errors)
        return result

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        # Over WebSocket (subscriptions): each result gets the same codes and masking as an
        # HTTP answer; nothing reports these errors otherwise, so they are reported here.
        # Only subscriptions: a query or mutation over a WebSocket would escape the request's
        # time limit and the token's request budget, which are counted per HTTP request.
        if not _is_subscription(args[0] if args else kwargs.get("query"), kwargs):
            return _refused_over_websocket()
        source = await super().stream(*args, **kwargs)

        async def masked() -> AsyncIterator[Any]:
            async with contextlib.aclosing(source):
                async for result in source:
                    if isinstance(result, ExecutionResult) and result.errors:
                        report_errors(result.errors, kwargs.get("operation_name"))
                        add_service_codes(result.errors)
                        result.errors = mask_internal_errors(result.errors)
                    yield result

        return masked()


def build_schema(*, plain_resolvers: bool = True) -> Schema:
    """The schema; `plain_resolvers=False` keeps Strawberry's resolver chain on every field
    (the reference the fast path is tested against, api/fastpath.py)."""
    built = Schema(
        query=_root("Query", QUERY_CLASSES),
        mutation=_root("Mutation", MUTATION_CLASSES),
        subscription=_root("Subscription", [LiveSubscriptions]),
        types=EXTRA_TYPES,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        execution_context_class=PlainLeavesExecutionContext if plain_resolvers else None,
        extensions=[
            lambda: AddValidationRules(LIMIT_RULES),
            lambda: MaxTokensLimiter(max_token_count=4000),
            DocumentCache,
            DocumentValidationCache,
            InputGuard,
            ReadOnlyGuard,
            QueryCostLimiter,
            ServiceErrorCodes,
            PersonalDataReads,
        ],
    )
    if plain_resolvers:
        install_plain_resolvers(built._schema, built.config.default_resolver)
    return built


schema = build_schema()
