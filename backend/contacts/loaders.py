from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from backend.core.sql import RowReader, Sql, connection
from backend.debtors.models import Contact


@dataclass(frozen=True, slots=True)
class ContactRow:
    """A contact as a plain row (same names as the model, which writes use)."""

    id: int
    debtor_id: int
    name: str
    department: str | None
    role: str | None
    email: str | None
    phone: str | None
    mobile: str | None
    created_at: dt.datetime


CONTACT_ROWS = RowReader(Contact, ContactRow)


async def load_contacts_by_debtor_id(keys: Sequence[int]) -> list[list[ContactRow]]:
    """ContactsByDebtorIdLoader: callers reach contacts through a debtor already in scope."""
    sql = Sql(connection())
    ids = sql.params_list(sorted(set(keys)))
    statement = (
        f"SELECT {CONTACT_ROWS.select('c')} FROM contact c "
        f"WHERE c.debtor_id IN ({ids}) ORDER BY c.name, c.id"
    )
    grouped: dict[int, list[ContactRow]] = defaultdict(list)
    for row in await sql.rows(statement):
        contact = CONTACT_ROWS.read(row)
        grouped[contact.debtor_id].append(contact)
    return [grouped[k] for k in keys]
