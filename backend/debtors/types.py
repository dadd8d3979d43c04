from __future__ import annotations

import strawberry

from backend.core.enums import DebtorKind
from backend.core.gql import gid
from backend.core.validation import format_document, format_phone, format_postal_code
from backend.debtors import models

DebtorKindEnum = strawberry.enum(DebtorKind, name="DebtorKind")


@strawberry.type(description="Brazilian address (Endereço do Cliente).")
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


@strawberry.type(description="A customer or supplier who owes (Cliente / Fornecedor).")
class Debtor:
    model: strawberry.Private[models.Debtor]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Debtor", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field
    def kind(self) -> DebtorKindEnum:  # type: ignore[valid-type]
        return self.model.kind

    @strawberry.field(description="CPF or CNPJ, digits only.")
    def document(self) -> str | None:
        return self.model.document

    @strawberry.field(description="CPF as 123.456.789-09 or CNPJ as 12.345.678/0001-95.")
    def document_formatted(self) -> str | None:
        return format_document(self.model.document) if self.model.document else None

    @strawberry.field
    def email(self) -> str | None:
        return self.model.email

    @strawberry.field(description="Landline, digits only (DDD + number).")
    def phone(self) -> str | None:
        return self.model.phone

    @strawberry.field(description="Mobile, digits only (DDD + number).")
    def mobile(self) -> str | None:
        return self.model.mobile

    @strawberry.field(description="Phone as (11) 3456-7890.")
    def phone_formatted(self) -> str | None:
        return format_phone(self.model.phone) if self.model.phone else None

    @strawberry.field(description="Mobile as (11) 98765-4321.")
    def mobile_formatted(self) -> str | None:
        return format_phone(self.model.mobile) if self.model.mobile else None

    @strawberry.field(description="The partner's own id for this debtor.")
    def external_id(self) -> str | None:
        return self.model.external_id

    @strawberry.field
    def address(self) -> Address:
        m = self.model
        return Address(
            postal_code=m.postal_code,
            street=m.street,
            number=m.number,
            complement=m.complement,
            district=m.district,
            city=m.city,
            state=m.state,
        )
