"""Where documents, per-mention events and merged happenings live.

`Store` is the interface the rest of annales uses; `SQLiteStore` is the default implementation
(a PostgreSQL one can follow behind the same methods). Records are kept as the contract's JSON,
so the store never needs to know their fields beyond the few it filters on.
"""
from __future__ import annotations

from pathlib import Path
from typing import Protocol

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


def open_store(path: str | Path | None = None, read_only: bool = False) -> SQLiteStore:
    """Open (and migrate) the store at ``path``; ``annales.db`` in the current folder by default.

    ``read_only`` opens an existing database without migrating or writing anything.
    """
    return SQLiteStore(Path(path or DEFAULT_DB), read_only=read_only)


__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "open_store"]
