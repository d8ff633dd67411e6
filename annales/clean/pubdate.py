"""Publication date: a cascade of named stages, then inference from the text's own dates.

Stages, first hit wins: ``metadata`` (HTML meta, feed, JSON field), ``header`` ("date 2023-10"),
``timestamp`` ("2023-09-14 16:50:56", epoch seconds), ``dateline`` ("(Rome, 1er novembre 2024)"),
``caption`` (a dated photo caption); else ``inferred`` from the dates the text mentions; else
``unknown``. A stage never makes a date more precise than its text: a header "date 2023-10" gives a
month. Patterns live in ``lang/fr/pubdate.yaml``; month and weekday names in ``time.yaml``.
A missing year is resolved against the text (a weekday that fixes it, the years it names) and only
then against ``today``, the reference date, as dateparser does.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, model_validator

from annales.clean.boilerplate import boilerplate
from annales.errors import AnnalesError
from annales.lang import load_table, table_schema
from annales.model import DateValue


@table_schema("pubdate")
class PubdateTable(BaseModel):
    """Schema of ``lang/<lang>/pubdate.yaml``."""

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    ordinal_suffixes: list[str] = []
    time_of_day: str = ""
    header_lines: int = 6
    header_remainder_words: int = 8
    headers: list[str]
    timestamps: list[str]
    epoch_min_year: int = 2000
    dateline_lines: int = 8
    datelines: list[str]
    caption_markers: list[str]
    caption_prompts: list[str] = []
    caption_date: str
    inference: dict[str, Any]

    @model_validator(mode="after")
    def _patterns_compile(self) -> PubdateTable:
        """Every pattern compiles once its placeholders stand for simple groups."""
        stand_ins = {"{date}": r"(?P<day>\d+) (?P<month>\w+)", "{time}": "", "{day}": r"(?P<day>\d+)",
                     "{month_num}": r"(?P<month_num>\d+)", "{month}": r"(?P<month>\w+)",
                     "{year}": r"(?P<year>\d{4})", "{weekday}": r"(?P<weekday>\w+)",
                     "{place}": r"(?P<place>\w+)", "{agency}": "AFP"}
        for pattern in [self.time_of_day, *self.headers, *self.timestamps, *self.datelines, *self.caption_markers,
                        *self.caption_prompts, self.caption_date]:
            expanded = pattern
            for key, value in stand_ins.items():
                expanded = expanded.replace(key, value)
            try:
                re.compile(expanded)
            except re.error as error:  # pydantic reports ValueError as a validation error
                raise ValueError(f"pattern {pattern!r} does not compile: {error}") from error
        return self


@dataclass(frozen=True)
class Patterns:
    """Compiled patterns and name tables for one language."""

    months: dict[str, int]
    weekdays: dict[str, int]
    headers: tuple[re.Pattern[str], ...]
    header_lines: int
    header_remainder_words: int
    timestamps: tuple[re.Pattern[str], ...]
    epoch_min_year: int
    datelines: tuple[re.Pattern[str], ...]
    dateline_lines: int
    caption_markers: tuple[re.Pattern[str], ...]
    caption_prompts: tuple[re.Pattern[str], ...]
    caption_date: re.Pattern[str]
    # inference scanners (case-sensitive for months: "mai", not the "Mars" of a brand or a planet)
    full: tuple[re.Pattern[str], ...]
    month_year: re.Pattern[str]
    day_month: re.Pattern[str]
    bare_month: re.Pattern[str]
    bare_year: re.Pattern[str]
    weekday: re.Pattern[str]
    weekday_day: re.Pattern[str]
    relative_years: tuple[tuple[re.Pattern[str], int], ...]
    weekday_window: int


def _names(table: dict[str, Any], key: str, low: int, high: int) -> dict[str, int]:
    values = table.get(key)
    if not isinstance(values, dict):
        return {}
    return {str(k).lower(): v for k, v in values.items() if isinstance(v, int) and low <= v <= high}


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def patterns(lang: str = "fr") -> Patterns:
    """Compile ``pubdate.yaml`` with the month and weekday names of ``time.yaml`` (cached)."""
    table = load_table("pubdate", lang)
    try:
        time_table = load_table("time", lang)
    except AnnalesError:  # time.yaml not there yet, or mid-change: the fallback names suffice
        time_table = {}
    months = {**_names(table, "months", 1, 12), **_names(time_table or {}, "months", 1, 12)}
    weekdays = {**_names(table, "weekdays", 0, 6), **_names(time_table or {}, "weekdays", 0, 6)}
    suffixes = "|".join(re.escape(s) for s in sorted(table.get("ordinal_suffixes") or [], key=len, reverse=True))
    month = rf"(?P<month>(?<!\w)(?:{_alternation(months)})(?!\w))"
    weekday = rf"(?P<weekday>(?<!\w)(?:{_alternation(weekdays)})(?!\w))"
    day = rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:{suffixes})?(?![\d])" if suffixes else r"(?<![\d.,])(?P<day>[0-3]?\d)(?!\d)"
    year = r"(?P<year>(?:19|20)\d{2})(?![\d])"
    pieces = {
        "{date}": rf"(?:{weekday}\s+)?{day}\s+{month}(?:\s+{year})?",
        "{time}": f"(?:{table['time_of_day']})?" if table.get("time_of_day") else "",
        "{day}": day,
        "{month_num}": r"(?P<month_num>[01]?\d)",
        "{month}": month,
        "{year}": year,
        "{weekday}": weekday,
        "{place}": r"(?P<place>(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.\- ]{1,40}?)",
        "{agency}": boilerplate().agency_pattern,
    }

    def expand(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        for key, value in pieces.items():
            pattern = pattern.replace(key, value)
        return re.compile(pattern, flags)

    inference = table.get("inference") or {}
    relative = tuple(
        (re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", re.IGNORECASE), int(offset))
        for phrase, offset in (inference.get("relative_years") or {}).items()
    )
    case = 0
    return Patterns(
        months=months,
        weekdays=weekdays,
        headers=tuple(expand(p) for p in table["headers"]),
        header_lines=int(table.get("header_lines", 6)),
        header_remainder_words=int(table.get("header_remainder_words", 8)),
        timestamps=tuple(expand(p) for p in table["timestamps"]),
        epoch_min_year=int(table.get("epoch_min_year", 2000)),
        datelines=tuple(expand(p) for p in table["datelines"]),
        dateline_lines=int(table.get("dateline_lines", 8)),
        caption_markers=tuple(expand(p) for p in table["caption_markers"]),
        caption_prompts=tuple(expand(p) for p in table.get("caption_prompts") or []),
        caption_date=expand(table["caption_date"]),
        full=(
            expand(r"{day}\s+{month}\s+{year}", case),
            expand(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month_num>[01]?\d)/{year}", case),
            expand(r"(?<![\d-]){year}-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?![\d])", case),
        ),
        month_year=expand(r"{month}\s+{year}", case),
        day_month=expand(r"{day}\s+{month}", case),
        # abbreviations ("sept.", "oct.") are read only next to a number: "ils étaient sept." is not September
        bare_month=re.compile(rf"(?<!\w)(?P<month>{_alternation({n: v for n, v in months.items() if not n.endswith('.')})})(?!\w)"),
        bare_year=re.compile(r"(?<![\w.,-])(?:19|20)\d{2}(?![\w]|[.,]\d)"),
        weekday=expand(r"{weekday}", re.IGNORECASE),
        weekday_day=expand(r"{weekday}\s+(?:le\s+)?{day}\s+{month}", re.IGNORECASE),
        relative_years=relative,
        weekday_window=int(inference.get("weekday_window_years", 10)),
    )


# -- helpers ----------------------------------------------------------------------------------

def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(groups: dict[str, str | None], key: str) -> int | None:
    """The group as a number; None when it did not match (or matched nothing)."""
    raw = groups.get(key)
    return int(raw) if raw else None


def _month_of(groups: dict[str, str | None], pats: Patterns) -> int | None:
    if name := groups.get("month"):
        return pats.months.get(name.lower())
    value = _number(groups, "month_num")
    if value is not None:
        return value if 1 <= value <= 12 else None
    return None


def _explicit_years(text: str, today: dt.date) -> list[int]:
    pats = patterns()
    return [int(m.group(0)) for m in pats.bare_year.finditer(text) if int(m.group(0)) <= today.year]


def _weekdays_for(text: str, month: int, day: int) -> set[int]:
    """Weekdays that may name this day: one written next to it ("mardi 16 janvier"), else the
    text's weekday when it names only one (several weekdays in a story say nothing about one day)."""
    pats = patterns()
    attached = set()
    for hit in pats.weekday_day.finditer(text):
        if int(hit.group("day")) == day and pats.months.get(hit.group("month").lower()) == month:
            attached.add(pats.weekdays[hit.group("weekday").lower()])
    if attached:
        return attached
    named = {pats.weekdays[m.group("weekday").lower()] for m in pats.weekday.finditer(text)}
    return named if len(named) == 1 else set()


