"""OUT/timeline.md: the timeline as a Markdown table, then each happening with its sources.

Each source sentence is quoted with the trigger in bold and the date expression in italics, so a
reader checks every line against what the articles said.
"""
from __future__ import annotations

from pathlib import Path

from annales.export import write_file
from annales.export.timeline import (
    conflict_label,
    date_label,
    kind_label,
    place_label,
    sentence_segments,
    sentences,
    source_count,
    who_label,
)
from annales.merge.corrections import correction_label
from annales.model import Document, Event, Evidence

MARKS = {"trigger": ("**", "**"), "date": ("_", "_")}


def _cell(text: str) -> str:
    """Table-safe text: no pipes or line breaks."""
    return " ".join(text.replace("|", "\\|").split())


def _quote(group: list[Evidence]) -> str:
    parts = []
    for text, mark in sentence_segments(group):
        text = text.replace("*", "\\*").replace("_", "\\_")
        if mark and text.strip():
            left, right = MARKS[mark]
            stripped = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            parts.append(f"{lead}{left}{stripped}{right}{trail}")
        else:
            parts.append(text)
    return " ".join("".join(parts).split())


def _anchor(event: Event) -> str:
    return f"e-{event.id}"


def _source_line(group: list[Evidence], documents: dict[str, Document]) -> str:
    mention = group[0]
    document = documents.get(mention.doc)
    label = mention.doc
    if document and document.title:
        label = f"{document.title} ({mention.doc})"
    if document and document.url:
        label = f"[{label}]({document.url})"
    details = [d for d in (mention.source or (document.source if document else None),
                           str(mention.published) if mention.published else None) if d]
    suffix = f", {', '.join(details)}" if details else ""
    return f"- {label}{suffix}\n  > {_quote(group)}"


def render(events: list[Event], documents: list[Document]) -> str:
    """The whole Markdown page."""
    by_id = {d.id: d for d in documents}
    lines = ["# Timeline", "",
             f"{len(events)} happenings from {len(documents)} documents. "
             "⚠ marks happenings whose sources disagree.", "",
             "| Date | Event | Who → whom | Where | Status | Sources | |",
             "|---|---|---|---|---|---:|---|"]
    for event in events:
        flag = "⚠" if event.conflicts else ""
        lines.append("| " + " | ".join(_cell(c) for c in (
            date_label(event), f"[{kind_label(event)}](#{_anchor(event)})", who_label(event), place_label(event),
            event.status, str(source_count(event)), flag)) + " |")
    lines += ["", "## Happenings", ""]
    for event in events:
        lines.append(f'<a id="{_anchor(event)}"></a>')
        lines.append(f"### {date_label(event)} · {kind_label(event)} · {_cell(who_label(event))}")
        lines.append("")
        if event.summary:
            lines += [event.summary, ""]
        facts = [f"status: {event.status}", f"confidence: {event.confidence:.2f}"]
        if place_label(event):
            facts.append(f"place: {place_label(event)}")
        if event.claimed_by:
            facts.append("claimed by: " + ", ".join(e.name for e in event.claimed_by))
        if event.denied_by:
            facts.append("denied by: " + ", ".join(e.name for e in event.denied_by))
        lines += ["; ".join(facts), ""]
        for conflict in event.conflicts:
            lines.append(f"- ⚠ sources disagree on {conflict_label(conflict)}")
        if event.conflicts:
            lines.append("")
        for note in event.corrections:
            lines.append(f"- ✎ corrected: {correction_label(note)}")
        if event.corrections:
            lines.append("")
        lines.append(f"Sources ({source_count(event)}):")
        lines.append("")
        for group in sentences(event):
            lines.append(_source_line(group, by_id))
        lines.append("")
    return "\n".join(lines)


def write(events: list[Event], documents: list[Document], out: Path) -> list[Path]:
    """Write OUT/timeline.md; returns [the path]."""
    return write_file(Path(out) / "timeline.md", render(events, documents))
