"""The JSON API: every endpoint and filter, pagination bounds, clear 4xx errors, no file-system paths."""
from __future__ import annotations

import csv
import io
import json

import pytest


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["type"] for item in response.json()["items"]]


# -- happenings --------------------------------------------------------------------------------
def test_happenings_list_the_timeline_without_hypotheticals(client):
    body = client.get("/api/v1/happenings").json()
    assert body["total"] == 5 and body["page"] == 1 and body["pages"] == 1
    assert [h["type"] for h in body["items"]] == ["ACCUSE", "AID", "PROTEST", "AGREE", "CONSULT"]
    consult = body["items"][-1]
    assert consult["sources"] == 2 and {d["doc"] for d in consult["documents"]} == {"madrid.txt", "monde/lisbonne.txt"}
    assert "corrections" not in consult  # the contract's field appears only on corrected happenings


@pytest.mark.parametrize(("query", "types"), [
    ("status=*", ["ACCUSE", "AID", "PROTEST", "AGREE", "CONSULT", "AID"]),
    ("status=hypothetical", ["AID"]),
    ("actor=ribeiro", ["CONSULT"]),
    ("actor=MAR", ["ACCUSE"]),
    ("actor=Espagne", []),  # names are canonical (English); ids and parts of names match
    ("actor=spain", ["ACCUSE", "AID", "AGREE", "CONSULT"]),
    ("country=prt", ["AID", "PROTEST", "AGREE", "CONSULT"]),
    ("type=PROTEST", ["PROTEST"]),
    ("type=consult,agree", ["AGREE", "CONSULT"]),
    ("type=CONSULT&type=ACCUSE", ["ACCUSE", "CONSULT"]),
    ("from=2025-03", ["AID", "PROTEST", "AGREE", "CONSULT"]),
    ("to=2025-02-28", ["ACCUSE"]),
    ("from=2025-03-11&to=2025-03-11", ["AID", "AGREE", "CONSULT"]),
    ("q=barrages", ["AID"]),
    ("q=tage accord", ["AGREE"]),
    ("q=LISBONNE", ["CONSULT"]),
    ("conflicts=true", ["PROTEST"]),
    ("conflicts=1&type=CONSULT", []),
])
def test_every_filter(client, query, types):
    assert _ids(client.get(f"/api/v1/happenings?{query}")) == types


def test_pagination_is_bounded(client):
    first = client.get("/api/v1/happenings?per_page=2").json()
    assert (first["total"], first["pages"], len(first["items"])) == (5, 3, 2)
    last = client.get("/api/v1/happenings?per_page=2&page=3").json()
    assert len(last["items"]) == 1
    assert client.get("/api/v1/happenings?per_page=2&page=9").json()["items"] == []
    assert client.get("/api/v1/happenings?per_page=200").status_code == 200
    for query, name in [("per_page=201", "per_page"), ("per_page=0", "per_page"), ("page=0", "page"),
                        ("page=abc", "page"), ("per_page=1e9", "per_page")]:
        response = client.get(f"/api/v1/happenings?{query}")
        assert response.status_code == 422, query
        assert response.json()["detail"].startswith(f"{name}: "), response.json()


@pytest.mark.parametrize(("query", "message"), [
    ("status=rumour", "status: 'rumour' is not one of asserted"),
    ("from=2025-13", "from: '2025-13' is not a date"),
    ("to=yesterday", "to: 'yesterday' is not a date"),
    ("from=2025-03&to=2025-01", "from (2025-03) is after to (2025-01)"),
    ("type=WAR", "type: unknown PLOVER type 'WAR'"),
    ("country=France", "country: 'FRANCE' is not an ISO 3166-1 alpha-3 code"),
    ("conflicts=perhaps", "conflicts: "),
    ("actor=" + "x" * 300, "actor: "),
])
def test_bad_parameters_get_a_clear_4xx(client, query, message):
    response = client.get(f"/api/v1/happenings?{query}")
    assert 400 <= response.status_code < 500
    assert response.json()["detail"].startswith(message), response.json()


