"""spaCy loading and parsing. The only door through which annales enters spaCy.

Paragraph breaks and line breaks always start a sentence (scraped text has headlines and captions
without a final stop, and NER never crosses a sentence boundary), and a sentence never starts
inside a run of capitalised name parts ("Kim Jong | Un", a known parser slip) nor, within a line,
on a lowercase word. A discourse adverbial between an auxiliary and its participle ("a de son côté
libéré") is one adverb token, so that the participle keeps its subject (``lang/<lang>/parse.yaml``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from annales.errors import ModelError
from annales.lang import load_table, table_schema
from annales.nlp.extensions import declare
from annales.settings import DEFAULT_MODEL

BOUNDARIES = "annales_boundaries"
ADVERBIALS = "annales_adverbials"
ADVERBS = "annales_adverbs"
REPAIRS = "annales_parse_repairs"
OPENERS = {"«", "“", "(", "[", "\""}
# Punctuation that continues a sentence: none opens one ("A Bagdad, le ministre a ..." is one sentence).
CONTINUERS = {",", ";", ")", "]", ".", "!", "?", ":", "…"}
# (a stop after a stop, as in a stray ". ." of scraped text, is left to the parser)
STOPS = {".", "!", "?", "…"}
_QUOTE_AFTER_ELISION = r"(?<=[^\W\d_]['’])[\"“]"


@table_schema("parse")
class ParseTable(BaseModel):
    """lang/<lang>/parse.yaml: discourse adverbials merged into one token after an auxiliary, and
    manner adverbials merged wherever they stand."""

    model_config = ConfigDict(extra="forbid")
    adverbials: list[str]
    auxiliaries: list[str]
    manner: list[str] = []
    compound_prepositions: list[str] = []
    months: list[str] = []
    weekdays: list[str] = []


def _by_first_word(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as word tuples, grouped by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.lower().replace("'", "' ").replace("’", "’ ").split())
        by_first.setdefault(words[0], []).append(words)
    for group in by_first.values():
        group.sort(key=len, reverse=True)
    return by_first


@cache
def _parse_table(lang: str = "fr") -> ParseTable:
    return ParseTable.model_validate(load_table("parse", lang))


@cache
def _adverbials(lang: str = "fr") -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]],
                                          dict[str, list[tuple[str, ...]]]]:
    """(auxiliaries, discourse adverbials by their first word, manner adverbials by their first word)."""
    table = _parse_table(lang)
    return frozenset(table.auxiliaries), _by_first_word(table.adverbials), _by_first_word(table.manner)


def _phrase_at(doc: Doc, start: int, candidates: list[tuple[str, ...]]) -> int:
    """The end of the first candidate phrase written at ``start`` (one word each, followed by a word or a
    punctuation mark), or 0."""
    for words in candidates:
        end = start + len(words)
        if end < len(doc) and tuple(t.lower_ for t in doc[start:end]) == words and all(
                t.whitespace_ or t.text[-1] in "'’" for t in doc[start:end - 1]):
            return end
    return 0


@Language.component(ADVERBIALS)
def merge_adverbials(doc: Doc) -> Doc:
    """Before tagging: "a | de son côté | libéré" — the adverbial becomes one token. A manner adverbial
    ("leur retrait | sans délai | de l'Union") becomes one token wherever it stands: read as two words,
    its noun takes the complement that belongs to the word before it."""
    auxiliaries, by_first, manner = _adverbials()
    spans = []
    i = 0
    while i < len(doc) - 1:
        end = 0
        if doc[i].lower_ in auxiliaries:
            end = _phrase_at(doc, i + 1, by_first.get(doc[i + 1].lower_, []))
            end = end if end and doc[end].is_alpha and doc[end - 1].whitespace_ else 0
            start = i + 1
        if not end:
            end = _phrase_at(doc, i, manner.get(doc[i].lower_, []))
            start = i
        if end:
            spans.append(doc[start:end])
            i = end - 1
        i += 1
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"LEMMA": span.text.lower()})
        # token indices after merging: each merged span shortens what follows it
        starts, shift = [], 0
        for span in spans:
            starts.append(span.start - shift)
            shift += len(span) - 1
        doc.user_data["annales_adverbials"] = starts
    return doc


@Language.component(ADVERBS)
def mark_adverbs(doc: Doc) -> Doc:
    """After tagging and parsing: a merged adverbial is an adverb modifying the verb it hangs on. One
    between a noun and a "de" complement ("la libération sans condition des pêcheurs") gives that
    complement back to the noun. One right after a verb that the parser hung on the noun following it
    ("a mis hors d'état de nuire | les assaillants", "a libéré sans condition | les otages") goes back to the
    verb, and that noun, read as a bare oblique of the verb, is its object."""
    for i in doc.user_data.get("annales_adverbials", ()):
        token = doc[i]
        token.pos_ = "ADV"
        token.dep_ = "advmod"
        verb, noun = doc[i - 1] if i else token, token.head
        if i and verb.pos_ == "VERB" and noun.i > i and noun.pos_ in ("NOUN", "PROPN") and noun.head == verb:
            token.head = verb
            if noun.dep_ in ("obl:arg", "obl", "obl:mod") and not any(c.dep_ == "case" for c in noun.children):
                noun.dep_ = "obj"
        if 0 < i < len(doc) - 1 and doc[i - 1].pos_ == "NOUN" and doc[i + 1].lower_ in ("de", "d'", "d’", "des", "du"):
            noun, complement = doc[i - 1], doc[i + 1].head
            if complement.i > i and complement.pos_ in ("NOUN", "PROPN") and noun not in complement.subtree:
                complement.head, complement.dep_ = noun, "nmod"
    return doc


@Language.component(REPAIRS)
def repair_parse(doc: Doc) -> Doc:
    """After parsing, the repairs of known parser slips, in this order: a sentence-initial "A" without
    its accent, a fronted place, a date read as an infinitive's subject, an object read as the weekday's
    complement, "auprès de"."""
    for sent in doc.sents:
        _capital_a(sent)
    for sent in doc.sents:
        _fronted_place(sent)
    _dated_infinitive(doc)
    _dated_object(doc)
    _compound_prepositions(doc)
    return doc


def _capital_a(sent: Span) -> None:
    """"A Bagdad, ..." — a sentence opened by "A" without its accent (capitals often lose it) is the
    preposition "à", which the tagger reads as a letter or a noun, even as the head of the place. It
    becomes the place's "case" word, the place taking its attachment."""
    doc = sent.doc
    first = sent[0]
    if first.is_punct and len(sent) > 1 and first.text in OPENERS:
        first = sent[1]
    if first.text != "A" or first.i + 1 >= sent.end or first.pos_ == "ADP":
        return
    noun = doc[first.i + 1]
    if noun.lower_ in ("l'", "l’", "la", "les") and noun.head.i != first.i and noun.i + 1 < sent.end:
        noun = noun.head  # "A l'issue de ..."
    if not noun.is_alpha and not noun.text[:1].isupper():
        return
    if noun.head.i == first.i:  # the parser made "A" the head: the noun takes its place
        children = [c for c in first.children if c.i != noun.i]
        if first.head.i == first.i:
            return  # (the sentence's root: leave such a parse alone)
        noun.head, noun.dep_ = first.head, first.dep_
        for child in children:
            child.head = noun
    first.head, first.dep_, first.pos_, first.lemma_ = noun, "case", "ADP", "à"


