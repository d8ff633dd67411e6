"""What the ingest tests share: a reader's output split into documents and failures."""
from __future__ import annotations

from annales.model import Failure, RawDocument


def split(results) -> tuple[list[RawDocument], list[Failure]]:
    """Documents and failures of ``read``'s output; nothing else may come out of it."""
    results = list(results)
    docs = [r for r in results if isinstance(r, RawDocument)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert len(docs) + len(failures) == len(results)
    return docs, failures
