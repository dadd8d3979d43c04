"""A debtor's history (`Debtor.history`): what a collector reads before calling.

One SQL statement per page: a UNION ALL over the source tables (collection e-mails, payments
and their reversals, appointments) and the audit trail (entry changes; promises and pauses,
which the régua records as audit events on the debtor; payments reported by partners), each
branch filtered by the debtor and the caller's companies exactly as the reads of those objects
are (backend.accounts.scope), ordered newest first and cut by a keyset on (at, kind, source,
id) — never OFFSET, so a page costs the same deep in the list and a row written meanwhile does
not shift the pages.

Facts come from the tables that hold them (an e-mail's status, a payment's amount), so the
audit events that merely repeat them (email.queue, payment.create, payment.reverse) are left
out; the audit trail supplies only what no table keeps.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from tortoise import connections

from backend.core.errors import fail
from backend.core.pagination import MAX_PAGE_SIZE
from backend.core.principal import Principal
from backend.mailing.models import SentEmail

LIST_NAME = "Debtor.history"
SOURCES = frozenset("eprdax")
KINDS = ("EMAIL", "PAYMENT", "REVERSAL", "APPOINTMENT", "PROMISE", "PAUSE", "ENTRY")


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: dt.datetime
    kind: str
    source: str  # e sent_email, p payment, r reversal, a appointment, d appointment done, x audit
    source_id: int
    action: str
    amount_cents: int | None
    company_id: int | None
    actor_user_id: int | None
    automatic: bool
    label: str | None  # the e-mail's subject, the entry's code, the appointment's notes
    # The e-mail's txid, the payment's method, the reversal's reason, the appointment's time,
    # the audit event's actor label.
    extra: str | None
    details: dict[str, Any]

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (_at_text(self.at), self.kind, self.source, self.source_id)


@dataclass(frozen=True, slots=True)
class HistoryPage:
    rows: list[HistoryRow]
    has_next_page: bool
    has_previous_page: bool


def encode_cursor(row: HistoryRow) -> str:
    raw = json.dumps([LIST_NAME, *row.key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, str, str, int]:
    try:
        if len(cursor) > 200 or not cursor.isascii():
            raise ValueError(cursor)
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()).decode()
        name, at, kind, source, source_id = json.loads(raw)
        if name != LIST_NAME or kind not in KINDS or source not in SOURCES:
            raise ValueError(cursor)
        if not isinstance(source_id, int) or isinstance(source_id, bool):
            raise ValueError(cursor)
        when = dt.datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError(cursor)
        return when.astimezone(dt.UTC), kind, source, source_id
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        fail("INVALID_CURSOR", "Cursor de paginação inválido.", "after")


def _at_text(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


class _Sql:
    """Placeholders and the few expressions that differ between the engines."""

    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres
        self.values: list[Any] = []

    def param(self, value: Any) -> str:
        self.values.append(value)
        # Numbered on both engines (SQLite's ?NNN), so one value may be used several times.
        return f"${len(self.values)}" if self.postgres else f"?{len(self.values)}"

    def at(self, column: str) -> str:
        # SQLite keeps timestamps as text: normalised to UTC at millisecond precision, so the
        # order and the keyset compare like instants (ties fall to kind, source and id).
        return column if self.postgres else f"strftime('%Y-%m-%d %H:%M:%f', {column})"

    def json_text(self, column: str) -> str:
        return f"CAST({column} AS TEXT)"

    def no_text(self) -> str:
        return "CAST(NULL AS TEXT)"

    def no_int(self) -> str:
        return "CAST(NULL AS BIGINT)"

    def at_param(self, when: dt.datetime) -> str:
        if self.postgres:
            return self.param(when)
        return self.param(
            when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.")
            + (f"{when.microsecond // 1000:03d}")
        )

    def in_list(self, column: str, ids: frozenset[int]) -> str:
        if not ids:
            return "1 = 0"
        return f"{column} IN ({', '.join(self.param(i) for i in sorted(ids))})"


def _statement(
    sql: _Sql, *, debtor_id: int, companies: frozenset[int] | None, automatic_column: bool
) -> str:
    def scoped(column: str) -> str:
        return "1 = 1" if companies is None else sql.in_list(column, companies)

    d = sql.param(debtor_id)
    no_text, no_int = sql.no_text(), sql.no_int()
    email_automatic = "CASE WHEN e.automatic THEN 1 ELSE 0 END" if automatic_column else "0"
    audit_companies = (
        "1 = 1"
        if companies is None
        else f"({scoped('x.company_id')} OR x.id IN (SELECT l.event_id FROM audit_event_company l"
        f" WHERE {scoped('l.company_id')}))"
    )
    audit_kind = (
        "CASE WHEN x.action LIKE 'promise.%' THEN 'PROMISE'"
        " WHEN x.action LIKE 'pause.%' OR x.action LIKE 'collection.%' THEN 'PAUSE'"
        " WHEN x.action LIKE 'payment.%' THEN 'PAYMENT' ELSE 'ENTRY' END"
    )
    return f"""
SELECT {sql.at("COALESCE(e.sent_at, e.queued_at)")} AS at, 'EMAIL' AS kind, 'e' AS source,
  e.id AS source_id,
  CASE e.status WHEN 'SENT' THEN 'email.sent' WHEN 'FAILED' THEN 'email.failed'
    ELSE 'email.queued' END AS action,
  {no_int} AS amount_cents, e.company_id AS company_id, e.sent_by_id AS actor_user_id,
  {email_automatic} AS automatic, e.subject AS label, e.pix_txid AS extra, {no_text} AS details
