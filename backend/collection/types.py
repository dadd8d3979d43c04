from __future__ import annotations

import strawberry

from backend.collection import models
from backend.core.gql import gid


@strawberry.type(description="A company's collection letter (Modelo de e-mail).")
class EmailTemplate:
    model: strawberry.Private[models.EmailTemplate]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("EmailTemplate", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field(description="Subject with placeholders such as {{ cliente }}.")
    def subject(self) -> str:
        return self.model.subject

    @strawberry.field(description="Body with placeholders such as {{ tabela_lancamentos }}.")
    def body(self) -> str:
        return self.model.body

    @strawberry.field(description="The company's default: the composer opens filled with it.")
    def is_default(self) -> bool:
        return self.model.is_default
