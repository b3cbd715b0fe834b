"""``--format sarif``: SARIF 2.1.0, one run, every rule described (for GitHub code scanning)."""

from __future__ import annotations

import json
import textwrap
from urllib.parse import quote

from .. import __version__
from ..engine import Result
from ..notices import NOTICES, Notice
from ..ruleset import Rule
from . import Totals, findings_of

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _descriptor(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.en},
        "fullDescription": {"text": rule.why.en},
        "help": {
            "text": f"{rule.satisfied_by.en}\n\n{rule.satisfied_by.ja}",
            "markdown": f"**{rule.summary.en}** — {rule.why.en}\n\n{rule.satisfied_by.en}\n\n{rule.satisfied_by.ja}",
        },
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"kinds": list(rule.applies_to), "summary_ja": rule.summary.ja},
    }


def _notice_descriptor(notice: Notice) -> dict:
    return {
        "id": notice.code,
        "name": notice.name,
        "shortDescription": {"text": notice.summary},
        "fullDescription": {"text": notice.why["en"]},
        "defaultConfiguration": {"level": _LEVELS[notice.severity]},
    }


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/").removeprefix("./"), safe="/")


class SarifFormat:
    """Streams results between a header that lists the rules and a footer that closes the run."""

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        codes = [rule.code for rule in rules] + [notice.code for notice in NOTICES]
        self.index = {code: i for i, code in enumerate(codes)}
        self._written = 0

    def begin(self) -> str:
        descriptors = [_descriptor(r) for r in self.rules] + [_notice_descriptor(n) for n in NOTICES]
        driver = {
            "name": "listing-lint",
            "version": __version__,
            "informationUri": "https://pypi.org/project/listing-lint/",
            "rules": descriptors,
        }
        head = json.dumps({"tool": {"driver": driver}}, ensure_ascii=False, indent=2)
        run_head = textwrap.indent(head[:-2], "    ")  # drop the closing brace to continue the run
        return f'{{\n  "$schema": "{SCHEMA}",\n  "version": "2.1.0",\n  "runs": [\n{run_head},\n      "results": ['

    def file(self, result: Result) -> str:
        out = []
        for finding in findings_of(result):
            entry = {
                "ruleId": finding.code,
                "ruleIndex": self.index[finding.code],
                "level": _LEVELS[finding.severity],
                "message": {"text": f"{finding.message} — {finding.why}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(finding.path)},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": finding.column,
                                "endLine": finding.end_line,
                                "endColumn": finding.end_column,
                            },
                        }
                    }
                ],
            }
            if finding.fix is not None:
                entry["properties"] = {"fix": finding.fix["description"]}
            body = textwrap.indent(json.dumps(entry, ensure_ascii=False, indent=2), "        ")
            out.append(("," if self._written else "") + "\n" + body)
            self._written += 1
        return "".join(out)

    def end(self, totals: Totals) -> str:
        return ("\n      " if self._written else "") + "]\n    }\n  ]\n}\n"
