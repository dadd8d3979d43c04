"""Each user's appointments as an iCalendar feed at a secret URL: /calendar/{token}.ics.

Calendar apps subscribe without a login, so the token in the path is the credential: an
unknown one answers 404, like a page that does not exist.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from backend.accounts.models import User
from backend.accounts.services import user_principal
from backend.appointments.models import Appointment
from backend.appointments.services import scope_appointments, starts_at, time_zone_of
from backend.companies.models import Company
from backend.core.validation import format_phone, has_forbidden_characters
from backend.debtors.models import Debtor
from backend.settings import Settings

HISTORY = dt.timedelta(days=180)  # done and past appointments kept in the feed this long
DURATION = dt.timedelta(minutes=30)
PRODUCT_ID = "-//Cobrancas//Agendamentos//PT-BR"


def _description(appointment: Appointment, debtor: Debtor, company: Company | None) -> str:
    details = [
        f"Empresa: {company.name}" if company is not None else None,
        f"Telefone: {format_phone(debtor.phone)}" if debtor.phone else None,
        f"Celular: {format_phone(debtor.mobile)}" if debtor.mobile else None,
        f"E-mail: {debtor.email}" if debtor.email else None,
    ]
    return "\n".join([appointment.notes, "", *(line for line in details if line)]).strip()


def feed_path(token: str) -> str:
    return f"/calendar/{token}.ics"


async def calendar_feed(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    token = str(request.path_params.get("token", ""))
    user = None
    if 0 < len(token) <= 64 and not has_forbidden_characters(token):  # "%00": PostgreSQL 500
        user = await User.get_or_none(calendar_token=token, is_active=True)
    if user is None:
        return PlainTextResponse("Calendário não encontrado.", status_code=404)
    body = await user_calendar(user, now=dt.datetime.now(dt.UTC), default_zone=settings.time_zone)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, no-cache"},
    )


async def user_calendar(user: User, *, now: dt.datetime, default_zone: str) -> bytes:
    """The user's appointments from HISTORY ago on, as the user may see them now."""
    reach = await user_principal(user)
    since = (now - HISTORY).date()
    appointments = await scope_appointments(
        Appointment.filter(responsible_id=user.id, scheduled_date__gte=since), reach
    ).order_by("scheduled_date", "scheduled_time", "id")
    debtors = {d.id: d for d in await Debtor.filter(id__in={a.debtor_id for a in appointments})}
    companies = {
        c.id: c
        for c in await Company.filter(
            id__in={a.company_id for a in appointments if a.company_id is not None}
        )
    }
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Cobranças — {user.name}")
    for appointment in appointments:
        company = companies.get(appointment.company_id) if appointment.company_id else None
        start = starts_at(appointment, time_zone_of(company, default_zone))
        debtor = debtors[appointment.debtor_id]
        event = Event()
        event.add("uid", f"appointment-{appointment.id}@cobrancas")
        event.add("dtstamp", appointment.updated_at)
        event.add("dtstart", start)
        event.add("dtend", start + DURATION)
        prefix = "[Concluído] " if appointment.done else ""
        event.add("summary", f"{prefix}Cobrança: {debtor.name}")
        event.add("description", _description(appointment, debtor, company))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
