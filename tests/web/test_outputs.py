"""A correction shows in every output: JSONL's corrections field, the CSV column, Markdown, the HTML report."""
from __future__ import annotations

import csv
import json

from annales.export import export
from annales.store import open_store


def test_every_export_shows_the_correction(editor, db, tmp_path):
    consult = editor.get("/api/v1/happenings?type=CONSULT").json()["items"][0]
    editor.post(f"/api/v1/happenings/{consult['id']}/corrections",
                json={"action": "set", "field": "date", "value": "2025-03-12"})
    with open_store(db) as store:
        happenings, documents = store.happenings(), store.documents()
    for fmt in ("jsonl", "csv", "markdown", "html"):
        export(happenings, documents, tmp_path, fmt)
    lines = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    corrected = [line for line in lines if "corrections" in line]
    assert len(corrected) == 1 and corrected[0]["corrections"][0]["before"] == "2025-03-11"
    assert corrected[0]["date"]["start"] == "2025-03-12" and corrected[0]["date"]["text"] == "corrected"
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["annales_id"]: r for r in csv.DictReader(handle)}
    assert rows[corrected[0]["id"]]["corrections"].startswith("date 2025-03-11 → 2025-03-12 (by tester")
    assert sum(1 for r in rows.values() if r["corrections"]) == 1
    assert "- ✎ corrected: date 2025-03-11 → 2025-03-12" in (tmp_path / "timeline.md").read_text(encoding="utf-8")
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'data-corrected="1"' in report and "✎ corrected: date 2025-03-11 → 2025-03-12" in report
