"""The soak (`python -m bench.race --soak [MINUTES]`): memory under a long mixed load.

Each server in turn (ours, then PostGraphile unless `--soak-targets ours`) takes `--soak-clients`
(8) concurrent clients sending the race's four requests in turn (`bench/race/mix.lua`) for the
given minutes, as consecutive wrk runs of `--soak-interval` seconds; in the middle of each run
the resident memory of the server (process and children) is read, and each run's req/s, p50/p99
and errors (connection, status, GraphQL `errors`) are kept.

The verdict: the plateau is the highest sample of the first minute of load (the first third
of a shorter run: caches and pools fill then); the end is the last sample. "Sem crescimento"
only when end - plateau <= max(8 MiB, 5 % of the plateau); else the growth is flagged.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.race.processes import cpu_seconds, rss_mib, served

HERE = Path(__file__).resolve().parent
TOLERANCE_MIB = 8.0
TOLERANCE_SHARE = 0.05
PLATEAU_S = 60.0


@dataclass
class Chunk:
    end_s: float  # seconds of load when this wrk run ended
    rss_mib: float  # read in the middle of the run
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class SoakResult:
    target: str
    title: str
    idle_mib: float
    after_mib: float = 0.0
    chunks: list[Chunk] = field(default_factory=list)
    processes: int = 0
    serving: int = 0

    @property
    def requests(self) -> int:
        return sum(c.requests for c in self.chunks)

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.chunks)

    @property
    def errors(self) -> int:
        return sum(c.errors for c in self.chunks)


@dataclass(frozen=True)
class Growth:
    plateau_mib: float
    end_mib: float
    tolerance_mib: float

    @property
    def growth_mib(self) -> float:
        return self.end_mib - self.plateau_mib

    @property
    def flat(self) -> bool:
        return self.growth_mib <= self.tolerance_mib


def growth(chunks: list[Chunk]) -> Growth:
    """The first minute's plateau (or the first third of a shorter run) against the end."""
    if not chunks:
        raise ValueError("sem amostras")
    window = min(PLATEAU_S, chunks[-1].end_s / 3)
    early = [c.rss_mib for c in chunks if c.end_s <= window + 1e-9] or [chunks[0].rss_mib]
    plateau = max(early)
    return Growth(plateau, chunks[-1].rss_mib, max(TOLERANCE_MIB, TOLERANCE_SHARE * plateau))


