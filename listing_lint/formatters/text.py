"""``--format text``: one line per finding, its why and fix indented under it, then a summary."""

from __future__ import annotations

import click

from ..engine import Result
from ..finding import SEVERITIES, Finding
from . import Totals

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


class TextFormat:
    def __init__(self, colour: bool = False) -> None:
        self.colour = colour

    def begin(self) -> str:
        return ""

    def file(self, result: Result) -> str:
        return "".join(self._finding(f) for f in result.findings)  # unreadable files: stderr only

    def end(self, totals: Totals) -> str:
        return summary(totals) + "\n"

    def _finding(self, finding: Finding) -> str:
        def style(text: str, **kwargs: object) -> str:
            return click.style(text, **kwargs) if self.colour else text  # type: ignore[arg-type]

        lines = [
            f"{style(finding.path, bold=True)}:{finding.line}:{finding.column}: "
            f"{style(finding.code, bold=True)} [{finding.rule}] "
            f"{style(finding.severity, fg=_COLOURS[finding.severity])}: {finding.message}",
            f"    why: {finding.why}",
        ]
        if finding.fix is not None:
            lines.append(f"    fix: {finding.fix['description']}")
        return "\n".join(lines) + "\n"


def summary(totals: Totals) -> str:
    """`3 errors, 1 warning in 2 files (1 fixable).` — files counted are those with findings."""
    tail = f"; {_plural(totals.unreadable, 'file')} could not be read" if totals.unreadable else ""
    if not totals.total:
        return f"No problems in {_plural(totals.checked, 'file')}{tail}."
    parts = [_plural(totals.severities[s], s) for s in SEVERITIES if totals.severities[s]]
    fixable = f" ({totals.fixable} fixable)" if totals.fixable else ""
    return f"{', '.join(parts)} in {_plural(totals.files_with_findings, 'file')}{fixable}{tail}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"
