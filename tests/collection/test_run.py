"""The daily run under stress: two workers at once, a crash between claiming and sending, the
recent-contact guard; pauses and promises through the API (errors, resume, cancel, audit)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from backend.audit.models import AuditEvent
from backend.collection import run as regua
from backend.collection.models import CollectionRun, CollectionSend, CollectionStep
from backend.collection.planning import collection_plan, plan_company
from backend.collection.templates import ensure_default_template
from backend.companies.models import Company
from backend.core.enums import EmailStatus
from backend.debtors.models import Debtor
from backend.mailing.models import SentEmail
from backend.mailing.worker import DeliveryWorker, RetryPolicy
from tests.mailing.helpers import MAIL_FROM, SmtpServer, billing_company, customer, queue
from tests.support import ApiClient, SetClock, gid, make_entry

ZONE = dt.timezone(dt.timedelta(hours=-3))
MONDAY = dt.date(2026, 3, 9)
NINE = dt.datetime.combine(MONDAY, dt.time(9), ZONE).astimezone(dt.UTC)


def worker(smtp_server: SmtpServer, clock: Any, **options: Any) -> DeliveryWorker:
    return DeliveryWorker(
        smtp_server.transport(),
        policy=RetryPolicy(max_attempts=3),
        clock=clock,
        regua_mail_from=MAIL_FROM,
        **options,
    )


async def company_with_debtors(count: int, **values: Any) -> tuple[Company, list[Any]]:
    company = await billing_company(**values)
    template = await ensure_default_template(company)
    await CollectionStep.create(company=company, days=0, template=template)
    debtors = []
    for n in range(count):
        debtor = await customer(name=f"Cliente {n}", email=f"c{n}@cliente.example")
        await make_entry(company, debtor, due=MONDAY, amount="50.00")
        await make_entry(company, debtor, due=MONDAY - dt.timedelta(days=1), amount="25.00")
        debtors.append(debtor)
    return company, debtors


async def test_two_workers_at_once_send_each_message_once(
    database_url: str, clock: SetClock, smtp_server: SmtpServer
) -> None:
    company, debtors = await company_with_debtors(6, recent_contact_days=0)
    clock.set(NINE)
    first, second = worker(smtp_server, clock), worker(smtp_server, clock)
    await asyncio.gather(first.regua_tick(), second.regua_tick())
    await asyncio.gather(first.drain(), second.drain())
    received = smtp_server.inbox.received
    assert sorted(r.rcpt_tos[0] for r in received) == sorted(d.email for d in debtors)
    assert await SentEmail.filter(automatic=True).count() == 6
    assert await CollectionSend.filter(company_id=company.id).count() == 6
    assert await CollectionRun.filter(company_id=company.id).count() == 1
    # One consolidated message per debtor: both entries in it.
    assert all(r.part("text/plain").count("Venda") == 2 for r in received)


async def test_a_crash_between_claiming_and_sending(
    database_url: str, clock: SetClock, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    company, debtors = await company_with_debtors(3, recent_contact_days=0)
    clock.set(NINE)
    # 1. The process dies inside the claim's transaction, after the claim was inserted and the
    #    e-mail written, before the commit (here: the audit write fails on the second debtor).
    real_record = regua.record
    calls = 0

    async def dying_record(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("processo morto")
        return await real_record(*args, **kwargs)

    monkeypatch.setattr(regua, "record", dying_record)
    crashing = worker(smtp_server, clock)
    with pytest.raises(RuntimeError):
        await crashing.regua_tick()
    monkeypatch.setattr(regua, "record", real_record)
    # The first debtor's claim committed with its e-mail; the second left nothing behind.
    assert await CollectionSend.filter(company_id=company.id).count() == 1
    assert await SentEmail.filter(automatic=True).count() == 1
    assert not await CollectionRun.exists()  # the day's run did not finish
    # 2. A worker claims the queued e-mail for delivery and dies before talking to SMTP.
    dead = worker(smtp_server, clock)
    claims = await dead.claim()
    assert len(claims) == 1
    assert claims[0].email.status == EmailStatus.SENDING
    # 3. Another worker, a minute later, finishes the day's run: the two others are queued,
    #    the first is not claimed again; once the dead worker's lease is over, it is sent.
    clock.set(NINE + dt.timedelta(minutes=1))
    survivor = worker(smtp_server, clock)
    await survivor.regua_tick()
    await survivor.drain()
    assert len(smtp_server.inbox.received) == 2
    clock.set(NINE + dt.timedelta(minutes=10))
    await survivor.regua_tick()  # the run of the day is finished: nothing again
    await survivor.drain()
    received = sorted(r.rcpt_tos[0] for r in smtp_server.inbox.received)
    assert received == sorted(d.email for d in debtors)
    assert await CollectionSend.filter(company_id=company.id).count() == 3
    assert await SentEmail.filter(automatic=True, status=EmailStatus.SENT).count() == 3


async def test_recent_contact_guard_defers_the_step(database_url: str) -> None:
    company, [debtor] = await company_with_debtors(1, recent_contact_days=3)
    # The window on Monday the 9th: its day and the two before (7, 8 and 9 March).
    friday = dt.datetime.combine(MONDAY - dt.timedelta(days=3), dt.time(17), ZONE)
    await queue(company, debtor, now=friday)  # a collector's e-mail, on Friday the 6th
    assert [p.debtor_id for p in await collection_plan(company.id, MONDAY)] == [debtor.id]
    await SentEmail.all().update(queued_at=friday + dt.timedelta(hours=17))  # Saturday, 10:00
    plan = await plan_company(company.id, MONDAY)
    assert plan.messages == []
    assert plan.held == {debtor.id: "recent_contact"}
    # Wednesday the 11th: the contact is 4 days old; the step goes out, caught up.
    later = await collection_plan(company.id, MONDAY + dt.timedelta(days=2))
    assert [(p.debtor_id, p.step_days) for p in later] == [(debtor.id, 0)]
    # A failed e-mail that reached no one is no contact.
    await SentEmail.all().update(status=EmailStatus.FAILED)
    assert [p.debtor_id for p in await collection_plan(company.id, MONDAY)] == [debtor.id]


PAUSE = """mutation($input: PauseCollectionInput!) { pauseCollection(input: $input) {
  pause { id entryId reason until active endedAt createdBy { name } company { name } }
  errors { field code message } } }"""
RESUME = """mutation($input: ResumeCollectionInput!) { resumeCollection(input: $input) {
  pause { id active endedAt } errors { field code message } } }"""
PROMISE = """mutation($input: RecordPaymentPromiseInput!) { recordPaymentPromise(input: $input) {
  promise { id amount promisedDate status note resolvedAt } errors { field code message } } }"""
CANCEL = """mutation($input: CancelPaymentPromiseInput!) { cancelPaymentPromise(input: $input) {
  promise { id status resolvedAt } errors { field code message } } }"""
HOLDS = """query($id: ID!) { debtor(id: $id) {
  collectionPauses { reason } all: collectionPauses(includeEnded: true) { reason active }
  paymentPromises { status } everything: paymentPromises(includeResolved: true) { status } } }"""


async def payload(api: ApiClient, query: str, **values: Any) -> dict[str, Any]:
    data = await api.data(query, {"input": values})
    [result] = data.values()
    assert isinstance(result, dict)
    return result


async def test_pauses_and_promises_through_the_api(admin_api: ApiClient, clock: SetClock) -> None:
    company, [debtor] = await company_with_debtors(1, recent_contact_days=0)
    entry = await make_entry(company, debtor, due=MONDAY - dt.timedelta(days=5), amount="10.00")
    clock.set(NINE)
    c, d = gid("Company", company.id), gid("Debtor", debtor.id)
    # Bad input: clear errors, nothing written.
    bad = await payload(admin_api, PAUSE, debtorId=d, companyId=c, reason=" ", until="2026-03-08")
    assert {e["code"] for e in bad["errors"]} == {"REQUIRED", "DATE_IN_PAST"}
    bad = await payload(admin_api, PROMISE, debtorId=d, companyId=c, promisedDate="2026-03-20",
                        amount="0.00")  # fmt: skip
    assert [e["code"] for e in bad["errors"]] == ["INVALID_AMOUNT"]
    assert await AuditEvent.filter(action__startswith="promise").count() == 0
    # A pause of one entry: the others still go, in one message.
    one = await payload(admin_api, PAUSE, debtorId=d, companyId=c,
                        entryId=gid("FinancialEntry", entry.id), reason="em disputa",
                        until="2026-03-20")  # fmt: skip
    assert one["errors"] == []
    assert one["pause"]["active"] is True
    assert one["pause"]["company"]["name"] == company.name
    [planned] = await collection_plan(company.id, MONDAY)
    assert entry.id not in planned.entry_ids
    assert len(planned.entry_ids) == 2
    # A pause of the debtor: nothing goes; resumed, it goes again.
    whole = await payload(admin_api, PAUSE, debtorId=d, companyId=c, reason="renegociando",
                          until="2026-03-31")  # fmt: skip
    assert await collection_plan(company.id, MONDAY) == []
    resumed = await payload(admin_api, RESUME, pauseId=whole["pause"]["id"])
    assert resumed["pause"]["active"] is False
    assert resumed["pause"]["endedAt"] is not None
    again = await payload(admin_api, RESUME, pauseId=whole["pause"]["id"])
    assert [e["code"] for e in again["errors"]] == ["PAUSE_ENDED"]
    assert len(await collection_plan(company.id, MONDAY)) == 1
    # A promise holds the debtor; cancelled, the régua resumes.
    promise = await payload(admin_api, PROMISE, debtorId=d, companyId=c,
                            promisedDate="2026-03-13", amount="75.00", note="Pix")  # fmt: skip
    assert promise["promise"]["status"] == "OPEN"
    assert promise["promise"]["amount"] == "75.00"
    assert await collection_plan(company.id, MONDAY) == []
    holds = (await admin_api.data(HOLDS, {"id": d}))["debtor"]
    assert holds["collectionPauses"] == [{"reason": "em disputa"}]
    assert [p["active"] for p in holds["all"]] == [False, True]
    assert holds["paymentPromises"] == [{"status": "OPEN"}]
    cancelled = await payload(admin_api, CANCEL, promiseId=promise["promise"]["id"])
    assert cancelled["promise"]["status"] == "CANCELLED"
    twice = await payload(admin_api, CANCEL, promiseId=promise["promise"]["id"])
    assert [e["code"] for e in twice["errors"]] == ["PROMISE_NOT_OPEN"]
    assert len(await collection_plan(company.id, MONDAY)) == 1
    holds = (await admin_api.data(HOLDS, {"id": d}))["debtor"]
    assert holds["paymentPromises"] == []
    assert holds["everything"] == [{"status": "CANCELLED"}]
    actions = (
        await AuditEvent.filter(target_id=debtor.id, target_type="Debtor")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["collection.pause", "collection.pause", "collection.resume",
                       "promise.record", "promise.cancel"]  # fmt: skip
    # Read-only: refused.
    reader = await ApiClient.with_token(admin_api.http, scope="READ")
    body = await reader.execute(PROMISE, {"input": {"debtorId": d, "companyId": c,
                                                    "promisedDate": "2026-03-13",
                                                    "amount": "1.00"}})  # fmt: skip
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_worker_loop_runs_the_regua(
    database_url: str, clock: SetClock, smtp_server: SmtpServer
) -> None:
    from backend.settings import Settings

    _, debtors = await company_with_debtors(2, recent_contact_days=0)
    clock.set(NINE)
    settings = Settings(database_url=database_url, smtp_url=smtp_server.url, mail_from=MAIL_FROM)
    loop_worker = DeliveryWorker.from_settings(settings, clock=clock)
    stop = asyncio.Event()
    task = asyncio.create_task(loop_worker.run(stop, poll_interval=0.1))
    try:
        await asyncio.to_thread(smtp_server.inbox.wait_for, 2)
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)
    assert sorted(r.rcpt_tos[0] for r in smtp_server.inbox.received) == sorted(
        d.email for d in debtors
    )


async def test_an_automatic_email_is_not_delivered_after_hours(
    database_url: str, clock: SetClock, smtp_server: SmtpServer
) -> None:
    """A régua e-mail whose delivery failed at 17:59 is retried after 18:00: it waits for the
    next business morning (CDC art. 71), while a collector's own e-mail goes at once."""
    company, [debtor] = await company_with_debtors(1, recent_contact_days=0)
    clock.set(NINE)
    await regua.run_due(now=NINE, mail_from=MAIL_FROM)
    evening = dt.datetime.combine(MONDAY, dt.time(19), ZONE).astimezone(dt.UTC)
    clock.set(evening)
    manual = await queue(company, debtor, now=evening)
    late = worker(smtp_server, clock)
    await late.drain()
    assert [r.rcpt_tos for r in smtp_server.inbox.received] == [[debtor.email]]
    [automatic] = await SentEmail.filter(automatic=True)
    assert automatic.status == EmailStatus.QUEUED
    assert automatic.attempts == 0
    tuesday = dt.datetime.combine(MONDAY + dt.timedelta(days=1), dt.time(8), ZONE)
    assert automatic.next_attempt_at == tuesday.astimezone(dt.UTC)
    clock.set(tuesday.astimezone(dt.UTC))
    await late.drain()
    await automatic.refresh_from_db()
    assert automatic.status == EmailStatus.SENT
    assert len(smtp_server.inbox.received) == 2
    await manual.refresh_from_db()
    assert manual.status == EmailStatus.SENT


