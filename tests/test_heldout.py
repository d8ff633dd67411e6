"""The held-out corpus (tests/fixtures/heldout): 24 French articles written by the project on stories that
are neither in the seeds nor in the development corpus, with a hand-made gold in the scorer's format.

These tests only check that the fixture is well formed (every document exists, ids are unique, types are
PLOVER's, dates parse with the scorer's own parser...). They do not gate on the scores: measure with

    /tmp/measure.sh REPO tests/fixtures/heldout/articles tests/fixtures/heldout/gold.json TAG --language fr
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
ARTICLES = HELDOUT / "articles"
GOLD = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUSES = {"asserted", "alleged", "denied", "planned", "hypothetical", "negated"}
COUNTRY = re.compile(r"^[A-Z]{3}$")
HAPPENINGS = GOLD["happenings"]


@pytest.fixture(scope="module")
def parse_interval():
    # fail, never skip: like every gate, this one needs ../shared beside the repository
    assert SCORER.exists(), f"the scorer is expected at {SCORER} (../shared beside the repository)"
    spec = importlib.util.spec_from_file_location("heldout_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.parse_interval


def test_documents_and_articles_match():
    files = {path.name for path in ARTICLES.glob("*.txt")}
    assert len(files) == 24
    assert set(GOLD["documents"]) == files


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_article_is_a_short_french_news_text(name):
    text = (ARTICLES / name).read_text(encoding="utf-8")
    assert 150 <= len(text.split()) <= 350, f"{name}: {len(text.split())} words"
    info = GOLD["documents"][name]
    assert info["language"] == "fr" and info.get("note")


def test_gold_has_its_parts():
    assert {"corpus", "about", "documents", "happenings", "forbidden"} <= set(GOLD)
    assert "held-out" in GOLD["about"].lower() or "held out" in GOLD["about"].lower()


def test_happening_ids_are_unique():
    counts = Counter(h["id"] for h in HAPPENINGS)
    assert not [i for i, n in counts.items() if n > 1]


@pytest.mark.parametrize("happening", HAPPENINGS, ids=[h["id"] for h in HAPPENINGS])
def test_happening_is_well_formed(happening, parse_interval):
    h = happening
    assert h["type"] in PLOVER
    assert set(h.get("type_accept", [h["type"]])) <= PLOVER and h["type"] in h.get("type_accept", [h["type"]])
    assert isinstance(h["required"], bool) and h.get("note")
    assert h["docs"] and set(h["docs"]) <= set(GOLD["documents"]), h["docs"]
    assert all(d == f"{Path(d).stem}.txt" for d in h["docs"])
    assert h["id"].split("-")[0] in {Path(d).stem for d in h["docs"]}, "ids start with the stem of one of their docs"
    for field in ("actor", "recipient", "claimed_by", "denied_by"):
        assert all(COUNTRY.match(c) for c in h.get(field, [])), (field, h.get(field))
    if h.get("date") is not None:
        assert parse_interval(h["date"]) is not None, h["date"]
    for value in h.get("accept", []):
        assert parse_interval(value) is not None, value
    if "accept" in h:
        assert h.get("date"), "accept windows widen a date: give the date first"
    if h.get("location"):
        assert h["location"]["name"] and COUNTRY.match(h["location"]["country"])
    if h.get("status"):
        assert h["status"] in STATUSES
    if h.get("claimed_by") or h.get("denied_by"):
        assert h.get("status") == "alleged"
    for people in ("actor_people", "recipient_people"):
        assert all(isinstance(p, str) and p.strip() for p in h.get(people, []))


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_publication_dates_parse(name, parse_interval):
    info = GOLD["documents"][name]
    assert parse_interval(info["published"]) is not None
    assert all(parse_interval(value) is not None for value in info.get("accept", []))


def test_every_document_has_a_required_happening():
    covered = {d for h in HAPPENINGS if h["required"] for d in h["docs"]}
    assert covered == set(GOLD["documents"])


def test_every_plover_type_is_required_at_least_three_times():
    counts = Counter(h["type"] for h in HAPPENINGS if h["required"])
    assert {t: counts[t] for t in PLOVER if counts[t] < 3} == {}


def test_some_happenings_are_reported_by_several_documents():
    assert len({tuple(h["docs"]) for h in HAPPENINGS if len(h["docs"]) > 1}) >= 3


def test_forbidden_entries_name_a_document():
    assert GOLD["forbidden"]
    for entry in GOLD["forbidden"]:
        assert entry["doc"] in GOLD["documents"] and entry["what"]
