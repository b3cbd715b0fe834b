"""Findings about the file rather than the contract in it: the tool's own codes, below LL100.

They are not rules (nothing in ``rules/`` defines them), but every output format describes them as
it describes rules, so that SARIF's ``tool.driver.rules`` and ``--select`` know them too.
"""

from __future__ import annotations

from typing import NamedTuple

from .finding import Finding


class Notice(NamedTuple):
    code: str
    name: str
    severity: str
    summary: str  # English, for SARIF's rule descriptions
    message: dict[str, str]  # by language; ``{value}`` is filled in
    why: dict[str, str]


UNREADABLE = Notice(
    "LL000",
    "unreadable",
    "error",
    "The file could not be read or parsed",
    {"en": "{value}", "ja": "{value}"},  # the reason concerns the tool, and is written in English
    {
        "en": "The file could not be read or parsed, so none of its rules were checked.",
        "ja": "The file could not be read or parsed, so none of its rules were checked.",
    },
)
UNUSED_SUPPRESSION = Notice(
    "LL001",
    "unused-suppression",
    "warning",
    "A suppression comment matches no finding",
    {"ja": "抑止の指定「{value}」に該当する指摘がありません", "en": 'Suppression of "{value}" matches no finding'},
    {
        "ja": "使われない抑止は、直したはずの問題を隠し続けます。",
        "en": "An unused suppression would hide the problem if it came back.",
    },
)
UNKNOWN_FIELD = Notice(
    "LL002",
    "unknown-field",
    "warning",
    "A field that listing-lint does not know (reported with --strict)",
    {
        "ja": "「{value}」は listing-lint の知らない項目です(読み飛ばしました)",
        "en": 'Field "{value}" is not one listing-lint knows (it was ignored)',
    },
    {
        "ja": "綴りを誤った項目(revison など)は黙って無視され、その設定が効いていないことに気づけません。",
        "en": "A misspelt field (revison, setting) is silently ignored, so the setting it meant never applies.",
    },
)
NOTICES = (UNREADABLE, UNUSED_SUPPRESSION, UNKNOWN_FIELD)


def finding(notice: Notice, language: str, path: str, line: int, column: int, value: str) -> Finding:
    """A finding of ``notice`` at (line, column), its message in ``language`` (ja, else en)."""
    language = "ja" if language == "ja" else "en"
    return Finding(
        path=path,
        code=notice.code,
        rule=notice.name,
        severity=notice.severity,
        line=line,
        column=column,
        end_line=line,
        end_column=column,
        message=notice.message[language].format(value=value),
        why=notice.why[language],
        fix=None,
    )
