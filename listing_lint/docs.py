"""Documentation generated from the rule files: the ``rules`` table and ``explain`` pages."""

from __future__ import annotations

import textwrap
from types import UnionType
from typing import Literal, Union, get_args, get_origin

from .patterns import LANGUAGES
from .ruleset import Rule

_HEADINGS = {
    "en": ("What goes wrong", "What satisfies it", "Passing examples", "Failing examples", "Fix", "Suppress it"),
    "ja": ("起きること", "満たす書き方", "通る例", "指摘される例", "直し方", "抑止するには"),
}
_SUPPRESS = {
    "en": "Skip it for a run with `--ignore {code}` (or `--ignore {name}`); run only it with `--select {code}`.",
    "ja": (
        "`--ignore {code}`(または `--ignore {name}`)でこの規則を外せます。"
        "`--select {code}` でこの規則だけを実行します。"
    ),
}
TABLE_HEADER = ("code", "name", "severity", "kinds", "fixable", "summary")


def table_rows(rules: list[Rule] | tuple[Rule, ...]) -> list[tuple[str, ...]]:
    return [
        (r.code, r.name, r.severity, ", ".join(r.applies_to) if r.kinds != "all" else "all", "no", r.summary.en)
        for r in rules
    ]


def rules_table(rules: list[Rule] | tuple[Rule, ...]) -> str:
    """A plain-text table for the terminal."""
    rows = [TABLE_HEADER, *table_rows(rules)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_HEADER) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)) + "  " + row[-1]
        for row in rows
    )


def rules_markdown(rules: list[Rule] | tuple[Rule, ...]) -> str:
    """The README's rule table."""
    lines = ["| " + " | ".join(TABLE_HEADER) + " |", "|" + "---|" * len(TABLE_HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(rules)]
    return "\n".join(lines)


def explain(rule: Rule, language: str) -> str:
    what, satisfied, passing, failing, fix, suppress = _HEADINGS[language]
    kinds = "all" if rule.kinds == "all" else ", ".join(rule.applies_to)
    out = [
        f"{rule.code} {rule.name} ({rule.severity}; kinds: {kinds})",
        rule.summary(language),
        "",
        f"{what}:",
        _indent(rule.why(language)),
        _indent(rule.story(language)),
        "",
        f"{satisfied}:",
        _indent(rule.satisfied_by(language)),
        "",
    ]
    for heading, examples in ((passing, rule.passing), (failing, rule.failing)):
        out.append(f"{heading}:")
        for example_language in LANGUAGES:
            for example in getattr(examples, example_language):
                out.append(f"  [{example_language}]")
                out.append(textwrap.indent(example.rstrip("\n"), "    "))
        out.append("")
    if rule.fix is not None:
        out += [
            f"{fix}:",
            _indent(rule.fix.description(language).format(default_revisions=3, silence_days=7, match="…")),
            "",
        ]
    out += [f"{suppress}:", _indent(_SUPPRESS[language].format(code=rule.code, name=rule.name))]
    return "\n".join(out) + "\n"


def _indent(text: str) -> str:
    return textwrap.indent(textwrap.fill(" ".join(text.split()), width=100, break_long_words=False), "  ")


def config_reference() -> str:
    """The README's configuration reference, generated from the pydantic models."""
    from .config import Config, Options

    lines = ["| setting | type | default | meaning |", "|---|---|---|---|"]
    for prefix, model in (("", Config), ("options.", Options)):
        for name, info in model.model_fields.items():
            if info.exclude or name == "options":
                continue
            default = info.get_default(call_default_factory=True)
            kind = _type_name(info.annotation)
            key = prefix + name.replace("_", "-")
            lines.append(f"| `{key}` | {kind} | `{_yaml_value(default)}` | {info.description} |")
    return "\n".join(lines)


def _type_name(annotation: object) -> str:
    """`list[str]` -> "list of text", `Literal['ja', 'en'] | None` -> "ja / en or null"."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return " / ".join(str(a) for a in args)
    if origin in (Union, UnionType):
        return " or ".join("null" if a is type(None) else _type_name(a) for a in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    return {str: "text", int: "integer", bool: "true / false"}.get(annotation, str(annotation))  # type: ignore[call-overload]


def _yaml_value(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).replace("'", "")
