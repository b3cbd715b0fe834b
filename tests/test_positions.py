"""Positions are file positions: front matter fields, Markdown body, YAML block strings."""

from __future__ import annotations

from listing_lint.config import Config
from listing_lint.engine import lint_text

MARKDOWN = """---
title: ロゴ作成
kind: production
revisions: unlimited
---
# サービス内容

ロゴを作成します。
- 連絡先: hello@example.com
"""

YAML_LISTING = """title: Logo design
kind: production
description: |
  ## What you get
  A logo.

  Questions? Write to hello@example.com today.
purchase_notes: >
  Email me: me@example.org
"""


def test_field_decides_the_line():
    [finding] = lint_text(MARKDOWN, "logo.md", Config(select=["LL101"]))
    assert (finding.line, finding.column) == (4, 1)
    assert finding.message == "修正回数の無制限を約束しています(「unlimited」)。回数の上限を書いてください"


def test_violation_in_markdown_body_has_its_line_and_columns():
    [finding] = [f for f in lint_text(MARKDOWN, "logo.md", Config(select=["LL201"])) if f.message.find("hello") >= 0]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
        9,
        8,
        9,
        25,
    )  # end column is exclusive, as in SARIF


def test_violation_inside_a_yaml_block_string_reports_the_file_line():
    findings = lint_text(YAML_LISTING, "logo.yaml", Config(select=["LL201"]))
    emails = [(f.line, f.column, f.end_column) for f in findings if "@" in f.message]
    assert emails == [(7, 23, 40), (9, 13, 27)]


def test_markdown_and_yaml_forms_give_the_same_findings():
    body = "無料修正は2回までです。\nZoomで打ち合わせ可能です。\n"
    markdown = f"---\nkind: production\n---\n{body}"
    yaml_form = "kind: production\ndescription: |\n" + "".join(f"  {line}\n" for line in body.splitlines())
    as_md = [(f.code, f.line, f.message) for f in lint_text(markdown, "a.md")]
    as_yaml = [(f.code, f.line, f.message) for f in lint_text(yaml_form, "a.yaml")]
    assert [c for c, _, _ in as_md] == [c for c, _, _ in as_yaml]
    assert {"LL102", "LL105", "LL201"} <= {c for c, _, _ in as_md} and "LL101" not in {c for c, _, _ in as_md}
    assert [m for _, _, m in as_md] == [m for _, _, m in as_yaml]
    assert [line for c, line, _ in as_md if c == "LL201"] == [5]
    assert [line for c, line, _ in as_yaml if c == "LL201"] == [4]


def test_kanji_numeral_match_points_at_the_kanji():
    text = "---\nkind: production\nrevisions: 3\n---\n修正は五回までです。\n"
    [finding] = lint_text(text, "a.md", Config(select=["LL101"]))
    assert finding.message == "front matter の revisions (3回) と本文の修正回数 (5回) が食い違っています"
    assert finding.line == 3


FOLDED_SCALARS = """title: Logo design
kind: production
description: I design logos.
  We can talk on WhatsApp after the order.

  Includes 2 revisions.
purchase_notes: "Please message me first.\\n\\
  Contact me on Telegram, \\"fast\\"."
options:
  - 'It''s fine: add a Skype call'
"""


def test_a_violation_in_a_scalar_folded_over_lines_reports_its_own_line_and_column():
    findings = lint_text(FOLDED_SCALARS, "logo.yaml", Config(select=["LL201"]))
    assert [(f.line, f.column, f.end_column) for f in findings] == [(4, 15, 26), (8, 3, 25), (10, 24, 34)]
