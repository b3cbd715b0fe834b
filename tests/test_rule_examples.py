"""Every rule file carries passing and failing examples in both languages; they must behave."""

from __future__ import annotations

import pytest

from listing_lint.config import Config
from listing_lint.engine import builtin_rules, lint_text
from listing_lint.listing import detect_language

RULES = builtin_rules()


def _as_listing(example: str, rule, language: str) -> str:
    """A bare example becomes the body of a listing of the rule's first kind; full listings stay."""
    if example.startswith("---\n"):
        return example
    return f"---\nkind: {rule.applies_to[0]}\nlanguage: {language}\n---\n{example}"


def _cases(attribute: str) -> list:
    return [
        pytest.param(rule, language, example, id=f"{rule.code}-{language}-{index}")
        for rule in RULES
        for language in ("ja", "en")
        for index, example in enumerate(getattr(getattr(rule, attribute), language))
    ]


@pytest.mark.parametrize("rule, language, example", _cases("passing"))
def test_passing_example_has_no_finding(rule, language, example):
    findings = lint_text(_as_listing(example, rule, language), "example.md", Config(select=[rule.code]))
    assert [f for f in findings if f.code == rule.code] == []


@pytest.mark.parametrize("rule, language, example", _cases("failing"))
def test_failing_example_is_reported_in_its_language(rule, language, example):
    findings = lint_text(_as_listing(example, rule, language), "example.md", Config(select=[rule.code]))
    own = [f for f in findings if f.code == rule.code]
    assert own, f"{rule.code} did not fire on: {example!r}"
    assert {detect_language(f.message) for f in own} == {language}


def test_every_rule_has_examples_in_both_languages():
    for rule in RULES:
        for examples in (rule.passing, rule.failing):
            assert examples.ja and examples.en, rule.code
