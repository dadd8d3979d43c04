"""Webhooks and Dados pessoais (LGPD) in the administration, in a real browser at 1366×768 and
on a 390×844 phone, against a real receiver on loopback (tests/webhooks/receiver.py).

The server runs with the development setting WEBHOOKS_ALLOW_PRIVATE=1 (loopback is refused
otherwise) and WEBHOOK_MAX_ATTEMPTS=1, so a receiver answering 500 turns a delivery FAILED at
once and "Tentar novamente" is the only way it reaches the receiver again. SQLite only: nothing
here is engine-specific (tests/webhooks and tests/lgpd cover both engines)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, login, open_page, serve
from tests.e2e.test_screens import check_screen, no_sideways_scroll
from tests.webhooks.receiver import Receiver

VIEWPORTS = pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 768}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
FIND = """{ debtors(first: 20) { edges { node { id name
  overdueEntries(first: 1) { edges { node { id company { id name } } } } } } } }"""
SETTLE = """mutation($i: SettleEntryInput!) { settleEntry(input: $i) {
  errors { code message } } }"""
CREATE = """mutation($i: CreateDebtorInput!) { createDebtor(input: $i) {
  debtor { id } errors { code message } } }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("WEBHOOKS_ALLOW_PRIVATE", "1")
        env.setenv("WEBHOOK_MAX_ATTEMPTS", "1")
        yield from serve("sqlite", tmp_path_factory)


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    """The receiver's uvicorn on its own event loop in a thread: Playwright's sync API holds
    this thread's loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    receiver = Receiver()
    asyncio.run_coroutine_threadsafe(receiver.start(), loop).result(10)
    try:
        yield receiver
    finally:
        asyncio.run_coroutine_threadsafe(receiver.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


def graphql(page: Page, server: Server, query: str, variables: dict[str, Any] | None = None) -> Any:
    answer: Any = page.request.post(
        "/graphql",
        data={"query": query, "variables": variables or {}},
        headers={"Origin": server.url},
    ).json()
    assert not answer.get("errors"), answer
    return answer["data"]


def overdue_debtors(page: Page, server: Server) -> list[dict[str, Any]]:
    edges = graphql(page, server, FIND)["debtors"]["edges"]
    return [d["node"] for d in edges if d["node"]["overdueEntries"]["edges"]]


def choose_company(page: Page, name: str) -> None:
    choose = page.get_by_label("Empresa", exact=True)
    expect(choose.or_(page.get_by_role("button", name="Novo endpoint"))).not_to_have_count(0)
    if choose.count():
        choose.select_option(label=name)


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """Standard Webhooks, as the README's receiver verifies it."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(
        hmac.compare_digest(s.removeprefix("v1,"), expected)
        for s in headers["webhook-signature"].split()
        if s.startswith("v1,")
    )


@VIEWPORTS
def test_endpoint_secret_once_delivery_log_and_retry(
    browser: Browser, server: Server, receiver: Receiver, viewport: dict[str, int]
) -> None:
    pages = open_page(browser, server, viewport=viewport)
    page = next(pages)
    login(page)
    debtor = overdue_debtors(page, server)[0]
    entry = debtor["overdueEntries"]["edges"][0]["node"]
    company = entry["company"]

    page.goto("/#/admin/webhooks")
    expect(page.get_by_role("heading", name="Webhooks", level=1)).to_be_visible()
    choose_company(page, company["name"])
    page.get_by_role("button", name="Novo endpoint").click()
    form = page.get_by_role("form", name="Novo endpoint")
    # Bad input: the API's refusal, in Portuguese.
    form.get_by_label("URL").fill("ftp://erp.example.com/hooks")
    form.get_by_role("checkbox", name=re.compile(r"entry\.settled")).check()
    form.get_by_role("button", name="Cadastrar endpoint").click()
    expect(form.get_by_role("alert")).to_contain_text(re.compile("http", re.I))

    url = f"{receiver.url}?tela={viewport['width']}"
    form.get_by_label("URL").fill(url)
    form.get_by_label("Descrição").fill(f"ERP {viewport['width']}")
    form.get_by_role("button", name="Cadastrar endpoint").click()
    secret_box = page.get_by_label("Segredo do endpoint")
    expect(secret_box).to_have_value(re.compile("^whsec_"))
    secret = secret_box.input_value()
    expect(page.get_by_role("button", name="Copiar segredo")).to_be_visible()
    expect(page.get_by_text("Standard Webhooks")).to_be_visible()
    card = page.get_by_role("listitem", name=f"Endpoint {url}")
    expect(card).to_contain_text("Ativo")
    expect(card).to_contain_text("entry.settled")
    no_sideways_scroll(page)
    check_screen(page, "admin-webhooks-secret")

    # Shown once: after a reload the secret is gone for good.
    page.reload()
    expect(page.get_by_label("Empresa", exact=True).or_(card).first).to_be_visible()
    if page.get_by_label("Empresa", exact=True).count():  # the company chosen stays chosen
        expect(page.get_by_label("Empresa", exact=True)).to_have_value(company["id"])
    expect(card).to_be_visible()
    expect(page.get_by_label("Segredo do endpoint")).to_have_count(0)
    assert secret not in page.content()

    # The receiver is failing: the payment's event fails (one attempt allowed here) ...
    receiver.status = 500
    before = len(receiver.received)
    settle = graphql(page, server, SETTLE, {"i": {"entryId": entry["id"]}})
    assert settle["settleEntry"]["errors"] == []
    card.get_by_role("button", name=re.compile("^Entregas")).click()
    log = card.get_by_role("region", name=f"Entregas de {url}")
    failed = log.locator(".webhook-delivery", has_text="entry.settled").first
    expect(failed).to_contain_text("Falhou", timeout=30_000)
    expect(failed).to_contain_text("HTTP 500")
    expect(failed).to_contain_text("Último erro")
    no_sideways_scroll(page)

    # ... and "Tentar novamente", once the receiver is back, delivers it, signed.
    receiver.status = 200
    failed.get_by_role("button", name="Tentar novamente").click()
    expect(page.get_by_text("Entrega de novo na fila.")).to_be_visible()
    delivered = log.locator(".webhook-delivery", has_text="entry.settled").first
    expect(delivered).to_contain_text("Entregue", timeout=30_000)
    expect(delivered).to_contain_text("HTTP 200")
    expect(delivered).to_contain_text("entregue em")
    expect(delivered.get_by_role("button", name="Tentar novamente")).to_have_count(0)
    mine = [r for r in receiver.received[before:] if b"entry.settled" in r.body]
    assert len(mine) >= 2  # the failed attempt and the retried one
    assert all(verify(secret, r.headers, r.body) for r in mine)
    assert json.loads(mine[-1].body)["type"] == "entry.settled"
    check_screen(page, "admin-webhooks-log")

    # Deactivate, then delete.
    card.get_by_role("button", name="Desativar").click()
    expect(page.get_by_text(f"Endpoint {url} desativado.")).to_be_visible()
    expect(card).to_contain_text("Desativado")
    card.get_by_role("button", name="Excluir").click()
    card.get_by_role("button", name="Confirmar exclusão").click()
    expect(page.get_by_text(f"Endpoint {url} excluído.")).to_be_visible()
    expect(page.get_by_role("listitem", name=f"Endpoint {url}")).to_have_count(0)
    with pytest.raises(StopIteration):
        next(pages)


