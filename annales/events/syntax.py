"""Reading the French dependency parse: prepositions, voice, negation, tense, noun phrases, clauses.

spaCy's French model slips in known ways (it lemmatises "entre" as "entrer", tags some participles as
nouns, splits sentences inside a line); the readers here absorb those slips so the coder can trust them.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from annales.events.tables import Lexicon, lexicon

SUBJECTS = ("nsubj", "nsubj:pass", "csubj")
CLAUSES = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj"}
NP_DEPS = {"det", "amod", "appos", "flat:name", "flat", "flat:foreign", "compound", "nummod", "fixed", "nmod", "case",
           "conj", "cc", "punct"}
OBLIQUES = ("obl", "obl:arg", "obl:mod", "obl:agent", "iobj", "nmod", "obj", "advmod", "xcomp")


def reflexive(token: Token) -> bool:
    return any(c.lemma_ == "se" or "Reflex=Yes" in str(c.morph) for c in token.children)


def objects(token: Token) -> list[Token]:
    out = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass")]
    if not out:  # a bare noun phrase after the verb the parser did not call an object ("conclu mercredi un accord")
        out = [c for c in token.children if c.dep_ in ("obl:mod", "obl", "nmod") and c.i > token.i
               and c.pos_ == "NOUN" and not any(g.dep_ == "case" for g in c.children)]
        # "a libéré vendredi 12 prisonniers": the object hung on the bare day before it
        out = [next((g for g in c.children if g.dep_ == "nmod" and g.pos_ == "NOUN" and g.i > c.i
                     and not any(x.dep_ == "case" for x in g.children)), c) for c in out]
    if not out and token.dep_ == "conj" and token.head.pos_ == "NOUN" and token.head.i < token.i:
        # "rappelle son ambassadeur et expulse trois diplomates": the second verb read as a conjunct of the
        # first one's object, its own object hung on that object
        out = [c for c in token.head.children if c.dep_ == "nmod" and c.i > token.i and c.pos_ == "NOUN"
               and not any(g.dep_ == "case" for g in c.children)][:1]
    if not out and token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm", []) and token.dep_ in (
            "amod", "acl", "nmod"):  # "Moscou expulse trois diplomates": a headline verb read as a modifier
        following = next((t for t in token.doc[token.i + 1: token.i + 5] if t.pos_ not in ("DET", "NUM", "ADJ")), None)
        if following is not None and following.pos_ == "NOUN" and not any(g.dep_ == "case" for g in following.children):
            out = [following]
    if not out and is_passive(token):
        out = [c for c in token.children if c.dep_ == "nsubj"]
    return out + [c for o in list(out) for c in o.children if c.dep_ == "conj"]


def agrees(a: Token, b: Token) -> bool:
    """Two words agree in number and gender, as far as the tagger tells."""
    return all(not a.morph.get(f, []) or not b.morph.get(f, []) or a.morph.get(f, []) == b.morph.get(f, [])
               for f in ("Number", "Gender"))


def is_passive(token: Token) -> bool:
    """Passive voice; not the pronominal "se sont rencontrés" nor "est arrivé" (verbs taking être)."""
    if reflexive(token) or token.lemma_ in _etre_verbs():
        return False
    auxes = [c for c in token.children if c.dep_.startswith("aux")]
    if auxes and all(a.lemma_ == "avoir" for a in auxes):
        return False  # "Il l'a accusée": a compound past with avoir, whatever the parser labelled the subject
    if any(c.dep_ == "obl:agent" for c in token.children):
        return True
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children) or "Voice=Pass" in str(token.morph)


def _etre_verbs() -> frozenset[str]:
    return lexicon().etre_verbs


def is_negated(token: Token, lex: Lexicon) -> bool:
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
    # "n'a ni confirmé ni démenti": the second verb, coordinated by its own "ni", shares the first's "ne"
    if token.dep_ == "conj" and token.head.i != token.i and any(
            c.dep_ == "cc" and c.lower_ in lex.negation for c in token.children):
        return is_negated(token.head, lex)
    return False


def case_of(token: Token, lex: Lexicon) -> str | None:
    cases = [c for c in token.children if c.dep_ in ("case", "mark") and c.i < token.i]
    if not cases:
        return None
    # the word itself, not its lemma: the tagger lemmatises "entre" as "entrer"
    return lex.prep(cases[0].lower_)


def surface_forms(token: Token) -> list[str]:
    """Keys to look a predicate up by: its lemma, then its own form without gender/number endings
    ("reconnaissante" → "reconnaissant", which the lemmatiser turns into "reconnaître")."""
    low = token.lower_
    forms = [token.lemma_, low]
    for ending in ("es", "s", "e"):
        if low.endswith(ending):
            forms.append(low[: -len(ending)])
    if low.endswith("ant") and len(low) > 5:  # a present participle tagged as an adjective ("en menaçant")
        stem = low[:-3].replace("ç", "c")
        forms.append((stem[:-1] if stem.endswith("ge") else stem) + "er")
        if stem.endswith("iss"):
            forms.append(stem[:-2] + "r")  # "finissant" → "finir"
    return forms


def prep_key_matches(key: str, child: Token, lex: Lexicon) -> bool:
    prep, _, noun = key.partition(":")
    if case_of(child, lex) != prep:
        return False
    if noun == "+inf":  # an infinitive: "invite les parties à négocier"
        return child.pos_ == "VERB"
    if noun:
        names = lex.expand([noun])
        return child.lemma_ in names or child.lemma_.lower() in names  # "de la Cédéao": names in lower case
    return True


def prep_child(token: Token, key: str, lex: Lexicon) -> Token | None:
    """The complement ``key`` names, on the verb or one level down ("dimanche au téléphone")."""
    for child in token.children:
        if child.dep_ in OBLIQUES and prep_key_matches(key, child, lex):
            return child
    for child in token.children:
        for grand in child.children:
            if grand.dep_ in ("nmod", "obl", "obl:mod", "acl", "xcomp") and prep_key_matches(key, grand, lex):
                return grand
    if ":@" in key:  # "conditionne la reprise des pourparlers au retrait de X": a class of nouns, hung deeper
        for child in token.children:
            if child.dep_ not in ("obj", "obl:arg", "obl"):
                continue
            for grand in child.children:
                for deep in grand.children:
                    if deep.dep_ == "nmod" and prep_key_matches(key, deep, lex):
                        return deep
    return None


def np_tokens(head: Token, lex: Lexicon, depth: int = 0) -> list[Token]:
    """The noun phrase of ``head``: its modifiers and "de" complements, not its clauses or other PPs
    (but the agent of a participle: "l'aide apportée par la France"; not the doer of a hostile act done to
    people or things: "les marins arrêtés par la police iranienne" are not the police; not of a participle
    set off by a comma, which tells something of the noun: "Kigali, accusé par X de ..., a démenti")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "acl" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            continue
        if child.dep_ == "acl" and depth < 4:
            if child.lemma_ in lex.hostile and head.lemma_ not in lex.nouns:
                continue
            for agent in child.children:
                if agent.dep_ == "obl:agent":
                    out.extend(np_tokens(agent, lex, depth + 1))
            continue
        if child.dep_ not in NP_DEPS:
            continue
        if child.dep_ == "nmod" and case_of(child, lex) not in (None, "de") and depth > 0:
            continue
        if child.dep_ == "nmod" and case_of(child, lex) not in (None, "de"):
            continue
        if child.dep_ == "nmod" and case_of(child, lex) is None and child.left_edge.i > max(t.i for t in out) + 1:
            continue  # a stray name further on ("... Kim Jong | Un"), not a complement of this noun
        if depth < 4:
            out.extend(np_tokens(child, lex, depth + 1))
    return out


