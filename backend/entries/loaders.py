from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from backend.entries.models import Payment


async def load_payments_by_entry_id(keys: Sequence[int]) -> list[list[Payment]]:
    """PaymentsByEntryIdLoader: every payment of each entry, reversed ones included."""
    grouped: dict[int, list[Payment]] = defaultdict(list)
    for payment in await Payment.filter(entry_id__in=list(set(keys))).order_by("paid_on", "id"):
        grouped[payment.entry_id].append(payment)
    return [grouped[k] for k in keys]
