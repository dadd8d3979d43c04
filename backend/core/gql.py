"""Small helpers for the GraphQL faces of the domains."""

from __future__ import annotations

import strawberry

from backend.core.ids import decode_id, encode_id


def gid(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(encode_id(type_name, pk))


def pk(type_name: str, global_id: strawberry.ID | str | None) -> int | None:
    """The primary key of an opaque id, or None (then the caller answers "not found")."""
    return decode_id(type_name, str(global_id)) if global_id is not None else None
