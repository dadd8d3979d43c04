"""`python -m bench.race` (`make race`): Cobranças against PostGraphile 5, one PostgreSQL.

Both servers read the benchmark's PostgreSQL data set (`make bench` makes it; made here if
missing), each with the same number of processes; wrk sends each request for `--duration`
seconds at 1 and 8 concurrent clients, to us, to PostGraphile and to the raw twin, one after
the other in the same run, so the ratios compare like with like on this noisy machine.
The report goes to bench/results/race.md.

`--workers N` runs N processes on each side (uvicorn's workers; node:cluster for PostGraphile,
`bench/race/cluster.js`); the report says how many processes each side ran and how many served.
`--soak [MINUTES]` runs the soak instead (bench/race/soak.py; report bench/results/soak.md).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import orjson
from tortoise import Tortoise

from backend.accounts.services import create_token
from backend.core.enums import TokenScope
from backend.database import migrate
from backend.settings import tortoise_config
from bench.data import SIZES
from bench.race.processes import cpu_seconds, describe, rss_mib
from bench.race.requests import RaceRequest, race_requests
from bench.race.soak import SoakResult, render_soak, soak_target

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NODE = HERE / "node_modules" / ".bin" / "node"
POSTGRAPHILE = HERE / "node_modules" / "postgraphile" / "dist" / "cli-run.js"
CLUSTER = HERE / "cluster.js"
RESULTS = ROOT / "bench" / "results"


@dataclass
class Run:
    request: str
    target: str  # ours, peer, raw, base
    clients: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.race")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--warmup", type=int, default=2, help="seconds discarded before each")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--workers", type=int, default=1, help="processes per server")
    parser.add_argument("--only", nargs="*", help="request keys (list busy pesquisa detail)")
    parser.add_argument(
        "--out", type=Path, help="the report (default bench/results/race.md, or soak.md)"
    )
    parser.add_argument(
        "--soak",
        type=float,
        nargs="?",
        const=10.0,
        metavar="MINUTES",
        help="the soak instead of the race: MINUTES (10) of mixed load per server, memory "
        "sampled (bench/race/soak.py)",
    )
    parser.add_argument("--soak-clients", type=int, default=8)
    parser.add_argument(
        "--soak-interval", type=float, default=20, help="seconds between memory samples"
    )
    parser.add_argument(
        "--soak-targets", nargs="+", choices=["ours", "peer"], default=["ours", "peer"]
    )
    parser.add_argument(
        "--baseline-root",
        type=Path,
        help="another checkout (e.g. an export of main) measured as a fourth target in the "
        "same run, for a before/after that the machine's load cannot skew",
    )
    parser.add_argument(
        "--ours-root",
        type=Path,
        default=ROOT,
        help="the checkout whose server runs as ours (e.g. an export of main, for a before)",
    )
    return parser.parse_args(argv)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def _dataset(args: argparse.Namespace) -> tuple[str, int, list[int]]:
    name = f"cobrancas_bench_{args.size}"
    url = f"{args.postgres_url}/{name}"
    try:
        conn = await asyncpg.connect(url)
        detail = await conn.fetchval("SELECT value FROM bench_meta WHERE key = 'detail'")
        await conn.close()
    except (asyncpg.InvalidCatalogNameError, asyncpg.UndefinedTableError):
        detail = None
    if detail is None:  # the benchmark makes (or completes) it, without measuring
        command = [sys.executable, "-m", "bench", "--engine", "postgres", "--size", args.size]
        command += ["--iterations", "1", "--warmup", "0", "--no-http"]
        command += ["--out", tempfile.mkdtemp(prefix="race-")]
        await asyncio.to_thread(subprocess.run, command, cwd=ROOT, check=True)
        conn = await asyncpg.connect(url)
        detail = await conn.fetchval("SELECT value FROM bench_meta WHERE key = 'detail'")
        await conn.close()
    # A data set made by an older checkout lacks the newer migrations' columns: every request
    # that reads one would fail (the check below refuses to measure errors). Additive only.
    await migrate(url)
    busy = int(str(detail).partition(":")[2].split("/")[0])
    conn = await asyncpg.connect(url)
    companies = [
        r[0]
        for r in await conn.fetch(
            "SELECT company_id FROM financial_entry GROUP BY company_id ORDER BY COUNT(*) DESC"
        )
    ]
    await conn.close()
    return url, busy, companies


async def _token(url: str) -> str:
    await Tortoise.init(config=tortoise_config(url))
    try:
        issued = await create_token(
            name="race", scope=TokenScope.READ, all_companies=True, company_ids=None
        )
    finally:
        await Tortoise.close_connections()
    return f"Bearer {issued.secret}"


@contextlib.contextmanager
def _process(
    command: list[str], env: dict[str, str], cwd: Path = ROOT
) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **env})  # noqa: S603
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


async def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as probe:
        for _ in range(1800):  # 3 min: N processes start slowly on a loaded 2-core host
            with contextlib.suppress(httpx.TransportError):
                response = await probe.post(url, json={"query": "{ __typename }"})
                if response.status_code < 500:
                    return
            if process.poll() is not None:
                raise RuntimeError(f"{url}: o servidor não iniciou")
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{url}: o servidor não respondeu")


def _wrk(
    url: str, body: dict[str, Any] | None, auth: str | None, clients: int, seconds: int
) -> dict[str, Any]:
    env = {**os.environ}
    env.pop("RACE_BODY", None)
    env.pop("RACE_AUTH", None)
    if body is not None:
        env["RACE_BODY"] = json.dumps(body)
    if auth is not None:
        env["RACE_AUTH"] = auth
    threads = min(clients, 2)
    command = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{seconds}s"]
    command += ["--timeout", "10s", "-s", str(HERE / "wrk.lua"), url]
    output = subprocess.run(  # noqa: S603 - our own command line
        command, env=env, capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in output.splitlines() if x.startswith('{"requests"'))
    result: dict[str, Any] = json.loads(line)
    return result


async def _check(ours: str, peer: str, raw: str, request: RaceRequest, auth: str) -> None:
    """Every target answers without errors; ours and its raw twin with the same JSON."""
    async with httpx.AsyncClient(timeout=60) as client:
        mine = await client.post(ours, json=request.ours, headers={"Authorization": auth})
        twin = await client.get(raw)
        theirs = await client.post(peer, json=request.peer)
    for name, response in (("ours", mine), ("raw", twin), ("peer", theirs)):
        response.raise_for_status()
        if "errors" in orjson.loads(response.content):
            raise AssertionError(f"{request.key} {name}: {response.text[:500]}")
    if orjson.loads(mine.content) != orjson.loads(twin.content):
        raise AssertionError(f"{request.key}: GraphQL and its raw twin disagree")


def _ms(us: int) -> float:
    return us / 1000


def _write(out: Path, report: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    print(f"Resultados em {out}")
    return out


def ours_command(
    args: argparse.Namespace, url: str, port: int, busy: int, companies: list[int]
) -> list[str]:
    command = [sys.executable, "-m", "bench.race.server", "--database-url", url]
    command += ["--port", str(port), "--workers", str(args.workers)]
    command += ["--all-companies", *map(str, companies), "--detail-debtors", str(busy), str(busy)]
    return command


def peer_command(args: argparse.Namespace, url: str, port: int) -> list[str]:
    """PostGraphile's command line: one process, or N behind node:cluster (cluster.js)."""
    options = ["-c", url, "-s", "public", "-P", "postgraphile/presets/amber"]
    options += ["-p", str(port), "-n", "127.0.0.1"]
    if args.workers > 1:
        return [str(NODE), str(CLUSTER), str(args.workers), *options]
    return [str(NODE), str(POSTGRAPHILE), *options]


