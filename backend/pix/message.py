"""What a collection e-mail carries when the company has a PIX key: the copia e cola (for the
`{{ pix_copia_e_cola }}` placeholder and the text part) and the same as an inline QR image
(an attachment referenced by Content-ID: mail clients block data: URIs).

The composer (and the régua, through the same code path) calls `pix_block(...)` with the
statement's updated total and the SentEmail's id; the preview, before the e-mail exists, with
no id (txid "***", the BR Code's "no identifier")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from backend.pix.brcode import MAX_TXID, encode
from backend.pix.qr import qr_png

TXID_PREFIX = "COB"
_TXID = re.compile(r"COB([0-9A-Z]+)")
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def txid_for(sent_email_id: int) -> str:
    """Stable, unique txid of one SentEmail: "COB" + its id in base 36 (≤25 alphanumerics)."""
    if sent_email_id <= 0:
        raise ValueError("SentEmail id must be positive")
    digits, rest = "", sent_email_id
    while rest:
        rest, unit = divmod(rest, 36)
        digits = _DIGITS[unit] + digits
    txid = TXID_PREFIX + digits
    assert len(txid) <= MAX_TXID
    return txid


def sent_email_id_of(txid: str) -> int | None:
    """The SentEmail id a txid of ours names, or None for anyone else's txid."""
    match = _TXID.fullmatch(txid.strip().upper())
    return int(match.group(1), 36) if match else None


@dataclass(frozen=True, slots=True)
class PixBlock:
    copia_e_cola: str
    content_id: str  # the <img src="cid:..."> of the HTML part

    @property
    def png(self) -> bytes:
        """The QR image, drawn when asked (~25 ms): rendering and previews only need the text."""
        return qr_png(self.copia_e_cola)


def pix_block(
    *,
    key: str | None,
    creditor_name: str,
    city: str | None,
    amount: Decimal,
    sent_email_id: int | None,
) -> PixBlock | None:
    """The PIX of one message, or None when the company has no key or nothing is owed."""
    if not key or amount <= 0:
        return None
    txid = txid_for(sent_email_id) if sent_email_id is not None else "***"
    payload = encode(key=key, name=creditor_name, city=city or "BRASIL", amount=amount, txid=txid)
    return PixBlock(copia_e_cola=payload, content_id=content_id_for(txid))


def content_id_for(txid: str) -> str:
    """The Content-ID of the QR image (the HTML part shows it as <img src="cid:...">)."""
    return f"pix-{txid.replace('*', 'X')}@cobrancas"


def pix_images(copia_e_cola: str | None, txid: str | None) -> tuple[tuple[str, bytes], ...]:
    """The inline QR image of a stored e-mail, drawn again from its copia e cola (the same
    bytes every attempt: segno is deterministic), so the PNG need not be stored."""
    if not copia_e_cola or not txid:
        return ()
    return ((content_id_for(txid), qr_png(copia_e_cola)),)
