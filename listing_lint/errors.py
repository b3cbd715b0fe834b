"""Errors that stop one file (or the rule catalogue) from being checked."""

from __future__ import annotations


class ListingError(Exception):
    """A listing that cannot be read or parsed; reported as one line, exit status 2."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line

    def __reduce__(self):  # keep the line when a worker process sends it back
        return type(self), (self.reason, self.line)


class RuleError(Exception):
    """A rule file that cannot be loaded: names the file and the field."""
