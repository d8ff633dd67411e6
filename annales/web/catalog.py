"""What the web app reads: the store's happenings, documents and actors, indexed once per change.

Parsing every stored happening takes longer than a request may, so the app keeps one parsed
``View`` and rebuilds it only when the database changed (``PRAGMA data_version`` sees commits by
other connections, such as ``annales run`` in another terminal; the app's own edits bump the
connection's change counter). Every store call holds one lock: the SQLite connection is shared by
the server's threads.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from annales.merge.corrections import MentionKey, mention_key
from annales.merge.select import fold, select
from annales.model import STATUSES, DateValue, Document, Entity, Event
from annales.store import SQLiteStore

T = TypeVar("T")
PEOPLE = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"  # the actor dictionary's people


@dataclass
class ActorRow:
    """One canonical actor and what the store says about it."""

    entity: Entity
    happenings: int = 0
    names: set[str] = field(default_factory=set)

    def to_dict(self, aliases: Sequence[str] = ()) -> dict[str, Any]:
        return {**self.entity.to_dict(), "aliases": sorted(set(aliases) | self.names - {self.entity.name}),
                "happenings": self.happenings}


@dataclass
class View:
    """The store as of one version, parsed and indexed."""

    happenings: list[Event]
    documents: list[Document]
    mention_events: list[Event]
    corrections: list[dict[str, Any]]
    by_id: dict[str, Event] = field(default_factory=dict)
    search: dict[str, str] = field(default_factory=dict)  # happening id -> folded text
    docs: dict[str, Document] = field(default_factory=dict)
    actors: dict[str, ActorRow] = field(default_factory=dict)
    home: dict[MentionKey, str] = field(default_factory=dict)  # mention -> id of its happening
    types: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.happenings}
        self.docs = {d.id: d for d in self.documents}
        for event in self.happenings:
            people = event.actor + event.recipient
            words = [event.summary, event.type, event.mode or "", str(event.date or "")]
            words += [part for e in people for part in (e.name, e.id, e.country or "")]
            words += [m.sentence for m in event.mentions]
            words += [event.location.name] if event.location else []
            self.search[event.id] = fold(" ".join(words))
            for entity in {e.id: e for e in people}.values():
                row = self.actors.setdefault(entity.id, ActorRow(entity))
                row.happenings += 1
                row.names.add(entity.name)
            for mention in event.mentions:
                self.home[mention_key(mention)] = event.id
        self.types = sorted({e.type for e in self.happenings})

    def filter(self, *, actor: str | None = None, country: str | None = None, types: Sequence[str] = (),
               status: str | None = None, since: DateValue | None = None, until: DateValue | None = None,
               q: str | None = None, conflicts: bool = False) -> list[Event]:
        """The timeline's filters; ``status`` is one of STATUSES, ``*`` for every status, or None."""
        every = status == "*"
        chosen = select(self.happenings, actor=actor or None, country=country or None, type=list(types) or None,
                        since=since, until=until, status=None if every or not status else status,
                        include_hypothetical=every)
        if conflicts:
            chosen = [e for e in chosen if e.conflicts]
        if q:
            words = fold(q).split()
            chosen = [e for e in chosen if all(w in self.search[e.id] for w in words)]
        return chosen

    def document_events(self, doc_id: str) -> list[Event]:
        return [e for e in self.mention_events if any(m.doc == doc_id for m in e.mentions)]


class Catalog:
    """The store behind a lock, with the parsed view cached until the database changes."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self.lock = threading.RLock()
        self._view: View | None = None
        self._version: tuple[int, int] | None = None

    @contextmanager
    def locked(self) -> Iterator[SQLiteStore]:
        with self.lock:
            yield self.store

    def call(self, function: Callable[[SQLiteStore], T]) -> T:
        with self.lock:
            return function(self.store)

    def view(self) -> View:
        with self.lock:
            version = self.store.data_version()
            if self._view is None or version != self._version:
                self._view = View(self.store.happenings(), self.store.documents(), self.store.mention_events(),
                                  self.store.corrections(include_undone=True))
                self._version = self.store.data_version()
            return self._view

    def close(self) -> None:
        with self.lock:
            self.store.close()


@cache
def aliases() -> dict[str, tuple[str, ...]]:
    """Other names of known actors, from the language tables (by entity id, and by name for people)."""
    from annales.lang import load_table

    out: dict[str, list[str]] = defaultdict(list)
    try:
        for code, row in (load_table("countries", "fr").get("countries") or {}).items():
            out[code] += list(row.get("fr") or [])
        for row in load_table("organizations", "fr").get("organizations") or []:
            prefix = "group" if row.get("kind") == "group" else "org"
            out[f"{prefix}:{row['id']}"] += list(row.get("fr") or [])
        people = yaml.safe_load(PEOPLE.read_text(encoding="utf-8")) or {}
        for person in people.get("people") or []:
            out[person["name"]] += list(person.get("fr") or [])
    except Exception:  # aliases are a nicety: a table that cannot be read leaves them out
        pass
    return {key: tuple(dict.fromkeys(values)) for key, values in out.items()}


def actor_aliases(entity: Entity) -> tuple[str, ...]:
    table = aliases()
    return tuple(a for a in table.get(entity.id, ()) + table.get(entity.name, ()) if a != entity.name)


def who_they_act_on(events: Sequence[Event], actor_id: str) -> tuple[Counter[str], Counter[str]]:
    """(recipients of this actor's acts, actors acting on it), counted over ``events``."""
    acts_on: Counter[str] = Counter()
    acted_by: Counter[str] = Counter()
    for event in events:
        if any(e.id == actor_id for e in event.actor):
            acts_on.update({e.name for e in event.recipient if e.id != actor_id})
        if any(e.id == actor_id for e in event.recipient):
            acted_by.update({e.name for e in event.actor if e.id != actor_id})
    return acts_on, acted_by


__all__ = ["STATUSES", "ActorRow", "Catalog", "View", "actor_aliases", "who_they_act_on"]
