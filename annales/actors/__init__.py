"""Actors: who is who whatever the spelling, which state each acts for, and where things are.

``Resolver.load("fr")`` builds the indexes once; ``mentions(doc, date)`` finds persons, states
(names, demonyms, capitals and seats as metonyms), organizations, groups and places in a parsed
document and resolves titles ("le ministre russe des Affaires étrangères") by the office held
on the date.
"""
from __future__ import annotations

from annales.actors import schemas as schemas  # registers the table schemas
from annales.actors.resolver import Resolver

__all__ = ["Resolver"]
