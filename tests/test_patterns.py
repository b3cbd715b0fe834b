"""Pattern compilation: case-insensitive by lower-casing, ASCII word boundaries, leading \\b."""

from __future__ import annotations

import pytest

from listing_lint.patterns import CompiledPattern, Patterns, lowercase_pattern


@pytest.mark.parametrize(
    "source, lowered",
    [
        (r"Zoom\s+Call", r"zoom\s+call"),
        (r"\bLINE\b\S\D\W\B", r"\bline\b\S\D\W\B"),
        (r"[A-Z]{2,}", r"[a-z]{2,}"),
        (r"(?P<Name>X)(?P=Name)", r"(?P<Name>x)(?P=Name)"),
        (r"\N{BULLET}Todo", r"\N{BULLET}todo"),
    ],
)
def test_lowercase_pattern_keeps_escapes_and_group_names(source, lowered):
    assert lowercase_pattern(source) == lowered


def _matches(source: str, text: str) -> list[str]:
    pattern = CompiledPattern.of("en", source)
    lowered = text.lower()
    found = []
    position = 0
    while (match := pattern.regex.search(lowered, position)) is not None:
        if pattern.boundary_ok(lowered, match.start()):
            found.append(text[match.start() : match.end()])
            position = match.end()
        else:
            position = match.start() + 1
    return found


def test_leading_boundary_is_checked_like_the_engine_would():
    assert CompiledPattern.of("en", r"\b(?:no|not)\b").word_boundary
    assert _matches(r"\b(?:no|not)\b", "Piano? No, not another.") == ["No", "not"]


def test_leading_boundary_before_a_top_level_alternation_stays_with_the_engine():
    pattern = CompiledPattern.of("en", r"\bcat|dog")
    assert not pattern.word_boundary
    assert _matches(r"\bcat|dog", "bobcat hotdog cat") == ["dog", "cat"]


def test_word_boundary_falls_between_japanese_and_latin():
    assert _matches(r"\bpng\b", "ロゴはPNG形式で") == ["PNG"]
    assert _matches(r"\bpng\b", "apng") == []


def test_patterns_match_whole_case_insensitively():
    allowed = Patterns(en=[r"(?:https?://)?(?:www\.)?coconala\.com(?:/\S*)?"])
    assert allowed.matches_whole("https://Coconala.com/users/1")
    assert not allowed.matches_whole("https://coconala.com.evil.example")
