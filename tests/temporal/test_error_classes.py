"""One group of cases per class of error the tagger used to make on unseen news (issue 11): the
year of a yearless date, the week of a weekday, the day the narrative is on, clock times with a
zone, the generic present, and durations or vague spans. Sentences written for these tests."""
from __future__ import annotations

import pytest

from annales.model import DateValue
from annales.temporal import day_being_told, find_timexes, timexes_in_text

J = DateValue.day(2024, 1, 15)   # a Monday in January
F = DateValue.day(2024, 2, 9)    # a Friday
OCT = DateValue.day(2023, 10, 19)  # a Thursday in October

CASES = [
    # -- the year of a day and month written without one -----------------------------------------
    # verbs of planning look ahead whatever their form
    ("Le congrès du parti, prévu le 12 mars, désignera le nouveau secrétaire général.", J, "le 12 mars",
     "2024-03-12"),
    ("Les municipales partielles prévues le 3 mars pourraient être reportées.", J, "le 3 mars", "2024-03-03"),
    ("Le vote de confiance est programmé pour le 6 février.", J, "le 6 février", "2024-02-06"),
    ("La ministre est attendue jeudi à Nouméa.", J, "jeudi", "2024-01-18"),
    # ... but "a attendu" is a past like any other
    ("Les familles ont attendu le 9 janvier pour être relogées.", J, "le 9 janvier", "2024-01-09"),
    # a past verb that is only the announcement: a date ten months back is two months ahead
    ("Le Premier ministre a annoncé un référendum le 24 mars.", J, "le 24 mars", "2024-03-24"),
    ("La date de la grève générale, le 8 mars, a été confirmée par les syndicats.", J, "le 8 mars",
     "2024-03-08"),
    # ... while an event's own verb is trusted, a date just past stays past, and so does a future verb
    ("La présidente, qui a été élue le 10 avril, a prêté serment.", J, "le 10 avril", "2023-04-10"),
    ("Le tribunal a rendu son jugement le 28 décembre.", J, "le 28 décembre", "2023-12-28"),
    ("La délégation se rendra à Lomé le 2 octobre.", OCT, "le 2 octobre", "2024-10-02"),
    # "depuis" is no announcement: the date is behind
    ("Les dockers sont en grève depuis le 20 mars.", J, "le 20 mars", "2023-03-20"),
    # a participle that qualifies a noun does not give its tense to the date
    ("Dans la capitale, l'idée d'élections anticipées à l'automne gagnait du terrain hier.", DateValue.day(2024, 5, 21),
     "l'automne", "2024-FA"),
    # the weekday fixes the year
    ("Le sommet de la Cedeao s'est tenu samedi 10 décembre à Abuja.", J, "samedi 10 décembre", "2022-12-10"),
    ("La cérémonie aura lieu vendredi 10 janvier.", J, "vendredi 10 janvier", "2025-01-10"),
    # the n-th weekday of a month or season
    ("Les législatives se tiendront le premier dimanche de mars.", J, "le premier dimanche de mars", "2024-03-03"),
    ("Le scrutin a eu lieu le dernier dimanche d'octobre.", J, "le dernier dimanche d'octobre", "2023-10-29"),
    ("La marche sera organisée à nouveau l'an prochain, le premier samedi du printemps.", J,
     "le premier samedi du printemps", "2025-03-22"),
    ("Chaque année, le parlement rentre le deuxième mardi de septembre.", J, "le deuxième mardi de septembre",
     "XXXX-09"),
    # a season of a year written out
    ("Au printemps de l'année dernière, le pays a voté.", J, "printemps de l'année dernière", "2023-SP"),
    ("À l'automne de cette année, les électeurs retourneront aux urnes.", J, "l'automne de cette année",
     "2024-FA"),
    ("Au printemps de 2022, les combats ont repris.", J, "printemps de 2022", "2022-SP"),
    # -- a weekday in the right week ----------------------------------------------------------------
    # a copula predicate takes the copula's tense, not the verb of the clause before
    ("Le capitaine a été opéré du genou alors que deux défenseurs sont incertains pour le match de samedi.",
     F, "samedi", "2024-02-10"),
    ("Les deux attaquants, blessés mercredi, étaient incertains pour le déplacement à Lens samedi.", F, "samedi",
     "2024-02-03"),
    # "jusqu'à" looks ahead unless the verb is past; a participle completing a verb takes its tense
    ("Les écoles resteront fermées jusqu'à vendredi.", J, "vendredi", "2024-01-19"),
    ("Les frontières restent fermées jusqu'à vendredi.", J, "vendredi", "2024-01-19"),
    ("Les combats ont duré jusqu'à vendredi.", J, "vendredi", "2024-01-12"),
    # "<weekday> dernier" is never yesterday (that is "hier" or the bare weekday): the week before's
    ("Les deux ministres s'étaient parlé jeudi dernier au téléphone.", F, "jeudi dernier", "2024-02-01"),
    ("Les deux ministres s'étaient parlé mardi dernier au téléphone.", F, "mardi dernier", "2024-02-06"),
    ("Les deux ministres se sont parlé jeudi au téléphone.", F, "jeudi", "2024-02-08"),
    # "pendant le week-end", "au cours du week-end": the weekend next to the anchor, the tense's way
    ("Pendant le week-end, les rebelles ont attaqué deux villages.", J, "le week-end", "2024-W02-WE"),
    ("Les rebelles ont attaqué deux villages au cours du week-end.", J, "week-end", "2024-W02-WE"),
    ("Le sommet se tiendra pendant le week-end.", J, "le week-end", "2024-W03-WE"),
    # a weekday and a day without the month: the month where that day is that weekday
    ("L'assemblée générale de l'association aura lieu vendredi 9 au foyer rural.", F, "vendredi 9", "2024-02-09"),
    ("La réunion s'est tenue lundi 29 à la mairie.", F, "lundi 29", "2024-01-29"),
    # -- durations and vague spans ------------------------------------------------------------------
    ("Le pays est gouverné par le même homme depuis une décennie.", J, "une décennie", "P10Y"),
    ("Il a accompli un septennat complet avant de se retirer.", J, "un septennat", "P7Y"),
    ("Elle brigue un second mandat après deux quinquennats comme maire.", J, "deux quinquennats", "P10Y"),
    ("Les pourparlers ont duré une quinzaine de jours.", J, "une quinzaine de jours", "P15D"),
    ("La reconstruction prendra une dizaine d'années.", J, "une dizaine d'années", "P10Y"),
    ("Les inondations durent depuis plusieurs semaines dans le delta.", J, "plusieurs semaines", "PXW"),
    ("Des milliers de civils ont fui la ville ces dernières heures.", J, "ces dernières heures", "PAST_REF"),
    ("Au cours des derniers jours, les prix ont doublé.", J, "Au cours des derniers jours", "PAST_REF"),
    ("Ces derniers temps, les coupures d'électricité se sont multipliées.", J, "Ces derniers temps", "PAST_REF"),
    ("Il y a une dizaine de jours, la ministre démissionnait.", J, "Il y a une dizaine de jours", "2024-01-05"),
    ("Le verdict sera rendu dans une quinzaine de jours.", J, "dans une quinzaine de jours", "2024-01-30"),
    ("Le club entame sa troisième saison en Ligue 1 et sa deuxième année sous ce maillot.", J,
     "sa deuxième année", "P1Y"),
    # -- the generic present ------------------------------------------------------------------------
    ("De nos jours, la plupart des électeurs s'informent en ligne.", J, "De nos jours", "PRESENT_REF"),
    ("Pendant les mois d'été, entre le 14 juillet et le 20 août, la station affiche complet.", J, "le 14 juillet",
     "XXXX-07-14"),
    ("Chaque été, la station affiche complet du 14 juillet au 20 août.", J, "20 août", "XXXX-08-20"),
    ("Chaque année, le festival se tient du 3 au 6 juillet.", J, "6 juillet", "XXXX-07-06"),
    # (the tagger reads "accueille" as a future here: no simple future ends so)
    ("Chaque année, du 1er juillet au 31 août, la commune accueille un marché nocturne.", J, "31 août",
     "XXXX-08-31"),
    ("Chaque année, le 1er mai, les syndicats défilent à Lyon.", J, "le 1er mai", "XXXX-05-01"),
    ("D'habitude, la session parlementaire s'ouvre en octobre.", J, "octobre", "XXXX-10"),
    # ... but a told event in the same words is dated
    ("Le 1er mai, les syndicats ont défilé à Lyon.", J, "Le 1er mai", "2023-05-01"),
    ("L'an dernier, la session parlementaire s'est ouverte en octobre.", J, "octobre", "2023-10"),
    # -- references -----------------------------------------------------------------------------
    ("Les prochaines élections régionales se tiendront au printemps.", J, "prochaines", "FUTURE_REF"),
    ("Le parti met en cause la future « autonomie » des universités.", J, "future", "FUTURE_REF"),
    ("Malgré sa défaite, le député garde un avenir politique.", J, "avenir", "FUTURE_REF"),
    ("Les deux rivaux sont entrés dans la nouvelle année sous le signe de la crise.", DateValue.day(2024, 1, 3),
     "la nouvelle année", "2024"),
    ("Les négociations reprendront dans la nouvelle année.", DateValue.day(2023, 12, 20), "la nouvelle année",
     "2024"),
    # -- a part of the day after the date it belongs to
    ("Le président de l'Assemblée a démissionné mardi 9 janvier au soir.", J, "mardi 9 janvier au soir",
     "2024-01-09TEV"),
    # -- clock times with a zone ----------------------------------------------------------------
    ("L'explosion s'est produite à 14 heures, heure locale, soit 13 heures heure de Paris.", J, "13 heures",
     "2024-01-15T13:00"),
    ("L'assaut a été lancé à 5 heures locales (3 heures GMT).", J, "3 heures", "2024-01-15T03:00"),
    ("Le séisme a frappé à 4 h (heure locale) la côte est.", J, "4 h", "2024-01-15T04:00"),
    # ... or with the half of the day
    ("L'embuscade a eu lieu à 8 heures du soir.", J, "8 heures du soir", "2024-01-15T20:00"),
    ("Le couvre-feu prend fin à 6 heures du matin.", J, "6 heures du matin", "2024-01-15T06:00"),
    ("Le convoi est reparti à 4 heures de l'après-midi.", J, "4 heures de l'après-midi", "2024-01-15T16:00"),
]


