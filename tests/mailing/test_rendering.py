"""Placeholders in user text: only simple names, never code; HTML always inert."""

from __future__ import annotations

import datetime as dt
import html as html_lib
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from backend.core.errors import ErrorCollector
from backend.mailing.rendering import (
    BODY_NAMES,
    MAX_TABLE_LINES,
    SUBJECT_NAMES,
    Creditor,
    EmailFacts,
    UserTemplate,
    one_line,
    parse_user_text,
    render_email,
    render_html,
    render_text,
)
from backend.mailing.statement import OverdueLine, Statement

CREDITOR = Creditor(
    name="Bexus Ltda",
    cnpj="11.222.333/0001-81",
    address="Av. Paulista, 1000 - São Paulo/SP",
    email="fin@bexus.example",
)


def _parse(source: str, allowed: frozenset[str] = BODY_NAMES) -> UserTemplate:
    errors = ErrorCollector()
    template = parse_user_text(errors, source, "body", label="Descrição", allowed=allowed)
    assert template is not None, errors.errors
    return template


def _error(source: str, allowed: frozenset[str] = BODY_NAMES) -> str:
    errors = ErrorCollector()
    assert parse_user_text(errors, source, "body", label="Descrição", allowed=allowed) is None
    [error] = errors.errors
    assert error.field == ("input", "body")
    return error.code


def _facts(lines: list[OverdueLine], name: str = "Maria") -> EmailFacts:
    total = sum((line.open_amount for line in lines), Decimal("0.00"))
    updated = sum((line.updated_amount for line in lines), Decimal("0.00"))
    statement = Statement(dt.date(2026, 11, 28), lines, total, updated)
    return EmailFacts(name, "529.982.247-25", CREDITOR, statement)


def _line(code: str, description: str = "Venda", days: int = 10) -> OverdueLine:
    due = dt.date(2026, 11, 28) - dt.timedelta(days=days)
    return OverdueLine(code, description, due, Decimal("1000.00"), days, Decimal("1023.33"))


def test_placeholders_are_filled() -> None:
    template = _parse("Olá {{ cliente }}, {{cliente}}! Total: {{ total_vencido }}.")
    assert template.names == {"cliente", "total_vencido"}
    values = {"cliente": "Maria", "total_vencido": "R$ 10,00"}
    assert render_text(template, values) == "Olá Maria, Maria! Total: R$ 10,00."


def test_code_tags_filters_and_unknown_names_are_refused() -> None:
    assert _error("{{ ''.__class__.__mro__[1].__subclasses__() }}") == "INVALID_PLACEHOLDER"
    assert _error("{{ cliente.upper() }}") == "INVALID_PLACEHOLDER"
    assert _error("{{ cliente|e }}") == "INVALID_PLACEHOLDER"
    assert _error("{{ 7 * 7 }}") == "INVALID_PLACEHOLDER"
    assert _error("{% set x = 1 %}") == "INVALID_PLACEHOLDER"
    assert _error("{% include 'collection_email.html' %}") == "INVALID_PLACEHOLDER"
    assert _error("{{ cliente }") == "INVALID_PLACEHOLDER"
    assert _error("{{ config }}") == "UNKNOWN_PLACEHOLDER"
    assert _error("{{ tabela_lancamentos }}", SUBJECT_NAMES) == "INVALID_PLACEHOLDER"


def test_comments_and_raw_blocks_stay_inert() -> None:
    template = _parse("a{# nota #}b {% raw %}{{ cliente }}{% endraw %}")
    assert template.names == frozenset()
    assert render_text(template, {}) == "ab {{ cliente }}"


def test_html_keeps_line_breaks_and_escapes_values() -> None:
    template = _parse("Olá {{ cliente }},\n<b>atenção</b>")
    html = render_html(template, {"cliente": "<i>Ana</i> & Cia"})
    assert html == "Olá &lt;i&gt;Ana&lt;/i&gt; &amp; Cia,<br>\n&lt;b&gt;atenção&lt;/b&gt;"


