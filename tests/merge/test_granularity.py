"""One happening, once: when two reports of one type in one article are one act told twice, and when
they are two acts. A title names the stake of the act its article tells with another side; an act
told "également", "en outre" with another verb is one more act, not the first one again."""
from __future__ import annotations

import merge_cases as cases  # tests/merge is on pytest's pythonpath (pyproject.toml)

from annales.merge import merge
from annales.model import Entity

report, day = cases.report, cases.day

CHILE = Entity("CHL", "Chili", "country", "CHL")
BOLIVIA = Entity("BOL", "Bolivie", "country", "BOL")
ARGENTINA = Entity("ARG", "Argentine", "country", "ARG")
PERU = Entity("PER", "Pérou", "country", "PER")
MERCOSUR = Entity("ORG:MERCOSUR", "Mercosur", "organization", None)
OAS = Entity("ORG:OAS", "Organisation des États américains", "organization", None)
BORIC = Entity("Q_boric_test", "Gabriel Boric", "person", "CHL")
VAN_KLAVEREN = Entity("Q_vanklaveren_test", "Alberto van Klaveren", "person", "CHL")
THURSDAY = day(2025, 6, 12)


def test_a_title_naming_the_stake_and_the_body_naming_the_forum_are_one_act():
    title = report("cl1.txt", "Gabriel Boric bloque l'accord sur le lithium avec l'Argentine", "bloque", "REJECT",
                   actor=[BORIC], recipient=[ARGENTINA], date=THURSDAY, start=0)
    body = report("cl1.txt", "Le président chilien a annoncé jeudi avoir opposé son veto au texte lors de la "
                  "réunion du Mercosur à Asunción.", "opposé son veto", "REJECT", actor=[BORIC],
                  recipient=[MERCOSUR], date=THURSDAY, start=120)
    merged = merge([title, body])
    assert len(merged) == 1
    assert len(merged[0].mentions) == 2


def test_a_title_and_a_body_act_by_another_named_doer_stay_two():
    title = report("cl2.txt", "Gabriel Boric bloque l'accord sur le lithium avec l'Argentine", "bloque", "REJECT",
                   actor=[BORIC], recipient=[ARGENTINA], date=THURSDAY, start=0)
    body = report("cl2.txt", "Son ministre des Affaires étrangères Alberto van Klaveren a rejeté jeudi la "
                  "proposition de l'OEA sur les quotas d'exportation.", "a rejeté", "REJECT",
                  actor=[VAN_KLAVEREN], recipient=[OAS], date=THURSDAY, date_text="jeudi", start=300)
    assert len(merge([title, body])) == 2


def test_two_body_reports_by_one_doer_against_two_sides_stay_two():
    # only a title may name another side than its article: in the body, two sides are two acts
    one = report("cl3.txt", "Gabriel Boric a accusé le Pérou de laisser passer les trafiquants.", "a accusé",
                 "ACCUSE", actor=[BORIC], recipient=[PERU], date=THURSDAY, start=150)
    other = report("cl3.txt", "Dans la soirée, Gabriel Boric a accusé l'OEA de partialité dans le dossier "
                   "migratoire.", "a accusé", "ACCUSE", actor=[BORIC], recipient=[OAS], date=THURSDAY, start=420)
    assert len(merge([one, other])) == 2


def test_an_agreement_told_as_one_more_is_another_agreement():
    title = report("cl4.txt", "Le Chili et la Bolivie renouent le dialogue après dix ans de brouille",
                   "renouent le dialogue", "AGREE", actor=[CHILE, BOLIVIA], date=THURSDAY, start=0)
    visas = report("cl4.txt", "Selon La Paz, le Chili a accepté de supprimer les visas exigés des routiers "
                   "boliviens.", "a accepté", "AGREE", actor=[CHILE], recipient=[BOLIVIA], date=THURSDAY,
                   status="alleged", start=90)
    border = report("cl4.txt", "Santiago et La Paz ont par ailleurs décidé de rouvrir trois postes-frontières "
                    "dans l'Altiplano.", "ont par ailleurs décidé", "AGREE", actor=[CHILE, BOLIVIA], date=THURSDAY,
                    start=400)
    merged = merge([title, visas, border])
    assert len(merged) == 2
    assert sorted(len(e.mentions) for e in merged) == [1, 2]


