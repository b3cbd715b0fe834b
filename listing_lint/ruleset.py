"""Rule files: the pydantic models they must satisfy, and loading them (once per run)."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .errors import RuleError

Severity = Literal["error", "warning", "info"]
Language = Literal["ja", "en"]
LANGUAGES: tuple[Language, ...] = ("ja", "en")
ALL_KINDS = ("production", "content", "consultation")
MACROS_FILE = "_macros.yaml"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    """The same words in each language listing-lint speaks."""

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, language: str) -> str:
        return self.ja if language == "ja" else self.en


class Patterns(Strict):
    """Regular expressions per language, case-insensitive.

    ``ja`` patterns are searched in clauses with non-ASCII text, ``en`` patterns in clauses with ASCII
    letters, digits or @#$_{}[]+ (see ``document.VIEWS``); a listing is searched with both.
    """

    ja: list[str] = []
    en: list[str] = []

    @cached_property
    def compiled(self) -> tuple[CompiledPattern, ...]:
        """Each pattern compiled on its own, when the rule loads (see ``_compile``), never per file."""
        return tuple(CompiledPattern.of(lang, src) for lang in LANGUAGES for src in getattr(self, lang))

    def matches_whole(self, text: str) -> bool:
        """True when one of the patterns matches all of ``text`` (compared in lower case)."""
        lowered = text.translate(ASCII_LOWER)
        return any(p.regex.fullmatch(lowered) and p.boundary_ok(lowered, 0) for p in self.compiled)


class CompiledPattern(NamedTuple):
    """A pattern ready to search a document view.

    Python's regex engine skips ahead to a pattern's possible first characters only when the pattern
    starts with a literal and ``re.IGNORECASE`` is off. So case-insensitivity comes from lower-casing
    both pattern and text, and a leading ``\\b`` is checked by ``boundary_ok`` instead of the engine.
    """

    language: Language
    regex: re.Pattern[str]
    word_boundary: bool

    @classmethod
    def of(cls, language: Language, source: str) -> CompiledPattern:
        source = lowercase_pattern(source)
        boundary = source.startswith("\\b") and not _top_level_alternation(source)
        return cls(language, re.compile(source[2:] if boundary else source), boundary)

    def boundary_ok(self, text: str, start: int) -> bool:
        """What the stripped ``\\b`` would have checked at ``start``."""
        if not self.word_boundary:
            return True
        before = start > 0 and _is_word(text[start - 1])
        return before != (start < len(text) and _is_word(text[start]))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _top_level_alternation(source: str) -> bool:
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if source[index + 1 : index + 2] != "]" else 2  # a leading ] is literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        index += 1
    return False


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Spans of a pattern that must keep their case: escapes (\S, \N{...}) and group syntax ((?P<n>, (?P=n)).
_KEEP_CASE = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)", re.S)


def lowercase_pattern(source: str) -> str:
    """Lower-case a pattern's ASCII letters, leaving escapes and group names alone."""
    out, last = [], 0
    for keep in _KEEP_CASE.finditer(source):
        out.append(source[last : keep.start()].translate(ASCII_LOWER))
        out.append(keep.group())
        last = keep.end()
    out.append(source[last:].translate(ASCII_LOWER))
    return "".join(out)


class FieldDecision(Strict):
    """A front-matter field that decides the rule before any text is read."""

    path: str
    satisfied_by: Literal["integer", "true", "false"]
    rejected_by: list[Any] = []  # values that fail the rule at the field's line

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


class Contrary(Strict):
    """A promise of the opposite (unlimited revisions): fails the rule with its own message."""

    message: str
    field_values: list[Any] = []
    forms: list[dict[str, Patterns]] = Field(min_length=1)
    negations: Patterns = Patterns()


class ClauseCheck(Strict):
    """A safeguard the listing must state: a field, or a clause matching every part of one form."""

    type: Literal["clause"]
    field: FieldDecision | None = None
    forms: list[dict[str, Patterns]] = Field(min_length=1)
    negations: Patterns = Patterns()
    contrary: Contrary | None = None
    number_must_match_field: bool = False


class ExistenceGroup(Strict):
    name: str
    message: str = "match"
    patterns: Patterns
    unless: Patterns = Patterns()  # the clause around the match makes it harmless (a ban of the thing)
    unless_match: Patterns = Patterns()  # the match itself is harmless (the platform's own URL)


class ExistenceCheck(Strict):
    """A violation: every match is a finding."""

    type: Literal["existence"]
    groups: list[ExistenceGroup] = Field(min_length=1)


