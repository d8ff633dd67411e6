"""The JSON API, under /api/v1 (OpenAPI at /docs).

Happenings are the export contract's event lines (shared/spec/output.md), ``corrections``
included on corrected ones; documents are its document lines. Lists are paginated
(``page``, ``per_page`` ≤ 200) in an envelope ``{"total", "page", "per_page", "pages", "items"}``.
Errors are ``{"detail": "what is wrong and what to send"}`` with a 4xx status.
"""
from __future__ import annotations

import csv
import io
import json
import secrets
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from annales.merge.corrections import mention_key
from annales.merge.select import fold
from annales.model import Event
from annales.web.catalog import Catalog, View, actor_aliases, who_they_act_on
from annales.web.edits import CorrectionRequest, correct, undo
from annales.web.params import MAX_TEXT, Filters, Page, bad, filters, paged, pagination

router = APIRouter(prefix="/api/v1")


def catalog(request: Request) -> Catalog:
    return request.app.state.catalog


def view(request: Request) -> View:
    return catalog(request).view()


def editor(request: Request) -> str:
    """Edits need the server started with --allow-edits and the token it printed, as a header."""
    config = request.app.state.config
    if not config.allow_edits:
        raise bad("edits are off: this server is read-only; start it with 'annales serve --allow-edits'", 403)
    sent = request.headers.get("x-annales-token", "")
    if not sent or not secrets.compare_digest(sent.encode(), config.token.encode()):
        raise bad("missing or wrong token: send the token 'annales serve --allow-edits' printed at start-up "
                  "in the X-Annales-Token header", 401)
    return config.user


ViewDep = Annotated[View, Depends(view)]
FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[Page, Depends(pagination)]


def happening_dict(event: Event, view: View) -> dict[str, Any]:
    """A contract event line, with the titles of its documents for convenience."""
    line = event.to_dict()
    line["documents"] = [{"doc": d, "title": view.docs[d].title if d in view.docs else None} for d in event.docs]
    line["sources"] = len(event.docs)
    return line


def reply(content: Any, status: int = 200) -> Response:
    """JSON straight from json.dumps (the records are plain already; FastAPI's encoder is slow on them)."""
    return Response(json.dumps(content, ensure_ascii=False), status_code=status, media_type="application/json")


