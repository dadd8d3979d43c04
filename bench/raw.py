"""The raw twins: the same JSON as the GraphQL answer, from hand-written SQL and orjson.

Each twin reads what the API reads for that case (the per-debtor summary for the overdue cases,
the entries for the others) with as few statements as a person would write, and builds the
response body directly: the floor that the GraphQL figures are divided by.

The Débitos do Cliente twin sends eight statements (the debtor; its overdue page with the
balance as window aggregates and the page's payments joined; companies; users; contacts;
appointments; the e-mail page with its count; the companies' e-mail templates) and computes
multa and juros with the API's pure `compute_charges` (arithmetic, no I/O), as any hand-written
version would have to; ids, cursors and the CPF/CNPJ, phone and CEP formats come from the same
pure helpers the API uses.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import asyncpg
import orjson

from backend.businessdays.rules import BusinessCalendar
from backend.core.ids import encode_id
from backend.core.pagination import encode_cursor
from backend.core.periods import local_today
from backend.core.validation import format_document, format_phone, format_postal_code, is_cpf
from backend.entries.charges import ChargeRule, PaymentEvent, compute_charges
from backend.mailing.rendering import PLACEHOLDERS
from bench.cases import EMAILS_PAGE, ENTRIES_PAGE, PAGE_SIZE, Case

OPEN = "e.status IN ('OPEN', 'PARTIALLY_PAID')"
BUCKETS = (
    ("A vencer", 0, 0),
    ("1–30 dias", 1, 30),
    ("31–60 dias", 31, 60),
    ("61–90 dias", 61, 90),
    ("Mais de 90 dias", 91, None),
)


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


class Statements:
    """The twins' SQL for one engine ($n on PostgreSQL, ? on SQLite)."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres

    def _p(self, params: list[Any], value: Any) -> str:
        params.append(value if self.postgres or not isinstance(value, dt.date) else str(value))
        return f"${len(params)}" if self.postgres else "?"

    def summary_page(self, case: Case) -> tuple[str, list[Any]]:
        params: list[Any] = []
        if case.name_term is None:
            # The page walks the summary's order index; the totals scan the summary.
            return (
                "WITH p AS (SELECT debtor_id, open_cents, entry_count, oldest_due "
                f"FROM debtor_balance ORDER BY open_cents DESC, debtor_id LIMIT {PAGE_SIZE}), "
                "t AS (SELECT COUNT(*) AS debtors, COALESCE(SUM(open_cents), 0) AS cents "
                "FROM debtor_balance) "
                "SELECT p.*, d.name, d.document, t.debtors, t.cents FROM t LEFT JOIN p ON 1 = 1 "
                "LEFT JOIN debtor d ON d.id = p.debtor_id ORDER BY p.open_cents DESC, p.debtor_id",
                params,
            )
        like = self._p(params, f"%{case.name_term}%")
        groups = (
            "SELECT b.debtor_id, b.open_cents, b.entry_count, b.oldest_due, d.name, d.document "
            "FROM debtor_balance b JOIN debtor d ON d.id = b.debtor_id "
            f"WHERE d.search_key LIKE {like}"
        )
        return self._with_totals(groups, join_names=False), params

    def entries_page(self, case: Case) -> tuple[str, list[Any]]:
        params: list[Any] = []
        where = [OPEN]
        if case.company_id is not None:
            where.append(f"e.company_id = {self._p(params, case.company_id)}")
        if case.scope is not None:
            companies = ", ".join(self._p(params, c) for c in case.scope)
            where.append(f"e.company_id IN ({companies})")
        if case.due_from is not None:
            where.append(f"e.due_date >= {self._p(params, case.due_from)}")
        if case.due_to is not None:
            where.append(f"e.due_date <= {self._p(params, case.due_to)}")
        # SQLite picks a non-covering index for a bounded due range; the floor names the right
        # one (an open-ended range streams best through the debtor index SQLite picks itself).
        bounded = case.due_from is not None and case.company_id is None
        hint = " INDEXED BY entry_open_due" if bounded and not self.postgres else ""
        groups = (
            "SELECT e.debtor_id, CAST(SUM(e.amount_cents - e.paid_cents) AS BIGINT) AS open_cents, "
            f"COUNT(*) AS entry_count, MIN(e.due_date) AS oldest_due FROM financial_entry e{hint} "
            f"WHERE {' AND '.join(where)} GROUP BY e.debtor_id"
        )
        return self._with_totals(groups, join_names=True), params

    @staticmethod
    def _with_totals(groups: str, *, join_names: bool) -> str:
        names = "JOIN debtor d ON d.id = p.debtor_id " if join_names else ""
        columns = "d.name, d.document" if join_names else "p.name, p.document"
        return (
            f"WITH g AS ({groups}), "
            f"p AS (SELECT * FROM g ORDER BY open_cents DESC, debtor_id LIMIT {PAGE_SIZE}), "
            "t AS (SELECT COUNT(*) AS debtors, COALESCE(SUM(open_cents), 0) AS cents FROM g) "
            f"SELECT p.debtor_id, p.open_cents, p.entry_count, p.oldest_due, {columns}, "
            f"t.debtors, t.cents FROM t LEFT JOIN p ON 1 = 1 {names}"
            "ORDER BY p.open_cents DESC, p.debtor_id"
        )

    @staticmethod
    def summary_buckets() -> str:
        sums = ", ".join(
            f"SUM(b{i}_cents) AS b{i}_cents, SUM(b{i}_count) AS b{i}_count" for i in range(1, 5)
        )
        return f"SELECT COUNT(*) AS debtors, {sums} FROM debtor_balance"


