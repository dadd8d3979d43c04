"""A deterministic data set for the search benchmark, bulk-loaded into SQLite or PostgreSQL.

The schema comes from the real migrations; rows go in with the drivers' bulk paths (COPY on
PostgreSQL, one executemany transaction on SQLite), then the planner statistics are refreshed
and the per-debtor summary is built, as the nightly roll would.

Shape (the defaults, "full"): 100,000 debtors, 1,000,000 entries due over the last two years
and the next month, 5 companies. Older entries are mostly paid; about 38 % of all entries are
unpaid and overdue, a few are partly paid or cancelled. Entries per debtor are skewed: a few
debtors have hundreds, most have a handful.

What Débitos do Cliente shows besides entries (`add_detail_data`, a later step that an existing
data set gets too): a payment row behind every paid amount, the companies' CNPJ and address,
a few users, and contacts, appointments and sent e-mails for the two debtors whose page is
measured.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
from tortoise.transactions import in_transaction

from backend import database
from backend.accounts.models import User
from backend.appointments.models import Appointment
from backend.companies.models import Company
from backend.core.enums import OPEN_STATUSES, EmailStatus, Role
from backend.core.errors import ErrorCollector
from backend.core.periods import local_today
from backend.core.text import search_key
from backend.core.validation import format_document
from backend.debtors.models import Contact, Debtor
from backend.demo import (
    BUSINESS_SUFFIX,
    BUSINESS_WORDS,
    DDD,
    DESCRIPTIONS,
    FIRST_NAMES,
    PLACES,
    SURNAMES,
)
from backend.entries.models import FinancialEntry
from backend.mailing.compose import creditor_of
from backend.mailing.models import SentEmail
from backend.mailing.rendering import (
    BODY_NAMES,
    SUBJECT_NAMES,
    EmailFacts,
    parse_user_text,
    render_email,
)
from backend.mailing.statement import overdue_statement
from backend.search.sql import Sql, connection
from bench.cases import DetailDebtors

Progress = Callable[[str], None]
TIME_ZONE = "America/Sao_Paulo"
CHUNK = 50_000


@dataclass(frozen=True)
class Size:
    name: str
    debtors: int
    entries: int
    companies: int = 5


SIZES = {
    "smoke": Size("smoke", 300, 3_000, 3),
    "small": Size("small", 10_000, 100_000),
    "full": Size("full", 100_000, 1_000_000),
}
COMPANY_NAMES = (
    "Bexus Comércio de Alimentos Ltda",
    "Bexus Serviços Técnicos Ltda",
    "Bexus Distribuidora do Nordeste S.A.",
    "Bexus Indústria de Embalagens Ltda",
    "Bexus Transportes e Logística Ltda",
)
DEBTOR_COLUMNS = (
    "kind",
    "name",
    "search_key",
    "document",
    "email",
    "phone",
    "postal_code",
    "street",
    "number",
    "district",
    "city",
    "state",
    "created_at",
    "updated_at",
)
ENTRY_COLUMNS = (
    "company_id",
    "debtor_id",
    "code",
    "description",
    "document_number",
    "issue_date",
    "due_date",
    "amount_cents",
    "paid_cents",
    "status",
    "version",
    "created_at",
    "updated_at",
)


# --- documents ---------------------------------------------------------------------------


def _check_digit(digits: Sequence[int], weights: Sequence[int]) -> int:
    rest = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if rest < 2 else 11 - rest


def cpf(rng: random.Random) -> str:
    base = [rng.randint(0, 9) for _ in range(9)]
    base[0] = rng.randint(1, 9)  # never all the same digit
    first = _check_digit(base, range(10, 1, -1))
    second = _check_digit([*base, first], range(11, 1, -1))
    return "".join(map(str, [*base, first, second]))


def cnpj(rng: random.Random) -> str:
    base = [rng.randint(1, 9), *(rng.randint(0, 9) for _ in range(7)), 0, 0, 0, 1]
    first = _check_digit(base, (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2))
    second = _check_digit([*base, first], (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2))
    return "".join(map(str, [*base, first, second]))


# --- rows --------------------------------------------------------------------------------


def debtor_rows(rng: random.Random, count: int, now: dt.datetime) -> Iterator[tuple[Any, ...]]:
    for index in range(count):
        postal_code, street, district, city, state = rng.choice(PLACES)
        if rng.random() < 0.35:
            name = (
                f"{rng.choice(BUSINESS_WORDS)} {rng.choice(SURNAMES)} {rng.choice(BUSINESS_SUFFIX)}"
            )
            document = cnpj(rng)
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
            document = cpf(rng)
        yield (
            "SUPPLIER" if rng.random() < 0.1 else "CUSTOMER",
            name,
            search_key(name),
            document,
            f"cliente{index}@exemplo.com.br",
            f"11{rng.randint(30000000, 39999999)}",
            postal_code,
            street,
            str(rng.randint(1, 3000)),
            district,
            city,
            state,
            now,
            now,
        )


def _status(rng: random.Random, amount: int, days_overdue: int) -> tuple[int, str]:
    """(paid cents, status): the older the entry, the likelier it was paid."""
    roll = rng.random()
    if days_overdue > 0:
        paid_share, partial_share, cancelled_share = (
            0.5 + min(days_overdue, 365) / 365 * 0.12,
            0.06,
            0.02,
        )
    else:
        paid_share, partial_share, cancelled_share = 0.10, 0.05, 0.01
    if roll < paid_share:
        return amount, "PAID"
    if roll < paid_share + partial_share:
        return max(100, amount * rng.randint(10, 90) // 100 // 100 * 100), "PARTIALLY_PAID"
    if roll < paid_share + partial_share + cancelled_share:
        return 0, "CANCELLED"
    return 0, "OPEN"


def entry_rows(
    rng: random.Random, size: Size, company_ids: list[int], today: dt.date, now: dt.datetime
) -> Iterator[tuple[Any, ...]]:
    for index in range(size.entries):
        # Skewed: low debtor numbers get many entries, most debtors a handful.
        debtor_id = 1 + int(size.debtors * rng.random() ** 1.6)
        due = today + dt.timedelta(days=rng.randint(-700, 30))
        amount = rng.choice(
            (rng.randint(5_000, 50_000),) * 6
            + (rng.randint(50_000, 500_000),) * 3
            + (rng.randint(500_000, 5_000_000),)
        )
        paid, status = _status(rng, amount, (today - due).days)
        yield (
            company_ids[int(len(company_ids) * rng.random() ** 1.3)],
            min(debtor_id, size.debtors),
            f"{index + 1:07d}",
            rng.choice(DESCRIPTIONS),
            f"NF {rng.randint(1000, 999999)}",
            due - dt.timedelta(days=rng.choice((15, 30, 45))),
            due,
            amount,
            paid,
            status,
            1,
            now,
            now,
        )


def _chunks(rows: Iterator[tuple[Any, ...]], size: int = CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- loading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    url: str
    size: Size
    seed: int
    today: dt.date
    company_ids: list[int]


def _company_rows(size: Size, now: dt.datetime) -> list[tuple[Any, ...]]:
    return [
        (name, Decimal("2.00"), Decimal("1.00"), TIME_ZONE, 3, now)
        for name in COMPANY_NAMES[: size.companies]
    ]


COMPANY_COLUMNS = (
    "name",
    "late_fee_percent",
    "monthly_interest_percent",
    "time_zone",
    "recent_contact_days",
    "created_at",
)


async def _load_postgres(
    url: str, size: Size, rng: random.Random, today: dt.date, now: dt.datetime, progress: Progress
) -> list[int]:
    conn = await asyncpg.connect(url)
    try:
        await conn.copy_records_to_table(
            "company", records=_company_rows(size, now), columns=COMPANY_COLUMNS
        )
        company_ids = [r["id"] for r in await conn.fetch("SELECT id FROM company ORDER BY id")]
        done = 0
        for chunk in _chunks(debtor_rows(rng, size.debtors, now)):
            await conn.copy_records_to_table("debtor", records=chunk, columns=DEBTOR_COLUMNS)
            done += len(chunk)
            progress(f"  devedores {done:,}/{size.debtors:,}")
        done = 0
        for chunk in _chunks(entry_rows(rng, size, company_ids, today, now)):
            await conn.copy_records_to_table(
                "financial_entry", records=chunk, columns=ENTRY_COLUMNS
            )
            done += len(chunk)
            progress(f"  lançamentos {done:,}/{size.entries:,}")
        progress("  VACUUM ANALYZE")
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()
    return company_ids


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return str(value)  # how Tortoise writes DatetimeField on SQLite
    if isinstance(value, (dt.date, Decimal)):
        return str(value)
    return value


def _sqlite_rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(_sqlite_value(v) for v in row) for row in rows]


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _load_sqlite(
    path: str, size: Size, rng: random.Random, today: dt.date, now: dt.datetime, progress: Progress
) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        with conn:
            conn.executemany(
                _insert("company", COMPANY_COLUMNS), _sqlite_rows(_company_rows(size, now))
            )
        company_ids = [r[0] for r in conn.execute("SELECT id FROM company ORDER BY id")]
        done = 0
        for chunk in _chunks(debtor_rows(rng, size.debtors, now)):
            with conn:
                conn.executemany(_insert("debtor", DEBTOR_COLUMNS), _sqlite_rows(chunk))
            done += len(chunk)
            progress(f"  devedores {done:,}/{size.debtors:,}")
        done = 0
        for chunk in _chunks(entry_rows(rng, size, company_ids, today, now)):
            with conn:
                conn.executemany(_insert("financial_entry", ENTRY_COLUMNS), _sqlite_rows(chunk))
            done += len(chunk)
            progress(f"  lançamentos {done:,}/{size.entries:,}")
        progress("  ANALYZE")
        conn.execute("ANALYZE")
    finally:
        conn.close()
    return company_ids


async def generate(
    url: str, size: Size, *, seed: int = 42, now: dt.datetime, progress: Progress = print
) -> Dataset:
    """Build a fresh data set at `url` (the database must be empty or not exist yet)."""
    started = time.perf_counter()
    today = local_today(now, TIME_ZONE)
    rng = random.Random(seed)
    progress(f"Gerando {size.name}: {size.debtors:,} devedores, {size.entries:,} lançamentos")
    await database.migrate(url)
    if url.startswith("sqlite://"):
        path = url.removeprefix("sqlite://")
        company_ids = await asyncio.to_thread(_load_sqlite, path, size, rng, today, now, progress)
    else:
        company_ids = await _load_postgres(url, size, rng, today, now, progress)
    progress(f"Carga concluída em {time.perf_counter() - started:.1f} s")
    return Dataset(url=url, size=size, seed=seed, today=today, company_ids=company_ids)


def sqlite_url(folder: Path, size: Size) -> str:
    return f"sqlite://{folder / f'bench-{size.name}.sqlite3'}"


# --- what Débitos do Cliente shows besides entries ------------------------------------------

# Bump when add_detail_data changes: a data set recorded with another version gets the step
# again (it first deletes what an earlier run of it added; entries and debtors stay).
DETAIL_VERSION = "1"
METHODS = ("PIX", "BOLETO", "TRANSFER", "PIX", "CASH", "CARD", "BOLETO")
SUBJECT = "Pendências financeiras com a {{ empresa }}"
BODY = """Prezado(a) {{ cliente }},

