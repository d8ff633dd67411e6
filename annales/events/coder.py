"""PLOVER event coding from French dependency parses.

For each sentence: find trigger words (verb frames, then noun frames), fill actor/recipient/place
from the syntax (subject, object, prepositional complements, passive agent, coordination), decide the
status (asserted, alleged, denied, planned, hypothetical, negated) from the words that govern the
trigger, date it by the temporal expression of its clause, and keep the sentence as evidence.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from annales.events.quotes import find_quotes, sentences, speaker_tokens
from annales.events.tables import Lexicon, NounFrame, VerbFrame, lexicon
from annales.model import (
    ActorMention,
    DateValue,
    Document,
    Entity,
    Event,
    Evidence,
    Place,
    Quantity,
    Quote,
    Timex,
)

SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
CLAUSES = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj"}
NP_DEPS = {"det", "amod", "appos", "flat:name", "flat", "flat:foreign", "compound", "nummod", "fixed", "nmod", "case",
           "conj", "cc", "punct"}
OBLIQUES = ("obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "nmod", "obj", "advmod", "xcomp")


@dataclass
class Roles:
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    place: Place | None = None
    fallback: bool = False  # the actor came from proximity, not syntax
    theme: list[Entity] = field(default_factory=list)


@dataclass
class Status:
    status: str = "asserted"
    claimed_by: tuple[Entity, ...] = ()
    denied_by: tuple[Entity, ...] = ()
    speaker: tuple[Entity, ...] = ()  # who reports it (reporting verb, selon, quote)
    speech: Token | None = None  # the reporting verb, when there is one
    tense: str = "present"


@dataclass
class _Doc:
    """Working state of one document."""

    doc: Doc
    document: Document
    lex: Lexicon
    resolver: object
    mentions: list[ActorMention]
    timexes: list[Timex]
    quotes: list[Quote]
    by_token: dict[int, list[ActorMention]]
    paragraph_date: dict[int, tuple[DateValue, Timex | None]] = field(default_factory=dict)
    accusations: list[tuple[tuple[Entity, ...], tuple[Entity, ...]]] = field(default_factory=list)
    last_person: Entity | None = None
    recent: list[Entity] = field(default_factory=list)  # entities named so far, latest last
    previous: list[Entity] = field(default_factory=list)  # entities of the sentence before
    group_at: int = 0  # token index of the "les deux ..." being resolved
    last_place: Place | None = None
    current: Span | None = None  # the sentence being coded (spaCy's sentences re-joined)
    text: str = ""  # doc.text, built once (spaCy rebuilds it on every access)
    breaks: list[int] = field(default_factory=list)  # offsets of paragraph breaks
    dated: dict[tuple, Timex | None] = field(default_factory=dict)  # memo of _governing


# -- public ------------------------------------------------------------------------------------
def code(doc: Doc, document: Document, timexes: Sequence[Timex], mentions: Sequence[ActorMention],
         resolver, lang: str = "fr") -> list[Event]:
    """The PLOVER events of one parsed document, one per mention, each with its evidence."""
    lex = lexicon(lang)
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    by_token: dict[int, list[ActorMention]] = {}
    for mention in ordered:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            by_token.setdefault(token.i, []).append(mention)
    state = _Doc(doc, document, lex, resolver, ordered, sorted(timexes, key=lambda t: t.start),
                 find_quotes(doc, ordered, lex), by_token)
    state.text = doc.text
    separator = "\n\n" if "\n\n" in state.text else "\n"
    state.breaks = [m.start() for m in re.finditer(re.escape(separator), state.text)]
    events: list[Event] = []
    for sentence in sentences(doc):
        if _skipped(state.text, sentence, lex):
            continue
        state.current = sentence
        _speakers(state, sentence)
        found = _code_sentence(state, sentence)
        events.extend(found)
        _remember(state, sentence)
    return events


def _speakers(state: _Doc, sent: Span) -> None:
    """Give the quotes of this sentence a speaker where the plain search found none ("a-t-il dit",
    "Pyongyang : « ... »"), now that the pronouns before it can be resolved."""
    for n, quote in enumerate(state.quotes):
        if quote.speaker is not None or not (sent.start_char <= quote.start < sent.end_char
                                             or sent.start_char < quote.end <= sent.end_char):
            continue
        speaker: list[Entity] = []
        for token in sent:
            if quote.start <= token.idx < quote.end:
                continue
            if token.lemma_ in state.lex.reporting and token.pos_ in ("VERB", "AUX"):
                speaker = _entities_of_tokens(state, speaker_tokens(token, (quote.start, quote.end)), ())
                if speaker:
                    break
        if not speaker:
            before = state.text[sent.start_char:quote.start].rstrip()
            if before.endswith(":"):
                for token in sent:
                    if token.idx >= quote.start - 1:
                        break
                    for mention in state.by_token.get(token.i, ()):
                        entity = _mention_entity(state, mention)
                        if entity is not None and not _agency(state, entity):
                            speaker = [entity]
                            break
                    if speaker:
                        break
        if speaker:
            state.quotes[n] = Quote(quote.start, quote.end, quote.text, speaker[0])


def _skipped(text: str, sentence: Span, lex: Lexicon) -> bool:
    """Sentences on a line pointing to another article ("A lire : ...")."""
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    low = text[line_start:sentence.end_char].strip().lower()
    return any(low.startswith(p) for p in lex.status.skip_line_prefixes)


# -- triggers ----------------------------------------------------------------------------------
def _reflexive(token: Token) -> bool:
    return any(c.lemma_ == "se" or "Reflex=Yes" in str(c.morph) for c in token.children)


def _objects(token: Token) -> list[Token]:
    out = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    if not out:  # a bare noun phrase after the verb the parser did not call an object ("conclu mercredi un accord")
        out = [c for c in token.children if c.dep_ in ("obl:mod", "obl", "nmod") and c.i > token.i
               and c.pos_ == "NOUN" and not any(g.dep_ == "case" for g in c.children)]
    if not out and _passive(token):
        out = [c for c in token.children if c.dep_ == "nsubj"]
    return out + [c for o in list(out) for c in o.children if c.dep_ == "conj"]


def _passive(token: Token) -> bool:
    """Passive voice; not the pronominal "se sont rencontrés" nor "est arrivé" (verbs taking être)."""
    if _reflexive(token) or token.lemma_ in _LEX_ETRE():
        return False
    if any(c.dep_ == "obl:agent" for c in token.children):
        return True
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children) or "Voice=Pass" in str(token.morph)


def _LEX_ETRE() -> frozenset[str]:
    return lexicon().etre_verbs


def _negated(token: Token, lex: Lexicon) -> bool:
    """"n'a pas", "n'a jamais", "aucun ... n'a": a negation word beside the particle "ne"."""
    heads = [token] + [c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    near = [c for h in heads for c in h.children]
    particle = any(c.lower_ in lex.status.negation_particles for c in near)
    for c in near:
        if c.dep_ in ("advmod", "det", "nsubj", "obj", "cc", "advmod:neg") and c.lower_ in lex.negation:
            if particle or c.lower_ in lex.status.negation_alone:
                return True
        if c.dep_ in ("nsubj", "obj") and any(d.lower_ in lex.status.negation_alone for d in c.children):
            return particle
    return False


def _case(token: Token, lex: Lexicon) -> str | None:
    cases = [c for c in token.children if c.dep_ in ("case", "mark") and c.i < token.i]
    if not cases:
        return None
    # the word itself, not its lemma: the tagger lemmatises "entre" as "entrer"
    return lex.prep(cases[0].lower_)


def _surface_forms(token: Token) -> list[str]:
    """Keys to look a predicate up by: its lemma, then its own form without gender/number endings
    ("reconnaissante" → "reconnaissant", which the lemmatiser turns into "reconnaître")."""
    low = token.lower_
    forms = [token.lemma_, low]
    for ending in ("es", "s", "e"):
        if low.endswith(ending):
            forms.append(low[: -len(ending)])
    return forms


def _verb_frame(token: Token, lex: Lexicon) -> tuple[VerbFrame, list[Token]] | None:
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        keys = _surface_forms(token)
    elif any(c.dep_.startswith("aux") for c in token.children) and token.lower_.endswith("é"):
        keys = [token.lower_[:-1] + "er"]  # a participle the tagger took for a noun ("a téléphoné")
    else:
        return None
    seen: set[str] = set()
    for key in keys:
        if key in seen or key not in lex.verbs:
            continue
        seen.add(key)
        hit = _first_frame(token, lex.verbs[key], lex)
        if hit is not None:
            return hit
    return None


def _first_frame(token: Token, frames, lex: Lexicon) -> tuple[VerbFrame, list[Token]] | None:
    for frame in frames:
        if frame.reflexive is True and not _reflexive(token):
            continue
        if frame.reflexive is False and _reflexive(token):
            continue
        extra: list[Token] = []
        if frame.objects:
            accepted = lex.expand(frame.objects)
            objs = [o for o in _objects(token) if o.lemma_ in accepted or o.lower_ in accepted
                    or o.lower_.rstrip("sx") in accepted]  # plural-only nouns keep their "s" as lemma
            if not objs:  # "des tonnes de médicaments", "des milliers de soldats"
                objs = [n for o in _objects(token) for n in o.children
                        if n.dep_ == "nmod" and _case(n, lex) == "de" and n.lemma_ in accepted]
            if not objs:
                continue
            extra = objs[:1]
        if frame.require_prep and not _prep_child(token, frame.require_prep, lex):
            continue
        if frame.negated_idiom and not _negated(token, lex):
            continue
        if frame.subjects:
            accepted = lex.expand(frame.subjects)
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if not any(t.lemma_ in accepted or any(n.lemma_ in accepted for n in t.children) for t in subjects):
                continue
        return frame, extra
    return None


def _prep_key_matches(key: str, child: Token, lex: Lexicon) -> bool:
    prep, _, noun = key.partition(":")
    if _case(child, lex) != prep:
        return False
    if noun:
        return child.lemma_ in lex.expand([noun])
    return True


def _prep_child(token: Token, key: str, lex: Lexicon) -> Token | None:
    """The complement ``key`` names, on the verb or one level down ("dimanche au téléphone")."""
    for child in token.children:
        if child.dep_ in OBLIQUES and _prep_key_matches(key, child, lex):
            return child
    for child in token.children:
        for grand in child.children:
            if grand.dep_ in ("nmod", "obl", "obl:mod", "acl", "xcomp") and _prep_key_matches(key, grand, lex):
                return grand
    return None


# -- entities ----------------------------------------------------------------------------------
def _np_tokens(head: Token, lex: Lexicon, depth: int = 0) -> list[Token]:
    """The noun phrase of ``head``: its modifiers and "de" complements, not its clauses or other PPs
    (but the agent of a participle: "l'aide apportée par la France")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "acl" and depth < 4:
            for agent in child.children:
                if agent.dep_ == "obl:agent":
                    out.extend(_np_tokens(agent, lex, depth + 1))
            continue
        if child.dep_ not in NP_DEPS:
            continue
        if child.dep_ == "nmod" and _case(child, lex) not in (None, "de") and depth > 0:
            continue
        if child.dep_ == "nmod" and _case(child, lex) not in (None, "de"):
            continue
        if child.dep_ == "nmod" and _case(child, lex) is None and child.left_edge.i > max(t.i for t in out) + 1:
            continue  # a stray name further on ("... Kim Jong | Un"), not a complement of this noun
        if depth < 4:
            out.extend(_np_tokens(child, lex, depth + 1))
    return out


