from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry

from backend.core.address_types import Address
from backend.core.context import Info
from backend.core.enums import DebtorKind
from backend.core.gql import gid
from backend.core.reachable import Reachable
from backend.core.validation import format_document
from backend.debtors import models
from backend.debtors.loaders import external_id_loader, last_emailed_at_loader

if TYPE_CHECKING:
    from backend.appointments.types import Appointment
    from backend.collection.types import CollectionPause, PaymentPromise
    from backend.contacts.types import Contact
    from backend.entries.connections import FinancialEntryConnection, OverdueEntryConnection
    from backend.history.types import DebtorHistoryConnection
    from backend.mailing.types import SentEmailConnection
    from backend.search.types import Balance

DebtorKindEnum = strawberry.enum(DebtorKind, name="DebtorKind")


@strawberry.type(description="A customer or supplier who owes (Cliente / Fornecedor).")
class Debtor(Reachable):
    model: strawberry.Private[models.Debtor]

    @strawberry.field
    def id(self) -> strawberry.ID:
        return gid("Debtor", self.model.id)

    @strawberry.field
    def name(self) -> str:
        return self.model.name

    @strawberry.field
    def kind(self) -> DebtorKindEnum:  # type: ignore[valid-type]
        return self.model.kind

    @strawberry.field(
        description="CPF or CNPJ without punctuation: digits, or capital letters and digits in an "
        "alphanumeric CNPJ (IN RFB 2.229/2024)."
    )
    def document(self) -> str | None:
        return self.model.document

    @strawberry.field(
        description="CPF as 123.456.789-09, CNPJ as 12.345.678/0001-95 or 12.ABC.345/01DE-35."
    )
    def document_formatted(self) -> str | None:
        return format_document(self.model.document) if self.model.document else None

    @strawberry.field(
        description=(
            "The partner's own id for this debtor: the one its company (of the caller's) gave "
            "it, else the installation-wide one."
        )
    )
    async def external_id(self, info: Info) -> str | None:
        loader = external_id_loader(info.context)
        return await loader.load(self.model.id) or self.model.external_id

    @strawberry.field(
        description="When one of the caller's companies last queued a collection e-mail to it."
    )
    async def last_emailed_at(self, info: Info) -> dt.datetime | None:
        return await last_emailed_at_loader(info.context).load(self.model.id)

    @strawberry.field(description="Collection e-mails from the caller's companies, newest first.")
    async def sent_emails(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Annotated[SentEmailConnection, strawberry.lazy("backend.mailing.types")]:
        from backend.mailing.queries import debtor_sent_emails

        return await debtor_sent_emails(info, self.model.id, first, after)

    @strawberry.field(description="Open balance of every overdue entry in the caller's companies.")
    async def overdue_balance(
        self, info: Info
    ) -> Annotated[Balance, strawberry.lazy("backend.search.types")]:
        from backend.search.types import overdue_balance

        return await overdue_balance(info, self.model.id)

    @strawberry.field(description="Endereço do Cliente.")
    def address(self) -> Address:
        return Address.of(self.model)

    # Débitos do Cliente and Lançamentos Financeiros (backend.entries, contacts, appointments):
    # resolved in those domains, imported when called since they import this module.
    @strawberry.field(description="Overdue entries with charges as of today, oldest due first.")
    async def overdue_entries(
        self,
        info: Info,
        company_id: strawberry.ID | None = None,
        first: int | None = 50,
        after: str | None = None,
    ) -> Annotated[OverdueEntryConnection, strawberry.lazy("backend.entries.connections")]:
        from backend.entries.connections import overdue_entries_of

        return await overdue_entries_of(
            info, self.model, company_id=company_id, first=first, after=after
        )

    @strawberry.field(description="Every entry, paid or not, latest due first (Lançamentos).")
    async def entries(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Annotated[FinancialEntryConnection, strawberry.lazy("backend.entries.connections")]:
        from backend.entries.connections import entries_of

        return await entries_of(info, self.model, first=first, after=after)

    @strawberry.field(description="Other people at the debtor (Contatos), by name.")
    async def contacts(
        self, info: Info
    ) -> list[Annotated[Contact, strawberry.lazy("backend.contacts.types")]]:
        from backend.contacts.loaders import load_contacts_by_debtor_id
        from backend.contacts.types import Contact

        found = await info.context.loaders.get(load_contacts_by_debtor_id).load(self.model.id)
        return [Contact(model=c) for c in found]

    @strawberry.field(
        description="Pauses of the régua in the caller's companies, newest first (active only "
        "unless includeEnded)."
    )
    async def collection_pauses(
        self, info: Info, include_ended: bool | None = False
    ) -> list[Annotated[CollectionPause, strawberry.lazy("backend.collection.types")]]:
        from backend.collection.holds import debtor_pauses
        from backend.collection.types import CollectionPause

        found = await debtor_pauses(
            info.context.principal,
            self.model.id,
            include_ended=bool(include_ended),
            now=info.context.now(),
        )
        return [CollectionPause(model=p) for p in found]

    @strawberry.field(
        description="Promises to pay in the caller's companies, newest first (OPEN only unless "
        "includeResolved)."
    )
    async def payment_promises(
        self, info: Info, include_resolved: bool | None = False
    ) -> list[Annotated[PaymentPromise, strawberry.lazy("backend.collection.types")]]:
        from backend.collection.holds import debtor_promises
        from backend.collection.types import PaymentPromise

        found = await debtor_promises(
            info.context.principal, self.model.id, include_resolved=bool(include_resolved)
        )
        return [PaymentPromise(model=p) for p in found]

    @strawberry.field(description="Appointments (Agendamentos) in date and time order.")
    async def appointments(
        self, info: Info, include_done: bool | None = True
    ) -> list[Annotated[Appointment, strawberry.lazy("backend.appointments.types")]]:
        from backend.appointments.queries import debtor_appointments

        return await debtor_appointments(
            info, self.model.id, include_done=include_done is not False
        )

    @strawberry.field(
        description="Histórico, newest first: e-mails, payments and reversals, appointments, "
        "promises, pauses and entry changes of the caller's companies."
    )
    async def history(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Annotated[DebtorHistoryConnection, strawberry.lazy("backend.history.types")]:
        from backend.history.types import debtor_history

        return await debtor_history(info, self.model.id, first, after)
