"""Bytes to text for the read stage: UTF-8 first, a legacy Western encoding only when sure.

Why a module of its own: a publication gate must neither refuse a brief saved by an old
Windows editor (cp1252) nor silently mangle one. So the rule is: valid UTF-8 (BOM dropped)
or a UTF-16 file with its BOM is read as is; otherwise charset-normalizer may pick one of
`LEGACY` when the decoded text is clean (no control characters or gibberish) and the file does
not also contain UTF-8 sequences (a mix would be mangled either way); anything else is a
one-line `DocumentError`. The encoding assumed is returned so the report can say so (S121).
"""

from __future__ import annotations

import codecs

#: The encodings a brief that is not UTF-8 may be read in: Western European single-byte ones.
LEGACY = ("cp1252", "latin_1", "iso8859_15")
#: charset-normalizer's "chaos" (mess ratio) at or below which a guess is trusted.
MAX_CHAOS = 0.1


class DocumentError(Exception):
    """This document cannot be checked; the message says why, for the user."""


def decode(data: bytes) -> tuple[str, str | None]:
    """(text with "\\n" newlines, the legacy encoding assumed or None for UTF-8/UTF-16)."""
    encoding = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError("not valid UTF-16 although the file starts with its BOM") from None
    else:
        if b"\x00" in data[:8192]:
            raise DocumentError("binary file (contains NUL bytes), not a text brief")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text, encoding = _legacy(data, exc)
    if "\x00" in text:
        raise DocumentError("binary file (contains NUL characters), not a text brief")
    if not text.strip():
        raise DocumentError("file is empty" if not text else "file has only white space")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _legacy(data: bytes, error: UnicodeDecodeError) -> tuple[str, str]:
    where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    lenient = data.decode("utf-8", errors="replace")
    if any(ord(c) > 0x7F and c != "\ufffd" for c in lenient):
        raise DocumentError(
            f"not valid UTF-8 ({where}) and mixes UTF-8 with other bytes; save it as UTF-8"
        )
    from charset_normalizer import from_bytes  # 40 ms import: only for non-UTF-8 files

    best = from_bytes(data, cp_isolation=list(LEGACY), threshold=0.2).best()
    if best is None or best.chaos > MAX_CHAOS:
        raise DocumentError(
            f"not valid UTF-8 ({where}) and not recognisably {'/'.join(LEGACY)}; save it as UTF-8"
        )
    return str(best), best.encoding
