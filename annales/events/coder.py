"""PLOVER event coding from French dependency parses.

For each sentence: find trigger words (verb frames, then noun frames), fill actor/recipient/place
from the syntax (subject, object, prepositional complements, passive agent, coordination), decide the
status (asserted, alleged, denied, planned, hypothetical, negated) from the words that govern the
trigger, date it by the temporal expression of its clause, and keep the sentence as evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from annales.events.dating import (
    another_occurrence,
    dating_table,
    governing_date,
    moved_from_clause,
    paragraph_of,
    quantities_of,
    retold_day,
    timex_after,
    undated_window,
)
from annales.events.location import diaspora, hosted_by, inner_content, locate, near_place
from annales.events.quotes import find_quotes, reporting, sentences, speaker_tokens
from annales.events.roles import (
    agency,
    countries_of,
    country_of,
    dedupe,
    demonym,
    demonym_state,
    detached_participle,
    entities_of,
    entities_of_tokens,
    mention_entity,
    noun_roles,
    sole_state,
    state_place,
    subject_heads,
    venue_place,
    verb_roles,
    war_target,
    where_of,
)
from annales.events.scope import political
from annales.events.state import ActorLookup, DocState, Roles, Status
from annales.events.status import status_of
from annales.events.syntax import (
    SUBJECTS,
    agrees,
    case_of,
    clause_range,
    clause_verb,
    incise_comma,
    is_negated,
    is_passive,
    objects,
    prep_child,
    purpose_clause,
    reflexive,
    surface_forms,
    tense_of,
)
from annales.events.tables import Lexicon, NounFrame, VerbFrame, lexicon
from annales.model import ActorMention, DateValue, Document, Entity, Event, Evidence, Place, Quote, Timex
from annales.nlp import text_of
from annales.temporal import separated_from
from annales.temporal.lexicon import lexicon as time_lexicon


def code(doc: Doc, document: Document, timexes: Sequence[Timex], mentions: Sequence[ActorMention],
         resolver: ActorLookup, lang: str = "fr", open_sides: set[str] | None = None) -> list[Event]:
    """The PLOVER events of one parsed document, one per mention, each with its evidence.

    ``timexes`` and ``mentions`` come from :mod:`annales.temporal` and :mod:`annales.actors` for the same
    ``doc`` (offsets into ``document.text``); ``resolver`` is the actors resolver (countries, demonyms,
    places, news agencies). Hypothetical and negated events are returned too, with their status.
    ``open_sides``, when given, receives the ids of the events whose empty side the text leaves unknown on
    purpose (a dated attack with no doer named), which the story must not fill.
    """
    lex = lexicon(lang)
    _headline_verbs(doc, lex)
    _homograph_verbs(doc, lex)
    _coordinated_verbs(doc, lex)
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    by_token: dict[int, list[ActorMention]] = {}
    for mention in ordered:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            by_token.setdefault(token.i, []).append(mention)
    state = DocState(doc, document, lex, resolver, ordered, sorted(timexes, key=lambda t: t.start),
                 find_quotes(doc, ordered, lex), by_token)
    state.text = text_of(doc)
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
    if Doc.has_extension("quotes"):
        doc._.quotes = list(state.quotes)  # with the speakers resolved along the way
    if open_sides is not None:
        open_sides.update(state.open_sides)
    return _retold_dates(state, _meeting_dates(doc, political(state, events, lang)))


def _first_group_infinitive(word: str) -> str | None:
    """The infinitive a word would have as a first-group verb in the present ("expulse", "demandent" ->
    "expulser", "demander"), or None when it does not end like one."""
    low = word.lower()
    if low.endswith("ent") and len(low) > 5:
        return low[:-2] + "r"
    if low.endswith("e") and len(low) > 3:
        return low + "r"
    return None


def _headline_verbs(doc: Doc, lex: Lexicon) -> None:
    """Repair of the parse: a headline in the present ("Le Kenya expulse l'ambassadeur de Somalie") is read
    as a noun phrase, the verb a participle or adjective on the subject ("expulse" as "expulsé") and its
    object a complement of the subject. When a sentence has no verb of its own, a word right after its
    nominal root (and that root's adjectives), with no determiner or preposition, written like a present
    ("-e", "-ent") of a first-group verb of the lexicon and followed by its object, is the sentence's verb:
    the root becomes its subject and the bare noun phrases hung on either become its object."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "acl" for t in sent):
            continue
        # the subject is the root, or a noun the parser made the subject of the object ("L'Ouganda expulse
        # l'ambassadeur": "ambassadeur" the root, "Ouganda" its subject)
        verb = next((t for t in sent if t.i > t.head.i and (t.head.i == root.i or (
            t.head.dep_ == "nsubj" and t.head.head.i == root.i and root.i > t.i)) and _headline_verb(t, lex)), None)
        if verb is None or any(t.head.i != verb.head.i or t.is_punct for t in doc[verb.head.i + 1:verb.i]):
            continue
        subject = verb.head
        infinitive = _first_group_infinitive(verb.text) or verb.lemma_
        verb.head, verb.dep_, verb.pos_, verb.lemma_ = verb, "ROOT", "VERB", infinitive
        verb.set_morph("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")  # type: ignore[attr-defined]
        subject.head, subject.dep_ = verb, "nsubj"
        has_object = False
        if root.i != subject.i:
            root.head, root.dep_, has_object = verb, "obj", True
        for child in sorted(list(root.children) + list(subject.children) + list(verb.children), key=lambda t: t.i):
            if root.i != subject.i and child.head.i == root.i and not child.is_punct:
                continue
            if child.i > verb.i and child.is_punct:
                child.head = verb
            if child.i <= verb.i or child.dep_ not in ("nmod", "obl:agent", "obl", "obl:mod", "appos"):
                continue
            bare = not any(c.dep_ == "case" for c in child.children)
            child.head = verb
            if bare and not has_object:
                child.dep_, has_object = "obj", True
            elif not bare:
                child.dep_ = "obl:mod"


def _homograph_verbs(doc: Doc, lex: Lexicon) -> None:
    """Repair of the parse: "..., ce que le Rwanda dément" ("dément" read as an adjective or adverb on
    "Rwanda"). A form of ``verb_homographs`` right after a name or noun, without a determiner of its own,
    is the verb, that noun its subject; after "ce que"/"que" the relative pronoun is its object."""
    for token in doc:
        infinitive = lex.status.verb_homographs.get(token.lower_)
        if infinitive is None or token.pos_ in ("VERB", "AUX") or token.i == 0 or any(
                c.dep_ == "det" for c in token.children):
            continue
        subject = doc[token.i - 1]
        if subject.lower_ == "qui" and subject.pos_ == "PRON" and token.i >= 3 and doc[token.i - 2].text == "," \
                and subject.head.i != token.i:
            # "Kiev accuse Moscou, qui dément toute implication": the relative's verb, its object after it
            antecedent, carrier = doc[token.i - 3], subject.head
            token.pos_, token.lemma_ = "VERB", infinitive
            token.set_morph("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")  # type: ignore[attr-defined]
            token.head, token.dep_ = antecedent, "acl:relcl"
            subject.head, subject.dep_ = token, "nsubj"
            if carrier.i > token.i and carrier.pos_ in ("NOUN", "PROPN"):
                carrier.head, carrier.dep_ = token, "obj"
            continue
        if subject.pos_ not in ("PROPN", "NOUN") or token.sent.start != subject.sent.start:
            continue
        above = token.head  # an adverb the parser hung it under ("dément catégoriquement"): the verb's own
        token.pos_, token.lemma_ = "VERB", infinitive
        token.set_morph("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin")  # type: ignore[attr-defined]
        if subject.head.i == subject.i:  # the name read as the sentence's root: the verb takes its place
            token.head, token.dep_ = token, "ROOT"
            for child in list(subject.children):
                if child.i > token.i:
                    child.head = token
                    if child.pos_ in ("VERB", "AUX"):
                        child.dep_ = "xcomp" if "Inf" in child.morph.get("VerbForm", []) else "ccomp"
            subject.head, subject.dep_ = token, "nsubj"
            continue
        pronoun = subject.head
        marker = next((c for c in subject.children if c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’")), None)
        if subject.dep_ == "nsubj" and subject.head.pos_ in ("VERB", "AUX") and token.i < subject.head.i:
            clause = subject.head  # "le Rwanda dément soutenir X": the infinitive is its complement
            token.head, token.dep_ = (token, "ROOT") if clause.head.i == clause.i else (clause.head, clause.dep_)
            clause.head, clause.dep_ = token, ("xcomp" if "Inf" in clause.morph.get("VerbForm", []) else "ccomp")
        elif pronoun.lower_ in ("que", "qu'", "qu’") and pronoun.pos_ == "PRON" and pronoun.head.i != pronoun.i:
            token.head, token.dep_ = pronoun.head, "acl:relcl"  # "ce que le Rwanda dément"
            pronoun.head, pronoun.dep_ = token, "obj"
        elif marker is not None and subject.dep_ == "acl:relcl":
            token.head, token.dep_ = subject.head, "acl:relcl"  # the relative read with the name as its head
            marker.head, marker.dep_ = token, "obj"
        else:
            token.head, token.dep_ = subject.head, subject.dep_
        if above.pos_ == "ADV" and above.i > token.i and above.head.i != token.i:
            above.head, above.dep_ = token, "advmod"
        subject.head, subject.dep_ = token, "nsubj"


def _headline_verb(token: Token, lex: Lexicon) -> bool:
    """A word that may be a headline's verb misread (see ``_headline_verbs``)."""
    infinitive = _first_group_infinitive(token.text)
    return token.dep_ in ("acl", "amod", "nmod", "appos") and infinitive is not None and infinitive in lex.verbs \
        and token.i + 1 < token.sent.end and token.doc[token.i + 1].pos_ in ("DET", "NUM", "PROPN") and not any(
            c.dep_ in ("det", "case") for c in token.children)


def _coordinated_verbs(doc: Doc, lex: Lexicon) -> None:
    """Repair of the parse: "X rappelle son ambassadeur à Paris et expulse douze diplomates" is read with
    "expulse" coordinated to the object noun ("ambassadeur"), so the second act loses its subject and
    falls under the first verb as its object. A verb coordinated by "et" to a noun that is the object or a
    complement of a verb, with no subject of its own, is that verb's conjunct; a bare noun phrase hung on
    it as a noun complement (no preposition) is its object. The tagger may also call that verb a noun
    ("et expulse trois diplomates"): a word right after "et", without determiner, that is no event noun
    and whose "-r" form is a verb of the lexicon (a first-group present) is that verb."""
    for token in doc:
        if token.pos_ == "NOUN" and token.dep_ == "conj" and token.i > 0 and token.nbor(-1).lower_ == "et" \
                and not any(c.dep_ == "det" for c in token.children) and token.lemma_ not in lex.nouns:
            infinitive = _first_group_infinitive(token.text)
            if infinitive is not None and infinitive in lex.verbs:
                token.pos_, token.lemma_ = "VERB", infinitive
        noun = token.head
        if token.pos_ != "VERB" or token.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.i > token.i:
            continue
        if not any(c.dep_ == "cc" and c.lower_ in ("et", "puis") for c in token.children) or any(
                c.dep_ in SUBJECTS for c in token.children):
            continue
        verb = noun
        while verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("obj", "nmod", "obl", "obl:arg", "obl:mod") \
                and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ != "VERB" or verb.i == noun.i or token.sent.start != verb.sent.start:
            continue
        token.head = verb
        for child in list(token.children) + list(noun.children):
            if child.dep_ == "nmod" and child.i > token.i and child.pos_ in ("NOUN", "PROPN") and not any(
                    c.dep_ == "case" for c in child.children):
                child.head = token
                child.dep_ = "obj"


RETOLD_REACH_DAYS = 31  # how far before an undated report's window a retold day may lie


def _retold_dates(state: DocState, events: list[Event]) -> list[Event]:
    """An event dated wider than a day, whose noun the article retells with a day inside that window
    ("ont conclu en mars un accord" ... "l'accord conclu le 2 mars"), takes that day (see
    ``dating.retold_day``); with no date expression of its own, a day up to a month before its window
    too (the window only guessed the days before the report)."""
    out = []
    for event in events:
        evidence = event.mentions[0]
        date = event.date
        if date is None or date.days <= 1 or evidence.trigger_start is None or evidence.trigger_end is None:
            out.append(event)
            continue
        span = state.doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
        nouns = {t.lemma_.lower() for t in span or () if t.pos_ == "NOUN" and not another_occurrence(t)}
        window = date
        if evidence.date_text is None:
            # no date expression of its own: the window is only the days before the report, a guess;
            # a retelling a few weeks earlier ("Cet accord, conclu le 12 mars, ...") tells the day
            window = DateValue.between(date.start - dt.timedelta(days=RETOLD_REACH_DAYS), date.end)
        timex = retold_day(state, nouns, window, (evidence.start, evidence.end)) if nouns else None
        if timex is None:
            out.append(event)
            continue
        mention = replace(evidence, date_text=timex.text, date_start=timex.start, date_end=timex.end)
        out.append(replace(event, date=timex.date, mentions=(mention, *event.mentions[1:])))
    return out


def _people(event: Event) -> set[str]:
    return {e.id for e in event.actor + event.recipient if e.kind == "person"}


def _nominal(doc: Doc, event: Event) -> bool:
    evidence = event.mentions[0]
    if evidence.trigger_start is None or evidence.trigger_end is None:
        return False
    span = doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _same_meeting(undated: Event, dated: Event) -> bool:
    """A person in common; or, when one side names no one, the undated one's states among the (two or
    more) states of the dated one."""
    if _people(undated) & _people(dated):
        return True
    if _people(undated) and _people(dated):
        return False  # both name their people, and they differ: two meetings
    states = countries_of(list(dated.actor + dated.recipient))
    own = countries_of(list(undated.actor + undated.recipient))
    return len(states) >= 2 and bool(own) and own <= states


def _meeting_dates(doc: Doc, events: list[Event]) -> list[Event]:
    """Date what was said "lors de sa rencontre avec X" by the meeting the article dated elsewhere.

    A sentence that names a meeting without dating it ("a déclaré la ministre lors de sa rencontre
    avec son homologue") refers to the meeting the article has dated ("ce matin, vendredi 1er
    novembre"): same type, the same people or states, a date inside the undated report's window. The
    sentence's undated reports take that date. Same meeting: see ``_same_meeting``.
    """
    dated = [e for e in events if e.type == "CONSULT" and e.date is not None and e.mentions[0].date_text]
    if not dated:
        return events
    by_sentence: dict[int, list[int]] = {}
    for index, event in enumerate(events):
        by_sentence.setdefault(event.mentions[0].start, []).append(index)
    out = list(events)
    for indices in by_sentence.values():
        undated = [i for i in indices if events[i].date is not None and not events[i].mentions[0].date_text
                   and events[i].status in ("asserted", "alleged", "denied")]
        # a meeting named by a noun ("lors de sa rencontre avec"), not one told by its own verb
        meetings = [events[i] for i in undated if events[i].type == "CONSULT" and _nominal(doc, events[i])]
        for meeting in meetings:
            window = meeting.date
            assert window is not None
            same = [d for d in dated if _same_meeting(meeting, d) and window.contains(d.date)]  # type: ignore[arg-type]
            if not same:
                continue
            source = min(same, key=lambda d: (d.date.days, d.mentions[0].start))  # type: ignore[union-attr]
            when, evidence = source.date, source.mentions[0]
            for i in undated:
                mention = replace(out[i].mentions[0], date_text=evidence.date_text,
                                              date_start=evidence.date_start, date_end=evidence.date_end)
                out[i] = replace(out[i], date=when, mentions=(mention,))
            break
    return out


def _speakers(state: DocState, sent: Span) -> None:
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
            if reporting(token, state.lex):
                speaker = entities_of_tokens(state, speaker_tokens(token, (quote.start, quote.end)), ())
                if speaker:
                    break
        if not speaker:
            before = state.text[sent.start_char:quote.start].rstrip()
            if before.endswith(":"):
                for token in sent:
                    if token.idx >= quote.start - 1:
                        break
                    for mention in state.by_token.get(token.i, ()):
                        entity = mention_entity(state, mention)
                        if entity is not None and not agency(state, entity):
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
    if any(low.startswith(p) for p in lex.status.skip_line_prefixes):
        return True
    line_end = text.find("\n", sentence.end_char)
    after = _neighbour_line(text, len(text) if line_end < 0 else line_end, 1)
    if _DURATION.fullmatch(after) or _DURATION.fullmatch(_neighbour_line(text, line_start, -1)):
        return True  # a playlist's video titles
    # a pointer line opens a block of titles (lines without a sentence's final stop) that runs to the text
    if low.endswith(_STOPS):
        return False
    edge, seen = line_start, 0
    while edge > 0 and seen < 8:
        start = text.rfind("\n", 0, edge - 1) + 1
        before, edge = text[start:edge - 1].strip().lower().rstrip(" :"), start
        if not before:
            continue
        seen += 1
        if before in lex.status.pointer_lines:
            return True
        if before.endswith(_STOPS) or len(before) > 160:
            return False
    return False


_STOPS = (".", "!", "?", "»", '"', "”", "…")


_DURATION = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def _neighbour_line(text: str, edge: int, step: int) -> str:
    """The nearest non-blank line before (step -1, ``edge`` the start of this line) or after (step 1,
    ``edge`` its end), stripped and lower-cased; "" when there is none."""
    for _ in range(4):
        if step < 0:
            if edge <= 0:
                return ""
            start = text.rfind("\n", 0, edge - 1) + 1
            line, edge = text[start:edge - 1], start
        else:
            if edge >= len(text):
                return ""
            end = text.find("\n", edge + 1)
            end = len(text) if end < 0 else end
            line, edge = text[edge + 1:end], end
        if line.strip():
            return line.strip().lower().rstrip(" :")
    return ""


def _verb_frames(token: Token, lex: Lexicon) -> list[tuple[VerbFrame, list[Token]]]:
    """The frames of ``token`` whose trigger conditions hold, in table order (the coder takes the first
    whose roles are filled)."""
    if token.pos_ in ("VERB", "AUX", "ADJ"):
        keys = surface_forms(token) + _participle_infinitive(token) + _present_infinitive(token)
    elif any(c.dep_.startswith("aux") for c in token.children) and token.lower_.endswith("é"):
        keys = [token.lower_[:-1] + "er"]  # a participle the tagger took for a noun ("a téléphoné")
    elif _copular(token):
        # "X est un allié", "un pays ami": the predicate noun or its adjective (frames marked predicate only)
        keys = [token.lemma_] + [c.lemma_ for c in token.children if c.dep_ == "amod" or (
            c.dep_ == "nmod" and c.i == token.i + 1 and not any(g.dep_ == "case" for g in c.children))]
    else:
        return []
    seen: set[str] = set()
    hits: list[tuple[VerbFrame, list[Token]]] = []
    for key in keys:  # the lemma's frames, then those of the surface form ("reconnaissante")
        if key in seen or key not in lex.verbs:
            continue
        seen.add(key)
        hits.extend(_frames_that_hold(token, lex.verbs[key], lex))
    return hits


def _copular(token: Token) -> bool:
    """A noun that is the predicate of "être" ("le Ghana a toujours été un ami")."""
    return token.pos_ == "NOUN" and any(c.dep_ == "cop" for c in token.children)


def _present_infinitive(token: Token) -> list[str]:
    """"réclame", "demandent" lemmatised as nouns ("la réclame"): the infinitive of a first-group verb in
    the present, when the tagger still calls it a verb with a subject."""
    if token.pos_ != "VERB" or token.lemma_.endswith("er") or not any(c.dep_ in SUBJECTS for c in token.children):
        return []
    infinitive = _first_group_infinitive(token.text)
    return [infinitive] if infinitive else []


def _partitive(noun: Token, negated: bool) -> bool:
    """"des raids", "du matériel" (an article the parser read as a preposition), or "de sanctions" after a
    negation: the noun is the verb's object."""
    cases = [c.lower_ for c in noun.children if c.dep_ == "case" and c.i < noun.i]
    return bool(cases) and (cases[0] in ("des", "du") or (negated and cases[0] in ("de", "d'", "d’")))


def _participle_infinitive(token: Token) -> list[str]:
    """"a gelé" tagged as an adjective with the lemma "gelé": the infinitive of a first-group participle
    that has its auxiliary."""
    if not any(c.dep_.startswith("aux") for c in token.children):
        return []
    low = token.lower_
    for ending in ("ées", "és", "ée", "é"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return [low[: -len(ending)] + "er"]
    return []


def _named_by(noun: Token, names: list[str], lex: Lexicon) -> bool:
    """Whether ``noun`` is one of ``names``: a lemma or @class, or "lemma:complement" for a noun with that
    "de" complement ("conférence:presse": a press conference, not a conference)."""
    if not names:
        return False
    plain = lex.expand([n for n in names if ":" not in n])
    if noun.lemma_ in plain:
        return True
    return any(noun.lemma_ == head and any(c.lemma_ == complement and c.dep_ == "nmod" for c in noun.children)
               for head, complement in (n.split(":", 1) for n in names if ":" in n))


def _frames_that_hold(token: Token, frames, lex: Lexicon) -> list[tuple[VerbFrame, list[Token]]]:
    out: list[tuple[VerbFrame, list[Token]]] = []
    if token.dep_ == "cop":
        return out  # "le journal le plus vendu est le Néerlandais X": a copula links, it does nothing
    for frame in frames:
        if frame.predicate != _copular(token):
            continue
        if frame.reflexive is True and not reflexive(token):
            continue
        if frame.reflexive is False and reflexive(token):
            continue
        if frame.state and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            continue  # "les prisonniers détenus par X", "les territoires occupés": a standing state
        if frame.not_objects and any(_named_by(o, frame.not_objects, lex) for o in objects(token)):
            continue  # "ont accepté nos ambassadeurs" is no agreement
        extra: list[Token] = []
        if frame.objects:
            accepted = lex.expand(frame.objects)
            objs = [o for o in objects(token) if o.lemma_ in accepted or o.lower_ in accepted
                    or o.lower_.rstrip("sx") in accepted  # plural-only nouns keep their "s" as lemma
                    or any(f"{o.lemma_} {a.lemma_}" in accepted for a in o.children if a.dep_ == "amod")]
            # (a noun with its adjective: "poste diplomatique" is a mission, "poste frontière" a crossing)
            if not objs:  # "des tonnes de médicaments", "des dizaines de milliers de soldats"
                objs = [n for o in objects(token) for n in _quantified(o, lex) if n.lemma_ in accepted]
            if not objs:  # "a mené des raids" read as a "de" complement; "n'a pas imposé de sanctions"
                negated = is_negated(token, lex)
                objs = [c for c in token.children if c.i > token.i and c.dep_ in ("obl:arg", "obl", "nmod", "obl:mod")
                        and c.lemma_ in accepted and _partitive(c, negated)]
            if not objs:  # "font demi-tour", "déclarer persona non grata": a bare noun the parser took for a predicate
                objs = [c for c in token.children if c.dep_ in ("xcomp", "advmod") and c.i > token.i
                        and (c.lemma_ in accepted or c.lower_ in accepted)]
            if not objs and token.dep_ == "acl" and token.head.lemma_ in accepted:
                objs = [token.head]  # "le blocus imposé par X", "les sanctions décrétées contre Y"
            if not objs and token.dep_ == "acl" and token.head.dep_ == "nmod" and token.head.head.lemma_ in accepted \
                    and not any(c.dep_ == "det" for c in token.head.children if c.i < token.head.i):
                objs = [token.head.head]  # "le pouvoir des talibans en Afghanistan reconnu par X": hung on the name
            if not objs and token.dep_ == "acl":
                objs = _described_above(token, accepted)  # "le pouvoir de la junte au Mali reconnu par X"
            objs = [o for o in objs if not _named_by(o, frame.not_objects, lex)]
            if not objs:
                continue
            extra = objs[:1]
        if frame.require_prep and not prep_child(token, frame.require_prep, lex):
            continue
        if frame.negated_idiom and not is_negated(token, lex):
            continue
        if frame.leave_order and _left_country(token, lex) is None:
            continue
        if frame.denial and not _denies(token, lex):
            continue
        if frame.hostile and not _hostile_complement(token, lex):
            continue
        if frame.hostile_clause and not _hostile_clause(token, lex):
            continue
        if frame.subjects:
            accepted = lex.expand(frame.subjects)
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if not subjects and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
                subjects = [c for c in token.head.children if c.dep_ in SUBJECTS]  # "a plié bagage et quitté X"
            if not any(t.lemma_ in accepted or any(n.lemma_ in accepted for n in t.children) for t in subjects):
                continue
        out.append((frame, extra))
    return out


_DEMAND = NounFrame(type="REQUEST", mode="yield")


def _demanded(state: DocState, sent: Span) -> list[_Found]:
    """"Le seul moyen de sortir de la crise est le retrait des troupes de X", "X a déclaré que la seule
    solution était le départ de Y": a concession (event_verbs.yaml concessions) named as the way out
    (status.yaml demand_subjects) is a demand made of whoever must concede, by whoever says it: the
    speaker of the quote, the subject of the reporting verb, or "pour X"."""
    lex = state.lex
    concessions = lex.expand(["@concessions"])
    out: list[_Found] = []
    for token in sent:
        if token.pos_ != "NOUN" or token.lemma_ not in concessions or not any(
                c.dep_ == "cop" for c in token.children):
            continue
        if not any(c.dep_ == "nsubj" and c.lemma_ in lex.status.demand_subjects for c in token.children):
            continue
        speaker = _quote_speaker(state, token)
        actor = list(speaker)
        if not actor and token.dep_ == "ccomp" and token.head.lemma_ in lex.reporting:
            actor = entities_of_tokens(state, subject_heads(token.head, state), speaker)
        if not actor:
            actor = entities_of_tokens(state, [c for c in token.children if c.dep_.startswith("obl")
                                               and case_of(c, lex) in ("pour", "selon")], speaker)
        owners = {e.id for e in actor}
        recipient = [e for c in token.children if c.dep_ == "nmod" and case_of(c, lex) == "par"
                     for e in entities_of(state, c, speaker) if e.id not in owners]  # "la libération de X par Y"
        recipient = recipient or [e for c in token.children if c.dep_ == "nmod" and case_of(c, lex) == "de"
                                  for e in entities_of(state, c, speaker) if e.id not in owners]
        roles = Roles(actor=dedupe(actor), recipient=dedupe(recipient))
        if not roles.actor or not roles.recipient:
            continue
        status = status_of(state, token, _DEMAND, speaker, "REQUEST")
        out.append(_Found(token, [], "REQUEST", "yield", [], roles, status, _DEMAND, noun=True))
    return out


def _conditioned(state: DocState, sent: Span) -> list[_Found]:
    """"X ne rencontrera Y que lorsque Y sera prêt au retrait de ses troupes", "X ne négociera pas tant que
    Y n'aura pas accepté le retrait": a refusal lifted only by a concession (event_verbs.yaml concessions)
    of the clause's subject is a demand of that concession (REQUEST yield) by the refusing side. The
    clause opens with one of status.yaml demand_conjunctions and the refusal is negated."""
    lex = state.lex
    concessions = lex.expand(["@concessions"])
    out: list[_Found] = []
    for clause in sent:
        if clause.dep_ not in ("advcl", "acl:relcl", "ccomp") or clause.head.i == clause.i:
            continue
        refusal = clause.head
        while refusal.pos_ not in ("VERB", "AUX") and refusal.head.i != refusal.i:
            refusal = refusal.head  # a clause the parser hung on the refused act's noun
        if not any(c.lower_ in ("ne", "n'", "n’") for c in refusal.children):  # "ne ... pas", "ne ... que"
            continue
        if any(c.dep_ == "aux:tense" for c in refusal.children) or set(refusal.morph.get("Tense", [])) & {
                "Past", "Imp"}:
            continue  # "n'a pas repris le dialogue lorsque X a ...": a past fact told with its time, no condition
        marks = [c for c in clause.children if c.dep_ in ("mark", "advmod")]
        marks += [c for c in refusal.children if c.dep_ == "advmod" and c.i < clause.i and any(
            f.dep_ == "fixed" for f in c.children)]  # "tant que" hung on the refusing verb
        words = {" ".join([m.lower_] + [f.lower_ for f in m.children if f.dep_ == "fixed"]) for m in marks}
        if not words & set(lex.status.demand_conjunctions):
            continue
        conceded = next((t for t in clause.subtree if t.pos_ == "NOUN" and t.lemma_ in concessions), None)
        if conceded is None:
            continue
        speaker = _quote_speaker(state, refusal)
        actor = entities_of_tokens(state, subject_heads(refusal, state), speaker)
        owners = {e.id for e in actor}
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
        subjects += [g for c in clause.children if c.dep_.startswith("aux") for g in c.children if g.dep_ in SUBJECTS]
        recipient = [e for e in entities_of_tokens(state, subjects, speaker) if e.id not in owners]
        roles = Roles(actor=dedupe(actor), recipient=dedupe(recipient))
        if not roles.actor or not roles.recipient:
            continue
        status = status_of(state, refusal, _DEMAND, speaker, "REQUEST")
        if status.status in ("negated", "planned", "hypothetical"):  # the refusal is; the demand is made
            status = replace(status, status="asserted", tense="present")
        out.append(_Found(conceded, [], "REQUEST", "yield", [], roles, status, _DEMAND, noun=True))
    return out


def _denies(verb: Token, lex: Lexicon) -> bool:
    """"a rétorqué que ces accusations étaient sans fondement", "a répliqué que Pékin n'avait jamais livré
    d'armes": the reported clause is negated, or calls what it answers false (status.yaml denial_words:
    "sans fondement", faux, mensonger...)."""
    false = set(lex.status.denial_words)
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis"):
            continue
        if is_negated(clause, lex) or any(t.lemma_ in false or t.lower_ in false for t in clause.subtree):
            return True
    return False


def _owner_of_troops(state: DocState, verb: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    """A subject that is an actor's own men ("ses hommes", "leurs combattants", "nos colonnes": the
    troops class of event_verbs.yaml with a possessive) acts for that actor: "nos" for the speaker of
    the quote, "ses"/"leurs" for the subject of the clause that tells it ("X a annoncé que ses hommes
    ..."), else the speaker."""
    troops = state.lex.expand(["@troops"])
    for sub in verb.children:
        if sub.dep_ not in ("nsubj", "nsubj:pass") or sub.lemma_ not in troops:
            continue
        poss = next((d for d in sub.children if d.dep_ == "det" and "Poss=Yes" in str(d.morph)), None)
        if poss is None:
            continue
        if "Person=1" in str(poss.morph):
            return list(speaker)
        head = verb
        while head.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis") and head.head.i != head.i:
            head = head.head
            owners = entities_of_tokens(state, [t for t in subject_heads(head, state) if t.i != sub.i], speaker)
            if owners:
                return owners
        return list(speaker)
    return []


def _left_country(verb: Token, lex: Lexicon) -> Token | None:
    """The country an order tells someone to leave ("sommés de quitter le pays", "l'ordre de quitter le
    territoire nigérien", "72 heures pour quitter le sol X", "priés de quitter la Bolivie"): the object of
    "quitter" (status.yaml leave_verbs, leave_objects, or a name) under the order verb or its object noun,
    else None."""
    status = lex.status
    near = [c for c in verb.children] + [g for c in verb.children if c.dep_ in ("obj", "obl", "obl:arg") for g in c.children]
    for node in near:
        if node.pos_ == "VERB" and node.lemma_ in status.leave_verbs and node.i > verb.i:
            for obj in node.children:
                if obj.dep_ == "obj" and (obj.lemma_ in status.leave_objects or obj.pos_ == "PROPN"):
                    return obj  # "quitter le pays", "quitter la Bolivie"
    return None


def _at_crowd(verb: Token, lex: Lexicon) -> bool:
    """"ont tiré sur des manifestants", "ont réprimé la foule": the verb's target is a crowd of protesters
    (protesters class of event_verbs.yaml), not a named party."""
    crowd = lex.expand(["@protesters"]) | {"foule", "cortège", "manifestation", "rassemblement"}
    for child in verb.children:
        if child.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and (
                child.lemma_ in crowd or any(n.lemma_ in crowd for n in _quantified(child, lex))):
            return True
    return False


def _own_people(state: DocState, roles: Roles) -> None:
    """Force against protesters or a crowd at home: the state fires on its own people. The recipient is
    the protesters of the actor's state, else of the place's; with no actor named, that state acts."""
    codes = sorted({e.country for e in roles.actor if e.country})
    if not codes and roles.place is not None and roles.place.country:
        codes = [roles.place.country]
    if len(codes) != 1:
        return
    entity = country_of(state, codes[0])
    if entity is None:
        return
    # the people fired on, a group of that state (not the state itself, which may be the actor)
    roles.recipient.append(Entity(f"group:{codes[0].lower()}-protesters", f"protesters ({entity.name})", "group",
                                  codes[0]))
    if not roles.actor:
        roles.actor.append(entity)


def _putschists(state: DocState, frame: VerbFrame | NounFrame, roles: Roles) -> None:
    """A seizure of power with no doer named ("après le coup d'État au Gabon", "le pouvoir a été pris
    par la force au Niger"): those who staged it are of the state whose power they took, a group of
    that state; who they are (soldiers, a faction, the guard) the text does not say."""
    if roles.actor or frame.type != "COERCE" or frame.mode != "seize" or "executive" not in frame.context:
        return
    codes = sorted({e.country for e in roles.recipient if e.country})
    if not codes and roles.place is not None and roles.place.country:
        codes = [roles.place.country]
    entity = country_of(state, codes[0]) if len(codes) == 1 else None
    if entity is not None:
        roles.actor.append(Entity(f"group:{codes[0].lower()}-putschists", f"putschists ({entity.name})", "group",
                                  codes[0]))


def _described_above(participle: Token, accepted) -> list[Token]:
    """A headline participle the parser hung on a name or noun inside the complements of the noun it
    describes ("le pouvoir de la junte au Mali reconnu par X": "reconnu" agrees with "pouvoir", not
    with "junte"): the accepted noun up the chain of complements, when every noun between is a name or
    does not agree with the participle."""
    node = participle.head
    for _ in range(3):
        if node.pos_ not in ("NOUN", "PROPN") or node.dep_ != "nmod" or node.head.pos_ not in ("NOUN", "PROPN"):
            return []
        if node.pos_ == "NOUN" and agrees(node, participle):
            return []
        node = node.head
        if node.lemma_ in accepted and agrees(node, participle):
            return [node]
    return []


def _clause_subject(state: DocState, verb: Token, roles: Roles, speaker: tuple[Entity, ...]) -> list[Entity]:
    """"exige que Berlin verse des réparations": the subject of the "que" clause is asked."""
    actors = {e.id for e in roles.actor}
    for child in verb.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in child.children):
            heads = [c for c in child.children if c.dep_ in SUBJECTS]
            return [e for e in entities_of_tokens(state, heads, speaker) if e.id not in actors]
    return []


def _quantified(head: Token, lex: Lexicon, depth: int = 2) -> list[Token]:
    """The "de" complements under a quantity, two levels down ("des dizaines de milliers de réservistes")."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "nmod" and case_of(child, lex) == "de":
            out.append(child)
            if depth > 1:
                out.extend(_quantified(child, lex, depth - 1))
    return out


def _hostile_complement(verb: Token, lex: Lexicon) -> bool:
    """"a promis des représailles", "a juré de frapper": the verb's complement names a hostile act."""
    for child in verb.children:
        if child.dep_ in SUBJECTS or child.dep_ in ("punct", "cc", "mark", "advmod", "aux", "aux:tense", "aux:pass"):
            continue
        for token in child.subtree:
            if token.lemma_ in lex.hostile or token.lower_ in lex.hostile:
                return True
    return False


def _hostile_clause(verb: Token, lex: Lexicon) -> bool:
    """"a prévenu qu'il riposterait", "a mis en garde qu'elle frapperait": a "que" clause of the verb, in
    the conditional or the future, that names a hostile act (a warning of what the speaker would do),
    unlike "prévenir une escalade" (to avert) or "a prévenu que la réunion aurait lieu"."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’")
                                             for c in clause.children):
            continue
        verbs = [clause] + [c for c in clause.children if c.dep_.startswith("aux")]
        if not any("Cnd" in v.morph.get("Mood", []) or "Fut" in v.morph.get("Tense", [])
                   or v.lower_.endswith(("rait", "raient", "ra", "ront")) for v in verbs):  # (tagged "Imp")
            continue
        if not is_negated(clause, lex) and any(t.lemma_ in lex.hostile or t.lower_ in lex.hostile
                                               for t in clause.subtree):  # ("qu'il ne riposterait pas": no threat)
            return True
    return False


def _off_topic(sent: Span, lex: Lexicon) -> bool:
    """A sentence of sport, culture or faits divers ("a battu Lyon en finale"): no political event."""
    words = lex.off_topic
    for t in sent:
        if t.lemma_ in words or t.lower_ in words:
            return True
    text = sent.text.lower()
    return any(phrase in text for phrase in lex.off_topic_phrases)


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
    antecedent: Token | None = None  # "celle de X": the event noun the pronoun repeats
    open_actor: bool = False  # the doer is unknown on purpose ("l'attaque du 12 mars contre X"): no story guess
    own_date: Timex | None = None  # the date in the phrase of such a named act ("du 12 mars")
    open_recipient: bool = False  # an ended agreement with no party named ("l'arrêt de l'accord"): no story guess


def _code_sentence(state: DocState, sent: Span) -> list[Event]:
    lex = state.lex
    found: list[_Found] = []
    consumed: set[int] = set()
    if _off_topic(sent, lex):
        return []
    for token in sent:
        frames = _verb_frames(token, lex)
        if not frames:
            continue
        quote_speaker = _quote_speaker(state, token)
        hit = None
        for frame, extra in frames:
            if frame.party_subject and _no_party_subject(state, token, quote_speaker):
                continue  # "la première réaction est venue de X": a thing comes, nobody visits
            roles = verb_roles(state, token, frame, extra, quote_speaker)
            if frame.clause_recipient and not roles.recipient:
                roles.recipient.extend(_clause_subject(state, token, roles, quote_speaker))
            if frame.require_prep and ":@" in frame.require_prep and not roles.recipient and \
                    frame.preps.get(frame.require_prep.partition(":")[0]) == "recipient":
                required = prep_child(token, frame.require_prep, lex)  # hung deeper than the verb's own slots
                if required is not None:
                    roles.recipient.extend(e for e in entities_of(state, required, quote_speaker)
                                           if e.id not in {a.id for a in roles.actor})
            if frame.predicate and not roles.actor:  # "« X est un ami », a déclaré Y": Y says it of X
                said = status_of(state, token, frame, quote_speaker, frame.type).speaker
                roles.actor.extend(e for e in said if e.id not in {r.id for r in roles.recipient})
            if not roles.actor and not is_passive(token) and not frame.predicate:  # "a annoncé que ses hommes rentraient"
                roles.actor.extend(_owner_of_troops(state, token, quote_speaker))
            if frame.own_people and not roles.recipient and _at_crowd(token, lex):
                _own_people(state, roles)
            _putschists(state, frame, roles)
            left = _left_country(token, lex) if frame.leave_order and not roles.actor else None
            if left is not None:  # "a reçu l'ordre de quitter le territoire nigérien": that state orders
                roles.actor.extend(e for e in entities_of(state, left, quote_speaker)
                                   if e.id not in {r.id for r in roles.recipient})
            # a participle describing a noun ("les régions soutenues par X") is background unless aimed at someone
            # (not a light verb on its own event noun: "le blocus imposé par X" is the blockade)
            background = token.dep_ == "acl" and not (extra and (extra[0].i == token.head.i or (
                token.head.dep_ == "nmod" and extra[0].i == token.head.head.i)))  # ("l'offensive des X lancée")
            # (a participle with a date of its own tells a past act: "les marins arrêtés le 3 mai par X")
            background = (background or detached_participle(token, state)) and not _dated_clause(state, token)
            require = "recipient" if background and frame.require is None else frame.require
            if background and frame.type == "ACCUSE" and not roles.actor:
                continue  # "trois syndicalistes, accusés de troubles": why they were held, no accuser told
            if _enough(roles, require):
                hit = (frame, extra, roles)
                break
        if hit is None:
            continue
        frame, extra, roles = hit
        if not roles.actor and is_passive(token):  # "tués dans des frappes israéliennes": the strikes' doer
            roles.actor.extend(_means_actor(state, token, frame.type, quote_speaker))
        if not roles.actor and is_passive(token) and (extra or frame.leave_order):  # "déclarés persona non grata par X", "sommés de
            agents = [g for c in token.children for g in c.children if g.dep_ == "obl:agent"]  # quitter le pays par X"
            agents += [h for c in token.children for g in c.children for h in g.children if h.dep_ == "obl:agent"]
            roles.actor.extend(entities_of_tokens(state, agents[:1], quote_speaker))
        status = status_of(state, token, frame, quote_speaker, frame.type)
        context = list(frame.context) + [lex.object_contexts[o.lemma_] for o in objects(token)
                                        if o.lemma_ in lex.object_contexts]
        mode = frame.mode
        if frame.type == "AID" and not mode:
            mode = next((c for c in context if c in ("military", "economic", "humanitarian")), None)
        found.append(_Found(token, extra, frame.type, mode, context, roles, status, frame))
        if not frame.keep_object:
            consumed.update(t.i for t in extra)
            required = prep_child(token, frame.require_prep, lex) if frame.require_prep and ":@" in frame.require_prep else None
            if required is not None:  # "mettre fin à la coopération": what ends is part of this event
                consumed.add(required.i)
    for item in _demanded(state, sent) + _conditioned(state, sent):  # "le seul moyen est le retrait de X"
        found.append(item)
        consumed.add(item.trigger.i)
    for token in sent:
        if token.i in consumed or not _nominal_token(token):
            continue
        sense = _noun_sense(token, lex)
        if sense is None:
            continue
        noun_frame, chosen_by = sense
        if chosen_by is not None:  # "l'arrêt de l'accord": the agreement is what ends, not an event
            consumed.add(chosen_by.i)
            if chosen_by.lemma_ in lex.status.agreement_nouns:  # "de l'accord de coopération": its content
                consumed.update(c.i for c in chosen_by.children if c.dep_ == "nmod" and c.i > chosen_by.i
                                and case_of(c, lex) == "de" and c.i not in state.by_token)
        if noun_frame.adj_required and not any(c.lemma_ in noun_frame.adj_required or (
                "@demonym" in noun_frame.adj_required and c.dep_ == "amod" and c.i not in state.by_token
                and demonym(state, c)) for c in token.children):  # "l'intervention saoudienne"
            continue
        if (_covered(found, token, noun_frame.type) and not _answered_act(token, lex)) or _anaphoric(token, lex):
            continue
        quote_speaker = _quote_speaker(state, token)
        open_recipient = False
        roles = noun_roles(state, token, noun_frame, quote_speaker)
        if not roles.actor:
            roles.actor.extend(_light_verb_agent(state, token, quote_speaker))
        if chosen_by is not None:  # "son retrait de l'accord de défense avec le Tchad": the partner receives
            # (anywhere in the agreement's phrase: "l'accord sur le transit conclu avec X")
            partners = entities_of_tokens(state, [c for c in chosen_by.subtree if c.i > chosen_by.i and c.dep_ in (
                "nmod", "obl", "obl:mod", "obl:arg", "obl:agent") and case_of(c, lex) == "avec"][:1], quote_speaker)
            if not partners:  # "la fin de l'accord de coopération avec X": the parser hangs "avec X" on the verb
                partners = entities_of_tokens(state, [c for c in token.head.children if c.dep_ in (
                    "obl", "obl:mod", "obl:arg") and case_of(c, lex) == "avec"
                    and c.left_edge.i == chosen_by.right_edge.i + 1][:1], quote_speaker)
            if partners:
                if not roles.actor:  # (the possessor, read as the agreement's owner, is the one who leaves it)
                    roles.actor = _foreign(partners, roles.recipient)
                roles.recipient = _foreign(roles.actor, partners)
            elif chosen_by.lemma_ in lex.status.agreement_nouns:
                roles.recipient = [e for e in roles.recipient if e.id not in _named_after(state, chosen_by)]
                open_recipient = not roles.recipient  # (no party named: the story does not guess one)
        if noun_frame.place_actor and not roles.actor and not roles.recipient:
            _crowd_of_place(state, token, roles)
        if noun_frame.own_people and not roles.recipient:
            _own_people(state, roles)
        _putschists(state, noun_frame, roles)
        dated = _dated_attack(state, token, noun_frame, roles)
        if not _enough(roles, noun_frame.require) and not (dated is not None and noun_frame.require == "any2"):
            continue
        status = status_of(state, token, noun_frame, quote_speaker, noun_frame.type)
        mode = noun_frame.mode
        context = list(noun_frame.context) + [lex.adjective_contexts[c.lemma_] for c in token.children
                                              if c.dep_ == "amod" and c.lemma_ in lex.adjective_contexts]
        if noun_frame.type == "AID" and not mode:  # "l'aide militaire", "une aide humanitaire"
            mode = next((c for c in context if c in ("military", "economic", "humanitarian")), None)
        found.append(_Found(token, [], noun_frame.type, mode, context, roles, status, noun_frame, noun=True,
                            open_actor=dated is not None, own_date=dated, open_recipient=open_recipient))
    found.extend(_ellipses(state, sent))
    for item in found:  # "avec la guerre au Yémen et l'offensive X (lancée ...)": the war's state
        act = None if item.noun else next((t for t in item.extra if t.pos_ == "NOUN"), None)  # (nouns: noun_roles)
        if act is not None and "military" in item.context and item.roles.actor and not countries_of(
                item.roles.recipient):
            item.roles.recipient.extend(war_target(state, act, item.roles))
    for item in found:
        # (the subject read again by a fallback is not its own recipient)
        if item.noun or {e.id for e in item.roles.recipient} - {e.id for e in item.roles.actor}:
            continue
        more = _incise_recipients(state, item, found)
        if not more and getattr(item.frame, "embeds", None) == "absorbed":
            more = _answered_in_clause(state, item, found)
        item.roles.recipient.extend(more)
    _shared_target(found, lex)
    events: list[Event] = []
    state.triggers = {f.trigger.idx for f in found}
    aims = {id(f): delivery for f in found if (delivery := _aim(f, found, lex)) is not None}
    for f in found:
        delivery = aims.get(id(f))
        if delivery is not None and not delivery.roles.recipient:  # the supported side receives the delivery
            delivery.roles.recipient = [e for e in f.roles.recipient
                                        if e.country not in {a.country for a in delivery.roles.actor}]
    described = _described_object(found)
    absorbed = {id(f) for f in found if _absorbed(f, found, lex) or _modifier(f, found, lex) or id(f) in aims
                or _retold(f, lex) or _noun_aim(f, lex) or id(f) in described or _agreed_content(f, found)}
    for item in found:
        if id(item) in absorbed:
            continue
        events.extend(_events(state, sent, item, found))
    return _unique(events, state.open_sides)


def _described_object(found: list[_Found]) -> set[int]:
    """"La Cedeao a levé les sanctions imposées au Niger": a participle describing the object of another
    act ("imposées" on the sanctions lifted) tells what that object is, not a new act; its recipient is
    the act's when the act names none. The ids of such participle reports."""
    out: set[int] = set()
    for item in found:
        trigger = item.trigger
        if item.noun or trigger.dep_ != "acl" or trigger.lower_.endswith("ant") or "Part" not in trigger.morph.get(
                "VerbForm", []) or any(
                c.dep_.startswith("aux") or c.dep_ in SUBJECTS for c in trigger.children):
            continue  # (a past participle only: "..., accusant X d'ingérence" is an act of its own)
        carrier = next((f for f in found if f is not item and not f.noun and any(
            t.i == trigger.head.i for t in f.extra)), None)
        if carrier is None:
            continue
        out.add(id(item))
        if not carrier.roles.recipient:
            carrier.roles.recipient = _foreign(carrier.roles.actor, item.roles.recipient)
    return out


def _shared_target(found: list[_Found], lex: Lexicon) -> None:
    """"X a rompu ses relations avec Y et fermé son espace aérien", "convoque l'ambassadeur de Y et
    dénonce une ingérence": a second act coordinated to the first, by the same actor, with no recipient
    of its own, is aimed where the first is, when both lean the same way (hostile or friendly, by their
    PLOVER scores)."""
    for item in found:
        trigger = item.trigger
        if item.noun or item.roles.recipient or trigger.dep_ != "conj" or trigger.head.pos_ not in ("VERB", "AUX"):
            continue
        first = next((f for f in found if not f.noun and f.trigger.i == trigger.head.i and f.roles.recipient), None)
        if first is None or not _side(first.roles.actor) & _side(item.roles.actor):
            continue
        lean, other = lex.score(item.type, item.mode), lex.score(first.type, first.mode)
        if lean * other > 0:
            item.roles.recipient = _foreign(item.roles.actor, first.roles.recipient)


def _named_after(state: DocState, agreement: Token) -> set[str]:
    """The ids of the entities an agreement is named after by the city where it was signed ("l'accord de
    Juba", "les accords de Minsk", "l'accord de paix d'Alger"): a place, not a party."""
    lex = state.lex
    out: set[str] = set()
    for token in agreement.subtree:
        if token.i <= agreement.i or token.dep_ != "nmod" or case_of(token, lex) != "de":
            continue
        for mention in state.by_token.get(token.i, ()):
            place = mention.place
            if place is None or not place.country:
                continue
            country = state.resolver.country(place.country)
            if country is not None and country.name != place.name and (
                    entity := mention_entity(state, mention)) is not None:
                out.add(entity.id)
    return out


def _side(entities: Sequence[Entity]) -> set[str]:
    """The states and ids of a list of entities: what "the same side" compares."""
    return countries_of(entities) | {e.id for e in entities}


def _foreign(actor: Sequence[Entity], entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` that are not on ``actor``'s side."""
    own = _side(actor)
    return [e for e in dedupe(entities) if e.id not in own and (e.country is None or e.country not in own)]


def _incise_recipients(state: DocState, item: _Found, found: list[_Found]) -> list[Entity]:
    """"« Les frappes menées par X ne resteront pas impunies », ont menacé les rebelles": the incise verb's
    recipient is who acts in what was said before it: the agents there ("par X", the subjects of its
    verbs), else the actors of the events found there, else the parties it names; never the speaker's
    own side, nor a first person ("nos positions")."""
    mark = incise_comma(item.trigger)
    if mark is None:
        return []
    sent = state.current if state.current is not None else item.trigger.sent
    said = list(state.doc[sent.start:mark.i])
    lex = state.lex

    agents = [t for t in said if t.dep_ == "obl:agent" or (
        case_of(t, lex) == "par" and t.head.pos_ in ("VERB", "AUX"))]
    agents += [t for t in said if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX") and t.pos_ != "PRON"]
    found_here = _foreign(item.roles.actor, entities_of_tokens(state, agents, ()))
    if not found_here:
        found_here = _foreign(item.roles.actor, [e for f in found if f is not item and f.trigger.i < mark.i
                              and f.trigger.i >= sent.start for e in f.roles.actor])
    if not found_here:
        named = [e for t in said for m in state.by_token.get(t.i, ())
                 if (e := mention_entity(state, m)) is not None and not agency(state, e)]
        found_here = _foreign(item.roles.actor, named)
    return found_here if 0 < len(countries_of(found_here) or {e.id for e in found_here}) <= 2 else []


def _answered_in_clause(state: DocState, item: _Found, found: list[_Found]) -> list[Entity]:
    """"a averti qu'il riposterait aux frappes israéliennes": a threat's recipient is the recipient of the
    act it announces, else the doer of the act that act answers (an event noun in the clause)."""
    lex = state.lex

    clause = [c for c in item.trigger.children if c.dep_ in ("ccomp", "xcomp", "obj", "obl:arg")]
    inside = {t.i for c in clause for t in c.subtree}
    for other in found:
        if other is not item and other.trigger.i in inside and _foreign(item.roles.actor, other.roles.recipient):
            return _foreign(item.roles.actor, other.roles.recipient)
    for i in sorted(inside):
        noun = state.doc[i]
        frame = _noun_frame(noun, lex) if noun.pos_ == "NOUN" else None
        if frame is None or frame.type not in lex.status.hostile_types + ["ASSAULT"]:
            continue
        actors = _foreign(item.roles.actor, noun_roles(state, noun, frame, ()).actor)
        if actors:
            return actors
    return []


def _light_verb_agent(state: DocState, noun: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    """"a procédé à des arrestations", "a eu recours à des frappes": the subject of a light verb that
    governs the event noun through its preposition (status.yaml agent_governors_with) does the act;
    "l'annonce par X du lancement d'opérations": the agent of the nouns of announcement or aspect above
    the event noun (status.yaml agent_nouns) does it."""
    lex = state.lex
    agent = _agent_noun_actor(state, noun, speaker)
    if agent:
        return agent
    if noun.dep_ == "nmod" and case_of(noun, lex) == "de" and noun.head.pos_ in ("NOUN", "PRON", "NUM"):
        noun = noun.head  # "a procédé à des dizaines d'arrestations": the quantity carries the preposition
    governor = noun.head
    if governor.pos_ == "NOUN" and governor.lemma_ in lex.status.agent_governors_with and governor.dep_ in (
            "obj", "obl", "obl:arg", "obl:mod"):  # "avoir recours à": the noun "recours" carries it
        prep = lex.status.agent_governors_with[governor.lemma_]
        if case_of(noun, lex) == prep:
            governor = governor.head
            return entities_of_tokens(state, subject_heads(governor, state), speaker)
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_ not in lex.status.agent_governors_with:
        return []
    if case_of(noun, lex) != lex.status.agent_governors_with[governor.lemma_]:
        return []
    return entities_of_tokens(state, subject_heads(governor, state), speaker)


def _agent_noun_actor(state: DocState, noun: Token, speaker: tuple[Entity, ...]) -> list[Entity]:
    lex = state.lex
    node = noun
    for _ in range(3):  # "l'annonce | du lancement | d'opérations"
        head = node.head
        if node.dep_ != "nmod" or case_of(node, lex) != "de" or head.lemma_ not in lex.status.agent_nouns:
            return []
        found: list[Entity] = []
        for child in head.children:
            if child.dep_ in ("nmod", "obl:agent") and case_of(child, lex) == "par":
                found.extend(entities_of(state, child, speaker))
            elif child.dep_ == "amod" and child.i not in state.by_token:
                entity = demonym_state(state, child)
                if entity is not None:
                    found.append(entity)
        if not found and head.dep_ in ("obj", "nsubj:pass") and head.head.lemma_ in lex.status.agent_governors:
            found = entities_of_tokens(state, subject_heads(head.head, state), speaker)
        owner = head.head
        if not found and head.dep_ == "nmod" and case_of(head, lex) == "de" and owner.pos_ in ("NOUN", "PROPN") \
                and owner.lemma_ not in lex.status.agent_nouns:  # "le ministère X ... du lancement de": X's
            found = entities_of(state, owner, speaker, skip=frozenset(t.i for t in head.subtree))
        if found:
            return dedupe(found)
        node = head
    return []


def _since_phrase(noun: Token, lex: Lexicon) -> bool:
    """The event noun names what a stretch of time runs from ("depuis l'invasion russe", "depuis
    l'éclatement de la guerre et l'intervention saoudienne"): "depuis" on it, or on the noun phrase it is a complement or a
    conjunct of (three steps up at most)."""
    node = noun
    for _ in range(4):
        if case_of(node, lex) in lex.status.since_marks:
            return True
        if node.dep_ not in ("nmod", "conj") or node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN"):
            return False
        node = node.head
    return False


def _dated_clause(state: DocState, verb: Token) -> bool:
    """A participle describing a noun that carries a date of its own, in its own clause ("les marins arrêtés
    le 3 mai par X", "enlevés en mars"), and is no standing state ("les territoires occupés")."""
    if any(f.state for f in state.lex.verbs.get(verb.lemma_, ())) or "Part" not in verb.morph.get("VerbForm", []):
        return False
    ranges = clause_range(verb)
    return any(t.type in ("DATE", "TIME") and t.date is not None and any(a <= t.start < b for a, b in ranges)
               for t in state.timexes)


def _dated_attack(state: DocState, noun: Token, frame: NounFrame, roles: Roles) -> Timex | None:
    """"l'attaque du 12 mars contre une caserne à Gao", "en riposte à l'attentat du 3 mai contre l'ambassade
    de X": a hostile act named by its own date and its target is a past act the article refers to, even when
    it names no doer (a frame's "any2" asks for two parties): it stands with its target alone, and its doer
    stays unknown (the story's other side is not guessed for it). Not a noun pointing back ("cette
    attaque": already told), nor one without a date of its own. That date (the first in its phrase), or None."""
    if frame.type not in state.lex.status.hostile_types or roles.actor or not (
            countries_of(roles.recipient)) or _anaphoric(noun, state.lex):
        return None
    phrase = (noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge))
    return next((t for t in state.timexes if phrase[0] <= t.start < phrase[1] and t.type in ("DATE", "TIME")
                 and t.date is not None and t.date.days <= 31), None)


def _no_party_subject(state: DocState, verb: Token, speaker: tuple[Entity, ...]) -> bool:
    """Whether ``verb`` has a written subject that is a common noun naming no party: no state, person or
    body in its phrase, no nationality adjective ("la réponse", "l'aide humanitaire", "les critiques")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return bool(subjects) and all(s.pos_ == "NOUN" and not entities_of(state, s, speaker) for s in subjects)


def _nominal_token(token: Token) -> bool:
    """A noun, or a noun the tagger took for an adjective ("leurs premières frappes"): it has a determiner.
    Not a participle the tagger took for a noun: with an auxiliary, or a copula and no determiner ("la
    réponse est venue de X" is the verb venir, not "la venue", a visit)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return not any(c.dep_.startswith("aux") for c in token.children) and not (
            any(c.dep_ == "cop" and c.i < token.i for c in token.children)
            and not any(c.dep_ == "det" for c in token.children))
    return token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)


def _crowd_of_place(state: DocState, noun: Token, roles: Roles) -> None:
    """"Des émeutes ont éclaté en Nouvelle-Calédonie": unnamed crowds act for the people of the place
    the noun or its verb names."""
    place = roles.place
    if place is None and noun.head.pos_ in ("VERB", "AUX"):
        place = where_of(state, noun.head)
    if place is not None and place.country:
        people = country_of(state, place.country)
        if people is not None:
            roles.actor.append(people)
            roles.crowd = True
            roles.place = roles.place or place
    elif place is None:  # no place named: the people of the one state the sentence names
        verb = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
        people = sole_state(state, noun.sent if state.current is None else state.current, verb)
        if people is not None:
            roles.actor.append(people)
            roles.crowd = True


def _covered(found: list[_Found], noun: Token, type_: str) -> bool:
    """A noun in a verb event's own complements, of the same type, is that event ("remercier X pour son
    soutien", "lors de sa visite" under "se rendre")."""
    heads = {noun.head.i, noun.head.head.i}
    return any(not f.noun and f.type == type_ and f.trigger.i in heads for f in found)


def _absorbed(item: _Found, found: list[_Found], lex: Lexicon) -> bool:
    """The infinitive of "ne pas hésiter à imposer", "menacer de frapper" belongs to the threat; not the act
    an answer answers (see ``_answered_act``: "a promis une riposte à l'attaque du 3 mai" happened)."""
    node = item.trigger
    while node.head.i != node.i:
        below, node = node, node.head
        if _answered_act(below, lex):
            return False
        for other in found:
            if other.trigger.i == node.i and getattr(other.frame, "embeds", None) == "absorbed":
                return True
    return False


def _agreed_content(item: _Found, found: list[_Found]) -> bool:
    """"ont conclu un accord pour mettre fin aux combats", "un accord visant à cesser les hostilités", "se
    sont entendus pour cesser le feu": what an agreement is for is its content, told with it, not an act
    of its own (it happens when it takes effect, and is told then)."""
    verb = item.trigger
    if item.noun or "Inf" not in verb.morph.get("VerbForm", []) or not any(
            c.dep_ == "mark" and c.lower_ in ("pour", "à", "afin", "de", "d'", "d’") for c in verb.children):
        return False
    node = verb.head
    for _ in range(2):  # the agreement verb, or the agreement noun through "visant à"
        if any(other is not item and other.type in ("AGREE", "SUPPORT") and (
                other.trigger.i == node.i or any(t.i == node.i for t in other.extra)) for other in found):
            return True
        node = node.head
    return False


def _answered_act(node: Token, lex: Lexicon) -> bool:
    """"une riposte à l'attaque du 3 mai", "des représailles après l'attaque contre un convoi": the "à" or
    "contre" complement of an answer noun (status.yaml answer_nouns), or a hostile act after "après", is
    the act answered: a past act told as such, not part of the threat or promise above it."""
    case = case_of(node, lex)
    before = node.doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
    if case in ("à", "contre") and (node.head.lemma_ in lex.status.answer_nouns or (
            before is not None and before.lemma_ in lex.status.answer_nouns)):  # ("en riposte | à X": hung apart)
        return True
    return case == "après" and node.pos_ == "NOUN" and node.lemma_ in lex.hostile


def _means_actor(state: DocState, verb: Token, type_: str, speaker: tuple[Entity, ...]) -> list[Entity]:
    """The actor of a passive verb without agent, from an event noun of its own type in its adverbials
    ("ont été tués dans des frappes israéliennes", "blessés lors d'une attaque des rebelles")."""
    lex = state.lex
    for child in verb.children:
        if not child.dep_.startswith("obl") or child.pos_ != "NOUN" or case_of(child, lex) in ("contre", "par"):
            continue
        frame = _noun_frame(child, lex)
        if frame is None or frame.type != type_ or _anaphoric(child, lex):
            continue
        actors = noun_roles(state, child, frame, speaker).actor
        if actors:
            return actors
    return []


def _retold(item: _Found, lex: Lexicon) -> bool:
    """"Des civils ont été tués dans ces frappes", "trois soldats ont péri lors de cette attaque": a verb
    whose adverbial is an event noun of its own type pointing back ("ces", "cette") tells the victims of
    an event already coded, not a new one (nor one whose actor is the victims' side)."""
    if item.noun:
        return False
    for child in item.trigger.children:
        if not child.dep_.startswith("obl") or child.pos_ != "NOUN":
            continue
        frame = _noun_frame(child, lex)
        if frame is not None and frame.type == item.type and case_of(child, lex) not in ("contre", "par") and any(
                d.dep_ == "det" and d.lower_ in lex.status.demonstratives for d in child.children):
            return True
    return False


def _noun_frame(token: Token, lex: Lexicon) -> NounFrame | None:
    """The frame of an event noun, by lemma, else by surface form."""
    sense = _noun_sense(token, lex)
    return sense[0] if sense is not None else None


def _noun_sense(token: Token, lex: Lexicon) -> tuple[NounFrame, Token | None] | None:
    """The frame of an event noun and the "de" complement that chose its sense: a sense of
    event_nouns.yaml ``senses`` whose ``of_objects`` holds ("l'arrêt de l'accord" REJECT, "l'arrêt des
    combats" RETREAT, "la prise d'otages" ASSAULT), else its frame in ``nouns``."""
    for key in (token.lemma_, token.lower_):
        for sense in lex.senses.get(key, ()):
            accepted = lex.expand(sense.of_objects)
            for child in token.children:
                if child.dep_ != "nmod" or case_of(child, lex) != "de":
                    continue
                if child.lemma_ in accepted or child.lower_ in accepted or child.lower_.rstrip("sx") in accepted:
                    return sense, child
    frame = lex.nouns.get(token.lemma_) or lex.nouns.get(token.lower_)
    if frame is None or (not frame.proper and token.text[:1].isupper() and token.i > token.sent.start):
        return None  # "le Rassemblement national": a name, not a rally
    if _in_a_name(token, lex):
        return None
    return frame, None


def _in_a_name(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is a word of an organisation's name: the complement of a name head ("le
    Front de libération …", "l'Armée populaire de libération") that is capitalised or whose name is
    followed by its acronym in brackets ("le front de libération du peuple de X (FLPX)"). "Le mouvement
    de retrait des troupes" is no name: its head is neither."""
    head = noun.head
    if noun.dep_ != "nmod" or not (head.lemma_.lower() in lex.name_heads or head.lower_ in lex.name_heads):
        return False
    if head.text[:1].isupper():
        return True
    end = min(max(t.i for t in noun.subtree) + 3, noun.sent.end)  # the brackets may hang on the last word
    window = noun.doc[noun.i + 1:end]
    return any(a.text == "(" and b.text.isupper() and len(b.text) >= 2 for a, b in zip(window, window[1:], strict=False))


def _trend(state: DocState, sent: Span) -> bool:
    """"ont renforcé leur coopération ces dernières années": an undated clause in a sentence set in a
    vague stretch of years."""
    units = state.lex.status.trend_units
    for timex in state.timexes:
        vague = timex.value.endswith("_REF") or (timex.type == "DURATION" and "X" in timex.value)
        if vague and sent.start_char <= timex.start < sent.end_char and timex.text.lower().split()[-1] in units:
            return True
    return False


def _ellipses(state: DocState, sent: Span) -> list[_Found]:
    """"La visite de X intervient un mois après celle à Téhéran de Y": the pronoun is a second event of
    the kind of the noun before it, with its own complements."""
    lex = state.lex
    out: list[_Found] = []
    for token in sent:
        if token.pos_ != "PRON" or token.lower_ not in lex.status.ellipsis_pronouns or not any(
                c.dep_ in ("nmod", "acl") or c.dep_.startswith("obl") for c in token.children):
            continue
        antecedent = next((t for t in reversed(sent[: token.i - sent.start])
                           if t.pos_ == "NOUN" and _noun_frame(t, lex) is not None), None)
        frame = _noun_frame(antecedent, lex) if antecedent is not None else None
        if antecedent is None or frame is None:
            continue
        quote_speaker = _quote_speaker(state, token)
        roles = noun_roles(state, token, frame, quote_speaker)
        if not _enough(roles, frame.require):
            continue
        status = status_of(state, token, frame, quote_speaker, frame.type)
        out.append(_Found(token, [], frame.type, frame.mode, list(frame.context), roles, status, frame,
                          noun=True, antecedent=antecedent))
    return out


def _separated(state: DocState, item: _Found, reference: DateValue | None) -> Timex | None:
    """"intervient un mois et demi après celle de Y": Y's date, counted back from the repeated event's
    (its own date, the paragraph's, else the report's)."""
    pronoun = item.trigger
    between = [t for t in state.timexes if t.type == "DURATION" and t.end <= pronoun.idx
               and state.text[t.end:pronoun.idx].strip().lower() in state.lex.status.ellipsis_links]
    if not between:
        return None
    own = governing_date(state, item.antecedent, reference) if item.antecedent is not None else None
    anchor = own.date if own is not None and own.date is not None else reference or state.document.published
    return separated_from(between[-1], anchor, state.text) if anchor is not None else None


def _quoted_deictic(state: DocState, timex: Timex, speech: Token, reference: DateValue | None) -> DateValue | None:
    """"« Hier, nos forces ont frappé », a déclaré mardi le porte-parole": a day counted from the
    day of speaking ("hier", "aujourd'hui", "demain") inside a quote counts from the day of the
    speech that quotes it, when that speech has a date of its own; None otherwise."""
    published = state.document.published
    if published is None or published.days != 1 or timex.date is None or timex.date.days != 1:
        return None
    if not any(q.start <= timex.start < q.end and not q.start <= speech.idx < q.end for q in state.quotes):
        return None
    words = timex.text.lower().replace("’", "'").split()
    if not words or time_lexicon().lookup("deictic_days", words[0]) is None:
        return None
    told = _speech_day(state, speech, reference)
    if told is None or told.date is None or told.date.days != 1 or told.date == published:
        return None
    day = told.date.start + (timex.date.start - published.start)
    return DateValue.between(day, day, timex.text)


def _speech_day(state: DocState, speech: Token, reference: DateValue | None) -> Timex | None:
    """The date of a report in the past or present that carries its own ("a indiqué jeudi le
    ministère"), as the date of the act it reports in the past or present without one, as a
    complement clause is (see ``dating._reported``)."""
    if tense_of(speech, state.lex) not in ("past", "present"):
        return None
    own = governing_date(state, speech, reference)
    if own is None or own.date is None or own.type not in ("DATE", "TIME"):
        return None
    return own if any(a <= own.start < b for a, b in clause_range(speech)) else None


def _since(state: DocState, timex: Timex | None) -> bool:
    """"depuis l'année dernière": the expression opens a stretch that runs to the report."""
    if timex is None:
        return False
    before = state.text[max(0, timex.start - 20):timex.start].split()
    return bool(before) and before[-1].lower() in state.lex.status.since_marks


def _anaphoric(noun: Token, lex: Lexicon) -> bool:
    """"cette rencontre", "ce conflit": a happening already told (or the war in the background), not a
    new one."""
    return any(c.dep_ == "det" and c.lower_ in lex.status.demonstratives for c in noun.children)


def _aim(item: _Found, found: list[_Found], lex: Lexicon) -> _Found | None:
    """"fournit des drones pour soutenir l'offensive de X": support as the aim of a delivery is that
    delivery's purpose, not an event of its own; the delivery it serves, or None."""
    trigger = item.trigger
    if item.type != "SUPPORT" or item.noun or trigger.dep_ != "advcl" or not purpose_clause(trigger, lex):
        return None
    return next((other for other in found
                 if other.type == "AID" and not other.noun and other.trigger.i == trigger.head.i), None)


def _noun_aim(item: _Found, lex: Lexicon) -> bool:
    """"sa gratitude pour l'initiative de Pékin pour soutenir les efforts de paix", "un fonds pour
    soutenir les réfugiés": support as the aim of something else (a noun, an act; the parser hangs
    it on either) describes that aim, it is no statement of support."""
    trigger = item.trigger
    return item.type == "SUPPORT" and not item.noun and trigger.dep_ in ("acl", "advcl") and \
        purpose_clause(trigger, lex)


def _own_plan(noun: Token, lex: Lexicon) -> bool:
    """"la visite prévue", "un sommet futur": the noun itself is said to be planned."""
    return any(c.dep_ in ("amod", "acl") and {c.lemma_, c.lower_} & lex.planned for c in noun.children)


def _reacted_to(item: _Found, found: list[_Found], timex: Timex | None, state: DocState) -> bool:
    """Whether ``item`` is an event noun that a statement ("a dénoncé", "a condamné": a statement type of
    status.yaml) takes as its object (or whose participle describes that object) and that has no date
    of its own: the date it got is the statement's."""
    trigger = item.trigger
    if not item.noun and trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN":
        trigger = trigger.head  # "a dénoncé les frappes menées par X": the strikes
    elif not item.noun:
        return False
    if trigger.dep_ == "nmod" and trigger.head.pos_ == "NOUN":
        trigger = trigger.head  # "a dénoncé les frappes de représailles menées par X"
    if trigger.dep_ != "obj" or timex is None or _own_date(state, trigger, timex) or item.type in (
            state.lex.status.statement_types):
        return False
    return any(other is not item and not other.noun and other.trigger.i == trigger.head.i
               and other.type in state.lex.status.statement_types for other in found)


def _own_date(state: DocState, noun: Token, timex: Timex | None) -> bool:
    """The date sits in the noun's own phrase, not on the verb that plans it ("a annoncé le mois dernier
    la visite de X")."""
    if timex is None:
        return False
    if noun.left_edge.idx <= timex.start < noun.right_edge.idx + len(noun.right_edge):
        return True
    return timex_after(state, noun) is timex


def _modifier(item: _Found, found: list[_Found], lex: Lexicon) -> bool:
    """"le voyage promis à Brasilia": a participle of plan or doubt on an event noun is that event's
    status (planned), not an event of its own."""
    trigger = item.trigger
    if item.noun or trigger.dep_ != "acl" or not ({trigger.lemma_, trigger.lower_} & (
            lex.planned | lex.hypothetical | lex.alleged_modifiers)):
        return False
    head = trigger.head
    return any(f.noun and f.trigger.i == head.i for f in found) or (
        head.pos_ == "NOUN" and _noun_frame(head, lex) is not None)


def _enough(roles: Roles, require: str | None) -> bool:
    if not roles.actor and not roles.recipient:
        return False
    if require == "recipient" and not roles.recipient:
        return False
    if require == "any2" and len({e.id for e in roles.actor + roles.recipient}) < 2:
        return False
    return True


def _quote_speaker(state: DocState, token: Token) -> tuple[Entity, ...]:
    for q in state.quotes:
        if q.start <= token.idx < q.end and q.speaker is not None:
            return (q.speaker,)
    return ()


def _events(state: DocState, sent: Span, item: _Found, found: list[_Found]) -> list[Event]:
    lex = state.lex
    trigger = item.trigger
    roles = item.roles
    st = item.status
    if st.status == "alleged" and item.type in lex.status.blame_only_types and st.speech is not None and any(
            f.embeds == "alleged" for f in lex.verbs.get(st.speech.lemma_, ())):
        return []  # "accusé X de soutenir des bandes armées": backing is the blame, the ACCUSE carries it
    actor = dedupe(roles.actor)
    recipient = [e for e in dedupe(roles.recipient) if e.id not in {a.id for a in actor}]
    # a state listed as recipient while its own person acts is the same side, not a recipient
    if actor and recipient and countries_of(recipient) <= countries_of(actor) and item.type != "CONSULT":
        recipient = [e for e in recipient if e.country not in countries_of(actor)] or recipient
    type_, mode, status = item.type, item.mode, st.status
    claimed_by, denied_by = st.claimed_by, st.denied_by
    speaker = tuple(e for e in st.speaker if not agency(state, e))
    if status in ("asserted", "alleged") and speaker and not claimed_by:
        # a state's word about another party's act is its claim; about its own act, a report
        party = countries_of(speaker) & (countries_of(actor) | countries_of(recipient))
        victim = bool(party) and type_ in lex.status.victim_claim_types  # "selon Kiev, la Russie a frappé"
        stateless = not countries_of(speaker) and not ({e.id for e in speaker} & {e.id for e in actor})
        if stateless or (countries_of(speaker) and not (countries_of(speaker) & countries_of(actor))
                         and (not party or victim)):
            status, claimed_by = "alleged", speaker
        elif status == "alleged":
            claimed_by = speaker
    if speaker and actor and all(e.kind == "country" for e in actor):
        # "Lavrov a répondu que la Russie était reconnaissante": the speaker acts for the state
        voices = [e for e in speaker if e.kind == "person" and e.country in countries_of(actor)]
        if voices:
            actor = dedupe(voices + actor)
    if type_ in state.lex.status.told_types and not recipient and st.speech is not None and speaker and (
            countries_of(speaker) - countries_of(actor)):
        recipient = [e for e in speaker if e.country not in countries_of(actor)]  # support pledged to the reporter
    if type_ == "REJECT" and not recipient and not item.noun and getattr(item.frame, "embeds", None) != "denied":
        # "a refusé de livrer des munitions à X": the one refused is the refused act's recipient
        refused = [f for f in found if f is not item and f.trigger.head.i == trigger.i and f.trigger.dep_ == "xcomp"
                   and f.roles.recipient]
        if refused:
            recipient = [e for e in dedupe(refused[0].roles.recipient) if e.country not in countries_of(actor)]
    if not recipient and not item.noun:  # "a balayé ces accusations": the one whose event is answered
        recipient = _answered(state, trigger, actor, type_)
    if type_ == "REJECT" and not recipient and actor:  # "a démenti, après les accusations de X"
        recipient = _claims_beside(state, sent, trigger, actor)
    if type_ in lex.status.answering_types and not recipient and actor:
        recipient = _aggressor(state, actor)  # "Il a promis une riposte": to the one who struck it
    if type_ == "REJECT" and not recipient:
        accused = countries_of(actor)
        for accusers, targets in reversed(state.accusations):
            if countries_of(targets) & accused:
                recipient = list(accusers)
                break
    place = roles.place
    if not recipient and not item.noun:  # "a promis X lors d'une conversation avec Y": promised to Y
        # (a visit's host is where the act was, not whom it was aimed at: "pendant sa tournée au Kenya, X a
        # appelé à la paix" asks nothing of Kenya; only what is done with someone is done with the host)
        talks = [f for f in found if f.noun and f.type == "CONSULT" and f.roles.recipient
                 and trigger in (f.trigger.head, f.trigger.head.head)
                 and (f.mode != "visit" or type_ in WITH_HOST_TYPES)]
        if talks:
            recipient = [e for e in dedupe(talks[0].roles.recipient) if e.country not in countries_of(actor)]
    if place is None and not item.noun:  # "ont signé un accord lors d'une visite en Corée du Nord": where the visit was
        within = [f for f in found if f is not item and f.roles.place is not None and f.trigger.i != trigger.i
                  and (f.trigger.head == trigger or (f.trigger.head.head == trigger and f.trigger.head.pos_ in (
                      "ADV", "ADP")))  # ("lors d'une visite", not "dans un communiqué sur les frappes à Gaza")
                  and not inner_content(f.trigger, trigger)]  # "a accusé X d'avoir bombardé Kharkiv": not where
        place = within[0].roles.place if within else None
    on_visit = _on_visit(state, sent, trigger) if type_ == "CONSULT" and mode is None and not item.noun else None
    if not recipient and actor and type_ in WITH_HOST_TYPES and not item.noun:
        stay = _on_visit(state, sent, trigger)  # "En visite à Pékin, X a signé des accords": with the host
        hosting = country_of(state, stay.country) if stay is not None and stay.country and \
            stay.country not in countries_of(actor) else None
        recipient = [hosting] if hosting is not None else []
    if on_visit is not None:
        place = place or on_visit
    soil = on_visit or roles.place  # "X, en visite en Chine, a rencontré Y": the visit's host state
    if type_ == "CONSULT" and mode is None and soil is not None and soil.country:
        # PLOVER: a meeting on one side's soil is a visit: the visitor acts, the host receives
        host = soil.country
        side = actor + recipient
        guests = [e for e in side if e.country and e.country != host]
        hosts = [e for e in side if e.country == host]
        # an armed group hosts no visit, and two parties meeting where none of them is at home meet at a
        # venue ("le gouvernement X et les rebelles se sont rencontrés à Pretoria"): no visit
        venue = any(e.kind == "group" for e in hosts) or (not hosts and len({e.id for e in guests}) >= 2)
        if guests and {e.country for e in side} - {host} and len(countries_of(guests)) == 1 and not venue:
            if not hosts:  # no side from the host state: the state itself receives
                host_state = country_of(state, host)
                hosts = [host_state] if host_state else []
            actor, recipient, mode = guests, hosts, "visit"
    if type_ == "CONSULT" and mode == "visit" and not recipient and place is not None and place.country and (
            place.country not in countries_of(actor)):
        visited = country_of(state, place.country)  # "reçu à la Maison Blanche": the visit's host is where it was
        recipient = [visited] if visited is not None else []
    if place is None and type_ == "CONSULT" and mode == "visit" and len(countries_of(recipient)) == 1:
        visited = country_of(state, next(iter(countries_of(recipient))))  # a visit takes place in the host state
        place = Place(visited.name, visited.country) if visited is not None else None
    meeting = (type_, mode)
    if status == "planned" and type_ == "CONSULT":
        type_, mode = "AGREE", None  # PLOVER: future meetings and visits are agreements
    # date
    reference = state.paragraph_date.get(paragraph_of(state, sent.start_char))
    timex = governing_date(state, trigger, reference[0] if reference else None)
    if timex is None and not item.noun:  # "a signé un accord lors d'une visite ... l'an dernier": the visit's date
        for inner in found:  # (not what it is about: "a dénoncé l'attaque du 2 mars" was said today)
            if inner is not item and inner.noun and trigger in (inner.trigger.head, inner.trigger.head.head) \
                    and not inner_content(inner.trigger, trigger) and not _answered_act(inner.trigger, lex):
                timex = governing_date(state, inner.trigger, reference[0] if reference else None)
                if moved_from_clause(state, timex):
                    timex = None  # "a accusé X à la veille d'une rencontre": the meeting is the day after
                if timex is not None:
                    break
    if timex is None and item.own_date is not None:  # "l'attaque attribuée à X le 3 mai": hung on the participle
        timex = item.own_date
    # "depuis l'éclatement de la guerre au Yémen et l'intervention X": begun before, on a day not told
    before_unknown = timex is None and item.noun and _since_phrase(trigger, lex)
    if timex is None and _trend(state, sent):
        return []
    if timex is None and item.antecedent is not None:
        timex = _separated(state, item, reference[0] if reference else None)
    date: DateValue | None = timex.date if timex else None
    published = state.document.published
    if timex is not None and date is not None and st.speech is not None:
        quoted = _quoted_deictic(state, timex, st.speech, reference[0] if reference else None)
        if quoted is not None:  # « Hier, nos forces ont frappé », a déclaré mardi X: the Monday
            date = quoted
    if date is not None and published is not None and _since(state, timex) and published.end > date.end:
        date = DateValue.between(date.start, published.end, date.text)  # "depuis l'an dernier": until the report
    if date is None and st.speech is not None and st.tense in ("pluperfect", "conditional_past"):
        speech_timex = governing_date(state, st.speech, None)
        statement = type_ in lex.status.statement_types  # "a assuré que X avait réaffirmé son soutien": just before
        date = undated_window(state, "past" if statement else st.tense, speech_timex.date if speech_timex else None,
                       statement)
    if date is None and st.speech is not None and status == "asserted" and st.tense in ("past", "present"):
        told = _speech_day(state, st.speech, reference[0] if reference else None)
        if told is not None:  # "L'Irak a convoqué l'ambassadeur, a indiqué jeudi le ministère": that day
            date, timex = told.date, told
    if date is None and reference is not None and status not in ("planned", "hypothetical") and not before_unknown:
        date, timex = reference[0], reference[1]
    if date is None and status not in ("planned", "hypothetical") and not before_unknown:
        tense = "present" if st.tense in ("future", "conditional") else st.tense  # a statement is made now
        date = undated_window(state, tense, None, type_ in lex.status.statement_types)
    if date is not None and _reacted_to(item, found, timex, state):
        # "a dénoncé mardi les frappes menées par X": the strikes are before the denunciation, not of its day
        reach = dt.timedelta(days=dating_table().window_days["before_report"])
        date = DateValue.between(date.start - reach, date.end, date.text)
    if status == "planned" and item.noun and date is not None and published is not None and (
            date.end < published.start and _own_date(state, trigger, timex) and not _own_plan(trigger, lex)):
        # "pour rendre la pareille après la visite de Lula en Chine le mois dernier": the plan is elsewhere
        status = "asserted"
        type_, mode = meeting if meeting[0] == "CONSULT" else (type_, mode)
    if date is not None and published is not None and date.start > published.end and status in (
            "asserted", "alleged") and (item.noun or st.tense not in ("past", "pluperfect", "conditional_past")):
        status = "planned"  # "d'ici 2027", "la semaine prochaine": it has not happened yet
        if type_ == "CONSULT":
            type_, mode = "AGREE", None
    # a background act ("les otages enlevés en mars", "qui avait été envahi il y a deux ans", "l'attaque du
    # 3 mai contre X") does not set the day the paragraph tells
    background = item.open_actor or (not item.noun and trigger.dep_ in ("acl", "acl:relcl")
                                     and trigger.head.pos_ in ("NOUN", "PROPN", "PRON")) or (
        moved_from_clause(state, timex))  # "au lendemain d'affrontements": the day before the one told
    if timex is not None and timex.date is not None and not background:
        state.paragraph_date[paragraph_of(state, sent.start_char)] = (timex.date, timex)
    recipient, place = hosted_by(state, trigger, type_, actor, recipient, place, mode)  # see events/location.py
    recipient, place = near_place(state, sent, trigger, type_, actor, recipient, place)
    place = locate(state, sent, trigger, type_, mode, actor, recipient, place, status)
    actor = diaspora(state, sent, type_, actor, recipient, place, roles.crowd)
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
    clause = clause_range(clause_verb(trigger))
    quantities = quantities_of(sent.text, lambda i: any(a <= sent.start_char + i < b for a, b in clause))
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
    if (item.open_actor and not actor) or (item.open_recipient and not recipient):
        state.open_sides.add(event.id)
    if status not in ("negated", "hypothetical"):
        if status == "alleged" and claimed_by and actor:  # a claim about X is, for X's reply, an accusation
            state.told.append(("ACCUSE", tuple(claimed_by), tuple(actor), None))
        state.told.append((type_, tuple(actor), tuple(recipient), place))
    if type_ == "ACCUSE" and actor and recipient:
        state.accusations.append((tuple(actor), tuple(recipient)))
    # a claim by one state about another's hostile act is an accusation of its own
    if status == "alleged" and claimed_by and type_ in lex.status.accusable_types and actor \
            and not (countries_of(claimed_by) & (countries_of(actor) | countries_of(recipient))) \
            and not {e.id for e in claimed_by} & {e.id for e in actor}:  # (a doer's own claim accuses nobody)
        source = st.speech or trigger
        if not any(f.type == "ACCUSE" and f.trigger.i == source.i for f in found):
            speech_timex = governing_date(state, source, None) if st.speech is not None else None
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


# What a visitor does with no partner named during a visit ("en visite à Pékin, X a signé des accords")
# is done with the host state.
WITH_HOST_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "AID"})


def _on_visit(state: DocState, sent: Span, trigger: Token) -> Place | None:
    """"X, en visite en Chine, a rencontré Y", "En déplacement à Bagdad, le ministre a rencontré", "Lors de
    sa visite à Moscou, X a rencontré Y": the meeting is held during the visit that the bare phrase "en
    visite" (a visit noun of event_nouns.yaml under "en", without article) or the subject's own visit as
    its setting ("lors de", "pendant": status.yaml circumstance_cases) tells, in the state of its place."""
    lex = state.lex
    for token in sent:
        frame = lex.nouns.get(token.lemma_)
        if frame is None or frame.type != "CONSULT" or frame.mode != "visit" or clause_verb(token).i != trigger.i:
            continue
        bare = case_of(token, lex) == "en" and not any(c.dep_ == "det" for c in token.children)
        # "lors de sa visite à Moscou, X a rencontré Y": the subject's own visit, as its setting
        own = any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in token.children) and (
            token.head.lower_ in lex.status.circumstance_cases or any(
                c.dep_ == "case" and c.lower_ in lex.status.circumstance_cases for c in token.children)) and (
            token.head.lower_ not in ("depuis", "après") and case_of(token, lex) not in ("depuis", "après"))
        if not (bare or own):
            continue
        for child in token.children:
            if child.dep_ in ("nmod", "obl", "obl:mod") and case_of(child, lex) in ("à", "en", "au", "aux", "dans"):
                for mention in state.by_token.get(child.i, ()):
                    place = mention.place
                    if place is None and mention.entity is not None and mention.entity.kind == "country":
                        place = Place(mention.text, mention.entity.country)
                    if place is not None and place.country:
                        return place
    return None


def _aggressor(state: DocState, actor: Sequence[Entity]) -> list[Entity]:
    """The doer of the latest hostile event told against ``actor``'s side, among the last few."""
    own = _side(actor)
    hostile = ["ACCUSE", *state.lex.status.accusable_types]
    for type_, doer, target, _ in list(reversed(state.told))[:8]:
        if type_ in hostile and _side(target) & own and doer and not _side(doer) & own:
            return list(doer)
    return []


def _answered(state: DocState, trigger: Token, actor: Sequence[Entity], type_: str) -> list[Entity]:
    """"Pékin a balayé ces accusations", "s'est félicité de cette décision", "nous nous en félicitons": a
    complement that points back (a demonstrative on a noun of status.yaml anaphora_nouns or on an event
    noun, or the clitic "en") names an event already told; its actor is the recipient. The latest event
    of a type the noun can name, by another side, aimed at the one who answers if there is one."""
    lex = state.lex
    kinds: list[list[str]] = []
    for child in trigger.children:
        if child.dep_ in SUBJECTS:
            continue
        for noun in [child] + [c for c in child.children if c.dep_ == "conj"]:
            if noun.pos_ == "PRON" and noun.lower_ in lex.status.anaphora_nouns:
                kinds.append(lex.status.anaphora_nouns[noun.lower_])
            elif noun.pos_ == "NOUN" and any(d.dep_ == "det" and d.lower_ in lex.status.demonstratives
                                             for d in noun.children):
                types = lex.status.anaphora_nouns.get(noun.lemma_)
                frame = _noun_frame(noun, lex)
                if types is None and frame is not None:
                    types = [frame.type]
                if types is None and noun.dep_ in ("obj", "obl:arg") and noun.lemma_ not in lex.status.place_nouns \
                        and not any(t.start <= noun.idx < t.end for t in state.timexes):
                    types = []  # "nous condamnons cette ingérence": whatever was told
                if types is not None:
                    kinds.append(types)
            elif _told_again(state, noun):  # "a condamné l'attaque": the attack just told
                frame = _noun_frame(noun, lex)
                kinds.append([frame.type] if frame is not None else [])
    if not kinds:
        return []
    own = _side(actor)
    for types in kinds:
        # (an act by nobody named counts by the state where it happened: "une foule a pris d'assaut ...")
        earlier = [(doer, target, where) for type_, doer, target, where in reversed(state.told)
                   if (not types or type_ in types) and (doer and not _side(doer) & own or (
                       not doer and _where_stateless(state, doer, where, own)))]
        aimed = [(doer, where) for doer, target, where in earlier if _side(target) & own]
        if aimed or earlier:
            doer, where = (aimed or [(doer, where) for doer, _, where in earlier])[0]
            return list(doer) + _where_stateless(state, doer, where, own)
    if any("ACCUSE" in types for types in kinds):  # "« X sont poussés par les forces biélorusses », a tweeté
        said = _quoted_against(state, trigger, own)  # le ministère polonais. Minsk a balayé ces accusations."
        if said:
            return said
    # "X a critiqué l'Inde. « Nous condamnons cette ingérence »": a hostile reply goes on at the side this
    # one already took on
    hostile = ["ACCUSE", "REJECT", *lex.status.accusable_types]
    if type_ not in hostile:
        return []
    for told, doer, target, _ in reversed(state.told):
        if _side(doer) & own and told in hostile:
            other = [e for e in target if e.id not in own and (e.country is None or e.country not in own)]
            if other:
                return other
    return []


def _claims_beside(state: DocState, sent: Span, trigger: Token, actor: Sequence[Entity]) -> list[Entity]:
    """"Damas a démenti, après les accusations de la Turquie", "Interrogé sur les accusations britanniques, X a
    démenti": a denial answers the claims its own sentence names (a noun of status.yaml anaphora_nouns
    that can name an accusation), made by the side their "de" complement or demonym names."""
    lex = state.lex
    own = _side(actor)
    for token in sent:
        if token.i == trigger.i or token.pos_ != "NOUN" or "ACCUSE" not in lex.status.anaphora_nouns.get(
                token.lemma_, ()):
            continue
        authors: list[Entity] = []
        for child in token.children:
            if child.dep_ == "nmod" and case_of(child, lex) == "de":
                authors.extend(entities_of(state, child))
            elif child.dep_ == "amod" and child.i not in state.by_token and (
                    entity := demonym_state(state, child)) is not None:
                authors.append(entity)
        authors = [e for e in authors if e.id not in own and (e.country is None or e.country not in own)]
        if authors:
            return authors[:1]
    return []


def _told_again(state: DocState, noun: Token) -> bool:
    """"a condamné l'attaque", "a dénoncé l'agression": an event noun with the definite article and
    nobody of its own (no name, no demonym, no possessive among its words) names an event of its type
    already told, as a demonstrative would."""
    lex = state.lex
    if noun.pos_ != "NOUN" or _noun_frame(noun, lex) is None or not any(
            d.dep_ == "det" and d.lower_ in lex.status.definite_articles for d in noun.children):
        return False
    words = [t for t in noun.subtree if t.i != noun.i]
    return not any(t.i in state.by_token or "Poss=Yes" in str(t.morph) or (
        t.dep_ == "amod" and demonym(state, t)) for t in words)


def _where_stateless(state: DocState, doer: Sequence[Entity], where: Place | None, own: set[str]) -> list[Entity]:
    """The state where an act by doers of no state happened ("une foule a pris d'assaut l'ambassade de
    X à Y"): the one a condemnation of that act holds to account, unless it is the condemner's."""
    if countries_of(doer) or where is None or not where.country or where.country in own:
        return []
    host = country_of(state, where.country)
    return [host] if host is not None else []


def _quoted_against(state: DocState, trigger: Token, own: set[str]) -> list[Entity]:
    """The speaker of the latest quotation before ``trigger`` (in this sentence or the two before) that
    names the side ``own`` and comes from another side: what "ces accusations" repeats."""
    sent = state.current if state.current is not None else trigger.sent
    earliest = state.doc[max(0, sent.start - 1)].sent.start_char if sent.start > 0 else sent.start_char
    if sent.start > 0:
        before = state.doc[max(0, state.doc[sent.start - 1].sent.start - 1)].sent
        earliest = min(earliest, before.start_char)
    for quote in reversed(state.quotes):
        if quote.end > trigger.idx or quote.start < earliest or quote.speaker is None:
            continue
        speaker = quote.speaker
        if speaker.id in own or (speaker.country and speaker.country in own):
            continue
        named = {e.country for m in state.mentions if quote.start <= m.start < quote.end
                 and (e := mention_entity(state, m)) is not None and e.country}
        if named & own:
            return [speaker]
    return []


def _summary(lex: Lexicon, type_: str, actor: Sequence[Entity], recipient: Sequence[Entity], trigger: Token) -> str:
    return f"{summary_head(actor, recipient)} : {trigger.lemma_} ({type_})"


def summary_head(actor: Sequence[Entity], recipient: Sequence[Entity]) -> str:
    """The "who → whom" part of an event's summary line."""
    who = " et ".join(e.name for e in actor) or "?"
    to = " et ".join(e.name for e in recipient)
    return f"{who} → {to}" if to else who


def _unique(events: list[Event], open_sides: set[str]) -> list[Event]:
    """One event per (type, sides, status) in a sentence: "a été reçu par X lors de sa visite" is one
    visit; the first report (the verb) is kept and takes the place or date the others add, and an unknown
    doer the others leave open on purpose (``open_sides``: "tués dans l'attaque du 3 mai contre X")."""
    def side(entities: tuple[Entity, ...]) -> frozenset[str]:
        return frozenset(e.country or e.id for e in entities)

    kept: dict[tuple, list[int]] = {}
    out: list[Event] = []
    for e in events:
        key = (e.type, side(e.actor), side(e.recipient), e.status)
        same = [i for i in kept.get(key, ()) if _one_act(out[i], e)]
        if not same:
            kept.setdefault(key, []).append(len(out))
            out.append(e)
            continue
        first = out[same[0]]
        changes: dict = {}
        if first.location is None and e.location is not None:
            changes["location"] = e.location
        if (first.date is None or first.date.precision == "interval") and e.date is not None and (
                e.date.precision != "interval"):
            changes["date"] = e.date
            other = e.mentions[0]  # the date's own evidence comes with it
            changes["mentions"] = (replace(first.mentions[0], date_text=other.date_text,
                                           date_start=other.date_start, date_end=other.date_end),)
        opened = first.id in open_sides or (e.id in open_sides and not first.actor)
        if changes:
            out[same[0]] = replace(first, **changes)
        if opened:
            open_sides.add(out[same[0]].id)
    return out


def _one_act(a: Event, b: Event) -> bool:
    """Two reports in one sentence of one type between the same sides are one act, unless their modes
    differ ("rappelle son ambassadeur et expulse trois diplomates": a recall and an expulsion) or they
    are two coordinated verbs each with an object of its own ("a rompu ses relations et suspendu ses
    achats d'armes")."""
    if a.mode and b.mode and a.mode != b.mode:
        return False
    words_a, words_b = a.mentions[0].trigger.split(), b.mentions[0].trigger.split()
    return not (len(words_a) > 1 and len(words_b) > 1 and not set(words_a) & set(words_b))


def _remember(state: DocState, sent: Span) -> None:
    """Keep the subject person and the entities named, for "il", "ils", "les deux pays"."""
    persons: list[Entity] = []
    state.previous = []
    venue: ActorMention | None = None  # the last place named as where parties met or signed
    for token in sent:
        for mention in state.by_token.get(token.i, ()):
            entity = mention.entity
            if mention.place is not None and mention.place.country and (
                    entity is None or entity.kind == "country") and venue_place(state, token, mention, venue):
                venue = mention  # "ont signé un cessez-le-feu à Doha, au Qatar": no side
                continue
            if entity is None and mention.place is not None and mention.place.country:
                entity = country_of(state, mention.place.country)  # "à Pyongyang" still names a side
            if entity is None or agency(state, entity):
                continue
            if entity.kind == "person" and (not persons or persons[-1].id != entity.id):
                persons.append(entity)
            if not state.recent or state.recent[-1].id != entity.id:
                state.recent.append(entity)
            state.previous.append(entity)
        for mention in state.by_token.get(token.i, ()):
            if mention.place is not None and mention.place.country:
                state.last_place = mention.place
            if (state_named := state_place(mention)) is not None:
                state.named_states.append(state_named)
    del state.recent[:-60]
    del state.named_states[:-30]
    subjects = [t for t in sent if t.dep_ in SUBJECTS or t.dep_ == "expl:subj"]
    named = [m.entity for t in subjects for m in state.by_token.get(t.i, ()) if m.entity is not None]
    if named:
        state.last_subject = named[:1]  # "Son ministre ..." in the next sentence acts for it
    speaker = next((e for e in named if e.kind == "person"), None)
    if speaker is not None:
        state.last_person = speaker
    elif persons:
        state.last_person = persons[0]
