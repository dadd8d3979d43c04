"""The pt-BR line of each kind of history event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from backend.history.services import HistoryRow
from backend.history.summary import summary


def row(kind: str, action: str, **values: Any) -> HistoryRow:
    base: dict[str, Any] = {
        "at": dt.datetime(2026, 2, 9, 15, tzinfo=dt.UTC),
        "kind": kind,
        "source": "x",
        "source_id": 1,
        "action": action,
        "amount_cents": None,
        "company_id": 1,
        "actor_user_id": None,
        "automatic": False,
        "label": None,
        "extra": None,
        "details": {},
    }
    return HistoryRow(**{**base, **values})


@pytest.mark.parametrize(
    ("event", "line"),
    [
        (row("EMAIL", "email.sent", label="Cobrança", extra="COB1"),
         "E-mail de cobrança enviado: Cobrança (PIX COB1)"),
        (row("EMAIL", "email.failed", label="Aviso"), "E-mail de cobrança não entregue: Aviso"),
        (row("PAYMENT", "payment.create", amount_cents=103033, label="NF-1", extra="PIX"),
         "Pagamento de R$ 1.030,33 no lançamento NF-1 (PIX)"),
        (row("REVERSAL", "payment.reverse", amount_cents=5000, label="NF-2", extra="Duplicado"),
         "Estorno do pagamento de R$ 50,00 no lançamento NF-2: Duplicado"),
        (row("PAYMENT", "payment.register",
             details={"providerPaymentId": "e2e-1", "amount": "1100.00", "credit": "657.34"}),
         "Pagamento informado por parceiro (e2e-1): R$ 1.100,00, com crédito de R$ 657,34 a "
         "devolver ou compensar"),
        (row("APPOINTMENT", "appointment.create", label="Ligar", extra="10:30 2026-02-11"),
         "Agendamento para 11/02/2026 às 10:30: Ligar"),
        (row("APPOINTMENT", "appointment.complete", label="Ligar"), "Agendamento concluído: Ligar"),
        (row("PROMISE", "promise.broken",
             details={"amount": "150.00", "promisedDate": "2026-03-10"}),
         "Promessa de pagamento não cumprida de R$ 150,00 para 10/03/2026"),
        (row("PAUSE", "collection.pause", details={"until": "2026-03-31", "reason": "em disputa"}),
         "Cobrança pausada até 31/03/2026: em disputa"),
        (row("PAUSE", "collection.resume"), "Cobrança retomada"),
        (row("ENTRY", "entry.update", label="NF-3",
             details={"due_date": {"old": "2026-01-01", "new": "2026-02-01"},
                      "amount": {"old": "1.00", "new": "2.00"}}),
         "Lançamento NF-3 alterado (vencimento, valor)"),
        (row("ENTRY", "entry.cancel", label="NF-4", details={"reason": "Emitido por engano"}),
         "Lançamento NF-4 cancelado: Emitido por engano"),
    ],
)  # fmt: skip
def test_summary(event: HistoryRow, line: str) -> None:
    assert summary(event) == line