def page_body(rows: Sequence[Any], total_debtors: int, total_cents: int, today: dt.date) -> bytes:
    edges = []
    for index, row in enumerate(rows):
        oldest = _date(row["oldest_due"])
        edges.append(
            {
                "cursor": encode_cursor("debtors", index),
                "node": {
                    "id": encode_id("Debtor", row["debtor_id"]),
                    "name": row["name"],
                    "document": row["document"],
                },
                "balance": {
                    "openAmount": money(int(row["open_cents"])),
                    "entryCount": int(row["entry_count"]),
                    "oldestDueDate": oldest.isoformat(),
                    "maxDaysOverdue": max(0, (today - oldest).days),
                },
            }
        )
    body = {
        "data": {
            "debtors": {
                "totalCount": total_debtors,
                "totalOpenAmount": money(total_cents),
                "pageInfo": {
                    "hasNextPage": len(rows) < total_debtors,
                    "endCursor": edges[-1]["cursor"] if edges else None,
                },
                "edges": edges,
            }
        }
    }
    return orjson.dumps(body)


def page_with_totals_body(rows: Sequence[Any], today: dt.date) -> bytes:
    """Rows of a page with the totals on each (and one row of totals alone when it is empty)."""
    page = [row for row in rows if row["debtor_id"] is not None]
    return page_body(page, int(rows[0]["debtors"]), int(rows[0]["cents"]), today)


def summary_body(row: Any) -> bytes:
    buckets = [
        {"label": "A vencer", "minDays": 0, "maxDays": 0, "openAmount": "0.00", "entryCount": 0}
    ]
    cents = count = 0
    for index, (label, low, high) in enumerate(BUCKETS[1:], 1):
        bucket_cents, bucket_count = (
            int(row[f"b{index}_cents"] or 0),
            int(row[f"b{index}_count"] or 0),
        )
        cents, count = cents + bucket_cents, count + bucket_count
        buckets.append(
            {
                "label": label,
                "minDays": low,
                "maxDays": high,
                "openAmount": money(bucket_cents),
                "entryCount": bucket_count,
            }
        )
    body = {
        "data": {
            "collectionSummary": {
                "totalOpenAmount": money(cents),
                "debtorCount": int(row["debtors"]),
                "entryCount": count,
                "buckets": buckets,
            }
        }
    }
    return orjson.dumps(body)


# --- Débitos do Cliente --------------------------------------------------------------------

PLACEHOLDER_LIST = [
    {
        "name": p.name,
        "token": p.token,
        "description": p.description,
        "example": p.example,
        "inSubject": p.in_subject,
    }
    for p in PLACEHOLDERS
]


def _datetime(value: Any) -> str | None:
    """As the API writes a stored instant: ISO 8601 in UTC (SQLite keeps it as text)."""
    if value is None:
        return None
    instant = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)
    return instant.astimezone(dt.UTC).isoformat()


