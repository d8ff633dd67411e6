"""French temporal expressions in news-style sentences: found, typed and valued against an anchor."""
from __future__ import annotations

import time

import pytest
from pydantic import ValidationError

from annales.lang import load_table
from annales.model import DateValue
from annales.temporal import find_timexes, governing_timex, resolve
from annales.temporal.lexicon import TimeTable

D = DateValue.day(2023, 10, 19)   # a Thursday
J = DateValue.day(2024, 1, 15)    # a Monday
M = DateValue.month(2023, 10)     # an article known only to be from October 2023
Y = DateValue.year(2025)          # ... only from 2025
Y24 = DateValue.year(2024)

CASES = [
    # absolute dates
    ("Le sommet s'est tenu le 13 septembre 2023 à Bruxelles.", D, "le 13 septembre 2023", "2023-09-13"),
    ("Les élections législatives auront lieu le 1er novembre 2024.", D, "le 1er novembre 2024", "2024-11-01"),
    ("Le décret, signé le 13/09/2023, entre en vigueur lundi.", D, "le 13/09/2023", "2023-09-13"),
    ("En 2019, le pays avait déjà rompu ses relations avec Téhéran.", D, "2019", "2019"),
    ("Le cessez-le-feu a été rompu en août 2024 dans le Donbass.", Y, "août 2024", "2024-08"),
    ("Le traité a été ratifié le 23 mai 1999 par le Parlement.", D, "le 23 mai 1999", "1999-05-23"),
    ("Le président, élu en 2017, a été réélu en avril 2022.", D, "2017", "2017"),
    ("Le président, élu en 2017, a été réélu en avril 2022.", D, "avril 2022", "2022-04"),
    # a day and month: the verb's tense picks the year
    ("Le ministre a rencontré son homologue ukrainien le 13 septembre.", D, "le 13 septembre", "2023-09-13"),
    ("Le président se rendra à Dakar le 13 septembre.", D, "le 13 septembre", "2024-09-13"),
    ("Les négociations reprendront le 2 novembre à Genève.", D, "le 2 novembre", "2023-11-02"),
    ("L'attaque a eu lieu le 28 décembre, selon l'armée.", J, "le 28 décembre", "2023-12-28"),
    ("Le scrutin présidentiel se tiendra le 14 février.", J, "le 14 février", "2024-02-14"),
    ("Le 1er mai, les syndicats ont défilé dans toute la France.", D, "Le 1er mai", "2023-05-01"),
    ("Le 11 novembre, le président a présidé la cérémonie.", J, "Le 11 novembre", "2023-11-11"),
    ("Le ministre a rencontré son homologue le 13 septembre.", None, "le 13 septembre", "XXXX-09-13"),
    ("Le ministre a rencontré son homologue le 13 septembre.", M, "le 13 septembre", "2023-09-13"),
    ("Le ministre recevra son homologue le 13 septembre.", M, "le 13 septembre", "2024-09-13"),
    ("La réunion s'est tenue jeudi 19 octobre à Luxembourg.", M, "jeudi 19 octobre", "2023-10-19"),
    ("Le sommet s'ouvrira lundi 4 mars à Addis-Abeba.", Y24, "lundi 4 mars", "2024-03-04"),
    ("Le parti avait été dissous le 20 décembre dernier.", J, "le 20 décembre dernier", "2023-12-20"),
    ("Les résultats seront publiés le 5 mars prochain.", D, "le 5 mars prochain", "2024-03-05"),
    # months
    ("L'armée a lancé une offensive en septembre.", J, "septembre", "2023-09"),
    ("Le gouvernement présentera son budget en juillet.", D, "juillet", "2024-07"),
    ("Les pourparlers avaient échoué en mars.", D, "mars", "2023-03"),
    ("Les troupes se sont retirées en septembre.", M, "septembre", "2023-09"),
    ("Le Parlement votera le texte en janvier.", M, "janvier", "2024-01"),
    ("L'opposition a boycotté le scrutin en juillet dernier.", J, "juillet dernier", "2023-07"),
    ("Le retrait sera achevé fin juin.", D, "fin juin", "2024-06"),
    ("Une conférence de paix est prévue début 2024.", D, "début 2024", "2024"),
    ("Les premières livraisons d'armes sont attendues mi-mars.", D, "mi-mars", "2024-03"),
    ("Le pays est en guerre depuis 2022.", D, "2022", "2022"),
    # weekdays and parts of the day
    ("Le chef de l'État a annoncé jeudi la dissolution de l'Assemblée.", D, "jeudi", "2023-10-19"),
    ("Les ministres des Affaires étrangères se réuniront samedi à Paris.", D, "samedi", "2023-10-21"),
    ("Des frappes ont visé la ville dimanche soir.", D, "dimanche soir", "2023-10-15TEV"),
    ("Le Premier ministre s'exprimera mardi matin devant les députés.", D, "mardi matin", "2023-10-24TMO"),
    ("Le président a reçu jeudi son homologue kényan.", M, "jeudi", "2023-10"),
    ("Le président a reçu jeudi son homologue kényan.", Y, "jeudi", "2025"),
    ("Le président a reçu jeudi son homologue kényan.", None, "jeudi", "XXXX-WXX-4"),
    ("Le Conseil de sécurité a voté vendredi dernier une résolution.", D, "vendredi dernier", "2023-10-13"),
    ("Le sommet s'ouvrira lundi prochain à Addis-Abeba.", D, "lundi prochain", "2023-10-23"),
    ("Le président va rencontrer mercredi les syndicats.", D, "mercredi", "2023-10-25"),
    ("Le président se rendra jeudi à Kiev.", D, "jeudi", "2023-10-19"),
    ("Les rebelles ont attaqué un convoi lundi près de Goma.", J, "lundi", "2024-01-15"),
    ("Les rebelles avaient attaqué un convoi mardi près de Goma.", J, "mardi", "2024-01-09"),
    # deictic words
    ("Le porte-parole du Kremlin a démenti hier toute négociation.", D, "hier", "2023-10-18"),
    ("Le Premier ministre est attendu aujourd'hui à Kiev.", D, "aujourd'hui", "2023-10-19"),
    ("Le vote aura lieu demain au Sénat.", D, "demain", "2023-10-20"),
    ("Un attentat a frappé avant-hier le centre de Bamako.", D, "avant-hier", "2023-10-17"),
    ("Le chef de la diplomatie s'exprimera ce soir à la télévision.", D, "ce soir", "2023-10-19TEV"),
    ("Deux roquettes ont été tirées hier soir depuis le Liban.", D, "hier soir", "2023-10-18TEV"),
    ("Le porte-parole a démenti hier toute négociation.", M, "hier", "2023-10"),
    ("Les combats se poursuivent maintenant dans le nord de Gaza.", D, "maintenant", "PRESENT_REF"),
    ("L'Union européenne examine actuellement une nouvelle série de sanctions.", D, "actuellement",
     "PRESENT_REF"),
    # relative periods
    ("Le Parlement a adopté la réforme la semaine dernière.", D, "la semaine dernière", "2023-W41"),
    ("Les prix ont encore augmenté le mois dernier.", D, "le mois dernier", "2023-09"),
    ("L'économie s'est contractée l'an dernier.", D, "l'an dernier", "2022"),
    ("L'économie s'est contractée l'an dernier.", Y, "l'an dernier", "2024"),
    ("Le pays a connu des élections anticipées l'année dernière.", J, "l'année dernière", "2023"),
    ("Le commissaire européen se rendra à Varsovie cette semaine.", D, "cette semaine", "2023-W42"),
    ("Les exportations de blé ont repris ce mois-ci.", D, "ce mois-ci", "2023-10"),
    ("Le ministre avait démissionné plus tôt ce mois-ci.", D, "ce mois-ci", "2023-10"),
    ("Le pays organisera les Jeux l'an prochain.", D, "l'an prochain", "2024"),
    ("Les incendies de cet été ont ravagé la Grèce.", D, "cet été", "2023-SU"),
    ("La Grèce a été frappée par des incendies l'été dernier.", J, "l'été dernier", "2023-SU"),
    ("Le coup d'État a eu lieu il y a deux ans.", D, "il y a deux ans", "2021"),
    ("Le gouvernement a été formé il y a trois jours.", D, "il y a trois jours", "2023-10-16"),
    ("La mission de l'ONU prendra fin dans trois mois.", D, "dans trois mois", "2024-01"),
    ("La conférence aura lieu l'année prochaine.", M, "l'année prochaine", "2024"),
    ("Le chômage a reculé le mois dernier.", M, "le mois dernier", "2023-09"),
    ("Les négociations ont repris la semaine dernière.", M, "la semaine dernière", "2023-10"),
    ("Les exportations ont chuté de 12 % cette année.", Y, "cette année", "2025"),
    ("Des manifestations ont eu lieu ce week-end à Tbilissi.", J, "ce week-end", "2024-W02-WE"),
    ("Le second tour se tiendra le week-end prochain.", D, "le week-end prochain", "2023-W42-WE"),
    ("Le budget doit être voté d'ici la fin de l'année.", D, "la fin de l'année", "2023"),
    ("Les combats se sont intensifiés ces derniers jours.", D, "ces derniers jours", "PAST_REF"),
    ("Un accord pourrait être signé en fin d'année.", D, "fin d'année", "2023"),
    ("Le régime a été renversé en 1998 après des semaines de manifestations.", D, "1998", "1998"),
    ("La tension est montée en fin d'après-midi hier.", D, "fin d'après-midi", "2023-10-18TAF"),
    ("Le ministre a rencontré son homologue la semaine dernière.", None, "la semaine dernière", "XXXX-WXX"),
    # anaphora against the last day given in the paragraph, else underspecified
    ("Les pourparlers ont débuté le 3 mars. Le lendemain, les délégations ont signé un accord.", D,
     "Le lendemain", "2023-03-04"),
    ("La veille, le ministre avait démenti toute rencontre.", D, "La veille", "XXXX-XX-XX"),
    # intervals, as TimeML writes them: one expression per point
    ("Le festival s'est déroulé du 18 au 19 octobre.", D, "18", "2023-10-18"),
    ("Le festival s'est déroulé du 18 au 19 octobre.", D, "19 octobre", "2023-10-19"),
    ("Le festival se déroulera du 26 au 28 octobre.", D, "26", "2023-10-26"),
    ("Les violences ont fait 200 morts entre le 7 septembre et le 1er octobre.", D, "le 7 septembre",
     "2023-09-07"),
    ("Les violences ont fait 200 morts entre le 7 septembre et le 1er octobre.", D, "le 1er octobre",
     "2023-10-01"),
    ("Il a dirigé la compagnie de 1982 à 1987.", D, "1987", "1987"),
    ("Les bureaux de vote ouvriront samedi 28 et dimanche 29 octobre.", D, "samedi 28", "2023-10-28"),
    ("Les bureaux de vote ouvriront samedi 28 et dimanche 29 octobre.", D, "dimanche 29 octobre", "2023-10-29"),
    ("Dès lundi, les inscriptions seront ouvertes en ligne.", D, "lundi", "2023-10-23"),
    ("L'offensive a été lancée dans la nuit de samedi à dimanche.", D,
     "la nuit de samedi à dimanche", "2023-10-14TNI"),
    # "pendant", "durant", "au cours de" la nuit: the part of the day being told, as "dans la nuit"
    ("Les rebelles ont attaqué le camp pendant la nuit.", D, "la nuit", "2023-10-19TNI"),
    ("Mardi, les rebelles ont attaqué le camp au cours de la nuit.", D, "la nuit", "2023-10-17TNI"),
    ("Les frappes ont continué durant la matinée.", D, "la matinée", "2023-10-19TMO"),
    ("Aucune victime n'a été signalée à ce jour.", D, "à ce jour", "PRESENT_REF"),
    ("Le gouvernement organisera des élections au printemps.", D, "printemps", "2024-SP"),
    ("Les troupes se sont retirées au printemps.", D, "printemps", "2023-SP"),
    # durations
    ("Le président est parti pour un voyage de deux jours en Asie.", D, "deux jours", "P2D"),
    ("Les otages sont détenus depuis plus d'un an et demi.", D, "plus d'un an et demi", "P18M"),
    ("Le siège de la ville a duré trois semaines.", D, "trois semaines", "P3W"),
    ("L'opposant a été condamné à dix ans de prison.", D, "dix ans", "P10Y"),
    ("Les discussions ont duré environ six heures.", D, "environ six heures", "PT6H"),
    ("La trêve de 72 heures a expiré dans la nuit.", D, "72 heures", "PT72H"),
    ("Les frontières resteront fermées pendant quelques jours.", D, "quelques jours", "PXD"),
    ("Le mandat de la force africaine est prolongé de dix-huit mois.", D, "dix-huit mois", "P18M"),
    # clock times take the day the sentence gives, else the anchor
    ("L'explosion s'est produite vers 16h50, heure locale.", D, "16h50", "2023-10-19T16:50"),
    ("Le couvre-feu commencera à 22 h dans la capitale.", D, "22 h", "2023-10-19T22:00"),
    ("Mardi, à 8 h 30, les premiers bus ont quitté la ville.", D, "8 h 30", "2023-10-17T08:30"),
    ("Le cortège est parti à midi de la place de la République.", D, "midi", "2023-10-19T12:00"),
    ("La séance a commencé à 10 heures au Parlement.", D, "10 heures", "2023-10-19T10:00"),
    # holidays
    ("Les combats ont repris après Noël.", J, "Noël", "2023-12-25"),
    ("Le pape célébrera la messe de Pâques place Saint-Pierre.", D, "Pâques", "2024-03-31"),
    ("Le défilé du 14 juillet a été marqué par la présence de soldats indiens.", D, "14 juillet",
     "2023-07-14"),
    ("Les pèlerins se rassembleront à la Pentecôte.", J, "la Pentecôte", "2024-05-19"),
    # decades, centuries, frequencies
    ("Le conflit remonte aux années 90.", D, "années 90", "199X"),
    ("Les premiers accords datent des années 1980.", D, "années 1980", "198X"),
    ("Le pays a été colonisé au XIXe siècle.", D, "XIXe siècle", "18XX"),
    ("Les ministres se réunissent chaque semaine à Bruxelles.", D, "chaque semaine", "P1W"),
    ("Le conseil se tient tous les jeudis.", D, "tous les jeudis", "XXXX-WXX-4"),
]


