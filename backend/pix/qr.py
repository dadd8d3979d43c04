"""The copia e cola as a QR image (PNG bytes, pure Python via segno: no Pillow)."""

from __future__ import annotations

import io

import segno


def qr_png(payload: str, *, scale: int = 6, border: int = 4) -> bytes:
    """PNG of the QR code for `payload` (error correction M, byte mode, black on white)."""
    code = segno.make_qr(payload, error="m", boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=border)
    return out.getvalue()
