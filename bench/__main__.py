"""`python -m bench`: generate (or reuse) the data set, measure, write bench/results/*.md.

Examples:
    python -m bench                           # both engines, 1M entries, reuse data if present
    python -m bench --engine sqlite --size small --iterations 50
    python -m bench --size full --fresh       # regenerate the data set
    python -m bench --debtors 20000 --entries 200000 --no-http
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
from pathlib import Path

from bench.data import SIZES, Size
from bench.machine import describe, describe_postgres
from bench.report import render
from bench.run import ROOT, EngineResult, Options, run_engine


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--debtors", type=int, help="custom size (with --entries)")
    parser.add_argument("--entries", type=int, help="custom size (with --debtors)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--fresh", action="store_true", help="regenerate the data set even if one matches"
    )
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--no-http", action="store_true", help="skip the uvicorn measurements")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
        help="server URL without a database (BENCH_POSTGRES_URL)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    return parser.parse_args(argv)


def size_of(args: argparse.Namespace) -> Size:
    if args.debtors or args.entries:
        if not (args.debtors and args.entries):
            raise SystemExit("--debtors e --entries vão juntos")
        return Size(f"custom-{args.debtors}-{args.entries}", args.debtors, args.entries)
    return SIZES[args.size]


async def main(argv: list[str] | None = None) -> Path:
    args = parse(argv)
    options = Options(
        size=size_of(args),
        seed=args.seed,
        reuse=not args.fresh,
        iterations=args.iterations,
        warmup=args.warmup,
        http=not args.no_http,
        postgres_server=args.postgres_url.rstrip("/"),
    )
    started = dt.datetime.now(dt.UTC)
    machine = describe()
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    results: list[EngineResult] = []
    for engine in engines:
        if engine == "postgres":
            machine += await describe_postgres(f"{options.postgres_server}/postgres")
        results.append(await run_engine(engine, options, lambda m: print(m, flush=True)))
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.engine == "both" else f"-{args.engine}"
    path = args.out / f"{started:%Y-%m-%d}-{options.size.name}{suffix}.md"
    path.write_text(render(results, options, machine, started))
    print(f"Resultados em {path}")
    return path


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
