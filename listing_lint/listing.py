"""Read one listing: front matter or top-level fields, and text sections that keep file positions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.nodes import Node, ScalarNode

from . import kinds as kind_inference
from . import yamlpos
from .errors import ListingError
from .frontmatter import TEXT_SECTIONS, FieldError, FrontMatter, validate
from .normalize import Text

_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Section:
    """A text section (``description``, ``purchase_notes``, ``options``): Markdown source with origins."""

    name: str
    text: Text


@dataclass(frozen=True)
class Listing:
    path: str
    source: str
    fields: FrontMatter
    values: dict[str, Any]  # the validated fields as plain data
    entries: dict[yamlpos.Path, yamlpos.Entry]
    fields_line: int  # 0-based file line where the YAML of the fields starts
    sections: tuple[Section, ...]
    line_starts: tuple[int, ...]
    language: str
    kinds: tuple[str, ...]
    kind_reason: str

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset."""
        offset = min(max(offset, 0), len(self.source))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def field_position(self, path: tuple[str, ...]) -> tuple[int, int] | None:
        """1-based (line, column) of a field's key, or None when the field is absent."""
        entry = self.entries.get(path)
        if entry is None:
            return None
        return entry.key_line + self.fields_line + 1, entry.key_column + 1

    def field(self, path: tuple[str, ...]) -> Any:
        value: Any = self.values
        for part in path:
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value


def parse(source: str, path: str = "<text>", platform: str | None = None, language: str | None = None) -> Listing:
    """Parse a decoded listing; raise ``ListingError`` for anything that is not a readable listing.

    ``platform`` and ``language`` are the configured defaults for a listing that declares neither.
    """
    # Line breaks as YAML and Markdown read them; (line, column) stay what an editor shows.
    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not source.strip():
        raise ListingError("empty file")
    line_starts = _line_starts(source)
    if path.lower().endswith(YAML_SUFFIXES):
        raw, entries = yamlpos.load(source)
        fields_line, body = 0, None
        if not isinstance(raw, dict):
            raise ListingError(f"a YAML listing must be a mapping of fields, not {_type_name(raw)}", line=1)
    else:
        raw, entries, fields_line, body = _split_front_matter(source, line_starts)
    defaults = {key: value for key, value in (("platform", platform), ("language", language)) if value}
    try:
        fields = validate({**defaults, **raw})
    except FieldError as exc:
        entry = entries.get(tuple(part for part in exc.loc if isinstance(part, str)))
        line = entry.key_line + fields_line + 1 if entry else fields_line + 1
        raise ListingError(f"invalid field {exc}", line=line) from None

    sections = []
    if body is not None:
        start = line_starts[body]
        sections.append(Section("description", Text(source[start:], tuple(range(start, len(source))))))
    for name in TEXT_SECTIONS:
        for key_path in _text_paths(entries, name):
            text = _scalar_text(entries[key_path].value, source, line_starts, fields_line)
            if text is not None:
                sections.append(Section(name, text))

    language = fields.language or detect_language(" ".join(s.text.chars for s in sections))
    kinds, reason = kind_inference.kinds_of(fields, sections)
    values = fields.model_dump()
    return Listing(
        path, source, fields, values, entries, fields_line, tuple(sections), line_starts, language, kinds, reason
    )


def detect_language(text: str) -> str:
    """'ja' when Japanese characters are a real share of the letters, else 'en'."""
    japanese = len(_JAPANESE.findall(text))
    latin = len(_LATIN.findall(text))
    return "ja" if japanese and japanese * 3 >= latin * 0.5 else "en"


