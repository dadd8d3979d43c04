"""The race's requests: ours, PostGraphile's closest equivalent, and the raw twin's route.

1. `list`: 25 debtors × their first 20 entries (the issue's first request). Ours: the home
   list's first page (the per-debtor summary's order); PostGraphile has no summary, so it pages
   `allDebtors` by primary key (the issue's own measurement).
2. `busy`: one busy debtor, 100 entries with their payments, the contacts, 20 e-mails.
3. `pesquisa`: the Pesquisa page as the bench measures it (bench.cases.PAGE, default filter).
   PostGraphile's closest: 25 rows of `debtor_balance` (the same summary table) by open amount,
   (the table has no foreign key, so no debtor name: lighter than ours), and the totals as
   `totalCount` (no sum without a plugin).
4. `detail`: the Débitos do Cliente screen's own query (bench.cases.DETAIL) for the busy debtor.
   PostGraphile's closest: the debtor, its first 100 open entries by due date (amber has no
   "due before" filter: equality conditions only), each with its company, the contacts,
   appointments, 20 e-mails, and the companies and users lists the screen also reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from backend.core.ids import encode_id
from bench.cases import DETAIL, EMAILS_PAGE, ENTRIES_PAGE, PAGE

ENTRY = "id code description dueDate amount paidAmount openAmount status"
LIST = f"""
query RaceList {{
  debtors(first: 25) {{
    edges {{ node {{ id name document
      entries(first: 20) {{ totalCount edges {{ node {{ {ENTRY} }} }} }}
    }} }}
  }}
}}"""
BUSY = f"""
query RaceBusy($id: ID!) {{
  debtor(id: $id) {{
    id name document
    entries(first: 100) {{
      totalCount
      edges {{ node {{ {ENTRY} payments {{ id amount paidOn method }} }} }}
    }}
    contacts {{ id name email phone }}
    sentEmails(first: 20) {{ totalCount edges {{ node {{ id subject status }} }} }}
  }}
}}"""

PEER_ENTRY = "rowId code description dueDate amountCents paidCents status"
PEER_LIST = f"""
query RaceList {{
  allDebtors(first: 25, orderBy: PRIMARY_KEY_ASC) {{
    nodes {{ rowId name document
      financialEntriesByDebtorId(first: 20, orderBy: [DUE_DATE_DESC, PRIMARY_KEY_DESC]) {{
        totalCount nodes {{ {PEER_ENTRY} }}
      }}
    }}
  }}
}}"""
PEER_BUSY = f"""
query RaceBusy($id: Int!) {{
  debtorByRowId(rowId: $id) {{
    rowId name document
    financialEntriesByDebtorId(first: 100, orderBy: [DUE_DATE_DESC, PRIMARY_KEY_DESC]) {{
      totalCount
      nodes {{ {PEER_ENTRY}
        paymentsByEntryId(orderBy: [PAID_ON_ASC, PRIMARY_KEY_ASC]) {{
          nodes {{ rowId amountCents paidOn method }}
        }}
      }}
    }}
    contactsByDebtorId(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {{
      nodes {{ rowId name email phone }}
    }}
    sentEmailsByDebtorId(first: 20, orderBy: [QUEUED_AT_DESC, PRIMARY_KEY_DESC]) {{
      totalCount nodes {{ rowId subject status }}
    }}
  }}
}}"""
PEER_PESQUISA = """
query RacePesquisa {
  allDebtorBalances(first: 25, orderBy: [OPEN_CENTS_DESC, DEBTOR_ID_ASC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { debtorId openCents entryCount oldestDue }
  }
}"""
PEER_DETAIL = f"""
query RaceDetail($id: Int!) {{
  debtorByRowId(rowId: $id) {{
    rowId name kind document email phone mobile
    postalCode street number complement district city state
    financialEntriesByDebtorId(first: {ENTRIES_PAGE}, orderBy: [DUE_DATE_ASC, PRIMARY_KEY_ASC],
                               condition: {{ status: "OPEN" }}) {{
      totalCount
      nodes {{ rowId code description dueDate amountCents paidCents status
        companyByCompanyId {{ rowId name }}
        paymentsByEntryId {{ nodes {{ amountCents lateFeeCents interestCents paidOn reversedAt }} }}
      }}
    }}
    contactsByDebtorId(orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {{
      nodes {{ rowId name department role email phone mobile }}
    }}
    appointmentsByDebtorId {{ nodes {{ rowId scheduledDate scheduledTime notes done }} }}
    sentEmailsByDebtorId(first: {EMAILS_PAGE}, orderBy: [QUEUED_AT_DESC, PRIMARY_KEY_DESC]) {{
      totalCount nodes {{ rowId subject status queuedAt sentAt recipients }}
    }}
  }}
  allCompanies(orderBy: PRIMARY_KEY_ASC) {{ nodes {{ rowId name }} }}
  allAppUsers(orderBy: PRIMARY_KEY_ASC) {{ nodes {{ rowId name email }} }}
}}"""


@dataclass(frozen=True)
class RaceRequest:
    key: str
    title: str
    ours: dict[str, Any]  # the JSON body we are sent
    peer: dict[str, Any]  # PostGraphile's
    raw: str  # the twin's path on our server


def race_requests(busy: int) -> list[RaceRequest]:
    detail_variables = {
        "id": encode_id("Debtor", busy),
        "entriesPage": ENTRIES_PAGE,
        "emailsPage": EMAILS_PAGE,
    }
    return [
        RaceRequest(
            "list",
            "25 devedores × 20 lançamentos",
            {"query": LIST},
            {"query": PEER_LIST},
            "/race/raw/list",
        ),
        RaceRequest(
            "busy",
            "devedor movimentado: 100 lançamentos com pagamentos, contatos, 20 e-mails",
            {"query": BUSY, "variables": {"id": encode_id("Debtor", busy)}},
            {"query": PEER_BUSY, "variables": {"id": busy}},
            "/race/raw/busy",
        ),
        RaceRequest(
            "pesquisa",
            "Pesquisa (lista padrão, 25 devedores com saldos e totais)",
            {"query": PAGE, "variables": {}},
            {"query": PEER_PESQUISA},
            "/raw/default",
        ),
        RaceRequest(
            "detail",
            "Débitos do Cliente, devedor movimentado (a consulta da tela)",
            {"query": DETAIL, "variables": detail_variables},
            {"query": PEER_DETAIL, "variables": {"id": busy}},
            "/raw/detail",
        ),
    ]
