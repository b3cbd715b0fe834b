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
def _vocabulary() -> dict[str, re.Pattern[str]]:
    words = load_data(resources.files(__package__).joinpath("kinds.yaml").read_text("utf-8"))
    return {
        kind: re.compile("|".join(map(_word, sorted(terms, key=len, reverse=True))), re.I)
        for kind, terms in words.items()
    }


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
        text = unicodedata.normalize("NFKC", text)
        found = {kind: pattern.findall(text) for kind, pattern in _vocabulary().items()}
        found = {kind: words for kind, words in found.items() if words}
        if found:
            words = ", ".join(sorted({w for ws in found.values() for w in ws}))
            return tuple(found), f"inferred from the {source} ({words})"
    return (DEFAULT_KIND,), f"nothing declared or recognisable: assumed {DEFAULT_KIND}"
