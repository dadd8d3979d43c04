"""Documents and phones (pure rules): the alphanumeric CNPJ, repeated digits, service numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.br import cnpj as stdnum_cnpj

from backend.core.errors import ErrorCollector
from backend.core.validation import (
    check_cnpj,
    check_document,
    check_phone,
    check_pix_key,
    format_document,
    format_phone,
)


def _document(value: str) -> tuple[str | None, list[str]]:
    errors = ErrorCollector()
    result = check_document(errors, value, "document")
    return result, [e.message for e in errors.errors]


@pytest.mark.parametrize(
    ("typed", "stored", "formatted"),
    [
        # IN RFB 2.229/2024: letters in the first 12 positions, numeric check digits.
        ("12.ABC.345/01DE-35", "12ABC34501DE35", "12.ABC.345/01DE-35"),
        ("12abc34501de35", "12ABC34501DE35", "12.ABC.345/01DE-35"),
        (" 12 ABC 345 01DE 35 ", "12ABC34501DE35", "12.ABC.345/01DE-35"),
        ("11.222.333/0001-81", "11222333000181", "11.222.333/0001-81"),
        ("529.982.247-25", "52998224725", "529.982.247-25"),
    ],
)
def test_documents_are_stored_compact_in_capitals_and_formatted(
    typed: str, stored: str, formatted: str
) -> None:
    assert _document(typed) == (stored, [])
    assert format_document(stored) == formatted


@pytest.mark.parametrize(
    "typed",
    [
        "12.ABC.345/01DE-36",  # wrong check digit
        "12.ABC.345/01DE-3A",  # check digits are numeric
        "12ABC34501DE3",  # 13 characters
        "12#ABC34501DE35",  # a character no CNPJ has
        "111.111.111-11",  # passes the check-digit arithmetic, refused as one repeated digit
        "000.000.000-00",
        "11.111.111/1111-11",
        "00.000.000/0000-00",
        "5299822472A",  # a CPF has digits only
    ],
)
def test_invalid_documents_are_refused(typed: str) -> None:
    stored, messages = _document(typed)
    assert stored is None
    assert len(messages) == 1


def test_repeated_digit_message_says_why() -> None:
    assert _document("111.111.111-11")[1] == [
        "CPF ou CNPJ inválido: não pode ser um só dígito repetido."
    ]


def test_company_cnpj_accepts_the_alphanumeric_form_and_refuses_a_cpf() -> None:
    errors = ErrorCollector()
    assert check_cnpj(errors, "12.abc.345/01de-35", "document") == "12ABC34501DE35"
    assert check_cnpj(errors, "529.982.247-25", "document") is None
    assert [e.code for e in errors.errors] == ["INVALID_DOCUMENT"]


@given(base=st.text("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=12, max_size=12))
def test_every_alphanumeric_cnpj_with_its_check_digits_is_accepted(base: str) -> None:
    document = base + stdnum_cnpj.calc_check_digits(base)
    stored, _ = _document(stdnum_cnpj.format(document).lower())
    assert stored == (document if len(set(document)) > 1 else None)


@pytest.mark.parametrize(
    ("typed", "stored", "formatted"),
    [
        ("0800 123 4567", "08001234567", "0800 123 4567"),
        ("0800-12-3456", "0800123456", "0800 12 3456"),
        ("0300 789 0123", "03007890123", "0300 789 0123"),
        ("4004-0001", "40040001", "4004-0001"),
        ("4003 1234", "40031234", "4003-1234"),
        ("(11) 3456-7890", "1134567890", "(11) 3456-7890"),
        ("+55 11 98765-4321", "11987654321", "(11) 98765-4321"),
        ("0 11 98765-4321", "11987654321", "(11) 98765-4321"),
    ],
)
def test_phones_and_service_numbers(typed: str, stored: str, formatted: str) -> None:
    errors = ErrorCollector()
    assert check_phone(errors, typed, "phone") == stored
    assert not errors.errors
    assert format_phone(stored) == formatted


@pytest.mark.parametrize("typed", ["0800 123", "4005-1234", "0900 123 4567", "3456-7890"])
def test_numbers_that_are_neither_phones_nor_service_numbers(typed: str) -> None:
    errors = ErrorCollector()
    assert check_phone(errors, typed, "phone") is None
    assert [e.code for e in errors.errors] == ["INVALID_PHONE"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("529.982.247-25", "52998224725"),
        ("12.ABC.345/01DE-35", "12ABC34501DE35"),
        ("11.222.333/0001-81", "11222333000181"),
        ("Financeiro@Bexus.example", "financeiro@bexus.example"),
        ("+55 (11) 98765-4321", "+5511987654321"),
        ("+5511987654321", "+5511987654321"),
        ("123E4567-E89B-42D3-A456-426614174000", "123e4567-e89b-42d3-a456-426614174000"),
    ],
)
def test_pix_keys_of_each_kind(typed: str, stored: str) -> None:
    errors = ErrorCollector()
    assert check_pix_key(errors, typed, "pixKey") == stored
    assert not errors.errors


@pytest.mark.parametrize(
    "typed",
    [
        "111.111.111-11",  # one repeated digit
        "529.982.247-26",  # wrong check digit
        "11987654321",  # a phone without +55 reads as a CPF, and this one is not valid
        "+1 212 555 0100",  # not Brazilian
        "+55 0800 123 4567",  # a service number cannot be a key
        "+55 11 8765-432",
        "+55 11 3456-7890",  # a landline: keys are mobile numbers
        "fin@",
        "a" * 70 + "@bexus.example",  # longer than the DICT's 77 characters
        "123e4567-e89b-42d3-a456-42661417400",  # a UUID short of one digit
        "chave qualquer",
    ],
)
def test_invalid_pix_keys(typed: str) -> None:
    errors = ErrorCollector()
    assert check_pix_key(errors, typed, "pixKey") is None
    assert [(e.code, e.field) for e in errors.errors] == [("INVALID_PIX_KEY", ("input", "pixKey"))]
