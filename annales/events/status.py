"""Status of an event: asserted, alleged (and by whom), denied (and by whom), planned, hypothetical,
negated; from the trigger's own form and the words that govern it."""
from __future__ import annotations

from spacy.tokens import Token

from annales.events.quotes import speaker_tokens
from annales.events.roles import entities_of, entities_of_tokens, subject_entities
from annales.events.state import DocState, Status
from annales.events.syntax import (
    aim_governor,
    case_of,
    clause_verb,
    incise_comma,
    is_negated,
    purpose_clause,
    tense_of,
)
from annales.model import Entity

PRIORITY = ("denied", "negated", "hypothetical", "alleged", "planned")

# links along which a clause inherits the modality of the word above it
STOP_LINKS = {"advcl", "acl:relcl", "appos", "dep", "nsubj", "nsubj:pass", "obl:mod", "parataxis", "vocative",
              "dislocated", "list", "reparandum", "orphan"}


def _infinitive(token: Token) -> bool:
    """An infinitive, also when the tagger calls it finite (an infinitive is its own lemma)."""
    return "Inf" in token.morph.get("VerbForm", []) or (
        token.pos_ == "VERB" and token.lower_ == token.lemma_ and token.lower_.endswith(("er", "ir", "re")))


def _infinitive_before(node: Token) -> Token | None:
    """The infinitive a bare infinitive conjunct pairs with when the parser hung it on a finite verb."""
    head = node.head
    if not _infinitive(node) or _infinitive(head) or head.pos_ not in ("VERB", "AUX"):
        return None
    pairs = [c for c in head.children if head.i < c.i < node.i and c.dep_ in ("advcl", "xcomp", "ccomp")
             and _infinitive(c)]
    return pairs[-1] if pairs else None


def _privative(token: Token, lex) -> bool:
    """"sans libérer les otages", "un cessez-le-feu sans retrait des troupes"."""
    return any(c.dep_ in ("mark", "case") and c.lower_ in lex.status.privative_marks and c.i < token.i
               for c in token.children)


