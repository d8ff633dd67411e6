"""The actor dictionary and the French actor tables validate and are general."""
from __future__ import annotations

from collections import Counter, defaultdict

import pycountry
import pytest
import yaml

from annales.actors.dictionary import DICTIONARY_PATH, Dictionary
from annales.actors.schemas import OFFICE, ActorDictionary, OrganizationsTable
from annales.lang import SCHEMAS, load_table

TABLES = ["countries", "titles", "organizations", "places", "actors_names"]


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return Dictionary("fr")


@pytest.mark.parametrize("name", TABLES)
def test_every_actor_table_validates(name):
    import annales.actors  # noqa: F401  (registers the schemas)

    assert name in SCHEMAS
    load_table.cache_clear()
    SCHEMAS[name].model_validate(load_table(name, "fr"))


def test_dictionary_validates_and_states_its_sources():
    raw = yaml.safe_load(DICTIONARY_PATH.read_text(encoding="utf-8"))
    data = ActorDictionary.model_validate(raw)
    assert data.sources and all("checked" in s or "Wikipedia" in s for s in data.sources)
    assert "Sources:" in DICTIONARY_PATH.read_text(encoding="utf-8")[:1500]


def test_schema_rejects_a_bad_office():
    with pytest.raises(ValueError, match="ends before it starts"):
        ActorDictionary.model_validate({"sources": ["x"], "checked": "2026", "family_name_first": [],
                                        "people": [{"name": "A B", "country": "RUS",
                                                    "offices": ["foreign_minister 2020-05-01/2019-01-01"]}] * 100})


def test_schema_rejects_an_organization_listed_twice():
    row = {"id": "oas", "name": "Organization of American States", "kind": "organization", "fr": ["OEA"]}
    with pytest.raises(ValueError, match="listed twice"):
        OrganizationsTable.model_validate({"organizations": [row, dict(row)]})


def test_dictionary_is_general(dictionary):
    people = dictionary.people.values()
    offices = [o for p in people for o in p.offices]
    assert len(dictionary.people) >= 300
    assert len(offices) >= 350
    states = {o.where for o in offices if not o.where.startswith("org:")}
    assert len(states) >= 60
    # at least 40 states have both a head (of state or government) and a foreign minister on record
    roles = defaultdict(set)
    for office in offices:
        roles[office.where].add(office.role)
    covered = [s for s, r in roles.items() if r & {"head_of_state", "head_of_government"} and "foreign_minister" in r]
    assert len(covered) >= 30, sorted(covered)
    assert len([s for s, r in roles.items() if r & {"head_of_state", "head_of_government"}]) >= 60


def test_every_country_code_is_a_state(dictionary):
    codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for record in dictionary.people.values():
        assert record.entity.country is None or record.entity.country in codes, record.entity
        for office in record.offices:
            assert office.where.startswith("org:") or office.where in codes, office


def test_no_two_people_share_a_name_key():
    raw = yaml.safe_load(DICTIONARY_PATH.read_text(encoding="utf-8"))
    d = Dictionary("fr")
    owners = defaultdict(set)
    for person in raw["people"]:
        for name in [person["name"], *person.get("fr", [])]:
            owners[d.keys.key(name)].add(person["name"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_offices_of_one_role_do_not_overlap_for_single_seat_roles(dictionary):
    """Two foreign ministers of one state at once means a wrong date."""
    for (where, role), offices in dictionary.offices.items():
        if role not in ("head_of_state", "head_of_government", "foreign_minister", "defence_minister"):
            continue
        for a, b in zip(offices, offices[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (where, role, a, b)


def test_office_syntax_examples():
    assert OFFICE.match("foreign_minister 2004-03-09/")
    assert OFFICE.match("secretary_general@org:un 2017-01-01/2026-12-31")
    assert not OFFICE.match("foreign minister 2004")


def test_countries_have_french_names_demonyms_and_capitals(dictionary):
    d = dictionary
    assert d.country_names["russie"] == "RUS"
    assert d.country_names["rpdc"] == "PRK"
    assert d.country_names["allemagne"] == "DEU"  # from pycountry's French catalogue
    assert d.country_names["bresil"] == "BRA"
    assert d.demonyms["nord-coreennes".replace("-", " ")] == "PRK"
    assert d.demonyms["grecque"] == "GRC"
    assert d.capitals["moscou"] == "RUS" and d.seats["le kremlin"] == "RUS"
    with_demonyms = Counter(d.demonyms.values())
    assert len(with_demonyms) >= 150


def test_organizations_and_agencies(dictionary):
    assert "org:afp" in dictionary.agencies and "org:kcna" in dictionary.agencies
    assert "org:un" not in dictionary.agencies
    assert dictionary.orgs["hamas"].kind == "group"
