"""Settings: from `.listing-lint.yaml`/`.yml` or `[tool.listing-lint]` in `pyproject.toml`, the nearest
one above each linted file, then the command line's flags on top.

Keys may be written kebab-case (`per-file-ignores`) or snake_case (`per_file_ignores`).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from ruamel.yaml.error import YAMLError

from .yamlpos import load_data

Severity = Literal["error", "warning", "info"]
CONFIG_FILES = (".listing-lint.yaml", ".listing-lint.yml", "pyproject.toml")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True)


class Options(_Settings):
    """Numbers and lists the rules use."""

    default_revisions: int = Field(default=3, ge=0, description="Revision cap that LL101's fix proposes.")
    silence_days: int = Field(default=7, ge=1, description="Days of silence that LL102's fix proposes.")
    min_description_chars_ja: int = Field(
        default=200, ge=0, description="LL106: shortest Japanese description, in characters (headings not counted)."
    )
    min_description_words_en: int = Field(
        default=60, ge=0, description="LL106: shortest English description, in words (headings not counted)."
    )
    allowed_domains: list[str] = Field(
        default_factory=list, description="LL201: outside sites a listing may link to (the platforms' own always may)."
    )
    anonymous_review_platforms: list[str] = Field(
        default_factory=lambda: ["coconala"], description="LL103: platforms that have the anonymous-review switch."
    )


class Config(_Settings):
    """Everything a run of listing-lint can be told, per file."""

    select: list[str] = Field(default_factory=list, description="Only these rules: codes, names or prefixes (LL1).")
    ignore: list[str] = Field(default_factory=list, description="Never these rules: codes, names or prefixes.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Severity per rule (code or name).")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Glob (relative to the config file) -> rules ignored in matching files."
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files never checked (gitignore-style).")
    platform: Literal["coconala", "fiverr", "skima", "lancers", "generic"] | None = Field(
        default=None, description="Platform of listings that do not declare one."
    )
    language: Literal["ja", "en"] | None = Field(
        default=None, description="Language of listings that do not declare one."
    )
    lang: Literal["auto", "ja", "en"] = Field(default="auto", description="Message language; auto: each listing's.")
    rule_dirs: list[str] = Field(
        default_factory=list, description="Extra rule directories (same format as rules/), relative to the config file."
    )
    report_unused_suppressions: bool = Field(default=False, description="Report suppressions that match nothing.")
    report_unknown_fields: bool = Field(
        default=False, description="Report fields listing-lint does not know (LL002); `--strict` turns it on."
    )
    options: Options = Field(default_factory=Options)
    source: str | None = Field(default=None, exclude=True)  # the file these settings came from

    @property
    def root(self) -> str | None:
        """Directory that relative globs and rule directories start from."""
        return os.path.dirname(self.source) if self.source else None

    def rule_filter(self, path: str | None = None) -> Callable[[str, str], bool]:
        """Whether a rule (code, name) runs on the file at ``path``: selected, and not ignored there."""
        ignored = self.ignore + (self.ignored_in(path) if path else [])
        return lambda code, name: (
            (not self.select or _named(code, name, self.select)) and not _named(code, name, ignored)
        )

    def ignored_in(self, path: str) -> list[str]:
        relative = self._relative(path)
        return [code for glob, codes in self.per_file_ignores.items() if _glob(relative, glob) for code in codes]

    def excludes(self, path: str) -> bool:
        relative = self._relative(path)
        return any(_glob(relative, glob) for glob in self.exclude)

    def severity_of(self, code: str, name: str, default: str) -> str:
        return self.severity.get(code) or self.severity.get(name) or default

    def rule_directories(self) -> tuple[Path, ...]:
        base = Path(self.root or ".")
        return tuple((base / d).resolve() for d in self.rule_dirs)

    def _relative(self, path: str) -> str:
        absolute = os.path.abspath(path)
        return os.path.relpath(absolute, self.root).replace(os.sep, "/") if self.root else path


def _named(code: str, name: str, selectors: list[str]) -> bool:
    return any(name == s or code.startswith(s.upper()) for s in selectors)


def _glob(relative: str, pattern: str) -> bool:
    """gitignore-style: a pattern without '/' matches a name at any depth; 'dir/' matches below dir."""
    pattern = pattern.strip()
    if pattern.endswith("/"):
        return relative.startswith(pattern.lstrip("/")) or f"/{pattern}" in f"/{relative}"
    if "/" not in pattern.strip("/"):
        return any(fnmatch.fnmatch(part, pattern) for part in relative.split("/"))
    return fnmatch.fnmatch(relative, pattern.lstrip("/"))


class ConfigError(Exception):
    """A configuration file that cannot be used: names the file, the key and what was expected."""


def load_config(path: Path) -> Config | None:
    """The settings in one file; None for a pyproject.toml without [tool.listing-lint]."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.name == "pyproject.toml":
            import tomllib  # only a pyproject.toml needs it; start-up is paid on every commit

            data = tomllib.loads(text).get("tool", {}).get("listing-lint")
            if data is None:
                return None
        else:
            data = load_data(text) or {}
    except (OSError, ValueError, YAMLError) as exc:  # ValueError: bad UTF-8 or TOML
        raise ConfigError(f"{path}: cannot read configuration: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping of settings")
    try:
        return Config.model_validate({**data, "source": str(path.resolve())})
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        raise ConfigError(f"{path}: {key}: {error['msg']} (got {error.get('input')!r})") from None


@lru_cache(maxsize=256)
def discover(directory: Path) -> Config:
    """The nearest configuration at or above ``directory``; defaults when there is none."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load_config(candidate)
                if found is not None:
                    return found
    return Config()


def with_overrides(config: Config, overrides: dict[str, Any]) -> Config:
    """Command-line flags over file settings (flags left unset do not override)."""
    given = {key: value for key, value in overrides.items() if value not in (None, [], ())}
    return config.model_copy(update=given) if given else config
