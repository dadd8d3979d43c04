"""Live updates over WebSocket (graphql-transport-ws at /graphql), against a real uvicorn in this
process on both engines: a change committed by one client reaches another's subscription, with
who did it, scoped like every read. (Across two server processes on PostgreSQL:
tests/e2e/test_live_processes.py.)"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from backend.accounts.services import create_token
from backend.app import create_app
from backend.core.enums import TokenScope
from backend.live import bus
from backend.settings import Settings
from tests.entries.helpers import SETTLE
from tests.live import free_port
from tests.support import ApiClient, SetClock, gid, make_company, make_debtor, make_entry

SUBSCRIBE = """subscription($debtorId: ID) {
  liveUpdates(debtorId: $debtorId) { kind debtorId actor actorUserId at }
}"""
PROTOCOL = "graphql-transport-ws"


@pytest.fixture
async def server(settings: Settings, clock: SetClock, database_url: str) -> AsyncIterator[str]:
    """uvicorn serving the app on this event loop (Tortoise is up already: no lifespan), with
    the live hub the lifespan would start (LISTEN on PostgreSQL)."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, clock=clock), port=port, lifespan="off", log_level="warning"
    )
    server = uvicorn.Server(config)
    async with bus.hub(database_url):
        task = asyncio.create_task(server.serve())
        for _ in range(500):
            if server.started:
                break
            await asyncio.sleep(0.01)
        try:
            yield f"127.0.0.1:{port}"
        finally:
            server.should_exit = True
            await task


async def token(scope: str = "READ", companies: list[int] | None = None) -> str:
    issued = await create_token(
        name="painel",
        scope=TokenScope(scope),
        all_companies=companies is None,
        company_ids=companies or [],
    )
    return issued.secret


@contextlib.asynccontextmanager
async def subscribed(
    address: str, secret: str, debtor_id: str | None = None
) -> AsyncIterator[ClientConnection]:
    async with connect(f"ws://{address}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(
            json.dumps(
                {"type": "connection_init", "payload": {"authorization": f"Bearer {secret}"}}
            )
        )
        ack = await ws.recv()
        # Text frames, as graphql-transport-ws requires: a browser gets a binary one as a Blob.
        assert isinstance(ack, str), ack
        assert json.loads(ack)["type"] == "connection_ack"
        before = len(bus._local.queues)
        await ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIBE, "variables": {"debtorId": debtor_id}},
                }
            )
        )
        for _ in range(200):  # the subscription is listening once its queue is there
            if len(bus._local.queues) > before:
                break
            await asyncio.sleep(0.01)
        yield ws


async def next_update(ws: ClientConnection, seconds: float = 2.0) -> dict[str, Any]:
    frame = await asyncio.wait_for(ws.recv(), seconds)
    assert isinstance(frame, str), frame
    message = json.loads(frame)
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    update: dict[str, Any] = message["payload"]["data"]["liveUpdates"]
    return update


async def test_a_settlement_reaches_the_debtor_s_subscriber_with_who_did_it(
    server: str, http: httpx.AsyncClient
) -> None:
    company = await make_company()
    debtor = await make_debtor(companies=[company])
    entry = await make_entry(company, debtor, due=dt.date(2026, 1, 10))
    other = await make_debtor(companies=[company])
    other_entry = await make_entry(company, other, due=dt.date(2026, 1, 10))
    collector = await ApiClient.with_token(http, scope="WRITE")
    async with subscribed(server, await token(), gid("Debtor", debtor.id)) as ws:
        # Another debtor's change is not this page's business.
        settle = {"input": {"entryId": gid("FinancialEntry", other_entry.id)}}
        assert (await collector.data(SETTLE, settle))["settleEntry"]["errors"] == []
        settle = {"input": {"entryId": gid("FinancialEntry", entry.id)}}
        assert (await collector.data(SETTLE, settle))["settleEntry"]["errors"] == []
        update = await next_update(ws)
    assert update["kind"] == "payment.settle"
    assert update["debtorId"] == gid("Debtor", debtor.id)
    assert update["actor"].startswith("token ")  # the collector's token, by name


async def test_a_restricted_principal_receives_only_its_companies_events(
    server: str, http: httpx.AsyncClient
) -> None:
    mine, theirs = await make_company(), await make_company()
    debtor = await make_debtor(companies=[mine, theirs])
    their_entry = await make_entry(theirs, debtor, due=dt.date(2026, 1, 10))
    my_entry = await make_entry(mine, debtor, due=dt.date(2026, 1, 10))
    collector = await ApiClient.with_token(http, scope="WRITE")
    async with subscribed(server, await token(companies=[mine.id])) as ws:
        for entry in (their_entry, my_entry):
            settle = {"input": {"entryId": gid("FinancialEntry", entry.id)}}
            assert (await collector.data(SETTLE, settle))["settleEntry"]["errors"] == []
        update = await next_update(ws)
        assert update["kind"] == "payment.settle"
        # The first (and only) event it got is its own company's: the other was filtered.
        with pytest.raises(TimeoutError):
            await next_update(ws, seconds=0.3)


async def test_a_debtor_out_of_reach_answers_as_a_missing_one(server: str) -> None:
    mine, theirs = await make_company(), await make_company()
    hidden = await make_debtor(companies=[theirs])
    secret = await token(companies=[mine.id])
    answers = []
    for debtor_id in (gid("Debtor", hidden.id), gid("Debtor", hidden.id + 1000)):
        async with subscribed(server, secret, debtor_id) as ws:
            answers.append(json.loads(await asyncio.wait_for(ws.recv(), 2)))
    assert answers[0] == answers[1]  # out of reach answers exactly as unknown
    assert answers[0]["type"] == "next"
    assert answers[0]["payload"]["data"] is None
    assert answers[0]["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_websocket_without_a_valid_credential_is_closed(server: str) -> None:
    async with connect(f"ws://{server}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": "Bearer cob_x"}})
        )
        with pytest.raises(ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 2)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403


async def test_a_foreign_page_cannot_open_a_subscription(server: str) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            f"ws://{server}/graphql",
            subprotocols=[PROTOCOL],  # type: ignore[list-item]
            origin="http://evil.example",  # type: ignore[arg-type]
        ):
            pass
    assert refused.value.response.status_code == 403


async def test_only_subscriptions_run_over_the_websocket(server: str) -> None:
    """Queries and mutations go over HTTP, where the time limit and token budget apply."""
    async with connect(f"ws://{server}/graphql", subprotocols=[PROTOCOL]) as ws:  # type: ignore[list-item]
        secret = await token("WRITE")
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {secret}"}}
        await ws.send(json.dumps(init))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        query = {"query": "{ companies { id } }"}
        await ws.send(json.dumps({"id": "q", "type": "subscribe", "payload": query}))
        message = json.loads(await asyncio.wait_for(ws.recv(), 2))
    assert message["type"] == "next"
    assert message["payload"]["data"] is None
    assert message["payload"]["errors"][0]["extensions"]["code"] == "SUBSCRIPTIONS_ONLY"
