"""Provenance, quotes, quantities and summaries of the coded events."""
from __future__ import annotations

from annales.events import find_quotes


def test_every_event_points_at_its_sentence_and_trigger(code_text):
    text = ("Le président finlandais s'est rendu mardi à Tallinn.\n\n"
            "La Maison Blanche a déclaré vendredi que l'Iran avait livré des missiles à la Russie.")
    events, document, _ = code_text(text)
    assert events
    for event in events:
        (evidence,) = event.mentions
        assert evidence.doc == document.id and evidence.published == document.published
        assert text[evidence.start:evidence.end] == evidence.sentence
        assert evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end
        first_word = evidence.trigger.split()[0]
        assert text[evidence.trigger_start:].startswith(first_word)
        if evidence.date_text:
            assert text[evidence.date_start:evidence.date_end] == evidence.date_text


def test_claim_is_two_events_dated_apart(code_text):
    text = "La Maison Blanche a déclaré vendredi que la Syrie avait livré 2 000 roquettes au Hezbollah."
    events, _, _ = code_text(text)
    accuse = next(e for e in events if e.type == "ACCUSE")
    aid = next(e for e in events if e.type == "AID")
    assert accuse.mode == "allege" and accuse.status == "asserted"
    assert accuse.mentions[0].date_text == "vendredi" and str(accuse.date) == "2024-03-15"
    assert aid.status == "alleged" and {e.country for e in aid.claimed_by} == {"USA"}
    assert aid.date is not None and aid.date.end <= accuse.date.end and aid.date.precision == "interval"
    assert any(q.value == 2000 and q.unit == "roquettes" for q in aid.quantities)


def test_summary_and_score(code_text):
    events, _, _ = code_text("Le ministre italien s'est rendu jeudi en Tunisie.")
    (visit,) = [e for e in events if e.type == "CONSULT"]
    assert visit.score == 4.0
    assert "→" in visit.summary and "(CONSULT)" in visit.summary


def test_quotes_with_their_speaker(nlp, resolver):
    text = ("« Nous ne reculerons pas », a déclaré le président ukrainien. Le Premier ministre polonais a ajouté : "
            "“La Pologne restera solidaire.” Il a parlé de \"solidarité totale\" lundi.")
    doc = nlp(text)
    mentions = resolver.mentions(doc, None)
    quotes = find_quotes(doc, mentions)
    assert [q.text for q in quotes] == ["Nous ne reculerons pas", "La Pologne restera solidaire.", "solidarité totale"]
    for quote in quotes:
        assert text[quote.start + 1:quote.end - 1].strip() == quote.text
    assert quotes[0].speaker is not None and quotes[0].speaker.country == "UKR"
    assert quotes[1].speaker is not None and quotes[1].speaker.country == "POL"


def test_quote_attached_to_the_event_it_expresses(code_text):
    events, _, _ = code_text("« Nous soutenons la Géorgie », a déclaré le ministre estonien.")
    support = next(e for e in events if e.type == "SUPPORT")
    assert {a.country for a in support.actor} == {"EST"}
    assert support.quotes and support.quotes[0].text == "Nous soutenons la Géorgie"


def test_news_agencies_are_sources_not_actors(code_text):
    events, _, _ = code_text("L'agence Tass a rapporté que le président russe avait reçu le président iranien.")
    for event in events:
        assert all("tass" not in e.id.lower() for e in event.actor + event.recipient + event.claimed_by)


def test_denial_is_a_reject_event_aimed_at_the_accuser(code_text):
    text = ("Les États-Unis accusent la Russie d'avoir livré des armes au Soudan. "
            "Moscou a nié avoir expédié des armes à Khartoum.")
    events, _, _ = code_text(text)
    reject = next(e for e in events if e.type == "REJECT")
    assert {e.country for e in reject.actor} == {"RUS"} and {e.country for e in reject.recipient} == {"USA"}
    denied = [e for e in events if e.status == "denied"]
    assert denied and {e.country for e in denied[0].denied_by} == {"RUS"}


def test_a_sentence_with_no_political_event_yields_nothing(code_text):
    events, _, _ = code_text("Il a plu toute la journée sur Lyon et les températures ont baissé.")
    assert events == []


def test_a_person_spoken_to_is_not_the_place(code_text):
    for text, person in [
        ("Le président chinois Xi Jinping a assuré lundi à Vladimir Poutine que la Chine resterait à ses côtés.", "Poutine"),
        ("Le dirigeant turc a promis jeudi à Emmanuel Macron que la Turquie soutiendrait la candidature.", "Macron"),
    ]:
        events, _, _ = code_text(text)
        assert events
        for event in events:
            assert event.location is None or person not in event.location.name, (text, event.location)


def test_the_speaker_of_an_incise_acts_for_the_state_that_speaks(code_text):
    cases = [
        ("La France soutiendra l'Ukraine aussi longtemps qu'il le faudra, a affirmé lundi le président "
         "Emmanuel Macron.", "SUPPORT", "Macron", "FRA"),
        ("La Corée du Sud se tient « fermement aux côtés de ses alliés américains » et n'a « aucun doute » sur "
         "leur victoire, a déclaré le ministre des Affaires étrangères Cho Tae-yul lors de sa rencontre avec son "
         "homologue japonais à Tokyo.", "SUPPORT", "Cho", "KOR"),
    ]
    for text, kind, person, country in cases:
        events, _, _ = code_text(text)
        support = [e for e in events if e.type == kind]
        assert support, (text, events)
        actor = support[0].actor
        assert any(person in e.name and e.country == country for e in actor), (text, actor)
        assert support[0].status == "asserted"  # a state's word about its own stance is no claim


def test_what_is_said_during_a_meeting_takes_the_meetings_date(code_text):
    text = ("Rencontre à Berlin entre les ministres des Affaires étrangères allemand et polonais ce matin, "
            "mardi 5 mars.\n\n"
            "L'Allemagne se tient « fermement aux côtés » de la Pologne, a déclaré la ministre Annalena Baerbock "
            "lors de sa rencontre avec son homologue polonais Radoslaw Sikorski à Berlin.")
    events, _, _ = code_text(text, published="2024-03-05")
    support = [e for e in events if e.type == "SUPPORT"]
    assert support, events
    assert str(support[0].date) == "2024-03-05"
    assert support[0].mentions[0].date_text  # the expression that dated the meeting


def test_a_meeting_told_by_its_own_verb_keeps_its_own_date(code_text):
    text = ("Les ministres des Affaires étrangères allemand et polonais se sont rencontrés mardi à Berlin.\n\n"
            "En marge du sommet, le chancelier Olaf Scholz a rencontré le président Emmanuel Macron.")
    events, _, _ = code_text(text, published="2024-03-07")
    scholz = [e for e in events if e.type == "CONSULT" and any("Scholz" in a.name for a in e.actor + e.recipient)]
    assert scholz
    assert scholz[0].mentions[0].date_text is None or "mardi" not in scholz[0].mentions[0].date_text
