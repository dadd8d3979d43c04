"""Issue 10 item 7 in a real browser, at a desk (1366×768) and on a phone (390×844): the Régua
screen edits a step and creates a template with a live preview, tomorrow's plan lists real demo
debtors (the name opens Débitos do Cliente), and the composer opens filled with the company's
default template; "Cobrar" on an entry opens it for that entry's company."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from backend.businessdays.rules import BusinessCalendar
from tests.e2e.conftest import Server, login, open_page
from tests.e2e.test_screens import WIDTHS, no_sideways_scroll

DEFAULT_SUBJECT = "{{ empresa }}: lançamentos em aberto de {{ cliente }}"
# The first demo company (the screen's default) is in São Paulo.
CALENDAR = BusinessCalendar.of("SP")


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    yield from open_page(browser, server, viewport=WIDTHS[request.param])


def open_regua(page: Page) -> None:
    """From the header; on a phone its links may fold behind a Menu button."""
    login(page)
    menu = page.get_by_role("button", name="Menu")
    if menu.count() and menu.is_visible():
        menu.click()
    page.get_by_role("navigation", name="Principal").get_by_role(
        "link", name="Régua de cobrança"
    ).click()
    expect(page.get_by_role("heading", name="Régua de cobrança", level=1)).to_be_visible()
    expect(page.get_by_label("Dias do vencimento").first).to_be_visible()


def plan_rows(page: Page) -> Locator:
    """The rows of the first plan with messages, from the one the screen opens with: the next
    weekday after the server's today. On a national or state holiday the régua sends nothing,
    so the next business day is asked instead (the server's calendar knows the holidays; the
    browser does not); and the small e2e demo (40 debtors) has days on which no entry reaches
    a step, so an empty plan moves on to the next business day (a Friday's Monday was one)."""
    date = page.get_by_label("Data do plano")
    shown = dt.date.fromisoformat(date.input_value())
    assert shown.weekday() < 5, f"the plan opens on a weekend: {shown}"
    plan = page.get_by_role("table", name="E-mails que a régua enviaria")
    business = CALENDAR.next_business_day(shown)
    for _ in range(15):
        if business != dt.date.fromisoformat(date.input_value()):
            date.fill(business.isoformat())
        empty = page.get_by_text(f"Nenhum e-mail da régua em {business:%d/%m/%Y}")
        expect(plan.or_(empty)).to_be_visible()
        if plan.is_visible():
            expect(plan.locator("tbody tr").first).to_be_visible()
            return plan.locator("tbody tr")
        business = CALENDAR.next_business_day(business + dt.timedelta(days=1))
    raise AssertionError(f"no plan with messages in the 15 business days from {shown}")


def test_edit_a_step_and_it_stays_saved(sized: Page) -> None:
    page = sized
    width = page.viewport_size["width"] if page.viewport_size else 0
    open_regua(page)
    # The demo's régua: D-3, D0, D+3, D+10, D+30.
    days = page.get_by_label("Dias do vencimento")
    expect(days).to_have_count(5)
    assert [days.nth(i).input_value() for i in range(5)] == ["-3", "0", "3", "10", "30"]
    no_sideways_scroll(page)

    # Two steps on one day are refused on the row, in Portuguese, before anything is saved.
    days.nth(4).fill("10")
    page.get_by_role("button", name="Salvar régua").click()
    expect(page.get_by_text("O passo 4 já usa D+10.")).to_be_visible()
    expect(days.nth(4)).to_have_attribute("aria-invalid", "true")

    minimum = "12,34" if width > 500 else "56,78"
    days.nth(4).fill("30")
    page.get_by_label("Valor mínimo em aberto (R$)").nth(4).fill(minimum)
    page.get_by_role("button", name="Salvar régua").click()
    expect(page.get_by_text("Régua salva com 5 passos.")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Valor mínimo em aberto (R$)").nth(4)).to_have_value(minimum)
    expect(page.get_by_label("Dias do vencimento").nth(4)).to_have_value("30")


def test_create_a_template_with_its_live_preview(sized: Page) -> None:
    page = sized
    width = page.viewport_size["width"] if page.viewport_size else 0
    name = f"Último aviso {width}"
    open_regua(page)
    company = page.get_by_label("Empresa").locator("option:checked").inner_text()

    page.get_by_role("button", name="Novo modelo").click()
    form = page.get_by_role("form", name="Novo modelo")
    form.get_by_label("Nome do modelo").fill(name)
    form.get_by_label("Título do e-mail").fill("{{ empresa }}: último aviso a {{ cliente }}")
    form.get_by_label("Descrição do e-mail").fill("Olá, {{ cliente }}.\n{{ tabela_lancamentos }}")
    preview = page.get_by_test_id("preview-subject")
    expect(preview).to_have_text(f"{company}: último aviso a Maria da Silva")
    expect(page.get_by_test_id("preview-body")).to_contain_text("Olá, Maria da Silva.")
    expect(page.get_by_test_id("preview-body")).to_contain_text("Mensalidade setembro")
    # An unknown placeholder is pointed out while typing.
    form.get_by_label("Descrição do e-mail").fill("Olá, {{ nome }}.")
    unknown = re.compile(r"Marcadores não reconhecidos.*\{\{ nome \}\}")
    expect(page.get_by_text(unknown)).to_be_visible()
    form.get_by_label("Descrição do e-mail").fill("Olá, {{ cliente }}.\n{{ tabela_lancamentos }}")
    no_sideways_scroll(page)
    form.get_by_role("button", name="Salvar modelo").click()
    expect(page.get_by_text(f"Modelo “{name}” criado.")).to_be_visible()

    # Saved for real: after a reload it is listed, and a step may use it.
    page.reload()
    expect(page.get_by_role("button", name=f"Editar modelo {name}")).to_be_visible()
    step_template = page.get_by_label("Modelo de e-mail").first
    expect(step_template.locator("option", has_text=name)).to_have_count(1)

    # And it can be deleted (it is no step's template, nor the default).
    page.get_by_role("button", name=f"Excluir modelo {name}").click()
    page.get_by_role("dialog").get_by_role("button", name="Excluir modelo").click()
    expect(page.get_by_text(f"Modelo “{name}” excluído.")).to_be_visible()


def test_tomorrows_plan_lists_demo_debtors(sized: Page) -> None:
    page = sized
    open_regua(page)
    row = plan_rows(page).first
    expect(row).to_contain_text(re.compile(r"D[+-]?\d+"))
    expect(row).to_contain_text("R$")
    no_sideways_scroll(page)
    link = row.get_by_role("link")
    name = link.inner_text()
    link.click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(re.escape(name)))


def test_composer_opens_with_the_default_template(sized: Page) -> None:
    page = sized
    login(page)
    table = page.get_by_role("table")
    table.locator("tbody tr").first.get_by_role("link", name="Débitos do Cliente").click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    page.get_by_role("button", name="Enviar cobrança").click()
    expect(page.get_by_label("Título do E-mail")).to_have_value(DEFAULT_SUBJECT)
    body = page.get_by_label("Descrição do E-mail")
    expect(body).to_have_value(re.compile(r"^Olá, \{\{ cliente \}\}"))
    template = page.get_by_label("Modelo de e-mail")
    expect(template.locator("option:checked")).to_have_text("Lembrete cordial (padrão)")
    template.select_option(label="Aviso de atraso")
    expect(page.get_by_label("Título do E-mail")).to_have_value(
        "{{ empresa }}: {{ quantidade_vencidos }} lançamento(s) em atraso"
    )
    no_sideways_scroll(page)


def test_cobrar_on_an_entry_opens_the_composer_for_its_company(sized: Page) -> None:
    page = sized
    login(page)
    page.get_by_role("table").locator("tbody tr").first.get_by_role(
        "link", name="Lançamentos Financeiros"
    ).click()
    cobrar = page.get_by_role("link", name=re.compile("^Cobrar lançamento")).first
    expect(cobrar).to_be_visible()
    row = page.get_by_role("row").filter(has=cobrar)
    cells = row.locator("td").all_inner_texts()
    cobrar.click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    company = page.get_by_label("Empresa do E-mail").locator("option:checked").inner_text()
    assert any(company in cell for cell in cells), (company, cells)
    expect(page.get_by_label("Título do E-mail")).to_have_value(DEFAULT_SUBJECT)
