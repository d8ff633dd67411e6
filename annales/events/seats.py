"""The seats of international bodies (``annales/data/seats.yaml``): where an act of a body, or one done
before it, happened when its phrase names no other place (see ``annales.events.location``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from annales.errors import LanguageDataError
from annales.lang import load_table, table_path, table_schema

SEATS_PATH = Path(__file__).resolve().parent.parent / "data" / "seats.yaml"
ISO3 = re.compile(r"^[A-Z]{3}$")

__all__ = ["SEATS_PATH", "Seat", "SeatWords", "SeatsTable", "seat_of", "seat_of_adjective", "seats"]


class SeatRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    city: str
    country: str
    kind: str = Field(pattern=r"^(court|forum|body)$")

    @field_validator("country")
    @classmethod
    def iso3(cls, value: str) -> str:
        if not ISO3.match(value):
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-3 code")
        return value


class SeatsTable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seats: list[SeatRow]

    @field_validator("seats")
    @classmethod
    def unique(cls, value: list[SeatRow]) -> list[SeatRow]:
        ids = [row.id for row in value]
        doubles = sorted({i for i in ids if ids.count(i) > 1})
        if doubles:
            raise ValueError(f"bodies listed twice: {doubles}")
        return value


@dataclass(frozen=True)
class Seat:
    city: str
    country: str
    kind: str  # court, forum or body (see the file's header)


@cache
def seats() -> dict[str, Seat]:
    """Entity id ("org:<id>") → its seat."""
    try:
        table = SeatsTable.model_validate(yaml.safe_load(SEATS_PATH.read_text(encoding="utf-8")))
    except Exception as error:  # OSError, yaml.YAMLError, pydantic.ValidationError
        raise LanguageDataError(f"{SEATS_PATH} is not a valid table of seats: {error}; fix the file") from error
    return {f"org:{row.id}": Seat(row.city, row.country, row.kind) for row in table.seats}


def seat_of(entity_id: str) -> Seat | None:
    return seats().get(entity_id)


@table_schema("seats")
class SeatWords(BaseModel):
    """``annales/lang/<lang>/seats.yaml``: adjectives that name a seated body ("un sommet européen")."""
    model_config = ConfigDict(extra="forbid")
    adjectives: dict[str, str]


@cache
def _adjectives(lang: str) -> dict[str, str]:
    if not table_path("seats", lang).exists():
        return {}
    return dict(load_table("seats", lang)["adjectives"])


def seat_of_adjective(lemma: str, lang: str = "fr") -> Seat | None:
    """The seat of the body an adjective names ("européen": the EU's), or None."""
    body = _adjectives(lang).get(lemma.lower())
    return seat_of(f"org:{body}") if body else None
