"""The iCalendar feed at /calendar/{token}.ics, read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import httpx
from icalendar import Calendar

from backend.accounts.models import User
from backend.accounts.services import rotate_calendar_token
from backend.core.enums import Role
from tests.appointments.helpers import appointment, debtor_of
from tests.support import ApiClient, make_company, make_user

ROTATE = "mutation { rotateCalendarUrl { url errors { code } } }"


async def _feed(http: httpx.AsyncClient, url: str) -> Calendar:
    response = await http.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


async def test_the_feed_holds_the_user_s_appointments_in_local_time(
    http: httpx.AsyncClient,
) -> None:
    sao_paulo = await make_company("Bexus")
    manaus = await make_company("Norte", time_zone="America/Manaus")
    debtor = await debtor_of(sao_paulo)
    debtor.name, debtor.phone = "ACME Ltda", "1134567890"
    await debtor.save()
    me, someone = await make_user(), await make_user()
    today = dt.date.today()
    soon = today + dt.timedelta(days=3)
    await appointment(debtor, me, company=sao_paulo, date=soon, time=dt.time(9, 30), notes="Ligar")
    await appointment(debtor, me, company=manaus, date=soon, time=dt.time(9, 30), notes="Norte")
    await appointment(debtor, me, date=today, notes="Feito", done=True)
    await appointment(debtor, me, date=today - dt.timedelta(days=400), notes="Antigo")
    await appointment(debtor, someone, date=soon, notes="De outro")

    api = await ApiClient.with_login(http, me)
    url = (await api.data("{ myCalendarUrl }"))["myCalendarUrl"]
    assert url.startswith("http://testserver/calendar/")
    calendar = await _feed(http, url)
    events = {str(e["description"]).split("\n")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Ligar", "Norte", "Feito"}
    ligar = events["Ligar"]
    start = ligar.decoded("dtstart")
    assert start == dt.datetime.combine(soon, dt.time(9, 30), ZoneInfo("America/Sao_Paulo"))
    assert start.utcoffset() == dt.timedelta(hours=-3)
    assert ligar.decoded("dtend") - start == dt.timedelta(minutes=30)
    assert str(ligar["summary"]) == "Cobrança: ACME Ltda"
    assert "Empresa: Bexus" in str(ligar["description"])
    assert "Telefone: (11) 3456-7890" in str(ligar["description"])
    assert events["Norte"].decoded("dtstart").utcoffset() == dt.timedelta(hours=-4)
    assert str(events["Feito"]["summary"]).startswith("[Concluído]")
    assert {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")} == {
        "America/Sao_Paulo",
        "America/Manaus",
    }
    assert len({str(e["uid"]) for e in calendar.walk("VEVENT")}) == 3


async def test_the_feed_follows_the_user_s_companies(http: httpx.AsyncClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await debtor_of(company_a, company_b)
    user = await make_user(companies=[company_a])
    soon = dt.date.today() + dt.timedelta(days=1)
    await appointment(debtor, user, company=company_a, date=soon, notes="A")
    await appointment(debtor, user, company=company_b, date=soon, notes="B")
    calendar = await _feed(http, f"/calendar/{await rotate_calendar_token(user.id)}.ics")
    assert [str(e["description"]).split("\n")[0] for e in calendar.walk("VEVENT")] == ["A"]


async def test_unknown_or_inactive_tokens_are_not_found(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    user = await make_user()
    token = await rotate_calendar_token(user.id)
    assert (await http.get("/calendar/nao-existe.ics")).status_code == 404
    assert (await http.get(f"/calendar/{'x' * 80}.ics")).status_code == 404
    await User.filter(id=user.id).update(is_active=False)
    assert (await http.get(f"/calendar/{token}.ics")).status_code == 404
    assert (await admin_api.data("{ myCalendarUrl }"))["myCalendarUrl"] is None  # a token


async def test_an_empty_calendar_is_still_a_calendar(http: httpx.AsyncClient) -> None:
    user = await make_user(name="Ana")
    calendar = await _feed(http, f"/calendar/{await rotate_calendar_token(user.id)}.ics")
    assert calendar.walk("VEVENT") == []
    assert str(calendar["x-wr-calname"]) == "Cobranças — Ana"


async def test_the_feed_token_is_stored_hashed_shown_once_and_rotated(
    http: httpx.AsyncClient,
) -> None:
    viewer = await make_user(role=Role.VIEWER)
    api = await ApiClient.with_login(http, viewer)
    first = (await api.data("{ myCalendarUrl }"))["myCalendarUrl"]
    token = first.rsplit("/", 1)[1].removesuffix(".ics")
    stored = await User.get(id=viewer.id)
    assert stored.calendar_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(await User.filter(id=viewer.id).values())
    assert (await api.data("{ myCalendarUrl }"))["myCalendarUrl"] is None  # shown once
    await _feed(http, first)

    rotated = await api.data(ROTATE)  # a VIEWER may: it is its own account
    second = rotated["rotateCalendarUrl"]["url"]
    assert rotated["rotateCalendarUrl"]["errors"] == []
    assert second != first
    assert (await http.get(first)).status_code == 404
    await _feed(http, second)


async def test_a_token_has_no_calendar_to_rotate(admin_api: ApiClient) -> None:
    rotated = await admin_api.data(ROTATE)
    assert [e["code"] for e in rotated["rotateCalendarUrl"]["errors"]] == ["FORBIDDEN"]


async def test_a_token_with_a_control_character_is_not_found(http: httpx.AsyncClient) -> None:
    for token in ("%00", "a%00b", "%1b"):  # main: PostgreSQL refused the NUL, HTTP 500
        response = await http.get(f"/calendar/{token}.ics")
        assert response.status_code == 404