@pytest.mark.parametrize(("sentence", "anchor", "expression", "value"), CASES,
                         ids=[f"{i:03d}-{c[2]}" for i, c in enumerate(CASES)])
def test_error_class(nlp, sentence, anchor, expression, value):
    doc = nlp(sentence)
    timexes = find_timexes(doc, anchor)
    found = {t.text: t for t in timexes}
    assert expression in found, f"{expression!r} not found in {[t.text for t in timexes]}"
    assert found[expression].value == value


# -- the day the narrative is on: times and parts of the day attach to it ------------------------
NARRATIVE = [
    ("Le 4 janvier, la police a encerclé le campus. Le même soir, les étudiants ont quitté les lieux.",
     "Le même soir", "2024-01-04TEV"),
    ("Le 4 janvier, la police a encerclé le campus. Le soir même, les étudiants ont quitté les lieux.",
     "Le soir même", "2024-01-04TEV"),
    ("Le 4 janvier, le préfet a interdit la marche. Ce soir-là, quelques centaines de personnes ont bravé "
     "l'interdiction.", "Ce soir-là", "2024-01-04TEV"),
    ("Le 4 janvier, le préfet a interdit la marche. La nuit suivante, des barricades ont été dressées.",
     "La nuit suivante", "2024-01-05TNI"),
    ("Le 4 janvier, le préfet a interdit la marche. Le lendemain soir, des barricades ont été dressées.",
     "Le lendemain soir", "2024-01-05TEV"),
    ("Les blindés ont quitté la caserne le 8 janvier. À l'aube, ils encerclaient le palais.",
     "l'aube", "2024-01-08TMO"),
    # the narrative day carries over a paragraph break
    ("Le 8 janvier, l'armée a pris le contrôle de la radio nationale.\nVers 23 heures, le président a été "
     "arrêté.", "23 heures", "2024-01-08T23:00"),
    ("Le 8 janvier, l'armée a pris le contrôle de la radio nationale.\nLe lendemain, le couvre-feu a été "
     "instauré.", "Le lendemain", "2024-01-09"),
    ("Le 8 janvier, l'armée a pris le contrôle de la radio nationale.\n\nAu petit matin, les rues étaient "
     "désertes.", "petit matin", "2024-01-08TMO"),
    # ... unless that day was one announced ahead
    ("Le maire a annoncé une réunion publique le 2 février.\nVers 23 heures, des tirs ont été entendus.",
     "23 heures", "2024-01-15T23:00"),
    # ... and not two paragraphs away: then it is the publication day
    ("Le 8 janvier, l'armée a pris le contrôle de la radio nationale.\nLe calme est revenu depuis.\nVers 23 "
     "heures, des tirs ont été entendus.", "23 heures", "2024-01-15T23:00"),
    # "le lendemain" counts from the last day given, however many paragraphs back
    ("Le 8 janvier, l'armée a pris le contrôle de la radio nationale.\nLe calme est revenu depuis.\n"
     "Le lendemain, le couvre-feu a été instauré.", "Le lendemain", "2024-01-09"),
    # "mardi, au lendemain de l'élection": the Tuesday, not the day after it
    ("Le nouveau gouvernement a été présenté hier, au lendemain de la démission du Premier ministre.",
     "lendemain", "2024-01-14"),
    ("Au lendemain du 8 janvier, la capitale était paralysée.", "lendemain", "2024-01-09"),
]