FROM sent_email e WHERE e.debtor_id = {d} AND {scoped("e.company_id")}
UNION ALL
SELECT {sql.at("p.created_at")}, 'PAYMENT', 'p', p.id, 'payment.create',
  p.amount_cents + p.late_fee_cents + p.interest_cents - p.discount_cents, f.company_id,
  p.created_by_id, 0, f.code, p.method, {no_text}
FROM payment p JOIN financial_entry f ON f.id = p.entry_id
WHERE f.debtor_id = {d} AND {scoped("f.company_id")}
UNION ALL
SELECT {sql.at("p.reversed_at")}, 'REVERSAL', 'r', p.id, 'payment.reverse',
  p.amount_cents + p.late_fee_cents + p.interest_cents - p.discount_cents, f.company_id,
  {no_int}, 0, f.code, p.reversal_reason, {no_text}
FROM payment p JOIN financial_entry f ON f.id = p.entry_id
WHERE f.debtor_id = {d} AND p.reversed_at IS NOT NULL AND {scoped("f.company_id")}
UNION ALL
SELECT {sql.at("a.created_at")}, 'APPOINTMENT', 'a', a.id, 'appointment.create', {no_int},
  a.company_id, a.created_by_id, 0, a.notes,
  a.scheduled_time || ' ' || CAST(a.scheduled_date AS TEXT), {no_text}
FROM appointment a
WHERE a.debtor_id = {d} AND (a.company_id IS NULL OR {scoped("a.company_id")})
UNION ALL
SELECT {sql.at("a.done_at")}, 'APPOINTMENT', 'd', a.id, 'appointment.complete', {no_int},
  a.company_id, {no_int}, 0, a.notes, {no_text}, {no_text}
FROM appointment a
WHERE a.debtor_id = {d} AND a.done AND a.done_at IS NOT NULL
  AND (a.company_id IS NULL OR {scoped("a.company_id")})
UNION ALL
SELECT {sql.at("x.created_at")}, {audit_kind}, 'x', x.id, x.action, {no_int}, x.company_id,
  x.actor_user_id,
  CASE WHEN x.actor_user_id IS NULL AND x.actor_token_id IS NULL THEN 1 ELSE 0 END,
  CASE WHEN x.target_type = 'FinancialEntry'
    THEN (SELECT c.code FROM financial_entry c WHERE c.id = x.target_id) END,
  x.actor_label, {sql.json_text("x.details")}
FROM audit_event x
WHERE (
    (x.target_type = 'Debtor' AND x.target_id = {d}
      AND (x.action LIKE 'promise.%' OR x.action LIKE 'pause.%' OR x.action LIKE 'collection.%'
        OR x.action = 'payment.register'))
    OR (x.target_type = 'FinancialEntry' AND x.action LIKE 'entry.%'
      AND x.target_id IN (SELECT f.id FROM financial_entry f WHERE f.debtor_id = {d}))
  ) AND {audit_companies}
"""


async def debtor_history(
    principal: Principal, debtor_id: int, *, first: int | None, after: str | None
) -> HistoryPage:
    """Newest first. The caller has checked that the principal reaches the debtor."""
    size = 50 if first is None else first
    if size < 0:
        fail("INVALID_PAGE_SIZE", "O parâmetro first não pode ser negativo.", "first")
    if size > MAX_PAGE_SIZE:
        fail(
            "PAGE_SIZE_TOO_LARGE",
            f"O parâmetro first aceita no máximo {MAX_PAGE_SIZE} itens por página.",
            "first",
        )
    position = decode_cursor(after) if after is not None else None
    conn = connections.get("default")
    sql = _Sql(postgres=conn.capabilities.dialect == "postgres")
    union = _statement(
        sql,
        debtor_id=debtor_id,
        companies=principal.company_ids,
        automatic_column="automatic" in SentEmail._meta.fields_map,
    )
    where = ""
    if position is not None:
        at, kind, source, source_id = position
        where = (
            f"WHERE (h.at, h.kind, h.source, h.source_id) < "
            f"({sql.at_param(at)}, {sql.param(kind)}, {sql.param(source)}, "
            f"{sql.param(source_id)})"
        )
    query = (
        f"SELECT * FROM ({union}) h {where} "
        f"ORDER BY h.at DESC, h.kind DESC, h.source DESC, h.source_id DESC "
        f"LIMIT {sql.param(size + 1)}"
    )
    found = await conn.execute_query_dict(query, sql.values)
    rows = [_row(r) for r in found[:size]]
    return HistoryPage(
        rows=rows, has_next_page=len(found) > size, has_previous_page=position is not None
    )


def _row(raw: dict[str, Any]) -> HistoryRow:
    at = raw["at"]
    if isinstance(at, str):  # SQLite: "YYYY-MM-DD HH:MM:SS.SSS" in UTC
        at = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
    details = raw["details"]
    return HistoryRow(
        at=at.astimezone(dt.UTC),
        kind=str(raw["kind"]),
        source=str(raw["source"]),
        source_id=int(raw["source_id"]),
        action=str(raw["action"]),
        amount_cents=int(raw["amount_cents"]) if raw["amount_cents"] is not None else None,
        company_id=int(raw["company_id"]) if raw["company_id"] is not None else None,
        actor_user_id=int(raw["actor_user_id"]) if raw["actor_user_id"] is not None else None,
        automatic=bool(raw["automatic"]),
        label=raw["label"],
        extra=raw["extra"],
        details=json.loads(details) if details else {},
    )
