"""Our side of the race: bench.server's app (GraphQL, the bench's raw twins at /raw/<case>)
plus the race's own twins at /race/raw/<name>, under uvicorn with N worker processes.

`python -m bench.race.server --database-url URL --port N --company-id ID --all-companies ID...
--detail-debtors BUSY TYPICAL [--workers N]`
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from backend.core.periods import local_today
from backend.settings import Settings
from bench.cases import DetailDebtors, build_cases
from bench.race.twins import RaceTwins
from bench.raw import close_twin, open_twin
from bench.server import build_app


def race_app() -> Starlette:
    database_url = os.environ["RACE_DATABASE_URL"]
    companies = [int(c) for c in os.environ["RACE_COMPANIES"].split(",")]
    busy, typical = (int(d) for d in os.environ["RACE_DETAIL"].split(","))
    detail = DetailDebtors(busy, typical)
    inner = build_app(database_url, companies[0], companies, detail)
    today = local_today(dt.datetime.now(dt.UTC), Settings().time_zone)
    cases = {
        case.key: case
        for case in build_cases(
            today=today, company_id=companies[0], all_companies=companies, detail=detail
        )
    }
    state: dict[str, Any] = {}

    async def raw(request: Request) -> Response:
        twins: RaceTwins = state["twins"]
        name = request.path_params["name"]
        body = await (twins.list() if name == "list" else twins.busy(busy))
        return Response(body, media_type="application/json")

    async def bench_raw(request: Request) -> Response:
        # bench.raw's twins hold one connection each: one per concurrent request, from a queue.
        idle: asyncio.Queue[Any] = state["bench_twins"]
        twin = await idle.get()
        try:
            body = await twin.run(cases[request.path_params["case"]])
        finally:
            idle.put_nowait(twin)
        return Response(body, media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with inner.router.lifespan_context(inner):
            pool = await asyncpg.create_pool(database_url, min_size=1, max_size=8)
            state["twins"] = RaceTwins(pool)
            settings = Settings()
            twins = [await open_twin(database_url, today, settings.time_zone) for _ in range(8)]
            state["bench_twins"] = idle = asyncio.Queue()
            for twin in twins:
                idle.put_nowait(twin)
            try:
                yield
            finally:
                await pool.close()
                for twin in twins:
                    await close_twin(twin)

    return Starlette(
        routes=[
            Route("/race/raw/{name}", raw),
            Route("/raw/{case}", bench_raw),
            Mount("/", app=inner),
        ],
        lifespan=lifespan,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--all-companies", type=int, nargs="+", required=True)
    parser.add_argument("--detail-debtors", type=int, nargs=2, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ["RACE_DATABASE_URL"] = args.database_url
    os.environ["RACE_COMPANIES"] = ",".join(map(str, args.all_companies))
    os.environ["RACE_DETAIL"] = ",".join(map(str, args.detail_debtors))
    uvicorn.run(
        "bench.race.server:race_app",
        factory=True,
        host="127.0.0.1",
        port=args.port,
        workers=args.workers,
        # uvicorn's supervisor kills a worker that does not answer its ping within 5 s: on a
        # loaded 2-core host a worker still importing the app misses it, forever (seen here).
        timeout_worker_healthcheck=60,
        log_level="warning",
        access_log=False,
    )


if __name__ == "__main__":
    main()
