"""SQLite store: WAL mode, named migrations, one transaction per batch."""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from annales.errors import DamagedStoreError, StoreError
from annales.model import DateValue, Document, Event, Failure

CORRECTION_COLUMNS = ("id", "happening", "target", "action", "field", "value", "before", "by", "at",
                      "undone_at", "undone_by")

# Each migration runs once, in order, and is recorded by name. Never edit one that has shipped:
# add the next.
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT,
            language TEXT NOT NULL,
            published TEXT,
            published_source TEXT NOT NULL,
            source TEXT,
            url TEXT,
            path TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events(doc);
        CREATE TABLE happenings (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            date_start TEXT,
            data TEXT NOT NULL
        );
        CREATE TABLE failures (
            path TEXT NOT NULL,
            line INTEGER,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (datetime('now'))
        );
    """),
    # A new text under a stored id is a new version (id "ID@v2", "ID@v3"...), never a replacement;
    # each version keeps its id as read (base) and its number. A failure is recorded once however
    # often the same input fails the same way.
    ("0002_document_versions", """
        ALTER TABLE documents ADD COLUMN base TEXT;
        ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        UPDATE documents SET base = id;
        CREATE INDEX documents_base ON documents(base, version);
        DELETE FROM failures WHERE rowid NOT IN
            (SELECT MIN(rowid) FROM failures GROUP BY path, IFNULL(line, 0), stage, reason);
        CREATE UNIQUE INDEX failures_once ON failures(path, IFNULL(line, 0), stage, reason);
    """),
    # Which annales version and spaCy model coded each document, so that `annales run --reanalyse`
    # finds what an upgrade or another --model would code differently. NULL: stored, not analysed
    # (a language annales does not code yet). Documents coded before this migration: 'unknown'.
    ("0003_analysis_version", """
        ALTER TABLE documents ADD COLUMN analyser TEXT;
        ALTER TABLE documents ADD COLUMN model TEXT;
        UPDATE documents SET analyser = 'unknown' WHERE language = 'fr';
    """),
    # Corrections a person made (annales serve --allow-edits): one row each, never rewritten but to
    # mark it undone. ``target`` is the corrected happening's mentions (JSON [[doc, start,
    # trigger_start, trigger], ...]), which survive re-coding where happening ids do not.
    ("0004_corrections", """
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            happening TEXT NOT NULL,
            target TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            value TEXT,
            before TEXT,
            by TEXT NOT NULL,
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
            undone_at TEXT,
            undone_by TEXT
        );
    """),
]
_VERSION = re.compile(r"^(?P<base>.+)@v(?P<number>[0-9]+)$")


def store_error(path: Path, error: sqlite3.Error, doing: str = "use") -> StoreError:
    """The StoreError for a SQLite error: a damaged file says so and what to do."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in str(error):
        return DamagedStoreError(
            f"{path}: the database is damaged ({error}); restore it from a backup, or move it aside and "
            "run 'annales run' on your articles again to rebuild it")
    if name.startswith("SQLITE_NOTADB"):
        return StoreError(f"cannot {doing} database {path}: {error}; is it an annales database? If it is, the "
                          "database is damaged: restore it from a backup or rebuild it with 'annales run'")
    if doing == "open":
        return StoreError(f"cannot open database {path}: {error}; is it an annales database?")
    return StoreError(f"database {path}: {error}; run the command again, and report it if it happens again")


