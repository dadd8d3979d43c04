"""Level-at-a-time execution of queries: each selection runs once over every object of its level.

graphql-core completes a page of 25 debtors × 20 entries one value at a time: for each of the
500 entries and each of its fields a path, a resolve info, a dispatch on the return type and,
for an async field, a task of its own. Here the executor's unit is a level: the 500 entries of
a page are one list, each field of their selection is one step over that list (a leaf is one
comprehension of `coerce(getter(entry))`), each field's resolve info and arguments are built
once per level, and the async resolvers of a level are driven together inside the request's
own task (`_drive`): they still reach their DataLoaders in the same round, so a level is still
one statement per loader, but no task is created per field.

This is the happy path only. Anything out of it — a resolver raising, a null in a non-null
position, a value its scalar cannot represent, `@defer`/`@stream`, a middleware, an
unexpected awaitable — raises `Fallback`, and the whole operation runs again through
graphql-core's executor, which reports the error exactly as it always has (queries only:
mutations never come here, so running again reads twice and writes nothing).
tests/api/test_compiled.py runs every dashboard operation and a sample of partner queries
through both and compares the answers.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLAbstractType,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    is_abstract_type,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetails, GroupedFieldSet
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, Undefined

if TYPE_CHECKING:
    from backend.api.fastpath import Leaf, PlainLeavesExecutionContext

logger = logging.getLogger("cobrancas.graphql")

FieldDetailsList = list[FieldDetails]


class Fallback(Exception):
    """The operation left the happy path: graphql-core's executor runs it instead."""


class Counters:
    """How many operations each path answered (read by the tests and the benchmark)."""

    compiled = 0
    fallback = 0


async def _awaited(value: Awaitable[Any]) -> Any:
    return await value


async def _drive(awaitables: list[Any]) -> list[Any]:
    """Awaits every awaitable of a level inside the current task: a small scheduler.

    Each coroutine is stepped until it waits on a future (a DataLoader's, usually) or finishes;
    when none can be stepped, the task waits until one of the awaited futures is done, and the
    coroutines whose futures are done are stepped again. Every coroutine of a level has asked
    its loader before any future is awaited, so the loaders batch the whole level, as they do
    under asyncio.gather, without a task per coroutine; and a coroutine waiting on another
    (a connection, SQLite's lock) is never waited on first. An exception from one of them is
    a `Fallback` (the generic executor locates and reports it)."""
    results: list[Any] = [None] * len(awaitables)
    # Each coroutine in its own copy of the context, as a task would have: a resolver that
    # opens a transaction (a context variable in Tortoise) keeps it to itself.
    contexts = [contextvars.copy_context() for _ in awaitables]
    ready: list[tuple[int, Coroutine[Any, Any, Any]]] = [
        (i, a if asyncio.iscoroutine(a) else _awaited(a)) for i, a in enumerate(awaitables)
    ]
    blocked: list[tuple[int, Coroutine[Any, Any, Any], asyncio.Future[Any]]] = []
    stepped: list[tuple[int, Coroutine[Any, Any, Any]]] = []
    try:
        while ready or blocked:
            stepped, ready = ready, []
            for index, coroutine in stepped:
                try:
                    future = contexts[index].run(coroutine.send, None)
                except StopIteration as stop:
                    results[index] = stop.value
                    continue
                except Exception as exc:
                    raise Fallback from exc
                if future is None:  # a bare yield (asyncio.sleep(0)): step it again
                    ready.append((index, coroutine))
                elif isinstance(future, asyncio.Future):
                    future._asyncio_future_blocking = False
                    blocked.append((index, coroutine, future))
                else:  # another event loop's protocol: not ours to drive
                    ready.append((index, coroutine))
                    raise Fallback
            if ready or not blocked:
                continue
            if not any(future.done() for _, _, future in blocked):
                # Wait without raising: each coroutine gets its future's outcome when stepped.
                await asyncio.wait(
                    {future for _, _, future in blocked}, return_when=asyncio.FIRST_COMPLETED
                )
            still = []
            for index, coroutine, future in blocked:
                if future.done():
                    ready.append((index, coroutine))
                else:
                    still.append((index, coroutine, future))
            blocked = still
    except BaseException:
        for _, coroutine in [*stepped, *ready]:  # closing a finished one does nothing
            coroutine.close()
        for _, coroutine, _ in blocked:
            coroutine.close()
        raise
    return results


