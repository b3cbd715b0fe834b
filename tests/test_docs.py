"""The README stays true: its rule table and example output are what the code produces."""

from __future__ import annotations

import re

from listing_lint.docs import rules_markdown

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _between(marker: str) -> str:
    match = re.search(rf"<!-- {marker}:start -->\n(.*?)\n<!-- {marker}:end -->", README, re.S)
    assert match, marker
    return match.group(1)


def test_readme_rule_table_matches_the_rules(rules):
    assert _between("rules-table") == rules_markdown(rules)


def test_readme_example_output_is_real(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    block = _between("example-output").removeprefix("```text\n").removesuffix("\n```")
    command, _, expected = block.partition("\n")
    args = command.removeprefix("$ listing-lint ").split()
    result = run_cli(*args)
    assert result.stdout == expected + "\n"
    assert result.exit_code == 1


def test_readme_test_command_is_what_ci_runs():
    commands = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_readme_configuration_reference_matches_the_models():
    from listing_lint.docs import config_reference

    assert _between("config-reference") == config_reference()