Constam em nosso sistema {{ quantidade_vencidos }} lançamento(s) vencido(s) em nome de \
{{ cliente }} ({{ cpf_cnpj }}), no total de {{ total_vencido }} ({{ total_atualizado }} com \
multa e juros até {{ data_hoje }}). O vencimento mais antigo é de {{ vencimento_mais_antigo }}.

{{ tabela_lancamentos }}

Se o pagamento já foi feito, por favor desconsidere esta mensagem e nos envie o comprovante.

Atenciosamente,
Departamento Financeiro — {{ empresa }}"""
NOTES = (
    "Ligar para o financeiro e confirmar a data de pagamento.",
    "Cliente pediu boleto atualizado; enviar por e-mail.",
    "Negociar parcelamento dos vencidos mais antigos.",
    "Verificar se o comprovante enviado corresponde à NF.",
    "Retornar a ligação: responsável estava em reunião.",
)
DEPARTMENTS = ("Financeiro", "Contas a Pagar", "Compras", "Diretoria")
ROLES = ("Analista", "Gerente", "Coordenador", "Assistente")
NO_PASSWORD = "!"  # noqa: S105 - matches no password: nobody logs in as these users


def _payments_sql(sql: Sql, today: dt.date, now: dt.datetime, *, reversed_ones: bool) -> str:
    """One payment per paid amount, dated around the due date (never after today), and on
    one entry in 41 a reversed payment before it (estorno): the rows the charges read.

    Placeholders are taken in the order they appear (SQLite's are positional)."""
    postgres = sql.postgres
    methods = " ".join(f"WHEN {i} THEN '{m}'" for i, m in enumerate(METHODS))
    method = f"CASE e.id % {len(METHODS)} {methods} END"

    def paid_on(days: str) -> str:
        if postgres:
            return f"LEAST(e.due_date + ({days}), {sql.param(today)})"
        return f"MIN(date(e.due_date, ({days}) || ' days'), {sql.param(today)})"

    def stamp() -> str:
        return sql.param(now if postgres else str(now))

    columns = (
        "entry_id, amount_cents, late_fee_cents, interest_cents, discount_cents, paid_on, "
        "method, note, created_by_id, reversed_at, reversal_reason, created_at"
    )
    if reversed_ones:
        rows = (
            f"SELECT e.id, e.paid_cents, 0, 0, 0, {paid_on('e.id % 23 - 20')}, 'CHECK', NULL, "
            f"NULL, {stamp()}, 'Cheque devolvido', {stamp()} FROM financial_entry e "
            "WHERE e.paid_cents > 0 AND e.id % 41 = 0"
        )
    else:
        rows = (
            f"SELECT e.id, e.paid_cents, 0, 0, 0, {paid_on('e.id * 37 % 51 - 10')}, {method}, "
            f"NULL, NULL, NULL, NULL, {stamp()} FROM financial_entry e WHERE e.paid_cents > 0"
        )
    return f"INSERT INTO payment ({columns}) {rows} ORDER BY e.id"


async def choose_detail_debtors(today: dt.date) -> DetailDebtors:
    """The busiest debtor (most entries, then lowest id) and a typical one: the number of
    entries closest to the median, with something overdue, then lowest id."""
    sql = Sql(connection())
    rows = await sql.rows(
        "SELECT e.debtor_id AS debtor_id, COUNT(*) AS n, SUM(CASE WHEN e.status IN "
        f"('OPEN', 'PARTIALLY_PAID') AND e.due_date < {sql.param(today)} THEN 1 ELSE 0 END) "
        "AS overdue FROM financial_entry e GROUP BY e.debtor_id"
    )
    counts = sorted(int(r["n"]) for r in rows)
    median = counts[len(counts) // 2]
    busy = min(rows, key=lambda r: (-int(r["n"]), int(r["debtor_id"])))
    typical = min(
        (r for r in rows if int(r["overdue"]) > 0 and r is not busy),
        key=lambda r: (abs(int(r["n"]) - median), int(r["debtor_id"])),
    )
    return DetailDebtors(busy=int(busy["debtor_id"]), typical=int(typical["debtor_id"]))


async def add_detail_data(
    *, seed: int, now: dt.datetime, progress: Progress = print
) -> DetailDebtors:
    """Add what Débitos do Cliente reads besides entries (Tortoise must be initialised).

    Deterministic for a given data set and seed; run once per data set (bench.run records it).
    """
    started = time.perf_counter()
    today = local_today(now, TIME_ZONE)
    rng = random.Random(f"{seed}-detail")
    debtors = await choose_detail_debtors(today)
    async with in_transaction():
        await _clear_detail_data()
        for reversed_ones in (True, False):
            sql = Sql(connection())
            await sql.rows(_payments_sql(sql, today, now, reversed_ones=reversed_ones))
        await _complete_companies(rng)
        users = await _users(rng)
        for debtor_id, size in ((debtors.busy, 1.0), (debtors.typical, 0.2)):
            await _debtor_extras(rng, debtor_id, size, users, now)
    progress("  ANALYZE")
    db = connection()
    if Sql(db).postgres:
        await db.execute_script(
            "ANALYZE payment, company, app_user, contact, appointment, sent_email"
        )
    else:
        await db.execute_script("ANALYZE")
    progress(
        f"Dados da tela do cliente (devedores {debtors.busy} e {debtors.typical}) em "
        f"{time.perf_counter() - started:.1f} s"
    )
    return debtors


async def _clear_detail_data() -> None:
    """What an earlier version of this step added (the step then runs again from scratch)."""
    db = connection()
    for statement in (
        "DELETE FROM payment",
        "DELETE FROM sent_email",
        "DELETE FROM appointment",
        "DELETE FROM contact",
        "DELETE FROM user_company",
        "DELETE FROM user_session",
        "UPDATE api_token SET created_by_id = NULL",
        "UPDATE audit_event SET actor_user_id = NULL",
        "DELETE FROM app_user",
        "UPDATE debtor SET last_emailed_at = NULL WHERE last_emailed_at IS NOT NULL",
    ):
        await db.execute_script(statement)


async def _complete_companies(rng: random.Random) -> None:
    """CNPJ, address and e-mail: what a collection e-mail must name (CDC art. 42-A)."""
    for index, company in enumerate(await Company.all().order_by("id")):
        postal_code, street, district, city, state = PLACES[index % len(PLACES)]
        company.update_from_dict(
            {
                "document": cnpj(rng),
                "email": f"financeiro{index + 1}@bexus.com.br",
                "postal_code": postal_code,
                "street": street,
                "number": str(rng.randint(10, 2000)),
                "district": district,
                "city": city,
                "state": state,
            }
        )
        await company.save()


async def _users(rng: random.Random) -> list[User]:
    """Eight collectors and an admin; one collector has left (inactive, still responsible)."""
    users = []
    for index in range(9):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        users.append(
            await User.create(
                name=name,
                email=f"usuario{index + 1}@bexus.com.br",
                password_hash=NO_PASSWORD,
                role=Role.ADMIN if index == 0 else Role.COLLECTOR,
                is_active=index != 8,
                all_companies=True,
                calendar_token_hash=hashlib.sha256(
                    f"bench-{index + 1}-{rng.getrandbits(64):016x}".encode()
                ).hexdigest(),
            )
        )
    return users


async def _debtor_extras(
    rng: random.Random, debtor_id: int, size: float, users: list[User], now: dt.datetime
) -> None:
    debtor = await Debtor.get(id=debtor_id)
    ddd = DDD.get(debtor.state or "", "11")
    for _ in range(max(1, round(3 * size))):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        await Contact.create(
            debtor_id=debtor_id,
            name=name,
            department=rng.choice(DEPARTMENTS),
            role=rng.choice(ROLES),
            email=f"{search_key(name).replace(' ', '.')}@exemplo.com.br",
            phone=f"{ddd}3{rng.randint(1000000, 9999999)}",
            mobile=f"{ddd}9{rng.randint(10000000, 99999999)}" if rng.random() < 0.7 else None,
        )
    # The companies the debtor owes something to (appointments and e-mails are about them).
    owed = FinancialEntry.filter(debtor_id=debtor_id, status__in=list(OPEN_STATUSES))
    company_ids = sorted({int(row["company_id"]) for row in await owed.values("company_id")})
    today = local_today(now, TIME_ZONE)
    for index in range(max(1, round(5 * size))):
        scheduled = today + dt.timedelta(days=rng.randint(-40, 30))
        hour, minute = rng.randint(8, 17), rng.choice((0, 15, 30, 45))
        done = scheduled < today and rng.random() < 0.7
        local = dt.datetime.combine(scheduled, dt.time(hour, minute), ZoneInfo(TIME_ZONE))
        await Appointment.create(
            debtor_id=debtor_id,
            company_id=rng.choice(company_ids) if index % 4 else None,
            responsible_id=users[-1 if index == 1 else rng.randrange(len(users) - 1)].id,
            scheduled_date=scheduled,
            scheduled_time=f"{hour:02d}:{minute:02d}",
            notes=rng.choice(NOTES),
            done=done,
            done_at=(local + dt.timedelta(minutes=rng.randint(5, 90))).astimezone(dt.UTC)
            if done
            else None,
            created_by_id=users[0].id,
            created_at=now - dt.timedelta(days=60 - index, minutes=rng.randint(0, 600)),
        )
    await _sent_emails(rng, debtor, company_ids, max(2, round(24 * size)), users, now)


async def _sent_emails(
    rng: random.Random,
    debtor: Debtor,
    company_ids: list[int],
    count: int,
    users: list[User],
    now: dt.datetime,
) -> None:
    """E-mails rendered by the real templates from the debtor's statement when queued: the
    stored HTML has the size a real one has (the table of up to 50 overdue entries)."""
    errors = ErrorCollector()
    subject = parse_user_text(errors, SUBJECT, "subject", label="Título", allowed=SUBJECT_NAMES)
    body = parse_user_text(errors, BODY, "body", label="Descrição", allowed=BODY_NAMES)
    errors.raise_if_any()
    assert subject is not None
    assert body is not None
    companies = {c.id: c for c in await Company.filter(id__in=company_ids)}
    last = None
    for index in range(count):
        queued = now - dt.timedelta(days=90 - 88 * index / count, minutes=rng.randint(0, 600))
        company = companies[rng.choice(company_ids)]
        statement = await overdue_statement(company=company, debtor=debtor, now=queued)
        facts = EmailFacts(
            debtor_name=debtor.name,
            debtor_document=format_document(debtor.document) if debtor.document else "",
            creditor=creditor_of(company),
            statement=statement,
        )
        rendered = render_email(subject=subject, body=body, facts=facts)
        newest, failed = index == count - 1, index == count // 3
        status = (
            EmailStatus.QUEUED if newest else EmailStatus.FAILED if failed else EmailStatus.SENT
        )
        email = await SentEmail.create(
            debtor_id=debtor.id,
            company_id=company.id,
            recipients=[debtor.email or "cliente@exemplo.com.br"],
            subject=rendered.subject,
            body=rendered.body,
            html=rendered.html,
            text=rendered.text,
            status=status,
            attempts=0 if newest else 5 if failed else 1,
            next_attempt_at=queued if newest else None,
            last_error="550 5.1.1 Caixa postal inexistente" if failed else None,
            queued_at=queued,
            sent_at=queued + dt.timedelta(seconds=rng.randint(2, 90))
            if status == EmailStatus.SENT
            else None,
            sent_by_id=None if index % 5 == 4 else rng.choice(users[:-1]).id,
        )
        email.message_id = f"<sent-email-{email.id}.bench@bexus.com.br>"
        await email.save(update_fields=["message_id"])
        last = queued
    await Debtor.filter(id=debtor.id).update(last_emailed_at=last)
