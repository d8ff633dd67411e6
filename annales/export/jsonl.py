"""The export contract: OUT/documents.jsonl and OUT/events.jsonl (shared/spec/output.md)."""
from __future__ import annotations

import json
from pathlib import Path

from annales.model import Document, Event


def write(events: list[Event], documents: list[Document], out: Path) -> list[Path]:
    docs_path, events_path = out / "documents.jsonl", out / "events.jsonl"
    with docs_path.open("w", encoding="utf-8") as handle:
        for document in sorted(documents, key=lambda d: d.id):
            handle.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    with events_path.open("w", encoding="utf-8") as handle:
        for event in events:
            handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    return [docs_path, events_path]
