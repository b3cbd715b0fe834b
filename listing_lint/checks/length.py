"""``type: length`` — a description too short to say what the buyer gets.

Japanese listings count non-space characters, English ones words, of the description alone
(purchase notes and options say nothing of what the buyer gets); headings are not counted.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import LengthCheck, Rule
from .context import Context


def run(rule: Rule, check: LengthCheck, context: Context) -> list[Finding]:
    document = context.document
    clauses = (c for c in document.clauses if c.section == "description" and not c.heading)
    text = " ".join(document.chars[c.start : c.end] for c in clauses)
    if context.listing.language == "ja":
        size, minimum = len("".join(text.split())), context.values["min_description_chars_ja"]
    else:
        size, minimum = len(text.split()), context.values["min_description_words_en"]
    if size >= minimum:
        return []
    return [context.at(rule, check.message, None, size=size, minimum=minimum)]
