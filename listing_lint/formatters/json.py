"""``--format json``: one array of finding objects (a contract CI scripts read; see cli.md)."""

from __future__ import annotations

import json

from ..engine import Result
from . import all_findings


def render(results: list[Result]) -> str:
    return json.dumps([f.as_dict() for f in all_findings(results)], ensure_ascii=False, indent=2) + "\n"
