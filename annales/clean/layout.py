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


# UTF-8 read as cp1252 leaves runs like "Ã©" (é), "â€™" (’), "Ã " (à): a lead byte shown as a
# Latin-1 letter, then continuation bytes shown as cp1252 characters.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
                "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252, run by run; a run that does not round-trip stays."""
    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            return run.encode("cp1252").decode("utf-8")
        except UnicodeError:
            return run

    repaired = _MOJIBAKE.sub(fix, text)
    if repaired != text:
        # "à" is C3 A0: once the no-break space A0 has become a plain space only "Ã " is left
        repaired = repaired.replace("Ã ", "à ")
    return repaired


def normalise(text: str) -> str:
    """NFC, one newline convention, no invisible characters, no control characters, no mojibake."""
    text = unicodedata.normalize("NFC", repair_mojibake(text)).translate(_INVISIBLE)
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


def looks_like_title(line: str, alone: bool = False) -> bool:
    """A headline: short, several words, capitalised, not ending a sentence.

    A short line standing ``alone`` (a blank line after it) may end with "?" or "!".
    """
    line = line.strip()
    words = line.split()
    if not (2 <= len(words) <= 40) or len(line) > 250:
        return False
    question = alone and len(line) <= 150 and line[-1] in "?!"
    if (line[-1] in _TERMINAL and not question) or line.endswith((".»", ".”", '."')):
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