class LevelExecutor:
    """One query's execution, a level at a time (see the module's docstring)."""

    def __init__(self, context: PlainLeavesExecutionContext, leaves: dict[str, dict[str, Leaf]]):
        self.context = context
        self.schema = context.schema
        self.leaves = leaves
        self.is_awaitable: Callable[[Any], bool] = context.is_awaitable

    async def run(
        self, root_type: GraphQLObjectType, root_value: Any, grouped_field_set: GroupedFieldSet
    ) -> dict[str, Any]:
        [data] = await self.objects(root_type, [root_value], grouped_field_set)
        return data

    async def objects(
        self, parent_type: GraphQLObjectType, sources: list[Any], grouped: GroupedFieldSet
    ) -> list[dict[str, Any]]:
        """Every field of the selection over every source; the answers in selection order
        (each answer's keys are laid out first: the leaves are filled before the objects)."""
        keys = dict.fromkeys(grouped)
        results: list[dict[str, Any]] = [keys.copy() for _ in sources]
        leaves = self.leaves.get(parent_type.name, {})
        resolved: list[tuple[str, Any, FieldDetailsList, GraphQLResolveInfo[Any], list[Any]]] = []
        awaitables: list[Any] = []
        slots: list[tuple[list[Any], int]] = []
        for key, details in grouped.items():
            node = details[0].node
            leaf = leaves.get(node.name.value)
            if leaf is not None and not node.arguments and not node.directives:
                self._leaf(leaf, key, sources, results)
                continue
            field_def = self.schema.get_field(parent_type, node.name.value)
            if field_def is None:
                raise Fallback
            resolve = field_def.resolve or self.context.field_resolver
            info = self.context.build_resolve_info(
                field_def, [d.node for d in details], parent_type, Path(None, key, None)
            )
            try:
                args = (
                    get_argument_values(
                        field_def,
                        node,
                        self.context.variable_values,
                        details[0].fragment_variable_values,
                        self.context.hide_suggestions,
                    )
                    if field_def.args or node.arguments
                    else {}
                )
                values = [resolve(source, info, **args) for source in sources]
            except Exception as exc:
                raise Fallback from exc
            for index, value in enumerate(values):
                if self.is_awaitable(value):
                    awaitables.append(value)
                    slots.append((values, index))
            resolved.append((key, field_def.type, details, info, values))
        if awaitables:
            for (values, index), value in zip(slots, await _drive(awaitables), strict=True):
                values[index] = value
        for key, return_type, details, info, values in resolved:
            completed = await self.complete(return_type, details, info, values)
            for result, value in zip(results, completed, strict=True):
                result[key] = value
        return results

    @staticmethod
    def _leaf(leaf: Leaf, key: str, sources: list[Any], results: list[dict[str, Any]]) -> None:
        getter, leaf_type, non_null = leaf
        coerce = leaf_type.coerce_output_value
        try:
            for source, result in zip(sources, results, strict=True):
                value = getter(source)
                if value is None:
                    if non_null:
                        raise Fallback
                    result[key] = None
                    continue
                coerced = coerce(value)
                if coerced is None or coerced is Undefined:
                    raise Fallback
                result[key] = coerced
        except Fallback:
            raise
        except Exception as exc:
            raise Fallback from exc

    async def complete(
        self,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        values: list[Any],
    ) -> list[Any]:
        """graphql-core's complete_value, over a whole level's values at once."""
        if isinstance(return_type, GraphQLNonNull):
            completed = await self.complete(return_type.of_type, details, info, values)
            if any(value is None for value in completed):
                raise Fallback
            return completed
        present = [i for i, value in enumerate(values) if value is not None]
        out: list[Any] = [None] * len(values)
        if not present:
            return out
        if any(isinstance(values[i], Exception) or values[i] is Undefined for i in present):
            raise Fallback
        if isinstance(return_type, GraphQLList):
            lists: list[list[Any]] = []
            flat: list[Any] = []
            for i in present:
                items = values[i]
                if isinstance(items, str | bytes | dict) or not hasattr(items, "__iter__"):
                    raise Fallback  # graphql-core's "Expected Iterable" error
                listed = list(items)
                lists.append(listed)
                flat.extend(listed)
            if any(self.is_awaitable(item) for item in flat):
                raise Fallback
            items_done = iter(await self.complete(return_type.of_type, details, info, flat))
            for i, listed in zip(present, lists, strict=True):
                out[i] = [next(items_done) for _ in listed]
            return out
        if is_leaf_type(return_type):
            coerce = return_type.coerce_output_value
            try:
                for i in present:
                    coerced = coerce(values[i])
                    if coerced is None or coerced is Undefined:
                        raise Fallback
                    out[i] = coerced
            except Fallback:
                raise
            except Exception as exc:
                raise Fallback from exc
            return out
        if is_abstract_type(return_type):
            by_type: dict[str, list[int]] = {}
            for i in present:
                by_type.setdefault(self._runtime_type(return_type, info, values[i]), []).append(i)
            for type_name, indices in by_type.items():
                object_type = self.schema.get_type(type_name)
                assert isinstance(object_type, GraphQLObjectType)
                done = await self._objects_of(
                    object_type, details, info, [values[i] for i in indices]
                )
                for i, value in zip(indices, done, strict=True):
                    out[i] = value
            return out
        if is_object_type(return_type):
            assert isinstance(return_type, GraphQLObjectType)
            done = await self._objects_of(return_type, details, info, [values[i] for i in present])
            for i, value in zip(present, done, strict=True):
                out[i] = value
            return out
        raise Fallback  # pragma: no cover - every output type is one of the above

    def _runtime_type(self, return_type: Any, info: GraphQLResolveInfo[Any], value: Any) -> str:
        abstract: GraphQLAbstractType = return_type
        resolve_type = abstract.resolve_type or self.context.type_resolver
        try:
            name = resolve_type(value, info, abstract)
        except Exception as exc:
            raise Fallback from exc
        if not isinstance(name, str):
            raise Fallback  # None, or an awaitable: graphql-core's path
        runtime = self.schema.get_type(name)
        if not isinstance(runtime, GraphQLObjectType) or not self.schema.is_sub_type(
            abstract, runtime
        ):
            raise Fallback
        return name

    async def _objects_of(
        self,
        object_type: GraphQLObjectType,
        details: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        values: list[Any],
    ) -> list[dict[str, Any]]:
        if object_type.is_type_of is not None:
            try:
                checks = [object_type.is_type_of(value, info) for value in values]
            except Exception as exc:
                raise Fallback from exc
            if not all(check is True for check in checks):
                raise Fallback  # False, or an awaitable
        try:
            grouped, new_defer_usages, _forbidden = self.context.collect_subfields(
                object_type, details
            )
        except GraphQLError as exc:
            raise Fallback from exc
        if new_defer_usages:
            raise Fallback
        return await self.objects(object_type, values, grouped)


async def execute(
    context: PlainLeavesExecutionContext,
    leaves: dict[str, dict[str, Leaf]],
    root_type: GraphQLObjectType,
    root_value: Any,
    grouped_field_set: GroupedFieldSet,
) -> dict[str, Any]:
    """The root selection's answer; raises Fallback off the happy path."""
    return await LevelExecutor(context, leaves).run(root_type, root_value, grouped_field_set)