@pytest.mark.parametrize(("text", "expression", "value"), NARRATIVE, ids=[c[1] for c in NARRATIVE])
def test_narrative_day(nlp, text, expression, value):
    doc = nlp(text)
    found = {t.text: t for t in find_timexes(doc, J)}
    assert expression in found, f"{expression!r} not found in {list(found)}"
    assert found[expression].value == value


@pytest.mark.parametrize("sentence", [
    "Une femme d'une trentaine d'années a été blessée par balle.",
    "Un homme âgé d'une quarantaine d'années a été interpellé.",
    # a season named after something is a name or a figure, not the season
    "Le Printemps du cinéma attire chaque fois des milliers de spectateurs.",
    "À l'automne de sa vie, l'écrivain a publié ses mémoires.",
])
def test_not_a_time(nlp, sentence):
    assert [t.text for t in find_timexes(nlp(sentence), J)] == []


@pytest.mark.parametrize(("sentence", "weekday"), [
    ("Mardi 12 personnes ont été arrêtées à la frontière.", "Mardi"),
    ("L'attaquant a marqué jeudi 2 buts.", "jeudi"),
    ("Les garde-côtes ont secouru dimanche 31 migrants au large de Lampedusa.", "dimanche"),
    ("Les douaniers ont saisi samedi 48 tonnes de cannabis.", "samedi"),
])
def test_a_weekday_before_a_count_is_no_day_of_the_month_but_still_the_weekday(nlp, sentence, weekday):
    # the number counts the noun after it: the weekday alone is the time
    assert [t.text for t in find_timexes(nlp(sentence), J)] == [weekday]


