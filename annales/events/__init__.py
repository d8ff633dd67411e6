"""PLOVER event coding: French sentences → events with actor, recipient, date, place, status, claims.

``code`` is the one door from a parsed document to event records; ``find_quotes`` gives the
quotations with their speakers. The dictionaries live in ``annales/lang/<lang>/`` (event_verbs,
event_nouns, status, plover). Inside: ``syntax`` reads the parse, ``roles`` finds who did what to whom
and where, ``status`` decides asserted/alleged/denied/planned/hypothetical/negated, ``dating`` dates
the clause, ``coder`` assembles the events, ``story`` fills a side that a sentence leaves implicit
from the pair of states the article is about.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from annales.events import coder, story
from annales.events.quotes import find_quotes, sentences
from annales.events.state import ActorLookup
from annales.events.tables import lexicon
from annales.model import ActorMention, Document, Event, Timex


def code(doc: Doc, document: Document, timexes: Sequence[Timex], mentions: Sequence[ActorMention],
         resolver: ActorLookup, lang: str = "fr") -> list[Event]:
    """The PLOVER events of one parsed document, one per mention, each with its evidence (see
    :func:`annales.events.coder.code`), with the sides the story leaves implicit filled in."""
    open_sides: set[str] = set()
    found = coder.code(doc, document, timexes, mentions, resolver, lang, open_sides)
    return story.complete_sides(found, resolver, mentions, frozenset(open_sides), doc)


__all__ = ["code", "find_quotes", "lexicon", "sentences"]
