"""Hand-written SQL for both engines: the connection, placeholders and plain rows.

Every value goes through `Sql.param`: no user text is ever formatted into a statement. Reads on
the hot path (a page of a debtor's entries, an entry's payments) go through here and come back
as frozen dataclasses built by `RowReader`, not Tortoise models: a model costs ~10× a tuple.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from tortoise import connections, fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model
from tortoise.timezone import get_default_timezone, get_use_tz

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
            # How Tortoise stores them on SQLite (its sqlite3 adapters).
            value = value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
        self.params.append(value)
        return f"${len(self.params)}" if self.postgres else "?"

    def params_list(self, values: list[int]) -> str:
        return ", ".join(self.param(v) for v in values) if values else "NULL"

    async def rows(self, statement: str) -> list[dict[str, Any]]:
        return await self.db.execute_query_dict(statement, self.params)

    async def records(self, statement: str) -> Sequence[Mapping[str, Any]]:
        """The rows as the driver returns them (asyncpg's Record, sqlite3.Row): read by column
        name, never copied into dicts — for the hot loaders that read each row once."""
        _count, rows = await self.db.execute_query(statement, self.params)
        return rows


# Columns whose database value is already the Python one on both engines.
_AS_IS = (fields.IntField, fields.BigIntField, fields.CharField, fields.TextField)


class RowReader(Generic[R]):
    """Builds `row_type` (a dataclass named like the model's columns) from raw rows of
    `model`'s table, converting each column exactly as the model would (dates stored as text on
    SQLite, time zones, enums), and nothing else: no model instance, no signals, no tracking.

    The reader is a function generated on first use — `row_type(row["id"], conv(row["due"]), …)`
    — with converters that take the common value straight (a date that is already a date, an
    enum's value by dict lookup, a UTC timestamp) and hand anything else to the model field's
    own `to_python_value`: ~4 µs a row instead of ~16 µs (tests/core/test_sql.py compares the
    two on both engines)."""

    def __init__(self, model: type[Model], row_type: type[R]) -> None:
        self.model = model
        self.row_type = row_type
        self.names = [f.name for f in dataclasses.fields(row_type)]  # type: ignore[arg-type]
        self.columns = ", ".join(f"%(a)s.{name}" for name in self.names)
        self._read: Callable[[Mapping[str, Any]], R] | None = None

    def _fields(self) -> dict[str, fields.Field[Any]]:
        # On first use: the models' foreign key columns exist once Tortoise is set up.
        return {
            field.source_field or name: field
            for name, field in self.model._meta.fields_map.items()
            if not isinstance(field, fields.relational.RelationalField)
        }

    def _compile(self) -> Callable[[Mapping[str, Any]], R]:
        by_column = self._fields()
        # A frozen dataclass's __init__ sets each field through object.__setattr__ (~5 µs for
        # 20 fields); the slots' own descriptors set them at half that, and the instance is the
        # same (equal, same hash, still frozen to every later assignment).
        namespace: dict[str, Any] = {"new": object.__new__, "R": self.row_type}
        slots = all(hasattr(self.row_type.__dict__.get(n), "__set__") for n in self.names)
        lines = ["def read(row):", "    o = new(R)"] if slots else ["def read(row):"]
        values = []
        for index, name in enumerate(self.names):
            field = by_column[name]
            value = f"row[{name!r}]"
            if type(field) not in _AS_IS:  # not subclasses: an enum is a CharField
                namespace[f"c{index}"] = _converter(field)
                value = f"c{index}({value})"
            if slots:
                namespace[f"s{index}"] = self.row_type.__dict__[name].__set__
                lines.append(f"    s{index}(o, {value})")
            values.append(value)
        lines.append("    return o" if slots else f"    return R({', '.join(values)})")
        exec("\n".join(lines), namespace)  # noqa: S102 - names from our own dataclass
        read: Callable[[Mapping[str, Any]], R] = namespace["read"]
        return read

    def select(self, alias: str) -> str:
        """The column list, for `SELECT {reader.select("e")} FROM table e`."""
        return self.columns % {"a": alias}

    def read(self, row: Mapping[str, Any]) -> R:
        if self._read is None:
            self._read = self._compile()
        return self._read(row)


def _converter(field: fields.Field[Any]) -> Callable[[Any], Any]:
    """`field.to_python_value` for a non-None value, with the common case taken straight."""
    convert = field.to_python_value
    enum_type = getattr(field, "enum_type", None)
    if enum_type is not None:
        members = {member.value: member for member in enum_type}

        def enum(value: Any) -> Any:
            if value is None:
                return None
            member = members.get(value)
            return member if member is not None else convert(value)

        return enum
    if type(field) is fields.DateField:

        def date(value: Any) -> Any:
            return value if value is None or type(value) is dt.date else convert(value)

        return date
    if type(field) is fields.DatetimeField and get_use_tz():
        zone = get_default_timezone()
        utc = getattr(zone, "key", None) == "UTC"

        def timestamp(value: Any) -> Any:
            if value is None:
                return None
            if utc and type(value) is dt.datetime and value.tzinfo is dt.UTC:
                return value.replace(tzinfo=zone)  # = astimezone(zone): both are UTC
            return convert(value)

        return timestamp

    def other(value: Any) -> Any:
        return None if value is None else convert(value)

    return other
