"""Configuration files: discovery, settings, validation errors, and the `config` command."""

from __future__ import annotations

import json
import os

import pytest

BARE = "---\nkind: production\n---\nロゴを作ります。\n"


@pytest.fixture
def repo(tmp_path):
    os.chdir(tmp_path)
    for folder in ("sub", "drafts", "archive", "other"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text(BARE, encoding="utf-8")
    (tmp_path / ".listing-lint.yaml").write_text(
        "select: [LL1, LL201]\n"
        "ignore: [LL106]\n"
        "severity:\n  revision-cap: warning\n"
        "per-file-ignores:\n  'drafts/*': [LL102]\n"
        "exclude: ['archive/']\n"
        "platform: coconala\n",
        encoding="utf-8",
    )
    return tmp_path


def _codes(run_cli, *args):
    result = run_cli("check", "--format", "json", *args)
    return [(d["path"], d["code"], d["severity"]) for d in json.loads(result.stdout)]


def test_settings_apply_per_file(repo, run_cli):
    found = _codes(run_cli, ".")
    assert {path for path, _, _ in found} == {"./drafts/a.md", "./other/a.md", "./sub/a.md"}  # archive excluded
    assert ("./sub/a.md", "LL101", "warning") in found  # severity override
    assert ("./sub/a.md", "LL102", "error") in found and ("./drafts/a.md", "LL102", "error") not in found
    assert ("./sub/a.md", "LL103", "warning") in found  # default platform coconala
    assert not any(code in ("LL106", "LL304") for _, code, _ in found)  # ignored, not selected


def test_nearest_configuration_wins(repo, run_cli):
    (repo / "other" / ".listing-lint.yml").write_text("select: [LL109]\n", encoding="utf-8")
    assert _codes(run_cli, "other") == [("other/a.md", "LL109", "warning")]


def test_pyproject_table_is_read(repo, run_cli):
    (repo / "other" / "pyproject.toml").write_text('[tool.listing-lint]\nselect = ["LL105"]\n', encoding="utf-8")
    assert _codes(run_cli, "other/a.md") == [("other/a.md", "LL105", "error")]


def test_pyproject_without_the_table_is_passed_over(repo, run_cli):
    (repo / "other" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert ("other/a.md", "LL101", "warning") in _codes(run_cli, "other/a.md")


def test_isolated_and_explicit_config(repo, run_cli):
    isolated = _codes(run_cli, "--isolated", "sub/a.md")
    assert ("sub/a.md", "LL101", "error") in isolated and ("sub/a.md", "LL103", "warning") not in isolated
    (repo / "only.yaml").write_text("select: [LL109]\n", encoding="utf-8")
    assert _codes(run_cli, "--config", "only.yaml", "sub/a.md") == [("sub/a.md", "LL109", "warning")]


def test_command_line_flags_override_the_file(repo, run_cli):
    assert _codes(run_cli, "--select", "LL105", "sub/a.md") == [("sub/a.md", "LL105", "error")]


def test_options_reach_the_rules(repo, run_cli):
    (repo / "other" / ".listing-lint.yaml").write_text(
        "select: [LL201, LL103]\noptions:\n  allowed-domains: [example.com]\n  anonymous-review-platforms: []\n",
        encoding="utf-8",
    )
    (repo / "other" / "a.md").write_text(
        "---\nplatform: coconala\nlanguage: ja\n---\nhttps://www.example.com/works と https://other.example.org\n",
        encoding="utf-8",
    )
    result = run_cli("check", "other/a.md")
    assert result.stdout.splitlines()[0] == (
        "other/a.md:5:33: LL201 [off-platform-contact] error: プラットフォーム外の連絡先「https://other.example.org」が書かれています"
    )
    assert "LL103" not in result.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        ("options:\n  silence-days: many\n", "options.silence-days: Input should be a valid integer"),
        ("severity:\n  LL101: fatal\n", "severity.LL101: Input should be 'error', 'warning' or 'info'"),
        ("colour: red\n", "colour: Extra inputs are not permitted"),
        ("- a\n", "configuration must be a mapping of settings"),
        ("select: [\n", "cannot read configuration"),
    ],
)
def test_invalid_configuration_names_file_and_key(repo, run_cli, content, message):
    (repo / "sub" / ".listing-lint.yaml").write_text(content, encoding="utf-8")
    result = run_cli("check", "sub/a.md")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {repo / 'sub' / '.listing-lint.yaml'}: ") and message in line


def test_team_rule_directory(repo, run_cli):
    (repo / "team-rules").mkdir()
    (repo / "team-rules" / "TM001-price.yaml").write_text(
        """code: TM001
name: price-in-title
severity: warning
kinds: all
summary: {ja: タイトルに価格を書かない, en: Keep prices out of the title}
why: {ja: 価格は変わるためです。, en: Prices change.}
story: {ja: チームの決まりです。, en: A team convention.}
satisfied_by: {ja: 本文に価格を書く。, en: Put prices in the body.}
messages:
  match: {ja: '価格「{match}」', en: 'Price "{match}"'}
checks:
  - type: existence
    groups:
      - name: price
        patterns: {ja: ['\\d+円'], en: ['\\$\\d+']}
passing: {ja: [ロゴを作ります。], en: [I design logos.]}
failing: {ja: [ロゴ5000円], en: [Logo $50]}
""",
        encoding="utf-8",
    )
    (repo / "other" / ".listing-lint.yaml").write_text("rule-dirs: [../team-rules]\nselect: [TM]\n", encoding="utf-8")
    (repo / "other" / "a.md").write_text("---\nkind: production\n---\nロゴ5000円です\n", encoding="utf-8")
    assert _codes(run_cli, "other/a.md") == [("other/a.md", "TM001", "warning")]


def test_config_command_prints_the_effective_settings(repo, run_cli):
    result = run_cli("config", "sub/a.md")
    lines = result.stdout.splitlines()
    assert lines[0] == f"# settings for sub/a.md from {repo / '.listing-lint.yaml'}"
    assert "platform: coconala" in lines and "  silence-days: 7" in lines
