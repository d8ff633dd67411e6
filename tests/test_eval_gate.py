"""Evaluation gate: the pipeline on the seed articles must not score below the pinned floors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8"))
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "gold" / "seeds.json"


@pytest.fixture(scope="module")
def scores(seed_export):
    assert SCORER.exists() and GOLD.exists(), (
        f"the scorer and gold are expected at {SCORER} and {GOLD} (../shared beside the repository)"
    )
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--run", str(seed_export), "--json"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    line = "  ".join(f"{k}={v}" for k, v in result.items() if not isinstance(v, list))
    print("\nscorer:", line)
    return result


@pytest.mark.parametrize("figure", sorted(FLOORS["min"]))
def test_figure_stays_above_its_floor(scores, figure):
    assert scores[figure] is not None and scores[figure] >= FLOORS["min"][figure], (
        f"{figure} fell to {scores[figure]} (floor {FLOORS['min'][figure]})"
    )


@pytest.mark.parametrize("figure", sorted(FLOORS["max"]))
def test_figure_stays_below_its_ceiling(scores, figure):
    assert scores[figure] <= FLOORS["max"][figure], f"{figure} rose to {scores[figure]} (ceiling {FLOORS['max'][figure]})"
