"""KEEP marks a field an update leaves out, so the stored value stays.

Updates need three cases per optional field: left out (keep), null (clear) and a value; None
alone cannot tell the first two apart, and services do not import Strawberry's UNSET.
"""

from __future__ import annotations

import enum
from typing import Final


class Keep(enum.Enum):
    KEEP = "KEEP"


KEEP: Final = Keep.KEEP
