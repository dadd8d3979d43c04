"""Enumerations shared by models, services and the API (values equal names, as in the contract)."""

from __future__ import annotations

from enum import StrEnum


class DebtorKind(StrEnum):
    CUSTOMER = "CUSTOMER"
    SUPPLIER = "SUPPLIER"


class EntryStatus(StrEnum):
    OPEN = "OPEN"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    CANCELLED = "CANCELLED"


OPEN_STATUSES = (EntryStatus.OPEN, EntryStatus.PARTIALLY_PAID)


class PaymentMethod(StrEnum):
    PIX = "PIX"
    BOLETO = "BOLETO"
    TRANSFER = "TRANSFER"
    CASH = "CASH"
    CARD = "CARD"
    CHECK = "CHECK"
    OTHER = "OTHER"


class EmailStatus(StrEnum):
    QUEUED = "QUEUED"
    SENDING = "SENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class Role(StrEnum):
    ADMIN = "ADMIN"
    COLLECTOR = "COLLECTOR"
    VIEWER = "VIEWER"


class TokenScope(StrEnum):
    READ = "READ"
    WRITE = "WRITE"  # includes READ
    ADMIN = "ADMIN"  # includes WRITE, and manages users and tokens; only ADMIN users issue it
