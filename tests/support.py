"""Test helpers: a GraphQL client with credentials, SQL statement counting, data factories."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import logging
import os
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from backend.accounts.models import User
from backend.accounts.services import create_token, create_user
from backend.companies.models import Company
from backend.core.clock import utc_now
from backend.core.enums import DebtorKind, EntryStatus, Role, TokenScope
from backend.core.ids import encode_id
from backend.core.money import to_cents
from backend.core.principal import Principal
from backend.core.text import search_key
from backend.debtors.models import Debtor, DebtorCompany
from backend.entries.models import FinancialEntry

_seq = itertools.count(1)
PG_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


async def create_postgres_database(name: str, template: str | None = None) -> str:
    """A new database on the test server (dropped first if a run left it): empty, or a copy of
    `template` (a database nobody is connected to); its URL."""
    admin = await asyncpg.connect(f"{PG_SERVER}/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        copy = f' TEMPLATE "{template}"' if template else ""
        await admin.execute(f'CREATE DATABASE "{name}"{copy}')
    finally:
        await admin.close()
    return f"{PG_SERVER}/{name}"


async def drop_postgres_database(name: str) -> None:
    admin = await asyncpg.connect(f"{PG_SERVER}/postgres")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def run_in_thread(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine in its own thread and loop, for set-up done outside the test's loop
    (session fixtures; Playwright's sync API, which keeps a loop running in this thread)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


VALID_CPF = "52998224725"
VALID_CNPJ = "11222333000181"
PASSWORD = "senha-muito-segura"


class SqlLog(logging.Handler):
    """Counts the SQL statements Tortoise sends (logger tortoise.db_client, DEBUG)."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.lstrip().split(" ", 1)[0].upper() in {
            "SELECT",
            "INSERT",
            "UPDATE",
            "DELETE",
            "WITH",
        }:
            self.statements.append(message)

    def clear(self) -> None:
        self.statements.clear()

    @property
    def count(self) -> int:
        return len(self.statements)


class ApiClient:
    """POSTs GraphQL with one credential; `data()` fails the test on any top-level error."""

    def __init__(self, http: httpx.AsyncClient, headers: dict[str, str] | None = None) -> None:
        self.http = http
        self.headers = headers or {}

    @classmethod
    async def with_token(
        cls,
        http: httpx.AsyncClient,
        *,
        scope: str = "WRITE",
        companies: list[Company] | None = None,
    ) -> ApiClient:
        issued = await create_token(
            name=f"token {next(_seq)}",
            scope=TokenScope(scope),
            all_companies=companies is None,
            company_ids=[c.id for c in companies or []],
        )
        return cls(http, {"Authorization": f"Bearer {issued.secret}"})

    @classmethod
    async def with_login(cls, http: httpx.AsyncClient, user: User) -> ApiClient:
        # As the dashboard does: from a page of the server itself (api/auth.py refuses others).
        origin = {"Origin": str(http.base_url).rstrip("/")}
        response = await http.post(
            "/auth/login", json={"email": user.email, "password": PASSWORD}, headers=origin
        )
        assert response.status_code == 200, response.text
        return cls(http, origin)  # the session cookie lives in the httpx client

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        return await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )

    async def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.post(query, variables)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.execute(query, variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


# The moments when a date taken from the wrong clock or zone shows (São Paulo is UTC−3 all
# year): from 21:00 its date is behind UTC's and Tokyo's; at 00:30 it has just turned, while
# zones west of it are still on the day before. Each: (id, instant, São Paulo's date then).
RISKY_MOMENTS = [
    (
        "23:30-sao-paulo",
        dt.datetime(2026, 12, 2, 2, 30, tzinfo=dt.UTC),
        dt.date(2026, 12, 1),
    ),
    ("00:30-sao-paulo", dt.datetime(2026, 12, 2, 3, 30, tzinfo=dt.UTC), dt.date(2026, 12, 2)),
    ("month-end-22:00", dt.datetime(2027, 3, 1, 1, 0, tzinfo=dt.UTC), dt.date(2027, 2, 28)),
    ("31-december-23:30", dt.datetime(2028, 1, 1, 2, 30, tzinfo=dt.UTC), dt.date(2027, 12, 31)),
]


class SetClock:
    """The app's clock in tests: real time until `set`, then that instant."""

    def __init__(self) -> None:
        self.instant: dt.datetime | None = None

    def set(self, instant: dt.datetime) -> None:
        assert instant.utcoffset() is not None, "a test clock needs an aware instant"
        self.instant = instant

    def __call__(self) -> dt.datetime:
        return self.instant or utc_now()


def gid(type_name: str, pk: int) -> str:
    return encode_id(type_name, pk)


def principal(company_ids: list[int] | None = None, *, can_write: bool = True) -> Principal:
    return Principal(
        name="teste",
        role=Role.ADMIN if company_ids is None else Role.COLLECTOR,
        company_ids=frozenset(company_ids) if company_ids is not None else None,
        can_write=can_write,
        can_administer=company_ids is None and can_write,
    )


async def make_company(name: str | None = None, **values: Any) -> Company:
    return await Company.create(name=name or f"Empresa {next(_seq)}", **values)


async def make_debtor(
    name: str | None = None, *, companies: list[Company] | None = None, **values: Any
) -> Debtor:
    """A debtor; `companies`: those it was created for (who reach it before any entry)."""
    name = name or f"Cliente {next(_seq)}"
    values.setdefault("kind", DebtorKind.CUSTOMER)
    debtor = await Debtor.create(name=name, search_key=search_key(name), **values)
    for company in companies or []:
        await DebtorCompany.create(debtor=debtor, company=company)
    return debtor


async def make_entry(
    company: Company,
    debtor: Debtor,
    *,
    due: dt.date,
    amount: str | Decimal = "100.00",
    paid: str | Decimal = "0.00",
    status: EntryStatus | None = None,
    **values: Any,
) -> FinancialEntry:
    amount_cents, paid_cents = to_cents(Decimal(amount)), to_cents(Decimal(paid))
    if status is None:
        status = (
            EntryStatus.OPEN
            if paid_cents == 0
            else EntryStatus.PAID
            if paid_cents >= amount_cents
            else EntryStatus.PARTIALLY_PAID
        )
    values.setdefault("code", f"C{next(_seq)}")
    return await FinancialEntry.create(
        company=company,
        debtor=debtor,
        description=values.pop("description", "Venda"),
        due_date=due,
        amount_cents=amount_cents,
        paid_cents=paid_cents,
        status=status,
        **values,
    )


async def make_user(
    *, role: Role = Role.COLLECTOR, companies: list[Company] | None = None, **values: Any
) -> User:
    n = next(_seq)
    return await create_user(
        name=values.get("name", f"Usuário {n}"),
        email=values.get("email", f"usuario{n}@example.com"),
        password=PASSWORD,
        role=role,
        all_companies=companies is None,
        company_ids=[c.id for c in companies or []],
    )
