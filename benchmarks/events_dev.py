#!/usr/bin/env python3
"""Per-type view of the coder's error on a corpus with a gold file (default: the dev corpus).

    python benchmarks/events_dev.py [--corpus DIR] [--gold FILE] [--language fr] [--misses]

Runs the whole pipeline (into a temporary database), exports the timeline as `annales export` does,
scores it with ../shared/eval/score.py and prints, per PLOVER type: the required gold happenings, how
many were found, recall, the events of that type in the export and the false positives among them.
`--misses` also lists the gold happenings missed, by type. The scorer's line comes last.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def load_scorer(path: Path):
    """The scorer is a standalone script beside the corpus; import it as a module."""
    spec = importlib.util.spec_from_file_location("annales_bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def export_corpus(corpus: Path, folder: Path) -> Path:
    """Run annales on ``corpus`` and write the jsonl export into ``folder/out``."""
    from annales import export, open_store, run
    from annales.merge import select

    with open_store(folder / "bench.db", create=True) as store:
        run([corpus], store)
        export(select(store.happenings()), store.documents(), folder / "out", "jsonl")
    return folder / "out"


def table(result: dict, gold: dict, events: list[dict]) -> list[tuple[str, int, int, int, int]]:
    """Rows (type, required, found, exported, false positives), in the ontology's order."""
    by_id = {h["id"]: h for h in gold["happenings"]}
    required, found = Counter(), Counter()
    for row in result["rows"]:
        kind = by_id[row["happening"]]["type"]
        required[kind] += 1
        found[kind] += row["found"]
    exported = Counter(e.get("type") for e in events)
    false = Counter(e.get("type") for e in result["false_positive_events"])
    order = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
    kinds = [k for k in order if required[k] or exported[k]]
    kinds += sorted(k for k in set(required) | set(exported) if k not in order)
    return [(k, required[k], found[k], exported[k], false[k]) for k in kinds]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    parser.add_argument("--gold", type=Path, default=SHARED / "eval" / "gold" / "dev.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--language", default="fr", help="score only the gold documents in this language "
                        "(default fr; 'all' for every document)")
    parser.add_argument("--misses", action="store_true", help="list the required happenings missed")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        out = export_corpus(args.corpus, Path(tmp))
        events = scorer.load_jsonl(out / "events.jsonl")
        documents = scorer.load_jsonl(out / "documents.jsonl")
    if args.language != "all":
        gold, events, documents = scorer.only_language(args.language, gold, events, documents)
    result = scorer.score(gold, events, documents)

    print(f"{'type':<10} {'gold':>5} {'found':>6} {'recall':>7} {'events':>7} {'false+':>7}")
    totals = [0, 0, 0, 0]
    for kind, required, found, exported, false in table(result, gold, events):
        recall = f"{found / required:.2f}" if required else "-"
        print(f"{kind:<10} {required:>5} {found:>6} {recall:>7} {exported:>7} {false:>7}")
        totals = [a + b for a, b in zip(totals, (required, found, exported, false), strict=True)]
    print(f"{'all':<10} {totals[0]:>5} {totals[1]:>6} {totals[1] / max(1, totals[0]):>7.2f} "
          f"{totals[2]:>7} {totals[3]:>7}")
    if args.misses:
        by_id = {h["id"]: h for h in gold["happenings"]}
        for row in sorted(result["rows"], key=lambda r: by_id[r["happening"]]["type"]):
            if not row["found"]:
                print(f"  missed {by_id[row['happening']]['type']:<10} {row['happening']}")
    print("  ".join(f"{k}={v}" for k, v in result.items() if not isinstance(v, list)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
