"""Bytes -> text: encoding detection that never crashes, and the refusal of binary data."""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from annales.errors import InputError

# Code pages of Latin-alphabet text. charset-normalizer often calls short French cp1252 text
# "cp1250" (Central European) and turns "à" into "ŕ"; within this family cp1252, the superset of
# latin-1 that Windows writes, reads French right -- unless the bytes are Mac Roman (old Macs,
# some press agencies' archives), which puts é, è, à, ç... where cp1252 has punctuation.
_LATIN_FAMILY = {
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16",
    "mac_roman", "mac_latin2", "mac_iceland", "cp437", "cp850", "cp858", "ascii",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What French text written in a Latin code page is made of, beyond ASCII: lowercase accented
# letters and typographic quotes. The right code page turns many bytes into these, a wrong one few.
_FRENCH = set("àâäçéèêëîïôöùûüÿœæ«»’")
_SURROGATES = re.compile("[\ud800-\udfff]")


def looks_binary(text: str) -> bool:
    """Control characters (other than layout) in more than 1% of the text: not a text file."""
    sample = text[:20000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
    return bad > max(2, len(sample) // 100)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (``"\\ud800"`` from JSON, undecodable file names) as U+FFFD:
    they cannot be encoded, stored nor hashed."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: the NUL bytes of Latin characters fall on
    every other byte, odd ones for little-endian, even ones for big-endian."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.6 and nul_even < 0.05:
        encoding = "utf-16-le"
    elif nul_even > 0.6 and nul_odd < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _latin(data: bytes) -> tuple[str, str]:
    """Bytes in a Latin code page: cp1252 (or latin-1) or Mac Roman, whichever reads as French."""
    try:
        windows = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: latin-1 reads everything
        windows = data.decode("latin-1"), "latin-1"
    mac = data.decode("mac_roman"), "mac_roman"

    def score(text: str) -> int:
        sample = text[:200_000]
        controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v")
        return sum(1 for c in sample if c in _FRENCH) - 4 * controls

    return mac if score(mac[0]) > score(windows[0]) else windows


def decode(data: bytes, name: str, *, lenient: bool = False) -> tuple[str, str]:
    """Decode ``data`` (UTF-8 with or without BOM, UTF-16/32 with BOM, UTF-16 without, cp1252,
    latin-1, Mac Roman...).

    Returns ``(text, encoding)``; raises InputError naming ``name`` for empty or binary content.
    ``lenient`` keeps NUL bytes and control characters (JSON Lines: one bad line must not lose the
    file; the JSON parser rejects that line alone).
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty; remove it or add the article text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            break
    else:
        utf16 = _utf16_without_bom(data) if b"\x00" in data[:8192] else None
        if utf16 is not None:
            text, encoding = utf16, "utf-16"
        else:
            if b"\x00" in data[:8192] and not lenient:
                raise InputError(f"{name}: binary data, not text (NUL bytes); remove it from the input")
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                best = charset_normalizer.from_bytes(data[:1_000_000]).best()
                if best is None or best.encoding in _LATIN_FAMILY:
                    text, encoding = _latin(data)
                    if best is None and looks_binary(text):
                        raise InputError(
                            f"{name}: binary data or an unknown encoding; save it as UTF-8 text or remove it"
                        ) from None
                else:
                    encoding = best.encoding
                    text = data.decode(encoding, errors="replace")
    if not text.strip():
        raise InputError(f"{name}: the file is empty; remove it or add the article text")
    if not lenient and looks_binary(text):
        raise InputError(f"{name}: binary data, not text; remove it from the input")
    return without_surrogates(text), encoding
