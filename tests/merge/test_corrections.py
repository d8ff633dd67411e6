"""Corrections applied after merging: found by their mentions, so they survive re-coding and re-merging."""
from __future__ import annotations

import pytest

from annales.merge import merge
from annales.merge.corrections import (
    CorrectionError,
    apply_corrections,
    check,
    correction_label,
    current_value,
    target_of,
)
from annales.model import DateValue, Entity, Event, Evidence

CHILE = Entity("CHL", "Chile", "country", "CHL")
PERU = Entity("PER", "Peru", "country", "PER")


def _report(doc: str, start: int, trigger: str, date: DateValue, type_: str = "CONSULT") -> Event:
    sentence = f"Le Chili a reçu une délégation péruvienne ({doc})."
    evidence = Evidence(doc, sentence, start, start + len(sentence), trigger, None, start + 9, start + 9 + len(trigger))
    return Event(type=type_, mentions=(evidence,), actor=(CHILE,), recipient=(PERU,), date=date, score=2.5)


def record_of(cid: int, event: Event, action: str, field: str | None = None, value=None, **extra) -> dict:
    stored = check(action, field, value)
    return {"id": cid, "happening": event.id, "target": target_of(event), "action": action, "field": field,
            "value": stored, "before": current_value(event, field), "by": "ana", "at": "2025-05-01T10:00:00Z",
            "undone_at": None, **extra}


@pytest.fixture
def reports() -> list[Event]:
    day = DateValue.day(2025, 4, 8)
    return [_report("a.txt", 0, "a reçu", day), _report("b.txt", 40, "a reçu", day),
            _report("c.txt", 10, "a menacé", DateValue.month(2025, 4), "THREATEN")]


def test_a_date_correction_survives_a_re_merge_with_a_new_report(reports):
    [threat, visit] = merge(reports)  # by date: April, then April 8
    fix = record_of(1, visit, "set", "date", "2025-04-07")
    corrected = next(e for e in apply_corrections(merge(reports), [fix], reports) if e.type == "CONSULT")
    assert str(corrected.date) == "2025-04-07" and corrected.corrections[0]["before"] == "2025-04-08"
    later = reports + [_report("d.txt", 5, "a reçu", DateValue.day(2025, 4, 8))]
    again = apply_corrections(merge(later), [fix], later)
    visit_now = next(e for e in again if e.type == "CONSULT")
    assert len(visit_now.mentions) == 3 and str(visit_now.date) == "2025-04-07"
    assert visit_now.to_dict()["corrections"][0]["value"] == "2025-04-07"
    assert Event.from_dict(visit_now.to_dict()).corrections == visit_now.corrections


def test_undone_and_orphaned_corrections_change_nothing(reports):
    merged = merge(reports)
    undone = record_of(1, merged[0], "reject", undone_at="2025-05-02T00:00:00Z")
    orphan = {**record_of(2, merged[0], "reject"), "target": [["gone.txt", 0, 0, "x"]]}
    assert [e.id for e in apply_corrections(merged, [undone, orphan], reports)] == [e.id for e in merged]


def test_split_merge_type_and_reject(reports):
    merged = merge(reports)
    threat, visit = merged
    split = record_of(1, visit, "split", value=target_of(visit)[1])
    out = apply_corrections(merged, [split], reports)
    assert sorted(len(e.mentions) for e in out if e.type == "CONSULT") == [1, 1]
    joined = record_of(2, visit, "merge", value=target_of(threat))
    out = apply_corrections(merged, [joined], reports)
    assert len(out) == 1 and len(out[0].mentions) == 3
    kind = record_of(3, threat, "set", "type", "ACCUSE/allege")
    out = apply_corrections(merged, [kind], reports)
    assert (out[0].type, out[0].mode, out[0].score) == ("ACCUSE", "allege", -2.5)
    assert apply_corrections(merged, [record_of(4, threat, "reject")], reports) == [visit]


def test_corrections_are_checked_before_they_are_stored():
    with pytest.raises(CorrectionError, match="not a date"):
        check("set", "date", "bientôt")
    with pytest.raises(CorrectionError, match="unknown PLOVER type"):
        check("set", "type", "PARTY")
    with pytest.raises(CorrectionError, match="unknown action"):
        check("delete", None, None)
    assert check("set", "date", "2025-04-07/2025-04-09") == "2025-04-07/2025-04-09"


def test_labels_say_what_changed(reports):
    visit = merge(reports)[1]
    assert correction_label(record_of(1, visit, "set", "date", "2025-04-07")) == \
        "date 2025-04-08 → 2025-04-07 (by ana, 2025-05-01)"
    assert correction_label(record_of(2, visit, "reject")).startswith("marked not an event")
