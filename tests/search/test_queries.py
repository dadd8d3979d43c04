"""Query.debtors through the API: search box, filters, orders, pages, scope and errors."""

from __future__ import annotations

import httpx
import pytest

from backend.core.enums import DebtorKind, EntryStatus
from backend.search.balances import roll_balances
from tests.search.helpers import SUMMARY, days, names, search, search_error, today
from tests.support import (
    VALID_CNPJ,
    VALID_CPF,
    ApiClient,
    gid,
    make_company,
    make_debtor,
    make_entry,
)


@pytest.fixture(params=["entries", "summary"])
async def source(request: pytest.FixtureRequest, database_url: str) -> str:
    """Run a test on the plain aggregate and on the summary (rolled first, kept by the writes)."""
    if request.param == "summary":
        await roll_balances(today=today())
    return str(request.param)


async def test_default_list_has_every_debtor_with_overdue_entries_and_their_balance(
    admin_api: ApiClient, source: str
) -> None:
    company = await make_company()
    joao = await make_debtor("João da Conceição")
    maria = await make_debtor("Maria Souza")
    paid_up = await make_debtor("Pago em Dia")
    await make_entry(company, joao, due=days(-10), amount="100.00")
    await make_entry(company, joao, due=days(-40), amount="250.50", paid="50.00")
    await make_entry(company, joao, due=days(5), amount="999.00")  # not due yet
    await make_entry(company, maria, due=days(-1), amount="80.00")
    await make_entry(company, maria, due=days(-3), amount="70.00", status=EntryStatus.CANCELLED)
    await make_entry(company, paid_up, due=days(-20), amount="40.00", paid="40.00")

    result = await search(admin_api)

    assert result["totalCount"] == 2
    assert result["totalOpenAmount"] == "380.50"
    assert names(result) == ["João da Conceição", "Maria Souza"]
    first, second = result["edges"]
    assert first["node"]["id"] == gid("Debtor", joao.id)
    assert first["balance"] == {
        "openAmount": "300.50",
        "entryCount": 2,
        "oldestDueDate": days(-40).isoformat(),
        "maxDaysOverdue": 40,
    }
    assert second["balance"] == {
        "openAmount": "80.00",
        "entryCount": 1,
        "oldestDueDate": days(-1).isoformat(),
        "maxDaysOverdue": 1,
    }
    assert result["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": first["cursor"],
        "endCursor": second["cursor"],
    }


async def test_an_empty_filter_is_the_default_list(admin_api: ApiClient) -> None:
    company = await make_company()
    await make_entry(company, await make_debtor("Ana"), due=days(-2))
    await make_entry(company, await make_debtor("Bruno"), due=days(2))
    default = await search(admin_api)
    cleared = await search(admin_api, filter={})
    explicit = await search(admin_api, filter={"search": "  ", "period": "OVERDUE"})
    assert names(default) == names(cleared) == names(explicit) == ["Ana"]


async def test_search_by_name_ignores_accents_and_case(admin_api: ApiClient, source: str) -> None:
    company = await make_company()
    for name in ("João da Conceição", "Joana Prado", "Conceição Lima", "Pedro Alves"):
        await make_entry(company, await make_debtor(name), due=days(-5))

    async def found(text: str) -> list[str]:
        result = await search(admin_api, filter={"search": text}, orderBy="NAME_ASC")
        return names(result)

    assert await found("joao") == ["João da Conceição"]
    assert await found("JOÃO") == ["João da Conceição"]
    assert await found("conceicao") == ["Conceição Lima", "João da Conceição"]
    assert await found("CONCEIÇÃO") == ["Conceição Lima", "João da Conceição"]
    assert await found("joao conceicao") == ["João da Conceição"]
    assert await found("ão da co") == ["João da Conceição"]
    assert await found("jo") == ["Joana Prado", "João da Conceição"]
    assert await found("100%") == []
    assert await found("_") == []
    assert await found("zzz") == []


