"""Loaders of e-mail data: the message texts, read only when a field asks for them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from backend.core.sql import Sql, connection
from backend.mailing.models import SentEmail

# What a list of e-mails leaves out: the texts (the HTML of a statement runs to ~30 KB).
HEAVY = frozenset({"body", "html", "text"})


def light_columns() -> list[str]:
    """Every column of sent_email but the texts (computed: fields added later are included)."""
    return sorted(SentEmail._meta.db_fields - HEAVY)


@dataclass(frozen=True, slots=True)
class EmailTexts:
    body: str
    html: str
    text: str


async def load_texts_by_sent_email_id(keys: Sequence[int]) -> list[EmailTexts | None]:
    """SentEmailTextsByIdLoader: callers reach an e-mail already in scope."""
    sql = Sql(connection())
    ids = sql.params_list(sorted(set(keys)))
    rows = await sql.rows(f"SELECT id, body, html, text FROM sent_email WHERE id IN ({ids})")
    found = {r["id"]: EmailTexts(r["body"], r["html"], r["text"]) for r in rows}
    return [found.get(k) for k in keys]
