from __future__ import annotations

import datetime as dt

import strawberry

from backend.accounts.loaders import load_users_by_id
from backend.accounts.types import User
from backend.appointments import models
from backend.appointments.services import starts_at, wall_clock
from backend.companies.loaders import load_companies_by_id
from backend.companies.types import Company
from backend.core.context import Info
from backend.core.gql import gid
from backend.debtors.loaders import load_debtors_by_id
from backend.debtors.types import Debtor


@strawberry.type(description="A reminder or task about a debtor (Agendamento).")
class Appointment:
    model: strawberry.Private[models.Appointment]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Appointment", self.model.id)

    @strawberry.field
    async def debtor(self, info: Info) -> Debtor:
        debtor = await info.context.loaders.get(load_debtors_by_id).load(self.model.debtor_id)
        assert debtor is not None  # foreign key
        return Debtor(model=debtor)

    @strawberry.field(description="The user who must do it (Responsável).")
    async def responsible(self, info: Info) -> User:
        user = await info.context.loaders.get(load_users_by_id).load(self.model.responsible_id)
        assert user is not None  # foreign key
        return User(model=user)

    @strawberry.field(description="The company the appointment is about; its zone rules.")
    async def company(self, info: Info) -> Company | None:
        if self.model.company_id is None:
            return None
        company = await info.context.loaders.get(load_companies_by_id).load(self.model.company_id)
        return Company(model=company) if company is not None else None

    @strawberry.field(description="Local date in the company's time zone.")
    def date(self) -> dt.date:
        return self.model.scheduled_date

    @strawberry.field(description="Local time (HH:MM) in the company's time zone.")
    def time(self) -> dt.time:
        return wall_clock(self.model.scheduled_time)

    @strawberry.field(description="Date and time as an instant, with the company's offset.")
    async def starts_at(self, info: Info) -> dt.datetime:
        zone = info.context.settings.time_zone
        if self.model.company_id is not None:
            loader = info.context.loaders.get(load_companies_by_id)
            company = await loader.load(self.model.company_id)
            zone = company.time_zone if company is not None else zone
        return starts_at(self.model, zone)

    @strawberry.field(description="Observações Gerais.")
    def notes(self) -> str:
        return self.model.notes

    @strawberry.field
    def done(self) -> bool:
        return self.model.done

    @strawberry.field
    def done_at(self) -> dt.datetime | None:
        return self.model.done_at

    @strawberry.field
    def created_at(self) -> dt.datetime:
        return self.model.created_at

    @strawberry.field
    async def created_by(self, info: Info) -> User | None:
        if self.model.created_by_id is None:
            return None
        user = await info.context.loaders.get(load_users_by_id).load(self.model.created_by_id)
        return User(model=user) if user is not None else None
