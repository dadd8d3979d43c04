"""One Settings object, read from the environment, and the Tortoise configuration it implies."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEVELOPMENT_SECRET = "development-only-not-secret"  # noqa: S105 - refused outside development
MODEL_MODULES = [
    "backend.companies.models",
    "backend.accounts.models",
    "backend.debtors.models",
    "backend.entries.models",
    "backend.appointments.models",
    "backend.mailing.models",
    "backend.audit.models",
    "backend.search.models",
    "backend.businessdays.models",
    "backend.collection.models",
    "backend.pix.models",
    "backend.webhooks.models",
]


class SettingsError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite://data/cobrancas.sqlite3"
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str = DEVELOPMENT_SECRET
    environment: str = "development"  # development | production
    time_zone: str = "America/Sao_Paulo"
    week_start: int = (
        6  # Python weekday: Monday=0 ... Sunday=6; Brazilian calendars start on Sunday
    )
    log_level: str = "INFO"
    smtp_url: str = ""  # empty: e-mails are written as .eml files under data/outbox/
    mail_from: str = "cobranca@localhost"
    outbox_dir: str = "data/outbox"
    session_days: int = 14
    # E-mail delivery (backend/mailing/README.md): attempts before FAILED, the first retry delay
    # (each next one 4x longer), how long a worker holds a claimed e-mail, the idle poll.
    mail_max_attempts: int = 6
    mail_retry_base_seconds: int = 60
    mail_lease_seconds: int = 300
    mail_poll_seconds: int = 5
    # Abuse limits (README, Security): the `limits` library's notation ("10/15 minutes"); the
    # counters live in this process unless RATE_LIMIT_STORAGE names a shared Redis.
    rate_limit_storage: str = "memory://"
    rate_limit_prefix: str = "cobrancas"
    login_limit_per_account: str = "10/15 minutes"
    login_limit_per_address: str = "30/5 minutes"
    token_request_budget: str = "1200/minute"  # noqa: S105 - a rate, not a secret
    request_timeout_seconds: float = 15.0
    max_body_bytes: int = 1_000_000
    # Database faults (README, Recovery guarantees): PostgreSQL cancels a statement running
    # longer than this; a new connection gives up after the connect timeout. While the database
    # is unreachable requests answer 503 DATABASE_UNAVAILABLE; the pool reconnects by itself.
    db_statement_timeout_seconds: float = 10.0
    db_connect_timeout_seconds: float = 5.0
    # The régua's daily automatic run in the delivery worker (README, Régua de cobrança); off,
    # the plan, the screens and `cobrancas regua` still work, nothing is sent by itself.
    regua_automatic: bool = True
    # Webhooks (README, Integração): loopback/private targets only in development and tests.
    webhooks_allow_private: bool = False
    webhook_max_attempts: int = 8
    webhook_retry_base_seconds: int = 30

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        defaults = cls()
        settings = cls(
            database_url=env.get("DATABASE_URL", defaults.database_url),
            host=env.get("HOST", defaults.host),
            port=_int(env, "PORT", defaults.port),
            secret_key=env.get("SECRET_KEY", defaults.secret_key),
            environment=env.get("ENVIRONMENT", defaults.environment),
            time_zone=env.get("TIME_ZONE", defaults.time_zone),
            week_start=_int(env, "WEEK_START", defaults.week_start),
            log_level=env.get("LOG_LEVEL", defaults.log_level).upper(),
            smtp_url=env.get("SMTP_URL", defaults.smtp_url),
            mail_from=env.get("MAIL_FROM", defaults.mail_from),
            outbox_dir=env.get("OUTBOX_DIR", defaults.outbox_dir),
            session_days=_int(env, "SESSION_DAYS", defaults.session_days),
            mail_max_attempts=_int(env, "MAIL_MAX_ATTEMPTS", defaults.mail_max_attempts),
            mail_retry_base_seconds=_int(
                env, "MAIL_RETRY_BASE_SECONDS", defaults.mail_retry_base_seconds
            ),
            mail_lease_seconds=_int(env, "MAIL_LEASE_SECONDS", defaults.mail_lease_seconds),
            mail_poll_seconds=_int(env, "MAIL_POLL_SECONDS", defaults.mail_poll_seconds),
            rate_limit_storage=env.get("RATE_LIMIT_STORAGE", defaults.rate_limit_storage),
            rate_limit_prefix=env.get("RATE_LIMIT_PREFIX", defaults.rate_limit_prefix),
            login_limit_per_account=env.get(
                "LOGIN_LIMIT_PER_ACCOUNT", defaults.login_limit_per_account
            ),
            login_limit_per_address=env.get(
                "LOGIN_LIMIT_PER_ADDRESS", defaults.login_limit_per_address
            ),
            token_request_budget=env.get("TOKEN_REQUEST_BUDGET", defaults.token_request_budget),
            request_timeout_seconds=_float(
                env, "REQUEST_TIMEOUT_SECONDS", defaults.request_timeout_seconds
            ),
            max_body_bytes=_int(env, "MAX_BODY_BYTES", defaults.max_body_bytes),
            db_statement_timeout_seconds=_float(
                env, "DB_STATEMENT_TIMEOUT_SECONDS", defaults.db_statement_timeout_seconds
            ),
            db_connect_timeout_seconds=_float(
                env, "DB_CONNECT_TIMEOUT_SECONDS", defaults.db_connect_timeout_seconds
            ),
            regua_automatic=env.get("REGUA_AUTOMATIC", "1").lower() not in ("0", "false", "no"),
            webhooks_allow_private=env.get("WEBHOOKS_ALLOW_PRIVATE", "") in ("1", "true", "yes"),
            webhook_max_attempts=_int(env, "WEBHOOK_MAX_ATTEMPTS", defaults.webhook_max_attempts),
            webhook_retry_base_seconds=_int(
                env, "WEBHOOK_RETRY_BASE_SECONDS", defaults.webhook_retry_base_seconds
            ),
        )
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.environment not in ("development", "production"):
            raise SettingsError("ENVIRONMENT must be 'development' or 'production'")
        if self.environment != "development" and (
            self.secret_key == DEVELOPMENT_SECRET or len(self.secret_key) < 32
        ):
            raise SettingsError(
                "SECRET_KEY must be set to a random value of 32+ characters outside development"
            )
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise SettingsError(f"TIME_ZONE {self.time_zone!r} is not a known time zone") from exc
        if not 0 <= self.week_start <= 6:
            raise SettingsError("WEEK_START must be 0 (Monday) .. 6 (Sunday)")
        if not self.database_url.startswith(("sqlite://", "postgres://", "postgresql://")):
            raise SettingsError("DATABASE_URL must be a sqlite:// or postgres:// URL")
        if self.smtp_url and not self.smtp_url.startswith(
            ("smtp://", "smtps://", "smtp+starttls://")
        ):
            raise SettingsError("SMTP_URL must start with smtp://, smtp+starttls:// or smtps://")
        if "@" not in self.mail_from or any(c in self.mail_from for c in "\r\n,<> "):
            raise SettingsError("MAIL_FROM must be a plain address, e.g. cobranca@example.com")
        if not (1 <= self.mail_max_attempts <= 50 and self.mail_retry_base_seconds >= 1):
            raise SettingsError("MAIL_MAX_ATTEMPTS must be 1..50, MAIL_RETRY_BASE_SECONDS >= 1")
        if self.mail_lease_seconds < 30 or self.mail_poll_seconds < 1:
            raise SettingsError("MAIL_LEASE_SECONDS must be >= 30 and MAIL_POLL_SECONDS >= 1")
        if self.webhooks_allow_private and self.environment != "development":
            raise SettingsError("WEBHOOKS_ALLOW_PRIVATE is for development only")
        if not (1 <= self.webhook_max_attempts <= 50 and self.webhook_retry_base_seconds >= 1):
            raise SettingsError(
                "WEBHOOK_MAX_ATTEMPTS must be 1..50, WEBHOOK_RETRY_BASE_SECONDS >= 1"
            )
        self._validate_limits()

    def _validate_limits(self) -> None:
        from limits import parse

        if not self.rate_limit_storage.startswith(("memory://", "redis://", "rediss://")):
            raise SettingsError("RATE_LIMIT_STORAGE must be memory:// or a redis:// URL")
        for name in ("login_limit_per_account", "login_limit_per_address", "token_request_budget"):
            try:
                parse(getattr(self, name))
            except ValueError as exc:
                raise SettingsError(
                    f"{name.upper()} must read like '10/15 minutes', got {getattr(self, name)!r}"
                ) from exc
        if not (0 < self.request_timeout_seconds <= 600 and self.max_body_bytes >= 10_000):
            raise SettingsError(
                "REQUEST_TIMEOUT_SECONDS must be in (0, 600] and MAX_BODY_BYTES >= 10000"
            )
        if not (
            0 < self.db_statement_timeout_seconds <= 3600
            and 0 < self.db_connect_timeout_seconds <= 600
        ):
            raise SettingsError(
                "DB_STATEMENT_TIMEOUT_SECONDS must be in (0, 3600] and "
                "DB_CONNECT_TIMEOUT_SECONDS in (0, 600]"
            )

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgres://", "postgresql://"))

    def tortoise_config(self) -> dict[str, Any]:
        return tortoise_config(
            self.database_url,
            statement_timeout=self.db_statement_timeout_seconds,
            connect_timeout=self.db_connect_timeout_seconds,
        )


async def _keep_session(_connection: Any) -> None:
    """asyncpg's pool resets a connection it gets back (UNLISTEN, RESET ALL, CLOSE ALL, advisory
    unlock): one more round trip per statement, since Tortoise takes a pooled connection per
    statement. Pooled connections carry no session state here (no SET, LISTEN, cursor or
    session advisory lock: the live bus listens on its own connection, core/singleton.py locks
    per transaction); asyncpg still rolls back an open transaction before calling this."""


def tortoise_config(
    database_url: str,
    *,
    statement_timeout: float | None = None,
    connect_timeout: float | None = None,
) -> dict[str, Any]:
    """Tortoise's configuration. On PostgreSQL JIT is off, and the timeouts become asyncpg's
    connect `timeout`, the server's `statement_timeout` and, a little longer, asyncpg's
    `command_timeout` (for a server that stopped answering at all); migrations run without
    them."""
    url = database_url.replace("postgresql://", "postgres://", 1)
    connection: str | dict[str, Any] = url
    if url.startswith("postgres://"):
        from tortoise.backends.base.config_generator import expand_db_url

        expanded = expand_db_url(url)
        credentials = expanded["credentials"]
        credentials["reset"] = _keep_session
        # No JIT: our statements are short, and a page whose cost the planner overestimates
        # (a LATERAL walk per debtor) paid 30–40 ms of LLVM compilation for a 5 ms query.
        credentials["server_settings"] = {
            **(credentials.get("server_settings") or {}),
            "jit": "off",
        }
        if connect_timeout:
            credentials["timeout"] = connect_timeout
        if statement_timeout:
            credentials["command_timeout"] = statement_timeout + 5
            settings = dict(credentials.get("server_settings") or {})
            settings["statement_timeout"] = str(int(statement_timeout * 1000))
            credentials["server_settings"] = settings
        connection = expanded
    return {
        "connections": {"default": connection},
        "apps": {
            "models": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from exc


def _float(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from exc


# For the `tortoise` command line (makemigrations): the configured database, SQLite by default.
TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", Settings.database_url))
