"""One happening with several mentions keeps the most precise date consistent with all of them
(issue 11): a day beats the month that contains it, an undated retelling (the coder's window) is no
claim against a day, and when two days disagree the unit that holds both wins, with the conflict
listed. Stories written for these tests."""
from __future__ import annotations

import datetime as dt

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)

from annales.merge import merge
from annales.model import DateValue, Entity

report, day = cases.report, cases.day
TOGO = Entity("TGO", "Togo", "country", "TGO")
GHANA = Entity("GHA", "Ghana", "country", "GHA")
PUB = day(2024, 3, 28)


def _accord(doc, text, trigger, date, date_text=None, start=100, published=PUB):
    return report(doc, text, trigger, "AGREE", actor=[TOGO, GHANA], date=date, date_text=date_text,
                  published=published, start=start)


def _lome_day():
    """The report that gives the agreement's day."""
    return _accord("lome-1.txt", "L'accord conclu le 12 mars à Lomé prévoit des patrouilles communes.", "accord",
                   day(2024, 3, 12, "le 12 mars"), "le 12 mars")


def _accra_month():
    """Another article's report that gives only its month."""
    return _accord("accra-2.txt", "Le Togo et le Ghana ont conclu en mars un accord frontalier.", "ont conclu",
                   DateValue.month(2024, 3, "en mars"), "en mars", published=day(2024, 4, 2))


def test_the_day_of_one_mention_dates_the_undated_retelling_of_the_same_article():
    dated = _lome_day()
    undated = _accord("lome-1.txt", "Le Togo et le Ghana ont conclu cet accord après deux ans de discussions.",
                      "ont conclu", DateValue.between(dt.date(2024, 3, 21), dt.date(2024, 3, 28)), start=400)
    [accord] = merge([dated, undated])
    assert accord.date == day(2024, 3, 12) and accord.conflicts == ()


def test_a_day_beats_the_month_another_article_gives():
    dated = _lome_day()
    month = _accra_month()
    [accord] = merge([dated, month])
    assert accord.date == day(2024, 3, 12) and accord.conflicts == ()


def test_two_days_that_disagree_leave_the_month_that_holds_both_and_a_conflict():
    dated = _lome_day()
    other = _accord("kara-3.txt", "Le Togo et le Ghana ont conclu le 14 mars un accord frontalier.", "ont conclu",
                    day(2024, 3, 14, "le 14 mars"), "le 14 mars")
    month = _accra_month()
    [accord] = merge([dated, other, month])
    assert str(accord.date) == "2024-03"
    assert [c.field for c in accord.conflicts] == ["date"]