def _weekday_year(month: int, day: int, text: str, estimate: int | None, today: dt.date) -> int | None:
    """The year in which this day falls on the weekday the text gives it, if the text gives one.

    Years from one before the text's own estimate (or a window of recent years) up to ``today``;
    the estimate itself first, then the nearest later year, then the year before.
    """
    weekdays = _weekdays_for(text, month, day)
    if not weekdays:
        return None
    first = estimate - 1 if estimate is not None else today.year - patterns().weekday_window
    matches = [y for y in range(first, today.year + 1)
               if (d := _safe_date(y, month, day)) and d <= today and d.weekday() in weekdays]
    if not matches:
        return None
    if estimate is None:
        return max(matches)
    return min(matches, key=lambda y: abs(y - estimate) + (0.5 if y < estimate else 0))


def _resolve_year(month: int, day: int, text: str, today: dt.date, *, need_evidence: bool) -> int | None:
    """The year of a yearless day: one a weekday in the text fixes, else the year the text's own
    dates point to (see ``_text_year``).

    With ``need_evidence`` False the most recent such day not after ``today`` is the last resort.
    """
    estimate = _text_year(_scan(text, today), today)
    year = _weekday_year(month, day, text, estimate[0] if estimate else None, today)
    if year is not None:
        return year
    if estimate is not None:
        found = _safe_date(estimate[0], month, day)
        return estimate[0] if found and found <= today else None
    if need_evidence:
        return None
    recent = [y for y in range(today.year - patterns().weekday_window, today.year + 1)
              if (d := _safe_date(y, month, day)) and d <= today]
    return max(recent) if recent else None


