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


def test_a_form_matches_inside_one_clause_however_long_the_listing():
    from listing_lint.checks import Context
    from listing_lint.document import Document
    from listing_lint.listing import parse
    from listing_lint.patterns import Patterns

    # "Revisions" ends one clause and "Two" opens the next: `\s+` may not join them, whether the
    # engine searches the whole listing (many clauses) or clause by clause (a few)
    patterns = Patterns(en=[r"revisions\s+two"])
    patterns.compile()
    for filler in ("", "Logos for shops.\n" * 12):
        listing = parse(f"---\nlanguage: en\n---\n{filler}Revisions\nTwo rounds.\n", "a.md")
        context = Context(listing, Document(listing), {}, "en", {})
        clauses = set(range(len(context.document.clauses)))
        assert context.clauses_matching(patterns, clauses) == set()
        assert [hit.text for hit in context.hits(patterns)] == ["Revisions \nTwo"]  # the search runs on
