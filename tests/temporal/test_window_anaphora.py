""""la veille", "le lendemain" after a weekday in an article known only to its month: the weekday is a
window (any Thursday of the month), and the anaphor is that window moved by a day, never an invented
day nor the month before. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from annales.model import DateValue, Timex
from annales.temporal import find_timexes
from annales.temporal.anaphora import anchor_on
from annales.temporal.lexicon import lexicon

MARCH = DateValue.month(2024, 3)


def test_the_day_before_a_weekday_window_is_the_window_a_day_earlier(nlp):
    text = "Jeudi, le port a rouvert. La veille, les dockers avaient levé leur piquet de grève."
    found = {t.text: t for t in find_timexes(nlp(text), MARCH)}
    thursday, eve = found["Jeudi"].date, found["La veille"].date
    assert thursday is not None and eve is not None
    assert (eve.start, eve.end) == (thursday.start - dt.timedelta(days=1), thursday.end - dt.timedelta(days=1))


def test_anchor_on_a_window_moves_it_whole():
    fridays = DateValue.between(dt.date(2024, 3, 1), dt.date(2024, 3, 29))
    text = "le lendemain"
    moved = anchor_on(Timex(0, len(text), text, "DATE", "XXXX-XX-XX", None), fridays, text, lexicon())
    assert moved is not None and moved.date is not None
    assert (moved.date.start, moved.date.end) == (dt.date(2024, 3, 2), dt.date(2024, 3, 30))


def test_anchor_on_a_day_stays_a_day():
    text = "la veille"
    moved = anchor_on(Timex(0, len(text), text, "DATE", "XXXX-XX-XX", None), DateValue.day(2024, 3, 1), text,
                      lexicon())
    assert moved is not None and str(moved.date) == "2024-02-29"
