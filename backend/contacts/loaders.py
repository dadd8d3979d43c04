from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from backend.debtors.models import Contact


async def load_contacts_by_debtor_id(keys: Sequence[int]) -> list[list[Contact]]:
    """ContactsByDebtorIdLoader: callers reach contacts through a debtor already in scope."""
    grouped: dict[int, list[Contact]] = defaultdict(list)
    for contact in await Contact.filter(debtor_id__in=list(set(keys))).order_by("name", "id"):
        grouped[contact.debtor_id].append(contact)
    return [grouped[k] for k in keys]
