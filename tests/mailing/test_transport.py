"""SMTP_URL forms against real servers (plain, STARTTLS, SMTPS, with login) and the .eml files."""

from __future__ import annotations

import email
import email.policy
import logging
import os
import shutil
import ssl
import subprocess
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword

from backend.core.enums import EmailStatus
from backend.mailing.transport import (
    DeliveryError,
    FileTransport,
    Outgoing,
    SmtpConfig,
    SmtpTransport,
    parse_smtp_url,
    transport_for,
)
from backend.mailing.worker import DeliveryWorker
from backend.settings import Settings, SettingsError
from tests.mailing.helpers import MAIL_FROM, SmtpServer, billing_company, customer, queue

OUTGOING = Outgoing(
    sent_email_id=7,
    recipients=["maria@cliente.example"],
    subject="Cobrança",
    html="<p>Olá</p>",
    text="Olá",
    from_name="Bexus Ltda",
    reply_to="fin@bexus.example",
    message_id="<sent-email-7.abc@cobrancas.example>",
)


def test_parse_smtp_url_forms() -> None:
    assert parse_smtp_url("smtp://relay.local") == SmtpConfig("relay.local", 25, "none")
    starttls = parse_smtp_url("smtp+starttls://ana%40x.com:p%3Aw%40d@mail.x.com?timeout=5")
    assert starttls == SmtpConfig("mail.x.com", 587, "starttls", "ana@x.com", "p:w@d", 5.0)
    assert "p:w@d" not in repr(starttls)
    assert "p:w@d" not in starttls.describe()
    assert parse_smtp_url("smtps://u:@mail.x.com:2465").port == 2465
    assert parse_smtp_url("smtps://mail.x.com?cafile=/etc/ca.pem").cafile == "/etc/ca.pem"
    for bad in (
        "http://x",
        "smtp://",
        "smtp://x?timeout=abc",
        "smtp://x?timeout=0",
        "smtp://x?tls=1",
        "smtp://x:port",
    ):
        with pytest.raises(ValueError, match="SMTP_URL"):
            parse_smtp_url(bad)


def test_settings_refuse_a_bad_smtp_url_or_sender() -> None:
    with pytest.raises(SettingsError, match="SMTP_URL"):
        Settings.from_env({"SMTP_URL": "mail.example.com"})
    with pytest.raises(SettingsError, match="MAIL_FROM"):
        Settings.from_env({"MAIL_FROM": "Cobrança <c@x.com>"})
    with pytest.raises(SettingsError, match="MAIL_MAX_ATTEMPTS"):
        Settings.from_env({"MAIL_MAX_ATTEMPTS": "0"})
    settings = Settings.from_env({"MAIL_RETRY_BASE_SECONDS": "30", "MAIL_LEASE_SECONDS": "60"})
    worker = DeliveryWorker.from_settings(settings)
    assert worker.policy.schedule()[0].total_seconds() == 30
    assert worker.lease.total_seconds() == 60


def test_without_smtp_url_messages_go_to_files(tmp_path: Path) -> None:
    transport = transport_for(Settings(outbox_dir=str(tmp_path)))
    assert isinstance(transport, FileTransport)
    assert isinstance(transport_for(Settings(smtp_url="smtp://x")), SmtpTransport)


async def test_file_transport_writes_one_eml_per_email_and_says_where(
    database_url: str, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    email_row = await queue(await billing_company(), await customer())
    worker = DeliveryWorker.from_settings(settings)
    with caplog.at_level(logging.INFO, logger="cobrancas.mailing"):
        assert await worker.drain() == 1
    path = Path(settings.outbox_dir) / f"sent-email-{email_row.id:08d}.eml"
    assert str(path.resolve()) in caplog.text
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["To"] == "maria@cliente.example"
    assert message["Reply-To"] == "financeiro@bexus.example"
    assert message["Message-ID"] == email_row.message_id
    await email_row.refresh_from_db()
    assert email_row.status == EmailStatus.SENT
    assert sorted(os.listdir(settings.outbox_dir)) == [path.name]


async def test_file_transport_overwrites_a_redelivered_message(tmp_path: Path) -> None:
    transport = FileTransport(tmp_path / "outbox", MAIL_FROM)
    assert await transport.send(OUTGOING) == []
    assert await transport.send(OUTGOING) == []
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["sent-email-00000007.eml"]


def _authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"ana@bexus.example",
        b"s3nh@:forte",
    )
    return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    openssl = shutil.which("openssl")
    assert openssl, "openssl is needed to make a test certificate"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def _tls_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.mark.parametrize("scheme", ["smtp+starttls", "smtps", "smtp"])
async def test_login_over_each_kind_of_connection(
    scheme: str, certificate: tuple[Path, Path]
) -> None:
    options: dict[str, Any] = {"authenticator": _authenticator}
    if scheme == "smtps":
        # aiosmtpd counts only STARTTLS as TLS when it decides whether to offer AUTH.
        options.update(ssl_context=_tls_context(certificate), auth_require_tls=False)
    elif scheme == "smtp+starttls":
        options.update(tls_context=_tls_context(certificate), require_starttls=True)
    else:
        options["auth_require_tls"] = False
    server = SmtpServer(**options)
    server.start()
    try:
        url = f"{scheme}://ana%40bexus.example:s3nh%40%3Aforte@127.0.0.1:{server.port}"
        url += f"?timeout=5&cafile={certificate[0]}"
        transport = SmtpTransport(parse_smtp_url(url), MAIL_FROM)
        assert await transport.send(OUTGOING) == []
        await transport.close()
        [received] = server.inbox.received
        assert received.message["Subject"] == "Cobrança"

        wrong = SmtpTransport(parse_smtp_url(url.replace("forte", "fraca")), MAIL_FROM)
        with pytest.raises(DeliveryError) as failure:
            await wrong.send(OUTGOING)
        assert not failure.value.permanent  # a password can be fixed: keep retrying
        await wrong.close()
        assert len(server.inbox.received) == 1
    finally:
        server.stop()


async def test_an_untrusted_certificate_is_refused(certificate: tuple[Path, Path]) -> None:
    server = SmtpServer(ssl_context=_tls_context(certificate))
    server.start()
    try:
        transport = SmtpTransport(
            parse_smtp_url(f"smtps://127.0.0.1:{server.port}?timeout=5"), MAIL_FROM
        )
        with pytest.raises(DeliveryError, match="SMTP"):
            await transport.send(OUTGOING)
        await transport.close()
        assert server.inbox.received == []
    finally:
        server.stop()
