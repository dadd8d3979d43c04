"""Request limits: too deep, too many aliases, too many tokens answer a clear top-level error."""

from __future__ import annotations

from tests.support import ApiClient


async def test_query_depth_is_limited(admin_api: ApiClient) -> None:
    inner = "id"
    for _ in range(8):
        inner = f"debtor {{ entries {{ edges {{ node {{ {inner} }} }} }} }}"
    body = await admin_api.execute(f'{{ entry(id: "x") {{ {inner} }} }}')
    assert body["data"] is None
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


async def test_aliases_are_limited(admin_api: ApiClient) -> None:
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(31))
    body = await admin_api.execute(f"{{ {aliases} }}")
    assert "aliases" in body["errors"][0]["message"]
    ok = " ".join(f"a{i}: me {{ id }}" for i in range(30))
    assert "errors" not in await admin_api.execute(f"{{ {ok} }}")


async def test_tokens_are_limited(admin_api: ApiClient) -> None:
    fields = " ".join("__typename" for _ in range(4001))
    body = await admin_api.execute(f"{{ {fields} }}")
    assert body["errors"]


async def test_mutations_over_get_are_refused(admin_api: ApiClient) -> None:
    response = await admin_api.http.get(
        "/graphql",
        params={"query": 'mutation { createDebtor(input: {name: "x"}) { errors { code } } }'},
        headers=admin_api.headers,
    )
    assert response.status_code == 400  # Strawberry refuses mutations over GET
    query = await admin_api.http.get(
        "/graphql", params={"query": "{ companies { id } }"}, headers=admin_api.headers
    )
    assert query.status_code == 200
