"""Appointments (Agendamentos): reminders and tasks about a debtor, each with a responsible user.

Date and time are wall-clock values in the time zone of the appointment's company (the
collector's calendar), stored as given. The company is the one the appointment is about:
`company_id` when the caller names it, otherwise the company of the debtor's earliest-due open
entry in the caller's reach, otherwise of the debtor's latest entry in reach, otherwise none
(then the app's TIME_ZONE applies). A principal sees an appointment when it sees the debtor and
the company (if any).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from backend.accounts.models import User
from backend.accounts.scope import get_debtor, scope_appointments, scope_entries
from backend.accounts.services import get_user, user_principal
from backend.appointments.models import Appointment
from backend.audit.services import changes, record
from backend.companies.models import Company
from backend.companies.services import get_company
from backend.core.enums import OPEN_STATUSES
from backend.core.errors import ErrorCollector, ServiceError, fail
from backend.core.keep import KEEP, Keep
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_date, check_long_text
from backend.debtors.models import Debtor
from backend.entries.models import FinancialEntry
from backend.live.bus import publish

MAX_NOTES = 4000


def stored_time(value: dt.time) -> str:
    """Appointment.scheduled_time holds the company's wall clock as "HH:MM"."""
    return value.strftime("%H:%M")


def wall_clock(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


@dataclass(frozen=True)
class NewAppointment:
    debtor_id: int | None
    responsible_id: int | None
    date: dt.date
    time: dt.time
    notes: str
    company_id: int | Keep | None = KEEP  # KEEP: chosen from the debtor's entries


@dataclass(frozen=True)
class AppointmentChanges:
    """KEEP leaves a field as it is; `responsible_id` None is an id that matched nothing."""

    responsible_id: int | Keep | None = KEEP
    date: dt.date | Keep = KEEP
    time: dt.time | Keep = KEEP
    notes: str | Keep = KEEP


async def get_appointment(principal: Principal, appointment_id: int | None) -> Appointment | None:
    if appointment_id is None:
        return None
    return await scope_appointments(Appointment.filter(id=appointment_id), principal).first()


def time_zone_of(company: Company | None, default: str) -> str:
    return company.time_zone if company is not None else default


def starts_at(appointment: Appointment, time_zone: str) -> dt.datetime:
    """The appointment's date and time as an instant, read in `time_zone`."""
    return dt.datetime.combine(
        appointment.scheduled_date, wall_clock(appointment.scheduled_time), ZoneInfo(time_zone)
    )


async def _default_company(principal: Principal, debtor: Debtor) -> Company | None:
    entries = scope_entries(FinancialEntry.filter(debtor_id=debtor.id), principal)
    entry = await entries.filter(status__in=list(OPEN_STATUSES)).order_by("due_date", "id").first()
    if entry is None:
        entry = await entries.order_by("-due_date", "-id").first()
    return await Company.get(id=entry.company_id) if entry is not None else None


async def _check_responsible(
    principal: Principal,
    errors: ErrorCollector,
    responsible_id: int | None,
    debtor: Debtor,
    company: Company | None,
) -> User | None:
    """An active user the caller can see, who can also see the debtor and the company."""
    user = await get_user(principal, responsible_id)
    if user is None:
        errors.add("NOT_FOUND", "Responsável não encontrado ou inativo.", "responsibleId")
        return None
    reach = await user_principal(user)
    if await get_debtor(reach, debtor.id) is None or (
        company is not None and not reach.sees_company(company.id)
    ):
        errors.add(
            "RESPONSIBLE_NO_ACCESS",
            "O responsável escolhido não tem acesso a este cliente ou empresa.",
            "responsibleId",
        )
    return user


def _check_when(errors: ErrorCollector, date: dt.date, today: dt.date) -> dt.date | None:
    checked = check_date(errors, date, "date", label="Data")
    if checked is not None and checked < today:
        errors.add("DATE_IN_PAST", "A data do agendamento não pode estar no passado.", "date")
    return checked


def _snapshot(appointment: Appointment) -> dict[str, Any]:
    return {
        "responsible_id": appointment.responsible_id,
        "scheduled_date": appointment.scheduled_date,
        "scheduled_time": appointment.scheduled_time,
        "notes": appointment.notes,
        "done": appointment.done,
    }


async def schedule_appointment(
    *, principal: Principal, data: NewAppointment, now: dt.datetime, default_time_zone: str
) -> Appointment:
    """Salvar Agendamento."""
    principal.require_write()
    errors = ErrorCollector()
    notes = check_long_text(errors, data.notes, "notes", label="Observações", max_length=MAX_NOTES)
    if notes is None and not errors:
        errors.add("REQUIRED", "Observações é obrigatório.", "notes")
    debtor = await get_debtor(principal, data.debtor_id)
    if debtor is None:
        errors.add("NOT_FOUND", "Cliente não encontrado.", "debtorId")
        raise ServiceError(errors.errors)
    company: Company | None
    if data.company_id is KEEP:
        company = await _default_company(principal, debtor)
    else:
        company = await get_company(principal, data.company_id)
        if company is None:
            errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    today = local_today(now, time_zone_of(company, default_time_zone))
    date = _check_when(errors, data.date, today)
    responsible = await _check_responsible(principal, errors, data.responsible_id, debtor, company)
    errors.raise_if_any()
    assert responsible is not None  # checked above: errors were raised otherwise
    assert date is not None
    assert notes is not None
    async with in_transaction():
        appointment = await Appointment.create(
            debtor_id=debtor.id,
            company_id=company.id if company is not None else None,
            responsible_id=responsible.id,
            scheduled_date=date,
            scheduled_time=stored_time(data.time),
            notes=notes,
            created_by_id=principal.user_id,
        )
        await record(
            principal,
            action="appointment.create",
            target_type="Appointment",
            target_id=appointment.id,
            company_id=appointment.company_id,
            details={"debtorId": debtor.id, **changes({}, _snapshot(appointment))},
        )
    await publish(
        principal,
        kind="appointment.create",
        debtor_id=appointment.debtor_id,
        company_ids=[appointment.company_id],
    )
    return appointment


async def update_appointment(
    *,
    principal: Principal,
    appointment_id: int | None,
    data: AppointmentChanges,
    now: dt.datetime,
    default_time_zone: str,
) -> Appointment:
    principal.require_write()
    errors = ErrorCollector()
    appointment = await get_appointment(principal, appointment_id)
    if appointment is None:
        fail("NOT_FOUND", "Agendamento não encontrado.", "input", "id")
    company = await Company.get_or_none(id=appointment.company_id)
    values: dict[str, Any] = {}
    if data.notes is not KEEP:
        values["notes"] = check_long_text(
            errors, data.notes, "notes", label="Observações", max_length=MAX_NOTES
        )
        if values["notes"] is None and not errors:
            errors.add("REQUIRED", "Observações é obrigatório.", "notes")
    if data.date is not KEEP and data.date != appointment.scheduled_date:
        today = local_today(now, time_zone_of(company, default_time_zone))
        values["scheduled_date"] = _check_when(errors, data.date, today)
    if data.time is not KEEP:
        values["scheduled_time"] = stored_time(data.time)
    if data.responsible_id is not KEEP:
        debtor = await Debtor.get(id=appointment.debtor_id)
        user = await _check_responsible(principal, errors, data.responsible_id, debtor, company)
        if user is not None:
            values["responsible_id"] = user.id
    errors.raise_if_any()
    return await _save_changes(principal, appointment, values, action="appointment.update")


async def complete_appointment(
    *, principal: Principal, appointment_id: int | None, done: bool, now: dt.datetime
) -> Appointment:
    """Mark done (or not done again); done_at records when."""
    principal.require_write()
    appointment = await get_appointment(principal, appointment_id)
    if appointment is None:
        fail("NOT_FOUND", "Agendamento não encontrado.", "input", "id")
    if appointment.done == done:
        return appointment
    values: dict[str, Any] = {"done": done, "done_at": now if done else None}
    return await _save_changes(principal, appointment, values, action="appointment.complete")


async def _save_changes(
    principal: Principal, appointment: Appointment, values: dict[str, Any], *, action: str
) -> Appointment:
    before = {key: getattr(appointment, key) for key in values}
    diff = changes(before, values)
    if not diff:
        return appointment
    async with in_transaction():
        appointment.update_from_dict(values)
        await appointment.save()
        await record(
            principal,
            action=action,
            target_type="Appointment",
            target_id=appointment.id,
            company_id=appointment.company_id,
            details={"debtorId": appointment.debtor_id, **diff},
        )
    await publish(
        principal,
        kind=action,
        debtor_id=appointment.debtor_id,
        company_ids=[appointment.company_id],
    )
    return appointment


async def delete_appointment(*, principal: Principal, appointment_id: int | None) -> int:
    principal.require_write()
    appointment = await get_appointment(principal, appointment_id)
    if appointment is None:
        fail("NOT_FOUND", "Agendamento não encontrado.", "input", "id")
    removed_id, snapshot = appointment.id, _snapshot(appointment)
    async with in_transaction():
        await appointment.delete()
        await record(
            principal,
            action="appointment.delete",
            target_type="Appointment",
            target_id=removed_id,
            company_id=appointment.company_id,
            details={
                "debtorId": appointment.debtor_id,
                **changes(snapshot, dict.fromkeys(snapshot)),
            },
        )
    await publish(
        principal,
        kind="appointment.delete",
        debtor_id=appointment.debtor_id,
        company_ids=[appointment.company_id],
    )
    return removed_id


async def appointments_of_user(
    principal: Principal,
    user_id: int,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    include_done: bool = False,
) -> list[Appointment]:
    """A user's own appointments in a date range (both ends inclusive), as `principal` sees."""
    query = scope_appointments(Appointment.filter(responsible_id=user_id), principal)
    if date_from is not None:
        query = query.filter(scheduled_date__gte=date_from)
    if date_to is not None:
        query = query.filter(scheduled_date__lte=date_to)
    if not include_done:
        query = query.filter(done=False)
    return await query.order_by("scheduled_date", "scheduled_time", "id")
