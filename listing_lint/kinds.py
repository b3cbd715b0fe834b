"""What the buyer gets (production, content, consultation): declared, or inferred from words."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .yamlpos import load_data

if TYPE_CHECKING:
    from .frontmatter import FrontMatter
    from .listing import Section

DEFAULT_KIND = "production"
_OPENING_CHARS = 400  # how much of the description speaks for the whole listing
# A title that sells a talk on top of something else: 「ロゴ作成＋30分のブランディング相談つき」,
# "a written tarot reading with a follow-up call"; the talk is a call, a session or timed.
_BUNDLE = re.compile(r"[+&]|\b(?:and|with|plus)\b|つき|付き")
_TALK = re.compile(r"call|通話|電話|session|セッション|面談|\d+\s*(?:分|時間|min\b|minutes?\b|hours?\b)", re.I)
_CATEGORY_PATH = re.compile(r"[/>›»]")  # after NFKC: 「占い／電話占い」, "Graphics & Design > Logo Design"


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every word, longest first, so that "video call" is read as one phrase
    (consultation) rather than "video" (production); and the kind of each word."""
    words = load_data(resources.files(__package__).joinpath("kinds.yaml").read_text("utf-8"))
    kind_of = {term.lower(): kind for kind, terms in words.items() for term in terms}
    return re.compile("|".join(map(_word, sorted(kind_of, key=len, reverse=True))), re.I), kind_of


def _word(term: str) -> str:
    """English words match whole words ("reading" not in "proofreading"), also next to Japanese
    (「ノウハウPDF」: no ``\\b`` there, since kana count as word characters)."""
    return rf"(?<![a-z]){re.escape(term)}(?![a-z])" if term.isascii() else re.escape(term)


def kinds_of(fields: FrontMatter, sections: tuple[Section, ...] | list[Section]) -> tuple[tuple[str, ...], str]:
    """Return the listing's kinds and, for ``--verbose``, why.

    The first of category, title and opening that names a kind decides; where it names several
    equally often (「英語の翻訳｜マニュアル対応」: 翻訳, マニュアル), the next source breaks the tie
    among them, and a tie that nothing breaks keeps them all. A category written as a path speaks
    through its most specific part that names a kind (「占い/電話占い」: a phone reading). A title
    that gives a reading live ("a live tarot reading") makes a reading category consultation, and
    one that bundles a call or a session with the work adds consultation.
    """
    if fields.kind:
        return tuple(dict.fromkeys(fields.kind)), "declared in the front matter"
    description = next((s.text.chars for s in sections if s.name == "description"), "")
    pattern, kind_of = _vocabulary()
    order = list(dict.fromkeys(kind_of.values()))
    candidates: list[str] = []
    reasons: list[str] = []
    for source, text in (
        ("category", _most_specific(fields.category or "", pattern)),
        ("title", fields.title),
        ("opening of the description", description[:_OPENING_CHARS]),
    ):
        words = pattern.findall(unicodedata.normalize("NFKC", text or ""))
        counts = Counter(kind_of[w] for w in {w.lower() for w in words})  # a word said twice counts once
        if candidates:
            counts = Counter({kind: n for kind, n in counts.items() if kind in candidates})
        if not counts:
            continue
        top = max(counts.values())
        candidates = [kind for kind in order if counts.get(kind) == top]
        reasons.append(f"the {source} ({', '.join(sorted({w for w in words if kind_of[w.lower()] in counts}))})")
        if len(candidates) == 1:
            break
    live = _live_reading(fields.title or "", pattern)
    if live and candidates == ["content"]:
        candidates = ["consultation"]
        reasons.append(f"the title's live reading ({live})")
    talk = _bundled_talk(fields.title or "", pattern, kind_of)
    if talk and candidates and "consultation" not in candidates:
        candidates = [kind for kind in order if kind in candidates or kind == "consultation"]
        reasons.append(f"the title's added talk ({talk})")
    if not candidates:
        return (DEFAULT_KIND,), f"nothing declared or recognisable: assumed {DEFAULT_KIND}"
    return tuple(candidates), "inferred from " + ", then ".join(reasons)


def _live_reading(title: str, pattern: re.Pattern[str]) -> str | None:
    """A consultation phrase in the title that holds a reading word (「電話鑑定」, "live tarot reading"):
    the title says that what the category calls a reading is given live."""
    live = _live_terms()
    return next((word for word in pattern.findall(unicodedata.normalize("NFKC", title)) if word.lower() in live), None)


@lru_cache(maxsize=1)
def _live_terms() -> frozenset[str]:
    """The consultation phrases that contain a content word (「電話占い」 holds 占い), worked out once."""
    _, kind_of = _vocabulary()
    readings = [term for term, kind in kind_of.items() if kind == "content"]
    return frozenset(t for t, kind in kind_of.items() if kind == "consultation" and any(r in t for r in readings))


def _bundled_talk(title: str, pattern: re.Pattern[str], kind_of: dict[str, str]) -> str | None:
    """The consultation word of a call or session the title bundles with the work, if any."""
    parts = _BUNDLE.split(unicodedata.normalize("NFKC", title))
    for part in parts if len(parts) > 1 else ():
        words = [word for word in pattern.findall(part) if kind_of[word.lower()] == "consultation"]
        if words and _TALK.search(part):
            return words[0]
    return None


def _most_specific(category: str, pattern: re.Pattern[str]) -> str:
    """The last part of a category path that names a kind, else the whole category."""
    parts = _CATEGORY_PATH.split(unicodedata.normalize("NFKC", category))
    return next((part for part in reversed(parts) if pattern.search(part)), category)
