"""Hand-written SQL for both engines: the connection, placeholders and plain rows.

Every value goes through `Sql.param`: no user text is ever formatted into a statement. Reads on
the hot path (a page of a debtor's entries, an entry's payments) go through here and come back
as frozen dataclasses built by `RowReader`, not Tortoise models: a model costs ~10× a tuple.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from tortoise import connections, fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

R = TypeVar("R")


def connection() -> BaseDBAsyncClient:
    """The default connection, or the caller's transaction when one is open."""
    db: BaseDBAsyncClient = connections.get("default")
    return db


def is_postgres(db: BaseDBAsyncClient) -> bool:
    return str(db.capabilities.dialect) == "postgres"


class Sql:
    """Collects parameters in the order their placeholders appear in the statement."""

    def __init__(self, db: BaseDBAsyncClient) -> None:
        self.db = db
        self.postgres = is_postgres(db)
        self.params: list[Any] = []

    def param(self, value: Any) -> str:
        if not self.postgres and isinstance(value, dt.date):
            value = value.isoformat()  # how Tortoise stores dates on SQLite
        self.params.append(value)
        return f"${len(self.params)}" if self.postgres else "?"

    def params_list(self, values: list[int]) -> str:
        return ", ".join(self.param(v) for v in values) if values else "NULL"

    async def rows(self, statement: str) -> list[dict[str, Any]]:
        return await self.db.execute_query_dict(statement, self.params)


# Columns whose database value is already the Python one on both engines.
_AS_IS = (fields.IntField, fields.BigIntField, fields.CharField, fields.TextField)


class RowReader(Generic[R]):
    """Builds `row_type` (a dataclass named like the model's columns) from raw rows of
    `model`'s table, converting each column exactly as the model would (dates stored as text on
    SQLite, time zones, enums), and nothing else: no model instance, no signals, no tracking."""

    def __init__(self, model: type[Model], row_type: type[R]) -> None:
        self.model = model
        self.row_type = row_type
        self.names = [f.name for f in dataclasses.fields(row_type)]  # type: ignore[arg-type]
        self.columns = ", ".join(f"%(a)s.{name}" for name in self.names)
        self._convert: list[tuple[str, Callable[[Any], Any]]] | None = None

    def _converters(self) -> list[tuple[str, Callable[[Any], Any]]]:
        # Built on first use: the models' foreign key columns exist once Tortoise is set up.
        by_column = {
            field.source_field or name: field
            for name, field in self.model._meta.fields_map.items()
            if not isinstance(field, fields.relational.RelationalField)
        }
        return [
            (name, by_column[name].to_python_value)
            for name in self.names
            if type(by_column[name]) not in _AS_IS  # not subclasses: an enum is a CharField
        ]

    def select(self, alias: str) -> str:
        """The column list, for `SELECT {reader.select("e")} FROM table e`."""
        return self.columns % {"a": alias}

    def read(self, row: Mapping[str, Any]) -> R:
        if self._convert is None:
            self._convert = self._converters()
        values = {name: row[name] for name in self.names}
        for name, convert in self._convert:
            value = values[name]
            if value is not None:
                values[name] = convert(value)
        return self.row_type(**values)
