"""What a check sees of one listing, and how it turns a place into a finding."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Hit
from ..finding import Finding
from ..listing import Listing
from ..ruleset import Patterns, Rule

_SEARCH_ALL_ABOVE = 8  # clauses; beyond this one search of the whole listing is cheaper

# Where a finding goes: a match in the text, a field (its key path), or None for the top of the file.
Place = Hit | tuple[str, ...] | None


@dataclass
class Context:
    listing: Listing
    document: Document
    rules: dict[str, Rule]  # every loaded rule by code, for conditions on other rules
    language: str  # the language findings are written in
    values: dict[str, Any]  # configured options, for messages and fixes ({default_revisions}...)
    _hits: dict[int, list[Hit]] = field(default_factory=dict)
    _matches: dict[tuple[int, int], bool] = field(default_factory=dict)

    def clauses_matching(self, patterns: Patterns, among: set[int] | frozenset[int]) -> set[int]:
        """Those of the clauses ``among`` where any of ``patterns`` matches.

        A few clauses are searched one by one rather than the whole listing: negations and a form's
        later parts are asked only about the clauses still in the running.
        """
        key = id(patterns)
        if key in self._hits or len(among) > _SEARCH_ALL_ABOVE:
            return {hit.clause for hit in self.clause_hits(patterns) if hit.clause in among}
        found = set()
        for clause in among:
            if (key, clause) not in self._matches:
                self._matches[key, clause] = self.document.matches_in(patterns.compiled, clause)
            if self._matches[key, clause]:
                found.add(clause)
        return found

    def hits(self, patterns: Patterns) -> list[Hit]:
        """Every match of any of ``patterns``, in text order; each pattern set is searched once per listing."""
        key = id(patterns)
        if key not in self._hits:
            found = self.document.hits(patterns.compiled)
            self._hits[key] = sorted(found, key=lambda hit: (hit.start, -hit.end))
        return self._hits[key]

    def clause_hits(self, patterns: Patterns) -> list[Hit]:
        """The matches that lie inside one clause. A search of the whole listing can run on over a
        line end ("revisions\n- one"); a search of one clause, as ``clauses_matching`` makes for a
        few clauses, cannot, and a clause is what a form's parts must all match in."""
        return [hit for hit in self.hits(patterns) if "\n" not in hit.text.rstrip()]

    def at(self, rule: Rule, message: str, place: Place, **values: Any) -> Finding:
        """A finding at a match, at a field's line, or (None) at the top of the file."""
        if isinstance(place, Hit):
            return self._finding(rule, message, self.document.span(place.start, place.end), values)
        where = (self.listing.field_position(place) if place else None) or (1, 1)
        return self._finding(rule, message, (*where, *where), values)

    def _finding(self, rule: Rule, message: str, place: tuple[int, int, int, int], values: dict[str, Any]) -> Finding:
        # a field's value as the listing wrote it: YAML's true/false, not Python's True/False
        words = defaultdict(str, self.values, **{k: _yaml(v) for k, v in values.items()})
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


def _yaml(value: Any) -> Any:
    return str(value).lower() if isinstance(value, bool) else value
