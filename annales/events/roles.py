"""Who did it, to whom, where: actors and recipients from the syntax (subject, object, prepositions,
passive agent, coordination, control), pronouns and "les deux pays", places and destinations."""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from annales.events.neighbours import neighbour_states
from annales.events.owners import bare_object_state, possessed_state
from annales.events.quotes import speaker_tokens
from annales.events.state import DocState, Roles
from annales.events.syntax import (
    OBLIQUES,
    SUBJECTS,
    agrees,
    aim_governor,
    case_of,
    clause_verb,
    inverted_subjects,
    is_passive,
    np_tokens,
    objects,
    prep_key_matches,
)
from annales.events.tables import Lexicon, NounFrame, VerbFrame
from annales.model import ActorMention, Entity, Place


def countries_of(entities: Iterable[Entity]) -> set[str]:
    return {e.country for e in entities if e.country}


def mention_entity(state: DocState, mention: ActorMention) -> Entity | None:
    if mention.entity is not None:
        return mention.entity
    if mention.place is not None and mention.place.country:
        return country_of(state, mention.place.country)
    return None


def country_of(state: DocState, code: str) -> Entity | None:
    try:
        return state.resolver.country(code)
    except Exception:  # an unknown code is not worth losing the event for
        return None


def agency(state: DocState, entity: Entity) -> bool:
    try:
        return bool(state.resolver.is_news_agency(entity))
    except Exception:
        return False


def _after_de(state: DocState, start: int) -> bool:
    """Whether the word before character ``start`` is "de", "du", "des" or "d'" (a noun's complement)."""
    before = state.doc.text[max(0, start - 4):start].rstrip().split()
    word = before[-1].lower() if before else ""
    return word in ("de", "du", "des") or state.doc.text[max(0, start - 2):start].lower() in ("d'", "d’")


def entities_of(state: DocState, head: Token, speaker: tuple[Entity, ...] = (), skip: frozenset[int] = frozenset()
              ) -> list[Entity]:
    """Entities named by the noun phrase headed by ``head`` (pronouns and "les deux pays" resolved)."""
    lex = state.lex
    low = head.lower_.lstrip("-")  # "a-t-il"
    pron = lex.status.pronouns
    if low in lex.status.relative_pronouns and head.dep_ == "nsubj" and head.i >= 2 and state.doc[head.i - 1].text == ",":
        # "Ottawa accuse New Delhi, qui rejette ...": a relative the parser did not hang on its antecedent;
        # the name right before the comma is it
        # (not a "de" complement: in "la Chine, partenaire du Gabon, qui a appelé", the relative is China's)
        ahead = [m for m in state.by_token.get(head.i - 2, ()) if m.end <= state.doc[head.i - 1].idx
                 and not _after_de(state, m.start)]
        named = [e for m in ahead if (e := mention_entity(state, m)) is not None and not agency(state, e)]
        if named:
            return named[:1]
    if head.pos_ == "PRON" or low in pron.singular or low in pron.plural or low in pron.speaker:
        if low in lex.status.relative_pronouns and head.dep_ == "nsubj:pass" and (
                head.head.dep_ == "acl:relcl" and head.head.head.pos_ in ("NOUN", "PROPN")):
            # "six ingénieurs chinois qui avaient été enlevés": the passive relative's antecedent undergoes it
            return entities_of(state, head.head.head, speaker)
        if low in pron.speaker and speaker:
            return list(speaker)
        if low in pron.plural:  # "si les deux pays donneront ... dont ils renforceront": the group named before
            sent = state.current if state.current is not None else head.sent
            for before in reversed(list(sent[: head.i - sent.start])):
                if _group_size(before, lex):
                    named = entities_of(state, before, speaker)
                    if named:
                        return named
        reporter = _reporter(state, head)
        if reporter:  # "le groupe a averti qu'il riposterait": the one who speaks
            return reporter
        state.group_at = head.i
        if low in pron.plural and _group(state, True, 2):
            return _group(state, True, 2)
        if low in pron.singular:
            # "Après avoir rencontré X, il a ...": not a person named inside a fronted clause or phrase
            fronted = {t.i for c in head.head.children if c.i < head.i and c.dep_ in (
                "advcl", "advmod", "obl", "obl:mod", "obl:arg", "nmod", "acl", "ccomp", "parataxis") for t in c.subtree}
            earlier = [m.entity for i in range(head.sent.start, head.i) if i not in fronted
                       for m in state.by_token.get(i, ()) if m.entity is not None and m.entity.kind == "person"]
            if earlier:
                return [earlier[0]]
            previous = _previous_subject(state, head)
            if previous:
                return previous
            if state.last_person is not None:
                return [state.last_person]
        if head.dep_ == "obj" and low in ("l'", "l’", "le", "la"):
            previous = _previous_subject(state, head, "obj")  # "X a accusé Y de ... Il l'a aussi accusé de"
            if previous:
                return previous
        if head.i not in state.by_token:
            return []
    if low in lex.status.relative_pronouns and head.head.dep_ == "acl:relcl" and head.head.head.i != head.head.i:
        return entities_of(state, head.head.head, speaker)  # "le ministère, qui accuse X": the antecedent
    tokens = [t for t in np_tokens(head, lex) if t.i not in skip]
    owned = possessed_state(state, head, speaker)  # "son pays", "nos diplomates": see events/owners.py
    if owned is not None:
        return owned
    bordering = neighbour_states(state, head, speaker)  # "a envahi son voisin": see events/neighbours.py
    if bordering is not None:
        return bordering
    place = _demonstrative_place(state, head)
    if place is None and head.lemma_ in lex.status.ruling_nouns:  # "les autorités de ce pays": that state's
        place = next((p for c in head.children if c.dep_ == "nmod" and case_of(c, lex) == "de"
                      and (p := _demonstrative_place(state, c)) is not None), None)
    if place is not None:
        entity = country_of(state, place.country) if place.country else None
        return [entity] if entity else []
    people = head.lemma_ in lex.status.group_people
    size = _group_size(head, lex)
    if size:
        state.group_at = head.i
        if not any(t.i in state.by_token for t in tokens) and _group(state, people, size):
            return _group(state, people, size)
    if head.lemma_ in lex.status.possessed_heads and state.last_subject and not any(
            t.i in state.by_token for t in tokens) and any("Poss=Yes" in str(c.morph) for c in head.children):
        return list(state.last_subject)  # "Son ministre des Affaires étrangères": the state named before
    found: list[Entity] = []
    seen_mentions: set[int] = set()
    for token in sorted(tokens, key=lambda t: t.i):
        for mention in state.by_token.get(token.i, ()):
            if id(mention) in seen_mentions:
                continue
            seen_mentions.add(id(mention))
            entity = mention_entity(state, mention)
            if entity is not None and not agency(state, entity):
                found.append(entity)
        if (token.dep_ == "amod" or (token.dep_ == "conj" and token.pos_ == "ADJ")) and token.i not in state.by_token:
            entity = demonym_state(state, token)
            if entity is not None:
                found.append(entity)
    if not any(c.dep_ == "conj" for c in head.children):
        found.extend(_coordinated(state, tokens))
    return dedupe(found)


def _claimants(state: DocState, verb: Token, place: Place | None = None) -> list[Entity]:
    """Who reports ``verb``: "selon X" on it, or the subject of the reporting verb whose clause it is.

    A reporter whose state was only guessed from the place of the act ("tués au Niger, selon
    l'état-major": an unowned staff read as that country's) is not the one who struck there: the place
    where victims fell is no side unless the reporter's own words name that state."""
    lex = state.lex
    tokens: list[Token] = []
    found: list[Entity] = []
    for child in verb.children:
        if any(c.lower_ in lex.status.attribution for c in child.children if c.dep_ == "case"):
            found, tokens = entities_of(state, child), list(child.subtree)
            break
    else:
        node = verb
        while node.dep_ in ("conj",) and node.head.i != node.i:
            node = node.head
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in lex.reporting:
            heads = speaker_tokens(node.head)
            found, tokens = entities_of_tokens(state, heads, ()), [t for h in heads for t in h.subtree]
    if place is not None and place.country:
        named = {demonym(state, t) for t in tokens} | {m.entity.country for t in tokens for m in state.by_token.get(
            t.i, ()) if m.entity is not None and m.entity.kind == "country"}
        found = [e for e in found if e.country != place.country or e.country in named]
    return found


def _previous_subject(state: DocState, pronoun: Token, role: str = "subject") -> list[Entity]:
    """"Moscou a réagi mardi. Il accuse en outre l'Ukraine...": a subject pronoun opening a sentence
    continues the subject of the sentence before, when their genders agree; an object clitic ("l'a
    aussi accusée") its object."""
    sent = state.current if state.current is not None else pronoun.sent
    deps = ("obj",) if role == "obj" else ("nsubj", "nsubj:pass")
    if pronoun.dep_ not in deps or sent.start == 0 or any(
            t.i in state.by_token for t in sent if t.i < pronoun.i):
        return []
    before = state.doc[sent.start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ in deps and c.pos_ != "PRON"]
    if not subjects:
        return []
    gender, own = subjects[0].morph.get("Gender", []), pronoun.morph.get("Gender", [])
    if gender and own and gender != own:
        return []
    found = entities_of(state, subjects[0])
    return found if len(found) == 1 else []


