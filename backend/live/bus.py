"""Live updates: what changed, published after the change's transaction has committed.

A write point calls `await publish(principal, kind=..., debtor_id=..., company_ids=...)` once
its `in_transaction()` block is over. On PostgreSQL the event goes out with `pg_notify`, so every
server process listening on the channel (a dedicated asyncpg connection, `Hub`) receives it,
its own included; on SQLite (one process) it goes straight to this process's subscribers.
Subscribers are filtered by the same scope as every read: `LiveEvent.visible_to`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

from tortoise import connections

from backend.core.clock import utc_now
from backend.core.principal import Principal

logger = logging.getLogger("cobrancas.live")

CHANNEL = "cobrancas_live"
QUEUE_SIZE = 100  # a subscriber this far behind loses the oldest events


@dataclass(frozen=True)
class LiveEvent:
    kind: str  # payment.settle, payment.reverse, email.queue, email.sent, appointment, …
    debtor_id: int | None
    company_ids: tuple[int, ...]
    actor: str
    actor_user_id: int | None
    at: dt.datetime

    def visible_to(self, principal: Principal) -> bool:
        """As the reads: an unrestricted principal sees everything; a restricted one only events
        of one of its companies (an event of no company is for unrestricted principals only)."""
        if principal.unrestricted:
            return True
        return any(principal.sees_company(c) for c in self.company_ids)

    def dumps(self) -> str:
        return json.dumps(
            {
                "kind": self.kind,
                "debtor": self.debtor_id,
                "companies": list(self.company_ids),
                "actor": self.actor,
                "actorUser": self.actor_user_id,
                "at": self.at.isoformat(),
            }
        )

    @classmethod
    def loads(cls, text: str) -> LiveEvent:
        data = json.loads(text)
        return cls(
            kind=str(data["kind"]),
            debtor_id=data["debtor"],
            company_ids=tuple(int(c) for c in data["companies"]),
            actor=str(data["actor"]),
            actor_user_id=data["actorUser"],
            at=dt.datetime.fromisoformat(data["at"]),
        )


@dataclass
class _Subscribers:
    queues: set[asyncio.Queue[LiveEvent]] = field(default_factory=set)

    def deliver(self, event: LiveEvent) -> None:
        for queue in list(self.queues):
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)


_local = _Subscribers()


def _is_postgres() -> bool:
    try:
        return bool(connections.get("default").capabilities.dialect == "postgres")
    except Exception:
        return False


async def publish(
    principal: Principal | None,
    *,
    kind: str,
    debtor_id: int | None,
    company_ids: Iterable[int | None] = (),
    actor: str | None = None,
) -> None:
    """Announce a committed change. Never fails the write that already happened."""
    event = LiveEvent(
        kind=kind,
        debtor_id=debtor_id,
        company_ids=tuple(sorted({c for c in company_ids if c is not None})),
        actor=actor if actor is not None else (principal.name if principal else "sistema"),
        actor_user_id=principal.user_id if principal else None,
        at=utc_now(),
    )
    try:
        if _is_postgres():
            conn = connections.get("default")
            await conn.execute_query("SELECT pg_notify($1, $2)", [CHANNEL, event.dumps()])
        else:
            _local.deliver(event)
    except Exception:
        logger.exception("Aviso ao vivo não publicado (%s)", kind)


@contextlib.contextmanager
def _queue() -> Any:
    queue: asyncio.Queue[LiveEvent] = asyncio.Queue(maxsize=QUEUE_SIZE)
    _local.queues.add(queue)
    try:
        yield queue
    finally:
        _local.queues.discard(queue)


async def events(principal: Principal) -> AsyncIterator[LiveEvent]:
    """This process's events (every process's on PostgreSQL, through the Hub) that the
    principal may see, as they come."""
    with _queue() as queue:
        while True:
            event = await queue.get()
            if event.visible_to(principal):
                yield event


@contextlib.asynccontextmanager
async def hub(database_url: str) -> AsyncIterator[None]:
    """For the life of a server process: on PostgreSQL, a dedicated connection LISTENs on the
    channel and hands each notification to this process's subscribers."""
    if not database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        yield
        return
    import asyncpg  # type: ignore[import-untyped]

    dsn = "postgresql://" + database_url.split("://", 1)[1]

    def on_notify(_conn: Any, _pid: int, _channel: str, payload: str) -> None:
        try:
            _local.deliver(LiveEvent.loads(payload))
        except (ValueError, KeyError, TypeError):
            logger.warning("Aviso ao vivo ilegível ignorado")

    conn = await asyncpg.connect(dsn)
    try:
        await conn.add_listener(CHANNEL, on_notify)
        yield
    finally:
        with contextlib.suppress(Exception):
            await conn.remove_listener(CHANNEL, on_notify)
        await conn.close()
