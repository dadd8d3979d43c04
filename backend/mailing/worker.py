"""The delivery worker: takes QUEUED e-mails from the outbox table and sends them.

Several workers may run at once (in `cobrancas serve` and as `cobrancas worker`). A worker
claims due rows in a short transaction (`FOR UPDATE SKIP LOCKED` on PostgreSQL), marks them
SENDING with a lease and counts the attempt, commits, and only then talks to the SMTP server.
Each claim bumps `attempts`, which doubles as a fencing token: a worker records the outcome
only if the row still carries the attempt number it claimed, so a worker that lost its lease
(it stalled past `lease_until` and another worker took the row) cannot overwrite the result.
A worker that dies mid-send leaves the row SENDING; once the lease expires it is due again.
See README.md in this folder for the guarantee this gives.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F, Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.companies.models import Company
from backend.core.clock import Clock, utc_now
from backend.core.enums import EmailStatus
from backend.core.redaction import redact_text
from backend.lgpd.retention import RetentionSweeper
from backend.live.bus import publish
from backend.mailing.models import SentEmail
from backend.mailing.transport import DeliveryError, Outgoing, Transport, transport_for
from backend.pix.message import pix_images
from backend.settings import Settings
from backend.webhooks.events import email_event
from backend.webhooks.outbox import enqueue_event
from backend.webhooks.worker import WebhookWorker

logger = logging.getLogger("cobrancas.mailing")
MAX_ERROR_LENGTH = 1000

_wake_events: weakref.WeakSet[asyncio.Event] = weakref.WeakSet()


def wake_workers() -> None:
    """Tell the workers of this process that something was queued (others poll)."""
    for event in list(_wake_events):
        event.set()


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff: after failed attempt n the next waits base × factor^(n-1).

    Defaults (MAIL_MAX_ATTEMPTS=6, MAIL_RETRY_BASE_SECONDS=60): retries after 1, 4, 16, 64
    and 256 minutes, so FAILED about 5 h 41 min after the first attempt.
    """

    max_attempts: int = 6
    base_delay: dt.timedelta = dt.timedelta(minutes=1)
    factor: int = 4

    def delay_after(self, attempt: int) -> dt.timedelta:
        multiplier = int(self.factor ** max(attempt - 1, 0))
        return self.base_delay * multiplier

    def schedule(self) -> list[dt.timedelta]:
        return [self.delay_after(n) for n in range(1, self.max_attempts)]


def _due(now: dt.datetime) -> Q:
    return Q(status=EmailStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=EmailStatus.SENDING, lease_until__lt=now
    )


class Drainable(Protocol):
    async def drain(self, stop: asyncio.Event | None = None) -> int: ...


@dataclass(frozen=True, slots=True)
class Claim:
    email: SentEmail
    attempt: int  # the fencing token: `attempts` as this claim set it