PEER_ENV = {"GRAPHILE_ENV": "production", "UV_THREADPOOL_SIZE": "4"}


def _header(args: argparse.Namespace, started: dt.datetime, load: tuple[float, ...]) -> list[str]:
    size = SIZES[args.size]
    command = " ".join(["python -m bench.race", *args.argv])
    return [
        f"Executada em {started:%Y-%m-%d %H:%M} UTC com `{command}` (tamanho {size.name}: "
        f"{size.debtors:,} devedores, {size.entries:,} lançamentos).",
        "",
        f"- máquina: {os.cpu_count()} núcleos, {platform.platform()}, Python "
        f"{platform.python_version()}; load average no início {load[0]:.2f}, no fim "
        f"{os.getloadavg()[0]:.2f} (máquina compartilhada)",
    ]


async def soak(args: argparse.Namespace) -> Path:
    url, busy, companies = await _dataset(args)
    auth = await _token(url)
    started = dt.datetime.now(dt.UTC)
    load_at_start = os.getloadavg()
    ours_port, peer_port = _free_port(), _free_port()
    ours_url = f"http://127.0.0.1:{ours_port}/graphql"
    peer_url = f"http://127.0.0.1:{peer_port}/graphql"
    requests = [r for r in race_requests(busy) if not args.only or r.key in args.only]
    results: list[SoakResult] = []
    titles = {"ours": "Cobranças", "peer": "PostGraphile 5.1.5"}
    for target in args.soak_targets:  # one server at a time: the other does not share the CPU
        if target == "ours":
            command = ours_command(args, url, ours_port, busy, companies)
            env, cwd, target_url = {"PYTHONPATH": str(args.ours_root)}, args.ours_root, ours_url
        else:
            command, env, cwd, target_url = (
                peer_command(args, url, peer_port),
                PEER_ENV,
                ROOT,
                peer_url,
            )
        with _process(command, env, cwd=cwd) as process:
            await _wait(target_url, process)
            async with httpx.AsyncClient(timeout=60) as client:
                for request in requests:  # every request answers, without GraphQL errors
                    body = request.ours if target == "ours" else request.peer
                    headers = {"Authorization": auth} if target == "ours" else {}
                    response = await client.post(target_url, json=body, headers=headers)
                    response.raise_for_status()
                    if "errors" in orjson.loads(response.content):
                        raise AssertionError(f"{request.key} {target}: {response.text[:500]}")
            result = SoakResult(target, titles[target], idle_mib=rss_mib(process.pid))
            results.append(
                await soak_target(
                    result,
                    target_url,
                    [r.ours if target == "ours" else r.peer for r in requests],
                    auth if target == "ours" else None,
                    process.pid,
                    clients=args.soak_clients,
                    minutes=args.soak,
                    interval_s=args.soak_interval,
                )
            )
    report = render_soak(
        results,
        header=_header(args, started, load_at_start),
        minutes=args.soak,
        clients=args.soak_clients,
        workers=args.workers,
    )
    return _write(args.out or RESULTS / "soak.md", report)