def chunk_lengths(total_s: float, interval_s: float) -> list[int]:
    """Whole seconds per wrk run (wrk takes whole seconds): at least three runs, each >= 2 s."""
    total = max(2, round(total_s))
    interval = max(2, min(round(interval_s), total // 3 or 1))
    count = max(1, math.ceil(total / interval))
    lengths = [interval] * count
    lengths[-1] = max(2, total - interval * (count - 1))
    return lengths


async def _wrk_mix(
    url: str, bodies_file: Path, auth: str | None, clients: int, seconds: int, pid: int
) -> tuple[dict[str, Any], float]:
    env = {**os.environ, "RACE_BODIES_FILE": str(bodies_file)}
    env.pop("RACE_AUTH", None)
    if auth is not None:
        env["RACE_AUTH"] = auth
    command = ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{seconds}s"]
    command += ["--timeout", "10s", "-s", str(HERE / "mix.lua"), url]
    process = await asyncio.create_subprocess_exec(
        *command, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    await asyncio.sleep(seconds / 2)
    memory = rss_mib(pid)
    out, err = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"wrk falhou: {err.decode()[:500]}")
    line = next(x for x in out.decode().splitlines() if x.startswith('{"requests"'))
    found: dict[str, Any] = json.loads(line)
    return found, memory


async def soak_target(
    result: SoakResult,
    url: str,
    bodies: list[dict[str, Any]],
    auth: str | None,
    pid: int,
    *,
    clients: int,
    minutes: float,
    interval_s: float,
    say: Any = print,
) -> SoakResult:
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        bodies_file = Path(folder) / "bodies.jsonl"
        bodies_file.write_text("".join(json.dumps(b) + "\n" for b in bodies))
        cpu_before = cpu_seconds(pid)
        elapsed = 0.0
        for seconds in chunk_lengths(minutes * 60, interval_s):
            found, memory = await _wrk_mix(url, bodies_file, auth, clients, seconds, pid)
            took = found["duration_us"] / 1e6
            elapsed += took
            chunk = Chunk(
                end_s=elapsed,
                rss_mib=memory,
                requests=found["requests"],
                seconds=took,
                errors=found["errors"] + found["bad_status"] + found["graphql_errors"],
                p50_ms=found["p50_us"] / 1000,
                p99_ms=found["p99_us"] / 1000,
            )
            result.chunks.append(chunk)
            say(
                f"soak {result.target:4} {elapsed:6.0f} s: {chunk.rss_mib:6.1f} MiB, "
                f"{chunk.rps:6.1f} req/s, p99 {chunk.p99_ms:.0f} ms, erros {chunk.errors}"
            )
        cpu_after = cpu_seconds(pid)
    result.after_mib = rss_mib(pid)
    result.processes = len(cpu_after)
    result.serving = served(cpu_before, cpu_after)
    return result


def render_soak(
    results: list[SoakResult], *, header: list[str], minutes: float, clients: int, workers: int
) -> str:
    lines = [
        "# Resistência: memória sob carga contínua (Cobranças × PostGraphile 5)",
        "",
        *header,
        "",
        f"{minutes:g} min por servidor, um depois do outro; {clients} clientes simultâneos "
        "(wrk, `bench/race/mix.lua`) alternando os quatro pedidos da corrida; "
        f"{workers} processo(s) por servidor. Memória residente (MiB) do servidor, processo e "
        "filhos, lida no meio de cada trecho de carga. Patamar: a maior amostra do primeiro "
        "minuto de carga (do primeiro terço, numa execução mais curta); fim: a última amostra; "
        f'"sem crescimento" só se fim − patamar ≤ máx({TOLERANCE_MIB:g} MiB, '
        f"{TOLERANCE_SHARE:.0%} do patamar).",
    ]
    if minutes < 10:
        lines += ["", f"**Execução de {minutes:g} min: o alvo da issue 11 pede 10 min.**"]
    lines += [
        "",
        "| servidor | processos (servindo) | req/s | pedidos | erros | repouso antes MiB "
        "| patamar MiB | fim MiB | crescimento | veredito | depois da carga MiB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        found = growth(result.chunks)
        verdict = (
            "sem crescimento"
            if found.flat
            else f"**CRESCEU** (> {found.tolerance_mib:.1f} MiB de tolerância)"
        )
        rps = result.requests / result.seconds if result.seconds else 0.0
        lines.append(
            f"| {result.title} | {result.processes} ({result.serving}) | {rps:.1f} | "
            f"{result.requests:,} | {result.errors} | {result.idle_mib:.1f} | "
            f"{found.plateau_mib:.1f} | {found.end_mib:.1f} | {found.growth_mib:+.1f} MiB "
            f"({found.growth_mib / found.plateau_mib:+.1%}) | {verdict} | "
            f"{result.after_mib:.1f} |"
        )
    for result in results:
        lines += [
            "",
            f"## {result.title}: as amostras",
            "",
            "| carga s | MiB | req/s | p50 ms | p99 ms | erros |",
            "|---|---|---|---|---|---|",
        ]
        lines += [
            f"| {c.end_s:.0f} | {c.rss_mib:.1f} | {c.rps:.1f} | {c.p50_ms:.1f} | "
            f"{c.p99_ms:.1f} | {c.errors} |"
            for c in result.chunks
        ]
    lines.append("")
    return "\n".join(lines)
