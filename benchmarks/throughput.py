#!/usr/bin/env python3
"""Throughput: spaCy's parse alone vs the full annales pipeline, on 1 and 2 workers.

    python benchmarks/throughput.py [--repeat N] [--gold DIR]

Texts: the bundled seed articles repeated N times, plus the French TimeBank texts (dumped with
../shared/eval/timex_score.py). Prints documents/s, words/s, peak memory and the ratio
full/parse-only; the last line is machine-readable:
ratio=<full/parse-only, 1 worker> speedup=<2 workers vs 1> docs_per_s=<full, 1 worker> peak_mb=<peak RSS>
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from temporal_frtimebank import dump  # noqa: E402  (the one reader of the FR-TimeBank dump)

from annales.clean import clean  # noqa: E402
from annales.ingest import read  # noqa: E402
from annales.model import DateValue, Document  # noqa: E402
from annales.pipeline import analyse_documents  # noqa: E402


def corpus(repeat: int, gold: Path) -> list[Document]:
    docs = []
    seeds = [clean(r) for r in read([ROOT / "examples" / "seeds"])]
    for n in range(repeat):
        # A distinct id per copy; the text is the same, which does not matter for timing.
        docs += [Document(id=f"{d.id}#{n}", text=d.text, title=d.title, published=d.published,
                          published_source=d.published_source) for d in seeds]
    if gold.is_dir():
        docs += [Document(id=row["doc"], text=row["text"], published=DateValue.parse(row["dct"]),
                          published_source="metadata") for row in dump(gold)]
    else:
        print(f"(French TimeBank not found at {gold}: seeds only)")
    return docs


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def timed(label: str, func, docs: list[Document], words: int) -> float:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:7.2f} s  {len(docs) / seconds:7.2f} docs/s  {words / seconds:9.0f} words/s"
          f"  peak {peak_mb():6.0f} MB")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=6, help="copies of the seed articles (default 6)")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "frtimebank-dev")
    args = parser.parse_args()

    from annales import nlp

    docs = corpus(args.repeat, args.gold)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(docs)} documents, {words} words")
    pipeline = nlp.load()
    list(pipeline.pipe(texts[:4]))  # warm-up
    list(analyse_documents(docs[:8], workers=1))  # loads the analyser and builds its lazy tables before timing

    parse1 = timed("spaCy parse, 1 process", lambda: list(pipeline.pipe(texts, batch_size=16)), docs, words)
    full1 = timed("annales full, 1 worker", lambda: list(analyse_documents(docs, workers=1)), docs, words)
    parse2 = timed("spaCy parse, 2 processes",
                   lambda: list(pipeline.pipe(texts, batch_size=16, n_process=2)), docs, words)
    full2 = timed("annales full, 2 workers", lambda: list(analyse_documents(docs, workers=2)), docs, words)
    with tempfile.TemporaryDirectory() as folder:
        from annales import open_store, run

        with open_store(Path(folder) / "bench.db", create=True) as store:
            first = time.perf_counter()
            run([ROOT / "examples" / "seeds"], store)
            first = time.perf_counter() - first
            again = time.perf_counter()
            run([ROOT / "examples" / "seeds"], store)
            again = time.perf_counter() - again
    print(f"{'seeds into a store, then again':<28} {first:7.2f} s, then {again:.2f} s (already stored: skipped)")
    ratio, speedup = full1 / parse1, full1 / full2
    print(f"our stages add {100 * (ratio - 1):.0f}% to the parse (target < 30%); "
          f"2 workers: {speedup:.2f}x (target >= 1.6x); parse alone on 2 processes: {parse1 / parse2:.2f}x")
    print(f"ratio={ratio:.2f} speedup={speedup:.2f} docs_per_s={len(docs) / full1:.2f} peak_mb={peak_mb():.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
