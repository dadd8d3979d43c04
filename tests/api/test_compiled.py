"""The level-at-a-time executor (api/compiled.py) answers exactly what graphql-core answers:
every query the dashboard sends (the trusted documents, each with variables built from real
data), the benchmark's and the race's requests, and a seeded random sample of partner queries
over the schema — each run through the compiled path (which must not fall back) and through
Strawberry's own resolver chain with graphql-core's executor, on both engines."""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import datetime as dt
import json
import random
from typing import Any

import orjson
import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    OperationDefinitionNode,
    OperationType,
    parse,
)

from backend.api.compiled import Counters
from backend.api.documents import MANIFEST
from backend.api.fastpath import PlainLeavesExecutionContext, install
from backend.api.schema import build_schema, schema
from backend.appointments.models import Appointment
from backend.core.context import Context
from backend.core.enums import EmailStatus, PaymentMethod
from backend.core.pagination import encode_cursor
from backend.debtors.models import Contact, Debtor
from backend.demo import load_demo
from backend.entries.loaders import OVERDUE_LIST
from backend.entries.models import FinancialEntry, Payment
from backend.mailing.models import SentEmail
from backend.mailing.services import SENT_EMAILS_LIST
from backend.settings import Settings
from bench.cases import DETAIL, PAGE
from bench.race.requests import BUSY, LIST
from tests.support import gid, make_user, principal

REFERENCE = build_schema(plain_resolvers=False)  # Strawberry's chain, graphql-core's executor
TODAY = dt.date(2026, 2, 9)
NOW = dt.datetime(2026, 2, 9, 15, tzinfo=dt.UTC)


def _queries() -> dict[str, str]:
    """The dashboard's query operations, by name."""
    found = {}
    for text in json.loads(MANIFEST.read_text()).values():
        for definition in parse(text).definitions:
            if (
                isinstance(definition, OperationDefinitionNode)
                and definition.operation is OperationType.QUERY
                and definition.name is not None
            ):
                found[definition.name.value] = text
    return found


async def _books() -> dict[str, Any]:
    """Demo data, plus what the screens read beside entries: contacts, payments (one
    reversed), e-mails, appointments."""
    await load_demo(debtors=12, entries=90, today=TODAY, progress=lambda _: None)
    user = await make_user(name="Ana Cobradora")
    debtor = await Debtor.all().order_by("id").first()
    assert debtor is not None
    await Contact.create(debtor=debtor, name="Ana", email="ana@exemplo.com.br", phone="1133334444")
    await Contact.create(debtor=debtor, name="Bruno", department="Financeiro")
    entries = await FinancialEntry.filter(debtor_id=debtor.id).order_by("id")
    for index, entry in enumerate(entries[:4]):
        await Payment.create(
            entry=entry,
            amount_cents=100 + index,
            late_fee_cents=7,
            paid_on=TODAY - dt.timedelta(days=index),
            method=PaymentMethod.PIX,
            reversed_at=NOW if index == 3 else None,
        )
    email = None
    for index, status in enumerate((EmailStatus.SENT, EmailStatus.FAILED, EmailStatus.QUEUED)):
        email = await SentEmail.create(
            debtor=debtor,
            company_id=entries[0].company_id,
            recipients=["cliente@exemplo.com.br"],
            subject=f"Cobrança {index}",
            body="Olá",
            html="<p>Olá</p>",
            text="Olá",
            status=status,
            sent_at=NOW if status is EmailStatus.SENT else None,
            sent_by=user if index else None,
        )
    await Appointment.create(
        debtor=debtor,
        company_id=entries[0].company_id,
        responsible=user,
        created_by=user,
        scheduled_date=TODAY,
        scheduled_time="09:30",
        notes="Ligar",
    )
    assert email is not None
    return {
        "debtor": gid("Debtor", debtor.id),
        "company": gid("Company", entries[0].company_id),
        "entry": gid("FinancialEntry", entries[0].id),
        "email": gid("SentEmail", email.id),
        "user": user,
    }


