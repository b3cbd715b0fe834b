"""Pattern sets as rule files write them, and compiled for fast searching.

Python's regex engine skips ahead to a pattern's possible first characters only when the pattern
starts with a literal and ``re.IGNORECASE`` is off. So case-insensitivity comes from lower-casing both
pattern and text, each pattern is compiled on its own (an alternation of groups would defeat the
skip), and a leading ``\\b`` is checked by ``CompiledPattern.accepts`` instead of the engine.

Latin words inside Japanese patterns (LINE, NG, DM) match whole words only: 「LINEで」 but not
「ONLINEで」, and a Japanese negation 「NG」 not the end of "leaving".

Patterns are ASCII-mode: ``\\b`` and ``\\w`` know only Latin letters, digits and ``_``, so a word
boundary falls between Japanese and a Latin word (「PNG形式」), where Unicode mode sees none.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from .compiler import Gate, RuleCache

Language = Literal["ja", "en"]
LANGUAGES: tuple[Language, ...] = ("ja", "en")


class PatternProblem(ValueError):
    """A pattern that cannot be used, and where it sits in its set."""

    def __init__(self, language: Language, index: int, problem: str) -> None:
        super().__init__(f"{language}[{index}]: {problem}")


class Patterns(BaseModel):
    """Regular expressions per language, case-insensitive.

    ``ja`` patterns are searched in clauses with Japanese text, ``en`` patterns in clauses with Latin
    letters (see ``document._view_clauses``); a listing is searched with both.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    ja: list[str] = []
    en: list[str] = []

    @cached_property
    def compiled(self) -> tuple[CompiledPattern, ...]:
        """Each pattern compiled on its own, when the rule loads (``compile``), never per file."""
        return self.compile()

    def compile(self, cache: RuleCache | None = None) -> tuple[CompiledPattern, ...]:
        """Compile the patterns once (through ``cache``); later calls and ``compiled`` return the same.

        Raises ``PatternProblem`` for an empty pattern, a case flag or one that does not compile.
        """
        if "compiled" in self.__dict__:
            return self.__dict__["compiled"]
        cache = cache or RuleCache(None, "")
        compiled: list[CompiledPattern] = []
        for language in LANGUAGES:
            for index, source in enumerate(getattr(self, language)):
                if not source.strip():
                    raise PatternProblem(language, index, "empty pattern")
                if "(?-i" in source or "(?i" in source:
                    problem = "case flags are not supported (every pattern is case-insensitive)"
                    raise PatternProblem(language, index, problem)
                try:
                    compiled += compile_pattern(language, source, cache)
                except re.error as exc:
                    raise PatternProblem(language, index, f"bad pattern {source!r}: {exc}") from None
        self.__dict__["compiled"] = tuple(compiled)  # where cached_property keeps its value
        return self.__dict__["compiled"]

    def matches_whole(self, text: str) -> bool:
        """True when one of the patterns matches all of ``text`` (compared in lower case)."""
        lowered = ascii_lower(text)
        return any(p.regex.fullmatch(lowered) and p.accepts(lowered, 0, len(lowered)) for p in self.compiled)


class CompiledPattern(NamedTuple):
    """A pattern ready to search a document view (see the module's docstring)."""

    language: Language
    regex: re.Pattern[str]
    word_boundary: bool
    look_behind: re.Pattern[str] | None = None  # the opening assertions stripped off (see _plan_branch)
    gate: Gate = ()  # every match contains a needle of each of these (see compiler.py); empty: unknown
    line_start: bool = False  # every match starts a line: tried at each clause's start, not searched for

    def accepts(self, text: str, start: int, end: int) -> bool:
        """What the stripped ``\\b`` or opening assertions would have checked at ``start``; for Japanese
        patterns, that a match starting or ending in a Latin letter does not cut a Latin word."""
        if self.look_behind is not None and self.look_behind.match(text, start) is None:
            return False
        if self.word_boundary:
            before = start > 0 and _is_word(text[start - 1])
            if before == (start < len(text) and _is_word(text[start])):
                return False
        if self.language == "ja" and end > start:
            if _is_letter(text[start]) and start > 0 and _is_letter(text[start - 1]):
                return False
            if _is_letter(text[end - 1]) and end < len(text) and _is_letter(text[end]):
                return False
        return True


