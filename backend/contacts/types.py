from __future__ import annotations

import datetime as dt

import strawberry

from backend.contacts.loaders import ContactRow
from backend.core.gql import gid
from backend.core.reachable import Reachable
from backend.debtors import models


@strawberry.type(description="Another person at the debtor (Contato).")
class Contact(Reachable):
    model: strawberry.Private[models.Contact | ContactRow]

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
    def created_at(self) -> dt.datetime:
        return self.model.created_at
