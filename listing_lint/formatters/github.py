"""``--format github``: GitHub Actions workflow commands that annotate the pull request."""

from __future__ import annotations

from ..engine import Result
from . import Totals, findings_of

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormat:
    def begin(self) -> str:
        return ""

    def file(self, result: Result) -> str:
        return "".join(
            f"::{_COMMANDS[f.severity]} file={_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_property(f'{f.code} {f.rule}')}"
            f"::{_data(f.message)}\n"
            for f in findings_of(result)
        )

    def end(self, totals: Totals) -> str:
        return ""