def _reporter(state: DocState, pronoun: Token) -> list[Entity]:
    """The subject of the reporting verb whose "que" clause a subject pronoun opens ("X a averti qu'il
    riposterait", "les rebelles ont annoncé qu'ils se retiraient"): French reads it as that subject."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubj:pass") or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return []
    verb = clause.head
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "faire" and verb.lemma_ == "savoir":
        verb = verb.head  # "X a fait savoir qu'il ...": the one who makes it known
    elif verb.lemma_ not in state.lex.reporting:
        return []
    subjects = [t for t in speaker_tokens(verb) if t.i != pronoun.i and t.pos_ != "PRON" and not (
        t.i <= pronoun.i <= max(c.i for c in t.subtree))]
    found: list[Entity] = []
    for subject in subjects:
        found.extend(entities_of(state, subject))
    plural = pronoun.lower_ in state.lex.status.pronouns.plural
    if not plural and len(found) > 1:
        return []
    return dedupe(found)


def _group_size(head: Token, lex: Lexicon) -> int:
    """2 for "les deux pays", "les deux dirigeants"; 0 when ``head`` names no counted group."""
    if head.lemma_ not in lex.status.group_heads and head.lemma_ not in lex.status.group_people:
        return 0
    return next((lex.status.group_numbers[c.lower_] for c in head.children if c.lower_ in lex.status.group_numbers), 0)


def _coordinated(state: DocState, tokens: list[Token]) -> list[Entity]:
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
            entity = mention_entity(state, mention)
            if entity is not None and not agency(state, entity):
                out.append(entity)
                break
    return out


def _demonstrative_place(state: DocState, head: Token) -> Place | None:
    """"cette zone", "ce pays": the place named last (in this sentence, else before it)."""
    lex = state.lex
    if head.lemma_ not in lex.status.place_nouns or not any("PronType=Dem" in str(c.morph) for c in head.children):
        return None
    if any(t.i in state.by_token for t in np_tokens(head, lex)):
        return None
    if "Plur" in head.morph.get("Number", []) and not _group_size(head, lex):
        return None  # "ces pays" repeats a set of places, not the one named last
    sent = state.current or head.sent
    before = [m.place for i in range(sent.start, head.i) for m in state.by_token.get(i, ())
              if m.place is not None and m.place.country]
    if head.lemma_ in lex.status.state_nouns:
        return _state_named_last(state, sent, head)
    return before[-1] if before else state.last_place


def _state_named_last(state: DocState, sent: Span, head: Token) -> Place | None:
    """"ce pays": the state named last, by its name or a place in it (in this sentence, else before),
    not the state of its clause's subject, which acts on it ("les derniers soldats français ont
    quitté ce pays", "la France a remis sa base aux autorités de ce pays")."""
    verb = clause_verb(head)  # (a main clause's subject: the parser hangs circumstances on embedded verbs too)
    subjects = [s for s in verb.children if s.dep_.startswith("nsubj")] if verb.dep_ in ("ROOT", "conj") else []
    inside = {t.i for s in subjects for t in s.subtree}
    own: set[str] = set()
    for token in (t for s in subjects for t in s.subtree):
        own.update(p.country for m in state.by_token.get(token.i, ()) if (p := state_place(m)) is not None and p.country)
        if token.dep_ == "amod" and token.i not in state.by_token:
            own.update(c for c in [demonym(state, token)] if c)
        if token.pos_ == "PRON" and token.dep_.startswith("nsubj"):
            own.update(countries_of(state.last_subject))
    here = [p for i in range(sent.start, head.i) if i not in inside
            for m in state.by_token.get(i, ()) if (p := state_place(m)) is not None]
    for place in reversed(state.named_states + here):
        if place.country and place.country not in own:
            return place
    return None


def state_place(mention) -> Place | None:
    """The place a mention names, a state named by its name too (as a place with its code)."""
    if mention.place is not None and mention.place.country:
        return mention.place
    entity = mention.entity
    if entity is not None and entity.kind == "country" and entity.country:
        return Place(entity.name, entity.country)
    return None


def demonym(state: DocState, token: Token) -> str | None:
    try:
        return state.resolver.country_of(token.text) or state.resolver.country_of(token.lemma_)
    except Exception:
        return None


def demonym_state(state: DocState, token: Token) -> Entity | None:
    """The state an adjective of nationality names ("les frappes américaines": the United States)."""
    code = demonym(state, token)
    return country_of(state, code) if code else None


def dedupe(entities: Iterable[Entity]) -> list[Entity]:
    """One entry per id; a state already carried by one of its people is not listed again (an armed
    group does not carry the state it fights in: "le gouvernement éthiopien et les rebelles")."""
    out: list[Entity] = []
    for e in entities:
        if any(o.id == e.id for o in out):
            continue
        out.append(e)
    carried = {e.country for e in out if e.kind not in ("country", "group") and e.country}
    return [e for e in out if not (e.kind == "country" and e.country in carried)]


def _place_of(state: DocState, head: Token) -> Place | None:
    demonstrative = _demonstrative_place(state, head)
    if demonstrative is not None:
        return demonstrative
    for token in sorted(np_tokens(head, state.lex), key=lambda t: t.i):
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


def _bare_participle(verb: Token) -> bool:
    """A participle with no auxiliary of its own ("libérés", not "ont libéré")."""
    return "Part" in verb.morph.get("VerbForm", []) and not any(c.dep_.startswith("aux") for c in verb.children)


def detached_participle(verb: Token, state: DocState, shared: list[Token] | None = None) -> bool:
    """A past participle coordinated with no auxiliary of its own that cannot agree with the subject it
    would share ("X a été déclaré vainqueur, selon les résultats, mais contestés dans la rue"), or
    coordinated with a participle describing a noun: it describes something, and takes no subject.
    ``shared``: the subjects of the verb it is coordinated with, when the caller has them already."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or not _bare_participle(verb) or (
            "Past" not in verb.morph.get("Tense", [])):
        return False
    if verb.head.dep_ == "acl" and "Part" in verb.head.morph.get("VerbForm", []):
        # "du scrutin remporté par X, mais contestés dans la rue": not the noun the first describes; two
        # that agree describe one noun and share its agent ("arrêtés en mai puis libérés par X")
        number, first = verb.morph.get("Number", []), verb.head.morph.get("Number", [])
        return bool(number and first) and number != first and not any(c.dep_ == "obl:agent" for c in verb.children)
    if not any(c.dep_ == "aux:pass" or (c.dep_.startswith("aux") and c.lemma_ == "être") for c in verb.head.children):
        return False  # (with "avoir" the participle does not agree: "ont abandonné leurs positions et quitté")
    number = verb.morph.get("Number", [])
    if shared is None:
        shared = subject_heads(verb.head, state)
    return bool(number and shared) and len(shared) == 1 and not any(
        s.pos_ == "PRON" or _number(s) in (None, number[0]) for s in shared)


def _number(noun: Token) -> str | None:
    """A noun's grammatical number; a name the tagger leaves unmarked is singular unless a plural article
    or a coordinated name goes with it ("les Émirats", "X et Y")."""
    marked = noun.morph.get("Number", [])
    if marked:
        return marked[0]
    if noun.pos_ != "PROPN":
        return None
    plural = any(c.dep_ == "conj" or (c.dep_ == "det" and "Plur" in c.morph.get("Number", [])) for c in noun.children)
    return "Plur" if plural else "Sing"


def subject_heads(verb: Token, state: DocState, passive_role: bool = False) -> list[Token]:
    """Subject tokens of ``verb``, following coordination, control and participles upward."""
    subs = [c for c in verb.children if c.dep_ in SUBJECTS or (
        c.dep_ == "expl:subj" and c.lower_ != "-t" and verb.lemma_ not in state.lex.status.impersonal_verbs)]
    if not subs:  # "la Russie n'aura pas accepté": the parser may hang the subject on the auxiliary
        subs = [g for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i
                for g in c.children if g.dep_ in SUBJECTS]
    if subs:
        return subs + [c for s in subs for c in s.children if c.dep_ == "conj"]
    inverted = inverted_subjects(verb)  # "« ... », ont menacé les rebelles": the subject follows the incise verb
    if inverted:
        return inverted[:1] + [c for c in inverted[0].children if c.dep_ == "conj"]
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        shared = subject_heads(verb.head, state)
        return [] if detached_participle(verb, state, shared) else shared
    if verb.dep_ in ("xcomp", "acl", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        # "remercié les soldats ayant aidé": a participle on the object; "..., accusant X" (advcl) is the subject's
        participle = verb.dep_ != "advcl" and verb.i > 0 and verb.nbor(-1).text != "," and (
            any(c.lower_ == "ayant" for c in verb.children) or verb.lower_.endswith("ant"))
        # the controlled clause follows its governor ("a accusé X d'avoir tiré"); one fronted before the
        # subject ("Après avoir rencontré X, il a critiqué Y") is the subject's
        fronted = verb.i < head.i and any(c.dep_ in SUBJECTS and verb.i < c.i < head.i for c in head.children)
        if (head.lemma_ in state.lex.object_control or participle) and not fronted:
            objs = [c for c in head.children if c.dep_ in ("obj", "iobj") and c.pos_ != "PRON" or (
                c.dep_ == "iobj" and "Reflex=Yes" not in str(c.morph)) or (
                c.dep_ == "obj" and c.lower_ in ("l'", "l’", "le", "la"))]  # "il l'a accusée d'avoir tiré"
            objs += [c for c in head.children if c.dep_.startswith("obl") and case_of(c, state.lex) == "à"
                     and c.i < verb.i]  # "demander à la Chine de libérer"
            if objs:
                return objs[:1]
        if verb.dep_ == "xcomp":
            return subject_heads(head, state)
    if verb.dep_ in ("advcl",) and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ == "mark" and c.lower_ in ("si", "que", "quand", "lorsque") for c in verb.children):
            return subject_heads(aim_governor(verb, state.lex), state)
    adjective = verb.head
    if verb.dep_ == "xcomp" and adjective.pos_ == "ADJ" and adjective.dep_ in ("amod", "acl") and (
            adjective.head.pos_ in ("NOUN", "PROPN")):
        return [adjective.head]  # "les soldats prêts à combattre": the soldiers would fight
    if verb.dep_ == "acl" and verb.head.lemma_ in state.lex.intent_nouns and "Inf" in verb.morph.get("VerbForm", []):
        owners = [c for c in verb.head.children if c.dep_ == "nmod" and c.i < verb.i and case_of(c, state.lex) == "de"]
        if owners:
            return owners[:1]  # "la décision de Berlin d'expulser": Berlin expels
    detached = verb.lower_.endswith("ant") and verb.i > 0 and verb.nbor(-1).text == ","
    if verb.dep_ in ("acl", "acl:relcl") and verb.head.pos_ in ("NOUN", "PROPN") and not detached and not any(
            c.dep_ == "mark" for c in verb.children):  # "quelques mois après avoir expulsé" is adverbial
        return [verb.head]
    if detached:  # "..., accusant X de": the subject of the clause it is detached from
        node = verb.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            return subject_heads(node, state)
    if "Inf" in verb.morph.get("VerbForm", []) or ("Part" in verb.morph.get("VerbForm", []) and not any(
            c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm", []) for c in verb.children)):
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


def fill(state: DocState, roles: Roles, role: str, head: Token, speaker: tuple[Entity, ...],
          skip: frozenset[int] = frozenset()) -> None:
    if role in ("actor", "recipient", "theme"):
        entities = entities_of(state, head, speaker, skip)
        getattr(roles, role).extend(entities)
    elif role in ("place", "destination"):
        place = _place_of(state, head)
        if place is not None and roles.place is None:
            roles.place = place
        if role == "destination":
            entities = entities_of(state, head, speaker)
            countries = [e for e in entities if e.kind == "country"]
            if not countries and place is not None and place.country:
                country = country_of(state, place.country)
                countries = [country] if country else []
            roles.recipient.extend(countries or entities)


def sole_state(state: DocState, sent: Span, event: Token | None = None) -> Entity | None:
    """The one state the actors named in ``sent`` belong to, or None when it names none or several; with
    the ``event``'s verb, not a state named in a phrase that tells when or why it happened ("des centaines
    de personnes ont manifesté, après la réaction jugée molle de Paris": not France's people)."""
    aside = _told_aside(state, event) if event is not None else set()
    countries = {m.entity.country for t in sent if t.i not in aside for m in state.by_token.get(t.i, ())
                 if m.entity is not None and m.entity.country}
    return country_of(state, countries.pop()) if len(countries) == 1 else None


