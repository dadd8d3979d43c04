"""Plain resolvers for the plain fields: no Strawberry wrapper on the hot path.

Strawberry runs every field that has a resolver method through a chain built for the general
case: an `Info` object, argument conversion, the field-extension reduce, exception handlers.
Most of our fields are `def code(self) -> str: return self.model.code` — a page of 25 debtors ×
20 entries resolves ~4,000 of them, and the chain cost more than the SQL. A field whose resolver
is synchronous, takes nothing but `self`, and has no argument, extension, permission or
exception handler gets graphql-core's resolver `func(source)` instead: the same call Strawberry
ends up making (it passes the parent object as `self`), without the rest. Async resolvers and
anything with arguments keep Strawberry's path. tests/api/test_fastpath.py runs the dashboard's
operations through both and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

Resolver = Callable[[Any, GraphQLResolveInfo[Any]], Any]


def _plain(field: StrawberryField) -> Resolver | None:
    resolver = field.base_resolver
    if resolver is None or field.extensions or field.permission_classes:
        return None
    if resolver.is_async or resolver.arguments or not resolver.self_parameter:
        return None
    if resolver.info_parameter or resolver.root_parameter or resolver.parent_parameter:
        return None
    func = resolver.wrapped_func
    if not callable(func):
        return None

    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return func(source)

    return resolve


def install(schema: GraphQLSchema) -> int:
    """Replaces the resolvers of the plain fields of every object type; returns how many.
    (The schema must have no exception handlers: the plain call would skip them.)"""
    replaced = 0
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        if named is schema.subscription_type:  # its root fields stream: Strawberry's path
            continue
        for graphql_field in named.fields.values():
            definition = (graphql_field.extensions or {}).get(
                GraphQLCoreConverter.DEFINITION_BACKREF
            )
            if not isinstance(definition, StrawberryField):
                continue
            fast = _plain(definition)
            if fast is not None:
                graphql_field.resolve = fast
                replaced += 1
    return replaced
