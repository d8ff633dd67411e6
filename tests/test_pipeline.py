"""The library entry points a notebook uses: analyse_text and analyse."""
from __future__ import annotations

import annales

TEXT = ("Le ministre polonais des Affaires étrangères s'est rendu jeudi à Kiev, où il a rencontré son "
        "homologue ukrainien. Varsovie a promis de livrer de nouveaux chars à l'Ukraine.")


def test_analyse_text_dates_events_from_the_publication_date():
    result = annales.analyse_text(TEXT, published="2024-03-15")
    assert result.document.published == annales.DateValue.day(2024, 3, 15)
    visits = [e for e in result.events if e.type == "CONSULT"]
    assert visits, result.events
    visit = visits[0]
    assert str(visit.date) == "2024-03-14"  # jeudi before a Friday publication
    assert {e.country for e in visit.actor} == {"POL"}
    evidence = visit.mentions[0]
    assert result.document.text[evidence.start:evidence.end] == evidence.sentence
    assert evidence.trigger in evidence.sentence


def test_analyse_text_with_a_month_only_publication_date_never_invents_a_day():
    result = annales.analyse_text(TEXT, published="2024-03")
    for event in result.events:
        assert event.date is None or event.date.precision != "day"


def test_analyse_a_folder_in_memory_gives_merged_happenings_and_a_frame(seed_paths):
    result = annales.analyse(seed_paths[0].parent)
    assert len(result.documents) == 5 and not result.failures
    assert 0 < len(result.happenings) < len(result.events)
    frame = result.to_frame()
    assert len(frame) == len(result.happenings)
    assert {"type", "date", "actor", "recipient", "status", "sources", "sentence"} <= set(frame.columns)
