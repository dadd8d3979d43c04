"""What a server really runs: its process tree, the resident memory and the CPU time of each.

`--workers N` must mean N processes serving on both sides: uvicorn's supervisor and N workers for
ours, node:cluster's primary and N PostGraphile workers for the peer (one process each at N = 1).
A process "served" when it used at least a tenth of the busiest one's CPU time over the load.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """The process and its descendants, parent first."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        tasks: list[Path] = []
        with contextlib.suppress(OSError):  # the process is gone
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        for task in tasks:
            with contextlib.suppress(OSError):  # this thread ended: the others still count
                stack.extend(int(c) for c in (task / "children").read_text().split())
    return found


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn's workers, node's)."""
    total = 0
    for current in tree(pid):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pid: int) -> dict[int, float]:
    """User + system CPU seconds of each process of the tree."""
    found: dict[int, float] = {}
    for current in tree(pid):
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{current}/stat").read_text()
            fields = stat.rpartition(")")[2].split()
            found[current] = (int(fields[11]) + int(fields[12])) / TICKS
    return found


def served(before: dict[int, float], after: dict[int, float]) -> int:
    """How many processes did a share of the work between the two readings."""
    used = [after[p] - before.get(p, 0.0) for p in after]
    busiest = max(used, default=0.0)
    if busiest <= 0:
        return 0
    return sum(1 for u in used if u >= busiest / 10)


def describe(name: str, before: dict[int, float], after: dict[int, float]) -> str:
    return (
        f"{name}: {served(before, after)} processo(s) servindo de {len(after)} no total "
        "(supervisor e auxiliares incluídos)"
    )
