"""The race's soak and process accounting, without PostgreSQL or PostGraphile: the verdict's
arithmetic, the report, the command lines for N processes, and the wrk mix (bench/race/mix.lua)
against a tiny local server that answers GraphQL errors to one of its two bodies."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bench.race.__main__ import CLUSTER, POSTGRAPHILE, parse, peer_command
from bench.race.processes import cpu_seconds, rss_mib, served, tree
from bench.race.soak import (
    Chunk,
    SoakResult,
    _wrk_mix,
    chunk_lengths,
    growth,
    render_soak,
    soak_target,
)


def _chunks(samples: list[float], every: float = 20) -> list[Chunk]:
    return [
        Chunk(end_s=every * (i + 1), rss_mib=m, requests=100, seconds=every, errors=0,
              p50_ms=10, p99_ms=50)
        for i, m in enumerate(samples)
    ]  # fmt: skip


def test_growth_against_the_first_minutes_plateau() -> None:
    # 10 minutes, a sample every 20 s: the plateau is the first minute's highest sample.
    flat = growth(_chunks([120, 135, 140] + [141] * 26 + [146]))
    assert (flat.plateau_mib, flat.end_mib, flat.tolerance_mib) == (140, 146, 8)
    assert flat.flat
    leak = growth(_chunks([120, 135, 140] + [150 + i for i in range(27)]))
    assert leak.growth_mib == 36
    assert not leak.flat
    # 5 % of a large plateau is the tolerance when it exceeds 8 MiB (two workers: ~400 MiB).
    big = growth(_chunks([380, 400, 400] + [418] * 27))
    assert big.tolerance_mib == 20
    assert big.flat
    # a short run: the first third stands for the first minute
    short = growth(_chunks([100, 110, 111, 112, 113, 125], every=5))
    assert short.plateau_mib == 110
    assert not short.flat


def test_chunk_lengths() -> None:
    assert chunk_lengths(600, 20) == [20] * 30
    assert sum(chunk_lengths(610, 20)) == 610
    assert chunk_lengths(15, 20) == [5, 5, 5]  # at least three samples
    assert chunk_lengths(3, 20) == [2, 2]
    assert all(n >= 2 for n in chunk_lengths(7, 20))


def test_soak_report_flags_growth() -> None:
    ours = SoakResult("ours", "Cobranças", idle_mib=110, after_mib=150, processes=3, serving=2)
    ours.chunks = _chunks([120, 135, 140] + [141] * 27)
    peer = SoakResult("peer", "PostGraphile", idle_mib=120, after_mib=300, processes=1, serving=1)
    peer.chunks = _chunks([150, 160, 170] + [180 + 3 * i for i in range(27)])
    peer.chunks[4].errors = 2
    report = render_soak([ours, peer], header=["(cabeçalho)"], minutes=10, clients=8, workers=2)
    assert "| Cobranças | 3 (2) | 5.0 | 3,000 | 0 |" in report
    assert "+1.0 MiB (+0.7%) | sem crescimento |" in report
    assert "| PostGraphile | 1 (1) | 5.0 | 3,000 | 2 |" in report
    assert "**CRESCEU**" in report
    assert "o alvo da issue 11 pede 10 min" not in report
    assert report.count("| 600 | ") == 2  # every sample, both servers
    short = render_soak([ours], header=[], minutes=1, clients=8, workers=1)
    assert "Execução de 1 min: o alvo da issue 11 pede 10 min" in short


def test_workers_run_postgraphile_under_node_cluster() -> None:
    one = peer_command(parse(["--workers", "1"]), "postgres://x/db", 5000)
    assert one[1] == str(POSTGRAPHILE)
    two = peer_command(parse(["--workers", "2"]), "postgres://x/db", 5000)
    assert two[1:3] == [str(CLUSTER), "2"]
    assert two[3:] == one[2:]
    assert parse(["--soak"]).soak == 10
    assert parse(["--soak", "0.5"]).soak == 0.5
    assert parse([]).soak is None


def test_process_tree_memory_and_who_served() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import time; sum(range(10**7)); time.sleep(5)"]
    )
    try:
        before = cpu_seconds(os.getpid())
        while cpu_seconds(os.getpid()).get(child.pid, 0) < 0.1:  # the child's busy part
            if child.poll() is not None:
                break
        after = cpu_seconds(os.getpid())
        assert child.pid in tree(os.getpid())
        assert rss_mib(os.getpid()) > rss_mib(child.pid) > 1
    finally:
        child.kill()
        child.wait()
    assert served({1: 0.0, 2: 0.0}, {1: 0.05, 2: 3.0, 3: 2.0}) == 2
    assert served({}, {1: 0.0}) == 0
    assert served(before, after) >= 1


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        answer = {"errors": [{"message": "x"}]} if body["query"] == "bad" else {"data": {}}
        assert self.headers["Authorization"] == "Bearer t"
        payload = json.dumps(answer, separators=(",", ":")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, *args: object) -> None:
        pass  # wrk drops its connections mid-answer when its time is up


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk não instalado")
def test_mix_rotates_bodies_and_counts_graphql_errors(tmp_path: Path) -> None:
    server = _Server(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/graphql"
    try:
        bodies = tmp_path / "bodies.jsonl"
        bodies.write_text('{"query": "good"}\n{"query": "bad"}\n')
        found, memory = asyncio.run(_wrk_mix(url, bodies, "Bearer t", 2, 2, os.getpid()))
        assert found["requests"] > 10
        assert found["errors"] == found["bad_status"] == 0
        # one body in two answers errors (each thread alternates; a run may end mid-pair)
        assert abs(found["graphql_errors"] - found["requests"] / 2) <= 2
        assert memory > 1
        result = SoakResult("ours", "Cobranças", idle_mib=1)
        asyncio.run(
            soak_target(result, url, [{"query": "good"}], "Bearer t", os.getpid(),
                        clients=2, minutes=0.1, interval_s=20, say=lambda _: None)
        )  # fmt: skip
        assert len(result.chunks) == 3
        assert result.errors == 0 < result.requests
    finally:
        server.shutdown()
        server.server_close()
