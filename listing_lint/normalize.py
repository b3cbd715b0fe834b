"""Normalisation as the rule catalogue defines it, keeping every character's place in the file.

- Unicode NFKC: full-width digits and letters become ASCII, half-width kana become full-width.
- Kanji numerals in counts read as numbers: 「三回」 -> 「3回」, 「二十日」 -> 「20日」.
- Markdown strong-emphasis markers are dropped, so 「修正は**3回**まで」 reads as one phrase.

Each output character remembers the file offset it came from, so a match in normalised text is
reported at the right line and column of the original file.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_VOICED_MARKS = {"\u3099", "\u309a"}  # what NFKC makes of half-width ﾞ and ﾟ on their own
_NFKC_CACHE: dict[str, str] = {}

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
# Counters after which a kanji numeral is a count or a period (not 「一部」 or 「十分」).
_COUNTERS = (
    "営業日|日間|日|回|度|往復|週間|週|か月|ヶ月|ケ月|カ月|ヵ月|箇月|時間|名|人|件|案|点|枚|種類|パターン|年|つ|ページ"
)
_KANJI_COUNT = re.compile(rf"[〇零一二三四五六七八九十百千]+(?=\s?(?:{_COUNTERS}))")


class Text(NamedTuple):  # a tuple: dozens are made per listing, and a dataclass is slower to build
    """A string whose characters each carry the file offset they came from (``origin``)."""

    chars: str
    origin: tuple[int, ...]  # one entry per character

    def offset(self, index: int) -> int:
        """File offset of the character at ``index`` (clamped to the text)."""
        if not self.origin:
            return 0
        return self.origin[min(max(index, 0), len(self.origin) - 1)]


def normalize(text: Text) -> Text:
    """NFKC, kanji counts as digits, strong-emphasis markers dropped; origins kept."""
    chars, origin = _nfkc(text.chars, text.origin)
    chars, origin = _kanji_counts(chars, origin)
    if "**" in chars:
        chars, origin = _drop(chars, origin, "**")
    return Text(chars, tuple(origin))


def _stable_class() -> str:
    """A character class of what NFKC never changes: ASCII, most kana and CJK punctuation, kanji."""
    japanese = "".join(ch for ch in map(chr, range(0x3001, 0x3100)) if unicodedata.normalize("NFKC", ch) == ch)
    return "[^\x00-\x7f\u4e00-\u9fff" + re.escape(japanese) + "]"


_UNSTABLE = re.compile(_stable_class())


def _nfkc(chars: str, origin: tuple[int, ...]) -> tuple[str, list[int]]:
    if unicodedata.is_normalized("NFKC", chars):
        return chars, list(origin)
    out: list[str] = []
    out_origin: list[int] = []
    last = 0
    for unstable in _UNSTABLE.finditer(chars):  # stable runs are copied whole
        index = unstable.start()
        out.append(chars[last:index])
        out_origin.extend(origin[last:index])
        last = index + 1
        ch = chars[index]
        mapped = _NFKC_CACHE.get(ch)
        if mapped is None:
            mapped = _NFKC_CACHE[ch] = unicodedata.normalize("NFKC", ch)
        if mapped in _VOICED_MARKS and _join_voiced_mark(out, mapped):
            continue  # 「ｶﾞ」 is one character, as NFKC makes of the pair
        out.append(mapped)
        out_origin.extend([origin[index]] * len(mapped))
    out.append(chars[last:])
    out_origin.extend(origin[last:])
    return "".join(out), out_origin


def _join_voiced_mark(out: list[str], mark: str) -> bool:
    """Combine a voiced-sound mark with the last character written, when they compose."""
    for position in range(len(out) - 1, -1, -1):
        if out[position]:
            combined = unicodedata.normalize("NFC", out[position][-1] + mark)
            if len(combined) != 1:
                return False
            out[position] = out[position][:-1] + combined
            return True
    return False


def kanji_to_int(numeral: str) -> int | None:
    """「三」 -> 3, 「二十一」 -> 21, 「百二十」 -> 120, 「二〇」 -> 20; None for a lone 「〇」."""
    if all(ch in _KANJI_DIGITS for ch in numeral):
        if set(numeral) <= {"〇", "零"}:
            return None  # 「〇日」 is a blank to fill in, not zero days
        return int("".join(str(_KANJI_DIGITS[ch]) for ch in numeral))
    total = current = 0
    for ch in numeral:
        if ch in _KANJI_DIGITS:
            current = current * 10 + _KANJI_DIGITS[ch]
        else:
            total += (current or 1) * _KANJI_UNITS[ch]
            current = 0
    return total + current


def _kanji_counts(chars: str, origin: list[int]) -> tuple[str, list[int]]:
    if not _KANJI_COUNT.search(chars):
        return chars, origin
    out: list[str] = []
    out_origin: list[int] = []
    last = 0
    for match in _KANJI_COUNT.finditer(chars):
        value = kanji_to_int(match.group())
        if value is None:
            continue
        digits = str(value)
        out.append(chars[last : match.start()])
        out_origin.extend(origin[last : match.start()])
        out.append(digits)
        span = origin[match.start() : match.end()]
        out_origin.extend(span[i] if i < len(span) else span[-1] for i in range(len(digits)))
        last = match.end()
    out.append(chars[last:])
    out_origin.extend(origin[last:])
    return "".join(out), out_origin


def _drop(chars: str, origin: list[int], marker: str) -> tuple[str, list[int]]:
    out: list[str] = []
    out_origin: list[int] = []
    last = 0
    for match in re.finditer(re.escape(marker), chars):
        out.append(chars[last : match.start()])
        out_origin.extend(origin[last : match.start()])
        last = match.end()
    out.append(chars[last:])
    out_origin.extend(origin[last:])
    return "".join(out), out_origin
