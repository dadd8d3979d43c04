from __future__ import annotations

import strawberry

from backend.accounts import management, services
from backend.accounts.loaders import load_users_by_id
from backend.accounts.types import ApiToken, User
from backend.core.context import Info


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The logged-in user; null for an API token.")
    async def me(self, info: Info) -> User | None:
        user_id = info.context.principal.user_id
        if user_id is None:
            return None
        user = await info.context.loaders.get(load_users_by_id).load(user_id)
        return User(model=user) if user is not None else None

    @strawberry.field(description="Active users who may be responsible for appointments.")
    async def users(self, info: Info) -> list[User]:
        users = await services.visible_users(info.context.principal)
        # Débitos do Cliente lists them and reads its appointments' and e-mails' users by id.
        info.context.loaders.get(load_users_by_id).prime_many({u.id: u for u in users})
        return [User(model=u) for u in users]

    @strawberry.field(description="Every user, active or not (admins).")
    async def all_users(self, info: Info) -> list[User]:
        return [User(model=u) for u in await management.list_all_users(info.context.principal)]

    @strawberry.field(description="API tokens, newest first (admins). Secrets are never shown.")
    async def api_tokens(self, info: Info) -> list[ApiToken]:
        return [ApiToken(model=t) for t in await management.list_tokens(info.context.principal)]
