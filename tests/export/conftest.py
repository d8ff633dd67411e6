"""A small merged timeline over three hand-written French articles, for the renderers."""
from __future__ import annotations

import pytest

from annales.merge import merge
from annales.model import DateValue, Document, Entity, Event, Evidence, Place, Quantity

ZELENSKY = Entity("Q_zelensky", "Volodymyr Zelensky", "person", "UKR")
SCHOLZ = Entity("Q_scholz", "Olaf Scholz", "person", "DEU")
UKRAINE = Entity("UKR", "Ukraine", "country", "UKR")
RUSSIA = Entity("RUS", "Russie", "country", "RUS")
EU = Entity("EU", "Union européenne", "organization", None)
HAMAS = Entity("Q_hamas", "Hamas", "group", "PSE")
ISRAEL = Entity("ISR", "Israël", "country", "ISR")

ARTICLES = {
    "berlin.txt": (
        "Zelensky à Berlin\n\n"
        "Le président ukrainien Volodymyr Zelensky a été reçu vendredi à Berlin par le chancelier Olaf Scholz. "
        "L'Allemagne a promis une aide militaire de 7 milliards d'euros.\n\n"
        "Dans la nuit, la Russie a frappé Kharkiv avec des drones, faisant deux blessés, selon l'armée de l'air ukrainienne.",
        DateValue.day(2024, 2, 17), "AFP", "https://example.org/berlin"),
    "kharkiv.txt": (
        "Kharkiv sous les drones\n\n"
        "Des drones russes ont frappé Kharkiv dans la nuit de jeudi à vendredi, faisant trois blessés. "
        "Moscou dément avoir visé des civils.",
        DateValue.day(2024, 2, 16), "Reuters", None),
    "bruxelles.txt": (
        "Sanctions européennes\n\n"
        "L'Union européenne a adopté en février un treizième paquet de sanctions contre la Russie. "
        "Le Hamas pourrait libérer des otages si Israël accepte une trêve, selon un médiateur.",
        DateValue.day(2024, 2, 24), None, None),
}


def _mention(doc: str, sentence: str, trigger: str, date_text: str | None, published: DateValue,
             source: str | None) -> Evidence:
    text = ARTICLES[doc][0]
    start = text.index(sentence)
    t = start + sentence.index(trigger)
    d = start + sentence.index(date_text) if date_text else None
    return Evidence(doc, sentence, start, start + len(sentence), trigger, published, t, t + len(trigger),
                    date_text, d, d + len(date_text) if date_text else None, source)


def _event(doc, sentence, trigger, type_, *, date_text=None, **fields) -> Event:
    _, published, source, _ = ARTICLES[doc]
    return Event(type=type_, mentions=(_mention(doc, sentence, trigger, date_text, published, source),),
                 confidence=0.6, summary=fields.pop("summary", sentence[:70]), **fields)


@pytest.fixture(scope="session")
def documents() -> list[Document]:
    return [Document(id=doc, text=text, title=text.split("\n")[0], published=published,
                     published_source="metadata", source=source, url=url)
            for doc, (text, published, source, url) in ARTICLES.items()]


@pytest.fixture(scope="session")
def reports() -> list[Event]:
    return [
        _event("berlin.txt", "Le président ukrainien Volodymyr Zelensky a été reçu vendredi à Berlin par le "
               "chancelier Olaf Scholz.", "a été reçu", "CONSULT", mode="visit", actor=(ZELENSKY,),
               recipient=(SCHOLZ,), date=DateValue.day(2024, 2, 16, "vendredi"), date_text="vendredi",
               location=Place("Berlin", "DEU", 52.52, 13.405), score=4.0,
               summary="Volodymyr Zelensky reçu à Berlin par Olaf Scholz"),
        _event("berlin.txt", "L'Allemagne a promis une aide militaire de 7 milliards d'euros.", "a promis", "AGREE",
               actor=(Entity("DEU", "Allemagne", "country", "DEU"),), recipient=(UKRAINE,), score=2.5,
               date=DateValue.day(2024, 2, 16)),
        _event("berlin.txt", "Dans la nuit, la Russie a frappé Kharkiv avec des drones, faisant deux blessés, selon "
               "l'armée de l'air ukrainienne.", "a frappé", "ASSAULT", mode="drone", actor=(RUSSIA,), recipient=(UKRAINE,),
               date=DateValue.day(2024, 2, 16, "Dans la nuit"), date_text="Dans la nuit",
               location=Place("Kharkiv", "UKR"), score=-9.0, quantities=(Quantity(2, "blessés", "deux blessés"),)),
        _event("kharkiv.txt", "Des drones russes ont frappé Kharkiv dans la nuit de jeudi à vendredi, faisant trois "
               "blessés.", "ont frappé", "ASSAULT", mode="drone", actor=(RUSSIA,), recipient=(UKRAINE,),
               date=DateValue.day(2024, 2, 16, "dans la nuit de jeudi à vendredi"),
               date_text="dans la nuit de jeudi à vendredi", location=Place("Kharkiv", "UKR"), score=-9.0,
               quantities=(Quantity(3, "blessés", "trois blessés"),)),
        _event("bruxelles.txt", "L'Union européenne a adopté en février un treizième paquet de sanctions contre la "
               "Russie.", "a adopté", "SANCTION", actor=(EU,), recipient=(RUSSIA,),
               date=DateValue.month(2024, 2, "en février"), date_text="en février", score=-6.0),
        _event("bruxelles.txt", "Le Hamas pourrait libérer des otages si Israël accepte une trêve, selon un "
               "médiateur.", "pourrait libérer", "RETREAT", mode="release", actor=(HAMAS,), recipient=(ISRAEL,),
               status="hypothetical", score=6.5),
    ]


@pytest.fixture(scope="session")
def happenings(reports) -> list[Event]:
    return merge(reports)
