"""E-mail test helpers: a real SMTP server on loopback, a settable clock, ready-made data."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from backend.companies.models import Company
from backend.debtors.models import Debtor
from backend.mailing.compose import EmailRequest
from backend.mailing.models import SentEmail
from backend.mailing.services import send_collection_email
from backend.mailing.transport import SmtpConfig, SmtpTransport
from backend.mailing.worker import DeliveryWorker, RetryPolicy
from tests.support import VALID_CNPJ, VALID_CPF, make_company, make_debtor, principal

MAIL_FROM = "cobranca@cobrancas.example"
SEND = """
mutation($input: SendCollectionEmailInput!) {
  sendCollectionEmail(input: $input) {
    sentEmail {
      id to subject body html text status attempts lastError queuedAt sentAt messageId
      company { name } debtor { name lastEmailedAt } sentBy { name }
    }
    errors { field code message }
  }
}"""
SUBJECT = "Cobrança {{ empresa }} - {{ cliente }}"
BODY = (
    "Olá {{ cliente }} ({{ cpf_cnpj }}),\n\n"
    "Constam {{ quantidade_vencidos }} lançamentos vencidos com a {{ empresa }} "
    "(CNPJ {{ cnpj_empresa }}), o mais antigo de {{ vencimento_mais_antigo }}: "
    "{{ total_vencido }}, ou {{ total_atualizado }} com multa e juros até {{ data_hoje }}.\n"
    "{{ tabela_lancamentos }}\n"
    "Dúvidas: {{ email_empresa }}."
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    def part(self, content_type: str) -> str:
        for part in self.message.walk():
            if part.get_content_type() == content_type:
                content: str = part.get_content()
                return content
        raise AssertionError(f"no {content_type} part")


@dataclass
class Inbox:
    """What the SMTP server accepted, in order; `refuse` makes it answer 550 to RCPT TO."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    defer_data_for: set[str] = field(default_factory=set)  # answer DATA with 451 for these
    hang_up_after_data: bool = False  # take the message, then drop the line before "250"
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 Caixa postal inexistente"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.defer_data_for & set(envelope.rcpt_tos):
            return "451 4.3.0 Tente mais tarde"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.arrived:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
            self.arrived.notify_all()
        if self.hang_up_after_data:
            server.transport.close()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10) -> None:
        """Block (in a thread) until `count` messages have arrived."""
        with self.arrived:
            arrived = self.arrived.wait_for(lambda: len(self.received) >= count, timeout)
        assert arrived, f"{len(self.received)} of {count} messages arrived in {timeout} s"

    def message_ids(self) -> list[str]:
        return [str(r.message["Message-ID"]) for r in self.received]


class SmtpServer:
    """aiosmtpd on 127.0.0.1 in its own thread; stop() and start() again on the same port."""

    def __init__(self, port: int | None = None, **smtp_options: Any) -> None:
        self.port = port or free_port()
        self.inbox = Inbox()
        self.smtp_options = smtp_options
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(
            self.inbox, hostname="127.0.0.1", port=self.port, **self.smtp_options
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def transport(self) -> SmtpTransport:
        return SmtpTransport(
            SmtpConfig(host="127.0.0.1", port=self.port, security="none", timeout=5), MAIL_FROM
        )


class Clock:
    """A settable clock for the worker; moves only when told.

    It starts a minute ahead of the wall clock, so e-mails a test queues (at the real time)
    are already due for the worker.
    """

    def __init__(self) -> None:
        self.now = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def worker(
    transport: Any, clock: Clock, *, max_attempts: int = 3, **options: Any
) -> DeliveryWorker:
    policy = RetryPolicy(max_attempts=max_attempts, base_delay=dt.timedelta(minutes=1))
    return DeliveryWorker(transport, policy=policy, clock=clock, **options)


async def billing_company(**values: Any) -> Company:
    """A company with everything a collection e-mail must name (CDC art. 42-A)."""
    data: dict[str, Any] = {
        "name": "Bexus Comércio Ltda",
        "document": VALID_CNPJ,
        "email": "financeiro@bexus.example",
        "street": "Av. Paulista",
        "number": "1000",
        "district": "Bela Vista",
        "city": "São Paulo",
        "state": "SP",
        "postal_code": "01310100",
    }
    data.update(values)
    return await make_company(data.pop("name"), **data)


async def customer(**values: Any) -> Debtor:
    values.setdefault("email", "maria@cliente.example")
    values.setdefault("document", VALID_CPF)
    return await make_debtor(values.pop("name", "Maria da Silva"), **values)


async def queue(
    company: Company, debtor: Debtor, *, now: dt.datetime | None = None, **values: Any
) -> SentEmail:
    """Queue an e-mail through the service, as the mutation does."""
    values.setdefault("subject", "Cobrança {{ empresa }}")
    values.setdefault("body", "Olá {{ cliente }}, devemos {{ total_vencido }}.")
    values.setdefault("confirm_recent_contact", True)
    request = EmailRequest(debtor_id=debtor.id, company_id=company.id, **values)
    return await send_collection_email(
        principal=principal(),
        request=request,
        now=now or dt.datetime.now(dt.UTC),
        mail_from=MAIL_FROM,
    )
