from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from listing_lint.cli import cli
from listing_lint.engine import builtin_rules

# The compiled-pattern cache of this test run (and of the CLIs it starts) stays out of ~/.cache.
_CACHE = tempfile.mkdtemp(prefix="listing-lint-cache-")
os.environ["LISTING_LINT_CACHE_DIR"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def rules():
    return builtin_rules()


@pytest.fixture
def run_cli():
    """Invoke the CLI in-process; returns click's Result (stdout and stderr kept apart)."""

    def run(*args: str, input: str | bytes | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return run


def codes_and_lines(findings) -> set[str]:
    return {f"{f.code}:{f.line}" for f in findings}
