"""Administration of users, roles and API tokens: by ADMIN users, or by a token an ADMIN user
issued with the ADMIN scope. An unrestricted WRITE token writes data but administers nothing.

There is always an administrator left: the last active ADMIN with access to every company
cannot be demoted, deactivated or narrowed to some companies.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts.models import ApiToken, User, UserSession
from backend.accounts.services import (
    MIN_PASSWORD,
    IssuedToken,
    companies_by_id,
    create_token,
    create_user,
    hash_password,
    rotate_calendar_token,
    verify_password,
)
from backend.audit.services import changes, record
from backend.core.clock import utc_now
from backend.core.enums import Role, TokenScope
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.validation import check_text


async def add_user(
    *,
    principal: Principal,
    name: str,
    email: str,
    password: str,
    role: Role,
    all_companies: bool,
    company_ids: list[int],
) -> User:
    principal.require_admin()
    user = await create_user(
        name=name,
        email=email,
        password=password,
        role=role,
        all_companies=all_companies,
        company_ids=company_ids,
    )
    await record(
        principal,
        action="user.create",
        target_type="User",
        target_id=user.id,
        details={"email": user.email, "role": user.role.value},
    )
    return user


async def update_user(
    *,
    principal: Principal,
    user_id: int | None,
    name: str | None = None,
    role: Role | None = None,
    is_active: bool | None = None,
    all_companies: bool | None = None,
    company_ids: list[int] | None = None,
) -> User:
    principal.require_admin()
    user = await User.get_or_none(id=user_id) if user_id is not None else None
    if user is None:
        fail("NOT_FOUND", "Usuário não encontrado.", "input", "id")
    errors = ErrorCollector()
    values: dict[str, object] = {}
    if name is not None:
        values["name"] = check_text(
            errors, name, "name", label="Nome", max_length=200, required=True
        )
    if user.id == principal.user_id and (is_active is False or (role and role != Role.ADMIN)):
        errors.add("FORBIDDEN", "Você não pode desativar nem rebaixar o próprio usuário.", "id")
    errors.raise_if_any()
    stays_admin = (
        (role or user.role) == Role.ADMIN
        and (is_active if is_active is not None else user.is_active)
        and (all_companies if all_companies is not None else user.all_companies)
    )
    companies = (
        await companies_by_id(company_ids, "input", "companyIds")
        if company_ids is not None
        else None
    )
    for key, value in (("role", role), ("is_active", is_active), ("all_companies", all_companies)):
        if value is not None:
            values[key] = value
    async with in_transaction():
        if not stays_admin:
            await _keep_an_administrator(user.id)
        before = {key: getattr(user, key) for key in values}
        user.update_from_dict(values)
        await user.save()
        if companies is not None:
            await user.companies.clear()
            if companies:
                await user.companies.add(*companies)
            values["company_ids"] = sorted(c.id for c in companies)
        if is_active is False:
            await UserSession.filter(user_id=user.id).delete()
        await record(
            principal,
            action="user.update",
            target_type="User",
            target_id=user.id,
            details=changes(before, values),
        )
    return user


async def _keep_an_administrator(user_id: int) -> None:
    """Refuse to take the last administrator away. The administrators' rows are locked, so two
    admins demoting each other at the same moment cannot both succeed (PostgreSQL; SQLite
    runs one write transaction at a time)."""
    admins = await User.filter(
        role=Role.ADMIN, is_active=True, all_companies=True
    ).select_for_update()
    if not any(a.id != user_id for a in admins) and any(a.id == user_id for a in admins):
        fail(
            "LAST_ADMIN",
            "Este é o último administrador ativo: promova outro usuário a administrador antes "
            "de rebaixar, desativar ou limitar este.",
            "input",
            "id",
        )


async def change_password(*, principal: Principal, current: str, new: str) -> None:
    """Any dashboard user, a VIEWER too, changes its own password; every other session of the
    user ends (a stolen cookie stops working), the one making the change stays."""
    user = await User.get_or_none(id=principal.user_id) if principal.user_id else None
    if user is None:
        fail("FORBIDDEN", "Apenas usuários do painel têm senha.")
    errors = ErrorCollector()
    if not await verify_password(user.password_hash, current):
        errors.add("WRONG_PASSWORD", "Senha atual incorreta.", "currentPassword")
    if len(new) < MIN_PASSWORD:
        errors.add(
            "WEAK_PASSWORD", f"A senha deve ter ao menos {MIN_PASSWORD} caracteres.", "newPassword"
        )
    errors.raise_if_any()
    password_hash = await hash_password(new)  # before the transaction: it takes ~0.2 s
    async with in_transaction():
        user.password_hash = password_hash
        await user.save(update_fields=["password_hash"])
        await UserSession.filter(user_id=user.id).exclude(id=principal.session_id or 0).delete()
        await record(principal, action="user.password", target_type="User", target_id=user.id)


async def rotate_calendar(*, principal: Principal) -> str:
    """A new secret address for the user's own calendar feed (any user, a VIEWER too)."""
    if principal.user_id is None:
        fail("FORBIDDEN", "Apenas usuários do painel têm agenda.")
    async with in_transaction():
        token = await rotate_calendar_token(principal.user_id)
        await record(
            principal,
            action="user.calendar_rotate",
            target_type="User",
            target_id=principal.user_id,
        )
    return token


async def issue_token(
    *,
    principal: Principal,
    name: str,
    scope: TokenScope,
    all_companies: bool,
    company_ids: list[int],
) -> IssuedToken:
    principal.require_admin()
    if scope == TokenScope.ADMIN and principal.user_id is None:
        fail(
            "FORBIDDEN",
            "Apenas um usuário administrador pode emitir um token de administração.",
            "input",
            "scope",
        )
    creator = await User.get_or_none(id=principal.user_id) if principal.user_id else None
    issued = await create_token(
        name=name,
        scope=scope,
        all_companies=all_companies,
        company_ids=company_ids,
        created_by=creator,
    )
    await record(
        principal,
        action="token.create",
        target_type="ApiToken",
        target_id=issued.token.id,
        details={"name": issued.token.name, "scope": issued.token.scope.value},
    )
    return issued


async def revoke_token(*, principal: Principal, token_id: int | None) -> ApiToken:
    principal.require_admin()
    token = await ApiToken.get_or_none(id=token_id) if token_id is not None else None
    if token is None:
        fail("NOT_FOUND", "Token não encontrado.", "input", "id")
    if token.revoked_at is not None:
        fail("ALREADY_REVOKED", "Este token já foi revogado.", "input", "id")
    async with in_transaction():
        token.revoked_at = utc_now()
        await token.save(update_fields=["revoked_at"])
        await record(
            principal,
            action="token.revoke",
            target_type="ApiToken",
            target_id=token.id,
            details={"name": token.name},
        )
    return token


async def list_tokens(principal: Principal) -> list[ApiToken]:
    principal.require_admin()
    return await ApiToken.all().order_by("-created_at", "-id")


async def list_all_users(principal: Principal) -> list[User]:
    principal.require_admin()
    return await User.all().order_by("name", "id")
