"""YAML with positions: the data, and where each key and value sits in the text."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.error import MantissaNoDotYAML1_1Warning, MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from .errors import ListingError

# A listing that declares %YAML 1.1 and writes 1e3 is read as 1000.0; ruamel's advice to the
# programmer must not reach the seller's terminal.
warnings.filterwarnings("ignore", category=MantissaNoDotYAML1_1Warning)

try:  # ruamel's C parser; a loader class used directly, as YAML() would build a new one per document
    from ruamel.yaml.cyaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - ruamel.yaml.clib is missing on this interpreter
    from ruamel.yaml.loader import SafeLoader as _Loader

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Entry:
    """Where a key (or sequence item) and its value are, 0-based lines and columns in the YAML text."""

    key_line: int
    key_column: int
    value: Node


def load_data(text: str) -> Any:
    """Parse YAML into plain data (rule, kind and configuration files); raises ``YAMLError``."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load(text: str, line_offset: int = 0) -> tuple[Any, dict[Path, Entry]]:
    """Parse YAML; ``line_offset`` shifts line numbers in error messages to file lines (0-based)."""
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark is not None else None
        raise ListingError(f"invalid YAML: {_describe(exc)}", line=line) from None
    except YAMLError as exc:
        raise ListingError(f"invalid YAML: {str(exc).splitlines()[0]}") from None
    finally:
        if loader is not None:
            loader.dispose()
    entries: dict[Path, Entry] = {}
    if root is not None:
        _walk(root, (), entries)
    return data, entries


def _describe(exc: MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return " ".join(" ".join(str(p).split()) for p in parts) or "cannot parse"


def _walk(node: Node, path: Path, entries: dict[Path, Entry]) -> None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            entries[child] = Entry(key.start_mark.line, key.start_mark.column, value)
            _walk(value, child, entries)
    elif isinstance(node, SequenceNode):
        for index, value in enumerate(node.value):
            child = path + (index,)
            entries[child] = Entry(value.start_mark.line, value.start_mark.column, value)
            _walk(value, child, entries)
