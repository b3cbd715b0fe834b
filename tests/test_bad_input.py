"""Bad input: one clear line on stderr naming the file (and line), exit 2, other files still checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOOD = "---\nkind: production\nrevisions: 2\n---\nロゴを作成します。\n"
SHIFT_JIS_LISTING = "---\nkind: production\n---\nロゴを作成します。修正は何度でも無料です。\n"

BAD_INPUTS = {
    "invalid-yaml.md": (
        b"---\ntitle: [unclosed\nkind: production\n---\nbody\n",
        "invalid-yaml.md:3: error: invalid YAML",
    ),
    "not-a-mapping.md": (b"---\n- a\n- b\n---\nbody\n", "not-a-mapping.md:2: error: front matter must be a mapping"),
    "wrong-type.md": (
        b"---\nkind: production\nrevisions: many\n---\nbody\n",
        "wrong-type.md:3: error: invalid field revisions",
    ),
    "wrong-kind.yaml": (b"kind: gadget\ndescription: hi\n", "wrong-kind.yaml:1: error: invalid field kind"),
    "scalar.yaml": (b"just a sentence\n", "scalar.yaml:1: error: a YAML listing must be a mapping"),
    "unclosed.md": (
        b"---\nkind: production\nbody\n",
        "unclosed.md:1: error: front matter opened on line 1 is never closed",
    ),
    "latin1.md": ("caf\u00e9 menu \u00ff\u00fe".encode("latin-1"), "latin1.md:1: error: not UTF-8"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.md: error: binary file"),
    "empty.md": (b"", "empty.md: error: empty file"),
    "blank.yaml": (b"  \n\n", "blank.yaml: error: empty file"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_2_and_others_still_checked(tmp_path, run_cli, name):
    data, expected_line = BAD_INPUTS[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.chdir(tmp_path)
    result = run_cli("check", name, "good.md")
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(expected_line), errors
    assert "Traceback" not in result.output + result.stderr
    assert "good.md:1:1: LL102" in result.stdout  # the good file was still checked


def test_bad_input_in_json_is_an_ll000_object(tmp_path, run_cli):
    (tmp_path / "wrong-type.md").write_text("---\nrevisions: many\n---\nbody\n", encoding="utf-8")
    os.chdir(tmp_path)
    result = run_cli("check", "--format", "json", "wrong-type.md")
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)
    assert finding["code"] == "LL000" and finding["rule"] == "unreadable" and finding["severity"] == "error"
    assert finding["line"] == 2 and finding["path"] == "wrong-type.md"
    assert finding["message"].startswith("invalid field revisions")


def test_shift_jis_listing_is_decoded_and_checked(tmp_path, run_cli):
    (tmp_path / "sjis.md").write_bytes(SHIFT_JIS_LISTING.encode("shift_jis"))
    os.chdir(tmp_path)
    result = run_cli("check", "--select", "LL101", "sjis.md")
    assert result.exit_code == 1
    assert result.stdout.startswith("sjis.md:4:")
    assert "LL101 [revision-cap] error: 修正回数の無制限を約束しています" in result.stdout


def test_utf8_bom_is_fine(tmp_path, run_cli):
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    os.chdir(tmp_path)
    result = run_cli("check", "--select", "LL101", "bom.md")
    assert result.exit_code == 0, result.output


def test_missing_path_and_broken_symlink(tmp_path, run_cli):
    os.chdir(tmp_path)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    result = run_cli("check", "nowhere.md", "dangling.md", "good.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [  # files are checked, and reported, in path order
        "dangling.md: error: no such file or directory",
        "nowhere.md: error: no such file or directory",
    ]
    assert "good.md:1:1: LL102" in result.stdout


def test_unreadable_file(tmp_path, run_cli, monkeypatch):
    os.chdir(tmp_path)
    (tmp_path / "locked.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self):  # root ignores file modes, so deny the read itself
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run_cli("check", "locked.md", "good.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["locked.md: error: cannot read file: Permission denied"]
    assert "good.md:1:1: LL102" in result.stdout


def test_directory_without_listings(tmp_path, run_cli):
    (tmp_path / "empty").mkdir()
    os.chdir(tmp_path)
    result = run_cli("check", "empty")
    assert result.exit_code == 2
    assert result.stderr.strip() == "empty: error: directory contains no listings (*.md, *.yaml, *.yml)"
