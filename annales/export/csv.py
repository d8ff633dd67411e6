"""OUT/events.csv: GDELT 2.0's event columns, in GDELT's order, then annales' own columns.

Tools that read GDELT events by column name (or position) can read this file. What each column
holds and where it differs from GDELT (ISO alpha-3 instead of FIPS place codes, the PLOVER score in
GoldsteinScale, a header row and commas) is written down in docs/export.md.
"""
from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from annales.errors import ExportError
from annales.export.timeline import conflict_label
from annales.merge.combine import source_groups
from annales.merge.corrections import correction_label
from annales.merge.rules import rules
from annales.model import Document, Entity, Event

CAMEO_PATH = Path(__file__).resolve().parent.parent / "data" / "cameo.yaml"
LEAD_OFFSET = 500  # a mention starting this early in its article is in the lead: GDELT's IsRootEvent


@cache
def cameo() -> dict[str, Any]:
    """The PLOVER → CAMEO mapping and GDELT's column list (annales/data/cameo.yaml)."""
    try:
        return yaml.safe_load(CAMEO_PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ExportError(f"cannot read {CAMEO_PATH}: {error}; reinstall annales") from error


def cameo_code(event_type: str, mode: str | None) -> str:
    """The CAMEO event code of a PLOVER type and mode ('CONSULT', 'visit' -> '042'); '' if unknown."""
    entry = cameo()["plover"].get(event_type)
    if not entry:
        return ""
    return (entry.get("modes") or {}).get(mode or "", entry["code"])


def quad_class(code: str) -> str:
    root = cameo()["roots"].get(code[:2])
    return str(root["quad"]) if root else ""


def columns() -> list[str]:
    return list(cameo()["columns"]) + list(cameo()["extra_columns"])


def _actor_fields(prefix: str, entities: Sequence[Entity]) -> dict[str, str]:
    if not entities:
        return {}
    first = entities[0]
    country = next((e.country for e in entities if e.country), None) or ""
    stateless = first.kind == "organization" and not first.country
    return {
        f"{prefix}Code": country or ("IGO" if stateless else ""),
        f"{prefix}Name": "; ".join(e.name for e in entities),
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": "IGO" if stateless else "",
    }


def _date_fields(event: Event) -> dict[str, str]:
    if not event.date:
        return {}
    day = event.date.start
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365
    return {"SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": str(day.year),
            "FractionDate": f"{fraction:.4f}"}


def _place_fields(event: Event) -> dict[str, str]:
    place = event.location
    if not place:
        return {}
    kind = "4" if place.lat is not None else "1" if place.country else ""
    return {"ActionGeo_Type": kind, "ActionGeo_FullName": place.name, "ActionGeo_CountryCode": place.country or "",
            "ActionGeo_Lat": "" if place.lat is None else f"{place.lat:.4f}",
            "ActionGeo_Long": "" if place.lon is None else f"{place.lon:.4f}"}


def row(event: Event, documents: dict[str, Document]) -> dict[str, str]:
    """One CSV row (column -> text) for a happening."""
    code = cameo_code(event.type, event.mode)
    published = sorted(m.published.start for m in event.mentions if m.published)
    urls = [url for d in event.docs if d in documents and (url := documents[d].url)]
    values: dict[str, str] = {
        "GLOBALEVENTID": str(int(event.id[:13], 16)),
        "IsRootEvent": "1" if any(m.start < LEAD_OFFSET for m in event.mentions) else "0",
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": quad_class(code),
        "GoldsteinScale": f"{event.score:g}",
        "NumMentions": str(len(event.mentions)),
        "NumSources": str(len(set(source_groups(event.mentions, rules())))),
        "NumArticles": str(len(event.docs)),
        "DATEADDED": published[0].strftime("%Y%m%d000000") if published else "",
        "SOURCEURL": urls[0] if urls else event.docs[0],
        "annales_id": event.id, "plover_type": event.type, "plover_mode": event.mode or "",
        "plover_context": "; ".join(event.context), "status": event.status,
        "date": str(event.date) if event.date else "", "date_precision": event.date.precision if event.date else "",
        "date_text": (event.date.text or "") if event.date else "",
        "confidence": f"{event.confidence:.3f}",
        "claimed_by": "; ".join(e.name for e in event.claimed_by),
        "denied_by": "; ".join(e.name for e in event.denied_by),
        "summary": event.summary, "docs": "; ".join(event.docs),
        "conflicts": " | ".join(conflict_label(c) for c in event.conflicts),
        "corrections": " | ".join(correction_label(c) for c in event.corrections),
    }
    values |= _date_fields(event) | _actor_fields("Actor1", event.actor) | _actor_fields("Actor2", event.recipient)
    values |= _place_fields(event)
    return values


def write(events: list[Event], documents: list[Document], out: Path) -> list[Path]:
    """Write OUT/events.csv (header row, UTF-8, comma-separated); returns [the path]."""
    path = Path(out) / "events.csv"
    by_id = {d.id: d for d in documents}
    names = columns()
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=names, restval="", extrasaction="raise")
            writer.writeheader()
            for event in events:
                writer.writerow(row(event, by_id))
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror}; check the folder is writable") from error
    return [path]
