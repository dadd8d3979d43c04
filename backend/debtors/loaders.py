from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from backend.accounts import scope
from backend.core.context import Context
from backend.debtors.models import Debtor, DebtorCompany


async def load_debtors_by_id(keys: Sequence[int]) -> list[Debtor | None]:
    """DebtorByIdLoader: callers reach debtors through rows already in scope (their entries)."""
    by_id = {d.id: d for d in await Debtor.filter(id__in=list(set(keys)))}
    return [by_id.get(k) for k in keys]


def last_emailed_at_loader(context: Context) -> DataLoader[int, dt.datetime | None]:
    """LastEmailedAtByDebtorIdLoader: the last e-mail of the principal's companies."""

    async def load(keys: list[int]) -> list[dt.datetime | None]:
        found = await scope.last_emailed_at(context.principal, sorted(set(keys)))
        return [found.get(k) for k in keys]

    return context.loaders.keyed(
        "debtors.LastEmailedAtByDebtorIdLoader", lambda: DataLoader(load_fn=load)
    )


def external_id_loader(context: Context) -> DataLoader[int, str | None]:
    """ExternalIdByDebtorIdLoader: the id a company of the principal's gave the debtor (the
    lowest company id first when several did)."""
    principal = context.principal

    async def load(keys: list[int]) -> list[str | None]:
        query = DebtorCompany.filter(debtor_id__in=sorted(set(keys)), external_id__not_isnull=True)
        if principal.company_ids is not None:
            query = query.filter(company_id__in=list(principal.company_ids))
        found: dict[int, str] = {}
        for link in await query.order_by("company_id"):
            if link.external_id is not None:
                found.setdefault(link.debtor_id, link.external_id)
        return [found.get(k) for k in keys]

    return context.loaders.keyed(
        "debtors.ExternalIdByDebtorIdLoader", lambda: DataLoader(load_fn=load)
    )