@pytest.mark.parametrize(("sentence", "anchor", "expression", "value"), CASES,
                         ids=[f"{i:03d}-{c[2]}" for i, c in enumerate(CASES)])
def test_expression_in_sentence(nlp, sentence, anchor, expression, value):
    doc = nlp(sentence)
    timexes = find_timexes(doc, anchor)
    found = {t.text: t for t in timexes}
    assert expression in found, f"{expression!r} not found in {[t.text for t in timexes]}"
    timex = found[expression]
    assert timex.value == value
    assert doc.text[timex.start:timex.end] == expression


def test_enough_cases():
    assert len(CASES) >= 80


def test_types_and_dates(nlp):
    doc = nlp("Hier soir, vers 22 h, deux roquettes ont frappé la ville, qui subit des tirs chaque jour "
              "depuis trois semaines.")
    timexes = find_timexes(doc, D)
    assert doc._.timexes == timexes
    by_text = {t.text: t for t in timexes}
    assert by_text["Hier soir"].type == "TIME"
    assert by_text["22 h"].type == "TIME" and by_text["22 h"].value == "2023-10-18T22:00"
    assert by_text["chaque jour"].type == "SET"
    assert by_text["trois semaines"].type == "DURATION" and by_text["trois semaines"].date is None
    assert by_text["Hier soir"].date == DateValue.day(2023, 10, 18)


