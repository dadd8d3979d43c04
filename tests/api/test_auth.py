"""Login, logout, tokens and company scope: nothing leaks across companies."""

from __future__ import annotations

import datetime as dt

import httpx

from backend.core.enums import Role
from tests.support import ApiClient, gid, make_company, make_debtor, make_entry, make_user

ME = "{ me { id name email } }"


async def test_login_sets_a_safe_cookie_and_logout_ends_the_session(
    http: httpx.AsyncClient,
) -> None:
    user = await make_user(role=Role.ADMIN)
    wrong = await http.post("/auth/login", json={"email": user.email, "password": "errada!!"})
    assert wrong.status_code == 401
    assert wrong.json() == {"error": "E-mail ou senha incorretos."}

    response = await http.post(
        "/auth/login", json={"email": user.email.upper(), "password": "senha-muito-segura"}
    )
    assert response.status_code == 200
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    api = ApiClient(http)
    assert (await api.data(ME))["me"]["email"] == user.email

    assert (await http.post("/auth/logout")).status_code == 200
    assert (await api.post(ME)).status_code == 401


async def test_inactive_user_cannot_log_in(http: httpx.AsyncClient) -> None:
    user = await make_user()
    user.is_active = False
    await user.save()
    response = await http.post(
        "/auth/login", json={"email": user.email, "password": "senha-muito-segura"}
    )
    assert response.status_code == 401


async def test_malformed_login_is_400(http: httpx.AsyncClient) -> None:
    json_type = {"Content-Type": "application/json"}
    assert (await http.post("/auth/login", content=b"nope", headers=json_type)).status_code == 400
    assert (await http.post("/auth/login", json=["x"])).status_code == 400


async def test_token_restricted_to_company_a_sees_nothing_of_company_b(
    http: httpx.AsyncClient,
) -> None:
    a, b = await make_company("A"), await make_company("B")
    shared, only_b = await make_debtor("Compartilhado"), await make_debtor("Só B")
    today = dt.date(2026, 1, 1)
    entry_a = await make_entry(a, shared, due=today)
    entry_b = await make_entry(b, shared, due=today)
    await make_entry(b, only_b, due=today)
    api = await ApiClient.with_token(http, scope="WRITE", companies=[a])

    data = await api.data(
        """query($a: ID!, $b: ID!, $shared: ID!, $onlyB: ID!) {
          companies { name }
          entryA: entry(id: $a) { id } entryB: entry(id: $b) { id }
          shared: debtor(id: $shared) { name } onlyB: debtor(id: $onlyB) { name }
          nonsense: entry(id: "bm9wZQ") { id }
        }""",
        {
            "a": gid("FinancialEntry", entry_a.id),
            "b": gid("FinancialEntry", entry_b.id),
            "shared": gid("Debtor", shared.id),
            "onlyB": gid("Debtor", only_b.id),
        },
    )
    assert data["companies"] == [{"name": "A"}]
    assert data["entryA"] is not None
    assert data["entryB"] is None
    assert data["shared"] == {"name": "Compartilhado"}
    assert data["onlyB"] is None
    assert data["nonsense"] is None

    # Writing into company B, or for B's debtor, answers exactly as an unknown id.
    result = await api.data(
        """mutation($input: CreateEntryInput!) {
          createEntry(input: $input) { entry { id } errors { code field } }
        }""",
        {
            "input": {
                "debtorId": gid("Debtor", only_b.id),
                "companyId": gid("Company", b.id),
                "description": "x",
                "dueDate": "2026-02-01",
                "amount": "1.00",
            }
        },
    )
    assert {(e["code"], e["field"][-1]) for e in result["createEntry"]["errors"]} == {
        ("NOT_FOUND", "companyId"),
        ("NOT_FOUND", "debtorId"),
    }
    update = await api.data(
        """mutation($input: UpdateDebtorInput!) {
          updateDebtor(input: $input) { debtor { id } errors { code } }
        }""",
        {"input": {"id": gid("Debtor", only_b.id), "name": "Outro"}},
    )
    assert update["updateDebtor"]["errors"] == [{"code": "NOT_FOUND"}]


async def test_restricted_user_cannot_create_companies(http: httpx.AsyncClient) -> None:
    a = await make_company("A")
    user = await make_user(role=Role.COLLECTOR, companies=[a])
    api = await ApiClient.with_login(http, user)
    result = await api.data(
        'mutation { createCompany(input: {name: "Nova"}) { company { id } errors { code } } }'
    )
    assert result["createCompany"] == {"company": None, "errors": [{"code": "FORBIDDEN"}]}


async def test_viewer_cannot_mutate(http: httpx.AsyncClient) -> None:
    user = await make_user(role=Role.VIEWER)
    api = await ApiClient.with_login(http, user)
    body = await api.execute('mutation { createDebtor(input: {name: "X"}) { errors { code } } }')
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_users_lists_only_colleagues(http: httpx.AsyncClient) -> None:
    a, b = await make_company("A"), await make_company("B")
    colleague = await make_user(companies=[a], name="Colega")
    await make_user(companies=[b], name="Estranho")
    admin = await make_user(role=Role.ADMIN, name="Chefe")
    api = await ApiClient.with_token(http, scope="READ", companies=[a])
    names = {u["name"] for u in (await api.data("{ users { name } }"))["users"]}
    assert names == {colleague.name, admin.name}