def _negated_carrier(noun: Token, lex) -> bool:
    """"n'avait pas usé de son droit de veto", "sans procéder à des arrestations", "n'a pas annoncé le
    retrait": the light verb that carries the event noun (status.yaml light_verbs, agent_governors) is
    negated, so is the event."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    node = noun
    for _ in range(3):
        if node.dep_ not in ("nmod", "obj", "obl:arg", "obl", "obl:mod", "nsubj:pass") or node.head.i == node.i:
            return False
        head = node.head
        if head.pos_ in ("VERB", "AUX") or (head.pos_ == "ADJ" and any(  # "a usé" read as an adjective
                c.dep_.startswith("aux") for c in head.children)):
            light = head.lemma_ in lex.status.light_verbs or head.lemma_ in lex.status.agent_governors or (
                head.lemma_ in lex.status.agent_governors_with)
            return light and (is_negated(head, lex) or _privative(head, lex))
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        node = head
    return False


def _decided_act(parent: Token, link: str, type_: str, lex) -> bool:
    """"Le Niger a décidé de rappeler son ambassadeur", "a décidé l'expulsion de": for a unilateral
    measure (status.yaml decided_types) a decision taken is the act itself, not a plan; a meeting or a
    visit decided is still to come, and "décidera", "pourrait décider" are not decisions taken."""
    conditioned = any(  # "a décidé de rappeler son ambassadeur si Paris ...", wherever the parser hangs "si"
        t.dep_ == "mark" and t.lower_ in lex.status.hypothetical_conjunctions and t.i > parent.i
        for t in parent.subtree)
    return (type_ in lex.status.decided_types and parent.lemma_ in lex.status.decided_verbs
            and link in ("xcomp", "ccomp", "obj", "advcl") and not is_negated(parent, lex) and not conditioned
            and parent.pos_ in ("VERB", "AUX") and tense_of(parent, lex) in ("past", "pluperfect"))


def status_of(state: DocState, trigger: Token, frame, speaker_quote: tuple[Entity, ...], type_: str) -> Status:
    """Status from the trigger's own form (tense, negation, modifiers) and the words governing it."""
    lex = state.lex
    st = Status()
    verb = clause_verb(trigger)
    st.tense = tense_of(verb, lex)
    marks: list[str] = []
    statement = type_ in lex.status.statement_types
    if is_negated(trigger, lex) and not getattr(frame, "negated_idiom", False):
        marks.append("negated")
    elif _privative(trigger, lex) or _negated_carrier(trigger, lex):
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
    if trigger.pos_ in ("NOUN", "PROPN"):  # "un éventuel accord | sur la livraison" hung on the verb by the parser
        left = trigger.i - 1
        while left >= 0 and trigger.doc[left].pos_ in ("DET", "ADP"):
            left -= 1
        before = trigger.doc[left] if 0 <= left < trigger.i - 1 else None
        if before is not None and before.pos_ == "NOUN" and before != trigger.head:
            for mod in before.children:
                if mod.dep_ == "amod" and {mod.lemma_, mod.lower_} & lex.hypothetical:
                    marks.append("hypothetical")
                elif mod.dep_ == "amod" and {mod.lemma_, mod.lower_} & lex.alleged_modifiers:
                    marks.append("alleged")
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
    # "La trêve ne tiendra pas, a averti le Hezbollah": an incise reports the clause the parser hangs it
    # on; that clause's negation or mood is not its own
    reported = trigger.pos_ in ("VERB", "AUX", "ADJ") and incise_comma(trigger) is not None
    in_relative = False
    demand = set(lex.status.demand_words)
    while node.head.i != node.i and not reported:
        parent = node.head
        link = node.dep_
        pair = _infinitive_before(node) if link == "conj" else None
        if pair is not None:  # "avaient 60 jours pour réagir et interpeller X": the parser hangs the bare
            node = pair  # infinitive on the finite verb; it shares the status of "réagir"
            continue
        parent_frames = lex.verbs.get(parent.lemma_, ()) if parent.pos_ in ("VERB", "AUX") else ()
        denies_claim = link == "advcl" and any(  # "a démenti les informations selon lesquelles ..."
            c.dep_ == "obj" and c.lemma_ in lex.claim_nouns for c in parent.children)
        if (link in ("xcomp", "ccomp", "nmod", "obj", "acl") or denies_claim) and any(
                f.embeds == "denied" for f in parent_frames):
            st.denied_by = tuple(subject_entities(state, parent, speaker_quote))
            marks.append("denied")
            break
        if parent.lemma_ in lex.claim_nouns and parent.head.i != parent.i:
            grand = lex.verbs.get(parent.head.lemma_, ())
            if any(f.embeds == "denied" for f in grand):
                st.denied_by = tuple(subject_entities(state, parent.head, speaker_quote))
                marks.append("denied")
                break
        # "accuse X, qui rejette ...": a relative clause on a name is no content of the verb above it
        in_relative = in_relative or (link == "acl:relcl" and any(
            c.dep_ == "nsubj" and c.lower_ in lex.status.relative_pronouns for c in node.children))
        relative = in_relative or (link == "ccomp" and any(
            c.dep_ == "nsubj" and c.lower_ in lex.status.relative_pronouns for c in node.children))
        if link in ("xcomp", "ccomp") and any(f.embeds == "alleged" for f in parent_frames) and not relative:
            st.speech = parent  # the accusation is the event that voices the claim
            st.claimed_by = tuple(subject_entities(state, parent, speaker_quote))
            marks.append("alleged")
            break
        if link == "obj" and node is trigger and parent.lemma_ in lex.status.claim_verbs and not relative:
            # "X a revendiqué la prise de l'aéroport": X says it did it (a claim, not a speech that accuses)
            st.claimed_by = tuple(subject_entities(state, parent, speaker_quote))
            marks.append("alleged")
            break
        shared = link == "conj" and "Inf" in parent.morph.get("VerbForm", [])  # "pour répondre et arrêter X"
        # "son retrait a été annoncé par X": the act is the passive subject of a report in the past
        announced = link == "nsubj:pass" and node is trigger and type_ not in lex.status.announced_later_types \
            and tense_of(parent, lex) in ("past", "pluperfect") and not is_negated(parent, lex)
        if parent.lemma_ in lex.reporting and parent.pos_ in ("VERB", "AUX") and not shared and not relative and (link in (
                "ccomp", "xcomp", "parataxis", "nsubj", "obj", "advcl", "csubj", "conj") or announced):
            st.speech = parent
            said_by = [c for c in parent.children if c.dep_ == "obl:agent"] if announced else speaker_tokens(
                parent, _quote_span(state, trigger))  # (the passive subject is the act, the agent speaks)
            st.speaker = tuple(entities_of_tokens(state, said_by, speaker_quote))
            if conditional:  # "a déclaré qu'il se rendrait": future in the past
                conditional = False
                marks.append("planned" if tense_of(parent, lex) in ("past", "pluperfect") and not statement
                             else "asserted")
            break
        if modal and link == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.hypothetical_conjunctions for c in node.children):
            marks.append("hypothetical")
        purpose = (link in ("advcl", "acl") and purpose_clause(node, lex)) or (
            parent.lower_ in lex.status.purpose_marks and parent.pos_ == "ADV")  # "afin | de soutenir"
        if modal and purpose:
            # "la livraison de matériel afin de soutenir": an aim; a past trip "pour rencontrer X" met X
            governor = aim_governor(node, lex) if parent.pos_ in ("VERB", "AUX") else parent.head
            # weapons "fournis par X pour frapper Y" were used to strike only if the main verb used them
            unused = governor.i != parent.i and governor.lemma_ not in lex.status.use_verbs
            if governor.pos_ not in ("VERB", "AUX") or tense_of(governor, lex) not in ("past", "pluperfect") \
                    or type_ not in lex.status.purpose_realised_types or unused:
                marks.append("planned")
        # "la visite n'était pas prévue", "le sommet a été annulé": what is said of an event noun, once
        predicate = node is trigger and trigger.pos_ in ("NOUN", "PROPN") and link in ("nsubj", "nsubj:pass")
        circumstance = node.pos_ in ("NOUN", "PROPN") and (parent.lower_ in lex.status.circumstance_cases or any(
            c.dep_ == "case" and c.lower_ in lex.status.circumstance_cases for c in node.children))  # a setting
        if modal and link == "acl:relcl" and parent.lemma_ in lex.status.hypothetical_relatives:
            marks.append("hypothetical")  # "la façon dont ils renforceront", "un scénario où X attaquerait"
        # "a promis une riposte à l'attaque du 3 mai": the act answered happened; the promise is the answer's
        answered = node.pos_ in ("NOUN", "PROPN") and ((parent.lemma_ in lex.status.answer_nouns and case_of(
            node, lex) in ("à", "contre")) or (case_of(node, lex) == "après" and node.lemma_ in lex.hostile))
        if (link in STOP_LINKS or circumstance or answered) and not predicate and not (link == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.sequence_marks for c in node.children)):
            modal = False
        if modal and link != "obl:agent" and (parent.lemma_ in demand or parent.lower_ in demand) and not (
                parent.pos_ == "VERB" and parent.lemma_ == "appeler" and link == "obj"):  # ("appeler X": a call)
            marks.append("hypothetical")  # "a exigé que les troupes se retirent", "la demande de déploiement"
            break
        if modal and parent.lemma_ in lex.status.negating_words and (
                link in ("xcomp", "obj", "nmod", "ccomp", "obl:arg") or predicate):
            marks.append("negated")  # "a exclu l'envoi de troupes", "la fin de sa coopération"
        elif modal and link == "xcomp" and is_negated(parent, lex) and not any(
                f.negated_idiom for f in parent_frames):
            marks.append("negated")  # "n'ont pas réussi à s'entendre", "n'a pas pu se rendre"
        elif modal and link == "xcomp" and parent.lemma_ in lex.status.hypothetical_over_infinitive and any(
                c.i != node.i and (c.dep_ in ("obj", "iobj") or (c.dep_ == "obl:arg" and any(
                    g.dep_ == "case" and g.lower_ == "à" for g in c.children))) for c in parent.children):
            marks.append("negated" if is_negated(parent, lex) else "hypothetical")  # "a ordonné à X de cesser"
        elif modal and (parent.lemma_ in lex.hypothetical or parent.lower_ in lex.hypothetical) and not (
                parent.pos_ == "NOUN" and any(c.dep_ == "det" for c in parent.children)
                and parent.lower_.endswith(("oir", "er", "ir", "re"))):  # "le pouvoir des talibans": power, not "can"
            marks.append("negated" if is_negated(parent, lex) else "hypothetical")
        elif modal and (parent.lemma_ in lex.planned or parent.lower_ in lex.planned) and link != "obl:agent" \
                and not _decided_act(parent, link, type_, lex):  # ("visée par des frappes": struck, not aimed at)
            marks.append("negated" if is_negated(parent, lex) else "planned")
        if modal and link == "nmod" and parent.pos_ == "NOUN":  # "un éventuel accord sur la livraison de ..."
            for mod in parent.children:
                if mod.dep_ == "amod" and {mod.lemma_, mod.lower_} & lex.hypothetical:
                    marks.append("hypothetical")
                elif mod.dep_ == "amod" and {mod.lemma_, mod.lower_} & lex.alleged_modifiers:
                    marks.append("alleged")
        if modal and link != "advcl" and any(
                c.dep_ == "mark" and c.lower_ in lex.status.hypothetical_conjunctions for c in node.children):
            marks.append("hypothetical")  # "de savoir si les deux pays renforceront..."
        if predicate:
            modal = False
        node = parent
    if st.speech is None:
        incise = _incise(verb, lex)
        if incise is not None:  # "X se tient aux côtés de Y, a déclaré la ministre Z"
            st.speech = incise
            st.speaker = tuple(entities_of_tokens(state, speaker_tokens(incise, _quote_span(state, trigger)),
                                                   speaker_quote))
    if conditional:
        marks.append("hypothetical")
    if (state.current or trigger.sent).text.rstrip().endswith("?"):
        marks.append("hypothetical")
    if not st.speaker:
        st.speaker = _attribution(state, trigger) or speaker_quote
    chosen = [m for m in PRIORITY if m in marks]
    st.status = chosen[0] if chosen else "asserted"
    return st


