"""Turn a file's bytes into text, or say clearly why it cannot be read."""

from __future__ import annotations

import codecs
import re

from .errors import ListingError

# Shift_JIS bytes decoded as CP932 give Japanese text; the same bytes read as anything else rarely do.
_KANA = re.compile(r"[\u3040-\u30ff]")
_MIN_KANA_SHARE = 0.05


def decode(data: bytes) -> str:
    """Decode a listing file: UTF-8 (with or without BOM), UTF-16 with BOM, or confidently CP932."""
    if not data.strip():
        raise ListingError("empty file")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ListingError(f"invalid UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise ListingError("binary file (contains NUL bytes), not a listing")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        text = _decode_cp932(data)
        if text is not None:
            return text
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise ListingError(
            f"not UTF-8 (byte 0x{data[utf8_error.start]:02x}) and not recognisably Shift_JIS; save the file as UTF-8",
            line=line,
        ) from None


def _decode_cp932(data: bytes) -> str | None:
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for ch in text if not ch.isspace())
    if letters and len(_KANA.findall(text)) / letters >= _MIN_KANA_SHARE:
        return text
    return None
