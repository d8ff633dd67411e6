"""The incise readers of syntax.py: an inverted subject after a quotation or a fronted clause."""
from __future__ import annotations

import pytest

from annales.events.syntax import incise_comma, inverted_subjects


def _verb(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma and t.pos_ in ("VERB", "ADJ"))


@pytest.mark.parametrize("text, lemma, subject", [
    ("« Nos villages ne resteront pas sans défense », ont menacé les talibans dans un communiqué.", "menacer",
     "talibans"),
    ("La trêve ne tiendra pas, a averti mardi le Hezbollah.", "avertir", "Hezbollah"),
    ("« C'est faux », a démenti le gouvernement ougandais.", "démentir", "gouvernement"),
])
def test_the_subject_after_an_incise_verb(nlp, text, lemma, subject):
    verb = _verb(nlp(text), lemma)
    assert incise_comma(verb) is not None
    assert [t.text for t in inverted_subjects(verb)][:1] == [subject]


@pytest.mark.parametrize("text, lemma", [
    ("Le ministre français, arrivé lundi à Kiev, a rencontré mercredi le président ukrainien.", "rencontrer"),
    ("Le gouvernement malien a rappelé son ambassadeur, accusant l'Algérie d'ingérence.", "accuser"),
    ("La Turquie a menacé la Grèce de représailles.", "menacer"),
])
def test_no_incise_after_an_apposition_a_participle_or_a_plain_subject(nlp, text, lemma):
    verb = _verb(nlp(text), lemma)
    assert incise_comma(verb) is None
    assert inverted_subjects(verb) == []
