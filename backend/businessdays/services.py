"""Each company's business-day calendar, its overdue cutoff, and its own holidays.

"Overdue on a company's today" has one definition, used by every figure (the entry's flag and
charges, the debtor page, the search and its per-debtor summary, the e-mail statement): the
entry is unpaid and due on or before the company's overdue cutoff, the last business day before
its today (backend.businessdays.rules).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.businessdays.models import CompanyHoliday
from backend.businessdays.rules import BusinessCalendar
from backend.companies.models import Company
from backend.companies.services import get_company
from backend.core.errors import ErrorCollector, ServiceError
from backend.core.periods import local_today
from backend.core.principal import Principal
from backend.core.validation import check_date, check_text


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Overdue cutoffs of a set of companies, grouped (hashable: a resolved filter holds it).

    `groups` are (cutoff, company ids) pairs, sorted: entries of those companies due on or
    before the cutoff are overdue. `zones` are the companies' time zones.
    """

    groups: tuple[tuple[dt.date, tuple[int, ...]], ...]
    zones: frozenset[str]

    def __iter__(self) -> Iterator[tuple[dt.date, tuple[int, ...]]]:
        return iter(self.groups)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def key(self) -> str:
        """A short fingerprint: two sets of cutoffs with the same key are the same."""
        return hashlib.sha256(repr(self.groups).encode()).hexdigest()[:32]

    @property
    def latest(self) -> dt.date | None:
        return self.groups[-1][0] if self.groups else None

    @property
    def earliest(self) -> dt.date | None:
        return self.groups[0][0] if self.groups else None


NO_CUTOFFS = Cutoffs((), frozenset())


async def calendars_by_company(
    company_ids: Iterable[int] | None = None,
) -> dict[int, BusinessCalendar]:
    """The calendar of each company (of every company when `company_ids` is None): national
    holidays, its address state's, and its own dates."""
    companies = Company.all()
    if company_ids is not None:
        companies = companies.filter(id__in=sorted(set(company_ids)))
    rows = await companies.values_list("id", "state")
    return await _calendars({cid: state for cid, state in rows})


async def _calendars(states: dict[int, str | None]) -> dict[int, BusinessCalendar]:
    dates: dict[int, list[dt.date]] = defaultdict(list)
    if states:
        holidays = CompanyHoliday.filter(company_id__in=sorted(states))
        for company_id, day in await holidays.values_list("company_id", "date"):
            dates[company_id].append(day)
    return {cid: BusinessCalendar.of(state, dates[cid]) for cid, state in states.items()}


@dataclass(frozen=True)
class CompanyCalendars:
    """Each company's time zone and business-day calendar: what its overdue cutoff is made of,
    on any day. A request reads them once (businessdays.loaders.company_calendars_loader) and
    each reader applies its own today."""

    zones: dict[int, str]
    calendars: dict[int, BusinessCalendar]

    def cutoffs(self, today_for: Callable[[str], dt.date]) -> Cutoffs:
        """The overdue cutoff of each company, grouped: normally one group, a few at most.

        `today_for(zone)` is the date that counts as today for a company in that time zone: its
        local date for the debtor page, or the one date of a search or of the summary.
        """
        groups: dict[dt.date, list[int]] = defaultdict(list)
        for cid, zone in self.zones.items():
            groups[self.calendars[cid].overdue_cutoff(today_for(zone))].append(cid)
        return Cutoffs(
            groups=tuple((cutoff, tuple(sorted(ids))) for cutoff, ids in sorted(groups.items())),
            zones=frozenset(self.zones.values()),
        )


async def overdue_cutoffs(
    *,
    company_ids: Iterable[int] | None,
    today_for: Callable[[str], dt.date],
    db: BaseDBAsyncClient | None = None,
) -> Cutoffs:
    """The companies' overdue cutoffs on `today_for`'s dates (CompanyCalendars.cutoffs)."""
    return (await company_calendars(company_ids, db=db)).cutoffs(today_for)


