"""The records that flow through annales: frozen dataclasses that carry their evidence.

Nothing here imports spaCy: the records cross from the NLP stages to merge, store and export,
which stay light. Every record can turn itself into the export contract (``to_dict``) and back
(``from_dict``), so the store keeps them as JSON.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

PRECISIONS = ("day", "month", "year", "interval")
STATUSES = ("asserted", "alleged", "denied", "planned", "hypothetical", "negated")
PUBLISHED_SOURCES = ("metadata", "url", "header", "dateline", "timestamp", "caption", "inferred", "unknown")
ENTITY_KINDS = ("person", "country", "organization", "group")


def content_id(*parts: Any, length: int = 16) -> str:
    """A stable id: the sha256 of the JSON of ``parts`` (same input, same id)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


def _parse_point(text: str) -> tuple[dt.date, dt.date, str]:
    """'2024', '2024-06' or '2024-06-19' -> (first day, last day, precision)."""
    parts = [int(p) for p in text.strip()[:10].split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last), "month"
    day = dt.date(parts[0], parts[1], parts[2])
    return day, day, "day"


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar interval with an honest precision.

    ``start``/``end`` are the first and last day covered; ``precision`` is ``day``, ``month``,
    ``year`` or ``interval``; ``text`` is the expression it came from ("jeudi", "l'an dernier").
    "en juillet 2023" is ``DateValue(2023-07-01, 2023-07-31, "month")``, never the first of July.
    """

    start: dt.date
    end: dt.date
    precision: str
    text: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")
        if self.end < self.start:
            raise ValueError(f"date interval ends before it starts: {self.start} > {self.end}")

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def day(cls, year: int, month: int, day: int, text: str | None = None) -> DateValue:
        d = dt.date(year, month, day)
        return cls(d, d, "day", text)

    @classmethod
    def month(cls, year: int, month: int, text: str | None = None) -> DateValue:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), "month", text)

    @classmethod
    def year(cls, year: int, text: str | None = None) -> DateValue:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)

    @classmethod
    def between(cls, start: dt.date, end: dt.date, text: str | None = None) -> DateValue:
        """An interval; collapses to day/month/year precision when it is exactly one."""
        if start == end:
            return cls(start, end, "day", text)
        if start.day == 1 and end == start.replace(day=calendar.monthrange(start.year, start.month)[1]):
            return cls(start, end, "month", text)
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return cls(start, end, "year", text)
        return cls(start, end, "interval", text)

    @classmethod
    def parse(cls, value: str | dict[str, Any] | None, text: str | None = None) -> DateValue | None:
        """Read a contract date value: '2024', '2024-06', '2024-06-19', 'A/B' or a dict."""
        if value is None or value == "":
            return None
        if isinstance(value, dict):
            start = cls.parse(value.get("start"))
            end = cls.parse(value.get("end") or value.get("start"))
            if start is None or end is None:
                return None
            parsed = cls.between(start.start, end.end, value.get("text") or text)
            precision = value.get("precision")
            if precision in PRECISIONS and precision != parsed.precision:
                parsed = replace(parsed, precision=precision)
            return parsed
        raw = str(value).strip()
        if "/" in raw:
            left, right = raw.split("/", 1)
            a, b = _parse_point(left), _parse_point(right)
            return cls(a[0], b[1], "interval", text)
        a = _parse_point(raw)
        return cls(a[0], a[1], a[2], text)

    # -- views --------------------------------------------------------------------------------
    def __str__(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def to_dict(self) -> dict[str, Any]:
        """The contract's object form: {"start", "end", "precision", "text"}."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "precision": self.precision, "text": self.text}

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: DateValue) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Entity:
    """A canonical actor: one id per real person or body whatever the spelling."""

    id: str
    name: str
    kind: str  # person, country, organization, group
    country: str | None = None  # ISO 3166-1 alpha-3 of the state it acts for; None for the UN, NATO...

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(data["id"], data["name"], data["kind"], data.get("country"))


