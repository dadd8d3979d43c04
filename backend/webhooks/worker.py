"""Delivers the webhook outbox, with the e-mail worker's guarantees (backend/mailing/worker.py):
claims due rows with a lease and an attempt counter that fences a worker that lost its lease,
retries with exponential backoff, FAILED after the last attempt (retryWebhookDelivery queues it
again). At least once: a receiver may get a message twice (same webhook-id) and should dedupe.

A 2xx answer is delivered; anything else, a timeout or a refused address is a failed attempt.
Redirects are not followed (they could lead to a private address).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from backend.core.clock import Clock, utc_now
from backend.settings import Settings
from backend.webhooks.addresses import UnsafeAddress, resolve_checked
from backend.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from backend.webhooks.signing import headers

logger = logging.getLogger("cobrancas.webhooks")
MAX_ERROR = 1000


def _due(now: dt.datetime) -> Q:
    return Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=DeliveryStatus.SENDING, lease_until__lt=now
    )


@dataclass(frozen=True)
class WebhookPolicy:
    max_attempts: int = 8
    base_delay: dt.timedelta = dt.timedelta(seconds=30)
    factor: int = 4  # 30 s, 2 min, 8 min, 32 min, ~2 h, ~8.5 h, ~34 h
    lease: dt.timedelta = dt.timedelta(seconds=60)
    timeout: float = 10.0

    def delay_after(self, attempt: int) -> dt.timedelta:
        return self.base_delay * int(self.factor ** max(attempt - 1, 0))


class WebhookWorker:
    def __init__(
        self,
        *,
        allow_private: bool = False,
        policy: WebhookPolicy | None = None,
        clock: Clock = utc_now,
        batch_size: int = 20,
    ) -> None:
        self.allow_private = allow_private
        self.policy = policy or WebhookPolicy()
        self.clock = clock
        self.batch_size = batch_size

    @classmethod
    def from_settings(cls, settings: Settings, *, clock: Clock = utc_now) -> WebhookWorker:
        return cls(
            allow_private=settings.webhooks_allow_private,
            policy=WebhookPolicy(
                max_attempts=settings.webhook_max_attempts,
                base_delay=dt.timedelta(seconds=settings.webhook_retry_base_seconds),
            ),
            clock=clock,
        )

    async def claim(self) -> list[tuple[WebhookDelivery, int]]:
        now = self.clock()
        locks = WebhookDelivery._meta.db.capabilities.support_for_update
        claimed: list[int] = []
        for _ in range(5):
            if locks:
                async with in_transaction():
                    candidates = await self._candidates(now)
                    claimed = [d for d in candidates if await self._take(d, now)]
            else:  # SQLite: compare-and-set per row, as the e-mail worker does
                candidates = await self._candidates(now)
                claimed = [d for d in candidates if await self._take(d, now)]
            if claimed or not candidates:
                break
        if not claimed:
            return []
        rows = await WebhookDelivery.filter(id__in=claimed).order_by("id")
        return [(row, row.attempts) for row in rows]

    async def _candidates(self, now: dt.datetime) -> list[int]:
        rows = (
            await WebhookDelivery.filter(_due(now))
            .order_by("next_attempt_at", "id")
            .limit(self.batch_size)
            .select_for_update(skip_locked=True)
            .only("id")
        )
        return [r.id for r in rows]

    async def _take(self, delivery_id: int, now: dt.datetime) -> bool:
        updated = await WebhookDelivery.filter(_due(now), id=delivery_id).update(
            status=DeliveryStatus.SENDING,
            lease_until=now + self.policy.lease,
            attempts=F("attempts") + 1,
        )
        return bool(updated)

    async def run_once(self) -> int:
        claims = await self.claim()
        if not claims:
            return 0
        endpoints = {
            e.id: e for e in await WebhookEndpoint.filter(id__in={d.endpoint_id for d, _ in claims})
        }
        for delivery, attempt in claims:
            await self._deliver(delivery, attempt, endpoints[delivery.endpoint_id])
        return len(claims)

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        """Deliver until nothing is due now; returns how many deliveries were claimed."""
        total = 0
        while not (stop is not None and stop.is_set()) and (count := await self.run_once()):
            total += count
        return total

    async def _deliver(
        self, delivery: WebhookDelivery, attempt: int, endpoint: WebhookEndpoint
    ) -> None:
        mine = WebhookDelivery.filter(
            id=delivery.id, status=DeliveryStatus.SENDING, attempts=attempt
        )
        timestamp = int(self.clock().timestamp())
        signed = headers(endpoint.secret, delivery.message_id, timestamp, delivery.body)
        status: int | None = None
        try:
            status = await self._post(endpoint.url, signed, delivery.body)
            error = None if 200 <= status < 300 else f"HTTP {status}"
        except UnsafeAddress as exc:
            error = str(exc)
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        now = self.clock()
        if error is None:
            await mine.update(
                status=DeliveryStatus.DELIVERED, delivered_at=now, lease_until=None,
                next_attempt_at=None, response_status=status, last_error=None,
            )  # fmt: skip
            logger.info("Webhook %s entregue (endpoint %s)", delivery.id, endpoint.id)
            return
        if attempt >= self.policy.max_attempts or not endpoint.active:
            await mine.update(
                status=DeliveryStatus.FAILED, lease_until=None, next_attempt_at=None,
                response_status=status, last_error=error[:MAX_ERROR],
            )  # fmt: skip
            logger.error("Webhook %s falhou de vez após %s tentativas", delivery.id, attempt)
            return
        retry_at = now + self.policy.delay_after(attempt)
        await mine.update(
            status=DeliveryStatus.PENDING, lease_until=None, next_attempt_at=retry_at,
            response_status=status, last_error=error[:MAX_ERROR],
        )  # fmt: skip
        logger.warning("Webhook %s: tentativa %s falhou (%s)", delivery.id, attempt, error[:200])

    async def _post(self, url: str, signed: dict[str, str], body: str) -> int:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = await resolve_checked(host, port, allow_private=self.allow_private)
        # Connect to the address just checked; the Host header and TLS name stay the URL's.
        netloc = f"[{address}]" if ":" in address else address
        if parts.port:
            netloc += f":{parts.port}"
        target = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        host_header = host if not parts.port else f"{host}:{parts.port}"
        async with httpx.AsyncClient(
            timeout=self.policy.timeout, follow_redirects=False, trust_env=False
        ) as client:
            response = await client.post(
                target,
                content=body.encode(),
                headers={**signed, "host": host_header, "user-agent": "Cobrancas-Webhooks/1"},
                extensions=extensions,
            )
            return response.status_code