def test_month_anchor_never_invents_a_day(nlp):
    doc = nlp("Le ministre a démissionné jeudi, deux jours après avoir été désavoué hier par le Parlement.")
    for timex in find_timexes(doc, M):
        if timex.date is not None:
            assert timex.date.precision in ("month", "year", "interval")


def test_ages_and_quantities_are_not_times(nlp):
    doc = nlp("Un soldat de 23 ans a été tué. Jean Martin, 45 ans, a été blessé. "
              "Quelque 2000 manifestants ont défilé, selon la police, et 1500 policiers ont été déployés.")
    assert find_timexes(doc, D) == []


def test_names_and_idioms_are_not_times(nlp):
    doc = nlp("Noël Mamère a rappelé que le service reste ouvert 24 heures sur 24 pour les moins de 25 ans.")
    assert find_timexes(doc, D) == []


def test_participle_ete_is_not_summer(nlp):
    doc = nlp("Le texte a été adopté par les députés et il a été promulgué.")
    assert find_timexes(doc, D) == []


def test_resolve_bare_expressions():
    assert resolve("jeudi", D, "past").value == "2023-10-19"
    assert resolve("jeudi", D, "future").value == "2023-10-19"
    assert resolve("mardi", D, "past").value == "2023-10-17"
    assert resolve("mardi", D, "future").value == "2023-10-24"
    assert resolve("en septembre", DateValue.day(2024, 1, 10), "past").value == "2023-09"
    assert resolve("rien de temporel ici", D) is None
    assert resolve("date 2023-10", None).value == "2023-10"
    assert resolve("Publié le 14/09/2023 à 16:50", None).value == "2023-09-14"
    assert resolve("(Rome, 1er novembre 2024)", None).date == DateValue.day(2024, 11, 1)
    interval = resolve("du 18 au 19 octobre", D)
    assert interval.date == DateValue(D.start.replace(day=18), D.start, "interval")
    assert interval.text == "du 18 au 19 octobre"
    between = resolve("entre le 7 septembre et le 1er octobre", D, "past")
    assert (str(between.date.start), str(between.date.end)) == ("2023-09-07", "2023-10-01")


