from __future__ import annotations

from collections.abc import Sequence

from backend.accounts.models import User


async def load_users_by_id(keys: Sequence[int]) -> list[User | None]:
    """UserByIdLoader."""
    by_id = {u.id: u for u in await User.filter(id__in=list(set(keys)))}
    return [by_id.get(k) for k in keys]