async def company_calendars(
    company_ids: Iterable[int] | None, *, db: BaseDBAsyncClient | None = None
) -> CompanyCalendars:
    """The calendars of those companies (of every company when None), in one query."""
    companies = Company.all().using_db(db) if db is not None else Company.all()
    if company_ids is not None:
        companies = companies.filter(id__in=sorted(set(company_ids)))
    # One query: each company with its own holidays (a LEFT JOIN, a row per holiday).
    rows = await companies.values_list("id", "time_zone", "state", "holidays__date")
    zones: dict[int, str] = {}
    states: dict[int, str | None] = {}
    dates: dict[int, list[dt.date]] = defaultdict(list)
    for cid, zone, state, day in rows:
        zones[cid], states[cid] = zone, state
        if day is not None:
            dates[cid].append(day)
    return CompanyCalendars(
        zones=zones,
        calendars={cid: BusinessCalendar.of(states[cid], dates[cid]) for cid in zones},
    )


def local_cutoffs(now: dt.datetime) -> Callable[[str], dt.date]:
    """today_for: each company's own local date at the instant `now`."""
    return lambda zone: local_today(now, zone)


# --- a company's own holidays ---------------------------------------------------------------


async def list_company_holidays(
    principal: Principal, company_id: int | None
) -> list[CompanyHoliday]:
    company = await get_company(principal, company_id)
    if company is None:
        return []
    return await CompanyHoliday.filter(company_id=company.id).order_by("date", "id")


async def add_company_holiday(
    *, principal: Principal, company_id: int | None, date: dt.date | None, name: str | None
) -> CompanyHoliday:
    """A municipal holiday or other day off of the company (ADMIN): no charges run on it."""
    principal.require_admin()
    errors = ErrorCollector()
    day = check_date(errors, date, "date", label="Data")
    if date is None:
        errors.add("REQUIRED", "Data é obrigatória.", "date")
    clean_name = check_text(errors, name, "name", label="Nome", max_length=100, required=True)
    company = await get_company(principal, company_id)
    if company is None:
        errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")
    errors.raise_if_any()
    assert company is not None
    assert day is not None
    assert clean_name is not None
    async with in_transaction():
        if await CompanyHoliday.exists(company_id=company.id, date=day):
            errors.add(
                "DUPLICATE_HOLIDAY",
                f"Já existe um feriado da empresa em {day:%d/%m/%Y}.",
                "date",
            )
            raise ServiceError(errors.errors)
        holiday = await CompanyHoliday.create(company_id=company.id, date=day, name=clean_name)
        await record(
            principal,
            action="company_holiday.create",
            target_type="Company",
            target_id=company.id,
            company_id=company.id,
            details={"holidayId": holiday.id, "date": day.isoformat(), "name": clean_name},
        )
    await _calendar_changed()
    return holiday


async def remove_company_holiday(*, principal: Principal, holiday_id: int | None) -> int:
    """Remove one of a company's own holidays (ADMIN); returns the company's id."""
    principal.require_admin()
    holiday = await CompanyHoliday.get_or_none(id=holiday_id) if holiday_id is not None else None
    if holiday is None or not principal.sees_company(holiday.company_id):
        errors = ErrorCollector()
        errors.add("NOT_FOUND", "Feriado não encontrado.", "id")
        raise ServiceError(errors.errors)
    async with in_transaction():
        await holiday.delete()
        await record(
            principal,
            action="company_holiday.delete",
            target_type="Company",
            target_id=holiday.company_id,
            company_id=holiday.company_id,
            details={
                "holidayId": holiday.id,
                "date": holiday.date.isoformat(),
                "name": holiday.name,
            },
        )
    await _calendar_changed()
    return holiday.company_id


async def _calendar_changed() -> None:
    """A changed calendar moves overdue cutoffs: the per-debtor summary is recomputed.

    Imported here, not at the top: the search imports this module for the cutoffs.
    """
    from backend.search.balances import rebuild_balances

    await rebuild_balances()
