"""Validation of Brazilian data and free text, with messages in Portuguese.

Each `check_*` returns the normalised value or records a FieldError in the collector and
returns None, so one call reports every problem of an input at once.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from email_validator import EmailNotValidError, validate_email
from stdnum.br import cnpj as stdnum_cnpj
from stdnum.br import cpf as stdnum_cpf

from backend.core.errors import ErrorCollector
from backend.core.money import MAX_AMOUNT, has_at_most_cents
from backend.core.text import clean, digits

UFS = frozenset(
    [
        "AC",
        "AL",
        "AP",
        "AM",
        "BA",
        "CE",
        "DF",
        "ES",
        "GO",
        "MA",
        "MT",
        "MS",
        "MG",
        "PA",
        "PB",
        "PR",
        "PE",
        "PI",
        "RJ",
        "RN",
        "RS",
        "RO",
        "RR",
        "SC",
        "SP",
        "SE",
        "TO",
    ]
)
MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)


# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone surrogates
# (valid in a JSON string, not encodable as UTF-8: SQLite and PostgreSQL both refuse them);
# the bidirectional overrides and isolates, which make a name, a CSV cell or an e-mail read
# otherwise than it is written ("Trojan Source"); and Unicode's noncharacters.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
    "\ufdd0-\ufdef\ufffe\uffff]"
)
TEXT_MESSAGE = "contém caracteres de controle ou inválidos."


def has_forbidden_characters(text: str) -> bool:
    """True when `text` holds a character no field of ours accepts (see _FORBIDDEN)."""
    return _FORBIDDEN.search(text) is not None


def is_cpf(document: str) -> bool:
    return len(document) == 11


def check_text(
    errors: ErrorCollector,
    value: str | None,
    *path: str,
    label: str,
    max_length: int,
    required: bool = False,
) -> str | None:
    cleaned = clean(value)
    if cleaned is None:
        if required:
            errors.add("REQUIRED", f"{label} é obrigatório.", *path)
        return None
    if len(cleaned) > max_length:
        errors.add("TOO_LONG", f"{label} deve ter no máximo {max_length} caracteres.", *path)
        return None
    if any(ord(c) < 32 for c in cleaned) or has_forbidden_characters(cleaned):
        errors.add("INVALID_TEXT", f"{label} {TEXT_MESSAGE}", *path)
        return None
    return cleaned


def check_long_text(
    errors: ErrorCollector, value: str | None, *path: str, label: str, max_length: int
) -> str | None:
    """Multi-line text (notes): keeps line breaks, refuses other control characters."""
    if value is None or not value.strip():
        return None
    text = value.strip().replace("\r\n", "\n")
    if len(text) > max_length:
        errors.add("TOO_LONG", f"{label} deve ter no máximo {max_length} caracteres.", *path)
        return None
    if any(ord(c) < 32 and c not in "\n\t" for c in text) or has_forbidden_characters(text):
        errors.add("INVALID_TEXT", f"{label} {TEXT_MESSAGE}", *path)
        return None
    return text


# What people type around a CPF or CNPJ: dots, slash, hyphen and spaces.
_DOCUMENT_PUNCTUATION = re.compile(r"[\s./-]+")
# The alphanumeric CNPJ (IN RFB 2.229/2024): 12 letters or digits, then 2 check digits.
_CNPJ = re.compile(r"[0-9A-Z]{12}[0-9]{2}")
_CPF = re.compile(r"[0-9]{11}")


def compact_document(value: str) -> str:
    """Without punctuation, in capitals: "12.abc.345/01de-35" -> "12ABC34501DE35".

    Letters are kept (an alphanumeric CNPJ has them), so a value is never shortened into
    something else by dropping characters it should not have had.
    """
    return _DOCUMENT_PUNCTUATION.sub("", value).upper()


def _one_repeated_character(document: str) -> bool:
    return len(set(document)) == 1


def is_valid_cpf(document: str) -> bool:
    """11 digits with their check digits, not one digit repeated (111.111.111-11)."""
    return bool(
        _CPF.fullmatch(document)
        and not _one_repeated_character(document)
        and stdnum_cpf.is_valid(document)
    )


def is_valid_cnpj(document: str) -> bool:
    """14 characters, numeric or alphanumeric (IN RFB 2.229/2024), with their check digits."""
    return bool(
        _CNPJ.fullmatch(document)
        and not _one_repeated_character(document)
        and stdnum_cnpj.is_valid(document)
    )


def check_document(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    """CPF (11 digits) or CNPJ (14 characters, letters allowed in the first 12), punctuation
    allowed; returns it compact and in capitals."""
    if value is None or not value.strip():
        return None
    document = compact_document(value)
    if is_valid_cpf(document) or is_valid_cnpj(document):
        return document
    if _one_repeated_character(document) and len(document) in (11, 14):
        message = "CPF ou CNPJ inválido: não pode ser um só dígito repetido."
    elif len(document) == 11 and document.isdigit():
        message = "CPF inválido: confira os dígitos."
    elif len(document) == 14:
        message = "CNPJ inválido: confira os caracteres e os dígitos verificadores."
    else:
        message = "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres) válido."
    errors.add("INVALID_DOCUMENT", message, *path)
    return None


def check_cnpj(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    """A CNPJ, numeric or alphanumeric; returns it compact and in capitals."""
    if value is None or not value.strip():
        return None
    document = compact_document(value)
    if is_valid_cnpj(document):
        return document
    errors.add(
        "INVALID_DOCUMENT",
        "CNPJ inválido: confira os caracteres e os dígitos verificadores.",
        *path,
    )
    return None


def format_document(document: str) -> str:
    """123.456.789-09, 12.345.678/0001-95 or 12.ABC.345/01DE-35."""
    if len(document) == 11:
        return str(stdnum_cpf.format(document))
    if len(document) == 14:
        return str(stdnum_cnpj.format(document))
    return document


def check_email(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    if value is None or not value.strip():
        return None
    raw = value.strip()
    if len(raw) > 254 or any(c in raw for c in ",;<>\r\n\t "):
        errors.add("INVALID_EMAIL", f"E-mail inválido: {raw[:60]}.", *path)
        return None
    try:
        result = validate_email(raw, check_deliverability=False)
    except EmailNotValidError:
        errors.add("INVALID_EMAIL", f"E-mail inválido: {raw[:60]}.", *path)
        return None
    return str(result.normalized)


def check_postal_code(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    if value is None or not value.strip():
        return None
    number = digits(value)
    stripped = value.strip().replace("-", "").replace(".", "")
    if len(number) != 8 or stripped != number or number == "00000000":
        errors.add("INVALID_POSTAL_CODE", "CEP inválido: informe 8 dígitos.", *path)
        return None
    return number


def format_postal_code(postal_code: str) -> str:
    return f"{postal_code[:5]}-{postal_code[5:]}" if len(postal_code) == 8 else postal_code


def check_state(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    if value is None or not value.strip():
        return None
    uf = value.strip().upper()
    if uf not in UFS:
        errors.add("INVALID_STATE", "UF inválida: use a sigla de um dos 27 estados.", *path)
        return None
    return uf


# Service numbers (Anatel): 0800 (free) and 0300 with 6 or 7 more digits, dialled whole; the
# single national numbers 4003/4004 with 4 more digits, dialled without a DDD.
_SERVICE_PREFIXES = ("0800", "0300")
_SINGLE_NATIONAL_PREFIXES = ("4003", "4004")


def _service_number(number: str) -> bool:
    if number.startswith(_SERVICE_PREFIXES):
        return len(number) in (10, 11)
    return len(number) == 8 and number.startswith(_SINGLE_NATIONAL_PREFIXES)


def check_phone(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    """Brazilian phone: DDD + 8 digits (landline) or DDD + 9 + 8 digits (mobile); +55 allowed;
    or a service number (0800, 0300, 4003, 4004). Returns digits only."""
    if value is None or not value.strip():
        return None
    number = digits(value)
    if _service_number(number):
        return number
    if len(number) in (12, 13) and number.startswith("55"):
        number = number[2:]
    if len(number) in (11, 12) and number.startswith("0"):  # trunk prefix 0 before the DDD
        number = number[1:]
    valid_ddd = len(number) >= 2 and number[0] != "0" and number[1] != "0"
    landline = len(number) == 10 and number[2] in "2345"
    mobile = len(number) == 11 and number[2] == "9"
    if not valid_ddd or not (landline or mobile):
        errors.add(
            "INVALID_PHONE",
            "Telefone inválido: informe DDD e número, ex.: (11) 3456-7890 ou (11) 98765-4321, "
            "ou um número 0800, 0300, 4003 ou 4004.",
            *path,
        )
        return None
    return number


def format_phone(phone: str) -> str:
    """(11) 3456-7890, (11) 98765-4321, 0800 123 4567 or 4004-1234."""
    if phone.startswith(_SERVICE_PREFIXES):
        return f"{phone[:4]} {phone[4:-4]} {phone[-4:]}"
    if len(phone) == 8:
        return f"{phone[:4]}-{phone[4:]}"
    if len(phone) == 11:
        return f"({phone[:2]}) {phone[2:7]}-{phone[7:]}"
    if len(phone) == 10:
        return f"({phone[:2]}) {phone[2:6]}-{phone[6:]}"
    return phone


# Chave aleatória: a UUID as the DICT gives it, 8-4-4-4-12 hex digits.
_PIX_RANDOM_KEY = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
MAX_PIX_EMAIL = 77  # the DICT's limit for an e-mail key


def check_pix_key(errors: ErrorCollector, value: str | None, *path: str) -> str | None:
    """A chave PIX (Resolução BCB nº 1/2020, Regulamento Pix): CPF or CNPJ (compact), e-mail
    (lower case), mobile phone in the +55 form (+5511987654321) or random key (UUID, lower case).

    An 11-digit number is a CPF; a phone key must be written with its +55, as the DICT keeps it.
    """
    if value is None or not value.strip():
        return None
    raw = value.strip()
    key: str | None = None
    if "@" in raw:
        email = check_email(ErrorCollector(), raw)
        if email is not None and len(email) <= MAX_PIX_EMAIL:
            key = email.lower()
    elif raw.startswith("+"):
        number = digits(raw)
        national = number[2:] if number.startswith("55") else ""
        if (
            not _service_number(national)
            and check_phone(ErrorCollector(), national) == national
            and len(national) == 11  # a key is a mobile number (celular)
        ):
            key = f"+55{national}"
    elif _PIX_RANDOM_KEY.fullmatch(raw.lower()):
        key = raw.lower()
    else:
        document = compact_document(raw)
        if is_valid_cpf(document) or is_valid_cnpj(document):
            key = document
    if key is None:
        errors.add(
            "INVALID_PIX_KEY",
            "Chave PIX inválida: informe CPF, CNPJ, e-mail, celular no formato +55 DDD número "
            "ou chave aleatória.",
            *path,
        )
    return key


def check_amount(
    errors: ErrorCollector, value: Decimal | None, *path: str, label: str = "Valor"
) -> Decimal | None:
    """A positive amount with at most two decimals."""
    if value is None:
        return None
    if value <= 0:
        errors.add("INVALID_AMOUNT", f"{label} deve ser maior que zero.", *path)
        return None
    # The bound first: rounding 1E+26 to cents overflows Decimal's 28 digits.
    if value > MAX_AMOUNT:
        errors.add("INVALID_AMOUNT", f"{label} acima do limite permitido.", *path)
        return None
    if not has_at_most_cents(value):
        errors.add("INVALID_AMOUNT", f"{label} deve ter no máximo 2 casas decimais.", *path)
        return None
    return value


def check_percent(
    errors: ErrorCollector, value: Decimal | None, *path: str, label: str, maximum: Decimal
) -> Decimal | None:
    if value is None:
        return None
    # `or` keeps the order: the bound is checked before the rounding in has_at_most_cents.
    if value < 0 or value > maximum or not has_at_most_cents(value):
        errors.add(
            "INVALID_PERCENT",
            f"{label} deve estar entre 0 e {maximum}, com até 2 casas decimais.",
            *path,
        )
        return None
    return value + 0  # "-0.00" is stored as 0.00


def check_date(
    errors: ErrorCollector, value: dt.date | None, *path: str, label: str
) -> dt.date | None:
    if value is None:
        return None
    if not MIN_DATE <= value <= MAX_DATE:
        errors.add(
            "INVALID_DATE",
            f"{label} fora do intervalo aceito ({MIN_DATE:%d/%m/%Y} a {MAX_DATE:%d/%m/%Y}).",
            *path,
        )
        return None
    return value
