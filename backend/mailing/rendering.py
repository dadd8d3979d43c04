"""Collection e-mails as the debtor reads them: placeholders, the entries table, HTML and text.

The subject and body are typed by users, so they are parsed by a sandboxed Jinja environment
and accepted only when they hold nothing but text and simple placeholders (`{{ cliente }}`):
no filters, attribute access, calls or tags, so user text can never run template code. In the
HTML version the user's own text is escaped before the autoescaping environment renders it
(Jinja would otherwise treat template text as trusted markup), and every placeholder value is
escaped on output; only the entries table, built from our own template, is inserted as markup.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateSyntaxError, nodes, select_autoescape
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from backend.core.errors import ErrorCollector
from backend.core.money import format_brl
from backend.mailing.statement import OverdueLine, Statement
from backend.pix.message import PixBlock

TEMPLATES = Path(__file__).resolve().parent / "templates"
TABLE = "tabela_lancamentos"
PIX = "pix_copia_e_cola"
MAX_TABLE_LINES = 50  # the totals always cover every overdue entry
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    description: str  # pt-BR, shown in the placeholder menu
    example: str
    in_subject: bool = True

    @property
    def token(self) -> str:
        return "{{ " + self.name + " }}"


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("cliente", "Nome do cliente.", "Maria da Silva"),
    Placeholder("cpf_cnpj", "CPF ou CNPJ do cliente, formatado.", "529.982.247-25"),
    Placeholder("empresa", "Nome da empresa que faz a cobrança.", "Bexus Comércio Ltda"),
    Placeholder("cnpj_empresa", "CNPJ da empresa, formatado.", "11.222.333/0001-81"),
    Placeholder("email_empresa", "E-mail da empresa (para onde vão as respostas).", "a@b.com"),
    Placeholder(
        "total_vencido", "Soma dos valores em aberto dos lançamentos vencidos.", "R$ 1.234,56"
    ),
    Placeholder(
        "total_atualizado", "Total vencido com multa e juros calculados até hoje.", "R$ 1.290,12"
    ),
    Placeholder("quantidade_vencidos", "Quantidade de lançamentos vencidos.", "3"),
    Placeholder(
        "vencimento_mais_antigo", "Vencimento mais antigo entre os vencidos.", "05/09/2026"
    ),
    Placeholder("data_hoje", "Data de hoje no fuso da empresa.", "28/11/2026"),
    Placeholder(
        TABLE,
        "Tabela dos lançamentos vencidos: código, descrição, vencimento, valor em aberto, "
        "dias em atraso e valor atualizado. Só na descrição.",
        "(tabela)",
        in_subject=False,
    ),
    Placeholder(
        PIX,
        "PIX copia e cola com o total atualizado (vazio se a empresa não tem chave PIX). "
        "O QR Code vai no fim da mensagem. Só na descrição.",
        "00020126…6304ABCD",
        in_subject=False,
    ),
)
BODY_NAMES = frozenset(p.name for p in PLACEHOLDERS)
SUBJECT_NAMES = frozenset(p.name for p in PLACEHOLDERS if p.in_subject)
_TOKENS = ", ".join(p.token for p in PLACEHOLDERS)

# User text: sandboxed, undefined names are errors (they are checked before rendering anyway).
_USER_HTML = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
_USER_TEXT = SandboxedEnvironment(autoescape=False, undefined=StrictUndefined)
# Our own files: HTML autoescaped, text not.
_FILES = SandboxedEnvironment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)


@dataclass(frozen=True)
class UserTemplate:
    """Text typed by a user, parsed and checked: only literal text and known placeholders."""

    ast: nodes.Template
    names: frozenset[str]


def parse_user_text(
    errors: ErrorCollector, source: str, *path: str, label: str, allowed: frozenset[str]
) -> UserTemplate | None:
    try:
        ast = _USER_TEXT.parse(source)
    except RecursionError:  # "{{ ((((…": Jinja's parser recurses once per parenthesis
        errors.add(
            "INVALID_PLACEHOLDER",
            f"{label}: marcador mal formado. Escreva os marcadores assim: {{{{ cliente }}}}.",
            *path,
        )
        return None
    except TemplateSyntaxError as exc:
        errors.add(
            "INVALID_PLACEHOLDER",
            f"{label}: marcador mal formado na linha {exc.lineno}. "
            "Escreva os marcadores assim: {{ cliente }}.",
            *path,
        )
        return None
    names: set[str] = set()
    for node in ast.body:
        parts = node.nodes if isinstance(node, nodes.Output) else [node]
        for part in parts:
            if isinstance(part, nodes.TemplateData):
                continue
            if not isinstance(part, nodes.Name):
                errors.add(
                    "INVALID_PLACEHOLDER",
                    f"{label}: use apenas marcadores simples, como {{{{ cliente }}}}; "
                    "expressões e comandos não são aceitos.",
                    *path,
                )
                return None
            names.add(part.name)
    unknown = sorted(names - BODY_NAMES)
    if unknown:
        errors.add(
            "UNKNOWN_PLACEHOLDER",
            f"{label}: marcador desconhecido {', '.join('{{ ' + n + ' }}' for n in unknown)}. "
            f"Disponíveis: {_TOKENS}.",
            *path,
        )
        return None
    misplaced = sorted(names - allowed)
    if misplaced:
        errors.add(
            "INVALID_PLACEHOLDER",
            f"{label}: o marcador {{{{ {misplaced[0]} }}}} só pode ser usado na descrição.",
            *path,
        )
        return None
    return UserTemplate(ast=ast, names=frozenset(names))


def render_text(template: UserTemplate, values: Mapping[str, str]) -> str:
    return _USER_TEXT.from_string(copy.deepcopy(template.ast)).render(values)


def render_html(template: UserTemplate, values: Mapping[str, str | Markup]) -> Markup:
    """The user's text as HTML: literal text escaped, line breaks kept, values autoescaped."""
    ast = copy.deepcopy(template.ast)
    for data in ast.find_all(nodes.TemplateData):
        data.data = str(escape(data.data)).replace("\n", "<br>\n")
    # Safe: the literal text was escaped above and the environment escapes every value.
    return Markup(_USER_HTML.from_string(ast).render(values))  # noqa: S704


