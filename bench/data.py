"""A deterministic data set for the search benchmark, bulk-loaded into SQLite or PostgreSQL.

The schema comes from the real migrations; rows go in with the drivers' bulk paths (COPY on
PostgreSQL, one executemany transaction on SQLite), then the planner statistics are refreshed
and the per-debtor summary is built, as the nightly roll would.

Shape (the defaults, "full"): 100,000 debtors, 1,000,000 entries due over the last two years
and the next month, 5 companies. Older entries are mostly paid; about 38 % of all entries are
unpaid and overdue, a few are partly paid or cancelled. Entries per debtor are skewed: a few
debtors have hundreds, most have a handful.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg

from backend import database
from backend.core.periods import local_today
from backend.core.text import search_key
from backend.demo import (
    BUSINESS_SUFFIX,
    BUSINESS_WORDS,
    DESCRIPTIONS,
    FIRST_NAMES,
    PLACES,
    SURNAMES,
)

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