def test_governing_timex_attached_to_trigger(nlp):
    doc = nlp("Le président, qui avait rencontré lundi les syndicats, a signé le décret mercredi.")
    timexes = find_timexes(doc, D)
    signed = next(t for t in doc if t.text == "signé")
    clause = doc[signed.left_edge.i:signed.right_edge.i + 1]
    chosen = governing_timex(clause, timexes)
    assert chosen is not None and chosen.text == "mercredi" and chosen.value == "2023-10-18"


def test_governing_timex_visit_noun(nlp):
    doc = nlp("Lors de sa visite le 13 septembre, le ministre a promis une aide de 50 millions d'euros.")
    timexes = find_timexes(doc, D)
    visit = next(t for t in doc if t.text == "visite")
    chosen = governing_timex(doc[visit.i:visit.i + 1].sent, timexes)
    assert chosen is not None and chosen.value == "2023-09-13"


def test_governing_timex_anaphora_uses_reference(nlp):
    doc = nlp("La veille, les rebelles avaient pris le contrôle de l'aéroport.")
    timexes = find_timexes(doc, D)
    chosen = governing_timex(doc[:], timexes, reference=DateValue.day(2023, 10, 12))
    assert chosen.date == DateValue.day(2023, 10, 11)
    chosen = governing_timex(doc[:], timexes)
    assert chosen is not None and chosen.date is None


