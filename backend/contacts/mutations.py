from __future__ import annotations

import strawberry

from backend.contacts import services
from backend.contacts.types import Contact
from backend.core.context import Info
from backend.core.gql import gid, pk
from backend.core.payloads import UserError, run_mutation


@strawberry.input
class AddContactInput:
    debtor_id: strawberry.ID
    name: str
    department: str | None = None
    role: str | None = strawberry.field(default=None, description="Cargo.")
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None


@strawberry.input(description='Change a contact: omitted fields stay, "" clears an optional one.')
class UpdateContactInput:
    id: strawberry.ID
    name: str | None = None
    department: str | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None


@strawberry.input
class RemoveContactInput:
    id: strawberry.ID


@strawberry.type
class AddContactPayload:
    contact: Contact | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class UpdateContactPayload:
    contact: Contact | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class RemoveContactPayload:
    removed_contact_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


def _data(input: AddContactInput | UpdateContactInput) -> services.ContactData:
    return services.ContactData(
        name=input.name,
        department=input.department,
        role=input.role,
        email=input.email,
        phone=input.phone,
        mobile=input.mobile,
    )


@strawberry.type
class ContactMutations:
    @strawberry.mutation(description="Add a contact to a debtor (Adicionar Contato).")
    async def add_contact(self, info: Info, input: AddContactInput) -> AddContactPayload:
        async def action() -> AddContactPayload:
            contact = await services.add_contact(
                principal=info.context.principal,
                debtor_id=pk("Debtor", input.debtor_id),
                data=_data(input),
            )
            return AddContactPayload(contact=Contact(model=contact))

        return await run_mutation(action, lambda errors: AddContactPayload(errors=errors))

    @strawberry.mutation(description="Change a contact's data.")
    async def update_contact(self, info: Info, input: UpdateContactInput) -> UpdateContactPayload:
        async def action() -> UpdateContactPayload:
            contact = await services.update_contact(
                principal=info.context.principal,
                contact_id=pk("Contact", input.id),
                data=_data(input),
            )
            return UpdateContactPayload(contact=Contact(model=contact))

        return await run_mutation(action, lambda errors: UpdateContactPayload(errors=errors))

    @strawberry.mutation(description="Remove a contact.")
    async def remove_contact(self, info: Info, input: RemoveContactInput) -> RemoveContactPayload:
        async def action() -> RemoveContactPayload:
            contact = await services.remove_contact(
                principal=info.context.principal, contact_id=pk("Contact", input.id)
            )
            return RemoveContactPayload(removed_contact_id=gid("Contact", contact.id))

        return await run_mutation(action, lambda errors: RemoveContactPayload(errors=errors))
