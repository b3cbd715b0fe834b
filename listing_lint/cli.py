"""Command line: a thin shell over ``engine`` (check) and ``docs`` (rules, explain)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .formatters import FORMATS

if TYPE_CHECKING:
    from . import runner

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LISTING_SUFFIXES = (".md", ".yaml", ".yml")
_SKIPPED_DIRS = {"node_modules", "venv", "__pycache__"}


def main() -> None:
    gc.disable()  # start-up builds only long-lived objects; `check` freezes them and turns it back on
    try:
        cli(prog_name="listing-lint")
    finally:
        gc.enable()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="listing-lint")
def cli() -> None:
    """Check marketplace service listings for missing safeguards and violations."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option("--strict", is_flag=True, help="Same as --fail-level warning, and report unknown fields (LL002).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means a file could not be read).")
@click.option(
    "--lang", type=click.Choice(["auto", "ja", "en"]), help="Message language; auto (default): each listing's own."
)
@click.option("--select", multiple=True, help="Only these rules: codes, names or prefixes (LL1). Repeatable.")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, names or prefixes. Repeatable.")
@click.option("--stdin-filename", help="Name (and so form: .md or .yaml) of the listing read from '-'.")
@click.option("-v", "--verbose", is_flag=True, help="Also say, per file, the kind and language used and why.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="CPUs",
    help="Check files in this many processes; the output is the same as with 1.",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this configuration file only.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--report-unused-suppressions", is_flag=True, default=None, help="Report suppressions that match nothing."
)
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
    jobs: int,
    config_file: str | None,
    isolated: bool,
    report_unused_suppressions: bool | None,
) -> None:
    """Lint listings: files, directories (recursively: *.md, *.yaml, *.yml) or '-' for stdin."""
    from .config import ConfigError
    from .engine import rules_for
    from .errors import RuleError
    from .formatters import Totals, get
    from .notices import NOTICES
    from .runner import check_all

    overrides = {
        "select": _split(select),
        "ignore": _split(ignore),
        "lang": lang,
        "report_unused_suppressions": report_unused_suppressions,
        "report_unknown_fields": True if strict else None,
    }
    try:
        settings_for = _settings(config_file, isolated, overrides)
        targets = sorted(_targets(paths or (".",), stdin_filename, settings_for))
        configs = {id(t.config): t.config for t in targets} or {0: settings_for(".")}
        rules = tuple({r.code: r for c in configs.values() for r in rules_for(c)}.values())
    except (ConfigError, RuleError) as exc:
        _fail(f"error: {exc}")
    # Modules and compiled rules live until exit: keep the garbage collector from walking them on
    # every collection and again at shutdown (a tenth of a one-file run).
    gc.freeze()
    gc.enable()
    known = {r.code for r in rules} | {r.name for r in rules} | {n.code for n in NOTICES} | {n.name for n in NOTICES}
    for selector in _split(select) + _split(ignore):
        if not any(k == selector or k.startswith(selector.upper()) for k in known):
            _fail(f"error: unknown rule {selector!r} (see 'listing-lint rules')")

    colour = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    output = get(output_format, rules, colour)
    totals = Totals()
    click.echo(output.begin(), nl=False)
    # Files in path order, each reported as soon as it is checked: the output is sorted by path
    # without holding every finding in memory.
    for result in check_all(targets, jobs):
        _note(result, verbose)
        totals.add(result)
        click.echo(output.file(result), nl=False, color=colour)
    click.echo(output.end(totals), nl=False)

    if totals.unreadable:
        sys.exit(EXIT_ERROR)
    level = "warning" if strict and fail_level == "error" else fail_level
    sys.exit(EXIT_FINDINGS if totals.fails(level) and not exit_zero else EXIT_OK)


def _note(result, verbose: bool) -> None:
    """stderr: why a file could not be checked; with --verbose, what it was taken to be."""
    if result.error is not None:
        where = f"{result.path}:{result.error.line}" if result.error.line else result.path
        click.echo(f"{where}: error: {result.error.reason}", err=True)
    elif verbose and result.profile is not None:
        profile = result.profile
        click.echo(
            f"{result.path}: kind {', '.join(profile.kinds)} ({profile.kind_reason}); language {profile.language}",
            err=True,
        )


@cli.command("config")
@click.argument("path", default=".", type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Show this configuration file's.")
def config_command(path: str, config_file: str | None) -> None:
    """Print the configuration that applies to PATH, and the file it comes from."""
    import io

    from ruamel.yaml import YAML

    from .config import ConfigError

    try:
        settings = _settings(config_file, False, {})(os.path.join(path, "x") if Path(path).is_dir() else path)
    except ConfigError as exc:
        _fail(f"error: {exc}")
    stream = io.StringIO()
    dumper = YAML(typ="safe", pure=True)
    dumper.default_flow_style = False
    dumper.dump(settings.model_dump(by_alias=True, mode="json"), stream)
    click.echo(f"# settings for {path} from {settings.source or 'built-in defaults'}")
    click.echo(stream.getvalue(), nl=False)


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
@click.option(
    "--lang",
    type=click.Choice(["auto", "ja", "en"]),
    default="auto",
    show_default=True,
    help="Language of the explanation; auto: from the LANG environment variable.",
)
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


def _settings(config_file: str | None, isolated: bool, overrides: dict):
    """A function giving each path its settings: the named file's, none, or the nearest file's."""
    from .config import Config, ConfigError, discover, load_config, with_overrides

    if isolated:
        fixed = with_overrides(Config(), overrides)
        return lambda path: fixed
    if config_file:
        loaded = load_config(Path(config_file))
        if loaded is None:
            raise ConfigError(f"{config_file}: no [tool.listing-lint] table")
        fixed = with_overrides(loaded, overrides)
        return lambda path: fixed
    cache: dict[Path, Config] = {}

    def nearest(path: str) -> Config:
        directory = Path(os.path.abspath(path)).parent
        if directory not in cache:
            cache[directory] = with_overrides(discover(directory), overrides)
        return cache[directory]

    return nearest


def _targets(paths: tuple[str, ...], stdin_filename: str | None, settings_for) -> Iterator[runner.Target]:
    """Every listing to check, and every path that cannot be checked (with the reason).

    Files that their configuration excludes are skipped, named on the command line or not, so a
    pre-commit hook honours the excludes too.
    """
    from .runner import Target

    for given in dict.fromkeys(paths):
        if given == "-":
            name = stdin_filename or "-"
            yield Target(name, settings_for(name), data=sys.stdin.buffer.read())
            continue
        path = Path(given)
        if path.is_dir():
            found = [os.path.join(given, relative) for relative in sorted(_listings_under(path))]
            kept = [f for f in found if not settings_for(f).excludes(f)]
            if not found:
                yield Target(given, settings_for(given), "directory contains no listings (*.md, *.yaml, *.yml)")
            for file in kept:
                yield Target(file, settings_for(file))
        elif settings_for(given).excludes(given):
            continue
        elif path.exists():
            yield Target(given, settings_for(given))
        else:
            yield Target(given, settings_for(given), "no such file or directory")


def _listings_under(directory: Path):
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        for name in files:
            if name.endswith(LISTING_SUFFIXES) and not name.startswith("."):  # not .listing-lint.yaml
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
