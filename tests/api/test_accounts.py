"""Users, roles and API tokens administered through the API."""

from __future__ import annotations

import httpx

from backend.accounts.models import User, UserSession
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


CHANGE_PASSWORD = """mutation($input: ChangePasswordInput!) {
  changePassword(input: $input) { ok errors { code } } }"""


async def test_an_unrestricted_write_token_is_not_an_administrator(
    http: httpx.AsyncClient,
) -> None:
    admin = await make_user(role=Role.ADMIN)
    writer = await ApiClient.with_token(http, scope="WRITE")
    attempts = [
        (CREATE_USER, {"input": {"name": "X", "email": "x@x.example", "password": "a" * 12,
                                 "role": "ADMIN", "allCompanies": True}}),
        (CREATE_TOKEN, {"input": {"name": "t", "scope": "WRITE", "allCompanies": True}}),
        (UPDATE_USER, {"input": {"id": gid("User", admin.id), "role": "VIEWER"}}),
    ]  # fmt: skip
    for query, variables in attempts:
        data = await writer.data(query, variables)
        [payload] = data.values()
        assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    for query in ("{ allUsers { id } }", "{ apiTokens { id } }"):
        body = await writer.execute(query)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await admin.refresh_from_db()
    assert admin.role == Role.ADMIN
    assert await User.filter(email="x@x.example").count() == 0
    # It still writes data.
    created = await writer.data('mutation { createDebtor(input: {name: "D"}) { errors { code } } }')
    assert created["createDebtor"]["errors"] == []


async def test_only_an_admin_user_issues_an_admin_token(http: httpx.AsyncClient) -> None:
    admin = await make_user(role=Role.ADMIN)
    api = await ApiClient.with_login(http, admin)
    narrow = await api.data(
        CREATE_TOKEN, {"input": {"name": "t", "scope": "ADMIN", "companyIds": []}}
    )
    assert "INVALID_SCOPE" in [e["code"] for e in narrow["createApiToken"]["errors"]]
    issued = (
        await api.data(CREATE_TOKEN, {"input": {"name": "adm", "scope": "ADMIN",
                                                "allCompanies": True}})
    )["createApiToken"]  # fmt: skip
    assert issued["errors"] == []
    assert issued["token"]["scope"] == "ADMIN"
    admin_token = ApiClient(http, {"Authorization": f"Bearer {issued['secret']}"})
    user = await admin_token.data(
        CREATE_USER,
        {"input": {"name": "Bia", "email": "bia@x.example", "password": "uma-senha-boa"}},
    )
    assert user["createUser"]["errors"] == []
    again = await admin_token.data(
        CREATE_TOKEN, {"input": {"name": "adm2", "scope": "ADMIN", "allCompanies": True}}
    )
    assert [e["code"] for e in again["createApiToken"]["errors"]] == ["FORBIDDEN"]
    plain = await admin_token.data(
        CREATE_TOKEN, {"input": {"name": "erp", "scope": "WRITE", "allCompanies": True}}
    )
    assert plain["createApiToken"]["errors"] == []


async def test_the_last_active_admin_stays_one(http: httpx.AsyncClient) -> None:
    only = await make_user(role=Role.ADMIN)
    api = await ApiClient.with_token(http, scope="ADMIN")
    target = gid("User", only.id)
    for change in ({"role": "COLLECTOR"}, {"active": False}, {"allCompanies": False}):
        data = await api.data(UPDATE_USER, {"input": {"id": target, **change}})
        assert [e["code"] for e in data["updateUser"]["errors"]] == ["LAST_ADMIN"]
    await only.refresh_from_db()
    assert (only.role, only.is_active, only.all_companies) == (Role.ADMIN, True, True)
    second = await make_user(role=Role.ADMIN)
    demoted = await api.data(UPDATE_USER, {"input": {"id": target, "role": "COLLECTOR"}})
    assert demoted["updateUser"]["errors"] == []
    last = await api.data(UPDATE_USER, {"input": {"id": gid("User", second.id), "active": False}})
    assert [e["code"] for e in last["updateUser"]["errors"]] == ["LAST_ADMIN"]


async def test_a_password_change_ends_the_user_s_other_sessions(
    http: httpx.AsyncClient,
) -> None:
    user = await make_user()
    other_http = httpx.AsyncClient(transport=http._transport, base_url="http://testserver")
    async with other_http:
        here = await ApiClient.with_login(http, user)
        elsewhere = await ApiClient.with_login(other_http, user)
        assert (await UserSession.filter(user_id=user.id).count()) == 2
        changed = await here.data(
            CHANGE_PASSWORD,
            {"input": {"currentPassword": PASSWORD, "newPassword": "outra-senha-longa"}},
        )
        assert changed["changePassword"] == {"ok": True, "errors": []}
        assert (await elsewhere.post("{ me { id } }")).status_code == 401
        assert (await here.data("{ me { id } }"))["me"] is not None


async def test_a_viewer_changes_its_own_password_and_nothing_else(
    http: httpx.AsyncClient,
) -> None:
    viewer = await make_user(role=Role.VIEWER)
    api = await ApiClient.with_login(http, viewer)
    mixed = await api.execute(
        """mutation($input: ChangePasswordInput!) {
          changePassword(input: $input) { ok }
          createDebtor(input: {name: "D"}) { errors { code } } }""",
        {"input": {"currentPassword": PASSWORD, "newPassword": "outra-senha-longa"}},
    )
    assert mixed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    changed = await api.data(
        CHANGE_PASSWORD,
        {"input": {"currentPassword": PASSWORD, "newPassword": "outra-senha-longa"}},
    )
    assert changed["changePassword"] == {"ok": True, "errors": []}
    login = await http.post(
        "/auth/login", json={"email": viewer.email, "password": "outra-senha-longa"}
    )
    assert login.status_code == 200
    reader = await ApiClient.with_token(http, scope="READ")
    refused = await reader.execute(
        CHANGE_PASSWORD, {"input": {"currentPassword": "x", "newPassword": "y" * 10}}
    )
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
