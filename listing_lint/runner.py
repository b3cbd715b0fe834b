"""Check many files, in one process or several, yielding results in the order of the targets.

With ``jobs > 1`` files are spread over worker processes; ``imap`` hands results back in order, so
the output is byte-identical to ``jobs = 1``.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from typing import NamedTuple

from .config import Config
from .engine import Result, builtin_rules, lint_bytes, lint_file
from .errors import ListingError

_PARALLEL_MIN_FILES = 16  # below this, starting workers costs more than it saves
_CHUNK = 8


class Target(NamedTuple):
    path: str
    problem: str | None = None  # why the path cannot be checked
    data: bytes | None = None  # the listing's bytes when read already (stdin)


def check_all(targets: list[Target], config: Config, jobs: int) -> Iterator[Result]:
    if jobs <= 1 or len(targets) < _PARALLEL_MIN_FILES:
        _start(config)
        yield from map(_check, targets)
        return
    builtin_rules()  # load once here; forked workers inherit the compiled rules
    with multiprocessing.Pool(jobs, initializer=_start, initargs=(config,)) as pool:
        yield from pool.imap(_check, targets, chunksize=_CHUNK)


_config = Config()


def _start(config: Config) -> None:
    global _config
    _config = config


def _check(target: Target) -> Result:
    if target.problem is not None:
        return Result(target.path, error=ListingError(target.problem))
    if target.data is not None:
        return lint_bytes(target.data, target.path, _config)
    return lint_file(target.path, _config)
