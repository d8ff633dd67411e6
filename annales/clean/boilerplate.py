"""Boilerplate removal: lines and fragments that are not article text, from ``boilerplate.yaml``.

The tables of every language are applied together: a French page scraped from a WordPress site
carries English widgets ("Leave a Comment") as often as French ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, field_validator

from annales.lang import languages, load_table, table_path, table_schema


def _check_patterns(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern.replace("{agency}", "AFP"))
        except re.error as error:  # pydantic reports ValueError as a validation error
            raise ValueError(f"pattern {pattern!r} does not compile: {error}") from error
    return patterns


@table_schema("boilerplate")
class BoilerplateTable(BaseModel):
    """Schema of ``lang/<lang>/boilerplate.yaml``."""

    lines: dict[str, list[str]]
    tail_markers: list[str] = []
    related_markers: list[str] = []
    fragments: list[str] = []
    credits: list[str] = []
    agencies: dict[str, list[str]] = {}

    @field_validator("lines")
    @classmethod
    def _lines_compile(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            _check_patterns(patterns)
        return value

    @field_validator("tail_markers", "related_markers", "fragments", "credits")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return _check_patterns(value)


@dataclass(frozen=True)
class Boilerplate:
    """Compiled patterns of every language's boilerplate table."""

    lines: tuple[tuple[str, re.Pattern[str]], ...]
    tail: tuple[re.Pattern[str], ...]
    related: tuple[re.Pattern[str], ...]
    fragments: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...]
    agencies: dict[str, str]  # alias -> canonical name
    agency_pattern: str  # regex alternation of every alias, longest first

    def reason(self, line: str) -> str | None:
        """The category a whole line falls in, or None when it is article text."""
        stripped = line.strip()
        if not stripped:
            return None
        for category, pattern in self.lines:
            if pattern.fullmatch(stripped):
                return category
        return None

    def opens_tail(self, line: str) -> bool:
        stripped = line.strip()
        return any(p.fullmatch(stripped) for p in self.tail)

    def opens_related(self, line: str) -> bool:
        """Whether the line only introduces a link to another article ("A lire aussi")."""
        stripped = line.strip()
        return any(p.fullmatch(stripped) for p in self.related)

    def strip_fragments(self, line: str) -> str:
        for pattern in self.fragments:
            line = pattern.sub("", line)
        return line

    def canonical_agency(self, alias: str) -> str | None:
        return self.agencies.get(alias.strip().lower())

    def credited_agency(self, text: str) -> str | None:
        """The agency a credit in ``text`` names ("(AFP)", "Jean Dupont/Reuters"), if any."""
        agency = re.compile(self.agency_pattern)
        for pattern in self.credits:
            for hit in pattern.finditer(text):
                name = agency.search(hit.group(0))
                if name:
                    return self.canonical_agency(name.group(0))
        return None


def _tables() -> list[dict]:
    return [load_table("boilerplate", lang) for lang in languages() if table_path("boilerplate", lang).exists()]


@cache
def boilerplate() -> Boilerplate:
    """The compiled boilerplate of every language (cached)."""
    tables = _tables()
    agencies: dict[str, str] = {}
    for table in tables:
        for canonical, aliases in (table.get("agencies") or {}).items():
            for alias in [canonical, *aliases]:
                agencies[alias.lower()] = canonical
    aliases = sorted({a for t in tables for c, al in (t.get("agencies") or {}).items() for a in [c, *al]},
                     key=len, reverse=True)
    # Agency names are proper names: matched with their case, delimited as words.
    agency = r"(?-i:(?:" + "|".join(re.escape(a) for a in aliases) + r"))(?![\w-])" if aliases else r"(?!)"

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern.replace("{agency}", agency), re.IGNORECASE)

    lines = tuple((category, compile_(p)) for t in tables for category, ps in t["lines"].items() for p in ps)
    tail = tuple(compile_(p) for t in tables for p in t.get("tail_markers") or [])
    related = tuple(compile_(p) for t in tables for p in t.get("related_markers") or [])
    fragments = tuple(compile_(p) for t in tables for p in t.get("fragments") or [])
    credits = tuple(re.compile(p.replace("{agency}", agency), re.IGNORECASE | re.MULTILINE)
                    for t in tables for p in t.get("credits") or [])
    return Boilerplate(lines, tail, related, fragments, credits, agencies, agency)
