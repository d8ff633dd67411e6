"""JSON Lines and JSON files: one article per line, a list of articles, or a single article.

Field names (the first one present wins; case as written):

- text: ``text``, ``content``, ``body``, ``article``, ``maintext``, ``full_text`` (HTML is flattened to text)
- title: ``title``, ``headline``
- publication date: ``date``, ``published``, ``published_at``, ``pubDate``, ``date_published``,
  ``datePublished``, ``date_publish`` (ISO 8601, RFC 822, epoch seconds or a written-out date)
- url: ``url``, ``link``
- source: ``source``, ``outlet``, ``publisher``, ``source_name`` (a ``{"name": ...}`` object works too)

A JSON file may also hold ``{"articles": [...]}`` (or ``items``, ``documents``, ``data``).
Ids: ``file.jsonl#N`` for line N (blank lines count, so ids stay put when a line is fixed) or list item N
(N from 1), the file name for a single article.
"""
from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from typing import Any

from annales.ingest.html import html_to_text, looks_like_html
from annales.model import Failure, RawDocument

TEXT_FIELDS = ("text", "content", "body", "article", "maintext", "full_text")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "pubDate", "date_published", "datePublished", "date_publish")
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = ("source", "outlet", "publisher", "source_name")
LIST_FIELDS = ("articles", "items", "documents", "data")


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding a string or a number (a date in epoch seconds); lists,
    booleans, NaN and other shapes are not metadata and are passed over."""
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, bool) or isinstance(value, float) and not math.isfinite(value):
            continue
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


def _text(record: dict[str, Any]) -> tuple[str | None, str | None]:
    """(text, None), or (None, why not): the first text field present must hold a string."""
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            kind = "NaN" if isinstance(value, float) and math.isnan(value) else type(value).__name__
            return None, (f"the field {name!r} holds {_KINDS.get(kind, kind)}, not the article text; "
                          "write the text as one JSON string")
        if value.strip():
            return value, None
    return None, f"no article text (looked for the fields {', '.join(TEXT_FIELDS)}); add one of them"


_KINDS = {"list": "a list", "dict": "an object", "bool": "true or false", "int": "a number", "float": "a number",
          "NaN": "NaN"}


def loads(text: str) -> Any:
    """``json.loads`` whose every failure is a ValueError saying what is wrong: broken JSON keeps
    its JSONDecodeError; a number over Python's digit limit and nesting deeper than the
    interpreter's recursion limit get messages of their own (not "use sys.set_int_max_str_digits")."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError as error:  # int('9' * 5000) in the parser
        raise ValueError(f"a number too long to read (over {sys.get_int_max_str_digits()} digits)") from error
    except RecursionError as error:
        raise ValueError("JSON nested too deeply (about a thousand levels or more)") from error


def where_of(doc_id: str, line: int | None) -> str:
    """'item 3: ' for the third item of a JSON list (a JSONL failure already carries its line)."""
    return f"item {doc_id.rsplit('#', 1)[1]}: " if "#" in doc_id and line is None else ""


def article(record: Any, doc_id: str, path: str, line: int | None) -> RawDocument | Failure:
    """One JSON object -> a RawDocument, or a Failure saying which field is missing."""
    if not isinstance(record, dict):
        return Failure(path, "read", f"{where_of(doc_id, line)}expected a JSON object, found {type(record).__name__}; "
                       "write one article object per line", line=line)
    text, problem = _text(record)
    if text is None:
        return Failure(path, "read", f"{where_of(doc_id, line)}{problem}", line=line)
    if looks_like_html(text):
        text = html_to_text(text)
    return RawDocument(
        id=doc_id,
        text=text,
        title=_field(record, TITLE_FIELDS),
        published=_field(record, DATE_FIELDS),
        source=_field(record, SOURCE_FIELDS),
        url=_field(record, URL_FIELDS),
        path=path,
        format="json",
    )


def read_lines(text: str, doc_id: str, path: str) -> Iterator[RawDocument | Failure]:
    """JSON Lines: a line that is not JSON is reported with its number, the others are read."""
    # Lines end at "\n" only: JSON strings may hold U+2028, U+0085... that splitlines() cuts at.
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = loads(line)
        except json.JSONDecodeError as error:
            yield Failure(path, "read", f"line {line_no} is not JSON ({error.msg}, column {error.colno}); "
                          "fix or remove that line", line=line_no)
            continue
        except ValueError as error:
            yield Failure(path, "read", f"line {line_no}: {error}; fix or remove that line", line=line_no)
            continue
        yield article(record, f"{doc_id}#{line_no}", path, line_no)


def read_json(text: str, doc_id: str, path: str) -> Iterator[RawDocument | Failure]:
    """A .json file: a list of articles, an object holding one, a single article, or JSON Lines."""
    try:
        data = loads(text)
    except ValueError as error:
        # JSON Lines in a .json file, or one broken document: a file no line of which is JSON
        # is one failure, not one per line of a pretty-printed object
        results = list(read_lines(text, doc_id, path)) if text.strip().count("\n") else []
        if any(isinstance(r, RawDocument) or not r.reason.startswith(f"line {r.line} is not JSON") for r in results):
            yield from results  # some lines are JSON: JSON Lines, each line judged alone
        else:
            reason = f"{error.msg} at line {error.lineno}, column {error.colno}" if isinstance(
                error, json.JSONDecodeError) else str(error)
            yield Failure(path, "read", f"not JSON ({reason}); fix the file or write one article per line"
                          if isinstance(error, json.JSONDecodeError) else f"{reason}; fix or remove it")
        return
    if isinstance(data, dict):
        nested = next((data[k] for k in LIST_FIELDS if isinstance(data.get(k), list)), None)
        if nested is None:
            yield article(data, doc_id, path, None)
            return
        data = nested
    if not isinstance(data, list):
        yield Failure(path, "read", f"the JSON holds a {type(data).__name__}, not articles; "
                      "write a list of objects or one object per line")
        return
    for number, record in enumerate(data, start=1):
        yield article(record, f"{doc_id}#{number}", path, None)
