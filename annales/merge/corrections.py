"""Corrections a person made to the timeline, applied after merging on every run.

A correction is stored as its own record (who, when, what, the value before; see
``SQLiteStore.add_correction``) and points at a happening through its **mentions** — the
``(doc, sentence start, trigger start, trigger)`` of each report — because a happening's id is a
hash of what it is and changes when it is re-coded, re-merged with a new article, or corrected.
After merging, each active correction finds the happening that holds most of its mentions and
changes it; so a correction survives ``annales run`` on new articles and a full re-merge.

Actions (``CorrectionRequest.action``):

- ``reject``: not an event; the happening leaves the timeline and every export.
- ``set``: ``field`` is ``type`` (``"ACCUSE"`` or ``"ACCUSE/allege"``), ``actor`` or
  ``recipient`` (a list of entities), ``date`` (a contract date value) or ``status``.
- ``split``: ``value`` is one mention ``[doc, start, trigger_start, trigger]``; its report becomes a
  happening of its own, the rest is merged again without it.
- ``merge``: ``value`` is the other happening's mentions; the two become one.

Structural corrections (split, merge) apply first, in the order they were made, then field
changes, then rejections. Undoing a correction marks its record undone; the next merge leaves it out.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from annales.errors import AnnalesError
from annales.merge.combine import combine
from annales.merge.rules import rules
from annales.model import STATUSES, DateValue, Entity, Event, Evidence

ACTIONS = ("reject", "set", "split", "merge")
FIELDS = ("type", "actor", "recipient", "date", "status")
ORDER = {"split": 0, "merge": 0, "set": 1, "reject": 2}

MentionKey = tuple[str, int, int, str]


class CorrectionError(AnnalesError):
    """A correction that cannot be made as asked (the message says what to send instead)."""


def mention_key(mention: Evidence) -> MentionKey:
    return (mention.doc, mention.start, -1 if mention.trigger_start is None else mention.trigger_start,
            mention.trigger)


def target_of(event: Event) -> list[list[Any]]:
    """The JSON form of a happening's mentions, which is what a correction points at."""
    return [list(mention_key(m)) for m in event.mentions]


def _keys(target: Iterable[Sequence[Any]]) -> set[MentionKey]:
    return {(str(k[0]), int(k[1]), int(k[2]), str(k[3])) for k in target}


def find(happenings: Sequence[Event], target: Iterable[Sequence[Any]]) -> int | None:
    """Index of the happening holding most of ``target``'s mentions (None when none holds any)."""
    wanted = _keys(target)
    best, best_overlap = None, 0
    for index, event in enumerate(happenings):
        overlap = sum(1 for m in event.mentions if mention_key(m) in wanted)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


@cache
def _plover() -> dict[str, Any]:
    from annales.lang import load_table

    return load_table("plover", "fr")["types"]


def plover_types() -> list[str]:
    return list(_plover())


def parse_type(value: Any) -> tuple[str, str | None]:
    """'ACCUSE' or 'ACCUSE/allege' -> (type, mode), checked against the PLOVER table."""
    if not isinstance(value, str) or not value.strip():
        raise CorrectionError("a type is a PLOVER type such as 'CONSULT' or 'CONSULT/visit'")
    kind, _, mode = value.strip().partition("/")
    kind = kind.upper()
    types = _plover()
    if kind not in types:
        raise CorrectionError(f"unknown PLOVER type {kind!r}; use one of {', '.join(types)}")
    if mode and mode not in (types[kind].get("modes") or {}):
        modes = ", ".join(types[kind].get("modes") or {}) or "none"
        raise CorrectionError(f"{mode!r} is not a mode of {kind}; its modes are: {modes}")
    return kind, mode or None


def type_score(kind: str, mode: str | None) -> float:
    entry = _plover()[kind]
    modes = entry.get("modes") or {}
    if mode and modes.get(mode) is not None:
        return float(modes[mode])
    return float(entry["score"])


