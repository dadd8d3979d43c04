"""Print the schema SDL: `python -m backend.api.export > schema.graphql` (make schema)."""

from __future__ import annotations

from backend.api.schema import schema


def sdl() -> str:
    return schema.as_str() + "\n"


if __name__ == "__main__":
    print(sdl(), end="")
