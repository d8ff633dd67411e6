"""Text layout: normalise characters and whitespace, find the headline, rebuild paragraphs.

The cleaned text is what every character offset later points into, so every change to it
happens here, before anything is measured.
"""
from __future__ import annotations

import re
import unicodedata

# Characters that carry no text: zero-width marks, byte-order marks, soft hyphens.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_TERMINAL = ".!?…;,"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")


def normalise(text: str) -> str:
    """NFC, one newline convention, no invisible characters, no control characters."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def squeeze(line: str) -> str:
    """One space between words; a narrow no-break space before French punctuation is kept."""
    return _SPACES.sub(lambda m: m.group(0) if m.group(0) in ("\u00a0", "\u202f") else " ", line).strip()


def same_line(a: str, b: str) -> bool:
    """Two lines say the same thing, up to case, spacing and final punctuation."""
    def key(s: str) -> str:
        return " ".join(s.casefold().split()).rstrip(" .:")

    return bool(a.strip()) and key(a) == key(b)


def looks_like_title(line: str) -> bool:
    """A headline: short, several words, capitalised, not ending a sentence."""
    line = line.strip()
    words = line.split()
    if not (2 <= len(words) <= 40) or len(line) > 250:
        return False
    if line[-1] in _TERMINAL or line.endswith((".»", ".”", '."')):
        return False
    return line[0].isupper() or line[0] in "«“\"'"


def _wrapped(lines: list[str]) -> bool:
    """Lines of one block are a hard-wrapped paragraph (cut at a width), not paragraphs of their own."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    open_ends = sum(1 for line in body if line[-1] not in ".!?…»”\":")
    lengths = [len(line) for line in body]
    return open_ends >= 0.8 * len(body) and max(lengths) <= 100 and sum(lengths) / len(lengths) >= 40


def paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated blocks -> paragraphs; a block of one-line paragraphs stays split."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    result: list[str] = []
    for block in blocks:
        if not block:
            continue
        if _wrapped(block):
            result.append(" ".join(block))
        else:
            result.extend(block)
    return result
