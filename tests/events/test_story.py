"""The story's two sides (annales.events.story): a side a sentence leaves implicit comes from the pair of
states the article is about, and only when there is such a pair."""
from __future__ import annotations

import pytest

from annales.events import coder, story
from annales.model import DateValue, Entity, Event, Evidence

TWO_STATES = (
    "Le Ghana accuse le Togo d'avoir déplacé des bornes frontalières. "
    "Le Ghana a accusé mardi le Togo d'avoir armé des rebelles. "
    "Lomé a démenti ces accusations mercredi. "
    "Les soldats ghanéens ont riposté dans la nuit. "
    "Le Togo a rappelé son ambassadeur."
)


def _sides(events, type_):
    return [([e.country for e in ev.actor], [e.country for e in ev.recipient]) for ev in events if ev.type == type_]


def test_a_side_the_sentence_leaves_implicit_is_the_other_state_of_the_story(code_text, resolver):
    events, document, doc = code_text(TWO_STATES, "2024-03-15")
    assert _sides(events, "ASSAULT") == [(["GHA"], ["TGO"])]  # "ont riposté": against Togo
    assert _sides(events, "SANCTION") == [(["TGO"], ["GHA"])]  # "a rappelé son ambassadeur": from Ghana
    filled = [e for e in events if e.type in ("ASSAULT", "SANCTION")]
    # the sentence alone does not say it: the coder leaves the side empty, the story fills it, with less confidence
    mentions = resolver.mentions(doc, document.published)
    alone = [e for e in coder.code(doc, document, [], mentions, resolver) if e.type in ("ASSAULT", "SANCTION")]
    assert alone and all(not e.recipient for e in alone)
    assert all(f.confidence < a.confidence for f, a in zip(filled, alone, strict=True))
    assault = next(e for e in events if e.type == "ASSAULT")
    assert "Togo" in assault.summary
    assert assault.location is not None and assault.location.country == "TGO"  # an attack happens on its target's soil


def test_no_side_is_filled_when_the_article_follows_three_states(code_text):
    text = ("Le Ghana a accusé le Togo d'ingérence. Le Bénin a accusé le Ghana d'ingérence. "
            "Le Togo a accusé le Bénin d'ingérence. Les soldats ghanéens ont riposté dans la nuit.")
    events, _, _ = code_text(text, "2024-03-15")
    assert _sides(events, "ASSAULT") == [(["GHA"], [])]


def _event(actor: list[str], recipient: list[str]) -> Event:
    def country(code: str) -> Entity:
        return Entity(code, code, "country", code)

    return Event("ACCUSE", (Evidence("d", "s", 0, 1, "accuse"),), actor=tuple(map(country, actor)),
                 recipient=tuple(map(country, recipient)), date=DateValue.day(2024, 3, 15))


@pytest.mark.parametrize(("events", "pair"), [
    ([(["RUS"], ["UKR"]), (["UKR"], ["RUS"]), (["RUS"], [])], ("RUS", "UKR")),
    ([(["RUS"], ["UKR"])], None),  # the second state named once only
    ([(["RUS"], ["UKR"]), (["UKR"], ["RUS"]), (["FRA"], ["DEU"]), (["DEU"], ["FRA"])], None),  # four states
    ([(["RUS"], ["UKR"]), (["RUS"], ["UKR"]), (["RUS"], ["BLR"]), (["BLR"], [])], None),  # a tie for second
])
def test_the_pair_of_a_story(events, pair):
    assert story.story_pair([_event(a, r) for a, r in events]) == pair


def test_an_event_with_both_sides_or_an_unknown_side_is_left_as_it_is(resolver):
    events = [_event(["RUS"], ["UKR"]), _event(["UKR"], ["RUS"]), _event(["RUS", "BLR"], []), _event([], [])]
    assert story.complete_sides(events, resolver) == events



ONE_STATE = (
    "Au Pérou, le report des élections régionales a provoqué la colère de l'opposition. "
    "La police péruvienne a dispersé les manifestants à Lima. "
    "Le gouvernement péruvien a suspendu deux chaînes de télévision. "
    "Des milliers de personnes ont manifesté contre le gouvernement péruvien. "
    "Le président péruvien a tenu une réunion d'urgence."
)


def test_a_story_of_one_states_own_affairs_keeps_its_implicit_sides_at_home(code_text):
    events, _, _ = code_text(ONE_STATE, "2024-03-15")
    assert _sides(events, "COERCE") == [(["PER"], ["PER"])]  # the police disperse the state's own people
    assert _sides(events, "PROTEST") == [(["PER"], ["PER"])]  # and its own people protest
    assert all(e.confidence < 0.8 for e in events if e.type in ("COERCE", "PROTEST"))
    # a meeting needs a second party: the story does not invent one at home
    meetings = [e for e in events if e.type == "CONSULT"]
    assert meetings and all(not e.recipient for e in meetings)


def test_no_home_story_when_a_second_state_is_named_often(code_text):
    text = ONE_STATE + " Le Chili a accusé le Pérou d'ingérence. Le Chili a rappelé son ambassadeur au Pérou."
    events, _, _ = code_text(text, "2024-03-15")
    assert story.home_state(events) is None
