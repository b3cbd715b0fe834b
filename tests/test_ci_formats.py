"""SARIF (validated against the official 2.1.0 schema) and GitHub workflow commands."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
LISTING = "---\nkind: production\nplatform: coconala\nrevisions: 2\n---\n連絡先: hello@example.com\n"


@pytest.fixture
def workdir(tmp_path):
    os.chdir(tmp_path)
    (tmp_path / "listings").mkdir()
    (tmp_path / "listings" / "ロゴ.md").write_text(LISTING, encoding="utf-8")
    (tmp_path / "listings" / "broken.md").write_text("---\nrevisions: many\n---\n", encoding="utf-8")
    return tmp_path


def test_sarif_is_valid_and_describes_every_rule(workdir, run_cli, rules):
    result = run_cli("check", "--format", "sarif", "listings")
    assert result.exit_code == 2  # broken.md could not be read
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    [run] = sarif["runs"]
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors] == [r.code for r in rules] + ["LL000", "LL001", "LL002"]
    assert all(d["help"]["text"] for d in descriptors[: len(rules)])
    by_rule = {r["ruleId"]: r for r in run["results"]}
    email = by_rule["LL201"]
    assert email["level"] == "error" and descriptors[email["ruleIndex"]]["id"] == "LL201"
    location = email["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "listings/%E3%83%AD%E3%82%B4.md"
    assert location["region"] == {"startLine": 6, "startColumn": 6, "endLine": 6, "endColumn": 23}
    assert by_rule["LL103"]["level"] == "warning"
    assert by_rule["LL304"]["level"] == "note"
    assert by_rule["LL000"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_sarif_describes_the_tools_own_findings(workdir, run_cli):
    (workdir / "listings" / "extra.yaml").write_text(
        "kind: production\nrevison: 2  # listing-lint: disable=LL203\ndescription: ロゴを作ります。\n", encoding="utf-8"
    )
    args = ("check", "--format", "sarif", "--strict", "--report-unused-suppressions", "listings/extra.yaml")
    result = run_cli(*args)
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    [run] = sarif["runs"]
    descriptors = run["tool"]["driver"]["rules"]
    own = sorted((r["ruleId"], descriptors[r["ruleIndex"]]["name"]) for r in run["results"] if r["ruleId"] < "LL1")
    assert own == [("LL001", "unused-suppression"), ("LL002", "unknown-field")]


def test_sarif_without_results_is_valid(workdir, run_cli):
    result = run_cli("check", "--format", "sarif", "--select", "LL202", "listings/ロゴ.md")
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []


def test_github_workflow_commands(workdir, run_cli):
    result = run_cli("check", "--format", "github", "--select", "LL201,LL103,LL304", "listings")
    lines = result.stdout.splitlines()
    assert lines == [
        "::error file=listings/broken.md,line=2,col=1,endLine=2,endColumn=1,title=LL000 unreadable"
        "::invalid field revisions: expected an integer ≥ 0 or 'unlimited' (got 'many')",
        "::warning file=listings/ロゴ.md,line=1,col=1,endLine=1,endColumn=1,title=LL103 anonymous-reviews"
        "::匿名評価の設定が宣言されていません (coconala では settings.anonymous_reviews: false を書いてください)",
        "::notice file=listings/ロゴ.md,line=1,col=1,endLine=1,endColumn=1,title=LL304 request-template"
        "::購入時に送ってもらう情報の一覧がありません",
        "::error file=listings/ロゴ.md,line=6,col=6,endLine=6,endColumn=23,title=LL201 off-platform-contact"
        "::プラットフォーム外の連絡先「hello@example.com」が書かれています",
    ]
