"""What the web app reads: the store's happenings, documents and actors, indexed once per change.

Parsing every stored happening takes longer than a request may, so the app keeps one parsed
``View`` and rebuilds it only when the database changed (``PRAGMA data_version`` sees commits by
other connections, such as ``annales run`` in another terminal; the app's own edits bump the
connection's change counter). Every store call holds one lock: the SQLite connection is shared by
the server's threads.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
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
from annales.merge.select import HIDDEN_STATUSES, fold
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


@dataclass(frozen=True)
class _Keys:
    """What the filters compare, per happening."""

    status: str
    type: str
    start: dt.date | None
    end: dt.date | None
    people: tuple[tuple[str, str], ...]  # (folded id, folded name)
    countries: frozenset[str]
    conflicts: bool
    search: str


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
    ids: list[str] = field(default_factory=list)
    index_of: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Event.id is a hash computed on each access: computed once here, with everything the
        # filters look at, so a request over thousands of happenings is a loop over tuples.
        self.ids = [e.id for e in self.happenings]
        self.by_id = dict(zip(self.ids, self.happenings, strict=True))
        self.index_of = {i: n for n, i in enumerate(self.ids)}
        self.docs = {d.id: d for d in self.documents}
        self._keys: list[_Keys] = []
        self._lines: dict[str, str] = {}
        for event_id, event in zip(self.ids, self.happenings, strict=True):
            people = event.actor + event.recipient
            words = [event.summary, event.type, event.mode or "", str(event.date or "")]
            words += [part for e in people for part in (e.name, e.id, e.country or "")]
            words += [m.sentence for m in event.mentions]
            words += [event.location.name] if event.location else []
            self.search[event_id] = fold(" ".join(words))
            countries = {(e.country or "").upper() for e in people} | {e.id.upper() for e in people if e.kind == "country"}
            self._keys.append(_Keys(
                event.status, event.type.upper(), event.date.start if event.date else None,
                event.date.end if event.date else None, tuple((fold(e.id), fold(e.name)) for e in people),
                frozenset(countries), bool(event.conflicts), self.search[event_id]))
            for entity in {e.id: e for e in people}.values():
                row = self.actors.setdefault(entity.id, ActorRow(entity))
                row.happenings += 1
                row.names.add(entity.name)
            for mention in event.mentions:
                self.home[mention_key(mention)] = event_id
        self.types = sorted({e.type for e in self.happenings})

    def filter(self, *, actor: str | None = None, country: str | None = None, types: Sequence[str] = (),
               status: str | None = None, since: DateValue | None = None, until: DateValue | None = None,
               q: str | None = None, conflicts: bool = False) -> list[Event]:
        """The timeline's filters, as ``annales.merge.select`` applies them, plus words and conflicts.

        ``status`` is one of STATUSES, ``*`` for every status, or None (hypothetical and negated
        left out).
        """
        return [self.happenings[n] for n in self.positions(actor=actor, country=country, types=types, status=status,
                                                           since=since, until=until, q=q, conflicts=conflicts)]

    def positions(self, *, actor: str | None = None, country: str | None = None, types: Sequence[str] = (),
                  status: str | None = None, since: DateValue | None = None, until: DateValue | None = None,
                  q: str | None = None, conflicts: bool = False) -> list[int]:
        wanted_types = {t.upper() for t in types} or None
        who = fold(actor) if actor else None
        place = country.upper() if country else None
        start, end = (since.start if since else None), (until.end if until else None)
        words = fold(q).split() if q else []
        out = []
        for n, k in enumerate(self._keys):
            if status == "*":
                pass
            elif status:
                if k.status != status:
                    continue
            elif k.status in HIDDEN_STATUSES:
                continue
            if wanted_types is not None and k.type not in wanted_types:
                continue
            if who is not None and not any(who == i or who in name for i, name in k.people):
                continue
            if place is not None and place not in k.countries:
                continue
            if start or end:
                if k.start is None or k.end is None:
                    continue
                if start and k.end < start:
                    continue
                if end and k.start > end:
                    continue
            if conflicts and not k.conflicts:
                continue
            if words and not all(w in k.search for w in words):
                continue
            out.append(n)
        return out

    def line(self, n: int, render: Callable[[Event, View], dict[str, Any]]) -> str:
        """The JSON text of happening number ``n`` as ``render`` gives it, made once per view."""
        event_id = self.ids[n]
        text = self._lines.get(event_id)
        if text is None:
            text = self._lines[event_id] = json.dumps(render(self.happenings[n], self), ensure_ascii=False)
        return text

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
                # The view lives until the next change: keep the collector from walking it again and
                # again (its records have no cycles; they are freed by reference counting).
                gc.unfreeze()
                gc.collect()
                gc.freeze()
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