def _date_from(groups: dict[str, str | None], text: str, today: dt.date, source_text: str,
               *, need_evidence: bool = False) -> DateValue | None:
    """A DateValue from regex groups (year, month/month_num, day), never finer than they allow."""
    pats = patterns()
    month = _month_of(groups, pats)
    year = _number(groups, "year")
    day = _number(groups, "day")
    if month is None:
        return DateValue.year(year, source_text) if year else None
    if year is None:
        if day is None:
            return None
        year = _resolve_year(month, day, text, today, need_evidence=need_evidence)
        if year is None:
            return None
    if day is None:
        return DateValue.month(year, month, source_text)
    found = _safe_date(year, month, day)
    if found is None:
        return None
    return DateValue(found, found, "day", source_text)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# -- stages -----------------------------------------------------------------------------------

def parse_metadata_date(value: str | None, today: dt.date | None = None) -> DateValue | None:
    """A date as metadata carries it: ISO 8601, RFC 822, epoch seconds, or a written-out date."""
    if value is None:
        return None
    raw = str(value).strip()
    if not raw:
        return None
    today = today or dt.date.today()
    if re.fullmatch(r"\d{9,10}(?:\.\d+)?", raw):
        moment = dt.datetime.fromtimestamp(float(raw), tz=dt.UTC).date()
        return DateValue(moment, moment, "day", raw) if moment <= today else None
    iso = re.match(r"((?:19|20)\d{2})(?:-([01]\d)(?:-([0-3]\d))?)?(?:$|[T\s])", raw)
    if iso:
        year = int(iso.group(1))  # the one group the pattern requires
        month, day = (int(g) if g else None for g in iso.groups()[1:])
        if month is None:
            return DateValue.year(year, raw)
        if day is None:
            return DateValue.month(year, month, raw) if 1 <= month <= 12 else None
        found = _safe_date(year, month, day)
        return DateValue(found, found, "day", raw) if found else None
    try:
        moment = email.utils.parsedate_to_datetime(raw)
        return DateValue(moment.date(), moment.date(), "day", raw)
    except (TypeError, ValueError, IndexError):
        pass
    pats = patterns()
    for pattern in pats.full:
        hit = re.search(pattern.pattern, raw, re.IGNORECASE)
        if hit:
            return _date_from(hit.groupdict(), raw, today, raw)
    hit = re.search(pats.month_year.pattern, raw, re.IGNORECASE)
    if hit:
        return _date_from(hit.groupdict(), raw, today, raw)
    return None


