"""Merging per-mention events into happenings: what joins, what stays apart, what disagrees."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)
import pytest

from annales.merge import merge
from annales.merge.rules import rules
from annales.model import DateValue, Entity, Place, Quantity

report, day = cases.report, cases.day
FIDAN, KOULEBA, WANG, BAERBOCK = cases.FIDAN, cases.KOULEBA, cases.WANG, cases.BAERBOCK
MALI, ALGERIA, ANKARA = cases.MALI, cases.ALGERIA, cases.ANKARA


def dicts(events):
    return [e.to_dict() for e in events]


def only(events, **wanted):
    found = [e for e in events if all(getattr(e, k) == v for k, v in wanted.items())]
    assert len(found) == 1, f"expected one happening with {wanted}, got {len(found)}"
    return found[0]


# -- what joins ------------------------------------------------------------------------------
def test_same_visit_from_two_articles_with_different_precision(ankara_visit):
    merged = merge(ankara_visit)
    assert len(merged) == 1
    visit = merged[0]
    assert visit.docs == ("ankara-1.txt", "ankara-2.txt")
    assert len(visit.mentions) == 2
    assert visit.date == DateValue.day(2024, 3, 14)  # the more precise date wins
    assert visit.date.text == "jeudi"
    assert visit.conflicts == ()  # a day inside the month agrees with it
    assert [e.name for e in visit.actor] == ["Dmytro Kouleba"]
    assert [e.name for e in visit.recipient] == ["Hakan Fidan"]
    assert visit.location == ANKARA
    assert visit.confidence > max(e.confidence for e in ankara_visit)


def test_visit_and_the_meeting_held_during_it_merge(abuja_visit):
    merged = merge(abuja_visit)
    assert len(merged) == 1
    visit = merged[0]
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert [e.name for e in visit.actor] == ["Emmanuel Macron"]
    # the host named only in the talks joins the host's side
    assert {e.name for e in visit.recipient} == {"Nigeria", "Bola Tinubu"}
    assert visit.summary == abuja_visit[0].summary or visit.summary == abuja_visit[1].summary


def test_two_meetings_of_the_same_ministers_a_year_apart_stay_apart(pekin_meetings):
    merged = merge(pekin_meetings)
    consult = [e for e in merged if e.type == "CONSULT"]
    assert len(consult) == 2
    assert {str(e.date) for e in consult} == {"2023-04-14", "2024-04-16"}
    # the year-only summary joins the 2024 meeting, never the 2023 one, and never glues them together
    later = only(merged, date=DateValue.day(2024, 4, 16))
    assert "bilan-2024.txt" in later.docs
    earlier = only(merged, date=DateValue.day(2023, 4, 14))
    assert earlier.docs == ("pekin-2023.txt",)


def test_same_day_meetings_with_different_partners_stay_apart():
    kouleba = report("a.txt", "Hakan Fidan a rencontré mardi à Ankara le ministre ukrainien Dmytro Kouleba.",
                     "a rencontré", "CONSULT", actor=[FIDAN, KOULEBA], date=day(2024, 5, 7), location=ANKARA)
    wang = report("b.txt", "Hakan Fidan s'est aussi entretenu mardi à Ankara avec le chef de la diplomatie "
                  "chinoise Wang Yi.", "s'est aussi entretenu", "CONSULT", actor=[FIDAN, WANG], date=day(2024, 5, 7),
                  location=ANKARA)
    assert len(merge([kouleba, wang])) == 2


def test_different_types_stay_apart_even_on_the_same_day():
    talks = report("c.txt", "Le Mali et l'Algérie ont tenu lundi des consultations à Alger.", "ont tenu",
                   "CONSULT", actor=[MALI, ALGERIA], date=day(2024, 1, 22))
    accusation = report("d.txt", "Bamako a accusé lundi Alger d'ingérence dans ses affaires intérieures.",
                        "a accusé", "ACCUSE", actor=[MALI], recipient=[ALGERIA], date=day(2024, 1, 22))
    assert len(merge([talks, accusation])) == 2


def test_accusations_in_opposite_directions_stay_apart():
    one = report("e.txt", "Bamako a accusé jeudi Alger de soutenir les groupes armés du Nord.", "a accusé",
                 "ACCUSE", actor=[MALI], recipient=[ALGERIA], date=day(2024, 1, 25))
    other = report("f.txt", "Alger a accusé jeudi Bamako de trahir l'accord de paix.", "a accusé", "ACCUSE",
                   actor=[ALGERIA], recipient=[MALI], date=day(2024, 1, 25))
    assert len(merge([one, other])) == 2


def test_undated_report_joins_only_a_strong_recent_match(ankara_visit):
    soon = report("ankara-3.txt", "Dmytro Kouleba a été reçu par Hakan Fidan, qui a promis de poursuivre la médiation.",
                  "a été reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                  published=day(2024, 3, 20))
    late = report("ankara-4.txt", "Dmytro Kouleba a été reçu par Hakan Fidan, rappelle le quotidien.",
                  "a été reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                  published=day(2026, 1, 5))
    merged = merge(ankara_visit + [soon, late])
    dated = only(merged, date=DateValue.day(2024, 3, 14))
    assert "ankara-3.txt" in dated.docs
    assert "ankara-4.txt" not in dated.docs


def test_planned_visit_is_not_the_visit(ankara_visit):
    planned = report("ankara-5.txt", "Hakan Fidan recevra jeudi à Ankara Dmytro Kouleba.", "recevra", "CONSULT",
                     mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14), location=ANKARA,
                     status="planned", published=day(2024, 3, 11))
    assert len(merge(ankara_visit + [planned])) == 2


# -- conflicts -------------------------------------------------------------------------------
def test_month_against_month_and_figures_are_conflicts(estonia_troops):
    merged = merge(estonia_troops)
    assert len(merged) == 1
    troops = merged[0]
    # a deployment and a dispatch of troops are one happening, coded with the preferred type
    assert troops.type == "AID"
    fields = {c.field: c for c in troops.conflicts}
    assert set(fields) == {"date", "number"}
    assert fields["date"].values == ("2024-06", "2024-07")
    assert fields["date"].docs == ("estonie-1.txt", "estonie-2.txt")
    assert fields["number"].values == ("1.500 soldats", "2.000 soldats")
    assert fields["number"].docs == ("estonie-1.txt", "estonie-2.txt")


def test_year_and_month_inside_it_agree(estonia_troops):
    vague = report("estonie-3.txt", "En 2024, la France a envoyé des soldats en Estonie.", "a envoyé", "AID",
                   mode="military", actor=estonia_troops[1].actor, recipient=estonia_troops[1].recipient,
                   date=DateValue.year(2024, "En 2024"), date_text="En 2024", published=day(2024, 9, 1))
    merged = merge([estonia_troops[1], vague])
    assert len(merged) == 1
    assert str(merged[0].date) == "2024-07"
    assert merged[0].conflicts == ()


def test_place_disagreement_on_the_same_day_is_a_conflict(ankara_visit):
    elsewhere = report("ankara-6.txt", "Jeudi, Hakan Fidan a reçu Dmytro Kouleba à Istanbul.", "a reçu", "CONSULT",
                       mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14),
                       location=Place("Kiev", "UKR"), published=day(2024, 3, 14))
    merged = merge([ankara_visit[0], elsewhere])
    assert len(merged) == 1
    conflict = only(list(merged[0].conflicts), field="location")
    assert conflict.values == ("Ankara (TUR)", "Kiev (UKR)")


def test_no_conflict_for_the_same_figure(estonia_troops):
    again = report("estonie-4.txt", "Selon l'état-major, 2.000 soldats ont été envoyés en Estonie en juillet.",
                   "ont été envoyés", "AID", mode="military", actor=estonia_troops[1].actor,
                   recipient=estonia_troops[1].recipient, date=DateValue.month(2024, 7), date_text="en juillet",
                   quantities=[Quantity(2000, "soldats", "2.000 soldats")], published=day(2024, 7, 21))
    merged = merge([estonia_troops[1], again])
    assert merged[0].conflicts == ()


# -- sources and status ---------------------------------------------------------------------------
def _visit(doc, sentence, source=None, **kw):
    return report(doc, sentence, "a reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                  date=day(2024, 3, 14), published=day(2024, 3, 14), source=source, **kw)


def test_confidence_grows_with_independent_sources_only():
    a = _visit("s1.txt", "Hakan Fidan a reçu jeudi Dmytro Kouleba pour des entretiens sur la mer Noire.", "AFP")
    b = _visit("s2.txt", "Le ministre turc a reçu son homologue ukrainien, venu parler des céréales.", "Reuters")
    same_agency = _visit("s3.txt", "Ankara : Fidan a reçu Kouleba, qui réclame davantage de drones.", "AFP")
    copy = _visit("s4.txt", "Hakan Fidan a reçu jeudi Dmytro Kouleba pour des entretiens sur la mer Noire !")
    alone = merge([a])[0].confidence
    independent = merge([a, b])[0].confidence
    assert independent > alone
    assert merge([a, same_agency])[0].confidence == alone  # one agency dispatch, twice
    assert merge([a, copy])[0].confidence == alone  # the same sentence republished
    assert merge([a, b, same_agency, copy])[0].confidence == independent
    assert independent <= rules().max_confidence


def test_asserted_beats_alleged_only_from_an_independent_source():
    usa = report("k1.txt", "Washington affirme que Hakan Fidan a reçu jeudi Dmytro Kouleba en secret.", "a reçu",
                 "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14),
                 status="alleged", claimed_by=[BAERBOCK], source="AFP")
    same = report("k2.txt", "Hakan Fidan a reçu jeudi Dmytro Kouleba, selon des responsables occidentaux.",
                  "a reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14),
                  source="AFP")
    other = report("k3.txt", "Le ministère turc confirme que Hakan Fidan a reçu Dmytro Kouleba jeudi.", "a reçu",
                   "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14),
                   source="Anadolu")
    assert merge([usa, same])[0].status == "alleged"
    both = merge([usa, same, other])[0]
    assert both.status == "asserted"
    assert [e.name for e in both.claimed_by] == ["Annalena Baerbock"]


# -- order and increments ------------------------------------------------------------------------
def test_order_does_not_matter(all_cases):
    expected = dicts(merge(all_cases))
    shuffler = random.Random(7)
    for _ in range(12):
        events = list(all_cases)
        shuffler.shuffle(events)
        assert dicts(merge(events)) == expected


def test_merging_in_steps_equals_merging_at_once(all_cases):
    expected = dicts(merge(all_cases))
    shuffler = random.Random(11)
    for _ in range(8):
        events = list(all_cases)
        shuffler.shuffle(events)
        cut = shuffler.randrange(1, len(events))
        assert dicts(merge(merge(events[:cut]) + events[cut:])) == expected


def test_merging_document_by_document_equals_merging_at_once(all_cases):
    expected = dicts(merge(all_cases))
    stored: list = []
    for doc in sorted({e.mentions[0].doc for e in all_cases}):
        stored = merge(stored + [e for e in all_cases if e.mentions[0].doc == doc])
    assert dicts(stored) == expected


def test_reingesting_changes_nothing(all_cases):
    merged = merge(all_cases)
    assert dicts(merge(merged)) == dicts(merged)
    assert dicts(merge(merged + all_cases)) == dicts(merged)


def test_ids_are_stable(all_cases):
    assert [e.id for e in merge(all_cases)] == [e.id for e in merge(list(reversed(all_cases)))]


def test_adjacent_years_are_two_happenings(pekin_meetings):
    earlier = report("bilan-2023.txt", "En 2023, Annalena Baerbock a rencontré Wang Yi à Pékin.", "a rencontré",
                     "CONSULT", actor=[BAERBOCK, WANG], date=DateValue.year(2023, "En 2023"), date_text="En 2023",
                     published=day(2023, 12, 28))
    later = report("bilan-2024b.txt", "En 2024, Annalena Baerbock a rencontré Wang Yi à Pékin.", "a rencontré",
                   "CONSULT", actor=[BAERBOCK, WANG], date=DateValue.year(2024, "En 2024"), date_text="En 2024",
                   published=day(2024, 12, 28))
    assert len(merge([earlier, later])) == 2
    merged = merge(pekin_meetings + [earlier])
    assert only(merged, date=DateValue.day(2023, 4, 14)).docs == ("bilan-2023.txt", "pekin-2023.txt")


def test_two_vague_windows_a_fortnight_apart_are_one_told_twice_only_through_a_precise_report():
    """'le mois dernier' resolved to shifted month-long windows by two articles, and a dated report."""
    window = DateValue.between
    first = report("v1.txt", "Le mois dernier, Hakan Fidan avait reçu Dmytro Kouleba à Ankara.", "avait reçu",
                   "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                   date=window(dt.date(2024, 2, 14), dt.date(2024, 3, 14)), published=day(2024, 4, 14))
    second = report("v2.txt", "Dmytro Kouleba s'était rendu à Ankara le mois dernier pour voir Hakan Fidan.",
                    "s'était rendu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                    date=window(dt.date(2024, 3, 30), dt.date(2024, 4, 30)), published=day(2024, 5, 1))
    assert len(merge([first, second])) == 2  # 16 days apart: too far for two month-wide windows alone
    dated = report("v3.txt", "Hakan Fidan a reçu en mars Dmytro Kouleba.", "a reçu", "CONSULT", mode="visit",
                   actor=[KOULEBA], recipient=[FIDAN], date=DateValue.month(2024, 3), published=day(2024, 3, 31))
    [visit] = merge([first, second, dated])
    assert str(visit.date) == "2024-03"
    conflict = only(list(visit.conflicts), field="date")  # what every source said, when they disagree
    assert conflict.values == ("2024-02-14/2024-03-14", "2024-03", "2024-03-30/2024-04-30")
    assert conflict.docs == ("v1.txt", "v3.txt", "v2.txt")


def _noisy_corpus(count: int, seed: int):
    """Reports of a few dozen meetings, threats and strikes, with vague, shifted or missing dates."""
    shuffler = random.Random(seed)
    cast = [Entity(f"P{i}", f"Personne {i}", "person", code) for i, code in
            enumerate(["UKR", "TUR", "DEU", "CHN", "MLI", "DZA", "FRA", "ISR"])]
    kinds = [("CONSULT", "visit"), ("CONSULT", None), ("THREATEN", None), ("ASSAULT", "drone"), ("AID", "military"),
             ("MOBILIZE", "troops")]
    base = [(shuffler.choice(kinds), shuffler.sample(cast, 2), dt.date(2024, 1, 1) + dt.timedelta(days=shuffler.randrange(400)))
            for _ in range(count // 4)]
    events = []
    for n in range(count):
        (kind, mode), (a, b), when = shuffler.choice(base)
        when += dt.timedelta(days=shuffler.choice([0, 0, 0, 1, -1, 3]))
        roll = shuffler.random()
        date = (DateValue.day(when.year, when.month, when.day) if roll < 0.6 else
                DateValue.month(when.year, when.month) if roll < 0.85 else None)
        troops = shuffler.choice([100, 200])
        sentence = f"Selon la dépêche {n}, {a.name} et {b.name} : {kind.lower()} signalé, {troops} soldats."
        events.append(report(f"n{n % 37}.txt", sentence, "signalé", kind, mode=mode, actor=[a], recipient=[b],
                             date=date, published=day(when.year, when.month, when.day), start=200 * n,
                             source=shuffler.choice(["AFP", "Reuters", None]),
                             quantities=[Quantity(troops, "soldats", f"{troops} soldats")]))
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_noisy_corpus_merges_the_same_in_any_order_and_is_stable(seed):
    events = _noisy_corpus(160, seed)
    expected = dicts(merge(events))
    assert len(expected) < len(events)
    shuffler = random.Random(seed)
    for _ in range(5):
        shuffled = list(events)
        shuffler.shuffle(shuffled)
        assert dicts(merge(shuffled)) == expected
    merged = merge(events)
    assert dicts(merge(merged)) == expected  # a finished timeline has nothing left to merge
    assert dicts(merge(merged + events[:40])) == expected  # documents ingested again change nothing
    assert sum(len(e.mentions) for e in merged) == len(events)  # every mention is kept


def test_copies_of_the_same_articles_only_add_mentions():
    """A dispatch republished by other sites: same happenings, more mentions, no more confidence."""
    events = _noisy_corpus(120, 4)
    copies = [dataclasses.replace(e, mentions=tuple(dataclasses.replace(m, doc="copie-" + m.doc)
                                                    for m in e.mentions)) for e in events]
    alone, with_copies = merge(events), merge(events + copies)
    assert len(with_copies) == len(alone)
    assert sum(len(e.mentions) for e in with_copies) == 2 * len(events)
    assert [e.confidence for e in with_copies] == [e.confidence for e in alone]


def test_two_protests_in_one_country_on_one_day_need_a_place_to_merge():
    france = Entity("FRA", "France", "country", "FRA")
    paris = report("manif-1.txt", "Des milliers d'agriculteurs ont manifesté mardi à Paris contre les normes européennes.",
                   "ont manifesté", "PROTEST", mode="demo", actor=[france], date=day(2024, 1, 30),
                   location=Place("Paris", "FRA"))
    lyon = report("manif-2.txt", "Des étudiants ont manifesté mardi à Lyon contre la réforme des bourses.",
                  "ont manifesté", "PROTEST", mode="demo", actor=[france], date=day(2024, 1, 30),
                  location=Place("Lyon", "FRA"))
    paris_again = report("manif-3.txt", "À Paris, la mobilisation des agriculteurs a réuni mardi des milliers de "
                         "personnes.", "mobilisation", "PROTEST", mode="demo", actor=[france], date=day(2024, 1, 30),
                         location=Place("Paris", "FRA"))
    merged = merge([paris, lyon, paris_again])
    assert sorted(len(e.mentions) for e in merged) == [1, 2]
    assert only(merged, location=Place("Paris", "FRA")).docs == ("manif-1.txt", "manif-3.txt")


def test_the_day_wins_over_the_month_when_a_shifted_window_only_touches_it(ankara_visit):
    """'le mois dernier' read from an article of mid-April gives a window that clips March."""
    shifted = report("ankara-7.txt", "Le mois dernier, Dmytro Kouleba avait été reçu à Ankara par Hakan Fidan.",
                     "avait été reçu", "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                     date=DateValue.between(dt.date(2024, 3, 16), dt.date(2024, 4, 15), "Le mois dernier"),
                     date_text="Le mois dernier", published=day(2024, 4, 16), location=ANKARA)
    [visit] = merge(ankara_visit + [shifted])
    assert visit.date == DateValue.day(2024, 3, 14)
    assert only(list(visit.conflicts), field="date").docs == ("ankara-2.txt", "ankara-1.txt", "ankara-7.txt")


def test_happenings_read_back_from_the_contract_merge_to_themselves():
    """What the store keeps (the JSON of each happening) merges again to the same timeline."""
    from annales.model import Event

    merged = merge(_noisy_corpus(120, 5))
    stored = [Event.from_dict(json.loads(json.dumps(e.to_dict()))) for e in merged]
    assert dicts(merge(stored)) == dicts(merged)


def test_an_announced_visit_and_a_possible_one_are_one_future_happening():
    announced = report("futur-1.txt", "Hakan Fidan se rendra à Kiev en mai, a annoncé son ministère.", "se rendra",
                       "CONSULT", mode="visit", actor=[FIDAN], recipient=[KOULEBA], date=DateValue.month(2024, 5),
                       date_text="en mai", status="planned", published=day(2024, 4, 20))
    possible = report("futur-2.txt", "Hakan Fidan pourrait se rendre à Kiev le mois prochain, selon la presse turque.",
                      "pourrait se rendre", "CONSULT", mode="visit", actor=[FIDAN], recipient=[KOULEBA],
                      date=DateValue.month(2024, 5), date_text="le mois prochain", status="hypothetical",
                      published=day(2024, 4, 22))
    [future] = merge([announced, possible])
    assert future.status == "planned" and future.docs == ("futur-1.txt", "futur-2.txt")


def test_a_year_does_not_chain_statements_months_apart():
    """ "L'an dernier" agrees with January and with November; the two statements stay apart."""
    report, day = cases.report, cases.day
    year = report("mali-1.txt", "L'an dernier, l'Algérie a salué l'accord de paix signé avec le Mali.", "a salué",
                  "SUPPORT", actor=[cases.ALGERIA], recipient=[cases.MALI],
                  date=DateValue.year(2023, "L'an dernier"), date_text="L'an dernier", published=day(2024, 2, 1))
    january = report("mali-2.txt", "Alger a salué mardi l'engagement de Bamako en faveur du dialogue.", "a salué",
                     "SUPPORT", actor=[cases.ALGERIA], recipient=[cases.MALI], date=day(2023, 1, 10, "mardi"),
                     date_text="mardi", published=day(2023, 1, 11))
    november = report("mali-3.txt", "L'Algérie a salué jeudi la reprise du dialogue au Mali.", "a salué",
                      "SUPPORT", actor=[cases.ALGERIA], recipient=[cases.MALI], date=day(2023, 11, 16, "jeudi"),
                      date_text="jeudi", published=day(2023, 11, 17))
    merged = merge([year, january, november])
    assert len(merged) == 3
    assert all(len(h.mentions) == 1 for h in merged)


def test_a_year_and_a_day_of_a_statement_in_other_articles_need_a_person_in_common():
    report, day = cases.report, cases.day
    vague = report("ng-1.txt", "En 2024, la France a salué les efforts du Nigeria contre le terrorisme.", "a salué",
                   "SUPPORT", actor=[cases.FRANCE], recipient=[cases.NIGERIA],
                   date=DateValue.year(2024, "En 2024"), date_text="En 2024", published=day(2025, 1, 5))
    precise = report("ng-2.txt", "Paris a salué lundi le rôle d'Abuja dans la région.", "a salué", "SUPPORT",
                     actor=[cases.FRANCE], recipient=[cases.NIGERIA], date=day(2024, 6, 3, "lundi"),
                     date_text="lundi", published=day(2024, 6, 4))
    assert len(merge([vague, precise])) == 2
    with_person = dataclasses.replace(precise, actor=(cases.MACRON,))
    vague_person = dataclasses.replace(vague, actor=(cases.MACRON,))
    assert len(merge([vague_person, with_person])) == 1


def test_dates_that_barely_touch_do_not_agree():
    r = rules()
    year = DateValue.year(2024)
    assert not r.agree(year, DateValue.parse("2024-12-25/2025-12-31"))
    assert r.agree(year, DateValue.month(2024, 7))
    assert r.agree(DateValue.month(2024, 7), DateValue.day(2024, 7, 31))


def test_one_article_telling_a_meeting_twice_dates_it_once():
    """The second telling has no date expression (the coder's window); the same article dated it."""
    report, day = cases.report, cases.day
    window = DateValue.parse("2024-03-08/2024-03-15")
    dated = report("ankara-9.txt", "Le sommet entre Hakan Fidan et Dmytro Kouleba le 20 février a ouvert la voie.",
                   "sommet", "CONSULT", actor=[cases.FIDAN, cases.KOULEBA], date=day(2024, 2, 20, "le 20 février"), date_text="le 20 février", published=day(2024, 3, 15))
    again = report("ankara-9.txt", "Au cours de ce voyage, Dmytro Kouleba a rencontré Hakan Fidan à Ankara.",
                   "a rencontré", "CONSULT", actor=[cases.KOULEBA], recipient=[cases.FIDAN], date=window,
                   published=day(2024, 3, 15), start=400)
    merged = merge([dated, again])
    assert len(merged) == 1
    assert str(merged[0].date) == "2024-02-20"
    elsewhere = dataclasses.replace(again, mentions=(dataclasses.replace(again.mentions[0], doc="other.txt"),))
    assert len(merge([dated, elsewhere])) == 2  # another article's undated report is not tied by this rule


def test_visits_by_different_named_visitors_stay_apart_even_with_overlapping_dates():
    """A foreign minister's visit and, weeks before, a defence minister's from the same state to the same
    capital: the wide date of one covers the other, but the visitors differ."""
    minister = report("teh-1.txt", "Wang Yi a été reçu samedi à Téhéran par le président iranien.",
                      "a été reçu", "CONSULT", mode="visit", actor=[WANG], recipient=[cases.IRAN],
                      date=DateValue.year(2024, "samedi"), date_text="samedi", published=DateValue.year(2024),
                      location=cases.TEHRAN)
    defence = report("teh-1.txt", "La visite de Wang Yi intervient un mois après celle de Dong Jun.",
                     "celle", "CONSULT", mode="visit", actor=[cases.DONG], recipient=[cases.IRAN],
                     date=DateValue.between(dt.date(2023, 12, 1), dt.date(2024, 11, 30)),
                     published=DateValue.year(2024), start=400)
    assert len(merge([minister, defence])) == 2
    same_visitor = dataclasses.replace(defence, actor=(WANG,))
    assert len(merge([minister, same_visitor])) == 1


def test_a_report_dated_only_by_its_window_does_not_disagree_with_a_date_expression():
    """"Au cours de sa visite, X a rencontré Y" has no date of its own: the coder's window before
    publication is no claim, so it neither picks the date nor shows as a conflict."""
    dated = report("ankara-3.txt", "Dmytro Kouleba a été reçu jeudi à Ankara par Hakan Fidan.", "a été reçu",
                   "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN], date=day(2024, 3, 14, "jeudi"),
                   date_text="jeudi", published=day(2024, 4, 20), location=ANKARA)
    window = report("ankara-3.txt", "Au cours de sa visite, Dmytro Kouleba a rencontré Hakan Fidan.", "a rencontré",
                    "CONSULT", mode="visit", actor=[KOULEBA], recipient=[FIDAN],
                    date=DateValue.between(dt.date(2024, 3, 21), dt.date(2024, 4, 20)), published=day(2024, 4, 20),
                    start=300)
    merged = merge([dated, window])
    assert len(merged) == 1
    assert merged[0].date == day(2024, 3, 14) and not merged[0].conflicts


def test_a_standing_statement_and_a_dated_one_in_one_article_stay_apart():
    """"Depuis l'an dernier, X accuse Y" and, in the same article, "X a accusé Y vendredi": an ongoing
    accusation and one instance of it, unless a named person ties them."""
    since = report("acc-1.txt", "Depuis l'an dernier, l'Algérie accuse le Mali de soutenir des groupes armés.",
                   "accuse", "ACCUSE", actor=[cases.ALGERIA], recipient=[cases.MALI],
                   date=DateValue.between(dt.date(2023, 1, 1), dt.date(2024, 3, 15), "l'an dernier"),
                   date_text="l'an dernier", published=day(2024, 3, 15))
    friday = report("acc-1.txt", "Alger a accusé vendredi Bamako d'avoir violé son espace aérien.", "a accusé",
                    "ACCUSE", actor=[cases.ALGERIA], recipient=[cases.MALI], date=day(2024, 3, 8, "vendredi"),
                    date_text="vendredi", published=day(2024, 3, 15), start=400)
    assert len(merge([since, friday])) == 2
