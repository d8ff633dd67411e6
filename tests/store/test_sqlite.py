"""The SQLite store: migrations, idempotent re-ingest, one transaction per batch, updates."""
from __future__ import annotations

import sqlite3

import pytest

from annales.errors import StoreError
from annales.model import DateValue, Document, Entity, Event, Evidence, Failure
from annales.store import open_store


def _doc(text="Le président a reçu son homologue jeudi.", doc_id="a.txt") -> Document:
    return Document(id=doc_id, text=text, title="Titre", published=DateValue.day(2024, 5, 3),
                    published_source="metadata")


def _event(doc: Document) -> Event:
    evidence = Evidence(doc=doc.id, sentence=doc.text, start=0, end=len(doc.text), trigger="a reçu")
    return Event(type="CONSULT", mentions=(evidence,), actor=(Entity("FRA", "France", "country", "FRA"),))


def test_migrations_are_named_and_run_once(tmp_path):
    path = tmp_path / "a.db"
    with open_store(path, create=True) as store:
        first = store.migrations()
        assert first[0] == "0001_initial" and first == sorted(first)
        assert {"0003_analysis_version", "0004_corrections"} <= set(first)
    with open_store(path) as store:  # reopening applies nothing twice
        assert store.migrations() == first
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_same_text_twice_adds_nothing(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        doc = _doc()
        assert store.add_batch([(doc, [_event(doc)])]) == 1
        again = _doc(doc_id="copy-of-a.txt")  # same cleaned text under another name
        assert store.has_sha256(again.sha256)
        assert store.add_batch([(again, [_event(again)])]) == 0
        assert [d.id for d in store.documents()] == ["a.txt"]
        assert len(store.mention_events()) == 1


def test_updated_article_replaces_the_old_version(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        first = _doc()
        store.add_batch([(first, [_event(first)])])
        second = _doc(text="Le président a reçu son homologue jeudi à l'Élysée.")
        store.add_batch([(second, [])])
        assert store.document("a.txt").text.endswith("l'Élysée.")
        assert store.mention_events() == []  # the old version's events went with it


def test_documents_round_trip(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        store.add_batch([(_doc(), [])])
        (doc,) = store.documents()
        assert doc == _doc()


def test_failures_are_recorded(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        store.add_batch([], [Failure("feed.jsonl", "read", "line is not JSON", line=3)])
        assert store.failures() == [Failure("feed.jsonl", "read", "line is not JSON", line=3)]


def test_happenings_are_replaced_and_sorted_by_date(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        doc = _doc()
        late = _event(doc)
        early = Event(type="AGREE", mentions=late.mentions, date=DateValue.month(2020, 1))
        store.replace_happenings([late, early])
        assert [h.type for h in store.happenings()] == ["AGREE", "CONSULT"]
        store.replace_happenings([late])
        assert [h.type for h in store.happenings()] == ["CONSULT"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "a.db", create=True)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all, just some notes" * 100)
    with pytest.raises(StoreError, match="annales database"):
        open_store(path, create=True)


def test_a_missing_database_is_an_error_unless_asked_to_create_it(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no database at .*typo.db.*create=True"):
        open_store(path)
    assert not path.exists()  # nothing was created by the failed open
    with open_store(path, create=True) as store:
        assert store.documents() == []
    with open_store(path) as store:  # it exists now
        assert store.documents() == []
