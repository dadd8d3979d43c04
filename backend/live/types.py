from __future__ import annotations

import datetime as dt

import strawberry

from backend.core.gql import gid
from backend.live import bus


@strawberry.type(description="Something a colleague (or a partner) just changed.")
class LiveUpdate:
    event: strawberry.Private[bus.LiveEvent]

    @strawberry.field(
        description="payment.settle, payment.reverse, email.queue, email.sent, email.failed, "
        "appointment.create, appointment.update, appointment.delete, debtor.update, "
        "entry.create, entry.update, entry.cancel."
    )
    def kind(self) -> str:
        return self.event.kind

    @strawberry.field(description="The debtor whose page shows the change, if any.")
    def debtor_id(self) -> strawberry.ID | None:
        debtor = self.event.debtor_id
        return gid("Debtor", debtor) if debtor is not None else None

    @strawberry.field(description="Who did it: a user's name or 'token <name>'.")
    def actor(self) -> str:
        return self.event.actor

    @strawberry.field
    def actor_user_id(self) -> strawberry.ID | None:
        user = self.event.actor_user_id
        return gid("User", user) if user is not None else None

    @strawberry.field
    def at(self) -> dt.datetime:
        return self.event.at
