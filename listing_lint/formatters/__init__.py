"""Output formats: each module renders a list of file results as one string."""

from __future__ import annotations

from ..engine import Result
from ..finding import Finding

UNREADABLE_CODE = "LL000"
UNREADABLE_NAME = "unreadable"
UNREADABLE_WHY = "The file could not be read or parsed, so none of its rules were checked."


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


def all_findings(results: list[Result]) -> list[Finding]:
    """Every finding, unreadable files included, sorted by path, line, column, code."""
    findings = [f for r in results for f in r.findings]
    findings += [unreadable(r) for r in results if r.error is not None]
    return sorted(findings, key=Finding.sort_key)