def date_from_url(url: str | None) -> str | None:
    """The date a news URL carries in its path ("/2024/03/12/", "/2024/03/"), as ISO text."""
    if not url:
        return None
    hit = re.search(r"/((?:19|20)\d{2})/([01]\d)(?:/([0-3]\d))?/", url)
    if not hit or not 1 <= int(hit.group(2)) <= 12:
        return None
    return "-".join(g for g in hit.groups() if g)


def header_match(line: str, lang: str = "fr") -> re.Match[str] | None:
    """The date header at the start of ``line`` ("date 2023-10", "Publié le ..."), if any."""
    for pattern in patterns(lang).headers:
        hit = pattern.match(line.strip())
        if hit:
            return hit
    return None


def _header(text: str, today: dt.date) -> DateValue | None:
    pats = patterns()
    for line in _lines(text)[: pats.header_lines]:
        hit = header_match(line)
        if hit:
            found = _date_from(hit.groupdict(), text, today, hit.group(0))
            if found:
                return found
    return None


def _timestamp(text: str, today: dt.date) -> DateValue | None:
    pats = patterns()
    lines = _lines(text)
    for line in lines:
        for pattern in pats.timestamps:
            hit = pattern.match(line)
            if hit and (found := _date_from(hit.groupdict(), text, today, line)):
                return found
    low = dt.datetime(pats.epoch_min_year, 1, 1, tzinfo=dt.UTC).timestamp()
    high = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC).timestamp()
    for line in lines:
        if re.fullmatch(r"\d{9,10}", line) and low <= int(line) <= high:
            moment = dt.datetime.fromtimestamp(int(line), tz=dt.UTC).date()
            return DateValue(moment, moment, "day", line)
    return None


def _dateline(text: str, today: dt.date) -> DateValue | None:
    pats = patterns()
    for line in _lines(text)[: pats.dateline_lines]:
        for pattern in pats.datelines:
            hit = pattern.match(line)
            if hit and (found := _date_from(hit.groupdict(), text, today, hit.group(0))):
                return found
    return None


def caption_lines(text: str, lang: str = "fr") -> list[str]:
    """Lines that are photo captions: they carry a credit, or follow a gallery prompt."""
    pats = patterns(lang)
    lines = _lines(text)
    found = []
    for index, line in enumerate(lines):
        after_prompt = index > 0 and any(p.search(lines[index - 1]) for p in pats.caption_prompts)
        if after_prompt or any(p.search(line) for p in pats.caption_markers):
            found.append(line)
    return found


def _caption(text: str, today: dt.date) -> DateValue | None:
    pats = patterns()
    for line in caption_lines(text):
        for hit in pats.caption_date.finditer(line):
            found = _date_from(hit.groupdict(), text, today, hit.group(0), need_evidence=True)
            if found:
                return found
    return None


def explicit_date(text: str, metadata: str | None = None, *,
                  today: dt.date | None = None) -> tuple[DateValue | None, str]:
    """The stated stages of the cascade only: metadata, header, timestamp, dateline, caption."""
    today = today or dt.date.today()
    found = parse_metadata_date(metadata, today)
    if found:
        return found, "metadata"
    for name, stage in (("header", _header), ("timestamp", _timestamp), ("dateline", _dateline),
                        ("caption", _caption)):
        found = stage(text, today)
        if found:
            return found, name
    return None, "unknown"


# -- inference --------------------------------------------------------------------------------

@dataclass
class _Mentions:
    full: list[tuple[dt.date, str]]
    month_year: list[tuple[int, int, str]]  # year, month, text
    day_month: list[tuple[int, int, str]]  # month, day, text
    bare_months: list[int]
    years: list[int]
    weekdays: set[int]
    relative: list[tuple[int, str]]  # offset, text


