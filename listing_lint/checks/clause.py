"""``type: clause`` — a safeguard the listing must state, in a field or in one clause of its text.

A clause satisfies the check when every part of one of its forms matches inside it, it is not a
heading with nothing under it, and none of the check's negations matches in it. A field named by
the check decides first: an accepted value satisfies it, a rejected value fails it at the field's
line unless the text states the clause anyway. A *contrary* promise (「修正無制限」) fails the
check whatever else is said.

With ``when``, the check applies only where its condition holds (another rule's safeguard is stated,
or a clause of the condition's forms is present), and a finding sits where the condition holds.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import Hit
from ..finding import Finding
from ..ruleset import ClauseCheck, Condition, Form, Patterns, Rule
from .context import Context, Place

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "a single": 1, "single": 1, "zero": 0, "no": 0}  # fmt: skip
_NUMBER = re.compile(r"\d+|\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
_JA_COUNT = re.compile(r"(\d+)\s*(?:回|往復|ラウンド|度)")  # 「1投稿につき2回まで」: the count is 2


def run(rule: Rule, check: ClauseCheck, context: Context) -> list[Finding]:
    trigger: Place = None
    if check.when is not None:
        trigger = condition_place(check.when, context)
        if trigger is None:
            return []
    contrary = _contrary(rule, check, context)
    if contrary is not None:
        return [contrary]
    satisfying = satisfying_clauses(check.forms, check.negations, context)
    if check.field is not None:
        keys = check.field.keys
        value = context.listing.field(keys)
        if value is not None and _accepts(check.field.satisfied_by, value):
            return _mismatch(rule, check, context, value, satisfying)
        if value is not None and value in check.field.rejected_by and not satisfying:
            return [context.at(rule, "field" if "field" in rule.messages else check.message, keys, value=value)]
    if satisfying:
        return []
    return [context.at(rule, check.message, trigger)]


def satisfied_place(check: ClauseCheck, context: Context, by: list[str] | None = None) -> Place:
    """Where the listing states this check's safeguard (its field or first clause), or None.

    With ``by``, only forms with a part of those names count, and the field only when not 0/false.
    """
    if check.contrary is not None and _contrary_place(check, context) is not None:
        return None
    if check.field is not None:
        value = context.listing.field(check.field.keys)
        if value is not None and _accepts(check.field.satisfied_by, value) and (not by or value):
            return check.field.keys
    forms = [form for form in check.forms if not by or set(form) & set(by)]
    return next(iter(satisfying_clauses(forms, check.negations, context).values()), None)


def condition_place(condition: Condition, context: Context) -> Place:
    """Where a check's condition holds, or None when it does not."""
    if condition.satisfied is not None:
        rule = context.rules[condition.satisfied]
        places = (satisfied_place(c, context, condition.by) for c in rule.checks if isinstance(c, ClauseCheck))
        return next((place for place in places if place is not None), None)
    return next(iter(satisfying_clauses(condition.forms, condition.negations, context).values()), None)


def satisfying_clauses(
    forms: list[Form], negations: Patterns, context: Context, headings: bool = False, questions: bool = False
) -> dict[int, Hit]:
    """Clauses that state one form in full, each with the match of the form's first part.

    A heading with nothing under it states nothing unless ``headings``; a buyer's question states
    nothing unless ``questions``, and denies nothing either: in a FAQ, a form counts when a part of
    it is in the answer (the question may name the subject), not when all of it is in the question.
    """
    document = context.document
    found: dict[int, Hit] = {}
    unstated = (frozenset() if headings else document.bare_headings) | (
        frozenset() if questions else document.questions
    )
    for form in forms:
        parts = list(form.values())
        candidates = set(range(len(document.clauses))) - unstated
        own: dict[int, int] = {}  # candidate -> the first part that matches in the clause itself
        for number, part in enumerate(parts):  # stop at the first part nothing matches
            candidates = _matching_or_titled(part, candidates, context, own, number)
            if not candidates:
                break
        else:
            candidates = set(own) & candidates
            candidates -= _negated(negations, candidates, context)
            # the place: a match of the first part stated in the clause itself (almost always parts[0]),
            # in a FAQ's answer before its question (the finding goes where the safeguard is stated)
            for number in sorted({own[clause] for clause in candidates}):
                for hit in sorted(context.clause_hits(parts[number]), key=document.asked):
                    if (
                        hit.clause in candidates
                        and own[hit.clause] == number
                        and hit.clause not in found
                        and (
                            questions or not document.in_question(hit) or _answered(parts, number, hit.clause, context)
                        )
                    ):
                        found[hit.clause] = hit
    return dict(sorted(found.items()))


