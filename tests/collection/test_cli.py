"""`cobrancas regua --date YYYY-MM-DD [--dry-run]`: the operator's way to see and run the régua."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
from pathlib import Path

from backend.collection.models import CollectionRun
from backend.collection.run import operator_run
from backend.mailing.models import SentEmail
from tests.collection.test_run import MONDAY, company_with_debtors
from tests.mailing.helpers import MAIL_FROM

ROOT = Path(__file__).resolve().parents[2]
SP = dt.timezone(dt.timedelta(hours=-3))


def at(hour: int, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), SP).astimezone(dt.UTC)


async def test_dry_run_then_the_run_within_business_hours(database_url: str) -> None:
    company, _ = await company_with_debtors(2, recent_contact_days=0)
    code, lines = await operator_run(on=MONDAY, now=at(3), mail_from=MAIL_FROM, dry_run=True)
    assert code == 0
    assert lines[0].endswith("09/03/2026: 2 mensagem(ns) seriam enviadas.")
    assert lines[1] == "  Cliente 0: D0, 2 lançamento(s), R$ 75,00 em aberto"
    assert not await SentEmail.exists()
    # At 07:00 in São Paulo nothing goes out; a future date is refused; Saturday is no day.
    code, lines = await operator_run(on=None, now=at(7), mail_from=MAIL_FROM, dry_run=False)
    assert "fora do horário comercial" in lines[0]
    code, lines = await operator_run(
        on=MONDAY + dt.timedelta(days=1), now=at(9), mail_from=MAIL_FROM, dry_run=False
    )
    assert code == 1
    assert "data futura" in lines[0]
    saturday = MONDAY - dt.timedelta(days=2)
    code, lines = await operator_run(on=saturday, now=at(9), mail_from=MAIL_FROM, dry_run=False)
    assert lines == [
        f"{company.name} (empresa {company.id}), 07/03/2026: não é dia útil; a régua não envia."
    ]
    assert not await SentEmail.exists()
    code, lines = await operator_run(on=None, now=at(9), mail_from=MAIL_FROM, dry_run=False)
    assert code == 0
    assert lines[0].endswith("2 mensagem(ns) enfileiradas.")
    assert await SentEmail.filter(automatic=True).count() == 2
    assert await CollectionRun.filter(company_id=company.id, run_date=MONDAY).exists()
    code, lines = await operator_run(on=None, now=at(10), mail_from=MAIL_FROM, dry_run=False)
    assert lines[0].endswith("0 mensagem(ns) enfileiradas.")
    assert await SentEmail.all().count() == 2


async def test_the_command_line(database_url: str) -> None:
    await company_with_debtors(1, recent_contact_days=0)
    env = {**os.environ, "DATABASE_URL": database_url, "MAIL_FROM": MAIL_FROM}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "regua", "--date", "2026-03-09", "--dry-run",
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    assert "1 mensagem(ns) seriam enviadas." in out.decode()
    assert "Cliente 0: D0, 2 lançamento(s), R$ 75,00 em aberto" in out.decode()
    bad = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "backend.cli", "regua", "--date", "09/03/2026",
        cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, err = await asyncio.wait_for(bad.communicate(), timeout=60)
    assert bad.returncode == 2
    assert "Data inválida" in err.decode()