def test_governing_timex_duration_after(nlp):
    doc = nlp("Deux jours plus tard, l'armée a repris la ville.")
    timexes = find_timexes(doc, D)
    chosen = governing_timex(doc[:], timexes, reference=DateValue.day(2023, 10, 1))
    assert chosen.date == DateValue.day(2023, 10, 3)
    assert chosen.text == "Deux jours plus tard"


@pytest.mark.parametrize(("sentence", "reference", "value"), [
    ("Le lendemain, les délégations ont quitté Doha.", DateValue.day(2023, 3, 3), "2023-03-04"),
    ("La veille au soir, le chef rebelle avait fui.", DateValue.day(2023, 3, 1), "2023-02-28"),
    ("Le même jour, un second attentat a frappé Mogadiscio.", DateValue.day(2023, 6, 9), "2023-06-09"),
    ("Cette année-là, le pays a rejoint l'Union africaine.", DateValue.day(1999, 5, 2), "1999"),
    ("Trois semaines plus tard, le gouvernement est tombé.", DateValue.day(2023, 3, 1), "2023-03-22"),
    ("Deux mois après, la junte a dissous le Parlement.", DateValue.day(2023, 7, 26), "2023-09"),
    ("Le lendemain, les délégations ont quitté Doha.", DateValue.month(2023, 3), "2023-03"),
])
def test_governing_timex_anaphora(nlp, sentence, reference, value):
    doc = nlp(sentence)
    chosen = governing_timex(doc[:], find_timexes(doc, D), reference=reference)
    assert chosen is not None and str(chosen.date) == value


