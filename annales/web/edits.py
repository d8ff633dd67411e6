"""Corrections through the web app: check the request, record it, merge again, find the result.

The correction itself (what it changes, how it survives re-coding) is annales.merge.corrections;
this module turns what a form or an API client sends (names instead of entities, a happening id
instead of its mentions) into a stored correction, then re-merges the store exactly as
``annales run`` does, so what the page shows next is what every later run will give.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from annales.merge.corrections import CorrectionError, check, current_value, find, target_of
from annales.merge.select import fold
from annales.model import Event
from annales.pipeline import remerge
from annales.web.catalog import Catalog, View, actor_aliases
from annales.web.params import bad

MAX_BY = 80


class CorrectionRequest(BaseModel):
    """A correction to one happening.

    - ``{"action": "reject"}``: not an event.
    - ``{"action": "set", "field": "date", "value": "2024-06-19"}``; fields: ``type``
      (``"CONSULT/visit"``), ``actor`` and ``recipient`` (a list of actor ids or names known to the
      store, or entities ``{"id", "name", "kind", "country"}``), ``date``, ``status``.
    - ``{"action": "split", "value": ["a.txt", 120, 131, "rencontré"]}``: one mention
      ``[doc, start, trigger_start, trigger]`` (as listed in the happening's ``mentions``) becomes a
      happening of its own.
    - ``{"action": "merge", "value": "<id of the other happening>"}``.
    """

    model_config = ConfigDict(extra="forbid")
    action: Literal["reject", "set", "split", "merge"]
    field: Literal["type", "actor", "recipient", "date", "status"] | None = None
    value: Any = None
    by: str | None = Field(default=None, max_length=MAX_BY, description="Who makes it (default: the server's user).")


def _entity(view: View, item: Any) -> Any:
    """An actor id or name known to the store -> its entity; an entity dict passes through."""
    if isinstance(item, dict):
        return item
    if not isinstance(item, str) or not item.strip():
        raise bad("actor and recipient take actor ids or names (strings) or entity objects")
    wanted = fold(item)
    rows = list(view.actors.values())
    for row in rows:
        if fold(row.entity.id) == wanted or fold(row.entity.name) == wanted:
            return row.entity.to_dict()
    for row in rows:  # "Poutine" for Vladimir Putin: the names the language tables know
        if any(fold(alias) == wanted for alias in actor_aliases(row.entity)):
            return row.entity.to_dict()
    partial = [row for row in rows if wanted in fold(row.entity.name)]
    if len(partial) == 1:
        return partial[0].entity.to_dict()
    if partial:
        names = ", ".join(sorted(r.entity.name for r in partial)[:8])
        raise bad(f"actor {item!r} is ambiguous ({names}); give the id from /api/v1/actors")
    raise bad(f"unknown actor {item!r}; give an id or name from /api/v1/actors, or an entity "
              "object {\"id\", \"name\", \"kind\", \"country\"}")


def correct(catalog: Catalog, happening_id: str, request: CorrectionRequest, by: str) -> tuple[dict, Event | None]:
    """Record a correction of ``happening_id`` and re-merge; returns (the record, the happening now)."""
    view = catalog.view()
    event = view.by_id.get(happening_id)
    if event is None:
        raise bad(f"no happening with id {happening_id!r}; list them at /api/v1/happenings", 404)
    value = request.value
    before: Any = None
    if request.action == "set":
        if request.field is None:
            raise bad("field: set needs a field (type, actor, recipient, date or status)", 422)
        if request.field in ("actor", "recipient"):
            if not isinstance(value, list):
                raise bad(f"value: {request.field} takes a list of actor ids or names", 422)
            value = [_entity(view, item) for item in value]
        before = current_value(event, request.field)
    elif request.action == "merge":
        other = view.by_id.get(str(value)) if isinstance(value, str) else None
        if other is None:
            raise bad(f"value: merge takes the id of another happening; {value!r} is not one", 422)
        if other.id == event.id:
            raise bad("value: a happening cannot be merged with itself", 422)
        before = other.id
        value = target_of(other)
    elif request.action == "split":
        if len(event.mentions) < 2:
            raise bad("split: this happening has one mention; there is nothing to split", 422)
        before = event.id
        if not (isinstance(value, list) and len(value) == 4 and value in target_of(event)):
            raise bad("value: split takes one of this happening's mentions, [doc, start, trigger_start, "
                      "trigger] as listed in its 'mentions' (trigger_start -1 when unknown)", 422)
    else:
        before = {"type": event.type, "date": str(event.date) if event.date else None, "summary": event.summary}
    try:
        stored = check(request.action, request.field if request.action == "set" else None, value)
    except CorrectionError as error:
        raise bad(f"value: {error}", 422) from None
    with catalog.locked() as store:
        cid = store.add_correction(happening=event.id, target=target_of(event), action=request.action,
                                   field=request.field if request.action == "set" else None, value=stored,
                                   before=before, by=by)
        remerge(store)
        record = next(c for c in store.corrections(include_undone=True) if c["id"] == cid)
    return record, current(catalog, record)


def current(catalog: Catalog, record: dict) -> Event | None:
    """The happening a correction now applies to (None when it was rejected or its mentions are gone)."""
    view = catalog.view()
    at = find(view.happenings, record["target"])
    return view.happenings[at] if at is not None else None


def undo(catalog: Catalog, correction_id: int, by: str) -> tuple[dict, Event | None]:
    """Undo a correction and re-merge; returns (the record, the happening it pointed at now)."""
    with catalog.locked() as store:
        if not store.undo_correction(correction_id, by):
            known = {c["id"]: c for c in store.corrections(include_undone=True)}
            if correction_id in known:
                raise bad(f"correction {correction_id} was already undone", 409)
            raise bad(f"no correction {correction_id}; list them at /api/v1/corrections", 404)
        remerge(store)
        record = next(c for c in store.corrections(include_undone=True) if c["id"] == correction_id)
    return record, current(catalog, record)
