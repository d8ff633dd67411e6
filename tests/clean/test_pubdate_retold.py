"""The year of writing from a gap in years ("l'année dernière", "il y a deux ans") tied to the year the
next sentences give to the same act, through the incise of its quotation ("avait-il lancé en
novembre 2021"). Texts written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from annales.clean import publication_date

TODAY = dt.date(2026, 1, 15)


def run(text: str) -> tuple[str | None, str]:
    found, how = publication_date(text, today=TODAY)
    return (str(found) if found else None), how


@pytest.mark.parametrize("text, expected", [
    ("Le chef de la junte guinéenne a réclamé l'année dernière le retrait des instructeurs étrangers. "
     "« Leur mission est terminée, ils doivent rentrer chez eux », avait-il lancé en novembre 2021 "
     "devant les cadets de l'académie militaire.\n\nMardi, le gouvernement a confirmé leur départ.", "2022"),
    ("La présidente de la commission a réclamé il y a deux ans une enquête sur les marchés publics. "
     "« Rien ne doit rester dans l'ombre », avait-elle affirmé le 3 mai 2022 devant les députés.", "2024"),
    ("Le maire de la capitale a promis l'an dernier de rouvrir les marchés couverts. « Les travaux "
     "commenceront bientôt. Nous tiendrons parole », a-t-il assuré en mars 2019.", "2020"),
    # the quotation in the same sentence, words between the incise and its date
    ("Le Premier ministre a annoncé l'an dernier la fin des subventions au carburant : « Nous n'avons "
     "plus les moyens », avait-il expliqué à la télévision publique en janvier 2022.", "2023"),
    # an inverted subject instead of a pronoun; "il y a un an"
    ("La banque centrale a relevé ses taux il y a un an. « L'inflation doit reculer », avait affirmé "
     "son gouverneur en juin 2023.", "2024"),
    # the quotation opens the next paragraph
    ("Le gouverneur de la province a interdit l'an dernier les rassemblements nocturnes.\n\n« La sécurité "
     "passe avant tout », avait-il expliqué en juillet 2023 aux élus locaux.", "2024"),
])
def test_a_gap_tied_to_the_year_of_the_quoted_act_gives_the_year_of_writing(text, expected):
    assert run(text) == (expected, "inferred")


@pytest.mark.parametrize("text", [
    # another act in another year: no tie
    "L'an dernier, le ministre a promis des réformes. En 2019, déjà, il avait fait la même promesse.",
    # two years in the incise's stretch: which one is the act's?
    "La ministre a promis l'an dernier une réforme des retraites. « Nous ne céderons pas », avait-elle "
    "déclaré en 2019, puis à nouveau en 2020.",
    # the incise comes three sentences later: another statement
    "Le ministre a promis l'an dernier une réforme. Les syndicats ont protesté. Une grève a suivi. "
    "« Nous ne céderons pas », avait-il déclaré en 2019.",
])
def test_no_tie_without_the_same_act_quoted_next(text):
    assert run(text) == (None, "unknown")


# -- a header month made tighter by a day told as some days back --------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("date 2024-05\nLes dockers ont repris le travail ce lundi. Il y a trois jours, le 10 mai, le syndicat "
     "avait appelé à la grève.", "2024-05-13"),
    ("date 2024-05\nLes dockers ont repris le travail. Il y a quelques jours, le 28 avril, le syndicat "
     "avait appelé à la grève.", "2024-05-01/2024-05-07"),
    # no such tie: the month stays
    ("date 2024-05\nLes dockers ont repris le travail. Le 28 avril, le syndicat avait appelé à la grève.",
     "2024-05"),
])
def test_a_day_told_as_some_days_back_narrows_the_month(text, expected):
    assert run(text) == (expected, "header")


# -- "il y a un an": the full date it names is a year before the writing, never the writing ------------

@pytest.mark.parametrize("text, expected", [
    ("Il y a un an, le 14 février 2022, une coulée de boue ensevelissait le village. Les habitants ont "
     "rendu hommage aux victimes.", "2023"),
    ("Il y a un an jour pour jour, le 14 février 2022, une coulée de boue ensevelissait le village.",
     "2023-02-14"),
    ("Il y a trois mois jour pour jour, le 2 mai 2023, les mineurs entraient en grève.", "2023-08-02"),
])
def test_a_year_or_months_ago_day_for_day(text, expected):
    assert run(text) == (expected, "inferred")


@pytest.mark.parametrize("text, expected", [
    # a full date tied to last year is last year's, never the day of writing
    ("L'an dernier, le 3 mars 2023, les mineurs de cuivre se sont mis en grève. Les syndicats appellent "
     "à manifester.", "2024"),
    ("Les mineurs de cuivre s'étaient mis en grève le 3 mars 2023, l'année dernière.", "2024"),
    # a full date some weeks back: the writing is that much later
    ("Il y a deux semaines, le 3 mars 2024, les mineurs de cuivre se sont mis en grève.", "2024-03-17"),
])
def test_a_full_date_told_as_last_year_or_weeks_ago_is_not_the_day_of_writing(text, expected):
    assert run(text) == (expected, "inferred")
