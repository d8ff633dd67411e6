"""A bare four-digit number is a year only with a year cue ("en 2000", "depuis 1999", "de 1995 à
2000", "l'horizon 2030", "(1999)", a noun it names: "le budget 2025"); otherwise it counts something
("2000 selon les syndicats", "quelque 1500 manifestants"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from annales.model import DateValue
from annales.temporal import find_timexes

J = DateValue.day(2024, 1, 15)


@pytest.mark.parametrize("sentence", [
    "Le cortège a rassemblé 4500 personnes selon les organisateurs, 1800 selon la préfecture.",
    "Quelque 1500 enseignants ont cessé le travail à Dakar.",
    "Les dockers étaient environ 2000 devant le port, soit 1200 de plus que la semaine passée.",
    "Plus de 2000 d'entre eux ont quitté le camp pendant la nuit.",
    "La motion a été rejetée par 1989 voix contre 312.",
    "Entre 1500 et 2000 réfugiés attendent encore à la frontière.",
    "Ils étaient 1800 à bloquer le pont, contre 1300 au premier jour du mouvement.",
    "L'armée a déployé 2000 soldats sur toute la frontière nord.",
    "Le syndicat revendique 1900 adhérents, dont 1200 dans la fonction publique.",
])
def test_a_count_is_no_year(nlp, sentence):
    years = [t.text for t in find_timexes(nlp(sentence), J) if t.value[:4].isdigit() and len(t.value) == 4]
    assert years == []


@pytest.mark.parametrize(("sentence", "years"), [
    ("Le traité, signé en 1997, a été révisé de 2003 à 2006.", ["1997", "2003", "2006"]),
    ("Le port est fermé aux cargos étrangers depuis 2011.", ["2011"]),
    ("La junte promet des élections d'ici 2026 et une constitution pour 2025.", ["2026", "2025"]),
    ("Le gouvernement vise la neutralité carbone à l'horizon 2050.", ["2050"]),
    ("Le budget 2025 a été adopté sans vote.", ["2025"]),
    ("Les combats de 2014 et 2015 ont fait des milliers de morts.", ["2014", "2015"]),
    ("Le président du parti (2009-2015) a été inculpé.", ["2009"]),
    ("Entre 1990 et 1994, le pays a connu trois coups d'État.", ["1990", "1994"]),
])
def test_a_year_with_a_cue_stays_a_year(nlp, sentence, years):
    found = [t.text for t in find_timexes(nlp(sentence), J)]
    for year in years:
        assert year in found, f"{year} not in {found}"
