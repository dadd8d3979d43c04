"""Shared by the appointments tests: GraphQL documents and a debtor with entries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from backend.accounts.models import User
from backend.appointments.models import Appointment
from backend.appointments.services import stored_time
from backend.companies.models import Company
from backend.debtors.models import Debtor
from tests.support import ApiClient, make_debtor, make_entry

# 12:00 in São Paulo on 9 Feb 2026.
NOON_9_FEB = dt.datetime(2026, 2, 9, 15, 0, tzinfo=dt.UTC)

FIELDS = """
  id date time notes done doneAt startsAt createdAt
  debtor { id } responsible { id name } company { id } createdBy { id }
"""
ERRORS = "errors { field code message }"
SCHEDULE = f"""mutation($input: ScheduleAppointmentInput!) {{
  scheduleAppointment(input: $input) {{ appointment {{ {FIELDS} }} {ERRORS} }}
}}"""
UPDATE = f"""mutation($input: UpdateAppointmentInput!) {{
  updateAppointment(input: $input) {{ appointment {{ {FIELDS} }} {ERRORS} }}
}}"""
COMPLETE = f"""mutation($input: CompleteAppointmentInput!) {{
  completeAppointment(input: $input) {{ appointment {{ {FIELDS} }} {ERRORS} }}
}}"""
DELETE = f"""mutation($input: DeleteAppointmentInput!) {{
  deleteAppointment(input: $input) {{ deletedAppointmentId {ERRORS} }}
}}"""


async def run(api: ApiClient, document: str, name: str, /, **values: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (await api.data(document, {"input": values}))[name]
    return payload


def codes(payload: dict[str, Any]) -> set[tuple[str, tuple[str, ...]]]:
    return {(e["code"], tuple(e["field"] or ())) for e in payload["errors"]}


async def debtor_of(*companies: Company) -> Debtor:
    """A debtor with one open entry in each company, the first company's due first."""
    debtor = await make_debtor()
    for n, company in enumerate(companies):
        await make_entry(company, debtor, due=dt.date(2026, 1, 10 + n))
    return debtor


async def appointment(
    debtor: Debtor,
    responsible: User,
    *,
    company: Company | None = None,
    date: dt.date = dt.date(2026, 3, 2),
    time: dt.time = dt.time(9, 30),
    notes: str = "Ligar",
    done: bool = False,
) -> Appointment:
    return await Appointment.create(
        debtor=debtor,
        company=company,
        responsible=responsible,
        scheduled_date=date,
        scheduled_time=stored_time(time),
        notes=notes,
        done=done,
    )
