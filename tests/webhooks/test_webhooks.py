"""Webhooks: registered through the API, queued in the transaction of the change, delivered by
the worker to a real HTTP receiver on loopback, signed as Standard Webhooks says (checked here
with hmac/hashlib, independently of backend/webhooks/signing.py)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import httpx
import pytest

from backend.core.enums import Role
from backend.core.errors import ErrorCollector
from backend.mailing.worker import DeliveryWorker
from backend.settings import Settings
from backend.webhooks.addresses import UnsafeAddress, check_url, resolve_checked
from backend.webhooks.models import DeliveryStatus, WebhookDelivery
from backend.webhooks.worker import WebhookPolicy, WebhookWorker
from tests.mailing.helpers import billing_company
from tests.support import ApiClient, SetClock, gid, make_company, make_debtor, make_entry, make_user
from tests.webhooks.receiver import Receiver

CREATE = """
mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { endpoint { id url events active } secret
    errors { code field } }
}"""
SETTLE = """
mutation($input: SettleEntryInput!) {
  settleEntry(input: $input) { payment { id } errors { code } }
}"""
LOG = """
query($id: ID!) { debtor(id: $id) { id } }
"""


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """What a receiver does (Standard Webhooks), written from the spec."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        hmac.compare_digest(sig.split(",", 1)[1], expected)
        for sig in headers["webhook-signature"].split()
        if sig.startswith("v1,")
    )


async def register(api: ApiClient, company: Any, url: str, events: list[str]) -> dict[str, Any]:
    data = await api.data(
        CREATE, {"input": {"companyId": gid("Company", company.id), "url": url, "events": events}}
    )
    payload: dict[str, Any] = data["createWebhookEndpoint"]
    return payload


async def test_settlement_is_delivered_signed(
    admin_api: ApiClient, receiver: Receiver, clock: SetClock
) -> None:
    company = await make_company()
    debtor = await make_debtor(companies=[company])
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 10), amount="300.00")
    created = await register(admin_api, company, receiver.url, ["entry.settled"])
    assert created["errors"] == []
    secret = created["secret"]
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret[6:])) == 24

    settled = await admin_api.data(
        SETTLE, {"input": {"entryId": gid("FinancialEntry", entry.id), "amount": "120.50"}}
    )
    assert settled["settleEntry"]["errors"] == []
    # A refused settlement queues nothing (same transaction).
    refused = await admin_api.data(
        SETTLE, {"input": {"entryId": gid("FinancialEntry", entry.id), "amount": "999.00"}}
    )
    assert refused["settleEntry"]["errors"][0]["code"] == "AMOUNT_EXCEEDS_OPEN"
    assert await WebhookDelivery.all().count() == 1

    worker = WebhookWorker(allow_private=True, clock=clock)
    assert await worker.drain() == 1
    [got] = receiver.received
    assert verify(secret, got.headers, got.body)
    assert got.headers["webhook-id"].startswith("msg_")
    assert abs(int(got.headers["webhook-timestamp"]) - dt.datetime.now(dt.UTC).timestamp()) < 60
    body = json.loads(got.body)
    assert body["type"] == "entry.settled"
    assert body["data"]["amount"] == "120.50"
    assert body["data"]["openAmount"] == "179.50"
    assert body["data"]["entryId"] == gid("FinancialEntry", entry.id)
    assert body["data"]["status"] == "PARTIALLY_PAID"
    # A tampered body or another secret does not verify.
    assert not verify(secret, got.headers, got.body.replace(b"120.50", b"999.99"))
    assert not verify(created["secret"][:-4] + "AAA=", got.headers, got.body)

    delivery = await WebhookDelivery.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        DeliveryStatus.DELIVERED, 1, 200
    )  # fmt: skip

    # The delivery log, in the API.
    log = await admin_api.data(
        "query { companies { webhookEndpoints { url deliveries { event status attempts "
        "messageId body } } } }"
    )
    [endpoint] = [e for c in log["companies"] for e in c["webhookEndpoints"]]
    assert endpoint["deliveries"][0]["status"] == "DELIVERED"
    assert endpoint["deliveries"][0]["messageId"] == got.headers["webhook-id"]
    assert "secret" not in json.dumps(log)


