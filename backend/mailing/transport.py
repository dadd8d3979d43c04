"""How a queued e-mail leaves the building: SMTP (SMTP_URL) or, unconfigured, an .eml file.

SMTP_URL forms: `smtp://host:25` (no TLS, e.g. a local relay), `smtp+starttls://user:pass@host:587`
(STARTTLS required), `smtps://user:pass@host:465` (implicit TLS). User and password are
percent-decoded; `?timeout=20` sets the socket timeout in seconds and `?cafile=/path/ca.pem`
trusts a private certificate authority (a company relay with its own certificate).
"""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib
from emails.backend.smtp.aio_backend import AsyncSMTPBackend
from emails.message import Message

from backend.mailing.rendering import one_line
from backend.settings import Settings

logger = logging.getLogger("cobrancas.mailing")

DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # none | starttls | ssl
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    cafile: str | None = None

    def describe(self) -> str:
        """For logs: never the password."""
        who = f"{self.user}@" if self.user else ""
        return f"{who}{self.host}:{self.port} ({self.security})"


def parse_smtp_url(url: str) -> SmtpConfig:
    """Raises ValueError with a message fit for a configuration error."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError("SMTP_URL must start with smtp://, smtp+starttls:// or smtps://")
    if not parts.hostname:
        raise ValueError("SMTP_URL has no host")
    query = parse_qs(parts.query)
    unknown = set(query) - {"timeout", "cafile"}
    if unknown:
        raise ValueError(f"SMTP_URL has unknown options: {', '.join(sorted(unknown))}")
    try:
        port = parts.port or DEFAULT_PORTS[scheme]
        timeout = float(query.get("timeout", [DEFAULT_TIMEOUT])[-1])
    except ValueError as exc:
        raise ValueError(f"SMTP_URL is malformed: {exc}") from exc
    if not 0 < timeout <= 300:
        raise ValueError("SMTP_URL timeout must be between 0 and 300 seconds")
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        security={"smtp": "none", "smtp+starttls": "starttls", "smtps": "ssl"}[scheme],
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        timeout=timeout,
        cafile=query.get("cafile", [None])[-1],
    )


@dataclass(frozen=True, slots=True)
class Outgoing:
    """Everything the message is built from: the stored SentEmail and its company."""

    sent_email_id: int
    recipients: list[str]
    subject: str
    html: str
    text: str
    from_name: str
    reply_to: str | None
    message_id: str
    # Images the HTML shows by Content-ID (the PIX QR code): (content id, PNG bytes).
    inline_images: tuple[tuple[str, bytes], ...] = ()


def build_message(outgoing: Outgoing, mail_from: str, recipient: str) -> Message:
    """The copy for one recipient, whose own address is the only one it shows.

    Every copy has the same Message-ID: it is one e-mail delivered to several people, as Bcc
    would deliver it, and a copy delivered twice still shows as the same message.
    """
    message = Message(
        subject=one_line(outgoing.subject),
        html=outgoing.html,
        text=outgoing.text,
        mail_from=(one_line(outgoing.from_name), mail_from),
        mail_to=[recipient],
        reply_to=outgoing.reply_to,
        message_id=outgoing.message_id,
    )
    for content_id, png in outgoing.inline_images:
        # multipart/related beside the HTML: mail clients block data: URIs, not cid: images.
        message.attach(
            data=png,
            filename="pix-qrcode.png",
            mime_type="image/png",
            content_disposition="inline",
            content_id=content_id,
        )
    return message


class DeliveryError(Exception):
    """A failed attempt; `permanent` when retrying cannot help (every recipient refused).

    `delivered`: the recipients whose copy the server took before the failure, so a retry
    does not send them a second one.
    """

    def __init__(
        self, message: str, *, permanent: bool = False, delivered: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.delivered = list(delivered or [])


class Transport(Protocol):
    description: str

    async def send(self, outgoing: Outgoing) -> list[str]:
        """Deliver one copy to each recipient; returns the recipients the server refused
        while accepting the others."""
        ...

    async def close(self) -> None: ...


class _OneShotBackend(AsyncSMTPBackend):
    """The library resends once when the server disconnects, even after DATA: an attempt
    whose connection dies after the server took the message would deliver it twice. We
    record the failure instead and let the retry schedule decide."""

    async def _send_with_retry(self, **kwargs: Any) -> Any:
        async with self._lock:
            return await self._send(**kwargs)


class SmtpTransport:
    """One connection reused while there is work; reset after any error."""

    def __init__(self, config: SmtpConfig, mail_from: str) -> None:
        self.config = config
        self.mail_from = mail_from
        self.description = f"SMTP {config.describe()}"
        self._backend: _OneShotBackend | None = None

    def _connect(self) -> _OneShotBackend:
        if self._backend is None:
            domain = self.mail_from.rpartition("@")[2]
            extra: dict[str, Any] = (
                {"cert_bundle": self.config.cafile} if self.config.cafile else {}
            )
            self._backend = _OneShotBackend(
                **extra,
                host=self.config.host,
                port=self.config.port,
                ssl=self.config.security == "ssl",
                tls=self.config.security == "starttls",
                user=self.config.user,
                password=self.config.password,
                timeout=self.config.timeout,
                fail_silently=False,
                # EHLO name: the sender's domain; the library's default does a reverse DNS
                # lookup that can stall for seconds.
                local_hostname=domain if "." in domain else "localhost",
            )
        return self._backend

    async def send(self, outgoing: Outgoing) -> list[str]:
        """One message per recipient over the same connection, each with its own To: the
        debtor and the contacts added never see one another's addresses."""
        delivered: list[str] = []
        refused: list[aiosmtplib.SMTPRecipientRefused] = []
        for recipient in outgoing.recipients:
            message = build_message(outgoing, self.mail_from, recipient)
            try:
                response = await message.send_async(to=[recipient], smtp=self._connect())
            except aiosmtplib.SMTPRecipientsRefused as exc:
                await self.close()
                refused.extend(exc.recipients)
                continue
            except aiosmtplib.SMTPResponseException as exc:
                await self.close()
                raise DeliveryError(
                    f"O servidor SMTP recusou a mensagem: {exc.code} {exc.message}",
                    permanent=not delivered
                    and isinstance(exc, aiosmtplib.SMTPDataError)
                    and 500 <= exc.code < 600,
                    delivered=delivered,
                ) from exc
            except (aiosmtplib.SMTPException, OSError) as exc:
                await self.close()
                raise DeliveryError(
                    f"Falha ao falar com o servidor SMTP: {exc}", delivered=delivered
                ) from exc
            if recipient in (getattr(response, "refused_recipients", {}) or {}):
                continue
            delivered.append(recipient)
        if refused and not delivered:
            raise DeliveryError(
                "Destinatários recusados: "
                + "; ".join(f"{r.recipient} ({r.code} {r.message})" for r in refused),
                permanent=all(500 <= r.code < 600 for r in refused),
            )
        return sorted(r.recipient for r in refused)

    async def close(self) -> None:
        backend, self._backend = self._backend, None
        if backend is not None:
            try:
                await backend.close()
            except (aiosmtplib.SMTPException, OSError):
                logger.debug("SMTP connection already gone", exc_info=True)


