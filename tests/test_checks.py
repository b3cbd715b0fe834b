"""Behaviour shared by the check kinds, beyond what each rule's fixtures show."""

from __future__ import annotations

from listing_lint.config import Config
from listing_lint.engine import lint_text


def test_overlapping_matches_of_a_setting_text_are_one_finding():
    # two of LL103's text patterns match here, the second starting inside the first
    body = "ロゴを作ります。匿名でのレビューも歓迎、レビューは匿名でもOKです。"
    text = f"---\nkind: production\nplatform: fiverr\n---\n{body}\n"
    found = [(f.code, f.line, f.column) for f in lint_text(text, "a.md", Config(select=["LL103"]))]
    assert found == [("LL103", 5, 9)]
