"""PLOVER event coding: French sentences → events with actor, recipient, date, place, status, claims.

``code`` is the one door from a parsed document to event records; ``find_quotes`` gives the
quotations with their speakers. The dictionaries live in ``annales/lang/<lang>/`` (event_verbs,
event_nouns, status, plover). Inside: ``syntax`` reads the parse, ``roles`` finds who did what to whom
and where, ``status`` decides asserted/alleged/denied/planned/hypothetical/negated, ``dating`` dates
the clause, ``coder`` assembles the events.
"""
from __future__ import annotations

from annales.events.coder import code
from annales.events.quotes import find_quotes, sentences
from annales.events.tables import lexicon

__all__ = ["code", "find_quotes", "lexicon", "sentences"]