def _matching_or_titled(
    part: Patterns, candidates: set[int], context: Context, own: dict[int, int], number: int
) -> set[int]:
    """The candidates where ``part`` matches, in the clause itself or in the title it sits under
    (「【修正について】」 names what 「2回まで無料です」 below it counts); ``own`` keeps, per clause, the
    first part that matched in the clause itself, since a title alone states nothing."""
    titles = context.document.titles
    titled = {titles[c] for c in candidates if c in titles} if titles else set()
    matched = context.clauses_matching(part, candidates | titled)
    for clause in candidates & matched:
        own.setdefault(clause, number)
    if not titled & matched:
        return candidates & matched
    return {c for c in candidates if c in matched or titles.get(c) in matched}


def _answered(parts: list[Patterns], number: int, clause: int, context: Context) -> bool:
    """Another part of the form matches in the answer: "Do you offer revisions? Yes, two rounds."."""
    others = parts[:number] + parts[number + 1 :]
    return any(
        hit.clause == clause and not context.document.in_question(hit)
        for part in others
        for hit in context.clause_hits(part)
    )


def _negated(negations: Patterns, candidates: set[int], context: Context) -> set[int]:
    """The candidates a negation matches in; in a FAQ clause, only a negation in its answer counts
    ("Q: What if I don't reply? A: If you haven't replied in 5 days, ..." states the safeguard)."""
    negated = context.clauses_matching(negations, candidates)
    document = context.document
    asked = {clause for clause in negated if clause in document.answers}
    if asked:
        answered = {hit.clause for hit in context.clause_hits(negations) if not document.asked(hit)}
        negated -= asked - answered
    return negated


def _contrary_place(check: ClauseCheck, context: Context) -> Place:
    contrary = check.contrary
    if contrary is None:
        return None
    keys = check.field.keys if check.field else None
    if keys and context.listing.field(keys) in contrary.field_values:
        return keys
    questions = not contrary.spare_questions
    promises = satisfying_clauses(contrary.forms, contrary.negations, context, headings=True, questions=questions)
    return next(iter(promises.values()), None)


def _contrary(rule: Rule, check: ClauseCheck, context: Context) -> Finding | None:
    place = _contrary_place(check, context)
    if place is None or check.contrary is None:
        return None
    text = place.text if isinstance(place, Hit) else context.listing.field(place)
    return context.at(rule, check.contrary.message, place, text=text)


def _accepts(kind: str, value: Any) -> bool:
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return value is (kind == "true")


def _mismatch(
    rule: Rule, check: ClauseCheck, context: Context, value: Any, satisfying: dict[int, Hit]
) -> list[Finding]:
    if not check.number_must_match_field or check.field is None:
        return []
    for hit in satisfying.values():
        number = number_in(hit.text)
        if number is not None and number != value:
            return [context.at(rule, "mismatch", check.field.keys, field=value, text=number)]
    return []


def number_in(text: str) -> int | None:
    """The count in a matched phrase: the number before 回 (or 往復, ラウンド, 度), else the first
    number, in digits or an English word."""
    count = _JA_COUNT.search(text)
    if count is not None:
        return int(count.group(1))
    match = _NUMBER.search(text)
    if match is None:
        return None
    word = match.group().lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS[word]
