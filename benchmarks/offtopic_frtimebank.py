"""Which events annales codes on regional news that is mostly not political (the French TimeBank texts).

    python benchmarks/offtopic_frtimebank.py [--gold DIR]

Reads the ISO-TimeML documents with the shared scorer (``timex_score.py dump``), runs the whole
pipeline on each with its document creation time as the publication date, and prints every event
coded: document, type, actors, trigger and sentence, for a reader to judge whether it is a political
event. The last line gives the counts.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "benchmarks"))

from temporal_frtimebank import dump  # noqa: E402  (the one reader of the FR-TimeBank dump)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "frtimebank-dev",
                        help="folder of ISO-TimeML .tml files (default: the dev half of the French TimeBank)")
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        parser.error(f"--gold {args.gold} is not a folder of .tml files")
    from annales.model import DateValue, Document
    from annales.pipeline import analyse_documents

    docs = dump(args.gold)
    documents = [Document(id=d["doc"], text=d["text"], language="fr",
                          published=DateValue.parse(d["dct"][:10]) if d.get("dct") else None,
                          published_source="metadata") for d in docs]
    count = 0
    with_events = 0
    for result in analyse_documents(documents):
        events = getattr(result, "events", ())
        if not events:
            continue
        with_events += 1
        for event in events:
            count += 1
            evidence = event.mentions[0]
            actors = ", ".join(f"{e.name} <{e.id}>" for e in event.actor) or "?"
            recipients = ", ".join(f"{e.name} <{e.id}>" for e in event.recipient)
            sentence = " ".join(evidence.sentence.split())
            print(f"{evidence.doc}  {event.type:<9} {event.status:<12} {actors} -> {recipients}  "
                  f"[{evidence.trigger}]  {event.date}\n    {sentence}")
    print(f"documents {len(documents)}  with events {with_events}  events {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