def _variables(name: str, ids: dict[str, Any], cursor: str | None) -> dict[str, Any]:
    """Variables for each dashboard query, from the data above (a new query fails here)."""
    debtor, page = ids["debtor"], {"first": 5}
    every: dict[str, dict[str, Any]] = {
        "DebtorPage": {"filter": {}, "orderBy": "OPEN_AMOUNT_DESC", "first": 5},
        "HomeSearch": {"filter": {"period": "THIS_MONTH"}, "orderBy": "NAME_ASC", "first": 5},
        "ImportCompanies": {},
        "AdminWebhooks": {"deliveries": 5},
        "SentEmailView": {"id": ids["email"]},
        "PreviewCollectionEmail": {
            "input": {
                "debtorId": debtor,
                "companyId": ids["company"],
                "subject": "Cobrança {{ cliente }}",
                "body": "Prezado(a) {{ cliente }},\n{{ tabela_lancamentos }}",
            }
        },
        "MoreSentEmails": {"id": debtor, **page, "after": encode_cursor(SENT_EMAILS_LIST, 0)},
        "AdminAudit": {},
        "DebtorDetail": {"id": debtor, "entriesPage": 100, "emailsPage": 20},
        "MyAppointments": {"includeDone": True},
        "Regua": {},
        "MoreDebtorHistory": {"id": debtor, **page, "after": cursor or ""},
        "DebtorFollowUp": {"id": debtor, "historyPage": 2},
        "AdminUsers": {},
        "CollectionPlan": {"companyId": ids["company"], "date": "2026-02-10", "first": 5},
        "AdminRetention": {},
        "MoreOverdueEntries": {"id": debtor, **page, "after": encode_cursor(OVERDUE_LIST, 0)},
        "AdminCompanies": {},
        "DebtorBalance": {"id": debtor},
        "DebtorEntries": {"id": debtor, "first": 20},
        "ExportDebtorData": {"debtorId": debtor},
        "MyCalendarUrl": {},
        "EntryForm": {"id": ids["entry"]},
        "EntryCharges": {"id": ids["entry"], "on": "2026-03-01"},
        "Companies": {},
        "Me": {},
        "AdminTokens": {},
    }
    return every[name]


def _context(settings: Settings, user_id: int) -> Context:
    acting = dataclasses.replace(principal(), user_id=user_id)
    context = Context(request=None, response=None, principal=acting, settings=settings)
    context.now = lambda: NOW  # type: ignore[method-assign]
    return context


async def _both(
    query: str, variables: dict[str, Any], settings: Settings, user_id: int
) -> tuple[Any, Any]:
    """(compiled answer, reference answer); the compiled one must not have fallen back."""
    before = (Counters.compiled, Counters.fallback)
    fast = await schema.execute(
        query, variable_values=variables, context_value=_context(settings, user_id)
    )
    assert (Counters.compiled, Counters.fallback) == (before[0] + 1, before[1]), query
    reference = await REFERENCE.execute(
        query, variable_values=variables, context_value=_context(settings, user_id)
    )
    return (fast.data, fast.errors), (reference.data, reference.errors)


def _ordered(answer: tuple[Any, Any]) -> tuple[bytes, Any]:
    """An answer as its JSON bytes: the key order counts (the selection's, GraphQL 7.2)."""
    data, errors = answer
    return orjson.dumps(data), errors


def _without_exports(answer: tuple[Any, Any]) -> tuple[Any, Any]:
    data, errors = answer
    export = json.loads(data["exportDebtorData"])
    export["auditTrail"] = [e for e in export["auditTrail"] if e["action"] != "debtor.export"]
    return export, errors


def _end_cursor(data: Any) -> str | None:
    """The first endCursor in an answer."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value.get("endCursor"), str):
                return str(value["endCursor"])
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return None


async def test_every_dashboard_query_answers_as_graphql_core_does(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    ids = await _books()
    queries = _queries()
    assert len(queries) >= 27
    # DebtorFollowUp first: MoreDebtorHistory continues its history where it ended.
    names = sorted(queries, key=lambda n: (n != "DebtorFollowUp", n))
    cursor = None
    for name in names:
        variables = _variables(name, ids, cursor)
        fast, reference = await _both(queries[name], variables, settings, ids["user"].id)
        if name == "ExportDebtorData":  # each export is audited: the second lists the first
            fast, reference = _without_exports(fast), _without_exports(reference)
        if name == "MyCalendarUrl":  # the address is shown once, to the first read
            assert fast[0]["myCalendarUrl"].endswith(".ics")
            fast = reference
        assert _ordered(fast) == _ordered(reference), name
        assert fast[1] is None, (name, fast[1])
        if name == "DebtorFollowUp":
            cursor = _end_cursor(fast[0])
            assert cursor is not None


async def test_the_benchmark_and_race_requests_answer_as_graphql_core_does(
    database_url: str,
) -> None:
    settings = Settings(database_url=database_url)
    ids = await _books()
    requests = [
        (LIST, {}),
        (BUSY, {"id": ids["debtor"]}),
        (PAGE, {}),
        (DETAIL, {"id": ids["debtor"], "entriesPage": 100, "emailsPage": 20}),
    ]
    for query, variables in requests:
        fast, reference = await _both(query, variables, settings, ids["user"].id)
        assert _ordered(fast) == _ordered(reference)
        assert fast[1] is None
    assert fast[0]["debtor"]["sentEmails"]["edges"]  # the data reached the lists


# --- partner queries: a seeded random sample over the schema -------------------------------

ROOTS = ("debtors", "companies", "collectionSummary", "debtor", "me", "users")


def _selection(type_: Any, rng: random.Random, depth: int) -> str:
    """A random selection of `type_`'s fields that need no argument; objects to `depth`."""
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    if isinstance(type_, GraphQLScalarType | GraphQLEnumType):
        return ""
    assert isinstance(type_, GraphQLObjectType | GraphQLInterfaceType)
    picks = []
    for name, field in type_.fields.items():
        if any(
            isinstance(a.type, GraphQLNonNull) and a.default_value is None
            for a in field.args.values()
        ):
            continue
        of = field.type
        while isinstance(of, GraphQLNonNull | GraphQLList):
            of = of.of_type
        leaf = isinstance(of, GraphQLScalarType | GraphQLEnumType)
        if leaf and rng.random() < 0.6:
            picks.append(name)
        elif not leaf and depth > 0 and rng.random() < 0.35:
            inner = _selection(of, rng, depth - 1)
            if inner:
                args = "(first: 3)" if "first" in field.args else ""
                picks.append(f"{name}{args} {{ {inner} }}")
    if not picks:
        picks.append("__typename")
    if rng.random() < 0.3:
        picks.append(
            f"again: {picks[0].split(' ')[0].split('(')[0]}"
            if "{" not in picks[0]
            else "__typename"
        )
    return " ".join(picks)


