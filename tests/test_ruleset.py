"""Rule files: validated on load, with errors that name the file and the field."""

from __future__ import annotations

import shutil

import pytest
from ruamel.yaml import YAML

from listing_lint.errors import RuleError
from listing_lint.ruleset import MACROS_FILE, builtin_rules_dir, load_rules

yaml = YAML(typ="safe")


@pytest.fixture
def rules_copy(tmp_path):
    """A writable copy of the built-in rules and a way to change one field of LL101."""
    target = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), target)
    path = next(target.glob("LL101-*.yaml"))

    def change(edit):
        data = yaml.load(path.read_text("utf-8"))
        edit(data)
        with path.open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)
        return path

    return target, change


def test_builtin_rules_load_sorted_with_unique_codes():
    rules = load_rules()
    codes = [r.code for r in rules]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert {"LL101", "LL102", "LL103", "LL104", "LL105", "LL201", "LL203"} <= set(codes)


def test_patterns_compile_once_at_load():
    rules = load_rules()
    for rule in rules:
        for _, patterns in rule.pattern_sets():
            if patterns.ja or patterns.en:
                assert "compiled" in patterns.__dict__  # compiled and cached by the loader


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d.pop("why"), "why: Field required"),
        (lambda d: d.update(severity="fatal"), "severity: Input should be 'error', 'warning' or 'info'"),
        (lambda d: d["failing"].update(en=[]), "failing.en: List should have at least 1 item"),
        (lambda d: d["passing"].pop("ja"), "passing.ja: Field required"),
        (
            lambda d: d["checks"][0].update(type="magic"),
            "checks.0: Input tag 'magic' found using 'type' does not match",
        ),
        (lambda d: d["messages"].pop("unlimited"), "messages lacks unlimited"),
        (
            lambda d: d["checks"][0]["forms"][0]["cap"]["ja"].append("修正(回"),
            "checks[0].forms[0].cap.ja[2]: bad pattern",
        ),
        (
            lambda d: d["checks"][0]["forms"][0]["cap"]["en"].insert(0, "  "),
            "checks[0].forms[0].cap.en[0]: empty pattern",
        ),
        (lambda d: d.update(colour="red"), "colour: Extra inputs are not permitted"),
    ],
)
def test_broken_rule_file_names_file_and_field(rules_copy, edit, message):
    directory, change = rules_copy
    path = change(edit)
    with pytest.raises(RuleError) as error:
        load_rules(directory)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


def test_invalid_yaml_in_rule_file(rules_copy):
    directory, _ = rules_copy
    (directory / "LL999-broken.yaml").write_text("code: [LL999\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"LL999-broken.yaml: cannot read rule file"):
        load_rules(directory)


def test_duplicate_codes(rules_copy):
    directory, _ = rules_copy
    source = next(directory.glob("LL101-*.yaml"))
    shutil.copy(source, directory / "LL101-copy.yaml")
    with pytest.raises(RuleError, match="duplicate rule code or name: LL101, revision-cap"):
        load_rules(directory)


def test_macros_expand_into_patterns(rules_copy):
    directory, _ = rules_copy
    macros = yaml.load((directory / MACROS_FILE).read_text("utf-8"))
    rule = next(r for r in load_rules(directory) if r.code == "LL101")
    assert any(f"(?:{macros['JA_REVISION']})" in p for p in rule.checks[0].forms[0]["cap"].ja)


def test_adding_a_phrasing_is_one_line(rules_copy):
    """A new phrasing in the data is picked up without code changes."""
    from listing_lint.config import Config
    from listing_lint.engine import lint_text

    directory, change = rules_copy
    listing = "---\nkind: production\n---\nブラッシュ作業は二回まで承ります。\n"
    before = lint_text(listing, "a.md", Config(select=["LL101"]), tuple(load_rules(directory)))
    assert [f.code for f in before] == ["LL101"]
    change(lambda d: d["checks"][0]["forms"][0]["cap"]["ja"].append(r"ブラッシュ作業[^\n。]{0,6}\d+回"))
    after = lint_text(listing, "a.md", Config(select=["LL101"]), tuple(load_rules(directory)))
    assert after == []
