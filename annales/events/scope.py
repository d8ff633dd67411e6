"""Is it political news? Events coded in sport, culture or leisure stories are dropped.

A verb lexicon reads a club that "reçoit" its opponents as a meeting, supporters who "demandent la
démission" of their coach as a REQUEST, a festival that "propose" an evening as an AGREE. Three
mechanisms, with their words in ``annales/lang/<lang>/scope.yaml``:

- **the clause's setting**: a clause about a match, a season, a show (``contexts``, a score such as
  "(2-2)") codes nothing;
- **who acts**: an acting party named as a club, a player, a coach, a festival ("l'entraîneur X",
  "les supporters de X", "FC ...") codes nothing;
- **who takes part**: an event needs one political party: a state, a known official, body or armed
  group, or anyone whose name comes with a political title ("le député X", "le parti X"). An event
  between unknown private persons, or with a sports or cultural body and no political party, codes
  nothing. An unknown organization keeps its events (rebel movements and parties are often unknown
  to the dictionary).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from annales.events.state import DocState
from annales.events.syntax import clause_verb
from annales.lang import load_table, table_schema
from annales.model import Entity, Event


@table_schema("scope")
class ScopeTable(BaseModel):
    model_config = ConfigDict(extra="forbid")

    nonpolitical_heads: list[str]
    ambiguous_heads: list[str]
    club_prefixes: list[str]
    contexts: list[str]
    score_patterns: list[str]
    political_heads: list[str]


@dataclass(frozen=True)
class _Words:
    """A word list split into single words (matched on lemma or form) and phrases (matched on text)."""

    single: frozenset[str]
    phrases: re.Pattern[str] | None

    @classmethod
    def of(cls, words: list[str]) -> _Words:
        single = frozenset(w.lower() for w in words if " " not in w)
        multi = [w.lower() for w in words if " " in w]
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in multi) + r")\b") if multi else None
        return cls(single, pattern)

    def token(self, token: Token) -> bool:
        return token.lemma_.lower() in self.single or token.lower_ in self.single

    def any(self, tokens: list[Token]) -> bool:
        if any(self.token(t) for t in tokens):
            return True
        if self.phrases is None or not tokens:
            return False
        return bool(self.phrases.search(" ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))))


@dataclass(frozen=True)
class Scope:
    nonpolitical: _Words
    ambiguous: _Words
    political: _Words
    contexts: _Words
    clubs: frozenset[str]
    scores: tuple[re.Pattern[str], ...]


@cache
def scope(lang: str = "fr") -> Scope:
    """The scope table of ``lang``, indexed (once per process)."""
    table = ScopeTable.model_validate(load_table("scope", lang))
    return Scope(_Words.of(table.nonpolitical_heads), _Words.of(table.ambiguous_heads), _Words.of(table.political_heads), _Words.of(table.contexts),
                 frozenset(table.club_prefixes), tuple(re.compile(p) for p in table.score_patterns))


def political(state: DocState, events: list[Event], lang: str = "fr") -> list[Event]:
    """The events of one document that are political news (see the module's docstring)."""
    if not events:
        return events
    words = scope(lang)
    kinds: dict[str, str] = {}
    out = []
    for event in events:
        trigger = _trigger(state, event)
        parties = list(event.actor + event.recipient + event.claimed_by)
        judged = {e.id: kinds.setdefault(e.id, _kind(state, e, words)) for e in parties}
        political_party = "political" in judged.values()
        if trigger is not None and _scored(state, trigger, words):
            continue  # a match, whoever the parties seem to be
        if any(judged[e.id] == "nonpolitical" for e in event.actor + event.claimed_by) or (
                trigger is not None and _sports_subject(trigger, words)):
            continue  # a club, a player, a festival acts
        if trigger is not None and _unnamed_subject(state, trigger):
            continue  # a private person named by a first name acts; the parties found are others
        if trigger is not None and words.contexts.any(_clause_tokens(trigger)) and (
                not political_party or _sports_subject(trigger, words, ambiguous=True)):
            continue  # a clause about a match or a show, and nobody political (or a team) in it
        if parties and not political_party and (
                "nonpolitical" in judged.values() or all(e.kind == "person" for e in parties)):
            continue  # nobody political takes part
        out.append(event)
    return out


def _trigger(state: DocState, event: Event) -> Token | None:
    evidence = event.mentions[0]
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return None
    span = state.doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
    return span.root if span is not None else None


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's clause with what it embeds ("a menacé | de quitter son écurie avant la fin de la
    saison"): its verb's subtree."""
    return list(clause_verb(trigger).subtree)


def _scored(state: DocState, trigger: Token, words: Scope) -> bool:
    """A score in the trigger's clause."""
    tokens = _clause_tokens(trigger)
    text = state.text[min(t.idx for t in tokens):max(t.idx + len(t) for t in tokens)]
    return any(p.search(text) for p in words.scores)


def _sports_subject(trigger: Token, words: Scope, ambiguous: bool = False) -> bool:
    """The subject of the trigger's verb is named as a club, a player, a festival ("le coureur belge a
    attaqué", "les supporters ont réclamé"), whatever the demonym beside it resolves to."""
    verb = clause_verb(trigger)
    heads = words.ambiguous if ambiguous else words.nonpolitical
    return any(c.dep_ in ("nsubj", "nsubj:pass") and heads.token(c) for c in verb.children)


def _unnamed_subject(state: DocState, trigger: Token) -> bool:
    """The subject of the trigger's verb (or of the verb a gerund hangs on: "X a écrit au ministre |
    en lui demandant") is a proper name the actors module recognised as nobody ("Thomas", "Lucie"):
    a private person acts, and whatever party the event found around it is not the actor."""
    verb = clause_verb(trigger)
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            break
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    subject = subjects[0]
    if subject.pos_ != "PROPN" or subject.ent_type_ not in ("", "PER"):
        return False
    return not any(m.start <= subject.idx < m.end for m in state.mentions)


def _kind(state: DocState, entity: Entity, words: Scope) -> str:
    """political, nonpolitical or unknown: what the dictionary knows, else the words around its names."""
    if entity.kind in ("country", "group"):
        return "political"
    dictionary = getattr(state.resolver, "dictionary", None)
    if dictionary is not None:
        if entity.id in getattr(dictionary, "people", {}):
            return "political"
        if entity.id.startswith("org:") and entity.id[4:] in getattr(dictionary, "orgs", {}):
            return "political"
    name = entity.name.split()
    if len(name) >= 2 and (name[0] in words.clubs or name[-1] in words.clubs):
        return "nonpolitical"
    verdict = "unknown"
    for mention in state.mentions:
        if mention.entity is None or mention.entity.id != entity.id:
            continue
        if mention.role is not None:
            return "political"
        span = state.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        near = _around(span)
        if words.political.any(near):
            return "political"
        if words.nonpolitical.any(near):
            verdict = "nonpolitical"
    return verdict


def _around(span: Span) -> list[Token]:
    """The words that name a mention: its own, its head's (up through "de"), its appositions, and
    the title words just before it ("l'entraîneur X", "le Premier ministre travailliste X")."""
    out = list(span)
    root = span.root
    head = root
    for _ in range(2):
        if head.dep_ in ("nmod", "appos", "flat:name", "flat", "obl", "nsubj", "obj") and head.head.i != head.i \
                and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            head = head.head
            out.append(head)
        else:
            break
    for child in root.children:  # "X, l'entraîneur de Y"
        if child.dep_ == "appos" and child.i >= span.end:
            out.extend(t for t in child.subtree if t.i - child.i < 6)
    start = max(span.sent.start, span.start - 4)
    out.extend(t for t in span.doc[start:span.start] if t.pos_ in ("NOUN", "ADJ", "PROPN"))
    return out
