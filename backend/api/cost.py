"""The query's depth and cost limits. The cost: how many fields an operation may make the
server resolve, refused before anything runs.

Depth and alias limits alone let `debtors(first: 100) { … entries(first: 100) { … } }` through:
each nested page multiplies the work. So every field costs one resolution per time it can be
reached, and a list field is reached as many times as its page allows: `first` (its value, a
variable's, or the argument's default) on a connection sizes the lists inside it (`edges`); a
plain list (a debtor's contacts) counts as LIST_ESTIMATE items. Introspection is free: its size
is the schema's, not the data's.

Worked example: `debtors(first: 25) { totalCount edges { node { name entries(first: 20) {
edges { node { amount } } } } } }` costs 1 (debtors) + 1 (totalCount) + 25 × (1 edge + 1 node
+ 1 name + 1 entries + 20 × (1 edge + 1 node + 1 amount)) = 1602.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    value_from_ast,
    value_from_ast_untyped,
)
from graphql.type.definition import GraphQLInterfaceType, GraphQLNamedType, GraphQLOutputType
from strawberry.extensions import SchemaExtension

# Measured on the dashboard (tests/api/test_query_limits.py): its costliest screen, Lançamentos
# with a page of 50, costs ~7,600 (~15,300 with pages of 100); two nested connections of 100
# cost 20,000 and more.
MAX_COST = 20_000
# The dashboard's deepest operation is 5 levels (DebtorDetail, DebtorEntries); 3 more to spare.
MAX_DEPTH = 8
LIST_ESTIMATE = 10
UNKNOWN_PAGE = 100  # `first: null`: the largest page a connection gives


class _Costing:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def fields(
        self, selection_set: SelectionSetNode, parent: GraphQLNamedType, seen: frozenset[str]
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType]]:
        """The fields selected, fragments expanded, each with the type it is selected on."""
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                on = parent
                if selection.type_condition is not None:
                    on = self.schema.get_type(selection.type_condition.name.value) or parent
                yield from self.fields(selection.selection_set, on, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:  # validation has refused cycles already
                    continue
                on = self.schema.get_type(fragment.type_condition.name.value) or parent
                yield from self.fields(fragment.selection_set, on, seen | {name})

    def page_size(self, field: FieldNode, definition: Any) -> int | None:
        """The `first` of a connection field, None for a field that takes no `first`."""
        argument = definition.args.get("first")
        if argument is None:
            return None
        value = argument.default_value
        for node in field.arguments or ():
            if node.name.value != "first":
                continue
            if isinstance(node.value, VariableNode) and node.value.name.value not in self.variables:
                break  # an unset variable leaves the argument's default
            value = value_from_ast(node.value, argument.type, self.variables)
        return UNKNOWN_PAGE if not isinstance(value, int) else max(value, 0)

    def cost(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        times: int,
        page: int | None,
    ) -> int:
        total = 0
        for field, on in self.fields(selection_set, parent, frozenset()):
            name = field.name.value
            if name.startswith("__"):
                continue
            if not isinstance(on, (GraphQLObjectType, GraphQLInterfaceType)):
                continue
            definition = on.fields.get(name)
            if definition is None:
                continue
            reached = times
            if _is_list(definition.type):
                reached *= page if page is not None else LIST_ESTIMATE
            total += reached
            if field.selection_set is not None:
                total += self.cost(
                    field.selection_set,
                    get_named_type(definition.type),
                    reached,
                    self.page_size(field, definition),
                )
        return total


def _is_list(type_: GraphQLOutputType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: dict[str, Any] | None,
) -> int:
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    if root is None:
        return 0
    values = dict(variables or {})
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if values.get(name) is None and definition.default_value is not None:
            values[name] = value_from_ast_untyped(definition.default_value)
    costing = _Costing(schema, fragments, values)
    return costing.cost(operation.selection_set, root, 1, None)


class QueryCostLimiter(SchemaExtension):
    """Refuses, before execution, an operation that costs more than MAX_COST."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None and ctx.result is None:
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            operations = [
                d
                for d in document.definitions
                if isinstance(d, OperationDefinitionNode)
                and (
                    ctx.operation_name is None
                    or getattr(d.name, "value", None) == ctx.operation_name
                )
            ]
            if len(operations) == 1:
                cost = operation_cost(ctx.schema._schema, operations[0], fragments, ctx.variables)
                if cost > MAX_COST:
                    ctx.result = ExecutionResult(
                        data=None,
                        errors=[
                            GraphQLError(
                                f"Consulta cara demais: custo estimado {cost}, o limite é "
                                f"{MAX_COST}. Peça páginas menores (first) ou menos listas "
                                "aninhadas.",
                                extensions={
                                    "code": "QUERY_TOO_COSTLY",
                                    "cost": cost,
                                    "maxCost": MAX_COST,
                                },
                            )
                        ],
                    )
        yield
