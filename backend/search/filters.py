"""The debtor search filter: validated once, then resolved to what the SQL needs.

"Today" is a calendar date in one time zone per request: the filter company's zone when the
search is limited to a company, else the installation's (`Settings.time_zone`). A list that
spans companies in different zones therefore rolls to the next day at the installation's
midnight, not at each company's; Brazil's zones are at most two hours apart, and one date per
request keeps every figure of a page (balances, totals, buckets) about the same set of entries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from backend.businessdays.services import NO_CUTOFFS, Cutoffs, overdue_cutoffs
from backend.companies.services import get_company
from backend.core.enums import DebtorKind
from backend.core.errors import ErrorCollector, ServiceError
from backend.core.periods import DueRange, Period, due_range, local_today
from backend.core.principal import Principal
from backend.core.text import clean, digits, search_key
from backend.core.validation import TEXT_MESSAGE, compact_document, has_forbidden_characters
from backend.settings import Settings

MAX_SEARCH_LENGTH = 200
MAX_SEARCH_TERMS = 8
# Digits with the punctuation people type in a CPF or CNPJ: "529.982.247-25", "11.222.333/0001-81".
_DOCUMENT_INPUT = re.compile(r"[0-9\s./-]+")  # ASCII digits: "٥٢٩" is not a CPF
# The start of an alphanumeric CNPJ (IN RFB 2.229/2024) as typed: "12.ABC.345/01DE-35", "12abc".
_ALPHANUMERIC_DOCUMENT_INPUT = re.compile(r"[0-9A-Za-z./-]+")
MAX_DOCUMENT_LENGTH = 14
_FILTER_PATH = ("filter",)


@dataclass(frozen=True)
class DebtorFilterData:
    """The search as the user typed it (the contract's DebtorFilter, ids already decoded)."""

    search: str | None = None
    company_id: int | None = None
    kind: DebtorKind | None = None
    period: Period = Period.OVERDUE
    due_from: dt.date | None = None
    due_to: dt.date | None = None


@dataclass(frozen=True)
class ResolvedFilter:
    """What the SQL filters on: unpaid entries due in `due`, of debtors matching the rest."""

    today: dt.date
    period: Period
    due: DueRange
    company_id: int | None
    scope: frozenset[int] | None  # the principal's companies, None: all
    kind: DebtorKind | None
    name_terms: tuple[str, ...]  # each a substring of Debtor.search_key
    # CPF/CNPJ characters the document starts with; with name terms too, either may match.
    document_prefix: str | None
    # Each company's overdue cutoff on `today` (backend.businessdays): OVERDUE and the ageing
    # buckets use it, so an entry due on a weekend is not overdue until the next business day.
    cutoffs: Cutoffs = NO_CUTOFFS
    # Whether `today` is also each company's own local date (their zones agree right now).
    same_day_everywhere: bool = True

    @property
    def filters_debtors(self) -> bool:
        return bool(self.kind or self.name_terms or self.document_prefix)

    @property
    def overdue_only(self) -> bool:
        return self.period is Period.OVERDUE


def company_not_found(errors: ErrorCollector) -> None:
    errors.add("NOT_FOUND", "Empresa não encontrada.", "companyId")


def parse_search(text: str | None) -> tuple[tuple[str, ...], str | None]:
    """(name terms, document prefix): digits with CPF/CNPJ punctuation search the document.

    A name matches when it contains every term, so "joao conceicao" finds
    "João da Conceição"; any substring of a name is found this way too.

    One word of letters and digits ("12.ABC.345", "12abc", "R2D2") may be the start of an
    alphanumeric CNPJ or part of a name: both are returned and a debtor matching either is
    found.
    """
    cleaned = clean(text)
    if cleaned is None:
        return (), None
    if _DOCUMENT_INPUT.fullmatch(cleaned) and digits(cleaned):
        return (), digits(cleaned)
    terms = tuple(dict.fromkeys(search_key(cleaned).split()))[:MAX_SEARCH_TERMS]
    document = compact_document(cleaned)
    if (
        _ALPHANUMERIC_DOCUMENT_INPUT.fullmatch(cleaned)
        and any(c.isdigit() for c in cleaned)
        and len(document) <= MAX_DOCUMENT_LENGTH
    ):
        return terms, document
    return terms, None


async def resolve_filter(
    *,
    principal: Principal,
    settings: Settings,
    now: dt.datetime,
    data: DebtorFilterData | None,
    company_id_given: bool = False,
) -> ResolvedFilter:
    """Validate every part of the filter (all problems at once), then resolve it.

    `company_id_given` with `data.company_id` None means the client sent an id that does not
    decode: it is answered exactly like an unknown or out-of-scope company.
    """
    data = data or DebtorFilterData()
    errors = ErrorCollector(prefix=_FILTER_PATH)
    if data.search is not None and len(data.search) > MAX_SEARCH_LENGTH:
        errors.add(
            "TOO_LONG",
            f"A pesquisa deve ter no máximo {MAX_SEARCH_LENGTH} caracteres.",
            "search",
        )
    elif data.search is not None and has_forbidden_characters(data.search):
        # GraphQL refuses these at the edge; the export's query string comes here directly.
        errors.add("INVALID_TEXT", f"A pesquisa {TEXT_MESSAGE}", "search")
    zone = settings.time_zone
    if data.company_id is not None or company_id_given:
        company = await get_company(principal, data.company_id)
        if company is None:
            company_not_found(errors)
        else:
            zone = company.time_zone
    today = local_today(now, zone)
    due: DueRange | None = None
    try:
        due = due_range(
            data.period,
            today=today,
            week_start=settings.week_start,
            due_from=data.due_from,
            due_to=data.due_to,
        )
    except ServiceError as exc:
        errors.extend(exc.errors)
    errors.raise_if_any()
    assert due is not None
    companies = [data.company_id] if data.company_id is not None else principal.company_ids
    cutoffs = await overdue_cutoffs(company_ids=companies, today_for=lambda _zone: today)
    if data.period is Period.OVERDUE and cutoffs.latest is not None:
        due = DueRange(None, cutoffs.latest)
    name_terms, document_prefix = parse_search(data.search)
    return ResolvedFilter(
        today=today,
        period=data.period,
        due=due,
        company_id=data.company_id,
        scope=principal.company_ids,
        kind=data.kind,
        name_terms=name_terms,
        document_prefix=document_prefix,
        cutoffs=cutoffs,
        same_day_everywhere=all(local_today(now, zone) == today for zone in cutoffs.zones),
    )
