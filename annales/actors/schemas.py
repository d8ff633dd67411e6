"""Schemas of the actor tables: checked when a table is loaded and by the meta-tests."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from annales.lang import table_schema

ISO3 = re.compile(r"^[A-Z]{3}$")
DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
OFFICE = re.compile(rf"^(?P<role>[a-z_]+)(?:@(?P<where>[A-Z]{{3}}|org:[a-z0-9-]+))? (?P<start>{DATE})/(?P<end>{DATE})?$")
PLACEHOLDERS = re.compile(r"\{(\w+)\}")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _iso3(value: str | None) -> str | None:
    if value is not None and not ISO3.match(value):
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 code")
    return value


# -- countries ---------------------------------------------------------------------------------
class Ending(Strict):
    ending: str
    add: str


class DemonymRules(Strict):
    feminine: list[Ending]
    plural: list[Ending]


class CountryRow(Strict):
    name: str | None = None
    fr: list[str] = Field(min_length=1)
    dem: list[str] = []
    cap: list[str] = []
    seats: list[str] = []


@table_schema("countries")
class CountriesTable(Strict):
    demonym_rules: DemonymRules
    ambiguous: dict[str, list[str]]
    locative: list[str]
    countries: dict[str, CountryRow]
    # names that are also common words ("Réunion du Conseil de sécurité"): the place only after its article
    with_article: list[str] = []

    @field_validator("countries")
    @classmethod
    def codes(cls, value: dict[str, CountryRow]) -> dict[str, CountryRow]:
        for code in value:
            _iso3(code)
        return value

    @field_validator("ambiguous")
    @classmethod
    def ambiguous_codes(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for codes in value.values():
            for code in codes:
                _iso3(code)
        return value


# -- titles ------------------------------------------------------------------------------------
class TitleForm(Strict):
    form: str
    countries: list[str] | None = None
    country: str | None = None
    org: str | None = None

    @field_validator("form")
    @classmethod
    def placeholders(cls, value: str) -> str:
        for name in PLACEHOLDERS.findall(value):
            if name not in ("ADJ", "OF", "ORG", "PORTFOLIO"):
                raise ValueError(f"unknown placeholder {{{name}}} in {value!r}")
        return value


class Institution(TitleForm):
    as_: str | None = Field(default=None, alias="as")
    slug: str | None = None
    context: bool = False  # the form names no state: the state the text is about at that point
    holder: bool = False  # the form is an office ("le ministre des Affaires étrangères"): not before a name
    local: bool = False  # a force on the ground ("la police"): with no state, it acts for the one where it acts


class ArmedGroups(Strict):
    nouns: dict[str, str]  # "rebelles" -> "rebels": groups named by what they are
    named: list[str]  # heads before a group's own name ("le groupe armé X", "la milice X")
    unarmed: list[str]  # those of them that name an armed group only with a qualifier ("le groupe jihadiste X")
    qualifiers: list[str]  # words between such a head and the name ("le groupe jihadiste X")
    holders: list[str]  # nouns whose adjective "rebelles" still names the group ("des groupes rebelles")
    # labels of nouns that say nothing of who the group is ("un homme armé", "des assaillants"): no state
    # from the place where they acted, only from a demonym right after them ("des hommes armés afghans")
    unknown: list[str] = []
    # words after which a place is a meeting's venue ("des pourparlers à Doha"), not where a group fights
    venues: list[str] = []


@table_schema("titles")
class TitlesTable(Strict):
    of_prepositions: list[str]
    portfolio: str
    leader_role: dict[str, list[str]]
    titles: dict[str | None, list[str | TitleForm]]
    corefer: dict[str, str]
    not_current: list[str]
    person_cues: list[str]
    institutions: list[Institution]
    armed_groups: ArmedGroups
    # nouns that, with a possessive and no name, stand for the owner's state ("son pays", "nos diplomates")
    owned_by_state: list[str] = []
    owned_by_speaker: list[str] = []


# -- organizations -----------------------------------------------------------------------------
class Organization(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    kind: str = Field(pattern=r"^(organization|group)$")
    country: str | None = None
    agency: bool = False
    fr: list[str] = Field(min_length=1)

    _check = field_validator("country")(classmethod(lambda cls, v: _iso3(v)))


@table_schema("organizations")
class OrganizationsTable(Strict):
    organizations: list[Organization]

    @field_validator("organizations")
    @classmethod
    def unique_ids(cls, value: list[Organization]) -> list[Organization]:
        seen: set[str] = set()
        for org in value:
            if org.id in seen:
                raise ValueError(f"organization {org.id!r} is listed twice: keep one entry")
            seen.add(org.id)
        return value


# -- places ------------------------------------------------------------------------------------
class Site(Strict):
    name: str
    country: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    fr: list[str] = Field(min_length=1)

    _check = field_validator("country")(classmethod(lambda cls, v: _iso3(v)))


@table_schema("places")
class PlacesTable(Strict):
    min_population: int = Field(ge=500)
    min_population_alternates: int = Field(ge=500)
    exonyms: dict[str, list[str]]
    sites: list[Site]


# -- name matching -----------------------------------------------------------------------------
class UnlabelledNames(Strict):
    words: list[int] = Field(min_length=2, max_length=2)
    max_letters: int = Field(ge=2)
    subject_of: list[str]


@table_schema("actors_names")
class NamesTable(Strict):
    characters: dict[str, str]
    particles: list[str]
    name_particles: list[str]
    articles: list[str]
    elided: list[str]
    apposition_determiners: list[str]
    rewrite: list[list[str]]
    fuzzy_threshold: int = Field(ge=50, le=100)
    name_stops: list[str]
    unlabelled_names: UnlabelledNames

    @field_validator("rewrite")
    @classmethod
    def pairs(cls, value: list[list[str]]) -> list[list[str]]:
        for pair in value:
            if len(pair) != 2:
                raise ValueError(f"a rewrite is [pattern, replacement], not {pair!r}")
            re.compile(pair[0])
        return value


# -- the actor dictionary (annales/data/actors.yaml) -------------------------------------------
class Person(Strict):
    name: str
    country: str | None
    fr: list[str] = []
    surname: str | None = None
    offices: list[str]

    _check = field_validator("country")(classmethod(lambda cls, v: _iso3(v)))

    @field_validator("offices")
    @classmethod
    def office_syntax(cls, value: list[str]) -> list[str]:
        for office in value:
            match = OFFICE.match(office)
            if not match:
                raise ValueError(f"office {office!r} is not 'role[@WHERE] start/[end]'")
            if match["end"] and match["end"] < match["start"]:
                raise ValueError(f"office {office!r} ends before it starts")
        return value


class ActorDictionary(Strict):
    sources: list[str] = Field(min_length=1)
    checked: Any
    family_name_first: list[str]
    people: list[Person] = Field(min_length=100)