async def test_search_by_document_digits_with_or_without_punctuation(
    admin_api: ApiClient, source: str
) -> None:
    company = await make_company()
    person = await make_debtor("Pessoa Física", document=VALID_CPF)
    business = await make_debtor("Empresa Jurídica", document=VALID_CNPJ, kind=DebtorKind.SUPPLIER)
    await make_debtor("Sem Débitos", document="39053344705")
    for debtor in (person, business):
        await make_entry(company, debtor, due=days(-3))

    async def found(text: str) -> list[str]:
        return names(await search(admin_api, filter={"search": text}))

    assert await found("529.982.247-25") == ["Pessoa Física"]
    assert await found("52998224725") == ["Pessoa Física"]
    assert await found("529.982") == ["Pessoa Física"]
    assert await found("11.222.333/0001-81") == ["Empresa Jurídica"]
    assert await found("11222") == ["Empresa Jurídica"]
    assert await found("390") == []  # a debtor with no overdue entry is not listed
    assert await found("9") == []


async def test_search_by_alphanumeric_cnpj_with_letters_typed_in_the_box(
    admin_api: ApiClient, source: str
) -> None:
    """IN RFB 2.229/2024: "12.ABC.345/01DE-35" is found as typed, in any case, by its start."""
    company = await make_company()
    alphanumeric = await make_debtor("Loja Nova", document="12ABC34501DE35")
    neighbour = await make_debtor("Loja Vizinha", document="12ABD000000149")
    numeric = await make_debtor("Antiga Ltda", document="12900000000127")
    robot = await make_debtor("Oficina R2D2")
    for debtor in (alphanumeric, neighbour, numeric, robot):
        await make_entry(company, debtor, due=days(-3))

    async def found(text: str) -> list[str]:
        return sorted(names(await search(admin_api, filter={"search": text})))

    assert await found("12.ABC.345/01DE-35") == ["Loja Nova"]
    assert await found("12abc34501de35") == ["Loja Nova"]
    assert await found("12.ab") == ["Loja Nova", "Loja Vizinha"]
    assert await found("12") == ["Antiga Ltda", "Loja Nova", "Loja Vizinha"]
    # Digits only: the range stops before the letters ("129" must not take in "12A...").
    assert await found("129") == ["Antiga Ltda"]
    assert await found("12.9") == ["Antiga Ltda"]
    # A word of letters and digits is also looked for in names.
    assert await found("r2d2") == ["Oficina R2D2"]


async def test_search_combines_with_company_and_kind(admin_api: ApiClient, source: str) -> None:
    north, south = await make_company("Norte"), await make_company("Sul")
    customer = await make_debtor("Silva Cliente")
    supplier = await make_debtor("Silva Fornecedor", kind=DebtorKind.SUPPLIER)
    other = await make_debtor("Souza Cliente")
    await make_entry(north, customer, due=days(-3), amount="10.00")
    await make_entry(south, customer, due=days(-3), amount="20.00")
    await make_entry(south, supplier, due=days(-3), amount="30.00")
    await make_entry(north, other, due=days(-3), amount="40.00")

    north_id = gid("Company", north.id)
    result = await search(admin_api, filter={"search": "silva", "companyId": north_id})
    assert names(result) == ["Silva Cliente"]
    assert result["totalOpenAmount"] == "10.00"
    suppliers = await search(admin_api, filter={"kind": "SUPPLIER"})
    assert names(suppliers) == ["Silva Fornecedor"]
    customers = await search(admin_api, filter={"kind": "CUSTOMER", "search": "silva"})
    assert names(customers) == ["Silva Cliente"]
    assert customers["edges"][0]["balance"]["openAmount"] == "30.00"