def clause_verb(token: Token) -> Token:
    """The verb a noun trigger belongs to (or the token itself)."""
    head = token
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def clause_range(token: Token) -> list[tuple[int, int]]:
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


def _suffix(token: Token, suffixes: Sequence[str]) -> bool:
    """Whether ``token`` ends in one of the future's (conditional's) "r" endings on its future stem: not
    an imperfect or present whose own stem ends in "r" ("tiraient", "ouvraient", "déclarons": the
    stem of the infinitive, "tir-", "ouvr-", "déclar-", then "-aient", "-ons"), where the conditional and
    future add the "r" after the stem ("tireraient", "ouvriraient", "déclarerons")."""
    low = token.lower_
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or low == lemma:
        return False
    for suffix in suffixes:
        if low.endswith(suffix):
            stem = low[: len(low) - len(suffix) + 1]  # the form before its ending without the "r"
            if not (len(lemma) > 3 and stem == lemma[:-2]):
                return True
    return False


def purpose_clause(clause: Token, lex: Lexicon) -> bool:
    """A purpose clause: "pour frapper", "afin de soutenir"."""
    return any(c.dep_ == "mark" and c.lower_ in lex.status.purpose_marks for c in clause.children)


def aim_governor(clause: Token, lex: Lexicon) -> Token:
    """The verb a purpose clause ("pour frapper Y") serves. The parser often hangs it on a participle
    that describes the main verb's object ("a utilisé des missiles fournis par X | pour frapper Y"):
    the aim is the main verb's (the user of the missiles strikes), not the participle's."""
    head = clause.head
    if purpose_clause(clause, lex) and head.dep_ == "acl" and "Part" in head.morph.get("VerbForm", []) and head.head.dep_ == "obj" \
            and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    return head