async def test_receiver_down_then_up_and_manual_retry(
    admin_api: ApiClient, clock: SetClock
) -> None:
    down = Receiver()  # its port is chosen, nothing listens on it yet
    company = await make_company()
    debtor = await make_debtor(companies=[company])
    created = await register(admin_api, company, down.url, ["debtor.updated"])
    secret = created["secret"]
    changed = await admin_api.data(
        'mutation($id: ID!) { updateDebtor(input: {id: $id, email: "novo@example.com"}) '
        "{ errors { code } } }",
        {"id": gid("Debtor", debtor.id)},
    )
    assert changed["updateDebtor"]["errors"] == []
    start = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    clock.set(start)
    policy = WebhookPolicy(max_attempts=3, base_delay=dt.timedelta(seconds=30))
    worker = WebhookWorker(allow_private=True, clock=clock, policy=policy)
    assert await worker.drain() == 1
    delivery = await WebhookDelivery.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.last_error is not None
    assert "Connect" in delivery.last_error
    assert delivery.next_attempt_at == start + dt.timedelta(seconds=30)
    assert await worker.drain() == 0  # not due before its backoff

    await down.start()
    try:
        clock.set(start + dt.timedelta(seconds=31))
        assert await worker.drain() == 1
        [got] = down.received
        assert verify(secret, got.headers, got.body)
        body = json.loads(got.body)
        assert body["type"] == "debtor.updated"
        assert body["data"]["changed"] == ["email"]
        assert "novo@example.com" not in got.body.decode()  # ids only, never personal data
        first_id = got.headers["webhook-id"]

        # Now the receiver answers 500 to every attempt: FAILED after the last one.
        changed = await admin_api.data(
            'mutation($id: ID!) { updateDebtor(input: {id: $id, name: "Outro Nome"}) '
            "{ errors { code } } }",
            {"id": gid("Debtor", debtor.id)},
        )
        down.status = 500
        second = await WebhookDelivery.filter(status=DeliveryStatus.PENDING).get()
        second.next_attempt_at = clock()
        await second.save()
        for seconds in (0, 40, 200):
            clock.set(start + dt.timedelta(seconds=31 + seconds))
            await worker.drain()
        await second.refresh_from_db()
        assert (second.status, second.attempts, second.response_status) == (
            DeliveryStatus.FAILED, 3, 500
        )  # fmt: skip
        assert len(down.received) == 4

        # A manual retry, once the receiver is fixed, delivers it with the same webhook-id.
        down.status = 204
        retried = await admin_api.data(
            "mutation($id: ID!) { retryWebhookDelivery(input: {id: $id}) "
            "{ delivery { status attempts } errors { code } } }",
            {"id": gid("WebhookDelivery", second.id)},
        )
        assert retried["retryWebhookDelivery"]["delivery"] == {"status": "PENDING", "attempts": 0}
        assert await worker.drain() == 1
        await second.refresh_from_db()
        assert second.status == DeliveryStatus.DELIVERED
        assert down.received[-1].headers["webhook-id"] == down.received[-2].headers["webhook-id"]
        assert down.received[-1].headers["webhook-id"] != first_id
        again = await admin_api.data(
            "mutation($id: ID!) { retryWebhookDelivery(input: {id: $id}) { errors { code } } }",
            {"id": gid("WebhookDelivery", second.id)},
        )
        assert again["retryWebhookDelivery"]["errors"] == [{"code": "NOT_FAILED"}]
    finally:
        await down.stop()


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1:8080/x", "PRIVATE_ADDRESS"),
        ("http://localhost/x", "PRIVATE_ADDRESS"),
        ("http://10.1.2.3/x", "PRIVATE_ADDRESS"),
        ("http://192.168.0.10/x", "PRIVATE_ADDRESS"),
        ("http://169.254.169.254/latest/meta-data", "PRIVATE_ADDRESS"),
        ("http://[::1]/x", "PRIVATE_ADDRESS"),
        ("http://[::ffff:127.0.0.1]/x", "PRIVATE_ADDRESS"),
        ("ftp://example.com/x", "INVALID_URL"),
        ("https://user:pw@example.com/x", "INVALID_URL"),
        ("example.com/x", "INVALID_URL"),
        ("https://parceiro.example.com/hooks", None),
        ("http://8.8.8.8/hooks", None),
    ],
)
def test_only_public_http_urls(url: str, code: str | None) -> None:
    errors = ErrorCollector()
    check_url(errors, url, "url", allow_private=False)
    assert [e.code for e in errors.errors] == ([code] if code else [])


async def test_resolved_addresses_are_checked_at_delivery(
    admin_api: ApiClient, receiver: Receiver, clock: SetClock
) -> None:
    """A name that resolves to this machine (as a rebinding DNS answer would) is refused at
    delivery time when private addresses are not allowed; nothing reaches the receiver."""
    with pytest.raises(UnsafeAddress):
        await resolve_checked("localhost", 80, allow_private=False)
    assert await resolve_checked("localhost", 80, allow_private=True) in {"127.0.0.1", "::1"}
    company = await make_company()
    debtor = await make_debtor(companies=[company])
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 10))
    url = receiver.url.replace("127.0.0.1", "localhost")
    await register(admin_api, company, url, ["entry.settled"])
    await admin_api.data(SETTLE, {"input": {"entryId": gid("FinancialEntry", entry.id)}})
    strict = WebhookWorker(allow_private=False, clock=clock)
    assert await strict.drain() == 1
    delivery = await WebhookDelivery.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.last_error is not None
    assert "privado" in delivery.last_error
    assert receiver.received == []


