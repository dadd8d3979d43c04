"""The authorization sweep (issue 8, point 5), generated from the schema itself.

Two companies, A and B, each with a debtor, entries, a payment, a contact, an appointment and a
collection e-mail, plus a debtor they share. A user of company A then
- calls every query field, nested field and mutation that takes an id with B's object and
  with an id that does not exist: the two answers must be identical;
- reads everything every query field reaches (each field selected, recursively): no object of
  B's may appear anywhere, and every field that returns an object must have been exercised.
A field added to the schema that these tables do not cover fails the test: give it its
arguments below, and the sweep checks it too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    is_leaf_type,
    is_required_argument,
)

from backend.api.cost import MAX_DEPTH
from backend.api.schema import schema
from backend.audit.models import AuditEvent
from backend.businessdays.rules import BusinessCalendar
from backend.core.enums import Role
from backend.core.ids import encode_id
from tests.mailing.helpers import billing_company
from tests.support import ApiClient, make_user

GRAPHQL = schema._schema
TYPES_WITH_ID = {"Debtor", "FinancialEntry", "Contact", "Appointment", "SentEmail", "Payment"}
TYPES_WITH_ID |= {"Company", "User", "ApiToken", "AuditEvent", "CompanyHoliday"}
TYPES_WITH_ID |= {"EmailTemplate", "CollectionStep", "CollectionPause", "PaymentPromise"}
UNKNOWN_PK = 987_654
# Lists on a type reached from many places, selected only where the type is a root field's own
# (e.g. `companies { emailTemplates }`): deeper, they would push queries past the cost limit.
SHALLOW_ONLY = {("Company", "emailTemplates"), ("Company", "collectionSteps")}
SHALLOW_ONLY |= {("Debtor", "collectionPauses"), ("Debtor", "paymentPromises")}
SHALLOW_ONLY |= {("Debtor", "history")}
PLAN_DAY = BusinessCalendar.of("SP").next_business_day(dt.date.today())
FIRST = 5  # every connection asks for few nodes: the sweep is about reach, not size

# Root fields only administrators may call: company A's user gets FORBIDDEN, whatever it asks.
ADMIN_ONLY_QUERIES = {"allUsers", "apiTokens"}
# Mutations that take no id at all (what they return is checked by the reads).
MUTATIONS_WITHOUT_IDS = {"changePassword", "rotateCalendarUrl", "createCompany"}


@dataclass
class World:
    """Ids as the API shows them: company A's own objects and B's, by type."""

    own: dict[str, str] = field(default_factory=dict)
    others: dict[str, list[str]] = field(default_factory=dict)
    shared_debtor: str = ""
    b_only: set[str] = field(default_factory=set)  # every id company A must never see


def unknown(type_name: str) -> str:
    return encode_id(type_name, UNKNOWN_PK)


def type_of(global_id: str) -> str:
    import base64

    raw = base64.urlsafe_b64decode(global_id + "=" * (-len(global_id) % 4)).decode()
    return raw.partition(":")[0]


async def _company_world(
    api: ApiClient, company_id: str, responsible_id: str, name: str, shared: str
) -> dict[str, str]:
    """A debtor created by the company's partner, with an entry, a payment, a contact, an
    appointment and an e-mail; plus an entry, payment, appointment and e-mail on the shared
    debtor. Everything goes through the API, as a partner would do it."""

    async def run(mutation: str, variables: dict[str, Any], path: str) -> str:
        data = await api.data(mutation, {"input": variables})
        [payload] = data.values()
        assert payload["errors"] == [], payload
        value: str = payload
        for key in path.split("."):
            value = value[key]  # type: ignore[index]
        return value

    ids: dict[str, str] = {}
    ids["Debtor"] = await run(
        "mutation($input: CreateDebtorInput!) { createDebtor(input: $input) "
        "{ debtor { id } errors { code } } }",
        {"name": f"Cliente de {name}", "email": f"cliente@{name.lower()}.example",
         "companyId": company_id, "externalId": "erp-1"},
        "debtor.id",
    )  # fmt: skip
    today = dt.date.today()
    for debtor_key, debtor_id in (("", ids["Debtor"]), ("shared ", shared)):
        entry = await run(
            "mutation($input: CreateEntryInput!) { createEntry(input: $input) "
            "{ entry { id } errors { code } } }",
            {"debtorId": debtor_id, "companyId": company_id, "description": "Venda",
             "dueDate": (today - dt.timedelta(days=9)).isoformat(), "amount": "300.00"},
            "entry.id",
        )  # fmt: skip
        payment = await run(
            "mutation($input: SettleEntryInput!) { settleEntry(input: $input) "
            "{ payment { id } errors { code } } }",
            {"entryId": entry, "amount": "50.00"},
            "payment.id",
        )
        appointment = await run(
            "mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) "
            "{ appointment { id } errors { code } } }",
            {"debtorId": debtor_id, "responsibleId": responsible_id, "companyId": company_id,
             "date": (today + dt.timedelta(days=2)).isoformat(), "time": "10:00",
             "notes": f"Ligar ({name})"},
            "appointment.id",
        )  # fmt: skip
        email = await run(
            "mutation($input: SendCollectionEmailInput!) { sendCollectionEmail(input: $input) "
            "{ sentEmail { id } errors { code } } }",
            {"debtorId": debtor_id, "companyId": company_id, "subject": "Aviso",
             "body": "Olá", "confirmRecentContact": True},
            "sentEmail.id",
        )  # fmt: skip
        ids[f"{debtor_key}FinancialEntry"] = entry
        ids[f"{debtor_key}Payment"] = payment
        ids[f"{debtor_key}Appointment"] = appointment
        ids[f"{debtor_key}SentEmail"] = email
    # Holds on the debtor of its own (the shared one stays in the régua's plan).
    ids["CollectionPause"] = await run(
        "mutation($input: PauseCollectionInput!) { pauseCollection(input: $input) "
        "{ pause { id } errors { code } } }",
        {"debtorId": ids["Debtor"], "companyId": company_id, "entryId": ids["FinancialEntry"],
         "reason": f"em disputa ({name})", "until": (today + dt.timedelta(days=9)).isoformat()},
        "pause.id",
    )  # fmt: skip
    ids["PaymentPromise"] = await run(
        "mutation($input: RecordPaymentPromiseInput!) { recordPaymentPromise(input: $input) "
        "{ promise { id } errors { code } } }",
        {"debtorId": ids["Debtor"], "companyId": company_id, "amount": "100.00",
         "promisedDate": (today + dt.timedelta(days=5)).isoformat(), "note": name},
        "promise.id",
    )  # fmt: skip
    ids["new Debtor"] = await run(  # just created: no entry yet (the takeover of issue 8)
        "mutation($input: CreateDebtorInput!) { createDebtor(input: $input) "
        "{ debtor { id } errors { code } } }",
        {"name": f"Novo de {name}", "email": "novo@x.example", "externalId": "erp-2"},
        "debtor.id",
    )
    ids["Contact"] = await run(
        "mutation($input: AddContactInput!) { addContact(input: $input) "
        "{ contact { id } errors { code } } }",
        {"debtorId": ids["Debtor"], "name": f"Financeiro {name}", "email": "fin@x.example"},
        "contact.id",
    )
    ids["EmailTemplate"] = await run(
        "mutation($input: CreateEmailTemplateInput!) { createEmailTemplate(input: $input) "
        "{ emailTemplate { id } errors { code } } }",
        {"companyId": company_id, "name": f"Aviso {name}", "subject": "Aviso", "body": "Olá"},
        "emailTemplate.id",
    )
    steps: Any = await run(
        "mutation($input: SaveCollectionStepsInput!) { saveCollectionSteps(input: $input) "
        "{ steps { id } errors { code } } }",
        {"companyId": company_id, "steps": [{"days": 3, "templateId": ids["EmailTemplate"]}]},
        "steps",
    )
    ids["CollectionStep"] = steps[0]["id"]
    return ids


@pytest.fixture
async def sweep(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> AsyncIterator[tuple[dict[str, ApiClient], World]]:
    """Each company's world made by its own user (so "who did it" fields hold someone); the
    sweep then runs as company A's user and as a partner's token limited to company A."""
    # No recent-contact guard: the régua's plan of today must list the debtors just e-mailed.
    company_a = await billing_company(name="A", recent_contact_days=0)
    company_b = await billing_company(name="B", recent_contact_days=0)
    world = World()
    shared = (
        await admin_api.data('mutation { createDebtor(input: {name: "Compartilhado", '
                             'email: "s@shared.example"}) '
                             "{ debtor { id } } }")
    )["createDebtor"]["debtor"]["id"]  # fmt: skip
    world.shared_debtor = shared
    for company in (company_a, company_b):  # shared from its first entries, made by an admin
        created = await admin_api.data(
            "mutation($input: CreateEntryInput!) { createEntry(input: $input) "
            "{ errors { code } } }",
            {"input": {"debtorId": shared, "companyId": encode_id("Company", company.id),
                       "description": "Primeira", "dueDate": "2026-01-05", "amount": "10.00"}},
        )  # fmt: skip
        assert created["createEntry"]["errors"] == []
    sides: dict[str, dict[str, str]] = {}
    async with AsyncExitStack() as stack:
        users: dict[str, ApiClient] = {}
        for company, name in ((company_a, "A"), (company_b, "B")):
            user = await make_user(role=Role.COLLECTOR, companies=[company])
            client = await stack.enter_async_context(
                httpx.AsyncClient(transport=http._transport, base_url="http://testserver")
            )
            users[name] = await ApiClient.with_login(client, user)
            company_id, user_id = encode_id("Company", company.id), encode_id("User", user.id)
            sides[name] = await _company_world(users[name], company_id, user_id, name, shared)
            sides[name]["Company"], sides[name]["User"] = company_id, user_id
        token_b = (
            await admin_api.data(
                'mutation($c: ID!) { createApiToken(input: {name: "B", companyIds: [$c]}) '
                "{ token { id } } }",
                {"c": sides["B"]["Company"]},
            )
        )["createApiToken"]["token"]["id"]
        sides["A"]["ApiToken"] = sides["B"]["ApiToken"] = token_b  # A reaches no token at all
        for name in ("A", "B"):  # a day off of each company, added by an admin
            sides[name]["CompanyHoliday"] = (
                await admin_api.data(
                    "mutation($c: ID!) { addCompanyHoliday(input: {companyId: $c, "
                    'date: "2030-03-05", name: "Aniversário da cidade"}) { holiday { id } } }',
                    {"c": sides[name]["Company"]},
                )
            )["addCompanyHoliday"]["holiday"]["id"]
        b_events = [
            encode_id("AuditEvent", e.id) for e in await AuditEvent.filter(company_id=company_b.id)
        ]
        sides["B"]["AuditEvent"] = b_events[0]
        world.own = {k: v for k, v in sides["A"].items() if " " not in k}
        # Each of B's objects of a type is tried: its own, on the shared debtor, just created.
        for key, value in sides["B"].items():
            world.others.setdefault(key.rsplit(" ", 1)[-1], []).append(value)
        world.b_only = {v for k, v in sides["B"].items() if k != "ApiToken"} | set(b_events)
        token_a = await ApiClient.with_token(http, companies=[company_a])
        yield {"user of A": users["A"], "token of A": token_a}, world


# --- arguments: company A's own objects; the sweep swaps each id for B's or an unknown one ---


def query_args(world: World) -> dict[str, dict[str, Any]]:
    own = world.own
    email = {"debtorId": own["Debtor"], "companyId": own["Company"], "subject": "Aviso",
             "body": "Olá", "contactIds": [own["Contact"]]}  # fmt: skip
    return {
        "debtor": {"id": own["Debtor"]},
        "entry": {"id": own["FinancialEntry"]},
        "sentEmail": {"id": own["SentEmail"]},
        "auditEvents": {
            "targetType": "Debtor",
            "targetId": own["Debtor"],
            "first": FIRST,
            "debtorId": own["Debtor"],
            "actorUserId": own["User"],
        },
        "previewCollectionEmail": {"input": email},
        "debtors": {"filter": {"companyId": own["Company"]}, "first": FIRST},
        "collectionSummary": {"filter": {"companyId": own["Company"]}},
        "companyHolidays": {"companyId": own["Company"]},
        # A business day (the régua plans nothing on weekends and holidays).
        "collectionPlan": {"companyId": own["Company"], "date": PLAN_DAY.isoformat()},
    }


# Nested fields that take an id: reached from a root query, with their own arguments.
def nested_args(world: World) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    return {
        ("Debtor", "overdueEntries"): (
            "debtor",
            {"id": world.shared_debtor, "nested": {"companyId": world.own["Company"]}},
        ),
    }


def mutation_inputs(world: World) -> dict[str, dict[str, Any]]:
    own = world.own
    soon = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    return {
        "createUser": {"name": "X", "email": "x@x.example", "password": "senha-longa-1",
                       "companyIds": [own["Company"]]},
        "updateUser": {"id": own["User"], "name": "Y", "companyIds": [own["Company"]]},
        "createApiToken": {"name": "t", "companyIds": [own["Company"]]},
        "revokeApiToken": {"id": own["ApiToken"]},
        "scheduleAppointment": {"debtorId": own["Debtor"], "responsibleId": own["User"],
                                "companyId": own["Company"], "date": soon, "time": "09:00",
                                "notes": "n"},
        "updateAppointment": {"id": own["Appointment"], "responsibleId": own["User"],
                              "notes": "n2"},
        "completeAppointment": {"id": own["Appointment"]},
        "deleteAppointment": {"id": own["Appointment"]},
        "addContact": {"debtorId": own["Debtor"], "name": "C"},
        "updateContact": {"id": own["Contact"], "name": "C2"},
        "removeContact": {"id": own["Contact"]},
        "createDebtor": {"name": "D", "companyId": own["Company"]},
        "updateDebtor": {"id": own["Debtor"], "name": "D2"},
        "createEntry": {"debtorId": own["Debtor"], "companyId": own["Company"],
                        "description": "V", "dueDate": soon, "amount": "1.00"},
        "updateEntry": {"id": own["FinancialEntry"], "companyId": own["Company"],
                        "description": "V2"},
        "cancelEntry": {"id": own["FinancialEntry"], "reason": "r"},
        "settleEntry": {"entryId": own["FinancialEntry"], "amount": "1.00"},
        "reversePayment": {"paymentId": own["Payment"], "reason": "r"},
        "sendCollectionEmail": {"debtorId": own["Debtor"], "companyId": own["Company"],
                                "subject": "A", "body": "B", "contactIds": [own["Contact"]],
                                "confirmRecentContact": True},
        "retryEmail": {"id": own["SentEmail"]},
        "registerPayment": {"companyId": own["Company"], "entryExternalId": "erp-1",
                            "amount": "1.00", "providerPaymentId": "sweep-1"},
        "addCompanyHoliday": {"companyId": own["Company"], "date": soon, "name": "Feriado"},
        "removeCompanyHoliday": {"id": own["CompanyHoliday"]},
        "updateCompany": {"id": own["Company"], "name": "Outra"},
        "createEmailTemplate": {"companyId": own["Company"], "name": "N", "subject": "S",
                                "body": "B"},
        "updateEmailTemplate": {"id": own["EmailTemplate"], "name": "N2"},
        "deleteEmailTemplate": {"id": own["EmailTemplate"]},
        "pauseCollection": {"debtorId": own["Debtor"], "companyId": own["Company"],
                            "entryId": own["FinancialEntry"], "reason": "disputa",
                            "until": soon},
        "resumeCollection": {"pauseId": own["CollectionPause"]},
        "recordPaymentPromise": {"debtorId": own["Debtor"], "companyId": own["Company"],
                                 "promisedDate": soon, "amount": "10.00"},
        "cancelPaymentPromise": {"promiseId": own["PaymentPromise"]},
        "saveCollectionSteps": {"companyId": own["Company"],
                                "steps": [{"days": 0, "templateId": own["EmailTemplate"]}]},
    }  # fmt: skip


# --- the schema, walked ----------------------------------------------------------------------


def _unwrap(t: Any) -> Any:
    while isinstance(t, (GraphQLNonNull, GraphQLList)):
        t = t.of_type
    return t


def id_paths(t: GraphQLInputType, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every place in an argument's type that holds an ID (or a list of IDs)."""
    named = _unwrap(t)
    if isinstance(named, GraphQLInputObjectType):
        for name, input_field in named.fields.items():
            yield from id_paths(input_field.type, (*path, name))
    elif named.name == "ID":
        yield path


