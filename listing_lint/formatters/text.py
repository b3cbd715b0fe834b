"""``--format text``: one line per finding, its why and fix indented under it, then a summary."""

from __future__ import annotations

from collections import Counter

import click

from ..engine import Result
from ..finding import SEVERITIES, Finding

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(results: list[Result], colour: bool = False) -> str:
    lines: list[str] = []
    findings = sorted((f for r in results for f in r.findings), key=Finding.sort_key)
    for finding in findings:
        lines.extend(_finding(finding, colour))
    lines.append(summary(results, findings))
    return "\n".join(lines) + "\n"


def _finding(finding: Finding, colour: bool) -> list[str]:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    head = (
        f"{style(finding.path, bold=True)}:{finding.line}:{finding.column}: "
        f"{style(finding.code, bold=True)} [{finding.rule}] "
        f"{style(finding.severity, fg=_COLOURS[finding.severity])}: {finding.message}"
    )
    lines = [head, f"    why: {finding.why}"]
    if finding.fix is not None:
        lines.append(f"    fix: {finding.fix['description']}")
    return lines


def summary(results: list[Result], findings: list[Finding]) -> str:
    checked = sum(1 for r in results if r.error is None)
    unreadable = len(results) - checked
    tail = f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read" if unreadable else ""
    if not findings:
        return f"No problems in {checked} file{'s' if checked != 1 else ''}{tail}."
    counts = Counter(f.severity for f in findings)
    parts = [_plural(counts[s], s) for s in SEVERITIES if counts[s]]
    files = len({f.path for f in findings})
    fixable = sum(1 for f in findings if f.fix and f.fix.get("edits"))
    fixable_note = f" ({fixable} fixable)" if fixable else ""
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}{fixable_note}{tail}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"
