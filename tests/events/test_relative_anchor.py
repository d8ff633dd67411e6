"""A date counted from another event resolves against the right anchor (issue 11): "au lendemain de
<événement>", "à la veille de", "trois jours après" date the event named from the clause's date,
moved; "la veille", "le même jour" in a sentence whose day is a weekday or a date are that day, moved.
When the publication is known only to its month, a weekday is any such weekday of the month: the
moved date is that window moved, never one invented day. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.model import DateValue, Document

DAY = DateValue.day(2024, 3, 15)  # a Friday
MONTH = DateValue.month(2024, 3)  # Sundays of March 2024: 3, 10, 17, 24, 31


@pytest.fixture(scope="module")
def code(nlp, resolver):
    from annales import events, temporal

    def run(text: str, published: DateValue):
        doc = nlp(text)
        document = Document(id="test", text=text, published=published, source=None)
        return events.code(doc, document, temporal.find_timexes(doc, published), resolver.mentions(doc, published),
                           resolver)

    return run


def _date(events, kind: str, trigger: str) -> DateValue | None:
    found = [e for e in events if e.type == kind and trigger in e.mentions[0].trigger]
    assert found, f"no {kind} on {trigger!r} in {[(e.type, e.mentions[0].trigger) for e in events]}"
    return found[0].date


def _span(date: DateValue | None) -> tuple[str, str] | None:
    return (date.start.isoformat(), date.end.isoformat()) if date is not None else None


CLOSURE = ("Le Tchad a fermé sa frontière avec le Soudan dimanche, au lendemain d'affrontements entre soldats "
           "tchadiens et soudanais.")
EVE = "Le ministre turc a accusé mardi la Grèce de provocation, à la veille d'une rencontre avec son homologue grec."
AFTER = "Le Kenya a expulsé deux diplomates somaliens mercredi, trois jours après des combats entre soldats kényans et somaliens."
STRIKE = "Le ministre marocain a accusé lundi l'Algérie d'avoir bombardé la veille un camp près de Tindouf."
SAME = "Le Niger a accusé vendredi le Bénin d'avoir fermé le même jour sa frontière."
KILLED = ("Dimanche, au lendemain d'une attaque de l'armée rwandaise qui a tué trois soldats congolais, Kinshasa a "
          "rappelé son ambassadeur à Kigali.")
NEXT = "Jeudi, le Togo a rappelé son ambassadeur au Ghana. La veille, le Ghana avait expulsé deux diplomates togolais."


@pytest.mark.parametrize(("text", "kind", "trigger", "day"), [
    (CLOSURE, "COERCE", "fermé", "2024-03-10"),
    (CLOSURE, "ASSAULT", "affrontements", "2024-03-09"),  # the day before that Sunday
    (EVE, "ACCUSE", "accusé", "2024-03-12"),
    (EVE, "CONSULT", "rencontre", "2024-03-13"),  # the day after that Tuesday
    (STRIKE, "ASSAULT", "bombardé", "2024-03-10"),  # the day before that Monday
    (SAME, "COERCE", "fermé", "2024-03-15"),
    (NEXT, "SANCTION", "expulsé", "2024-03-13"),  # the day before that Thursday
    (KILLED, "ASSAULT", "tué", "2024-03-09"),
])
def test_a_day_moved_from_a_dated_clause(code, text, kind, trigger, day):
    assert str(_date(code(text, DAY), kind, trigger)) == day


@pytest.mark.parametrize(("text", "kind", "trigger", "window"), [
    # "dimanche" is any Sunday of March; the clashes are on the Saturday before one of them
    (CLOSURE, "COERCE", "fermé", ("2024-03-03", "2024-03-31")),
    (CLOSURE, "ASSAULT", "affrontements", ("2024-03-02", "2024-03-30")),
    (EVE, "CONSULT", "rencontre", ("2024-03-06", "2024-03-27")),
    (AFTER, "SANCTION", "expulsé", ("2024-03-06", "2024-03-27")),
    (STRIKE, "ASSAULT", "bombardé", ("2024-03-03", "2024-03-24")),
    (SAME, "COERCE", "fermé", ("2024-03-01", "2024-03-29")),
    (KILLED, "ASSAULT", "tué", ("2024-03-02", "2024-03-30")),  # the relative clause on the attack
    (NEXT, "SANCTION", "expulsé", ("2024-03-06", "2024-03-27")),
])
def test_a_window_moves_whole_when_the_publication_is_known_to_its_month(code, text, kind, trigger, window):
    assert _span(_date(code(text, MONTH), kind, trigger)) == window


def test_the_relation_word_is_no_date_of_the_clause(code):
    # "au lendemain d'affrontements" relates the closure to the clashes: it does not date the closure
    # the day after publication, and the clashes take the closure's honest window, moved
    events = code("Au lendemain d'affrontements entre soldats tchadiens et soudanais, le Tchad a fermé sa frontière "
                  "avec le Soudan.", DAY)
    closure, clashes = _date(events, "COERCE", "fermé"), _date(events, "ASSAULT", "affrontements")
    assert closure is not None and clashes is not None
    assert closure.end <= DAY.end and closure.days > 1
    assert (clashes.start, clashes.end) == (closure.start - dt.timedelta(days=1), closure.end - dt.timedelta(days=1))


def test_an_undated_accusation_is_not_dated_by_the_meeting_it_precedes(code):
    events = code("Le ministre turc a accusé la Grèce de provocation, à la veille d'une rencontre avec son homologue "
                  "grec.", MONTH)
    accusation = _date(events, "ACCUSE", "accusé")
    assert str(accusation) == "2024-03"
