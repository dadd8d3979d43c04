"""The webhook outbox: `enqueue_event` writes one WebhookDelivery per subscribed endpoint, in the
caller's transaction (Tortoise runs it on the transaction open in this task), so an event is
delivered if and only if the change it reports was committed. The worker (worker.py) sends them.

For other domains (the régua's broken promises, for one):

    from backend.webhooks.outbox import enqueue_event
    async with in_transaction():
        ...  # the change
        await enqueue_event(company_id, "promise.broken", {"promiseId": ..., "debtorId": ...})
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from backend.core.clock import utc_now
from backend.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

EVENTS = (
    "entry.settled",
    "entry.reversed",
    "email.sent",
    "email.failed",
    "promise.broken",
    "debtor.updated",
)


async def enqueue_event(
    company_id: int, event: str, payload: Mapping[str, Any], *, now: dt.datetime | None = None
) -> int:
    """Queue `event` for every active endpoint of the company that subscribed to it; returns how
    many deliveries were queued."""
    return await enqueue_events(company_id, event, [payload], now=now)


async def enqueue_events(
    company_id: int,
    event: str,
    payloads: Iterable[Mapping[str, Any]],
    *,
    now: dt.datetime | None = None,
) -> int:
    assert event in EVENTS, event
    payloads = list(payloads)
    if not payloads:
        return 0
    endpoints = [
        e
        for e in await WebhookEndpoint.filter(company_id=company_id, active=True)
        if event in e.events
    ]
    if not endpoints:
        return 0
    at = now or utc_now()
    rows = []
    for payload in payloads:
        message_id = "msg_" + secrets.token_hex(16)
        body = json.dumps(
            {"type": event, "timestamp": at.isoformat(), "data": dict(payload)},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for endpoint in endpoints:
            rows.append(
                WebhookDelivery(
                    endpoint_id=endpoint.id,
                    company_id=company_id,
                    event=event,
                    message_id=message_id if len(endpoints) == 1 else f"{message_id}_{endpoint.id}",
                    body=body,
                    status=DeliveryStatus.PENDING,
                    next_attempt_at=at,
                )
            )
    await WebhookDelivery.bulk_create(rows)
    from backend.mailing.worker import wake_workers

    wake_workers()
    return len(rows)
