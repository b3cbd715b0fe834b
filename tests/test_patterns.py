"""Pattern compilation: case-insensitive by lower-casing, ASCII word boundaries, leading \\b."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from listing_lint.patterns import Patterns, ascii_lower, compile_pattern, lowercase_pattern


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
    lowered = text.lower()
    found = []
    for pattern in compile_pattern("en", source):
        position = 0
        while (match := pattern.regex.search(lowered, position)) is not None:
            if pattern.accepts(lowered, match.start(), match.end()):
                found.append((match.start(), text[match.start() : match.end()]))
                position = match.end()
            else:
                position = match.start() + 1
    return [text for _, text in sorted(found)]


def test_leading_boundary_is_checked_like_the_engine_would():
    assert [p.word_boundary for p in compile_pattern("en", r"\b(?:no|not)\b")] == [True]
    assert _matches(r"\b(?:no|not)\b", "Piano? No, not another.") == ["No", "not"]


def test_top_level_alternatives_are_searched_apart_each_with_its_own_boundary():
    assert [(p.regex.pattern, p.word_boundary) for p in compile_pattern("en", r"\bcat|dog")] == [
        ("dog", False),
        ("cat", True),
    ]
    assert _matches(r"\bcat|dog", "bobcat hotdog cat") == ["dog", "cat"]
    # alternatives that all open with a literal stay one pattern: the engine skips to their first characters
    assert [p.regex.pattern for p in compile_pattern("ja", "修正|リテイク")] == ["修正|リテイク"]
    assert [p.regex.pattern for p in compile_pattern("ja", r"残り\d+名|\d+名限定|先着")] == [
        "残り\\d+名|先着",
        "\\d\\d*名限定",
    ]


def test_word_boundary_falls_between_japanese_and_latin():
    assert _matches(r"\bpng\b", "ロゴはPNG形式で") == ["PNG"]
    assert _matches(r"\bpng\b", "apng") == []


def test_patterns_match_whole_case_insensitively():
    allowed = Patterns(en=[r"(?:https?://)?(?:www\.)?coconala\.com(?:/\S*)?"])
    assert allowed.matches_whole("https://Coconala.com/users/1")
    assert not allowed.matches_whole("https://coconala.com.evil.example")


@pytest.mark.parametrize(
    "source, variants",
    [
        (r"(?:\d+|one|two)\s+revisions?", [r"(?:one|two)\s+revisions?", r"\d\d*\s+revisions?"]),
        (r"(?:(?:\d+|one))x", [r"\d\d*x", r"onex"]),
        (r"(?:revisions?|edits)\s*:", [r"(?:revisions?|edits)\s*:"]),  # already fast: left whole
        (r"(?:\d+|one)?x", [r"\d\d*x", "onex", "x"]),  # an optional opening: with it, and without
        (r"(?:a|\d)|b", ["b", "a", r"\d"]),  # a top-level alternation is searched alternative by alternative
    ],
)
def test_leading_alternations_are_split_so_the_engine_can_skip_ahead(source, variants):
    assert [p.regex.pattern for p in compile_pattern("en", source)] == variants
    for text in ("3 revisions", "one revisions", "3x", "onex", "x", "edits:", "b"):
        whole = re.search(lowercase_pattern(source), text, re.ASCII)
        split = any(p.regex.search(text) for p in compile_pattern("en", source))
        assert bool(whole) == split, text


def _ja_matches(source: str, text: str) -> list[str]:
    lowered = text.lower()
    return [
        text[m.start() : m.end()]
        for pattern in compile_pattern("ja", source)
        for m in pattern.regex.finditer(lowered)
        if pattern.accepts(lowered, m.start(), m.end())
    ]


@pytest.mark.parametrize(
    "source, text, found",
    [
        ("(?:LINE|ライン)で", "LINEでご連絡ください", ["LINEで"]),
        ("(?:LINE|ライン)で", "ONLINEで納品します", []),
        ("NG", "Leaving feedback is fine", []),
        ("NG", "匿名評価はNGです", ["NG"]),
        ("DM", "インスタのDMで", ["DM"]),
    ],
)
def test_latin_words_in_japanese_patterns_match_whole_words(source, text, found):
    assert _ja_matches(source, text) == found


@given(st.text())
def test_ascii_lower_changes_only_ascii_capitals(text):
    lowered = ascii_lower(text)
    assert lowered == text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def test_leading_look_behind_is_checked_like_the_engine_would():
    assert _matches(r"(?<![\d-])\d{3}-\d{3}-\d{4}(?![\d-])", "call 555-123-4567 or 1555-123-4567") == ["555-123-4567"]
    assert [p.look_behind is not None for p in compile_pattern("en", r"(?<![\d-])\d{3}")] == [True]
    # a run of assertions is checked as one, a look-ahead and a boundary among them
    assert [p.look_behind.pattern for p in compile_pattern("en", r"(?<![^\n])(?!x)\by")] == [r"(?<![^\n])(?!x)\b"]
    assert _matches(r"(?<![\d.] )(?<![\d.])\bx(?= days)", "3 x days; x days; ax days") == ["x"]


def test_look_behind_stays_when_what_follows_may_match_nothing():
    assert [p.look_behind is not None for p in compile_pattern("en", r"(?<![^\n])[#*\s]*what")] == [False]
    assert [p.look_behind is not None for p in compile_pattern("en", r"(?<!a)\d*x")] == [False]
