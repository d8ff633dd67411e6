"""Golden files: the export of the seed articles, reviewed when it changes.

A change to the coder, the merge or the export shows up here as a diff of ``tests/golden/seeds/``.
Read it (`git diff tests/golden`), and when every change is intended, write the new files with

    ANNALES_UPDATE_GOLDEN=1 make test

and commit them with the change that caused them.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds"
FILES = ("documents.jsonl", "events.jsonl")
UPDATE = os.environ.get("ANNALES_UPDATE_GOLDEN") == "1"


def _line(event: dict) -> str:
    """One happening, as a reader of the timeline would tell it apart from another."""
    date = (event.get("date") or {}).get("start", "undated")
    actor = ", ".join(e["name"] for e in event.get("actor", []))
    recipient = ", ".join(e["name"] for e in event.get("recipient", []))
    return f"{date} {event['type']}/{event.get('mode')} {actor} → {recipient} [{event['status']}] id={event['id']}"


def _events(text: str) -> dict[str, dict]:
    return {e["id"]: e for e in map(json.loads, text.splitlines())}


@pytest.mark.parametrize("name", FILES)
def test_seed_export_matches_its_golden_file(seed_export, name):
    produced = (seed_export / name).read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: write it with ANNALES_UPDATE_GOLDEN=1 make test"
    expected = golden.read_text(encoding="utf-8")
    if produced == expected:
        return
    detail = ""
    if name == "events.jsonl":
        now, before = _events(produced), _events(expected)
        gone = sorted(_line(before[k]) for k in before.keys() - now.keys())
        new = sorted(_line(now[k]) for k in now.keys() - before.keys())
        changed = sorted(_line(now[k]) for k in now.keys() & before.keys() if now[k] != before[k])
        detail = "\n".join(["gone:", *gone, "new:", *new, "changed (same id, other fields):", *changed])
    pytest.fail(f"the export of the seeds differs from {golden}.\n{detail}\n"
                "Review the difference; if it is intended, run ANNALES_UPDATE_GOLDEN=1 make test and commit "
                "tests/golden with the change.")
