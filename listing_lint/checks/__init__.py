"""The typed check kinds that rule files configure (``checks[].type`` in a rule file).

Each module exposes ``run(rule, check, context) -> list[Finding]``; a rule's findings are those of
all its checks.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import ClauseCheck, ExistenceCheck, LengthCheck, Rule, SettingCheck
from . import clause, existence, length, setting
from .context import Context

_RUNNERS = {ClauseCheck: clause.run, ExistenceCheck: existence.run, SettingCheck: setting.run, LengthCheck: length.run}


def run(rule: Rule, context: Context) -> list[Finding]:
    return [finding for check in rule.checks for finding in _RUNNERS[type(check)](rule, check, context)]


__all__ = ["Context", "run"]
