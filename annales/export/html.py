"""OUT/report.html: one self-contained page that works offline.

A zoomable timeline coloured from cooperation to conflict (PLOVER score), an actor network (who
acts on whom, how often, how friendly), filters, and a card per happening with its sources, the
source sentences with the trigger and the date expression highlighted, and the conflicts flagged.
plotly.js's basic partial bundle (``export/vendor/``, 1.2 MB instead of the full 4.8 MB) is inlined:
nothing is fetched at view time.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from annales.errors import ExportError
from annales.export import write_file
from annales.export.timeline import (
    conflict_label,
    date_label,
    kind_label,
    names,
    place_label,
    sentence_segments,
    sentences,
    source_count,
    who_label,
)
from annales.merge.corrections import correction_label
from annales.merge.select import fold
from annales.model import STATUSES, Document, Event, Evidence

TEMPLATES = Path(__file__).resolve().parent / "templates"
PLOTLY = Path(__file__).resolve().parent / "vendor" / "plotly-basic.min.js"
# cooperation (score +10) to conflict (-10), read right to left: red, orange, grey, teal, green
COLORSCALE: list[tuple[float, str]] = [(0.0, "#b2182b"), (0.3, "#ef8a62"), (0.5, "#b8b8b8"), (0.7, "#6fb7a6"),
                                       (1.0, "#1a7f4b")]  # JSON writes the pairs as plotly's [stop, colour] lists


@cache
def template_text(name: str) -> str:
    try:
        return (TEMPLATES / name).read_text(encoding="utf-8")
    except OSError as error:
        raise ExportError(f"report template {name} is missing from {TEMPLATES}; reinstall annales") from error


@cache
def plotly_js() -> str:
    try:
        return PLOTLY.read_text(encoding="utf-8")
    except OSError as error:
        raise ExportError(f"the HTML report's plotly.js is missing ({PLOTLY}); reinstall annales, "
                          "or export --format markdown") from error


def score_colour(score: float) -> str:
    """The hex colour of a PLOVER score on the report's scale (same stops as the charts)."""
    t = min(1.0, max(0.0, (score + 10) / 20))
    for (t0, c0), (t1, c1) in zip(COLORSCALE, COLORSCALE[1:], strict=False):
        if t <= t1:
            u = (t - t0) / ((t1 - t0) or 1)
            a, b = int(c0[1:], 16), int(c1[1:], 16)
            mix = [round(((a >> s) & 255) + (((b >> s) & 255) - ((a >> s) & 255)) * u) for s in (16, 8, 0)]
            return "#" + "".join(f"{v:02x}" for v in mix)
    return COLORSCALE[-1][1]


def _jitter(event_id: str) -> float:
    """A stable vertical offset so happenings of one type on one day do not hide each other."""
    return (int(hashlib.sha256(event_id.encode()).hexdigest()[:6], 16) / 0xFFFFFF - 0.5) * 0.36


def _midpoint(event: Event) -> str | None:
    if not event.date:
        return None
    return (event.date.start + (event.date.end - event.date.start) / 2).isoformat()


def type_order(events: list[Event]) -> list[str]:
    """Types present, most cooperative first (by their mean score)."""
    scores: dict[str, list[float]] = defaultdict(list)
    for event in events:
        scores[event.type].append(event.score)
    return sorted(scores, key=lambda t: (-sum(scores[t]) / len(scores[t]), t))


def _hover(event: Event) -> str:
    lines = [f"<b>{html.escape(date_label(event))}</b> · {html.escape(kind_label(event))}",
             html.escape(who_label(event))]
    if place_label(event):
        lines.append(html.escape(place_label(event)))
    lines.append(f"{event.status} · {source_count(event)} source{'s' if source_count(event) > 1 else ''}")
    if event.conflicts:
        lines.append("⚠ sources disagree: " + html.escape(", ".join(c.field for c in event.conflicts)))
    if event.summary:
        lines.append(f"<i>{html.escape(event.summary[:120])}</i>")
    return "<br>".join(lines)


@cache
def _aliases() -> dict[str, list[str]]:
    """Entity id -> every name the actor dictionary knows for it (folded), for the actor filter."""
    from annales.actors.dictionary import Dictionary

    return Dictionary("fr").aliases()


def search_form(text: str) -> str:
    """What the actor filter compares: folded, punctuation as spaces (the script's fold does the same)."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def record_of(event: Event, row: int) -> dict[str, Any]:
    """What the page's script needs of a happening."""
    people = event.actor + event.recipient
    aliases = _aliases()
    # the actor filter finds "Poutine", "Corée du Nord" or "Choïgou": every known name of each participant
    forms = [part for e in people for part in (e.name, e.id, e.country or "", *aliases.get(e.id, ()))]
    search = " | ".join(dict.fromkeys(search_form(part) for part in forms if part))
    return {
        "id": event.id, "type": event.type, "kind": kind_label(event), "score": event.score,
        "status": event.status, "sources": source_count(event), "conflicts": len(event.conflicts),
        "start": event.date.start.isoformat() if event.date else None,
        "end": event.date.end.isoformat() if event.date else None,
        "precision": event.date.precision if event.date else None, "mid": _midpoint(event),
        "y": round(row + _jitter(event.id), 3), "hover": _hover(event),
        "actors": [e.name for e in event.actor], "recipients": [e.name for e in event.recipient],
        "kinds": {e.name: e.kind for e in people}, "search": search,
    }


