"""How fast the API explorer (/explorer, GraphiQL with Monaco) first renders, cold cache.

    .venv/bin/python -m bench.explorer [--runs 5] > bench/results/explorer.md

A real server (`cobrancas serve`, SQLite) and headless Chromium on this machine. Each run is a
new browser context (nothing cached). Times are from navigation start, recorded in the page by
a MutationObserver: "first render" when GraphiQL's container is in the document, "editor" when
Monaco's query editor is. Bytes are what crossed the wire (transferSize) and what the files
weigh once decoded. The same runs with `Accept-Encoding: identity` show what compression saves.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from tests.live import run, server_env, serving, throwaway_database

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

MARKS = """
(() => {
  const marks = {};
  const mark = (name, selector) => {
    if (!marks[name] && document.querySelector(selector)) marks[name] = performance.now();
  };
  const seen = () => {
    mark('render', '.graphiql-container');
    mark('editor', '.graphiql-query-editor .monaco-editor');
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  window.__marks = marks;
})();
"""

BYTES = """() => {
  const all = [
    ...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource'),
  ];
  return {
    wire: all.reduce((sum, e) => sum + (e.transferSize || 0), 0),
    decoded: all.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0),
    files: all.length,
  };
}"""


def measure(browser: Browser, url: str, *, identity: bool) -> dict[str, Any]:
    headers = {"Accept-Encoding": "identity"} if identity else {}
    context = browser.new_context(base_url=url, locale="pt-BR", extra_http_headers=headers)
    try:
        page = context.new_page()
        page.add_init_script(MARKS)
        page.goto("/explorer")
        page.wait_for_selector(".graphiql-query-editor .monaco-editor", timeout=60000)
        page.wait_for_load_state("networkidle")
        marks: dict[str, float] = page.evaluate("window.__marks")
        return {**marks, **page.evaluate(BYTES)}
    finally:
        context.close()


def table(rows: list[dict[str, Any]]) -> list[str]:
    def median(key: str) -> float:
        return statistics.median(row[key] for row in rows)

    return [
        f"| first render (GraphiQL in the page) | {median('render'):.0f} ms |",
        f"| query editor (Monaco) ready | {median('editor'):.0f} ms |",
        f"| transferred | {median('wire') / 1024:.0f} kB |",
        f"| decoded | {median('decoded') / 1024:.0f} kB |",
        f"| requests | {median('files'):.0f} |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with throwaway_database("sqlite", tmp, "explorer") as database_url:
            env = server_env(database_url, tmp, "WARNING")
            run(env, "backend.cli", "migrate")
            with (
                serving(env, tmp / "server.log", "backend.cli", "serve", "--no-worker") as url,
                sync_playwright() as playwright,
            ):
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
                )
                measure(browser, url, identity=False)  # warm the server (and the OS file cache)
                compressed = [measure(browser, url, identity=False) for _ in range(args.runs)]
                plain = [measure(browser, url, identity=True) for _ in range(args.runs)]
                browser.close()
    print("# The API explorer's first load (issue 12 item 9)\n")
    print(
        f"`python -m bench.explorer --runs {args.runs}`: median of {args.runs} cold-cache loads "
        f"of /explorer in headless Chromium against `cobrancas serve` on this machine "
        f"({platform.machine()}, {os.cpu_count()} CPUs, shared with other work), "
        "loopback network.\n"
    )
    print("## Compressed (brotli, as a browser asks)\n")
    print("| | |\n|---|---|")
    print("\n".join(table(compressed)))
    print("\n## Without compression (Accept-Encoding: identity)\n")
    print("| | |\n|---|---|")
    print("\n".join(table(plain)))


if __name__ == "__main__":
    main()