def parse_entities(value: Any) -> list[dict[str, Any]]:
    """A list of contract entities ({"id", "name", "kind", "country"})."""
    if not isinstance(value, list):
        raise CorrectionError("actor and recipient are lists of entities {\"id\", \"name\", \"kind\", \"country\"}")
    out = []
    for item in value:
        if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
            raise CorrectionError("each entity needs at least an \"id\" and a \"name\"")
        kind = item.get("kind") or "person"
        if kind not in ("person", "country", "organization", "group"):
            raise CorrectionError(f"entity kind {kind!r} is not one of person, country, organization, group")
        out.append(Entity(str(item["id"]), str(item["name"]), kind, item.get("country") or None).to_dict())
    return out


def parse_date(value: Any) -> DateValue:
    try:
        parsed = DateValue.parse(value)
    except (ValueError, IndexError, TypeError):
        parsed = None
    if parsed is None:
        raise CorrectionError(f"{value!r} is not a date; use YYYY, YYYY-MM, YYYY-MM-DD or START/END")
    return parsed


def check(action: str, field: str | None, value: Any) -> Any:
    """Validate a correction before it is stored; returns the value in its stored (JSON) form."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    if action == "reject":
        return None
    if action == "split":
        if not (isinstance(value, list) and len(value) == 4):
            raise CorrectionError("split takes one mention: [doc, start, trigger_start, trigger]")
        return list(next(iter(_keys([value]))))
    if action == "merge":
        if not isinstance(value, list) or not value:
            raise CorrectionError("merge takes the other happening's mentions (or its id, through the API)")
        return [list(k) for k in sorted(_keys(value))]
    if field not in FIELDS:
        raise CorrectionError(f"set needs a field: one of {', '.join(FIELDS)}")
    if field == "type":
        kind, mode = parse_type(value)
        return f"{kind}/{mode}" if mode else kind
    if field in ("actor", "recipient"):
        return parse_entities(value)
    if field == "date":
        return str(parse_date(value))
    if value not in STATUSES:
        raise CorrectionError(f"status must be one of {', '.join(STATUSES)}, not {value!r}")
    return value


def current_value(event: Event, field: str | None) -> Any:
    """The JSON value a field has now (the ``before`` of a correction)."""
    if field == "type":
        return f"{event.type}/{event.mode}" if event.mode else event.type
    if field in ("actor", "recipient"):
        return [e.to_dict() for e in getattr(event, field)]
    if field == "date":
        return str(event.date) if event.date else None
    if field == "status":
        return event.status
    return None


def note(correction: dict[str, Any]) -> dict[str, Any]:
    """What a corrected happening carries of a correction (the contract's ``corrections`` items)."""
    return {"id": correction["id"], "action": correction["action"], "field": correction.get("field"),
            "value": correction.get("value"), "before": correction.get("before"),
            "by": correction["by"], "at": correction["at"]}


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v.get("name", v)) if isinstance(v, dict) else str(v) for v in value) or "nobody"
    return "none" if value is None else str(value)


def correction_label(note: dict[str, Any]) -> str:
    """One line for people: 'date 2023-09-13 → 2023-09-12 (by ana, 2024-07-01)'."""
    who = f"by {note.get('by')}, {str(note.get('at') or '')[:10]}"
    action = note.get("action")
    if action == "set":
        return f"{note.get('field')} {_show(note.get('before'))} → {_show(note.get('value'))} ({who})"
    if action == "split":
        value = note.get("value") or ["?", "?", "?", "?"]
        return f"report {value[3]!r} in {value[0]} split out into a happening of its own ({who})"
    if action == "merge":
        return f"merged with happening {note.get('before')} ({who})"
    return f"marked not an event ({who})"