def _partner_queries(count: int, seed: int = 11) -> list[tuple[str, bool]]:
    """(query, needs the debtor's id) pairs."""
    rng = random.Random(seed)
    query_type = schema._schema.query_type
    assert query_type is not None
    out = []
    for _ in range(count):
        root = rng.choice(ROOTS)
        field = query_type.fields[root]
        inner = _selection(field.type, rng, depth=3)
        if root == "debtor":
            out.append((f"query Q($id: ID!) {{ debtor(id: $id) {{ {inner} }} }}", True))
        else:
            args = "(first: 4)" if "first" in field.args else ""
            out.append((f"{{ {root}{args} {{ {inner} }} }}", False))
    return out


async def test_random_partner_queries_answer_as_graphql_core_does(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    ids = await _books()
    for query, needs_id in _partner_queries(40):
        variables = {"id": ids["debtor"]} if needs_id else {}
        fast, reference = await _both(query, variables, settings, ids["user"].id)
        assert _ordered(fast) == _ordered(reference), query


_CURRENT: contextvars.ContextVar[str] = contextvars.ContextVar("current")


@strawberry.type
class _Item:
    label: str

    @strawberry.field
    async def isolated(self) -> str:
        """Sets a context variable, waits, reads it: each coroutine must see its own (as a
        Tortoise transaction, a context variable, must stay with its resolver)."""
        _CURRENT.set(self.label)
        await asyncio.sleep(0)
        return _CURRENT.get()

    @strawberry.field
    async def slow(self) -> str:
        await asyncio.sleep(0)
        return self.label * 2

    @strawberry.field
    async def failing(self) -> str | None:
        await asyncio.sleep(0)
        raise ValueError("quebrou")

    @strawberry.field
    def missing(self) -> str:
        return None  # type: ignore[return-value]


@strawberry.type
class _Query:
    @strawberry.field
    async def items(self) -> list[_Item]:
        return [_Item(label="a"), _Item(label="b")]


def _tiny(*, fast: bool) -> strawberry.Schema:
    built = strawberry.Schema(
        query=_Query, execution_context_class=PlainLeavesExecutionContext if fast else None
    )
    if fast:
        install(built._schema)
    return built


@pytest.mark.parametrize(
    ("query", "falls_back"),
    [
        ("{ items { label slow } }", False),
        ("{ items { slow label a: slow } }", False),
        ("{ items { isolated } }", False),
        ("{ items { label failing } }", True),  # an async resolver raises: a located error
        ("{ items { missing label } }", True),  # null in a non-null position: parent nulled
    ],
)
async def test_off_the_happy_path_graphql_core_answers(query: str, falls_back: bool) -> None:
    before = Counters.fallback
    fast = await _tiny(fast=True).execute(query)
    reference = await _tiny(fast=False).execute(query)
    assert Counters.fallback == before + falls_back
    assert fast.data == reference.data
    assert [(e.message, e.path) for e in fast.errors or []] == [
        (e.message, e.path) for e in reference.errors or []
    ]
