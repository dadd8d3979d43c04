from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from backend.accounts.management import rotate_calendar
from backend.appointments import services
from backend.appointments.calendar import calendar_url
from backend.appointments.types import Appointment
from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.keep import KEEP
from backend.core.payloads import UserError, run_mutation


@strawberry.input(description="Salvar Agendamento: date and time in the company's time zone.")
class ScheduleAppointmentInput:
    debtor_id: strawberry.ID
    responsible_id: strawberry.ID
    date: dt.date
    time: dt.time
    notes: str
    company_id: strawberry.ID | None = strawberry.field(
        default=None,
        description=(
            "The company it is about; default: the company of the debtor's earliest-due open "
            "entry (else latest entry) in reach."
        ),
    )


@strawberry.input(description="Change an appointment: omitted or null fields stay as they are.")
class UpdateAppointmentInput:
    id: strawberry.ID
    responsible_id: strawberry.ID | None = None
    date: dt.date | None = None
    time: dt.time | None = None
    notes: str | None = None


@strawberry.input
class CompleteAppointmentInput:
    id: strawberry.ID
    done: bool | None = strawberry.field(default=True, description="false reopens it.")


@strawberry.input
class DeleteAppointmentInput:
    id: strawberry.ID


@strawberry.type
class ScheduleAppointmentPayload:
    appointment: Appointment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class UpdateAppointmentPayload:
    appointment: Appointment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CompleteAppointmentPayload:
    appointment: Appointment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class DeleteAppointmentPayload:
    deleted_appointment_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RotateCalendarUrlPayload:
    url: str | None = strawberry.field(
        default=None, description="The new feed address: shown only in this response."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


def _keep(value: Any) -> Any:
    return KEEP if value is None else value


@strawberry.type
class AppointmentMutations:
    @strawberry.mutation(description="Schedule an appointment about a debtor.")
    async def schedule_appointment(
        self, info: Info, input: ScheduleAppointmentInput
    ) -> ScheduleAppointmentPayload:
        async def action() -> ScheduleAppointmentPayload:
            data = services.NewAppointment(
                debtor_id=pk("Debtor", input.debtor_id),
                responsible_id=pk("User", input.responsible_id),
                date=input.date,
                time=input.time,
                notes=input.notes,
                company_id=KEEP if input.company_id is None else pk("Company", input.company_id),
            )
            appointment = await services.schedule_appointment(
                principal=info.context.principal,
                data=data,
                now=info.context.now(),
                default_time_zone=info.context.settings.time_zone,
            )
            return ScheduleAppointmentPayload(appointment=Appointment(model=appointment))

        return await run_mutation(action, lambda e: ScheduleAppointmentPayload(errors=e))

    @strawberry.mutation(description="Change the responsible, date, time or notes.")
    async def update_appointment(
        self, info: Info, input: UpdateAppointmentInput
    ) -> UpdateAppointmentPayload:
        async def action() -> UpdateAppointmentPayload:
            responsible = input.responsible_id
            data = services.AppointmentChanges(
                responsible_id=KEEP if responsible is None else pk("User", responsible),
                date=_keep(input.date),
                time=_keep(input.time),
                notes=_keep(input.notes),
            )
            appointment = await services.update_appointment(
                principal=info.context.principal,
                appointment_id=pk("Appointment", input.id),
                data=data,
                now=info.context.now(),
                default_time_zone=info.context.settings.time_zone,
            )
            return UpdateAppointmentPayload(appointment=Appointment(model=appointment))

        return await run_mutation(action, lambda e: UpdateAppointmentPayload(errors=e))

    @strawberry.mutation(description="Mark an appointment done (or not done again).")
    async def complete_appointment(
        self, info: Info, input: CompleteAppointmentInput
    ) -> CompleteAppointmentPayload:
        async def action() -> CompleteAppointmentPayload:
            appointment = await services.complete_appointment(
                principal=info.context.principal,
                appointment_id=pk("Appointment", input.id),
                done=input.done is not False,
                now=info.context.now(),
            )
            return CompleteAppointmentPayload(appointment=Appointment(model=appointment))

        return await run_mutation(action, lambda e: CompleteAppointmentPayload(errors=e))

    @strawberry.mutation(description="Delete an appointment.")
    async def delete_appointment(
        self, info: Info, input: DeleteAppointmentInput
    ) -> DeleteAppointmentPayload:
        async def action() -> DeleteAppointmentPayload:
            removed = await services.delete_appointment(
                principal=info.context.principal, appointment_id=pk("Appointment", input.id)
            )
            return DeleteAppointmentPayload(deleted_appointment_id=gid("Appointment", removed))

        return await run_mutation(action, lambda e: DeleteAppointmentPayload(errors=e))

    @strawberry.mutation(
        description=(
            "A new secret address for the logged-in user's calendar feed; the old one stops "
            "working at once. Any user may do it, a VIEWER too."
        )
    )
    async def rotate_calendar_url(self, info: Info) -> RotateCalendarUrlPayload:
        async def action() -> RotateCalendarUrlPayload:
            token = await rotate_calendar(principal=info.context.principal)
            return RotateCalendarUrlPayload(url=calendar_url(info, token))

        return await run_mutation(action, lambda errors: RotateCalendarUrlPayload(errors=errors))