def _told_aside(state: DocState, verb: Token) -> set[int]:
    """The tokens of ``verb``'s phrases and clauses of time or cause (status.yaml aside_cases: "après la
    réaction de X", "malgré l'interdiction de X", "suite à l'annonce de X")."""
    cases = set(state.lex.status.aside_cases)
    out: set[int] = set()
    for child in verb.children:
        if not (child.dep_.startswith("obl") or child.dep_ in ("advcl", "nmod")):
            continue
        opener = {c.lower_ for c in child.children if c.dep_ in ("case", "mark")}
        if case_of(child, state.lex) in cases or opener & cases:
            out.update(t.i for t in child.subtree)
    return out


def crowd_people(state: DocState, crowd: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    """The state whose people a crowd is, by a nationality or a people in its phrase ("quelques centaines de
    membres de la diaspora malienne", "des milliers de Congolais"); none for an unqualified crowd."""
    return [e for e in entities_of(state, crowd, speaker) if e.kind == "country"][:1]


def verb_roles(state: DocState, verb: Token, frame: VerbFrame, consumed: list[Token],
                speaker: tuple[Entity, ...]) -> Roles:
    roles = Roles()
    passive = is_passive(verb)
    subj_role = frame.subj
    obj_role = frame.obj
    pass_role = frame.pass_subj or obj_role
    participle = verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm", []) and not verb.lower_.endswith(
        "ant") and not any(c.dep_.startswith("aux") for c in verb.children)
    # "arrêtés en mai puis libérés par X": a participle coordinated with one describing a noun describes it too
    described = verb.head.head if (verb.dep_ == "conj" and verb.head.dep_ == "acl" and _bare_participle(verb)) else None
    participle = participle or described is not None
    own = frozenset(t.i for t in verb.subtree)
    subject_tokens = subject_heads(verb, state)
    # "X s'est vu infliger des sanctions par Y": X undergoes the act, Y (the "par" phrase) does it
    undergone = subj_role == "actor" and verb.dep_ == "xcomp" and verb.head.lemma_ == "voir" and any(
        "Reflex=Yes" in str(c.morph) or c.dep_.startswith("expl") for c in verb.head.children)
    if undergone:
        subj_role = "recipient"
        for agent in (t for t in verb.subtree if t.i > verb.i and case_of(t, state.lex) == "par"):
            fill(state, roles, "actor", agent, speaker)
    # "Accusé par Bakou de provocations, Erevan a rejeté...": a detached past participle takes the main
    # clause's subject as its passive subject
    detached = verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get(
        "Tense", []) and not verb.lower_.endswith("ant") and not any(
        c.dep_.startswith("aux") or c.dep_ == "det" for c in verb.children) and (  # ("après leurs frappes": a noun)
        verb.i < verb.head.i or (verb.i > 0 and verb.nbor(-1).text == ","))
    for head in subject_tokens:
        is_passive_subj = (passive and head.head == verb) or (participle and head in (verb.head, described)) or (
            detached and head.head == verb.head)
        if participle and head == verb.head and head not in consumed and head.dep_ == "nmod" and any(
                t.i == head.head.i for t in consumed) and case_of(head, state.lex) == "de":
            # "l'offensive des rebelles lancée mardi": the participle describes the event noun, hung by the
            # parser on its "de" complement, which names whose offensive it is
            role = "recipient" if frame.object_names_recipient else "actor"
            fill(state, roles, role, head, speaker, own)
            continue
        if is_passive_subj and head in consumed:  # "l'offensive azerbaïdjanaise a été lancée": whose offensive
            # ... unless the object names the recipient: "le gouvernement malien a été reconnu par X"
            role = "recipient" if frame.object_names_recipient else "actor"
            fill(state, roles, role, head, speaker, own if head == verb.head else frozenset())
            continue
        # the noun a participle describes, without the participle's own phrase ("les régions soutenues par X")
        fill(state, roles, pass_role if is_passive_subj else subj_role, head, speaker,
              own if head == verb.head else frozenset())
    candidates = list(verb.children)
    if verb.dep_ == "conj" and verb.head.dep_ == "acl" and not any(c.dep_ == "obl:agent" for c in candidates):
        # "arrêtés en mai puis libérés mardi par X": the parser hangs the agent after the second participle on the first
        candidates += [c for c in verb.head.children if c.dep_ == "obl:agent" and c.i > verb.i]
    for obj in objects(verb):  # "imposer des sanctions contre X", "fournir des avions à X": the PP may hang on the noun
        candidates += [c for c in obj.children if c.dep_ in ("nmod", "acl") and case_of(c, state.lex) not in (None, "de")]
    for child in candidates:
        if child in subject_tokens:
            continue  # an inverted subject the parser read as an object
        if child.dep_ == "obl:agent" or ((passive or participle) and case_of(child, state.lex) == "par"):
            fill(state, roles, subj_role, child, speaker)  # "les frappes menées par X contre Y"
            continue
        if child.dep_ == "obj" and obj_role == "theme":
            fill(state, roles, "theme", child, speaker)
            continue
        # (an adverb trigger leaves the object its role: "mettre hors d'état de nuire X", "répondre favorablement")
        if child.dep_ == "obj" and child not in consumed and (
                not frame.objects or all(t.pos_ == "ADV" for t in consumed)):
            fill(state, roles, obj_role, child, speaker)
            for conj in child.children:
                if conj.dep_ == "conj":
                    fill(state, roles, obj_role, conj, speaker)
            continue
        if child.dep_ == "obj" and child in consumed and frame.object_names_recipient:
            # "apprécier le soutien de X", "expulser deux diplomates soudanais"
            fill(state, roles, "recipient", child, speaker)
            continue
        if child.dep_ == "iobj" and child.pos_ == "PRON" and "Reflex=Yes" not in str(child.morph):
            if "à" in frame.preps:
                fill(state, roles, frame.preps["à"], child, speaker)
            continue
        if child.dep_ in OBLIQUES:
            for key, role in frame.preps.items():
                if prep_key_matches(key, child, state.lex):
                    # "aux côtés de X": X is the "de" complement of the noun
                    target = next((c for c in child.children if c.dep_ == "nmod"), None) if ":" in key else child
                    if target is None:
                        break
                    fill(state, roles, role, target, speaker)
                    for conj in target.children:
                        if conj.dep_ == "conj":
                            fill(state, roles, role, conj, speaker)
                    break
    if (passive or participle) and not roles.actor:  # "bombardé près de la ville de X par l'aviation russe":
        for agent in _stray_agents(state, verb):  # the agent hung on a place noun of the verb's complement
            fill(state, roles, subj_role, agent, speaker)
    if (passive or participle) and not roles.actor and frame.passive_from:
        roles.actor.extend(_passive_source(state, verb, frame.passive_from, roles))
    if frame.object_names_recipient and not roles.recipient:  # "et expulse trois diplomates japonais" hung
        for obj in objects(verb):  # by the parser on the object of the verb before
            if obj in consumed:
                fill(state, roles, "recipient", obj, speaker)
    if frame.object_names_recipient and not (countries_of(roles.recipient) - countries_of(roles.actor)):
        for obj in consumed:  # (an unowned "le gouvernement" read as the subject's own names no one)
            beside = _state_beside_object(state, verb, obj, roles, speaker)
            if beside:
                roles.recipient = beside
                break
    if not frame.objects:  # an object the parser hung elsewhere ("a libéré vendredi 12 prisonniers")
        for obj in objects(verb):
            if obj.head.i != verb.i and obj.dep_ == "nmod" and obj not in consumed:
                fill(state, roles, obj_role, obj, speaker)
    if not roles.recipient and (frame.obj == "recipient" or any(
            r in ("recipient", "destination") for r in frame.preps.values())):
        _linear_verb_roles(state, verb, frame, roles, speaker)
    if not roles.recipient and frame.obj == "recipient" and not passive:
        roles.recipient.extend(bare_object_state(state, verb, consumed))  # the object hung on a date ("libéré vendredi 39 X")
    if frame.scan and not roles.recipient:
        _scan(state, verb, roles, speaker, places=frozenset(t.i for t in consumed) if frame.obj == "place" else frozenset())
    if not countries_of(roles.recipient) and (frame.type in state.lex.status.place_recipient_types or (
            frame.scan and frame.type == "ACCUSE")):  # (victims without a state are no party: "des casques bleus")
        _scan_object_place(state, verb, roles)
    if roles.place is None:
        roles.place = where_of(state, verb)
    if roles.place is None:  # "les ministres, réunis à Bruxelles, ont adopté": where the subject was
        for subject in [c for c in verb.children if c.dep_ in SUBJECTS]:
            for described in subject.children:
                if described.dep_ == "acl" and "Part" in described.morph.get("VerbForm", []):
                    roles.place = roles.place or where_of(state, described)
    if roles.place is None:
        roles.place = _relative_place(state, verb)
    if roles.place is None and "military" in frame.context:  # "ont bombardé un camp au Soudan": where the target is
        roles.place = _inner_place(state, verb, [o for o in objects(verb) if o.pos_ != "PRON"])
    _target_of_place(state, roles, frame.context)
    if roles.place is None and frame.type != "CONSULT" and not _located(state):
        roles.place = _filed_among(state, roles)
    if passive and not roles.actor and roles.recipient and "military" in frame.context:
        # "77 drones indiens ont été abattus, selon des sources pakistanaises": a side reporting the
        # enemy's losses with no agent named claims the act as its own
        claimant = [e for e in _claimants(state, verb, roles.place) if e.country and e.kind != "group"]
        if claimant and not (countries_of(claimant) & countries_of(roles.recipient)) and len(countries_of(claimant)) == 1:
            country = country_of(state, next(iter(countries_of(claimant))))
            if country is not None:
                roles.actor.append(country)
                roles.fallback = True
    if (passive or participle) and not roles.actor and countries_of(roles.recipient) and frame.type == "COERCE" \
            and frame.mode in state.lex.status.place_authority_modes and roles.place is not None \
            and roles.place.country and roles.place.country not in countries_of(roles.recipient):
        authority = country_of(state, roles.place.country)  # "un Français a été arrêté en Iran": Iran arrests
        if authority is not None:
            roles.actor.append(authority)
            roles.fallback = True
    if frame.place_actor and not roles.actor and roles.place is not None and roles.place.country:
        crowd_place: Place | None = roles.place
        mission = mission_named(state, roles.place)
        if mission is not None:  # "devant l'ambassade de X à Y": the crowd is Y's, the embassy's state the target
            crowd_place = host_of_mission(state, verb.sent if state.current is None else state.current, roles.place)
            if not roles.recipient and frame.type == "PROTEST":
                aimed = country_of(state, mission.country) if mission.country else None
                roles.recipient.extend([aimed] if aimed is not None else [])
        people = country_of(state, crowd_place.country) if crowd_place and crowd_place.country else None
        if people is not None:  # unnamed crowds act for their country's people
            roles.actor.append(people)
            roles.crowd = True
    if frame.type == "PROTEST" and not roles.recipient:
        roles.recipient.extend(_protest_purpose(state, verb, speaker))
    if frame.place_actor and frame.type == "PROTEST" and not roles.recipient:
        # "A Varsovie, des centaines de personnes ont manifesté devant l'ambassade de Russie": its state
        for child in verb.children:
            for mention in state.by_token.get(child.i, ()):
                if mention.entity is not None and mention.entity.id.endswith(MISSIONS) and mention.entity.country \
                        and case_of(child, state.lex) in ("devant", "à", "au", "aux", "vers"):
                    aimed = country_of(state, mention.entity.country)
                    if aimed is not None and aimed.country not in countries_of(roles.actor):
                        roles.recipient.append(aimed)
                        break
    if frame.place_actor and frame.type == "PROTEST" and not roles.actor and not roles.recipient:
        # "Le Parlement géorgien a adopté la loi, alors que des milliers de personnes manifestaient devant le
        # bâtiment": no place named, the crowd is the people of the one state its sentence names
        people = sole_state(state, verb.sent if state.current is None else state.current, verb)
        if people is not None:
            roles.actor.append(people)
            roles.crowd = True
    if frame.between and not roles.actor:  # "livrées entre Bandar Abbas, en Iran, et Lattaquié, en Syrie"
        origin, destination = _between(state, verb)
        if origin:  # "en Iran" was read as the destination: the ends say otherwise
            roles.actor.extend(origin)
            roles.recipient = [e for e in roles.recipient if e.country not in countries_of(origin)] or destination
    if not roles.actor and roles.theme:  # "des armes nord-coréennes ont été livrées": the goods' origin
        roles.actor.extend(roles.theme)
    missing = not roles.recipient if frame.subj == "recipient" else not roles.actor
    if missing and not any(c.dep_ in SUBJECTS for c in verb.children) and not passive and not participle \
            and not frame.place_actor:
        near = _nearest_before(state, verb)  # the parser lost the subject ("Macron | reçoit Zelensky")
        if near:
            getattr(roles, "recipient" if frame.subj == "recipient" else "actor").extend(near)
            roles.fallback = True
    return roles


