"""One pt-BR line per history event, from what its row carries (pure, no I/O)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from backend.core.money import format_brl, from_cents
from backend.history.services import HistoryRow

_EMAIL = {
    "email.sent": "E-mail de cobrança enviado",
    "email.failed": "E-mail de cobrança não entregue",
    "email.queued": "E-mail de cobrança na fila de envio",
}
_METHODS = {
    "PIX": "PIX",
    "BOLETO": "boleto",
    "TRANSFER": "transferência",
    "CASH": "dinheiro",
    "CARD": "cartão",
    "CHECK": "cheque",
    "OTHER": "outra forma",
}
_ENTRY = {
    "entry.create": "criado",
    "entry.update": "alterado",
    "entry.cancel": "cancelado",
}
_PROMISE = {
    "promise.record": "Promessa de pagamento registrada",
    "promise.kept": "Promessa de pagamento cumprida",
    "promise.broken": "Promessa de pagamento não cumprida",
    "promise.cancel": "Promessa de pagamento cancelada",
}


_FIELDS = {
    "description": "descrição",
    "due_date": "vencimento",
    "amount": "valor",
    "company_id": "empresa",
    "notes": "observações",
    "issue_date": "emissão",
    "document_number": "documento",
    "category": "categoria",
    "cost_center": "centro de custo",
}


def _brl(value: Any) -> str:
    """Cents (int) or a Decimal string from an audit event."""
    try:
        amount = from_cents(value) if isinstance(value, int) else Decimal(str(value))
        return format_brl(amount)
    except (ValueError, ArithmeticError):
        return str(value)


def _date(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value)).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def summary(row: HistoryRow) -> str:
    d = row.details
    if row.kind == "EMAIL":
        text = f"{_EMAIL.get(row.action, 'E-mail de cobrança')}: {row.label or ''}".strip()
        return text + (f" (PIX {row.extra})" if row.extra else "")
    if row.action == "payment.create":
        method = _METHODS.get(row.extra or "", row.extra or "")
        return f"Pagamento de {_brl(row.amount_cents)} no lançamento {row.label} ({method})"
    if row.kind == "REVERSAL":
        reason = f": {row.extra}" if row.extra else ""
        return f"Estorno do pagamento de {_brl(row.amount_cents)} no lançamento {row.label}{reason}"
    if row.action == "payment.register":
        credit = d.get("credit")
        text = f"Pagamento informado por parceiro ({d.get('providerPaymentId')}): "
        text += f"{_brl(d.get('amount'))}"
        if credit and str(credit) not in {"0", "0.00"}:
            text += f", com crédito de {_brl(credit)} a devolver ou compensar"
        return text
    if row.action == "appointment.create":
        when = (row.extra or "").split(" ")
        date = _date(when[1]) if len(when) == 2 else ""
        time = when[0] if len(when) == 2 else ""
        return f"Agendamento para {date} às {time}: {row.label or ''}".strip()
    if row.action == "appointment.complete":
        return f"Agendamento concluído: {row.label or ''}".strip()
    if row.kind == "PROMISE":
        text = _PROMISE.get(row.action, "Promessa de pagamento")
        if d.get("amount"):
            text += f" de {_brl(d['amount'])}"
        if d.get("promisedDate"):
            text += f" para {_date(d['promisedDate'])}"
        return text
    if row.kind == "PAUSE":
        if row.action.endswith("resume"):
            return "Cobrança retomada"
        text = "Cobrança pausada"
        if d.get("until"):
            text += f" até {_date(d['until'])}"
        return text + (f": {d['reason']}" if d.get("reason") else "")
    verb = _ENTRY.get(row.action, "alterado")
    text = f"Lançamento {row.label or d.get('code') or ''} {verb}".replace("  ", " ")
    if row.action == "entry.update":
        changed = [_FIELDS.get(k, k) for k in d if isinstance(d[k], dict) and "new" in d[k]]
        if changed:
            text += f" ({', '.join(changed)})"
    if row.action == "entry.cancel" and d.get("reason"):
        text += f": {d['reason']}"
    return text
