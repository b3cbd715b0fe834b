r"""Compiling rule patterns (the regex, and strings any match must contain), and the rule cache.

Most searches of a listing find nothing, and a regex that cannot skip ahead (one that opens with a
class or a look-behind) walks the whole text to learn so. So each pattern also carries its
*gate*: a few sets of *needles*, read from the parsed pattern, such that every match contains a
needle of each set (``(?:one|two)\s+days?`` gives {"one", "two"} and {"day"}; literal parts next
to each other are multiplied out, so ``\((?:skype|kik)\)`` gives {"(skype)", "(kik)"}). When a set
has no needle in the text (``str.__contains__``, far cheaper than a search), the search is skipped.

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
import time
from collections.abc import Callable, Iterator
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
Gate = tuple[tuple[str, ...], ...]  # every match contains one needle of each tuple
# A cache file unused this long belongs to an uninstalled version or a removed rule directory: the
# next save removes it. A file in use is touched at most once a day, so that it never looks unused.
_UNUSED_DAYS = 30
_DAY = 24 * 3600


class Compiled(NamedTuple):
    regex: re.Pattern[str]
    gate: Gate  # empty: nothing known


Analysis = tuple[Program, Gate]  # what the cache keeps of a regex
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
            return Compiled(re.compile(source, flags), ())
        key = ("regex", source, int(flags))
        program, gate = self.remember(key, lambda: _analyse(source, int(flags)))
        try:
            regex = _sre.compile(source, *program)
        except (TypeError, ValueError, RuntimeError):  # not a program this build wrote: compile anew
            program, gate = self.used[key] = _analyse(source, int(flags))
            regex = _sre.compile(source, *program)
        return Compiled(regex, gate)

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
            _remove_unused(self.path.parent)
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
            if time.time() - self.path.stat().st_mtime > _DAY:
                os.utime(self.path)
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if build == _BUILD and isinstance(entries, dict) else {}


def _remove_unused(directory: Path) -> None:
    cutoff = time.time() - _UNUSED_DAYS * _DAY
    for path in [*directory.glob("patterns-*.marshal"), *directory.glob(".patterns-*")]:  # and lost temporaries
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:  # another process removed or replaced it first
            continue


def _analyse(source: str, flags: int) -> Analysis:
    """The program ``re._compiler.compile`` would build for ``source``, and the pattern's gate."""
    parsed: Any = _parser.parse(source, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return program, () if flags & re.IGNORECASE else _gate(_sequence(parsed.data))


class _Literals(NamedTuple):
    """What is known of the strings a part of a pattern matches."""

    exact: frozenset[str] | None  # all of them, when they are few; None: too many or unknown
    required: tuple[frozenset[str], ...] = ()  # sets of strings each match contains one of


_UNKNOWN = _Literals(None)
_EMPTY = _Literals(frozenset([""]))
_MOST_EXACT = 16  # beyond this many strings, a part is no longer spelt out in full
_GATE_SIZE = 3  # a few sets of needles tell almost all that they can


def _sequence(items: list[tuple[Any, Any]]) -> _Literals:
    """Concatenation: spelt-out parts are multiplied out (「修正」+「は」+[2-3] is three needles) until
    that grows too large; each part's own requirements hold for the whole."""
    exact: frozenset[str] | None = _EMPTY.exact
    required: list[frozenset[str]] = []
    spelt_out = True
    for part in _parts(items):
        required += part.required
        if part.exact is not None and exact is not None and len(exact) * len(part.exact) <= _MOST_EXACT:
            exact = frozenset(a + b for a in exact for b in part.exact)
            continue
        spelt_out = False
        required += _as_required(exact)
        exact = part.exact if part.exact is not None else _EMPTY.exact
    if spelt_out:
        return _Literals(exact, tuple(required))
    return _Literals(None, tuple(required + _as_required(exact)))


def _parts(items: list[tuple[Any, Any]]) -> Iterator[_Literals]:
    """The sequence's parts, a run of literal characters as one (cold start-up parses hundreds of words)."""
    run = ""
    for op, argument in items:
        if op is _parser.LITERAL:
            run += chr(argument)
            continue
        if run:
            yield _Literals(frozenset([run]))
            run = ""
        yield _node(op, argument)
    if run:
        yield _Literals(frozenset([run]))


def _as_required(strings: frozenset[str] | None) -> list[frozenset[str]]:
    return [strings] if strings and "" not in strings else []


def _node(op: Any, argument: Any) -> _Literals:
    if op is _parser.LITERAL:
        return _Literals(frozenset([chr(argument)]))
    if op is _parser.IN and all(item is _parser.LITERAL for item, _ in argument):
        return _Literals(frozenset(chr(code) for _, code in argument))  # [●○◯]
    if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
        return _EMPTY  # consumes nothing (a look-ahead's text is not in the match)
    if op is _parser.SUBPATTERN:
        return _UNKNOWN if argument[1] & re.IGNORECASE else _sequence(argument[3].data)
    if op is _parser.ATOMIC_GROUP:
        return _sequence(argument.data)
    if op is _parser.BRANCH:
        return _branch([_sequence(branch.data) for branch in argument[1]])
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        return _repeat(*argument)
    return _UNKNOWN


def _branch(branches: list[_Literals]) -> _Literals:
    """Alternation: all the alternatives' strings, or one requirement of each alternative joined."""
    if all(b.exact is not None for b in branches):
        union = frozenset().union(*(b.exact for b in branches))  # type: ignore[misc]
        if len(union) <= _MOST_EXACT:
            return _Literals(union)
    choices = [_best(list(b.required) + _as_required(b.exact)) for b in branches]
    if any(choice is None for choice in choices):
        return _UNKNOWN
    return _Literals(None, (frozenset().union(*choices),))  # type: ignore[arg-type]


def _repeat(least: int, most: int, item: Any) -> _Literals:
    inner = _sequence(item.data)
    if least == 0:
        optional = most == 1 and inner.exact is not None
        return _Literals(inner.exact | _EMPTY.exact) if optional else _UNKNOWN  # type: ignore[operator]
    if inner.exact is not None and least == most and len(inner.exact) ** least <= _MOST_EXACT:
        exact = _EMPTY.exact
        for _ in range(least):
            exact = frozenset(a + b for a in exact for b in inner.exact)  # type: ignore[union-attr]
        return _Literals(exact)
    return _Literals(None, inner.required + tuple(_as_required(inner.exact)))


def _selectivity(needles: frozenset[str]) -> tuple[int, int]:
    """Longer shortest needle first (a rarer string), then fewer of them (fewer tests)."""
    return min(map(len, needles)), -len(needles)


def _best(required: list[frozenset[str]]) -> frozenset[str] | None:
    return max(required, key=_selectivity, default=None)


def _minimal(needles: frozenset[str]) -> frozenset[str]:
    """Without the needles that contain another (where "days" is, "day" is too)."""
    return frozenset(n for n in needles if not any(other != n and other in n for other in needles))


def _gate(found: _Literals) -> Gate:
    """The most telling few of a pattern's requirements, each as a sorted tuple of needles."""
    required = {_minimal(r) for r in (*found.required, *_as_required(found.exact)) if len(r) <= _MOST_EXACT}
    # ties alphabetically (a set's order changes from run to run): the same gate on every run
    ranked = sorted(sorted(required, key=sorted), key=_selectivity, reverse=True)
    chosen = sorted(ranked[:_GATE_SIZE], key=len)
    return tuple(tuple(sorted(needles)) for needles in chosen)