def _line_starts(source: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", source))
    return tuple(starts)


def _split_front_matter(source: str, line_starts: tuple[int, ...]) -> tuple[dict, dict, int, int]:
    """Return (fields, entries, first YAML line, first body line); lines 0-based."""
    lines = source.split("\n")
    if not _FENCE.match(lines[0]):
        return {}, {}, 0, 0
    for index in range(1, len(lines)):
        if _FENCE_END.match(lines[index]):
            break
    else:
        raise ListingError("front matter opened on line 1 is never closed (no closing '---')", line=1)
    yaml_text = "\n".join(lines[1:index])
    raw, entries = yamlpos.load(yaml_text, line_offset=1)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ListingError(f"front matter must be a mapping of fields, not {_type_name(raw)}", line=2)
    body = index + 1 if index + 1 < len(line_starts) else index
    return raw, entries, 1, body


def _type_name(value: Any) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number"}.get(type(value), "a scalar")


def _text_paths(entries: dict[yamlpos.Path, yamlpos.Entry], name: str) -> list[yamlpos.Path]:
    """Every string under a text field: the field itself, or the strings inside a list of options."""
    return [p for p, e in entries.items() if p[0] == name and isinstance(e.value, ScalarNode)]


def _scalar_text(node: Node, source: str, line_starts: tuple[int, ...], line_offset: int) -> Text | None:
    if not node.tag.endswith(":str") or not node.value.strip():
        return None
    first = node.start_mark.line + line_offset
    if node.style in ("|", ">"):
        return _block_text(source, line_starts, first + 1, node.end_mark.line + line_offset, node.end_mark.column)
    start = line_starts[first] + node.start_mark.column + (1 if node.style in ("'", '"') else 0)
    value = node.value
    if source[start : start + len(value)] == value:
        return Text(value, tuple(range(start, start + len(value))))
    origin = _flow_origin(value, source, start, node.style)
    return Text(value, origin if origin is not None else (start,) * len(value))  # unaligned: the value's start


# In a double-quoted scalar, how many characters of source an escape takes, by the letter after "\".
_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}


def _flow_origin(value: str, source: str, start: int, style: str | None) -> tuple[int, ...] | None:
    """Each value character's offset in a plain or quoted scalar: a line folded into a space (or a
    blank line into a line break) maps to the line end, an escape (\\n, '') to its first character.
    None when the value cannot be lined up with the source."""
    origin: list[int] = []
    at, end = start, len(source)
    index = 0
    while index < len(value):
        char = value[index]
        if style == '"' and source.startswith("\\", at):
            if source.startswith("\\\n", at):  # an escaped line break joins the lines
                at += 2
                while at < end and source[at] in " \t":
                    at += 1
                continue
            origin.append(at)
            at, index = at + _ESCAPE_LENGTH.get(source[at + 1 : at + 2], 2), index + 1
        elif char in " \n":  # one space or more, or a folded line end, or a blank line
            run = index
            while run < len(value) and value[run] in " \n":
                run += 1
            spaces = at
            while spaces < end and source[spaces] in " \t\n":
                spaces += 1
            if spaces == at:
                return None
            origin.extend(min(at + k, spaces - 1) for k in range(run - index))
            at, index = spaces, run
        elif style == "'" and char == "'" and source.startswith("''", at):
            origin.append(at)
            at, index = at + 2, index + 1
        elif at < end and source[at] == char:
            origin.append(at)
            at, index = at + 1, index + 1
        else:
            return None
    return tuple(origin)


def _block_text(source: str, line_starts: tuple[int, ...], first: int, end: int, end_column: int) -> Text:
    last = end + (1 if end_column > 0 else 0)
    last = min(last, len(line_starts))
    rows = []
    for index in range(first, last):
        start = line_starts[index]
        stop = line_starts[index + 1] - 1 if index + 1 < len(line_starts) else len(source)
        rows.append((start, source[start:stop]))
    indents = [len(line) - len(line.lstrip(" ")) for _, line in rows if line.strip()]
    indent = min(indents) if indents else 0
    chars: list[str] = []
    origin: list[int] = []
    for start, line in rows:
        content = line[indent:]
        chars.append(content + "\n")
        origin.extend(range(start + indent, start + indent + len(content) + 1))
    return Text("".join(chars), tuple(origin))
