"""Small helpers for the GraphQL faces of the domains."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

from backend.core.ids import decode_id, encode_id


def gid(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(encode_id(type_name, pk))


def pk(type_name: str, global_id: strawberry.ID | str | None) -> int | None:
    """The primary key of an opaque id, or None (then the caller answers "not found")."""
    return decode_id(type_name, str(global_id)) if global_id is not None else None


def selects(info: Any, names: Iterable[str]) -> bool:
    """Whether the field being resolved selects any of `names` directly (through fragments
    too; a field under @skip/@include counts as selected): lets a resolver skip work nobody
    asked for, e.g. a list's totals."""
    raw = getattr(info, "_raw_info", info)
    wanted = set(names)
    fragments = raw.fragments
    stack: list[SelectionSetNode | None] = [node.selection_set for node in raw.field_nodes]
    seen: set[str] = set()
    while stack:
        selection_set = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.name.value in wanted:
                    return True
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in seen and name in fragments:
                    seen.add(name)
                    stack.append(fragments[name].selection_set)
    return False
