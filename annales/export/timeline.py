"""The terminal timeline, and the one-line views of a happening the other renderers share.

``render(events)`` gives dated rows: date, type, actor → recipient, place, status, number of
sources and a flag when sources disagree. Markdown and HTML reuse the labels defined here so the
three outputs read the same.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annales.model import Conflict, Entity, Event, Evidence

UNDATED = "undated"
CONFLICT_FLAG = "!"


# -- shared labels ---------------------------------------------------------------------------
def date_label(event: Event) -> str:
    return str(event.date) if event.date else UNDATED


def kind_label(event: Event) -> str:
    return f"{event.type}/{event.mode}" if event.mode else event.type


def names(entities: Sequence[Entity]) -> str:
    return ", ".join(e.name for e in entities)


def who_label(event: Event, arrow: str = "→") -> str:
    """'Actor, Actor → Recipient' or just the actors when nobody is on the receiving side."""
    actor = names(event.actor) or "?"
    return f"{actor} {arrow} {names(event.recipient)}" if event.recipient else actor


def place_label(event: Event) -> str:
    if not event.location:
        return ""
    place = event.location
    return f"{place.name} ({place.country})" if place.country and place.country not in place.name else place.name


def source_count(event: Event) -> int:
    return len(event.docs)


def conflict_label(conflict: Conflict) -> str:
    """'date: 2024-06 (a.txt) / 2024-07 (b.txt)'."""
    by_value: dict[str, list[str]] = {}
    for value, doc in zip(conflict.values, conflict.docs, strict=False):
        by_value.setdefault(value, []).append(doc)
    parts = [f"{value} ({', '.join(docs)})" for value, docs in by_value.items()]
    return f"{conflict.field}: " + " / ".join(parts)


def sentences(event: Event) -> list[list[Evidence]]:
    """The event's mentions grouped by sentence (two triggers in one sentence are one quote)."""
    groups: dict[tuple[str, int, int], list[Evidence]] = {}
    for mention in event.mentions:
        groups.setdefault((mention.doc, mention.start, mention.end), []).append(mention)
    return list(groups.values())


def sentence_segments(mentions: Evidence | Sequence[Evidence]) -> list[tuple[str, str | None]]:
    """A sentence cut into (text, mark) pieces, mark being 'trigger', 'date' or None.

    ``mentions`` are one or more reports from the same sentence; their triggers and date
    expressions are marked. Offsets are document offsets; a piece is marked only where they fall
    inside the sentence (else the text is looked up), and overlapping marks are dropped.
    """
    group = [mentions] if isinstance(mentions, Evidence) else list(mentions)
    first = group[0]
    sentence = first.sentence
    spans: list[tuple[int, int, str]] = []

    def add(start: int | None, end: int | None, text: str | None, mark: str) -> None:
        if start is not None and end is not None:
            a, b = start - first.start, end - first.start
            if 0 <= a < b <= len(sentence):
                spans.append((a, b, mark))
                return
        if text:
            found = sentence.find(text)
            if found >= 0:
                spans.append((found, found + len(text), mark))

    for mention in group:
        add(mention.trigger_start, mention.trigger_end, mention.trigger, "trigger")
        add(mention.date_start, mention.date_end, mention.date_text, "date")
    pieces: list[tuple[str, str | None]] = []
    cursor = 0
    for start, end, mark in sorted(set(spans)):
        if start < cursor:
            continue
        if start > cursor:
            pieces.append((sentence[cursor:start], None))
        pieces.append((sentence[start:end], mark))
        cursor = end
    if cursor < len(sentence):
        pieces.append((sentence[cursor:], None))
    return pieces


# -- the terminal table ----------------------------------------------------------------------
COLUMNS = ("DATE", "TYPE", "WHO", "WHERE", "STATUS", "SRC", CONFLICT_FLAG)
SHRINKABLE = {"WHO": 18, "WHERE": 8, "TYPE": 8}  # column -> narrowest it may become
ANSI = {"green": "\033[32m", "red": "\033[31m", "yellow": "\033[33m", "dim": "\033[2m",
        "bold": "\033[1m", "magenta": "\033[35m", "reset": "\033[0m"}


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, ...]
    score: float
    status: str


def _row(event: Event) -> _Row:
    flag = CONFLICT_FLAG if event.conflicts else ""
    cells = (date_label(event), kind_label(event), who_label(event), place_label(event), event.status,
             str(source_count(event)), flag)
    return _Row(cells, event.score, event.status)


def _fit(text: str, width: int) -> str:
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(0, width - 1)] + "…"


def _order(event: Event) -> tuple:
    if event.date is None:
        return (1, "", "", event.type)
    return (0, event.date.start.isoformat(), event.date.end.isoformat(), event.type)


def render(events: list[Event], width: int | None = None, color: bool = False) -> str:
    """The happenings as a dated table for the terminal, sorted by date (undated last).

    ``width`` caps the line length (the actor and place columns shrink first); ``color`` adds
    ANSI colours: green for cooperation, red for conflict, by PLOVER score.
    """
    rows = [_row(e) for e in sorted(events, key=_order)]
    widths = {name: len(name) for name in COLUMNS}
    for row in rows:
        for name, cell in zip(COLUMNS, row.cells, strict=True):
            widths[name] = max(widths[name], len(cell))
    gap = 2
    if width is not None:
        excess = sum(widths.values()) + gap * (len(COLUMNS) - 1) - width
        while excess > 0:
            # the widest shrinkable column gives a character, until none has any to give
            name = max(SHRINKABLE, key=lambda n: widths[n] - SHRINKABLE[n])
            if widths[name] <= SHRINKABLE[name]:
                break
            widths[name] -= 1
            excess -= 1

    def line(cells: Sequence[str]) -> str:
        return (" " * gap).join(_fit(cell, widths[name]) for name, cell in zip(COLUMNS, cells, strict=True)).rstrip()

    out = [line(COLUMNS)]
    if color:
        out[0] = ANSI["bold"] + out[0] + ANSI["reset"]
    for row in rows:
        text = line(row.cells)
        if color:
            tone = "green" if row.score >= 1 else "red" if row.score <= -1 else "yellow"
            text = ANSI[tone] + text + ANSI["reset"]
            if row.status != "asserted":
                text = ANSI["dim"] + text
        out.append(text)
    conflicted = sum(1 for e in events if e.conflicts)
    footer = f"{len(events)} happening{'s' if len(events) != 1 else ''}"
    if conflicted:
        footer += f", {conflicted} with sources in disagreement ({CONFLICT_FLAG})"
    out.append(footer)
    return "\n".join(out) + "\n"
