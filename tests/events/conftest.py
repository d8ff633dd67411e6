"""Fixtures for the event coder: parse a sentence with an anchor date and code it with the real modules."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.model import DateValue, Document


@pytest.fixture(scope="session")
def resolver():
    from annales.actors import Resolver

    return Resolver.load("fr")


@pytest.fixture(scope="session")
def code_text(nlp, resolver):
    """``code_text(text, published="2024-03-15")`` → (events, document, doc)."""
    from annales import events, temporal

    def run(text: str, published: str = "2024-03-15"):
        anchor = DateValue.day(*map(int, published.split("-")))
        doc = nlp(text)
        document = Document(id="test", text=text, published=anchor, source=None)
        timexes = temporal.find_timexes(doc, anchor)
        mentions = resolver.mentions(doc, anchor)
        return events.code(doc, document, timexes, mentions, resolver), document, doc

    return run


@pytest.fixture(scope="session")
def match():
    return matches


def countries(entities) -> set[str]:
    return {e.country for e in entities if e.country}


def matches(event, spec: dict) -> bool:
    """Does ``event`` agree with every field ``spec`` gives?"""
    for key, want in spec.items():
        if key == "type" and event.type != want:
            return False
        if key == "mode" and event.mode != want:
            return False
        if key == "status" and event.status != want:
            return False
        if key in ("actor", "recipient", "claimed_by", "denied_by") and not set(want) <= countries(getattr(event, key)):
            return False
        if key == "recipient_name" and want not in {e.name for e in event.recipient}:
            return False
        if key == "location" and (event.location is None or event.location.country != want):
            return False
        if key == "date" and (event.date is None or str(event.date) != want):
            return False
        if key == "date_within":
            lo, hi = (dt.date.fromisoformat(d) for d in want)
            if event.date is None or event.date.start < lo or event.date.end > hi:
                return False
        if key == "quote" and bool(event.quotes) != want:
            return False
    return True
