"""A small store over four hand-written French articles (other stories than the seeds), for the web app.

Built from records, without spaCy: documents, one event per mention, then the store's own merge.
One document id is a path with a folder ("monde/lisbonne.txt"), as ingesting a tree gives.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from annales.model import DateValue, Document, Entity, Event, Evidence, Place, Quantity
from annales.pipeline import remerge
from annales.store import open_store

TOKEN = "test-token-0123456789"
PORTUGAL = Entity("PRT", "Portugal", "country", "PRT")
SPAIN = Entity("ESP", "Spain", "country", "ESP")
MOROCCO = Entity("MAR", "Morocco", "country", "MAR")
MINISTER = Entity("person:ana-ribeiro", "Ana Ribeiro", "person", "PRT")
UN = Entity("org:un", "United Nations", "organization", None)

ARTICLES = {
    "monde/lisbonne.txt": (
        "Visite à Lisbonne\n\n"
        "La ministre portugaise Ana Ribeiro a reçu mardi à Lisbonne son homologue espagnol. "
        "Les deux pays ont signé un accord sur l'eau du Tage.\n\n"
        "Des pêcheurs ont manifesté à Porto contre les quotas.",
        DateValue.day(2025, 3, 12), "Lusa"),
    "madrid.txt": (
        "Sommet ibérique\n\n"
        "Le ministre espagnol s'est rendu mardi 11 mars à Lisbonne, où il a rencontré Ana Ribeiro. "
        "Madrid a promis 300 millions d'euros pour les barrages.",
        DateValue.day(2025, 3, 13), "EFE"),
    "rabat.txt": (
        "Rabat et Lisbonne\n\n"
        "Le Maroc a accusé en février l'Espagne d'avoir bloqué des camions à la frontière. "
        "L'ONU pourrait envoyer des observateurs si les deux pays le demandent.",
        DateValue.day(2025, 3, 2), None),
    "porto.txt": (
        "Colère à Porto\n\n"
        "Plusieurs milliers de pêcheurs ont manifesté lundi à Porto contre les quotas européens, "
        "selon la police, qui parle de 2 000 personnes.",
        DateValue.day(2025, 3, 11), "Lusa"),
}


def _mention(doc: str, sentence: str, trigger: str, date_text: str | None) -> Evidence:
    text, published, source = ARTICLES[doc]
    start = text.index(sentence)
    t = start + sentence.index(trigger)
    d = start + sentence.index(date_text) if date_text else None
    return Evidence(doc, sentence, start, start + len(sentence), trigger, published, t, t + len(trigger),
                    date_text, d, d + len(date_text) if date_text else None, source)


def _event(doc: str, sentence: str, trigger: str, type_: str, *, date_text: str | None = None, **fields) -> Event:
    return Event(type=type_, mentions=(_mention(doc, sentence, trigger, date_text),), confidence=0.6,
                 summary=fields.pop("summary", sentence[:70]), **fields)


def reports() -> dict[str, list[Event]]:
    visit = dict(mode="visit", actor=(SPAIN,), recipient=(MINISTER, PORTUGAL), location=Place("Lisbon", "PRT"),
                 score=4.0)
    return {
        "monde/lisbonne.txt": [
            _event("monde/lisbonne.txt", "La ministre portugaise Ana Ribeiro a reçu mardi à Lisbonne son homologue "
                   "espagnol.", "a reçu", "CONSULT", date_text="mardi", date=DateValue.day(2025, 3, 11, "mardi"),
                   summary="Visite espagnole à Lisbonne", **visit),
            _event("monde/lisbonne.txt", "Les deux pays ont signé un accord sur l'eau du Tage.", "ont signé", "AGREE",
                   actor=(PORTUGAL, SPAIN), date=DateValue.day(2025, 3, 11), score=2.5),
            _event("monde/lisbonne.txt", "Des pêcheurs ont manifesté à Porto contre les quotas.", "ont manifesté",
                   "PROTEST", mode="demo", actor=(Entity("group:fishers", "pêcheurs", "group", "PRT"),),
                   date=DateValue.day(2025, 3, 10), location=Place("Porto", "PRT"), score=-5.0,
                   quantities=(Quantity(3000, "personnes", "3 000 personnes"),)),
        ],
        "madrid.txt": [
            _event("madrid.txt", "Le ministre espagnol s'est rendu mardi 11 mars à Lisbonne, où il a rencontré Ana "
                   "Ribeiro.", "s'est rendu", "CONSULT", date_text="mardi 11 mars",
                   date=DateValue.day(2025, 3, 11, "mardi 11 mars"), **visit),
            _event("madrid.txt", "Madrid a promis 300 millions d'euros pour les barrages.", "a promis", "AID",
                   mode="economic", actor=(SPAIN,), recipient=(PORTUGAL,), date=DateValue.month(2025, 3), score=10.0),
        ],
        "rabat.txt": [
            _event("rabat.txt", "Le Maroc a accusé en février l'Espagne d'avoir bloqué des camions à la frontière.",
                   "a accusé", "ACCUSE", mode="allege", actor=(MOROCCO,), recipient=(SPAIN,), date_text="en février",
                   date=DateValue.month(2025, 2, "en février"), score=-2.5),
            _event("rabat.txt", "L'ONU pourrait envoyer des observateurs si les deux pays le demandent.",
                   "pourrait envoyer", "AID", actor=(UN,), recipient=(MOROCCO, SPAIN), status="hypothetical",
                   score=10.0),
        ],
        "porto.txt": [
            _event("porto.txt", "Plusieurs milliers de pêcheurs ont manifesté lundi à Porto contre les quotas "
                   "européens, selon la police, qui parle de 2 000 personnes.", "ont manifesté", "PROTEST", mode="demo",
                   actor=(Entity("group:fishers", "pêcheurs", "group", "PRT"),), date_text="lundi",
                   date=DateValue.day(2025, 3, 10, "lundi"), location=Place("Porto", "PRT"), score=-5.0,
                   quantities=(Quantity(2000, "personnes", "2 000 personnes"),)),
        ],
    }


def documents() -> list[Document]:
    return [Document(id=doc, text=text, title=text.split("\n")[0], published=published,
                     published_source="metadata", source=source)
            for doc, (text, published, source) in ARTICLES.items()]


def build_store(path: Path) -> Path:
    events = reports()
    with open_store(path, create=True) as store:
        store.add_batch([(d, events[d.id]) for d in documents()], [])
        remerge(store)
    return path


@pytest.fixture
def db(tmp_path) -> Path:
    return build_store(tmp_path / "web.db")


@pytest.fixture
def client(db):
    from fastapi.testclient import TestClient

    from annales.web import create_app

    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.fixture
def editor(db):
    from fastapi.testclient import TestClient

    from annales.web import create_app

    with TestClient(create_app(db, allow_edits=True, token=TOKEN, user="tester")) as test_client:
        test_client.headers["X-Annales-Token"] = TOKEN
        yield test_client


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`annales serve` running in a child process, with the URL and the token it printed."""

    def __init__(self, db: Path, allow_edits: bool = True) -> None:
        import os
        import subprocess
        import sys
        import time
        import urllib.request

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [sys.executable, "-m", "annales", "--db", str(db), "serve", "--port", str(self.port)]
        if allow_edits:
            args.append("--allow-edits")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.token = ""
        self.banner: list[str] = []
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.banner.append(line)
            if line.startswith("Edit token"):
                self.token = line.rsplit(" ", 1)[1].strip()
            if line.startswith("Press Ctrl+C"):
                break
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"annales serve did not start: {''.join(self.banner)}"
                                       f"{self.process.stderr.read() if self.process.stderr else ''}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
