"""What the buyer gets (production, content, consultation): declared, or inferred from words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .yamlpos import load_data

if TYPE_CHECKING:
    from .frontmatter import FrontMatter
    from .listing import Section

DEFAULT_KIND = "production"
_OPENING_CHARS = 400  # how much of the description speaks for the whole listing


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
    """Return the listing's kinds and, for ``--verbose``, why."""
    if fields.kind:
        return tuple(dict.fromkeys(fields.kind)), "declared in the front matter"
    description = next((s.text.chars for s in sections if s.name == "description"), "")
    for source, text in (
        ("category", fields.category),
        ("title", fields.title),
        ("opening of the description", description[:_OPENING_CHARS]),
    ):
        if not text:
            continue
        pattern, kind_of = _vocabulary()
        words = pattern.findall(unicodedata.normalize("NFKC", text))
        if words:
            found = {kind_of[w.lower()] for w in words}
            kinds = tuple(kind for kind in dict.fromkeys(kind_of.values()) if kind in found)  # file order
            return kinds, f"inferred from the {source} ({', '.join(sorted(set(words)))})"
    return (DEFAULT_KIND,), f"nothing declared or recognisable: assumed {DEFAULT_KIND}"
