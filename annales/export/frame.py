"""pandas views of records, for notebooks. pandas is optional: imported only here."""
from __future__ import annotations

from collections.abc import Iterable

from annales.errors import AnnalesError
from annales.model import Document, Event


def _pandas():
    try:
        import pandas
    except ImportError as error:
        raise AnnalesError("pandas is not installed; install it with 'pip install annales[pandas]'") from error
    return pandas


def _names(entities) -> str:
    return "; ".join(e.name for e in entities)


def countries_of(entities) -> str:
    return "; ".join(sorted({e.country for e in entities if e.country}))


def event_rows(events: Iterable[Event]) -> list[dict]:
    """One flat dict per event: the columns an analyst filters and sorts on."""
    rows = []
    for e in events:
        rows.append({
            "id": e.id, "type": e.type, "mode": e.mode, "status": e.status,
            "date": str(e.date) if e.date else None,
            "date_start": e.date.start if e.date else None, "date_end": e.date.end if e.date else None,
            "precision": e.date.precision if e.date else None,
            "actor": _names(e.actor), "actor_countries": countries_of(e.actor),
            "recipient": _names(e.recipient), "recipient_countries": countries_of(e.recipient),
            "location": e.location.name if e.location else None,
            "location_country": e.location.country if e.location else None,
            "claimed_by": _names(e.claimed_by), "denied_by": _names(e.denied_by),
            "score": e.score, "confidence": e.confidence, "summary": e.summary,
            "sources": len(e.docs), "docs": "; ".join(e.docs),
            "sentence": e.mentions[0].sentence, "trigger": e.mentions[0].trigger,
            "conflicts": len(e.conflicts),
        })
    return rows


def events_frame(events: Iterable[Event]):
    """Events as a DataFrame, one row per event."""
    return _pandas().DataFrame(event_rows(events))


def documents_frame(documents: Iterable[Document]):
    """Documents as a DataFrame, one row per document (the contract's fields plus the text)."""
    return _pandas().DataFrame([d.to_dict() | {"text": d.text} for d in documents])