# What check_long_text lets through: no control characters but line feed and tab.
PLAIN = st.characters(exclude_categories=["Cc", "Cs"], exclude_characters="{}%#") | st.sampled_from(
    "\n\t"
)


@given(st.text(alphabet=PLAIN, max_size=200))
def test_any_text_without_template_syntax_renders_as_itself(text: str) -> None:
    template = _parse(text + " {{ cliente }}")
    assert render_text(template, {"cliente": "x"}) == text + " x"
    html = str(render_html(template, {"cliente": "<x>"}))
    assert "<" not in html.replace("<br>", "")
    assert html_lib.unescape(html.replace("<br>\n", "\n")) == text + " <x>"


@given(st.text(max_size=120))
def test_arbitrary_input_is_refused_or_rendered_without_running_code(text: str) -> None:
    errors = ErrorCollector()
    template = parse_user_text(errors, text, "body", label="Descrição", allowed=BODY_NAMES)
    if template is None:
        assert errors.errors
        return
    values = {name: "<v>" for name in BODY_NAMES}
    html = str(render_html(template, values))
    assert "<v>" not in html
    assert "<" not in html.replace("<br>", "")


def test_one_line_removes_control_characters() -> None:
    assert one_line("Ana\r\nBcc: x@y\t\x00z ") == "Ana Bcc: x@y z"


def test_the_table_lists_lines_and_totals_in_html_and_text() -> None:
    facts = _facts([_line("NF-1", "Venda <balcão>"), _line("NF-2", days=40)])
    rendered = render_email(
        subject=_parse("{{ cliente }}", SUBJECT_NAMES),
        body=_parse("Segue:\n{{ tabela_lancamentos }}"),
        facts=facts,
    )
    assert "Venda &lt;balcão&gt;" in rendered.html
    assert ">18/11/2026</td>" in rendered.html
    assert "R$ 2.000,00" in rendered.html
    assert "R$ 2.046,66" in rendered.html
    text_lines = rendered.body.splitlines()
    assert text_lines[:2] == ["Segue:", ""]
    assert text_lines[2].split() == [
        "Código", "Descrição", "Vencimento", "Valor", "em", "aberto", "Dias", "Valor", "atualizado"
    ]  # fmt: skip
    assert text_lines[3].split()[:2] == ["NF-1", "Venda"]
    assert "R$ 2.046,66" in text_lines[-1]
    assert rendered.body.endswith("\n")
    assert rendered.text.startswith(rendered.body)
    assert "CNPJ 11.222.333/0001-81" in rendered.text


def test_a_long_table_shows_the_oldest_lines_and_every_total() -> None:
    lines = [_line(f"NF-{i}", days=100 - i) for i in range(MAX_TABLE_LINES + 5)]
    rendered = render_email(
        subject=_parse("x", SUBJECT_NAMES),
        body=_parse("{{ tabela_lancamentos }}"),
        facts=_facts(lines),
    )
    assert ">NF-0</td>" in rendered.html
    assert f">NF-{MAX_TABLE_LINES - 1}</td>" in rendered.html
    assert f">NF-{MAX_TABLE_LINES}</td>" not in rendered.html
    assert "55 lançamentos; os 5 mais recentes não aparecem acima" in rendered.html
    assert "R$ 55.000,00" in rendered.html


def test_no_overdue_entries_says_so() -> None:
    rendered = render_email(
        subject=_parse("x", SUBJECT_NAMES),
        body=_parse("{{ tabela_lancamentos }}"),
        facts=_facts([]),
    )
    assert "Não há lançamentos vencidos." in rendered.html
    assert rendered.body == "\nNão há lançamentos vencidos.\n"


def test_footer_without_company_email_still_names_the_creditor() -> None:
    facts = _facts([])
    facts = EmailFacts(
        facts.debtor_name,
        facts.debtor_document,
        Creditor(CREDITOR.name, CREDITOR.cnpj, CREDITOR.address, None),
        facts.statement,
    )
    rendered = render_email(subject=_parse("x", SUBJECT_NAMES), body=_parse("y"), facts=facts)
    assert "responda a este e-mail." in rendered.text
    assert "Av. Paulista, 1000 - São Paulo/SP" in rendered.html