def test_an_agreement_told_again_without_an_addition_word_stays_one():
    signed = report("cl5.txt", "Le Chili et la Bolivie ont convenu mardi de rouvrir trois postes-frontières.",
                    "ont convenu", "AGREE", actor=[CHILE, BOLIVIA], date=THURSDAY, start=90)
    again = report("cl5.txt", "L'accord conclu entre Santiago et La Paz prévoit aussi un fonds commun pour les "
                   "routes andines.", "accord conclu", "AGREE", actor=[CHILE, BOLIVIA], date=THURSDAY, start=400)
    # "aussi" after the trigger tells what the agreement holds, not one more agreement
    assert len(merge([signed, again])) == 1


def test_an_accusation_told_in_two_counts_stays_one():
    # a statement's speaker says several things: "il leur reproche aussi" is the same accusation
    first = report("cl6.txt", "L'état-major chilien accuse les soldats boliviens d'avoir tiré sur une "
                   "patrouille.", "accuse", "ACCUSE", actor=[CHILE], recipient=[BOLIVIA], date=THURSDAY,
                   start=90)
    second = report("cl6.txt", "Il leur reproche aussi le survol de la frontière par un drone.", "reproche",
                    "ACCUSE", actor=[CHILE], recipient=[BOLIVIA], date=THURSDAY, start=300)
    assert len(merge([first, second])) == 1


def test_a_commitment_and_the_act_it_commits_to_are_one_happening():
    text = "Le Chili a accepté de lever les droits de douane sur le cuivre bolivien."
    agree = report("cl7.txt", text, "a accepté", "AGREE", actor=[CHILE], date=THURSDAY)
    lift = report("cl7.txt", text, "lever les droits", "RETREAT", actor=[CHILE], recipient=[BOLIVIA],
                  date=THURSDAY)
    merged = merge([agree, lift])
    assert [(e.type, len(e.mentions)) for e in merged] == [("AGREE", 2)]
    assert merge(merged) == merged


def test_an_act_told_before_a_commitment_stays_its_own():
    text = "La junte a libéré douze opposants et accepté de rouvrir les frontières avec le Chili."
    release = report("cl8.txt", text, "a libéré", "RETREAT", mode="release", actor=[BOLIVIA], date=THURSDAY)
    agree = report("cl8.txt", text, "accepté", "AGREE", actor=[BOLIVIA], recipient=[CHILE], date=THURSDAY)
    reopen = report("cl8.txt", text, "rouvrir les frontières", "RETREAT", mode="access", actor=[BOLIVIA],
                    recipient=[CHILE], date=THURSDAY)
    merged = merge([release, agree, reopen])
    assert sorted((e.type, e.mode) for e in merged) == [("AGREE", None), ("RETREAT", "release")]


KENYA = Entity("KEN", "Kenya", "country", "KEN")
SOMALILAND = Entity("group:somaliland-test", "Somaliland", "group", "SOM")


def test_a_recognition_an_accreditation_and_a_ratification_of_one_day_are_three_acts():
    title = report("ke1.txt", "Le Somaliland reconnu par le Kenya", "reconnu", "SUPPORT", actor=[KENYA],
                   recipient=[SOMALILAND], start=0)
    recognised = report("ke1.txt", "Nairobi a officiellement reconnu mardi les autorités de Hargeisa, une "
                        "première sur le continent.", "a officiellement reconnu", "SUPPORT", actor=[KENYA],
                        recipient=[SOMALILAND], date=THURSDAY, date_text="mardi", start=60)
    accredited = report("ke1.txt", "Le ministère kényan a accrédité le même jour l'envoyé de Hargeisa comme "
                        "ambassadeur.", "a accrédité", "SUPPORT", actor=[KENYA], recipient=[SOMALILAND],
                        date=THURSDAY, start=260)
    ratified = report("ke1.txt", "Le Parlement de Nairobi a ratifié dans la foulée un accord portuaire avec "
                      "Berbera.", "a ratifié", "SUPPORT", actor=[KENYA], recipient=[SOMALILAND], date=THURSDAY,
                      start=420)
    again = report("ke1.txt", "Cette reconnaissance a été saluée par des manifestations de joie à Hargeisa.",
                   "reconnaissance", "SUPPORT", actor=[KENYA], recipient=[SOMALILAND], date=THURSDAY, start=560)
    merged = merge([title, recognised, accredited, ratified, again])
    assert sorted(len(e.mentions) for e in merged) == [1, 1, 3]


