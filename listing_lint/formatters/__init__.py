"""Output formats. Each writes one file's findings as soon as it is checked, so memory stays flat
however many files a run covers: ``begin()``, then ``file(result)`` per file in path order, then
``end(totals)``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from ..engine import Result
from ..finding import SEVERITIES, Finding, at_or_above

UNREADABLE_CODE = "LL000"
UNREADABLE_NAME = "unreadable"
UNREADABLE_WHY = "The file could not be read or parsed, so none of its rules were checked."


class Format(Protocol):
    def begin(self) -> str: ...
    def file(self, result: Result) -> str: ...
    def end(self, totals: Totals) -> str: ...


@dataclass
class Totals:
    """What the summary line and the exit status need from a run."""

    severities: Counter[str] = field(default_factory=Counter)
    files_with_findings: int = 0
    checked: int = 0
    unreadable: int = 0
    fixable: int = 0

    def add(self, result: Result) -> None:
        if result.error is not None:
            self.unreadable += 1
            return
        self.checked += 1
        self.files_with_findings += bool(result.findings)
        self.severities.update(f.severity for f in result.findings)
        self.fixable += sum(1 for f in result.findings if f.fix and f.fix.get("edits"))

    def fails(self, level: str) -> bool:
        return any(count and at_or_above(severity, level) for severity, count in self.severities.items())

    @property
    def total(self) -> int:
        return sum(self.severities[s] for s in SEVERITIES)


def unreadable(result: Result) -> Finding:
    """The finding that stands for a file that could not be checked."""
    assert result.error is not None
    line = result.error.line or 1
    return Finding(
        path=result.path,
        code=UNREADABLE_CODE,
        rule=UNREADABLE_NAME,
        severity="error",
        line=line,
        column=1,
        end_line=line,
        end_column=1,
        message=result.error.reason,
        why=UNREADABLE_WHY,
        fix=None,
    )


def findings_of(result: Result) -> list[Finding]:
    """A file's findings in output order, or its LL000 finding when it could not be read."""
    return [unreadable(result)] if result.error is not None else result.findings


def get(name: str, colour: bool) -> Format:
    from . import json, text

    return json.JsonFormat() if name == "json" else text.TextFormat(colour)
