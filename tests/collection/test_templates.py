"""E-mail templates through the API: a default written to CDC art. 42, CRUD, one default,
placeholders checked, reach."""

from __future__ import annotations

from backend.collection.templates import DEFAULT_BODY
from tests.support import ApiClient, gid, make_company

TEMPLATES = """
query { companies { id name emailTemplates { id name subject body isDefault } } }"""

CREATE = """
mutation($input: CreateEmailTemplateInput!) { createEmailTemplate(input: $input) {
  emailTemplate { id name isDefault } errors { field code message } } }"""

UPDATE = """
mutation($input: UpdateEmailTemplateInput!) { updateEmailTemplate(input: $input) {
  emailTemplate { id name isDefault } errors { field code message } } }"""

DELETE = """
mutation($input: DeleteEmailTemplateInput!) { deleteEmailTemplate(input: $input) {
  deletedId errors { field code message } } }"""

CREATE_COMPANY = """
mutation { createCompany(input: {name: "Nova Ltda"}) { company { id emailTemplates {
  name isDefault body } } } }"""


async def test_a_new_company_gets_a_respectful_default(admin_api: ApiClient) -> None:
    data = await admin_api.data(CREATE_COMPANY)
    templates = data["createCompany"]["company"]["emailTemplates"]
    assert len(templates) == 1
    assert templates[0]["isDefault"]
    assert templates[0]["body"] == DEFAULT_BODY
    # CDC art. 42: states the creditor and the amounts, no threat.
    for token in ("{{ empresa }}", "{{ cnpj_empresa }}", "{{ total_atualizado }}"):
        assert token in DEFAULT_BODY
    assert "protesto" not in DEFAULT_BODY.lower()
    assert "judicial" not in DEFAULT_BODY.lower()


async def test_create_update_default_and_delete(admin_api: ApiClient) -> None:
    company = await make_company()
    company_id = gid("Company", company.id)
    created = await admin_api.data(
        CREATE,
        {
            "input": {
                "companyId": company_id,
                "name": "Segundo aviso",
                "isDefault": True,
                "subject": "{{ empresa }}: segundo aviso",
                "body": "Olá {{ cliente }}.",
            }
        },
    )
    template = created["createEmailTemplate"]["emailTemplate"]
    assert template["isDefault"]
    assert created["createEmailTemplate"]["errors"] == []
    listed = await admin_api.data(TEMPLATES)
    mine = next(c for c in listed["companies"] if c["id"] == company_id)["emailTemplates"]
    assert [(t["name"], t["isDefault"]) for t in mine] == [
        ("Segundo aviso", True),
        ("Lembrete cordial (padrão)", False),
    ]
    # The default cannot be deleted, nor turned off without another.
    refused = await admin_api.data(DELETE, {"input": {"id": template["id"]}})
    assert refused["deleteEmailTemplate"]["errors"][0]["code"] == "DEFAULT_REQUIRED"
    off = await admin_api.data(UPDATE, {"input": {"id": template["id"], "isDefault": False}})
    assert off["updateEmailTemplate"]["errors"][0]["code"] == "DEFAULT_REQUIRED"
    other = mine[1]["id"]
    moved = await admin_api.data(UPDATE, {"input": {"id": other, "isDefault": True}})
    assert moved["updateEmailTemplate"]["emailTemplate"]["isDefault"]
    deleted = await admin_api.data(DELETE, {"input": {"id": template["id"]}})
    assert deleted["deleteEmailTemplate"] == {"deletedId": template["id"], "errors": []}


async def test_placeholders_are_checked(admin_api: ApiClient) -> None:
    company = await make_company()
    answer = await admin_api.data(
        CREATE,
        {
            "input": {
                "companyId": gid("Company", company.id),
                "name": "X",
                "subject": "{{ tabela_lancamentos }}",
                "body": "{{ senha }}",
            }
        },
    )
    codes = {(".".join(e["field"]), e["code"]) for e in answer["createEmailTemplate"]["errors"]}
    assert codes == {
        ("input.subject", "INVALID_PLACEHOLDER"),
        ("input.body", "UNKNOWN_PLACEHOLDER"),
    }


