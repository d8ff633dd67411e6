"""Where documents, per-mention events and merged happenings live.

`Store` is the interface the rest of annales uses; `SQLiteStore` is the default implementation
(a PostgreSQL one can follow behind the same methods). Records are kept as the contract's JSON,
so the store never needs to know their fields beyond the few it filters on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

from annales.errors import StoreError
from annales.model import Document, Event, Failure
from annales.store.sqlite import SQLiteStore

DEFAULT_DB = "annales.db"


class Store(Protocol):
    """What a store must do. All writes of one batch happen in one transaction."""

    def has_sha256(self, sha256: str) -> bool: ...
    def add_batch(self, items: list[tuple[Document, list[Event]]], failures: list[Failure]) -> None: ...
    def documents(self) -> list[Document]: ...
    def document(self, doc_id: str) -> Document | None: ...
    def mention_events(self) -> list[Event]: ...
    def replace_happenings(self, happenings: list[Event]) -> None: ...
    def happenings(self) -> list[Event]: ...
    def failures(self) -> list[Failure]: ...
    def add_correction(self, *, happening: str, target: list, action: str, field: str | None,
                       value: object, before: object, by: str) -> int: ...
    def undo_correction(self, correction_id: int, by: str) -> bool: ...
    def corrections(self, include_undone: bool = False) -> list[dict]: ...
    def close(self) -> None: ...


def open_store(path: str | Path | None = None, create: bool = False, read_only: bool = False) -> SQLiteStore:
    """Open (and migrate) the store at ``path``; ``annales.db`` in the current folder by default.

    A missing file is an error (``StoreError``, as ``annales documents`` says it) unless
    ``create=True``: a mistyped path must not silently give an empty database. ``read_only`` opens an
    existing database without migrating or writing anything.
    """
    where = Path(path or DEFAULT_DB)
    if not create and not where.exists():
        raise StoreError(f"no database at {where}; run 'annales run PATH' first, check the path, "
                         "or pass create=True to start a new one")
    return SQLiteStore(where, read_only=read_only)


__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "open_store"]