@dataclass(frozen=True)
class Place:
    """Where something happened; ``country`` is ISO 3166-1 alpha-3."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Place | None:
        if not data:
            return None
        return cls(data["name"], data.get("country"), data.get("lat"), data.get("lon"))


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a document, with its TIMEX3 type and value.

    ``start``/``end`` are character offsets into the document's cleaned text. ``value`` is the
    TIMEX3 notation ("2023-10-19", "2023-W42", "P2Y", "PRESENT_REF", "XXXX-09-13"); ``date`` is the
    calendar interval it resolves to, or None when it has none (a duration, an unknown year).
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    date: DateValue | None = None


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text that names an actor or a place, resolved to a canonical entity."""

    start: int
    end: int
    text: str
    entity: Entity | None = None
    place: Place | None = None
    role: str | None = None  # "foreign_minister", "head_of_state"... when a title named it


@dataclass(frozen=True)
class Quote:
    """Reported speech with its speaker, offsets into the cleaned text."""

    start: int
    end: int
    text: str
    speaker: Entity | None = None


@dataclass(frozen=True)
class Quantity:
    """A number an event carries ("8.000 soldats"), kept so merging can see sources disagree."""

    value: float
    unit: str
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where an event is reported: the sentence (offsets into the cleaned text) and the trigger."""

    doc: str
    sentence: str
    start: int
    end: int
    trigger: str
    published: DateValue | None = None
    trigger_start: int | None = None  # offsets of the trigger in the cleaned text
    trigger_end: int | None = None
    date_text: str | None = None  # the date expression that dated the event, if any
    date_start: int | None = None
    date_end: int | None = None
    source: str | None = None  # outlet or agency of the document, for source independence

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "sentence": self.sentence, "start": self.start, "end": self.end,
            "trigger": self.trigger, "published": str(self.published) if self.published else None,
            "trigger_start": self.trigger_start, "trigger_end": self.trigger_end,
            "date_text": self.date_text, "date_start": self.date_start, "date_end": self.date_end,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            doc=data["doc"], sentence=data["sentence"], start=data["start"], end=data["end"],
            trigger=data["trigger"], published=DateValue.parse(data.get("published")),
            trigger_start=data.get("trigger_start"), trigger_end=data.get("trigger_end"),
            date_text=data.get("date_text"), date_start=data.get("date_start"),
            date_end=data.get("date_end"), source=data.get("source"),
        )


@dataclass(frozen=True)
class Conflict:
    """Mentions of one happening that disagree on a field."""

    field: str  # "date", "location", "number"
    values: tuple[str, ...]
    docs: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "values": list(self.values), "docs": list(self.docs)}


def entities_of(items: Iterable[dict[str, Any]] | None) -> tuple[Entity, ...]:
    return tuple(Entity.from_dict(i) for i in items or ())


@dataclass(frozen=True)
class Event:
    """A PLOVER event with its participants, date, place, status and the evidence for it.

    An event cannot exist without evidence: ``mentions`` must hold at least one ``Evidence``.
    Before merging an event has one mention; a merged happening has one per report.
    """

    type: str
    mentions: tuple[Evidence, ...]
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    date: DateValue | None = None
    location: Place | None = None
    status: str = "asserted"
    claimed_by: tuple[Entity, ...] = ()
    denied_by: tuple[Entity, ...] = ()
    score: float = 0.0
    confidence: float = 0.5
    summary: str = ""
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    # corrections a person made to this happening (annales.merge.corrections), each a contract dict
    # {"id", "action", "field", "value", "before", "by", "at"}; empty for what the pipeline coded alone
    corrections: tuple[dict[str, Any], ...] = field(default=(), compare=False, hash=False)

    def __post_init__(self) -> None:
        if not self.mentions:
            raise ValueError("an Event needs at least one Evidence (document, sentence, trigger)")
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")

    @property
    def id(self) -> str:
        """Stable id from what the event is and where it is reported."""
        where = sorted((m.doc, m.start, m.trigger) for m in self.mentions)
        who = (sorted(e.id for e in self.actor), sorted(e.id for e in self.recipient))
        return content_id(self.type, self.mode, who, str(self.date) if self.date else None, where)

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(sorted({m.doc for m in self.mentions}))

    def to_dict(self) -> dict[str, Any]:
        """The export contract's event line (shared/spec/output.md); ``corrections`` only when corrected."""
        line = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status,
            "claimed_by": [e.to_dict() for e in self.claimed_by],
            "denied_by": [e.to_dict() for e in self.denied_by],
            "score": self.score,
            "confidence": round(self.confidence, 3),
            "summary": self.summary,
            "mentions": [m.to_dict() for m in self.mentions],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "quantities": [{"value": q.value, "unit": q.unit, "text": q.text} for q in self.quantities],
            "quotes": [
                {"start": q.start, "end": q.end, "text": q.text,
                 "speaker": q.speaker.to_dict() if q.speaker else None}
                for q in self.quotes
            ],
        }
        if self.corrections:
            line["corrections"] = [dict(c) for c in self.corrections]
        return line

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            type=data["type"],
            mentions=tuple(Evidence.from_dict(m) for m in data["mentions"]),
            mode=data.get("mode"),
            context=tuple(data.get("context") or ()),
            actor=entities_of(data.get("actor")),
            recipient=entities_of(data.get("recipient")),
            date=DateValue.parse(data.get("date")),
            location=Place.from_dict(data.get("location")),
            status=data.get("status", "asserted"),
            claimed_by=entities_of(data.get("claimed_by")),
            denied_by=entities_of(data.get("denied_by")),
            score=data.get("score", 0.0),
            confidence=data.get("confidence", 0.5),
            summary=data.get("summary", ""),
            quantities=tuple(Quantity(q["value"], q["unit"], q["text"]) for q in data.get("quantities") or ()),
            quotes=tuple(
                Quote(q["start"], q["end"], q["text"], Entity.from_dict(q["speaker"]) if q.get("speaker") else None)
                for q in data.get("quotes") or ()
            ),
            conflicts=tuple(
                Conflict(c["field"], tuple(c["values"]), tuple(c["docs"])) for c in data.get("conflicts") or ()
            ),
            corrections=tuple(dict(c) for c in data.get("corrections") or ()),
        )


