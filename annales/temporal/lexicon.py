"""The French time table (``lang/fr/time.yaml``): its schema, and the regexes built from it once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from annales.errors import LanguageDataError
from annales.lang import load_table, table_schema

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
KINDS = (
    "day_range", "date", "holiday", "month", "season", "year", "decade", "century", "deictic",
    "this_part", "night_of", "weekday", "set_weekday", "relative", "ago", "in_future", "clock",
    "duration", "ordinal_day", "set", "anaphor", "reference", "reference_adjective", "set_adjective",
    "context_part", "vague_period", "nth_weekday", "weekday_day", "anaphor_unit",
)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    kind: str
    pattern: str
    needs: list[str] = []  # the rule is only tried on a text holding one of these (lowercase) strings

    @field_validator("kind")
    @classmethod
    def known_kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"unknown rule kind {value!r}; known kinds: {', '.join(KINDS)}")
        return value


class Season(BaseModel):
    code: str
    start: tuple[int, int]
    end: tuple[int, int]


class Holiday(BaseModel):
    model_config = ConfigDict(extra="forbid")
    month: int | None = None
    day: int | None = None
    easter: int | None = None


@table_schema("time")
class TimeTable(BaseModel):
    """Schema of ``time.yaml``: the keys other modules read (months, weekdays) and the rest."""

    model_config = ConfigDict(extra="forbid")
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool]]
    halves: dict[str, tuple[str, int]]
    vague_counts: list[str]
    approx: dict[str, str]
    period_mods: dict[str, str]
    deictic_days: dict[str, int]
    parts_of_day: dict[str, str]
    relative_words: dict[str, int]
    calendar_units: dict[str, str]
    seasons: dict[str, Season]
    holidays: dict[str, Holiday]
    references: dict[str, str]
    reference_adjectives: dict[str, str]
    set_adjectives: dict[str, str]
    set_units: dict[str, str]
    anaphora: dict[str, int]
    anaphoric_directions: dict[str, int]
    told_unit_steps: dict[str, int] = {}  # "l'année suivante": +1 unit from the date last told
    intervals: list[tuple[str, str]]
    clock_cues: list[str]
    age_cues: list[str]
    duration_heads: list[str]
    age_after: str
    year_followers: list[str]
    year_vetoes_before: list[str]
    year_cues_before: list[str] = []  # "en 2000", "depuis 1999": a bare four-digit number is a year
    year_joiners: list[str] = []  # "de 1995 à 2000", "en 2019 et 2020": a year only after a year
    count_cues_before: list[str] = []  # "quelque 1500", "plus de 2000": a number of something
    vetoes: list[str]
    tense_neutral_before: list[str]
    past_before: list[str]
    future_before: list[str]
    future_auxiliaries: list[str]
    future_endings: list[str]
    past_auxiliaries: list[str]
    planning_verbs: list[str]
    awaited_verbs: list[str]
    target_verbs: list[str]
    announcing_verbs: list[str]
    target_prepositions: list[str]
    preposition_nouns: list[str] = []  # "au cours de": the noun of a compound preposition
    new_period_words: list[str]
    day_halves: dict[str, str]
    habitual_cues: list[str]
    rules: list[Rule]

    @field_validator("months")
    @classmethod
    def month_numbers(cls, value: dict[str, int]) -> dict[str, int]:
        bad = {k: v for k, v in value.items() if not 1 <= v <= 12}
        if bad:
            raise ValueError(f"month numbers must be 1..12: {bad}")
        return value

    @field_validator("weekdays")
    @classmethod
    def weekday_numbers(cls, value: dict[str, int]) -> dict[str, int]:
        if sorted(set(value.values())) != list(range(7)):
            raise ValueError("weekdays must map names to 0..6 (lundi = 0), each day at least once")
        return value


@dataclass(frozen=True)
class CompiledRule:
    name: str
    kind: str
    regex: re.Pattern[str]
    priority: int
    needs: tuple[str, ...] = ()


def _alternation(words: Any) -> str:
    """An alternation of the words, longest first; spaces match any run of spaces."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.sub(r"['’]", "['’]", re.escape(w).replace(r"\ ", r"\s+")) for w in items)


def _number_pattern(numbers: dict[str, int]) -> str:
    word = _alternation(numbers)
    return rf"(?:\d+(?:[,.]\d+)?|(?:{word})(?:(?:-et-|\s+et\s+|-)(?:{word}))*)"


@dataclass(frozen=True)
class Lexicon:
    """The table with lowercase lookups and the compiled rules."""

    table: dict[str, Any]
    rules: tuple[CompiledRule, ...]
    age_after: re.Pattern[str]
    vetoes: tuple[re.Pattern[str], ...] = ()
    folded: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.table[key]

    def lookup(self, key: str, word: str | None) -> Any:
        """Find ``word`` in list ``key`` ignoring case, apostrophe style and runs of spaces."""
        if word is None:
            return None
        return self._folded(key).get(fold(word))

    def _folded(self, key: str) -> dict[str, Any]:
        if key not in self.folded:
            self.folded[key] = {fold(k): v for k, v in self.table[key].items()}
        return self.folded[key]


def fold(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower().replace("’", "'")).strip()


@cache
def lexicon(lang: str = "fr") -> Lexicon:
    """Load and compile the time table of ``lang`` (once per process)."""
    table = load_table("time", lang)
    TimeTable.model_validate(table)
    lists = {key: value for key, value in table.items() if isinstance(value, (dict, list)) and key != "rules"}
    compiled = []
    for priority, rule in enumerate(table["rules"]):
        def expand(match: re.Match[str], rule: dict = rule) -> str:
            name = match.group(1)
            if name == "number":
                return _number_pattern(table["numbers"])
            source = lists.get(name)
            if source is None:
                raise LanguageDataError(f"rule {rule['name']!r} in time.yaml names an unknown list %{name}%")
            return f"(?:{_alternation(source)})"

        body = re.sub(r"%(\w+)%", expand, rule["pattern"])
        try:
            regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)
        except re.error as error:
            raise LanguageDataError(f"rule {rule['name']!r} in time.yaml is not a valid regex: {error}") from error
        needs = tuple(w.lower() for w in rule.get("needs", ()))
        compiled.append(CompiledRule(rule["name"], rule["kind"], regex, priority, needs))
    vetoes = tuple(re.compile(v, re.IGNORECASE) for v in table["vetoes"])
    return Lexicon(table, tuple(compiled), re.compile(table["age_after"], re.IGNORECASE), vetoes)
