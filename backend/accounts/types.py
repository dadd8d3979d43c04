from __future__ import annotations

import strawberry

from backend.accounts import models
from backend.core.enums import Role
from backend.core.gql import gid

RoleEnum = strawberry.enum(Role, name="Role", description="ADMIN, COLLECTOR or VIEWER (read only).")


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
