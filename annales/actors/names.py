"""Matching keys for names: one key for every spelling of a name (rules in ``actors_names.yaml``)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from annales.lang import load_table

_SPLIT = re.compile(r"[^\w]+|_")
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_NAME_WORD = rf"(?:[{_UPPER}]\.(?=[ \t])|[{_UPPER}][\w'’]*(?:-[\w{_UPPER}][\w'’]*)*)"


def alternation(words: list[str]) -> str:
    """A regular expression matching any of ``words`` (longest first; spaces and apostrophes loose)."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.sub(r"['’]", "['’]", re.escape(word)).replace("\\ ", r"\s+")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


class NameKeys:
    """Reduces a name to its matching key; built from one language's rules."""

    def __init__(self, lang: str = "fr") -> None:
        table = load_table("actors_names", lang)
        self.characters: dict[str, str] = table["characters"]
        self.particles = frozenset(table["particles"])
        self.rules = [(re.compile(pattern), repl) for pattern, repl in table["rewrite"]]
        self.fuzzy_threshold: int = table["fuzzy_threshold"]
        self.name_stops = frozenset(table["name_stops"])
        self.unlabelled = table["unlabelled_names"]
        # a capitalised name of up to five words, particles allowed inside
        self.name_particle_words = list(table["name_particles"])
        particles = alternation(table["name_particles"])
        self.name = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:{particles}[- ])?{_NAME_WORD}){{0,4}}")
        elided = "|".join(re.escape(w) for w in table["elided"])
        self.leading = re.compile(rf"^(?:{alternation(table['articles'])}\s+|(?:{elided})['’]\s*)+", re.IGNORECASE)
        determiners = alternation(table["apposition_determiners"])
        self.apposition = re.compile(rf"[ \t]*,[ \t]*(?:{determiners}\s*)?")
        self.rank = re.compile(rf"(?:{determiners}[ \t]*)?([\w.-]+)[ \t]+")
        self.key = lru_cache(maxsize=65536)(self._key)
        self.word_key = lru_cache(maxsize=65536)(self._word_key)  # type: ignore[method-assign]
        self.plain = lru_cache(maxsize=65536)(self.fold)

    def words(self, text: str) -> list[str]:
        """Lower-cased, accent-free words of ``text`` (particles kept)."""
        text = text.lower()
        for char, repl in self.characters.items():
            if char in text:
                text = text.replace(char, repl)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        return [w for w in _SPLIT.split(text) if w]

    def _word_key(self, word: str) -> str:
        for pattern, repl in self.rules:
            word = pattern.sub(repl, word)
        return re.sub(r"(.)\1+", r"\1", word)

    def _key(self, text: str) -> str:
        words = self.words(text)
        kept = [w for w in words if w not in self.particles] or words
        return " ".join(self.word_key(w) for w in kept)

    def fold(self, text: str) -> str:
        """Lower case, accents and punctuation folded: for exact lookups (``plain`` is its cached form)."""
        return " ".join(self.words(text))
