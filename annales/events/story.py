"""The story's two sides: a missing actor or recipient taken from the pair of states an article is about.

Most political news follows one pair of states (Algérie–France, Inde–Pakistan), and its sentences
leave the other side implicit: "les soldats indiens ont riposté" (against Pakistan), "Paris rappelle
son ambassadeur" (from Algiers), "la partie biélorusse a balayé ces accusations" (Poland's). A reader
fills that side from the story; so does this module, only where the article is plainly about two
states and the sentence names one of them and leaves the other side empty. An article about one
state's own affairs (a contested election, a crackdown) fills it with that state: its police disperse its
own people, its people protest against it. A side filled this way comes from the story, not from the
sentence, so the event's confidence is lowered.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from annales.events.coder import summary_head
from annales.events.location import NOT_HAPPENED, ON_TARGET_TYPES, on_target
from annales.events.neighbours import borders
from annales.events.roles import at_venue, in_other_clause
from annales.events.state import ActorLookup
from annales.events.syntax import clause_verb
from annales.events.tables import Lexicon, lexicon
from annales.model import ActorMention, Event, Place

# The two states must carry this share of the state mentions among the document's events, and the
# second must be named at least twice and more often than the third: otherwise there is no pair.
PAIR_SHARE = 0.6
PAIR_MIN_SECOND = 2
CONFIDENCE_FACTOR = 0.8
# An article about one state's own affairs (a contested election, a crackdown, a coup): one state carries
# this share of the state mentions, named at least this often. A side left implicit is then inside it.
HOME_SHARE = 0.8
HOME_MIN = 3
# A meeting needs two parties that are not one state's: no home story fills it.
NOT_DOMESTIC = frozenset({"CONSULT"})


def story_pair(events: Sequence[Event]) -> tuple[str, str] | None:
    """The two states a document's events are about, or None when its events name no clear pair."""
    counts = Counter(e.country for event in events for e in event.actor + event.recipient if e.country)
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < PAIR_MIN_SECOND:
        return None
    if top[0][1] + top[1][1] < PAIR_SHARE * sum(counts.values()):
        return None
    if len(top) == 3 and top[2][1] == top[1][1]:
        return None  # a tie for second place: three states, no pair
    return top[0][0], top[1][0]


def home_state(events: Sequence[Event]) -> str | None:
    """The one state a document's events are about when it tells that state's own affairs, or None."""
    counts = Counter(e.country for event in events for e in event.actor + event.recipient if e.country)
    top = counts.most_common(1)
    if not top or top[0][1] < HOME_MIN or top[0][1] < HOME_SHARE * sum(counts.values()):
        return None
    return top[0][0]


def complete_sides(events: Sequence[Event], resolver: ActorLookup, mentions: Sequence[ActorMention] = (),
                   open_sides: frozenset[str] = frozenset(), doc: Doc | None = None) -> list[Event]:
    """``events`` of one document, where an event names one state of the story's pair on one side and
    nobody on the other, with the other state of the pair on that side; in a story of one state's own
    affairs ("la répression a fait deux morts", "des milliers de manifestants contre le report du
    scrutin"), with that state. An attack whose sentence names one third state, as a place ("depuis les combats
    au Soudan du Sud et l'offensive kényane"), strikes that state, not the story's other side. Events in
    ``open_sides`` (ids) keep their empty side: the text leaves it unknown on purpose ("l'attaque du 12 mars
    contre une caserne": no doer named). With the parsed ``doc``, a place in another clause of the sentence
    ("malgré la trêve conclue à Nairobi") is not the one struck."""
    pair = story_pair(events)
    home = home_state(events) if pair is None else None
    if pair is None and home is None:
        return list(events)
    friends = pair is not None and _linked(events, pair, hostile=False) and not _linked(events, pair, hostile=True)
    insurgent = _insurgent_states(events) if friends else set()
    out = []
    for event in events:
        known, empty = _one_sided(event) if event.id not in open_sides else (None, None)
        sides = pair if pair is not None else (home, home) if home and event.type not in NOT_DOMESTIC else None
        if friends and known and _opposing(event):
            # two states that meet but never face each other (a mediator and the state it mediates for): a hostile act
            # is not aimed at the friend; inside a state fighting its own armed group, it is aimed within
            sides = (known, known) if known in insurgent else None
        if sides is not None and known in sides and empty:
            struck = _third_place(event, mentions, {*sides, known}, doc) if empty == "recipient" and \
                event.type in ON_TARGET_TYPES else None
            if struck is not None:
                sides = (known, struck)  # "les combats au Soudan du Sud et l'offensive kényane": there
            other = resolver.country(sides[1] if known == sides[0] else sides[0])
            if other is not None and not _across_the_border(event, known, other.country):
                actor, recipient = (event.actor, (other,)) if empty == "recipient" else ((other,), event.recipient)
                _, _, what = event.summary.partition(" : ")
                place = event.location
                soil = on_target(event.type, event.mode, actor, recipient) if place is None and \
                    event.status not in NOT_HAPPENED else None
                if soil is not None and (state := resolver.country(soil)) is not None:
                    place = Place(state.name, soil)  # the attack's target, now known, is where it happened
                event = replace(event, actor=actor, recipient=recipient, location=place,
                                confidence=round(event.confidence * CONFIDENCE_FACTOR, 3),
                                summary=f"{summary_head(actor, recipient)} : {what}" if what else event.summary)
        out.append(event)
    return out


