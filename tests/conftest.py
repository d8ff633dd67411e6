"""Fixtures shared by every test module: the spaCy pipeline is loaded once per session."""
from __future__ import annotations

import json
import subprocess
import sys
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


DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"


def export_corpus(corpus: Path, folder: Path) -> Path:
    """Run the pipeline on ``corpus`` into a store in ``folder`` and write what `annales export
    --format jsonl` writes (the timeline, without hypothetical and negated events) to ``folder/out``."""
    from annales import export, open_store, run
    from annales.merge import select

    with open_store(folder / f"{corpus.name}.db", create=True) as store:
        report = run([corpus], store)
        assert report.ok, report.failures
        export(select(store.happenings()), store.documents(), folder / "out", "jsonl")
    return folder / "out"


def score_export(gold: Path, out: Path, *extra: str) -> dict:
    """The scorer's figures (``score.py --json``) for an export folder."""
    assert SCORER.exists() and gold.exists(), (
        f"the scorer and gold are expected at {SCORER} and {gold} (../shared beside the repository)")
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--run", str(out), "--json", *extra],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    print("\nscorer:", "  ".join(f"{k}={v}" for k, v in result.items() if not isinstance(v, list)))
    return result


@pytest.fixture(scope="session")
def scorer():
    """``scorer(gold, out, *args)``: the scorer's figures for an export folder."""
    return score_export


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory) -> Path:
    """The folder `annales export --format jsonl` writes for the seed articles (run once per session)."""
    return export_corpus(SEEDS, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="session")
def dev_export(tmp_path_factory) -> Path:
    """The same for the development corpus in ../shared (36 real articles, French and English)."""
    assert DEV.is_dir(), f"the development corpus is expected at {DEV} (../shared beside the repository)"
    return export_corpus(DEV, tmp_path_factory.mktemp("dev"))


@pytest.fixture
def refuse_folder(monkeypatch):
    """A function that makes a folder unlistable. Root lists whatever the permission bits say (tests run
    as root in CI), so there the refusal the kernel gives anyone else is given by os.scandir itself."""
    import os

    def refuse_listing(folder: Path) -> None:
        if os.geteuid() != 0:
            folder.chmod(0)  # pytest's clean-up of tmp_path restores the bits it needs
            return
        original = os.scandir

        def refuse(path=".", *args, **kwargs):
            if Path(os.fsdecode(path)) == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return original(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", refuse)

    return refuse_listing