async def test_periods_select_unpaid_entries_by_due_date(admin_api: ApiClient) -> None:
    company = await make_company()
    debtor = await make_debtor("Carla")
    for offset in (-1, 0, 1):
        await make_entry(company, debtor, due=days(offset), amount=f"{offset + 2}.00")

    async def balance(**filter_values: object) -> dict[str, object]:
        result = await search(admin_api, filter=filter_values)
        return result["edges"][0]["balance"] if result["edges"] else {}

    assert (await balance(period="YESTERDAY"))["openAmount"] == "1.00"
    assert (await balance(period="TODAY"))["openAmount"] == "2.00"
    tomorrow = await balance(period="TOMORROW")
    assert tomorrow["openAmount"] == "3.00"
    assert tomorrow["maxDaysOverdue"] == 0
    custom = await balance(period="CUSTOM", dueFrom=days(-1).isoformat(), dueTo=days(0).isoformat())
    assert custom["openAmount"] == "3.00"
    assert (await balance(period="CUSTOM", dueFrom=days(1).isoformat()))["entryCount"] == 1
    assert (await balance(period="CUSTOM", dueTo=days(-1).isoformat()))["entryCount"] == 1
    # Dates are read only with CUSTOM: a preset ignores leftover ones.
    today_only = await balance(period="TODAY", dueFrom="2001-01-01", dueTo="2000-01-01")
    assert today_only["openAmount"] == "2.00"


async def test_custom_period_errors(admin_api: ApiClient) -> None:
    error = await search_error(admin_api, filter={"period": "CUSTOM"})
    assert error["extensions"] == {
        "code": "PERIOD_REQUIRES_DATES",
        "field": ["filter", "dueFrom"],
    }
    assert "data inicial" in error["message"]
    error = await search_error(
        admin_api, filter={"period": "CUSTOM", "dueFrom": "2026-02-01", "dueTo": "2026-01-31"}
    )
    assert error["extensions"]["code"] == "INVALID_PERIOD"


async def test_unknown_or_unreachable_company_is_not_found(http: httpx.AsyncClient) -> None:
    mine, theirs = await make_company("Minha"), await make_company("Deles")
    api = await ApiClient.with_token(http, scope="READ", companies=[mine])
    for company_id in (
        gid("Company", theirs.id),
        gid("Company", 999999),
        gid("Debtor", mine.id),
        "x",
    ):
        error = await search_error(api, filter={"companyId": company_id})
        assert error["extensions"] == {"code": "NOT_FOUND", "field": ["filter", "companyId"]}
        assert error["message"] == "Empresa não encontrada."
    allowed = await search(api, filter={"companyId": gid("Company", mine.id)})
    assert allowed["totalCount"] == 0


async def test_search_text_too_long_is_refused(admin_api: ApiClient) -> None:
    error = await search_error(admin_api, filter={"search": "a" * 201})
    assert error["extensions"] == {"code": "TOO_LONG", "field": ["filter", "search"]}


async def test_page_size_over_100_is_a_clear_error(admin_api: ApiClient) -> None:
    error = await search_error(admin_api, first=101)
    assert error["extensions"] == {"code": "PAGE_SIZE_TOO_LARGE", "field": ["first"]}
    assert "100" in error["message"]
    error = await search_error(admin_api, after="not-a-cursor")
    assert error["extensions"]["code"] == "INVALID_CURSOR"
    assert (await search(admin_api, first=100))["edges"] == []


async def test_every_order_with_a_stable_tie_break(admin_api: ApiClient, source: str) -> None:
    company = await make_company()
    specs = [
        ("Beatriz", "50.00", -10),
        ("alice", "50.00", -30),
        ("Álvaro", "20.00", -30),
        ("Carlos", "90.00", -5),
    ]
    for name, amount, offset in specs:
        await make_entry(company, await make_debtor(name), due=days(offset), amount=amount)

    async def ordered(order: str) -> list[str]:
        return names(await search(admin_api, orderBy=order))

    # Ties (same amount, same oldest date) go to the debtor created first.
    assert await ordered("OPEN_AMOUNT_DESC") == ["Carlos", "Beatriz", "alice", "Álvaro"]
    assert await ordered("OPEN_AMOUNT_ASC") == ["Álvaro", "Beatriz", "alice", "Carlos"]
    assert await ordered("OLDEST_DUE_ASC") == ["alice", "Álvaro", "Beatriz", "Carlos"]
    assert await ordered("NAME_ASC") == ["alice", "Álvaro", "Beatriz", "Carlos"]
    # Both ways (issue 12: every sortable column, "Dias em atraso" included): the tie-break
    # stays the debtor created first.
    assert await ordered("OLDEST_DUE_DESC") == ["Carlos", "Beatriz", "alice", "Álvaro"]
    assert await ordered("NAME_DESC") == ["Carlos", "Beatriz", "Álvaro", "alice"]


