"""``--format json``: one array of finding objects (a contract CI scripts read; see cli.md)."""

from __future__ import annotations

import json

from ..engine import Result
from . import Totals, findings_of


class JsonFormat:
    """Writes the array one object at a time; the result equals ``json.dumps(findings, indent=2)``."""

    def __init__(self) -> None:
        self._written = 0

    def begin(self) -> str:
        return "["

    def file(self, result: Result) -> str:
        out = []
        for finding in findings_of(result):
            body = json.dumps([finding.as_dict()], ensure_ascii=False, indent=2)[2:-2]  # the object, indented
            out.append(("," if self._written else "") + "\n" + body)
            self._written += 1
        return "".join(out)

    def end(self, totals: Totals) -> str:
        return "\n]\n" if self._written else "]\n"
