"""Issue 10 items 4 and 6 on Débitos do Cliente, in a real browser at both widths: a pause taken
from tomorrow's plan removes the debtor from it and resuming brings them back; a promise is
recorded and cancelled; each shows in the Histórico."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import Server, login, open_page
from tests.e2e.test_regua_screen import plan_rows as regua_plan_rows
from tests.e2e.test_screens import WIDTHS, check_screen, no_sideways_scroll

# A week ahead of the machine's date: ahead of the company's today whatever the test's zone.
LATER = dt.date.today() + dt.timedelta(days=8)


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    yield from open_page(browser, server, viewport=WIDTHS[request.param])


def plan_rows(page: Page) -> Locator:
    page.goto("/#/regua")
    expect(page.get_by_label("Data do plano")).to_be_visible()
    return regua_plan_rows(page)


def history(page: Page) -> Locator:
    return page.get_by_role("list", name=re.compile("Histórico do cliente"))


def test_a_pause_holds_the_regua_and_resuming_releases_it(sized: Page) -> None:
    page = sized
    login(page)
    name = plan_rows(page).first.get_by_role("link").inner_text()
    # Paused for the plan's company (a debtor may owe several), past the plan's day (the first
    # business day with messages, plan_rows).
    company = page.get_by_label("Empresa").locator("option:checked").inner_text()
    until = dt.date.fromisoformat(page.get_by_label("Data do plano").input_value()) + dt.timedelta(
        days=7
    )
    plan_rows(page).first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()

    page.get_by_role("button", name="Pausar cobrança").click()
    form = page.get_by_role("form", name="Pausar cobrança")
    form.get_by_label("Empresa").select_option(label=company)
    form.get_by_label("Pausada até").fill(until.isoformat())
    form.get_by_role("button", name="Pausar cobrança").click()
    expect(form.get_by_text("Informe o motivo da pausa")).to_be_visible()
    form.get_by_label("Motivo").fill("em disputa")
    no_sideways_scroll(page)
    form.get_by_role("button", name="Pausar cobrança").click()
    expect(page.get_by_text(f"Cobrança pausada até {until:%d/%m/%Y}.")).to_be_visible()
    expect(page.get_by_role("list", name="Pausas em vigor")).to_contain_text("em disputa")
    expect(history(page).get_by_text("Pausa", exact=True).first).to_be_visible()
    check_screen(page, "debtor-followup")

    # Held: tomorrow's plan no longer has them.
    rows = plan_rows(page)
    expect(rows.filter(has_text=name)).to_have_count(0)

    page.go_back()
    page.get_by_role("button", name=re.compile("^Retomar cobrança de")).click()
    page.get_by_role("dialog").get_by_role("button", name="Retomar cobrança").click()
    expect(page.get_by_text("Cobrança retomada.")).to_be_visible()
    expect(page.get_by_role("list", name="Pausas em vigor")).to_have_count(0)

    rows = plan_rows(page)
    expect(rows.filter(has_text=name)).to_have_count(1)


def test_record_and_cancel_a_payment_promise(sized: Page) -> None:
    page = sized
    login(page)
    page.get_by_role("table").locator("tbody tr").nth(3).get_by_role(
        "link", name="Débitos do Cliente"
    ).click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()

    page.get_by_role("button", name="Registrar promessa").click()
    form = page.get_by_role("form", name="Registrar promessa de pagamento")
    form.get_by_label("Data prometida").fill(LATER.isoformat())
    form.get_by_label("Valor prometido (R$)").fill("150,00")
    form.get_by_label("Observação").fill("Paga com o 13º")
    no_sideways_scroll(page)
    form.get_by_role("button", name="Registrar promessa").click()
    recorded = f"Promessa de pagamento registrada para {LATER:%d/%m/%Y}."
    expect(page.get_by_text(recorded)).to_be_visible()
    promises = page.get_by_role("list", name="Promessas em aberto")
    expect(promises).to_contain_text("R$ 150,00")
    expect(promises).to_contain_text("Paga com o 13º")
    expect(history(page).get_by_text("Promessa", exact=True).first).to_be_visible()

    # Still there after a reload: saved, not just shown.
    page.reload()
    expect(page.get_by_role("list", name="Promessas em aberto")).to_contain_text("R$ 150,00")
    page.get_by_role("button", name=re.compile("^Cancelar promessa de")).first.click()
    page.get_by_role("dialog").get_by_role("button", name="Cancelar promessa").click()
    expect(page.get_by_text("Promessa cancelada: a régua volta a valer.")).to_be_visible()
    expect(page.get_by_role("list", name="Promessas em aberto")).to_have_count(0)
    page.get_by_text(re.compile(r"^Encerradas \(\d+\)$")).click()
    expect(page.get_by_text("Promessa cancelada", exact=True).first).to_be_visible()
