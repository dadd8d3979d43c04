"""The five benchmark cases: the GraphQL request and the parameters its raw twin needs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from backend.core.ids import encode_id
from backend.core.periods import Period, due_range

PAGE_SIZE = 25
PAGE = """
query($filter: DebtorFilter) {
  debtors(filter: $filter, first: 25) {
    totalCount
    totalOpenAmount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node { id name document }
      balance { openAmount entryCount oldestDueDate maxDaysOverdue }
    }
  }
}"""
SUMMARY = """
query {
  collectionSummary {
    totalOpenAmount debtorCount entryCount
    buckets { label minDays maxDays openAmount entryCount }
  }
}"""
NAME_SEARCH = "conceicao"


@dataclass(frozen=True)
class Case:
    key: str
    title: str
    query: str
    variables: dict[str, Any] = field(default_factory=dict)
    # For the raw twin: the due range, the company and the name term the filter means.
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    company_id: int | None = None
    name_term: str | None = None
    # Asked by a principal limited to these companies (all of them: same rows, other path).
    scope: tuple[int, ...] | None = None
    target: bool = True  # held to the p95 and ratio targets


def build_cases(*, today: dt.date, company_id: int, all_companies: Sequence[int]) -> list[Case]:
    month = due_range(Period.THIS_MONTH, today=today)
    custom_from, custom_to = today - dt.timedelta(days=90), today - dt.timedelta(days=30)
    overdue_to = today - dt.timedelta(days=1)
    return [
        Case("default", "lista padrão (vencidos)", PAGE, {}, due_to=overdue_to),
        Case(
            "name",
            f'busca por nome "{NAME_SEARCH}"',
            PAGE,
            {"filter": {"search": NAME_SEARCH}},
            due_to=overdue_to,
            name_term=NAME_SEARCH,
        ),
        Case(
            "company_month",
            "empresa + este mês",
            PAGE,
            {"filter": {"companyId": encode_id("Company", company_id), "period": "THIS_MONTH"}},
            due_from=month.start,
            due_to=month.end,
            company_id=company_id,
        ),
        Case(
            "custom",
            "período personalizado (90 a 30 dias atrás)",
            PAGE,
            {
                "filter": {
                    "period": "CUSTOM",
                    "dueFrom": custom_from.isoformat(),
                    "dueTo": custom_to.isoformat(),
                }
            },
            due_from=custom_from,
            due_to=custom_to,
        ),
        Case("summary", "collectionSummary (vencidos)", SUMMARY, {}, due_to=overdue_to),
        # Not a target: the default list without the summary, as a user limited to companies
        # (here all of them) gets it. It shows what the summary saves.
        Case(
            "default_scoped",
            "lista padrão, usuário com empresas (sem resumo)",
            PAGE,
            {},
            due_to=overdue_to,
            scope=tuple(all_companies),
            target=False,
        ),
    ]
