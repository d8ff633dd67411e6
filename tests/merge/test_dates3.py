"""Two articles on one happening, one giving a window and the other a day inside it: the merged event
takes the day, and the window is no disagreement. Reports written for these tests."""
from __future__ import annotations

import datetime as dt

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)

from annales.merge import merge
from annales.model import DateValue

TANZANIA, MALAWI = cases.TANZANIA, cases.MALAWI


def _accord(doc: str, text: str, date: DateValue, date_text: str, published: DateValue):
    return cases.report(doc, text, "accord", "AGREE", actor=[TANZANIA, MALAWI], date=date, date_text=date_text,
                        published=published)


def test_a_month_and_a_day_inside_it_give_the_day():
    month = _accord("lac-1.txt", "La Tanzanie et le Malawi ont conclu en mars un accord sur le lac Nyassa.",
                    DateValue.month(2024, 3, "en mars"), "en mars", DateValue.month(2024, 3))
    day = _accord("lac-2.txt", "L'accord conclu le 2 mars à Dodoma entre la Tanzanie et le Malawi partage le lac.",
                  cases.day(2024, 3, 2, "le 2 mars"), "le 2 mars", cases.day(2024, 3, 6))
    (merged,) = merge([month, day])
    assert str(merged.date) == "2024-03-02" and not merged.conflicts


def test_the_saturdays_of_a_month_and_one_saturday_give_that_saturday():
    saturdays = DateValue.between(dt.date(2024, 3, 2), dt.date(2024, 3, 30), "ce samedi")
    weekdays = _accord("lac-3.txt", "La Tanzanie et le Malawi ont signé ce samedi un accord sur le lac Nyassa.",
                       saturdays, "ce samedi", DateValue.month(2024, 3))
    day = _accord("lac-4.txt", "La Tanzanie et le Malawi ont signé samedi 16 mars un accord sur le lac.",
                  cases.day(2024, 3, 16, "samedi 16 mars"), "samedi 16 mars", cases.day(2024, 3, 17))
    (merged,) = merge([weekdays, day])
    assert str(merged.date) == "2024-03-16" and not merged.conflicts
