from __future__ import annotations

from strawberry.dataloader import DataLoader

from backend.businessdays.rules import BusinessCalendar
from backend.businessdays.services import CompanyCalendars, company_calendars
from backend.core.context import Context

_CALENDARS = "businessdays.BusinessCalendarByCompanyIdLoader"
_COMPANY_CALENDARS = "businessdays.CompanyCalendarsByCompanyIdsLoader"


def calendar_loader(context: Context) -> DataLoader[int, BusinessCalendar]:
    """BusinessCalendarByCompanyIdLoader: from the request's calendars of the principal's
    companies (usually read already for the overdue cutoffs); any other company read apart."""

    async def load(keys: list[int]) -> list[BusinessCalendar]:
        scope = context.principal.company_ids
        known = (await company_calendars_loader(context).load(scope)).calendars
        missing = sorted({key for key in keys if key not in known})
        if missing:  # a company that no longer exists keeps the national calendar
            known = {**known, **(await company_calendars(missing)).calendars}
        return [known.get(key) or BusinessCalendar.of(None) for key in keys]

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
