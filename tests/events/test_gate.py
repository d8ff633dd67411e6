"""Evaluation gate for the coder: per-document events on the seed articles, scored against the seeds
gold, must not fall below the floors pinned in floors.json."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "gold" / "seeds.json"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def run(tmp_path_factory, seed_paths):
    assert SCORER.exists() and GOLD.exists(), f"scorer or gold missing ({SCORER}, {GOLD}): ../shared must be beside the repository"
    from annales.clean import clean
    from annales.ingest import read
    from annales.model import Failure
    from annales.pipeline import Analyzer

    documents = [clean(raw) for raw in read([seed_paths[0].parent]) if not isinstance(raw, Failure)]
    analyses = Analyzer().analyse_batch(documents)
    failures = [a for a in analyses if isinstance(a, Failure)]
    assert not failures, failures
    out = tmp_path_factory.mktemp("events-gate")
    events = [e for a in analyses for e in a.events]
    (out / "events.jsonl").write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events),
                                      encoding="utf-8")
    (out / "documents.jsonl").write_text(
        "".join(json.dumps(a.document.to_dict(), ensure_ascii=False) + "\n" for a in analyses), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--run", str(out), "--json"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    print("\nscorer:", "  ".join(f"{k}={v}" for k, v in result.items() if not isinstance(v, list)))
    return result, analyses


@pytest.mark.parametrize("figure", sorted(FLOORS["min"]))
def test_figure_stays_above_its_floor(run, figure):
    result, _ = run
    assert result[figure] is not None and result[figure] >= FLOORS["min"][figure], (
        f"{figure} fell to {result[figure]} (floor {FLOORS['min'][figure]})")


@pytest.mark.parametrize("figure", sorted(FLOORS["max"]))
def test_figure_stays_below_its_ceiling(run, figure):
    result, _ = run
    assert result[figure] <= FLOORS["max"][figure], f"{figure} rose to {result[figure]} (ceiling {FLOORS['max'][figure]})"


def test_nothing_is_coded_from_links_to_other_articles(run):
    from annales.events import lexicon

    prefixes = lexicon("fr").status.skip_line_prefixes
    _, analyses = run
    for analysis in analyses:
        text = analysis.document.text
        for event in analysis.events:
            evidence = event.mentions[0]
            line = text[text.rfind("\n", 0, evidence.start) + 1:evidence.end].strip().lower()
            assert not line.startswith(tuple(prefixes)), (analysis.document.id, evidence.sentence)


def test_every_seed_event_is_traced_to_its_sentence(run):
    _, analyses = run
    for analysis in analyses:
        text = analysis.document.text
        for event in analysis.events:
            evidence = event.mentions[0]
            assert text[evidence.start:evidence.end] == evidence.sentence
            assert evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end