def test_governing_timex_vague_anaphora(nlp):
    doc = nlp("Quelques jours après, l'armée a repris la ville.")
    chosen = governing_timex(doc[:], find_timexes(doc, D), reference=DateValue.day(2023, 10, 1))
    assert chosen.text == "Quelques jours après"
    assert chosen.date.precision == "interval"
    assert (chosen.date.start, chosen.date.end) == (DateValue.day(2023, 10, 3).start, DateValue.day(2023, 10, 8).start)


def test_governing_timex_interval(nlp):
    doc = nlp("Le sommet s'est tenu du 18 au 19 octobre à Grenade.")
    timexes = find_timexes(doc, D)
    chosen = governing_timex(doc[:], timexes)
    assert chosen.date.precision == "interval"
    assert (chosen.date.start.day, chosen.date.end.day) == (18, 19)


def test_governing_timex_none_without_date(nlp):
    doc = nlp("Le ministre a démenti toute rencontre avec les rebelles.")
    assert governing_timex(doc[:], find_timexes(doc, D)) is None


def test_time_table_matches_its_schema():
    table = load_table("time", "fr")
    TimeTable.model_validate(table)
    assert table["months"]["août"] == table["months"]["aout"] == 8
    assert table["months"]["févr."] == 2
    assert table["weekdays"]["lundi"] == 0 and table["weekdays"]["dimanche"] == 6


def test_time_table_schema_rejects_bad_data():
    table = dict(load_table("time", "fr"))
    table["weekdays"] = {"lundi": 0}
    with pytest.raises(ValidationError):
        TimeTable.model_validate(table)
    table = dict(load_table("time", "fr"))
    table["rules"] = [{"name": "x", "kind": "no_such_kind", "pattern": "x"}]
    with pytest.raises(ValidationError):
        TimeTable.model_validate(table)


def test_tagging_is_cheap_next_to_parsing(nlp):
    text = " ".join(c[0] for c in CASES) * 3
    start = time.perf_counter()
    doc = nlp(text)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    find_timexes(doc, D)
    tag = time.perf_counter() - start
    assert tag < 0.5 * parse


