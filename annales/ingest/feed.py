"""RSS and Atom feeds with feedparser: each entry is a document ``feed.xml#N`` (N from 1)."""
from __future__ import annotations

from collections.abc import Iterator

from annales.errors import InputError
from annales.ingest.html import html_to_text, looks_like_html
from annales.model import Failure, RawDocument


def looks_like_feed(head: str) -> bool:
    """The first characters of an RSS, RDF or Atom document."""
    head = head.lstrip("\ufeff \t\r\n")[:2000].lower()
    return head.startswith(("<?xml", "<rss", "<feed", "<rdf")) and any(
        tag in head for tag in ("<rss", "<feed", "<rdf:rdf", "<channel"))


def _entry_text(entry) -> str:
    parts = entry.get("content") or []
    value = parts[0].get("value", "") if parts else entry.get("summary", "") or entry.get("description", "")
    kind = parts[0].get("type", "") if parts else entry.get("summary_detail", {}).get("type", "")
    if "html" in kind or looks_like_html(value):
        return html_to_text(value)
    return value


def read_feed(data: bytes, doc_id: str, path: str) -> Iterator[RawDocument | Failure]:
    """Every entry of a feed; raises InputError when the file is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        first = data[:40].decode("utf-8", errors="replace").strip()
        if parsed.get("version"):
            raise InputError(f"{doc_id}: the feed has no entries; nothing to read")
        raise InputError(
            f"{doc_id}: not an RSS or Atom feed (first bytes: {first!r}); give HTML pages a .html name "
            "and text a .txt name"
        )
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_id = f"{doc_id}#{number}"
        text = _entry_text(entry)
        if not text.strip():
            yield Failure(path, "read", f"feed entry {entry_id} has no text (no content or summary); skipped",
                          line=None)
            continue
        yield RawDocument(
            id=entry_id,
            text=text,
            title=entry.get("title"),
            published=entry.get("published") or entry.get("updated") or entry.get("created"),
            source=entry.get("source", {}).get("title") or outlet,
            url=entry.get("link"),
            path=path,
            format="feed",
        )