def _mention_entity(state: _Doc, mention: ActorMention) -> Entity | None:
    if mention.entity is not None:
        return mention.entity
    if mention.place is not None and mention.place.country:
        return _country(state, mention.place.country)
    return None


def _country(state: _Doc, code: str) -> Entity | None:
    try:
        return state.resolver.country(code)
    except Exception:  # an unknown code is not worth losing the event for
        return None


def _agency(state: _Doc, entity: Entity) -> bool:
    try:
        return bool(state.resolver.is_news_agency(entity))
    except Exception:
        return False


def _entities(state: _Doc, head: Token, speaker: tuple[Entity, ...] = (), skip: frozenset[int] = frozenset()
              ) -> list[Entity]:
    """Entities named by the noun phrase headed by ``head`` (pronouns and "les deux pays" resolved)."""
    lex = state.lex
    low = head.lower_.lstrip("-")  # "a-t-il"
    pron = lex.status.pronouns
    if head.pos_ == "PRON" or low in pron.singular or low in pron.plural or low in pron.speaker:
        if low in pron.speaker and speaker:
            return list(speaker)
        state.group_at = head.i
        if low in pron.plural and _group(state, True, 2):
            return _group(state, True, 2)
        if low in pron.singular:
            earlier = [m.entity for i in range(head.sent.start, head.i) for m in state.by_token.get(i, ())
                       if m.entity is not None and m.entity.kind == "person"]
            if earlier:
                return [earlier[0]]
            if state.last_person is not None:
                return [state.last_person]
        if head.i not in state.by_token:
            return []
    if low in lex.status.relative_pronouns and head.head.dep_ == "acl:relcl" and head.head.head.i != head.head.i:
        return _entities(state, head.head.head, speaker)  # "le ministère, qui accuse X": the antecedent
    tokens = [t for t in _np_tokens(head, lex) if t.i not in skip]
    place = _demonstrative_place(state, head)
    if place is not None:
        entity = _country(state, place.country) if place.country else None
        return [entity] if entity else []
    people = head.lemma_ in lex.status.group_people
    size = next((lex.status.group_numbers[c.lower_] for c in head.children if c.lower_ in lex.status.group_numbers), 0)
    if (people or head.lemma_ in lex.status.group_heads) and size:
        state.group_at = head.i
        if not any(t.i in state.by_token for t in tokens) and _group(state, people, size):
            return _group(state, people, size)
    found: list[Entity] = []
    seen_mentions: set[int] = set()
    for token in sorted(tokens, key=lambda t: t.i):
        for mention in state.by_token.get(token.i, ()):
            if id(mention) in seen_mentions:
                continue
            seen_mentions.add(id(mention))
            entity = _mention_entity(state, mention)
            if entity is not None and not _agency(state, entity):
                found.append(entity)
        if (token.dep_ == "amod" or (token.dep_ == "conj" and token.pos_ == "ADJ")) and token.i not in state.by_token:
            code = _demonym(state, token)
            if code:
                entity = _country(state, code)
                if entity is not None:
                    found.append(entity)
    if not any(c.dep_ == "conj" for c in head.children):
        found.extend(_coordinated(state, tokens))
    return _dedupe(found)


