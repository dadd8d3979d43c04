from __future__ import annotations

import datetime as dt

import strawberry

from backend.accounts import models
from backend.core.context import Info
from backend.core.enums import Role, TokenScope
from backend.core.gql import gid

RoleEnum = strawberry.enum(Role, name="Role", description="ADMIN, COLLECTOR or VIEWER (read only).")
TokenScopeEnum = strawberry.enum(
    TokenScope,
    name="TokenScope",
    description="READ, WRITE (includes READ) or ADMIN (includes WRITE; manages users and tokens).",
)


@strawberry.type(description="A system user (Responsável).")
class User:
    model: strawberry.Private[models.User]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("User", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field
    def email(self) -> str:
        return self.model.email

    @strawberry.field
    def role(self) -> RoleEnum:  # type: ignore[valid-type]
        return self.model.role

    @strawberry.field(description="Inactive users cannot log in.")
    def active(self) -> bool:
        return self.model.is_active

    @strawberry.field(description="Sees every company (otherwise only those it was given).")
    def all_companies(self) -> bool:
        return self.model.all_companies

    @strawberry.field(
        description="The companies it is limited to (those the caller sees); empty with "
        "allCompanies."
    )
    async def company_ids(self, info: Info) -> list[strawberry.ID]:
        ids = await self.model.companies.all().order_by("id").values_list("id", flat=True)
        principal = info.context.principal
        return [gid("Company", int(c)) for c in ids if principal.sees_company(int(c))]  # type: ignore[call-overload]


@strawberry.type(description="A partner app's credential; the secret is shown only once.")
class ApiToken:
    model: strawberry.Private[models.ApiToken]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("ApiToken", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="The visible start of the token, e.g. cob_1a2b3c4d.")
    def prefix(self) -> str:
        return self.model.prefix

    @strawberry.field
    def scope(self) -> TokenScopeEnum:  # type: ignore[valid-type]
        return self.model.scope

    @strawberry.field
    def all_companies(self) -> bool:
        return self.model.all_companies

    @strawberry.field(
        description="The companies it is limited to (those the caller sees); empty with "
        "allCompanies."
    )
    async def company_ids(self, info: Info) -> list[strawberry.ID]:
        ids = await self.model.companies.all().order_by("id").values_list("id", flat=True)
        principal = info.context.principal
        return [gid("Company", int(c)) for c in ids if principal.sees_company(int(c))]  # type: ignore[call-overload]

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field
    def last_used_at(self) -> dt.datetime | None:
        return self.model.last_used_at

    @strawberry.field
    def revoked_at(self) -> dt.datetime | None:
        return self.model.revoked_at
