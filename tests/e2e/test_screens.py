"""Issue 12 in a real browser, at a desk (1366×768) and on a phone (390×844): the home list
keeps amount and actions in view, Débitos do Cliente shows what is owed first with the composer
behind "Enviar cobrança", the tab names the debtor; axe-core finds nothing serious or critical on
any screen; a screenshot of each screen is kept under test-artifacts/ (git-ignored)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, login, open_page
from tests.live import ROOT

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screens"
WIDTHS = {"desk": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    yield from open_page(browser, server, viewport=WIDTHS[request.param])


def check_screen(page: Page, name: str) -> None:
    """No serious or critical axe-core violation; a full-page screenshot kept as an artifact."""
    # Through the DevTools protocol: the page's Content-Security-Policy refuses injected <script>s.
    page.evaluate(f"() => {{ {AXE.read_text()} }}")
    page.evaluate("() => { if (!window.axe) throw new Error('axe-core did not load'); }")
    result: dict[str, Any] = page.evaluate("async () => await axe.run(document)")
    bad = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    width = page.viewport_size["width"] if page.viewport_size else 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(ARTIFACTS, f"{name}-{width}.png")), full_page=True)
    assert bad == [], f"axe-core on {name} at {width} px: {bad}"


def no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px"


def test_home_and_debtor_page_at_both_widths(sized: Page) -> None:
    page = sized
    login(page)
    check_screen(page, "login-home")
    row = page.get_by_role("table").locator("tbody tr").first
    expect(row).to_be_visible()
    no_sideways_scroll(page)
    # Once the row is scrolled to, its amount and both actions are in view without scrolling
    # sideways, on the phone too.
    row.scroll_into_view_if_needed()
    for cell in (
        row.locator("td").nth(2),
        row.get_by_role("link", name="Débitos do Cliente"),
        row.get_by_role("link", name="Lançamentos Financeiros"),
    ):
        expect(cell).to_be_in_viewport()
    name_link = row.locator("td").first.get_by_role("link")
    name = name_link.inner_text()
    name_link.click()

    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(re.escape(name)))
    # What is owed reads first; the composer opens on demand.
    expect(page.get_by_label("Título do E-mail")).to_have_count(0)
    no_sideways_scroll(page)
    check_screen(page, "debtor")
    page.get_by_role("button", name="Enviar cobrança").click()
    expect(page.get_by_label("Título do E-mail")).to_be_visible()
    check_screen(page, "debtor-composer")

    page.get_by_role("link", name="Lançamentos Financeiros").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_screen(page, "entries")

    page.goto("/#/agenda")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_screen(page, "agenda")

    page.goto("/#/admin/webhooks")
    expect(page.get_by_role("button", name="Novo endpoint")).to_be_visible()
    no_sideways_scroll(page)
    check_screen(page, "admin-webhooks")


def test_regua_screen_at_both_widths(sized: Page) -> None:
    """Régua de cobrança (issue 10): steps, templates with the editor and its preview open, and
    tomorrow's plan; reached from the header (on a phone maybe behind its Menu button)."""
    page = sized
    login(page)
    menu = page.get_by_role("button", name="Menu")
    if menu.count() and menu.is_visible():
        menu.click()
    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Régua de cobrança"
    ).click()
    expect(page.get_by_role("heading", name="Régua de cobrança", level=1)).to_be_visible()
    expect(page.get_by_label("Dias do vencimento").first).to_be_visible()
    expect(page.get_by_label("Data do plano")).to_be_visible()
    page.get_by_role("button", name="Novo modelo").click()
    page.get_by_label("Título do e-mail").fill("{{ empresa }}: {{ cliente }}")
    expect(page.get_by_test_id("preview-subject")).to_contain_text("Maria da Silva")
    no_sideways_scroll(page)
    check_screen(page, "regua")