async def main(argv: list[str] | None = None) -> Path:
    args = parse(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    if shutil.which("wrk") is None:
        raise SystemExit("wrk não encontrado: apt-get install wrk")
    if not NODE.exists():
        raise SystemExit("PostGraphile não instalado: cd bench/race && npm ci")
    if args.soak is not None:
        return await soak(args)
    url, busy, companies = await _dataset(args)
    auth = await _token(url)
    started = dt.datetime.now(dt.UTC)
    load_at_start = os.getloadavg()
    ours_port, peer_port, base_port = _free_port(), _free_port(), _free_port()
    ours_cmd = ours_command(args, url, ours_port, busy, companies)
    peer_cmd = peer_command(args, url, peer_port)
    base_cmd = [*ours_cmd]
    base_cmd[base_cmd.index("--port") + 1] = str(base_port)
    base_url = f"http://127.0.0.1:{base_port}/graphql"
    ours_base = f"http://127.0.0.1:{ours_port}"
    ours_url, peer_url = f"{ours_base}/graphql", f"http://127.0.0.1:{peer_port}/graphql"
    runs: list[Run] = []
    memory: dict[str, list[float]] = {"ours": [], "peer": []}
    requests = [r for r in race_requests(busy) if not args.only or r.key in args.only]
    peer_env = PEER_ENV
    with contextlib.ExitStack() as stack:
        ours_process = stack.enter_context(
            _process(ours_cmd, {"PYTHONPATH": str(args.ours_root)}, cwd=args.ours_root)
        )
        peer_process = stack.enter_context(_process(peer_cmd, peer_env))
        await _wait(ours_url, ours_process)
        await _wait(peer_url, peer_process)
        if args.baseline_root is not None:
            root = args.baseline_root
            base_process = stack.enter_context(
                _process(base_cmd, {"PYTHONPATH": str(root)}, cwd=root)
            )
            await _wait(base_url, base_process)
        memory["ours"].append(rss_mib(ours_process.pid))
        memory["peer"].append(rss_mib(peer_process.pid))
        cpu = {"ours": cpu_seconds(ours_process.pid), "peer": cpu_seconds(peer_process.pid)}
        for request in requests:
            await _check(ours_url, peer_url, ours_base + request.raw, request, auth)
            if args.baseline_root is not None:
                await _check(base_url, peer_url, ours_base + request.raw, request, auth)
            for clients in args.clients:
                targets = [
                    ("ours", ours_url, request.ours, auth),
                    ("peer", peer_url, request.peer, None),
                    ("raw", ours_base + request.raw, None, None),
                ]
                if args.baseline_root is not None:
                    targets.insert(0, ("base", base_url, request.ours, auth))
                for target, target_url, body, token in targets:
                    if args.warmup:
                        _wrk(target_url, body, token, clients, args.warmup)
                    found = _wrk(target_url, body, token, clients, args.duration)
                    seconds = found["duration_us"] / 1e6
                    run = Run(
                        request=request.key,
                        target=target,
                        clients=clients,
                        rps=found["requests"] / seconds,
                        p50=_ms(found["p50_us"]),
                        p95=_ms(found["p95_us"]),
                        p99=_ms(found["p99_us"]),
                        errors=found["errors"] + found["bad_status"],
                    )
                    runs.append(run)
                    print(
                        f"{request.key:9} {target:5} c={clients}: {run.rps:7.1f} req/s "
                        f"p50 {run.p50:.1f} p95 {run.p95:.1f} p99 {run.p99:.1f} ms "
                        f"erros {run.errors}",
                        flush=True,
                    )
                memory["ours"].append(rss_mib(ours_process.pid))
                memory["peer"].append(rss_mib(peer_process.pid))
        processes = [
            describe("nós", cpu["ours"], cpu_seconds(ours_process.pid)),
            describe("PostGraphile", cpu["peer"], cpu_seconds(peer_process.pid)),
        ]
    report = render(
        args, runs, requests, memory, started, load_at_start, os.getloadavg(), processes
    )
    return _write(args.out or RESULTS / "race.md", report)


def render(
    args: argparse.Namespace,
    runs: list[Run],
    requests: list[RaceRequest],
    memory: dict[str, list[float]],
    started: dt.datetime,
    load_start: tuple[float, float, float],
    load_end: tuple[float, float, float],
    processes: list[str] | None = None,
) -> str:
    size = SIZES[args.size]
    by = {(r.request, r.target, r.clients): r for r in runs}
    lines = [
        "# A corrida: Cobranças × PostGraphile 5 no mesmo PostgreSQL",
        "",
        f"Executada em {started:%Y-%m-%d %H:%M} UTC com `python -m bench.race` "
        f"(tamanho {size.name}: {size.debtors:,} devedores, {size.entries:,} lançamentos); "
        f"{args.workers} processo(s) por servidor"
        + (f" ({'; '.join(processes)})" if processes else "")
        + f"; wrk no mesmo host, {args.duration} s por "
        f"medição após {args.warmup} s de aquecimento; {', '.join(map(str, args.clients))} "
        "cliente(s) simultâneo(s).",
        "",
        f"- máquina: {os.cpu_count()} núcleos, {platform.platform()}, Python "
        f"{platform.python_version()}; load average no início {load_start[0]:.2f}, no fim "
        f"{load_end[0]:.2f} (a máquina é compartilhada: compare as razões, medidas na mesma "
        "execução, mais que os números absolutos)",
        f"- nós: {'este checkout' if args.ours_root == ROOT else f'`{args.ours_root}`'}; "
        "uvicorn + Strawberry, token de API (somente leitura, todas as empresas); "
        "PostGraphile 5.1.5 (preset amber) no Node 22; bruto: SQL escrito à mão + orjson no "
        "nosso processo (mesma resposta JSON que a nossa, conferida antes de medir)",
        "",
        "| pedido | clientes | nós req/s | PostGraphile req/s | bruto req/s | nós ÷ PostGraphile "
        "| bruto ÷ nós | nós p50 / p95 / p99 ms | PostGraphile p50 / p95 / p99 ms "
        "| bruto p50 / p95 / p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for request in requests:
        for clients in args.clients:
            ours = by.get((request.key, "ours", clients))
            peer = by.get((request.key, "peer", clients))
            raw = by.get((request.key, "raw", clients))
            if ours is None or peer is None or raw is None:
                continue

            def lat(r: Run) -> str:
                return f"{r.p50:.1f} / {r.p95:.1f} / {r.p99:.1f}"

            lines.append(
                f"| {request.title} | {clients} | {ours.rps:.1f} | {peer.rps:.1f} | "
                f"{raw.rps:.1f} | **{ours.rps / peer.rps:.2f}×** | {raw.rps / ours.rps:.2f}× | "
                f"{lat(ours)} | {lat(peer)} | {lat(raw)} |"
            )
    if args.baseline_root is not None:
        lines += [
            "",
            f"Antes e depois na mesma execução: `{args.baseline_root}` (antes) medido como um "
            "quarto alvo, alternado com os outros três.",
            "",
            "| pedido | clientes | antes req/s | nós req/s | nós ÷ antes | antes ÷ PostGraphile "
            "| nós ÷ PostGraphile | antes p50 / p95 ms | nós p50 / p95 ms |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for request in requests:
            for clients in args.clients:
                base = by.get((request.key, "base", clients))
                ours = by.get((request.key, "ours", clients))
                peer = by.get((request.key, "peer", clients))
                if base is None or ours is None or peer is None:
                    continue
                lines.append(
                    f"| {request.title} | {clients} | {base.rps:.1f} | {ours.rps:.1f} | "
                    f"{ours.rps / base.rps:.2f}× | {base.rps / peer.rps:.2f}× | "
                    f"**{ours.rps / peer.rps:.2f}×** | {base.p50:.1f} / {base.p95:.1f} | "
                    f"{ours.p50:.1f} / {ours.p95:.1f} |"
                )
    errors = sum(r.errors for r in runs)
    lines += [
        "",
        f"Erros (conexão, tempo, status ≠ 2xx) em todas as medições: {errors}.",
        "",
        "Memória residente (MiB, processo e filhos) ao longo da execução — "
        f"nós: {', '.join(f'{m:.0f}' for m in memory['ours'])}; "
        f"PostGraphile: {', '.join(f'{m:.0f}' for m in memory['peer'])}.",
        "",
        "O que cada pedido é, de cada lado: veja `bench/race/requests.py`.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    started = time.perf_counter()
    asyncio.run(main())
    print(f"{time.perf_counter() - started:.0f} s")
