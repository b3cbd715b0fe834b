"""Compiling rule patterns (the regex, and strings any match must contain), and the rule cache.

Most searches of a listing find nothing, and a regex that cannot skip ahead (one that opens with a
class or a look-behind) walks the whole text to learn so. So each pattern also carries its
*needles*: a few strings one of which every match contains, found in the parsed pattern. When none
of them is in the text (``str.__contains__``, far cheaper than a search), the search is skipped.
Where the strings are too many to test one by one, their first characters are kept instead, and
tested against the set of the text's characters.

Loading the rules is most of listing-lint's start-up, and a pre-commit hook pays start-up on every
commit: reading their YAML, planning each pattern, and above all compiling a few hundred regexes.
Python's ``re`` spends that time parsing each pattern and generating its program, a list of
integers; ``RuleCache`` keeps the programs, needles, plans and rule data between runs with
``marshal``, and ``_sre.compile`` turns a program back into a pattern at once. The program format
belongs to the interpreter build and the rest to this code, so the cache file is named after both;
anything unexpected (another Python, a damaged file, no cache directory) means computing as if there
were no cache.

The cache lives in ``$LISTING_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/listing-lint``, else
``~/.cache/listing-lint``; ``LISTING_LINT_CACHE_DIR=`` (empty) turns it off. It is never beside the
listings: the linter writes nothing there unless asked to fix.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

try:  # CPython's regex internals; elsewhere patterns are compiled by ``re`` and carry no needles
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython
    _sre = None

# What ``re._compiler.compile`` hands to ``_sre.compile``: flags, code, groups, groupindex, indexgroup.
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# The cache's validity: this interpreter build, and the code whose results it keeps (this module's
# programs and needles, the patterns module's plans).
_CODE = ("compiler.py", "patterns.py")
_BUILD = "|".join(
    (
        sys.version,
        str(getattr(_sre, "MAGIC", "")),
        str(getattr(_sre, "CODESIZE", "")),
        *(hashlib.sha256((Path(__file__).parent / name).read_bytes()).hexdigest() for name in _CODE),
    )
)
_MOST_NEEDLES = 4  # beyond this, testing each string costs about what the search does


class Compiled(NamedTuple):
    regex: re.Pattern[str]
    needles: tuple[str, ...]  # one of these is in every match; empty: not known
    initials: str  # one of these characters is in every match; empty: not known


Analysis = tuple[Program, tuple[str, ...], str]  # what the cache keeps of a regex
T = TypeVar("T")


def compile_fresh(source: str, flags: int = 0) -> Compiled:
    """Compile without a cache."""
    return RuleCache(None, "").compile(source, flags)


def cache_directory() -> Path | None:
    configured = os.environ.get("LISTING_LINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "listing-lint"


class RuleCache:
    """What loading a rule set worked out, by key: read once per run, written back when it changed.

    With no directory it keeps nothing between runs and every value is computed.
    """

    def __init__(self, directory: Path | None, scope: str) -> None:
        """``scope`` names the rule set (its directory), so that each set keeps a file of its own."""
        key = hashlib.sha256(f"{_BUILD}|{scope}".encode()).hexdigest()[:16]
        self.path = directory / f"patterns-{key}.marshal" if directory is not None and _sre is not None else None
        self.stored: dict[tuple[Any, ...], Any] = self._read()
        self.used: dict[tuple[Any, ...], Any] = {}

    def remember(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The stored value for ``key`` (a marshallable tuple), else ``compute()``'s."""
        value = self.stored.get(key)
        if value is None:
            value = compute()
        self.used[key] = value
        return value

    def compile(self, source: str, flags: int = 0) -> Compiled:
        if _sre is None:  # pragma: no cover - not CPython
            return Compiled(re.compile(source, flags), (), "")
        key = ("regex", source, int(flags))
        program, needles, initials = self.remember(key, lambda: _analyse(source, int(flags)))
        try:
            regex = _sre.compile(source, *program)
        except (TypeError, ValueError, RuntimeError):  # not a program this build wrote: compile anew
            program, needles, initials = self.used[key] = _analyse(source, int(flags))
            regex = _sre.compile(source, *program)
        return Compiled(regex, needles, initials)

    def save(self) -> None:
        """Keep this run's entries, atomically, when they differ from the stored ones."""
        if self.path is None or self.used == self.stored:
            return
        temporary = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-")
            with os.fdopen(handle, "wb") as out:
                marshal.dump((_BUILD, self.used), out)
            os.replace(temporary, self.path)
        except (OSError, ValueError):  # a read-only home or a full disk costs speed, never a result
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return
        self.stored = dict(self.used)

    def _read(self) -> dict[tuple[Any, ...], Any]:
        if self.path is None:
            return {}
        try:
            build, entries = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if build == _BUILD and isinstance(entries, dict) else {}


def _analyse(source: str, flags: int) -> Analysis:
    """The program ``re._compiler.compile`` would build for ``source``, and the pattern's needles."""
    parsed: Any = _parser.parse(source, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    needles = None if flags & re.IGNORECASE else _required(parsed.data)
    if needles is None:
        return program, (), ""
    if len(needles) <= _MOST_NEEDLES:
        return program, tuple(sorted(needles)), ""
    return program, (), "".join(sorted({needle[0] for needle in needles}))


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains (None: unknown)."""
    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _selectivity(candidate) > _selectivity(best)):
            best = candidate

    run: list[str] = []
    for op, argument in items:
        if op is _parser.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _parser.SUBPATTERN and not argument[1] & re.IGNORECASE:
            consider(_required(argument[3].data))
        elif op is _parser.ATOMIC_GROUP:
            consider(_required(argument.data))
        elif op is _parser.IN and all(item is _parser.LITERAL for item, _ in argument):
            consider(frozenset(chr(code) for _, code in argument))  # [●○◯]
        elif op is _parser.BRANCH:
            branches = [_required(branch.data) for branch in argument[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT) and argument[0] >= 1:
            consider(_required(argument[2].data))
    if run:
        consider(frozenset(["".join(run)]))
    return best


def _selectivity(needles: frozenset[str]) -> tuple[bool, int, int]:
    """Few alternatives first, then the shortest one longest, then fewer of them."""
    return len(needles) <= _MOST_NEEDLES, min(map(len, needles)), -len(needles)