def _quote_span(state: DocState, token: Token) -> tuple[int, int] | None:
    for q in state.quotes:
        if q.start <= token.idx < q.end:
            return (q.start, q.end)
    return None


def _incise(verb: Token, lex) -> Token | None:
    """A reporting verb set after the clause it reports, with its subject after it ("..., a déclaré
    X"): the parser hangs it below the reported verb (conjunct, parataxis, even an adverbial
    clause of a verb inside), never above it, so climbing from the trigger misses it."""
    for child in verb.subtree:  # the parser hangs it anywhere to the right, often deep in the clause
        if not (child.i > verb.i and child.dep_ in ("conj", "parataxis", "ccomp", "advcl")
                and child.lemma_ in lex.reporting and child.pos_ in ("VERB", "AUX")):
            continue
        start = min([c.i for c in child.children if c.dep_.startswith("aux")] + [child.i])
        after_comma = start > 0 and child.doc[start - 1].text in (",", "»", "”")
        # the inverted subject is often read as an object ("a déclaré le ministre X")
        inverted = any(c.dep_ in ("nsubj", "obj") and c.i > child.i for c in child.children)
        if after_comma and inverted:
            return child
    return None


def _attribution(state: DocState, trigger: Token) -> tuple[Entity, ...]:
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
            return tuple(entities_of(state, target))
    return ()
