"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

SEVERITIES = ("error", "warning", "info")  # most severe first


@dataclass(frozen=True)
class Finding:
    path: str
    code: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    why: str
    fix: dict[str, Any] | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def as_dict(self) -> dict[str, Any]:
        # shallow on purpose: dataclasses.asdict deep-copies and was a tenth of a JSON run
        return {name: getattr(self, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in fields(Finding))


def at_or_above(severity: str, level: str) -> bool:
    """True when ``severity`` is ``level`` or more severe."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(level)
