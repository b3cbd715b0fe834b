"""The pure core: text in, findings out. The CLI and other programs call ``lint_text``/``lint_file``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import checks, notices, suppress
from .config import Config
from .document import Document
from .errors import ListingError
from .finding import Finding
from .frontmatter import unknown_fields
from .listing import Listing, parse
from .ruleset import Rule, load_rules
from .source import decode


@dataclass(frozen=True)
class Profile:
    """What the engine took the listing to be (for ``--verbose``)."""

    kinds: tuple[str, ...]
    kind_reason: str
    language: str


@dataclass(frozen=True)
class Result:
    """One file's outcome: its findings, or why it could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: ListingError | None = None
    profile: Profile | None = None


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules())


@lru_cache(maxsize=16)
def _rules_with(directories: tuple[Path, ...]) -> tuple[Rule, ...]:
    rules = list(builtin_rules())
    for directory in directories:
        rules += load_rules(directory, known=rules)
    return tuple(sorted(rules, key=lambda r: r.code))


def rules_for(config: Config) -> tuple[Rule, ...]:
    """The built-in rules plus the configuration's own rule directories, loaded once per run."""
    directories = config.rule_directories()
    return _rules_with(directories) if directories else builtin_rules()


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None, rules: tuple[Rule, ...] | None = None
) -> list[Finding]:
    """Lint one listing's text. ``path``'s suffix picks the form (``.yaml``/``.yml`` or Markdown).

    Raises ``ListingError`` when the text is not a readable listing.
    """
    config = config or Config()
    return _lint(parse(text, path, config.platform, config.language), config, rules or rules_for(config))


def lint_file(path: str, config: Config | None = None, rules: tuple[Rule, ...] | None = None) -> Result:
    """Read, parse and lint one file; errors are returned in the result, never raised."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return Result(path, error=ListingError(f"cannot read file: {exc.strerror or exc}"))
    return lint_bytes(data, path, config, rules)


def lint_bytes(data: bytes, path: str, config: Config | None = None, rules: tuple[Rule, ...] | None = None) -> Result:
    config = config or Config()
    try:
        listing = parse(decode(data), path, config.platform, config.language)
    except ListingError as exc:
        return Result(path, error=exc)
    profile = Profile(listing.kinds, listing.kind_reason, listing.language)
    return Result(path, _lint(listing, config, rules or rules_for(config)), profile=profile)


def _lint(listing: Listing, config: Config, rules: tuple[Rule, ...]) -> list[Finding]:
    document = Document(listing)
    language = listing.language if config.lang == "auto" else config.lang
    context = checks.Context(listing, document, {r.code: r for r in rules}, language, config.options.model_dump())
    findings: list[Finding] = []
    enabled = config.rule_filter(listing.path)  # per-file ignores worked out once, not per rule
    for rule in rules:
        if enabled(rule.code, rule.name) and set(rule.applies_to) & set(listing.kinds):
            found = checks.run(rule, context)
            if config.severity:
                found = [replace(f, severity=config.severity_of(f.code, f.rule, f.severity)) for f in found]
            findings.extend(found)
    if config.report_unknown_fields and enabled(notices.UNKNOWN_FIELD.code, notices.UNKNOWN_FIELD.name):
        findings += [_unknown(listing, key, language) for key in unknown_fields(listing.fields)]
    return suppress.apply(sorted(findings, key=Finding.sort_key), listing, language, config.report_unused_suppressions)


def _unknown(listing: Listing, key: tuple[str, ...], language: str) -> Finding:
    line, column = listing.field_position(key) or (1, 1)
    return notices.finding(notices.UNKNOWN_FIELD, language, listing.path, line, column, ".".join(key))