async def test_holds_and_their_outcome_are_published_on_the_live_bus(
    database_url: str, clock: SetClock
) -> None:
    from backend.collection import holds
    from backend.live import bus
    from tests.support import make_user, principal

    company, [debtor] = await company_with_debtors(1, recent_contact_days=0)
    user = await make_user(companies=[company])
    recorder = dataclasses.replace(principal([company.id]), user_id=user.id)
    received: list[str] = []

    async def listen() -> None:
        async for event in bus.events(principal([company.id])):
            received.append(f"{event.kind} {event.actor}")

    async with bus.hub(database_url):
        task = asyncio.create_task(listen())
        await asyncio.sleep(0.2)
        friday = dt.datetime.combine(MONDAY - dt.timedelta(days=3), dt.time(10), ZONE)
        await holds.pause_collection(principal=recorder, debtor_id=debtor.id,
                                     company_id=company.id, entry_id=None, entry_given=False,
                                     reason="em disputa", until=friday.date(),
                                     now=friday)  # fmt: skip
        await holds.record_promise(principal=recorder, debtor_id=debtor.id,
                                   company_id=company.id, promised_date=friday.date(),
                                   amount=Decimal("75.00"), note=None, now=friday)  # fmt: skip
        result = (await regua.run_due(now=NINE, mail_from=MAIL_FROM))[0]  # Monday: broken
        for _ in range(100):
            if len(received) >= 4:
                break
            await asyncio.sleep(0.05)
        task.cancel()
    assert result.broken
    assert received == [
        "collection.pause teste",
        "promise.record teste",
        "promise.broken Régua de cobrança",
        "email.queue Régua de cobrança",
    ]


