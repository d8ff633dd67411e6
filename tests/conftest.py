"""Fixtures shared by every test module: the spaCy pipeline is loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from annales.nlp import load

    return load()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5, f"the five seed articles are expected in {SEEDS}"
    return paths


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory) -> Path:
    """The folder `annales export --format jsonl` writes for the seed articles (run once per session)."""
    from annales import export, open_store, run
    from annales.merge import select

    folder = tmp_path_factory.mktemp("seeds")
    with open_store(folder / "seeds.db", create=True) as store:
        report = run([SEEDS], store)
        assert report.ok, report.failures
        # what `annales export` writes: the timeline, without hypothetical and negated events
        export(select(store.happenings()), store.documents(), folder / "out", "jsonl")
    return folder / "out"
