"""One happening told twice in one article, or a day apart by two articles; and what stays apart."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)
import pytest

from annales.merge import merge
from annales.model import DateValue, Entity

report, day, window = cases.report, cases.day, cases.window


def _triggers(happening):
    return sorted(m.trigger for m in happening.mentions)


# -- one article, told twice -------------------------------------------------------------------------
def test_an_offensive_told_again_without_a_date_is_the_dated_one_and_another_day_is_another_strike():
    monday, again, tuesday = cases.border_offensive()
    merged = merge([monday, again, tuesday])
    assert len(merged) == 2
    first = next(h for h in merged if h.date == day(2025, 7, 28))
    assert _triggers(first) == ["L'offensive lancée", "a lancé une offensive"]
    assert first.conflicts == ()  # the retelling's window is no claim against "lundi"
    assert [e.id for e in first.recipient] == ["KHM"]
    second = next(h for h in merged if h.date == day(2025, 7, 29))
    assert _triggers(second) == ["a de nouveau frappé"]


def test_two_strikes_dated_on_two_days_by_one_article_stay_apart_even_with_the_same_parties():
    monday, _, tuesday = cases.border_offensive()
    assert len(merge([monday, tuesday])) == 2
    # the same two days from two articles are one strike the sources date differently
    elsewhere = dataclasses.replace(tuesday, mentions=(dataclasses.replace(tuesday.mentions[0], doc="autre.txt"),))
    [strike] = merge([monday, elsewhere])
    assert [c.field for c in strike.conflicts] == ["date"]


def test_a_verb_and_its_noun_with_another_mode_are_one_release():
    verb, noun = cases.soldiers_released()
    [release] = merge([verb, noun])
    assert (release.type, release.mode) == ("RETREAT", "release")
    assert release.date == day(2025, 2, 13)
    assert [e.id for e in release.actor] == ["ERI"] and [e.id for e in release.recipient] == ["YEM"]


def test_an_undated_retelling_elsewhere_in_the_article_joins_even_when_its_window_misses_the_date():
    """An article of late March telling a February release again ("la libération des pêcheurs par
    Asmara"): the window is the coder's, not a date; the doer named in both ties them."""
    verb, noun = cases.soldiers_released()
    late = day(2025, 3, 28)
    noun = dataclasses.replace(noun, date=window(late), actor=(cases.ERITREA,),
                               mentions=(dataclasses.replace(noun.mentions[0], published=late),))
    verb = dataclasses.replace(verb, mentions=(dataclasses.replace(verb.mentions[0], published=late),))
    [release] = merge([verb, noun])
    assert release.date == day(2025, 2, 13) and release.conflicts == ()


def test_two_triggers_of_one_sentence_are_one_happening_whatever_their_dates():
    sentence = "La justice finlandaise a lancé un mandat d'arrêt contre un Estonien soupçonné d'espionnage, affirme la presse."
    warrant = report("mandat-1.txt", sentence, "a lancé un mandat", "ACCUSE", mode="investigate",
                     actor=[cases.FINLAND], recipient=[cases.ESTONIA], date=day(2025, 5, 6), published=day(2025, 5, 6))
    suspect = report("mandat-1.txt", sentence, "soupçonné", "ACCUSE", mode="allege", recipient=[cases.ESTONIA],
                     date=day(2025, 5, 6), published=day(2025, 5, 6))
    earlier = report("mandat-1.txt", "Le mandat avait été émis en avril par le parquet d'Helsinki.", "avait été émis",
                     "ACCUSE", mode="investigate", actor=[cases.FINLAND], date=DateValue.month(2025, 4, "en avril"),
                     date_text="en avril", published=day(2025, 5, 6), start=500)
    [happening] = merge([warrant, suspect, earlier])
    assert str(happening.date) == "2025-04"
    assert len(happening.mentions) == 3


def test_an_undated_retelling_dated_by_the_day_of_the_article_joins_the_dated_report():
    """The coder gives a report with no date the day of the article's story: no claim either."""
    monday, again, _ = cases.border_offensive()
    again = dataclasses.replace(again, date=day(2025, 7, 30))
    [offensive] = merge([monday, again])
    assert offensive.date == day(2025, 7, 28)


# -- one article, kept apart -------------------------------------------------------------------------
def test_a_strike_on_the_attackers_side_is_a_strike_the_other_way_round():
    """"Des drones ont frappé une base thaïlandaise" (only a target, the other's doer) beside the Thai
    army's strike the same day: a counter-strike, not the strike told again."""
    _, _, tuesday = cases.border_offensive()
    counter = report("frontiere-1.txt", "Mardi, des drones ont frappé une base thaïlandaise près de Surin.",
                     "ont frappé", "ASSAULT", mode="drone", recipient=[cases.THAILAND], date=day(2025, 7, 29, "Mardi"),
                     date_text="Mardi", published=day(2025, 7, 30), start=1000)
    assert len(merge([tuesday, counter])) == 2


def test_a_statement_whose_speaker_was_read_as_its_target_still_joins_it():
    """After a quote the speaker follows the verb ("a averti lundi le ministre tanzanien"): read as a
    target, it is no reason to keep the threat apart from the same threat told plainly."""
    plain = report("lac-3.txt", "La Tanzanie a menacé lundi de saisir les bateaux malawites sur le lac.", "a menacé",
                   "THREATEN", actor=[cases.TANZANIA], recipient=[cases.MALAWI], date=day(2025, 4, 7, "lundi"),
                   date_text="lundi", published=day(2025, 4, 8))
    quoted = report("lac-3.txt", "« Nous saisirons vos bateaux », a averti lundi le ministre tanzanien.", "a averti",
                    "THREATEN", recipient=[cases.TANZANIA], date=day(2025, 4, 7, "lundi"), date_text="lundi",
                    published=day(2025, 4, 8), start=400)
    assert len(merge([plain, quoted])) == 1


def test_the_night_of_a_day_reaches_the_next_morning_not_the_day_before():
    """"La nuit de mardi à mercredi" is dated Tuesday: Wednesday's report agrees, Monday's does not."""
    night = report("frontiere-2.txt", "Dans la nuit de mardi à mercredi, un village cambodgien a été bombardé.",
                   "a été bombardé", "ASSAULT", recipient=[cases.CAMBODIA],
                   date=day(2025, 7, 29, "la nuit de mardi à mercredi"), date_text="la nuit de mardi à mercredi",
                   published=day(2025, 7, 30))
    monday, _, _ = cases.border_offensive()
    assert len(merge([monday, night])) == 2
    wednesday = report("frontiere-3.txt", "L'armée thaïlandaise a bombardé mercredi un village cambodgien.",
                       "a bombardé", "ASSAULT", actor=[cases.THAI_ARMY], recipient=[cases.CAMBODIA], date=day(2025, 7, 30, "mercredi"), date_text="mercredi",
                       published=day(2025, 7, 31))
    [strike] = merge([night, wednesday])
    assert strike.date == day(2025, 7, 30) and strike.conflicts == ()
def test_an_accusation_and_a_demand_in_one_quote_stay_two_happenings():
    quote = ("« La Tanzanie arme les contrebandiers et doit retirer ses bateaux du lac », a déclaré lundi "
             "le ministre malawite.")
    accuse = report("lac-1.txt", quote, "arme", "ACCUSE", actor=[cases.MALAWI], recipient=[cases.TANZANIA],
                    date=day(2025, 4, 7, "lundi"), date_text="lundi", published=day(2025, 4, 8))
    demand = report("lac-1.txt", quote, "doit retirer", "REQUEST", actor=[cases.MALAWI], recipient=[cases.TANZANIA],
                    date=day(2025, 4, 7, "lundi"), date_text="lundi", published=day(2025, 4, 8))
    threat = dataclasses.replace(demand, type="THREATEN")
    assert len(merge([accuse, demand])) == 2
    assert len(merge([accuse, threat])) == 2


def test_an_undated_accusation_with_only_the_target_in_common_does_not_take_another_date():
    dated = report("lac-2.txt", "Le 3 mars, la Tanzanie a accusé le Malawi d'avoir armé des contrebandiers.",
                   "a accusé", "ACCUSE", actor=[cases.TANZANIA], recipient=[cases.MALAWI],
                   date=day(2025, 3, 3, "Le 3 mars"), date_text="Le 3 mars", published=day(2025, 4, 8))
    undated = report("lac-2.txt", "Le Malawi est accusé de laisser passer les armes vers le nord.", "est accusé",
                     "ACCUSE", recipient=[cases.MALAWI], date=window(day(2025, 4, 8)), published=day(2025, 4, 8),
                     start=400)
    assert len(merge([dated, undated])) == 2
    # told by the same doer, the retelling is the dated accusation
    again = dataclasses.replace(undated, actor=(cases.TANZANIA,))
    assert len(merge([dated, again])) == 1


def test_a_statement_of_friday_is_not_what_the_article_dates_thursday():
    """"X a annoncé vendredi avoir bloqué le texte" has no date of its own, but its day is a day."""
    friday = report("ue-1.txt", "La Slovaquie a annoncé vendredi avoir bloqué le nouveau paquet de sanctions.",
                    "avoir bloqué", "REJECT", actor=[cases.SLOVAKIA], recipient=[cases.EU], date=day(2025, 6, 13),
                    published=day(2025, 6, 13))
    thursday = report("ue-1.txt", "Bratislava avait déjà bloqué jeudi une déclaration commune des Vingt-Sept.",
                      "avait déjà bloqué", "REJECT", actor=[cases.SLOVAKIA], recipient=[cases.EU],
                      date=day(2025, 6, 12, "jeudi"), date_text="jeudi", published=day(2025, 6, 13), start=400)
    assert len(merge([friday, thursday])) == 2


def test_one_party_agreeing_is_not_two_parties_agreeing():
    """For an agreement or a meeting, one state alone is another cast than two."""
    one = report("accord-1.txt", "La Finlande a accepté de rouvrir le poste frontalier aux camions.", "a accepté",
                 "AGREE", actor=[cases.FINLAND], published=day(2025, 1, 20))
    both = report("accord-1.txt", "La Finlande et l'Estonie ont convenu d'un dialogue régulier sur les câbles sous-marins.",
                  "ont convenu", "AGREE", actor=[cases.FINLAND, cases.ESTONIA], published=day(2025, 1, 20), start=400)
    assert len(merge([one, both])) == 2
    # the same two states told twice without a date are one agreement
    again = report("accord-1.txt", "Cet accord entre Helsinki et Tallinn a été salué.", "accord", "AGREE",
                   actor=[cases.ESTONIA, cases.FINLAND], published=day(2025, 1, 20), start=700)
    assert len(merge([one, both, again])) == 2


def test_two_visits_by_different_named_visitors_in_one_article_stay_apart():
    wang = report("teh-2.txt", "Wang Yi a été reçu samedi à Téhéran par le président iranien.", "a été reçu",
                  "CONSULT", mode="visit", actor=[cases.WANG], recipient=[cases.IRAN], date=day(2024, 4, 6, "samedi"),
                  date_text="samedi", published=day(2024, 4, 7), location=cases.TEHRAN)
    dong = report("teh-2.txt", "Dong Jun s'était lui aussi rendu à Téhéran pour parler de défense.", "rendu",
                  "CONSULT", mode="visit", actor=[cases.DONG], recipient=[cases.IRAN], date=window(day(2024, 4, 7)),
                  published=day(2024, 4, 7), location=cases.TEHRAN, start=400)
    assert len(merge([wang, dong])) == 2


def test_a_release_and_a_ceasefire_told_together_stay_two_concessions():
    published = day(2025, 9, 3)
    release = report("mer-rouge-1.txt", "L'Érythrée libère six pêcheurs yéménites et annonce une trêve en mer.",
                     "libère", "RETREAT", mode="release", actor=[cases.ERITREA], recipient=[cases.YEMEN],
                     published=published)
    truce = report("mer-rouge-1.txt", "Asmara a par ailleurs annoncé une trêve de dix jours avec les garde-côtes "
                   "yéménites.", "trêve", "RETREAT", mode="ceasefire", actor=[cases.ERITREA], recipient=[cases.YEMEN],
                   published=published, start=400)
    assert len(merge([release, truce])) == 2
    again = report("mer-rouge-1.txt", "La libération des pêcheurs a été saluée à Sanaa.", "libération", "RETREAT",
                   recipient=[cases.YEMEN], published=published, start=700)
    merged = merge([release, truce, again])
    assert sorted(len(h.mentions) for h in merged) == [1, 2]
    assert next(h for h in merged if len(h.mentions) == 2).mode == "release"


def test_a_title_in_the_present_is_what_its_article_announces():
    portugal = Entity("PRT", "Portugal", "country", "PRT")
    angola = Entity("AGO", "Angola", "country", "AGO")
    published = day(2025, 10, 14)
    title = report("lisbonne-1.txt", "Le Portugal expulse deux diplomates angolais", "expulse", "SANCTION",
                   mode="expel", actor=[portugal], recipient=[angola], date=day(2025, 10, 14), published=published,
                   start=0)
    body = report("lisbonne-1.txt", "Lisbonne a annoncé mardi qu'elle allait expulser deux diplomates angolais.",
                  "allait expulser", "SANCTION", mode="expel", actor=[portugal], status="planned",
                  published=published, start=60)
    [expulsion] = merge([title, body])
    assert expulsion.status == "asserted" and len(expulsion.mentions) == 2
    # the same two reports in the body, or in two articles, keep their statuses apart
    in_body = dataclasses.replace(title, mentions=(dataclasses.replace(title.mentions[0], start=300),))
    assert len(merge([in_body, body])) == 2
    elsewhere = dataclasses.replace(body, mentions=(dataclasses.replace(body.mentions[0], doc="lisbonne-2.txt"),))
    assert len(merge([title, elsewhere])) == 2


def test_a_dated_first_sentence_is_a_lead_not_a_title():
    """"Le ministre se rendra jeudi à Luanda" opening an article is announced, not told in the present:
    the visit made days before, later in the article, stays another happening."""
    minister = Entity("Q_min", "Paulo Rangel", "person", "PRT")
    angola = Entity("AGO", "Angola", "country", "AGO")
    published = day(2025, 10, 14)
    lead = report("luanda-1.txt", "Le ministre portugais Paulo Rangel se rendra jeudi à Luanda.", "se rendra",
                  "CONSULT", mode="visit", actor=[minister], recipient=[angola], date=day(2025, 10, 16, "jeudi"),
                  date_text="jeudi", status="planned", published=published, start=0)
    before = report("luanda-1.txt", "Paulo Rangel s'était déjà rendu à Luanda début octobre.", "s'était déjà rendu",
                    "CONSULT", mode="visit", actor=[minister], recipient=[angola],
                    date=DateValue.between(dt.date(2025, 10, 1), dt.date(2025, 10, 10), "début octobre"),
                    date_text="début octobre", published=published, start=300)
    assert len(merge([lead, before])) == 2


# -- two articles, a day apart -----------------------------------------------------------------------
def test_a_night_and_the_morning_after_are_one_strike_without_a_conflict():
    night, morning = cases.odessa_night()
    [strike] = merge([night, morning])
    assert strike.docs == ("odessa-1.txt", "odessa-2.txt")
    assert strike.conflicts == ()
    assert strike.date == day(2025, 3, 9)  # the night supports the day after it: both sources agree on it
    # without a night, a Saturday and a Sunday told by two articles with only the target in common are two
    saturday = dataclasses.replace(night, date=day(2025, 3, 8, "samedi"),
                                   mentions=(dataclasses.replace(night.mentions[0], date_text=None),))
    saturday = dataclasses.replace(saturday, mentions=(dataclasses.replace(
        night.mentions[0], sentence="Samedi, des drones russes ont frappé le port d'Odessa.", date_text="Samedi",
        date_start=100, date_end=106),))
    assert len(merge([saturday, morning])) == 2


def test_a_statement_of_the_next_day_reports_the_strike_of_the_day_before():
    evening, statement = cases.odessa_reported_next_day()
    [strike] = merge([evening, statement])
    assert strike.date == day(2025, 3, 10)  # the day the first article gives, not the statement's
    assert strike.conflicts == ()
    week_later = dataclasses.replace(statement, date=day(2025, 3, 16),
                                     mentions=(dataclasses.replace(statement.mentions[0], published=day(2025, 3, 16)),))
    assert len(merge([evening, week_later])) == 2
    # two reports dated only by their own days are two days: neither bounds the other
    other_day = dataclasses.replace(statement, date=day(2025, 3, 12), recipient=(cases.RUSSIA,), mentions=(dataclasses.replace(
        statement.mentions[0], doc="odessa-5.txt", sentence="Kiev a de nouveau abattu des drones, selon l'armée.",
        published=day(2025, 3, 12)),))
    assert len(merge([statement, other_day])) == 2


# -- the usual guarantees hold with these rules ------------------------------------------------------
def _all():
    return (cases.border_offensive() + cases.soldiers_released() + cases.odessa_night()
            + cases.odessa_reported_next_day())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_order_steps_and_remerging_do_not_change_the_result(seed):
    events = _all()
    expected = [e.to_dict() for e in merge(events)]
    shuffler = random.Random(seed)
    shuffled = list(events)
    shuffler.shuffle(shuffled)
    assert [e.to_dict() for e in merge(shuffled)] == expected
    cut = shuffler.randrange(1, len(events))
    assert [e.to_dict() for e in merge(merge(shuffled[:cut]) + shuffled[cut:])] == expected
    merged = merge(events)
    assert [e.to_dict() for e in merge(merged)] == expected