def field_id_paths(f: GraphQLField) -> list[tuple[str, ...]]:
    return [p for name, arg in f.args.items() for p in id_paths(arg.type, (name,))]


def _get(values: dict[str, Any], path: tuple[str, ...]) -> Any:
    """A list of input objects (saveCollectionSteps' steps) is reached through its first item."""
    for key in path:
        if isinstance(values, list) and values:
            values = values[0]
        if not isinstance(values, dict) or key not in values:
            return None
        values = values[key]
    return values


def _put(values: dict[str, Any], path: tuple[str, ...], new: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(values))
    target = copy
    for key in path[:-1]:
        target = target[key]
        if isinstance(target, list):
            target = target[0]
    target[path[-1]] = new
    return copy


def _literal(value: Any) -> str:
    """A GraphQL literal (no variables: every field is called with literal arguments)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)


def _args(values: dict[str, Any]) -> str:
    return "(" + ", ".join(f"{k}: {_literal(v)}" for k, v in values.items()) + ")" if values else ""


def selection(
    t: GraphQLOutputType,
    nested: dict[tuple[str, str], dict[str, Any]],
    seen: tuple[str, ...] = (),
    depth: int = 2,
) -> str:
    """Every field of `t`, recursively; a type already on the path shows only its id, and an
    object field that would pass the server's depth limit (`depth`: of these fields, the root
    field being 1) is left out (a shallower root query
    reaches it: the sweep checks every object field is exercised)."""
    named = _unwrap(t)
    if is_leaf_type(named):
        return ""
    assert isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)), named
    if named.name in seen:
        return "{ id }" if "id" in named.fields else "{ __typename }"
    parts = ["__typename"]
    for name, f in named.fields.items():
        if depth >= MAX_DEPTH and not is_leaf_type(_unwrap(f.type)):
            continue
        if (named.name, name) in SHALLOW_ONLY and depth > 2:
            continue
        values = dict(nested.get((named.name, name), {}))
        if "first" in f.args:
            values.setdefault("first", FIRST)
        missing = [a for a, arg in f.args.items() if is_required_argument(arg) and a not in values]
        assert not missing, f"{named.name}.{name} needs arguments {missing}: add them to the sweep"
        parts.append(
            f"{name}{_args(values)} {selection(f.type, nested, (*seen, named.name), depth + 1)}"
        )
    return "{ " + " ".join(parts) + " }"


def walk_values(t: Any, value: Any, exercised: set[tuple[str, str]], ids: set[str]) -> None:
    """Record every id in the answer, and each object-valued field that held something."""
    if value is None:
        return
    if isinstance(t, GraphQLNonNull):
        walk_values(t.of_type, value, exercised, ids)
    elif isinstance(t, GraphQLList):
        for item in value:
            walk_values(t.of_type, item, exercised, ids)
    elif is_leaf_type(t):
        if t.name == "ID" and isinstance(value, str):
            ids.add(value)
    else:
        type_name = value.get("__typename", t.name)
        concrete = GRAPHQL.get_type(type_name)
        assert isinstance(concrete, (GraphQLObjectType, GraphQLInterfaceType))
        for name, item in value.items():
            if name == "__typename":
                continue
            f = concrete.fields[name]
            if item not in (None, []) and not is_leaf_type(_unwrap(f.type)):
                exercised.add((type_name, name))
            walk_values(f.type, item, exercised, ids)


def object_fields_reachable_from_queries() -> set[tuple[str, str]]:
    """(type, field) pairs returning an id-bearing object, in what the queries reach."""
    found: set[tuple[str, str]] = set()
    todo = [GRAPHQL.query_type]
    done: set[str] = set()
    while todo:
        t = todo.pop()
        if t is None or t.name in done:
            continue
        done.add(t.name)
        for name, f in t.fields.items():
            if t.name == "Query" and name in ADMIN_ONLY_QUERIES:
                continue
            target = _unwrap(f.type)
            if isinstance(target, (GraphQLObjectType, GraphQLInterfaceType)):
                if _carries_ids(target, set()):
                    found.add((t.name, name))
                if isinstance(target, GraphQLInterfaceType):
                    todo.extend(GRAPHQL.get_possible_types(target))
                else:
                    todo.append(target)
    return found


def _carries_ids(t: Any, seen: set[str]) -> bool:
    if t.name in seen:
        return False
    seen.add(t.name)
    if t.name in TYPES_WITH_ID:
        return True
    return any(
        isinstance(_unwrap(f.type), (GraphQLObjectType, GraphQLInterfaceType))
        and _carries_ids(_unwrap(f.type), seen)
        for f in t.fields.values()
    )


def _same(real: dict[str, Any], fake: dict[str, Any], real_id: str, fake_id: str) -> None:
    assert json.dumps(real).replace(real_id, "<id>") == json.dumps(fake).replace(fake_id, "<id>")


# --- the sweep -------------------------------------------------------------------------------


async def test_every_id_of_company_b_answers_like_an_unknown_id(
    sweep: tuple[dict[str, ApiClient], World],
) -> None:
    principals, world = sweep
    for api in principals.values():
        assert await _ids_answer_like_unknown_ones(api, world) >= 50


async def _ids_answer_like_unknown_ones(api: ApiClient, world: World) -> int:
    """Calls every field that takes an id with each of B's and with an unknown one."""
    args = query_args(world)
    checked = 0
    for name, f in GRAPHQL.query_type.fields.items():
        paths = field_id_paths(f)
        if name in ADMIN_ONLY_QUERIES or not paths:
            continue
        assert name in args, f"Query.{name} takes an id: give it arguments in query_args"
        for path in paths:
            base = _get(args[name], path)
            assert base is not None, f"Query.{name} ({'.'.join(path)}): add it to query_args"
            kind = type_of(base[0] if isinstance(base, list) else base)
            wrap: Any = (lambda v: [v]) if isinstance(base, list) else (lambda v: v)
            for other in world.others[kind]:
                answers = []
                for candidate in (other, unknown(kind)):
                    values = _put(args[name], path, wrap(candidate))
                    query = f"{{ {name}{_args(values)} {selection(f.type, {})} }}"
                    answers.append(await api.execute(query))
                _same(answers[0], answers[1], other, unknown(kind))
                checked += 1

    for (type_name, name), (root, values) in nested_args(world).items():
        f = GRAPHQL.get_type(type_name).fields[name]  # type: ignore[union-attr]
        for path in field_id_paths(f):
            base = _get(values["nested"], path)
            assert base is not None, f"{type_name}.{name} ({'.'.join(path)}): add to nested_args"
            kind = type_of(base)
            for other in world.others[kind]:
                answers = []
                for candidate in (other, unknown(kind)):
                    inner = {**_put(values["nested"], path, candidate), "first": FIRST}
                    query = (
                        f'{{ {root}(id: "{values["id"]}") {{ {name}{_args(inner)}'
                        f" {selection(f.type, {}, depth=3)} }} }}"
                    )
                    answers.append(await api.execute(query))
                _same(answers[0], answers[1], other, unknown(kind))
                checked += 1
    nested_with_ids = {
        (t.name, n)
        for t in GRAPHQL.type_map.values()
        # Subscription.liveUpdates(debtorId) runs over WebSocket only: the same check (an id out
        # of reach answers as an unknown one) is in tests/api/test_live_updates.py.
        if isinstance(t, GraphQLObjectType) and t.name not in {"Query", "Mutation", "Subscription"}
        for n, f in t.fields.items()
        if field_id_paths(f)
    }
    assert nested_with_ids == set(nested_args(world)), "a nested field takes an id: add it"

    inputs = mutation_inputs(world)
    assert GRAPHQL.mutation_type is not None
    for name, f in GRAPHQL.mutation_type.fields.items():
        paths = field_id_paths(f)
        if not paths:
            assert name in MUTATIONS_WITHOUT_IDS, f"Mutation.{name}: list it in the sweep"
            continue
        assert name in inputs, f"Mutation.{name} takes an id: give it an input in the sweep"
        payload = selection(f.type, {})
        for path in paths:
            assert path[0] == "input"
            base = _get(inputs[name], path[1:])
            assert base is not None, f"Mutation.{name} ({'.'.join(path)}): add it to its input"
            kind = type_of(base[0] if isinstance(base, list) else base)
            wrap = (lambda v: [v]) if isinstance(base, list) else (lambda v: v)
            for other in world.others[kind]:
                answers = []
                for candidate in (other, unknown(kind)):
                    values = _put(inputs[name], path[1:], wrap(candidate))
                    mutation = f"mutation {{ {name}(input: {_literal(values)}) {payload} }}"
                    answers.append(await api.execute(mutation))
                _same(answers[0], answers[1], other, unknown(kind))
                assert answers[0].get("errors") or any(
                    p.get("errors") for p in answers[0]["data"].values()
                ), f"Mutation.{name} accepted an id of company B at {'.'.join(path)}"
                checked += 1
    return checked


