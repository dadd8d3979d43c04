from __future__ import annotations

from strawberry.dataloader import DataLoader

from backend.businessdays.loaders import company_calendars_loader
from backend.core.context import Context
from backend.search import services
from backend.search.services import BalanceData

_OVERDUE_BALANCE = "search.OverdueBalanceByDebtorIdLoader"


def overdue_balance_loader(context: Context) -> DataLoader[int, BalanceData]:
    """OverdueBalanceByDebtorIdLoader: depends on the request's principal (scope) and date."""

    async def load(keys: list[int]) -> list[BalanceData]:
        principal = context.principal
        calendars = await company_calendars_loader(context).load(principal.company_ids)
        return await services.overdue_balances(
            principal=principal,
            settings=context.settings,
            now=context.now(),
            debtor_ids=keys,
            calendars=calendars,
        )

    return context.loaders.keyed(_OVERDUE_BALANCE, lambda: DataLoader(load_fn=load))