class DeliveryWorker:
    def __init__(
        self,
        transport: Transport,
        *,
        policy: RetryPolicy | None = None,
        lease: dt.timedelta = dt.timedelta(minutes=5),
        batch_size: int = 10,
        clock: Clock = utc_now,
        send_time: dt.timedelta = dt.timedelta(seconds=60),
        regua_mail_from: str | None = None,
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()
        self.lease = lease
        self.batch_size = batch_size
        self.clock = clock
        # A message is sent only if its lease has this much left, so no other worker can
        # take it over while the SMTP conversation is still going on.
        self.send_time = min(send_time, lease / 2)
        # The régua's daily run (backend.collection.run) rides on the worker's loop, at most
        # once a minute; None: this worker only delivers.
        self.regua_mail_from = regua_mail_from
        self._regua_checked: dt.datetime | None = None
        # Other outboxes delivered by the same loop (webhooks; see from_settings).
        self.companions: list[Drainable] = []

    @classmethod
    def from_settings(cls, settings: Settings, *, clock: Clock = utc_now) -> DeliveryWorker:
        worker = cls(
            transport_for(settings),
            policy=RetryPolicy(
                max_attempts=settings.mail_max_attempts,
                base_delay=dt.timedelta(seconds=settings.mail_retry_base_seconds),
            ),
            lease=dt.timedelta(seconds=settings.mail_lease_seconds),
            clock=clock,
            regua_mail_from=settings.mail_from if settings.regua_automatic else None,
        )
        worker.companions.append(WebhookWorker.from_settings(settings, clock=clock))
        worker.companions.append(RetentionSweeper(clock=clock))  # LGPD (backend/lgpd/retention.py)
        return worker

    async def claim(self) -> list[Claim]:
        now = self.clock()
        if SentEmail._meta.db.capabilities.support_for_update:
            async with in_transaction() as conn:
                claimed = await self._claim(now, conn)
        else:
            # SQLite: no row locks, and a transaction that reads before it writes fails at
            # once with "database is locked" when another process writes; each statement on
            # its own waits its turn, and the compare-and-set below keeps claims exclusive.
            claimed = await self._claim(now, None)
        if not claimed:
            return []
        rows = await SentEmail.filter(id__in=claimed).order_by("next_attempt_at", "id")
        return [Claim(email=row, attempt=row.attempts) for row in rows]

    async def _claim(self, now: dt.datetime, conn: BaseDBAsyncClient | None) -> list[int]:
        # Without row locks another worker may take every candidate first: look again, so
        # an empty claim means "nothing due", not "lost a race" (which would end a drain).
        for _ in range(5):
            candidates = (
                await SentEmail.filter(_due(now))
                .order_by("next_attempt_at", "id")
                .limit(self.batch_size)
                .select_for_update(skip_locked=True)
                .using_db(conn)
                .only("id")  # not .values(): Tortoise drops FOR UPDATE from a values query
            )
            claimed = []
            for email_id in (row.id for row in candidates):
                # Compare-and-set: still due, so no other worker took it in the meantime.
                updated = (
                    await SentEmail.filter(_due(now), id=email_id)
                    .using_db(conn)
                    .update(
                        status=EmailStatus.SENDING,
                        lease_until=now + self.lease,
                        attempts=F("attempts") + 1,
                    )
                )
                if updated:
                    claimed.append(email_id)
            if claimed or not candidates:
                return claimed
        return []

    async def run_once(self, stop: asyncio.Event | None = None) -> int:
        """Claim one batch and deliver it; returns how many rows were claimed."""
        claims = await self.claim()
        if not claims:
            return 0
        companies = {
            c.id: c for c in await Company.filter(id__in={c.email.company_id for c in claims})
        }
        try:
            for claim in claims:
                if stop is not None and stop.is_set():
                    await self._release(claim)  # shutting down: leave it to the next worker
                else:
                    await self._deliver(claim, companies[claim.email.company_id])
        finally:
            await self.transport.close()
        return len(claims)

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        """Deliver until nothing is due now; returns how many rows were claimed in total."""
        total = 0
        while not (stop is not None and stop.is_set()) and (count := await self.run_once(stop)):
            total += count
        return total

    async def run(self, stop: asyncio.Event, poll_interval: float = 5.0) -> None:
        wake = asyncio.Event()
        _wake_events.add(wake)
        logger.info("Entrega de e-mails ativa: %s", self.transport.description)
        # The régua runs beside the deliveries (a first run may queue for minutes), one run at
        # a time; what it queues is delivered meanwhile.
        regua: asyncio.Task[None] | None = None
        while not stop.is_set():
            if regua is None or regua.done():
                if regua is not None and not regua.cancelled() and regua.exception() is not None:
                    logger.error(
                        "Falha na execução diária da régua de cobrança",
                        exc_info=regua.exception(),
                    )
                regua = asyncio.create_task(self.regua_tick())
            try:
                await self.drain(stop)
            except Exception:  # the loop must survive a database hiccup
                logger.exception("Falha no ciclo de entrega de e-mails")
            for companion in self.companions:  # the webhook outbox (backend/webhooks/worker.py)
                try:
                    await companion.drain(stop)
                except Exception:
                    logger.exception("Falha no ciclo de entrega (%s)", type(companion).__name__)
            wake.clear()
            waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(wake.wait())]
            await asyncio.wait(waiters, timeout=poll_interval, return_when="FIRST_COMPLETED")
            for waiter in waiters:
                waiter.cancel()
        if regua is not None and not regua.done():
            regua.cancel()  # a message's claim and e-mail commit together or not at all
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await regua

    async def regua_tick(self) -> None:
        """Run the régua for the companies due now (once a day each, in business hours)."""
        if self.regua_mail_from is None:
            return
        now = self.clock()
        if self._regua_checked is not None and now - self._regua_checked < dt.timedelta(minutes=1):
            return
        self._regua_checked = now
        from backend.collection.run import run_due  # the régua imports the mailing domain

        await run_due(now=now, mail_from=self.regua_mail_from)

    @staticmethod
    def _mine(claim: Claim) -> QuerySet[SentEmail]:
        """The row, only while it still carries this claim's attempt number."""
        return SentEmail.filter(
            id=claim.email.id, status=EmailStatus.SENDING, attempts=claim.attempt
        )

    async def _release(self, claim: Claim) -> None:
        """Give a claimed row back unsent; the attempt does not count."""
        await self._mine(claim).update(
            status=EmailStatus.QUEUED, lease_until=None, attempts=F("attempts") - 1
        )

    async def _deliver(self, claim: Claim, company: Company) -> None:
        email = claim.email
        mine = self._mine(claim)
        assert email.lease_until is not None
        if self.clock() + self.send_time > email.lease_until:
            await self._release(claim)  # too little lease left to finish a send safely
            return
        if email.automatic:  # the régua's e-mails go out only in the company's business hours
            from backend.collection.run import delivery_opening

            if (opening := await delivery_opening(company, self.clock())) is not None:
                await mine.update(
                    status=EmailStatus.QUEUED,
                    lease_until=None,
                    attempts=F("attempts") - 1,
                    next_attempt_at=opening,
                )
                return
        already = list(email.delivered_to or [])
        outgoing = Outgoing(
            sent_email_id=email.id,
            recipients=[r for r in email.recipients if r not in already],
            subject=email.subject,
            html=email.html,
            text=email.text,
            from_name=company.name,
            reply_to=company.email,
            message_id=email.message_id or f"<sent-email-{email.id}@localhost>",
            inline_images=pix_images(email.pix_copia_e_cola, email.pix_txid),
        )
        try:
            refused = await self.transport.send(outgoing)
        except DeliveryError as exc:
            delivered = already + exc.delivered
            if exc.permanent and delivered:  # the rest refused for good: it reached someone
                await self._record_sent(claim, mine, delivered, note=str(exc))
                return
            await self._record_failure(
                claim, mine, str(exc), permanent=exc.permanent, delivered=delivered
            )
            return
        except Exception as exc:  # an unexpected bug must not leave the row SENDING forever
            logger.exception("Erro inesperado ao enviar o e-mail %s", email.id)
            await self._record_failure(
                claim, mine, f"Erro inesperado: {exc}", permanent=False, delivered=already
            )
            return
        note = f"Recusados pelo servidor: {', '.join(refused)}" if refused else None
        delivered = already + [r for r in outgoing.recipients if r not in refused]
        await self._record_sent(claim, mine, delivered, note=note)

    async def _record_sent(
        self, claim: Claim, mine: QuerySet[SentEmail], delivered: list[str], *, note: str | None
    ) -> None:
        email = claim.email
        async with in_transaction():  # the webhook outbox row commits with the status
            recorded = await mine.update(
                status=EmailStatus.SENT,
                sent_at=self.clock(),
                lease_until=None,
                next_attempt_at=None,
                last_error=note[:MAX_ERROR_LENGTH] if note else None,
                delivered_to=delivered,
            )
            if recorded:
                await enqueue_event(
                    email.company_id,
                    "email.sent",
                    email_event(email.id, email.debtor_id, email.company_id),
                    now=self.clock(),
                )
        if not recorded:
            logger.warning("E-mail %s enviado depois de perder a vez (lease expirado)", email.id)
            return
        await publish(
            None,
            kind="email.sent",
            debtor_id=email.debtor_id,
            company_ids=[email.company_id],
            actor="envio de e-mails",
        )
        # The SentEmail id leads to the recipients for whoever may read them; the log does not.
        logger.info("E-mail %s enviado para %s destinatário(s)", email.id, len(email.recipients))

    async def _record_failure(
        self,
        claim: Claim,
        mine: QuerySet[SentEmail],
        error: str,
        *,
        permanent: bool,
        delivered: list[str],
    ) -> None:
        email = claim.email
        error = error[:MAX_ERROR_LENGTH]
        if permanent or claim.attempt >= self.policy.max_attempts:
            async with in_transaction():
                if await mine.update(
                    status=EmailStatus.FAILED,
                    lease_until=None,
                    last_error=error,
                    delivered_to=delivered or None,
                ):
                    await enqueue_event(
                        email.company_id,
                        "email.failed",
                        email_event(email.id, email.debtor_id, email.company_id),
                        now=self.clock(),
                    )
            await publish(
                None,
                kind="email.failed",
                debtor_id=email.debtor_id,
                company_ids=[email.company_id],
                actor="envio de e-mails",
            )
            logger.error(
                "E-mail %s falhou de vez (%s tentativas): %s",
                email.id,
                claim.attempt,
                redact_text(error),
            )
            return
        retry_at = self.clock() + self.policy.delay_after(claim.attempt)
        await mine.update(
            status=EmailStatus.QUEUED,
            lease_until=None,
            next_attempt_at=retry_at,
            last_error=error,
            delivered_to=delivered or None,
        )
        logger.warning(
            "E-mail %s: tentativa %s falhou, nova tentativa às %s: %s",
            email.id,
            claim.attempt,
            retry_at.isoformat(timespec="seconds"),
            redact_text(error),
        )


@contextlib.asynccontextmanager
async def mail_worker_service(settings: Settings, *, clock: Clock = utc_now) -> AsyncIterator[None]:
    """A BackgroundService for create_app: one worker running alongside the web server."""
    worker = DeliveryWorker.from_settings(settings, clock=clock)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop, poll_interval=settings.mail_poll_seconds))
    try:
        yield
    finally:
        stop.set()
        try:
            # Let a send in progress finish; after that its lease would redo it anyway.
            await asyncio.wait_for(task, timeout=30)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def run_worker(settings: Settings, *, drain: bool = False) -> int:
    """`cobrancas worker`: deliver until SIGINT/SIGTERM (or, with drain, until the queue is
    empty); returns how many e-mails were claimed when draining."""
    await Tortoise.init(config=settings.tortoise_config())
    try:
        worker = DeliveryWorker.from_settings(settings)
        if drain:
            count = await worker.drain()
            for companion in worker.companions:
                await companion.drain()
            return count
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        await worker.run(stop, poll_interval=settings.mail_poll_seconds)
        return 0
    finally:
        await Tortoise.close_connections()
