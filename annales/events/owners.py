"""Whose state a possessive names: "son pays", "notre pays", "nos diplomates", "ses ressortissants".

French news names a side by what it owns: "X a accusé Y de menacer son pays" (X's state), "« La Russie
menace notre pays », a déclaré X" (the speaker's), "l'expulsion de ses diplomates par Y" (the subject's).
``possessed_state`` gives the state for such a noun phrase, or None when the phrase is not one (it has
a name of its own, its noun is not in ``owned_by_state`` of the titles table, or the owner is unknown
or not of one state).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Token

from annales.events.state import DocState
from annales.lang import load_table
from annales.model import Entity

__all__ = ["possessed_state"]

# the tagger does not always give a possessive its person
_PERSON = {"mon": "1", "ma": "1", "mes": "1", "notre": "1", "nos": "1",
           "son": "3", "sa": "3", "ses": "3", "leur": "3", "leurs": "3"}


@cache
def _owned(lang: str = "fr") -> frozenset[str]:
    return frozenset(load_table("titles", lang).get("owned_by_state", ()))


@cache
def _owned_by_speaker(lang: str = "fr") -> frozenset[str]:
    return frozenset(load_table("titles", lang).get("owned_by_speaker", ()))


def possessed_state(state: DocState, head: Token, speaker: tuple[Entity, ...]) -> list[Entity] | None:
    """The state a possessive noun phrase stands for: first person, the quote's speaker's state; third
    person, the state of the sentence's main subject (the highest subject above the phrase)."""
    from annales.events.roles import countries_of, country_of, demonym, entities_of

    speaker_only = head.lemma_ in _owned_by_speaker() or head.lower_ in _owned_by_speaker()
    if head.lemma_ not in _owned() and head.lower_ not in _owned() and not speaker_only:
        return None
    owner = next((c for c in head.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)), None)
    # a name inside the phrase says whose it is, not one in an apposition that describes it ("son pays,
    # un allié de la Russie" is still the subject's country)
    described = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    if owner is None or any(t.i in state.by_token for t in head.subtree if t.i not in described):
        return None
    if any(c.dep_ == "amod" and demonym(state, c) for c in head.children):
        return None  # "la France expulse ses premiers diplomates russes": the demonym says whose
    person = owner.morph.get("Person", []) or [_PERSON.get(owner.lower_, "")]
    if speaker_only and "1" not in person:
        return None
    owners: list[Entity] = []
    if "1" in person:
        owners = list(speaker)
    elif "3" in person:
        for subject in _subjects_above(head):
            owners = entities_of(state, subject, speaker)
            if owners:
                break
    codes = countries_of(owners)
    if len(codes) != 1:
        return None
    country = country_of(state, next(iter(codes)))
    return [country] if country is not None else None


def _subjects_above(head: Token) -> list[Token]:
    """Subjects of the verbs above ``head``, the highest first (French "son" reads as the main subject:
    "X a accusé Y de menacer son pays"), none inside the phrase itself."""
    chain: list[Token] = []
    node = head
    while node.head.i != node.i:
        node = node.head
        chain.append(node)
    out: list[Token] = []
    for verb in reversed(chain):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.pos_ != "PRON" and not (
                    child.left_edge.i <= head.i <= child.right_edge.i):
                out.append(child)
    return out


def bare_object_state(state: DocState, verb: Token, skip: Sequence[Token] = ()) -> list[Entity]:
    """"a libéré vendredi 39 prisonniers arméniens", "a pris d'assaut, vendredi, l'ambassade de X":
    when the parser hangs the object on the date word, the first noun phrase after the verb in its
    clause (past dates, numbers, adverbs, commas, the verb's own prepositional phrases and fixed words
    in ``skip``; before any other preposition or verb) names the object: its entity, or the state of its demonym."""
    from annales.events.roles import demonym_state, mention_entity

    dated = [(t.start, t.end) for t in state.timexes]
    own = {t.i for t in skip}
    for child in verb.children:  # the verb's own prepositional phrases ("d'assaut", "à Kaboul"): not the object
        if child.i > verb.i and child.dep_.startswith("obl") and any(
                c.dep_ == "case" and c.lower_ != "des" for c in child.children):
            own.update(t.i for t in child.subtree)
    sent = verb.sent
    for token in verb.doc[verb.i + 1: sent.end]:
        if token.i in own or any(a <= token.idx < b for a, b in dated) or token.pos_ in ("NUM", "ADV", "DET") or (
                token.text == ","):
            continue
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        if any(c.dep_ == "case" and c.lower_ != "des" for c in token.children) or (
                token.i > 0 and token.nbor(-1).pos_ == "ADP" and token.nbor(-1).lower_ != "des"):
            return []  # "des" is the article the parser took for a preposition ("expulsé lundi des diplomates")
        for mention in state.by_token.get(token.i, ()):
            entity = mention_entity(state, mention)
            if entity is not None:
                return [entity]
        for child in token.children:
            if child.dep_ == "amod" and child.i not in state.by_token:
                entity = demonym_state(state, child)
                if entity is not None:
                    return [entity]
        if token.dep_ == "obl:mod" and not any(c.dep_ == "det" for c in token.children):
            continue  # a bare adverbial noun ("vendredi", "hier soir") before the object
        return []
    return []
