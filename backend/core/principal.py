"""Who is asking: a dashboard user (session cookie) or a partner app (API token)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backend.core.enums import Role
from backend.core.errors import fail


@dataclass(frozen=True, slots=True)
class Principal:
    name: str
    role: Role
    company_ids: frozenset[int] | None  # None: every company
    can_write: bool
    user_id: int | None = None
    token_id: int | None = None
    # An ADMIN user, or a token issued with the ADMIN scope: manages users, tokens, companies.
    # An unrestricted WRITE token is not an administrator.
    can_administer: bool = False
    session_id: int | None = None  # the dashboard login this request came with

    @property
    def unrestricted(self) -> bool:
        return self.company_ids is None

    def sees_company(self, company_id: int | None) -> bool:
        if company_id is None:
            return False
        return self.company_ids is None or company_id in self.company_ids

    def visible(self, company_ids: Iterable[int]) -> list[int]:
        return [c for c in company_ids if self.sees_company(c)]

    def require_write(self) -> None:
        if not self.can_write:
            fail("FORBIDDEN", "Sem permissão para alterar dados: acesso somente leitura.")

    def require_admin(self) -> None:
        self.require_write()
        if not (self.can_administer and self.unrestricted):
            fail(
                "FORBIDDEN",
                "Apenas administradores com acesso a todas as empresas podem fazer isso.",
            )
