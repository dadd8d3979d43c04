from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.dataloader import DataLoader

from backend.accounts.services import issue_first_calendar_token
from backend.appointments import services
from backend.appointments.calendar import calendar_url
from backend.appointments.loaders import appointments_by_debtor
from backend.appointments.models import Appointment as AppointmentModel
from backend.appointments.types import Appointment
from backend.core.context import Info


async def debtor_appointments(
    info: Info, debtor_id: int, *, include_done: bool
) -> list[Appointment]:
    """Debtor.appointments: batched across debtors, scoped to the caller."""
    principal = info.context.principal
    loader: DataLoader[tuple[int, bool], list[AppointmentModel]] = info.context.loaders.keyed(
        "appointments.by_debtor", lambda: DataLoader(load_fn=appointments_by_debtor(principal))
    )
    return [Appointment(model=a) for a in await loader.load((debtor_id, include_done))]


@strawberry.type
class AppointmentQueries:
    @strawberry.field(
        description=(
            "The logged-in user's appointments from `from` to `to` (inclusive, either open), "
            "in date and time order; empty for an API token."
        )
    )
    async def my_appointments(
        self,
        info: Info,
        date_from: Annotated[dt.date | None, strawberry.argument(name="from")] = None,
        date_to: Annotated[dt.date | None, strawberry.argument(name="to")] = None,
        include_done: bool | None = False,
    ) -> list[Appointment]:
        principal = info.context.principal
        if principal.user_id is None:
            return []
        found = await services.appointments_of_user(
            principal,
            principal.user_id,
            date_from=date_from,
            date_to=date_to,
            include_done=bool(include_done),
        )
        return [Appointment(model=a) for a in found]

    @strawberry.field(
        description=(
            "The secret address of the logged-in user's appointments as an iCalendar feed, to "
            "subscribe to in a calendar app. Only its hash is kept, so it is shown once: the "
            "first time it is asked for (later: null; rotateCalendarUrl issues a new one). "
            "Null for an API token."
        )
    )
    async def my_calendar_url(self, info: Info) -> str | None:
        user_id = info.context.principal.user_id
        if user_id is None:
            return None
        token = await issue_first_calendar_token(user_id)
        return calendar_url(info, token) if token is not None else None
