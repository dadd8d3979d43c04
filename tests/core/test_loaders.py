"""core.loaders.load_all: load_many's answers, each distinct key asked once, in one batch."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from backend.core.loaders import load_all


async def test_answers_in_the_keys_order_asking_each_distinct_key_once() -> None:
    batches: list[list[int]] = []

    async def load(keys: Sequence[int]) -> list[str]:
        batches.append(list(keys))
        return [f"v{k}" for k in keys]

    loader = DataLoader(load_fn=load)
    assert await load_all(loader, [3, 1, 3, 3, 2, 1]) == ["v3", "v1", "v3", "v3", "v2", "v1"]
    assert batches == [[3, 1, 2]]
    assert await load_all(loader, []) == []
    assert await load_all(loader, [2, 4]) == ["v2", "v4"]  # 2 from the loader's cache
    assert batches == [[3, 1, 2], [4]]


async def test_a_failed_batch_raises_once_and_leaves_nothing_unretrieved() -> None:
    """Every future of the batch fails; the first raises, and the others' exceptions are read,
    or asyncio would report each as "never retrieved" when the loader is collected."""

    async def load(keys: Sequence[int]) -> list[str]:
        raise RuntimeError("banco fora do ar")

    async def attempt() -> str:
        try:
            await load_all(DataLoader(load_fn=load), [1, 2, 3])
        except RuntimeError as error:
            return str(error)
        return "no error"

    reported: list[str] = []
    asyncio.get_running_loop().set_exception_handler(lambda _loop, c: reported.append(c["message"]))
    assert await attempt() == "banco fora do ar"
    await asyncio.sleep(0)  # the batch's task lets go of the loader
    gc.collect()  # the loader and its futures go: an unretrieved exception is reported here
    assert reported == []
