"""GraphQL over HTTP: the conformance audit of the npm package graphql-http (`auditServer`)
against the real server, as a partner app calls it (a bearer token): every MUST passes and
no audit warns."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from tests.e2e.conftest import ROOT, Server

AUDIT = ROOT / "frontend" / "scripts" / "graphql-http-audit.mjs"
NODE = shutil.which("node") or "node"


def _token(server: Server) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "backend.cli", "create-token", "--name", "auditoria"],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": server.database_url},
        check=True,
        timeout=120,
        cwd=ROOT,
    )
    return result.stdout.strip().splitlines()[-1]


def test_graphql_http_audit_passes(server: Server) -> None:
    result = subprocess.run(
        [NODE, str(AUDIT), f"{server.url}/graphql", _token(server)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=ROOT / "frontend",
    )
    assert result.returncode == 0, result.stderr
    audits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(audits) >= 60
    not_ok = [a for a in audits if a["status"] != "ok"]
    assert not_ok == []
    media = next(a for a in audits if a["id"] == "22EB")  # graphql-response+json, today a SHOULD
    assert media["status"] == "ok"
