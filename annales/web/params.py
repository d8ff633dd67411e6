"""Query parameters the API and the pages share: the timeline's filters and pagination, checked.

A bad value is a 400 whose message names the parameter and says what to send; FastAPI's own
validation errors (a page size over the bound, a page that is not a number) are reworded the same
way by the app's handler.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from annales.merge.corrections import plover_types
from annales.model import STATUSES, DateValue

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
MAX_TEXT = 200  # characters in a text filter


def bad(message: str, status: int = 400) -> HTTPException:
    return HTTPException(status_code=status, detail=message)


def _date(name: str, value: str | None) -> DateValue | None:
    if not value:
        return None
    try:
        parsed = DateValue.parse(value.strip())
    except (ValueError, IndexError):
        parsed = None
    if parsed is None or "/" in value:
        raise bad(f"{name}: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    status: str | None = None  # a status, "*" for all, None for the timeline's default
    since: DateValue | None = None
    until: DateValue | None = None
    q: str | None = None
    conflicts: bool = False
    raw: dict[str, str] = field(default_factory=dict, compare=False)

    def query(self, **extra: object) -> str:
        """The filters as a query string (for links that keep them), with ``extra`` parameters."""
        items = [(k, v) for k, v in self.raw.items() if v and k != "type"]
        items += [("type", t) for t in self.types]
        items += [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
        return urlencode(items)

    def kwargs(self) -> dict[str, object]:
        return {"actor": self.actor, "country": self.country, "types": self.types, "status": self.status,
                "since": self.since, "until": self.until, "q": self.q, "conflicts": self.conflicts}


def filters(
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor or recipient: id or part of the name (accents and case ignored).")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code of a participant's country, e.g. RUS.")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type; repeat or comma-separate for several.")] = None,  # noqa: A002
    status: Annotated[str | None, Query(description="One status, or * for every status (hypothetical and negated are hidden by default).")] = None,
    from_: Annotated[str | None, Query(alias="from", description="Happened on or after (YYYY[-MM[-DD]]).")] = None,
    to: Annotated[str | None, Query(description="Happened on or before (YYYY[-MM[-DD]]).")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words in the summary, names, place or sentences.")] = None,
    conflicts: Annotated[bool, Query(description="Only happenings whose sources disagree.")] = False,
) -> Filters:
    """The timeline's filters from a request, checked."""
    if country:
        country = country.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", country):
            raise bad(f"country: {country!r} is not an ISO 3166-1 alpha-3 code such as RUS or FRA")
    types = tuple(dict.fromkeys(t.strip().upper() for item in type or () for t in item.split(",") if t.strip()))
    known = plover_types()
    for kind in types:
        if kind not in known:
            raise bad(f"type: unknown PLOVER type {kind!r}; use one of {', '.join(known)}")
    status = (status or "").strip().lower() or None
    if status and status != "*" and status not in STATUSES:
        raise bad(f"status: {status!r} is not one of {', '.join(STATUSES)} (or * for every status)")
    since, until = _date("from", from_), _date("to", to)
    if since and until and since.start > until.end:
        raise bad(f"from ({from_}) is after to ({to})")
    raw = {"actor": actor or "", "country": country or "", "status": status or "", "from": from_ or "",
           "to": to or "", "q": q or "", "conflicts": "1" if conflicts else ""}
    return Filters(actor=(actor or "").strip() or None, country=country or None, types=types, status=status,
                   since=since, until=until, q=(q or "").strip() or None, conflicts=conflicts, raw=raw)


@dataclass(frozen=True)
class Page:
    page: int
    per_page: int

    def cut(self, items: list) -> list:
        first = (self.page - 1) * self.per_page
        return items[first:first + self.per_page]


def pagination(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, at most {MAX_PAGE_SIZE}.")] = DEFAULT_PAGE_SIZE,
) -> Page:
    return Page(page, per_page)


def paged(items: list, page: Page, render) -> dict[str, object]:
    """The API's page envelope: total, page, per_page, pages and the items of this page."""
    total = len(items)
    return {"total": total, "page": page.page, "per_page": page.per_page,
            "pages": max(1, -(-total // page.per_page)), "items": [render(i) for i in page.cut(items)]}
