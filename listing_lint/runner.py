"""Check many files, in one process or several, yielding results in the order of the targets.

With ``jobs > 1`` files are spread over worker processes; ``imap`` hands results back in order, so
the output is byte-identical to ``jobs = 1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from .config import Config
from .engine import Result, lint_bytes, lint_file, rules_for
from .errors import ListingError

_PARALLEL_MIN_FILES = 16  # below this, starting workers costs more than it saves
_CHUNK = 8


class Target(NamedTuple):
    path: str
    config: Config  # the settings that apply to this file
    problem: str | None = None  # why the path cannot be checked
    data: bytes | None = None  # the listing's bytes when read already (stdin)


def check_all(targets: list[Target], jobs: int) -> Iterator[Result]:
    if jobs <= 1 or len(targets) < _PARALLEL_MIN_FILES:
        yield from map(_check, targets)
        return
    for config in {id(t.config): t.config for t in targets}.values():
        rules_for(config)  # load once here; forked workers inherit the compiled rules
    import multiprocessing  # only here: a one-file hook run should not pay for importing it

    with multiprocessing.Pool(jobs) as pool:
        yield from pool.imap(_check, targets, chunksize=_CHUNK)


def _check(target: Target) -> Result:
    if target.problem is not None:
        return Result(target.path, error=ListingError(target.problem))
    if target.data is not None:
        return lint_bytes(target.data, target.path, target.config)
    return lint_file(target.path, target.config)