@VIEWPORTS
def test_retention_export_and_anonymisation(
    browser: Browser, server: Server, viewport: dict[str, int], tmp_path: Path
) -> None:
    pages = open_page(browser, server, viewport=viewport)
    page = next(pages)
    login(page)

    # Retention per company: a bad period is refused in Portuguese, a good one kept, then off.
    page.goto("/#/admin/lgpd")
    expect(page.get_by_role("heading", name="Dados pessoais (LGPD)", level=1)).to_be_visible()
    card = page.get_by_role("form", name=re.compile("^Retenção de ")).first
    days = card.get_by_label(re.compile(r"^Prazo de retenção de .* \(dias\)"))
    days.fill("5")
    card.get_by_role("button", name="Salvar prazo").click()
    expect(card.get_by_role("alert")).to_contain_text("30")
    days.fill("365")
    card.get_by_role("button", name="Salvar prazo").click()
    expect(page.get_by_text(re.compile("anonimizados após 365 dias"))).to_be_visible()
    card = page.get_by_role("form", name=re.compile("^Retenção de ")).first
    expect(card).to_contain_text("Prazo atual: 365 dias.")
    no_sideways_scroll(page)
    check_screen(page, "admin-lgpd")
    card.get_by_role("button", name="Desligar retenção").click()
    expect(page.get_by_text(re.compile("mantidos sem prazo"))).to_be_visible()

    # A debtor who still owes: exported, but the anonymisation is refused with the reason.
    owing = overdue_debtors(page, server)[0]
    page.goto(f"/#/devedores/{owing['id']}")
    panel = page.get_by_role("region", name="Dados pessoais (LGPD)")
    expect(panel).to_be_visible()
    with page.expect_download() as download:
        panel.get_by_role("button", name="Exportar dados (JSON)").click()
    path = tmp_path / "export.json"
    download.value.save_as(path)
    assert download.value.suggested_filename.endswith(".json")
    assert owing["name"] in json.dumps(json.loads(path.read_text()), ensure_ascii=False)
    panel.get_by_role("button", name="Anonimizar").click()
    panel.get_by_label("Motivo da anonimização").fill("Pedido do titular por e-mail")
    panel.get_by_role("button", name="Anonimizar dados").click()
    panel.get_by_role("button", name="Confirmar anonimização").click()
    expect(panel.get_by_role("alert")).to_contain_text("Não é possível anonimizar agora")
    expect(page.get_by_text(owing["name"]).first).to_be_visible()
    no_sideways_scroll(page)

    # A debtor with nothing open: anonymised for good.
    company = owing["overdueEntries"]["edges"][0]["node"]["company"]["id"]
    name = f"Titular Teste {viewport['width']}"
    created = graphql(
        page,
        server,
        CREATE,
        {"i": {"name": name, "email": f"t{viewport['width']}@example.com", "companyId": company}},
    )["createDebtor"]
    assert created["errors"] == []
    page.goto(f"/#/devedores/{created['debtor']['id']}")
    panel = page.get_by_role("region", name="Dados pessoais (LGPD)")
    expect(page.get_by_text(name).first).to_be_visible()
    panel.get_by_role("button", name="Anonimizar").click()
    panel.get_by_role("button", name="Anonimizar dados").click()
    expect(panel.get_by_role("alert")).to_contain_text("Informe o motivo")
    panel.get_by_label("Motivo da anonimização").fill("Pedido do titular, protocolo 42")
    panel.get_by_role("button", name="Anonimizar dados").click()
    panel.get_by_role("button", name="Confirmar anonimização").click()
    expect(panel.get_by_text("Dados pessoais anonimizados.")).to_be_visible()
    expect(page.get_by_text(re.compile("^Titular anonimizado")).first).to_be_visible()
    expect(page.get_by_text(name)).to_have_count(0)
    with pytest.raises(StopIteration):
        next(pages)
