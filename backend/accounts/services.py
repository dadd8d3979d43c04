"""Users, dashboard sessions and API tokens, and turning a credential into a Principal."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from tortoise.transactions import in_transaction

from backend.accounts.models import ApiToken, User, UserSession
from backend.accounts.scope import scope_users
from backend.companies.models import Company
from backend.core.clock import utc_now
from backend.core.enums import Role, TokenScope
from backend.core.errors import ErrorCollector, fail
from backend.core.principal import Principal
from backend.core.validation import check_email, check_text, has_forbidden_characters

_hasher = PasswordHasher()
# Verifying against this keeps the time of "unknown e-mail" equal to "wrong password".
_DUMMY_HASH = _hasher.hash("not-a-real-password")
TOKEN_PREFIX = "cob_"  # noqa: S105 - a prefix, not a secret
MIN_PASSWORD = 8
TOUCH_EVERY = dt.timedelta(minutes=5)


async def hash_password(password: str) -> str:
    # Argon2 takes ~0.2 s of CPU on purpose: in a worker thread (it releases the GIL), so the
    # event loop keeps answering other requests meanwhile.
    return await asyncio.to_thread(_hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str, password: str) -> bool:
    return await asyncio.to_thread(_verify, password_hash, password)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _session_hash(secret_key: str, token: str) -> str:
    return hmac.new(secret_key.encode(), token.encode(), hashlib.sha256).hexdigest()


async def companies_by_id(ids: list[int] | None, *path: str) -> list[Company]:
    """The companies a user or token is given; any unknown id is NOT_FOUND at `path`."""
    if not ids:
        return []
    companies = await Company.filter(id__in=ids)
    if len(companies) != len(set(ids)):
        fail("NOT_FOUND", "Empresa não encontrada.", *path)
    return companies


async def create_user(
    *,
    name: str,
    email: str,
    password: str,
    role: Role = Role.COLLECTOR,
    all_companies: bool = False,
    company_ids: list[int] | None = None,
) -> User:
    errors = ErrorCollector()
    clean_name = check_text(errors, name, "name", label="Nome", max_length=200, required=True)
    clean_email = check_email(errors, email, "email")
    if not email.strip():
        errors.add("REQUIRED", "E-mail é obrigatório.", "email")
    if len(password) < MIN_PASSWORD:
        errors.add(
            "WEAK_PASSWORD", f"A senha deve ter ao menos {MIN_PASSWORD} caracteres.", "password"
        )
    if clean_email and await User.filter(email=clean_email.lower()).exists():
        errors.add("DUPLICATE_EMAIL", "Já existe um usuário com este e-mail.", "email")
    errors.raise_if_any()
    assert clean_name is not None
    assert clean_email is not None
    companies = await companies_by_id(company_ids, "companies")
    async with in_transaction():
        user = await User.create(
            name=clean_name,
            email=clean_email.lower(),
            password_hash=await hash_password(password),
            role=role,
            all_companies=all_companies,
            # A secret nobody is shown: myCalendarUrl replaces it the first time it is asked.
            calendar_token_hash=_sha256(secrets.token_urlsafe(32)),
        )
        if companies:
            await user.companies.add(*companies)
    return user


async def rotate_calendar_token(user_id: int) -> str:
    """A new secret for the user's iCalendar feed; the old address stops working at once.

    Only its hash is stored (like sessions and API tokens), so the secret is shown once: a
    leaked database does not hand out anyone's agenda.
    """
    token = secrets.token_urlsafe(32)
    await User.filter(id=user_id).update(
        calendar_token_hash=_sha256(token), calendar_url_shown=True
    )
    return token


async def issue_first_calendar_token(user_id: int) -> str | None:
    """The calendar secret of a user who was never shown one; None when one was shown."""
    token = secrets.token_urlsafe(32)
    updated = await User.filter(id=user_id, calendar_url_shown=False).update(
        calendar_token_hash=_sha256(token), calendar_url_shown=True
    )
    return token if updated else None


async def user_by_calendar_token(token: str) -> User | None:
    if not 0 < len(token) <= 64 or has_forbidden_characters(token):  # "%00": a PostgreSQL 500
        return None
    return await User.get_or_none(calendar_token_hash=_sha256(token), is_active=True)


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


async def authenticate_password(email: str, password: str) -> User | None:
    # No stored e-mail holds a control character, and a lone surrogate cannot be encoded for
    # the database or the hash: such a login matches no account.
    if has_forbidden_characters(email) or (not password.isascii() and not _encodable(password)):
        return None
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    if user is None:
        await verify_password(_DUMMY_HASH, password)
        return None
    return user if await verify_password(user.password_hash, password) else None


async def create_session(*, user: User, secret_key: str, days: int) -> str:
    token = secrets.token_urlsafe(32)
    await UserSession.create(
        token_hash=_session_hash(secret_key, token),
        user=user,
        expires_at=utc_now() + dt.timedelta(days=days),
    )
    return token


async def end_session(*, token: str, secret_key: str) -> None:
    await UserSession.filter(token_hash=_session_hash(secret_key, token)).delete()


async def user_principal(user: User, *, session_id: int | None = None) -> Principal:
    company_ids: frozenset[int] | None = None
    if not user.all_companies:
        company_ids = frozenset(c.id for c in await user.companies.all())
    return Principal(
        name=user.name,
        role=user.role,
        company_ids=company_ids,
        can_write=user.role != Role.VIEWER,
        user_id=user.id,
        can_administer=user.role == Role.ADMIN and user.is_active,
        session_id=session_id,
    )


async def principal_from_session(*, token: str, secret_key: str) -> Principal | None:
    session = await UserSession.get_or_none(
        token_hash=_session_hash(secret_key, token), expires_at__gt=utc_now()
    ).select_related("user")
    if session is None or not session.user.is_active:
        return None
    return await user_principal(session.user, session_id=session.id)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once


async def create_token(
    *,
    name: str,
    scope: TokenScope,
    all_companies: bool,
    company_ids: list[int] | None = None,
    created_by: User | None = None,
) -> IssuedToken:
    errors = ErrorCollector()
    clean_name = check_text(errors, name, "name", label="Nome", max_length=200, required=True)
    if not all_companies and not company_ids:
        errors.add("REQUIRED", "Informe as empresas do token ou acesso a todas.", "companies")
    if scope == TokenScope.ADMIN and not all_companies:
        errors.add(
            "INVALID_SCOPE",
            "Um token de administração precisa de acesso a todas as empresas.",
            "companies",
        )
    errors.raise_if_any()
    assert clean_name is not None
    companies = await companies_by_id(company_ids, "companies")
    prefix = TOKEN_PREFIX + secrets.token_hex(4)
    secret = f"{prefix}_{secrets.token_urlsafe(32)}"
    async with in_transaction():
        token = await ApiToken.create(
            name=clean_name,
            prefix=prefix,
            secret_hash=_sha256(secret),
            scope=scope,
            all_companies=all_companies,
            created_by=created_by,
        )
        if companies:
            await token.companies.add(*companies)
    return IssuedToken(token=token, secret=secret)


async def principal_from_token(secret: str) -> Principal | None:
    # "cob_<8 hex>_<random>": the random part may itself contain "_".
    head, sep, _ = secret.partition("_")
    middle, sep2, _ = secret[len(head) + 1 :].partition("_")
    prefix = f"{head}_{middle}"
    if not (sep and sep2) or not prefix.startswith(TOKEN_PREFIX) or len(prefix) > 16:
        return None
    token = await ApiToken.get_or_none(prefix=prefix, revoked_at=None)
    if token is None or not hmac.compare_digest(token.secret_hash, _sha256(secret)):
        return None
    now = utc_now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        await ApiToken.filter(id=token.id).update(last_used_at=now)
    company_ids = None
    if not token.all_companies:
        company_ids = frozenset(c.id for c in await token.companies.all())
    return Principal(
        name=f"token {token.name}",
        role=Role.COLLECTOR,
        company_ids=company_ids,
        can_write=token.scope in (TokenScope.WRITE, TokenScope.ADMIN),
        token_id=token.id,
        can_administer=token.scope == TokenScope.ADMIN,
    )


async def visible_users(principal: Principal) -> list[User]:
    return await scope_users(principal).order_by("name", "id")


async def get_user(principal: Principal, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    return await scope_users(principal).filter(id=user_id).first()