def test_clock_extent_has_no_trailing_space(nlp):
    doc = nlp("Les tirs ont commencé à 14 h (heure locale).")
    (timex,) = [t for t in find_timexes(doc, J) if t.type == "TIME"]
    assert timex.text == "14 h"


def test_day_being_told():
    text = ("Le 8 janvier, l'armée a pris la radio.\nDans la soirée, les tirs ont cessé.\n"
            "Un porte-parole a parlé.\nLe calme est revenu.\nLe président a parlé.")
    timexes = timexes_in_text(text, J)
    assert [t.value for t in timexes] == ["2024-01-08", "2024-01-08TEV"]
    assert day_being_told(text, timexes, text.index("Un porte-parole")).text == "la soirée"
    assert day_being_told(text, timexes, text.index("Le calme")) is None  # two paragraphs on
    assert day_being_told(text, timexes, 0) is None


def test_from_here_is_the_day_of_writing_but_dates_no_event(nlp):
    from annales.temporal import governing_timex

    doc = nlp("Le rapport sera remis d'ici le 10 mars.")
    timexes = find_timexes(doc, J)
    assert [(t.text, t.value) for t in timexes] == [("ici", "2024-01-15"), ("le 10 mars", "2024-03-10")]
    assert timexes[0].date is None  # the start of the span dates nothing
    chosen = governing_timex(doc[:], timexes)
    assert chosen is not None and chosen.text == "le 10 mars"
    assert [t.text for t in find_timexes(nlp("Il habite à deux pas d'ici."), J)] == []