def _passive_source(state: DocState, verb: Token, prep: str, roles: Roles) -> list[Entity]:
    """The state a passive with no agent names by a place or a body after ``prep`` (event_verbs.yaml
    passive_from): "expulsé d'Azerbaïdjan", "convoqué au ministère algérien des Affaires étrangères",
    "convoqué à Kampala" (a capital for its government); never the recipient's own state."""
    own = countries_of(roles.recipient)
    for child in verb.children:
        if not child.dep_.startswith("obl") or child.i < verb.i or case_of(child, state.lex) != prep:
            continue
        named = [e for e in entities_of(state, child) if e.country and e.country not in own]
        if not named:  # a named place only ("à une réunion" is no place)
            codes = [m.place.country for t in np_tokens(child, state.lex) for m in state.by_token.get(t.i, ())
                     if m.place is not None and m.place.country]
            entity = country_of(state, codes[0]) if codes else None
            named = [entity] if entity is not None and entity.country not in own else []
        if named:
            return named[:1]
    return []


def in_other_clause(word: Token, verb: Token) -> bool:
    """Whether ``word`` hangs, through its heads, on a verb other than ``verb`` and its governors (as its
    agent, object or complement) before reaching ``verb`` or the root."""
    above = {t.i for t in verb.ancestors}
    node = word
    for _ in range(12):
        if node.head.i == node.i or node.head.i == verb.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.i != verb.i and node.i not in above:
            return True
    return False