def _sentence_html(group: list[Evidence]) -> str:
    parts = []
    for text, mark in sentence_segments(group):
        escaped = html.escape(text)
        if mark == "date":
            parts.append(f'<mark class="date" title="date expression">{escaped}</mark>')
        elif mark == "trigger":
            parts.append(f'<mark class="trigger" title="trigger">{escaped}</mark>')
        else:
            parts.append(escaped)
    return "".join(parts)


def _source_html(group: list[Evidence], documents: dict[str, Document]) -> str:
    mention = group[0]
    document = documents.get(mention.doc)
    title = html.escape(document.title) if document and document.title else html.escape(mention.doc)
    cite = f'<a href="{html.escape(document.url)}">{title}</a>' if document and document.url else title
    details = [mention.doc] if document and document.title else []
    outlet = mention.source or (document.source if document else None)
    if outlet:
        details.append(outlet)
    if mention.published:
        details.append(f"published {mention.published}")
    meta = f" <small>({html.escape(', '.join(details))})</small>" if details else ""
    return f"<li><cite>{cite}</cite>{meta}<blockquote>{_sentence_html(group)}</blockquote></li>"


def card_html(event: Event, documents: dict[str, Document]) -> str:
    tone = score_colour(event.score)
    facts = [f'<li><span class="badge {event.status}">{event.status}</span></li>',
             f"<li>confidence {event.confidence:.2f}</li>",
             f"<li>score {event.score:g}</li>"]
    if place_label(event):
        facts.append(f"<li>at {html.escape(place_label(event))}</li>")
    if event.claimed_by:
        facts.append(f"<li>claimed by {html.escape(names(event.claimed_by))}</li>")
    if event.denied_by:
        facts.append(f"<li>denied by {html.escape(names(event.denied_by))}</li>")
    if event.context:
        facts.append(f"<li>{html.escape(', '.join(event.context))}</li>")
    conflicts = ""
    if event.conflicts:
        rows = "".join(f"<p>⚠ sources disagree on {html.escape(conflict_label(c))}</p>" for c in event.conflicts)
        conflicts = f'<div class="conflicts" role="note">{rows}</div>'
    if event.corrections:
        rows = "".join(f"<p>✎ corrected: {html.escape(correction_label(c))}</p>" for c in event.corrections)
        conflicts += f'<div class="corrected" role="note">{rows}</div>'
    sources = "".join(_source_html(group, documents) for group in sentences(event))
    count = source_count(event)
    summary = f'<p class="summary">{html.escape(event.summary)}</p>' if event.summary else ""
    return (
        f'<article class="card" id="card-{event.id}" data-id="{event.id}" data-type="{event.type}" '
        f'data-status="{event.status}" data-conflicts="{len(event.conflicts)}" '
        f'data-corrected="{len(event.corrections)}" style="--tone: {tone}">'
        f'<header><time>{html.escape(date_label(event))}</time>'
        f'<span class="kind">{html.escape(kind_label(event))}</span>'
        f'<span class="who">{html.escape(who_label(event))}</span></header>'
        f"{summary}<ul class=\"facts\">{''.join(facts)}</ul>{conflicts}"
        f"<details{' open' if count <= 3 else ''}><summary>{count} source{'s' if count > 1 else ''}, "
        f"{len(event.mentions)} mention{'s' if len(event.mentions) > 1 else ''}</summary>"
        f"<ol>{sources}</ol></details></article>"
    )


def fill(template: str, parts: dict[str, str]) -> str:
    """Replace {{name}} markers in one pass: inserted text (plotly.js has braces) is never rescanned."""
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def render(events: list[Event], documents: list[Document], title: str = "annales — timeline") -> str:
    """The whole page as a string."""
    from annales import __version__

    by_id = {d.id: d for d in documents}
    types = type_order(events)
    records = [record_of(e, types.index(e.type)) for e in events]
    dated = [e.date for e in events if e.date]
    first = min((d.start for d in dated), default=None)
    last = max((d.end for d in dated), default=None)
    conflicted = sum(1 for e in events if e.conflicts)
    span = f", from {first.isoformat()} to {last.isoformat()}" if first and last else ""
    lede = (f"{len(events)} happenings from {len(documents)} documents{span}. "
            f"{conflicted} where sources disagree.")
    mean_score = {t: sum(e.score for e in events if e.type == t) / max(1, sum(e.type == t for e in events))
                  for t in types}
    boxes = "".join(
        f'<label><input type="checkbox" value="{t}" checked>'
        f'<span class="swatch" style="background:{score_colour(mean_score[t])}"></span>{t}</label>' for t in types)
    present = [s for s in STATUSES if any(e.status == s for e in events)]
    options = "".join(f'<option value="{s}">only {s}</option>' for s in present)
    data = json.dumps({"events": records, "types": types, "colorscale": COLORSCALE}, ensure_ascii=False)
    footer = (f"Made by annales {html.escape(__version__)}. Every happening lists the sentences "
              "it was read from; offsets point into each document's cleaned text.")
    return fill(template_text("report.html"), {
        "lang": html.escape(documents[0].language if documents else "fr"),
        "version": html.escape(__version__), "title": html.escape(title), "lede": html.escape(lede),
        "min_date": first.isoformat() if first else "", "max_date": last.isoformat() if last else "",
        "status_options": options, "type_boxes": boxes,
        "charts": template_text("charts.html"), "cards": "\n".join(card_html(e, by_id) for e in events),
        "footer": footer, "css": template_text("report.css"), "errors": template_text("errors.js"),
        "data": data.replace("</", "<\\/"),
        "plotly": plotly_js(), "app": template_text("report.js"),
    })


def write(events: list[Event], documents: list[Document], out: Path) -> list[Path]:
    """Write OUT/report.html; returns [the path]."""
    return write_file(Path(out) / "report.html", render(events, documents))
