"""Two acts of one type between the same pair on the same day are two happenings when their modes say
so (a recall and an expulsion); the two directions of an exchange of accusations are never one."""
from __future__ import annotations

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)

from annales.merge import merge
from annales.model import Entity

report, day = cases.report, cases.day

GHANA = Entity("GHA", "Ghana", "country", "GHA")
TOGO = Entity("TGO", "Togo", "country", "TGO")


def test_a_recall_and_an_expulsion_told_in_two_articles_stay_two():
    recall = report("g1.txt", "Accra a rappelé mardi son ambassadeur à Lomé.", "a rappelé", "SANCTION",
                    mode="withdraw", actor=[GHANA], recipient=[TOGO], date=day(2025, 3, 4))
    expel = report("g2.txt", "Le Ghana a expulsé mardi quatre diplomates togolais.", "a expulsé", "SANCTION",
                   mode="expel", actor=[GHANA], recipient=[TOGO], date=day(2025, 3, 4))
    again = report("g3.txt", "Le Ghana a rappelé mardi son ambassadeur au Togo.", "a rappelé", "SANCTION",
                   mode="withdraw", actor=[GHANA], recipient=[TOGO], date=day(2025, 3, 4))
    merged = merge([recall, expel, again])
    assert sorted((e.mode, len(e.mentions)) for e in merged) == [("expel", 1), ("withdraw", 2)]


def test_two_acts_of_one_sentence_stay_two():
    text = "Le Ghana rappelle son ambassadeur à Lomé et expulse quatre diplomates togolais."
    recall = report("g4.txt", text, "rappelle", "SANCTION", mode="withdraw", actor=[GHANA], recipient=[TOGO],
                    date=day(2025, 3, 4))
    expel = report("g4.txt", text, "expulse", "SANCTION", mode="expel", actor=[GHANA], recipient=[TOGO],
                   date=day(2025, 3, 4))
    assert len(merge([recall, expel])) == 2


def test_an_accusation_and_the_counter_accusation_of_one_article_stay_apart():
    text_a = "Lomé a accusé mercredi Accra d'abriter des opposants armés."
    text_b = "Accra a accusé mercredi Lomé de mentir."
    one = report("g5.txt", text_a, "a accusé", "ACCUSE", actor=[TOGO], recipient=[GHANA], date=day(2025, 3, 5))
    other = report("g5.txt", text_b, "a accusé", "ACCUSE", actor=[GHANA], recipient=[TOGO], date=day(2025, 3, 5),
                   start=400)
    denial = report("g6.txt", "Accra a rejeté mercredi ces accusations.", "a rejeté", "REJECT", actor=[GHANA],
                    recipient=[TOGO], date=day(2025, 3, 5))
    merged = merge([one, other, denial])
    assert sorted((e.type, e.actor[0].id) for e in merged) == [("ACCUSE", "GHA"), ("ACCUSE", "TGO"), ("REJECT", "GHA")]
