"""Per-request DataLoaders, created lazily by their factory so domains stay independent."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

LoadFn = Callable[[Sequence[K]], Awaitable[Sequence[V]]]


class Loaders:
    def __init__(self) -> None:
        self._loaders: dict[Hashable, DataLoader[Any, Any]] = {}

    def get(self, load_fn: Callable[[list[K]], Awaitable[Sequence[V]]]) -> DataLoader[K, V]:
        loader = self._loaders.get(load_fn)
        if loader is None:
            loader = DataLoader(load_fn=load_fn)
            self._loaders[load_fn] = loader
        return loader

    def keyed(self, key: Hashable, factory: Callable[[], DataLoader[K, V]]) -> DataLoader[K, V]:
        """A loader that depends on request data (e.g. the principal's scope)."""
        loader = self._loaders.get(key)
        if loader is None:
            loader = factory()
            self._loaders[key] = loader
        return loader


async def load_all(loader: DataLoader[K, V], keys: Sequence[K]) -> list[V]:
    """`loader.load_many(keys)`, cheaper for a page: each distinct key is asked once (a page's
    companies, its one debtor), and the futures are awaited in turn rather than gathered — the
    batch completes them all at once, so only the first await waits, where a gather schedules
    a callback per future (~500 loop callbacks a Débitos do Cliente page)."""
    distinct = list(dict.fromkeys(keys))
    futures = [loader.load(key) for key in distinct]
    try:
        found = {key: await future for key, future in zip(distinct, futures, strict=True)}
    except Exception:
        for future in futures:  # the batch's other failures: read, so asyncio logs none of them
            if isinstance(future, asyncio.Future) and future.done() and not future.cancelled():
                future.exception()
        raise
    return [found[key] for key in keys]
