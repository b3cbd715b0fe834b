"""Rule files: the pydantic models they must satisfy, and loading them (once per run)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml.error import YAMLError

from .compiler import RuleCache, cache_directory
from .errors import RuleError
from .frontmatter import Platform
from .patterns import PatternProblem, Patterns
from .yamlpos import load_data

Severity = Literal["error", "warning", "info"]
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


class FieldDecision(Strict):
    """A front-matter field that decides the rule before any text is read."""

    path: str
    satisfied_by: Literal["integer", "true", "false"]
    rejected_by: list[Any] = []  # values that fail the rule at the field's line

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))


Form = dict[str, Patterns]  # named parts that must all match inside one clause


class Contrary(Strict):
    """A promise of the opposite (unlimited revisions): fails the rule with its own message."""

    message: str
    field_values: list[Any] = []
    forms: list[Form] = Field(min_length=1)
    negations: Patterns = Patterns()
    spare_questions: bool = False  # a buyer's question (「Q. 修正は無制限ですか?」) promises nothing


class Condition(Strict):
    """When a check applies: the listing states another rule's safeguard, or a clause of its own."""

    satisfied: str | None = Field(default=None, pattern=r"^[A-Z]{2,}\d{3}$")
    # only the other rule's forms with a part of these names count, and its field only when not 0
    # or false (LL301 asks for batched revisions where there is a cap, not where there are none)
    by: list[str] = []
    forms: list[Form] = []
    negations: Patterns = Patterns()

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        if (self.satisfied is None) == (not self.forms):
            raise ValueError("give either 'satisfied' (a rule code) or 'forms'")
        return self


class ClauseCheck(Strict):
    """A safeguard the listing must state: a field, or a clause matching every part of one form."""

    type: Literal["clause"]
    message: str = "missing"
    when: Condition | None = None
    field: FieldDecision | None = None
    forms: list[Form] = Field(min_length=1)
    negations: Patterns = Patterns()
    contrary: Contrary | None = None
    number_must_match_field: bool = False

    def messages(self) -> set[str]:
        needed = {self.message} | ({"mismatch"} if self.number_must_match_field else set())
        return needed | ({self.contrary.message} if self.contrary else set())


class ExistenceGroup(Strict):
    name: str
    message: str = "match"
    patterns: Patterns
    unless: Patterns = Patterns()  # the clause around the match makes it harmless (a ban of the thing)
    unless_match: Patterns = Patterns()  # the match itself is harmless (the platform's own URL)
    allowed_hosts_option: str | None = None  # an option listing hosts whose URLs are allowed
    # per platform, matches that are wholly about it: harmless on that platform's own listings
    # (「SKIMAでのご依頼を中心に活動しています」 on SKIMA, where it is no other marketplace)
    own_platform: dict[Platform, Patterns] = {}
    spare_questions: bool = False  # a buyer's question (「Q. LINEで連絡できますか?」) offers nothing


class ExistenceCheck(Strict):
    """A violation: every match is a finding."""

    type: Literal["existence"]
    groups: list[ExistenceGroup] = Field(min_length=1)

    def messages(self) -> set[str]:
        return {g.message for g in self.groups}


class SettingCheck(Strict):
    """A platform switch that must hold a value, plus text that contradicts it."""

    type: Literal["setting"]
    field: str
    expected: bool
    platforms_option: str  # the option listing the platforms that have the switch; elsewhere only text counts
    missing_severity: Severity = "warning"
    text: Patterns
    # contradicting text in parts, one of which may sit in the title over the clause
    # (「■評価について」 over 「匿名でも大丈夫です」), as a clause check's forms
    forms: list[Form] = []
    negations: Patterns = Patterns()
    spare_questions: bool = False  # text in a buyer's question does not contradict the switch

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.field.split("."))

    def messages(self) -> set[str]:
        return {"missing", "field", "text"}


class LengthCheck(Strict):
    """A description long enough to say what the buyer gets (headings not counted); the minimums are
    the options ``min_description_chars_ja`` and ``min_description_words_en``."""

    type: Literal["length"]
    message: str = "too_short"

    def messages(self) -> set[str]:
        return {self.message}


