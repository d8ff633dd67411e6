"""Which state "son voisin", "ses voisins" names (``annales/data/borders.yaml``).

French news names a state by its border with the subject: "alors que l'Irak avait envahi son voisin en
1990", "la Russie menace ses voisins". A reader knows the neighbour from the article: the state
that borders the owner and that the article names. ``neighbour_states`` gives it: the owner is the
subject of the clause the phrase sits in (its nearest subject, not a pronoun), the candidates are the
states bordering the owner's state that the document names anywhere, and the one named most wins; a
tie, an owner of no single state, or no candidate named, gives nothing (no state is guessed).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator
from spacy.tokens import Token

from annales.errors import LanguageDataError
from annales.events.state import DocState
from annales.lang import languages, load_table, table_path, table_schema
from annales.model import Entity

BORDERS_PATH = Path(__file__).resolve().parent.parent / "data" / "borders.yaml"
ISO3 = re.compile(r"^[A-Z]{3}$")

__all__ = ["BORDERS_PATH", "BordersTable", "NeighbourWords", "borders", "neighbour_states"]


class BordersTable(BaseModel):
    """``annales/data/borders.yaml``: every state with the states it shares a land border with."""
    model_config = ConfigDict(extra="forbid")
    borders: dict[str, list[str]]

    @field_validator("borders")
    @classmethod
    def symmetric(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = sorted(c for code, row in value.items() for c in [code, *row] if not ISO3.match(c))
        if bad:
            raise ValueError(f"not ISO 3166-1 alpha-3 codes: {bad}")
        own = sorted(code for code, row in value.items() if code in row)
        if own:
            raise ValueError(f"states listed as their own neighbour: {own}")
        one_way = sorted(f"{code}-{other}" for code, row in value.items() for other in row
                         if code not in value.get(other, ()))
        if one_way:
            raise ValueError(f"borders listed on one side only (add the other): {one_way}")
        return value


@table_schema("neighbours")
class NeighbourWords(BaseModel):
    """``annales/lang/<lang>/neighbours.yaml``: the nouns that name a state by its border ("voisin")."""
    model_config = ConfigDict(extra="forbid")
    nouns: list[str]


@cache
def borders() -> dict[str, frozenset[str]]:
    """ISO alpha-3 code → the codes of the states bordering it."""
    try:
        table = BordersTable.model_validate(yaml.safe_load(BORDERS_PATH.read_text(encoding="utf-8")))
    except Exception as error:  # OSError, yaml.YAMLError, pydantic.ValidationError
        raise LanguageDataError(f"{BORDERS_PATH} is not a valid table of borders: {error}; fix the file") from error
    return {code: frozenset(row) for code, row in table.borders.items()}


@cache
def _nouns() -> frozenset[str]:
    """The neighbour nouns of every language that has the table (a French "voisin" is no English word)."""
    return frozenset(n for lang in languages() if table_path("neighbours", lang).exists()
                     for n in load_table("neighbours", lang)["nouns"])


def neighbour_states(state: DocState, head: Token, speaker: tuple[Entity, ...]) -> list[Entity] | None:
    """The state(s) "son voisin" / "ses voisins" headed by ``head`` names, or None when ``head`` is no such
    phrase (no neighbour noun, no possessive, a name or a demonym of its own: "son voisin ukrainien").
    An empty list when it is one but no state can be told (see the module's docstring)."""
    from annales.events.roles import countries_of, country_of, demonym, entities_of, mention_entity

    nouns = _nouns()
    if head.lemma_ not in nouns and head.lower_ not in nouns:
        return None
    owner = next((c for c in head.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)), None)
    if owner is None or any(t.i in state.by_token for t in head.subtree if t.i != head.i) or any(
            c.dep_ == "amod" and demonym(state, c) for c in head.children):
        return None
    owners: list[Entity] = []
    node = head
    while not owners and node.head.i != node.i:
        node = node.head
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ != "PRON"
                    and not c.left_edge.i <= head.i <= c.right_edge.i]
        for subject in subjects:
            owners = entities_of(state, subject, speaker)
            if owners:
                break
    codes = countries_of(owners)
    if len(codes) != 1:
        return []
    own = next(iter(codes))
    around = borders().get(own, frozenset())
    named: Counter[str] = Counter()
    for mention in state.mentions:
        entity = mention_entity(state, mention)
        if entity is not None and entity.country in around:
            named[entity.country] += 1
    ranked = named.most_common()
    if not ranked:
        return []
    plural = "Plur" in head.morph.get("Number", []) or head.lower_.endswith(("s", "x"))
    if plural:
        chosen = [code for code, _ in ranked]
    elif len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return []  # two neighbours named as often: which one is not said
    else:
        chosen = [ranked[0][0]]
    return [e for code in chosen if (e := country_of(state, code)) is not None]
