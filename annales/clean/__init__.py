"""Cleaning: from a RawDocument as read to the Document every later stage points into.

``clean`` removes what is not article text (patterns in ``lang/<lang>/boilerplate.yaml``), keeps the
headline once as the first line, rebuilds paragraphs separated by blank lines, and fills in the
language, the publication date (with how it was found), the source and the url.
"""
from __future__ import annotations

import datetime as dt
from itertools import takewhile

from annales.clean.boilerplate import boilerplate
from annales.clean.language import detect_language
from annales.clean.layout import looks_like_title, normalise, paragraphs, same_line, squeeze
from annales.clean.pubdate import (
    date_from_url,
    explicit_date,
    header_match,
    infer_date,
    parse_metadata_date,
    patterns,
    publication_date,
    refine,
)
from annales.errors import InputError
from annales.model import DateValue, Document, RawDocument

__all__ = ["clean", "clean_text", "publication_date", "detect_language", "detect_source"]


def detect_source(text: str, metadata: str | None = None) -> str | None:
    """The agency the text signs ("(AFP)", ".../Associated Press"), else the outlet its metadata names.

    The signature comes first: a wire story on a newspaper's site is the agency's report, and that
    is what tells two reports of one happening apart.
    """
    table = boilerplate()
    credited = table.credited_agency(text)
    if credited:
        return credited
    if metadata and metadata.strip():
        return table.canonical_agency(metadata) or metadata.strip()
    return None


def _headline(lines: list[str]) -> str | None:
    """The first line when it reads as a headline and does not open a hard-wrapped paragraph."""
    start = next((i for i, line in enumerate(lines) if line), None)
    if start is None:
        return None
    block = list(takewhile(bool, lines[start:]))
    if len(block) > 1 and paragraphs(block) != block:
        return None
    return lines[start] if looks_like_title(lines[start], alone=len(block) == 1) else None


def clean_text(text: str, title: str | None = None) -> tuple[str, str | None]:
    """Cleaned text and headline: boilerplate out, headline once on the first line, paragraphs kept."""
    table = boilerplate()
    header_lines, remainder_words = patterns().header_lines, patterns().header_remainder_words
    lines = [squeeze(line) for line in normalise(text).split("\n")]
    title = squeeze(normalise(title)) if title and title.strip() else None

    kept: list[str] = []
    seen_text = 0
    total = sum(1 for line in lines if line)
    skip_link = False
    for index, line in enumerate(lines):
        if not line:
            kept.append("")
            continue
        seen_text += 1
        if skip_link:  # the linked headline under an inset "A lire aussi"
            skip_link = False
            if not line.rstrip().endswith((".", "!", "?", "»", "…")):
                continue
        if table.opens_related(line) and _prose_follows(lines[index + 1:]):
            skip_link = True  # an inset in the body, not the related block that ends the page
            continue
        if seen_text <= header_lines and header_match(line):
            while (hit := header_match(line)) and hit.end():  # "Publié le ..., mis à jour le ..." holds two
                line = line[hit.end():].lstrip(" :-–—.,;|")
            if len(line.split()) < remainder_words:
                continue
        line = squeeze(table.strip_fragments(line))
        if not line:
            continue
        if seen_text > total / 2 and table.opens_tail(line):
            break
        if not table.reason(line):
            kept.append(line)
    if title is None:
        title = _headline(kept)
    if title:
        kept = [line for line in kept if not same_line(line, title)]
    body = paragraphs(kept)
    if not body:
        return "", title
    return "\n\n".join(([title] if title else []) + body), title


# An inset "A lire aussi" sits in the body when a line of article prose still follows: a paragraph of
# at least this many words ending a sentence.
PROSE_WORDS = 20


def _prose_follows(lines: list[str]) -> bool:
    """Whether article prose comes after the linked headline that follows a "related" marker."""
    rest = [line for line in lines if line][1:]
    return any(len(line.split()) >= PROSE_WORDS and line.rstrip().endswith((".", "!", "?", "»", "…"))
               for line in rest)


def clean(raw: RawDocument, *, today: dt.date | None = None) -> Document:
    """A RawDocument -> a Document; raises InputError when nothing but boilerplate is left."""
    text, title = clean_text(raw.text, raw.title)
    if not text:
        raise InputError(
            f"{raw.id}: nothing is left after removing boilerplate (share buttons, comment forms, "
            "counters...); check that the file holds the article text"
        )
    # stated dates are looked for in the whole text as found (headers, timestamps and photo
    # credits are gone from the cleaned text), inferred ones in the article text only
    whole = normalise(raw.text)
    # a date in a news URL's path ("/2024/03/12/") ranks with metadata, which wins when there is some
    from_url = None if raw.published else parse_metadata_date(date_from_url(raw.url), today)
    published: DateValue | None
    if from_url is not None:
        published, how = refine(from_url, whole, today=today), "url"
    else:
        published, how = explicit_date(whole, raw.published, today=today)
    if published is None:
        published, how = infer_date(text, today=today)
    return Document(
        id=raw.id,
        text=text,
        title=title,
        language=detect_language(text),
        published=published,
        published_source=how,
        source=detect_source(whole, raw.source),
        url=raw.url,
        path=raw.path,
    )
