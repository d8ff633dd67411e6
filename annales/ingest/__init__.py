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
for JSON lines and feed entries, ``stdin`` for ``-``; a byte of a file name that is not UTF-8 is
written ``\\xNN``. A bad input never stops the reading: it comes out as a
``Failure(path, "read", reason, line)`` and the next one is read.

Limits (every read is bounded; what is over a limit is refused with a failure that says so):

- ``MAX_FILE_BYTES`` (256 MiB): any one file, named pipe or stdin;
- ``MAX_ARTICLE_BYTES`` (20 MiB): a text or HTML file, which holds one article;
- ``MAX_RAW_CHARS`` (400,000 characters): one article's text as read, before cleaning;
- ``MAX_TEXT_CHARS`` (200,000 characters): one article's cleaned text, what spaCy parses
  (checked after cleaning by the pipeline). A long news article is 20,000 to 60,000 characters;
  parsing takes about a second per 10,000 characters and spaCy refuses texts over 1,000,000.

In a folder only regular files are read: links that lead out of the folder, named pipes, devices
and sockets are reported and skipped, and so is a subfolder that cannot be read. A file or pipe
named on the command line is read as given (its read is bounded all the same).
"""
from __future__ import annotations

import os
import select
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from annales.errors import InputError
from annales.ingest.feed import looks_like_feed, read_feed
from annales.ingest.html import read_html
from annales.ingest.jsonl import read_json, read_lines
from annales.ingest.text import decode, looks_binary, without_surrogates
from annales.model import Failure, RawDocument

__all__ = ["read", "read_bytes", "FORMATS", "MAX_FILE_BYTES", "MAX_ARTICLE_BYTES", "MAX_RAW_CHARS",
           "MAX_TEXT_CHARS"]

MAX_FILE_BYTES = 256 * 2**20
MAX_ARTICLE_BYTES = 20 * 2**20
MAX_TEXT_CHARS = 200_000
MAX_RAW_CHARS = 2 * MAX_TEXT_CHARS

FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


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


def shown(path: str | Path) -> str:
    """A path as text that can be printed and stored: bytes of the name that are not UTF-8 are
    written ``\\xNN`` (two names that differ stay different)."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB" if size >= 2**20 else f"{size:,} bytes"


def _checked(item: RawDocument | Failure, path: str, lines: bool = False) -> RawDocument | Failure:
    """Lone surrogates out of every string; an article's text over ``MAX_RAW_CHARS`` refused.

    ``lines``: the ids' ``#N`` are line numbers (JSON Lines), given to the failure as its line.
    """
    if isinstance(item, Failure):
        return replace(item, path=without_surrogates(item.path), reason=without_surrogates(item.reason))
    if len(item.text) > MAX_RAW_CHARS:
        entry, line = f"{item.id}: " if "#" in item.id else "", None
        if lines and entry:
            entry, line = "", int(item.id.rsplit("#", 1)[1])
        return Failure(path, "read", f"{entry}the article text is {len(item.text):,} characters, over the limit "
                       f"of {MAX_RAW_CHARS:,} for one article; split it into articles or remove it", line=line)
    return RawDocument(**{name: without_surrogates(value) if isinstance(value, str) else value
                          for name, value in vars(item).items()})


def _guarded(items: Iterable[RawDocument | Failure], doc_id: str, path: str,
             lines: bool = False) -> Iterator[RawDocument | Failure]:
    """``items`` checked one by one; whatever a reader raises becomes a failure of this input."""
    try:
        for item in items:
            yield _checked(item, path, lines)
    except InputError as error:
        # the message names the input for callers of decode/read_html; the Failure names it already
        yield _checked(Failure(path, "read", str(error).removeprefix(f"{doc_id}: ")), path)
    except (Exception, RecursionError) as error:  # a reader's bug or a parser's limit must not end the run
        yield _checked(Failure(path, "read", f"internal error {type(error).__name__}: {error}; please report "
                               "it with this file"), path)


def _parse(data: bytes, doc_id: str, path: str, fmt: str) -> Iterator[RawDocument | Failure]:
    if fmt == "feed":
        yield from read_feed(data, doc_id, path)
        return
    if fmt in ("json", "jsonl"):
        # JSON Lines keep NUL bytes and control characters: the line that holds them fails alone
        text, _ = decode(data, doc_id, lenient=True)
        results = list(read_lines(text, doc_id, path) if fmt == "jsonl" else read_json(text, doc_id, path))
        if looks_binary(text) and not any(isinstance(r, RawDocument) for r in results):
            raise InputError(f"{doc_id}: binary data, not text; remove it from the input")
        yield from results
        return
    text, _ = decode(data, doc_id)
    if fmt == "html":
        yield read_html(text, doc_id, path)
    else:
        yield RawDocument(id=doc_id, text=text, path=path, format="text")


def read_bytes(data: bytes, doc_id: str, path: str, fmt: str | None = None) -> Iterator[RawDocument | Failure]:
    """Read content already in memory as ``fmt`` (sniffed when None)."""
    fmt = fmt or sniff(data)
    if fmt in ("text", "html") and len(data) > MAX_ARTICLE_BYTES:
        yield Failure(path, "read", f"{_mib(len(data))}, over the limit of {_mib(MAX_ARTICLE_BYTES)} for a file "
                      "that holds one article; split it or remove it")
        return
    yield from _guarded(_parse(data, doc_id, path, fmt), doc_id, path, lines=fmt == "jsonl")


def _kind(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe"...), None for a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a file")