def _future(verb: Token, lex: Lexicon) -> bool:
    """Every French simple future ends in -rai, -ras, -ra, -rons, -rez, -ront: the tagger's "Fut" on
    "fournit" is a slip; a passé simple in -ra ("déclara") carries "Past"."""
    suffix = _suffix(verb, lex.status.future_suffixes)
    return suffix and ("Fut" in verb.morph.get("Tense", []) or "Past" not in verb.morph.get("Tense", []))


def tense_of(verb: Token, lex: Lexicon) -> str:
    """past, pluperfect, present, future, conditional, conditional_past."""
    if verb.pos_ not in ("VERB", "AUX") and not any(c.dep_.startswith("aux") for c in verb.children):
        return "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux:tense", "aux", "aux:pass") and c.lemma_ in ("avoir", "être")]
    tense_aux = [a for a in auxes if a.dep_ in ("aux:tense", "aux")] or auxes
    morph = verb.morph
    if tense_aux:
        aux = tense_aux[0]
        if "Cnd" in aux.morph.get("Mood", []) or _suffix(aux, lex.status.conditional_suffixes):
            return "conditional_past"
        if _future(aux, lex):
            return "future"
        if "Imp" in aux.morph.get("Tense", []):
            # "étaient déployés" (passive imperfect) is a state at the time; "avait livré" is before it
            return "past" if aux.dep_ == "aux:pass" and aux.lemma_ == "être" and len(tense_aux) == 1 \
                and not any(a.dep_ == "aux:tense" for a in auxes) else "pluperfect"
        if "VerbForm=Inf" in str(aux.morph):
            return "past"
        if "Part" in morph.get("VerbForm", []) or "Past" in morph.get("Tense", []) or verb.pos_ not in ("VERB", "AUX"):
            return "past"  # a participle (even one the tagger took for a noun) after its auxiliary
    if "Cnd" in morph.get("Mood", []) or _suffix(verb, lex.status.conditional_suffixes):
        return "conditional"
    if _future(verb, lex):
        return "future"
    if "Imp" in morph.get("Tense", []) or ("Past" in morph.get("Tense", []) and "Fin" in morph.get("VerbForm", [])):
        return "past"
    if "Inf" in morph.get("VerbForm", []) and verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp", "advcl"):
        return tense_of(verb.head, lex)
    return "present"


INVERTED_DEPS = ("obj", "nsubj", "appos", "dep", "obl:mod")  # how the parser reads an incise's subject
_INCISE_MARKS = (",", "»", "”", '"', "“")
_REPORTED = ("ccomp", "parataxis", "advcl", "conj", "dep", "xcomp")


def incise_comma(verb: Token) -> Token | None:
    """The comma (or closing quote) that opens an incise ("« ... », ont menacé les rebelles", "Faux, a
    rétorqué la Russie"): the verb, with its auxiliaries, comes right after it, has no subject before
    it and something was said before the mark. None when ``verb`` is not an incise."""
    if any(c.dep_ in SUBJECTS and c.i < verb.i for c in verb.children):
        return None
    auxes = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    if "Fin" not in verb.morph.get("VerbForm", []) and not any("Fin" in a.morph.get("VerbForm", []) for a in auxes):
        return None  # "..., accusant X": a participle, not an incise
    first = min([verb] + auxes, key=lambda t: t.i)
    sent = verb.sent
    if first.i - 2 < sent.start:
        return None
    mark = verb.doc[first.i - 1]
    if mark.text not in _INCISE_MARKS:
        return None
    if mark.text != "," and verb.doc[first.i - 2].text == ",":
        mark = verb.doc[first.i - 2]
    if mark.i <= sent.start:
        return None
    said = verb.doc[sent.start:mark.i]
    # something said before the mark: a quotation, a clause, or a short exclamation ("Faux, a rétorqué X");
    # not an apposition on a subject ("Le ministre, lui, a accusé X")
    if verb.doc[mark.i - 1].text in _INCISE_MARKS[1:] or mark.text in _INCISE_MARKS[1:] or len(said) <= 3:
        return mark
    for t in said:  # a clause of its own that the incise reports (its head, or hanging on the incise verb)
        finite = "Fin" in t.morph.get("VerbForm", []) or any(
            "Fin" in a.morph.get("VerbForm", []) for a in t.children if a.dep_.startswith("aux") or a.dep_ == "cop")
        if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and finite and (
                (t.head.i == verb.i and t.dep_ in _REPORTED) or (verb.head.i == t.i and verb.dep_ in _REPORTED)):
            return mark
    return None


def inverted_subjects(verb: Token) -> list[Token]:
    """The subject after an incise verb ("ont menacé les rebelles", "a rétorqué ce mardi la Russie"),
    likeliest first: the parser reads it as an object, a subject, an apposition or an adverbial."""
    if incise_comma(verb) is None:
        return []
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in INVERTED_DEPS
             and c.pos_ in ("PROPN", "NOUN", "PRON")]
    return sorted(after, key=lambda c: (INVERTED_DEPS.index(c.dep_), c.i))
