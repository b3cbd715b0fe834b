"""The command line: exit statuses, formats, language, selection, stdin, rules and explain."""

from __future__ import annotations

import json
import os

import pytest

from listing_lint import __version__

# A coconala listing that misses everything: LL101, LL102, LL105 errors and LL103's warning.
BARE = "---\nkind: production\nplatform: coconala\n---\nロゴを作成します。\n"
# Only a warning is left: LL103 "not declared".
WARNING_ONLY = (
    "---\nkind: production\nplatform: coconala\nrevisions: 2\nsettings:\n  quote_required: true\n---\n"
    "7日以上ご連絡がない場合は、正式な納品として取引を完了します。\n"
)


FIRST_RULES = "LL101,LL102,LL103,LL104,LL105"  # the five safeguards, to keep expectations short


@pytest.fixture
def workdir(tmp_path):
    os.chdir(tmp_path)
    (tmp_path / "bare.md").write_text(BARE, encoding="utf-8")
    (tmp_path / "warn.md").write_text(WARNING_ONLY, encoding="utf-8")
    return tmp_path


def test_text_output_lines_why_fix_and_summary(workdir, run_cli):
    result = run_cli("check", "--select", FIRST_RULES, "bare.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "bare.md:1:1: LL101 [revision-cap] error: 無料修正の回数の上限が書かれていません"
    assert lines[1].startswith("    why: 修正回数の上限がないと")
    assert lines[2] == "    fix: `revisions: 3` を設定し、「無料修正は3回までです。」と書き添える"
    assert lines[-1] == "3 errors, 1 warning in 1 file."


def test_fail_levels(workdir, run_cli):
    warning_only = ("--select", FIRST_RULES, "warn.md")
    assert run_cli("check", *warning_only).exit_code == 0
    assert run_cli("check", "--strict", *warning_only).exit_code == 1
    assert run_cli("check", "--fail-level", "warning", *warning_only).exit_code == 1
    assert run_cli("check", "--exit-zero", "bare.md").exit_code == 0
    info_only = ("--select", "LL304", "warn.md")  # no list of what to send: an info finding
    assert run_cli("check", "--fail-level", "warning", *info_only).exit_code == 0
    assert run_cli("check", "--fail-level", "info", *info_only).exit_code == 1


def test_warning_is_still_reported_when_it_does_not_fail(workdir, run_cli):
    result = run_cli("check", "--select", FIRST_RULES, "warn.md")
    assert result.stdout.splitlines()[0].startswith("warn.md:1:1: LL103 [anonymous-reviews] warning:")
    assert result.stdout.splitlines()[-1] == "1 warning in 1 file."


def test_clean_file_summary(workdir, run_cli):
    result = run_cli("check", "--select", FIRST_RULES, "--ignore", "LL103", "warn.md")
    assert result.exit_code == 0
    assert result.stdout == "No problems in 1 file.\n"


def test_json_contract(workdir, run_cli):
    result = run_cli("check", "--format", "json", "--select", FIRST_RULES, "warn.md", "bare.md")
    data = json.loads(result.stdout)
    keys = ["path", "code", "rule", "severity", "line", "column", "end_line", "end_column", "message", "why", "fix"]
    assert all(list(item) == keys for item in data)
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data] == sorted(
        (d["path"], d["line"], d["column"], d["code"]) for d in data
    )
    assert [d["code"] for d in data] == ["LL101", "LL102", "LL103", "LL105", "LL103"]
    first = data[0]
    assert first["path"] == "bare.md" and first["rule"] == "revision-cap" and first["severity"] == "error"
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (1, 1, 1, 1)
    assert first["fix"] == {
        "description": "`revisions: 3` を設定し、「無料修正は3回までです。」と書き添える",
        "edits": [],
    }
    assert isinstance(first["why"], str) and first["why"]


def test_json_with_no_findings_is_an_empty_array(workdir, run_cli):
    result = run_cli("check", "--format", "json", "--select", "LL201", "bare.md")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_lang_overrides_the_listing_language(workdir, run_cli):
    result = run_cli("check", "--lang", "en", "--select", "LL101", "bare.md")
    assert (
        result.stdout.splitlines()[0] == "bare.md:1:1: LL101 [revision-cap] error: No cap on free revisions is stated"
    )


def test_english_listing_speaks_english(workdir, run_cli):
    (workdir / "gig.md").write_text("---\nkind: production\n---\nI design logos.\n", encoding="utf-8")
    result = run_cli("check", "--select", "revision-cap", "gig.md")
    assert result.stdout.splitlines()[0] == "gig.md:1:1: LL101 [revision-cap] error: No cap on free revisions is stated"


