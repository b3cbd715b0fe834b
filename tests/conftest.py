from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from listing_lint.cli import cli
from listing_lint.engine import builtin_rules

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
