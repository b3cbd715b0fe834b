"""Command line: a thin shell over ``engine`` (check) and ``docs`` (rules, explain)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LISTING_SUFFIXES = (".md", ".yaml", ".yml")
_SKIPPED_DIRS = {"node_modules", "venv", "__pycache__"}


def main() -> None:
    cli(prog_name="listing-lint")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listing-lint")
def cli() -> None:
    """Check marketplace service listings for missing safeguards and violations."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the exit status 1.")
@click.option("--strict", is_flag=True, help="Same as --fail-level warning.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means a file could not be read).")
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True,
              help="Message language; auto: each listing's own.")
@click.option("--select", multiple=True, help="Only these rules: codes, names or prefixes (LL1). Repeatable.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, names or prefixes. Repeatable.")
@click.option("--stdin-filename", help="Name (and so form: .md or .yaml) of the listing read from '-'.")
@click.option("-v", "--verbose", is_flag=True, help="Also say, per file, the kind and language used and why.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    fail_level: str,
    strict: bool,
    exit_zero: bool,
    lang: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    stdin_filename: str | None,
    verbose: bool,
) -> None:
    """Lint listings: files, directories (recursively: *.md, *.yaml, *.yml) or '-' for stdin."""
    from .config import Config
    from .engine import Result, builtin_rules, lint_bytes, lint_file
    from .errors import ListingError, RuleError
    from .finding import at_or_above
    from .formatters import all_findings
    from .formatters import json as json_format
    from .formatters import text as text_format

    config = Config(lang=lang, select=_split(select), ignore=_split(ignore))
    try:
        rules = builtin_rules()
    except RuleError as exc:
        _fail(f"error: {exc}")
    known = {r.code for r in rules} | {r.name for r in rules}
    for selector in config.select + config.ignore:
        if not any(k == selector or k.startswith(selector.upper()) for k in known):
            _fail(f"error: unknown rule {selector!r} (see 'listing-lint rules')")

    results: list[Result] = []
    for target, problem in _targets(paths or (".",)):
        if problem is not None:
            results.append(Result(target, error=ListingError(problem)))
        elif target == "-":
            name = stdin_filename or "-"
            results.append(lint_bytes(sys.stdin.buffer.read(), name, config, rules))
        else:
            results.append(lint_file(target, config, rules))

    for result in results:
        if result.error is not None:
            where = f"{result.path}:{result.error.line}" if result.error.line else result.path
            click.echo(f"{where}: error: {result.error.reason}", err=True)
        elif verbose and result.listing is not None:
            listing = result.listing
            click.echo(f"{listing.path}: kind {', '.join(listing.kinds)} ({listing.kind_reason}); "
                       f"language {listing.language}", err=True)

    if output_format == "json":
        click.echo(json_format.render(results), nl=False)
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        click.echo(text_format.render(results, colour), nl=False, color=colour)

    if any(r.error is not None for r in results):
        sys.exit(EXIT_ERROR)
    level = "warning" if strict and fail_level == "error" else fail_level
    failing = any(at_or_above(f.severity, level) for f in all_findings(results))
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def rules_command(output_format: str) -> None:
    """List every rule: code, name, severity, kinds, fixable."""
    from .docs import rules_markdown, rules_table
    from .engine import builtin_rules

    rules = _load_or_fail(builtin_rules)
    click.echo(rules_markdown(rules) if output_format == "markdown" else rules_table(rules))


@cli.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["auto", "ja", "en"]), default="auto", show_default=True,
              help="Language of the explanation; auto: from the LANG environment variable.")
def explain(rule: str, lang: str) -> None:
    """Explain a rule (by code or name): what goes wrong, what satisfies it, examples."""
    from .docs import explain as explain_rule
    from .engine import builtin_rules

    rules = _load_or_fail(builtin_rules)
    wanted = rule.strip()
    found = next((r for r in rules if wanted.upper() == r.code or wanted.lower() == r.name), None)
    if found is None:
        _fail(f"error: no rule {rule!r}; 'listing-lint rules' lists them")
    if lang == "auto":
        lang = "ja" if os.environ.get("LANG", "").lower().startswith("ja") else "en"
    click.echo(explain_rule(found, lang), nl=False)


def _targets(paths: tuple[str, ...]):
    """Yield (path, None) per listing to check, or (path, reason) for a path that cannot be."""
    for given in paths:
        if given == "-":
            yield given, None
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(_listings_under(path))
            if not found:
                yield given, "directory contains no listings (*.md, *.yaml, *.yml)"
            for relative in found:
                yield os.path.join(given, relative), None
        elif path.exists():
            yield given, None
        else:
            yield given, "no such file or directory"


def _listings_under(directory: Path):
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for name in files:
            if name.endswith(LISTING_SUFFIXES):
                yield os.path.relpath(os.path.join(root, name), directory)


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _load_or_fail(loader):
    from .errors import RuleError

    try:
        return loader()
    except RuleError as exc:
        _fail(f"error: {exc}")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(EXIT_ERROR)
