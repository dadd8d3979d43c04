"""`python -m tests.live_seed`: on DATABASE_URL (migrated, with demo data), 30 decoy API tokens
and then the fuzz token, printed. The fuzzer's ids run from 1 to 30, so `revokeApiToken` and
friends hit the decoys, never the token the fuzzer itself uses."""

from __future__ import annotations

import asyncio
import os

from tortoise import Tortoise

from backend.accounts.services import create_token
from backend.core.enums import TokenScope
from backend.settings import tortoise_config


async def main() -> None:
    await Tortoise.init(config=tortoise_config(os.environ["DATABASE_URL"]))
    try:
        for n in range(30):
            await create_token(name=f"isca {n}", scope=TokenScope.WRITE, all_companies=True)
        issued = await create_token(name="fuzz", scope=TokenScope.WRITE, all_companies=True)
        print(issued.secret)
    finally:
        await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main())