async def test_out_of_reach_answers_as_missing(admin_api: ApiClient, http: object) -> None:
    mine, theirs = await make_company(), await make_company()
    restricted = await ApiClient.with_token(admin_api.http, companies=[mine])
    answer = await restricted.data(
        CREATE,
        {
            "input": {
                "companyId": gid("Company", theirs.id),
                "name": "X",
                "subject": "S",
                "body": "B",
            }
        },
    )
    assert answer["createEmailTemplate"]["errors"][0]["code"] == "NOT_FOUND"
    listed = await admin_api.data(TEMPLATES)
    theirs_template = next(c for c in listed["companies"] if c["id"] == gid("Company", theirs.id))[
        "emailTemplates"
    ][0]["id"]
    for query, variables in (
        (UPDATE, {"input": {"id": theirs_template, "name": "Y"}}),
        (DELETE, {"input": {"id": theirs_template}}),
    ):
        answer = await restricted.data(query, variables)
        (payload,) = answer.values()
        assert payload["errors"][0]["code"] == "NOT_FOUND"


SAVE_STEPS = """
mutation($input: SaveCollectionStepsInput!) { saveCollectionSteps(input: $input) {
  steps { days enabled minimumOpenAmount template { name } } errors { field code message } } }"""

STEPS = "query { companies { id collectionSteps { days enabled templateId } } }"


async def test_save_collection_steps_as_a_whole(admin_api: ApiClient) -> None:
    company = await make_company()
    company_id = gid("Company", company.id)
    listed = await admin_api.data(TEMPLATES)
    template = next(c for c in listed["companies"] if c["id"] == company_id)["emailTemplates"][0]
    steps = [
        {"days": 10, "templateId": template["id"], "minimumOpenAmount": "50.00"},
        {"days": -3, "templateId": template["id"], "enabled": False},
        {"days": 0, "templateId": template["id"]},
    ]
    saved = await admin_api.data(SAVE_STEPS, {"input": {"companyId": company_id, "steps": steps}})
    payload = saved["saveCollectionSteps"]
    assert payload["errors"] == []
    assert [(s["days"], s["enabled"], s["minimumOpenAmount"]) for s in payload["steps"]] == [
        (-3, False, "0.00"),
        (0, True, "0.00"),
        (10, True, "50.00"),
    ]
    # A template in use cannot be deleted; the whole list is validated at once.
    other = await admin_api.data(
        CREATE,
        {
            "input": {
                "companyId": company_id,
                "name": "Outro",
                "subject": "S",
                "body": "B",
            }
        },
    )
    other_id = other["createEmailTemplate"]["emailTemplate"]["id"]
    again = [
        {"days": 3, "templateId": other_id},
        {"days": 3, "templateId": gid("EmailTemplate", 0)},
    ]
    refused = await admin_api.data(SAVE_STEPS, {"input": {"companyId": company_id, "steps": again}})
    codes = {e["code"] for e in refused["saveCollectionSteps"]["errors"]}
    assert codes == {"INVALID_STEPS", "NOT_FOUND"}
    unchanged = await admin_api.data(STEPS)
    mine = next(c for c in unchanged["companies"] if c["id"] == company_id)
    assert [s["days"] for s in mine["collectionSteps"]] == [-3, 0, 10]
    await admin_api.data(
        SAVE_STEPS,
        {"input": {"companyId": company_id, "steps": [{"days": 3, "templateId": other_id}]}},
    )
    in_use = await admin_api.data(DELETE, {"input": {"id": other_id}})
    assert in_use["deleteEmailTemplate"]["errors"][0]["code"] == "IN_USE"
