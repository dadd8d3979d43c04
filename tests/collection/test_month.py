"""A month of the régua, day by day (April 2026, São Paulo), on both engines, through a real
SMTP server: three steps (D-3, D+3, D+10), a weekend, two holidays (Good Friday 3/4,
Tiradentes 21/4), a partial payment, a pause, a kept and a broken promise. The clock moves a
day at a time; each day the worker's own hook runs the régua and the worker delivers. Every
message that arrived is checked: who, which step, which day, what amount."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from backend.appointments.models import Appointment
from backend.audit.models import AuditEvent
from backend.collection.models import CollectionRun, CollectionStep, PaymentPromise
from backend.collection.templates import ensure_default_template
from backend.core.enums import Role
from backend.mailing.models import SentEmail
from backend.mailing.worker import DeliveryWorker, RetryPolicy
from tests.mailing.helpers import MAIL_FROM, SmtpServer, billing_company, customer
from tests.support import ApiClient, SetClock, gid, make_entry, make_user

ZONE = dt.timezone(dt.timedelta(hours=-3))  # São Paulo, no daylight saving since 2019
APRIL = [dt.date(2026, 4, d) for d in range(1, 31)]

SETTLE = """mutation($input: SettleEntryInput!) { settleEntry(input: $input) {
  payment { id } errors { code message } } }"""
PAUSE = """mutation($input: PauseCollectionInput!) { pauseCollection(input: $input) {
  pause { id until active } errors { code message } } }"""
PROMISE = """mutation($input: RecordPaymentPromiseInput!) { recordPaymentPromise(input: $input) {
  promise { id status createdBy { name } } errors { code message } } }"""
HOLDS = """query($id: ID!) { debtor(id: $id) {
  collectionPauses(includeEnded: true) { reason until active }
  paymentPromises(includeResolved: true) { amount promisedDate status resolvedAt }
  sentEmails(first: 20) { edges { node { automatic collectionStepDays } } } } }"""


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    # The server's clock is in UTC (backend.core.clock): what the worker compares with.
    return dt.datetime.combine(day, dt.time(hour, minute), ZONE).astimezone(dt.UTC)


async def ok(api: ApiClient, query: str, **values: Any) -> dict[str, Any]:
    data = await api.data(query, {"input": values})
    [payload] = data.values()
    assert payload["errors"] == [], payload["errors"]
    result: dict[str, Any] = payload
    return result


async def test_a_month_of_the_regua(
    http: Any, admin_api: ApiClient, clock: SetClock, smtp_server: SmtpServer
) -> None:
    company = await billing_company(recent_contact_days=0)
    template = await ensure_default_template(company)
    for days in (-3, 3, 10):
        await CollectionStep.create(company=company, days=days, template=template)
    names = ["Ana", "Bruno", "Caio", "Dora", "Eva", "Fabio"]
    debtors = {n: await customer(name=n, email=f"{n.lower()}@cliente.example") for n in names}
    due = {"Ana": 6, "Bruno": 14, "Caio": 18, "Dora": 2, "Eva": 1, "Fabio": 1}
    amount = {"Ana": "100.00", "Eva": "300.00", "Fabio": "200.00"}
    entries = {
        n: await make_entry(
            company, debtors[n], due=dt.date(2026, 4, due[n]), amount=amount.get(n, "80.00")
        )
        for n in names
    }
    collector = await make_user(role=Role.COLLECTOR, companies=[company], name="Carla Cobra")
    user_api = await ApiClient.with_login(http, collector)
    worker = DeliveryWorker(
        smtp_server.transport(),
        policy=RetryPolicy(max_attempts=3),
        clock=clock,
        regua_mail_from=MAIL_FROM,
    )
    c, ids = gid("Company", company.id), {n: gid("Debtor", d.id) for n, d in debtors.items()}

    async def before_the_run(day: dt.date) -> None:
        clock.set(at(day, 8, 30))
        if day.day == 2:  # promises, recorded by the collector
            await ok(
                user_api,
                PROMISE,
                debtorId=ids["Eva"],
                companyId=c,
                promisedDate="2026-04-08",
                amount="300.00",
                note="Paga na quarta",
            )
            await ok(user_api, PROMISE, debtorId=ids["Fabio"], companyId=c,
                     promisedDate="2026-04-10", amount="200.00")  # fmt: skip
        if day.day == 6:  # Dora disputes the charge
            paused = await ok(admin_api, PAUSE, debtorId=ids["Dora"], companyId=c,
                              reason="em disputa", until="2026-04-14")  # fmt: skip
            assert paused["pause"]["active"] is True
        payments = {8: ("Eva", "300.00"), 9: ("Fabio", "50.00"), 10: ("Ana", "40.00")}
        if day.day in payments:
            name, value = payments[day.day]
            await ok(admin_api, SETTLE, entryId=gid("FinancialEntry", entries[name].id),
                     amount=value, waiveCharges=True, waiverReason="acordo")  # fmt: skip

    inbox = smtp_server.inbox
    log: list[tuple[str, str, int]] = []
    for day in APRIL:
        await before_the_run(day)
        if day.day == 1:  # before business hours: nothing runs
            clock.set(at(day, 7, 30))
            await worker.regua_tick()
            assert not await CollectionRun.exists()
        clock.set(at(day, 9, 0))
        before = len(inbox.received)
        await worker.regua_tick()
        await worker.drain()
        clock.set(at(day, 15, 0))  # a second look the same day sends nothing more
        await worker.regua_tick()
        await worker.drain()
        for received in inbox.received[before:]:
            email_id = int(re.search(r"sent-email-(\d+)\.", str(received.message["Message-ID"]))[1])  # type: ignore[index]
            sent = await SentEmail.get(id=email_id)
            [name] = [n for n, d in debtors.items() if d.id == sent.debtor_id]
            assert received.rcpt_tos == [debtors[name].email]
            assert sent.automatic
            log.append((day.strftime("%d/%m"), name, sent.collection_step_days or 0))
            if (name, day.day) in {("Ana", 16), ("Fabio", 13)}:
                open_amount = {"Ana": "R$ 60,00", "Fabio": "R$ 150,00"}[name]
                assert f"Valor em aberto: {open_amount}" in received.part("text/plain")
    assert log == [
        ("01/04", "Dora", -3), ("01/04", "Eva", -3), ("01/04", "Fabio", -3),
        # 03/04 Good Friday, 04–05 weekend: Ana's D-3 (03/04) goes out on Monday.
        ("06/04", "Ana", -3),
        ("09/04", "Ana", 3),
        # Fabio's promise broke on 10/04 (50 of 200 paid): Monday his D+10 (11/04) resumes.
        ("13/04", "Bruno", -3), ("13/04", "Fabio", 10),
        # Dora's pause ended on 14/04: her D+10 (12/04), once.
        ("15/04", "Caio", -3), ("15/04", "Dora", 10),
        ("16/04", "Ana", 10),
        ("17/04", "Bruno", 3),
        # 21/04 Tiradentes: Caio's D+3 on the 22nd.
        ("22/04", "Caio", 3),
        ("24/04", "Bruno", 10),
        ("28/04", "Caio", 10),
    ]  # fmt: skip
    # Once a day per company, only on the 20 business days of April 2026 in São Paulo.
    runs = await CollectionRun.filter(company_id=company.id).values_list("run_date", flat=True)
    assert len(runs) == 20
    assert dt.date(2026, 4, 3) not in runs
    assert dt.date(2026, 4, 21) not in runs
    # The promises: Eva's kept, Fabio's broken with an appointment for who recorded it.
    promises = {p.debtor_id: p for p in await PaymentPromise.all()}
    assert promises[debtors["Eva"].id].status == "KEPT"
    assert promises[debtors["Fabio"].id].status == "BROKEN"
    [task] = await Appointment.filter(debtor_id=debtors["Fabio"].id)
    assert task.responsible_id == collector.id
    assert task.scheduled_date == dt.date(2026, 4, 13)
    assert "R$ 200,00" in task.notes
    assert "R$ 50,00" in task.notes
    assert not await Appointment.filter(debtor_id=debtors["Eva"].id).exists()
    kept = await AuditEvent.get(action="promise.kept")
    assert kept.details["paidSince"] == "300.00"
    broken = await AuditEvent.get(action="promise.broken")
    assert broken.actor_label == "Régua de cobrança"
    assert broken.details["paidSince"] == "50.00"
    automatic = await AuditEvent.filter(action="email.queue")
    assert len(automatic) == len(log)
    assert all(e.details["automatic"] is True for e in automatic)
    holds = (await user_api.data(HOLDS, {"id": ids["Fabio"]}))["debtor"]
    assert holds["paymentPromises"][0]["status"] == "BROKEN"
    assert [e["node"] for e in holds["sentEmails"]["edges"]] == [
        {"automatic": True, "collectionStepDays": 10},
        {"automatic": True, "collectionStepDays": -3},
    ]
    dora = (await user_api.data(HOLDS, {"id": ids["Dora"]}))["debtor"]
    assert dora["collectionPauses"] == [{"reason": "em disputa", "until": "2026-04-14",
                                         "active": False}]  # fmt: skip
