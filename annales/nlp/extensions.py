"""Every custom attribute annales sets on spaCy objects, declared in one place."""
from __future__ import annotations

from spacy.tokens import Doc


def declare() -> None:
    """Register the extensions (idempotent)."""
    for name in ("doc_id", "anchor", "timexes", "actors", "quotes"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
