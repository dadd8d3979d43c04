from __future__ import annotations

from decimal import Decimal

from tortoise import fields
from tortoise.models import Model


class Company(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    document = fields.CharField(max_length=14, null=True)  # CNPJ, compact (alphanumeric: capitals)
    email = fields.CharField(max_length=254, null=True)  # Reply-To of collection e-mails
    postal_code = fields.CharField(max_length=8, null=True)
    street = fields.CharField(max_length=200, null=True)
    number = fields.CharField(max_length=20, null=True)
    complement = fields.CharField(max_length=100, null=True)
    district = fields.CharField(max_length=100, null=True)
    city = fields.CharField(max_length=100, null=True)
    state = fields.CharField(max_length=2, null=True)
    late_fee_percent = fields.DecimalField(max_digits=5, decimal_places=2, default=Decimal("2.00"))
    monthly_interest_percent = fields.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("1.00")
    )
    time_zone = fields.CharField(max_length=64, default="America/Sao_Paulo")
    recent_contact_days = fields.IntField(default=3)
    # Chave PIX for the payment instructions: CPF/CNPJ, e-mail, +55 phone or random key (UUID).
    pix_key = fields.CharField(max_length=77, null=True)
    # LGPD (backend/lgpd): days after which a paid-off debtor with no activity is anonymised by
    # the worker; None keeps personal data until someone asks.
    retention_days = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "company"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
