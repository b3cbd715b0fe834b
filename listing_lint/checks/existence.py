"""``type: existence`` — a violation: every match of a group's patterns is a finding.

A match is spared when its clause matches the group's ``unless`` (a ban of the very thing, as in
「LINEでのやり取りはお断りしています」) or the match itself matches ``unless_match`` (the platform's
own URL) or is wholly about the listing's own platform (「SKIMAで活動しています」 on SKIMA), or,
where the group says so, when the clause is a buyer's question quoted in a FAQ.
Overlapping matches from several groups are reported once.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..document import Hit
from ..finding import Finding
from ..ruleset import ExistenceCheck, ExistenceGroup, Rule
from .context import Context


def run(rule: Rule, check: ExistenceCheck, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for group in check.groups:
        hits = context.hits(group.patterns)
        for hit in hits:
            spared = (
                (group.spare_questions and _in_question(hit, hits, context))
                or bool(context.clauses_matching(group.unless, {hit.clause}))
                or group.unless_match.matches_whole(hit.text)
                or _names_own_platform(group, hit.text, context)
                or _allowed_host(hit.text, context.values.get(group.allowed_hosts_option or "", []))
            )
            overlaps = any(hit.start < end and start < hit.end for start, end in taken)
            if spared or overlaps or not hit.text.strip():
                continue
            taken.append((hit.start, hit.end))
            findings.append(context.at(rule, group.message, hit, match=hit.text.strip()))
    return findings


def _in_question(hit: Hit, hits: list[Hit], context: Context) -> bool:
    document = context.document
    return document.in_question(hit) or document.answered_again(hit, hits)


def _names_own_platform(group: ExistenceGroup, text: str, context: Context) -> bool:
    names = group.own_platform.get(context.listing.fields.platform)
    return names is not None and names.matches_whole(text)


def _allowed_host(text: str, allowed: list[str]) -> bool:
    """True when a URL's host is one of ``allowed`` or below it (``example.com`` allows ``www.example.com``)."""
    if not allowed:
        return False
    host = (urlsplit(text if "//" in text else f"//{text}").hostname or "").lower()
    return any(host == domain.lower() or host.endswith("." + domain.lower()) for domain in allowed)