def _decimal_text(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def _phone(value: str | None) -> str | None:
    return format_phone(value) if value else None


def _ref(type_name: str, row: Any) -> dict[str, Any]:
    return {"id": encode_id(type_name, row["id"]), "name": row["name"]}


@dataclass(frozen=True)
class DetailRows:
    debtor: Any
    overdue: Sequence[Any]  # the page, one row per (entry, payment), with window totals
    companies: Sequence[Any]
    users: Sequence[Any]
    contacts: Sequence[Any]
    appointments: Sequence[Any]
    emails: Sequence[Any]
    templates: Sequence[Any]  # every company's e-mail templates (the composer's choice)


class DetailStatements:
    """The eight statements of the detail twin, for one engine."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres

    def p(self, n: int) -> str:
        return f"${n}" if self.postgres else "?"

    @property
    def debtor(self) -> str:
        return (
            "SELECT id, name, kind, document, email, phone, mobile, postal_code, street, number, "
            f"complement, district, city, state, last_emailed_at FROM debtor WHERE id = {self.p(1)}"
        )

    @property
    def overdue(self) -> str:
        # The page of overdue entries, the debtor's whole overdue balance as window aggregates
        # (computed before the LIMIT), and the page's payments that count (not reversed).
        return (
            "WITH page AS (SELECT e.id, e.code, e.description, e.company_id, e.due_date, "
            "e.amount_cents, e.paid_cents, COUNT(*) OVER () AS total, "
            "SUM(e.amount_cents - e.paid_cents) OVER () AS open_cents "
            f"FROM financial_entry e WHERE e.debtor_id = {self.p(1)} AND {OPEN} "
            f"AND e.due_date <= {self.p(2)} ORDER BY e.due_date, e.id LIMIT {ENTRIES_PAGE}) "
            "SELECT page.*, p.amount_cents AS paid_part, p.paid_on FROM page "
            "LEFT JOIN payment p ON p.entry_id = page.id AND p.reversed_at IS NULL "
            "ORDER BY page.due_date, page.id, p.paid_on, p.id"
        )

    companies = (
        "SELECT id, name, time_zone, late_fee_percent, monthly_interest_percent FROM company "
        "ORDER BY name, id"
    )
    users = "SELECT id, name, is_active FROM app_user ORDER BY name, id"
    templates = (
        "SELECT id, company_id, name, subject, body, is_default FROM email_template "
        "ORDER BY company_id, is_default DESC, name, id"
    )

    @property
    def contacts(self) -> str:
        return (
            "SELECT id, name, department, role, email, phone, mobile FROM contact "
            f"WHERE debtor_id = {self.p(1)} ORDER BY name, id"
        )

    @property
    def appointments(self) -> str:
        return (
            "SELECT id, responsible_id, company_id, scheduled_date, scheduled_time, notes, done, "
            f"done_at, created_at FROM appointment WHERE debtor_id = {self.p(1)} "
            "ORDER BY scheduled_date, scheduled_time, id"
        )

    @property
    def emails(self) -> str:
        return (
            "SELECT id, company_id, recipients, subject, status, attempts, last_error, "
            "queued_at, sent_at, sent_by_id, automatic, collection_step_days, "
            "COUNT(*) OVER () AS total FROM sent_email "
            f"WHERE debtor_id = {self.p(1)} ORDER BY queued_at DESC, id DESC LIMIT {EMAILS_PAGE}"
        )


# The bench's companies have no address state and no holidays of their own: the national
# calendar is theirs (backend.businessdays).
CALENDAR = BusinessCalendar()


def overdue_cutoff(now: dt.datetime, time_zone: str) -> dt.date:
    """Entries due on or before this date are overdue (the last business day before today)."""
    return CALENDAR.overdue_cutoff(local_today(now, time_zone))


def _connection_page(nodes: list[dict[str, Any]], total: int, list_name: str) -> dict[str, Any]:
    return {
        "totalCount": total,
        "pageInfo": {
            "hasNextPage": len(nodes) < total,
            "endCursor": encode_cursor(list_name, len(nodes) - 1) if nodes else None,
        },
        "edges": [{"node": node} for node in nodes],
    }


def detail_body(rows: DetailRows, now: dt.datetime, time_zone: str) -> bytes:
    """The DebtorDetail answer from the twin's rows (the bench's companies share one zone)."""
    d = rows.debtor
    if d is None:
        return orjson.dumps({"data": {"debtor": None}})
    companies = {c["id"]: c for c in rows.companies}
    users = {u["id"]: u for u in rows.users}
    consumer = d["document"] is None or is_cpf(d["document"])  # no document: a consumer

    entries: dict[int, Any] = {}
    paid: dict[int, list[PaymentEvent]] = defaultdict(list)
    for r in rows.overdue:
        entries.setdefault(r["id"], r)
        if r["paid_part"] is not None:
            paid[r["id"]].append(
                PaymentEvent(_date(r["paid_on"]), Decimal(int(r["paid_part"])).scaleb(-2))
            )
    overdue = []
    for entry_id, e in entries.items():
        company = companies[e["company_id"]]
        amount = Decimal(int(e["amount_cents"])).scaleb(-2)
        charges = compute_charges(
            amount=amount,
            due_date=_date(e["due_date"]),
            payments=paid[entry_id],
            as_of=local_today(now, company["time_zone"]),
            rule=ChargeRule(
                late_fee_percent=Decimal(str(company["late_fee_percent"])),
                monthly_interest_percent=Decimal(str(company["monthly_interest_percent"])),
            ),
            consumer=consumer,
            grace_until=CALENDAR.grace_until(_date(e["due_date"])),
        )
        overdue.append(
            {
                "id": encode_id("FinancialEntry", entry_id),
                "code": e["code"],
                "description": e["description"],
                "company": _ref("Company", company),
                "dueDate": _date(e["due_date"]).isoformat(),
                "amount": money(int(e["amount_cents"])),
                "openAmount": money(int(e["amount_cents"]) - int(e["paid_cents"])),
                "daysOverdue": charges.days_overdue,
                "lateFee": _decimal_text(charges.late_fee),
                "interest": _decimal_text(charges.interest),
                "updatedAmount": _decimal_text(charges.updated_amount),
            }
        )
    first = rows.overdue[0] if rows.overdue else None
    today = local_today(now, time_zone)
    oldest = _date(first["due_date"]) if first is not None else None
    balance = {
        "openAmount": money(int(first["open_cents"]) if first is not None else 0),
        "entryCount": int(first["total"]) if first is not None else 0,
        "oldestDueDate": oldest.isoformat() if oldest else None,
        "maxDaysOverdue": max(0, (today - oldest).days) if oldest else 0,
    }
    appointments = [
        {
            "id": encode_id("Appointment", a["id"]),
            "responsible": _ref("User", users[a["responsible_id"]]),
            "company": _ref("Company", companies[a["company_id"]])
            if a["company_id"] is not None
            else None,
            "date": _date(a["scheduled_date"]).isoformat(),
            "time": a["scheduled_time"],
            "notes": a["notes"],
            "done": bool(a["done"]),
            "doneAt": _datetime(a["done_at"]),
            "createdAt": _datetime(a["created_at"]),
        }
        for a in rows.appointments
    ]
    emails = [
        {
            "id": encode_id("SentEmail", m["id"]),
            "company": _ref("Company", companies[m["company_id"]]),
            "to": orjson.loads(m["recipients"]),
            "subject": m["subject"],
            "status": m["status"],
            "attempts": int(m["attempts"]),
            "lastError": m["last_error"],
            "queuedAt": _datetime(m["queued_at"]),
            "sentAt": _datetime(m["sent_at"]),
            "sentBy": _ref("User", users[m["sent_by_id"]]) if m["sent_by_id"] else None,
            "automatic": bool(m["automatic"]),
            "collectionStepDays": m["collection_step_days"],
        }
        for m in rows.emails
    ]
    contacts = [
        {
            "id": encode_id("Contact", c["id"]),
            "name": c["name"],
            "department": c["department"],
            "role": c["role"],
            "email": c["email"],
            "phone": c["phone"],
            "mobile": c["mobile"],
            "phoneFormatted": _phone(c["phone"]),
            "mobileFormatted": _phone(c["mobile"]),
        }
        for c in rows.contacts
    ]
    debtor = {
        "id": encode_id("Debtor", d["id"]),
        "name": d["name"],
        "kind": d["kind"],
        "document": d["document"],
        "documentFormatted": format_document(d["document"]) if d["document"] else None,
        "email": d["email"],
        "phone": d["phone"],
        "mobile": d["mobile"],
        "phoneFormatted": _phone(d["phone"]),
        "mobileFormatted": _phone(d["mobile"]),
        "address": {
            "postalCode": d["postal_code"],
            "postalCodeFormatted": format_postal_code(d["postal_code"])
            if d["postal_code"]
            else None,
            "street": d["street"],
            "number": d["number"],
            "complement": d["complement"],
            "district": d["district"],
            "city": d["city"],
            "state": d["state"],
        },
        "lastEmailedAt": _datetime(d["last_emailed_at"]),
        "overdueBalance": balance,
        "overdueEntries": _connection_page(
            overdue, int(first["total"]) if first else 0, "Debtor.overdueEntries"
        ),
        "contacts": contacts,
        "appointments": appointments,
        "sentEmails": _connection_page(
            emails, int(rows.emails[0]["total"]) if emails else 0, "Debtor.sentEmails"
        ),
    }
    body = {
        "data": {
            "debtor": debtor,
            "companies": [
                {
                    **_ref("Company", c),
                    "today": local_today(now, c["time_zone"]).isoformat(),
                    "emailTemplates": [
                        {
                            "id": encode_id("EmailTemplate", t["id"]),
                            "name": t["name"],
                            "subject": t["subject"],
                            "body": t["body"],
                            "isDefault": bool(t["is_default"]),
                        }
                        for t in rows.templates
                        if t["company_id"] == c["id"]
                    ],
                }
                for c in rows.companies
            ],
            "today": local_today(now, time_zone).isoformat(),
            "users": [_ref("User", u) for u in rows.users if u["is_active"]],
            "emailPlaceholders": PLACEHOLDER_LIST,
        }
    }
    return orjson.dumps(body)


def uses_summary(case: Case) -> bool:
    return case.company_id is None and case.due_from is None and case.scope is None


class PostgresTwin:
    def __init__(self, conn: asyncpg.Connection, today: dt.date, time_zone: str) -> None:
        self.conn = conn
        self.today = today
        self.time_zone = time_zone
        self.sql = Statements(postgres=True)
        self.detail_sql = DetailStatements(postgres=True)

    async def detail(self, debtor_id: int) -> bytes:
        now = dt.datetime.now(dt.UTC)
        s, conn = self.detail_sql, self.conn
        rows = DetailRows(
            debtor=await conn.fetchrow(s.debtor, debtor_id),
            overdue=await conn.fetch(s.overdue, debtor_id, overdue_cutoff(now, self.time_zone)),
            companies=await conn.fetch(s.companies),
            users=await conn.fetch(s.users),
            contacts=await conn.fetch(s.contacts, debtor_id),
            appointments=await conn.fetch(s.appointments, debtor_id),
            emails=await conn.fetch(s.emails, debtor_id),
            templates=await conn.fetch(s.templates),
        )
        return detail_body(rows, now, self.time_zone)

    async def run(self, case: Case) -> bytes:
        if case.debtor_id is not None:
            return await self.detail(case.debtor_id)
        if case.key == "summary":
            return summary_body(await self.conn.fetchrow(self.sql.summary_buckets()))
        page = self.sql.summary_page if uses_summary(case) else self.sql.entries_page
        statement, params = page(case)
        return page_with_totals_body(await self.conn.fetch(statement, *params), self.today)


class SqliteTwin:
    def __init__(self, conn: sqlite3.Connection, today: dt.date, time_zone: str) -> None:
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self.today = today
        self.time_zone = time_zone
        self.sql = Statements(postgres=False)
        self.detail_sql = DetailStatements(postgres=False)

    def detail(self, debtor_id: int) -> bytes:
        now = dt.datetime.now(dt.UTC)
        s, run = self.detail_sql, self.conn.execute
        cutoff = overdue_cutoff(now, self.time_zone).isoformat()
        rows = DetailRows(
            debtor=run(s.debtor, (debtor_id,)).fetchone(),
            overdue=run(s.overdue, (debtor_id, cutoff)).fetchall(),
            companies=run(s.companies).fetchall(),
            users=run(s.users).fetchall(),
            contacts=run(s.contacts, (debtor_id,)).fetchall(),
            appointments=run(s.appointments, (debtor_id,)).fetchall(),
            emails=run(s.emails, (debtor_id,)).fetchall(),
            templates=run(s.templates).fetchall(),
        )
        return detail_body(rows, now, self.time_zone)

    async def run(self, case: Case) -> bytes:
        return self.run_sync(case)

    def run_sync(self, case: Case) -> bytes:
        if case.debtor_id is not None:
            return self.detail(case.debtor_id)
        if case.key == "summary":
            return summary_body(self.conn.execute(self.sql.summary_buckets()).fetchone())
        page = self.sql.summary_page if uses_summary(case) else self.sql.entries_page
        statement, params = page(case)
        return page_with_totals_body(self.conn.execute(statement, params).fetchall(), self.today)


async def open_twin(url: str, today: dt.date, time_zone: str) -> PostgresTwin | SqliteTwin:
    if url.startswith("sqlite://"):
        return SqliteTwin(sqlite3.connect(url.removeprefix("sqlite://")), today, time_zone)
    return PostgresTwin(await asyncpg.connect(url), today, time_zone)


async def close_twin(twin: PostgresTwin | SqliteTwin) -> None:
    if isinstance(twin, SqliteTwin):
        twin.conn.close()
    else:
        await twin.conn.close()
