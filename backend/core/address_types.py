"""The GraphQL face of an address (core/address.py), shared by Company and Debtor."""

from __future__ import annotations

from typing import Any

import strawberry

from backend.core.address import AddressData, address_of
from backend.core.validation import format_postal_code


@strawberry.type(description="Brazilian address (Endereço) of a company or a debtor.")
class Address:
    postal_code: str | None = strawberry.field(description="CEP, 8 digits.")
    street: str | None = strawberry.field(description="Logradouro.")
    number: str | None
    complement: str | None
    district: str | None = strawberry.field(description="Bairro.")
    city: str | None
    state: str | None = strawberry.field(description="UF, two letters.")

    @strawberry.field(description="CEP as people write it: 01310-100.")
    def postal_code_formatted(self) -> str | None:
        return format_postal_code(self.postal_code) if self.postal_code else None

    @classmethod
    def of(cls, row: Any) -> Address:
        """The address in a company's or debtor's columns."""
        data = address_of(row)
        return cls(**vars(data))


@strawberry.input(description='An address; omitted fields stay as they are, "" clears one.')
class AddressInput:
    postal_code: str | None = None
    street: str | None = None
    number: str | None = None
    complement: str | None = None
    district: str | None = None
    city: str | None = None
    state: str | None = None

    @staticmethod
    def data(value: AddressInput | None) -> AddressData | None:
        if value is None:
            return None
        return AddressData(
            postal_code=value.postal_code,
            street=value.street,
            number=value.number,
            complement=value.complement,
            district=value.district,
            city=value.city,
            state=value.state,
        )
