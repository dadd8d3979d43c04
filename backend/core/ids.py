"""Opaque global IDs: base64url of "Type:pk". Clients pass back what they got.

A typed ID means an entry's id given where a debtor's is expected is simply "not found".
"""

from __future__ import annotations

import base64
import binascii


def encode_id(type_name: str, pk: int) -> str:
    raw = f"{type_name}:{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_id(type_name: str, global_id: str) -> int | None:
    """The primary key, or None when the id is malformed or of another type."""
    if not global_id or len(global_id) > 64:
        return None
    padded = global_id + "=" * (-len(global_id) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    prefix, _, pk = raw.partition(":")
    # isdigit() alone accepts "٧" (and int() reads it as 7): only ASCII digits make an id.
    if prefix != type_name or not (pk.isascii() and pk.isdigit()) or len(pk) > 18:
        return None
    # One spelling per object: "Debtor:01", a padded or otherwise re-encoded id is not an id.
    if encode_id(type_name, int(pk)) != global_id:
        return None
    return int(pk)