def test_separated_from_counts_back_from_the_later_event(nlp):
    """"intervient un mois et demi après celle de Y": Y lies a month and a half before the reference;
    a reference known only to the year keeps its width."""
    from annales.temporal import separated_from

    doc = nlp("La visite du ministre intervient un mois et demi après celle du chef de l'armée.")
    duration = next(t for t in find_timexes(doc, D) if t.type == "DURATION")
    back = separated_from(duration, DateValue.day(2024, 4, 20), doc.text)
    assert back is not None and back.date == DateValue.day(2024, 3, 6)
    wide = separated_from(duration, Y, doc.text)
    assert wide is not None and (wide.date.start, wide.date.end) == (
        DateValue.day(2024, 11, 17).start, DateValue.day(2025, 11, 16).start)
    dated = find_timexes(nlp("Il est arrivé le 3 mars."), D)[0]
    assert separated_from(dated, D, "Il est arrivé le 3 mars.") is None


def test_a_l_epoque_is_the_time_just_named(nlp):
    """"en avril ... à l'époque": the same month; after a day, the same day."""
    text = "L'armée a repris la ville en avril et avait déjà remercié à l'époque ses alliés."
    found = {t.text: t for t in find_timexes(nlp(text), DateValue.day(2024, 7, 12))}
    assert found["à l'époque"].date == DateValue.month(2024, 4)
    text = "Le sommet s'est ouvert le 3 mars ; à l'époque, rien n'était signé."
    found = {t.text: t for t in find_timexes(nlp(text), DateValue.day(2024, 7, 12))}
    assert found["à l'époque"].date == DateValue.day(2024, 3, 3)


@pytest.mark.parametrize("text, reference, day", [
    # hours and minutes are no months: "quelques minutes plus tôt" is the reference's day
    ("Quelques minutes plus tôt, le porte-parole avait démenti.", DateValue.day(2023, 10, 12), DateValue.day(2023, 10, 12)),
    ("Deux heures plus tard, les sirènes ont retenti.", DateValue.day(2023, 10, 12), DateValue.day(2023, 10, 12)),
    ("Quarante-huit heures plus tard, le couvre-feu a été levé.", DateValue.day(2023, 10, 12), DateValue.day(2023, 10, 14)),
    # a reference known to the month keeps its month
    ("Trois heures plus tard, les sirènes ont retenti.", DateValue.month(2023, 10), DateValue.month(2023, 10)),
])
def test_governing_timex_hours_after(nlp, text, reference, day):
    doc = nlp(text)
    timexes = find_timexes(doc, D)
    chosen = governing_timex(doc[:], timexes, reference=reference)
    assert chosen is not None and chosen.date == day


def test_part_of_the_day_being_told(nlp):
    """"au cours de la journée" is the day the narrative is on, like "dans la soirée"."""
    doc = nlp("Le 3 octobre, le Parlement a voté. Au cours de la journée, le gouvernement avait démissionné.")
    found = {t.text: t for t in find_timexes(doc, D)}
    assert found["la journée"].date == DateValue.day(2023, 10, 3)


@pytest.mark.parametrize("text, expression, value", [
    ("Le 3 avril, la grève a commencé. Le 23 du même mois, les dockers ont repris le travail.",
     "Le 23 du même mois", "2023-04-23"),
    ("Le 3 avril, la grève a commencé. Le 2 du mois suivant, les dockers ont repris le travail.",
     "Le 2 du mois suivant", "2023-05-02"),
    ("En 2017, le parlement a voté la réforme. L'année suivante, la cour l'a annulée.", "L'année suivante", "2018"),
    ("En mars 2021, le port a fermé. Le mois précédent, les syndicats avaient manifesté.", "Le mois précédent",
     "2021-02"),
    ("Le 6 juin, le ministre a démissionné. La semaine suivante, son successeur a été nommé.",
     "La semaine suivante", "2023-W24"),
    ("En 2015, la digue a cédé. La même année, le maire a été réélu.", "La même année", "2015"),
    # no date told before: underspecified, not the publication's year
    ("L'année suivante, la cour l'a annulée.", "L'année suivante", "XXXX"),
])
def test_units_counted_from_the_date_told(nlp, text, expression, value):
    found = {t.text: t for t in find_timexes(nlp(text), D)}
    assert found[expression].value == value
