"""The results as Markdown: the machine, the data, the table, and what explains the figures."""

from __future__ import annotations

import datetime as dt

from bench.measure import Timing
from bench.run import EngineResult, Options

TARGET_P95_MS = 50.0
TARGET_RATIO = 2.0


def _ms(timing: Timing | None) -> str:
    if timing is None:
        return "–"
    return f"{timing.p50:.1f} / {timing.p95:.1f}"


def _ratio(graphql: Timing | None, raw: Timing | None) -> str:
    if graphql is None or raw is None:
        return "–"
    return f"{graphql.p50 / raw.p50:.1f}×"


def _verdict(result: EngineResult) -> list[str]:
    lines = []
    for r in result.cases:
        if not r.case.target:
            lines.append(f"- {result.engine}, {r.case.title}: informativo, fora das metas")
            continue
        misses = []
        if r.graphql.p95 > TARGET_P95_MS:
            misses.append(f"p95 {r.graphql.p95:.0f} ms > {TARGET_P95_MS:.0f} ms")
        ratio = r.graphql.p50 / r.raw.p50
        if ratio > TARGET_RATIO:
            misses.append(f"{ratio:.2f}× o bruto")
        state = "**não atinge**: " + "; ".join(misses) if misses else "atinge as metas"
        lines.append(f"- {result.engine}, {r.case.title}: {state}")
    return lines


def render(
    results: list[EngineResult],
    options: Options,
    machine: list[tuple[str, str]],
    started: dt.datetime,
) -> str:
    out = [
        f"# Benchmark da Pesquisa de Inadimplências e dos Débitos do Cliente — {options.size.name}",
        "",
        f"Executado em {started:%Y-%m-%d %H:%M} UTC com `python -m bench` "
        f"(tamanho {options.size.name}: {options.size.debtors:,} devedores, "
        f"{options.size.entries:,} lançamentos, semente {options.seed}; "
        f"{options.iterations} medições após {options.warmup} de aquecimento, um usuário).",
        "",
        "## Máquina",
        "",
        *(f"- {label}: {value}" for label, value in machine),
        "",
        "## Dados",
        "",
    ]
    for result in results:
        load = (
            f"gerados e carregados em {result.load_seconds:.0f} s"
            if result.load_seconds is not None
            else "reaproveitados de uma execução anterior"
        )
        roll = "reconstrução completa" if result.rebuilt else "virada incremental/nenhuma"
        out.append(
            f"- **{result.engine}**: {load}; resumo por devedor em {result.roll_seconds:.2f} s "
            f"({roll}); " + "; ".join(f"{label}: {value}" for label, value in result.stats)
        )
        extras = (
            f"adicionados em {result.detail_seconds:.0f} s"
            if result.detail_seconds is not None
            else "reaproveitados"
        )
        shown = [_sections(r.case.title, r.case.debtor_id, r.sections) for r in result.cases]
        out.append(
            f"- **{result.engine}**, Débitos do Cliente (pagamentos, usuários, contatos, "
            f"agendamentos e e-mails: {extras}): " + "; ".join(s for s in shown if s)
        )
    out += [
        "",
        "## Resultados (ms, p50 / p95)",
        "",
        "GraphQL: a página de 25 devedores com saldos e totais (ou o collectionSummary); nos "
        "Débitos do Cliente, a consulta `DebtorDetail` da tela, palavra por palavra (100 "
        "vencidos com multa e juros, contatos, agendamentos, 20 e-mails, empresas, usuários e "
        "marcadores). "
        "Em processo: `schema.execute` com um `Context` + JSON. HTTP: uvicorn em subprocesso, "
        "token de API, httpx no mesmo host. Bruto: o mesmo JSON (conferido byte a byte como "
        "objeto) por SQL escrito à mão + orjson, pelo driver (asyncpg / sqlite3), em processo "
        "e por HTTP no mesmo servidor. Razão = GraphQL p50 / bruto p50.",
        "",
        "| caso | banco | GraphQL | bruto | razão | GraphQL HTTP | bruto HTTP | razão HTTP |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        for r in result.cases:
            out.append(
                f"| {r.case.title} | {result.engine} | {_ms(r.graphql)} | {_ms(r.raw)} | "
                f"{_ratio(r.graphql, r.raw)} | {_ms(r.graphql_http)} | {_ms(r.raw_http)} | "
                f"{_ratio(r.graphql_http, r.raw_http)} |"
            )
    out += [
        "",
        f"## Metas (p95 ≤ {TARGET_P95_MS:.0f} ms em processo; "
        f"GraphQL ≤ {TARGET_RATIO:.0f}× o bruto)",
        "",
    ]
    for result in results:
        out += _verdict(result)
    out += ["", "## O que explica os números", ""]
    for result in results:
        out += [f"### {result.engine}", ""]
        for r in result.cases:
            total = sum(s.median_ms for s in r.statements)
            out += [
                f"**{r.case.title}** — {len(r.statements)} comandos SQL, "
                f"{total:.1f} ms no driver (mediana de cada), GraphQL p50 {r.graphql.p50:.1f} ms:",
                "",
            ]
            for s in r.statements:
                out += [
                    "<details><summary>"
                    f"{s.median_ms:.2f} ms — <code>{_short(s.sql)}</code></summary>",
                    "",
                    "```",
                    s.sql,
                    "",
                    s.plan,
                    "```",
                    "</details>",
                    "",
                ]
        for key, text in result.profiles:
            why = (
                "a tela Débitos do Cliente do devedor movimentado"
                if key.startswith("detail")
                else "o de maior razão GraphQL/bruto entre as pesquisas"
            )
            out += [
                f"Perfil do caso `{key}`, {why} (cProfile, 20 execuções "
                "em processo, por tempo próprio; `poll` é a espera pelo banco):",
                "",
                "```",
                text,
                "```",
                "",
            ]
    return "\n".join(out) + "\n"


def _sections(title: str, debtor_id: int | None, sections: dict[str, int]) -> str:
    if debtor_id is None or not sections:
        return ""
    return (
        f"{title} (id {debtor_id}): {sections['overdue_shown']} de "
        f"{sections['overdue_total']} vencidos, {_n(sections['contacts'], 'contato')}, "
        f"{_n(sections['appointments'], 'agendamento')}, {sections['emails_shown']} de "
        f"{_n(sections['emails_total'], 'e-mail')}; resposta de "
        f"{sections['bytes'] / 1024:.0f} KiB"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _short(sql: str, limit: int = 90) -> str:
    flat = " ".join(sql.split())
    text = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return text.replace("<", "&lt;").replace(">", "&gt;")
