"""The contract's scalars: Decimal as "1234.50", Time as HH:MM, Date and DateTime in ISO 8601."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry
from graphql import FloatValueNode, IntValueNode, StringValueNode, ValueNode
from strawberry.types.scalar import ScalarDefinition

from backend.core.money import CENT, parse_decimal


def _serialize_decimal(value: Decimal) -> str:
    return str(value.quantize(CENT))


def _parse_decimal_value(value: Any) -> Decimal:
    if isinstance(value, (bool, float)):
        # JSON floats are binary: we never let one near money. Send money as a string.
        raise ValueError('Envie valores em dinheiro como texto, ex.: "1234.50".')
    if not isinstance(value, (str, int)):
        raise ValueError("Valor decimal inválido.")
    try:
        return parse_decimal(value)
    except ValueError as exc:
        raise ValueError(f"Valor decimal inválido: {value!r}.") from exc


def _parse_decimal_literal(node: ValueNode, _variables: Any = None) -> Decimal:
    # Literals keep their exact text, so 1234.50 written in a query is as good as "1234.50".
    if isinstance(node, (StringValueNode, IntValueNode, FloatValueNode)):
        try:
            return parse_decimal(node.value)
        except ValueError as exc:
            raise ValueError(f"Valor decimal inválido: {node.value!r}.") from exc
    raise ValueError("Valor decimal inválido.")


def _serialize_time(value: dt.time) -> str:
    return value.strftime("%H:%M")


def _parse_time(value: Any) -> dt.time:
    if not isinstance(value, str):
        raise ValueError("Hora inválida: use HH:MM.")
    try:
        parsed = dt.time.fromisoformat(value)
    except ValueError as exc:
        raise ValueError("Hora inválida: use HH:MM.") from exc
    return parsed.replace(second=0, microsecond=0, tzinfo=None)


def _serialize_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:  # the database keeps UTC; make it explicit
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _parse_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("Data e hora inválidas: use ISO 8601 com fuso.")
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("Data e hora sem fuso horário: inclua o deslocamento, ex.: -03:00.")
    return parsed


def _parse_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError("Data inválida: use AAAA-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"Data inválida: {value!r} (use AAAA-MM-DD).") from exc


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
