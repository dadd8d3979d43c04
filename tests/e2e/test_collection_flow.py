"""A collector's day in a real browser: find a debtor, e-mail them, register a payment."""

from __future__ import annotations

import re
import time
from email import message_from_bytes, policy

from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server, login


def test_search_open_debtor_and_send_collection_email(page: Page, server: Server) -> None:
    login(page)
    table = page.get_by_role("table")
    expect(table.locator("tbody tr").first).to_be_visible()
    first_row = table.locator("tbody tr").first
    name = first_row.locator("td").first.inner_text().splitlines()[0]

    page.get_by_label("Pesquisar por Cliente").fill(name.split()[0].lower())
    page.get_by_role("button", name="Pesquisar").click()
    expect(table.locator("tbody tr", has_text=name).first).to_be_visible()

    table.locator("tbody tr", has_text=name).first.get_by_role(
        "link", name="Débitos do Cliente"
    ).click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    expect(page.get_by_role("main").get_by_text(name).first).to_be_visible()

    page.get_by_role("button", name="Enviar cobrança").click()
    page.get_by_label("Título do E-mail").fill("Pendências com a {{ empresa }}")
    page.get_by_label("Descrição do E-mail").fill(
        "Olá, {{ cliente }}. Seu saldo vencido é {{ total_vencido }}.\n{{ tabela_lancamentos }}"
    )
    page.get_by_role("button", name="Enviar E-mail").click()
    expect(page.get_by_text(re.compile("registrado para"))).to_be_visible()

    # No SMTP configured: the worker inside `cobrancas serve` writes the message as .eml.
    deadline = time.monotonic() + 20
    files: list = []
    while time.monotonic() < deadline and not files:
        files = sorted(server.outbox.glob("*.eml")) if server.outbox.exists() else []
        time.sleep(0.2)
    assert files, "the e-mail never reached data/outbox"
    message = message_from_bytes(files[-1].read_bytes(), policy=policy.default)
    assert str(message["Subject"]).startswith("Pendências com a Bexus")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert name in html
    assert "R$" in html


def test_settle_an_entry_from_the_debtors_entries(page: Page) -> None:
    login(page)
    table = page.get_by_role("table")
    expect(table.locator("tbody tr").first).to_be_visible()
    table.locator("tbody tr").first.get_by_role("link", name="Lançamentos Financeiros").click()

    settle = page.get_by_role("button", name=re.compile("^Quitar lançamento")).first
    expect(settle).to_be_visible()
    code = (settle.get_attribute("aria-label") or "").removeprefix("Quitar lançamento ").strip()
    settle.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Valor quitado (R$)")).not_to_have_value("")
    # An overdue entry: the charges owed today are shown with the dialog; settling the whole
    # principal receives them (or waives them, which the dialog makes the collector choose).
    expect(dialog.get_by_text("Calculando multa e juros")).to_have_count(0)
    include = dialog.get_by_role("button", name="Incluir multa e juros")
    if include.count():
        include.click()
    dialog.get_by_role("button", name="Confirmar baixa").click()
    expect(dialog).to_be_hidden()
    row = page.get_by_role("row", name=re.compile(re.escape(code)))
    expect(row.first).to_contain_text("Pago")


def test_export_the_search_as_xlsx(page: Page) -> None:
    login(page)
    link = page.get_by_role("link", name="Exportar XLSX")
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.startswith("inadimplencias-")
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as file:
        assert file.read(2) == b"PK"  # an Office Open XML zip
