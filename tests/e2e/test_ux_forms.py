"""Issue 12 items 5 and 6 in a browser whose language is English (en-US), at 1366×768 and 390×844.

- Dates and times read dd/mm/aaaa and 24 h whatever the browser's language: the fields are
  masked text inputs (a native date input would show mm/dd/yyyy and "2:30 PM" here).
- Ticking "Concluído" on an appointment shows a notice with "Desfazer", which undoes it.
- A collection e-mail's status goes from "Na fila" to "Enviado" without reloading the page
  (the worker's email.sent through the live subscription).

One engine: none of this depends on the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, login, open_page, serve
from tests.e2e.test_screens import check_screen

WIDTHS = {"desk": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    yield from serve("sqlite", tmp_path_factory)


@pytest.fixture(scope="module", params=list(WIDTHS))
def english(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    pages = open_page(browser, server, viewport=WIDTHS[request.param], locale="en-US")
    page = next(pages)
    assert page.evaluate("navigator.language") == "en-US"
    login(page)
    yield page
    next(pages, None)


def open_debtor(page: Page, index: int) -> str:
    page.goto("/#/?ordem=nome")
    page.reload()  # a fresh list: the previous search's rows stay on screen while it loads
    row = page.locator("table.table-cards > tbody > tr").nth(index)
    name = row.locator("a.debtor-name").inner_text()
    row.locator("a.debtor-name").click()
    expect(page.get_by_role("heading", name="Débitos do Cliente", level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(re.escape(name)))
    return name


def width_index(page: Page) -> int:
    """Each width works on its own debtor (no "contacted recently" between the two runs)."""
    return 3 if (page.viewport_size or {"width": 0})["width"] < 640 else 1


def test_dates_and_times_in_pt_br_and_undoing_concluido(english: Page) -> None:
    page = english
    open_debtor(page, width_index(page))
    page.get_by_role("button", name=re.compile("^Agendamentos")).click()
    page.get_by_role("button", name="Adicionar agendamento").click()
    form = page.get_by_role("form", name="Novo agendamento")
    date = form.get_by_label("Data")
    time = form.get_by_label("Hora")
    expect(date).to_have_attribute("type", "text")
    expect(time).to_have_attribute("type", "text")
    expect(date).to_have_value(re.compile(r"^\d{2}/\d{2}/20\d{2}$"))  # the company's today
    expect(date).to_have_attribute("placeholder", "dd/mm/aaaa")

    date.fill("")
    date.press_sequentially("31022099")
    expect(date).to_have_value("31/02/2099")
    expect(form.get_by_text("Data inválida: use dd/mm/aaaa")).to_be_visible()
    date.fill("")
    date.press_sequentially("28022099")
    expect(form.get_by_text("Data inválida")).to_have_count(0)
    time.press_sequentially("2590")
    expect(form.get_by_text("Hora inválida")).to_be_visible()
    time.fill("")
    time.press_sequentially("1430")
    expect(time).to_have_value("14:30")
    form.get_by_label("Observações Gerais").fill("Ligar depois do almoço (teste en-US)")
    form.get_by_role("button", name="Salvar Agendamento").click()
    expect(page.get_by_text("Agendamento salvo.")).to_be_visible()

    row = page.get_by_role("table", name="Agendamentos").locator("tbody tr", has_text="28/02/2099")
    expect(row).to_contain_text("14:30")
    done = row.get_by_role("checkbox", name=re.compile("^Concluído"))
    done.click()  # controlled: ticks once the server agrees
    notice = page.locator(".toast")
    expect(notice).to_contain_text("Agendamento de 28/02/2099 14:30 concluído.")
    expect(notice).to_be_in_viewport()
    check_screen(page, "debtor-undo")  # axe-core: nothing serious or critical, with the notice
    expect(done).to_be_checked()
    notice.get_by_role("button", name="Desfazer").click()
    expect(done).not_to_be_checked()
    expect(page.get_by_text("voltou a pendente")).to_be_visible()
    expect(notice).to_have_count(0)

    # The search's own dates, typed the Brazilian way in an English browser.
    page.goto("/#/")
    page.get_by_role("button", name="Busca Avançada").click()
    page.get_by_label("Por Período").select_option(label="Personalizado")
    page.get_by_label("Data Inicial").press_sequentially("01012026")
    page.get_by_label("Data Final").press_sequentially("31122026")
    page.get_by_role("button", name="Buscar").click()
    expect(page).to_have_url(re.compile(r"de=2026-01-01&ate=2026-12-31"))
    expect(page.get_by_label("Data Inicial")).to_have_value("01/01/2026")


def test_a_sent_e_mail_turns_enviado_without_a_reload(english: Page) -> None:
    page = english
    open_debtor(page, width_index(page) + 1)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="Enviar cobrança").click()
    subject = f"Cobrança {(page.viewport_size or {'width': 0})['width']} — {{{{ empresa }}}}"
    page.get_by_label("Título do E-mail").fill(subject)
    page.get_by_label("Descrição do E-mail").fill("Olá, {{ cliente }}.\n{{ tabela_lancamentos }}")
    page.get_by_role("button", name="Enviar E-mail").click()
    expect(page.get_by_text(re.compile("registrado para"))).to_be_visible()

    page.get_by_role("button", name=re.compile("^Dados do E-mail")).click()
    sent = page.get_by_role("table", name="E-mails enviados").locator("tbody tr").first
    expect(sent).to_contain_text(f"Cobrança {(page.viewport_size or {'width': 0})['width']}")
    expect(sent).to_contain_text("Enviado", timeout=15000)
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
