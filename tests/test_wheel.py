"""The wheel carries the rule catalogue: build it, install it in a fresh venv elsewhere, run it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from .conftest import FIXTURES, ROOT


def test_wheel_ships_rules_and_runs_outside_the_source_tree(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = (tmp_path / "dist").glob("listing_lint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.removeprefix("listing_lint/rules/") for n in names if n.startswith("listing_lint/rules/")}
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.yaml")}
    assert "listing_lint/kinds.yaml" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(FIXTURES / "examples" / "logo-draft.md", work / "draft.md")

    rules = subprocess.run([str(venv / "bin" / "listing-lint"), "rules"], cwd=work, capture_output=True, text=True)
    assert rules.returncode == 0
    assert [line.split()[0] for line in rules.stdout.splitlines()[1:]] == sorted(
        p.name.split("-")[0] for p in (ROOT / "rules").glob("LL*.yaml")
    )
    check = subprocess.run(
        [str(venv / "bin" / "listing-lint"), "check", "--lang", "en", "draft.md"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert "draft.md:19:1: LL101 [revision-cap] error: Unlimited revisions are promised" in check.stdout
