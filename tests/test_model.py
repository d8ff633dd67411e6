"""The records: date values, round trips through the contract, stable ids."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.model import DateValue, Document, Entity, Event, Evidence, Place


@pytest.mark.parametrize(
    ("value", "start", "end", "precision", "text"),
    [
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year", "2024"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month", "2024-02"),
        ("2023-09-13", dt.date(2023, 9, 13), dt.date(2023, 9, 13), "day", "2023-09-13"),
        ("2023-09-07/2023-10-01", dt.date(2023, 9, 7), dt.date(2023, 10, 1), "interval", "2023-09-07/2023-10-01"),
        ("2024-10/2024-11-01", dt.date(2024, 10, 1), dt.date(2024, 11, 1), "interval", "2024-10-01/2024-11-01"),
    ],
)
def test_date_values_parse_and_print(value, start, end, precision, text):
    parsed = DateValue.parse(value)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert str(parsed) == text


def test_between_collapses_to_the_honest_precision():
    assert DateValue.between(dt.date(2024, 7, 1), dt.date(2024, 7, 31)).precision == "month"
    assert DateValue.between(dt.date(2019, 1, 1), dt.date(2019, 12, 31)).precision == "year"
    assert DateValue.between(dt.date(2024, 6, 18), dt.date(2024, 6, 19)).precision == "interval"


def test_date_value_refuses_nonsense():
    with pytest.raises(ValueError):
        DateValue(dt.date(2024, 2, 2), dt.date(2024, 2, 1), "interval")
    with pytest.raises(ValueError):
        DateValue(dt.date(2024, 2, 1), dt.date(2024, 2, 1), "week")


def test_overlap_and_containment():
    july = DateValue.month(2024, 7)
    assert july.contains(DateValue.day(2024, 7, 14))
    assert july.overlaps(DateValue.parse("2024-06-20/2024-07-02"))
    assert not july.overlaps(DateValue.month(2024, 6))


def _event(**changes) -> Event:
    evidence = Evidence(doc="a.txt", sentence="Le ministre ukrainien s'est rendu à Varsovie mardi.", start=10,
                        end=60, trigger="s'est rendu", published=DateValue.day(2024, 3, 14))
    fields = dict(type="CONSULT", mode="visit", mentions=(evidence,),
                  actor=(Entity("UKR", "Ukraine", "country", "UKR"),),
                  recipient=(Entity("POL", "Poland", "country", "POL"),),
                  date=DateValue.day(2024, 3, 12, text="mardi"), location=Place("Varsovie", "POL", 52.23, 21.01),
                  score=4.0, summary="Ukraine → Pologne : visite")
    fields.update(changes)
    return Event(**fields)


def test_event_round_trips_through_the_contract():
    event = _event()
    again = Event.from_dict(event.to_dict())
    assert again == event
    assert again.id == event.id
    line = event.to_dict()
    assert line["date"] == {"start": "2024-03-12", "end": "2024-03-12", "precision": "day", "text": "mardi"}
    assert line["mentions"][0]["published"] == "2024-03-14"
    assert line["actor"][0] == {"id": "UKR", "name": "Ukraine", "kind": "country", "country": "UKR"}


def test_event_needs_evidence_and_a_known_status():
    with pytest.raises(ValueError, match="Evidence"):
        _event(mentions=())
    with pytest.raises(ValueError, match="status"):
        _event(status="rumoured")


def test_event_id_is_stable_and_content_based():
    assert _event().id == _event().id
    assert _event().id != _event(type="AGREE").id


def test_document_contract_line_and_hash():
    doc = Document(id="x.txt", text="Texte nettoyé.", title="Titre", published=DateValue.month(2023, 10),
                   published_source="header")
    line = doc.to_dict()
    assert line["published"] == "2023-10" and line["published_source"] == "header"
    assert len(line["sha256"]) == 64
