"""schema.graphql is the live schema, and it keeps the public contract."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from backend.api.export import sdl

ROOT = Path(__file__).resolve().parent.parent
# A copy of ../shared/tools/contract_check.py and the contract, so CI needs nothing outside.
CONTRACT_DIR = ROOT / "tests" / "contract"
SHARED_CONTRACT = ROOT.parent / "shared" / "design" / "api-contract.graphql"

# Contract names that open issues still have to build. This list only shrinks.
NOT_YET_BUILT: set[str] = set()


def test_schema_file_matches_the_code() -> None:
    assert (ROOT / "schema.graphql").read_text() == sdl(), "run `make schema` and commit it"


def test_schema_keeps_the_contract() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(CONTRACT_DIR / "contract_check.py"),
            str(ROOT / "schema.graphql"),
            str(CONTRACT_DIR / "api-contract.graphql"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = set(result.stdout.splitlines()[:-1])
    assert problems - NOT_YET_BUILT == set(), "contract broken"
    assert NOT_YET_BUILT - problems == set(), "built: remove these from NOT_YET_BUILT"


def test_vendored_contract_is_current() -> None:
    if SHARED_CONTRACT.exists():  # beside the repository on a developer's machine
        assert (CONTRACT_DIR / "api-contract.graphql").read_text() == SHARED_CONTRACT.read_text()
