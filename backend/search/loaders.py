from __future__ import annotations

from strawberry.dataloader import DataLoader

from backend.core.context import Context
from backend.search import services
from backend.search.services import BalanceData

_OVERDUE_BALANCE = "search.OverdueBalanceByDebtorIdLoader"


def overdue_balance_loader(context: Context) -> DataLoader[int, BalanceData]:
    """OverdueBalanceByDebtorIdLoader: depends on the request's principal (scope) and date."""

    async def load(keys: list[int]) -> list[BalanceData]:
        return await services.overdue_balances(
            principal=context.principal,
            settings=context.settings,
            now=context.now(),
            debtor_ids=keys,
        )

    return context.loaders.keyed(_OVERDUE_BALANCE, lambda: DataLoader(load_fn=load))
