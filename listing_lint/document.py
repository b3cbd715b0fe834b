"""The text rules read: every clause of every section, normalised, joined one clause per line.

A clause is one sentence, list item or table row. Markdown structure comes from markdown-it-py;
sentences are split at 「。」「！」「？」 and English sentence ends. Rules search the joined text once
per pattern; a match's clause is found by bisection, and its place in the file through ``origin``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import partial
from typing import NamedTuple

from markdown_it import MarkdownIt

from .listing import Listing
from .normalize import Text, normalize
from .patterns import LANGUAGES, CompiledPattern, ascii_lower

# Block structure is all the rules need: headings (which satisfy a rule only with text under them),
# fenced blocks and HTML blocks. Clauses end at line ends anyway, so list items and table rows come out one per clause
# without parsing lists and tables; indented code, setext headings, rules, quotes and link references
# are off because sellers indent prose and underline with ---, and all of it is text to read.
_MARKDOWN = MarkdownIt("zero").enable(["heading", "fence", "html_block"])
_MARKDOWN.core.ruler.disable(["inline", "text_join"])
_TEXT_BLOCKS = {"paragraph_open": False, "heading_open": True, "fence": False}
_FENCE_LINE = re.compile(r"^\s*(```|~~~)")

# A sentence ends after 。!? (NFKC has made ！？ ASCII) or a full stop before a space; a line break
# ends one too unless the line plainly continues: the next starts in lower case or with a quote or
# an opening bracket (after any indent: a wrapped list item, 'the sample text\n"[Your Logo]"'), or
# the line ends in a comma or in a particle no Japanese sentence ends with (「修正は\n2回まで」, but
# not 〜まで or 〜こと), and the next line opens no list item or note.
# A full stop after an abbreviation ends nothing ("(incl. in reviews)", "e.g. logos"), nor after
# "etc." when the sentence goes on in lower case.
# Each branch opens with a character the engine can skip to, so the look-behind follows the stop.
_ABBREVIATION = r"(?<!e\.g\.)(?<!i\.e\.)(?<!incl\.)(?<!approx\.)(?<!\bvs\.)(?<!\besp\.)(?<!\bcf\.)"
_SENTENCE_END = re.compile(
    rf"[。!?]+[」』)]*\s*|\.(?<=[a-z0-9)\"']\.)(?i:{_ABBREVIATION})(?:(?<!etc\.)|(?!\s+[a-z]))(?:\s+|$)"
    r"|\n(?![ \t\u3000]*[a-z\"“‘(])"
)
# A buyer's question, as FAQs quote them: 「Q. 」, a polite Japanese question (〜ですか, 〜ますか,
# 〜でしょうか; not the invitation 〜ませんか), or an English one that opens with an auxiliary or a
# wh-word and ends in "?". A question states no safeguard, and offers or demands nothing.
_QUESTION = re.compile(
    r"^\s*q\s*\d*\s*[.:)]|(?:です|ます|でしょう|でした|ました)か\s*\??\s*$"
    r"|^\s*(?:are|is|do|does|did|can|could|will|would|may|should|how|what|when|where|which|who)\b.*\?\s*$"
)
_ASKS = re.compile(r"\s*Q\s*\d*\s*[.:)]", re.I)  # a FAQ's question, 「Q.」 "Q:" "Q1)"
_ANSWERS = re.compile(r"\s*A\s*\d*\s*[.:)]", re.I)
# An answer that opens with a plain yes makes its question a statement: 「Q. LINEで連絡できますか?
# A. はい、大丈夫です」 offers LINE; "Yes, but only here on Fiverr" is no plain yes.
_AFFIRMS = re.compile(
    r"\s*(?:a\s*\d*\s*[.:)]\s*)?(?:yes|yeah|yep|sure|of course|absolutely|definitely|certainly|はい|もちろん|ええ)"
    r"(?![^\n。.!?]*(?:\bbut\b|\bhowever\b|\bonly\b|ただし|但し|ですが|けど|が、|のみ|だけ))"
)
_CONTINUES = re.compile(r"(?:[、,]|(?<![A-Za-z0-9])(?:[はがをにのもへやて]|(?<!ま)で|(?<!こ)と))[ \t\u3000]*$")
_NEW_ITEM = re.compile(r"[ \t\u3000]*(?:[-*+・●○◯■□◆◇▶▷▼▽※★☆✓✔→【#|]|\d+[.)]|[①-⑳]|[QA][.:])")


# A title: a Markdown heading, or a line that only names what follows (「【修正について】」「■修正」
# 「<納期>」 "Revisions:" "REVISIONS"). The clauses under it are read with it (see ``titles``). A
# bracketed or colon title with no text under it states nothing, as a bare heading does. A line led
# by a mark (■◆★✅) may as well be a list item (「■ロゴデータ(AI・PNG)」), and a short line in
# capitals a warning ("NO REFUNDS"): they are titles only to what follows (a marked line, when the
# next does not open with the same mark), and they always count as text.
_MARKS = "■◆◇□▼▽★☆▶▷◎●○✅✔☑✓"
_LABEL = (
    rf"\s*(?:[#*{_MARKS}]+\s*)?[【\[〔<《〈][^\n】\]〕>》〉]{{1,24}}[】\]〕>》〉]\s*:?\s*|\s*[^\n。.!?:]{{1,24}}:\s*"
)
_BRACKETED_TITLE = re.compile(_LABEL)
_MARKED_TITLE = re.compile(rf"\s*([{_MARKS}])\1*\s*[^\n。.!?:]{{1,20}}")
_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?)?\s*")  # |---|:--:|
_CAPITALS_TITLE = re.compile(r"\s*[A-Z][A-Z&/'-]*(?: [A-Z&/'-]+){0,2}\s*")


class Clause(NamedTuple):
    start: int
    end: int
    heading: bool
    section: str


class Hit(NamedTuple):
    """A pattern match: its clause, and its span in ``Document.chars``."""

    clause: int
    start: int
    end: int
    text: str


# Which clauses each language's patterns search: Japanese patterns, clauses with Japanese script,
# full-width forms or template marks (●○); English ones, clauses with Latin letters or @#$_{}[]+, or
# plain ASCII. A Japanese sentence with only a number in it (「納期3日」) is not searched by English
# patterns, nor an English one with an emoji by Japanese patterns: each pattern reads less text.
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef●○◯■□◆◇※]")
_LATIN = re.compile(r"[a-z@#$_{}\[\]+]")


def _view_clauses(language: str, clauses: list[Clause], text: str) -> list[int]:
    if language == "ja":
        japanese = _JAPANESE.search
        return [i for i, c in enumerate(clauses) if japanese(text, c.start, c.end)]
    latin = _LATIN.search
    return [i for i, c in enumerate(clauses) if latin(text, c.start, c.end) or text[c.start : c.end].isascii()]


class _View:
    """The clauses one language's patterns search, joined one per line, and where each came from."""

    def __init__(self, document: Document, language: str, lowered: str) -> None:
        self.clauses = _view_clauses(language, document.clauses, lowered)
        self.chars = "\n".join(lowered[c.start : c.end] for c in (document.clauses[i] for i in self.clauses))
        self.starts: list[int] = []
        self.span_of: dict[int, tuple[int, int]] = {}  # clause index -> its span in ``chars``
        self._present: dict[str, bool] = {}  # needle -> in ``chars``, asked once per listing
        position = 0
        for index in self.clauses:
            clause = document.clauses[index]
            self.starts.append(position)
            self.span_of[index] = (position, position + clause.end - clause.start)
            position += clause.end - clause.start + 1

    def matches(self, pattern: CompiledPattern, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
        """Spans of the pattern's accepted matches in ``chars``, in order, not overlapping; with ``end``,
        those inside ``chars[start:end]`` (one clause)."""
        text, regex = self.chars, pattern.regex
        if pattern.line_start:  # a view's lines are its clauses
            reached, stop = 0, len(text) if end is None else end
            for line in self.starts if end is None else (start,):
                match = regex.match(text, line, stop) if line >= reached else None
                if match is not None and pattern.accepts(text, *match.span()):
                    reached = match.end()
                    yield match.span()
            return
        search = regex.search if end is None else partial(regex.search, endpos=end)
        position = start
        while (match := search(text, position)) is not None:
            first, last = match.span()
            if not pattern.accepts(text, first, last):
                position = first + 1
                continue
            position = last if last > first else last + 1
            yield first, last

    def may_match(self, pattern: CompiledPattern) -> bool:
        """False when, for one of the pattern's needle sets, no needle is in the text: no search can match."""
        present, chars = self._present, self.chars
        for needles in pattern.gate:
            for needle in needles:
                found = present.get(needle)
                if found is None:
                    found = present[needle] = needle in chars
                if found:
                    break
            else:
                return False
        return True


class Document:
    """All clauses of a listing, normalised, each on its own line of ``chars``."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        parts: list[str] = []
        origin: list[int] = []
        clauses: list[Clause] = []
        answers: dict[int, int] = {}  # clause -> where its answer starts, for a question read with it
        position = 0
        for section in listing.sections:
            for block, heading in _blocks(section.text):
                for piece, answer in _sentences(normalize(block)):
                    text = piece.chars.replace("\n", " ")
                    if answer is not None:
                        answers[len(clauses)] = position + answer
                    clauses.append(Clause(position, position + len(text), heading, section.name))
                    parts.append(text + "\n")
                    origin.extend(piece.origin)
                    origin.append(piece.origin[-1] + 1)
                    position += len(text) + 1
        self.chars = "".join(parts)
        self.origin = origin
        self.clauses = clauses
        # A heading with no text under it (「## 修正について」「【キャンセル】」 and nothing else) states nothing.
        headings = [c.heading or _BRACKETED_TITLE.fullmatch(self.chars, c.start, c.end) is not None for c in clauses]
        self.bare_headings = frozenset(
            i
            for i, clause in enumerate(clauses)
            if headings[i] and (i + 1 == len(clauses) or headings[i + 1] or clauses[i + 1].section != clause.section)
        )
        self.titles = _titles(clauses, self.chars, headings)
        lowered = ascii_lower(self.chars)  # patterns are lower-cased too (see patterns.py)
        self.answers = answers
        self.affirmed = frozenset(clause for clause, answer in answers.items() if _AFFIRMS.match(lowered, answer))
        self.questions = frozenset(
            i for i, c in enumerate(clauses) if i not in self.answers and _is_question_clause(lowered[c.start : c.end])
        )
        self._views = {language: _View(self, language, lowered) for language in LANGUAGES}

    def hits(self, patterns: Sequence[CompiledPattern]) -> list[Hit]:
        """Every match of the patterns, each in its language's view, with its clause and span in ``chars``.

        One call per pattern set: this loop runs for every pattern of every rule on every listing.
        """
        found: list[Hit] = []
        for pattern in patterns:
            view = self._views[pattern.language]
            if not view.may_match(pattern):
                continue
            starts = view.starts
            for start, end in view.matches(pattern):
                slot = bisect.bisect_right(starts, start) - 1
                index = view.clauses[slot]
                shift = self.clauses[index].start - starts[slot]
                found.append(Hit(index, start + shift, end + shift, self.chars[start + shift : end + shift]))
        return found

    def matches_in(self, patterns: Sequence[CompiledPattern], clause: int) -> bool:
        """True when one of the patterns matches inside one clause (cheaper than searching the view)."""
        for pattern in patterns:
            view = self._views[pattern.language]
            span = view.span_of.get(clause)
            if span is not None and view.may_match(pattern) and next(view.matches(pattern, *span), None):
                return True
        return False

    def in_question(self, hit: Hit) -> bool:
        """True when a match lies in a buyer's question: a clause that is one, or a FAQ clause's
        question part, unless the answer is a plain yes."""
        return hit.clause in self.questions or (self.asked(hit) and hit.clause not in self.affirmed)

    def answered_again(self, hit: Hit, hits: Sequence[Hit]) -> bool:
        """True when a match in a FAQ's question has one of ``hits`` in its answer too ("Q: Can we
        talk on Zoom? A: Sure, a quick Zoom call"): the finding goes there, once."""
        return self.asked(hit) and any(other.clause == hit.clause and not self.asked(other) for other in hits)

    def asked(self, hit: Hit) -> bool:
        """True when a match lies in a FAQ clause's question part (a match running on into the
        answer belongs to the answer): its answer is the better place for a finding."""
        answer = self.answers.get(hit.clause)
        return answer is not None and hit.end <= answer

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """1-based (line, column, end_line, end_column) in the file of a span of ``chars``."""
        line, column = self.listing.position(self.origin[start])
        end_line, end_column = self.listing.position(self.origin[max(end - 1, start)] + 1)
        return line, column, end_line, end_column


def _titles(clauses: list[Clause], chars: str, headings: list[bool]) -> dict[int, int]:
    """Each clause under a title, and that title: the nearest one above it in its section
    (「【修正について】」 over 「2回まで無料です」; a title may sit under another: "## Revisions" over
    "✅ Two rounds" over "Extra rounds are $10"). A table's header row is the title of its rows
    (「| プラン | 修正回数 |」 over 「| ライト | 1回 |」), until the table ends."""
    titles: dict[int, int] = {}
    current, section, outside_table = None, None, None
    for index, clause in enumerate(clauses):
        if clause.section != section:
            current, section, outside_table = None, clause.section, None
        row = chars.startswith("|", clause.start)
        if outside_table is not None and not row:
            current, outside_table = outside_table[0], None  # the table ended
        if current is not None:
            titles[index] = current
        if (
            headings[index]
            or _CAPITALS_TITLE.fullmatch(chars, clause.start, clause.end)
            or _is_marked_title(clauses, chars, index)
        ):
            current = index
        elif row and outside_table is None and _is_table_header(clauses, chars, index):
            outside_table, current = (current,), index
    return titles


def _is_table_header(clauses: list[Clause], chars: str, index: int) -> bool:
    following = clauses[index + 1] if index + 1 < len(clauses) else None
    return following is not None and _TABLE_RULE.fullmatch(chars, following.start, following.end) is not None


def _is_marked_title(clauses: list[Clause], chars: str, index: int) -> bool:
    clause = clauses[index]
    mark = _MARKED_TITLE.fullmatch(chars, clause.start, clause.end)
    if mark is None:
        return False
    following = clauses[index + 1] if index + 1 < len(clauses) else None
    return following is None or chars[following.start : following.end].lstrip()[:1] != mark.group(1)


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


def _sentences(block: Text) -> Iterator[tuple[Text, int | None]]:
    """Each sentence of a block, and where its answer starts when it is a question read with its
    answer: 「Q. 修正は何回までですか? A. 2回までです」, "Do you offer revisions? Yes, two rounds."
    A sentence ending in "?" that asks nothing is read with the next as one statement: "No reply
    after 5 days? The order is marked complete." A question followed by another stays alone."""
    segments = list(_segments(block.chars))
    index = 0
    while index < len(segments):
        start, end = segments[index]
        answer = None
        if index + 1 < len(segments) and _asks_and_is_answered(block.chars, segments[index], segments[index + 1]):
            answer = segments[index + 1][0] - start if _is_question(block.chars[start:end]) else None
            end = segments[index + 1][1]
            index += 1
        index += 1
        yield Text(block.chars[start:end], block.origin[start:end]), answer


def _segments(chars: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``chars``: split at sentence ends, and at line ends unless the
    line plainly goes on (it ends in a particle or comma and the next opens no list item)."""
    start = 0
    for match in _SENTENCE_END.finditer(chars):
        if (
            match.group().startswith("\n")
            and _CONTINUES.search(chars, start, match.start())
            and not _NEW_ITEM.match(chars, match.end())
            and not _BRACKETED_TITLE.fullmatch(chars, start, match.start())
            and not _MARKED_TITLE.fullmatch(chars, start, match.start())  # 「▼レビューについて」 ends in て
        ):
            continue
        if chars[start : match.end()].strip():
            yield start, match.end()
        start = match.end()
    if chars[start:].strip():
        yield start, len(chars)


def _asks_and_is_answered(chars: str, sentence: tuple[int, int], following: tuple[int, int]) -> bool:
    if _ASKS.match(chars, sentence[0]) and _ANSWERS.match(chars, following[0]):
        return True
    return chars[sentence[0] : sentence[1]].rstrip().endswith("?") and not (
        chars[following[0] : following[1]].rstrip().endswith("?")
    )


def _is_question(sentence: str) -> bool:
    return bool(_ASKS.match(sentence) or _is_question_clause(ascii_lower(sentence).rstrip()))


def _is_question_clause(clause: str) -> bool:
    """``_QUESTION`` on a lower-cased clause. Every question it knows holds 「か」 or "?" or opens
    with "q", and most clauses hold none of these: they skip the search."""
    return ("?" in clause or "か" in clause or clause.lstrip().startswith("q")) and bool(_QUESTION.search(clause))
