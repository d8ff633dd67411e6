"""TEMPORARY stand-ins for annales.actors / annales.temporal until they are committed (deleted then)."""
from __future__ import annotations

import re

import yaml

from annales.lang import table_path
from annales.model import ActorMention, DateValue, Entity, Place, Timex


class Resolver:
    def __init__(self) -> None:
        data = yaml.safe_load(table_path("countries", "fr").read_text(encoding="utf-8"))
        self.names: dict[str, str] = {}
        self.dem: dict[str, str] = {}
        self.caps: dict[str, str] = {}
        for code, row in data["countries"].items():
            for n in row.get("fr", []):
                self.names[n] = code
            for n in row.get("cap", []) + row.get("seats", []):
                self.caps[n] = code
            for d in row.get("dem", []):
                for form in (d, d + "e", d + "s", d + "es", d + "ne", d + "nes"):
                    self.dem[form] = code
        self.dem.update({"coréen": "PRK", "coréenne": "PRK", "coréens": "PRK", "nord-coréen": "PRK",
                         "nord-coréenne": "PRK", "nord-coréens": "PRK", "nord-coréennes": "PRK"})

    @classmethod
    def load(cls, lang: str = "fr") -> "Resolver":
        return cls()

    def country(self, code: str) -> Entity:
        return Entity(code, code, "country", code)

    def country_of(self, word: str) -> str | None:
        return self.dem.get(word.lower())

    def is_news_agency(self, entity: Entity) -> bool:
        return entity.name in ("Tass", "Interfax", "AFP", "Reuters")

    def place(self, text: str):
        return None

    def mentions(self, doc, date=None) -> list[ActorMention]:
        out = []
        text = doc.text
        for table, kind in ((self.names, "country"), (self.caps, "capital")):
            for name, code in table.items():
                for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
                    out.append(ActorMention(m.start(), m.end(), name, self.country(code),
                                            Place(name, code) if kind == "capital" else None))
        for ent in doc.ents:
            if ent.label_ == "PER":
                country = None
                for t in ent.root.head.children:
                    if t.dep_ == "amod":
                        country = self.country_of(t.text) or country
                for t in doc[max(0, ent.start - 3):ent.start]:
                    country = self.country_of(t.text) or country
                out.append(ActorMention(ent.start_char, ent.end_char, ent.text,
                                        Entity("p:" + ent.text, ent.text, "person", country)))
        return out


def find_timexes(doc, anchor):
    return []