async def test_registration_rules(http: httpx.AsyncClient, admin_api: ApiClient) -> None:
    company = await make_company()
    refused = await register(admin_api, company, "http://example.com/x", ["entry.paid"])
    assert refused["errors"] == [{"code": "INVALID_EVENT", "field": ["input", "events"]}]
    collector = await ApiClient.with_login(
        http, await make_user(role=Role.COLLECTOR, companies=[company])
    )
    forbidden = await register(collector, company, "http://example.com/x", ["entry.settled"])
    assert forbidden["errors"][0]["code"] == "FORBIDDEN"
    other = await make_company()
    async with httpx.AsyncClient(transport=http._transport, base_url="http://testserver") as c:
        admin_of_other = await ApiClient.with_login(
            c, await make_user(role=Role.ADMIN, companies=[other])
        )
        hidden = await register(admin_of_other, company, "http://example.com/x", ["entry.settled"])
        assert hidden["errors"] == [{"code": "NOT_FOUND", "field": ["input", "companyId"]}]
        # The administrator of that company registers its own.
        own = await register(admin_of_other, other, "https://erp.example.com/h", ["entry.settled"])
        assert own["errors"] == []


async def test_private_addresses_refused_without_the_development_setting(
    database_url: str, tmp_path: Any
) -> None:
    from backend.app import create_app
    from tests.support import SetClock as Clock

    settings = Settings(database_url=database_url, outbox_dir=str(tmp_path / "o"))
    app = create_app(settings, clock=Clock())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        api = await ApiClient.with_token(client, scope="ADMIN")
        company = await make_company()
        refused = await register(api, company, "http://127.0.0.1:9/x", ["entry.settled"])
        assert refused["errors"] == [{"code": "PRIVATE_ADDRESS", "field": ["input", "url"]}]


async def test_email_sent_event_from_the_mail_worker(
    admin_api: ApiClient, receiver: Receiver, settings: Settings, clock: SetClock
) -> None:
    company = await billing_company()
    debtor = await make_debtor(companies=[company], email="devedor@example.com")
    await make_entry(company, debtor, due=dt.date(2026, 1, 10))
    created = await register(admin_api, company, receiver.url, ["email.sent", "email.failed"])
    sent = await admin_api.data(
        "mutation($input: SendCollectionEmailInput!) { sendCollectionEmail(input: $input) "
        "{ sentEmail { id } errors { code } } }",
        {"input": {"debtorId": gid("Debtor", debtor.id), "companyId": gid("Company", company.id),
                   "subject": "Aviso", "body": "Olá", "confirmRecentContact": True}},
    )  # fmt: skip
    assert sent["sendCollectionEmail"]["errors"] == []
    mail = DeliveryWorker.from_settings(settings)
    assert await mail.drain() == 1
    # The same loop delivers the webhook outbox (`run` drains its companions).
    [companion] = [c for c in mail.companions if isinstance(c, WebhookWorker)]
    assert await companion.drain() == 1
    [got] = receiver.received
    assert verify(created["secret"], got.headers, got.body)
    body = json.loads(got.body)
    assert body["type"] == "email.sent"
    assert body["data"]["sentEmailId"] == sent["sendCollectionEmail"]["sentEmail"]["id"]


async def test_reversal_and_bulk_debtor_changes_are_events(
    admin_api: ApiClient, receiver: Receiver, clock: SetClock
) -> None:
    company = await make_company()
    created = await register(admin_api, company, receiver.url, ["entry.reversed", "debtor.updated"])
    upsert = (
        "mutation($i: UpsertDebtorsInput!) { upsertDebtors(input: $i) { errors { code } "
        "results { errors { code } } } }"
    )
    items = [{"externalId": "c-1", "name": "Um"}, {"externalId": "c-2", "name": "Dois"}]
    variables = {"i": {"companyId": gid("Company", company.id), "items": items}}
    await admin_api.data(upsert, variables)  # created: no debtor.updated
    items[1]["name"] = "Dois Alterado"
    await admin_api.data(upsert, variables)  # one changed, one unchanged
    debtor = await make_debtor(companies=[company])
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 10), amount="50.00")
    settled = await admin_api.data(
        "mutation($id: ID!) { settleEntry(input: {entryId: $id}) { payment { id } } }",
        {"id": gid("FinancialEntry", entry.id)},
    )
    reversed_ = await admin_api.data(
        'mutation($id: ID!) { reversePayment(input: {paymentId: $id, reason: "engano"}) '
        "{ errors { code } } }",
        {"id": settled["settleEntry"]["payment"]["id"]},
    )
    assert reversed_["reversePayment"]["errors"] == []
    assert await WebhookWorker(allow_private=True, clock=clock).drain() == 2
    bodies = [json.loads(r.body) for r in receiver.received]
    assert all(verify(created["secret"], r.headers, r.body) for r in receiver.received)
    assert sorted(b["type"] for b in bodies) == ["debtor.updated", "entry.reversed"]
    by_type = {b["type"]: b["data"] for b in bodies}
    assert by_type["debtor.updated"]["externalId"] == "c-2"
    assert by_type["debtor.updated"]["changed"] == ["name"]
    assert by_type["entry.reversed"]["reversed"] is True
    assert by_type["entry.reversed"]["status"] == "OPEN"
