"""report.html: one self-contained file with the data, the charts' code and a card per happening."""
from __future__ import annotations

import json
import re

import pytest

from annales.export import html as report
from annales.model import DateValue, Entity, Event, Evidence


@pytest.fixture(scope="module")
def page(happenings, documents, tmp_path_factory):
    [path] = report.write(happenings, documents, tmp_path_factory.mktemp("report"))
    assert path.name == "report.html"
    return path.read_text(encoding="utf-8")


def _data(page):
    block = re.search(r'<script type="application/json" id="annales-data">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_self_contained(page):
    assert "plotly.js (basic - minified) v" in page  # the library itself is inlined: its partial bundle
    assert len(page.encode("utf-8")) < 1_500_000  # the full plotly.js alone was 4.8 MB
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    assert "cdn." not in page.split("<script>\n/**")[0]  # nothing before the bundled library points at a CDN
    assert "{{" not in page.split("<script>\n/**")[0]  # every template marker was filled


def test_data_and_cards_match_the_happenings(page, happenings):
    data = _data(page)
    assert [e["id"] for e in data["events"]] == [e.id for e in happenings]
    assert data["types"][0] in {"RETREAT", "CONSULT"} and data["types"][-1] == "ASSAULT"  # cooperation first
    assert page.count('<article class="card"') == len(happenings)
    strike = next(e for e in data["events"] if e["type"] == "ASSAULT")
    assert strike["conflicts"] == 1 and strike["sources"] == 2 and strike["start"] == "2024-02-16"
    assert strike["actors"] == ["Russie"] and strike["recipients"] == ["Ukraine"]
    assert "zelensky" in next(e for e in data["events"] if e["type"] == "CONSULT")["search"]


def test_cards_highlight_trigger_and_date_and_flag_conflicts(page):
    assert '<mark class="trigger" title="trigger">ont frappé</mark>' in page
    assert '>dans la nuit de jeudi à vendredi</mark>' in page
    assert "⚠ sources disagree on number: deux blessés (berlin.txt) / trois blessés (kharkiv.txt)" in page
    assert '<a href="https://example.org/berlin">Zelensky à Berlin</a>' in page
    for label in ("Actor", "From", "To", "Status", "Types"):
        assert f">{label}" in page or f"{label} <" in page


def test_text_from_articles_cannot_break_the_page(documents):
    hostile = 'Le groupe « </script><script>alert(1)</script> » a revendiqué l\'attaque.'
    evidence = Evidence("x.txt", hostile, 0, len(hostile), "a revendiqué")
    event = Event("ASSAULT", (evidence,), actor=(Entity("G", "</script>", "group", "MLI"),),
                  date=DateValue.day(2024, 3, 1), summary=hostile)
    page = report.render([event], documents)
    assert "<script>alert(1)" not in page
    data = _data(page)  # the JSON block is still whole and parses
    assert data["events"][0]["actors"] == ["</script>"]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in data["events"][0]["hover"]


def test_score_colours_run_from_red_to_green():
    assert report.score_colour(-10) == "#b2182b" and report.score_colour(10) == "#1a7f4b"
    assert report.score_colour(0) == "#b8b8b8"


def test_the_actor_filter_knows_french_names_and_spellings():
    """The page's search text holds every name the actor dictionary knows for each participant."""
    def visit(actor, recipient):
        sentence = "Une visite a eu lieu."
        return Event("CONSULT", (Evidence("a.txt", sentence, 0, len(sentence), "visite"),), actor=(actor,),
                     recipient=(recipient,), date=DateValue.day(2024, 6, 19))

    putin = Entity("person:vladimir-putin", "Vladimir Putin", "person", "RUS")
    shoigu = Entity("person:sergei-shoigu", "Sergei Shoigu", "person", "RUS")
    prk = Entity("PRK", "North Korea", "country", "PRK")
    page = report.render([visit(putin, prk), visit(shoigu, Entity("USA", "United States", "country", "USA"))], [])
    first, second = (e["search"] for e in _data(page)["events"])
    assert "poutine" in first and "coree du nord" in first and "choigou" not in first
    assert "choigou" in second and "etats unis" in second
    assert _data(page)["events"][0]["kinds"] == {"Vladimir Putin": "person", "North Korea": "country"}
    assert report.search_form("Corée-du-Nord") == "coree du nord"  # as the script folds what is typed
