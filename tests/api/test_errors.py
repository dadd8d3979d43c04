"""Errors: our messages and codes for bad input, "Erro interno." + an error id for bugs.

Each test here is a finding of the fuzzing of main (issue 8, point 11), on both engines.
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any

import httpx
import pytest

from backend.app import create_app
from backend.companies.models import Company
from backend.core.errors import ErrorCollector
from backend.core.ids import decode_id
from backend.core.pagination import decode_cursor, encode_cursor
from backend.core.text import digits
from backend.core.validation import check_document
from backend.settings import Settings
from tests.support import (
    VALID_CPF,
    ApiClient,
    gid,
    make_company,
    make_debtor,
    make_entry,
    make_user,
)

NUL = "\x00"


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


def _no_internal_error(body: dict[str, Any]) -> None:
    assert "Erro interno" not in json.dumps(body)


# --- ids -------------------------------------------------------------------------------------


def test_only_ascii_digits_make_an_id() -> None:
    assert decode_id("Debtor", _b64("Debtor:7")) == 7
    for junk in ("Debtor:٧", "Debtor:²", "Debtor:७", "Debtor:7\x00", "Debtor:07", "Debtor:７"):
        assert decode_id("Debtor", _b64(junk)) is None


def test_an_object_has_one_id_spelling() -> None:
    # The audit read debtor 1 as "Debtor:01", "Debtor:１" and padded "RGVidG9yOjE=".
    assert decode_id("Debtor", "RGVidG9yOjE") == 1
    for other in ("RGVidG9yOjE=", _b64("Debtor:01"), _b64("Debtor:+1"), "RGVidG9yOjF"):
        assert decode_id("Debtor", other) is None, other


async def test_non_ascii_digit_is_a_malformed_id(admin_api: ApiClient) -> None:
    for _ in range(7):
        await make_debtor()
    query = "query($id: ID!) { debtor(id: $id) { id name } }"
    assert (await admin_api.data(query, {"id": _b64("Debtor:7")}))["debtor"] is not None
    for junk in ("Debtor:٧", "Debtor:²"):  # "²".isdigit() is True, int("²") a ValueError
        body = await admin_api.execute(query, {"id": _b64(junk)})
        assert body == {"data": {"debtor": None}}


def test_non_ascii_digits_are_not_a_document() -> None:
    errors = ErrorCollector()
    assert digits("٥٢٩.٩٨٢") == ""
    assert check_document(errors, "٥٢٩٩٨٢٢٤٧٢٥", "document") is None  # 529.982.247-25
    assert [e.code for e in errors.errors] == ["INVALID_DOCUMENT"]


# --- text ------------------------------------------------------------------------------------


CREATE_DEBTOR = """mutation($input: CreateDebtorInput!) {
  createDebtor(input: $input) { debtor { id } errors { code field } } }"""


@pytest.mark.parametrize(
    "bad",
    # ... and a right-to-left override (a name that reads backwards) and a noncharacter.
    ["a\x00b", "a\x01", "a\x1bb", "a\x7f", "a\x85", "\ud800", "gpj.\u202eexe", "\ufdd0"],
)
async def test_control_characters_and_lone_surrogates_are_invalid_text(
    admin_api: ApiClient, bad: str
) -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        (CREATE_DEBTOR, {"input": {"name": bad}}),
        ("query($s: String) { debtors(filter: {search: $s}) { totalCount } }", {"s": bad}),
        ("query($t: String) { auditEvents(targetType: $t) { totalCount } }", {"t": bad}),
        ("query($id: ID!) { debtor(id: $id) { id } }", {"id": bad}),
    ]
    for query, variables in cases:
        # httpx cannot encode a lone surrogate: the JSON escapes it, as a client would send it.
        response = await admin_api.http.post(
            "/graphql",
            content=json.dumps({"query": query, "variables": variables}),
            headers={**admin_api.headers, "Content-Type": "application/json"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["data"] is None
        assert _code(body) == "INVALID_TEXT", body
        assert "caracteres de controle" in body["errors"][0]["message"]
    assert not await Company.exists()


async def test_control_character_in_a_query_literal_is_invalid_text(admin_api: ApiClient) -> None:
    body = await admin_api.execute('{ debtors(filter: {search: "a\\u0000"}) { totalCount } }')
    assert _code(body) == "INVALID_TEXT"


async def test_line_breaks_and_tabs_stay_valid_in_notes(admin_api: ApiClient) -> None:
    body = await admin_api.execute(
        "query($s: String) { debtors(filter: {search: $s}) { totalCount } }",
        {"s": "joão\tda\n\u200fمحمد"},  # a right-to-left mark is text, not an override
    )
    assert "errors" not in body, body


async def test_nul_in_the_export_query_string_is_a_400(
    http: httpx.AsyncClient, admin_api: ApiClient
) -> None:
    await make_entry(await make_company(), await make_debtor("Ana"), due=_past())
    response = await http.get(
        "/export/debtors.csv", params={"search": "a\x00b"}, headers=admin_api.headers
    )
    assert response.status_code == 400
    assert "caracteres de controle" in response.json()["error"]


async def test_login_with_a_lone_surrogate_or_nul_is_refused_not_a_500(
    http: httpx.AsyncClient,
) -> None:
    await make_user(email="ana@example.com")
    for email in ("\\ud800@example.com", "ana\\u0000@example.com"):
        response = await http.post(
            "/auth/login",
            content=f'{{"email": "{email}", "password": "x\\udfff"}}',
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 401, response.text


# --- templates, users --------------------------------------------------------------------------


async def test_deeply_nested_placeholder_is_a_payload_error(admin_api: ApiClient) -> None:
    company, debtor = await make_company(), await make_debtor(email="ana@example.com")
    await make_entry(company, debtor, due=_past())
    body = await admin_api.execute(
        """mutation($input: SendCollectionEmailInput!) {
          sendCollectionEmail(input: $input) { sentEmail { id } errors { code field } } }""",
        {
            "input": {
                "debtorId": gid("Debtor", debtor.id),
                "companyId": gid("Company", company.id),
                "subject": "Cobrança",
                "body": "{{ " + "(" * 400,
            }
        },
    )
    assert "errors" not in body, str(body)[:500]
    payload = body["data"]["sendCollectionEmail"]
    assert payload["sentEmail"] is None
    assert {"code": "INVALID_PLACEHOLDER", "field": ["input", "body"]} in payload["errors"]


async def test_create_user_with_an_empty_email_is_required(admin_api: ApiClient) -> None:
    body = await admin_api.execute(
        """mutation($input: CreateUserInput!) {
          createUser(input: $input) { user { id } errors { code field } } }""",
        {"input": {"name": "Bia", "email": "", "password": "uma-senha-boa", "role": "VIEWER"}},
    )
    assert body["data"]["createUser"] == {
        "user": None,
        "errors": [{"code": "REQUIRED", "field": ["input", "email"]}],
    }


# --- decimals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "notation", ["1E+26", "1E+27", "1e400", "1e2", "1_000.00", " 5.00", "٣.٠٠", "5."]
)
async def test_money_is_plain_decimal_text(admin_api: ApiClient, notation: str) -> None:
    # Decimal() takes exponents, underscores, spaces and other scripts' digits; the contract's
    # money is "1234.50" (main: 1E+26 answered "Erro interno.", "1e2" was stored as 100.00).
    body = await admin_api.execute(
        'mutation($v: Decimal!) { createCompany(input: {name: "X", lateFeePercent: $v}) '
        "{ errors { code } } }",
        {"v": notation},
    )
    assert _code(body) == "INVALID_VALUE"
    _no_internal_error(body)


@pytest.mark.parametrize("huge", ["100000000000000000000000000", "123456789012345678901234567890"])
async def test_huge_decimals_are_validation_errors(admin_api: ApiClient, huge: str) -> None:
    company, debtor = await make_company(), await make_debtor()
    entry = await make_entry(company, debtor, due=_past())
    created = await admin_api.data(
        """mutation($input: CreateEntryInput!) {
          createEntry(input: $input) { entry { id } errors { code field } } }""",
        {
            "input": {
                "debtorId": gid("Debtor", debtor.id),
                "companyId": gid("Company", company.id),
                "description": "Venda",
                "dueDate": "2026-01-10",
                "amount": huge,
            }
        },
    )
    assert created["createEntry"]["errors"] == [
        {"code": "INVALID_AMOUNT", "field": ["input", "amount"]}
    ]
    for name in ("lateFee", "interest", "discount", "amount"):
        settled = await admin_api.data(
            """mutation($input: SettleEntryInput!) {
              settleEntry(input: $input) { payment { id } errors { code field } } }""",
            {"input": {"entryId": gid("FinancialEntry", entry.id), name: huge}},
        )
        assert settled["settleEntry"]["errors"] == [
            {"code": "INVALID_AMOUNT", "field": ["input", name]}
        ], name
    percent = await admin_api.data(
        """mutation($input: CreateCompanyInput!) {
          createCompany(input: $input) { company { id } errors { code field } } }""",
        {"input": {"name": "X", "lateFeePercent": huge, "monthlyInterestPercent": huge}},
    )
    assert {e["code"] for e in percent["createCompany"]["errors"]} == {"INVALID_PERCENT"}


async def test_negative_zero_percentage_is_stored_as_zero(admin_api: ApiClient) -> None:
    data = await admin_api.data(
        """mutation($input: CreateCompanyInput!) {
          createCompany(input: $input) {
            company { lateFeePercent monthlyInterestPercent } errors { code } } }""",
        {"input": {"name": "X", "lateFeePercent": "-0.00", "monthlyInterestPercent": "-0"}},
    )
    assert data["createCompany"]["company"] == {
        "lateFeePercent": "0.00",
        "monthlyInterestPercent": "0.00",
    }
    company = await Company.get()
    assert str(company.late_fee_percent) in ("0.00", "0")
    assert not str(company.late_fee_percent).startswith("-")


# --- cursors ---------------------------------------------------------------------------------


def test_cursors_name_their_list() -> None:
    assert decode_cursor("debtors", encode_cursor("debtors", 4)) == 5
    with pytest.raises(Exception, match="Cursor"):
        decode_cursor("auditEvents", encode_cursor("debtors", 4))


@pytest.mark.parametrize(
    "cursor",
    [
        _b64("debtors:99999999999999999999999"),
        _b64("o:99999999999999999999999"),  # main's format, its offset past PostgreSQL's bigint
        _b64("debtors:٧"),
        "x" * 5000,
    ],
)
async def test_oversized_or_malformed_cursor_is_invalid_cursor(
    admin_api: ApiClient, cursor: str
) -> None:
    body = await admin_api.execute(
        "query($after: String) { debtors(after: $after) { totalCount } }", {"after": cursor}
    )
    assert _code(body) == "INVALID_CURSOR", body


async def test_a_cursor_from_one_list_is_refused_by_another(admin_api: ApiClient) -> None:
    company = await make_company()
    for name in ("Ana", "Bia"):
        await make_entry(company, await make_debtor(name), due=_past())
    debtors = await admin_api.data("{ debtors(first: 1) { pageInfo { endCursor } } }")
    cursor = debtors["debtors"]["pageInfo"]["endCursor"]
    following = await admin_api.data(
        "query($c: String) { debtors(first: 1, after: $c) { edges { node { name } } } }",
        {"c": cursor},
    )
    assert len(following["debtors"]["edges"]) == 1
    body = await admin_api.execute(
        "query($c: String) { auditEvents(after: $c) { totalCount } }", {"c": cursor}
    )
    assert _code(body) == "INVALID_CURSOR"


# --- the HTTP edge ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ['"x"', "5", "null", "[]", "true", "1" * 5000])
async def test_json_body_that_is_not_an_object_is_a_400_json(
    admin_api: ApiClient, raw: str
) -> None:
    response = await admin_api.http.post(
        "/graphql",
        content=raw,
        headers={**admin_api.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["errors"][0]["message"].startswith("O corpo da requisição")


async def test_unexpected_error_is_masked_with_an_id_the_log_holds(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from backend.companies import queries

    async def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise ValueError(f"segredo do Python {VALID_CPF}")

    monkeypatch.setattr(queries.services, "visible_companies", broken)
    with caplog.at_level(logging.INFO):
        body = await admin_api.execute("query Empresas { companies { id } }")
    error = body["errors"][0]
    assert error["message"] == "Erro interno."
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    error_id = error["extensions"]["errorId"]
    assert "segredo" not in json.dumps(body)
    [record] = [r for r in caplog.records if error_id in r.getMessage()]
    assert "Empresas" in record.getMessage()
    assert record.exc_info is not None
    assert "segredo do Python" in caplog.text  # the traceback, for whoever reads the log


async def test_unexpected_error_in_a_plain_endpoint_is_a_json_500_with_an_id(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from backend.api import exports

    async def broken(**_kwargs: Any) -> Any:
        raise RuntimeError("segredo do Python")

    monkeypatch.setattr(exports, "start_export", broken)
    transport = httpx.ASGITransport(app=create_app(settings), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        api = await ApiClient.with_token(http)
        with caplog.at_level(logging.INFO):
            response = await http.get("/export/debtors.csv", headers=api.headers)
    assert response.status_code == 500
    body = response.json()
    assert body["error"] == "Erro interno."
    assert "segredo" not in response.text
    assert any(body["errorId"] in r.getMessage() and r.exc_info is not None for r in caplog.records)


async def test_a_client_that_disconnects_is_one_log_line(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings)
    token = await ApiClient.with_token(httpx.AsyncClient())
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"content-type", b"application/json"),
            (b"authorization", token.headers["Authorization"].encode()),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    with caplog.at_level(logging.DEBUG):
        await app(scope, receive, send)  # main: starlette.requests.ClientDisconnect
    assert [r.exc_info for r in caplog.records if r.levelno >= logging.INFO] == [None]
    assert "desconectou" in caplog.text


def _past() -> Any:
    import datetime as dt

    return dt.date.today() - dt.timedelta(days=10)


async def test_a_number_literal_of_thousands_of_digits_is_a_clear_error(
    admin_api: ApiClient,
) -> None:
    # main: "Erro interno." (graphql-core's int() refuses 4,300 digits with a ValueError)
    body = await admin_api.execute("{ debtors(first: " + "1" * 5000 + ") { totalCount } }")
    assert _code(body) == "INVALID_VALUE"
    assert "Número longo demais" in body["errors"][0]["message"]


async def test_deeply_nested_json_is_a_clear_error(admin_api: ApiClient) -> None:
    query = "query($s: String) { debtors(filter: {search: $s}) { totalCount } }"
    nested = '"x"'
    for _ in range(500):
        nested = f"[{nested}]"
    response = await admin_api.http.post(
        "/graphql",
        content=f'{{"query": "{query}", "variables": {{"s": {nested}}}}}',
        headers={**admin_api.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 200
    assert _code(response.json()) == "INVALID_VALUE"
    assert "aninhadas demais" in response.json()["errors"][0]["message"]
    # Deeper than Python's JSON decoder goes: main answered HTTP 500.
    response = await admin_api.http.post(
        "/graphql",
        content="[" * 100_000 + "]" * 100_000,
        headers={**admin_api.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "O corpo da requisição não é um JSON válido."


async def test_an_exception_escaping_an_extension_is_masked_too(
    admin_api: ApiClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from backend.api import extensions

    def broken(*_args: Any) -> None:
        raise RuntimeError("segredo do Python")

    monkeypatch.setattr(extensions, "_input_problem", broken)
    with caplog.at_level(logging.INFO):
        body = await admin_api.execute("query Empresas { companies { id } }")
    assert body["errors"][0]["message"] == "Erro interno."
    error_id = body["errors"][0]["extensions"]["errorId"]
    assert "segredo" not in json.dumps(body)
    assert any(error_id in r.getMessage() and r.exc_info for r in caplog.records)
