#!/usr/bin/env python3
"""Check that a GraphQL schema keeps every name of the public contract.

usage: contract_check.py SCHEMA.graphql [CONTRACT.graphql]

The contract (default: ../design/api-contract.graphql beside this file) lists types, fields,
arguments, enum values and input fields that partner apps rely on. The schema may add anything;
it may not drop or rename what the contract lists, nor change a type in a way that breaks a
client: an output field's type must be the same or stricter (non-null where the contract allows
null), an argument's or input field's type must be the same or looser, and no required argument
or input field may be added. Prints one line per problem and a last line
`contract: N names checked, M missing or incompatible`; exits 1 when M > 0. Needs graphql-core.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
    build_schema,
)
from graphql.pyutils import Undefined


def output_compatible(contract_t, schema_t) -> bool:
    """A client reading the field still works: same type, or stricter nullability."""
    if isinstance(contract_t, GraphQLNonNull):
        return isinstance(schema_t, GraphQLNonNull) and output_compatible(
            contract_t.of_type, schema_t.of_type
        )
    if isinstance(schema_t, GraphQLNonNull):
        schema_t = schema_t.of_type
    if hasattr(contract_t, "of_type"):  # list
        return (
            hasattr(schema_t, "of_type")
            and not isinstance(schema_t, GraphQLNonNull)
            and output_compatible(contract_t.of_type, schema_t.of_type)
        )
    return getattr(contract_t, "name", None) == getattr(schema_t, "name", None)


def input_compatible(contract_t, schema_t) -> bool:
    """A client sending the value still works: same type, or looser nullability."""
    if isinstance(schema_t, GraphQLNonNull):
        return isinstance(contract_t, GraphQLNonNull) and input_compatible(
            contract_t.of_type, schema_t.of_type
        )
    if isinstance(contract_t, GraphQLNonNull):
        contract_t = contract_t.of_type
    if hasattr(contract_t, "of_type"):
        return hasattr(schema_t, "of_type") and input_compatible(
            contract_t.of_type, schema_t.of_type
        )
    return getattr(contract_t, "name", None) == getattr(schema_t, "name", None)


def check(schema_sdl: str, contract_sdl: str) -> tuple[int, list[str]]:
    schema = build_schema(schema_sdl)
    contract = build_schema(contract_sdl)
    problems: list[str] = []
    checked = 0
    for name, ctype in contract.type_map.items():
        if name.startswith("__"):
            continue
        checked += 1
        stype = schema.type_map.get(name)
        if stype is None:
            problems.append(f"missing type {name}")
            continue
        if type(stype) is not type(ctype):
            problems.append(
                f"type {name} is a {type(stype).__name__}, contract says {type(ctype).__name__}"
            )
            continue
        if isinstance(ctype, (GraphQLObjectType, GraphQLInterfaceType)):
            for iface in getattr(ctype, "interfaces", []):
                checked += 1
                if iface.name not in {i.name for i in stype.interfaces}:
                    problems.append(f"{name} no longer implements {iface.name}")
            for fname, cfield in ctype.fields.items():
                checked += 1
                sfield = stype.fields.get(fname)
                if sfield is None:
                    problems.append(f"missing field {name}.{fname}")
                    continue
                if not output_compatible(cfield.type, sfield.type):
                    problems.append(
                        f"{name}.{fname}: type {sfield.type}, contract says {cfield.type}"
                    )
                for aname, carg in cfield.args.items():
                    checked += 1
                    sarg = sfield.args.get(aname)
                    if sarg is None:
                        problems.append(f"missing argument {name}.{fname}({aname})")
                    elif not input_compatible(carg.type, sarg.type):
                        problems.append(
                            f"{name}.{fname}({aname}): type {sarg.type}, contract says {carg.type}"
                        )
                for aname, sarg in sfield.args.items():
                    if (
                        aname not in cfield.args
                        and isinstance(sarg.type, GraphQLNonNull)
                        and sarg.default_value is Undefined
                    ):
                        problems.append(f"{name}.{fname}: new required argument {aname}")
        elif isinstance(ctype, GraphQLInputObjectType):
            for fname, cfield in ctype.fields.items():
                checked += 1
                sfield = stype.fields.get(fname)
                if sfield is None:
                    problems.append(f"missing input field {name}.{fname}")
                elif not input_compatible(cfield.type, sfield.type):
                    problems.append(
                        f"{name}.{fname}: type {sfield.type}, contract says {cfield.type}"
                    )
            for fname, sfield in stype.fields.items():
                if (
                    fname not in ctype.fields
                    and isinstance(sfield.type, GraphQLNonNull)
                    and sfield.default_value is Undefined
                ):
                    problems.append(f"{name}: new required input field {fname}")
        elif isinstance(ctype, GraphQLEnumType):
            for vname in ctype.values:
                checked += 1
                if vname not in stype.values:
                    problems.append(f"missing enum value {name}.{vname}")
        elif isinstance(ctype, GraphQLUnionType):
            for member in ctype.types:
                checked += 1
                if member.name not in {m.name for m in stype.types}:
                    problems.append(f"union {name} lost member {member.name}")
        elif isinstance(ctype, GraphQLScalarType):
            pass
    return checked, problems


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schema_path = Path(argv[1])
    contract_path = (
        Path(argv[2])
        if len(argv) == 3
        else Path(__file__).resolve().parent.parent / "design" / "api-contract.graphql"
    )
    checked, problems = check(schema_path.read_text(), contract_path.read_text())
    for p in problems:
        print(p)
    print(f"contract: {checked} names checked, {len(problems)} missing or incompatible")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
