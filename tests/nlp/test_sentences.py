"""Sentence boundaries fixed before the parser: line breaks start sentences, names and lowercase words do not."""
from __future__ import annotations

import pytest

from annales.nlp import set_boundaries, text_of


def _sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_line_break_always_starts_a_sentence(nlp):
    text = "Kiev sous les bombes\nLe président ukrainien a appelé ses alliés à livrer des défenses aériennes."
    assert _sentences(nlp, text)[0] == "Kiev sous les bombes"


@pytest.mark.parametrize("text", [
    "« Après la rencontre entre le président Xi Jinping et le dirigeant Kim Jong Un au palais présidentiel le 3 mai, "
    "nous avons beaucoup progressé », a déclaré le ministre.",
    "Le Premier ministre Shehbaz Sharif et le président Recep Tayyip Erdogan ont signé un accord à Ankara.",
])
def test_no_sentence_starts_inside_a_name_or_on_a_lowercase_word(nlp, text):
    sentences = _sentences(nlp, text)
    assert len(sentences) == 1, sentences


def test_text_of_is_the_documents_text(nlp):
    doc = nlp("Le ministre est arrivé jeudi à Kiev.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)  # built once


def test_the_boundary_rules_themselves(nlp):
    """What the component fixes before the parser runs (the parser keeps it)."""
    doc = set_boundaries(nlp.make_doc("Titre sans point\n« Le dirigeant Kim Jong Un au cosmodrome, a-t-il dit."))
    by_text = {t.text: t for t in doc}
    assert by_text["«"].is_sent_start is True  # after a line break
    assert by_text["Le"].is_sent_start is False  # after an opening quote
    assert by_text["Un"].is_sent_start is False  # inside a run of name parts
    assert by_text["au"].is_sent_start is False  # a lowercase word within a line


@pytest.mark.parametrize(("text", "adverbial", "participle", "subject"), [
    ("Le Burundi a de son côté libéré mardi huit soldats rwandais.", "de son côté", "libéré", "Burundi"),
    ("Le président a au contraire reproché à ses voisins leur silence.", "au contraire", "reproché", "président"),
    ("La Russie a d'ores et déjà relâché douze marins.", "d'ores et déjà", "relâché", "Russie"),
])
def test_a_discourse_adverbial_after_an_auxiliary_is_one_adverb_and_the_participle_keeps_its_subject(
        nlp, text, adverbial, participle, subject):
    doc = nlp(text)
    merged = next(t for t in doc if t.text == adverbial)
    verb = next(t for t in doc if t.text == participle)
    assert merged.pos_ == "ADV" and merged.head == verb
    assert any(c.dep_.startswith("nsubj") and c.text == subject for c in verb.children)
    assert doc.text == text  # offsets into the text are unchanged


def test_an_adverbial_phrase_that_is_a_predicate_is_left_alone(nlp):
    doc = nlp("Le droit est de son côté.")
    assert "de son côté" not in [t.text for t in doc]


@pytest.mark.parametrize(("text", "phrase", "noun", "complement"), [
    ("Le Tchad a annoncé son retrait sans délai de la Ligue arabe.", "sans délai", "retrait", "Ligue"),
    ("Ottawa réclame la libération sans condition des deux pêcheurs.", "sans condition", "libération", "pêcheurs"),
    ("Le Pérou décide la fermeture avec effet immédiat de sa frontière.", "avec effet immédiat", "fermeture",
     "frontière"),
])
def test_a_manner_adverbial_is_one_adverb_and_the_event_noun_keeps_its_complement(
        nlp, text, phrase, noun, complement):
    doc = nlp(text)
    merged = next(t for t in doc if t.text == phrase)
    assert merged.pos_ == "ADV"
    assert next(t for t in doc if t.text == complement).head.text == noun
    assert doc.text == text


def test_every_merged_adverbial_of_a_text_is_marked_not_only_the_first(nlp):
    doc = nlp("Le Burundi a de son côté libéré huit soldats. Le Rwanda a pour sa part relâché trois pêcheurs "
              "et réclame la restitution sans condition des bateaux.")
    merged = [t for t in doc if t.text in ("de son côté", "pour sa part", "sans condition")]
    assert [t.pos_ for t in merged] == ["ADV", "ADV", "ADV"]
    assert next(t for t in doc if t.text == "relâché").pos_ != "ADV"
    assert next(t for t in doc if t.text == "bateaux").head.text == "restitution"


def test_aupres_de_is_one_preposition_and_its_noun_hangs_on_the_verb(nlp):
    doc = nlp("Pékin a protesté auprès de Tokyo contre la visite du ministre.")
    aupres, tokyo = doc[3], doc[5]
    assert (aupres.dep_, aupres.head.text, aupres.pos_) == ("case", "Tokyo", "ADP")
    assert tokyo.head.text == "protesté"


def test_punctuation_never_opens_a_sentence(nlp):
    """"A Washington, le président ..." is one sentence: a comma, a stop or a closing bracket continues
    the sentence before it (the parser cut after a fronted place)."""
    doc = set_boundaries(nlp.make_doc("A Helsinki, le ministre a parlé ; puis il est parti (hier)."))
    assert not any(t.is_sent_start for t in doc if t.text in (",", ";", ")", "."))


@pytest.mark.parametrize("text", [
    "A Washington, le président kényan a rencontré son homologue américain.",
    "À Canberra, le ministre chilien a critiqué la Chine.",
])
def test_a_fronted_place_hangs_on_the_clause_verb(nlp, text):
    doc = nlp(text)
    assert len(_sentences(nlp, text)) == 1
    place = doc[1]
    assert place.dep_ == "obl:mod" and place.head.pos_ == "VERB" and place.head.dep_ == "ROOT"


@pytest.mark.parametrize("text, verb, noun", [
    ("Le Canada a adopté jeudi des sanctions contre des officiers birmans.", "adopté", "sanctions"),
    ("L'armée a mené dimanche des frappes sur la capitale.", "mené", "frappes"),
])
def test_an_object_after_a_weekday_hangs_on_the_verb(nlp, text, verb, noun):
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == noun]
    assert token.head.text == verb and token.dep_ == "obj"
    assert doc[token.i - 1].dep_ == "det"


def test_an_object_with_its_article_after_a_weekday_hangs_on_the_verb(nlp):
    doc = nlp("Le Bhoutan a saisi mercredi la CIJ, selon son ministère des Affaires étrangères.")
    court = next(t for t in doc if t.text == "CIJ")
    assert court.head.text == "saisi" and court.dep_ == "obj"
