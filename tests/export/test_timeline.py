"""The terminal timeline: dated rows, sorted, flagged, fitted to the width."""
from __future__ import annotations

from annales.export.timeline import conflict_label, render, sentence_segments
from annales.model import Conflict


def test_rows_are_dated_sorted_and_flagged(happenings):
    text = render(happenings)
    lines = text.splitlines()
    assert lines[0].split() == ["DATE", "TYPE", "WHO", "WHERE", "STATUS", "SRC", "!"]
    rows = lines[1:-1]
    assert [r.split()[0] for r in rows] == ["2024-02", "2024-02-16", "2024-02-16", "2024-02-16", "undated"]
    strike = next(r for r in rows if "ASSAULT/drone" in r)
    assert "Russie → Ukraine" in strike and "Kharkiv (UKR)" in strike
    assert strike.split()[-2:] == ["2", "!"]  # two sources, and they disagree
    visit = next(r for r in rows if "CONSULT/visit" in r)
    assert "Volodymyr Zelensky → Olaf Scholz" in visit and "Berlin (DEU)" in visit and "asserted" in visit
    assert "hypothetical" in rows[-1]
    assert lines[-1] == "5 happenings, 1 with sources in disagreement (!)"


def test_width_is_respected_and_colour_only_when_asked(happenings):
    narrow = render(happenings, width=72)
    assert max(len(line) for line in narrow.splitlines()) <= 72
    assert "…" in narrow  # the actor column was cut, not the date
    assert "2024-02-16" in narrow and "\033[" not in narrow
    coloured = render(happenings, color=True)
    assert "\033[31m" in coloured and "\033[32m" in coloured  # conflict red, cooperation green


def test_empty_timeline():
    assert render([]).splitlines()[-1] == "0 happenings"


def test_conflict_label_groups_documents_by_value():
    conflict = Conflict("date", ("2024-06", "2024-06", "2024-07"), ("a.txt", "c.txt", "b.txt"))
    assert conflict_label(conflict) == "date: 2024-06 (a.txt, c.txt) / 2024-07 (b.txt)"


def test_sentence_segments_mark_trigger_and_date(happenings):
    strike = next(e for e in happenings if e.type == "ASSAULT")
    pieces = sentence_segments(strike.mentions[1])
    marked = {mark: text for text, mark in pieces if mark}
    assert marked == {"trigger": "ont frappé", "date": "dans la nuit de jeudi à vendredi"}
    assert "".join(text for text, _ in pieces) == strike.mentions[1].sentence


def test_two_triggers_in_one_sentence_are_one_quote():
    from annales.export.timeline import sentences
    from annales.model import DateValue, Entity, Event, Evidence

    sentence = "Le chef de l'État sénégalais a rencontré mardi à Dakar son homologue mauritanien, venu en visite."
    start = 40

    def mention(trigger):
        at = start + sentence.index(trigger)
        return Evidence("dakar.txt", sentence, start, start + len(sentence), trigger, trigger_start=at,
                        trigger_end=at + len(trigger), date_text="mardi", date_start=start + sentence.index("mardi"),
                        date_end=start + sentence.index("mardi") + 5)

    event = Event("CONSULT", (mention("a rencontré"), mention("visite")), mode="visit",
                  actor=(Entity("MRT", "Mauritanie", "country", "MRT"),), date=DateValue.day(2024, 5, 14))
    [group] = sentences(event)
    marked = [(text, mark) for text, mark in sentence_segments(group) if mark]
    assert marked == [("a rencontré", "trigger"), ("mardi", "date"), ("visite", "trigger")]