async def test_nothing_company_a_reads_leads_to_company_b(
    sweep: tuple[dict[str, ApiClient], World],
) -> None:
    principals, world = sweep
    exercised: set[tuple[str, str]] = set()
    seen_ids: set[str] = set()
    for api in principals.values():
        await _read_everything(api, world, exercised, seen_ids)
    leaked = seen_ids & world.b_only
    assert not leaked, f"company A reached company B's objects: {sorted(map(type_of, leaked))}"
    assert world.own["Debtor"] in seen_ids
    assert world.shared_debtor in seen_ids
    never = object_fields_reachable_from_queries() - exercised
    assert not never, f"fields never exercised by the sweep (give the world data): {never}"


async def _read_everything(
    api: ApiClient, world: World, exercised: set[tuple[str, str]], seen_ids: set[str]
) -> None:
    """Every query field with every field below it; records what it saw."""
    args = query_args(world)
    nested = {key: values["nested"] for key, (_, values) in nested_args(world).items()}
    for name, f in GRAPHQL.query_type.fields.items():
        values = dict(args.get(name, {}))
        if "first" in f.args:
            values.setdefault("first", FIRST)
        missing = [a for a, arg in f.args.items() if is_required_argument(arg) and a not in values]
        assert not missing, f"Query.{name} needs arguments {missing}: add them to query_args"
        query = f"{{ {name}{_args(values)} {selection(f.type, nested)} }}"
        body = await api.execute(query)
        if name in ADMIN_ONLY_QUERIES:
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
            continue
        assert "errors" not in body, (name, body["errors"])
        walk_values(f.type, body["data"][name], exercised, seen_ids)
        if not is_leaf_type(_unwrap(f.type)) and body["data"][name] not in (None, []):
            exercised.add(("Query", name))