def _coordinated(state: _Doc, tokens: list[Token]) -> list[Entity]:
    """"X et Y" where the parser lost the coordination: the actor named right after "et" (or right
    before it, for a subject)."""
    doc = state.doc
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    out: list[Entity] = []
    steps = ((hi + 1, 1), (lo - 1, -1))
    for start, step in steps:
        i = start
        if not (0 <= i < len(doc)) or doc[i].lower_ not in ("et", "ainsi"):
            continue
        i += step
        while 0 <= i < len(doc) and doc[i].pos_ in ("DET", "ADP", "ADV") and abs(i - start) < 4:
            i += step
        sent = state.current
        if not (0 <= i < len(doc)) or (sent is not None and not sent.start <= i < sent.end):
            continue
        for mention in state.by_token.get(i, ()):
            entity = _mention_entity(state, mention)
            if entity is not None and not _agency(state, entity):
                out.append(entity)
                break
    return out


def _demonstrative_place(state: _Doc, head: Token) -> Place | None:
    """"cette zone", "ce pays": the place named last (in this sentence, else before it)."""
    lex = state.lex
    if head.lemma_ not in lex.status.place_nouns or not any("PronType=Dem" in str(c.morph) for c in head.children):
        return None
    if any(t.i in state.by_token for t in _np_tokens(head, lex)):
        return None
    sent = state.current or head.sent
    before = [m.place for i in range(sent.start, head.i) for m in state.by_token.get(i, ())
              if m.place is not None and m.place.country]
    return before[-1] if before else state.last_place


def _demonym(state: _Doc, token: Token) -> str | None:
    try:
        return state.resolver.country_of(token.text) or state.resolver.country_of(token.lemma_)
    except Exception:
        return None


def _dedupe(entities: Iterable[Entity]) -> list[Entity]:
    """One entry per id; a state already carried by one of its people is not listed again."""
    out: list[Entity] = []
    for e in entities:
        if any(o.id == e.id for o in out):
            continue
        out.append(e)
    carried = {e.country for e in out if e.kind != "country" and e.country}
    return [e for e in out if not (e.kind == "country" and e.country in carried)]


def _place_of(state: _Doc, head: Token) -> Place | None:
    demonstrative = _demonstrative_place(state, head)
    if demonstrative is not None:
        return demonstrative
    for token in sorted(_np_tokens(head, state.lex), key=lambda t: t.i):
        for mention in state.by_token.get(token.i, ()):
            if mention.place is not None:
                return mention.place
            if mention.entity is not None and mention.entity.kind == "country":
                return Place(mention.text, mention.entity.country)
    try:
        place = state.resolver.place(head.text)
    except Exception:
        place = None
    return place


