"""Cross-document merging: one Event per real-world happening, with every report of it.

``merge(events)`` groups per-mention events (and happenings merged earlier) into happenings,
lists where sources disagree (``conflicts``) and weighs independent sources (``confidence``).
``select(events, ...)`` filters records for the timeline and the exports.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from annales.merge.cluster import Unit, clusters
from annales.merge.combine import combine, normal_text
from annales.merge.rules import rules
from annales.merge.select import select
from annales.model import Event


def _without_repeats(events: Iterable[Event], lang: str) -> list[Event]:
    """Drop exact repeats and reports already inside a merged happening (re-ingested documents)."""
    table = rules(lang)
    unique: dict[str, Event] = {}
    for event in events:
        unique.setdefault(json.dumps(event.to_dict(), sort_keys=True, ensure_ascii=False), event)
    items = [unique[k] for k in sorted(unique)]
    keyed = [(e, frozenset((m.doc, m.start, m.trigger_start, m.trigger) for m in e.mentions)) for e in items]
    holders: dict[tuple, list[int]] = {}
    for index, (_, keys) in enumerate(keyed):
        for key in keys:
            holders.setdefault(key, []).append(index)
    kept = []
    for index, (event, keys) in enumerate(keyed):
        first = next(iter(keys))
        absorbed = any(
            len(keyed[other][1]) > len(keys) and keys <= keyed[other][1]
            and table.types_compatible((event.type, event.mode), (keyed[other][0].type, keyed[other][0].mode))
            for other in holders[first] if other != index
        )
        if not absorbed:
            kept.append(event)
    return kept


def _signature(event: Event) -> tuple:
    """What a report says, whatever article it is in: republished dispatches share it."""
    sentences = tuple(sorted({normal_text(m.sentence) for m in event.mentions}))
    place = (event.location.name, event.location.country) if event.location else None
    return (event.type, event.mode or "", event.status, tuple(sorted(e.id for e in event.actor)),
            tuple(sorted(e.id for e in event.recipient)), str(event.date or ""), place, sentences)


def _fold_copies(events: list[Event], lang: str) -> list[Event]:
    """Reports identical but for their article are one unit before clustering (fast on copies)."""
    table = rules(lang)
    copies: dict[tuple, list[Event]] = {}
    for event in events:
        copies.setdefault(_signature(event), []).append(event)
    folded = []
    for group in copies.values():
        if len(group) == 1:
            folded.append(group[0])
        else:
            ordered = sorted(group, key=lambda e: Unit.of(e).key)
            folded.append(combine(ordered, table))
    return folded


def _order(event: Event) -> tuple:
    if event.date is None:
        return (dt.date.max, dt.date.max, event.type, event.id)
    return (event.date.start, event.date.end, event.type, event.id)


def merge(events: Iterable[Event], lang: str = "fr") -> list[Event]:
    """One Event per happening, sorted by date, every mention kept (rules in ``merge.yaml``).

    Guarantees: the same set of inputs in any order gives the same output (same ids); a merged
    timeline is stable (``merge(merge(x)) == merge(x)``) and reports already in it are absorbed
    (``merge(merge(x) + x) == merge(x)``). Merging new reports into stored happenings gives what
    merging everything at once gives when happenings are told apart clearly; greedy merging can
    take another path on noisy input, so the store re-merges from its per-mention events.
    """
    table = rules(lang)
    units = sorted((Unit.of(e, table) for e in _fold_copies(_without_repeats(events, lang), lang)), key=lambda u: u.key)
    happenings = [combine([units[i].event for i in group], table) for group in clusters(units, table)]
    return sorted(happenings, key=_order)


__all__ = ["merge", "select"]