def _too_big(size: int, fmt: str | None) -> str | None:
    limit = MAX_ARTICLE_BYTES if fmt in ("text", "html") else MAX_FILE_BYTES
    if size > limit:
        what = "a file that holds one article" if limit == MAX_ARTICLE_BYTES else "a file"
        return f"{_mib(size)}, over the limit of {_mib(limit)} for {what}; split it or remove it"
    return None


def _drain_pipe(fd: int) -> bytes:
    """All a named pipe's writer sends, up to one byte past the limit, read on the descriptor already open.

    Opening the pipe a second time would wait for a new writer, forever if the writer has already
    written and gone (its bytes stay in the pipe only while a reader holds it open). Polling waits
    for the writer instead (on Linux a pipe no writer has opened yet is not reported as hung up).
    """
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_FILE_BYTES:
        poller.poll()
        try:
            chunk = os.read(fd, 1 << 16)
        except BlockingIOError:  # woken, but the writer has sent nothing yet
            continue
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_file(file: Path, doc_id: str, fmt: str | None, *, named: bool) -> Iterator[RawDocument | Failure]:
    """One file, never blocking on a pipe found in a folder and never reading past the limits.

    ``named``: given on the command line, where a named pipe is read (``<(command)``, a pipe the
    user made); in a folder only regular files are.
    """
    where = shown(file)
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)  # O_NONBLOCK: opening a pipe does not wait
    except OSError as error:
        reason = error.strerror or str(error)
        yield Failure(where, "read", f"cannot read the file ({reason}); check that it exists and is readable")
        return
    with os.fdopen(fd, "rb") as stream:
        try:
            mode = os.fstat(fd).st_mode
            kind = _kind(mode)
            if kind is not None and not (named and stat.S_ISFIFO(mode)):
                yield Failure(where, "read", f"not a regular file ({kind}); only files are read, so it is skipped")
                return
            if kind is None:
                problem = _too_big(os.fstat(fd).st_size, fmt)
                if problem:
                    yield Failure(where, "read", problem)
                    return
            if kind is None:
                data = stream.read(MAX_FILE_BYTES + 1)
            else:  # a pipe named on the command line: wait for its writer, as cat would
                data = _drain_pipe(fd)
        except OSError as error:
            reason = error.strerror or str(error)
            yield Failure(where, "read", f"cannot read the file ({reason}); check that it is readable")
            return
    if len(data) > MAX_FILE_BYTES:
        yield Failure(where, "read", f"more than {_mib(MAX_FILE_BYTES)}, the limit for one input; "
                      "split it or remove it")
        return
    yield from read_bytes(data, doc_id, where, fmt)


def _read_stdin() -> Iterator[RawDocument | Failure]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or stream.closed:
        yield Failure("stdin", "read", "standard input is closed; pipe the articles in (annales run - < FILE) "
                      "or name the files")
        return
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as error:  # a closed descriptor behind an open object
        yield Failure("stdin", "read", f"cannot read standard input ({error}); pipe the articles in or name the files")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Failure("stdin", "read", f"more than {_mib(MAX_FILE_BYTES)} on standard input, the limit for one "
                      "input; split it into files")
        return
    yield from read_bytes(data, "stdin", "stdin")


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~")) or part.endswith("~") for part in relative.parts)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _walk(folder: Path) -> Iterator[Path | Failure]:
    """The files to read under ``folder``, sorted, and a failure for each subfolder that cannot be
    read and each link that leads out of ``folder`` (not followed)."""
    root = os.path.realpath(folder)
    failures: list[Failure] = []

    def unreadable(error: OSError) -> None:
        reason = error.strerror or str(error)
        failures.append(Failure(shown(error.filename or folder), "read",
                                f"cannot read this folder ({reason}); check its permissions"))

    def leaves(path: Path) -> bool:
        if not os.path.islink(path):
            return False
        target = os.path.realpath(path)
        if _inside(target, root):
            return False
        kind = "folder" if os.path.isdir(path) else "file"
        failures.append(Failure(shown(path), "read", f"a link to the {kind} {shown(target)}, outside the folder "
                                f"given; not followed (name it on the command line to read it)"))
        return True

    files: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=unreadable, followlinks=False):
        base = Path(top)
        # links to folders are listed among the folders but never walked into
        dirs[:] = [d for d in dirs if not _hidden(Path(d)) and not (leaves(base / d) or os.path.islink(base / d))]
        for name in names:
            file = base / name
            if _hidden(file.relative_to(folder)) or FORMATS.get(file.suffix.lower()) is None:
                continue  # images, PDFs, notes... in a folder are not articles
            if not leaves(file):
                files.append(file)
        yield from failures
        failures.clear()
    yield from failures  # a folder that could not be listed, found after the last one listed
    yield from sorted(files)


def read(paths: Sequence[str | Path]) -> Iterator[RawDocument | Failure]:
    """Every document in ``paths`` (files, folders, ``-``), in a stable order, failures in line."""
    for given in paths:
        if str(given) == "-":
            yield from _read_stdin()
            continue
        path = Path(given)
        if path.is_dir():
            for entry in _walk(path):
                if isinstance(entry, Failure):
                    yield entry
                else:
                    yield from _read_file(entry, shown(entry.relative_to(path).as_posix()),
                                          FORMATS[entry.suffix.lower()], named=False)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, shown(path.name), FORMATS.get(path.suffix.lower()), named=True)
        else:
            yield Failure(shown(path), "read", "no such file or folder; check the path")