# -- roles -------------------------------------------------------------------------------------
def _subject_heads(verb: Token, state: _Doc, passive_role: bool = False) -> list[Token]:
    """Subject tokens of ``verb``, following coordination, control and participles upward."""
    subs = [c for c in verb.children if c.dep_ in SUBJECTS or (
        c.dep_ == "expl:subj" and c.lower_ != "-t" and verb.lemma_ not in state.lex.status.impersonal_verbs)]
    if subs:
        return subs + [c for s in subs for c in s.children if c.dep_ == "conj"]
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject_heads(verb.head, state)
    if verb.dep_ in ("xcomp", "acl", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        # "remercié les soldats ayant aidé": a participle on the object; "..., accusant X" (advcl) is the subject's
        participle = verb.dep_ != "advcl" and verb.i > 0 and verb.nbor(-1).text != "," and (
            any(c.lower_ == "ayant" for c in verb.children) or verb.lower_.endswith("ant"))
        if head.lemma_ in state.lex.object_control or participle:
            objs = [c for c in head.children if c.dep_ in ("obj", "iobj") and c.pos_ != "PRON" or (
                c.dep_ == "iobj" and "Reflex=Yes" not in str(c.morph))]
            objs += [c for c in head.children if c.dep_.startswith("obl") and _case(c, state.lex) == "à"
                     and c.i < verb.i]  # "demander à la Chine de libérer"
            if objs:
                return objs[:1]
        if verb.dep_ == "xcomp":
            return _subject_heads(head, state)
    if verb.dep_ in ("advcl",) and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ == "mark" and c.lower_ in ("si", "que", "quand", "lorsque") for c in verb.children):
            return _subject_heads(verb.head, state)
    detached = verb.lower_.endswith("ant") and verb.i > 0 and verb.nbor(-1).text == ","
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN") and not detached and not any(
            c.dep_ == "mark" for c in verb.children):  # "quelques mois après avoir expulsé" is adverbial
        return [verb.head]
    if detached:  # "..., accusant X de": the subject of the clause it is detached from
        node = verb.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            return _subject_heads(node, state)
    if "Inf" in verb.morph.get("VerbForm") or ("Part" in verb.morph.get("VerbForm") and not any(
            c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm") for c in verb.children)):
        node = verb.head  # "quelques mois après avoir expulsé": the subject of the clause it hangs in
        for _ in range(4):
            if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
                found = [c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass")]
                if found:
                    return found
            if node.head.i == node.i:
                break
            node = node.head
    return []


def _fill(state: _Doc, roles: Roles, role: str, head: Token, speaker: tuple[Entity, ...],
          skip: frozenset[int] = frozenset()) -> None:
    if role in ("actor", "recipient", "theme"):
        entities = _entities(state, head, speaker, skip)
        getattr(roles, role).extend(entities)
    elif role in ("place", "destination"):
        place = _place_of(state, head)
        if place is not None and roles.place is None:
            roles.place = place
        if role == "destination":
            entities = _entities(state, head, speaker)
            countries = [e for e in entities if e.kind == "country"]
            if not countries and place is not None and place.country:
                country = _country(state, place.country)
                countries = [country] if country else []
            roles.recipient.extend(countries or entities)


def _verb_roles(state: _Doc, verb: Token, frame: VerbFrame, consumed: list[Token],
                speaker: tuple[Entity, ...]) -> Roles:
    roles = Roles()
    passive = _passive(verb)
    subj_role = frame.subj
    obj_role = frame.obj
    pass_role = frame.pass_subj or obj_role
    participle = verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and not verb.lower_.endswith(
        "ant") and not any(c.dep_.startswith("aux") for c in verb.children)
    own = frozenset(t.i for t in verb.subtree)
    for head in _subject_heads(verb, state):
        is_passive_subj = (passive and head.head == verb) or (participle and head == verb.head)
        # the noun a participle describes, without the participle's own phrase ("les régions soutenues par X")
        _fill(state, roles, pass_role if is_passive_subj else subj_role, head, speaker,
              own if head == verb.head else frozenset())
    candidates = list(verb.children)
    for obj in _objects(verb):  # "imposer des sanctions contre X", "fournir des avions à X": the PP may hang on the noun
        candidates += [c for c in obj.children if c.dep_ in ("nmod", "acl") and _case(c, state.lex) not in (None, "de")]
    for child in candidates:
        if child.dep_ == "obl:agent" or (passive and _case(child, state.lex) == "par"):
            _fill(state, roles, subj_role, child, speaker)
            continue
        if child.dep_ == "obj" and obj_role == "theme":
            _fill(state, roles, "theme", child, speaker)
            continue
        if child.dep_ == "obj" and child not in consumed and not frame.objects:
            _fill(state, roles, obj_role, child, speaker)
            for conj in child.children:
                if conj.dep_ == "conj":
                    _fill(state, roles, obj_role, conj, speaker)
            continue
        if child.dep_ == "obj" and child in consumed and obj_role == "recipient":
            # "apprécier le soutien de X", "expulser deux diplomates soudanais"
            _fill(state, roles, "recipient", child, speaker)
            continue
        if child.dep_ == "iobj" and child.pos_ == "PRON" and "Reflex=Yes" not in str(child.morph):
            if "à" in frame.preps:
                _fill(state, roles, frame.preps["à"], child, speaker)
            continue
        if child.dep_ in OBLIQUES:
            for key, role in frame.preps.items():
                if _prep_key_matches(key, child, state.lex):
                    target = child
                    if ":" in key:  # "aux côtés de X": X is the "de" complement of the noun
                        target = next((c for c in child.children if c.dep_ == "nmod"), None)
                        if target is None:
                            break
                    _fill(state, roles, role, target, speaker)
                    for conj in target.children:
                        if conj.dep_ == "conj":
                            _fill(state, roles, role, conj, speaker)
                    break
    if not roles.recipient and (frame.obj == "recipient" or any(
            r in ("recipient", "destination") for r in frame.preps.values())):
        _linear_verb_roles(state, verb, frame, roles, speaker)
    if frame.scan and not roles.recipient:
        _scan(state, verb, roles, speaker)
    if roles.place is None:
        roles.place = _where(state, verb)
    if frame.place_actor and not roles.actor and roles.place is not None and roles.place.country:
        people = _country(state, roles.place.country)  # unnamed crowds act for their country's people
        if people is not None:
            roles.actor.append(people)
    if not roles.actor and roles.theme:  # "des armes nord-coréennes ont été livrées": the goods' origin
        roles.actor.extend(roles.theme)
    if not roles.actor and not any(c.dep_ in SUBJECTS for c in verb.children) and not passive and not participle \
            and not frame.place_actor:
        near = _nearest_before(state, verb)
        if near:
            roles.actor.extend(near)
            roles.fallback = True
    return roles


def _linear_verb_roles(state: _Doc, verb: Token, frame: VerbFrame, roles: Roles,
                       speaker: tuple[Entity, ...]) -> None:
    """"fournir des avions de combat à l'Ukraine": the parser hangs "à l'Ukraine" on "combat"; read the
    prepositional complements that follow the verb in its clause."""
    for token in verb.doc[verb.i + 1: verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "«", "»"):
            break
        if token.i not in state.by_token or token.dep_ == "case":
            continue
        case = _case(token, state.lex)
        bare = (not frame.scan and token.dep_ not in SUBJECTS and token.dep_ != "conj" and frame.require is None
                and not any(":" in key for key in frame.preps))  # "être aux côtés de" needs its complement
        role = frame.preps.get(case or "") if case else (frame.obj if bare else None)
        if role in ("recipient", "destination"):
            _fill(state, roles, role, token, speaker)
            return


def _where(state: _Doc, verb: Token) -> Place | None:
    """A place the verb's own adverbials introduce with a locative preposition ("mercredi à Pékin"), not
    one inside its object ("le soutien à l'action militaire en Ukraine")."""
    lex = state.lex
    near = [c for c in verb.children if c.dep_ not in ("obj", "nsubj", "nsubj:pass", "ccomp", "xcomp", "csubj")]
    near += [g for c in near if c.dep_.startswith("obl") or c.pos_ in ("NOUN", "PROPN") for g in c.children
             if g.dep_ in ("nmod", "obl", "obl:mod", "appos")]
    for token in sorted(near, key=lambda t: t.i):
        if _case(token, lex) not in lex.status.locative:
            continue
        for mention in state.by_token.get(token.i, ()):
            if mention.place is not None:
                return mention.place
            if mention.entity is not None and mention.entity.country:  # "devant le Parlement géorgien"
                return Place(mention.text, mention.entity.country)
    return None


def _scan(state: _Doc, verb: Token, roles: Roles, speaker: tuple[Entity, ...]) -> None:
    """Actors named further in the clause ("a exprimé sa préoccupation quant à la coopération entre X et Y")."""
    taken = {e.id for e in roles.actor}
    for child in verb.children:
        if child.i < verb.i or child.dep_ in SUBJECTS or child.dep_ in ("ccomp", "parataxis", "punct"):
            continue
        for token in child.subtree:
            if token.dep_ in ("ccomp", "parataxis", "acl:relcl"):
                break
            if _case(token, state.lex) in state.lex.status.locative:
                continue  # "l'assaut en Ukraine": where, not to whom
            if token.dep_ == "amod" and token.i not in state.by_token:  # "des parlementaires américains"
                code = _demonym(state, token)
                entity = _country(state, code) if code else None
                if entity is not None and entity.id not in taken:
                    roles.recipient.append(entity)
                    taken.add(entity.id)
            for mention in state.by_token.get(token.i, ()):
                entity = _mention_entity(state, mention)
                if entity is not None and entity.id not in taken and not _agency(state, entity):
                    roles.recipient.append(entity)
                    taken.add(entity.id)


def _nearest_before(state: _Doc, token: Token) -> list[Entity]:
    sent = state.current if state.current is not None else token.sent
    for i in range(token.i - 1, sent.start - 1, -1):
        for mention in state.by_token.get(i, ()):
            entity = _mention_entity(state, mention)
            if entity is not None and not _agency(state, entity):
                return [entity]
    return []


def _noun_roles(state: _Doc, noun: Token, frame: NounFrame, speaker: tuple[Entity, ...]) -> Roles:
    roles = Roles()
    lex = state.lex
    for child in noun.children:
        case = _case(child, lex)
        if child.dep_ == "det" and "Poss=Yes" in str(child.morph):
            owner = _possessor(state, noun)
            if frame.of in ("actor", "recipient"):
                getattr(roles, frame.of).extend(owner)
            continue
        if child.dep_ == "amod" and child.i not in state.by_token:
            code = _demonym(state, child)
            if code:
                entity = _country(state, code)
                if entity is not None:
                    getattr(roles, frame.adj if frame.adj != "destination" else "recipient").append(entity)
            continue
        if child.dep_ in ("nmod", "acl", "amod", "appos") or child.dep_.startswith("obl"):
            if case == "de" or (case is None and child.dep_ == "nmod" and child.pos_ == "PROPN"):
                role = frame.of
            elif case in frame.preps:
                role = frame.preps[case]
            else:
                continue
            heads = [child] + [c for c in child.children if c.dep_ == "conj"]
            for head in heads:
                if role == "theme":  # "livraison d'armes nord-coréennes": the goods carry the actor
                    roles.actor.extend(_entities(state, head, speaker))
                else:
                    _fill(state, roles, role, head, speaker)
    if not roles.recipient or not roles.actor:
        _linear_noun_roles(state, noun, frame, roles, speaker)
    if not roles.actor and frame.of == "theme" and noun.dep_ in ("obj", "nsubj:pass"):
        governor = noun.head  # "a exclu l'envoi de troupes", "a annoncé le déploiement": who does it
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_ in lex.status.agent_governors:
            roles.actor.extend(_entities_of_tokens(state, _subject_heads(governor, state), speaker))
    if not roles.actor and frame.mode == "visit" and frame.of == "actor":
        roles.actor.extend(e for e in _possessor(state, noun) if e.country not in _countries(roles.recipient))
    return roles


def _linear_noun_roles(state: _Doc, noun: Token, frame: NounFrame, roles: Roles,
                       speaker: tuple[Entity, ...]) -> None:
    """The parser often hangs "à Vladivostok" or "en Corée du Nord" on the name before it, not on the
    noun: read the complements that follow the noun, up to the end of its phrase."""
    lex = state.lex
    want_recipient = not roles.recipient
    want_actor = not roles.actor
    for token in noun.doc[noun.i + 1: min(noun.i + 14, noun.sent.end)]:
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "«", "»") or (
                token.pos_ == "NOUN" and token.lemma_ in lex.nouns):
            break
        if token.dep_ == "case" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        case = _case(token, lex)
        if case is None and token.dep_ in ("flat:name", "flat"):
            continue
        if token.i not in state.by_token and not _entities(state, token, speaker):
            continue
        role = frame.of if case == "de" else frame.preps.get(case or "")
        if role in ("recipient", "destination", "place") and want_recipient:
            _fill(state, roles, role, token, speaker)
        elif role in ("actor", "theme") and want_actor:
            roles.actor.extend(_entities(state, token, speaker))


def _possessor(state: _Doc, noun: Token) -> list[Entity]:
    """"sa visite": the subject of the clause the noun sits in, else the last person named."""
    head = noun.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    subjects = _subject_heads(head, state)
    if not subjects and head.lemma_ in state.lex.reporting:
        subjects = speaker_tokens(head)
    for sub in subjects:
        if sub.i != noun.i and noun not in list(sub.subtree):
            found = _entities(state, sub)
            if found:
                return found
    return [state.last_person] if state.last_person else []


# -- status ------------------------------------------------------------------------------------
def _suffix(token: Token, suffixes: Sequence[str]) -> bool:
    low = token.lower_
    return token.pos_ in ("VERB", "AUX") and low != token.lemma_ and any(low.endswith(s) for s in suffixes)


def _tense(verb: Token, lex: Lexicon) -> str:
    """past, pluperfect, present, future, conditional, conditional_past."""
    if verb.pos_ not in ("VERB", "AUX") and not any(c.dep_.startswith("aux") for c in verb.children):
        return "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux:tense", "aux", "aux:pass") and c.lemma_ in ("avoir", "être")]
    tense_aux = [a for a in auxes if a.dep_ in ("aux:tense", "aux")] or auxes
    morph = verb.morph
    if tense_aux:
        aux = tense_aux[0]
        if "Cnd" in aux.morph.get("Mood") or _suffix(aux, lex.status.conditional_suffixes):
            return "conditional_past"
        if "Fut" in aux.morph.get("Tense") or _suffix(aux, lex.status.future_suffixes):
            return "future"
        if "Imp" in aux.morph.get("Tense"):
            # "étaient déployés" (passive imperfect) is a state at the time; "avait livré" is before it
            return "past" if aux.dep_ == "aux:pass" and aux.lemma_ == "être" and len(tense_aux) == 1 \
                and not any(a.dep_ == "aux:tense" for a in auxes) else "pluperfect"
        if "VerbForm=Inf" in str(aux.morph):
            return "past"
        if "Part" in morph.get("VerbForm") or "Past" in morph.get("Tense") or verb.pos_ not in ("VERB", "AUX"):
            return "past"  # a participle (even one the tagger took for a noun) after its auxiliary
    if "Cnd" in morph.get("Mood") or _suffix(verb, lex.status.conditional_suffixes):
        return "conditional"
    if "Fut" in morph.get("Tense") or _suffix(verb, lex.status.future_suffixes):
        return "future"
    if "Imp" in morph.get("Tense") or ("Past" in morph.get("Tense") and "Fin" in morph.get("VerbForm")):
        return "past"
    if "Inf" in morph.get("VerbForm") and verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        return _tense(verb.head, lex)
    return "present"


