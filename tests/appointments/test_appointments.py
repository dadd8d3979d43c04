"""Appointments (Agendamentos) through the API: schedule, update, complete, delete, list, scope."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from backend.appointments.models import Appointment
from backend.audit.models import AuditEvent
from backend.core.context import Context
from tests.appointments.helpers import (
    COMPLETE,
    DELETE,
    NOON_9_FEB,
    SCHEDULE,
    UPDATE,
    appointment,
    codes,
    debtor_of,
    run,
)
from tests.support import ApiClient, gid, make_company, make_debtor, make_user


@pytest.fixture(autouse=True)
def _clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Context, "now", lambda self: NOON_9_FEB)


async def test_schedule_for_the_company_of_the_oldest_open_entry(admin_api: ApiClient) -> None:
    manaus = await make_company("AM", time_zone="America/Manaus")
    sao_paulo = await make_company("SP")
    debtor = await debtor_of(manaus, sao_paulo)
    user = await make_user(name="Joana")
    result = await run(
        admin_api,
        SCHEDULE,
        "scheduleAppointment",
        debtorId=gid("Debtor", debtor.id),
        responsibleId=gid("User", user.id),
        date="2026-02-10",
        time="14:05",
        notes="Cobrar a parcela de janeiro\nLigar no celular",
    )
    assert result["errors"] == []
    made = result["appointment"]
    assert (made["date"], made["time"], made["done"]) == ("2026-02-10", "14:05", False)
    assert made["company"]["id"] == gid("Company", manaus.id)
    assert made["startsAt"] == "2026-02-10T14:05:00-04:00"
    assert made["responsible"] == {"id": gid("User", user.id), "name": "Joana"}
    assert made["notes"] == "Cobrar a parcela de janeiro\nLigar no celular"
    event = await AuditEvent.get(action="appointment.create")
    assert event.company_id == manaus.id
    assert event.details["scheduled_time"] == {"old": None, "new": "14:05"}


async def test_schedule_for_a_named_company_and_for_a_debtor_without_entries(
    admin_api: ApiClient,
) -> None:
    company = await make_company()
    user = await make_user()
    bare = await make_debtor()
    values = {
        "debtorId": gid("Debtor", bare.id),
        "responsibleId": gid("User", user.id),
        "date": "2026-02-09",
        "time": "18:00",
        "notes": "Primeiro contato",
    }
    without = await run(admin_api, SCHEDULE, "scheduleAppointment", **values)
    assert without["appointment"]["company"] is None
    assert without["appointment"]["startsAt"] == "2026-02-09T18:00:00-03:00"  # TIME_ZONE
    named = await run(
        admin_api, SCHEDULE, "scheduleAppointment", **values, companyId=gid("Company", company.id)
    )
    assert named["appointment"]["company"]["id"] == gid("Company", company.id)


async def test_schedule_errors_come_all_at_once(admin_api: ApiClient) -> None:
    debtor = await debtor_of(await make_company())
    result = await run(
        admin_api,
        SCHEDULE,
        "scheduleAppointment",
        debtorId=gid("Debtor", debtor.id),
        responsibleId=gid("User", 999),
        date="2026-02-08",
        time="10:00",
        notes="  ",
        companyId=gid("Company", 999),
    )
    assert result["appointment"] is None
    assert codes(result) == {
        ("REQUIRED", ("input", "notes")),
        ("DATE_IN_PAST", ("input", "date")),
        ("NOT_FOUND", ("input", "responsibleId")),
        ("NOT_FOUND", ("input", "companyId")),
    }
    assert all(e["message"] for e in result["errors"])
    assert await Appointment.all().count() == 0


async def test_today_is_the_company_s_today(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(  # 23:30 on 9 Feb in São Paulo, 10 Feb in UTC
        Context, "now", lambda self: dt.datetime(2026, 2, 10, 2, 30, tzinfo=dt.UTC)
    )
    debtor = await debtor_of(await make_company())
    user = await make_user()
    result = await run(
        admin_api,
        SCHEDULE,
        "scheduleAppointment",
        debtorId=gid("Debtor", debtor.id),
        responsibleId=gid("User", user.id),
        date="2026-02-09",
        time="23:45",
        notes="Ainda hoje",
    )
    assert result["errors"] == []


async def test_the_responsible_must_be_active_and_see_the_debtor(admin_api: ApiClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await debtor_of(company_a)
    outsider = await make_user(companies=[company_b])
    inactive = await make_user()
    inactive.is_active = False
    await inactive.save()
    values = {
        "debtorId": gid("Debtor", debtor.id),
        "date": "2026-02-10",
        "time": "10:00",
        "notes": "Ligar",
    }
    for user, code in ((outsider, "RESPONSIBLE_NO_ACCESS"), (inactive, "NOT_FOUND")):
        result = await run(
            admin_api, SCHEDULE, "scheduleAppointment", **values, responsibleId=gid("User", user.id)
        )
        assert codes(result) == {(code, ("input", "responsibleId"))}
    # Seeing the debtor is not enough: the appointment is about company B.
    both = await debtor_of(company_a, company_b)
    about_a = await run(
        admin_api,
        SCHEDULE,
        "scheduleAppointment",
        **{**values, "debtorId": gid("Debtor", both.id)},
        responsibleId=gid("User", outsider.id),
    )
    assert codes(about_a) == {("RESPONSIBLE_NO_ACCESS", ("input", "responsibleId"))}
    about_b = await run(
        admin_api,
        SCHEDULE,
        "scheduleAppointment",
        **{**values, "debtorId": gid("Debtor", both.id)},
        responsibleId=gid("User", outsider.id),
        companyId=gid("Company", company_b.id),
    )
    assert about_b["errors"] == []


async def test_update_an_appointment(admin_api: ApiClient) -> None:
    company = await make_company()
    debtor = await debtor_of(company)
    first, second = await make_user(), await make_user(name="Paulo")
    made = await appointment(debtor, first, company=company)
    result = await run(
        admin_api,
        UPDATE,
        "updateAppointment",
        id=gid("Appointment", made.id),
        responsibleId=gid("User", second.id),
        date="2026-03-05",
        time="16:15",
        notes="Remarcado a pedido do cliente",
    )
    assert result["errors"] == []
    updated = result["appointment"]
    assert (updated["date"], updated["time"]) == ("2026-03-05", "16:15")
    assert updated["responsible"]["name"] == "Paulo"
    assert updated["notes"] == "Remarcado a pedido do cliente"
    event = await AuditEvent.get(action="appointment.update")
    assert event.details["scheduled_time"] == {"old": "09:30", "new": "16:15"}
    assert event.details["responsible_id"] == {"old": first.id, "new": second.id}
    same = await run(admin_api, UPDATE, "updateAppointment", id=gid("Appointment", made.id))
    assert same["errors"] == []
    assert await AuditEvent.filter(action="appointment.update").count() == 1


async def test_update_errors(admin_api: ApiClient) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await debtor_of(company_a)
    made = await appointment(debtor, await make_user(), company=company_a, date=dt.date(2026, 1, 5))
    outsider = await make_user(companies=[company_b])
    result = await run(
        admin_api,
        UPDATE,
        "updateAppointment",
        id=gid("Appointment", made.id),
        responsibleId=gid("User", outsider.id),
        date="2026-02-01",
        notes="",
    )
    assert codes(result) == {
        ("RESPONSIBLE_NO_ACCESS", ("input", "responsibleId")),
        ("DATE_IN_PAST", ("input", "date")),
        ("REQUIRED", ("input", "notes")),
    }
    # A past appointment may still be edited while its date stays.
    kept = await run(
        admin_api, UPDATE, "updateAppointment", id=gid("Appointment", made.id), notes="Feito?"
    )
    assert kept["errors"] == []
    missing = await run(admin_api, UPDATE, "updateAppointment", id=gid("Appointment", 999))
    assert codes(missing) == {("NOT_FOUND", ("input", "id"))}


async def test_complete_and_reopen(admin_api: ApiClient) -> None:
    debtor = await debtor_of(await make_company())
    made = await appointment(debtor, await make_user())
    done = await run(admin_api, COMPLETE, "completeAppointment", id=gid("Appointment", made.id))
    assert done["appointment"]["done"] is True
    assert done["appointment"]["doneAt"].startswith("2026-02-09T15:00:00")
    again = await run(admin_api, COMPLETE, "completeAppointment", id=gid("Appointment", made.id))
    assert again["errors"] == []
    reopened = await run(
        admin_api, COMPLETE, "completeAppointment", id=gid("Appointment", made.id), done=False
    )
    assert (reopened["appointment"]["done"], reopened["appointment"]["doneAt"]) == (False, None)
    assert await AuditEvent.filter(action="appointment.complete").count() == 2
    missing = await run(admin_api, COMPLETE, "completeAppointment", id=gid("Debtor", debtor.id))
    assert codes(missing) == {("NOT_FOUND", ("input", "id"))}


async def test_delete(admin_api: ApiClient) -> None:
    debtor = await debtor_of(await make_company())
    made = await appointment(debtor, await make_user(), notes="Apagar")
    result = await run(admin_api, DELETE, "deleteAppointment", id=gid("Appointment", made.id))
    assert result == {"deletedAppointmentId": gid("Appointment", made.id), "errors": []}
    assert await Appointment.all().count() == 0
    event = await AuditEvent.get(action="appointment.delete")
    assert event.details["notes"] == {"old": "Apagar", "new": None}
    again = await run(admin_api, DELETE, "deleteAppointment", id=gid("Appointment", made.id))
    assert codes(again) == {("NOT_FOUND", ("input", "id"))}


async def test_debtor_appointments_in_order_with_or_without_done(admin_api: ApiClient) -> None:
    company = await make_company()
    debtor = await debtor_of(company)
    user = await make_user()
    await appointment(debtor, user, date=dt.date(2026, 3, 2), time=dt.time(15, 0), notes="c")
    await appointment(debtor, user, date=dt.date(2026, 3, 2), time=dt.time(8, 0), notes="b")
    await appointment(debtor, user, date=dt.date(2026, 2, 1), notes="a", done=True)
    query = """query($id: ID!) { debtor(id: $id) {
      all: appointments { notes } open: appointments(includeDone: false) { notes }
    } }"""
    data = await admin_api.data(query, {"id": gid("Debtor", debtor.id)})
    assert [a["notes"] for a in data["debtor"]["all"]] == ["a", "b", "c"]
    assert [a["notes"] for a in data["debtor"]["open"]] == ["b", "c"]


async def test_a_token_of_company_a_cannot_touch_appointments_about_b(
    http: httpx.AsyncClient,
) -> None:
    company_a, company_b = await make_company(), await make_company()
    debtor = await debtor_of(company_a, company_b)
    user = await make_user()
    about_a = await appointment(debtor, user, company=company_a, notes="A")
    about_b = await appointment(debtor, user, company=company_b, notes="B")
    api_a = await ApiClient.with_token(http, companies=[company_a])
    data = await api_a.data(
        "query($id: ID!) { debtor(id: $id) { appointments { notes } } }",
        {"id": gid("Debtor", debtor.id)},
    )
    assert [a["notes"] for a in data["debtor"]["appointments"]] == ["A"]
    target = gid("Appointment", about_b.id)
    for document, name in (
        (UPDATE, "updateAppointment"),
        (COMPLETE, "completeAppointment"),
        (DELETE, "deleteAppointment"),
    ):
        result = await run(api_a, document, name, id=target)
        assert codes(result) == {("NOT_FOUND", ("input", "id"))}
    assert (await Appointment.get(id=about_b.id)).done is False
    ok = await run(api_a, COMPLETE, "completeAppointment", id=gid("Appointment", about_a.id))
    assert ok["errors"] == []
    debtor_b = await debtor_of(company_b)
    hidden = await run(
        api_a,
        SCHEDULE,
        "scheduleAppointment",
        debtorId=gid("Debtor", debtor_b.id),
        responsibleId=gid("User", user.id),
        date="2026-02-10",
        time="10:00",
        notes="x",
    )
    assert codes(hidden) == {("NOT_FOUND", ("input", "debtorId"))}


MY = """query($from: Date, $to: Date, $includeDone: Boolean) {
  myAppointments(from: $from, to: $to, includeDone: $includeDone) { notes date debtor { id } }
}"""


async def test_my_appointments(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company = await make_company()
    debtor = await debtor_of(company)
    me, someone = await make_user(), await make_user()
    for day, notes, done in ((1, "feito", True), (3, "mar-3", False), (20, "mar-20", False)):
        await appointment(debtor, me, date=dt.date(2026, 3, day), notes=notes, done=done)
    await appointment(debtor, someone, notes="de outro")
    assert (await admin_api.data(MY))["myAppointments"] == []  # an API token has no agenda
    mine = await ApiClient.with_login(http, me)
    assert [a["notes"] for a in (await mine.data(MY))["myAppointments"]] == ["mar-3", "mar-20"]
    ranged = await mine.data(MY, {"from": "2026-03-01", "to": "2026-03-10", "includeDone": True})
    assert [a["notes"] for a in ranged["myAppointments"]] == ["feito", "mar-3"]
    assert ranged["myAppointments"][0]["debtor"]["id"] == gid("Debtor", debtor.id)
