"""Administração and live updates in a real browser, at 1366×768 and on a 390×844 phone.

Live: two browser contexts (Ana on Débitos do Cliente, Bruno on the same debtor's Lançamentos);
Bruno settles, Ana's page says so within 2 s without reloading."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, login, open_page
from tests.live import run

BRUNO_EMAIL = "bruno@example.com"
BRUNO_PASSWORD = "senha-do-bruno-e2e"
VIEWPORTS = pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 768}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
FIND = """{ debtors(first: 10) { edges { node { id name
  overdueEntries(first: 1) { edges { node { id } } } } } } }"""


@pytest.fixture(scope="module")
def bruno(server: Server) -> str:
    """A collector, the colleague who changes things."""
    env = {**os.environ, "DATABASE_URL": server.database_url}
    run(env, "backend.cli", "create-user", "--name", "Bruno Lima", "--email", BRUNO_EMAIL,
        "--password", BRUNO_PASSWORD, "--role", "COLLECTOR")  # fmt: skip
    return BRUNO_EMAIL


def login_as(page: Page, email: str, password: str, name: str) -> None:
    page.goto("/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Senha").fill(password)
    page.get_by_role("button", name="Entrar").click()
    page.get_by_text(f"Olá, {name}").wait_for()


def open_menu(page: Page) -> None:
    """On a phone the header's links fold behind "Menu"."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()


def shot(page: Page, name: str) -> None:
    folder = Path(os.environ.get("E2E_SCREENSHOTS", "test-artifacts/screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def contexts(browser: Browser, server: Server, viewport: dict[str, int]) -> Iterator[Page]:
    return open_page(browser, server, viewport=viewport)


@VIEWPORTS
def test_a_colleague_s_payment_shows_on_the_open_debtor_page(
    browser: Browser, server: Server, bruno: str, viewport: dict[str, int]
) -> None:
    ana_pages, bruno_pages = (
        contexts(browser, server, viewport),
        contexts(browser, server, viewport),
    )
    ana, other = next(ana_pages), next(bruno_pages)
    login(ana)
    answer: Any = ana.request.post(
        "/graphql", data={"query": FIND}, headers={"Origin": server.url}
    ).json()
    debtor = next(
        d["node"]["id"]
        for d in answer["data"]["debtors"]["edges"]
        if d["node"]["overdueEntries"]["edges"]
    )
    ana.goto(f"/#/devedores/{debtor}")
    expect(ana.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    ana.evaluate("window.__stillHere = true")

    login_as(other, bruno, BRUNO_PASSWORD, "Bruno Lima")
    other.goto(f"/#/devedores/{debtor}/lancamentos")
    settle = other.get_by_role("button", name=re.compile("^Quitar lançamento")).first
    expect(settle).to_be_visible()
    settle.click()
    dialog = other.get_by_role("dialog")
    expect(dialog.get_by_label("Valor quitado (R$)")).not_to_have_value("")
    expect(dialog.get_by_text("Calculando multa e juros")).to_have_count(0)
    include = dialog.get_by_role("button", name="Incluir multa e juros")
    if include.count():
        include.click()
    dialog.get_by_role("button", name="Confirmar baixa").click()
    expect(dialog).to_be_hidden()
    settled = time.monotonic()

    notice = ana.get_by_text("Atualizado por Bruno Lima: pagamento registrado.")
    expect(notice).to_be_visible(timeout=2000)
    assert time.monotonic() - settled < 2.5  # (the assertion above polls within 2 s)
    assert ana.evaluate("window.__stillHere") is True  # no reload
    shot(ana, f"live-debtor-{viewport['width']}")
    for pages in (ana_pages, bruno_pages):
        with pytest.raises(StopIteration):
            next(pages)


@VIEWPORTS
def test_administration_for_admins_only(
    browser: Browser, server: Server, bruno: str, viewport: dict[str, int]
) -> None:
    pages = contexts(browser, server, viewport)
    page = next(pages)
    login(page)
    open_menu(page)
    nav = page.get_by_role("link", name="Administração")
    expect(nav).to_have_count(1)
    page.goto("/#/admin/empresas")
    expect(page.get_by_role("heading", name="Empresas", level=1)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Editar ")).first).to_be_visible()
    shot(page, f"admin-empresas-{viewport['width']}")

    page.goto("/#/admin/usuarios")
    expect(page.get_by_label("Papel de Bruno Lima")).to_have_value("COLLECTOR")
    shot(page, f"admin-usuarios-{viewport['width']}")

    page.goto("/#/admin/tokens")
    name = f"bi-{viewport['width']}"
    page.get_by_label("Nome do token").fill(name)
    page.get_by_role("checkbox", name="Todas as empresas").check()
    page.get_by_role("button", name="Emitir token").click()
    expect(page.get_by_label("Segredo do token")).to_have_value(re.compile("^cob_"))
    shot(page, f"admin-tokens-{viewport['width']}")
    page.get_by_role("button", name=f"Revogar {name}").click()
    expect(page.get_by_text(f"Token {name} revogado.")).to_be_visible()

    page.goto("/#/admin/auditoria")
    expect(page.get_by_text("token.revoke").first).to_be_visible()
    page.get_by_label("Usuário").select_option(label="Ana Souza")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.get_by_text("token.create").first).to_be_visible()
    shot(page, f"admin-auditoria-{viewport['width']}")
    with pytest.raises(StopIteration):
        next(pages)

    # A collector sees no Administração and is refused at its address.
    pages = contexts(browser, server, viewport)
    page = next(pages)
    login_as(page, bruno, BRUNO_PASSWORD, "Bruno Lima")
    open_menu(page)
    expect(page.get_by_role("link", name="Meus Agendamentos")).to_be_visible()
    expect(page.get_by_role("link", name="Administração")).to_have_count(0)
    page.goto("/#/admin/usuarios")
    expect(page.get_by_text("Apenas administradores podem abrir esta tela.")).to_be_visible()
    with pytest.raises(StopIteration):
        next(pages)
