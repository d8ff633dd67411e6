#!/usr/bin/env python3
"""API latency of `annales serve` on a large store: p50 and p95 for the timeline and one happening.

    python benchmarks/api_latency.py [--happenings 5000] [--requests 300] [--check]

Builds a store of synthetic records (documents, one event per mention, happenings; all through
annales' records and store methods, no SQL), starts the app with uvicorn on a free loopback port
and times HTTP requests with one keep-alive client: the timeline's first page (no filter, then
with an actor, a type and a text filter) and a random happening. The first request, which parses
the store into the app's cache, is timed apart. `--check` exits 1 when the timeline's p95 is over
100 ms. The last line is machine-readable:
happenings=<N> timeline_p50_ms=<...> timeline_p95_ms=<...> happening_p50_ms=<...> happening_p95_ms=<...>
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from annales.merge.corrections import plover_types, type_score  # noqa: E402
from annales.model import DateValue, Document, Entity, Event, Evidence, Place  # noqa: E402
from annales.store import open_store  # noqa: E402
from annales.web import create_app  # noqa: E402

BOUND_MS = 100.0
COUNTRIES = ["FRA", "DEU", "ESP", "ITA", "PRT", "POL", "UKR", "RUS", "TUR", "GRC", "MAR", "DZA", "TUN", "EGY",
             "ISR", "IRN", "IRQ", "SYR", "LBN", "JOR", "SAU", "CHN", "JPN", "KOR", "PRK", "IND", "PAK", "USA",
             "CAN", "MEX", "BRA", "ARG", "CHL", "PER", "NGA", "KEN", "ETH", "ZAF", "AUS", "NZL"]
VERBS = ["a rencontré", "a accusé", "a menacé", "a signé", "a condamné", "a soutenu", "a attaqué", "a reçu"]


def synthesise(n: int, seed: int = 7) -> tuple[list[tuple[Document, list[Event]]], list[Event]]:
    """``n`` happenings from ``n`` // 2 documents (two reports each), with one happening in ten reported twice."""
    rng = random.Random(seed)
    types = plover_types()
    people = [Entity(f"person:p{i}", f"Personne {i}", "person", rng.choice(COUNTRIES)) for i in range(120)]
    states = [Entity(code, code, "country", code) for code in COUNTRIES]
    start = dt.date(2021, 1, 1)
    items: list[tuple[Document, list[Event]]] = []
    happenings: list[Event] = []
    per_doc = 2
    for d in range(n // per_doc):
        day = start + dt.timedelta(days=rng.randrange(1200))
        sentences, events = [], []
        for k in range(per_doc):
            actor, recipient = rng.choice(people + states), rng.choice(states)
            verb = rng.choice(VERBS)
            sentences.append(f"Le {day:%d/%m/%Y}, {actor.name} {verb} {recipient.name} à propos de l'affaire {d}-{k}.")
            events.append((actor, recipient, verb))
        text = f"Dépêche {d}\n\n" + " ".join(sentences)
        published = DateValue.day(day.year, day.month, day.day)
        document = Document(id=f"synth/{d:05d}.txt", text=text, title=f"Dépêche {d}", published=published,
                            published_source="metadata", source=rng.choice(["AFP", "Reuters", None]))
        offset = text.index(sentences[0])
        mentions = []
        for k, sentence in enumerate(sentences):
            actor, recipient, verb = events[k]
            at = text.index(verb, offset)
            kind = rng.choice(types)
            date = published if rng.random() < 0.7 else DateValue.month(day.year, day.month)
            evidence = Evidence(document.id, sentence, offset, offset + len(sentence), verb, published, at,
                                at + len(verb), source=document.source)
            event = Event(type=kind, mentions=(evidence,), actor=(actor,), recipient=(recipient,), date=date,
                          location=Place(f"Ville {rng.randrange(300)}", recipient.country), score=type_score(kind, None),
                          confidence=round(rng.uniform(0.3, 0.95), 2), summary=f"{actor.name} {verb} {recipient.name}",
                          status=rng.choice(["asserted"] * 8 + ["alleged", "planned", "hypothetical"]))
            mentions.append(event)
            offset += len(sentence) + 1
        items.append((document, mentions))
        happenings.extend(mentions)
    return items, sorted(happenings, key=lambda e: (e.date.start if e.date else dt.date.max, e.id))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def timed(client: httpx.Client, urls: list[str]) -> list[float]:
    out = []
    for url in urls:
        began = time.perf_counter()
        response = client.get(url)
        out.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
    return out


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--happenings", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=300, help="Requests per measured endpoint.")
    parser.add_argument("--check", action="store_true", help=f"Exit 1 when the timeline's p95 is over {BOUND_MS:g} ms.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        began = time.perf_counter()
        items, happenings = synthesise(args.happenings)
        with open_store(db) as store:
            store.add_batch(items, [])
            store.replace_happenings(happenings)
            stored = len(store.happenings())
        print(f"store: {stored} happenings from {len(items)} documents in {time.perf_counter() - began:.1f} s")

        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        rng = random.Random(3)
        ids = [h.id for h in rng.sample(happenings, min(len(happenings), args.requests))]
        with httpx.Client(base_url=base, timeout=30) as client:
            first = timed(client, ["/api/v1/happenings"])[0]
            print(f"first request (parses the store into the cache): {first:.0f} ms")
            timed(client, ["/api/v1/happenings"] * 20 + [f"/api/v1/happenings/{i}" for i in ids[:20]])  # warm-up
            timeline = timed(client, ["/api/v1/happenings"] * args.requests)
            filtered = timed(client, [f"/api/v1/happenings?actor=person:p{rng.randrange(120)}&type=CONSULT,ACCUSE&per_page=100"
                                      for _ in range(args.requests // 3)]
                             + [f"/api/v1/happenings?q=affaire+{rng.randrange(2000)}&from=2022" for _ in range(args.requests // 3)]
                             + ["/api/v1/happenings?country=FRA&status=*&page=3&per_page=200"
                                for _ in range(args.requests // 3)])
            one = timed(client, [f"/api/v1/happenings/{i}" for i in ids])
        server.should_exit = True
        thread.join(timeout=10)

    print(f"{'endpoint':<44} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, values in [("GET /api/v1/happenings (timeline, page 1)", timeline),
                         ("GET /api/v1/happenings with filters", filtered),
                         ("GET /api/v1/happenings/{id}", one)]:
        print(f"{name:<44} {p(values, 50):>8.1f} {p(values, 95):>8.1f} {max(values):>8.1f}")
    worst = max(p(timeline, 95), p(filtered, 95))
    verdict = "ok" if worst < BOUND_MS else "TOO SLOW"
    print(f"timeline p95 {worst:.1f} ms (bound {BOUND_MS:g} ms): {verdict}")
    print(f"happenings={stored} timeline_p50_ms={p(timeline, 50):.1f} timeline_p95_ms={p(timeline, 95):.1f} "
          f"filtered_p95_ms={p(filtered, 95):.1f} happening_p50_ms={p(one, 50):.1f} happening_p95_ms={p(one, 95):.1f}")
    return 1 if args.check and worst >= BOUND_MS else 0


if __name__ == "__main__":
    sys.exit(main())
