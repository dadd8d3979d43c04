"""Exact money: Decimal in Python and the API, integer cents in the database."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# Large enough for any real ledger entry, small enough to stay far from 64-bit overflow in sums.
MAX_AMOUNT = Decimal("999999999999.99")


def to_cents(value: Decimal) -> int:
    """Exact conversion; callers validate that `value` has at most two decimals first."""
    return int(value.quantize(CENT, rounding=ROUND_HALF_EVEN) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def parse_decimal(raw: str | int | Decimal) -> Decimal:
    """Parse a money literal; raises ValueError on anything that is not a finite number."""
    if isinstance(raw, float):  # pragma: no cover - guarded by types, kept for callers at runtime
        raise ValueError("float is never money")
    if isinstance(raw, str) and not _PLAIN_DECIMAL.fullmatch(raw):
        # Decimal() also takes "1e2", "1_0.00", " 5 " and other scripts' digits ("٣"): the
        # contract's money is plain "1234.50".
        raise ValueError(f"not a plain decimal: {raw!r}")
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal: {raw!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {raw!r}")
    return value


def has_at_most_cents(value: Decimal) -> bool:
    """Callers check their upper bound first; a value too large to round to cents has none."""
    try:
        return value == value.quantize(CENT, rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return False


def format_brl(value: Decimal) -> str:
    """R$ 1.234,56 — as users read money in Brazil."""
    q = quantize(value)
    sign = "-" if q < 0 else ""
    integer, _, cents = f"{abs(q):.2f}".partition(".")
    groups: list[str] = []
    while integer:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    return f"{sign}R$ {'.'.join(groups)},{cents}"
