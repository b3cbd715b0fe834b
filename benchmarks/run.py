"""Measure listing-lint as a user runs it: files/s at 1,000 and 10,000 listings, start-up, peak RSS.

    python benchmarks/run.py [--listing-lint PATH] [--startup-runs 21]

Each corpus is checked in one process (`--jobs 1`) and with one worker per CPU. Each measurement
is one `listing-lint check` process over a generated corpus (benchmarks/generate.py,
fixed seed), so start-up, rule loading and output are all paid, as in CI or a pre-commit hook;
the compiled-pattern cache is filled before the first one, as on every run after the first.
Peak RSS is the child's maximum resident set size, from wait4(). Start-up is measured warm (the
compiled-pattern cache filled, as on every commit after the first) and cold (an empty cache, as
right after installing or upgrading).

Measure an installed copy (``pip install .``), not an editable one: pip compiles an installed
package's bytecode, while an editable checkout run with PYTHONDONTWRITEBYTECODE set is compiled
from source on every start.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def run_once(command: list[str], cache: Path) -> tuple[float, int, int]:
    """(wall seconds, exit status, peak RSS in MB) of one process, output discarded."""
    env = {**os.environ, "LISTING_LINT_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listing-lint", default=shutil.which("listing-lint") or "listing-lint")
    parser.add_argument("--startup-runs", type=int, default=21)
    args = parser.parse_args()
    tool = args.listing_lint

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cache = root / "cache"
        print(f"listing-lint: {tool}")
        for count in (1_000, 10_000):
            corpus = root / f"corpus-{count}"
            generate(corpus, count)
            if count == 1_000:  # fill the cache first: the cold start is measured apart, below
                run_once([tool, "check", str(next(corpus.glob("*.md")))], cache)
            for jobs in ("1", str(os.cpu_count() or 1)):
                elapsed, status, rss = run_once([tool, "check", "--format", "json", "--jobs", jobs, str(corpus)], cache)
                if status == 2:
                    sys.exit(f"check failed on the {count} corpus (exit 2)")
                print(
                    f"{count:>6} listings, --jobs {jobs}: {elapsed:6.2f} s  {count / elapsed:7.0f} files/s"
                    f"  peak RSS {rss} MB"
                )

        one = next((root / "corpus-1000").glob("*.md"))
        warm = [run_once([tool, "check", str(one)], cache)[0] for _ in range(args.startup_runs)]
        cold = [run_once([tool, "check", str(one)], root / f"cold-{run}")[0] for run in range(5)]
        print(f"start-up (check one.md, median of {args.startup_runs}): {statistics.median(warm) * 1000:.0f} ms")
        print(f"start-up with an empty cache (median of 5): {statistics.median(cold) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
