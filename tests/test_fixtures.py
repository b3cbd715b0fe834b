"""Fixture listings: exact codes and lines per file, from each folder's expected.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from listing_lint.engine import lint_file

from .conftest import FIXTURES, codes_and_lines

RULE_FOLDERS = sorted(p.parent for p in (FIXTURES / "rules").glob("*/*/expected.yaml"))
LISTINGS = sorted(p for p in (FIXTURES / "listings").rglob("*") if p.suffix in (".md", ".yaml", ".yml"))


def _expectations() -> list:
    cases = []
    for folder in RULE_FOLDERS:
        expected = YAML(typ="safe").load((folder / "expected.yaml").read_text("utf-8"))
        compared = set(expected["compare"])
        for name, entries in expected["files"].items():
            cases.append(
                pytest.param(
                    folder / name, compared, set(entries or []), id=f"{folder.parent.name}/{folder.name}/{name}"
                )
            )
    return cases


@pytest.mark.parametrize("path, compared, expected", _expectations())
def test_rule_fixture(path: Path, compared: set[str], expected: set[str]):
    result = lint_file(str(path))
    assert result.error is None, result.error
    found = codes_and_lines(f for f in result.findings if f.code in compared)
    assert found == expected


def test_every_fixture_file_has_an_expectation():
    for folder in RULE_FOLDERS:
        listed = set(YAML(typ="safe").load((folder / "expected.yaml").read_text("utf-8"))["files"])
        on_disk = {p.name for p in folder.iterdir() if p.name != "expected.yaml"}
        assert on_disk == listed, folder


def test_each_rule_has_enough_fixture_phrasings(rules):
    for rule in rules:
        names = [p.name for p in (FIXTURES / "rules" / rule.code).glob("*/*") if p.name != "expected.yaml"]
        languages = {p.parent.name for p in (FIXTURES / "rules" / rule.code).glob("*/*")}
        assert languages == {"ja", "en"}, rule.code
        assert sum(n.startswith("fail-") for n in names) >= 6, rule.code
        assert sum(n.startswith("pass-") for n in names) >= 6, rule.code


@pytest.mark.parametrize("path", LISTINGS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_whole_listing_passes(path: Path):
    result = lint_file(str(path))
    assert result.error is None, result.error
    assert [f"{f.code}:{f.line} {f.message}" for f in result.findings] == []
