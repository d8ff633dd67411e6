"""The server-rendered pages: the report's timeline with filters in the URL, a happening, a document, an actor."""
from __future__ import annotations

import re

from .conftest import TOKEN


def test_timeline_page_reuses_the_report_and_keeps_filters_in_the_url(client):
    page = client.get("/?actor=spain&type=CONSULT&type=AID&from=2025-03-01")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert 'id="timeline"' in html and 'id="network"' in html and 'src="/static/report.js"' in html
    assert "https://" not in html.replace("https://example", "")  # nothing from a CDN
    cards = re.findall(r'<article class="card" id="card-(\w+)" data-id="\w+" data-type="(\w+)"', html)
    assert sorted(t for _, t in cards) == ["AID", "CONSULT"]
    assert 'name="actor" type="search" value="spain"' in html and 'value="2025-03-01"' in html
    assert re.search(r'value="CONSULT" checked', html) and not re.search(r'value="PROTEST" checked', html)
    assert all(f'href="/happenings/{i}"' in html for i, _ in cards)


def test_timeline_page_answers_bad_filters_with_a_page(client):
    page = client.get("/?from=never")
    assert page.status_code == 400 and "is not a date" in page.text and "<html" in page.text


def test_happening_page(client):
    consult = client.get("/api/v1/happenings?type=CONSULT").json()["items"][0]
    html = client.get(f"/happenings/{consult['id']}").text
    assert '<mark class="trigger" title="trigger">a reçu</mark>' in html
    assert 'href="/documents/madrid.txt#s' in html and 'href="/documents/monde%2Flisbonne.txt#s' in html
    assert 'href="/actors/person%3Aana-ribeiro"' in html
    assert "Read-only" in html and "edit-date" not in html
    protest = client.get("/api/v1/happenings?type=PROTEST").json()["items"][0]
    assert "sources disagree on number" in client.get(f"/happenings/{protest['id']}").text
    missing = client.get("/happenings/0000000000000000")
    assert missing.status_code == 404 and "no happening" in missing.text


def test_happening_page_with_edits_has_forms(editor):
    consult = editor.get("/api/v1/happenings?type=CONSULT").json()["items"][0]
    html = editor.get(f"/happenings/{consult['id']}").text
    for control in ("edit-date", "edit-type", "edit-status", "edit-actor", "edit-recipient", "edit-merge",
                    "edit-reject", 'data-action="split"', "token-form"):
        assert control in html
    assert TOKEN not in html  # the token never appears in a page


def test_corrected_happening_page_and_old_links(editor):
    consult = editor.get("/api/v1/happenings?type=CONSULT").json()["items"][0]
    made = editor.post(f"/api/v1/happenings/{consult['id']}/corrections",
                       json={"action": "set", "field": "date", "value": "2025-03-12"}).json()
    new_id = made["happening"]["id"]
    html = editor.get(f"/happenings/{new_id}").text
    assert 'data-date="2025-03-12"' in html and 'class="badge corrected"' in html
    assert "date 2025-03-11 → 2025-03-12 (by tester" in html and f'data-undo="{made["correction"]["id"]}"' in html
    old = editor.get(f"/happenings/{consult['id']}", follow_redirects=False)
    assert old.status_code == 303 and old.headers["location"] == f"/happenings/{new_id}"
    assert "corrected" in editor.get("/").text and "2025-03-12" in editor.get("/corrections").text


def test_document_page_highlights_every_event(client):
    html = client.get("/documents/monde%2Flisbonne.txt").text
    marks = re.findall(r'<mark class="event" id="s(\d+)" title="([^"]+)"', html)
    assert len(marks) == 3
    assert any(title.startswith("CONSULT/visit · 2025-03-11") for _, title in marks)
    assert html.count('<mark class="trigger">') == 3 and 'lang="fr"' in html
    assert client.get("/documents/monde/lisbonne.txt").status_code == 200
    assert client.get("/documents/nowhere.txt").status_code == 404
    listing = client.get("/documents").text
    assert 'href="/documents/monde%2Flisbonne.txt"' in listing


def test_actor_page_and_list(client):
    html = client.get("/actors/ESP").text
    assert "Acts on" in html and "Ana Ribeiro" in html and "Acted on by" in html and "Morocco" in html
    assert 'id="timeline"' in html and 'action="/actors/ESP"' in html
    assert len(re.findall(r'<article class="card"', html)) == 4
    assert 'href="/actors/ESP"' in client.get("/actors").text
    assert client.get("/actors/ZZZ").status_code == 404


def test_pages_are_keyboard_reachable(client):
    html = client.get("/").text
    assert 'class="skip" href="#main"' in html and 'id="main" tabindex="-1"' in html
    assert '<button id="f-apply" type="submit">' in html  # Enter in any filter submits the form
    assert "onclick" not in html  # every control is a link, a button or a native input
