"""The dashboard in a real browser: login, logout and the offline API explorer."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ADMIN_EMAIL, login


def test_wrong_password_then_login_and_logout(page: Page) -> None:
    page.goto("/")
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Senha").fill("errada-errada")
    page.get_by_role("button", name="Entrar").click()
    expect(page.get_by_text("E-mail ou senha incorretos.")).to_be_visible()
    login(page)
    page.reload()
    expect(page.get_by_text("Olá, Ana Souza")).to_be_visible()
    page.get_by_role("button", name="Sair").click()
    expect(page.get_by_role("button", name="Entrar")).to_be_visible()


def test_explorer_works_offline_and_runs_a_query(page: Page) -> None:
    login(page)
    page.goto("/explorer")
    expect(page).to_have_title("Cobranças — Explorador da API")
    editor = page.locator(".graphiql-query-editor .monaco-editor")  # Monaco loads lazily
    expect(editor).to_be_visible(timeout=20000)
    editor.locator(".view-lines").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text("{ me { name } }")  # typing would trigger auto-closing braces
    expect(editor).to_contain_text("{ me { name } }")
    page.get_by_role("button", name=re.compile("Execute query")).click()
    expect(page.locator(".graphiql-response")).to_contain_text("Ana Souza", timeout=15000)
