"""A weekday in an article known only to its month: the tightest true window, those weekdays of the
month. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.model import DateValue
from annales.temporal import find_timexes

MAY = DateValue.month(2025, 5)  # Thursday 1st to Saturday 31st


@pytest.mark.parametrize(("sentence", "expression", "window"), [
    ("Les dockers du port de Mombasa ont cessé le travail ce samedi.", "ce samedi", ("2025-05-03", "2025-05-31")),
    ("Le ministre a présenté jeudi son projet de budget.", "jeudi", ("2025-05-01", "2025-05-29")),
    ("La commission rendra son avis mardi.", "mardi", ("2025-05-06", "2025-05-27")),
])
def test_a_weekday_in_a_month_is_one_of_its_such_days(nlp, sentence, expression, window):
    found = {t.text: t for t in find_timexes(nlp(sentence), MAY)}
    assert expression in found, list(found)
    timex = found[expression]
    assert timex.value == "2025-05"  # the TimeML value stays what the anchor allows
    assert timex.date is not None
    assert (timex.date.start.isoformat(), timex.date.end.isoformat()) == window


def test_a_weekday_on_a_day_anchor_is_still_one_day(nlp):
    found = {t.text: t for t in find_timexes(nlp("Le ministre a présenté jeudi son budget."), DateValue.day(2025, 5, 14))}
    assert found["jeudi"].value == "2025-05-08"


def test_a_weekday_in_an_article_written_on_one_of_a_few_days(nlp):
    # written from Wednesday 1 May to Tuesday 7 May 2024
    few = DateValue.between(dt.date(2024, 5, 1), dt.date(2024, 5, 7))
    found = {t.text: t for t in find_timexes(nlp("Le sommet aura lieu samedi à Nairobi."), few)}
    assert str(found["samedi"].date) == "2024-05-04/2024-05-11"  # the next Saturday of each such day
    found = {t.text: t for t in find_timexes(nlp("Samedi, des pêcheurs ont manifesté devant le port."), few)}
    assert str(found["Samedi"].date) == "2024-04-27/2024-05-04"


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Les dockers ont manifesté mardi 13 mai devant le port. Mardi, le ministre a reçu leurs délégués.",
     "Mardi", "2025-05-13"),
    ("Mardi, le ministre a reçu les délégués des dockers, qui avaient manifesté mardi 13 mai devant le port.",
     "Mardi", "2025-05-13"),
    # two Tuesdays named: which one is meant cannot be told
    ("Les dockers ont manifesté mardi 6 mai puis mardi 13 mai. Mardi, le ministre a reçu leurs délégués.",
     "Mardi", "2025-05"),
])
def test_a_weekday_in_a_month_is_the_day_the_text_names_with_it(nlp, text, expression, value):
    found = {t.text: t for t in find_timexes(nlp(text), MAY)}
    assert found[expression].value == value
