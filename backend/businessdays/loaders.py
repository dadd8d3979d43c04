from __future__ import annotations

import datetime as dt
from collections import defaultdict

from strawberry.dataloader import DataLoader

from backend.businessdays.models import CompanyHoliday
from backend.businessdays.rules import BusinessCalendar
from backend.businessdays.services import CompanyCalendars, company_calendars
from backend.companies.loaders import load_companies_by_id
from backend.core.context import Context

_CALENDARS = "businessdays.BusinessCalendarByCompanyIdLoader"
_COMPANY_CALENDARS = "businessdays.CompanyCalendarsByCompanyIdsLoader"


def calendar_loader(context: Context) -> DataLoader[int, BusinessCalendar]:
    """BusinessCalendarByCompanyIdLoader: the companies through the request's CompanyByIdLoader
    (usually loaded already), and one query for their own holidays."""

    async def load(keys: list[int]) -> list[BusinessCalendar]:
        companies = await context.loaders.get(load_companies_by_id).load_many(keys)
        dates: dict[int, list[dt.date]] = defaultdict(list)
        rows = await CompanyHoliday.filter(company_id__in=sorted(set(keys))).values_list(
            "company_id", "date"
        )
        for company_id, day in rows:
            dates[company_id].append(day)
        return [
            BusinessCalendar.of(c.state if c else None, dates[k])
            for k, c in zip(keys, companies, strict=True)
        ]

    return context.loaders.keyed(_CALENDARS, lambda: DataLoader(load_fn=load))


def company_calendars_loader(
    context: Context,
) -> DataLoader[frozenset[int] | None, CompanyCalendars]:
    """CompanyCalendarsByCompanyIdsLoader: a set of companies' zones and calendars (None: every
    company), read once a request — the debtor page's overdue balance and overdue list both
    need them, each on its own today."""

    async def load(keys: list[frozenset[int] | None]) -> list[CompanyCalendars]:
        return [await company_calendars(key) for key in keys]

    return context.loaders.keyed(_COMPANY_CALENDARS, lambda: DataLoader(load_fn=load))
