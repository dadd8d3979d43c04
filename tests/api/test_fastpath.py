"""The plain resolvers (api/fastpath.py) answer exactly what Strawberry's chain answers: every
scalar field of the types a dashboard page reads, and the dashboard's own debtor screen, run
through both schemas over the same data, on both engines."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)

from backend.api.fastpath import LEAVES, PlainLeavesExecutionContext, install
from backend.api.schema import build_schema, schema
from backend.core.context import Context
from backend.core.enums import PaymentMethod
from backend.debtors.models import Contact, Debtor
from backend.demo import load_demo
from backend.entries.models import FinancialEntry, Payment
from backend.settings import Settings
from bench.cases import DETAIL
from tests.support import gid, principal

REFERENCE = build_schema(plain_resolvers=False)
TODAY = dt.date(2026, 2, 9)


def _scalars(type_name: str) -> str:
    """Every field of the type that takes no required argument and is a scalar or an enum."""
    graphql_type = schema._schema.type_map[type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    names = []
    for name, field in graphql_type.fields.items():
        of = field.type
        while isinstance(of, GraphQLNonNull | GraphQLList):
            of = of.of_type
        required = any(isinstance(a.type, GraphQLNonNull) for a in field.args.values())
        if isinstance(of, GraphQLScalarType | GraphQLEnumType) and not required:
            names.append(name)
    return " ".join(names)


def _everything() -> str:
    entry = _scalars("FinancialEntry")
    return f"""
    query {{
      debtors(first: 12, orderBy: NAME_ASC) {{
        totalCount
        edges {{ cursor node {{
          {_scalars("Debtor")}
          address {{ {_scalars("Address")} }}
          entries(first: 5) {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{
            {entry}
            company {{ {_scalars("Company")} }}
            payments {{ {_scalars("Payment")} }}
            charges {{ {_scalars("EntryCharges")} }}
          }} }} }}
          overdueEntries(first: 3) {{ edges {{ node {{ {_scalars("OverdueEntry")} }} }} }}
          contacts {{ {_scalars("Contact")} }}
        }} }}
      }}
    }}"""


async def _run(which: Any, query: str, variables: dict[str, Any], settings: Settings) -> Any:
    context = Context(request=None, response=None, principal=principal(), settings=settings)
    context.now = lambda: dt.datetime(2026, 2, 9, 15, tzinfo=dt.UTC)  # type: ignore[method-assign]
    result = await which.execute(query, variable_values=variables, context_value=context)
    assert result.errors is None, result.errors
    return result.data


async def test_plain_resolvers_answer_what_strawberry_answers(database_url: str) -> None:
    settings = Settings(database_url=database_url)
    await load_demo(debtors=12, entries=90, today=TODAY, progress=lambda _: None)
    debtor = await Debtor.all().order_by("id").first()
    assert debtor is not None
    await Contact.create(debtor=debtor, name="Ana", email="ana@exemplo.com.br", phone="1133334444")
    for entry in await FinancialEntry.filter(debtor_id=debtor.id).limit(3):
        await Payment.create(
            entry=entry,
            amount_cents=100,
            late_fee_cents=7,
            paid_on=TODAY,
            method=PaymentMethod.PIX,
            waiver_reason="acordo",
        )
    variables = {"id": gid("Debtor", debtor.id), "entriesPage": 100, "emailsPage": 20}
    for query, values in ((_everything(), {}), (DETAIL, variables)):
        fast = await _run(schema, query, values, settings)
        reference = await _run(REFERENCE, query, values, settings)
        assert fast == reference
    assert fast["debtor"]["overdueEntries"]["edges"]  # the screen showed something


def test_only_plain_fields_leave_strawberry_s_chain() -> None:
    replaced = {
        (type_name, name)
        for type_name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType)
        for name, field in graphql_type.fields.items()
        if field.resolve is not None and field.resolve.__module__ == "backend.api.fastpath"
    }
    assert ("FinancialEntry", "code") in replaced
    assert ("Payment", "receivedAmount") in replaced
    assert ("FinancialEntry", "payments") not in replaced  # async: a loader
    assert ("FinancialEntry", "charges") not in replaced  # takes an argument
    assert ("Query", "debtors") not in replaced


# --- leaves completed in place (PlainLeavesExecutionContext) -----------------------------------


@strawberry.enum
class _Colour(enum.Enum):
    RED = "red"


@strawberry.type
class _Thing:
    label: str
    maybe: str | None
    colour: _Colour

    @strawberry.field
    def shout(self) -> str:
        return self.label.upper()

    @strawberry.field
    def broken(self) -> str:
        raise ValueError("quebrou")

    @strawberry.field
    def missing(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def amount(self) -> int:
        return "x"  # type: ignore[return-value]


@strawberry.type
class _Query:
    @strawberry.field
    def things(self) -> list[_Thing]:
        return [_Thing(label="a", maybe=None, colour=_Colour.RED)]


def _tiny(*, fast: bool) -> strawberry.Schema:
    built = strawberry.Schema(
        query=_Query,
        execution_context_class=PlainLeavesExecutionContext if fast else None,
    )
    if fast:
        install(built._schema)
    return built


def _answer(result: Any) -> tuple[Any, list[tuple[str, Any]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors


@pytest.mark.parametrize(
    "query",
    [
        "{ things { label maybe colour shout } }",
        "{ things { label broken } }",  # the getter raises: the field's error, the item nulled
        "{ things { missing label } }",  # a non-null leaf answered None
        "{ things { amount } }",  # a value the scalar cannot represent
        "{ things { a: label b: label ...on Thing { shout } } }",
    ],
)
async def test_leaves_in_place_answer_and_fail_as_graphql_core_does(query: str) -> None:
    fast = await _tiny(fast=True).execute(query)
    reference = await _tiny(fast=False).execute(query)
    assert _answer(fast) == _answer(reference)


async def test_plain_leaves_skip_graphql_core_s_per_field_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The regression this guards: Strawberry always passes a middleware manager (empty), and a
    truthiness check on it silently sent every leaf back through execute_field."""
    executed: list[str] = []
    generic = PlainLeavesExecutionContext.execute_field

    def counting(self: Any, parent_type: Any, source: Any, details: Any, *rest: Any) -> Any:
        executed.append(f"{parent_type.name}.{details[0].node.name.value}")
        return generic(self, parent_type, source, details, *rest)

    monkeypatch.setattr(PlainLeavesExecutionContext, "execute_field", counting)
    result = await _tiny(fast=True).execute("{ things { label maybe colour shout broken } }")
    assert result.errors  # broken
    # Only the list (not a leaf) and the failing leaf (reported by the generic path).
    assert executed == ["Query.things", "Thing.broken"]
    # The real schema runs with it and has leaves of the hot types recorded.
    assert schema.execution_context_class is PlainLeavesExecutionContext
    leaves = getattr(schema._schema, LEAVES)
    assert {"code", "amount", "dueDate", "status"} <= set(leaves["FinancialEntry"])
    assert "endCursor" in leaves["PageInfo"]  # a basic attribute field
    assert "payments" not in leaves["FinancialEntry"]
