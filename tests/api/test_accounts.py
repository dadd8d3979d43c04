"""Users, roles and API tokens administered through the API."""

from __future__ import annotations

import httpx

from backend.audit.models import AuditEvent
from backend.core.enums import Role
from tests.support import PASSWORD, ApiClient, gid, make_company, make_user

CREATE_USER = """mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id email role active allCompanies } errors { code field } }
}"""
UPDATE_USER = """mutation($input: UpdateUserInput!) {
  updateUser(input: $input) { user { id role active } errors { code field } }
}"""
CREATE_TOKEN = """mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token { id prefix scope } secret errors { code field } }
}"""


async def test_admin_creates_user_who_logs_in(http: httpx.AsyncClient) -> None:
    admin = await make_user(role=Role.ADMIN)
    api = await ApiClient.with_login(http, admin)
    company = await make_company()
    data = await api.data(
        CREATE_USER,
        {
            "input": {
                "name": "Bia",
                "email": "Bia@Example.com",
                "password": "uma-senha-boa",
                "role": "COLLECTOR",
                "companyIds": [gid("Company", company.id)],
            }
        },
    )
    assert data["createUser"]["errors"] == []
    assert data["createUser"]["user"]["email"] == "bia@example.com"
    login = await http.post(
        "/auth/login", json={"email": "bia@example.com", "password": "uma-senha-boa"}
    )
    assert login.status_code == 200
    events = await AuditEvent.filter(action="user.create").count()
    assert events == 1


async def test_user_errors(http: httpx.AsyncClient) -> None:
    admin = await make_user(role=Role.ADMIN, email="adm@example.com")
    api = await ApiClient.with_login(http, admin)
    data = await api.data(
        CREATE_USER,
        {
            "input": {
                "name": "",
                "email": "adm@example.com",
                "password": "curta",
                "companyIds": ["bogus"],
            }
        },
    )
    codes = {e["code"] for e in data["createUser"]["errors"]}
    assert codes == {"REQUIRED", "WEAK_PASSWORD", "DUPLICATE_EMAIL"}
    self_demote = await api.data(
        UPDATE_USER, {"input": {"id": gid("User", admin.id), "active": False}}
    )
    assert [e["code"] for e in self_demote["updateUser"]["errors"]] == ["FORBIDDEN"]


async def test_deactivated_user_loses_its_session(http: httpx.AsyncClient) -> None:
    admin = await make_user(role=Role.ADMIN)
    admin_api = await ApiClient.with_token(http, scope="ADMIN")
    collector = await make_user()
    collector_http = httpx.AsyncClient(transport=http._transport, base_url="http://testserver")
    async with collector_http:
        collector_api = await ApiClient.with_login(collector_http, collector)
        assert (await collector_api.data("{ me { id } }"))["me"] is not None
        result = await admin_api.data(
            UPDATE_USER, {"input": {"id": gid("User", collector.id), "active": False}}
        )
        assert result["updateUser"]["user"]["active"] is False
        assert (await collector_api.post("{ me { id } }")).status_code == 401
    assert admin.is_active


async def test_collector_cannot_administer(http: httpx.AsyncClient) -> None:
    collector = await make_user()
    api = await ApiClient.with_login(http, collector)
    data = await api.data(CREATE_TOKEN, {"input": {"name": "x", "allCompanies": True}})
    assert [e["code"] for e in data["createApiToken"]["errors"]] == ["FORBIDDEN"]
    body = await api.execute("{ apiTokens { id } }")
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "administradores" in body["errors"][0]["message"]


async def test_token_lifecycle(http: httpx.AsyncClient) -> None:
    admin = await make_user(role=Role.ADMIN)
    api = await ApiClient.with_login(http, admin)
    created = (
        await api.data(
            CREATE_TOKEN, {"input": {"name": "ERP", "scope": "WRITE", "allCompanies": True}}
        )
    )["createApiToken"]
    assert created["errors"] == []
    secret = created["secret"]
    assert secret.startswith(created["token"]["prefix"] + "_")
    partner = ApiClient(http, {"Authorization": f"Bearer {secret}"})
    assert (await partner.data("{ companies { id } }"))["companies"] == []
    listed = (await api.data("{ apiTokens { prefix lastUsedAt revokedAt } }"))["apiTokens"]
    assert listed[0]["lastUsedAt"] is not None
    revoke = await api.data(
        """mutation($id: ID!) {
          revokeApiToken(input: {id: $id}) { token { revokedAt } errors { code } }
        }""",
        {"id": created["token"]["id"]},
    )
    assert revoke["revokeApiToken"]["token"]["revokedAt"] is not None
    assert (await partner.post("{ companies { id } }")).status_code == 401


async def test_change_password(http: httpx.AsyncClient) -> None:
    user = await make_user()
    api = await ApiClient.with_login(http, user)
    query = """mutation($input: ChangePasswordInput!) {
      changePassword(input: $input) { ok errors { code } } }"""
    wrong = await api.data(query, {"input": {"currentPassword": "x", "newPassword": "y"}})
    assert {e["code"] for e in wrong["changePassword"]["errors"]} == {
        "WRONG_PASSWORD",
        "WEAK_PASSWORD",
    }
    ok = await api.data(
        query, {"input": {"currentPassword": PASSWORD, "newPassword": "nova-senha-longa"}}
    )
    assert ok["changePassword"] == {"ok": True, "errors": []}
    login = await http.post(
        "/auth/login", json={"email": user.email, "password": "nova-senha-longa"}
    )
    assert login.status_code == 200