def test_one_happening_has_mentions_sentences_offsets_and_conflicts(client):
    protest = client.get("/api/v1/happenings?type=PROTEST").json()["items"][0]
    one = client.get(f"/api/v1/happenings/{protest['id']}").json()
    assert one["id"] == protest["id"] and len(one["mentions"]) == 2
    text = {d["doc"]: d["text"] for d in (client.get(f"/api/v1/documents/{m['doc']}").json() for m in one["mentions"])}
    for mention in one["mentions"]:
        assert text[mention["doc"]][mention["start"]:mention["end"]] == mention["sentence"]
        assert text[mention["doc"]][mention["trigger_start"]:mention["trigger_end"]] == mention["trigger"]
        assert mention["key"] == [mention["doc"], mention["start"], mention["trigger_start"], mention["trigger"]]
    assert one["conflicts"] == [{"field": "number", "values": ["3 000 personnes", "2 000 personnes"],
                                 "docs": ["monde/lisbonne.txt", "porto.txt"]}] or one["conflicts"][0]["field"] == "number"
    missing = client.get("/api/v1/happenings/0000000000000000")
    assert missing.status_code == 404 and "no happening with id" in missing.json()["detail"]


# -- documents ---------------------------------------------------------------------------------
def test_documents_and_one_document_with_evidence_spans(client):
    listing = client.get("/api/v1/documents").json()
    assert [d["doc"] for d in listing["items"]] == ["madrid.txt", "monde/lisbonne.txt", "porto.txt", "rabat.txt"]
    assert {d["doc"]: d["events"] for d in listing["items"]}["monde/lisbonne.txt"] == 3
    assert [d["doc"] for d in client.get("/api/v1/documents?q=rabat").json()["items"]] == ["rabat.txt"]
    doc = client.get("/api/v1/documents/monde/lisbonne.txt").json()
    assert doc["title"] == "Visite à Lisbonne" and doc["text"].startswith("Visite à Lisbonne")
    assert len(doc["events"]) == 3
    for event in doc["events"]:
        start, end, trigger = event["trigger"]
        assert doc["text"][start:end] == trigger
        assert event["happening"] and client.get(f"/api/v1/happenings/{event['happening']}").status_code == 200
    dated = next(e for e in doc["events"] if e["type"] == "CONSULT")
    assert doc["text"][dated["date_span"][0]:dated["date_span"][1]] == "mardi"
    # the id may also come with its slash encoded
    assert client.get("/api/v1/documents/monde%2Flisbonne.txt").json()["doc"] == "monde/lisbonne.txt"


@pytest.mark.parametrize("path", [
    "/api/v1/documents/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/v1/documents/%2E%2E/%2E%2E/pyproject.toml",
    "/api/v1/documents//etc/passwd",
    "/api/v1/documents/%2Fetc%2Fpasswd",
    "/api/v1/documents/monde/../../../../etc/passwd",
    "/api/v1/documents/..%5C..%5Cwindows%5Cwin.ini",
    "/api/v1/documents/%252e%252e%252fetc%252fpasswd",
    "/documents/..%2F..%2Fetc%2Fpasswd",
    "/static/..%2Fapp.py",
    "/static/%2Fetc%2Fpasswd",
    "/actors/..%2F..%2Fetc%2Fpasswd",
])
def test_no_request_path_reaches_the_file_system(client, path, monkeypatch):
    import builtins
    import pathlib

    opened: list[str] = []
    real_open, real_read = builtins.open, pathlib.Path.read_text

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_read(self, *args, **kwargs):
        opened.append(str(self))
        return real_read(self, *args, **kwargs)

    client.get("/api/v1/happenings")  # the store is read and cached before spying
    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(pathlib.Path, "read_text", spy_read)
    response = client.get(path)
    monkeypatch.undo()
    assert response.status_code in (404, 400), (path, response.status_code)
    assert "root:" not in response.text and "[build-system]" not in response.text
    assert not [f for f in opened if "passwd" in f or "pyproject" in f or "win.ini" in f or f.endswith("app.py")]


