"""Properties: never raises on arbitrary input, positions inside the file, deterministic output."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from listing_lint.engine import lint_bytes, lint_text
from listing_lint.errors import ListingError

# Text biased towards what listings are made of: Japanese, digits of both widths, markup, YAML syntax.
ALPHABET = st.sampled_from(
    list("修正回日無制限何度でもご連絡納品完了ネタバレ匿名評価購入前相談●○〇×XＸ３三十二")
    + list("abcdefxyz0123456789 \n\t-:#|*_[]{}()@./'\"!?。、・「」【】ｶﾞﾟ")
    + ["\u3099", "\ufeff", "\r", "---\n", "revisions: ", "kind: content\n", "settings:\n  ", "description: |\n  "]
    + ["Q. ", "A: ", "？", "ですか", "Do you "]  # questions and FAQ answers
)
LISTING_TEXT = st.lists(ALPHABET, max_size=120).map("".join)
PLAIN_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 50), st.text(max_size=12), st.floats(allow_nan=False)
)
FIELDS = st.dictionaries(
    st.sampled_from(
        ["title", "kind", "platform", "language", "revisions", "settings", "category", "price", "description"]
    ),
    st.one_of(
        PLAIN_SCALARS,
        st.lists(PLAIN_SCALARS, max_size=3),
        st.dictionaries(st.sampled_from(["quote_required", "anonymous_reviews", "x"]), PLAIN_SCALARS, max_size=2),
    ),
    max_size=6,
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_positions(text: str, findings) -> None:
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    for f in findings:
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
        assert f.end_line <= len(lines), f


@FAST
@given(body=LISTING_TEXT, suffix=st.sampled_from(["a.md", "a.yaml"]))
def test_arbitrary_text_never_raises_and_positions_are_inside(body, suffix):
    try:
        findings = lint_text(body, suffix)
    except ListingError:
        return  # a clear, reported error is the right outcome for unparseable input
    _check_positions(body, findings)


@FAST
@given(fields=FIELDS, body=LISTING_TEXT)
def test_arbitrary_front_matter_never_raises(fields, body):
    stream = io.StringIO()
    YAML(typ="safe").dump(fields, stream)
    text = f"---\n{stream.getvalue()}---\n{body}"
    try:
        findings = lint_text(text, "a.md")
    except ListingError as error:
        assert error.reason and "\n" not in error.reason
        return
    _check_positions(text, findings)


@FAST
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data):
    result = lint_bytes(data, "a.md")
    if result.error is not None:
        assert result.findings == [] and result.error.reason and "\n" not in result.error.reason


@settings(max_examples=100, deadline=None)
@given(body=LISTING_TEXT)
def test_same_input_same_output(body):
    text = "---\nkind: [production, content]\nplatform: coconala\n---\n" + body
    first = lint_text(text, "a.md")
    assert lint_text(text, "a.md") == first