@dataclass(frozen=True)
class Document:
    """An ingested article: its cleaned text (what every offset points into) and metadata."""

    id: str
    text: str
    title: str | None = None
    language: str = "fr"
    published: DateValue | None = None
    published_source: str = "unknown"
    source: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The export contract's document line."""
        return {
            "doc": self.id,
            "title": self.title,
            "language": self.language,
            "published": str(self.published) if self.published else None,
            "published_source": self.published_source,
            "source": self.source,
            "url": self.url,
            "sha256": self.sha256,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Document:
        return cls(
            id=data["doc"], text=data.get("text", text), title=data.get("title"),
            language=data.get("language", "fr"), published=DateValue.parse(data.get("published")),
            published_source=data.get("published_source", "unknown"), source=data.get("source"),
            url=data.get("url"), path=data.get("path"),
        )


@dataclass(frozen=True)
class RawDocument:
    """What a reader hands to cleaning: text as found plus whatever metadata came with it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # as found in metadata (feed, HTML meta, JSON field), unparsed
    source: str | None = None
    url: str | None = None
    path: str | None = None
    format: str = "text"  # text, html, json, feed


@dataclass(frozen=True)
class Failure:
    """A document (or a line of one) that could not be processed: reported, skipped, recorded."""

    path: str  # the file, or the document id
    stage: str  # "read", "clean", "nlp", "events"...
    reason: str  # what went wrong and what to do
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.reason.startswith(where):  # the error already names its input
            return self.reason
        return f"{where}: {self.reason}"
