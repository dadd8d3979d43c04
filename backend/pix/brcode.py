"""Static PIX BR Code ("copia e cola"): EMV MPM as the Banco Central's Manual do BR Code and
Manual de Padrões para Iniciação do Pix define it. Pure functions, no I/O.

Layout of the payload (each field is ID (2 digits) + length (2 digits) + value):
00 "01" · 26 merchant account (00 "br.gov.bcb.pix", 01 the key) · 52 "0000" · 53 "986" ·
54 amount · 58 "BR" · 59 name (≤25) · 60 city (≤15) · 62 (05 txid ≤25) · 63 CRC16 (4 hex).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from backend.core.money import CENT

GUI = "br.gov.bcb.pix"
MAX_NAME = 25
MAX_CITY = 15
MAX_TXID = 25
_TXID = re.compile(r"[A-Za-z0-9]{1,25}|\*\*\*")


class BRCodeError(ValueError):
    """A payload that is not a valid static PIX BR Code."""


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no xor-out."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def ascii_text(value: str, limit: int) -> str:
    """Accents dropped, anything outside printable ASCII removed, trimmed to `limit`."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    plain = "".join(ch for ch in plain if 32 <= ord(ch) < 127)
    return " ".join(plain.split())[:limit].strip()


def _field(tag: str, value: str) -> str:
    if len(value) > 99:
        raise BRCodeError(f"field {tag} longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def encode(
    *, key: str, name: str, city: str, amount: Decimal | None = None, txid: str = "***"
) -> str:
    """The copia e cola for a static PIX charge. `amount` None leaves the amount to the payer."""
    if not key:
        raise BRCodeError("PIX key is empty")
    if not _TXID.fullmatch(txid):
        raise BRCodeError("txid must be 1 to 25 letters or digits")
    merchant = ascii_text(name, MAX_NAME) or "N"
    place = ascii_text(city, MAX_CITY) or "BRASIL"
    parts = [
        _field("00", "01"),
        _field("26", _field("00", GUI) + _field("01", key)),
        _field("52", "0000"),
        _field("53", "986"),
    ]
    if amount is not None:
        if amount <= 0:
            raise BRCodeError("amount must be positive")
        parts.append(_field("54", str(amount.quantize(CENT))))
    parts += [
        _field("58", "BR"),
        _field("59", merchant),
        _field("60", place),
        _field("62", _field("05", txid)),
    ]
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt(body.encode('utf-8')):04X}"


def parse_fields(payload: str) -> dict[str, str]:
    """Top-level TLV fields of an EMV payload, in order; raises on a truncated field."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(payload):
        if pos + 4 > len(payload):
            raise BRCodeError("truncated field header")
        tag, size = payload[pos : pos + 2], payload[pos + 2 : pos + 4]
        if not (tag.isdigit() and size.isdigit()):
            raise BRCodeError("field header is not numeric")
        end = pos + 4 + int(size)
        if end > len(payload):
            raise BRCodeError(f"field {tag} is truncated")
        fields[tag] = payload[pos + 4 : end]
        pos = end
    return fields


@dataclass(frozen=True)
class BRCode:
    key: str
    name: str
    city: str
    amount: Decimal | None
    txid: str
    crc: str


def decode(payload: str) -> BRCode:
    """Parse and check a static PIX BR Code: CRC, format indicator, GUI, currency, country."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise BRCodeError("missing CRC field")
    expected = f"{crc16_ccitt(payload[:-4].encode('utf-8')):04X}"
    if payload[-4:].upper() != expected:
        raise BRCodeError(f"CRC mismatch: {payload[-4:]} != {expected}")
    fields = parse_fields(payload)
    if fields.get("00") != "01":
        raise BRCodeError("payload format indicator is not 01")
    account = parse_fields(fields.get("26", ""))
    if account.get("00", "").lower() != GUI or not account.get("01"):
        raise BRCodeError("merchant account is not a PIX key")
    if fields.get("53") != "986" or fields.get("58") != "BR":
        raise BRCodeError("currency or country is not BRL/BR")
    raw_amount = fields.get("54")
    additional = parse_fields(fields.get("62", ""))
    return BRCode(
        key=account["01"],
        name=fields.get("59", ""),
        city=fields.get("60", ""),
        amount=Decimal(raw_amount) if raw_amount is not None else None,
        txid=additional.get("05", ""),
        crc=payload[-4:],
    )
