"""Quotations (« ... », “ ... ”, "...") and who said them."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from annales.events.tables import Lexicon, lexicon
from annales.model import ActorMention, Entity, Quote
from annales.nlp import text_of

ENDS = (".", "!", "?", "…", "»", "”", '"', ":", ";")


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, re-joined where the parser cut inside a line: after a closing quote followed by
    the incise (« ... », a déclaré X), or where a line has no end mark yet ("Washington | affirme que")."""
    cached = doc.user_data.get("annales_sentences")
    if cached is not None:  # asked for by the quote finder and by the coder: computed once
        return cached
    out: list[Span] = []
    text = text_of(doc)
    for sent in doc.sents:
        own = text[sent.start_char:sent.end_char]
        if not own.strip():
            continue
        if out:
            prev = out[-1]
            before = text[prev.start_char:prev.end_char]
            gap = text[prev.end_char:sent.start_char]
            head = own.lstrip()[:1]
            if "\n" not in gap and "\n" not in before and (
                    not before.rstrip().endswith(ENDS) or head in (",", ";") or head.islower()):
                out[-1] = doc[prev.start:sent.end]
                continue
        out.append(sent)
    doc.user_data["annales_sentences"] = out
    return out


def quote_spans(text: str, marks: dict[str, str]) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; nested quotes stay inside their parent."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = marks.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        # a straight quote or an unclosed mark must not swallow the rest of the paragraph
        para = text.find("\n\n", i + 1)
        if j == -1 or (para != -1 and j > para):
            i += 1
            continue
        spans.append((i, j + 1))
        i = j + 1
    return spans


def _sentence_of(doc: Doc, char: int, joined: list[Span]) -> Span | None:
    for sent in joined:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None


INVERTED = ("obj", "nsubj", "appos", "dep", "obl:mod")  # how the parser reads an incise's subject, likeliest first


def speaker_tokens(verb: Token, outside: tuple[int, int] | None = None) -> list[Token]:
    """The subject of a reporting verb: nsubj, else the inverted subject of an incise ("a déclaré X")."""
    def ok(t: Token) -> bool:
        return outside is None or not (outside[0] <= t.idx < outside[1])

    subjects = [c for c in verb.children if (c.dep_ in ("nsubj", "nsubj:pass") or (
        c.dep_ == "expl:subj" and c.lower_ != "-t")) and ok(c) and c.pos_ != "VERB"]
    if subjects:
        return subjects
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in INVERTED
             and c.pos_ in ("PROPN", "NOUN", "PRON") and ok(c)]
    if after:
        # the subject read as an object beats an adverbial read as one ("a affirmé lundi le président")
        return sorted(after, key=lambda c: (INVERTED.index(c.dep_), c.i))[:1]
    if verb.dep_ == "conj":
        return speaker_tokens(verb.head, outside)
    return []


def reporting(token: Token, lex: Lexicon) -> bool:
    """A verb of saying; also a participle the tagger does not know ("a tweeté", lemma "tweeté", tagged X,
    its auxiliary sometimes hung as a bare dependent)."""
    if token.lemma_ in lex.reporting and token.pos_ in ("VERB", "AUX"):
        return True
    low = token.lower_
    return token.pos_ in ("VERB", "X", "NOUN", "ADJ") and low.endswith("é") and low[:-1] + "er" in lex.reporting and any(
        c.dep_.startswith("aux") or (c.dep_ == "dep" and c.lemma_ == "avoir" and c.i == token.i - 1)
        for c in token.children)


def find_quotes(doc: Doc, mentions: Sequence[ActorMention], lex: Lexicon | None = None) -> list[Quote]:
    """Every quotation in ``doc`` with its speaker (the subject of the déclaré/affirmé/selon around it)."""
    lex = lex or lexicon("fr")
    found: list[Quote] = []
    joined = sentences(doc)
    text = text_of(doc)
    for start, end in quote_spans(text, lex.status.quotes):
        inner = text[start + 1:end - 1].strip()
        if not inner:
            continue
        speaker = _speaker(doc, (start, end), mentions, lex, joined)
        found.append(Quote(start, end, inner, speaker))
    return found


def _entity_in(tokens: list[Token], mentions: Sequence[ActorMention]) -> Entity | None:
    for token in tokens:
        lo = min(t.idx for t in token.subtree)
        hi = max(t.idx + len(t) for t in token.subtree)
        for m in mentions:
            if m.entity is not None and lo <= m.start and m.end <= hi:
                return m.entity
    return None


def _speaker(doc: Doc, span: tuple[int, int], mentions: Sequence[ActorMention], lex: Lexicon,
             joined: list[Span]) -> Entity | None:
    around: list[Span] = []
    for char in (span[1] - 1, span[0]):
        sent = _sentence_of(doc, char, joined)
        if sent is not None and sent not in around:
            around.append(sent)
    for sent in around:
        for token in sent:
            if span[0] <= token.idx < span[1]:
                continue
            if reporting(token, lex):
                entity = _entity_in(speaker_tokens(token, span), mentions)
                if entity is not None:
                    return entity
            if token.lower_ in lex.status.attribution and token.head.i != token.i:
                entity = _entity_in([token.head], mentions)
                if entity is not None:
                    return entity
    # "X a déclaré : « ... »" in the sentence before
    first = around[-1] if around else None
    if first is not None and first.start > 0:
        before = next((s for s in joined if s.start <= first.start - 1 < s.end), doc[first.start - 1].sent)
        if before.text.rstrip().endswith(":"):
            for token in before:
                if token.lemma_ in lex.reporting:
                    return _entity_in(speaker_tokens(token), mentions)
    return None
