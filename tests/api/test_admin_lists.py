"""What the administration screens read: each user's and token's companies."""

from __future__ import annotations

import httpx

from backend.accounts.services import create_token
from backend.core.enums import TokenScope
from tests.support import ApiClient, gid, make_company, make_user


async def test_users_and_tokens_list_their_companies(http: httpx.AsyncClient) -> None:
    a, b = await make_company("A"), await make_company("B")
    limited = await make_user(name="Limitada", companies=[b, a])
    await create_token(name="erp", scope=TokenScope.WRITE, all_companies=False, company_ids=[a.id])
    admin = await ApiClient.with_token(http, scope="ADMIN")
    data = await admin.data(
        "{ users { name allCompanies companyIds } apiTokens { name allCompanies companyIds } }"
    )
    users = {u["name"]: u for u in data["users"]}
    assert users["Limitada"]["companyIds"] == [gid("Company", a.id), gid("Company", b.id)]
    assert limited.all_companies is False
    tokens = {t["name"]: t for t in data["apiTokens"]}
    assert tokens["erp"] == {
        "name": "erp",
        "allCompanies": False,
        "companyIds": [gid("Company", a.id)],
    }
    # A principal limited to B sees only B among a user's companies.
    only_b = await ApiClient.with_token(http, scope="READ", companies=[b])
    seen = {u["name"]: u for u in (await only_b.data("{ users { name companyIds } }"))["users"]}
    assert seen["Limitada"]["companyIds"] == [gid("Company", b.id)]