Check = Annotated[ClauseCheck | ExistenceCheck | SettingCheck | LengthCheck, Field(discriminator="type")]


class Examples(Strict):
    ja: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)


class Fix(Strict):
    description: Localized  # may use {default_revisions}, {silence_days} and, for violations, {match}


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
    checks: list[Check] = Field(min_length=1)
    passing: Examples
    failing: Examples

    @model_validator(mode="after")
    def _messages_exist(self) -> Rule:
        missing = set().union(*(check.messages() for check in self.checks)) - set(self.messages)
        if missing:
            raise ValueError(f"messages lacks {', '.join(sorted(missing))}")
        return self

    @property
    def applies_to(self) -> tuple[str, ...]:
        return ALL_KINDS if self.kinds == "all" else tuple(self.kinds)

    def pattern_sets(self) -> list[tuple[str, Patterns]]:
        """Every pattern set in the rule, with the field path that names it in errors."""
        found: list[tuple[str, Patterns]] = []
        _collect(self.checks, "checks", found)
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


_MACRO = re.compile(r"\{([A-Z][A-Z_]*)\}")


def builtin_rules_dir() -> Path:
    """``listing_lint/rules`` in an installed wheel; the repository's ``rules/`` in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def load_rules(directory: Path | None = None, known: list[Rule] | tuple[Rule, ...] = ()) -> list[Rule]:
    """Load, validate and compile every ``*.yaml`` rule in ``directory``, sorted by code.

    ``known`` rules (the built-in ones, when loading a team's directory) share the code space and the
    shared macros, and conditions may refer to them.
    """
    directory = directory or builtin_rules_dir()
    if not directory.is_dir():
        raise RuleError(f"{directory}: rule directory not found")
    cache = RuleCache(cache_directory(), scope=str(directory.resolve()))
    macros = {**_load_macros(builtin_rules_dir() / MACROS_FILE, cache), **_load_macros(directory / MACROS_FILE, cache)}
    rules = [load_rule(path, macros, cache) for path in sorted(directory.glob("*.yaml")) if path.name != MACROS_FILE]
    cache.save()
    codes = [r.code for r in [*known, *rules]] + [r.name for r in [*known, *rules]]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuleError(f"{directory}: duplicate rule code or name: {', '.join(sorted(duplicates))}")
    for rule in rules:
        for index, check in enumerate(rule.checks):
            condition = getattr(check, "when", None)
            if condition is not None and condition.satisfied and condition.satisfied not in codes:
                raise RuleError(
                    f"{directory}: {rule.code}: checks[{index}].when.satisfied: no rule {condition.satisfied}"
                )
    return sorted(rules, key=lambda r: r.code)


def load_rule(path: Path, macros: dict[str, str], cache: RuleCache | None = None) -> Rule:
    data = _read_yaml(path, cache)
    try:
        rule = Rule.model_validate(_expand(data, macros, path))
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise RuleError(f"{path}: {where}: {error['msg']}") from None
    _compile(rule, path, cache)
    return rule


def _read_yaml(path: Path, cache: RuleCache | None = None) -> Any:
    """A rule file's data; a cache keeps it by the file's content (parsing YAML is slow to start)."""
    try:
        content = path.read_bytes()
        if cache is None:
            return load_data(content.decode("utf-8"))
        key = ("yaml", hashlib.sha256(content).hexdigest())
        return cache.remember(key, lambda: load_data(content.decode("utf-8")))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {' '.join(str(exc).split())}") from None


def _load_macros(path: Path, cache: RuleCache) -> dict[str, str]:
    if not path.exists():
        return {}
    data = _read_yaml(path, cache)
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


def _compile(rule: Rule, path: Path, cache: RuleCache | None) -> None:
    """Compile every pattern of a rule now, once, naming the first bad one."""
    for where, patterns in rule.pattern_sets():
        try:
            patterns.compile(cache)  # kept on the pattern set, never compiled per file
        except PatternProblem as problem:
            raise RuleError(f"{path}: {where}.{problem}") from None
