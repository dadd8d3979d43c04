"""Live updates across server processes: two `cobrancas serve` on one PostgreSQL database; a
payment settled through one reaches a subscriber of the other (LISTEN/NOTIFY), within 2 s."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import httpx
from websockets.asyncio.client import connect

from tests.live import run, server_env, serving, throwaway_database

SUBSCRIBE = "subscription { liveUpdates { kind debtorId actor } }"
FIND = """{ debtors(first: 5) { edges { node { id
  overdueEntries(first: 1) { edges { node { id } } } } } } }"""
SETTLE = """mutation($id: ID!) { settleEntry(input: {entryId: $id}) {
  entry { id } errors { code } } }"""


async def _receive_one(
    ws_url: str, token: str, settle: httpx.Client, entry: str
) -> dict[str, object]:
    async with connect(ws_url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
        await ws.send(json.dumps(init))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        subscribe = {"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}
        await ws.send(json.dumps(subscribe))
        await asyncio.sleep(0.5)  # the other process cannot tell when it listens
        started = time.monotonic()
        answer = await asyncio.to_thread(
            settle.post, "/graphql", json={"query": SETTLE, "variables": {"id": entry}}
        )
        body = answer.json()
        assert body["data"]["settleEntry"]["errors"] == [], body
        message = json.loads(await asyncio.wait_for(ws.recv(), 2))
        assert time.monotonic() - started < 2
        assert message["type"] == "next", message
        update: dict[str, object] = message["payload"]["data"]["liveUpdates"]
        return update


def test_an_event_in_one_process_reaches_a_subscriber_of_another(tmp_path: Path) -> None:
    with throwaway_database("postgres", tmp_path, "liveproc") as database_url:
        env = server_env(database_url, tmp_path, "WARNING")
        run(env, "backend.cli", "migrate")
        run(env, "backend.cli", "demo", "--debtors", "12", "--entries", "60", "--seed", "3")
        token = run(env, "tests.live_seed").strip().splitlines()[-1]
        other_env = server_env(database_url, tmp_path, "WARNING")
        with (
            serving(env, tmp_path / "one.log", "backend.cli", "serve", "--no-worker") as one,
            serving(other_env, tmp_path / "two.log", "backend.cli", "serve", "--no-worker") as two,
            httpx.Client(base_url=one, headers={"Authorization": f"Bearer {token}"}) as client,
        ):
            debtors = client.post("/graphql", json={"query": FIND}).json()["data"]["debtors"]
            entry, debtor = next(
                (d["node"]["overdueEntries"]["edges"][0]["node"]["id"], d["node"]["id"])
                for d in debtors["edges"]
                if d["node"]["overdueEntries"]["edges"]
            )
            ws_url = two.replace("http://", "ws://") + "/graphql"
            update = asyncio.run(_receive_one(ws_url, token, client, entry))
    assert update == {"kind": "payment.settle", "debtorId": debtor, "actor": "token fuzz"}
