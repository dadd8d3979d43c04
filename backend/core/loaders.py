"""Per-request DataLoaders, created lazily by their factory so domains stay independent."""

from __future__ import annotations

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
