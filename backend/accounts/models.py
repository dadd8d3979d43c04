from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from backend.core.enums import Role, TokenScope

if TYPE_CHECKING:
    from backend.companies.models import Company


class User(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=16, default=Role.COLLECTOR)
    is_active = fields.BooleanField(default=True)
    all_companies = fields.BooleanField(default=False)
    companies: fields.ManyToManyRelation[Company] = fields.ManyToManyField(
        "models.Company", related_name="users", through="user_company"
    )
    # sha256 of the secret in the iCalendar feed URL (backend.accounts.services).
    calendar_token_hash = fields.CharField(max_length=64, unique=True)
    calendar_url_shown = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "app_user"
        ordering = ["name", "id"]


class ApiToken(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    prefix = fields.CharField(max_length=16, unique=True)  # shown in lists: "cob_1a2b3c4d"
    secret_hash = fields.CharField(max_length=64)  # sha256 of the whole token
    scope = fields.CharEnumField(TokenScope, max_length=8, default=TokenScope.READ)
    all_companies = fields.BooleanField(default=False)
    companies: fields.ManyToManyRelation[Company] = fields.ManyToManyField(
        "models.Company", related_name="api_tokens", through="api_token_company"
    )
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "api_token"


class UserSession(Model):
    """A dashboard login: the cookie holds a random token, the table only its hash."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "user_session"
