"""The typed per-request context every resolver receives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeAlias

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from backend.core.clock import Clock, utc_now
from backend.core.loaders import Loaders
from backend.core.principal import Principal
from backend.settings import Settings


@dataclass
class Context:
    request: Request | None
    response: Response | None
    principal: Principal
    settings: Settings
    loaders: Loaders = field(default_factory=Loaders)
    clock: Clock = utc_now
    # graphql-transport-ws: the connection_init payload (a partner's token may come in it)
    connection_params: dict[str, object] | None = None
    # LGPD: debtors whose personal fields a token read in this request, and which (lgpd/reads.py)
    personal_reads: dict[int, set[str]] = field(default_factory=dict)

    def now(self) -> dt.datetime:
        return self.clock()


Info: TypeAlias = StrawberryInfo[Context, None]
