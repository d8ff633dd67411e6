"""Readers: files, folders and stdin -> RawDocument (or Failure), one format per module.

``read(paths)`` takes files, folders (read recursively, hidden files skipped) and ``-`` for stdin:

- ``.txt``/``.text``: text in any common encoding (UTF-8 with or without BOM, cp1252, latin-1...);
- ``.html``/``.htm``: main text and metadata with trafilatura;
- ``.jsonl``/``.json``: one article per line, a list, or ``{"articles": [...]}``; fields ``text`` (or
  ``content``, ``body``, ``article``), ``title`` (or ``headline``), ``date`` (or ``published``,
  ``published_at``, ``pubDate``), ``url`` (or ``link``), ``source`` (or ``outlet``) — the full list is
  in ``annales.ingest.jsonl``;
- ``.xml``/``.rss``/``.atom``: RSS or Atom feeds, one document per entry.

A file named on the command line with another extension, and stdin, are sniffed from their first
bytes. Ids: the path relative to the folder given, the file name for a single file, ``#N`` after it
for JSON lines and feed entries, ``stdin`` for ``-``. A bad input never stops the reading: it comes
out as a ``Failure(path, "read", reason, line)`` and the next one is read.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from annales.errors import InputError
from annales.ingest.feed import looks_like_feed, read_feed
from annales.ingest.html import read_html
from annales.ingest.jsonl import read_json, read_lines
from annales.ingest.text import decode
from annales.model import Failure, RawDocument

__all__ = ["read", "read_bytes", "FORMATS"]

FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def sniff(data: bytes) -> str:
    """Guess the format of unnamed content from its first bytes."""
    head = data[:2000].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    lower = head.lower()
    if looks_like_feed(head):
        return "feed"
    if lower.startswith(("<!doctype html", "<html")) or "<body" in lower or "<head" in lower:
        return "html"
    if head.startswith(("[", "{")):  # read_json falls back to one object per line
        return "json"
    return "text"


def read_bytes(data: bytes, doc_id: str, path: str, fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read content already in memory as ``fmt`` (sniffed when None)."""
    fmt = fmt or sniff(data)
    try:
        if fmt == "feed":
            yield from read_feed(data, doc_id, path)
            return
        text, _ = decode(data, doc_id)
        if fmt == "html":
            yield read_html(text, doc_id, path)
        elif fmt == "jsonl":
            yield from read_lines(text, doc_id, path)
        elif fmt == "json":
            yield from read_json(text, doc_id, path)
        else:
            yield RawDocument(id=doc_id, text=text, path=path, format="text")
    except InputError as error:
        # the message names the input for callers of decode/read_html; the Failure names it already
        yield Failure(path, "read", str(error).removeprefix(f"{doc_id}: "))


def _read_file(file: Path, doc_id: str, fmt: str | None) -> Iterator[RawDocument | Failure]:
    try:
        data = file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        yield Failure(str(file), "read", f"cannot read the file ({reason}); check that it exists and is readable")
        return
    yield from read_bytes(data, doc_id, str(file), fmt)


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~")) or part.endswith("~") for part in relative.parts)


def read(paths: Sequence[str | Path]) -> Iterator[RawDocument | Failure]:
    """Every document in ``paths`` (files, folders, ``-``), in a stable order, failures in line."""
    for given in paths:
        if str(given) == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "stdin", "stdin")
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            for file in files:
                fmt = FORMATS.get(file.suffix.lower())
                if fmt is not None:  # images, PDFs, notes... in a folder are not articles
                    yield from _read_file(file, file.relative_to(path).as_posix(), fmt)
        elif path.exists():
            yield from _read_file(path, path.name, FORMATS.get(path.suffix.lower()))
        else:
            yield Failure(str(path), "read", "no such file or folder; check the path")
