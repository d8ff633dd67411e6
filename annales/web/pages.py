"""Server-rendered pages: the timeline, a happening, a document, an actor, the corrections.

The timeline page is the HTML report's (annales.export.html): the same cards, chart and network
drawn by the same report.js, fed with the store's happenings filtered on the server from the
query string (so a view is a link). Every asset is served by the app itself (plotly.js from the
installed package): the pages work without a CDN or any network. Everything is reachable with the
keyboard: links, a form with a submit button, native controls.
"""
from __future__ import annotations

import html
import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from annales import __version__
from annales.export.html import card_html, fill, record_of, score_colour, template_text, type_order
from annales.export.timeline import date_label, kind_label, who_label
from annales.merge.corrections import correction_label, mention_key, plover_types
from annales.model import STATUSES, Event
from annales.web.api import FiltersDep, ViewDep
from annales.web.catalog import View, actor_aliases, who_they_act_on
from annales.web.params import Filters, bad
from annales.web.static import template

router = APIRouter(include_in_schema=False)
CARDS_PER_PAGE = 60



def _page(request: Request, title: str, body: str, lang: str = "fr") -> HTMLResponse:
    """The layout around ``body``; a page with the timeline's chart is marked drawn by report.js."""
    config = request.app.state.config
    mode = "edits on (token needed)" if config.allow_edits else "read-only"
    return HTMLResponse(fill(template("layout.html"), {
        "lang": lang, "version": html.escape(__version__), "title": html.escape(title), "body": body,
        "edits": "1" if config.allow_edits else "0", "mode": mode,
        "drawn": "pending" if 'id="timeline"' in body else "none"}))


def _link(event: Event) -> str:
    return f"/happenings/{quote(event.id)}"


