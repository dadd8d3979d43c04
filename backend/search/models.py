"""The per-debtor overdue summary that answers the home screen's default list at 1M entries.

A row exists for each debtor with unpaid entries due before `BalanceState.as_of` and holds
what the plain aggregate over `financial_entry` would say on that date. Writes keep it right
in their own transaction (backend.search.signals), a day roll moves it to the next local date
(backend.search.balances.roll_balances), and readers use it only when `as_of` is today.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class DebtorBalance(Model):
    """Open overdue amount of one debtor across every company, with ageing buckets."""

    debtor_id = fields.IntField(primary_key=True, generated=False)
    open_cents = fields.BigIntField()
    entry_count = fields.IntField()
    oldest_due = fields.DateField()
    # Ageing by days overdue: 1-30, 31-60, 61-90 and more than 90.
    b1_cents = fields.BigIntField()
    b1_count = fields.IntField()
    b2_cents = fields.BigIntField()
    b2_count = fields.IntField()
    b3_cents = fields.BigIntField()
    b3_count = fields.IntField()
    b4_cents = fields.BigIntField()
    b4_count = fields.IntField()

    class Meta:
        table = "debtor_balance"


class DebtorCompanyBalance(Model):
    """The same, per (debtor, company): what a principal limited to some companies reads
    (summed over its companies), kept with debtor_balance by the same statements."""

    id = fields.IntField(primary_key=True)
    debtor_id = fields.IntField()
    company_id = fields.IntField()
    open_cents = fields.BigIntField()
    entry_count = fields.IntField()
    oldest_due = fields.DateField()
    b1_cents = fields.BigIntField()
    b1_count = fields.IntField()
    b2_cents = fields.BigIntField()
    b2_count = fields.IntField()
    b3_cents = fields.BigIntField()
    b3_count = fields.IntField()
    b4_cents = fields.BigIntField()
    b4_count = fields.IntField()

    class Meta:
        table = "debtor_company_balance"
        unique_together = (("debtor_id", "company_id"),)


class BalanceState(Model):
    """One row (id 1): the local date the summary describes, null before the first roll.

    `calendar_key` is the key of the companies' overdue cutoffs the rows were computed with
    (businessdays.Cutoffs.key): a company's new state or holiday changes it, and readers fall
    back to the entries until the summary is rebuilt (the next roll rebuilds it).
    """

    id = fields.IntField(primary_key=True, generated=False)
    as_of = fields.DateField(null=True)
    calendar_key = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "balance_state"


# Importing the models registers the write hooks, so every process that loads them keeps the
# summary right (Tortoise imports this module from Settings' MODEL_MODULES).
import backend.search.signals  # noqa: E402, F401