def test_select_and_ignore_by_code_name_and_prefix(workdir, run_cli):
    def codes(*args):
        return [d["code"] for d in json.loads(run_cli("check", "--format", "json", *args, "bare.md").stdout)]

    assert codes("--select", "LL101") == ["LL101"]
    assert codes("--select", "silence-deadline") == ["LL102"]
    assert codes("--select", "LL1", "--ignore", "LL103,LL105,scope-detail") == ["LL101", "LL102", "LL107", "LL109"]
    assert codes("--select", "LL3") == ["LL304"]


def test_unknown_selector_is_a_usage_error(workdir, run_cli):
    result = run_cli("check", "--select", "LL999", "bare.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: unknown rule 'LL999' (see 'listing-lint rules')"


def test_stdin_with_filename(workdir, run_cli):
    yaml_listing = "kind: production\nrevisions: unlimited\ndescription: |\n  Logo design.\n"
    result = run_cli("check", "--select", "LL101", "--stdin-filename", "gig.yaml", "-", input=yaml_listing)
    assert result.exit_code == 1
    assert result.stdout.startswith("gig.yaml:2:1: LL101 [revision-cap] error: Unlimited revisions are promised")


def test_directory_is_walked_recursively_and_paths_stay_relative(workdir, run_cli):
    (workdir / "sub").mkdir()
    (workdir / "sub" / "gig.yaml").write_text("kind: production\ndescription: Logo.\n", encoding="utf-8")
    (workdir / ".hidden").mkdir()
    (workdir / ".hidden" / "skip.md").write_text(BARE, encoding="utf-8")
    data = json.loads(run_cli("check", "--format", "json", "--select", "LL101", ".").stdout)
    assert sorted({d["path"] for d in data}) == ["./bare.md", "./sub/gig.yaml"]


def test_no_colour_when_not_a_terminal(workdir, run_cli):
    assert "\x1b[" not in run_cli("check", "bare.md").stdout


def test_rules_table(run_cli):
    result = run_cli("rules")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "kinds", "fixable", "summary"]
    assert lines[1].split()[:3] == ["LL101", "revision-cap", "error"]
    assert result.exit_code == 0


@pytest.mark.parametrize("name", ["LL104", "spoiler-ban", "ll104"])
def test_explain_by_code_or_name(run_cli, name):
    result = run_cli("explain", "--lang", "en", name)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("LL104 spoiler-ban (error; kinds: content)\n")
    for heading in ("What goes wrong:", "What satisfies it:", "Passing examples:", "Failing examples:", "Suppress it:"):
        assert heading in text
    assert "  [ja]\n    レビューでのネタバレはご遠慮ください。" in text
    assert "  [en]\n    Please don't reveal the method in your review." in text
    assert "--ignore LL104" in text


def test_explain_in_japanese(run_cli):
    text = run_cli("explain", "--lang", "ja", "LL102").stdout
    assert "起きること:" in text and "抑止するには:" in text


def test_explain_unknown_rule(run_cli):
    result = run_cli("explain", "LL999")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no rule 'LL999'; 'listing-lint rules' lists them"


def test_version(run_cli):
    assert run_cli("--version").stdout.strip() == f"listing-lint, version {__version__}"


def test_verbose_names_kind_and_language(workdir, run_cli):
    (workdir / "reading.md").write_text("---\ncategory: タロット占い\n---\n鑑定します。\n", encoding="utf-8")
    result = run_cli("check", "-v", "--select", "LL104", "reading.md")
    assert (
        result.stderr.strip() == "reading.md: kind content (inferred from the category (タロット, 占い)); language ja"
    )
    assert "reading.md:1:1: LL104" in result.stdout


@pytest.mark.parametrize(
    "body, message",
    [
        ("ロゴを作成します。", "「revison」は listing-lint の知らない項目です(読み飛ばしました)"),
        ("I design logos.", 'Field "revison" is not one listing-lint knows (it was ignored)'),
    ],
)
def test_strict_reports_unknown_fields_in_the_listings_language(workdir, run_cli, body, message):
    (workdir / "own.md").write_text(
        f"---\nkind: production\nrevison: 2\nmy_note: keep\nsettings:\n  quote_requird: true\n---\n{body}\n",
        encoding="utf-8",
    )
    strict = json.loads(run_cli("check", "--strict", "--format", "json", "--select", "LL0", "own.md").stdout)
    assert [(f["code"], f["rule"], f["line"], f["column"], f["severity"]) for f in strict] == [
        ("LL002", "unknown-field", 3, 1, "warning"),
        ("LL002", "unknown-field", 4, 1, "warning"),
        ("LL002", "unknown-field", 6, 3, "warning"),
    ]
    assert strict[0]["message"] == message
    # without --strict, a seller's own fields are kept and ignored, never reported
    assert json.loads(run_cli("check", "--format", "json", "--select", "LL0", "own.md").stdout) == []
