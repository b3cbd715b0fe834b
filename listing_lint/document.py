"""The text rules read: every clause of every section, normalised, joined one clause per line.

A clause is one sentence, list item or table row. Markdown structure comes from markdown-it-py;
sentences are split at 「。」「！」「？」 and English sentence ends. Rules search the joined text once
per pattern; a match's clause is found by bisection, and its place in the file through ``origin``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt

from .listing import Listing
from .normalize import Text, normalize

_MARKDOWN = MarkdownIt("commonmark").enable("table")
_MARKDOWN.core.ruler.disable(["inline", "text_join"])  # block structure is all we need
_TEXT_BLOCKS = {"paragraph_open": False, "heading_open": True, "tr_open": False, "fence": False, "code_block": False}
_FENCE_LINE = re.compile(r"^\s*(```|~~~)")

# A sentence ends after 。!? (NFKC has made ！？ ASCII) or a full stop before a space; a line break
# ends one too unless the line plainly continues (ends in a comma or the next starts in lower case).
_SENTENCE_END = re.compile(r"[。!?]+[」』)]*\s*|(?<=[a-z0-9)\"'])\.(?:\s+|$)|\n(?![a-z])")
_CONTINUES = re.compile(r"[、,]\s*$")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    heading: bool
    section: str


class Document:
    """All clauses of a listing, normalised, each on its own line of ``chars``."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        parts: list[str] = []
        origin: list[int] = []
        clauses: list[Clause] = []
        position = 0
        for section in listing.sections:
            for block, heading in _blocks(section.text):
                for piece in _sentences(normalize(block)):
                    text = piece.chars.replace("\n", " ")
                    clauses.append(Clause(position, position + len(text), heading, section.name))
                    parts.append(text + "\n")
                    origin.extend(piece.origin)
                    origin.append(piece.origin[-1] + 1)
                    position += len(text) + 1
        self.chars = "".join(parts)
        self.origin = origin
        self.clauses = clauses
        self._starts = [c.start for c in clauses]

    def clause_index(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Each match with the index of its clause."""
        for match in pattern.finditer(self.chars):
            yield self.clause_index(match.start()), match

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based (line, column, end_line, end_column) in the file of a span of ``chars``."""
        line, column = self.listing.position(self.origin[start])
        end_line, end_column = self.listing.position(self.origin[max(end - 1, start)] + 1)
        return line, column, end_line, end_column

    def clause_text(self, index: int) -> str:
        clause = self.clauses[index]
        return self.chars[clause.start : clause.end]


def _blocks(text: Text) -> Iterator[tuple[Text, bool]]:
    """Each Markdown text block (paragraph, heading, table row, code) as a slice of ``text``."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text.chars)]
    line_starts.append(len(text.chars) + 1)
    for token in _MARKDOWN.parse(text.chars):
        heading = _TEXT_BLOCKS.get(token.type)
        if heading is None or token.map is None:
            continue
        first, last = token.map
        if token.type == "fence":
            first, last = first + 1, last - 1 if _FENCE_LINE.match(_line(text.chars, line_starts, last - 1)) else last
        start = line_starts[first]
        end = min(line_starts[min(last, len(line_starts) - 1)] - 1, len(text.chars))
        if end > start:
            yield Text(text.chars[start:end], text.origin[start:end]), heading


def _line(chars: str, line_starts: list[int], index: int) -> str:
    if index < 0 or index + 1 >= len(line_starts):
        return ""
    return chars[line_starts[index] : line_starts[index + 1] - 1]


def _sentences(block: Text) -> Iterator[Text]:
    chars = block.chars
    start = 0
    for match in _SENTENCE_END.finditer(chars):
        if match.group().startswith("\n") and _CONTINUES.search(chars, start, match.start()):
            continue
        end = match.end()
        if chars[start:end].strip():
            yield Text(chars[start:end], block.origin[start:end])
        start = end
    if chars[start:].strip():
        yield Text(chars[start:], block.origin[start:])
