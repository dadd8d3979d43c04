"""The contract's scalars: Decimal as "1234.50", Time as HH:MM, Date and DateTime in ISO 8601."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry
from graphql import FloatValueNode, IntValueNode, StringValueNode, ValueNode
from strawberry.types.scalar import ScalarDefinition

from backend.core.errors import InputError
from backend.core.money import CENT, parse_decimal

# Longer than any amount or percentage a person types: refused before Decimal parses it.
MAX_DECIMAL_TEXT = 40


def _serialize_decimal(value: Decimal) -> str:
    return str(value.quantize(CENT))


def _parse_decimal_value(value: Any) -> Decimal:
    if isinstance(value, (bool, float)):
        # JSON floats are binary: we never let one near money. Send money as a string.
        raise InputError('Envie valores em dinheiro como texto, ex.: "1234.50".')
    if not isinstance(value, (str, int)):
        raise InputError("Valor decimal inválido.")
    return _decimal(str(value))


def _decimal(text: str) -> Decimal:
    if len(text) > MAX_DECIMAL_TEXT:
        raise InputError("Valor decimal inválido: número longo demais.")
    try:
        return parse_decimal(text)
    except ValueError as exc:
        raise InputError(f"Valor decimal inválido: {text!r}.") from exc


def _parse_decimal_literal(node: ValueNode, _variables: Any = None) -> Decimal:
    # Literals keep their exact text, so 1234.50 written in a query is as good as "1234.50".
    if isinstance(node, (StringValueNode, IntValueNode, FloatValueNode)):
        return _decimal(node.value)
    raise InputError("Valor decimal inválido.")


def _serialize_time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _parse_time(value: Any) -> dt.time:
    if not isinstance(value, str):
        raise InputError("Hora inválida: use HH:MM.")
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError as exc:
        raise InputError("Hora inválida: use HH:MM.") from exc
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def _serialize_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:  # the database keeps UTC; make it explicit
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _parse_datetime(value: Any) -> dt.datetime:
    message = "Data e hora inválidas: use ISO 8601 com fuso, ex.: 2026-11-30T14:00:00-03:00."
    if not isinstance(value, str):
        raise InputError(message)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(message) from exc
    if parsed.tzinfo is None:
        raise InputError("Data e hora sem fuso horário: inclua o deslocamento, ex.: -03:00.")
    return parsed


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise InputError("Data inválida: use AAAA-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"Data inválida: {value[:40]!r} (use AAAA-MM-DD).") from exc


SCALAR_MAP: dict[object, ScalarDefinition] = {
    Decimal: strawberry.scalar(
        name="Decimal",
        description='Money and percentages as a string with two decimals, e.g. "1234.50".',
        serialize=_serialize_decimal,
        parse_value=_parse_decimal_value,
        parse_literal=_parse_decimal_literal,
    ),
    dt.time: strawberry.scalar(
        name="Time",
        description="Local time, HH:MM.",
        serialize=_serialize_time,
        parse_value=_parse_time,
    ),
    dt.date: strawberry.scalar(
        name="Date",
        description="ISO date, yyyy-mm-dd.",
        serialize=dt.date.isoformat,
        parse_value=_parse_date,
    ),
    dt.datetime: strawberry.scalar(
        name="DateTime",
        description="ISO 8601 date and time with offset.",
        serialize=_serialize_datetime,
        parse_value=_parse_datetime,
    ),
}