class SQLiteStore:
    """The default store, one file."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        """Open (creating and migrating) the database; ``read_only`` opens an existing one unchanged.

        The connection may be used from several threads (the web app serialises its calls).
        """
        self.path = path
        self.read_only = read_only
        if path.parent and not path.parent.exists():
            raise StoreError(f"cannot open database {path}: folder {path.parent} does not exist; create it or pass --db")
        if read_only and not path.exists():
            raise StoreError(f"no database at {path}; run 'annales run PATH' first or pass --db")
        try:
            if read_only:
                self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
                self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            else:
                # timeout: another run writing its batch makes this one wait, not fail
                self.db = sqlite3.connect(str(path), timeout=60, check_same_thread=False)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except sqlite3.DatabaseError as error:
            raise store_error(path, error, "open") from error

    def _migrate(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT "
                            "NOT NULL DEFAULT (datetime('now')))")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.db:
                self.db.executescript("BEGIN;" + sql + f"INSERT INTO migrations(name) VALUES ('{name}');COMMIT;")

    def migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writes -------------------------------------------------------------------------------
    def has_sha256(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def free_id(self, doc_id: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
        """The id for a text not stored yet that was read as ``doc_id``: ``doc_id`` itself when no
        document (stored, or in ``taken``) has it, else its next version ``doc_id@vN``."""
        def used(candidate: str) -> bool:
            return candidate in taken or self.db.execute(
                "SELECT 1 FROM documents WHERE id = ?", (candidate,)).fetchone() is not None

        if not used(doc_id):
            return doc_id
        number = 2
        while used(f"{doc_id}@v{number}"):
            number += 1
        return f"{doc_id}@v{number}"

    def add_batch(self, items: list[tuple[Document, list[Event]]], failures: Sequence[Failure] = (),
                  analysed_by: tuple[str, str] | None = None) -> int:
        """Store documents with their events, and failures, in one transaction. Returns documents added.

        ``analysed_by`` is (annales version, model) of the analysis that coded the documents; None
        for documents stored without analysis.

        A text already stored is skipped (another run may have stored it meanwhile); a document is
        never replaced: a new text under a stored id comes with a new id (see ``free_id``).
        """
        added = 0
        with self.db:
            # IMMEDIATE: the checks below and the writes happen under the write lock, so two runs
            # storing the same text at the same time store it once
            self.db.execute("BEGIN IMMEDIATE")
            for document, events in items:
                if self.has_sha256(document.sha256):
                    continue
                if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                    self.db.execute(
                        "INSERT OR IGNORE INTO failures (path, line, stage, reason) VALUES (?, NULL, 'store', ?)",
                        (document.path or document.id, f"another run stored a different text as {document.id} "
                         "at the same time; run again to store this one as a new version"))
                    continue
                version = _VERSION.match(document.id)
                base, number = (version["base"], int(version["number"])) if version else (document.id, 1)
                self.db.execute(
                    "INSERT INTO documents (id, sha256, title, language, published, published_source, source,"
                    " url, path, text, base, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document.id, document.sha256, document.title, document.language,
                     str(document.published) if document.published else None, document.published_source,
                     document.source, document.url, document.path, document.text, base, number),
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO events (id, doc, type, data) VALUES (?, ?, ?, ?)",
                    [(e.id, document.id, e.type, json.dumps(e.to_dict(), ensure_ascii=False)) for e in events],
                )
                if analysed_by:
                    self.db.execute("UPDATE documents SET analyser = ?, model = ? WHERE id = ?",
                                    (*analysed_by, document.id))
                added += 1
            self.db.executemany(
                "INSERT OR IGNORE INTO failures (path, line, stage, reason) VALUES (?, ?, ?, ?)",
                [(f.path, f.line, f.stage, f.reason) for f in failures],
            )
        return added

    def replace_analysis(self, items: list[tuple[str, list[Event]]], analysed_by: tuple[str, str]) -> None:
        """New events for stored documents (re-analysis), in one transaction: the old ones go."""
        with self.db:
            for doc_id, events in items:
                self.db.execute("DELETE FROM events WHERE doc = ?", (doc_id,))
                self.db.executemany(
                    "INSERT OR REPLACE INTO events (id, doc, type, data) VALUES (?, ?, ?, ?)",
                    [(e.id, doc_id, e.type, json.dumps(e.to_dict(), ensure_ascii=False)) for e in events],
                )
                self.db.execute("UPDATE documents SET analyser = ?, model = ? WHERE id = ?", (*analysed_by, doc_id))

    def replace_happenings(self, happenings: list[Event]) -> None:
        with self.db:
            self.db.execute("DELETE FROM happenings")
            self.db.executemany(
                "INSERT OR REPLACE INTO happenings (id, type, date_start, data) VALUES (?, ?, ?, ?)",
                [(h.id, h.type, h.date.start.isoformat() if h.date else None,
                  json.dumps(h.to_dict(), ensure_ascii=False)) for h in happenings],
            )

    def add_correction(self, *, happening: str, target: list, action: str, field: str | None,
                       value: object, before: object, by: str) -> int:
        """Record one correction (see annales.merge.corrections); returns its id."""
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO corrections (happening, target, action, field, value, before, by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (happening, json.dumps(target, ensure_ascii=False), action, field,
                 json.dumps(value, ensure_ascii=False), json.dumps(before, ensure_ascii=False), by))
        return int(cursor.lastrowid or 0)

    def undo_correction(self, correction_id: int, by: str) -> bool:
        """Mark a correction undone (the record stays); False when there is no such active one."""
        with self.db:
            cursor = self.db.execute(
                "UPDATE corrections SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), undone_by = ?"
                " WHERE id = ? AND undone_at IS NULL", (by, correction_id))
        return cursor.rowcount > 0

    def corrections(self, include_undone: bool = False) -> list[dict]:
        """Corrections in the order they were made, as dicts (JSON columns decoded)."""
        if not self._has_table("corrections"):  # an older database opened read-only
            return []
        where = "" if include_undone else " WHERE undone_at IS NULL"
        rows = self.db.execute(f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections{where} ORDER BY id")
        out = []
        for row in rows:
            item = dict(zip(CORRECTION_COLUMNS, row, strict=True))
            for key in ("target", "value", "before"):
                item[key] = json.loads(item[key]) if item[key] is not None else None
            out.append(item)
        return out

    def _has_table(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (name,)).fetchone() is not None

    def data_version(self) -> tuple[int, int]:
        """Changes whenever another connection commits (for caches that must see `annales run`)."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return int(version), self.db.total_changes

    # -- reads --------------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        rows = self.db.execute(
            "SELECT id, text, title, language, published, published_source, source, url, path FROM documents"
            " ORDER BY id")
        return [self._document(row) for row in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute(
            "SELECT id, text, title, language, published, published_source, source, url, path FROM documents"
            " WHERE id = ?", (doc_id,)).fetchone()
        return self._document(row) if row else None

    def analyses(self) -> dict[str, tuple[str, str | None, str | None]]:
        """Document id -> (language, annales version, model that coded it); None, None if not analysed."""
        rows = self.db.execute("SELECT id, language, analyser, model FROM documents ORDER BY id")
        return {row[0]: (row[1], row[2], row[3]) for row in rows}

    @staticmethod
    def _document(row: tuple) -> Document:
        doc_id, text, title, language, published, how, source, url, path = row
        return Document(id=doc_id, text=text, title=title, language=language,
                        published=DateValue.parse(published), published_source=how, source=source,
                        url=url, path=path)

    def mention_events(self) -> list[Event]:
        rows = self.db.execute("SELECT data FROM events ORDER BY doc, id")
        return [Event.from_dict(json.loads(row[0])) for row in rows]

    def happenings(self) -> list[Event]:
        rows = self.db.execute("SELECT data FROM happenings ORDER BY date_start IS NULL, date_start, id")
        return [Event.from_dict(json.loads(row[0])) for row in rows]

    def failures(self) -> list[Failure]:
        rows = self.db.execute("SELECT path, stage, reason, line FROM failures ORDER BY rowid")
        return [Failure(path, stage, reason, line) for path, stage, reason, line in rows]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        self.close()
        # SQLite finds most damage only when it reads the damaged page, in the middle of a command
        if isinstance(error, sqlite3.Error):
            raise store_error(self.path, error) from error
