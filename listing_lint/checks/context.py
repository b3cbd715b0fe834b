"""What a check sees of one listing, and how it turns a place into a finding."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Hit
from ..finding import Finding
from ..listing import Listing
from ..ruleset import Patterns, Rule


@dataclass
class Context:
    listing: Listing
    document: Document
    language: str  # the language findings are written in
    values: dict[str, Any]  # configured options, for messages and fixes ({default_revisions}...)
    _clauses: dict[int, set[int]] = field(default_factory=dict)

    def clauses_matching(self, patterns: Patterns) -> set[int]:
        """Indexes of the clauses where any of ``patterns`` matches (cached per pattern set)."""
        key = id(patterns)
        if key not in self._clauses:
            self._clauses[key] = {hit.clause for hit in self.hits(patterns)}
        return self._clauses[key]

    def hits(self, patterns: Patterns) -> list[Hit]:
        """Every match of any of ``patterns``, in text order."""
        found = [hit for pattern in patterns.compiled for hit in self.document.hits(pattern)]
        return sorted(found, key=lambda hit: (hit.start, -hit.end))

    def at_span(self, rule: Rule, message: str, start: int, end: int, **values: Any) -> Finding:
        return self._finding(rule, message, self.document.span(start, end), values)

    def at_field(self, rule: Rule, message: str, keys: tuple[str, ...], **values: Any) -> Finding:
        place = self.listing.field_position(keys) or (1, 1)
        return self._finding(rule, message, (*place, *place), values)

    def at_start(self, rule: Rule, message: str, **values: Any) -> Finding:
        return self._finding(rule, message, (1, 1, 1, 1), values)

    def _finding(self, rule: Rule, message: str, place: tuple[int, int, int, int], values: dict[str, Any]) -> Finding:
        words = defaultdict(str, self.values, **values)
        severity = values.pop("severity", None) or rule.severity
        fix = None
        if rule.fix is not None:
            fix = {"description": rule.fix.description(self.language).format_map(words), "edits": []}
        line, column, end_line, end_column = place
        return Finding(
            path=self.listing.path,
            code=rule.code,
            rule=rule.name,
            severity=severity,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            message=rule.messages[message](self.language).format_map(words),
            why=rule.why(self.language),
            fix=fix,
        )