def _dated_infinitive(doc: Doc) -> None:
    """"a révélé en 2023 avoir ouvert une enquête": the parser reads "en" as a gerund's mark and the year
    as the infinitive's subject. The year (or month) is a date of the verb above, "en" its case word."""
    months = frozenset(_parse_table().months)
    for token in doc:
        if token.lower_ == "en" and token.dep_ == "case" and token.i + 1 < len(doc):
            date = doc[token.i + 1]  # "a révélé en mars | avoir ouvert": the infinitive hung on the month
            if (date.like_num and len(date.text) == 4) or date.lower_ in months:
                for verb in [c for c in date.children if c.dep_ == "acl" and c.i > date.i and any(
                        a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm", []) for a in c.children)]:
                    verb.head, verb.dep_ = date.head, "xcomp"
            continue
        if token.lower_ != "en" or token.dep_ != "mark" or token.i + 1 >= len(doc):
            continue
        date = doc[token.i + 1]
        is_date = (date.like_num and len(date.text) == 4) or date.lower_ in months
        verb = date.head
        if not is_date or not date.dep_.startswith("nsubj") or verb.dep_ != "xcomp" or token.head.i != verb.i:
            continue
        date.head, date.dep_ = verb.head, "obl:mod"
        token.head, token.dep_, token.pos_ = date, "case", "ADP"


def _dated_object(doc: Doc) -> None:
    """"a adopté jeudi des sanctions contre X", "a saisi mercredi la CIJ": the parser hangs the object on
    the weekday as its complement (reading "des" as "de" + article). The noun is the verb's object."""
    weekdays = frozenset(_parse_table().weekdays)
    for day in doc[:-2]:
        if day.lower_ not in weekdays or day.dep_ not in ("obl:mod", "obl") or day.head.pos_ != "VERB":
            continue
        article = doc[day.i + 1]
        noun = article.head
        if noun.head.i != day.i or noun.dep_ != "nmod" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if article.dep_ == "case" and article.lower_ in ("des", "de", "d'", "d’", "du"):
            article.dep_, article.pos_ = "det", "DET"  # ("des" read as "de" + article)
        elif article.dep_ != "det" or any(c.dep_ == "case" for c in noun.children):
            continue  # ("a saisi mercredi la CIJ": an article, and no preposition at all)
        noun.head, noun.dep_ = day.head, "obj"


def _compound_prepositions(doc: Doc) -> None:
    """"a protesté auprès de Tokyo" — the parser makes "auprès" an adverb heading the noun. The noun takes
    the adverb's attachment and the adverb becomes its "case" word, as a preposition."""
    words = frozenset(_parse_table().compound_prepositions)
    for token in doc[:-2]:
        if token.lower_ not in words or token.head.i == token.i or doc[token.i + 1].lower_ not in (
                "de", "du", "des", "d'", "d’"):
            continue
        noun = doc[token.i + 1].head
        if noun.head.i != token.i or noun.i <= token.i:
            continue
        noun.head, noun.dep_ = token.head, "obl"
        token.head, token.dep_, token.pos_ = noun, "case", "ADP"


def _fronted_place(sent: Span) -> None:
    """"A Washington, le président a rencontré..." : a place fronted by "à" that the parser made the
    sentence's root, with the clause after the comma hung under it, is the clause's adverbial: the
    clause's verb becomes the root and the place its "obl:mod"."""
    first = sent[0]
    if first.lower_ not in ("à", "a") or first.dep_ != "case" or first.i + 1 >= sent.end:
        return
    noun = first.head
    if noun.head.i != noun.i or noun.i > first.i + 4:
        return
    verbs = [c for c in noun.children if c.i > noun.i and c.pos_ in ("VERB", "AUX") and c.dep_ in (
        "advcl", "parataxis", "acl", "acl:relcl", "conj", "ccomp", "xcomp", "dep")]
    comma = next((t for t in sent if t.i > noun.i and t.text == ","), None)
    if not verbs or comma is None or comma.i > verbs[0].i:
        return
    verb = verbs[0]
    for child in [c for c in noun.children if c.i >= comma.i and c.i != verb.i]:
        child.head = verb
    verb.head, verb.dep_ = verb, "ROOT"
    noun.head, noun.dep_ = verb, "obl:mod"


@Language.component(BOUNDARIES)
def set_boundaries(doc: Doc) -> Doc:
    """Fix sentence starts before the parser runs: it keeps what is set here."""
    for i, token in enumerate(doc):
        if i == 0:
            continue
        previous = doc[i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif token.is_space:
            continue
        elif previous.text in OPENERS or token.text[:1].islower() or (
                token.text in CONTINUERS and not (token.text in STOPS and previous.text in STOPS)):
            # Within a line, a French sentence does not start with a lowercase word; the parser
            # sometimes cuts there after a name it misreads ("... Kim Jong Un | au cosmodrome").
            token.is_sent_start = False
        elif (
            token.text[:1].isupper() and previous.text[:1].isupper()
            and previous.is_alpha and token.is_alpha and not previous.whitespace_ == ""
            and len(previous) > 1 and previous.text not in ("M", "Mme")
        ):
            token.is_sent_start = False
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token anew on each access, and the later
    stages ask for it for every event, timex and mention."""
    text = doc.user_data.get("annales_text")
    if text is None:
        text = doc.user_data["annales_text"] = doc.text
    return text


@cache
def load(model: str | None = None) -> Language:
    """Load a French spaCy pipeline installed from PyPI (never downloads)."""
    name = model or DEFAULT_MODEL
    declare()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        package = name.replace("_", "-")
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with "
            f"'pip install {package}' (it comes from PyPI, nothing is downloaded at run time)"
        ) from error
    # an opening quote glued to an elision is a token of its own: d'"accord", l'“opération”
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer) and tokenizer.infix_finditer is not None:
        pattern = tokenizer.infix_finditer.__self__.pattern  # type: ignore[attr-defined]
        if _QUOTE_AFTER_ELISION not in pattern:
            tokenizer.infix_finditer = re.compile(pattern + "|" + _QUOTE_AFTER_ELISION).finditer
    if BOUNDARIES not in nlp.pipe_names:
        nlp.add_pipe(BOUNDARIES, before="parser")
    if ADVERBIALS not in nlp.pipe_names:
        nlp.add_pipe(ADVERBIALS, first=True)
        nlp.add_pipe(ADVERBS, last=True)
    if REPAIRS not in nlp.pipe_names:
        nlp.add_pipe(REPAIRS, last=True)
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text."""
    return load(model)(text)


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse a stream of texts in batches (bounded memory whatever the corpus size)."""
    yield from load(model).pipe(texts, batch_size=batch_size)
