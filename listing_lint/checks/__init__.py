"""The typed check kinds that rule files configure (see ``ruleset.Check``).

Each module exposes ``run(rule, context) -> list[Finding]``; rule files choose one with ``check.type``.
"""

from __future__ import annotations

from ..finding import Finding
from ..ruleset import ClauseCheck, ExistenceCheck, Rule, SettingCheck
from . import clause, existence, setting
from .context import Context

_RUNNERS = {ClauseCheck: clause.run, ExistenceCheck: existence.run, SettingCheck: setting.run}


def run(rule: Rule, context: Context) -> list[Finding]:
    return _RUNNERS[type(rule.check)](rule, context)


__all__ = ["Context", "run"]