def _protest_purpose(state: DocState, verb: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    """"ont défilé à Londres pour dénoncer le régime iranien": the party a protest's purpose clause
    (status.yaml protest_purposes, after "pour") is aimed at, as its object or after "contre"."""
    lex = state.lex
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lemma_ not in lex.status.protest_purposes or not any(
                c.dep_ == "mark" and c.lower_ == "pour" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ == "obj" or (child.dep_.startswith("obl") and case_of(child, lex) == "contre"):
                found = [e for e in entities_of(state, child, speaker) if e.country]
                if found:
                    return found
    return []


def mission_named(state: DocState, place: Place) -> Entity | None:
    """The diplomatic mission (an embassy, a consulate) a place stands for ("devant l'ambassade de
    Russie"), or None: its country is the state it represents, not where it stands."""
    for mentions in state.by_token.values():
        for mention in mentions:
            if mention.entity is not None and mention.entity.id.endswith(MISSIONS) and mention.text == place.name:
                return mention.entity
    return None


def host_of_mission(state: DocState, sent: Span, place: Place) -> Place | None:
    """Where a mission named as the place stands: the city its own phrase names ("l'ambassade de
    France à Dakar"), else a place the sentence introduces with a locative preposition ("A Paris, ...
    devant l'ambassade du Cameroun"), in another state than the one the mission represents."""
    lex = state.lex
    for token in sent:
        for mention in state.by_token.get(token.i, ()):
            other = mention.place
            if other is None or not other.country or other == place or other.country == place.country or (
                    mention.entity is not None and mention.entity.kind != "country"):
                continue
            first = token
            while first.i > sent.start and mention in state.by_token.get(first.i - 1, ()):
                first = first.nbor(-1)
            if first.i > sent.start and lex.prep(first.nbor(-1).lower_) in ("à", "au", "aux", "en", "dans"):
                return other
    return None


def _stray_agents(state: DocState, verb: Token) -> list[Token]:
    """"Par X" phrases the parser hung on a noun inside the passive verb's adverbials ("a été bombardé près
    de la ville de X par l'aviation russe"), in the verb's own clause, after the verb: its agent."""
    out: list[Token] = []
    for child in verb.children:
        if not child.dep_.startswith("obl") or child.i < verb.i:
            continue
        for token in child.subtree:
            if token.i == child.i or token.dep_ not in ("nmod", "obl", "obl:mod", "obl:agent") or case_of(
                    token, state.lex) != "par":
                continue
            if any(t.dep_ in ("acl", "acl:relcl", "ccomp", "advcl") or t.pos_ in ("VERB", "AUX")
                   for t in _path(token, child)):
                continue  # the agent of another verb ("les civils tués par X")
            out.append(token)
    return out


def _path(token: Token, top: Token) -> list[Token]:
    """The tokens from ``token``'s head up to ``top`` (included)."""
    out = []
    node = token
    while node.i != top.i and node.head.i != node.i:
        node = node.head
        out.append(node)
    return out


def _between(state: DocState, verb: Token) -> tuple[list[Entity], list[Entity]]:
    """The two ends of a transfer "entre A et B", read left to right (the parser scatters them): the
    state of the first place named after "entre", and of the first after "et"."""
    doc = verb.doc
    dated = [(t.start, t.end) for t in state.timexes]
    ends: list[list[Entity]] = [[], []]
    side = -1
    for token in doc[verb.i + 1: verb.sent.end]:
        if any(a <= token.idx < b for a, b in dated) or token.pos_ in ("VERB", "AUX"):
            continue
        if token.lower_ == "entre":
            side = 0
        elif side == 0 and token.lower_ == "et" and ends[0]:
            side = 1
        elif side >= 0 and not ends[side]:
            ends[side] = _states(state, token)
            if side == 1 and ends[1]:
                break
    if not ends[1]:
        return [], []
    return ends[0], ends[1]


def _states(state: DocState, token: Token) -> list[Entity]:
    """The state of a place or state named at ``token``."""
    for mention in state.by_token.get(token.i, ()):
        country = mention.place.country if mention.place is not None else (
            mention.entity.country if mention.entity is not None else None)
        entity = country_of(state, country) if country else None
        if entity is not None:
            return [entity]
    return []


def _linear_verb_roles(state: DocState, verb: Token, frame: VerbFrame, roles: Roles,
                       speaker: tuple[Entity, ...]) -> None:
    """"fournir des avions de combat à l'Ukraine": the parser hangs "à l'Ukraine" on "combat"; read the
    prepositional complements that follow the verb in its clause."""
    for token in verb.doc[verb.i + 1: verb.sent.end]:
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "«", "»"):
            break
        if token.i not in state.by_token or token.dep_ == "case" or token.pos_ in ("DET", "ADP"):
            continue  # (the article of a name, "La Havane", is no bare object)
        if token.dep_ in ("amod", "flat", "flat:name", "fixed") and token.head.i < token.i and case_of(
                token.head, state.lex) == "par":
            continue  # a word of the agent's phrase ("par les garde-côtes iraniens"): the doer, not the recipient
        if any(_venue(state, token, m) for m in state.by_token.get(token.i, ())):
            continue  # "en marge du sommet du G20 à New Delhi": where the meeting sat, not whom it was with
        if at_venue(state.lex, token, verb):
            continue  # "réclame une enquête pendant une session du Conseil à Genève": a venue, not whom it is asked of
        case = case_of(token, state.lex)
        bare = (not frame.scan and token.dep_ not in SUBJECTS and token.dep_ != "conj" and frame.require is None
                and not any(":" in key for key in frame.preps))  # "être aux côtés de" needs its complement
        role = frame.preps.get(case or "") if case else (frame.obj if bare else None)
        if role in ("recipient", "destination"):
            fill(state, roles, role, token, speaker)
            return


_TIME_CASES = ("depuis", "dès")  # (not "après": "après l'arrivée de X en Russie, ..." is often where)


def where_of(state: DocState, verb: Token) -> Place | None:
    """A place the verb's own adverbials introduce with a locative preposition ("mercredi à Pékin"), not
    one inside its object ("le soutien à l'action militaire en Ukraine")."""
    lex = state.lex
    near = [c for c in verb.children if c.dep_ not in ("obj", "nsubj", "nsubj:pass", "ccomp", "xcomp", "csubj")]
    # (not inside a time phrase: "depuis le début de la guerre en Ukraine, X a expulsé" did not act there)
    near += [g for c in near if (c.dep_.startswith("obl") or c.pos_ in ("NOUN", "PROPN")) and case_of(
        c, lex) not in _TIME_CASES for g in c.children if g.dep_ in ("nmod", "obl", "obl:mod", "appos")]
    for token in sorted(near, key=lambda t: t.i):
        case = case_of(token, lex)
        if case not in lex.status.locative:
            continue
        for mention in state.by_token.get(token.i, ()):
            if mention.place is not None:
                return mention.place
            # "devant le Parlement géorgien"; a person is never a place ("a assuré à Vladimir Poutine"), nor
            # a body something is done to ("imposer des sanctions aux Gardiens de la révolution")
            entity = mention.entity  # a building or a body as a place; a state's metonym is a party
            if entity is not None and entity.country and entity.kind == "organization" and case != "à":
                return Place(mention.text, entity.country)
    return None


def _target_of_place(state: DocState, roles: Roles, context: Iterable[str]) -> None:
    """A military action with no named target, in a state that is not the actor's ("les frappes
    américaines au Yémen"), is aimed at that state."""
    if "military" not in context or roles.recipient or roles.place is None or not roles.place.country:
        return
    if roles.place.country in countries_of(roles.actor) or not roles.actor:
        return
    target = country_of(state, roles.place.country)
    if target is not None:
        roles.recipient.append(target)


def _filed_among(state: DocState, roles: Roles) -> Place | None:
    """The dateline, for an event one of whose parties is the state it was filed from ("KIEV (AFP) -
    L'Ukraine a accusé..."); a report filed from Rome on two other states says nothing of where."""
    place = _dateline(state)
    if place is None or place.country not in countries_of(roles.actor) | countries_of(roles.recipient):
        return None
    return place


def _located(state: DocState) -> bool:
    """Whether the sentence names a place with a locative preposition (then another event of the
    sentence may give this one its place, and the dateline does not)."""
    sent = state.current
    if sent is None:
        return False
    for token in sent:
        if any(m.place is not None for m in state.by_token.get(token.i, ())) and (
                case_of(token, state.lex) in state.lex.status.locative or (
                    token.i > sent.start and state.lex.prep(token.nbor(-1).lower_) in state.lex.status.locative)):
            return True
    return False


def _dateline(state: DocState) -> Place | None:
    """The place the article was filed from ("KIEV (AFP) -", "Dakar, 3 mai (Reuters) -"): a place named
    at the start of one of the first lines, right before a parenthesis, a comma or a dash."""
    if state.dateline:
        return state.dateline[0]
    found: Place | None = None
    text = state.text
    for mention in state.mentions:
        if mention.start > 600:
            break
        line_start = text.rfind("\n", 0, mention.start) + 1
        after = text[mention.end:mention.end + 3].lstrip(" ")
        if text[line_start:mention.start].strip(" (") or not after or after[0] not in "(,-–—":
            continue
        place = mention.place
        if place is None and mention.entity is not None and mention.entity.kind == "country":
            place = state.resolver.place(mention.text)
        if place is not None and place.country:
            found = place
            break
    state.dateline.append(found)
    return found


def _scan(state: DocState, verb: Token, roles: Roles, speaker: tuple[Entity, ...],
          places: frozenset[int] = frozenset()) -> None:
    """Actors named further in the clause ("a exprimé sa préoccupation quant à la coopération entre X et Y").
    ``places``: the frame's objects when they say where, not whom ("a saisi la Cour internationale de justice")."""
    taken = {e.id for e in roles.actor}
    for child in verb.children:
        if child.i < verb.i or child.dep_ in SUBJECTS or child.dep_ in ("ccomp", "parataxis", "punct"):
            continue
        if child.i in places:
            continue
        for token in child.subtree:
            if token.dep_ in ("ccomp", "parataxis", "acl:relcl"):
                break
            if case_of(token, state.lex) in state.lex.status.locative:
                continue  # "l'assaut en Ukraine": where, not to whom
            if token.dep_ == "amod" and token.i not in state.by_token:  # "des parlementaires américains"
                entity = demonym_state(state, token)
                if entity is not None and entity.id not in taken:
                    roles.recipient.append(entity)
                    taken.add(entity.id)
            for mention in state.by_token.get(token.i, ()):
                if mention.place is not None and _opened_by_locative(state, token, mention):
                    continue  # "... du Conseil de sécurité à New York" (the parser hangs "à" on "New")
                if mention.place is not None and at_venue(state.lex, token, verb):
                    continue  # "dénonce la violation du cessez-le-feu signé à Doha": where it was signed
                if _venue(state, token, mention):
                    continue  # "en marge du sommet du G20 à New Delhi": a capital read as its state is a venue
                entity = mention_entity(state, mention)
                if entity is not None and entity.id not in taken and not agency(state, entity):
                    roles.recipient.append(entity)
                    taken.add(entity.id)


def _venue(state: DocState, token: Token, mention) -> bool:
    """A place named with a locative preposition right after a meeting noun ("lors de pourparlers à
    Doha"), or hung on one."""
    if not _opened_by_locative(state, token, mention):
        return False
    first = token
    while first.i > 0 and mention in state.by_token.get(first.i - 1, ()):
        first = first.nbor(-1)
    before = [first.nbor(-2)] if first.i > 1 else []
    meetings = state.lex.expand(["@meetings"])
    # ("en marge du sommet du G20 à New Delhi": the parser may hang the city on the body the meeting is of)
    for noun in [token.head, token.head.head, token.head.head.head, *before]:
        frame = state.lex.nouns.get(noun.lemma_) or state.lex.nouns.get(noun.lower_)
        if (frame is not None and frame.type == "CONSULT") or noun.lemma_ in meetings:
            return True
    return False


def at_venue(lex: Lexicon, token: Token, stop: Token | None = None) -> bool:
    """Whether ``token`` hangs, through its heads below ``stop``, on a gathering ("pendant une session du
    Conseil à Genève", status.yaml venue_nouns) or on a verb of meeting or agreeing ("la trêve conclue à
    Nairobi", "le cessez-le-feu signé à Doha", venue_verbs): a place there is where parties met or signed,
    not a party, nor what an act was aimed at."""
    status = lex.status
    for head in token.ancestors:
        if stop is not None and head.i == stop.i:
            return False
        if head.lemma_ in status.venue_nouns or (head.pos_ in ("VERB", "AUX") and head.lemma_ in status.venue_verbs):
            return True
    return False


def venue_place(state: DocState, token: Token, mention: ActorMention, previous: ActorMention | None = None) -> bool:
    """Whether a place mention (at ``token``) is where parties met or signed: after a locative, hung on a
    gathering or a verb of agreeing ("ont signé un cessez-le-feu à Doha"), right after a meeting noun
    ("lors de pourparlers à Doha"), or set beside such a venue ("à Doha, au Qatar": ``previous``)."""
    if not _opened_by_locative(state, token, mention):
        return False
    if previous is not None and previous.end <= mention.start and _APPOSED_PLACE.fullmatch(
            state.text[previous.end:mention.start]):
        return True
    return at_venue(state.lex, token) or _venue(state, token, mention)


# between a place and the larger place set beside it: "à Pretoria, en Afrique du Sud"
_APPOSED_PLACE = re.compile(r"\s*,\s*(?:en|au|aux|à|dans)\s+(?:l['’]|la\s+|le\s+|les\s+)?", re.IGNORECASE)


def _opened_by_locative(state: DocState, token: Token, mention) -> bool:
    """Whether the word right before the mention's first token is a locative preposition ("à New York")."""
    first = token
    while first.i > 0 and mention in state.by_token.get(first.i - 1, ()):
        first = first.nbor(-1)
    return first.i > 0 and state.lex.prep(first.nbor(-1).lower_) in state.lex.status.locative


def _scan_object_place(state: DocState, verb: Token, roles: Roles) -> None:
    """"condamne la tentative de coup d'État au Gabon", "dénonce les violences en Guinée", "exige la
    libération des opposants détenus au Nicaragua", "appelle à la retenue en Haïti": a disapproval or a
    demand about what happened in a state, with no party named, is aimed at that state (status.yaml
    place_recipient_types)."""
    lex = state.lex
    own = countries_of(roles.actor)
    # what is condemned or asked: the object, or the "à" phrase of a call ("appelle au calme au Soudan"),
    # with a place phrase the parser hung on the verb right after it
    contents = [o for o in objects(verb)] + [c for c in verb.children if c.dep_ in ("obl:arg", "obl") and c.i > verb.i
                                              and case_of(c, lex) == "à" and c.i not in state.by_token]
    contents = [c for c in contents if not any(t.start <= c.idx < t.end for t in state.timexes)]  # ("mardi")
    after = [c for c in verb.children if c.dep_ in ("obl:arg", "obl:mod", "obl") and any(
        c.left_edge.i == content.right_edge.i + 1 for content in contents)
             and case_of(c, lex) in lex.status.locative]  # (not "pendant une séance ... à New York")
    for obj in contents + after:
        for token in obj.subtree:
            if token.dep_ in ("ccomp", "parataxis", "acl:relcl") or case_of(token, lex) not in lex.status.locative:
                continue
            frame = lex.nouns.get(token.head.lemma_)
            if (frame is not None and frame.type == "CONSULT") or at_venue(state.lex, token, verb):  # ("séance ... à X")
                continue  # "demande une réunion à Genève": where the meeting would be, not whom it is asked of
            if _on_occasion(token, obj):
                continue  # "a appelé au calme lors d'une conférence à Genève": where it was said, not whom
            for mention in state.by_token.get(token.i, ()):
                code = place.country if (place := state_place(mention)) else None
                entity = country_of(state, code) if code and code not in own else None
                if entity is not None:
                    roles.recipient.append(entity)
                    return


MISSIONS = ("-embassy", "-consulate")
# the words that open the occasion a thing is said at ("lors d'une conférence", "au cours d'un entretien")
OCCASION_WORDS = frozenset({"lors", "pendant", "durant", "cours", "marge"})


def _on_occasion(token: Token, top: Token) -> bool:
    """Whether ``token`` sits in an occasion phrase below ``top`` ("lors d'une conférence à Genève")."""
    node = token
    while True:
        if node.lower_ in OCCASION_WORDS or any(c.lower_ in OCCASION_WORDS for c in node.children
                                                 if c.dep_ in ("case", "advmod")):
            return True
        if node == top or node.head.i == node.i:
            return False
        node = node.head


def _nearest_before(state: DocState, token: Token) -> list[Entity]:
    """The entity named last before ``token`` in its sentence, outside another verb's clause ("X, accusé
    par Y de ..., a démenti": not Y, the agent of the participle)."""
    sent = state.current if state.current is not None else token.sent
    for i in range(token.i - 1, sent.start - 1, -1):
        if in_other_clause(state.doc[i], token):
            continue
        for mention in state.by_token.get(i, ()):
            if mention.place is not None and _venue(state, token.doc[i], mention):
                continue  # "ont convenu, lors de pourparlers à Doha, de libérer": a venue, not a lost subject
            entity = mention_entity(state, mention)
            if entity is not None and not agency(state, entity):
                return [entity]
    return []


def noun_roles(state: DocState, noun: Token, frame: NounFrame, speaker: tuple[Entity, ...]) -> Roles:
    roles = Roles()
    lex = state.lex
    # "les frappes menées par X contre Y au Yémen": the participle's complements are the noun's
    doers = [c for c in noun.children if c.dep_ == "acl" and "Part" in c.morph.get("VerbForm", [])
             and c.lemma_ in lex.status.agent_governors]
    doers += _stray_doers(state, noun)  # "l'expulsion de cinq diplomates ordonnée par X"
    beside = frozenset(t.i for d in doers if d.head != noun for t in d.subtree)
    kids = list(noun.children) + [g for d in doers for g in d.children if g.dep_ != "nsubj"]
    # "l'attaque attribuée à X le 3 mai contre une base": the target the parser hung on another participle
    kids += [g for c in noun.children if c.dep_ == "acl" and c not in doers and "Part" in c.morph.get(
        "VerbForm", []) for g in c.children if g.dep_.startswith("obl") and case_of(g, lex) == "contre"]
    if noun.dep_ == "nsubj" and _occurrence(noun.head, lex):  # "des manifestations ont eu lieu à Paris contre
        said = [c for c in noun.head.children if c.dep_.startswith("obl") and c.i > noun.i]  # X": X's
        said += [g for c in said for g in c.children if g.dep_ == "nmod"]  # (the parser hangs X on "Paris")
        # (a meeting's place stays with the CONSULT rules: "la rencontre entre X et Y a eu lieu au Caire")
        roles_said = ("actor", "recipient") if frame.type == "CONSULT" else ("actor", "recipient", "place")
        kids += [c for c in said if case_of(c, lex) != "de" and frame.preps.get(case_of(c, lex) or "") in roles_said]
    if noun.dep_ == "nsubj" and noun.head.lemma_ in lex.status.crowd_verbs:  # "le rassemblement a réuni 300
        crowd = [c for c in noun.head.children if c.dep_ == "obj"]  # personnes contre X à Y": the crowd's complements
        if frame.place_actor:  # "a réuni des centaines de membres de la diaspora malienne": who gathered
            roles.actor.extend(e for c in crowd[:1] for e in crowd_people(state, c, speaker))
        said = [g for c in crowd for g in c.subtree if g.dep_ in ("nmod", "obl", "obl:mod") and g.head.pos_ != "PROPN"]
        said += [c for c in noun.head.children if c.dep_.startswith("obl")]  # ("A Berlin, le rassemblement a réuni")
        kids += [c for c in said if case_of(c, lex) not in (None, "de")
                 and frame.preps.get(case_of(c, lex) or "") in ("recipient", "place")]
    seen_of = possessed = False
    for child in kids:
        case = case_of(child, lex)
        if child.head in doers and (child.dep_ == "obl:agent" or case == "par"):
            fill(state, roles, "actor", child, speaker)
            continue
        if child.head in doers and not child.dep_.startswith("obl"):
            continue
        if child.dep_ == "det" and "Poss=Yes" in str(child.morph):
            owner = _possessor(state, noun)
            if frame.of in ("actor", "recipient"):
                getattr(roles, frame.of).extend(owner)
            seen_of = possessed = True  # "son retrait du Niger": the possessor fills the "de" role; "du Niger" is the place
            continue
        if child.dep_ == "amod" and child.i not in state.by_token:
            entity = demonym_state(state, child)
            if entity is not None:
                getattr(roles, frame.adj if frame.adj != "destination" else "recipient").append(entity)
            continue
        if child.dep_ in ("nmod", "acl", "amod", "appos") or child.dep_.startswith("obl"):
            left = frame.preps.get("de") if frame.preps.get("de") != frame.of else None
            if case == "de" and left and seen_of and (possessed or _place_like(state, child)):
                # (after a possessive, the "de" complement is what is left, a body too: "leur retrait de l'Union africaine")
                fill(state, roles, left, child, speaker)  # "le retrait des forces X du territoire": the place left
                continue
            if case == "de" and frame.content and (child.lemma_ in lex.nouns or child.pos_ == "VERB"):
                role = frame.content  # "sa demande de retrait des troupes X": what is asked, of whom
            elif case == "de" or (case is None and child.dep_ == "nmod" and child.pos_ == "PROPN"):
                role = frame.of
                seen_of = True
                if left:  # "le retrait de ses soldats de Somalie": the place left hangs on the troops
                    places = [g for g in child.children if g.dep_ == "nmod" and case_of(g, lex) == "de"
                              and _place_like(state, g)]
                    for place in places:
                        fill(state, roles, left, place, speaker)
                    if places and role in ("actor", "recipient"):
                        skip = frozenset(t.i for p in places for t in p.subtree)
                        named = entities_of(state, child, speaker, skip)
                        if not named and any(d.dep_ == "det" and "Poss=Yes" in str(d.morph) for d in child.children):
                            named = _possessor(state, noun)  # "ses soldats": the possessor's troops
                        getattr(roles, role).extend(named)
                        continue
            elif case in frame.preps:
                role = frame.preps[case]
            else:
                continue
            skip = beside
            if case == "de" and frame.preps.get("par") == "actor":  # "l'expulsion de trois ressortissants
                agents = [g for g in child.children if g.dep_ in ("nmod", "obl:agent") and g.i > child.i
                          and case_of(g, lex) == "par"]  # par X": the parser hangs the agent on the complement
                for agent in agents:
                    fill(state, roles, "actor", agent, speaker)
                skip = beside | frozenset(t.i for a in agents for t in a.subtree)
            heads = [child] + [c for c in child.children if c.dep_ == "conj"]
            for head in heads:
                if role == "theme":  # "livraison d'armes nord-coréennes": the goods carry the actor
                    roles.actor.extend(entities_of(state, head, speaker, skip))
                    for inner in head.children:  # "la suspension de sa coopération avec X": X is the partner
                        inner_case = case_of(inner, lex)
                        if inner.dep_ == "nmod" and inner_case not in (None, "de") and \
                                frame.preps.get(inner_case) == "recipient":
                            fill(state, roles, "recipient", inner, speaker, skip)
                else:
                    fill(state, roles, role, head, speaker, skip)
    if not roles.recipient or not roles.actor:
        _linear_noun_roles(state, noun, frame, roles, speaker)
    carrier = noun  # "a annoncé un paquet d'aide": the noun may sit in the object's "de" complement
    if carrier.dep_ == "nmod" and case_of(carrier, lex) == "de" and carrier.head.pos_ == "NOUN":
        carrier = carrier.head
    if not roles.actor and carrier.dep_ in ("obj", "nsubj:pass"):
        governor = carrier.head  # "a exclu l'envoi de troupes", "a annoncé le déploiement": who does it
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_ in lex.status.agent_governors:
            if carrier.dep_ == "nsubj:pass":  # "le rappel de l'ambassadeur a été décidé par Paris"
                agents = [c for c in governor.children if c.dep_ == "obl:agent" or (
                    c.dep_.startswith("obl") and case_of(c, lex) == "par")]
                roles.actor.extend(entities_of_tokens(state, agents, speaker))
            else:
                roles.actor.extend(entities_of_tokens(state, subject_heads(governor, state), speaker))
    if roles.place is None:  # "l'attaque contre une base américaine en Jordanie": where the target is
        roles.place = _inner_place(state, noun, kids)
    if not any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in noun.children):
        _target_of_place(state, roles, frame.context)  # "son offensive en Ukraine": whose, is a guess
    if "military" in frame.context and roles.actor and not countries_of(roles.recipient):
        roles.recipient.extend(war_target(state, noun, roles))  # "la guerre au Yémen et l'offensive X"
    if roles.place is None and frame.type != "CONSULT" and not _located(state):
        roles.place = _filed_among(state, roles)
    if not roles.actor and frame.type == "CONSULT" and frame.of == "actor":  # "lors d'une conversation avec X"
        roles.actor.extend(e for e in _possessor(state, noun) if e.country not in countries_of(roles.recipient))
    if not roles.recipient and frame.type != "CONSULT":  # "Kiev a essuyé des tirs russes": Kiev is struck
        own = countries_of(roles.actor)
        roles.recipient.extend(e for e in entities_of_tokens(state, _undergoers(state, noun), speaker)
                               if not (e.country and e.country in own))
    return roles


