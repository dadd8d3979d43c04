"""createEntry by the partner's externalId: sending the same entry again changes nothing."""

from __future__ import annotations

from backend.audit.models import AuditEvent
from backend.entries.models import FinancialEntry
from tests.entries.helpers import UPDATE, mutate
from tests.support import ApiClient, gid, make_company, make_debtor

CREATE = """
mutation($input: CreateEntryInput!) {
  createEntry(input: $input) { entry { id version amount description } errors { code field } }
}"""


async def test_resending_an_unchanged_entry_keeps_its_version(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor()
    sent = {
        "debtorId": gid("Debtor", debtor.id),
        "companyId": gid("Company", company.id),
        "description": "Mensalidade março",
        "issueDate": "2026-03-01",
        "dueDate": "2026-03-10",
        "amount": "1000.00",
        "externalId": "erp-1",
        "code": "M-03",
    }
    first = (await admin_api.data(CREATE, {"input": sent}))["createEntry"]
    assert first["errors"] == []
    version = first["entry"]["version"]

    # The partner's nightly sync sends it again, unchanged (amount written another way too).
    again = (await admin_api.data(CREATE, {"input": {**sent, "amount": "1000"}}))["createEntry"]
    assert again["errors"] == []
    assert again["entry"] == first["entry"]
    assert (await FinancialEntry.get(external_id="erp-1")).version == version
    assert await AuditEvent.filter(action="entry.update").count() == 0

    # A collector who opened the entry before the re-send saves without a VERSION_CONFLICT.
    edited = await mutate(
        admin_api,
        UPDATE,
        "updateEntry",
        id=first["entry"]["id"],
        description="Mensalidade de março",
        expectedVersion=version,
    )
    assert edited["errors"] == []
    assert edited["entry"]["version"] == version + 1

    # A real change from the partner still makes a new version.
    changed = (await admin_api.data(CREATE, {"input": {**sent, "amount": "1200.00"}}))[
        "createEntry"
    ]
    assert changed["entry"]["version"] == version + 2
    assert changed["entry"]["amount"] == "1200.00"
