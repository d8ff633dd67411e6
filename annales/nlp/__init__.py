"""spaCy loading and parsing. The only door through which annales enters spaCy.

Paragraph breaks and line breaks always start a sentence (scraped text has headlines and captions
without a final stop, and NER never crosses a sentence boundary), and a sentence never starts
inside a run of capitalised name parts ("Kim Jong | Un", a known parser slip) nor, within a line,
on a lowercase word.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annales.errors import ModelError
from annales.nlp.extensions import declare
from annales.settings import DEFAULT_MODEL

BOUNDARIES = "annales_boundaries"
OPENERS = {"«", "“", "(", "[", "\""}


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
        elif previous.text in OPENERS or token.text[:1].islower():
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
    if BOUNDARIES not in nlp.pipe_names:
        nlp.add_pipe(BOUNDARIES, before="parser")
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text."""
    return load(model)(text)


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse a stream of texts in batches (bounded memory whatever the corpus size)."""
    yield from load(model).pipe(texts, batch_size=batch_size)
