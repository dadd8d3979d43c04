"""The HTTP side of the benchmark: the real app under uvicorn, plus the raw twins at /raw/<case>.

Run by the benchmark as a subprocess:
`python -m bench.server --database-url URL --port N --company-id ID --all-companies ID...
--detail-debtors BUSY TYPICAL`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import AsyncIterator

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route

from backend.app import create_app
from backend.core.periods import local_today
from backend.settings import Settings
from bench.cases import DetailDebtors, build_cases
from bench.raw import close_twin, open_twin


def build_app(
    database_url: str, company_id: int, all_companies: list[int], detail: DetailDebtors
) -> Starlette:
    # A benchmark measures speed: no token runs out of its request budget mid-run.
    settings = Settings(
        database_url=database_url,
        token_request_budget="1000000/minute",  # noqa: S106 - a rate, not a secret
    )
    inner = create_app(settings)
    today = local_today(dt.datetime.now(dt.UTC), settings.time_zone)
    cases = {
        case.key: case
        for case in build_cases(
            today=today, company_id=company_id, all_companies=all_companies, detail=detail
        )
    }
    state: dict[str, object] = {}

    async def raw(request: Request) -> Response:
        twin = state["twin"]
        body = await twin.run(cases[request.path_params["case"]])  # type: ignore[attr-defined]
        return Response(body, media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with inner.router.lifespan_context(inner):
            state["twin"] = await open_twin(database_url, today, settings.time_zone)
            try:
                yield
            finally:
                await close_twin(state["twin"])  # type: ignore[arg-type]

    return Starlette(
        routes=[Route("/raw/{case}", raw), Mount("/", app=inner)],
        lifespan=lifespan,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--company-id", type=int, required=True)
    parser.add_argument("--all-companies", type=int, nargs="+", required=True)
    parser.add_argument("--detail-debtors", type=int, nargs=2, required=True)
    args = parser.parse_args()
    busy, typical = args.detail_debtors
    detail = DetailDebtors(busy=busy, typical=typical)
    app = build_app(args.database_url, args.company_id, args.all_companies, detail)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
