"""The merging rules, read from ``annales/lang/<lang>/merge.yaml``: which types, modes and statuses
can describe one happening, and the date and source thresholds."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, Field

from annales.lang import load_table, table_schema
from annales.merge.select import fold
from annales.model import DateValue


class _Prefer(BaseModel):
    types: list[str]
    modes: list[str] = Field(default_factory=list)


class _Dates(BaseModel):
    max_gap_days: int = Field(ge=0)
    vague_gap_fraction: float = Field(ge=0, le=1)
    max_midpoint_days: int = Field(ge=0)
    min_overlap_fraction: float = Field(default=0.25, ge=0, le=1)
    coarse_date_days: int = Field(default=62, ge=1)
    verbal_types: list[str] = Field(default_factory=list)
    undated_window_days: int = Field(ge=0)
    undated_pair_days: int = Field(ge=0)
    undated_plan_days: int = Field(default=0, ge=0)
    plan_statuses: list[str] = Field(default_factory=list)
    reported_lag_days: int = Field(default=0, ge=0)
    night_words: list[str] = Field(default_factory=list)
    night_of: list[str] = Field(default_factory=list)


class _Additions(BaseModel):
    words: list[str] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)


class _Commitments(BaseModel):
    types: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)


class _Sources(BaseModel):
    near_identical: float = Field(gt=0, le=1)
    max_confidence: float = Field(gt=0, le=1)


@table_schema("merge")
class MergeTable(BaseModel):
    """Schema of ``merge.yaml``."""

    types: list[list[str]]
    incompatible_modes: list[list[str]] = Field(default_factory=list)
    distinct_modes: dict[str, list[str]] = Field(default_factory=dict)
    prefer: _Prefer
    status_groups: list[list[str]]
    headline_statuses: list[str] = Field(default_factory=list)
    symmetric_types: list[str] = Field(default_factory=list)
    transfer_types: list[str] = Field(default_factory=list)
    additions: _Additions = Field(default_factory=_Additions)
    commitments: _Commitments = Field(default_factory=_Commitments)
    distinct_acts: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    statements: dict[str, list[str]] = Field(default_factory=dict)
    dates: _Dates
    sources: _Sources


def _split(member: str) -> tuple[str, str | None]:
    """'CONSULT/visit' -> ('CONSULT', 'visit'); 'AID' -> ('AID', None) meaning any mode."""
    kind, _, mode = member.partition("/")
    return kind, (mode or None)


@dataclass(frozen=True)
class Rules:
    lang: str
    type_groups: tuple[tuple[tuple[str, str | None], ...], ...]
    incompatible_modes: frozenset[frozenset[tuple[str, str]]]
    type_rank: dict[str, int]
    mode_rank: dict[str, int]
    status_group: dict[str, int]
    headline_statuses: frozenset[str]
    symmetric: frozenset[str]
    transfer_types: frozenset[str]
    addition_words: tuple[tuple[str, ...], ...]
    addition_types: frozenset[str]
    commitment_types: frozenset[str]
    distinct_acts: dict[str, tuple[tuple[str, str], ...]]
    statements: dict[str, tuple[str, ...]]
    commitment_links: frozenset[str]
    max_gap_days: int
    vague_gap_fraction: float
    max_midpoint_days: int
    min_overlap_fraction: float
    coarse_date_days: int
    verbal_types: frozenset[str]
    undated_window_days: int
    undated_pair_days: int
    undated_plan_days: int
    plan_statuses: frozenset[str]
    reported_lag_days: int
    night_words: frozenset[str]
    night_of: frozenset[str]
    near_identical: float
    max_confidence: float

    def family(self, kind: str) -> str:
        """Types that can ever merge share a family (used to sort reports into buckets)."""
        for group in self.type_groups:
            if any(member[0] == kind for member in group):
                return "+".join(sorted({member[0] for member in group}))
        return kind

    def bucket(self, kind: str, status: str) -> tuple[str, int]:
        return self.family(kind), self.status_group.get(status, -1)

    def types_compatible(self, a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
        """Can an event of (type, mode) ``a`` and one of ``b`` be the same happening?"""
        if a[0] == b[0]:
            if a[1] and b[1] and a[1] != b[1]:
                pair = frozenset({(a[0], a[1]), (b[0], b[1])})
                return pair not in self.incompatible_modes
            return True
        for group in self.type_groups:
            if any(_matches(a, m) for m in group) and any(_matches(b, m) for m in group):
                return True
        return False

    def agree(self, a: DateValue, b: DateValue) -> bool:
        """Dates that meet in earnest: a day inside a month, two windows sharing most of the narrower.
        A year and a window that only touch its last week do not (a report "from the last months"
        is not "last year")."""
        if not a.overlaps(b):
            return False
        shared = (min(a.end, b.end) - max(a.start, b.start)).days + 1
        return shared >= self.min_overlap_fraction * min(a.days, b.days)

    def dates_close(self, a: DateValue, b: DateValue) -> bool:
        """Disjoint dates that may still be one happening told with different dates (a conflict)."""
        if self.agree(a, b):
            return True
        gap = max((b.start - a.end).days, (a.start - b.end).days)
        allowed = max(self.max_gap_days, int(min(a.days, b.days) * self.vague_gap_fraction))
        return gap <= allowed and not self.dates_far(a, b)

    def dates_far(self, a: DateValue, b: DateValue) -> bool:
        """Dates whose middles are too far apart for one happening, whatever else links them."""
        middle = abs((a.start - b.start).days + (a.end - b.end).days) / 2
        return not self.agree(a, b) and middle > self.max_midpoint_days

    def night_reach(self, text: str | None) -> tuple[int, int]:
        """Days before and after its day that a date expression naming a night may stand for: the
        night of a day ("la nuit de dimanche à lundi", resolved to Sunday) reaches into the next
        morning; a night told from the morning after ("cette nuit", "dans la nuit") into either."""
        words = re.findall(r"\w+", (text or "").casefold())
        for position, word in enumerate(words):
            if word in self.night_words:
                following = words[position + 1] if position + 1 < len(words) else ""
                return (0, 1) if following in self.night_of else (1, 1)
        return (0, 0)

    def span(self, date: DateValue, reach: tuple[int, int], said: bool) -> DateValue:
        """The days a report's date may stand for: a night reaches into the day after it (and
        before, see ``night_reach``); a date with no expression of its own (the day of the report,
        of the speech telling it) bounds the happening from above, which may be a few days older."""
        start, end = date.start, date.end
        if date.days == 1:
            start, end = start - dt.timedelta(days=reach[0]), end + dt.timedelta(days=reach[1])
        if not said and date.days == 1:
            start -= dt.timedelta(days=self.reported_lag_days)
        if (start, end) == (date.start, date.end):
            return date
        return DateValue(start, end, "interval", date.text)

    def tells_an_addition(self, text: str) -> bool:
        """The text (a sentence up to its trigger) tells its act as one more ("ont aussi
        décidé", "a en outre accepté", "Par ailleurs, X a signé")."""
        words = re.findall(r"\w+", text.casefold())
        return any(tuple(words[i:i + len(marker)]) == marker
                   for marker in self.addition_words for i in range(len(words) - len(marker) + 1))

    def acts_named(self, kind: str, trigger: str) -> frozenset[str]:
        """The acts of ``distinct_acts`` a trigger names ("a reconnu" names a recognition)."""
        prefixes = self.distinct_acts.get(kind, ())
        words = re.findall(r"\w+", fold(trigger))
        return frozenset(act for word in words for prefix, act in prefixes if word.startswith(prefix))

    def statement(self, kind: str, triggers: list[str]) -> bool:
        """Whether every trigger of a report of ``kind`` names a statement of ``statements`` ("un ami")."""
        prefixes = self.statements.get(kind, ())
        return bool(prefixes and triggers) and all(
            any(word.startswith(p) for word in re.findall(r"\w+", fold(t)) for p in prefixes) for t in triggers)

    def statuses_compatible(self, a: str, b: str) -> bool:
        return self.status_group.get(a, -1) == self.status_group.get(b, -2)

    def type_order(self, kind: str) -> int:
        return self.type_rank.get(kind, len(self.type_rank))

    def mode_order(self, mode: str | None) -> int:
        if mode is None:
            return len(self.mode_rank) + 1
        return self.mode_rank.get(mode, len(self.mode_rank))


def _matches(event: tuple[str, str | None], member: tuple[str, str | None]) -> bool:
    return event[0] == member[0] and (member[1] is None or event[1] == member[1])


def _listed_pairs(listed: list[list[str]]) -> frozenset[frozenset[tuple[str, str]]]:
    """The pairs listed under ``incompatible_modes`` ("CONSULT/phone", "CONSULT/visit")."""
    return frozenset(frozenset((kind, mode or "") for kind, mode in map(_split, pair)) for pair in listed)


def _distinct_pairs(distinct: dict[str, list[str]]) -> frozenset[frozenset[tuple[str, str]]]:
    """Every two modes of one type listed under ``distinct_modes``, as incompatible pairs."""
    return frozenset(frozenset({(kind, x), (kind, y)}) for kind, modes in distinct.items()
                     for x in modes for y in modes if x != y)


@cache
def rules(lang: str = "fr") -> Rules:
    """The merging rules of ``lang`` (cached)."""
    table = MergeTable.model_validate(load_table("merge", lang))
    return Rules(
        lang=lang,
        type_groups=tuple(tuple(_split(m) for m in group) for group in table.types),
        incompatible_modes=_listed_pairs(table.incompatible_modes) | _distinct_pairs(table.distinct_modes),
        type_rank={t: i for i, t in enumerate(table.prefer.types)},
        mode_rank={m: i for i, m in enumerate(table.prefer.modes)},
        status_group={s: i for i, group in enumerate(table.status_groups) for s in group},
        headline_statuses=frozenset(table.headline_statuses),
        symmetric=frozenset(table.symmetric_types),
        transfer_types=frozenset(table.transfer_types),
        addition_words=tuple(tuple(re.findall(r"\w+", w.casefold())) for w in table.additions.words),
        addition_types=frozenset(table.additions.types),
        commitment_types=frozenset(table.commitments.types),
        distinct_acts={kind: tuple((fold(prefix), act) for act, prefixes in acts.items() for prefix in prefixes)
                       for kind, acts in table.distinct_acts.items()},
        statements={kind: tuple(fold(p) for p in prefixes) for kind, prefixes in table.statements.items()},
        commitment_links=frozenset(w.casefold() for w in table.commitments.links),
        max_gap_days=table.dates.max_gap_days,
        vague_gap_fraction=table.dates.vague_gap_fraction,
        max_midpoint_days=table.dates.max_midpoint_days,
        min_overlap_fraction=table.dates.min_overlap_fraction,
        coarse_date_days=table.dates.coarse_date_days,
        verbal_types=frozenset(table.dates.verbal_types),
        undated_window_days=table.dates.undated_window_days,
        undated_pair_days=table.dates.undated_pair_days,
        undated_plan_days=table.dates.undated_plan_days,
        plan_statuses=frozenset(table.dates.plan_statuses),
        reported_lag_days=table.dates.reported_lag_days,
        night_words=frozenset(w.casefold() for w in table.dates.night_words),
        night_of=frozenset(w.casefold() for w in table.dates.night_of),
        near_identical=table.sources.near_identical,
        max_confidence=table.sources.max_confidence,
    )
