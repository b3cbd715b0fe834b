"""``type: existence`` — a violation: every match of a group's patterns is a finding.

A match is spared when its clause matches the group's ``unless`` (a ban of the very thing, as in
「LINEでのやり取りはお断りしています」) or the match itself matches ``unless_match`` (the platform's
own URL). Overlapping matches from several groups are reported once.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import ExistenceCheck, Rule
from .context import Context


def run(rule: Rule, context: Context) -> list[Finding]:
    check: ExistenceCheck = rule.check  # type: ignore[assignment]
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for group in check.groups:
        spared = context.clauses_matching(group.unless)
        for index, match in context.matches(group.patterns):
            if index in spared or not match.group().strip():
                continue
            if group.unless_match.regex is not None and group.unless_match.regex.fullmatch(match.group()):
                continue
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            findings.append(context.at_span(rule, group.message, start, end, match=match.group().strip()))
    return findings
