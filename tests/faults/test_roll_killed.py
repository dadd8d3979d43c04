"""Scenario 5: the midnight roll of the search summary dies half-way (its process SIGKILLed with
the rows deleted and rewritten but the new date not yet recorded). The transaction leaves
nothing behind; until the next roll the search answers from the entries, correctly; the next
roll completes it."""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
import sys
import time

from backend.core.pagination import PageRequest
from backend.search.balances import balances_as_of, roll_balances
from backend.search.services import DEBTORS_LIST, Source, search_debtors
from backend.search.statements import DebtorOrder
from backend.settings import Settings
from tests.faults.report import Row, report
from tests.live import ROOT
from tests.search.test_balances import actual_rows, expected_rows
from tests.support import make_company, make_debtor, make_entry, principal

TODAY = dt.date(2026, 3, 16)
NOW = dt.datetime(2026, 3, 17, 13, 0, tzinfo=dt.UTC)  # 10:00 in São Paulo, the day after


async def test_a_roll_killed_half_way_leaves_nothing_and_the_next_completes_it(
    database_url: str,
) -> None:
    company = await make_company()
    debtors = [await make_debtor(f"Cliente {i}") for i in range(4)]
    for index, offset in enumerate((0, 1, 29, 30, 31, 60, 90, 91, -1)):
        debtor = debtors[index % len(debtors)]
        await make_entry(company, debtor, due=TODAY - dt.timedelta(days=offset), amount="10.00")
    await roll_balances(today=TODAY)
    before = await actual_rows()
    tomorrow = TODAY + dt.timedelta(days=1)
    assert await expected_rows(tomorrow) != before  # the roll has something to move

    roll = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.faults.rolling",
        database_url,
        tomorrow.isoformat(),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    assert roll.stdout is not None
    assert (await asyncio.wait_for(roll.stdout.readline(), 60)).strip() == b"meio"
    roll.send_signal(signal.SIGKILL)
    assert await asyncio.wait_for(roll.wait(), 10) == -signal.SIGKILL
    killed = time.monotonic()

    # Nothing of the dead roll remains: yesterday's summary, still marked as yesterday's.
    assert await balances_as_of() == TODAY
    assert await actual_rows() == before
    # The search sees a stale summary and answers from the entries, with tomorrow's numbers.
    result = await search_debtors(
        principal=principal(),
        settings=Settings(database_url=database_url),
        now=NOW,
        data=None,
        order=DebtorOrder.OPEN_AMOUNT_DESC,
        page=PageRequest.of(25, None, list_name=DEBTORS_LIST),
    )
    assert result.source is Source.ENTRIES
    expected = await expected_rows(tomorrow)
    assert {r.debtor_id for r in result.page.items} == set(expected)
    assert result.totals.open_cents == sum(int(str(row[1])) for row in expected.values())

    # The next roll completes it.
    await roll_balances(today=tomorrow)
    recovered = time.monotonic() - killed
    assert await balances_as_of() == tomorrow
    assert await actual_rows() == expected
    report(
        Row(
            f"5 rolagem da meia-noite morta no meio ({database_url.split(':')[0]})",
            2,
            1,
            round(recovered, 2),
            0,
            0,
            "busca responde pelos lançamentos até a próxima rolagem",
        )
    )
