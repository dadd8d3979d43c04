"""The benchmark cases: the GraphQL request and the parameters its raw twin needs.

The search cases send the home screen's page (Pesquisa de Inadimplências); the detail cases send
the Débitos do Cliente screen's query (frontend/src/pages/debtor/queries.ts, `DebtorDetail`),
word for word, with the page sizes the screen uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from backend.businessdays.rules import BusinessCalendar
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

# Débitos do Cliente: `debtorDetailQuery` as the screen sends it (fragments and all) and the
# page sizes of DebtorPage.tsx (ENTRIES_PAGE, EMAILS_PAGE).
ENTRIES_PAGE = 100
EMAILS_PAGE = 20
DETAIL = """
fragment DebtorData on Debtor {
  id
  name
  kind
  document
  documentFormatted
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
  address {
    postalCode
    postalCodeFormatted
    street
    number
    complement
    district
    city
    state
  }
}

fragment OverdueEntryRow on OverdueEntry {
  id
  code
  description
  company {
    id
    name
  }
  dueDate
  amount
  openAmount
  daysOverdue
  lateFee
  interest
  updatedAmount
}

fragment ContactRow on Contact {
  id
  name
  department
  role
  email
  phone
  mobile
  phoneFormatted
  mobileFormatted
}

fragment AppointmentRow on Appointment {
  id
  responsible {
    id
    name
  }
  company {
    id
    name
  }
  date
  time
  notes
  done
  doneAt
  createdAt
}

fragment SentEmailRow on SentEmail {
  id
  company {
    id
    name
  }
  to
  subject
  status
  attempts
  lastError
  queuedAt
  sentAt
  sentBy {
    id
    name
  }
  automatic
  collectionStepDays
}

query DebtorDetail($id: ID!, $entriesPage: Int!, $emailsPage: Int!) {
  debtor(id: $id) {
    ...DebtorData
    lastEmailedAt
    overdueBalance {
      openAmount
      entryCount
      oldestDueDate
      maxDaysOverdue
    }
    overdueEntries(first: $entriesPage) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OverdueEntryRow
        }
      }
    }
    contacts {
      ...ContactRow
    }
    appointments {
      ...AppointmentRow
    }
    sentEmails(first: $emailsPage) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SentEmailRow
        }
      }
    }
  }
  companies {
    id
    name
    today
    emailTemplates {
      id
      name
      subject
      body
      isDefault
    }
  }
  today
  users {
    id
    name
  }
  emailPlaceholders {
    name
    token
    description
    example
    inSubject
  }
}"""


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
    # Débitos do Cliente of this debtor (the detail query instead of a search page).
    debtor_id: int | None = None
    target: bool = True  # held to the p95 and ratio targets


@dataclass(frozen=True)
class DetailDebtors:
    """The debtors whose Débitos do Cliente is measured (chosen once, see bench.data)."""

    busy: int  # among those with the most entries
    typical: int  # the median number of entries, with something overdue


def detail_case(key: str, title: str, debtor_id: int) -> Case:
    variables = {
        "id": encode_id("Debtor", debtor_id),
        "entriesPage": ENTRIES_PAGE,
        "emailsPage": EMAILS_PAGE,
    }
    return Case(key, title, DETAIL, variables, debtor_id=debtor_id)


def build_cases(
    *,
    today: dt.date,
    company_id: int,
    all_companies: Sequence[int],
    detail: DetailDebtors | None = None,
) -> list[Case]:
    month = due_range(Period.THIS_MONTH, today=today)
    custom_from, custom_to = today - dt.timedelta(days=90), today - dt.timedelta(days=30)
    # Overdue: due on or before the last business day before today (the bench's companies use
    # the national calendar, backend.businessdays).
    overdue_to = BusinessCalendar().overdue_cutoff(today)
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
        *(
            [
                detail_case("detail", "Débitos do Cliente, devedor movimentado", detail.busy),
                detail_case("detail_typical", "Débitos do Cliente, devedor típico", detail.typical),
            ]
            if detail is not None
            else []
        ),
    ]
