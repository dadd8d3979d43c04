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

import operator
from collections.abc import Callable
from typing import Any, cast

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    OperationType,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from backend.api import compiled

Resolver = Callable[[Any, GraphQLResolveInfo[Any]], Any]
Getter = Callable[[Any], Any]


def _plain_getter(field: StrawberryField) -> Getter | None:
    """The method of a plain field (see the module's docstring), called with the parent."""
    resolver = field.base_resolver
    if resolver is None or field.extensions or field.permission_classes:
        return None
    if resolver.is_async or resolver.arguments or not resolver.self_parameter:
        return None
    if resolver.info_parameter or resolver.root_parameter or resolver.parent_parameter:
        return None
    func = resolver.wrapped_func
    return func if callable(func) else None


def _plain(field: StrawberryField) -> Resolver | None:
    func = _plain_getter(field)
    if func is None:
        return None

    def resolve(source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
        return func(source)

    return resolve


def install(schema: GraphQLSchema, default_resolver: Any = getattr) -> int:
    """Replaces the resolvers of the plain fields of every object type, and records the leaves
    PlainLeavesExecutionContext completes in place; returns how many resolvers it replaced.
    (The schema must have no exception handlers: the plain call would skip them.)"""
    replaced = 0
    leaves: dict[str, dict[str, Leaf]] = {}
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        if named is schema.subscription_type:  # its root fields stream: Strawberry's path
            continue
        for name, graphql_field in named.fields.items():
            definition = (graphql_field.extensions or {}).get(
                GraphQLCoreConverter.DEFINITION_BACKREF
            )
            if not isinstance(definition, StrawberryField):
                continue
            fast = _plain(definition)
            if fast is not None:
                graphql_field.resolve = fast
                replaced += 1
            getter = _plain_getter(definition) or _attribute(definition, default_resolver)
            leaf = _leaf(graphql_field, getter)
            if leaf is not None:
                leaves.setdefault(named.name, {})[name] = leaf
    setattr(schema, LEAVES, leaves)
    return replaced


# --- leaves completed in place --------------------------------------------------------------
#
# Even with the plain resolver, graphql-core spends most of a big page's time around each leaf:
# a Path, a ResolveInfo (Strawberry's subclass), the awaitable checks and complete_value's type
# dispatch, for a field whose answer is `type.coerce_output_value(getter(source))`. A field whose
# resolver is plain (above) or Strawberry's default attribute read, and whose type is a scalar or
# an enum (nullable or not), is answered in `execute_fields` itself by exactly that call. Anything
# unusual — the getter raises, a non-null field is None, the coercion fails or returns nothing —
# goes to graphql-core's own `execute_field`, which calls the resolver again and reports the
# error as it always does (the getters read attributes: calling one twice changes nothing).

Leaf = tuple[Getter, GraphQLScalarType | GraphQLEnumType, bool]  # getter, type, non-null
LEAVES = "cobrancas_plain_leaves"  # the GraphQLSchema attribute: {type name: {field: Leaf}}


def _leaf(graphql_field: GraphQLField, getter: Getter | None) -> Leaf | None:
    if getter is None:
        return None
    of, non_null = graphql_field.type, False
    if isinstance(of, GraphQLNonNull):
        of, non_null = of.of_type, True
    if not isinstance(of, GraphQLScalarType | GraphQLEnumType):
        return None
    return getter, of, non_null


def _attribute(field: StrawberryField, default_resolver: Any) -> Getter | None:
    """Strawberry's basic field (no resolver, no extension): `getattr(source, python_name)`."""
    if not field.is_basic_field or field.permission_classes or default_resolver is not getattr:
        return None
    return operator.attrgetter(field.python_name)


class PlainLeavesExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context: a query runs a level at a time (api/compiled.py), and
    falls back to graphql-core's executor, whose plain leaves are completed in
    `execute_fields`."""

    def execute_root_grouped_field_set(
        self,
        root_type: GraphQLObjectType,
        root_value: Any,
        grouped_field_set: GroupedFieldSet,
        serially: bool,
        position_context: Any,
    ) -> Any:
        manager = self.middleware_manager
        leaves: dict[str, dict[str, Leaf]] | None = getattr(self.schema, LEAVES, None)
        if (
            serially
            or leaves is None
            or self.operation.operation is not OperationType.QUERY
            or (manager is not None and manager.middlewares)
        ):
            return super().execute_root_grouped_field_set(
                root_type, root_value, grouped_field_set, serially, position_context
            )

        async def level_at_a_time() -> dict[str, Any]:
            try:
                data = await compiled.execute(
                    self, leaves, root_type, root_value, grouped_field_set
                )
            except compiled.Fallback as fallback:
                compiled.Counters.fallback += 1
                compiled.logger.debug("generic executor", exc_info=fallback)
            else:
                compiled.Counters.compiled += 1
                return data
            generic = super(PlainLeavesExecutionContext, self).execute_root_grouped_field_set(
                root_type, root_value, grouped_field_set, serially, position_context
            )
            answer = await generic if self.is_awaitable(generic) else generic
            return cast("dict[str, Any]", answer)

        return level_at_a_time()

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> Any:
        leaves: dict[str, Leaf] | None = getattr(self.schema, LEAVES, {}).get(parent_type.name)
        manager = self.middleware_manager  # Strawberry always passes one, often empty
        if not leaves or (manager is not None and manager.middlewares):
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        # graphql-core 3.3's execute_fields, with the leaf case first.
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, field_details_list in grouped_field_set.items():
                leaf = leaves.get(field_details_list[0].node.name.value)
                if leaf is not None:
                    getter, leaf_type, non_null = leaf
                    try:
                        value = getter(source_value)
                        if value is None:
                            if not non_null:
                                results[response_name] = None
                                continue
                        else:
                            coerced = leaf_type.coerce_output_value(value)
                            if coerced is not None and coerced is not Undefined:
                                results[response_name] = coerced
                                continue
                    except Exception:  # noqa: S110 - the generic path reports it
                        pass
                field_path = Path(path, response_name, parent_type.name)
                result = self.execute_field(
                    parent_type, source_value, field_details_list, field_path, position_context
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                field = awaitable_fields[0]
                results[field] = await results[field]
            else:
                awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()