def war_target(state: DocState, noun: Token, roles: Roles) -> list[Entity]:
    """"depuis l'éclatement de la guerre au Soudan et l'offensive tchadienne", "l'invasion russe et la guerre en
    Ukraine": a military act that names only its doer, coordinated ("et") with a war named by where it is
    fought (status.yaml war_nouns), is aimed at that state (read along the words: the parser scatters
    such coordinations). Not a state merely named elsewhere in the sentence; not the doer's own."""
    lex = state.lex
    wars = set(lex.status.war_nouns)
    if not wars:
        return []
    doc = noun.doc
    sent = state.current if state.current is not None else noun.sent
    stops = (",", ";", ":", "(", ")", "«", "»", ".")
    start = noun.i
    while start > sent.start and doc[start - 1].pos_ in ("DET", "ADJ"):
        start -= 1
    end = noun.i + 1
    while end < sent.end and doc[end].pos_ == "ADJ":
        end += 1
    segment: list[Token] = []
    if start - 1 > sent.start and doc[start - 1].lower_ == "et":
        for i in range(start - 2, max(sent.start, start - 14) - 1, -1):
            if doc[i].text in stops or doc[i].pos_ in ("VERB", "AUX"):
                break
            segment.insert(0, doc[i])
    elif end < sent.end and doc[end].lower_ == "et":
        for i in range(end + 1, min(sent.end, end + 14)):
            if doc[i].text in stops or doc[i].pos_ in ("VERB", "AUX"):
                break
            segment.append(doc[i])
    war = next((k for k, t in enumerate(segment) if t.lemma_ in wars or t.lower_ in wars), None)
    if war is None:
        return []
    own = countries_of(roles.actor)
    for token in segment[war + 1:]:
        if case_of(token, lex) not in lex.status.locative and case_of(token, lex) != "contre":
            continue
        for mention in state.by_token.get(token.i, ()):
            code = place.country if (place := state_place(mention)) else None
            entity = country_of(state, code) if code and code not in own else None
            if entity is not None:
                return [entity]
        return []  # the war's place is named, and is the doer's own or no state
    return []


