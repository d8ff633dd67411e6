"""Outputs, all written from records (documents and merged happenings).

Each format is a module with ``write(events, documents, out) -> list[Path]`` writing into the
folder ``out``: ``jsonl`` (the contract in shared/spec/output.md), ``csv`` (GDELT-like columns),
``markdown`` and ``html`` (a self-contained report).
"""
from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path

from annales.errors import ExportError
from annales.model import Document, Event

FORMATS = ("jsonl", "csv", "markdown", "html")


def write_file(path: Path, text: str) -> list[Path]:
    """Write one output file; an OS error becomes an ExportError that says what to check."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror}; check the folder is writable") from error
    return [path]


def export(events: Sequence[Event], documents: Sequence[Document], out: str | Path, fmt: str = "jsonl") -> list[Path]:
    """Write ``events`` and ``documents`` to the folder ``out`` in format ``fmt``; returns the files written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"cannot create output folder {folder}: {error.strerror}; choose another OUT") from error
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder; give a folder name as OUT")
    module = importlib.import_module(f"annales.export.{fmt}")
    return module.write(list(events), list(documents), folder)


__all__ = ["FORMATS", "export"]