class SettingCheck(Strict):
    """A platform switch that must hold a value, plus text that contradicts it."""

    type: Literal["setting"]
    field: str
    expected: bool
    platforms: list[str]  # where the switch exists; elsewhere only the text is checked
    missing_severity: Severity = "warning"
    text: Patterns
    negations: Patterns = Patterns()

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.field.split("."))


Check = Annotated[ClauseCheck | ExistenceCheck | SettingCheck, Field(discriminator="type")]


class Examples(Strict):
    ja: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)


class Fix(Strict):
    description: Localized
    field: str | None = None
    value: Any = None
    clause: Localized | None = None


class Rule(Strict):
    code: str = Field(pattern=r"^[A-Z]{2,}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    severity: Severity
    kinds: list[Literal["production", "content", "consultation"]] | Literal["all"]
    summary: Localized
    why: Localized
    story: Localized
    satisfied_by: Localized
    messages: dict[str, Localized]
    fix: Fix | None = None
    check: Check
    passing: Examples
    failing: Examples

    @model_validator(mode="after")
    def _messages_exist(self) -> Rule:
        check = self.check
        if isinstance(check, ExistenceCheck):
            needed = {g.message for g in check.groups}
        elif isinstance(check, SettingCheck):
            needed = {"missing", "field", "text"}
        else:
            needed = {"missing"} | ({"mismatch"} if check.number_must_match_field else set())
            needed |= {check.contrary.message} if check.contrary else set()
        missing = needed - set(self.messages)
        if missing:
            raise ValueError(f"messages lacks {', '.join(sorted(missing))}")
        return self

    @property
    def applies_to(self) -> tuple[str, ...]:
        return ALL_KINDS if self.kinds == "all" else tuple(self.kinds)

    def pattern_sets(self) -> list[tuple[str, Patterns]]:
        """Every pattern set in the rule, with the field path that names it in errors."""
        found: list[tuple[str, Patterns]] = []
        _collect(self.check, "check", found)
        return found


def _collect(value: Any, where: str, found: list[tuple[str, Patterns]]) -> None:
    if isinstance(value, Patterns):
        found.append((where, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _collect(getattr(value, name), f"{where}.{name}", found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, f"{where}.{key}", found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, f"{where}[{index}]", found)


_YAML = YAML(typ="safe")
_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")


def builtin_rules_dir() -> Path:
    """``listing_lint/rules`` in an installed wheel; the repository's ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def load_rules(directory: Path | None = None) -> list[Rule]:
    """Load, validate and compile every ``*.yaml`` rule in ``directory``, sorted by code."""
    directory = directory or builtin_rules_dir()
    macros = _load_macros(directory / MACROS_FILE)
    rules = [load_rule(path, macros) for path in sorted(directory.glob("*.yaml")) if path.name != MACROS_FILE]
    codes = [r.code for r in rules] + [r.name for r in rules]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuleError(f"{directory}: duplicate rule code or name: {', '.join(sorted(duplicates))}")
    return sorted(rules, key=lambda r: r.code)


def load_rule(path: Path, macros: dict[str, str]) -> Rule:
    data = _read_yaml(path)
    try:
        rule = Rule.model_validate(_expand(data, macros, path))
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise RuleError(f"{path}: {where}: {error['msg']}") from None
    _compile(rule, path)
    return rule


def _read_yaml(path: Path) -> Any:
    try:
        return _YAML.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {' '.join(str(exc).split())}") from None


def _load_macros(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    data = _read_yaml(path)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise RuleError(f"{path}: macros must be a mapping of NAME: pattern")
    return data


def _expand(value: Any, macros: dict[str, str], path: Path) -> Any:
    """Replace ``{NAME}`` in pattern strings with the shared macro patterns."""
    if isinstance(value, dict):
        return {k: _expand(v, macros, path) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, macros, path) for v in value]
    if isinstance(value, str) and "{" in value:

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in macros:
                return match.group(0)  # a regex quantifier such as {2,} never matches this form
            return f"(?:{macros[name]})"

        return _MACRO.sub(replace, value)
    return value


def _compile(rule: Rule, path: Path) -> None:
    """Check and compile every pattern of a rule, naming the first bad one."""
    for where, patterns in rule.pattern_sets():
        for language in LANGUAGES:
            for index, source in enumerate(getattr(patterns, language)):
                problem = None
                if not source.strip():
                    problem = "empty pattern"
                elif "(?-i" in source or "(?i" in source:
                    problem = "case flags are not supported (every pattern is case-insensitive)"
                else:
                    try:
                        CompiledPattern.of(language, source)  # re's cache keeps it for `compiled`
                    except re.error as exc:
                        problem = f"bad pattern {source!r}: {exc}"
                if problem:
                    raise RuleError(f"{path}: {where}.{language}[{index}]: {problem}")
        patterns.compiled  # noqa: B018 - compile now and keep, never per file
