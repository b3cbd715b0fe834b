"""Normalisation: NFKC, kanji counts, emphasis markers, and origins back into the file."""

from __future__ import annotations

import pytest

from listing_lint.normalize import Text, kanji_to_int, normalize


def _norm(chars: str) -> Text:
    return normalize(Text(chars, tuple(range(len(chars)))))


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("修正は３回まで", "修正は3回まで"),
        ("修正は三回まで", "修正は3回まで"),
        ("十日以内", "10日以内"),
        ("二週間", "2週間"),
        ("二十一日", "21日"),
        ("百二十回", "120回"),
        ("五営業日", "5営業日"),
        ("ｶﾞｲﾄﾞ", "ガイド"),
        ("修正は**3回**まで", "修正は3回まで"),
        ("〇日以内", "〇日以内"),  # a blank, not zero days
        ("十分ご注意", "十分ご注意"),  # not a count
        ("ＵＰ ＴＯ ２ revisions", "UP TO 2 revisions"),
    ],
)
def test_normalised_text(raw, expected):
    assert _norm(raw).chars == expected


def test_origins_point_back_into_the_original():
    text = _norm("修正は**三回**まで")
    assert len(text.origin) == len(text.chars)
    assert text.origin[text.chars.index("3")] == 5
    assert text.origin[text.chars.index("ま")] == 9


def test_half_width_voiced_kana_keeps_one_origin_per_character():
    text = _norm("ﾃﾞｻﾞｲﾝ修正")
    assert text.chars == "デザイン修正"
    assert text.origin == (0, 2, 4, 5, 6, 7)


@pytest.mark.parametrize(
    "numeral, value", [("三", 3), ("十", 10), ("二十", 20), ("二〇", 20), ("千二百", 1200), ("〇", None)]
)
def test_kanji_numerals(numeral, value):
    assert kanji_to_int(numeral) == value