class FileTransport:
    """No SMTP configured: each message becomes data/outbox/sent-email-<id>.eml, and the
    copies for a second, third... recipient sent-email-<id>-2.eml, -3.eml...

    The file name is the e-mail's id, so a message delivered twice after a crash is written
    over, not duplicated.
    """

    def __init__(self, directory: Path, mail_from: str) -> None:
        self.directory = directory
        self.mail_from = mail_from
        self.description = f"arquivos .eml em {directory.resolve()} (SMTP_URL não configurado)"

    def path_for(self, sent_email_id: int, copy: int = 1) -> Path:
        suffix = f"-{copy}" if copy > 1 else ""
        return self.directory / f"sent-email-{sent_email_id:08d}{suffix}.eml"

    async def send(self, outgoing: Outgoing) -> list[str]:
        for copy, recipient in enumerate(outgoing.recipients, start=1):
            data = build_message(outgoing, self.mail_from, recipient).as_bytes()
            path = self.path_for(outgoing.sent_email_id, copy)
            await asyncio.to_thread(_write_atomically, path, data)
            logger.info("E-mail %s gravado em %s", outgoing.sent_email_id, path.resolve())
        return []

    async def close(self) -> None:
        return None


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".eml.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def transport_for(settings: Settings) -> Transport:
    if settings.smtp_url:
        return SmtpTransport(parse_smtp_url(settings.smtp_url), settings.mail_from)
    return FileTransport(Path(settings.outbox_dir), settings.mail_from)
