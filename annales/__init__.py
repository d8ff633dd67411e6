"""annales: a sourced, deduplicated timeline of political events from news articles."""
from __future__ import annotations

__version__ = "0.1.0"

from annales.errors import AnnalesError
from annales.model import DateValue, Document, Entity, Event, Evidence, Place, Timex

__all__ = [
    "AnnalesError",
    "DateValue",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "Place",
    "Timex",
    "__version__",
]