def _clause_verb(token: Token) -> Token:
    """The verb a noun trigger belongs to (or the token itself)."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


PRIORITY = ("denied", "negated", "hypothetical", "alleged", "planned")
# links along which a clause inherits the modality of the word above it
STOP_LINKS = {"advcl", "acl:relcl", "appos", "dep", "nsubj", "nsubj:pass", "obl:mod", "parataxis", "vocative",
              "dislocated", "list", "reparandum", "orphan"}


def _status(state: _Doc, trigger: Token, frame, speaker_quote: tuple[Entity, ...], type_: str) -> Status:
    """Status from the trigger's own form (tense, negation, modifiers) and the words governing it."""
    lex = state.lex
    st = Status()
    verb = _clause_verb(trigger)
    st.tense = _tense(verb, lex)
    marks: list[str] = []
    statement = type_ in lex.status.statement_types
    if _negated(trigger, lex) and not getattr(frame, "negated_idiom", False):
        marks.append("negated")
    for child in trigger.children:
        if child.dep_ in ("amod", "acl"):
            word = {child.lemma_, child.lower_}
            if word & lex.alleged_modifiers:
                marks.append("alleged")
            elif word & lex.hypothetical:
                marks.append("hypothetical")
            elif word & lex.planned:
                marks.append("planned")
        if child.dep_ == "mark" and child.lower_ in lex.status.hypothetical_conjunctions:
            marks.append("hypothetical")
    conditional = False
    if trigger.pos_ in ("VERB", "AUX", "ADJ"):
        if st.tense == "future" and not statement:
            marks.append("planned")
        elif st.tense == "conditional":
            conditional = True
        elif st.tense == "conditional_past":
            marks.append("alleged")
    node = trigger
    modal = True  # markers above a subject or adverbial clause do not govern the trigger, claims still do
    while node.head.i != node.i:
        parent = node.head
        link = node.dep_
        parent_frames = lex.verbs.get(parent.lemma_, ()) if parent.pos_ in ("VERB", "AUX") else ()
        denies_claim = link == "advcl" and any(  # "a démenti les informations selon lesquelles ..."
            c.dep_ == "obj" and c.lemma_ in lex.claim_nouns for c in parent.children)
        if (link in ("xcomp", "ccomp", "nmod", "obj", "acl") or denies_claim) and any(
                f.embeds == "denied" for f in parent_frames):
            st.denied_by = tuple(_subject_entities(state, parent, speaker_quote))
            marks.append("denied")
            break
        if parent.lemma_ in lex.claim_nouns and parent.head.i != parent.i:
            grand = lex.verbs.get(parent.head.lemma_, ())
            if any(f.embeds == "denied" for f in grand):
                st.denied_by = tuple(_subject_entities(state, parent.head, speaker_quote))
                marks.append("denied")
                break
        if link in ("xcomp", "ccomp") and any(f.embeds == "alleged" for f in parent_frames):
            st.speech = parent  # the accusation is the event that voices the claim
            st.claimed_by = tuple(_subject_entities(state, parent, speaker_quote))
            marks.append("alleged")
            break
        if parent.lemma_ in lex.reporting and parent.pos_ in ("VERB", "AUX") and link in (
                "ccomp", "xcomp", "parataxis", "nsubj", "obj", "advcl", "csubj", "conj"):
            st.speech = parent
            st.speaker = tuple(_entities_of_tokens(state, speaker_tokens(parent, _quote_span(state, trigger)),
                                                   speaker_quote))
            if conditional:  # "a déclaré qu'il se rendrait": future in the past
                conditional = False
                marks.append("planned" if _tense(parent, lex) in ("past", "pluperfect") and not statement
                             else "asserted")
            break
        if modal and link == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.hypothetical_conjunctions for c in node.children):
            marks.append("hypothetical")
        if modal and link == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.purpose_marks for c in node.children):
            if _tense(parent, lex) not in ("past", "pluperfect") or type_ not in lex.status.purpose_realised_types:
                marks.append("planned")
        if link in STOP_LINKS and not (link == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.sequence_marks for c in node.children)):
            modal = False
        if modal and parent.lemma_ in lex.status.negating_words and link in ("xcomp", "obj", "nmod", "ccomp"):
            marks.append("negated")  # "a exclu l'envoi de troupes", "la fin de sa coopération"
        elif modal and link == "xcomp" and _negated(parent, lex) and not any(
                f.negated_idiom for f in parent_frames):
            marks.append("negated")  # "n'ont pas réussi à s'entendre", "n'a pas pu se rendre"
        elif modal and (parent.lemma_ in lex.hypothetical or parent.lower_ in lex.hypothetical):
            marks.append("negated" if _negated(parent, lex) else "hypothetical")
        elif modal and (parent.lemma_ in lex.planned or parent.lower_ in lex.planned):
            marks.append("negated" if _negated(parent, lex) else "planned")
        if modal and link != "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.hypothetical_conjunctions for c in node.children):
            marks.append("hypothetical")  # "de savoir si les deux pays renforceront..."
        node = parent
    if conditional:
        marks.append("hypothetical")
    if (state.current or trigger.sent).text.rstrip().endswith("?"):
        marks.append("hypothetical")
    if not st.speaker:
        st.speaker = _attribution(state, trigger) or speaker_quote
    chosen = [m for m in PRIORITY if m in marks]
    st.status = chosen[0] if chosen else "asserted"
    return st


