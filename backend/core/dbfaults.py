"""What a database fault means to a client: an exception (anywhere in its cause chain) from a
database that is down, restarting, out of disk or past its statement timeout becomes one of
three stable codes answered with HTTP 503, never a 500 nor a hanging request. See the README,
Recovery guarantees."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

UNAVAILABLE = "DATABASE_UNAVAILABLE"
STORAGE_FULL = "STORAGE_FULL"
TIMEOUT = "TIMEOUT"

MESSAGES = {
    UNAVAILABLE: "O banco de dados está indisponível no momento; nada foi gravado por esta "
    "requisição. Tente de novo em alguns segundos.",
    STORAGE_FULL: "Sem espaço em disco no servidor: nada foi gravado por esta requisição. "
    "Avise o administrador e tente de novo depois.",
    TIMEOUT: "A consulta ao banco de dados passou do tempo limite e foi cancelada: "
    "tente de novo, pedindo menos itens.",
}


@dataclass(frozen=True)
class DatabaseFault(Exception):
    code: str

    @property
    def message(self) -> str:
        return MESSAGES[self.code]


def _asyncpg_code(exc: BaseException) -> str | None:
    try:
        from asyncpg import exceptions as pg  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - asyncpg is a dependency
        return None
    if isinstance(exc, pg.QueryCanceledError):  # statement_timeout
        return TIMEOUT
    if isinstance(
        exc,
        (
            pg.PostgresConnectionError,  # refused, gone, "cannot connect now"
            pg.OperatorInterventionError,  # admin/crash shutdown while a query ran
            pg.InterfaceError,  # "connection is closed", pool closing
            pg.ConnectionDoesNotExistError,
            # A connection cut mid-protocol: "cannot switch to state …; another operation is
            # in progress" (the pool drops it and opens a new one).
            pg.InternalClientError,
        ),
    ):
        return UNAVAILABLE
    return None


def fault_code(exc: BaseException | None) -> str | None:
    """The fault's code, or None when `exc` is not a database fault."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DatabaseFault):
            return exc.code
        if isinstance(exc, sqlite3.Error):
            text = str(exc).lower()
            if "full" in text:  # SQLITE_FULL: "database or disk is full"
                return STORAGE_FULL
            if "disk i/o" in text or "unable to open" in text:
                return UNAVAILABLE
        code = _asyncpg_code(exc)
        if code is not None:
            return code
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return UNAVAILABLE
        if type(exc).__name__ == "DBConnectionError":  # tortoise's, when the pool cannot start
            return UNAVAILABLE
        exc = exc.__cause__ or exc.__context__
    return None
