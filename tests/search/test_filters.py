"""The search box and the SQL helpers that escape it (pure functions)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.search.filters import parse_search
from backend.search.sql import like_pattern, prefix_bounds


@pytest.mark.parametrize(
    ("typed", "terms", "document"),
    [
        ("João da Conceição", ("joao", "da", "conceicao"), None),
        ("  JOÃO   joão ", ("joao",), None),
        ("conceicao", ("conceicao",), None),
        ("529.982.247-25", (), "52998224725"),
        ("11.222.333/0001-81", (), "11222333000181"),
        (" 1234 ", (), "1234"),
        ("Padaria 2000", ("padaria", "2000"), None),
        # One word of letters and digits: an alphanumeric CNPJ (IN RFB 2.229/2024) or a name.
        ("12.ABC.345/01DE-35", ("12.abc.345/01de-35",), "12ABC34501DE35"),
        ("12abc", ("12abc",), "12ABC"),
        ("R2D2", ("r2d2",), "R2D2"),
        ("12.ABC.345/01DE-35-9999", ("12.abc.345/01de-35-9999",), None),  # longer than a CNPJ
        ("abc", ("abc",), None),
        ("...", ("...",), None),
        ("٥٢٩", ("٥٢٩",), None),  # Arabic-Indic digits are not a CPF: a name term
        ("", (), None),
        ("   ", (), None),
        (None, (), None),
    ],
)
def test_parse_search(typed: str | None, terms: tuple[str, ...], document: str | None) -> None:
    assert parse_search(typed) == (terms, document)


def test_parse_search_keeps_at_most_eight_terms() -> None:
    terms, _ = parse_search(" ".join(f"t{i}x" for i in range(20)))
    assert len(terms) == 8


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("joao") == "%joao%"
    assert like_pattern("100%") == "%100\\%%"
    assert like_pattern("a_b\\c") == "%a\\_b\\\\c%"


def test_prefix_bounds_examples() -> None:
    assert prefix_bounds("529") == ("529", "52A")
    # "13" would also take in 12ABC..., since digits sort before letters.
    assert prefix_bounds("1299") == ("1299", "129A")
    assert prefix_bounds("12AZ") == ("12AZ", "12B")
    assert prefix_bounds("ZZZ") == ("ZZZ", None)


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@given(prefix=st.text(ALPHABET, min_size=1, max_size=14), other=st.text(ALPHABET, max_size=14))
def test_prefix_bounds_select_exactly_the_documents_with_the_prefix(
    prefix: str, other: str
) -> None:
    low, high = prefix_bounds(prefix)
    for document in (prefix + other, other):
        inside = low <= document and (high is None or document < high)
        assert inside == document.startswith(prefix)