def _doc_link(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def _actor_link(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def card(event: Event, view: View, link: bool = True) -> str:
    """The report's card, with a link to the happening's page."""
    if not link:
        return card_html(event, view.docs)
    opener = f'<a class="open" href="{_link(event)}">open</a>'
    return card_html(event, view.docs).replace("</header>", opener + "</header>", 1)


def timeline_body(request: Request, view: View, events: list[Event], chosen: Filters, page: int, *,
                  title: str, action: str, extra: str = "") -> str:
    every = [e for e in view.happenings]
    types = type_order(every) or plover_types()
    records = [record_of(e, types.index(e.type)) for e in events]
    data = json.dumps({"events": records, "types": types, "colorscale": _colorscale()}, ensure_ascii=False)
    wanted = set(chosen.types)
    mean = {t: sum(e.score for e in every if e.type == t) / max(1, sum(e.type == t for e in every)) for t in types}
    boxes = "".join(
        f'<label><input type="checkbox" name="type" value="{t}"{"" if wanted and t not in wanted else " checked"}>'
        f'<span class="swatch" style="background:{score_colour(mean[t])}"></span>{t}</label>' for t in types)
    options = "".join(f'<option value="{s}"{" selected" if chosen.status == s else ""}>only {s}</option>'
                      for s in STATUSES)
    pages = max(1, -(-len(events) // CARDS_PER_PAGE))
    page = min(page, pages)
    shown = events[(page - 1) * CARDS_PER_PAGE: page * CARDS_PER_PAGE]
    pager = ""
    if pages > 1:
        links = []
        if page > 1:
            links.append(f'<a href="{action}?{chosen.query(page=page - 1)}" rel="prev">← previous</a>')
        links.append(f"<span>cards {page} of {pages}</span>")
        if page < pages:
            links.append(f'<a href="{action}?{chosen.query(page=page + 1)}" rel="next">next →</a>')
        pager = f'<nav class="pager" aria-label="Pages">{"".join(links)}</nav>'
    conflicted = sum(1 for e in events if e.conflicts)
    corrected = sum(1 for e in events if e.corrections)
    lede = (f"{len(events)} of {len(view.happenings)} happenings from {len(view.documents)} documents; "
            f"{conflicted} where sources disagree, {corrected} corrected.")
    raw = chosen.raw
    return fill(template("timeline.html"), {
        "title": html.escape(title), "lede": html.escape(lede), "action": action,
        "actor": html.escape(raw.get("actor", "")), "q": html.escape(raw.get("q", "")),
        "country": html.escape(raw.get("country", "")), "from": html.escape(_day(chosen, "since")),
        "to": html.escape(_day(chosen, "until")), "all_selected": " selected" if chosen.status == "*" else "",
        "status_options": options, "conflicts_checked": " checked" if chosen.conflicts else "",
        "type_boxes": boxes, "extra": extra, "charts": template_text("charts.html"),
        "shown": html.escape(f"{len(shown)} cards of {len(events)}" if pages > 1 else ""),
        "cards": "\n".join(card(e, view) for e in shown), "pager": pager,
        "data": data.replace("</", "<\\/")})


def _colorscale() -> list:
    from annales.export.html import COLORSCALE

    return COLORSCALE


def _day(chosen: Filters, which: str) -> str:
    value = getattr(chosen, which)
    if value is None:
        return ""
    return (value.start if which == "since" else value.end).isoformat()


@router.get("/", response_class=HTMLResponse)
def timeline(request: Request, view: ViewDep, chosen: FiltersDep,
             page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    events = view.filter(**chosen.kwargs())  # type: ignore[arg-type]
    body = timeline_body(request, view, events, chosen, page, title="Timeline", action="/")
    return _page(request, "Timeline", body)


# -- one happening ---------------------------------------------------------------------------------
def _edit_forms(request: Request, event: Event) -> str:
    if not request.app.state.config.allow_edits:
        return ('<p class="readonly">Read-only. Start the server with <code>annales serve --allow-edits</code> '
                "to correct this happening.</p>")
    url = f"/api/v1/happenings/{quote(event.id)}/corrections"
    types = "".join(f'<option value="{t}"{" selected" if t == event.type else ""}>{t}</option>' for t in plover_types())
    statuses = "".join(f'<option{" selected" if s == event.status else ""}>{s}</option>' for s in STATUSES)

    def form(field: str, label: str, control: str) -> str:
        return (f'<form data-correct="{url}" data-action="set" data-field="{field}">'
                f"<label>{label} {control}</label><button type=\"submit\">Save {field}</button></form>")

    actors = html.escape("; ".join(e.name for e in event.actor))
    recipients = html.escape("; ".join(e.name for e in event.recipient))
    return (
        '<form id="token-form"><label>Edit token (printed by <code>annales serve</code>) '
        '<input id="token" type="password" autocomplete="off" size="28"></label>'
        '<button type="submit">Keep token</button></form>'
        + form("date", "Date (YYYY, YYYY-MM, YYYY-MM-DD or START/END)",
               f'<input name="value" id="edit-date" value="{html.escape(str(event.date or ""))}" required>')
        + form("type", "Type (mode: TYPE/mode)",
               f'<input name="value" id="edit-type" list="plover-types" value="{html.escape(kind_label(event))}" required>'
               f'<datalist id="plover-types">{types}</datalist>')
        + form("status", "Status", f'<select name="value" id="edit-status">{statuses}</select>')
        + form("actor", "Actor (ids or names, separated by ;)", f'<input name="value" id="edit-actor" value="{actors}" size="40">')
        + form("recipient", "Recipient (ids or names, separated by ;)",
               f'<input name="value" id="edit-recipient" value="{recipients}" size="40">')
        + f'<form data-correct="{url}" data-action="merge"><label>Merge with happening (id) '
          '<input name="value" id="edit-merge" size="20" required></label><button type="submit">Merge</button></form>'
        + f'<form data-correct="{url}" data-action="reject" data-confirm="Mark this happening as not an event?">'
          '<button type="submit" class="danger" id="edit-reject">Not an event</button></form>'
    )


def _corrections_table(request: Request, corrections: list[dict[str, Any]], with_target: bool = False) -> str:
    if not corrections:
        return "<p>No corrections.</p>"
    edits = request.app.state.config.allow_edits
    rows = []
    for c in corrections:
        undone = bool(c.get("undone_at"))
        action = ("" if undone or not edits else
                  f'<button type="button" class="undo" data-undo="{c["id"]}" id="undo-{c["id"]}">Undo</button>')
        state = f"undone by {html.escape(str(c.get('undone_by')))}, {html.escape(str(c['undone_at']))}" if undone else action
        target = f'<td><a href="/happenings/{quote(c["happening"])}">{html.escape(c["happening"])}</a></td>' if with_target else ""
        rows.append(f'<tr class="{"undone" if undone else "active"}"><td>{c["id"]}</td>{target}'
                    f"<td>{html.escape(correction_label(c))}</td><td>{state}</td></tr>")
    head = "<th>happening (when corrected)</th>" if with_target else ""
    return (f'<table class="list"><thead><tr><th>#</th>{head}<th>correction</th><th></th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


@router.get("/happenings/{happening_id}", response_class=HTMLResponse)
def happening(happening_id: str, request: Request, view: ViewDep) -> HTMLResponse:
    event = view.by_id.get(happening_id)
    if event is None:
        # an id from before a correction or a re-merge: send the reader to where its reports are now
        for record in reversed(view.corrections):
            if record["happening"] == happening_id or record.get("before") == happening_id:
                from annales.merge.corrections import find

                at = find(view.happenings, record["target"])
                if at is not None and view.happenings[at].id != happening_id:
                    from fastapi.responses import RedirectResponse

                    return RedirectResponse(_link(view.happenings[at]), status_code=303)  # type: ignore[return-value]
                body = (f'<div class="page"><h1>Happening {html.escape(happening_id)}</h1>'
                        "<p>This happening is no longer on the timeline:</p>"
                        f"{_corrections_table(request, [r for r in view.corrections if r['happening'] == happening_id])}"
                        '<p class="message" id="edit-message" role="status"></p></div>')
                return _page(request, "Happening", body)
        raise bad(f"no happening with id {happening_id!r}; find it on the timeline at /", 404)
    mentions = []
    edits = request.app.state.config.allow_edits
    url = f"/api/v1/happenings/{quote(event.id)}/corrections"
    for m in event.mentions:
        key = list(mention_key(m))
        split = ""
        if edits and len(event.mentions) > 1:
            split = (f'<form data-correct="{url}" data-action="split" data-value="{html.escape(json.dumps(key))}">'
                     '<button type="submit">Split out</button></form>')
        doc = f'<a href="{_doc_link(m.doc)}#s{m.start}">{html.escape(m.doc)}</a>'
        mentions.append(f"<tr><td>{doc}</td><td>{m.start}–{m.end}</td><td>{html.escape(m.trigger)}"
                        f" ({m.trigger_start}–{m.trigger_end})</td><td>{html.escape(m.date_text or '')}"
                        f"{f' ({m.date_start}–{m.date_end})' if m.date_text else ''}</td><td>{split}</td></tr>")
    table = ('<table class="list mentions"><thead><tr><th>document</th><th>sentence</th><th>trigger</th>'
             f"<th>date expression</th><th></th></tr></thead><tbody>{''.join(mentions)}</tbody></table>")
    people = "".join(f'<li><a href="{_actor_link(e.id)}">{html.escape(e.name)}</a> '
                     f"<small>({html.escape(e.kind)}{', ' + e.country if e.country else ''})</small></li>"
                     for e in {x.id: x for x in event.actor + event.recipient}.values())
    corrected = '<span class="badge corrected">corrected</span>' if event.corrections else ""
    notes = [c for c in view.corrections if c["id"] in {n["id"] for n in event.corrections}]
    body = (f'<div class="page" id="main" tabindex="-1" data-happening="{event.id}" '
            f'data-date="{html.escape(date_label(event))}" data-corrected="{len(event.corrections)}">'
            f"<h1>{html.escape(date_label(event))} · {html.escape(kind_label(event))} {corrected}</h1>"
            f"<p>{html.escape(who_label(event))}</p>{card(event, view, link=False)}"
            f"<h2>Actors</h2><ul>{people or '<li>none</li>'}</ul>"
            f"<h2>Mentions</h2>{table}"
            f"<h2>Corrections</h2>{_corrections_table(request, notes)}"
            f'<h2>Correct</h2><div class="edit">{_edit_forms(request, event)}'
            '<p class="message" id="edit-message" role="status" aria-live="polite"></p></div>'
            f'<p><a href="/api/v1/happenings/{quote(event.id)}">this happening as JSON</a></p></div>')
    return _page(request, f"{date_label(event)} {kind_label(event)}", body)


# -- documents -------------------------------------------------------------------------------------
@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, view: ViewDep) -> HTMLResponse:
    counts: dict[str, int] = {}
    for event in view.mention_events:
        for doc in event.docs:
            counts[doc] = counts.get(doc, 0) + 1
    rows = "".join(
        f'<tr><td><a href="{_doc_link(d.id)}">{html.escape(d.id)}</a></td><td>{html.escape(d.title or "")}</td>'
        f"<td>{html.escape(str(d.published or ''))}</td><td>{html.escape(d.source or '')}</td>"
        f"<td>{counts.get(d.id, 0)}</td></tr>" for d in view.documents)
    body = (f'<div class="page" id="main" tabindex="-1"><h1>Documents</h1><table class="list"><thead><tr><th>id</th>'
            f"<th>title</th><th>published</th><th>source</th><th>events</th></tr></thead><tbody>{rows}</tbody></table></div>")
    return _page(request, "Documents", body)


def highlighted(text: str, spans: list[tuple[int, int, str, str, str]]) -> str:
    """The text with each event sentence marked (title: type and date) and its trigger inside it."""
    out, cursor = [], 0
    for start, end, title, link, trigger in sorted(spans):
        if start < cursor or end > len(text):
            continue
        out.append(html.escape(text[cursor:start]))
        sentence = text[start:end]
        inner = html.escape(sentence)
        at = sentence.find(trigger) if trigger else -1
        if at >= 0:
            inner = (html.escape(sentence[:at]) + f'<mark class="trigger">{html.escape(trigger)}</mark>'
                     + html.escape(sentence[at + len(trigger):]))
        out.append(f'<a href="{link}" class="event-link"><mark class="event" id="s{start}" title="{html.escape(title)}" '
                   f'tabindex="-1">{inner}</mark></a>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(doc_id: str, request: Request, view: ViewDep) -> HTMLResponse:
    found = view.docs.get(doc_id)  # a key in the database, never a path on disk
    if found is None:
        raise bad(f"no document with id {doc_id!r}; list them at /documents", 404)
    by_sentence: dict[tuple[int, int], list[tuple[Event, Any]]] = {}
    for event in view.document_events(doc_id):
        for mention in event.mentions:
            if mention.doc == doc_id:
                by_sentence.setdefault((mention.start, mention.end), []).append((event, mention))
    spans = []
    for (start, end), items in by_sentence.items():
        title = "; ".join(f"{kind_label(e)} · {date_label(e)} · {e.status}" for e, _ in items)
        home = view.home.get(mention_key(items[0][1]))
        link = f"/happenings/{quote(home)}" if home else "#"
        spans.append((start, end, title, link, items[0][1].trigger))
    meta = [str(found.published or "date unknown"), found.source or "", found.url or ""]
    body = (f'<div class="page" id="main" tabindex="-1"><h1>{html.escape(found.title or found.id)}</h1>'
            f"<p>{html.escape(found.id)} · {html.escape(' · '.join(m for m in meta if m))} · "
            f"{sum(len(v) for v in by_sentence.values())} events coded; hover a highlighted sentence for its type "
            "and date, follow it to its happening.</p>"
            f'<div class="doctext" lang="{html.escape(found.language)}">{highlighted(found.text, spans)}</div></div>')
    return _page(request, found.title or found.id, body, lang=found.language)


# -- actors ----------------------------------------------------------------------------------------
@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, view: ViewDep) -> HTMLResponse:
    rows = "".join(
        f'<tr><td><a href="{_actor_link(r.entity.id)}">{html.escape(r.entity.name)}</a></td>'
        f"<td>{html.escape(r.entity.kind)}</td><td>{html.escape(r.entity.country or '')}</td>"
        f"<td>{html.escape(', '.join(actor_aliases(r.entity)[:6]))}</td><td>{r.happenings}</td></tr>"
        for r in sorted(view.actors.values(), key=lambda r: (-r.happenings, r.entity.name)))
    body = (f'<div class="page" id="main" tabindex="-1"><h1>Actors</h1><table class="list"><thead><tr><th>name</th>'
            f"<th>kind</th><th>country</th><th>also called</th><th>happenings</th></tr></thead><tbody>{rows}</tbody></table></div>")
    return _page(request, "Actors", body)


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(actor_id: str, request: Request, view: ViewDep, chosen: FiltersDep,
          page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> HTMLResponse:
    row = view.actors.get(actor_id)
    if row is None:
        raise bad(f"no actor with id {actor_id!r}; list them at /actors", 404)
    mine = [e for e in view.filter(**chosen.kwargs())  # type: ignore[arg-type]
            if any(x.id == actor_id for x in e.actor + e.recipient)]
    acts_on, acted_by = who_they_act_on(mine, actor_id)

    def listing(counter) -> str:
        return "".join(f"<li>{html.escape(n)} <small>({c})</small></li>" for n, c in counter.most_common(15)) or "<li>nobody</li>"

    entity = row.entity
    extra = (f'<section class="panel"><h2>{html.escape(entity.name)} <small>{html.escape(entity.kind)}'
             f"{', ' + entity.country if entity.country else ''}; also called "
             f"{html.escape(', '.join(actor_aliases(entity)[:8]) or '—')}</small></h2>"
             f'<div class="two"><div><h3>Acts on</h3><ul>{listing(acts_on)}</ul></div>'
             f"<div><h3>Acted on by</h3><ul>{listing(acted_by)}</ul></div></div></section>")
    body = timeline_body(request, view, mine, chosen, page, title=entity.name, action=_actor_link(actor_id),
                         extra=extra)
    return _page(request, entity.name, body)


@router.get("/corrections", response_class=HTMLResponse)
def corrections(request: Request, view: ViewDep) -> HTMLResponse:
    body = (f'<div class="page" id="main" tabindex="-1"><h1>Corrections</h1>'
            f"<p>Each correction is kept (who, when, what, the value before) and applied after every merge; "
            f"undoing one keeps its record.</p>{_corrections_table(request, view.corrections, with_target=True)}"
            '<p class="message" id="edit-message" role="status" aria-live="polite"></p></div>')
    return _page(request, "Corrections", body)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """A page-shaped error for the pages (the API answers JSON)."""
    body = (f'<div class="page" id="main" tabindex="-1"><h1>{status}</h1><p class="message error">{html.escape(message)}</p>'
            '<p><a href="/">Back to the timeline</a></p></div>')
    response = _page(request, f"Error {status}", body)
    response.status_code = status
    return response