def one_line(value: str) -> str:
    """Stored names go into subjects and headers: no control character survives."""
    return _CONTROL.sub(" ", value).strip()


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


@dataclass(frozen=True, slots=True)
class Creditor:
    """The company that collects, as the CDC (art. 42-A) requires it named in every charge."""

    name: str
    cnpj: str
    address: str
    email: str | None


@dataclass(frozen=True, slots=True)
class EmailFacts:
    debtor_name: str
    debtor_document: str
    creditor: Creditor
    statement: Statement
    pix: PixBlock | None = None  # the company's PIX for this message (backend.pix.message)


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    body: str  # the body as typed, placeholders filled (plain text)
    html: str  # the whole message as sent
    text: str  # its plain-text alternative


def placeholder_values(facts: EmailFacts) -> dict[str, str]:
    statement = facts.statement
    return {
        "cliente": one_line(facts.debtor_name),
        "cpf_cnpj": facts.debtor_document,
        "empresa": one_line(facts.creditor.name),
        "cnpj_empresa": facts.creditor.cnpj,
        "email_empresa": facts.creditor.email or "",
        "total_vencido": format_brl(statement.total_open),
        "total_atualizado": format_brl(statement.total_updated),
        "quantidade_vencidos": str(len(statement.lines)),
        "vencimento_mais_antigo": format_date(statement.oldest_due_date),
        "data_hoje": format_date(statement.today),
        PIX: facts.pix.copia_e_cola if facts.pix is not None else "",
    }


def _table_context(statement: Statement) -> dict[str, object]:
    shown = statement.lines[:MAX_TABLE_LINES]
    return {
        "lines": [_line(line) for line in shown],
        "count": len(statement.lines),
        "hidden": len(statement.lines) - len(shown),
        "total_open": format_brl(statement.total_open),
        "total_updated": format_brl(statement.total_updated),
    }


def _line(line: OverdueLine) -> dict[str, str]:
    return {
        "code": one_line(line.code),
        "description": one_line(line.description),
        "due_date": format_date(line.due_date),
        "open_amount": format_brl(line.open_amount),
        "days_overdue": str(line.days_overdue),
        "updated_amount": format_brl(line.updated_amount),
    }


def render_email(*, subject: UserTemplate, body: UserTemplate, facts: EmailFacts) -> RenderedEmail:
    values = placeholder_values(facts)
    table = _table_context(facts.statement)
    text_values = dict(values)
    html_values: dict[str, str | Markup] = dict(values)
    if TABLE in body.names:
        # Set apart by blank lines, so the columns line up in any mail reader.
        text_values[TABLE] = "\n" + _FILES.get_template("entries_table.txt").render(table) + "\n"
        # Our own autoescaped template: the entries' text in it is already escaped.
        table_html = _FILES.get_template("entries_table.html").render(table)
        html_values[TABLE] = Markup(table_html)  # noqa: S704
    rendered_subject = one_line(render_text(subject, values))
    body_text = render_text(body, text_values)
    context = {
        "subject": rendered_subject,
        "creditor": facts.creditor,
        "pix": facts.pix,
        "pix_amount": format_brl(facts.statement.total_updated),
    }
    html = _FILES.get_template("collection_email.html").render(
        body_html=render_html(body, html_values), **context
    )
    text = _FILES.get_template("collection_email.txt").render(body_text=body_text, **context)
    return RenderedEmail(subject=rendered_subject, body=body_text, html=html, text=text + "\n")