# -- actors --------------------------------------------------------------------------------------
def test_actors_with_aliases_kind_country_and_counts(client):
    body = client.get("/api/v1/actors?per_page=200").json()
    rows = {a["id"]: a for a in body["items"]}
    assert rows["ESP"]["happenings"] == 5 and rows["ESP"]["kind"] == "country" and rows["ESP"]["country"] == "ESP"
    assert "Espagne" in rows["ESP"]["aliases"]  # from the language tables
    assert rows["org:un"]["country"] is None
    assert [a["id"] for a in client.get("/api/v1/actors?q=espagne").json()["items"]] == ["ESP"]
    assert {a["kind"] for a in client.get("/api/v1/actors?kind=person").json()["items"]} == {"person"}
    bad = client.get("/api/v1/actors?kind=robot")
    assert bad.status_code == 400 and "kind: 'robot'" in bad.json()["detail"]


def test_one_actor_and_who_they_act_on(client):
    spain = client.get("/api/v1/actors/ESP").json()
    assert {r["name"] for r in spain["acts_on"]} >= {"Ana Ribeiro", "Portugal"}
    assert spain["acted_on_by"] == [{"name": "Morocco", "happenings": 1}] or \
        {r["name"] for r in spain["acted_on_by"]} >= {"Morocco"}
    assert [t["type"] for t in spain["timeline"]][:2] == ["ACCUSE", "AID"]
    assert client.get("/api/v1/actors/person:ana-ribeiro").json()["name"] == "Ana Ribeiro"
    assert client.get("/api/v1/actors/XYZ").status_code == 404


# -- export --------------------------------------------------------------------------------------
def test_export_streams_the_contract_as_jsonl(client):
    response = client.get("/api/v1/export?format=jsonl")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 5 and {"id", "type", "actor", "recipient", "date", "mentions", "conflicts"} <= set(lines[0])
    assert len(client.get("/api/v1/export?status=*").text.splitlines()) == 6
    assert len(client.get("/api/v1/export?type=CONSULT").text.splitlines()) == 1


def test_export_streams_csv(client):
    response = client.get("/api/v1/export?format=csv&country=PRT")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and "corrections" in rows[0] and rows[0]["GLOBALEVENTID"].isdigit()
    bad = client.get("/api/v1/export?format=xml")
    assert bad.status_code == 400 and "format: 'xml' is not jsonl or csv" in bad.json()["detail"]


# -- docs and assets -----------------------------------------------------------------------------
def test_openapi_documents_every_endpoint_and_docs_need_no_cdn(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/api/v1/happenings", "/api/v1/happenings/{happening_id}", "/api/v1/documents",
            "/api/v1/documents/{doc_id}", "/api/v1/actors", "/api/v1/actors/{actor_id}", "/api/v1/export",
            "/api/v1/corrections", "/api/v1/happenings/{happening_id}/corrections",
            "/api/v1/corrections/{correction_id}/undo"} <= paths
    docs = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in docs and "https://" not in docs
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "plotly.js", "report.js", "serve.js", "errors.js"):
        assert client.get(f"/static/{asset}").status_code == 200
    assert client.get("/static/nothing.js").status_code == 404


@pytest.mark.parametrize("kwargs", [
    {}, {"actor": "spain"}, {"actor": "PRT"}, {"country": "ESP"}, {"types": ("AID",)}, {"status": "hypothetical"},
    {"status": "*"}, {"since": "2025-03-11"}, {"until": "2025-03"}, {"actor": "ribeiro", "since": "2025"},
])
def test_the_apps_filters_are_the_timelines(db, kwargs):
    """The app's indexed filter gives what annales.merge.select (the CLI's timeline) gives."""
    from annales.merge import select
    from annales.model import DateValue
    from annales.store import open_store
    from annales.web.catalog import View

    with open_store(db) as store:
        view = View(store.happenings(), store.documents(), store.mention_events(), [])
    dates = {k: DateValue.parse(v) for k, v in kwargs.items() if k in ("since", "until")}
    args = {**kwargs, **dates}
    status = args.pop("status", None)
    types = args.pop("types", ())
    expected = select(view.happenings, type=list(types) or None, status=None if status in (None, "*") else status,
                      include_hypothetical=status == "*", **args)
    assert [e.id for e in view.filter(types=types, status=status, **args)] == [e.id for e in expected]