def _is_word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def _is_letter(char: str) -> bool:
    return "a" <= char <= "z"  # text and patterns are lower-cased


def compile_pattern(language: Language, source: str, cache: RuleCache | None = None) -> list[CompiledPattern]:
    """Compile a rule pattern into one or more patterns the engine can search quickly (see ``_plan``)."""
    cache = cache or RuleCache(None, "")
    compiled = []
    for variant, boundary, look_behind_source in cache.remember(("plan", source), lambda: _plan(source)):
        look_behind = cache.compile(look_behind_source, re.ASCII).regex if look_behind_source else None
        regex = cache.compile(variant, re.ASCII)
        line_start = variant.startswith(_LINE_START) and len(_top_level_branches(variant)) == 1
        compiled.append(CompiledPattern(language, regex.regex, boundary, look_behind, regex.gate, line_start))
    return compiled


# A pattern opening so (「【納品物】」 on a line of its own, after any decoration) matches only where
# a line starts; with a repeated class next, a search would try it at every character.
_LINE_START = "(?<![^\\n])"


Plan = list[tuple[str, bool, str | None]]  # (regex, opens with a word boundary, look-behind checked after)


def _plan(source: str) -> Plan:
    """The regexes that search for ``source``, each starting with something the engine can skip to.

    Top-level alternatives that do not all open with a literal are searched apart (those that do
    stay together: the engine skips to their first characters); then see ``_plan_branch``.
    """
    source = lowercase_pattern(source)
    branches = _top_level_branches(source)
    if len(branches) == 1:
        return _plan_branch(source)
    literal = [branch for branch in branches if _starts_with_literal(branch)]
    if len(literal) == len(branches):
        return [(source, False, None)]
    together: Plan = [("|".join(literal), False, None)] if literal else []
    apart = together + [plan for branch in branches if branch not in literal for plan in _plan_branch(branch)]
    # searched apart, an alternative the engine cannot skip through costs a whole scan of its own
    return apart if all(_skippable(regex) for regex, _, _ in apart) else [(source, False, None)]


def _plan_branch(source: str) -> Plan:
    """The zero-width assertions that open a pattern (``\\b``, look-behinds, look-aheads) are stripped
    and checked by ``accepts`` at each match's start, where what follows lets the engine skip ahead;
    then see ``_variants``."""
    boundary = source.startswith("\\b")
    if boundary:
        source = source[2:]
    look_behind = None
    end = _assertions_end(source)
    if end and _skippable(source[end:]):
        look_behind, source = source[:end], source[end:]
    return [(variant, boundary, look_behind) for variant in _variants(source)]


def _assertions_end(source: str) -> int:
    """Length of the run of zero-width assertions that opens ``source`` (0: none)."""
    index = 0
    while True:
        rest = source[index:]
        if rest.startswith("\\b"):
            index += 2
        elif rest.startswith(("(?<=", "(?<!", "(?=", "(?!")) and (end := _group_end(rest)) is not None:
            index += end + 1
        else:
            return index


def _variants(source: str) -> list[str]:
    """Patterns whose matches together are the matches of ``source``, each opening with something to
    skip to: a leading group whose alternatives do not all open with a literal (``(?:\\d+|one)…``)
    is split into one pattern per alternative, a leading optional atom (``(?:keep )?revise``, ``ご?購入``)
    into one pattern with it and one without, and a leading ``\\d+`` becomes ``\\d\\d*``."""
    if source.startswith("\\d+"):
        return ["\\d\\d*" + source[3:]]
    optional = _optional_atom_end(source)
    if optional:
        return _variants(source[: optional - 1] + source[optional:]) + _variants(source[optional:])
    if not source.startswith("(?:"):
        return [source]
    end = _group_end(source)
    if end is None or source[end + 1 : end + 2] in ("?", "*", "+", "{") or len(_top_level_branches(source)) > 1:
        return [source]
    branches = _top_level_branches(source[3:end])
    literal = [b for b in branches if _starts_with_literal(b)]
    if len(literal) == len(branches) > 1:
        return [source]  # the engine skips to the branches' first characters already
    rest = source[end + 1 :]
    # branches that open with a literal stay together (one pattern, fewer to compile); each other
    # branch (\\d+, a nested group) becomes a pattern of its own
    together = [f"(?:{'|'.join(literal)}){rest}"] if len(literal) > 1 else []
    alone = [b for b in branches if b not in literal or len(literal) == 1]
    return together + [variant for branch in alone for variant in _variants(branch + rest)]


