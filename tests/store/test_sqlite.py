"""The SQLite store: migrations, idempotent re-ingest, one transaction per batch, updates."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from annales.errors import StoreError
from annales.model import DateValue, Document, Entity, Event, Evidence, Failure
from annales.store import open_store
from annales.store.sqlite import MIGRATIONS


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
        assert {"0002_document_versions", "0003_analysis_version", "0004_corrections"} <= set(first)
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


def test_a_new_text_under_a_stored_id_is_a_new_version_and_the_old_one_stays(tmp_path):
    with open_store(tmp_path / "a.db", create=True) as store:
        first = _doc()
        store.add_batch([(first, [_event(first)])])
        second = _doc(text="Le président a reçu son homologue jeudi à l'Élysée.")
        assert store.free_id("a.txt") == "a.txt@v2"
        assert store.free_id("a.txt", taken={"a.txt@v2"}) == "a.txt@v3"
        assert store.free_id("b.txt") == "b.txt"
        store.add_batch([(replace(second, id="a.txt@v2"), [])])
        assert store.document("a.txt").text == first.text
        assert store.document("a.txt@v2").text.endswith("l'Élysée.")
        assert len(store.mention_events()) == 1  # the first version's events stay
        rows = store.db.execute("SELECT id, base, version FROM documents ORDER BY id").fetchall()
        assert rows == [("a.txt", "a.txt", 1), ("a.txt@v2", "a.txt", 2)]


def test_a_document_is_never_replaced_in_place(tmp_path):
    # two runs that gave the same new id to different texts at the same time: the second is
    # refused with a failure saying to run again, not written over the first
    with open_store(tmp_path / "a.db", create=True) as store:
        store.add_batch([(_doc(), [])])
        other = _doc(text="Un tout autre texte, arrivé au même moment sous le même nom.")
        assert store.add_batch([(other, [])]) == 0
        assert store.document("a.txt").text == _doc().text
        (failure,) = store.failures()
        assert failure.stage == "store" and "run again" in failure.reason


def test_the_same_failure_is_recorded_once(tmp_path):
    failure = Failure("feed.jsonl", "read", "line is not JSON", line=3)
    whole = Failure("scan.txt", "read", "binary data, not text")
    with open_store(tmp_path / "a.db", create=True) as store:
        store.add_batch([], [failure, whole])
        store.add_batch([], [failure, whole])
        assert store.failures() == [failure, whole]


def test_migration_keeps_old_documents_and_drops_repeated_failures(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
    db.executescript(MIGRATIONS[0][1])
    db.execute("INSERT INTO migrations(name) VALUES ('0001_initial')")
    db.execute("INSERT INTO documents (id, sha256, language, published_source, text) VALUES "
               "('a.txt', 'x', 'fr', 'unknown', 'Texte.')")
    db.executemany("INSERT INTO failures (path, line, stage, reason) VALUES (?, ?, ?, ?)",
                   [("b.txt", None, "read", "empty"), ("b.txt", None, "read", "empty"), ("c.jsonl", 2, "read", "x")])
    db.commit()
    db.close()
    with open_store(path) as store:
        assert [d.id for d in store.documents()] == ["a.txt"]
        assert store.db.execute("SELECT base, version FROM documents").fetchall() == [("a.txt", 1)]
        assert len(store.failures()) == 2


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
