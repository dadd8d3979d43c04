"""A Brazilian address (Endereço), one value for companies and debtors alike.

Both keep it in the same seven columns; this module validates it once and reads it back, and
`address_types.py` is its GraphQL face (the `Address` type and `AddressInput`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from backend.core.errors import ErrorCollector
from backend.core.validation import (
    check_postal_code,
    check_state,
    check_text,
    format_postal_code,
)

ADDRESS_FIELDS = ("postal_code", "street", "number", "complement", "district", "city", "state")


@dataclass(frozen=True)
class AddressData:
    """Fields left as None are not changed; "" clears one."""

    postal_code: str | None = None
    street: str | None = None
    number: str | None = None
    complement: str | None = None
    district: str | None = None
    city: str | None = None
    state: str | None = None


def check_address(errors: ErrorCollector, address: AddressData, *path: str) -> dict[str, Any]:
    """The given fields, validated and normalised, as column values; problems go to `errors`
    under `path` + the field's API name (e.g. input.address.postalCode)."""
    checks: dict[str, Callable[[str], str | None]] = {
        "postal_code": lambda v: check_postal_code(errors, v, *path, "postalCode"),
        "street": lambda v: check_text(
            errors, v, *path, "street", label="Logradouro", max_length=200
        ),
        "number": lambda v: check_text(errors, v, *path, "number", label="Número", max_length=20),
        "complement": lambda v: check_text(
            errors, v, *path, "complement", label="Complemento", max_length=100
        ),
        "district": lambda v: check_text(
            errors, v, *path, "district", label="Bairro", max_length=100
        ),
        "city": lambda v: check_text(errors, v, *path, "city", label="Cidade", max_length=100),
        "state": lambda v: check_state(errors, v, *path, "state"),
    }
    values: dict[str, Any] = {}
    for f in fields(AddressData):
        raw = getattr(address, f.name)
        if raw is not None:
            values[f.name] = checks[f.name](raw)
    return values


def one_line(address: AddressData) -> str:
    """As printed under a name: "Av. Paulista, 1000 - Bela Vista - São Paulo/SP - CEP 01310-100"."""
    a = address
    street = ", ".join(p for p in (a.street, a.number, a.complement) if p)
    city = "/".join(p for p in (a.city, a.state) if p)
    cep = f"CEP {format_postal_code(a.postal_code)}" if a.postal_code else None
    return " - ".join(p for p in (street, a.district, city, cep) if p)


def address_of(row: Any) -> AddressData:
    """The address kept in a company's or debtor's columns."""
    return AddressData(**{name: getattr(row, name) for name in ADDRESS_FIELDS})
