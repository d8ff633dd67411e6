"""timeline.md: a table, then each happening with its quoted, highlighted sources."""
from __future__ import annotations

from annales.export import markdown
from annales.model import DateValue, Entity, Event, Evidence


def test_table_and_cards(happenings, documents, tmp_path):
    [path] = markdown.write(happenings, documents, tmp_path)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Timeline"
    header = lines.index("| Date | Event | Who → whom | Where | Status | Sources | |")
    rows = lines[header + 2: header + 2 + len(happenings)]
    assert all(r.startswith("| ") and r.endswith(" |") for r in rows)
    strike = next(r for r in rows if "ASSAULT/drone" in r)
    assert "| Russie → Ukraine | Kharkiv (UKR) | asserted | 2 | ⚠ |" in strike
    assert "> Des drones russes **ont frappé** Kharkiv _dans la nuit de jeudi à vendredi_, faisant trois blessés." in text
    assert "- ⚠ sources disagree on number: deux blessés (berlin.txt) / trois blessés (kharkiv.txt)" in text
    assert "[Zelensky à Berlin (berlin.txt)](https://example.org/berlin), AFP, 2024-02-17" in text


def test_pipes_and_markup_in_text_do_not_break_the_table(tmp_path):
    sentence = "Le parti A|B a accusé le_gouvernement de fraude*."
    evidence = Evidence("x.txt", sentence, 0, len(sentence), "a accusé", trigger_start=sentence.index("a accusé"),
                        trigger_end=sentence.index("a accusé") + len("a accusé"))
    event = Event("ACCUSE", (evidence,), actor=(Entity("P1", "Parti A|B", "group", "FRA"),),
                  date=DateValue.day(2024, 6, 9))
    text = markdown.render([event], [])
    row = next(line for line in text.splitlines() if line.startswith("| 2024-06-09"))
    assert "Parti A\\|B" in row and row.count(" | ") == 6
    assert "le\\_gouvernement de fraude\\*" in text and "**a accusé**" in text