def _set(event: Event, field: str, value: Any) -> Event:
    if field == "type":
        kind, mode = parse_type(value)
        return replace(event, type=kind, mode=mode, score=type_score(kind, mode))
    if field in ("actor", "recipient"):
        entities = tuple(Entity.from_dict(e) for e in value)
        return replace(event, actor=entities) if field == "actor" else replace(event, recipient=entities)
    if field == "date":
        date = parse_date(value)
        # the corrected date is the happening's date: disagreements about it are settled
        return replace(event, date=replace(date, text="corrected"),
                       conflicts=tuple(c for c in event.conflicts if c.field != "date"))
    return replace(event, status=value)


def _by_mention(mention_events: Iterable[Event]) -> dict[MentionKey, list[Event]]:
    index: dict[MentionKey, list[Event]] = {}
    for event in mention_events:
        for mention in event.mentions:
            index.setdefault(mention_key(mention), []).append(event)
    return index


def _rebuild(mentions: Sequence[Evidence], fallback: Event, index: dict[MentionKey, list[Event]],
             lang: str) -> Event:
    """The happening made of ``mentions`` alone, merged again from their reports when stored."""
    units: dict[str, Event] = {}
    for mention in mentions:
        for unit in index.get(mention_key(mention), []):
            if all(mention_key(m) in {mention_key(x) for x in mentions} for m in unit.mentions):
                units.setdefault(unit.id, unit)
    covered = {mention_key(m) for u in units.values() for m in u.mentions}
    if units and covered == {mention_key(m) for m in mentions}:
        ordered = sorted(units.values(), key=lambda u: sorted(mention_key(m) for m in u.mentions))
        return combine(ordered, rules(lang))
    return replace(fallback, mentions=tuple(mentions))


def _order(event: Event) -> tuple:
    if event.date is None:
        return (dt.date.max, dt.date.max, event.type, event.id)
    return (event.date.start, event.date.end, event.type, event.id)


def apply_corrections(happenings: Sequence[Event], corrections: Sequence[dict[str, Any]],
                      mention_events: Sequence[Event] = (), lang: str = "fr") -> list[Event]:
    """The merged ``happenings`` with every active correction applied, sorted as merge sorts.

    ``mention_events`` (the stored per-mention events) let a split re-merge each side from its
    reports; without them a split only moves the mention. A correction whose mentions are no
    longer stored (its article was removed) changes nothing.
    """
    active = [c for c in corrections if not c.get("undone_at")]
    if not active:
        return list(happenings)
    events = list(happenings)
    index = _by_mention(mention_events)

    def attach(event: Event, *extra: dict[str, Any]) -> Event:
        return replace(event, corrections=tuple(event.corrections) + tuple(extra))

    for correction in sorted(active, key=lambda c: (ORDER.get(c["action"], 3), c["id"])):
        at = find(events, correction["target"])
        if at is None:
            continue
        event, action = events[at], correction["action"]
        if action == "split":
            key = next(iter(_keys([correction["value"]])))
            moved = [m for m in event.mentions if mention_key(m) == key]
            rest = [m for m in event.mentions if mention_key(m) != key]
            if not moved or not rest:
                continue
            kept = tuple(event.corrections)
            alone = attach(replace(_rebuild(moved, event, index, lang), corrections=kept), note(correction))
            others = attach(replace(_rebuild(rest, event, index, lang), corrections=kept), note(correction))
            events[at:at + 1] = [others, alone]
        elif action == "merge":
            other = find(events, correction["value"])
            if other is None or other == at:
                continue
            pair = sorted([events[at], events[other]], key=lambda e: sorted(mention_key(m) for m in e.mentions))
            merged = combine(pair, rules(lang))
            merged = replace(merged, corrections=tuple(events[at].corrections) + tuple(events[other].corrections))
            events[at] = attach(merged, note(correction))
            del events[other]
        elif action == "set":
            events[at] = attach(_set(event, correction["field"], correction["value"]), note(correction))
        elif action == "reject":
            del events[at]
    return sorted(events, key=_order)


__all__ = ["ACTIONS", "FIELDS", "CorrectionError", "apply_corrections", "check", "correction_label",
           "current_value", "find",
           "mention_key", "note", "plover_types", "target_of"]