def _undergoers(state: DocState, noun: Token) -> list[Token]:
    """The subject that undergoes the event ``noun`` names (status.yaml undergoing_*): "X a essuyé des
    tirs", "X fait l'objet de sanctions", "X a été la cible de frappes", "X a été visé par des frappes",
    "X s'est vu infliger des sanctions"."""
    lex = state.lex
    head = noun.head
    if noun.dep_ == "obj" and head.lemma_ in lex.status.undergoing_verbs:
        return subject_heads(head, state)
    # "a subi mardi des frappes", "a essuyé dans la nuit des tirs": the object after an adverbial, read
    # as a "de" complement of the verb or of the adverbial
    if noun.dep_ in ("obl:arg", "obl", "obl:mod", "nmod") and case_of(noun, lex) == "de" and not any(
            c.dep_ == "det" for c in noun.children):
        verb = head if head.lemma_ in lex.status.undergoing_verbs else head.head if (
            head.dep_.startswith("obl") and head.head.lemma_ in lex.status.undergoing_verbs) else None
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            return subject_heads(verb, state)
    if noun.dep_ == "obj" and head.dep_ == "xcomp" and head.head.lemma_ == "voir" and any(
            "Reflex=Yes" in str(c.morph) or c.dep_.startswith("expl") for c in head.head.children):
        return subject_heads(head.head, state)
    if noun.dep_.startswith("obl") and case_of(noun, lex) == "de" and head.lemma_ == "faire" and any(
            c.dep_ == "obj" and c.lemma_ in lex.status.undergoing_nouns for c in head.children):
        return subject_heads(head, state)  # "X fait l'objet de sanctions", "de sanctions" hung on the verb
    if (noun.dep_ == "obl:agent" or case_of(noun, lex) == "par") and head.lemma_ in lex.status.undergoing_passives \
            and is_passive(head):
        return [c for c in head.children if c.dep_ == "nsubj:pass"]
    if noun.dep_ == "nmod" and case_of(noun, lex) == "de" and head.lemma_ in lex.status.undergoing_nouns:
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]  # "X a été la cible de"
        if subjects:
            return subjects
        if head.dep_ == "obj" and head.head.lemma_ == "faire":  # "X fait l'objet de"
            return subject_heads(head.head, state)
    return []


