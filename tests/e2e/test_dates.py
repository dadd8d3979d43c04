"""The dashboard's default dates at the risky moments, in browsers whose zone is not São Paulo's.

Server and browser are set to the same instant (the server through its injected clock, the
browser through Playwright's clock) in UTC and in Tokyo, where the calendar date already differs
from São Paulo's at 23:30. Every date the dashboard proposes must be the company's today from
the server: the payment date (which the server would refuse if it were tomorrow), the
appointment date, and the period label of the search.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import Server, login, open_page
from tests.support import RISKY_MOMENTS


@pytest.fixture(params=["UTC", "Asia/Tokyo"])
def zoned_page(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    yield from open_page(browser, server, timezone_id=request.param)


@pytest.fixture
def moment(server: Server) -> Iterator[None]:
    yield
    server.set_clock(None)


def _br(date: dt.date) -> str:
    return date.strftime("%d/%m/%Y")


@pytest.mark.usefixtures("moment")
@pytest.mark.parametrize(
    ("instant", "today"),
    [pytest.param(instant, date, id=name) for name, instant, date in RISKY_MOMENTS],
)
def test_default_dates_are_the_company_s_today(
    zoned_page: Page, server: Server, instant: dt.datetime, today: dt.date
) -> None:
    page = zoned_page
    server.set_clock(instant)
    page.clock.set_fixed_time(instant)
    login(page)
    # The browser's own calendar: its zone and the set instant (e.g. already 1 January in UTC).
    zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    browser_date = page.evaluate("new Date().toLocaleDateString('en-CA')")
    assert browser_date == instant.astimezone(ZoneInfo(zone)).date().isoformat()
    expect(page.get_by_text(re.compile(f"hoje é {re.escape(_br(today))}"))).to_be_visible()

    # Quitar: the payment date proposed is São Paulo's today, and the server takes it.
    table = page.get_by_role("table")
    table.locator("tbody tr").first.get_by_role("link", name="Lançamentos Financeiros").click()
    settle = page.get_by_role("button", name=re.compile("^Quitar lançamento")).first
    code = (settle.get_attribute("aria-label") or "").removeprefix("Quitar lançamento ").strip()
    settle.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Data do pagamento")).to_have_value(_br(today))
    # Overdue: the dialog asks whether the charges of that day are received or waived.
    expect(dialog.get_by_text("Calculando multa e juros")).to_have_count(0)
    include = dialog.get_by_role("button", name="Incluir multa e juros")
    if include.count():
        include.click()
    dialog.get_by_role("button", name="Confirmar baixa").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("row", name=re.compile(re.escape(code))).first).to_contain_text("Pago")

    # Agendamentos: a new appointment proposes the same date, and is saved for it.
    page.get_by_role("link", name="Débitos do Cliente").first.click()
    page.get_by_role("button", name=re.compile("^Agendamentos")).click()
    page.get_by_role("button", name="Adicionar agendamento").click()
    form = page.get_by_role("form", name="Novo agendamento")
    expect(form.get_by_label("Data")).to_have_value(_br(today))
    form.get_by_label("Hora").fill("09:00")
    form.get_by_label("Observações Gerais").fill("Ligar para confirmar o pagamento")
    form.get_by_role("button", name="Salvar Agendamento").click()
    expect(page.get_by_text("Agendamento salvo.")).to_be_visible()
