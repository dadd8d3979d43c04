"""The PIX block of a collection e-mail: txid tied to the SentEmail, amount, key, QR image."""

from __future__ import annotations

from decimal import Decimal

import pytest
import zxingcpp

from backend.pix.brcode import decode
from backend.pix.message import pix_block, sent_email_id_of, txid_for
from tests.pix.pngread import grey_pixels


@pytest.mark.parametrize("number", [1, 35, 36, 123456, 2**63 - 1])
def test_txid_round_trips_to_the_sent_email(number: int) -> None:
    txid = txid_for(number)
    assert txid.isalnum()
    assert len(txid) <= 25
    assert sent_email_id_of(txid) == number


def test_foreign_txid_is_not_ours() -> None:
    assert sent_email_id_of("***") is None
    assert sent_email_id_of("XYZ123") is None


def test_no_key_or_nothing_owed_means_no_pix() -> None:
    args = {"creditor_name": "ACME", "city": "Recife", "sent_email_id": 7}
    assert pix_block(key=None, amount=Decimal("10.00"), **args) is None  # type: ignore[arg-type]
    assert pix_block(key="k@x.com", amount=Decimal("0.00"), **args) is None  # type: ignore[arg-type]


def test_block_carries_key_amount_and_txid_in_text_and_image() -> None:
    block = pix_block(
        key="11222333000181",
        creditor_name="Bexus Comércio Ltda",
        city="Florianópolis",
        amount=Decimal("1290.12"),
        sent_email_id=4242,
    )
    assert block is not None
    code = decode(block.copia_e_cola)
    assert code.key == "11222333000181"
    assert code.amount == Decimal("1290.12")
    assert code.txid == txid_for(4242)
    assert code.city == "Florianopolis"
    width, height, pixels = grey_pixels(block.png)
    found = zxingcpp.read_barcode(memoryview(pixels).cast("B", (height, width)))
    assert found is not None
    assert found.text == block.copia_e_cola
    assert block.content_id == f"pix-{code.txid}@cobrancas"