def _optional_atom_end(source: str) -> int:
    """Where ``source`` goes on after an opening ``X?`` (a literal or a ``(?:…)`` group) followed by
    something to skip to; 0 when it does not open so."""
    if source.startswith("(?:"):
        end = _group_end(source)
        atom = end + 1 if end is not None else 0
    else:
        atom = 1 if _starts_with_literal(source[:1]) else 0
    if not atom or source[atom : atom + 1] != "?" or source[atom + 1 : atom + 2] in ("?", "+"):
        return 0
    return atom + 1 if _skippable(source[atom + 1 :]) else 0


def _skippable(source: str) -> bool:
    """True when a pattern opens with a character, or a few listed ones, the engine can skip ahead to
    (not a range such as ``[a-z0-9]``, which nearly every position of a text starts)."""
    if source.startswith(("\\d", "\\+", "\\(", "\\.", "\\$")):
        return not _optional(source[2:])
    if source.startswith("[") and not source.startswith("[^"):
        end = source.find("]", 2)
        listed = end > 0 and "\\" not in source[1:end] and "-" not in source[2 : end - 1]
        return listed and not _optional(source[end + 1 :])
    if source.startswith("(?:"):
        end = _group_end(source)
        inside = _top_level_branches(source[3:end]) if end is not None else []
        return bool(inside) and not _optional(source[end + 1 :]) and all(_skippable(b) for b in inside)
    return _starts_with_literal(source)


def _optional(quantifier: str) -> bool:
    """True when what follows an atom lets it match nothing (``?``, ``*``, ``{0,n}``)."""
    return quantifier.startswith(("?", "*", "{0", "{,"))


def _starts_with_literal(source: str) -> bool:
    return bool(source) and source[0] not in "\\([.^$" and source[1:2] not in ("?", "*", "{")


# The parts of a pattern that matter to its structure: an escape or a character class (skipped
# whole; a class may open with a literal ``]``), or a group parenthesis or alternation bar.
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.S)


def _scan(source: str):
    """Yield (index, char, depth) for each ``(``, ``)`` and ``|`` outside escapes and classes."""
    depth = 0
    for token in _STRUCTURE.finditer(source):
        char = token.group()
        if char in "()|":
            depth += char == "("
            yield token.start(), char, depth
            depth -= char == ")"


def _top_level_branches(source: str) -> list[str]:
    cuts = [i for i, char, depth in _scan(source) if char == "|" and depth == 0]
    bounds = [-1, *cuts, len(source)]
    return [source[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _group_end(source: str) -> int | None:
    """Index of the ``)`` closing the group that opens ``source``."""
    for index, char, depth in _scan(source):
        if char == ")" and depth == 1:
            return index
    return None


def ascii_lower(text: str) -> str:
    """``text`` with A-Z lower-cased and every other character as it was (same length, same places)."""
    # bytes.lower() touches only ASCII, and UTF-8 keeps other characters' bytes above 0x7f: this is
    # str.translate's result, ten times faster on Japanese text.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


# Spans of a pattern that must keep their case: escapes (\S, \N{...}) and group syntax ((?P<n>, (?P=n)).
_KEEP_CASE = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)", re.S)


def lowercase_pattern(source: str) -> str:
    """Lower-case a pattern's ASCII letters, leaving escapes and group names alone."""
    out, last = [], 0
    for keep in _KEEP_CASE.finditer(source):
        out.append(ascii_lower(source[last : keep.start()]))
        out.append(keep.group())
        last = keep.end()
    out.append(ascii_lower(source[last:]))
    return "".join(out)
