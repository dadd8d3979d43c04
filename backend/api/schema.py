"""The schema, assembled from the domains' query and mutation classes."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, ExecutionResult

from backend.accounts.mutations import AccountMutations
from backend.accounts.queries import AccountQueries
from backend.api.cost import MAX_DEPTH, QueryCostLimiter
from backend.api.extensions import (
    InputGuard,
    ReadOnlyGuard,
    ServiceErrorCodes,
    mask_internal_errors,
    report_errors,
)
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
from backend.core.scalars import SCALAR_MAP
from backend.debtors.mutations import DebtorMutations
from backend.debtors.queries import DebtorQueries
from backend.entries.mutations import EntryMutations
from backend.entries.queries import EntryQueries
from backend.entries.types import FinancialEntry, OverdueEntry
from backend.mailing.mutations import MailingMutations
from backend.mailing.queries import MailingQueries
from backend.search.queries import SearchQueries

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
    MailingMutations,
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


class Schema(strawberry.Schema):
    """Strawberry's schema, with our error reports: see api/extensions.py."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Strawberry's default logs str(error): the message and the query text around it,
        # literals (a CPF, an e-mail) included.
        report_errors(errors, execution_context.operation_name if execution_context else None)

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        # Masked here, on the way out, rather than in an extension: an exception escaping an
        # extension's hook skips the other hooks, and Strawberry would answer its raw text.
        result = await super().execute(*args, **kwargs)
        if result.errors:
            result.errors = mask_internal_errors(result.errors)
        return result


schema = Schema(
    query=_root("Query", QUERY_CLASSES),
    mutation=_root("Mutation", MUTATION_CLASSES),
    types=EXTRA_TYPES,
    config=StrawberryConfig(scalar_map=SCALAR_MAP),
    extensions=[
        lambda: AddValidationRules(LIMIT_RULES),
        lambda: MaxTokensLimiter(max_token_count=4000),
        ParserCache,
        ValidationCache,
        InputGuard,
        ReadOnlyGuard,
        QueryCostLimiter,
        ServiceErrorCodes,
    ],
)
