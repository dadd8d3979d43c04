"""The retention period (LGPD art. 15 I and art. 16: personal data ends with its purpose): a
company sets `retention_days`; the worker anonymises a debtor once nothing of it is open and
nothing happened to it for that many days, in every company it belongs to — a debtor shared
with a company that keeps no such period (or a longer one) waits for that company's rule.

Activity: the latest of the debtor's own change, its entries' changes, payments and e-mails.
Runs from the e-mail worker's loop (a companion, like the webhooks), at most once an hour.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from tortoise.functions import Max
from tortoise.transactions import in_transaction

from backend.audit.models import AuditEvent
from backend.companies.models import Company
from backend.core.clock import Clock, utc_now
from backend.debtors.models import Debtor, DebtorCompany
from backend.entries.models import FinancialEntry, Payment
from backend.lgpd.services import _open_reasons, erase_personal_data
from backend.mailing.models import SentEmail

logger = logging.getLogger("cobrancas.lgpd")
MIN_DAYS, MAX_DAYS = 30, 36500


async def _companies(debtor_ids: list[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {d: set() for d in debtor_ids}
    for debtor_id, company in await DebtorCompany.filter(debtor_id__in=debtor_ids).values_list(
        "debtor_id", "company_id"
    ):
        found[int(debtor_id)].add(int(company))
    for debtor_id, company in (
        await FinancialEntry.filter(debtor_id__in=debtor_ids)
        .distinct()
        .values_list("debtor_id", "company_id")
    ):
        found[int(debtor_id)].add(int(company))
    return found


async def _last_activity(debtor_id: int) -> dt.datetime | None:
    moments = [(await Debtor.get(id=debtor_id)).updated_at]
    for query in (
        FinancialEntry.filter(debtor_id=debtor_id).annotate(m=Max("updated_at")),
        Payment.filter(entry__debtor_id=debtor_id).annotate(m=Max("created_at")),
        SentEmail.filter(debtor_id=debtor_id).annotate(m=Max("queued_at")),
    ):
        rows = await query.values("m")
        if rows and rows[0]["m"] is not None:
            moments.append(rows[0]["m"])
    return max(moments)


async def anonymize_expired(now: dt.datetime, *, limit: int = 200) -> list[int]:
    """Anonymise the debtors whose every company's retention period has run out; their ids."""
    periods = {c.id: c.retention_days for c in await Company.all()}
    with_period = [c for c, days in periods.items() if days is not None]
    if not with_period:
        return []
    linked: list[int] = await DebtorCompany.filter(company_id__in=with_period).values_list(
        "debtor_id", flat=True
    )  # type: ignore[assignment]
    owing: list[int] = (
        await FinancialEntry.filter(company_id__in=with_period)
        .distinct()
        .values_list("debtor_id", flat=True)  # type: ignore[assignment]
    )
    candidates = list(set(linked) | set(owing))
    fresh: set[int] = {
        int(row["id"])
        for row in await Debtor.filter(id__in=candidates, anonymized_at__isnull=True).values("id")
    }
    candidates = sorted(d for d in candidates if d in fresh)[: limit * 5]
    companies = await _companies(candidates)
    done: list[int] = []
    for debtor_id in candidates:
        days = [periods.get(c) for c in companies[debtor_id]]
        if not days or any(d is None for d in days):
            continue
        longest = max(d for d in days if d is not None)
        last = await _last_activity(debtor_id)
        if last is None or last > now - dt.timedelta(days=longest):
            continue
        if await _open_reasons(debtor_id):
            continue
        debtor = await Debtor.get(id=debtor_id)
        async with in_transaction():
            await erase_personal_data(debtor, now=now)
            await AuditEvent.create(
                actor_label="retenção LGPD", action="debtor.anonymize", target_type="Debtor",
                target_id=debtor_id,
                company_id=next(iter(companies[debtor_id])) if len(companies[debtor_id]) == 1
                else None,
                details={"reason": f"Prazo de retenção de {longest} dias sem atividade",
                         "legalBasis": "LGPD arts. 15 I e 16"},
            )  # fmt: skip
        done.append(debtor_id)
        if len(done) >= limit:
            break
    if done:
        logger.info("Retenção LGPD: %s cliente(s) anonimizado(s)", len(done))
    return done


class RetentionSweeper:
    """A companion of the e-mail worker's loop: runs `anonymize_expired` at most hourly."""

    def __init__(self, *, clock: Clock = utc_now, every: dt.timedelta = dt.timedelta(hours=1)):
        self.clock = clock
        self.every = every
        self.last_run: dt.datetime | None = None

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        now = self.clock()
        if self.last_run is not None and now - self.last_run < self.every:
            return 0
        self.last_run = now
        return len(await anonymize_expired(now))
