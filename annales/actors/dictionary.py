"""The knowledge behind resolution: states, organizations, people and their offices over time.

Built once from pycountry (ISO 3166-1 and its French catalogue), the French tables under
``annales/lang/fr/`` and the actor dictionary ``annales/data/actors.yaml``.
"""
from __future__ import annotations

import datetime as dt
import gettext
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml

from annales.actors.names import NameKeys
from annales.actors.schemas import OFFICE, ActorDictionary
from annales.errors import LanguageDataError
from annales.lang import load_table
from annales.model import Entity

HEAD_ROLES = ("secretary_general", "president", "group_leader")
DICTIONARY_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"


def slug(text: str, keys: NameKeys) -> str:
    return "-".join(keys.words(text)) or "x"


def _first_day(text: str) -> dt.date:
    """'2019', '2019-05' or '2019-05-20' as the first day it covers."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Office:
    role: str
    where: str  # ISO3 of a state or "org:<id>"
    start: dt.date
    end: dt.date | None
    person: str  # person id
    country: str | None = None  # the state acted for: ``where``, or the state of a national body or group

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class PersonRecord:
    entity: Entity
    surname_key: str
    offices: list[Office] = field(default_factory=list)

    def at(self, day: dt.date | None) -> Entity:
        """The entity with the country of the office held that day (Rutte: NLD, then NATO)."""
        if day is None:
            return self.entity
        for office in self.offices:
            if office.holds(day):
                if office.country != self.entity.country:
                    return Entity(self.entity.id, self.entity.name, "person", office.country)
                break
        return self.entity


class Dictionary:
    """States, organizations and people, indexed for exact and normalised lookups."""

    def __init__(self, lang: str = "fr") -> None:
        self.keys = NameKeys(lang)
        self.countries_of(lang)
        self._organizations(lang)
        self._people()

    # -- states --------------------------------------------------------------------------------
    def countries_of(self, lang: str) -> None:
        table = load_table("countries", lang)
        french: gettext.NullTranslations  # GNUTranslations when pycountry has the catalogue
        try:
            french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:  # a language pycountry has no catalogue for: the YAML names still work
            french = gettext.NullTranslations()
        self.countries: dict[str, Entity] = {}
        self.country_names: dict[str, str] = {}  # plain name -> ISO3
        self.demonyms: dict[str, str] = {}  # plain demonym form -> ISO3
        self.capitals: dict[str, str] = {}  # plain capital -> ISO3
        self.capital_names: dict[str, str] = {}  # plain capital -> its name as written in the table
        self.seats: dict[str, str] = {}
        self.iso2: dict[str, str] = {}
        rows = table["countries"]
        for country in pycountry.countries:
            code = country.alpha_3
            self.iso2[country.alpha_2] = code
            row = rows.get(code) or {}
            english = row.get("name") or getattr(country, "common_name", None) or country.name
            self.countries[code] = Entity(code, english, "country", code)
            for name in (country.name, getattr(country, "common_name", None), english,
                         french.gettext(country.name)):
                if name and "," not in name:  # "Corée, République de" is an index form, not prose
                    self.country_names.setdefault(self.keys.plain(name), code)
        for code, row in rows.items():
            if code not in self.countries:  # states ISO has not coded yet (Kosovo)
                self.countries[code] = Entity(code, row.get("name") or row["fr"][0], "country", code)
            for name in row["fr"]:
                self.country_names[self.keys.plain(name)] = code
            for form in self._demonym_forms(row.get("dem", []), table["demonym_rules"]):
                self.demonyms.setdefault(self.keys.plain(form), code)
            for capital in row.get("cap", []):
                self.capitals.setdefault(self.keys.plain(capital), code)
                self.capital_names.setdefault(self.keys.plain(capital), capital)
            for seat in row.get("seats", []):
                self.seats[self.keys.plain(seat)] = code
        self.ambiguous: dict[str, tuple[str, ...]] = {w: tuple(c) for w, c in table["ambiguous"].items()}
        self.ambiguous_plain = {self.keys.plain(w): c for w, c in self.ambiguous.items()}
        for plain in self.ambiguous_plain:  # "Congo" is pycountry's name for one of two states
            self.country_names.pop(plain, None)
            self.demonyms.pop(plain, None)
        self.locative = frozenset(self.keys.plain(w) for w in table["locative"])
        self.with_article = frozenset(self.keys.plain(w) for w in table.get("with_article", ()))

    @staticmethod
    def _demonym_forms(given: list[str], rules: dict) -> list[str]:
        """Masculine, feminine and plurals of each demonym (irregular forms listed in the table)."""
        def apply(word: str, which: str) -> str:
            for rule in rules[which]:
                if word.endswith(rule["ending"]):
                    return word + rule["add"]
            return word

        forms: list[str] = []
        for masculine in given:
            feminine = apply(masculine, "feminine")
            forms += [masculine, feminine, apply(masculine, "plural"), apply(feminine, "plural")]
        return forms

    def country(self, code: str) -> Entity | None:
        return self.countries.get(code.upper())

    # -- organizations -------------------------------------------------------------------------
    def _organizations(self, lang: str) -> None:
        self.orgs: dict[str, Entity] = {}
        self.org_names: dict[str, str] = {}  # plain name -> org id (long names)
        self.org_acronyms: dict[str, str] = {}  # exact acronym -> org id (case matters: "AP", "EI")
        self.agencies: set[str] = set()
        self.org_lower: dict[str, str] = {}  # names written in lower case in the table ("talibans")
        for row in load_table("organizations", lang)["organizations"]:
            prefix = "group" if row["kind"] == "group" else "org"
            entity = Entity(f"{prefix}:{row['id']}", row["name"], row["kind"], row.get("country"))
            self.orgs[row["id"]] = entity
            if row.get("agency"):
                self.agencies.add(entity.id)
            for name in row["fr"]:
                if name[:1].islower():
                    self.org_lower[name] = row["id"]
                if len(name) <= 5 and (name.isupper() or re.fullmatch(r"[A-Z][a-z]+|G\d+|G-\d+", name)):
                    self.org_acronyms[name] = row["id"]
                    if not name.isupper():  # "Otan", "Onu": case-insensitive is fine for these
                        self.org_names.setdefault(self.keys.plain(name), row["id"])
                else:
                    self.org_names[self.keys.plain(name)] = row["id"]

    # -- people and offices --------------------------------------------------------------------
    def _people(self) -> None:
        try:
            raw = yaml.safe_load(DICTIONARY_PATH.read_text(encoding="utf-8"))
            data = ActorDictionary.model_validate(raw)
        except Exception as error:
            raise LanguageDataError(f"{DICTIONARY_PATH} is not a valid actor dictionary: {error}; fix the file") from error
        family_first = set(data.family_name_first)
        self.family_name_first = frozenset(family_first)
        self.people: dict[str, PersonRecord] = {}
        self.person_keys: dict[str, str] = {}  # name key -> person id
        self.surnames: dict[str, set[str]] = defaultdict(set)  # surname key -> person ids
        self.first_last: dict[tuple[str, str], set[str]] = defaultdict(set)  # ("resep", "erdogan") -> ids
        self.offices: dict[tuple[str, str], list[Office]] = defaultdict(list)
        self.person_names: dict[str, list[str]] = {}  # person id -> the names the dictionary gives
        for person in data.people:
            pid = f"person:{slug(person.name, self.keys)}"
            if person.surname:
                surname = person.surname
            else:
                words = person.name.replace(".", "").split()
                if " of " in person.name or re.fullmatch(r"[IVX]+", words[-1]):
                    surname = words[0]  # regnal names: "Abdullah II", "Salman of Saudi Arabia"
                else:
                    surname = words[0] if person.country in family_first else words[-1]
            record = PersonRecord(Entity(pid, person.name, "person", person.country), self.keys.key(surname))
            self.people[pid] = record
            self.person_names[pid] = [person.name, *person.fr]
            for name in [person.name, *person.fr]:
                key = self.keys.key(name)
                self.person_keys[key] = pid
                words = key.split()
                if len(words) > 2:  # "Recep Erdogan" for Recep Tayyip Erdoğan
                    self.first_last[(words[0], words[-1])].add(pid)
            self.surnames[record.surname_key].add(pid)
            for text in person.offices:
                match = OFFICE.match(text)
                assert match is not None  # the schema checked it
                where = match["where"] or person.country or ""
                if where.startswith("org:"):
                    body = self.orgs.get(where[4:])
                    if body is None:
                        raise LanguageDataError(f"{DICTIONARY_PATH}: {person.name} holds an office at unknown "
                                                f"{where!r}; add it to organizations.yaml or fix the id")
                    country = body.country
                else:
                    country = where or None
                office = Office(match["role"], where, _first_day(match["start"]),
                                # an end is exclusive: the successor starts that day ("2016-05" hands over on the 1st)
                                _first_day(match["end"]) if match["end"] else None, pid, country)
                record.offices.append(office)
                self.offices[(where, office.role)].append(office)
        for holders in self.offices.values():
            holders.sort(key=lambda o: o.start)
        self.fuzzy_choices = list(self.person_keys)

    def aliases(self) -> dict[str, list[str]]:
        """Every name the dictionary knows for each entity id, folded (lower case, no accents):
        ``{"person:vladimir-putin": ["vladimir putin", "vladimir poutine", ...], "PRK": ["coree du nord",
        "pyongyang", ...]}``. For filters that must accept the French names and spellings."""
        found: dict[str, list[str]] = defaultdict(list)
        for table in (self.country_names, self.capitals, self.seats):
            for plain, code in table.items():
                found[code].append(plain)
        for plain, org in self.org_names.items():
            found[self.orgs[org].id].append(plain)
        for acronym, org in self.org_acronyms.items():
            found[self.orgs[org].id].append(self.keys.plain(acronym))
        for pid, names in self.person_names.items():
            found[pid] += [self.keys.plain(name) for name in names]
        return {key: list(dict.fromkeys(names)) for key, names in found.items()}

    def holder(self, where: str, role: str, day: dt.date | None) -> Entity | None:
        """Who held ``role`` for ``where`` (ISO3 or org:<id>) on ``day`` (today's holder when None).

        ``org_head`` is whoever leads the body that day (secretary general, president...).
        """
        if role == "org_head":
            offices = [o for (w, r), held in self.offices.items() if w == where and r in HEAD_ROLES for o in held]
        else:
            offices = self.offices.get((where, role), [])
        if day is None:
            current = [o for o in offices if o.end is None]
        else:
            current = [o for o in offices if o.holds(day)]
        people = {o.person for o in current}
        if len(people) != 1:  # nobody, or several at once (China's spokespeople): do not guess
            return None
        return self.people[people.pop()].at(day)
