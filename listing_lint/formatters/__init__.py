"""Output formats. Each writes one file's findings as soon as it is checked, so memory stays flat
however many files a run covers: ``begin()``, then ``file(result)`` per file in path order, then
``end(totals)``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..finding import SEVERITIES, Finding, at_or_above
from ..notices import UNREADABLE, finding

if TYPE_CHECKING:  # the CLI imports FORMATS before anything heavy is needed
    from ..engine import Result
    from ..ruleset import Rule


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
    return finding(UNREADABLE, "en", result.path, result.error.line or 1, 1, result.error.reason)


def findings_of(result: Result) -> list[Finding]:
    """A file's findings in output order, or its LL000 finding when it could not be read."""
    return [unreadable(result)] if result.error is not None else result.findings


FORMATS = ("text", "json", "sarif", "github")


def get(name: str, rules: tuple[Rule, ...], colour: bool = False) -> Format:
    """The formatter for ``--format name``."""
    from . import github, json, sarif, text

    if name == "json":
        return json.JsonFormat()
    if name == "sarif":
        return sarif.SarifFormat(rules)
    if name == "github":
        return github.GithubFormat()
    return text.TextFormat(colour)
