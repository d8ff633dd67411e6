"""Corrections through the API: refused without --allow-edits or the token, bounded, undoable, kept."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from annales.pipeline import remerge
from annales.store import open_store

from .conftest import TOKEN, documents, reports


def _one(client, kind: str) -> dict:
    return client.get(f"/api/v1/happenings?type={kind}").json()["items"][0]


def _post(client, happening: str, body: dict, **kwargs):
    return client.post(f"/api/v1/happenings/{happening}/corrections", json=body, **kwargs)


def test_edits_are_refused_on_a_read_only_server(client, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    consult = _one(client, "CONSULT")
    response = _post(client, consult["id"], {"action": "reject"}, headers={"X-Annales-Token": TOKEN})
    assert response.status_code == 403 and "--allow-edits" in response.json()["detail"]
    assert client.post("/api/v1/corrections/1/undo").status_code == 403
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_the_database_is_opened_read_only_when_edits_are_off(client):
    store = client.app.state.catalog.store
    assert store.read_only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM happenings")


@pytest.mark.parametrize("headers", [{}, {"X-Annales-Token": "wrong"}, {"X-Annales-Token": ""},
                                     {"Authorization": f"Bearer {TOKEN}"}])
def test_edits_need_the_token_in_the_header(editor, headers):
    consult = _one(editor, "CONSULT")
    editor.headers.pop("X-Annales-Token")
    response = _post(editor, consult["id"], {"action": "set", "field": "date", "value": "2025-03-12"}, headers=headers)
    assert response.status_code == 401 and "X-Annales-Token" in response.json()["detail"]
    assert editor.get("/api/v1/corrections").json()["total"] == 0


def test_oversized_bodies_are_refused(editor):
    consult = _one(editor, "CONSULT")
    big = {"action": "set", "field": "status", "value": "asserted", "by": "x" * 20_000}
    response = _post(editor, consult["id"], big)
    assert response.status_code == 413 and "at most" in response.json()["detail"]

    def chunks():  # no Content-Length: the body is counted as it arrives
        for _ in range(40):
            yield b"x" * 1024

    streamed = editor.post(f"/api/v1/happenings/{consult['id']}/corrections", content=chunks(),
                           headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize(("body", "status", "message"), [
    ({"action": "destroy"}, 422, "action: "),
    ({"action": "set", "field": "colour", "value": "red"}, 422, "field: "),
    ({"action": "set", "value": "2025"}, 422, "field: set needs a field"),
    ({"action": "set", "field": "date", "value": "mardi"}, 422, "value: 'mardi' is not a date"),
    ({"action": "set", "field": "type", "value": "WAR"}, 422, "value: unknown PLOVER type 'WAR'"),
    ({"action": "set", "field": "type", "value": "CONSULT/dance"}, 422, "value: 'dance' is not a mode of CONSULT"),
    ({"action": "set", "field": "status", "value": "rumour"}, 422, "value: status must be one of"),
    ({"action": "set", "field": "actor", "value": "Spain"}, 422, "value: actor takes a list"),
    ({"action": "set", "field": "actor", "value": ["Atlantis"]}, 400, "unknown actor 'Atlantis'"),
    ({"action": "merge", "value": "0000000000000000"}, 422, "value: merge takes the id of another happening"),
    ({"action": "split", "value": ["x.txt", 0, 0, "a"]}, 422, "value: split takes one of this happening's mentions"),
    ({"action": "reject", "extra": 1}, 422, "extra: "),
])
def test_bad_corrections_get_a_clear_message(editor, body, status, message):
    consult = _one(editor, "CONSULT")
    response = _post(editor, consult["id"], body)
    assert response.status_code == status, response.text
    assert response.json()["detail"].startswith(message), response.json()


def test_unknown_happening_and_unsplittable(editor):
    assert _post(editor, "0000000000000000", {"action": "reject"}).status_code == 404
    accuse = _one(editor, "ACCUSE")
    response = _post(editor, accuse["id"], {"action": "split", "value": [accuse["mentions"][0]["doc"], 0, 0, "x"]})
    assert response.status_code == 422 and "one mention" in response.json()["detail"]
    merge_self = _post(editor, accuse["id"], {"action": "merge", "value": accuse["id"]})
    assert merge_self.status_code == 422 and "itself" in merge_self.json()["detail"]


def test_correct_a_date_then_undo_it(editor, db):
    consult = _one(editor, "CONSULT")
    response = _post(editor, consult["id"], {"action": "set", "field": "date", "value": "2025-03-12"})
    assert response.status_code == 201, response.text
    record, now = response.json()["correction"], response.json()["happening"]
    assert (record["action"], record["field"], record["value"], record["before"], record["by"]) == (
        "set", "date", "2025-03-12", "2025-03-11", "tester")
    assert record["at"] and record["undone_at"] is None
    assert now["date"]["start"] == "2025-03-12" and now["id"] != consult["id"]
    assert now["corrections"] == [{"id": record["id"], "action": "set", "field": "date", "value": "2025-03-12",
                                   "before": "2025-03-11", "by": "tester", "at": record["at"]}]
    # every output shows it: the API, the export, and a later run's merge
    assert _one(editor, "CONSULT")["corrections"][0]["value"] == "2025-03-12"
    exported = [line for line in editor.get("/api/v1/export").text.splitlines() if '"corrections"' in line]
    assert len(exported) == 1
    with open_store(db) as store:  # what `annales run` does after adding articles
        remerge(store)
        assert next(h for h in store.happenings() if h.type == "CONSULT").date.start.isoformat() == "2025-03-12"
    undone = editor.post(f"/api/v1/corrections/{record['id']}/undo")
    assert undone.status_code == 200
    assert undone.json()["correction"]["undone_by"] == "tester"
    assert undone.json()["happening"]["date"]["start"] == "2025-03-11" and "corrections" not in undone.json()["happening"]
    assert editor.post(f"/api/v1/corrections/{record['id']}/undo").status_code == 409
    assert editor.post("/api/v1/corrections/999/undo").status_code == 404
    listing = editor.get("/api/v1/corrections").json()
    assert listing["total"] == 1 and listing["items"][0]["undone_at"]


def test_every_kind_of_correction(editor):
    consult = _one(editor, "CONSULT")
    agree = _one(editor, "AGREE")
    # change type, actor and recipient, status
    r = _post(editor, agree["id"], {"action": "set", "field": "type", "value": "COOPERATE"})
    assert r.json()["happening"]["type"] == "COOPERATE" and r.json()["happening"]["score"] == 9.5
    agree = r.json()["happening"]
    r = _post(editor, agree["id"], {"action": "set", "field": "actor", "value": ["Portugal"]})
    assert [e["id"] for e in r.json()["happening"]["actor"]] == ["PRT"]
    r = _post(editor, r.json()["happening"]["id"], {"action": "set", "field": "recipient", "value": ["Espagne"]})
    assert [e["id"] for e in r.json()["happening"]["recipient"]] == ["ESP"]  # an alias from the language tables
    r = _post(editor, r.json()["happening"]["id"], {"action": "set", "field": "status", "value": "planned"})
    assert r.json()["happening"]["status"] == "planned" and len(r.json()["happening"]["corrections"]) == 4
    # split a mention out of the merged visit, then merge it back
    mention = consult["mentions"][0]
    key = [mention["doc"], mention["start"], mention["trigger_start"], mention["trigger"]]
    r = _post(editor, consult["id"], {"action": "split", "value": key})
    assert r.status_code == 201 and len(r.json()["happening"]["mentions"]) == 1
    visits = editor.get("/api/v1/happenings?type=CONSULT").json()["items"]
    assert len(visits) == 2 and all(len(v["mentions"]) == 1 for v in visits)
    r = _post(editor, visits[0]["id"], {"action": "merge", "value": visits[1]["id"]})
    assert r.status_code == 201 and len(r.json()["happening"]["mentions"]) == 2
    assert len(editor.get("/api/v1/happenings?type=CONSULT").json()["items"]) == 1
    # not an event: gone from the timeline and the export, back when undone
    accuse = _one(editor, "ACCUSE")
    r = _post(editor, accuse["id"], {"action": "reject"})
    assert r.status_code == 201 and r.json()["happening"] is None
    assert editor.get("/api/v1/happenings?type=ACCUSE").json()["total"] == 0
    assert editor.get("/api/v1/happenings/" + accuse["id"]).status_code == 404
    r = editor.post(f"/api/v1/corrections/{r.json()['correction']['id']}/undo")
    assert r.json()["happening"]["id"] == accuse["id"]


def test_corrections_survive_a_new_article_and_a_full_re_merge(editor, db):
    consult = _one(editor, "CONSULT")
    _post(editor, consult["id"], {"action": "set", "field": "date", "value": "2025-03-12"})
    accuse = _one(editor, "ACCUSE")
    _post(editor, accuse["id"], {"action": "reject"})
    # another article about the same visit arrives: the happening grows, the correction stays
    from annales.model import DateValue, Document, Event, Evidence

    text = "Visite\n\nLe chef de la diplomatie espagnole a été reçu mardi à Lisbonne."
    sentence = text.split("\n\n")[1]
    report = Event(type="CONSULT", mode="visit", actor=reports()["madrid.txt"][0].actor,
                   recipient=reports()["madrid.txt"][0].recipient, date=DateValue.day(2025, 3, 11, "mardi"),
                   location=reports()["madrid.txt"][0].location, score=4.0,
                   mentions=(Evidence("vigo.txt", sentence, 8, 8 + len(sentence), "a été reçu",
                                      DateValue.day(2025, 3, 12), 50, 60, "mardi", 61, 66),))
    with open_store(db) as store:
        store.add_batch([(Document("vigo.txt", text, "Visite", published=DateValue.day(2025, 3, 12)), [report])], [])
        remerge(store)
    now = _one(editor, "CONSULT")
    assert len(now["mentions"]) == 3 and now["date"]["start"] == "2025-03-12" and now["corrections"]
    assert editor.get("/api/v1/happenings?type=ACCUSE").json()["total"] == 0
    assert len(documents()) == 4  # the fixture's own articles were not touched
