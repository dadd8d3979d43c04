"""The GraphQL face shared by everyone the product can reach: debtors and their contacts."""

from __future__ import annotations

from typing import Any

import strawberry

from backend.core.validation import format_phone


@strawberry.interface(description="Someone who can be reached: e-mail and Brazilian phones.")
class Reachable:
    # A model with `email`, `phone` and `mobile` (phones stored as digits, DDD first).
    model: strawberry.Private[Any]

    @strawberry.field
    def email(self) -> str | None:
        email: str | None = self.model.email
        return email

    @strawberry.field(description="Landline, digits only (DDD + number).")
    def phone(self) -> str | None:
        phone: str | None = self.model.phone
        return phone

    @strawberry.field(description="Mobile, digits only (DDD + number).")
    def mobile(self) -> str | None:
        mobile: str | None = self.model.mobile
        return mobile

    @strawberry.field(description="Phone as (11) 3456-7890.")
    def phone_formatted(self) -> str | None:
        return format_phone(self.model.phone) if self.model.phone else None

    @strawberry.field(description="Mobile as (11) 98765-4321.")
    def mobile_formatted(self) -> str | None:
        return format_phone(self.model.mobile) if self.model.mobile else None
