"""annales: a sourced, deduplicated timeline of political events from news articles.

In a notebook::

    import annales
    result = annales.analyse("examples/seeds")          # files or folders, in memory
    result.to_frame()                                    # happenings as a pandas DataFrame
    one = annales.analyse_text("Le ministre s'est rendu jeudi à Kiev.", published="2024-03-15")
    one.events

With a database (what the CLI does): ``annales.run(paths, annales.open_store("annales.db", create=True))``.
"""
from __future__ import annotations

__version__ = "0.1.0"

from annales.errors import AnnalesError
from annales.export import export
from annales.model import DateValue, Document, Entity, Event, Evidence, Failure, Place, Timex
from annales.pipeline import Analysis, Result, RunReport, analyse, analyse_text, run
from annales.store import open_store

__all__ = [
    "AnnalesError",
    "Analysis",
    "DateValue",
    "Document",
    "Entity",
    "Event",
    "Evidence",
    "Failure",
    "Place",
    "Result",
    "RunReport",
    "Timex",
    "__version__",
    "analyse",
    "analyse_text",
    "export",
    "open_store",
    "run",
]
