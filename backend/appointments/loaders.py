from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable

from backend.accounts.scope import scope_appointments
from backend.appointments.models import Appointment
from backend.core.principal import Principal

DebtorAppointmentsKey = tuple[int, bool]  # (debtor id, include done)
LoadFn = Callable[[list[DebtorAppointmentsKey]], Awaitable[list[list[Appointment]]]]


def appointments_by_debtor(principal: Principal) -> LoadFn:
    """AppointmentsByDebtorIdLoader: in date and time order, those the principal may see."""

    async def load(keys: list[DebtorAppointmentsKey]) -> list[list[Appointment]]:
        query = scope_appointments(
            Appointment.filter(debtor_id__in=list({debtor_id for debtor_id, _ in keys})),
            principal,
        )
        if all(not include_done for _, include_done in keys):
            query = query.filter(done=False)
        grouped: dict[int, list[Appointment]] = defaultdict(list)
        for appointment in await query.order_by("scheduled_date", "scheduled_time", "id"):
            grouped[appointment.debtor_id].append(appointment)
        return [
            [a for a in grouped[debtor_id] if include_done or not a.done]
            for debtor_id, include_done in keys
        ]

    return load