def _quote_span(state: _Doc, token: Token) -> tuple[int, int] | None:
    for q in state.quotes:
        if q.start <= token.idx < q.end:
            return (q.start, q.end)
    return None


def _subject_entities(state: _Doc, verb: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    return _entities_of_tokens(state, _subject_heads(verb, state), speaker) or _nearest_before(state, verb)


def _entities_of_tokens(state: _Doc, tokens: Iterable[Token], speaker: tuple[Entity, ...]) -> list[Entity]:
    out: list[Entity] = []
    for token in tokens:
        out.extend(_entities(state, token, speaker))
    return _dedupe(out)


def _attribution(state: _Doc, trigger: Token) -> tuple[Entity, ...]:
    """"selon X" / "d'après X" in the trigger's sentence (news agencies are sources, not claimants)."""
    attribution = state.lex.status.attribution
    sent = state.current or trigger.sent
    for token in sent:
        pair = (token.nbor(-1).lower_ + token.lower_) if token.i > sent.start else ""
        if (token.lower_ in attribution or pair in attribution) and token.head.i != token.i:
            target = token.head
            while target.dep_ in ("case", "fixed") and target.head.i != target.i:
                target = target.head
            if target.pos_ in ("PRON",) or target.lower_ in ("lequel", "laquelle", "lesquels", "lesquelles"):
                continue
            return tuple(_entities(state, target))
    return ()


# -- dates -------------------------------------------------------------------------------------
def _clause_range(token: Token) -> list[tuple[int, int]]:
    """Character ranges of the clause of ``token``: its subtree minus embedded clauses."""
    ranges = []
    stack = [token]
    while stack:
        t = stack.pop()
        ranges.append((t.idx, t.idx + len(t)))
        for c in t.children:
            if c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    return ranges


def _timex_in(state: _Doc, token: Token) -> Timex | None:
    ranges = _clause_range(token)
    best: tuple[int, Timex] | None = None
    for timex in state.timexes:
        if timex.date is None or timex.type == "DURATION":
            continue
        if any(a <= timex.start < b or timex.start <= a < timex.end for a, b in ranges):
            distance = abs(timex.start - token.idx)
            if best is None or distance < best[0]:
                best = (distance, timex)
    return best[1] if best else None


def _governing(state: _Doc, trigger: Token, reference: DateValue | None) -> Timex | None:
    """The temporal module's choice over the trigger's phrase (then its verb's), kept only when it sits
    in that clause and not in a clause embedded in it; our own clause reading otherwise."""
    key = (trigger.i, reference)
    if key not in state.dated:
        state.dated[key] = _governing_uncached(state, trigger, reference)
    return state.dated[key]


def _governing_uncached(state: _Doc, trigger: Token, reference: DateValue | None) -> Timex | None:
    try:
        from annales.temporal import governing_timex
    except ImportError:  # temporal not installed yet: clause reading only
        governing_timex = None
    verb = _clause_verb(trigger)
    doc = state.doc
    for node in ([trigger, verb] if verb is not trigger else [trigger]):
        ranges = _clause_range(node)
        chosen = None
        lo, hi = node.left_edge.idx, node.right_edge.idx + len(node.right_edge)
        if governing_timex is not None and any(lo <= t.start < hi for t in state.timexes):
            try:
                chosen = governing_timex(doc[node.left_edge.i:node.right_edge.i + 1], state.timexes, reference)
            except Exception:  # a temporal bug must not lose the event; fall back to the clause reading
                chosen = None
        if chosen is not None and chosen.date is not None and any(a <= chosen.start < b for a, b in ranges):
            return chosen
        own = _timex_in(state, node)
        if own is not None:
            return own
    # "lorsque X s'est rendu en Corée du Nord" is dated by the main clause it frames
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ == "mark" and c.lower_ in state.lex.status.temporal_marks for c in verb.children):
        return _timex_in(state, verb.head)
    return None


def _window(state: _Doc, tense: str, end: DateValue | None, statement: bool = False) -> DateValue | None:
    """An undated report: an interval ending at the publication (or the report's) date, as wide as the
    tense allows; an undated statement in the news ("a déclaré", "affirme") is from the last days."""
    anchor = end or state.document.published
    if anchor is None:
        return None
    days = state.lex.status.undated_window_days
    key = {"pluperfect": "pluperfect", "past": "past", "conditional_past": "pluperfect"}.get(tense, "present")
    if statement and key in ("past", "present"):
        key = "statement"
    if tense in ("future", "conditional"):
        return None
    start = anchor.end - dt.timedelta(days=days[key])
    return DateValue(start, anchor.end, "interval", None)


def _paragraph(state: _Doc, char: int) -> int:
    return bisect.bisect_right(state.breaks, char)


# -- quantities --------------------------------------------------------------------------------
_NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(millions?|milliards?)?\s+"
                     r"(?:de\s+|d['’])?([^\W\d_]{3,})", re.UNICODE)