def _opposing(event: Event) -> bool:
    """Whether the event sets its parties against each other: a hostile act (a negative PLOVER score), or
    a retreat from one."""
    return event.type == "RETREAT" or lexicon("fr").score(event.type, event.mode) < 0


def _linked(events: Sequence[Event], pair: tuple[str, str], hostile: bool) -> bool:
    """Whether some event of the document sets one state of the pair against the other (``hostile``), or
    brings them together (a meeting, an agreement, support: a mediator and the state it mediates for)."""
    a, b = pair
    for event in events:
        actor = {e.country for e in event.actor}
        recipient = {e.country for e in event.recipient}
        if _opposing(event) == hostile and ((a in actor and b in recipient) or (b in actor and a in recipient)):
            return True
    return False


def _insurgent_states(events: Sequence[Event]) -> set[str]:
    """The states whose own armed group ("la milice X", "les rebelles") is a party of an event of the
    document: a mutiny, an insurgency told with a foreign mediator."""
    return {e.country for event in events for e in event.actor + event.recipient
            if e.kind == "group" and e.country}


def _across_the_border(event: Event, known: str | None, other: str | None) -> bool:
    """An invasion, an incursion, a seizure of land ("territory" context) names no state that the story
    could take for its other side unless the two share a border (annales/data/borders.yaml): "l'invasion
    russe", told in a story between France and Russia, did not invade France."""
    if "territory" not in event.context or not known or not other or known == other:
        return False
    return other not in borders().get(known, frozenset())


def _one_sided(event: Event) -> tuple[str | None, str | None]:
    """(the one state named on one side, the name of the empty side), or (None, None)."""
    actor = {e.country for e in event.actor}
    recipient = {e.country for e in event.recipient}
    if event.actor and not event.recipient and len(actor) == 1:
        return next(iter(actor)), "recipient"
    if event.recipient and not event.actor and len(recipient) == 1:
        return next(iter(recipient)), "actor"
    return None, None



def _third_place(event: Event, mentions: Sequence[ActorMention], story: set[str | None],
                 doc: Doc | None = None) -> str | None:
    """The one state the event's sentence names outside the story's sides, when it names it as a place
    after a preposition of place ("en Ukraine", "à Kharkiv"), and no other such state; with ``doc``, a
    place in the event's own clause, not in a clause of another verb or at a venue ("une frappe malgré la
    trêve conclue à Nairobi")."""
    evidence = event.mentions[0]
    lex = lexicon("fr")
    named = [m for m in mentions if evidence.start <= m.start < evidence.end]
    third = {c for m in named for c in ((m.entity.country if m.entity else None),
                                         (m.place.country if m.place else None)) if c and c not in story}
    if len(third) != 1:
        return None
    text = evidence.sentence
    for m in named:
        before = text[:m.start - evidence.start].split()
        word = lex.prep(before[-1]) if before else ""
        if m.place is not None and m.place.country in third and word in lex.status.locative and not (
                doc is not None and _elsewhere(doc, event, m, lex)):
            return m.place.country
    return None


def _elsewhere(doc: Doc, event: Event, mention: ActorMention, lex: Lexicon) -> bool:
    """Whether ``mention`` sits in another clause than the event's trigger, or at a venue."""
    evidence = event.mentions[0]
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return False
    trigger = doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
    place = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if trigger is None or place is None:
        return False
    verb = clause_verb(trigger.root)
    return at_venue(lex, place.root, verb) or in_other_clause(place.root, verb)