def test_an_act_and_the_reaction_of_its_target_stay_two():
    recognition = report("ke2.txt", "Le Kenya a reconnu jeudi les autorités du Somaliland.", "a reconnu", "SUPPORT",
                         actor=[KENYA], recipient=[SOMALILAND], date=THURSDAY, date_text="jeudi")
    thanks = report("ke2.txt", "Hargeisa a salué cette décision qualifiée d'historique.", "a salué", "SUPPORT",
                    actor=[SOMALILAND], date=THURSDAY, start=300)
    elsewhere = report("ke3.txt", "Hargeisa a salué jeudi le geste de Nairobi.", "a salué", "SUPPORT",
                       actor=[SOMALILAND], date=THURSDAY, date_text="jeudi")
    assert len(merge([recognition, thanks])) == 2
    assert len(merge([recognition, elsewhere])) == 2


def test_a_recall_and_a_break_told_later_stay_two_whatever_their_modes():
    recall = report("pe1.txt", "Lima a rappelé lundi son ambassadeur à Caracas pour consultations.", "a rappelé",
                    "SANCTION", mode="withdraw", actor=[PERU], recipient=[Entity("VEN", "Venezuela", "country", "VEN")],
                    date=day(2025, 6, 9), date_text="lundi")
    rupture = report("pe1.txt", "Cette escalade a débouché sur la rupture des relations entre les deux capitales.",
                     "rupture", "SANCTION", actor=[PERU], recipient=[Entity("VEN", "Venezuela", "country", "VEN")],
                     date=day(2025, 6, 9), start=400)
    again = report("pe1.txt", "Le rappel de l'ambassadeur péruvien avait été annoncé par la présidence.",
                   "rappel", "SANCTION", actor=[PERU], recipient=[Entity("VEN", "Venezuela", "country", "VEN")],
                   date=day(2025, 6, 9), start=600)
    merged = merge([recall, rupture, again])
    assert sorted(len(e.mentions) for e in merged) == [1, 2]


LULA = Entity("Q_lula_test", "Luiz Inácio Lula da Silva", "person", "BRA")
ANGOLA = Entity("AGO", "Angola", "country", "AGO")


def test_a_pending_plan_told_again_months_later_is_one_plan():
    first = report("br1.txt", "Lula a promis de se rendre en Angola pour rendre la visite de son homologue.",
                   "se rendre", "CONSULT", mode="visit", actor=[LULA], recipient=[ANGOLA], status="planned",
                   published=day(2025, 2, 3))
    again = report("br2.txt", "Le président brésilien ira à Luanda à une date encore à fixer, a répété son "
                   "porte-parole.", "ira", "CONSULT", mode="visit", actor=[LULA], recipient=[ANGOLA],
                   status="planned", published=day(2025, 4, 20))
    assert len(merge([first, again])) == 1


def test_undated_acts_told_months_apart_stay_two():
    first = report("br3.txt", "Lula s'est rendu en Angola, selon la présidence.", "s'est rendu", "CONSULT",
                   mode="visit", actor=[LULA], recipient=[ANGOLA], published=day(2025, 2, 3))
    again = report("br4.txt", "Lula s'est rendu en Angola pour un sommet régional.", "s'est rendu", "CONSULT",
                   mode="visit", actor=[LULA], recipient=[ANGOLA], published=day(2025, 4, 20))
    assert len(merge([first, again])) == 2