async def test_what_cannot_go_out_is_not_claimed(database_url: str) -> None:
    """A debtor without a valid e-mail, or a company without CNPJ and address (CDC art. 42-A),
    is skipped without a claim: fixed later, the step still goes out."""
    company, [ana, bia] = await company_with_debtors(2, recent_contact_days=0)
    await Debtor.filter(id=bia.id).update(email="não é e-mail")
    result = (await regua.run_due(now=NINE, mail_from=MAIL_FROM))[0]
    assert result.skipped == {bia.id: "no_email"}
    assert await CollectionSend.filter(debtor_id=bia.id).count() == 0
    await Debtor.filter(id=bia.id).update(email="bia@cliente.example")
    later = dt.datetime.combine(MONDAY + dt.timedelta(days=1), dt.time(9), ZONE)
    result = (await regua.run_due(now=later, mail_from=MAIL_FROM))[0]
    assert result.skipped == {}
    assert [s.debtor_id for s in await CollectionSend.filter(company_id=company.id)] == [
        ana.id,
        bia.id,
    ]
    other, [carla] = await company_with_debtors(1, recent_contact_days=0)
    await Company.filter(id=other.id).update(document=None)
    wednesday = later + dt.timedelta(days=1)
    results = {r.company_id: r for r in await regua.run_due(now=wednesday, mail_from=MAIL_FROM)}
    assert results[other.id].skipped == {carla.id: "company_incomplete"}
    assert not await CollectionSend.filter(company_id=other.id).exists()


async def test_with_the_automatic_run_off_the_worker_sends_nothing_by_itself(
    database_url: str, smtp_server: SmtpServer, clock: SetClock
) -> None:
    """REGUA_AUTOMATIC=0: the delivery worker delivers, the régua's daily run does not start
    (the plan and `cobrancas regua` still work)."""
    from backend.settings import Settings

    await company_with_debtors(2, recent_contact_days=0)
    clock.set(NINE)
    env = {"DATABASE_URL": database_url, "SMTP_URL": smtp_server.url, "MAIL_FROM": MAIL_FROM}
    settings = Settings.from_env({**env, "REGUA_AUTOMATIC": "0"})
    assert Settings.from_env(env).regua_automatic is True
    assert settings.regua_automatic is False
    worker = DeliveryWorker.from_settings(settings, clock=clock)
    await worker.regua_tick()
    assert await SentEmail.all().count() == 0
    assert smtp_server.inbox.received == []
