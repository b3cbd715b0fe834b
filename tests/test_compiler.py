"""The compiled-pattern cache: same rules with or without it, and never a failure because of it."""

from __future__ import annotations

import os
import re
import time

import pytest

from listing_lint import compiler, patterns, ruleset
from listing_lint.compiler import RuleCache, compile_fresh
from listing_lint.patterns import CompiledPattern, ascii_lower, compile_pattern, lowercase_pattern
from listing_lint.ruleset import builtin_rules_dir, load_rules

from .conftest import FIXTURES


def _pattern_sources(rules) -> list[tuple[str, int]]:
    return [
        (p.regex.pattern, p.regex.flags)
        for rule in rules
        for _, patterns in rule.pattern_sets()
        for p in patterns.compiled
    ]


def test_a_second_load_parses_and_compiles_nothing_and_gives_the_same_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path))
    first = load_rules()
    [stored] = tmp_path.glob("patterns-*.marshal")

    def no_compiling(*source):
        raise AssertionError(f"compiled again: {source!r}")

    monkeypatch.setattr(compiler, "_analyse", no_compiling)
    monkeypatch.setattr(patterns, "_plan", no_compiling)
    monkeypatch.setattr(ruleset, "load_data", no_compiling)  # nor is any rule file's YAML read again
    second = load_rules()
    assert _pattern_sources(second) == _pattern_sources(first)
    assert list(tmp_path.glob("patterns-*.marshal")) == [stored]


def test_a_cached_pattern_matches_as_re_compiles_it(tmp_path):
    source = r"(?<![\d-])(\d{2,4})-(?P<rest>\d{4})|修正(?:は|を)?\s*\d+回"
    writer = RuleCache(tmp_path, "scope")
    writer.compile(source, re.ASCII)
    writer.save()
    cache = RuleCache(tmp_path, "scope")
    assert list(cache.stored) == [("regex", source, int(re.ASCII))]
    cached = cache.compile(source, re.ASCII).regex
    fresh = re.compile(source, re.ASCII)
    for text in ("tel 03-1234 and 1-2345", "無料の修正は 3回まで", "nothing here"):
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert cached.groupindex == fresh.groupindex and cached.groups == fresh.groups


@pytest.mark.parametrize("damage", [b"", b"not marshal data", b"\x00" * 64])
def test_a_damaged_cache_file_is_compiled_anew_and_replaced(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(tmp_path))
    expected = _pattern_sources(load_rules())
    [stored] = tmp_path.glob("patterns-*.marshal")
    stored.write_bytes(damage)
    assert _pattern_sources(load_rules()) == expected
    assert stored.read_bytes() != damage


def test_a_save_removes_cache_files_unused_for_a_month_and_a_read_keeps_its_own(tmp_path):
    month_ago = time.time() - 31 * 24 * 3600
    stale, lost = tmp_path / "patterns-0123456789abcdef.marshal", tmp_path / ".patterns-x1y2z3"
    for path in (stale, lost, tmp_path / "notes.txt"):
        path.write_bytes(b"old")
        os.utime(path, (month_ago, month_ago))
    writer = RuleCache(tmp_path, "scope")
    writer.compile("a+", 0)
    writer.save()
    [kept] = tmp_path.glob("patterns-*.marshal")
    os.utime(kept, (month_ago, month_ago))
    assert RuleCache(tmp_path, "scope").stored  # read, so touched: in use
    assert kept.stat().st_mtime > month_ago
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept.name, "notes.txt"])


def test_an_empty_cache_setting_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert load_rules()
    assert list(tmp_path.rglob("*")) == []


def test_an_unwritable_cache_directory_costs_only_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file-not-directory"
    blocker.write_text("x")
    monkeypatch.setenv("LISTING_LINT_CACHE_DIR", str(blocker / "cache"))
    assert len(load_rules()) == len(list(builtin_rules_dir().glob("LL*.yaml")))
    assert blocker.read_text() == "x"


def test_each_rule_directory_keeps_its_own_file(tmp_path):
    first = RuleCache(tmp_path, "/rules/a")
    second = RuleCache(tmp_path, "/rules/b")
    first.compile("a+", 0)
    second.compile("b+", 0)
    first.save()
    second.save()
    assert len(list(tmp_path.glob("patterns-*.marshal"))) == 2
    assert list(RuleCache(tmp_path, "/rules/b").stored) == [("regex", "b+", 0)]


@pytest.mark.parametrize(
    "source, gate",
    [
        (r"修正[^。]{0,5}\d+回", (("修正",), ("回",))),  # each literal run is required
        (r"(?:line|zoom|skype)\s*id", (("id",), ("line", "skype", "zoom"))),  # the fewest needles first
        (r"x?y", (("y",),)),  # an optional atom need not be there ("xy" contains "y")
        (r"\s*[●○]", (("○", "●"),)),  # a class of literals is a set of one-character needles
        (r"(?:修正|手直し|やり直し)を", (("やり直しを", "修正を", "手直しを"),)),  # multiplied out
        (r"(?:one|two) days?", (("one day", "two day"),)),
        (r"\((?:skype|kik)\)", (("(kik)", "(skype)"),)),
        (r"a[x]*b", (("a",), ("b",))),  # a repeat that may be absent breaks the run
        (r"(?:ab\d|c\s)d", (("d",), ("ab", "c"))),  # one requirement of each alternative
        (r"(?=abc)\d", ()),  # a look-ahead consumes nothing: no requirement known
        (r"(?:ab|\d)c?", ()),  # a branch without a literal: nothing required
    ],
)
def test_gate_is_what_every_match_must_contain(source, gate):
    assert compile_fresh(source).gate == gate


def test_no_match_in_the_fixtures_is_ever_skipped(rules):
    """Wherever a rule pattern matches a fixture's text, a needle of each of its sets is in the match."""
    texts = [ascii_lower(p.read_text("utf-8")) for p in FIXTURES.rglob("*") if p.suffix in (".md", ".yaml")]
    checked = 0
    for pattern in (p for rule in rules for _, group in rule.pattern_sets() for p in group.compiled):
        for text in texts:
            match = pattern.regex.search(text)
            if match is None:
                continue
            checked += 1
            found = match.group()
            for needles in pattern.gate:
                assert any(n in found for n in needles), (pattern.regex.pattern, found, needles)
    assert checked > 1000


def _finds(compiled: list[CompiledPattern], text: str) -> bool:
    """Whether any of the patterns has an accepted match in ``text`` (scanned as Document.hits does)."""
    for pattern in compiled:
        position = 0
        while (match := pattern.regex.search(text, position)) is not None:
            if pattern.accepts(text, match.start(), match.end()):
                return True
            position = match.start() + 1
    return False


def test_a_patterns_plan_finds_a_match_exactly_where_the_rule_pattern_does(rules):
    """Splitting alternatives, expanding an optional opening and stripping assertions change nothing."""
    texts = [ascii_lower(p.read_text("utf-8")) for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".md", ".yaml")]
    sources = {
        (lang, s) for r in rules for _, group in r.pattern_sets() for lang in ("ja", "en") for s in getattr(group, lang)
    }
    for language, source in sorted(sources):
        planned = compile_pattern(language, source)
        whole = [CompiledPattern(language, re.compile(lowercase_pattern(source), re.ASCII), False)]
        for text in texts:
            assert _finds(planned, text) == _finds(whole, text), (source, text[:80])
