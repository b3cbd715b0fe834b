"""Suppressions written in the listing itself.

- Markdown: ``<!-- listing-lint-disable CODE -->`` … ``<!-- listing-lint-enable CODE -->`` (to the end of
  the file when never enabled again), and ``<!-- listing-lint-disable-next-line CODE -->``.
- YAML (a ``.yaml`` listing or the front matter): ``# listing-lint: disable=CODE`` on the line, or alone
  on the line above.
- The front-matter key ``listing-lint-ignore: [CODE, ...]`` for the whole file.

CODE is a code or a name; several may be given, separated by commas or spaces; none means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finding import Finding
from .frontmatter import SUPPRESSION_KEY
from .listing import YAML_SUFFIXES, Listing
from .notices import UNUSED_SUPPRESSION, finding

_HTML = re.compile(r"<!--\s*listing-lint-(disable-next-line|disable|enable)\b(.*?)-->")
_YAML = re.compile(r"#\s*listing-lint:\s*disable=([\w\s,-]+)")


@dataclass
class Suppression:
    line: int  # where it is written
    column: int
    selectors: list[str]  # empty: every rule
    first: int  # lines covered, inclusive
    last: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        if not self.first <= finding.line <= self.last:
            return False
        hit = [s for s in self.selectors if s in (finding.code, finding.rule)] if self.selectors else ["*"]
        self.used.update(hit)
        return bool(hit)


def suppressions(listing: Listing) -> list[Suppression]:
    found: list[Suppression] = []
    lines = listing.source.split("\n")
    last_line = len(lines)
    ignored = listing.values.get(SUPPRESSION_KEY)
    if ignored:
        place = listing.field_position((SUPPRESSION_KEY,)) or (1, 1)
        found.append(Suppression(*place, _selectors(ignored), 1, last_line))
    if "listing-lint" not in listing.source:
        return found  # most listings have no comment to read
    yaml_lines = last_line if listing.path.lower().endswith(YAML_SUFFIXES) else _front_matter_end(listing)
    open_ranges: list[Suppression] = []
    for number, text in enumerate(lines, start=1):
        for match in _HTML.finditer(text):
            kind, selectors = match.group(1), _selectors(match.group(2))
            column = match.start() + 1
            if kind == "disable-next-line":
                found.append(Suppression(number, column, selectors, number + 1, number + 1))
            elif kind == "disable":
                open_ranges.append(Suppression(number, column, selectors, number, last_line))
                found.append(open_ranges[-1])
            else:
                for suppression in [s for s in open_ranges if not selectors or set(s.selectors) <= set(selectors)]:
                    suppression.last = number
                    open_ranges.remove(suppression)
        match = _YAML.search(text)
        if match and number <= yaml_lines:
            alone = not text[: match.start()].strip()
            found.append(Suppression(number, match.start() + 1, _selectors(match.group(1)), number, number + alone))
    return found


def apply(findings: list[Finding], listing: Listing, language: str, report_unused: bool) -> list[Finding]:
    """The findings no suppression covers, plus (when asked) one finding per unused selector."""
    marks = suppressions(listing)
    if not marks:
        return findings
    kept = [f for f in findings if not any([s.covers(f) for s in marks])]  # every mark sees every finding
    if report_unused:
        kept += [
            finding(UNUSED_SUPPRESSION, language, listing.path, s.line, s.column, selector.replace("*", "all"))
            for s in marks
            for selector in s.selectors or ["*"]
            if selector not in s.used
        ]
    return sorted(kept, key=Finding.sort_key)


def _selectors(value: object) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"[\s,]+", str(value))
    return [str(item).strip() for item in items if str(item).strip()]


def _front_matter_end(listing: Listing) -> int:
    """Last line of the front matter (0 when there is none)."""
    if not listing.entries:
        return 0
    lines = listing.source.split("\n")
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0) + 1
