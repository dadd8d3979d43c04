"""`python -m tests.faults.rolling URL DATE`: a day roll of the search summary to DATE that stops
half-way — after it has deleted and rewritten the rows, before it records the new date — prints
"meio" and waits there to be killed (scenario 5)."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from typing import Any

from tortoise import Tortoise

from backend.search import balances
from backend.settings import tortoise_config


async def main(url: str, today: dt.date) -> None:
    await Tortoise.init(config=tortoise_config(url))
    rows = balances.Sql.rows

    async def stalling(self: Any, statement: str) -> list[dict[str, Any]]:
        if statement.startswith("UPDATE balance_state"):
            print("meio", flush=True)
            await asyncio.sleep(3600)  # SIGKILLed here, the transaction open
        return await rows(self, statement)

    balances.Sql.rows = stalling  # type: ignore[method-assign]
    await balances.roll_balances(today=today)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], dt.date.fromisoformat(sys.argv[2])))
