"""Importação de lançamentos in a real browser: a CSV of 1,200 rows (three calls of 500), a
preview, a progress bar, and the refused rows listed with their line, column and reason — those
the browser finds (a bad date, a bad amount) and those the server refuses (an invalid CPF)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import login

HEADER = "Identificador externo;Cliente (identificador);Cliente;CPF/CNPJ;Descrição;Vencimento;Valor"


def _csv() -> bytes:
    lines = [HEADER]
    for n in range(1200):
        debtor = "c-bad" if n in (700, 701) else f"e2e-c-{n % 50}"
        document = "123.456.789-00" if debtor == "c-bad" else ""
        due = "32/13/2026" if n == 3 else f"{n % 28 + 1:02d}/11/2026"
        amount = "abc" if n == 8 else f"1.{n % 1000:03d},{n % 100:02d}"  # 1.234,56 as typed
        lines.append(f"e2e-nf-{n};{debtor};Cliente E2E {debtor};{document};NF {n};{due};{amount}")
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def test_import_a_csv_with_preview_progress_and_row_errors(page: Page) -> None:
    login(page)
    page.get_by_role("link", name="Importação").click()
    expect(page.get_by_role("heading", name="Importação de lançamentos")).to_be_visible()
    page.get_by_label("Arquivo de lançamentos").set_input_files(
        files=[{"name": "lancamentos.csv", "mimeType": "text/csv", "buffer": _csv()}]
    )
    preview = page.get_by_role("table", name="Prévia da importação")
    expect(preview.get_by_role("row")).to_have_count(11)  # header + the first 10 rows
    expect(preview).to_contain_text("e2e-nf-0")
    problems = page.get_by_role("table", name="Linhas com problemas")
    expect(problems).to_contain_text("Data inválida")
    page.get_by_role("button", name=re.compile(r"Importar 1198 lançamento")).click()
    expect(page.get_by_role("status")).to_contain_text(
        "1196 criado(s), 0 atualizado(s), 0 sem alteração, 2 recusado(s)", timeout=60_000
    )
    progress = page.get_by_label("Progresso da importação")
    expect(progress).to_have_attribute("value", "1198")
    rows = problems.get_by_role("row")
    expect(rows).to_have_count(5)  # header + 2 found by the browser + 2 refused by the server
    expect(rows.nth(1)).to_contain_text("5")  # line 5 of the file: row 3, its date
    expect(problems).to_contain_text("CPF/CNPJ")
    expect(problems).to_contain_text("702")  # row 700 is line 702

    # Sent again: nothing new, nothing duplicated.
    page.get_by_role("button", name=re.compile(r"Importar 1198 lançamento")).click()
    expect(page.get_by_role("status")).to_contain_text(
        "0 criado(s), 0 atualizado(s), 1196 sem alteração", timeout=60_000
    )
