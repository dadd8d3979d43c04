from __future__ import annotations

from collections.abc import Sequence

from backend.companies.models import Company


async def load_companies_by_id(keys: Sequence[int]) -> list[Company | None]:
    """CompanyByIdLoader: callers reach companies through rows already in scope."""
    by_id = {c.id: c for c in await Company.filter(id__in=list(set(keys)))}
    return [by_id.get(k) for k in keys]