async def test_pages_follow_cursors_to_the_end(admin_api: ApiClient, source: str) -> None:
    company = await make_company()
    for index in range(7):
        debtor = await make_debtor(f"Cliente {index}")
        await make_entry(company, debtor, due=days(-1), amount=f"{100 - index}.00")
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        result = await search(admin_api, first=3, after=after)
        assert result["totalCount"] == 7
        seen += names(result)
        pages += 1
        assert result["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not result["pageInfo"]["hasNextPage"]:
            break
        after = result["pageInfo"]["endCursor"]
    assert pages == 3
    assert seen == [f"Cliente {i}" for i in range(7)]
    past_the_end = await search(admin_api, first=3, after=result["pageInfo"]["endCursor"])
    assert past_the_end["edges"] == []
    assert past_the_end["totalCount"] == 7
    assert past_the_end["totalOpenAmount"] == "679.00"
    assert past_the_end["pageInfo"]["hasNextPage"] is False


async def test_a_principal_limited_to_some_companies_sees_only_their_entries(
    http: httpx.AsyncClient,
) -> None:
    mine, theirs = await make_company("Minha"), await make_company("Deles")
    shared = await make_debtor("Cliente Compartilhado")
    only_theirs = await make_debtor("Cliente Deles")
    await make_entry(mine, shared, due=days(-5), amount="10.00")
    await make_entry(theirs, shared, due=days(-50), amount="1000.00")
    await make_entry(theirs, only_theirs, due=days(-5), amount="500.00")
    api = await ApiClient.with_token(http, scope="READ", companies=[mine])

    result = await api.data(
        """{ debtors { totalCount totalOpenAmount
                edges { node { name overdueBalance { openAmount maxDaysOverdue } }
                        balance { openAmount maxDaysOverdue } } }
             collectionSummary { totalOpenAmount debtorCount entryCount } }"""
    )

    assert result["debtors"]["totalCount"] == 1
    assert result["debtors"]["totalOpenAmount"] == "10.00"
    (edge,) = result["debtors"]["edges"]
    assert edge["node"]["name"] == "Cliente Compartilhado"
    expected = {"openAmount": "10.00", "maxDaysOverdue": 5}
    assert edge["balance"] == edge["node"]["overdueBalance"] == expected
    assert result["collectionSummary"] == {
        "totalOpenAmount": "10.00",
        "debtorCount": 1,
        "entryCount": 1,
    }


async def test_overdue_balance_of_a_debtor(admin_api: ApiClient, source: str) -> None:
    company = await make_company()
    debtor = await make_debtor("Diego")
    clean = await make_debtor("Em Dia")
    await make_entry(company, debtor, due=days(-61), amount="10.00", paid="2.50")
    await make_entry(company, debtor, due=days(-1), amount="5.00")
    await make_entry(company, debtor, due=days(0), amount="7.00")  # due today: not overdue
    await make_entry(company, clean, due=days(3), amount="7.00")
    query = """query($id: ID!) { debtor(id: $id) {
        overdueBalance { openAmount entryCount oldestDueDate maxDaysOverdue } } }"""
    data = await admin_api.data(query, {"id": gid("Debtor", debtor.id)})
    assert data["debtor"]["overdueBalance"] == {
        "openAmount": "12.50",
        "entryCount": 2,
        "oldestDueDate": days(-61).isoformat(),
        "maxDaysOverdue": 61,
    }
    data = await admin_api.data(query, {"id": gid("Debtor", clean.id)})
    assert data["debtor"]["overdueBalance"] == {
        "openAmount": "0.00",
        "entryCount": 0,
        "oldestDueDate": None,
        "maxDaysOverdue": 0,
    }


async def test_collection_summary_totals_and_ageing(admin_api: ApiClient, source: str) -> None:
    company = await make_company()
    ana, bia = await make_debtor("Ana"), await make_debtor("Bia")
    await make_entry(company, ana, due=days(-1), amount="1.00")
    await make_entry(company, ana, due=days(-31), amount="2.00")
    await make_entry(company, bia, due=days(-90), amount="4.00")
    await make_entry(company, bia, due=days(-91), amount="8.00", paid="0.50")
    await make_entry(company, bia, due=days(0), amount="16.00")

    overdue = (await admin_api.data(SUMMARY))["collectionSummary"]
    assert overdue == {
        "totalOpenAmount": "14.50",
        "debtorCount": 2,
        "entryCount": 4,
        "buckets": [
            {
                "label": "A vencer",
                "minDays": 0,
                "maxDays": 0,
                "openAmount": "0.00",
                "entryCount": 0,
            },
            {
                "label": "1–30 dias",
                "minDays": 1,
                "maxDays": 30,
                "openAmount": "1.00",
                "entryCount": 1,
            },
            {
                "label": "31–60 dias",
                "minDays": 31,
                "maxDays": 60,
                "openAmount": "2.00",
                "entryCount": 1,
            },
            {
                "label": "61–90 dias",
                "minDays": 61,
                "maxDays": 90,
                "openAmount": "4.00",
                "entryCount": 1,
            },
            {
                "label": "Mais de 90 dias",
                "minDays": 91,
                "maxDays": None,
                "openAmount": "7.50",
                "entryCount": 1,
            },
        ],
    }
    this_year = {"period": "CUSTOM", "dueFrom": days(-31).isoformat(), "dueTo": days(0).isoformat()}
    ranged = (await admin_api.data(SUMMARY, {"filter": this_year}))["collectionSummary"]
    assert ranged["totalOpenAmount"] == "19.00"
    assert [b["openAmount"] for b in ranged["buckets"]] == ["16.00", "1.00", "2.00", "0.00", "0.00"]
    only_bia = (await admin_api.data(SUMMARY, {"filter": {"search": "BIA"}}))["collectionSummary"]
    assert only_bia["totalOpenAmount"] == "11.50"


async def test_collection_summary_errors(admin_api: ApiClient) -> None:
    body = await admin_api.execute(SUMMARY, {"filter": {"period": "CUSTOM"}})
    assert body["errors"][0]["extensions"]["code"] == "PERIOD_REQUIRES_DATES"
    body = await admin_api.execute(SUMMARY, {"filter": {"companyId": gid("Company", 12345)}})
    assert body["errors"][0]["extensions"] == {
        "code": "NOT_FOUND",
        "field": ["filter", "companyId"],
    }


async def test_totals_are_computed_only_when_the_request_reads_them(
    admin_api: ApiClient, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that selects no total (partner lists, the race's 25 × 20) skips the count and
    sum over the whole result; one that reads a total, even through a fragment, gets it."""
    from backend.search import statements

    company = await make_company()
    for n in range(3):
        debtor = await make_debtor(f"Cliente {n}")
        await make_entry(company, debtor, due=days(-5 - n), amount=f"{10 + n}.00")
    asked: list[bool] = []
    original = statements._page_and_totals

    def spy(*args: object, **kwargs: object) -> str:
        asked.append(bool(kwargs.get("totals", True)))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(statements, "_page_and_totals", spy)
    plain = await admin_api.data("{ debtors(first: 2) { edges { node { name } } } }")
    assert asked
    assert not any(asked)
    asked.clear()
    fragment = await admin_api.data(
        "{ debtors(first: 2) { edges { node { name } } ...T } }"
        " fragment T on DebtorConnection { totalCount totalOpenAmount pageInfo { hasNextPage } }"
    )
    assert asked
    assert all(asked)
    assert fragment["debtors"]["edges"] == plain["debtors"]["edges"]
    assert fragment["debtors"]["totalCount"] == 3
    assert fragment["debtors"]["totalOpenAmount"] == "33.00"
    assert fragment["debtors"]["pageInfo"] == {"hasNextPage": True}
