"""Static PIX BR Code: worked examples, including the Banco Central manual's published one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.pix.brcode import BRCodeError, crc16_ccitt, decode, encode

# Example of a static QR with no amount, from the Manual de Padrões para Iniciação do Pix (BCB).
BCB_EXAMPLE = (
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
    "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
)


def test_crc16_check_value() -> None:
    # The CRC-16/CCITT-FALSE catalogue check value.
    assert crc16_ccitt(b"123456789") == 0x29B1


def test_encoder_reproduces_the_central_bank_example() -> None:
    payload = encode(
        key="123e4567-e12b-12d1-a456-426655440000", name="Fulano de Tal", city="BRASILIA"
    )
    assert payload == BCB_EXAMPLE


def test_decoder_reads_the_central_bank_example() -> None:
    code = decode(BCB_EXAMPLE)
    assert code.key == "123e4567-e12b-12d1-a456-426655440000"
    assert code.amount is None
    assert code.txid == "***"
    assert code.crc == "1D3D"
    assert (code.name, code.city) == ("Fulano de Tal", "BRASILIA")


def test_round_trip_with_amount_and_txid() -> None:
    payload = encode(
        key="financeiro@acme.com.br",
        name="Açúcar & Café Comércio Ltda — Matriz",
        city="São José dos Campos",
        amount=Decimal("1234.5"),
        txid="SE000123ABC",
    )
    assert "54071234.50" in payload
    assert "5925Acucar & Cafe Comercio L" in payload
    assert "6015Sao Jose dos Ca" in payload
    code = decode(payload)
    assert code.key == "financeiro@acme.com.br"
    assert code.amount == Decimal("1234.50")
    assert code.txid == "SE000123ABC"


def test_decoder_refuses_a_wrong_crc_and_a_tampered_amount() -> None:
    payload = encode(key="+5511999998888", name="X", city="Y", amount=Decimal("10.00"), txid="A1")
    with pytest.raises(BRCodeError, match="CRC"):
        decode(payload[:-4] + ("0000" if payload[-4:] != "0000" else "FFFF"))
    with pytest.raises(BRCodeError, match="CRC"):
        decode(payload.replace("540510.00", "540590.00"))


@pytest.mark.parametrize("txid", ["", "has space", "x" * 26, "ação"])
def test_encoder_refuses_a_bad_txid(txid: str) -> None:
    with pytest.raises(BRCodeError):
        encode(key="k", name="n", city="c", txid=txid)


def test_encoder_refuses_a_non_positive_amount() -> None:
    with pytest.raises(BRCodeError):
        encode(key="k", name="n", city="c", amount=Decimal("0"))


def test_qr_image_decodes_to_the_same_copia_e_cola() -> None:
    import zxingcpp

    from backend.pix.qr import qr_png
    from tests.pix.pngread import grey_pixels

    payload = encode(
        key="financeiro@acme.com.br",
        name="ACME Cobrancas",
        city="Sao Paulo",
        amount=Decimal("987.65"),
        txid="SE42XYZ",
    )
    width, height, pixels = grey_pixels(qr_png(payload))
    image = memoryview(pixels).cast("B", (height, width))
    found = zxingcpp.read_barcode(image)
    assert found is not None
    assert found.text == payload
    code = decode(found.text)
    assert code.amount == Decimal("987.65")
    assert code.txid == "SE42XYZ"
    assert code.key == "financeiro@acme.com.br"
