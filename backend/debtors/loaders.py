from __future__ import annotations

from collections.abc import Sequence

from backend.debtors.models import Debtor


async def load_debtors_by_id(keys: Sequence[int]) -> list[Debtor | None]:
    """DebtorByIdLoader: callers reach debtors through rows already in scope (their entries)."""
    by_id = {d.id: d for d in await Debtor.filter(id__in=list(set(keys)))}
    return [by_id.get(k) for k in keys]