def _scan(text: str, today: dt.date) -> _Mentions:
    pats = patterns()
    taken: list[tuple[int, int]] = []

    def free(hit: re.Match[str]) -> bool:
        return all(hit.end() <= a or hit.start() >= b for a, b in taken)

    def take(hit: re.Match[str]) -> None:
        taken.append(hit.span())

    mentions = _Mentions([], [], [], [], [], set(), [])
    for pattern in pats.full:
        for hit in pattern.finditer(text):
            if free(hit):
                groups = hit.groupdict()
                month = _month_of(groups, pats)
                found = month and _safe_date(int(groups["year"]), month, int(groups["day"]))
                if found:
                    take(hit)
                    if found <= today:
                        mentions.full.append((found, hit.group(0)))
    for hit in pats.month_year.finditer(text):
        if free(hit):
            take(hit)
            year = int(hit.group("year"))
            if year <= today.year:
                mentions.month_year.append((year, pats.months[hit.group("month").lower()], hit.group(0)))
    for hit in pats.day_month.finditer(text):
        if free(hit) and 1 <= int(hit.group("day")) <= 31:
            take(hit)
            mentions.day_month.append((pats.months[hit.group("month").lower()], int(hit.group("day")),
                                       hit.group(0)))
    for hit in pats.bare_year.finditer(text):
        if free(hit) and int(hit.group(0)) <= today.year:
            take(hit)
            mentions.years.append(int(hit.group(0)))
    for hit in pats.bare_month.finditer(text):
        if free(hit):
            mentions.bare_months.append(pats.months[hit.group("month").lower()])
    mentions.weekdays = {pats.weekdays[m.group("weekday").lower()] for m in pats.weekday.finditer(text)}
    for pattern, offset in pats.relative_years:
        mentions.relative += [(offset, m.group(0)) for m in pattern.finditer(text)]
    return mentions


def _text_year(seen: _Mentions, today: dt.date) -> tuple[int, str] | None:
    """The publication year the text's own dates point to, with the expression that says so.

    Only when the text dates something to a month or a day, or says "l'an dernier": then the latest
    year named, moved one on when the text also speaks of "l'an dernier", or names
    months without a year next to a month with one: a journalist writes "en août 2024" only when
    August 2024 is not in the current year.
    """
    dated = [y for y, _, _ in seen.month_year] + [d.year for d, _ in seen.full]
    past = [said for offset, said in seen.relative if offset < 0]
    if not dated and not past:
        return None  # a bare year ("en 1975", "depuis 2014") is history, not the date of the text
    years = dated + seen.years
    if not years:
        return None
    latest = max(years)
    month_with_year = any(y == latest for y, _, _ in seen.month_year)
    if past or (month_with_year and (seen.day_month or seen.bare_months)):
        return min(latest + 1, today.year), past[0] if past else str(latest)
    return latest, str(latest)


def infer_date(text: str, *, today: dt.date | None = None) -> tuple[DateValue | None, str]:
    """The publication date the text's own dates support, at the precision they support.

    - the latest full date mentioned, when no later month or year is named;
    - else the month of a yearless day that a weekday pins to a year ("mardi" with "16 janvier");
    - else the year of ``_text_year``, at year precision;
    - ``(None, "unknown")`` when nothing supports a date.
    """
    today = today or dt.date.today()
    seen = _scan(text, today)
    if seen.full:
        latest, said = max(seen.full)
        later = any((y, m) > (latest.year, latest.month) for y, m, _ in seen.month_year) or any(
            y > latest.year for y in seen.years)
        if not later:
            return DateValue(latest, latest, "day", said), "inferred"
    estimate = _text_year(seen, today)
    best: tuple[dt.date, str] | None = None
    for month, day, said in seen.day_month:
        year = _weekday_year(month, day, text, estimate[0] if estimate else None, today)
        found = _safe_date(year, month, day) if year is not None else None
        if found and (best is None or found > best[0]):
            best = (found, said)
    if best:
        # a weekday pins the month, not the day of publication: such a day is often one announced
        return DateValue.month(best[0].year, best[0].month, best[1]), "inferred"
    if estimate is not None:
        return DateValue.year(estimate[0], estimate[1]), "inferred"
    return None, "unknown"


def publication_date(text: str, metadata: str | None = None, *,
                     today: dt.date | None = None) -> tuple[DateValue | None, str]:
    """The cascade: metadata, header, timestamp, dateline, caption, then inference from the text.

    Returns ``(date, how)`` with ``how`` one of ``model.PUBLISHED_SOURCES``; ``(None, "unknown")``
    when nothing in the text supports a date. ``today`` is the reference date (default: today).
    """
    found, how = explicit_date(text, metadata, today=today)
    if found is not None:
        return found, how
    return infer_date(text, today=today)
