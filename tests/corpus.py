"""The realistic corpus (fixtures/corpus): expected findings against the linter's, per file and rule.

python -m tests.corpus     # per rule: expected findings caught, missed, and unexpected ones
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

from listing_lint.engine import lint_file

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def expectations() -> dict[str, set[str]]:
    """Relative path -> expected "CODE:LINE" set, from fixtures/corpus/expected.yaml."""
    files = YAML(typ="safe").load((CORPUS / "expected.yaml").read_text("utf-8"))["files"]
    return {name: set(entries or []) for name, entries in files.items()}


def actual(name: str) -> set[str]:
    result = lint_file(str(CORPUS / name))
    assert result.error is None, f"{name}: {result.error}"
    return {f"{f.code}:{f.line}" for f in result.findings}


def report() -> str:
    caught: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    unexpected: Counter[str] = Counter()
    for name, expected in expectations().items():
        found = actual(name)
        caught.update(e.split(":")[0] for e in expected & found)
        missed.update(e.split(":")[0] for e in expected - found)
        unexpected.update(e.split(":")[0] for e in found - expected)
    codes = sorted(set(caught) | set(missed) | set(unexpected))
    lines = ["rule   expected  caught  missed  unexpected"]
    lines += [
        f"{code}  {caught[code] + missed[code]:>8}  {caught[code]:>6}  {missed[code]:>6}  {unexpected[code]:>10}"
        for code in codes
    ]
    total = sum(caught.values()), sum(missed.values()), sum(unexpected.values())
    lines.append(f"total  {total[0] + total[1]:>8}  {total[0]:>6}  {total[1]:>6}  {total[2]:>10}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
