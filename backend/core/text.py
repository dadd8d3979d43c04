"""Text normalisation shared by search and validation."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"[^0-9]+")  # \D would keep "٥" and other non-ASCII digits


def search_key(text: str) -> str:
    """Lower case, no accents, single spaces: "João  da Conceição" -> "joao da conceicao"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text)


def clean(text: str | None) -> str | None:
    """Trimmed text with inner whitespace collapsed; empty becomes None."""
    if text is None:
        return None
    cleaned = _SPACES.sub(" ", text).strip()
    return cleaned or None
