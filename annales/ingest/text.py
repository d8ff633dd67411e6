"""Bytes -> text: encoding detection that never crashes, and the refusal of binary data."""
from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from annales.errors import InputError

# Code pages of Latin-alphabet text. charset-normalizer often calls short French cp1252 text
# "cp1250" (Central European) and turns "à" into "ŕ"; within this family cp1252, the superset of
# latin-1 that Windows writes, reads French right.
_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "mac_roman", "mac_latin2", "mac_iceland", "cp437", "cp850", "cp858", "ascii",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _binary(text: str) -> bool:
    """Control characters (other than layout) in more than 1% of the text: not a text file."""
    sample = text[:20000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    return bad > max(2, len(sample) // 100)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` (UTF-8 with or without BOM, UTF-16/32 with BOM, cp1252, latin-1...).

    Returns ``(text, encoding)``; raises InputError naming ``name`` for empty or binary content.
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty; remove it or add the article text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary data, not text (NUL bytes); remove it from the input")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                raise InputError(
                    f"{name}: binary data or an unknown encoding; save it as UTF-8 text or remove it"
                ) from None
            encoding = best.encoding
            if encoding in _LATIN_FAMILY:
                try:
                    text, encoding = data.decode("cp1252"), "cp1252"
                except UnicodeDecodeError:  # bytes cp1252 leaves undefined: latin-1 reads everything
                    text, encoding = data.decode("latin-1"), "latin-1"
            else:
                text = str(best)
    if not text.strip():
        raise InputError(f"{name}: the file is empty; remove it or add the article text")
    if _binary(text):
        raise InputError(f"{name}: binary data, not text; remove it from the input")
    return text, encoding
