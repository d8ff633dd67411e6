"""Filtering happenings for the timeline and the exports (actor, country, type, dates, status)."""
from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence

from annales.model import DateValue, Event

HIDDEN_STATUSES = ("hypothetical", "negated")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Sergueï' and 'sergue' compare equal prefixes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _as_set(value: str | Iterable[str] | None) -> set[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return {part.strip() for item in items for part in item.split(",") if part.strip()}


def _bound(value: str | dt.date | DateValue | None, end: bool) -> dt.date | None:
    """'2024', '2024-06', '2024-06-19', a date or a DateValue -> its first (or last) day."""
    if value is None or value == "":
        return None
    if isinstance(value, DateValue):
        return value.end if end else value.start
    if isinstance(value, dt.date):
        return value
    parsed = DateValue.parse(str(value))
    if parsed is None:
        return None
    return parsed.end if end else parsed.start


def _actor_matches(event: Event, wanted: list[str]) -> bool:
    for entity in event.actor + event.recipient:
        name, ident = fold(entity.name), fold(entity.id)
        if any(w == ident or w in name for w in wanted):
            return True
    return False


def select(
    events: Sequence[Event],
    *,
    actor: str | Iterable[str] | None = None,
    country: str | Iterable[str] | None = None,
    type: str | Iterable[str] | None = None,  # noqa: A002 - the CLI option is --type
    since: str | dt.date | DateValue | None = None,
    until: str | dt.date | DateValue | None = None,
    status: str | Iterable[str] | None = None,
    include_hypothetical: bool = False,
) -> list[Event]:
    """The happenings that pass every filter given, in their input order.

    ``actor`` matches an entity's id or part of its name (case and accents ignored) on either
    side; several forms may be given (a name and the ids the actor dictionary resolves it to,
    see ``annales.cli.options``), any of which matches; ``country`` an ISO alpha-3 code among the participants' countries; ``since``/``until``
    keep happenings whose date interval meets the range (undated ones are then left out).
    Hypothetical and negated happenings are left out unless ``include_hypothetical`` or
    ``status`` names them.
    """
    countries = {c.upper() for c in _as_set(country) or ()} or None
    types = {t.upper() for t in _as_set(type) or ()} or None
    statuses = {s.lower() for s in _as_set(status) or ()} or None
    start, end = _bound(since, end=False), _bound(until, end=True)
    actors = [fold(a) for a in ([actor] if isinstance(actor, str) else list(actor or ())) if a.strip()]
    kept = []
    for event in events:
        if statuses is not None:
            if event.status not in statuses:
                continue
        elif event.status in HIDDEN_STATUSES and not include_hypothetical:
            continue
        if types is not None and event.type.upper() not in types:
            continue
        if actors and not _actor_matches(event, actors):
            continue
        if countries is not None:
            present = {(e.country or "").upper() for e in event.actor + event.recipient}
            present |= {e.id.upper() for e in event.actor + event.recipient if e.kind == "country"}
            if not present & countries:
                continue
        if start or end:
            if event.date is None:
                continue
            if start and event.date.end < start:
                continue
            if end and event.date.start > end:
                continue
        kept.append(event)
    return kept
