"""--jobs: files checked in several processes give output byte-identical to one process."""

from __future__ import annotations

import os
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_parallel_output_is_identical(tmp_path, run_cli, output_format):
    generate(tmp_path / "corpus", 60, seed=7)
    (tmp_path / "corpus" / "broken.md").write_text("---\nrevisions: many\n---\n", encoding="utf-8")
    os.chdir(tmp_path)
    one = run_cli("check", "--format", output_format, "-j", "1", "corpus")
    two = run_cli("check", "--format", output_format, "-j", "2", "corpus")
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert one.stdout.count("listing-000") > 60
