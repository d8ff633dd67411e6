"""Evaluation gates: the pipeline on the seed articles, and on the French articles of the development
corpus, must not score below the floors pinned in eval_floors.json and dev_floors.json.

The seeds are the articles annales was first written against; the development corpus is 30 French
articles on other stories. Raise a floor as the coder improves; lowering one needs a reason in the commit.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "gold"

GATES = {
    "seed": (json.loads((ROOT / "tests" / "eval_floors.json").read_text(encoding="utf-8")), GOLD / "seeds.json", ()),
    "dev": (json.loads((ROOT / "tests" / "dev_floors.json").read_text(encoding="utf-8")), GOLD / "dev.json",
            ("--language", "fr")),
}
CASES = [(gate, bound, figure) for gate, (floors, _, _) in GATES.items()
         for bound in ("min", "max") for figure in sorted(floors[bound])]


@pytest.fixture(scope="module")
def scores(request, scorer):
    cache: dict[str, dict] = {}

    def get(gate: str) -> dict:
        if gate not in cache:
            _, gold, extra = GATES[gate]
            export = request.getfixturevalue(f"{gate}_export")
            cache[gate] = scorer(gold, export, *extra)
        return cache[gate]

    return get


@pytest.mark.parametrize(("gate", "bound", "figure"), CASES, ids=[f"{g}-{f}" for g, _, f in CASES])
def test_figure_within_its_bound(scores, gate, bound, figure):
    floors = GATES[gate][0][bound]
    value = scores(gate)[figure]
    if bound == "min":
        assert value is not None and value >= floors[figure], f"{gate}: {figure} fell to {value} (floor {floors[figure]})"
    else:
        assert value is not None and value <= floors[figure], f"{gate}: {figure} rose to {value} (ceiling {floors[figure]})"
