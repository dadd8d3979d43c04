from __future__ import annotations

import datetime as dt

import strawberry

from backend.core.gql import gid
from backend.core.validation import format_phone
from backend.debtors import models


@strawberry.type(description="Another person at the debtor (Contato).")
class Contact:
    model: strawberry.Private[models.Contact]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Contact", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="Departamento, e.g. Financeiro.")
    def department(self) -> str | None:
        return self.model.department

    @strawberry.field(description="Cargo.")
    def role(self) -> str | None:
        return self.model.role

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

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at