def _state_beside_object(state: DocState, verb: Token, obj: Token, roles: Roles,
                         speaker: tuple[Entity, ...]) -> list[Entity]:
    """The state a recognised, condemned or expelled object names in a place phrase or a complement the
    parser hung elsewhere: "le pouvoir des militaires en Guinée", "la tentative de coup d'État au Gabon",
    "le gouvernement militaire de la Birmanie" (its "de" read as the verb's), "de la junte au Mali"."""
    lex = state.lex
    own = countries_of(roles.actor)
    # a place names the state only for a ruling body ("le pouvoir des militaires en Guinée"), not for a
    # territory's status ("l'indépendance des régions dans l'est de X" is not X's)
    cases = ("de", "à", "en", "dans") if obj.lemma_ in lex.status.ruling_nouns else ("de",)
    phrases = [t for t in obj.subtree if t.dep_ in ("nmod", "obl:mod", "obl") and t.i > obj.i
               and case_of(t, lex) in cases and (t.head.i == obj.i or case_of(t, lex) != "de")]
    if obj.head.i == verb.i:  # a complement hung on the verb right after the object's phrase
        end = max(t.i for t in obj.subtree)
        phrases += [c for c in verb.children if c.dep_ in ("obl:mod", "obl:arg", "obl", "nmod")
                    and c.left_edge.i == end + 1 and case_of(c, lex) in cases]
    for phrase in phrases:
        found = [e for e in entities_of(state, phrase, speaker) if e.kind == "country" and e.country
                 and e.country not in own]
        if found:
            return found[:1]
    return []


def _occurrence(verb: Token, lex: Lexicon) -> bool:
    """A verb that only says an event took place ("avoir lieu", "se dérouler", "éclater": status.yaml
    occurrence_verbs): its complements are the event noun's, its subject."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    for entry in lex.status.occurrence_verbs:
        lemma, _, obj = entry.partition(" ")
        if verb.lemma_ == lemma and (not obj or any(c.dep_ == "obj" and c.lemma_ == obj for c in verb.children)):
            return True
    return False


def _stray_doers(state: DocState, noun: Token) -> list[Token]:
    """A participle of doing ("ordonnée", "décidée", "menées": status.yaml agent_governors) that the parser
    hung on the event noun's "de" complement but that agrees with the event noun: "l'expulsion de cinq
    diplomates ordonnée par X", "la fermeture de l'ambassade décidée par X". It tells who did the act."""
    lex = state.lex
    out = []
    stack = [c for c in noun.children if c.dep_ == "nmod"]
    while stack:  # down the complements' own complements ("de la frontière avec le Niger décidée par X")
        comp = stack.pop()
        if comp.lemma_ in lex.nouns or comp.i - noun.i > 12:
            continue
        stack.extend(c for c in comp.children if c.dep_ in ("nmod", "obl:mod") and c.pos_ in ("NOUN", "PROPN"))
        for part in comp.children:
            if part.dep_ != "acl" or "Part" not in part.morph.get("VerbForm", []) or (
                    part.lemma_ not in lex.status.agent_governors) or part.lower_.endswith("ant"):
                continue
            if agrees(noun, part):
                out.append(part)
    return out


def _place_like(state: DocState, token: Token) -> bool:
    """``token`` names a place (a country, a town, a region), not a party."""
    return any(m.place is not None and m.entity is None or (m.entity is not None and m.entity.kind == "country"
               and m.place is not None) for m in state.by_token.get(token.i, ()))


def _relative_place(state: DocState, verb: Token) -> Place | None:
    """"..., dans laquelle trois soldats ont été tués", "Kharkiv, où deux civils ont été tués": a clause
    opened by a relative of place happened where its antecedent is (the parser often hangs such a
    clause on the main verb, so the antecedent is the noun right before the relative)."""
    relative = next((c for c in verb.children if c.i < verb.i and c.lower_ in ("où", "laquelle", "lequel",
                                                                              "lesquels", "lesquelles")), None)
    if relative is None or (relative.lower_ != "où" and not any(
            g.dep_ == "case" and state.lex.prep(g.lower_) in state.lex.status.locative for g in relative.children)):
        return None
    sent_start = (state.current or verb.sent).start
    # the antecedent's phrase, read backwards up to the verb it hangs on: its first place
    for i in range(relative.i - 1, max(sent_start, relative.i - 16) - 1, -1):
        token = verb.doc[i]
        if token.pos_ in ("VERB", "AUX"):
            break
        places = [m.place for m in state.by_token.get(i, ()) if m.place is not None and m.place.country]
        if places:
            return places[0]
    return None


def _inner_place(state: DocState, noun: Token, kids: list[Token]) -> Place | None:
    """A locative place on the noun, on its participle, or inside its own complements (not crossing
    into a clause of its own)."""
    lex = state.lex
    stack = [k for k in kids if k.dep_ not in ("det", "case", "punct", "acl:relcl")]
    seen = 0
    while stack and seen < 40:
        token = stack.pop(0)
        seen += 1
        if token.dep_ in ("acl:relcl", "ccomp", "advcl", "parataxis", "xcomp") or token.pos_ == "AUX":
            continue
        case = case_of(token, lex)
        dative = case == "à" and token.i > 0 and token.nbor(-1).lower_ in ("la", "l'", "l’")  # "à l'Ukraine"
        if case in lex.status.locative and not dative:
            for mention in state.by_token.get(token.i, ()):
                if mention.place is not None and mention.place.country:
                    return mention.place
                if mention.entity is not None and mention.entity.kind == "country" and mention.entity.country:
                    return Place(mention.text, mention.entity.country)
        stack.extend(c for c in token.children if c.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "appos", "amod", "conj"))
    return None


def _linear_noun_roles(state: DocState, noun: Token, frame: NounFrame, roles: Roles,
                       speaker: tuple[Entity, ...]) -> None:
    """The parser often hangs "à Vladivostok" or "en Corée du Nord" on the name before it, not on the
    noun: read the complements that follow the noun, up to the end of its phrase."""
    lex = state.lex
    want_recipient = not roles.recipient
    want_actor = not roles.actor
    inner = False  # past a complement of another preposition
    for token in noun.doc[noun.i + 1: min(noun.i + 14, noun.sent.end)]:
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "«", "»") or (
                token.pos_ == "NOUN" and token.lemma_ in lex.nouns):
            break
        if token.dep_ == "case" or token.pos_ not in ("NOUN", "PROPN"):
            continue
        case = case_of(token, lex)
        if case is None and token.dep_ in ("flat:name", "flat"):
            continue
        if case == "de" and inner:
            continue  # "contre les positions des forces X": the "de" complement of the target, not the noun's
        dated = any(t.start <= token.idx < t.end for t in state.timexes)  # "le sabotage en octobre 2023 du X"
        if case not in (None, "de") and token.pos_ == "NOUN" and token.i not in state.by_token and not dated:
            inner = True  # a common noun ("les positions", "une base"), not a place
        if token.i not in state.by_token and not entities_of(state, token, speaker):
            continue
        role = frame.of if case == "de" else frame.preps.get(case or "")
        if role in ("recipient", "destination", "place") and want_recipient:
            fill(state, roles, role, token, speaker)
        elif role in ("actor", "theme") and want_actor:
            roles.actor.extend(entities_of(state, token, speaker))


def _possessor(state: DocState, noun: Token) -> list[Entity]:
    """"sa visite": the subject of the clause the noun sits in, else the last person named."""
    head = noun.head
    if noun.dep_ in ("nmod", "appos") and not any(c.dep_ == "case" for c in noun.children):
        # "Xi Jinping Le voyage promis" (an English possessive lost in translation): the person it hangs on
        owner = [e for m in state.by_token.get(head.i, ()) if (e := mention_entity(state, m)) is not None
                 and e.kind == "person"]
        if owner:
            return owner[:1]
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    subjects = subject_heads(head, state)
    if not subjects and head.lemma_ in state.lex.reporting:
        subjects = speaker_tokens(head)
    for sub in subjects:
        if sub.i != noun.i and noun not in list(sub.subtree):
            found = entities_of(state, sub)
            if found:
                return found
    return [state.last_person] if state.last_person else []


def subject_entities(state: DocState, verb: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    return entities_of_tokens(state, subject_heads(verb, state), speaker) or _nearest_before(state, verb)


def entities_of_tokens(state: DocState, tokens: Iterable[Token], speaker: tuple[Entity, ...]) -> list[Entity]:
    out: list[Entity] = []
    for token in tokens:
        out.extend(entities_of(state, token, speaker))
    return dedupe(out)


def _group(state: DocState, people: bool, size: int = 2) -> list[Entity]:
    """The two sides of the story: for "les deux pays", the states named most so far; for "les deux
    hommes", "les deux dirigeants", the last people (or sides) of different states just named."""
    if people:
        # the sides named just before in this sentence, else in the previous one, else the last people
        sent = state.current
        here = [m.entity for i in range(sent.start, state.group_at) for m in state.by_token.get(i, ())
                if m.entity is not None and not agency(state, m.entity)] if sent is not None else []
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
