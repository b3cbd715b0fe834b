"""Suppression comments in Markdown and YAML, the front-matter key, and unused suppressions."""

from __future__ import annotations

from listing_lint.config import Config
from listing_lint.engine import lint_text

from .conftest import codes_and_lines

MARKDOWN = """---
kind: production
listing-lint-ignore: [LL109, request-template]
revisions: 2  # listing-lint: disable=LL301
---
<!-- listing-lint-disable-next-line LL201 -->
Zoomで打ち合わせ可能です。
Skypeで通話できます。
<!-- listing-lint-disable off-platform-contact, LL203 -->
LINE ID: abc_def
●日以上ご連絡がない場合
<!-- listing-lint-enable -->
Discordで連絡OKです
"""

YAML_LISTING = """kind: production
revisions: 2
# listing-lint: disable=LL203
title: ○○のロゴ
description: |
  ロゴを作ります。
  メール: a@example.com
purchase_notes: 料金は●円  # listing-lint: disable=LL203, LL201
"""

SELECTED = Config(select=["LL201", "LL203", "LL301", "LL304", "LL109"])


def test_markdown_comments_and_front_matter_key():
    assert codes_and_lines(lint_text(MARKDOWN, "a.md", SELECTED)) == {"LL201:8", "LL201:13"}


def test_yaml_comments_on_the_line_or_the_line_above():
    found = codes_and_lines(lint_text(YAML_LISTING, "a.yaml", Config(select=["LL201", "LL203"])))
    assert found == {"LL201:7"}


def test_unused_suppressions_are_reported_when_asked():
    text = MARKDOWN.replace("Skypeで通話できます。", "").replace("LINE ID: abc_def", "")
    config = SELECTED.model_copy(update={"report_unused_suppressions": True})
    findings = lint_text(text, "a.md", config)
    unused = [(f.code, f.line, f.severity, f.message) for f in findings if f.code == "LL001"]
    assert unused == [("LL001", 9, "warning", "抑止の指定「off-platform-contact」に該当する指摘がありません")]
    assert lint_text(text, "a.md", SELECTED) == [f for f in findings if f.code != "LL001"]


def test_a_disable_without_codes_covers_every_rule():
    text = "---\nkind: production\n---\n<!-- listing-lint-disable -->\nZoomで打ち合わせ可能です。●日\n"
    assert codes_and_lines(lint_text(text, "a.md", Config(select=["LL201", "LL203"]))) == set()
