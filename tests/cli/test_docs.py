"""docs/export.md shows today's output: its timeline excerpt is what annales prints on the examples."""
from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _refresh():
    spec = importlib.util.spec_from_file_location("docs_refresh", DOCS / "refresh.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_export_doc_excerpt_is_todays_timeline(seed_export):
    from annales import open_store

    refresh = _refresh()
    with open_store(seed_export.parent / "seeds.db") as store:  # the seeds, as conftest ran them
        expected = refresh.timeline_excerpt(store).rstrip()
    shown = refresh.current_excerpt((DOCS / "export.md").read_text(encoding="utf-8"))
    assert shown == expected, "docs/export.md is out of date: run `.venv/bin/python docs/refresh.py --png`"


def test_replacing_the_excerpt_keeps_the_rest():
    refresh = _refresh()
    text = (DOCS / "export.md").read_text(encoding="utf-8")
    again = refresh.replace_excerpt(text, "DATE  TYPE\n2024  CONSULT\n")
    assert refresh.current_excerpt(again) == "DATE  TYPE\n2024  CONSULT"
    assert again.replace("DATE  TYPE\n2024  CONSULT", refresh.current_excerpt(text)) == text
