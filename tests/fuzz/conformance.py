"""Does a GraphQL response stay inside the schema? The `data` of a response is checked against
the query that asked for it: every key is a selected field, every value has its field's type
(custom scalars in their documented format), and null only where the type allows it or where
an error of the response points."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    is_abstract_type,
)

_DECIMAL = re.compile(r"-?\d+\.\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}")


def _scalar_ok(name: str, value: Any) -> bool:
    if name in ("String", "ID"):
        return isinstance(value, str)
    if name == "Int":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "Float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "Boolean":
        return isinstance(value, bool)
    if not isinstance(value, str):
        return False
    if name == "Decimal":
        return _DECIMAL.fullmatch(value) is not None
    if name == "Time":
        return _TIME.fullmatch(value) is not None
    try:
        if name == "Date":
            dt.date.fromisoformat(value)
        elif name == "DateTime":
            return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
    return True


class Conformance:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, errors: list[Any]) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.operation = next(
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        )
        self.error_paths = [tuple(e.get("path") or ()) for e in errors if isinstance(e, dict)]
        self.problems: list[str] = []

    def check(self, data: Any) -> list[str]:
        root = (
            self.schema.mutation_type
            if self.operation.operation.value == "mutation"
            else self.schema.query_type
        )
        assert root is not None
        if data is not None:
            self._object(root, self.operation.selection_set, data, ())
        return self.problems

    def _errored(self, path: tuple[Any, ...]) -> bool:
        return any(p[: len(path)] == path or path[: len(p)] == p for p in self.error_paths if p)

    def _fields(
        self, parent: GraphQLObjectType, selection_set: SelectionSetNode
    ) -> list[tuple[FieldNode, bool]]:
        """The selected fields; the flag says they apply to this type for sure."""
        found: list[tuple[FieldNode, bool]] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                found.append((selection, True))
                continue
            if isinstance(selection, FragmentSpreadNode):
                fragment: Any = self.fragments[selection.name.value]
            else:
                assert isinstance(selection, InlineFragmentNode)
                fragment = selection
            condition = fragment.type_condition.name.value if fragment.type_condition else None
            applies = condition is None or condition == parent.name
            if condition is not None and not applies:
                possible = self.schema.get_type(condition)
                if possible is not None and is_abstract_type(possible):
                    applies = any(
                        t.name == parent.name
                        for t in self.schema.get_possible_types(possible)  # type: ignore[arg-type]
                    )
            if applies:
                found.extend(self._fields(parent, fragment.selection_set))
        return found

    def _object(
        self,
        type_: GraphQLObjectType,
        selection_set: SelectionSetNode,
        value: Any,
        path: tuple[Any, ...],
    ) -> None:
        if not isinstance(value, dict):
            self.problems.append(f"{'.'.join(map(str, path))}: {type_.name} não é objeto")
            return
        fields = self._fields(type_, selection_set)
        keys = {(f.alias or f.name).value for f, _ in fields}
        extra = set(value) - keys
        if extra:
            self.problems.append(f"{'.'.join(map(str, path))}: campos fora da consulta {extra}")
        for field, _sure in fields:
            key = (field.alias or field.name).value
            if key not in value:
                if not self._errored((*path, key)):
                    self.problems.append(f"{'.'.join(map(str, (*path, key)))}: ausente")
                continue
            if field.name.value == "__typename":
                if value[key] != type_.name:
                    self.problems.append(f"{key}: __typename {value[key]} != {type_.name}")
                continue
            definition = type_.fields.get(field.name.value)
            if definition is None:
                self.problems.append(f"{key}: campo desconhecido em {type_.name}")
                continue
            self._value(definition.type, field, value[key], (*path, key))

    def _value(
        self, type_: GraphQLOutputType, field: FieldNode, value: Any, path: tuple[Any, ...]
    ) -> None:
        where = ".".join(map(str, path))
        if isinstance(type_, GraphQLNonNull):
            if value is None:
                if not self._errored(path):
                    self.problems.append(f"{where}: null num campo não nulo")
                return
            type_ = type_.of_type
        if value is None:
            return
        if isinstance(type_, GraphQLList):
            if not isinstance(value, list):
                self.problems.append(f"{where}: não é lista")
                return
            for index, item in enumerate(value):
                self._value(type_.of_type, field, item, (*path, index))
            return
        if isinstance(type_, GraphQLScalarType):
            if not _scalar_ok(type_.name, value):
                self.problems.append(f"{where}: {value!r} não é {type_.name}")
        elif isinstance(type_, GraphQLEnumType):
            if value not in type_.values:
                self.problems.append(f"{where}: {value!r} fora do enum {type_.name}")
        elif isinstance(type_, GraphQLObjectType):
            assert field.selection_set is not None
            self._object(type_, field.selection_set, value, path)
        else:  # interface or union: the concrete type is named by __typename, else any
            assert field.selection_set is not None
            concrete = self._concrete(type_, value)
            if concrete is not None:
                self._object(concrete, field.selection_set, value, path)

    def _concrete(self, type_: Any, value: Any) -> GraphQLObjectType | None:
        if isinstance(value, dict) and isinstance(value.get("__typename"), str):
            found = self.schema.get_type(value["__typename"])
            return found if isinstance(found, GraphQLObjectType) else None
        possible = self.schema.get_possible_types(type_)
        return possible[0] if len(possible) == 1 else None
