from __future__ import annotations

import strawberry

from backend.accounts import management
from backend.accounts.types import ApiToken, RoleEnum, TokenScopeEnum, User
from backend.core.context import Info
from backend.core.enums import Role, TokenScope
from backend.core.gql import pk
from backend.core.payloads import UserError, run_mutation


def _company_pks(ids: list[strawberry.ID] | None) -> list[int]:
    # An unknown or malformed id becomes -1, which the service reports as NOT_FOUND.
    return [pk("Company", i) or -1 for i in ids or []]


@strawberry.input
class CreateUserInput:
    name: str
    email: str
    password: str
    role: RoleEnum = RoleEnum.COLLECTOR  # type: ignore[valid-type]
    all_companies: bool = False
    company_ids: list[strawberry.ID] | None = None


@strawberry.input
class UpdateUserInput:
    id: strawberry.ID
    name: str | None = None
    role: RoleEnum | None = None  # type: ignore[valid-type]
    active: bool | None = None
    all_companies: bool | None = None
    company_ids: list[strawberry.ID] | None = None


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input
class CreateApiTokenInput:
    name: str
    scope: TokenScopeEnum = TokenScopeEnum.READ  # type: ignore[valid-type]
    all_companies: bool = False
    company_ids: list[strawberry.ID] | None = None


@strawberry.input
class RevokeApiTokenInput:
    id: strawberry.ID


@strawberry.type
class UserPayload:
    user: User | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ChangePasswordPayload:
    ok: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class CreateApiTokenPayload:
    token: ApiToken | None = None
    secret: str | None = strawberry.field(
        default=None, description="The whole token: shown only in this response."
    )
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RevokeApiTokenPayload:
    token: ApiToken | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create a dashboard user (admins).")
    async def create_user(self, info: Info, input: CreateUserInput) -> UserPayload:
        async def action() -> UserPayload:
            user = await management.add_user(
                principal=info.context.principal,
                name=input.name,
                email=input.email,
                password=input.password,
                role=Role(input.role),
                all_companies=input.all_companies,
                company_ids=_company_pks(input.company_ids),
            )
            return UserPayload(user=User(model=user))

        return await run_mutation(action, lambda errors: UserPayload(errors=errors))

    @strawberry.mutation(description="Change a user's name, role, companies or deactivate it.")
    async def update_user(self, info: Info, input: UpdateUserInput) -> UserPayload:
        async def action() -> UserPayload:
            user = await management.update_user(
                principal=info.context.principal,
                user_id=pk("User", input.id),
                name=input.name,
                role=Role(input.role) if input.role else None,
                is_active=input.active,
                all_companies=input.all_companies,
                company_ids=(
                    _company_pks(input.company_ids) if input.company_ids is not None else None
                ),
            )
            return UserPayload(user=User(model=user))

        return await run_mutation(action, lambda errors: UserPayload(errors=errors))

    @strawberry.mutation(description="The logged-in user changes its own password.")
    async def change_password(
        self, info: Info, input: ChangePasswordInput
    ) -> ChangePasswordPayload:
        async def action() -> ChangePasswordPayload:
            await management.change_password(
                principal=info.context.principal,
                current=input.current_password,
                new=input.new_password,
            )
            return ChangePasswordPayload(ok=True)

        return await run_mutation(action, lambda errors: ChangePasswordPayload(errors=errors))

    @strawberry.mutation(description="Issue an API token for a partner app (admins).")
    async def create_api_token(
        self, info: Info, input: CreateApiTokenInput
    ) -> CreateApiTokenPayload:
        async def action() -> CreateApiTokenPayload:
            issued = await management.issue_token(
                principal=info.context.principal,
                name=input.name,
                scope=TokenScope(input.scope),
                all_companies=input.all_companies,
                company_ids=_company_pks(input.company_ids),
            )
            return CreateApiTokenPayload(token=ApiToken(model=issued.token), secret=issued.secret)

        return await run_mutation(action, lambda errors: CreateApiTokenPayload(errors=errors))

    @strawberry.mutation(description="Revoke an API token: it stops working at once.")
    async def revoke_api_token(
        self, info: Info, input: RevokeApiTokenInput
    ) -> RevokeApiTokenPayload:
        async def action() -> RevokeApiTokenPayload:
            token = await management.revoke_token(
                principal=info.context.principal, token_id=pk("ApiToken", input.id)
            )
            return RevokeApiTokenPayload(token=ApiToken(model=token))

        return await run_mutation(action, lambda errors: RevokeApiTokenPayload(errors=errors))
