from __future__ import annotations

import strawberry

from backend.core.context import Info
from backend.core.gql import pk
from backend.lgpd.services import export_debtor_data, export_json


@strawberry.type
class LgpdQueries:
    @strawberry.field(
        description="Everything held about a debtor in the caller's companies, as a JSON "
        "document (LGPD art. 18 II and V); null for a debtor out of reach. Audited."
    )
    async def export_debtor_data(self, info: Info, debtor_id: strawberry.ID) -> str | None:
        data = await export_debtor_data(
            principal=info.context.principal, debtor_id=pk("Debtor", debtor_id)
        )
        return export_json(data) if data is not None else None