@router.get("/happenings", summary="Happenings on the timeline, filtered and paginated")
def happenings(view: ViewDep, chosen: FiltersDep, page: PageDep) -> Response:
    found = view.positions(**chosen.kwargs())  # type: ignore[arg-type]
    head = json.dumps({"total": len(found), "page": page.page, "per_page": page.per_page,
                       "pages": max(1, -(-len(found) // page.per_page))})
    items = ", ".join(view.line(n, happening_dict) for n in page.cut(found))
    return Response(f'{head[:-1]}, "items": [{items}]}}', media_type="application/json")


@router.get("/happenings/{happening_id}", summary="One happening: mentions, sentences, offsets, conflicts, corrections")
def happening(happening_id: str, view: ViewDep) -> Response:
    event = view.by_id.get(happening_id)
    if event is None:
        raise bad(f"no happening with id {happening_id!r}; list them at /api/v1/happenings", 404)
    line = happening_dict(event, view)
    for mention in line["mentions"]:
        mention["key"] = [mention["doc"], mention["start"], -1 if mention["trigger_start"] is None
                          else mention["trigger_start"], mention["trigger"]]
    return reply(line)


@router.get("/documents", summary="Documents, with how many events were coded in each")
def documents(view: ViewDep, page: PageDep,
              q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words in the id or title.")] = None,
              ) -> Response:
    counts: dict[str, int] = {}
    for event in view.mention_events:
        for doc in event.docs:
            counts[doc] = counts.get(doc, 0) + 1
    items = view.documents
    if q:
        words = fold(q).split()
        items = [d for d in items if all(w in fold(f"{d.id} {d.title or ''}") for w in words)]
    return reply(paged(items, page, lambda d: {**d.to_dict(), "events": counts.get(d.id, 0)}))


@router.get("/documents/{doc_id:path}", summary="One document's cleaned text with every event's evidence spans")
def document(doc_id: str, view: ViewDep) -> Response:
    # The id is only ever a key in the database: it is never joined to a path or opened.
    found = view.docs.get(doc_id)
    if found is None:
        raise bad(f"no document with id {doc_id!r}; list them at /api/v1/documents", 404)
    events: list[dict[str, Any]] = []
    for event in view.document_events(doc_id):
        for mention in event.mentions:
            if mention.doc != doc_id:
                continue
            events.append({
                "type": event.type, "mode": event.mode, "status": event.status,
                "date": str(event.date) if event.date else None,
                "happening": view.home.get(mention_key(mention)),
                "sentence": [mention.start, mention.end],
                "trigger": [mention.trigger_start, mention.trigger_end, mention.trigger],
                "date_span": [mention.date_start, mention.date_end, mention.date_text],
            })
    events.sort(key=lambda e: (e["sentence"][0], e["trigger"][0] if e["trigger"][0] is not None else -1))
    return reply({**found.to_dict(), "text": found.text, "events": events})


@router.get("/actors", summary="Actors: canonical name, aliases, kind, country, how many happenings")
def actors(view: ViewDep, page: PageDep,
           q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of the name or id.")] = None,
           kind: Annotated[str | None, Query(description="person, country, organization or group.")] = None,
           ) -> Response:
    if kind and kind not in ("person", "country", "organization", "group"):
        raise bad(f"kind: {kind!r} is not one of person, country, organization, group")
    rows = sorted(view.actors.values(), key=lambda r: (-r.happenings, r.entity.name))
    if kind:
        rows = [r for r in rows if r.entity.kind == kind]
    if q:
        wanted = fold(q)
        rows = [r for r in rows if wanted in fold(r.entity.name) or wanted in fold(r.entity.id)
                or any(wanted in fold(a) for a in actor_aliases(r.entity))]
    return reply(paged(rows, page, lambda r: r.to_dict(actor_aliases(r.entity))))


@router.get("/actors/{actor_id:path}", summary="One actor, who they act on and who acts on them")
def actor(actor_id: str, view: ViewDep) -> Response:
    row = view.actors.get(actor_id)
    if row is None:
        raise bad(f"no actor with id {actor_id!r}; list them at /api/v1/actors", 404)
    mine = [e for e in view.happenings if any(x.id == actor_id for x in e.actor + e.recipient)]
    acts_on, acted_by = who_they_act_on(mine, actor_id)
    return reply({**row.to_dict(actor_aliases(row.entity)),
            "acts_on": [{"name": n, "happenings": c} for n, c in acts_on.most_common()],
            "acted_on_by": [{"name": n, "happenings": c} for n, c in acted_by.most_common()],
            "timeline": [{"id": e.id, "date": str(e.date) if e.date else None, "type": e.type, "mode": e.mode,
                          "status": e.status, "summary": e.summary} for e in mine]})


@router.get("/export", summary="The contract, streamed: events.jsonl lines or the events.csv table")
def export(view: ViewDep, chosen: FiltersDep,
           format: Annotated[str, Query(description="jsonl (the contract's events.jsonl) or csv (GDELT-like columns).")] = "jsonl",  # noqa: A002
           ) -> StreamingResponse:
    if format not in ("jsonl", "csv"):
        raise bad(f"format: {format!r} is not jsonl or csv")
    events = view.filter(**chosen.kwargs())  # type: ignore[arg-type]
    if format == "jsonl":
        def lines() -> Iterator[str]:
            for event in events:
                yield json.dumps(event.to_dict(), ensure_ascii=False) + "\n"

        return StreamingResponse(lines(), media_type="application/x-ndjson; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})
    from annales.export.csv import columns, row

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns(), restval="")
        writer.writeheader()
        for event in events:
            writer.writerow(row(event, view.docs))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/corrections", summary="Every correction, undone ones included, oldest first")
def corrections(view: ViewDep, page: PageDep) -> Response:
    return reply(paged(view.corrections, page, lambda c: c))


@router.post("/happenings/{happening_id}/corrections", status_code=201,
             summary="Correct a happening (needs --allow-edits and the X-Annales-Token header)")
def add_correction(happening_id: str, body: CorrectionRequest, request: Request,
                   user: Annotated[str, Depends(editor)]) -> Response:
    record, now = correct(catalog(request), happening_id, body, body.by or user)
    current = catalog(request).view()
    return reply({"correction": record, "happening": happening_dict(now, current) if now else None}, 201)


@router.post("/corrections/{correction_id}/undo", summary="Undo a correction (needs --allow-edits and the token)")
def undo_correction(correction_id: int, request: Request, user: Annotated[str, Depends(editor)]) -> Response:
    record, now = undo(catalog(request), correction_id, user)
    current = catalog(request).view()
    return reply({"correction": record, "happening": happening_dict(now, current) if now else None})
