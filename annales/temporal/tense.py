"""The tense of the verb that governs an expression: 'past', 'future' or None (present, unknown).

Passé composé, plus-que-parfait, imparfait, passé simple and bare past participles look back;
futur, futur antérieur and 'aller'/'devoir' + infinitive look ahead (lemmas listed in time.yaml).
Verbs of planning ("prévu le 12 mars", "le vote est programmé pour") look ahead whatever their form,
unless an imperfect or pluperfect puts the plan itself in the past ("fixer", "reporter" and the
like only for their target: "reporté au 3 avril"); an adjective or noun with a copula ("sont
incertains pour samedi") takes the copula's tense.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annales.temporal.lexicon import Lexicon


def _of_verb(verb: Token, lex: Lexicon, depth: int = 0, target: bool = False) -> str | None:
    """``target``: the expression is introduced by "au" or "pour" ("fixé au 12 mars")."""
    auxes = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    planned = verb.lemma_ in lex["planning_verbs"] or (
        verb.lemma_ in lex["awaited_verbs"] and not any(a.dep_ == "aux:tense" for a in auxes)) or (
        target and verb.lemma_ in lex["target_verbs"])
    if planned:
        # "prévu le 12 mars", "est programmé pour le 3", "est attendu jeudi": the plan looks ahead; a
        # plan told in the imperfect or pluperfect ("était prévu le 12 mars") may lie on either side
        finite = [verb, *auxes]
        told_before = any("Fin" in t.morph.get("VerbForm", []) and set(t.morph.get("Tense", [])) & {"Imp", "Past"}
                          for t in finite)
        return None if told_before else "future"
    if (verb.dep_ == "xcomp" and not auxes and "Part" in verb.morph.get("VerbForm", []) and depth < 2
            and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX")):
        # "resteront fermées jusqu'à vendredi", "semblait épuisé": the participle is an attribute,
        # the verb it completes has the tense
        return _of_verb(verb.head, lex, depth + 1)
    return _of_plain(verb, auxes, lex, depth)


def _of_plain(verb: Token, auxes: list[Token], lex: Lexicon, depth: int = 0) -> str | None:
    tense_aux = [c for c in auxes if c.dep_ == "aux:tense"] or auxes
    moods = set(verb.morph.get("Mood", [])).union(*(set(a.morph.get("Mood", [])) for a in auxes))
    if "Sub" in moods and not any(c.dep_ == "aux:tense" for c in auxes):
        return "future"  # "avant que le bilan soit rendu public lundi"
    if "Cnd" in verb.morph.get("Mood", []) or any("Cnd" in a.morph.get("Mood", []) for a in tense_aux):
        return None
    if tense_aux:
        tenses = set(tense_aux[0].morph.get("Tense", []))
        if "Fut" in tenses:
            return "future"
        if tenses & {"Imp", "Past"}:
            return "past"
        if tense_aux[0].dep_ == "aux:tense" and "Pres" in tenses:
            return "past"  # passé composé
        return None
    tense = set(verb.morph.get("Tense", []))
    form = set(verb.morph.get("VerbForm", []))
    if verb.text.lower().endswith(tuple(lex["future_endings"])) and ("Part" in form or not tense):
        return "future"  # the tagger sometimes reads "votera" as a participle; no participle ends so
    if "Fin" in form or not form:
        if "Fut" in tense:
            # every simple future ends so ("votera", "accueilleront"); the tagger sometimes reads a
            # present as a future ("la zone accueille")
            return "future" if verb.text.lower().endswith(tuple(lex["future_endings"])) else None
        if tense & {"Imp", "Past"}:
            return "past"
        return None
    if "Part" in form and "Past" in tense:
        return "past"
    if "Inf" in form and depth < 2 and verb.head is not verb:
        head = verb.head
        if head.lemma_ in lex["future_auxiliaries"]:
            return "past" if _of_verb(head, lex, depth + 1) == "past" else "future"
        if head.lemma_ in lex["past_auxiliaries"]:
            return "past"
    return None


def governing_verb(span: Span, through: frozenset[str] = frozenset()) -> Token | None:
    """The verb the expression hangs from: up the dependency tree from its root, a few steps (past
    the nouns of compound prepositions in ``through``: "au cours du week-end")."""
    token = span.root
    # a bare "mardi" hung on the object ("ont attaqué un convoi mardi") is a parser slip: it dates
    # the verb; "la visite de jeudi" has its preposition and belongs to the noun
    bare = not any(c.dep_ == "case" for c in token.children)
    for _ in range(4):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children):
            return token
        if token.pos_ in ("NOUN", "PROPN") and not bare and token.lower_ not in through:
            return None
    return None


def tense_of(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span, frozenset(lex["preposition_nouns"]))
    if verb is None:
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "DET" and span.start > 1:
        before = doc[span.start - 2]
    return _of_verb(verb, lex, target=before is not None and before.lower_ in lex["target_prepositions"])


def announcing_verb(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the verb that governs the expression announces or decides something ("a annoncé un
    référendum le 24 mars", "a confirmé la date du 8 mars"): its date may be what was announced."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = governing_verb(span)
    return verb is not None and verb.lemma_ in lex["announcing_verbs"]
