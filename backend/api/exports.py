"""GET /export/debtors.csv|.xlsx — the current search, with the same filters as `debtors`.

Every matching debtor, streamed as it is written; a bad filter is answered 400 before the
download starts.
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from backend.api.auth import authorize
from backend.core.enums import DebtorKind
from backend.core.errors import ServiceError
from backend.core.gql import pk
from backend.core.periods import Period, local_today
from backend.core.principal import Principal
from backend.search.export import csv_chunks, start_export, xlsx_chunks
from backend.search.filters import DebtorFilterData
from backend.search.statements import DebtorOrder
from backend.settings import Settings

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _bad(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=400)


async def export_debtors(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    principal = await authorize(request)
    if not isinstance(principal, Principal):
        return principal
    fmt = request.path_params["format"]
    if fmt not in MEDIA:
        return JSONResponse({"error": "Formato desconhecido: use csv ou xlsx."}, status_code=404)
    q = request.query_params
    try:
        kind = DebtorKind(q["kind"]) if q.get("kind") else None
        period = Period(q.get("period") or "OVERDUE")
        order = DebtorOrder(q.get("orderBy") or "OPEN_AMOUNT_DESC")
        due_from = dt.date.fromisoformat(q["dueFrom"]) if q.get("dueFrom") else None
        due_to = dt.date.fromisoformat(q["dueTo"]) if q.get("dueTo") else None
    except ValueError:
        return _bad("Filtro inválido: confira tipo, período, ordem e datas (AAAA-MM-DD).")
    company = q.get("companyId")
    data = DebtorFilterData(
        search=q.get("search") or None,
        company_id=pk("Company", company) if company else None,
        kind=kind,
        period=period,
        due_from=due_from,
        due_to=due_to,
    )
    now = request.app.state.clock()
    try:
        rows = await start_export(
            principal=principal,
            settings=settings,
            now=now,
            data=data,
            order=order,
            company_id_given=bool(company),
        )
    except ServiceError as exc:
        return _bad(" ".join(e.message for e in exc.errors))
    stamp = local_today(now, settings.time_zone).isoformat()
    return StreamingResponse(
        csv_chunks(rows) if fmt == "csv" else xlsx_chunks(rows),
        media_type=MEDIA[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="inadimplencias-{stamp}.{fmt}"',
            "Cache-Control": "no-store",
        },
    )
