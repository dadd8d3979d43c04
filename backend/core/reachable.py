"""The GraphQL face shared by everyone the product can reach: debtors and their contacts."""

from __future__ import annotations

from typing import Any

import strawberry

from backend.core.context import Info
from backend.core.validation import format_phone


def _noted(info: Info, model: Any, field: str) -> None:
    """LGPD: a token reading a debtor's (or its contact's) contact data is audited."""
    from backend.lgpd.reads import note_read

    note_read(info.context, getattr(model, "debtor_id", None) or model.id, field)


@strawberry.interface(description="Someone who can be reached: e-mail and Brazilian phones.")
class Reachable:
    # A model with `email`, `phone` and `mobile` (phones stored as digits, DDD first).
    model: strawberry.Private[Any]

    @strawberry.field
    def email(self, info: Info) -> str | None:
        _noted(info, self.model, "email")
        email: str | None = self.model.email
        return email

    @strawberry.field(description="Landline, digits only (DDD + number).")
    def phone(self, info: Info) -> str | None:
        _noted(info, self.model, "phone")
        phone: str | None = self.model.phone
        return phone

    @strawberry.field(description="Mobile, digits only (DDD + number).")
    def mobile(self, info: Info) -> str | None:
        _noted(info, self.model, "mobile")
        mobile: str | None = self.model.mobile
        return mobile

    @strawberry.field(description="Phone as (11) 3456-7890.")
    def phone_formatted(self, info: Info) -> str | None:
        _noted(info, self.model, "phone")
        return format_phone(self.model.phone) if self.model.phone else None

    @strawberry.field(description="Mobile as (11) 98765-4321.")
    def mobile_formatted(self, info: Info) -> str | None:
        _noted(info, self.model, "mobile")
        return format_phone(self.model.mobile) if self.model.mobile else None
