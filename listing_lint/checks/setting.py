"""``type: setting`` — a platform switch that must hold one value, and text that contradicts it.

On platforms that have the switch, a wrong value fails at the field's line and a missing field is
reported at the rule's ``missing_severity`` ("not declared"). On every platform, text that says the
opposite (「匿名での評価も歓迎です」) fails at the text, unless the clause negates it.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import Rule, SettingCheck
from .context import Context


def run(rule: Rule, context: Context) -> list[Finding]:
    check: SettingCheck = rule.check  # type: ignore[assignment]
    findings: list[Finding] = []
    value = context.listing.field(check.keys)
    if value is not None and value is not check.expected:
        findings.append(context.at_field(rule, "field", check.keys, value=value))
    elif value is None and context.listing.fields.platform in check.platforms:
        findings.append(
            context.at_start(rule, "missing", severity=check.missing_severity, platform=context.listing.fields.platform)
        )
    for hit in context.hits(check.text):
        if hit.clause not in context.clauses_matching(check.negations):
            findings.append(context.at_span(rule, "text", hit.start, hit.end, match=hit.text))
    return findings
