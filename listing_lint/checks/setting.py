"""``type: setting`` — a platform switch that must hold one value, and text that contradicts it.

On platforms that have the switch, a wrong value fails at the field's line and a missing field is
reported at the rule's ``missing_severity`` ("not declared"); elsewhere the field switches nothing
and is not checked. On every platform, text that says the opposite (「匿名での評価も歓迎です」) fails
at the text, unless the clause negates it; overlapping matches are reported once.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import Rule, SettingCheck
from .clause import satisfying_clauses
from .context import Context


def run(rule: Rule, check: SettingCheck, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    value = context.listing.field(check.keys)
    has_switch = context.listing.fields.platform in context.values[check.platforms_option]
    if has_switch and value is not None and value is not check.expected:
        findings.append(context.at(rule, "field", check.keys, value=value))
    elif has_switch and value is None:
        findings.append(
            context.at(rule, "missing", None, severity=check.missing_severity, platform=context.listing.fields.platform)
        )
    reported_to = -1  # end of the last reported match: hits come in text order
    hits = context.hits(check.text)
    document = context.document
    reported: set[int] = set()
    for hit in hits:
        if check.spare_questions and (document.in_question(hit) or document.answered_again(hit, hits)):
            continue
        if hit.start >= reported_to and not context.clauses_matching(check.negations, {hit.clause}):
            findings.append(context.at(rule, "text", hit, match=hit.text))
            reported_to = hit.end
            reported.add(hit.clause)
    if check.forms:  # a clause the text patterns did not catch, read with its title
        stated = satisfying_clauses(check.forms, check.negations, context, questions=not check.spare_questions)
        for clause, hit in stated.items():
            if clause not in reported:  # the message quotes the clause: its first part alone says little
                whole = document.clauses[clause]
                quote = document.chars[whole.start : whole.end].strip().lstrip("・-*+ ")
                findings.append(context.at(rule, "text", hit, match=quote))
    return findings