def _quantities(text: str, offset_ok) -> tuple[Quantity, ...]:
    out = []
    for m in _NUMBER.finditer(text):
        if not offset_ok(m.start()):
            continue
        value = float(re.sub(r"[ .\u00a0\u202f]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            value *= 1e6 if m.group(3).startswith("million") else 1e9
        unit = m.group(4).lower()
        if re.fullmatch(r"\d{4}", m.group(1)) and 1900 <= value <= 2100 and not unit.endswith(("s", "x")):
            continue  # a year ("en 2019 lors de"), not a count
        out.append(Quantity(value, unit, m.group(0)))
    return tuple(out)


# -- sentences ---------------------------------------------------------------------------------
@dataclass
class _Found:
    trigger: Token
    extra: list[Token]
    type: str
    mode: str | None
    context: list[str]
    roles: Roles
    status: Status
    frame: object
    noun: bool = False


def _code_sentence(state: _Doc, sent: Span) -> list[Event]:
    lex = state.lex
    found: list[_Found] = []
    consumed: set[int] = set()
    for token in sent:
        hit = _verb_frame(token, lex)
        if hit is None:
            continue
        frame, extra = hit
        quote_speaker = _quote_speaker(state, token)
        roles = _verb_roles(state, token, frame, extra, quote_speaker)
        # a participle describing a noun ("les régions soutenues par X") is background unless aimed at someone
        require = "recipient" if token.dep_ == "acl" and frame.require is None else frame.require
        if not _enough(roles, require):
            continue
        status = _status(state, token, frame, quote_speaker, frame.type)
        context = list(frame.context) + [lex.object_contexts[o.lemma_] for o in _objects(token)
                                        if o.lemma_ in lex.object_contexts]
        mode = frame.mode
        if frame.type == "AID" and not mode:
            mode = next((c for c in context if c in ("military", "economic", "humanitarian")), None)
        found.append(_Found(token, extra, frame.type, mode, context, roles, status, frame))
        consumed.update(t.i for t in extra)
    for token in sent:
        if token.i in consumed or token.pos_ not in ("NOUN", "PROPN"):
            continue
        frame = lex.nouns.get(token.lemma_) or lex.nouns.get(token.lower_)
        if frame is None:
            continue
        if frame.adj_required and not any(c.lemma_ in frame.adj_required for c in token.children):
            continue
        if _covered(found, token, frame.type):
            continue
        quote_speaker = _quote_speaker(state, token)
        roles = _noun_roles(state, token, frame, quote_speaker)
        if not _enough(roles, frame.require):
            continue
        status = _status(state, token, frame, quote_speaker, frame.type)
        mode = frame.mode
        found.append(_Found(token, [], frame.type, mode, list(frame.context), roles, status, frame, noun=True))
    events: list[Event] = []
    absorbed = {id(f) for f in found if _absorbed(f, found)}
    for item in found:
        if id(item) in absorbed:
            continue
        events.extend(_events(state, sent, item, found))
    return _unique(events)


def _covered(found: list[_Found], noun: Token, type_: str) -> bool:
    """A noun in a verb event's own complements, of the same type, is that event ("remercier X pour son
    soutien", "lors de sa visite" under "se rendre")."""
    heads = {noun.head.i, noun.head.head.i}
    return any(not f.noun and f.type == type_ and f.trigger.i in heads for f in found)


def _absorbed(item: _Found, found: list[_Found]) -> bool:
    """The infinitive of "ne pas hésiter à imposer", "menacer de frapper" belongs to the threat."""
    node = item.trigger
    while node.head.i != node.i:
        node = node.head
        for other in found:
            if other.trigger.i == node.i and getattr(other.frame, "embeds", None) == "absorbed":
                return True
    return False


def _enough(roles: Roles, require: str | None) -> bool:
    if not roles.actor and not roles.recipient:
        return False
    if require == "recipient" and not roles.recipient:
        return False
    if require == "any2" and len({e.id for e in roles.actor + roles.recipient}) < 2:
        return False
    return True


def _quote_speaker(state: _Doc, token: Token) -> tuple[Entity, ...]:
    for q in state.quotes:
        if q.start <= token.idx < q.end and q.speaker is not None:
            return (q.speaker,)
    return ()


def _countries(entities: Iterable[Entity]) -> set[str]:
    return {e.country for e in entities if e.country}


def _events(state: _Doc, sent: Span, item: _Found, found: list[_Found]) -> list[Event]:
    lex = state.lex
    trigger = item.trigger
    roles = item.roles
    st = item.status
    actor = _dedupe(roles.actor)
    recipient = [e for e in _dedupe(roles.recipient) if e.id not in {a.id for a in actor}]
    # a state listed as recipient while its own person acts is the same side, not a recipient
    if actor and recipient and _countries(recipient) <= _countries(actor) and item.type != "CONSULT":
        recipient = [e for e in recipient if e.country not in _countries(actor)] or recipient
    type_, mode, status = item.type, item.mode, st.status
    claimed_by, denied_by = st.claimed_by, st.denied_by
    speaker = tuple(e for e in st.speaker if not _agency(state, e))
    if status in ("asserted", "alleged") and speaker and not claimed_by:
        # a state's word about another party's act is its claim; about its own act, a report
        party = _countries(speaker) & (_countries(actor) | _countries(recipient))
        victim = bool(party) and type_ in lex.status.victim_claim_types  # "selon Kiev, la Russie a frappé"
        stateless = not _countries(speaker) and not ({e.id for e in speaker} & {e.id for e in actor})
        if stateless or (_countries(speaker) and not (_countries(speaker) & _countries(actor))
                         and (not party or victim)):
            status, claimed_by = "alleged", speaker
        elif status == "alleged":
            claimed_by = speaker
    if speaker and actor and all(e.kind == "country" for e in actor):
        # "Lavrov a répondu que la Russie était reconnaissante": the speaker acts for the state
        voices = [e for e in speaker if e.kind == "person" and e.country in _countries(actor)]
        if voices:
            actor = _dedupe(voices + actor)
    if type_ in state.lex.status.told_types and not recipient and st.speech is not None and speaker and (
            _countries(speaker) - _countries(actor)):
        recipient = [e for e in speaker if e.country not in _countries(actor)]  # support pledged to the reporter
    if type_ == "REJECT" and not recipient:
        accused = _countries(actor)
        for accusers, targets in reversed(state.accusations):
            if _countries(targets) & accused:
                recipient = list(accusers)
                break
    place = roles.place
    if place is None:  # "ont signé un accord lors d'une visite en Corée du Nord": where the visit was
        inner = [f for f in found if f is not item and f.roles.place is not None and f.trigger.i != trigger.i
                 and (f.trigger.head == trigger or f.trigger.head.head == trigger)]
        place = inner[0].roles.place if inner else None
    if type_ == "CONSULT" and mode is None and roles.place is not None and roles.place.country:
        # PLOVER: a meeting on one side's soil is a visit: the visitor acts, the host receives
        host = roles.place.country
        side = actor + recipient
        guests = [e for e in side if e.country and e.country != host]
        hosts = [e for e in side if e.country == host]
        if guests and {e.country for e in side} - {host} and len(_countries(guests)) == 1:
            actor, recipient, mode = guests, hosts or ([_country(state, host)] if _country(state, host) else []), "visit"
    if place is None and type_ == "CONSULT" and mode == "visit" and len(_countries(recipient)) == 1:
        host = _country(state, next(iter(_countries(recipient))))  # a visit takes place in the host state
        place = Place(host.name, host.country) if host is not None else None
    if status == "planned" and type_ == "CONSULT":
        type_, mode = "AGREE", None  # PLOVER: future meetings and visits are agreements
    # date
    reference = state.paragraph_date.get(_paragraph(state, sent.start_char))
    timex = _governing(state, trigger, reference[0] if reference else None)
    date: DateValue | None = timex.date if timex else None
    if date is None and st.speech is not None and st.tense in ("pluperfect", "conditional_past"):
        speech_timex = _governing(state, st.speech, None)
        date = _window(state, st.tense, speech_timex.date if speech_timex else None)
    if date is None and reference is not None and status != "planned":
        date, timex = reference[0], reference[1]
    if date is None and status not in ("planned", "hypothetical"):
        tense = "present" if st.tense in ("future", "conditional") else st.tense  # a statement is made now
        date = _window(state, tense, None, type_ in lex.status.statement_types)
    published = state.document.published
    if date is not None and published is not None and date.start > published.end and status in (
            "asserted", "alleged") and (item.noun or st.tense not in ("past", "pluperfect", "conditional_past")):
        status = "planned"  # "d'ici 2027", "la semaine prochaine": it has not happened yet
        if type_ == "CONSULT":
            type_, mode = "AGREE", None
    if timex is not None and timex.date is not None:
        state.paragraph_date[_paragraph(state, sent.start_char)] = (timex.date, timex)
    # evidence
    words = sorted([trigger] + item.extra, key=lambda t: t.i)
    t_start = words[0].idx
    t_end = words[-1].idx + len(words[-1])
    evidence = Evidence(
        doc=state.document.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
        trigger=" ".join(t.text for t in words), published=state.document.published,
        trigger_start=t_start, trigger_end=t_end,
        date_text=timex.text if timex else None, date_start=timex.start if timex else None,
        date_end=timex.end if timex else None, source=state.document.source,
    )
    clause = _clause_range(_clause_verb(trigger))
    quantities = _quantities(sent.text, lambda i: any(a <= sent.start_char + i < b for a, b in clause))
    quotes = tuple(q for q in state.quotes if q.start <= trigger.idx < q.end
                   or (st.speech is not None and sent.start_char <= q.start < sent.end_char))
    confidence = 0.8 - (0.2 if roles.fallback else 0) - (0.1 if item.noun else 0) - (0.1 if not recipient else 0)
    event = Event(
        type=type_, mentions=(evidence,), mode=mode, context=tuple(dict.fromkeys(item.context)),
        actor=tuple(actor), recipient=tuple(recipient), date=date, location=place, status=status,
        claimed_by=tuple(claimed_by), denied_by=tuple(denied_by), score=lex.score(type_, mode),
        confidence=max(0.1, confidence), summary=_summary(lex, type_, actor, recipient, trigger),
        quantities=quantities, quotes=quotes,
    )
    out = [event]
    if type_ == "ACCUSE" and actor and recipient:
        state.accusations.append((tuple(actor), tuple(recipient)))
    # a claim by one state about another's hostile act is an accusation of its own
    if status == "alleged" and claimed_by and type_ in lex.status.accusable_types and actor \
            and not (_countries(claimed_by) & (_countries(actor) | _countries(recipient))):
        source = st.speech or trigger
        if not any(f.type == "ACCUSE" and f.trigger.i == source.i for f in found):
            speech_timex = _governing(state, source, None) if st.speech is not None else None
            when = speech_timex.date if speech_timex else (state.document.published if st.speech else date)
            accuse = Event(
                type="ACCUSE", mentions=(Evidence(
                    doc=state.document.id, sentence=sent.text, start=sent.start_char, end=sent.end_char,
                    trigger=source.text, published=state.document.published, trigger_start=source.idx,
                    trigger_end=source.idx + len(source), date_text=speech_timex.text if speech_timex else None,
                    date_start=speech_timex.start if speech_timex else None,
                    date_end=speech_timex.end if speech_timex else None, source=state.document.source),),
                mode="allege", context=tuple(dict.fromkeys(item.context)), actor=tuple(claimed_by),
                recipient=tuple(actor), date=when if st.speech else date, status="asserted",
                score=lex.score("ACCUSE", "allege"), confidence=max(0.1, confidence - 0.1),
                summary=_summary(lex, "ACCUSE", list(claimed_by), actor, source), quotes=quotes,
            )
            out.append(accuse)
            state.accusations.append((tuple(claimed_by), tuple(actor)))
    return out


def _summary(lex: Lexicon, type_: str, actor: Sequence[Entity], recipient: Sequence[Entity], trigger: Token) -> str:
    who = " et ".join(e.name for e in actor) or "?"
    to = " et ".join(e.name for e in recipient)
    head = f"{who} → {to}" if to else who
    return f"{head} : {trigger.lemma_} ({type_})"


def _unique(events: list[Event]) -> list[Event]:
    """One event per (type, sides, status) in a sentence: "a été reçu par X lors de sa visite" is one
    visit; the first report (the verb) is kept and takes the place or date the others add."""
    def side(entities: tuple[Entity, ...]) -> frozenset[str]:
        return frozenset(e.country or e.id for e in entities)

    kept: dict[tuple, int] = {}
    out: list[Event] = []
    for e in events:
        key = (e.type, side(e.actor), side(e.recipient), e.status)
        if key not in kept:
            kept[key] = len(out)
            out.append(e)
            continue
        first = out[kept[key]]
        changes: dict = {}
        if first.location is None and e.location is not None:
            changes["location"] = e.location
        if (first.date is None or first.date.precision == "interval") and e.date is not None and (
                e.date.precision != "interval"):
            changes["date"] = e.date
            other = e.mentions[0]  # the date's own evidence comes with it
            changes["mentions"] = (replace(first.mentions[0], date_text=other.date_text,
                                           date_start=other.date_start, date_end=other.date_end),)
        if changes:
            out[kept[key]] = replace(first, **changes)
    return out


def _group(state: _Doc, people: bool, size: int = 2) -> list[Entity]:
    """The two sides of the story: for "les deux pays", the states named most so far; for "les deux
    hommes", "les deux dirigeants", the last people (or sides) of different states just named."""
    if people:
        # the sides named just before in this sentence, else in the previous one, else the last people
        sent = state.current
        here = [m.entity for i in range(sent.start, state.group_at) for m in state.by_token.get(i, ())
                if m.entity is not None and not _agency(state, m.entity)] if sent is not None else []
        persons = [e for e in state.recent if e.kind == "person"][-12:]
        for pool in (here, state.previous, persons):
            chosen: list[Entity] = []
            for entity in reversed(pool):
                if entity.country and all(entity.country != c.country for c in chosen):
                    chosen.append(entity)
            if len(chosen) >= size:
                return list(reversed(chosen[:size]))
    score: dict[str, float] = {}
    pick: dict[str, Entity] = {}
    for rank, entity in enumerate(state.recent):
        if people and entity.kind != "person":
            continue
        key = entity.country or entity.id
        score[key] = score.get(key, 0.0) + 1.0 + rank / 1000.0
        if key not in pick or (entity.kind == "person") == people:
            pick[key] = entity
    best = sorted(score, key=lambda k: -score[k])[:size]
    if len(best) == size:
        return [pick[k] for k in best]
    return _group(state, False, size) if people else []


def _remember(state: _Doc, sent: Span) -> None:
    """Keep the subject person and the entities named, for "il", "ils", "les deux pays"."""
    persons: list[Entity] = []
    state.previous = []
    for token in sent:
        for mention in state.by_token.get(token.i, ()):
            entity = mention.entity
            if entity is None and mention.place is not None and mention.place.country:
                entity = _country(state, mention.place.country)  # "à Pyongyang" still names a side
            if entity is None or _agency(state, entity):
                continue
            if entity.kind == "person" and (not persons or persons[-1].id != entity.id):
                persons.append(entity)
            if not state.recent or state.recent[-1].id != entity.id:
                state.recent.append(entity)
            state.previous.append(entity)
        for mention in state.by_token.get(token.i, ()):
            if mention.place is not None and mention.place.country:
                state.last_place = mention.place
    subjects = [t for t in sent if t.dep_ in SUBJECTS or t.dep_ == "expl:subj"]
    for token in subjects:
        for mention in state.by_token.get(token.i, ()):
            if mention.entity is not None and mention.entity.kind == "person":
                state.last_person = mention.entity
                return
    if persons:
        state.last_person = persons[0]
    del state.recent[:-60]
