"""What the logs may hold: ids, codes and paths, never a person's data or a secret.

The access log keeps each request's method, path and status, but not its query string (the
export's `?search=` may be a CPF or a name) and not the calendar feed's token, which is the
feed's only credential. Free text from outside (an SMTP server's refusal) has its e-mail
addresses and CPF/CNPJ numbers masked before it is logged.
"""

from __future__ import annotations

import logging
import re

_CALENDAR = re.compile(r"^/calendar/[^/?]+\.ics")
_EMAIL = re.compile(r"[^\s<>()\[\],;:\"']+@[^\s<>()\[\],;:\"']+")
# 11 or 14 digits, with or without the usual punctuation: 529.982.247-25, 11.222.333/0001-81.
_DOCUMENT = re.compile(r"(?<!\d)(?:\d[\s./-]?){10}\d(?:(?:[\s./-]?\d){3})?(?!\d)")
REDACTED = "[oculto]"


def redact_path(path: str) -> str:
    """/calendar/<token>.ics -> /calendar/[oculto].ics; any query string -> ?[oculto]."""
    base, question, _query = path.partition("?")
    base = _CALENDAR.sub(f"/calendar/{REDACTED}.ics", base)
    return f"{base}?{REDACTED}" if question else base


def redact_text(text: str) -> str:
    """E-mail addresses and CPF/CNPJ-like numbers masked."""
    return _DOCUMENT.sub(REDACTED, _EMAIL.sub(REDACTED, text))


class AccessLogRedaction(logging.Filter):
    """For uvicorn's access log, whose arguments are (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], redact_path(args[2]), args[3], args[4])
        return True


ACCESS_LOG_REDACTION = AccessLogRedaction()  # one instance: adding it twice is a no-op
