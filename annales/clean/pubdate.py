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
from annales.errors import AnnalesError, InputError
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


def _resolve_year(month: int, day: int, text: str, today: dt.date, *, need_evidence: bool) -> int | None:
    """The year of a yearless stated day (a dateline, a caption): within the text's bounds (its
    past dates, its office-holders' terms, today), the one its weekday fixes ("lundi" next to it,
    or the text's only weekday), else the only one the bounds allow, else the year the text's own
    dates point to (see ``_text_year``).

    With ``need_evidence`` False the most recent such day within the bounds is the last resort.
    """
    seen = _scan(text, today)
    estimate = _text_year(seen, today)
    guess = estimate[0] if estimate else None
    window = undated_window(seen, text, today, offices=True)
    weekdays = _weekdays_for(text, month, day)
    year = _pick_year(month, day, weekdays, window, guess) if weekdays else None
    if year is None:
        year = _pick_year(month, day, set(), window, guess)
    if year is not None:
        return year
    if estimate is not None:
        found = _safe_date(estimate[0], month, day)
        return estimate[0] if found and found <= today else None
    if need_evidence:
        return None
    first = window.lo.year if window.lo else today.year - patterns().weekday_window
    recent = [y for y in range(first, window.hi.year + 1)
              if (d := _safe_date(y, month, day)) and window.holds(d)]
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


def given_date(value: str | DateValue | None) -> DateValue | None:
    """A publication date the user gives ("2024-03-15", "2024-03", "2024", "15 mars 2024", an
    interval "2024-03-01/2024-03-15"); raises InputError naming the forms it reads."""
    if value is None or isinstance(value, DateValue):
        return value
    raw = str(value).strip()
    if re.fullmatch(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?(?:/\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?", raw):
        try:
            return DateValue.parse(raw, raw)
        except ValueError:
            pass
    else:
        found = parse_metadata_date(raw, dt.date.max)
        if found is not None:
            return found
    raise InputError(f"cannot read the publication date {raw!r}; give it as 2024-03-15, 2024-03, 2024, "
                     "'15 mars 2024' or an interval 2024-03-01/2024-03-15")


_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})/([01]\d)(?:/([0-3]\d))?/"),  # /2024/03/12/, /2024/03/
    re.compile(r"[/_-]((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?=[/_.-]|$)"),  # /2024-03-12-slug
    re.compile(r"/((?:19|20)\d{2})([01]\d)([0-3]\d)[-_]"),  # /20240312-slug
)


def date_from_url(url: str | None) -> str | None:
    """The date a news URL carries in its path ("/2024/03/12/", "/2024/03/", "/2024-03-12-",
    "/20240312-"), as ISO text; the host and the query are not read."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url).split("?")[0]
    for pattern in _URL_DATES:
        hit = pattern.search(path)
        if not hit or not 1 <= int(hit.group(2)) <= 12:
            continue
        parts = [g for g in hit.groups() if g]
        if len(parts) == 3 and _safe_date(*(int(p) for p in parts)) is None:
            continue
        return "-".join(parts)
    return None


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


def _caption_fits(found: DateValue, body: str, today: dt.date) -> bool:
    """Whether a caption's date can be the day of the reported events: not before what the article
    reports as past (or the terms of the office-holders it names), not days before a day it reports."""
    seen = _scan(body, today)
    window = undated_window(seen, body, today, offices=True)
    slack = dt.timedelta(days=int(_inference().get("caption_slack_days", 3)))
    if window.lo is not None and found.end < window.lo - slack:
        return False
    estimate = _text_year(seen, today)
    _, weekday_day = _point_patterns()
    reported = [d for d, future, _, _ in _day_points(body, window, estimate[0] if estimate else None, today,
                                                     weekday_day) if not future]
    return not reported or max(reported) <= found.end + slack


def _caption(text: str, today: dt.date) -> DateValue | None:
    """The date of a photo caption about the reported events; a stock photo ("photo d'archives",
    "illustration") or a caption dated before what the article reports dates nothing."""
    pats = patterns()
    captions = caption_lines(text)
    stock = [re.compile(p, re.IGNORECASE) for p in _inference().get("stock_photo") or []]
    body = "\n".join(line for line in _lines(text) if line not in captions)
    for line in captions:
        if any(p.search(line) for p in stock):
            continue
        for hit in pats.caption_date.finditer(line):
            found = _date_from(hit.groupdict(), text, today, hit.group(0), need_evidence=True)
            if found and _caption_fits(found, body, today):
                return found
    return None


def explicit_date(text: str, metadata: str | None = None, *,
                  today: dt.date | None = None) -> tuple[DateValue | None, str]:
    """The stated stages of the cascade only: metadata, header, timestamp, dateline, caption.

    A text date that starts after ``today`` is no publication date (a typo, a date to come): the
    next stage is tried.
    """
    today = today or dt.date.today()
    found = parse_metadata_date(metadata, today)
    if found:
        return refine(found, text, today=today), "metadata"
    for name, stage in (("header", _header), ("timestamp", _timestamp), ("dateline", _dateline),
                        ("caption", _caption)):
        found = stage(text, today)
        if found and found.start <= today:
            return refine(found, text, today=today), name
    return None, "unknown"


# -- inference --------------------------------------------------------------------------------
#
# The text's own dates are evidence of two kinds: bounds (the publication is not before the latest
# thing the text reports as past, nor after today; an office-holder called by the title bounds it to
# the term) and points (a day the text calls "ce 12 mars", the latest full date it mentions, a weekday
# written with its day, "il y a dix ans" next to a year). A point is used when it lies inside the
# bounds; else the bounds themselves when they are narrow enough to say something.

@dataclass
class _Mentions:
    full: list[tuple[dt.date, str]]  # day, text (reported as past)
    month_year: list[tuple[int, int, str]]  # year, month, text (reported as past)
    day_month: list[tuple[int, int, str]]  # month, day, text
    bare_months: list[int]
    years: list[int]
    floors: list[tuple[dt.date, str]]  # first day of each dated thing reported as past
    background: list[dt.date]  # full dates told as background ("avait été clos le 2 février 2019")


@dataclass(frozen=True)
class Window:
    """Where the publication date may lie: ``lo`` (None: no lower bound) to ``hi``, with why."""

    lo: dt.date | None
    hi: dt.date
    why: tuple[str, ...] = ()

    def holds(self, start: dt.date, end: dt.date | None = None) -> bool:
        return (self.lo is None or start >= self.lo) and (end or start) <= self.hi


@cache
def _inference() -> dict[str, Any]:
    return load_table("pubdate").get("inference") or {}


@cache
def _future_pattern() -> re.Pattern[str] | None:
    markers = _inference().get("future_markers") or []
    return re.compile("|".join(f"(?:{m})" for m in markers), re.IGNORECASE) if markers else None


def _sentence(text: str, pos: int) -> str:
    """The sentence around ``pos`` (a stop followed by a space, or a line break, ends one)."""
    starts = [m.end() for m in re.finditer(r"[.!?…]\s+|\n", text[:pos])]
    start = starts[-1] if starts else 0
    stop = re.search(r"[.!?…](?:\s|$)|\n", text[pos:])
    return text[start: pos + stop.end() if stop else len(text)]


@cache
def _background_pattern() -> re.Pattern[str] | None:
    markers = _inference().get("background_markers") or []
    return re.compile("|".join(f"(?:{m})" for m in markers), re.IGNORECASE) if markers else None


def _background(text: str, pos: int) -> bool:
    """Whether the sentence around ``pos`` tells background ("avait été", "depuis le", "il y a"):
    its date is before the reported events, so a bound and not the day of writing."""
    pattern = _background_pattern()
    return bool(pattern and pattern.search(_sentence(text, pos)))


def _future(text: str, pos: int) -> bool:
    """Whether the sentence around ``pos`` speaks of what is to come ("aura lieu", "prévu", "-ront")."""
    pattern = _future_pattern()
    return bool(pattern and pattern.search(_sentence(text, pos)))


def _scan(text: str, today: dt.date) -> _Mentions:
    pats = patterns()
    taken: list[tuple[int, int]] = []
    cues = _inference().get("year_cues") or []
    cue = re.compile(r"(?:" + "|".join(cues) + r")\s*$", re.IGNORECASE) if cues else None

    def free(hit: re.Match[str]) -> bool:
        return all(hit.end() <= a or hit.start() >= b for a, b in taken)

    def take(hit: re.Match[str]) -> None:
        taken.append(hit.span())

    mentions = _Mentions([], [], [], [], [], [], [])
    for pattern in pats.full:
        for hit in pattern.finditer(text):
            if free(hit):
                groups = hit.groupdict()
                month = _month_of(groups, pats)
                found = month and _safe_date(int(groups["year"]), month, int(groups["day"]))
                if found:
                    take(hit)
                    if found <= today and not _future(text, hit.start()):
                        if _background(text, hit.start()):
                            mentions.background.append(found)
                        else:
                            mentions.full.append((found, hit.group(0)))
                        mentions.floors.append((found, hit.group(0)))
    for hit in pats.month_year.finditer(text):
        if free(hit):
            take(hit)
            year, month = int(hit.group("year")), pats.months[hit.group("month").lower()]
            if (year, month) <= (today.year, today.month) and not _future(text, hit.start()):
                mentions.month_year.append((year, month, hit.group(0)))
                mentions.floors.append((dt.date(year, month, 1), hit.group(0)))
    for hit in pats.day_month.finditer(text):
        if free(hit) and 1 <= int(hit.group("day")) <= 31:
            take(hit)
            mentions.day_month.append((pats.months[hit.group("month").lower()], int(hit.group("day")),
                                       hit.group(0)))
    for hit in pats.bare_year.finditer(text):
        if free(hit) and int(hit.group(0)) <= today.year:
            take(hit)
            mentions.years.append(int(hit.group(0)))
            # "en 2019", "depuis 2019", "fin 2019": a year the text places something in, in the past
            if cue and cue.search(text[max(0, hit.start() - 24): hit.start()]) and not _future(text, hit.start()):
                mentions.floors.append((dt.date(int(hit.group(0)), 1, 1), hit.group(0)))
    for hit in pats.bare_month.finditer(text):
        if free(hit):
            mentions.bare_months.append(pats.months[hit.group("month").lower()])
    mentions.floors += _years_after(text, today)
    return mentions


_YEARS_AFTER = re.compile(r"(?<!\w)(?P<n>\d+|[a-zé]+(?:[- ](?:et[- ])?[a-zé]+){0,3})\s+ans\s+(?:après|plus tard)\b",
                          re.IGNORECASE)


def _years_after(text: str, today: dt.date) -> list[tuple[dt.date, str]]:
    """ "dix ans après l'annexion de 2014", "en 2015 ... huit ans plus tard": what the sentence tells is
    that many years after the one year it names, so the writing is not before that year (a floor)."""
    pats = patterns()
    floors = []
    for hit in _YEARS_AFTER.finditer(text):
        count = _number_words(hit.group("n"))
        sentence = _sentence(text, hit.start())
        at = sentence.find(hit.group(0))
        before, after = sentence[:max(at, 0)], sentence[at + len(hit.group(0)):]
        phrase = re.match(r"[^,;.:!?()«»]*", after)
        following = phrase.group(0) if phrase else ""
        # "dix ans après l'annexion de 2014": the year is in the phrase after "après"; "en 2014 ...
        # huit ans plus tard": before it. "Cinq ans après, en 2019" names the later year: no floor.
        if hit.group(0).lower().endswith("après"):
            years = {int(y.group(0)) for y in pats.bare_year.finditer(following)}
        elif not pats.bare_year.search(following):
            years = {int(y.group(0)) for y in pats.bare_year.finditer(before)}
        else:
            years = set()
        if not count or len(years) != 1 or _future(text, hit.start()):
            continue
        year = years.pop() + count
        if year <= today.year:
            floors.append((dt.date(year, 1, 1), f"{hit.group(0)} ({year - count})"))
    return floors


def _text_year(seen: _Mentions, today: dt.date) -> tuple[int, str] | None:
    """The publication year the text's own dates point to, with the expression that says so.

    Only when the text dates something to a month or a day: then the latest year named, moved one
    on when the text also names months without a year next to a month with one: a journalist writes
    "en août 2024" only when August 2024 is not in the current year.
    """
    dated = [y for y, _, _ in seen.month_year] + [d.year for d, _ in seen.full] + [d.year for d in seen.background]
    if not dated:
        return None  # a bare year ("en 1975", "depuis 2014") is history, not the date of the text
    latest = max(dated + seen.years)
    month_with_year = any(y == latest for y, _, _ in seen.month_year)
    if month_with_year and (seen.day_month or seen.bare_months):
        return min(latest + 1, today.year), str(latest)
    return latest, str(latest)


# -- office-holders ---------------------------------------------------------------------------

_NAME_RUN = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[ \t]+(?:(?:ben|bin|al|el|de|van|von|der)[ \t]+)?"
                       r"[A-ZÀ-ÖØ-Þ][\w'’-]*){0,3}")


def _terms_of(resolver: Any, text: str, start: int, end: int, person: str) -> list[tuple[dt.date, dt.date | None]]:
    """The terms of the office a title next to this name gives the person ("le président russe X",
    "X, Premier ministre du Japon,"); none when the title says the office is not held ("l'ancien")."""
    record = resolver.dictionary.people[person]
    sentence_start = max(text.rfind("\n", 0, start), max(text.rfind(". ", 0, start), 0))
    hits = []
    for word in re.finditer(r"(?<![\w'’-])[\w'’-]+", text[max(sentence_start, start - 120): start]):
        pos = max(sentence_start, start - 120) + word.start()
        hit = resolver.title_at(text, pos)
        if hit is not None and re.fullmatch(r"[\s,]*(?:et\s+[^,]{0,60}?)?", text[hit.end: start]):
            hits.append(hit)
            break
    after = re.match(r",\s*(?:l[ea]\s+|l['’]\s*)?", text[end:])
    if after:
        hit = resolver.title_at(text, end + after.end())
        if hit is not None:
            hits.append(hit)
    not_current = resolver.not_current | _not_in_office()
    sentence = _sentence(text, start)
    if patterns().bare_year.search(sentence):
        return []  # "en 2015, le président X...": the title belongs to that year, not to the writing
    terms: list[tuple[dt.date, dt.date | None]] = []
    for hit in hits:
        before = text[max(0, hit.start - 16): hit.start]
        if any(resolver.keys.plain(w) in not_current for w in re.findall(r"[\w-]+", before)[-2:]):
            continue
        if re.match(r"\s*(?:élue?|désignée?|pressentie?|par intérim|de l['’]époque|d['’]alors|à l['’]époque)\b",
                    text[hit.end:], re.IGNORECASE) or re.match(r"\s*,?\s*(?:de l['’]époque|d['’]alors|à l['’]époque)",
                                                               text[end:], re.IGNORECASE):
            continue
        role = hit.role
        where = f"org:{hit.org}" if hit.org else hit.country
        terms += [(o.start, o.end) for o in record.offices if o.role == role and o.where == where]
    return terms


def office_window(text: str, lang: str = "fr") -> tuple[list[tuple[dt.date, dt.date]], list[str]]:
    """Periods the publication may fall in because the text calls people by an office they held
    only then ("le président sud-coréen X" was written during X's term), with the names used.

    A margin of ``office_margin_days`` on each side leaves room for the days around a handover.
    Returns ``([], [])`` when no titled office-holder of the actor dictionary is named.
    """
    from annales.actors import Resolver  # the actor dictionary knows offices by date

    resolver = Resolver.load(lang)
    margin = dt.timedelta(days=int(_inference().get("office_margin_days", 14)))
    allowed: list[tuple[dt.date, dt.date]] | None = None
    used: list[str] = []
    people = resolver.dictionary.person_keys
    far = dt.date(9999, 12, 31)
    for run in _NAME_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        found = None
        for i in range(len(words)):  # the longest known name inside the run ("Le" and titles fall off)
            for j in range(len(words), i, -1):
                key = resolver.keys.key(run.group(0)[words[i].start(): words[j - 1].end()])
                if j - i >= 2 and key in people:
                    found = (run.start() + words[i].start(), run.start() + words[j - 1].end(), people[key])
                    break
            if found:
                break
        if not found:
            continue
        terms = _terms_of(resolver, text, *found)
        if not terms:
            continue
        periods = [(s - margin, (e + margin) if e else far) for s, e in terms]
        if allowed is None:
            allowed = periods
        else:
            narrowed = [(max(a, c), min(b, d)) for a, b in allowed for c, d in periods if max(a, c) <= min(b, d)]
            if not narrowed:
                return [], []  # terms that never overlap: one title is history; which one, nothing says
            allowed = narrowed
        used.append(text[found[0]:found[1]])
    return allowed or [], used


@cache
def _not_in_office() -> frozenset[str]:
    """Words before a title that say the office is not held now ("l'alors Premier ministre")."""
    from annales.actors.names import NameKeys

    keys = NameKeys("fr")
    return frozenset(keys.plain(w) for w in _inference().get("not_in_office") or [])


# -- points -----------------------------------------------------------------------------------

def undated_window(seen: _Mentions, text: str, today: dt.date, offices: bool) -> Window:
    """Bounds: not before the latest dated thing reported as past, within the office terms, not after today."""
    lo, why = None, []
    if seen.floors:
        floor, said = max(seen.floors)
        lo, why = floor, [said]
    hi = today
    if offices:
        periods, used = office_window(text)
        inside = [(max(a, lo) if lo else a, min(b, hi)) for a, b in periods]
        inside = [(a, b) for a, b in inside if a <= b]
        if inside:  # terms that end before the floor: the title is history, and bounds nothing
            lo, hi = min(a for a, _ in inside), max(b for _, b in inside)
            why += used
    return Window(lo, hi, tuple(why))


def _pick_year(month: int, day: int, weekdays: set[int], window: Window, estimate: int | None) -> int | None:
    """The year of a yearless day: the only one the window allows, else the one the weekday fixes
    nearest the text's own estimate (or the most recent); None when nothing fixes it."""
    first = window.lo.year if window.lo else window.hi.year - patterns().weekday_window
    slack = dt.timedelta(days=int(_inference().get("day_before_floor_days", 7)))
    years = [y for y in range(first, window.hi.year + 1)
             if (d := _safe_date(y, month, day)) and d <= window.hi and (window.lo is None or d >= window.lo - slack)
             and (not weekdays or d.weekday() in weekdays)]
    if len(years) == 1 and (weekdays or window.lo is not None):
        return years[0]
    if not years or not weekdays:
        return None
    if estimate is not None:
        return min(years, key=lambda y: abs(y - estimate) + (0.5 if y < estimate else 0))
    return max(years)


def _day_points(text: str, window: Window, estimate: int | None, today: dt.date,
                pattern: re.Pattern[str]) -> list[tuple[dt.date, bool, str, re.Match[str]]]:
    """Days a pattern names (with a weekday fixing a missing year), each with whether it is to come."""
    pats = patterns()
    found = []
    for hit in pattern.finditer(text):
        groups = hit.groupdict()
        month = _month_of(groups, pats)
        day = _number(groups, "day")
        if month is None or day is None:
            continue
        weekdays = {pats.weekdays[groups["weekday"].lower()]} if groups.get("weekday") else set()
        year = _number(groups, "year") or _pick_year(month, day, weekdays, window, estimate)
        date = _safe_date(year, month, day) if year else None
        if date is None or (weekdays and date.weekday() not in weekdays):
            continue
        found.append((date, _future(text, hit.start()), hit.group(0), hit))
    return found


def _number_words(words: str) -> int | None:
    """ "10", "dix", "vingt-cinq", "soixante-dix" as a number."""
    if words.isdigit():
        return int(words)
    table = _time_numbers()
    total, current = 0, 0
    for part in re.split(r"[-\s]+(?:et[-\s]+)?", words.lower()):
        value = table.get(part)
        if value is None:
            return None
        if value in (100, 1000) or (value == 20 and 1 < current < 10):
            current = max(current, 1) * value
        else:
            current += value
    return total + current or None


@cache
def _time_numbers() -> dict[str, int]:
    try:
        table = load_table("time", "fr")
    except AnnalesError:
        return {}
    return {str(k).lower(): int(v) for k, v in (table.get("numbers") or {}).items() if isinstance(v, int)}


def _years_ago(text: str, today: dt.date) -> tuple[int, str] | None:
    """ "il y a dix ans, en 2015" (or "en 2015, il y a dix ans"): the year of writing, 2025."""
    pats = patterns()
    phrase = re.compile(r"il y a\s+(?:tout juste\s+|exactement\s+|près de\s+|plus de\s+)?"
                        r"(?P<n>\d+|[a-zé]+(?:[- ](?:et[- ])?[a-zé]+){0,3})\s+ans?\b", re.IGNORECASE)
    for hit in phrase.finditer(text):
        if re.search(r"(?:près de|plus de)\s*$", hit.group(0)[: hit.start("n") - hit.start()]):
            continue  # "il y a près de dix ans": not a count to add
        count = _number_words(hit.group("n"))
        sentence = _sentence(text, hit.start())
        years = [int(y.group(0)) for y in pats.bare_year.finditer(sentence)]
        if count and len(set(years)) == 1 and years[0] + count <= today.year:
            return years[0] + count, f"{hit.group(0)} ({years[0]})"
    return None


_ANNIVERSARY = re.compile(r"il y a\s+(?:exactement\s+|tout juste\s+)?(?P<n>\d+|[a-zé]+(?:[- ](?:et[- ])?[a-zé]+){0,3})"
                          r"\s+(?P<unit>ans?|années?|mois)\s*,?\s*jour pour jour", re.IGNORECASE)


def _anniversary(text: str, window: Window) -> tuple[dt.date, str] | None:
    """ "Il y a un an jour pour jour, le 7 octobre 2023, ...": the writing is that day, so many years
    (months) later, when the sentence names that one full date."""
    pats = patterns()
    for hit in _ANNIVERSARY.finditer(text):
        count = _number_words(hit.group("n"))
        sentence = _sentence(text, hit.start())
        days = set()
        for pattern in pats.full[:1]:
            for full in pattern.finditer(sentence):
                month = _month_of(full.groupdict(), pats)
                found = month and _safe_date(int(full.group("year")), month, int(full.group("day")))
                if found:
                    days.add(found)
        if not count or len(days) != 1:
            continue
        months = count * (1 if hit.group("unit").lower() == "mois" else 12)
        index = days.copy().pop()
        year, month = divmod(index.year * 12 + index.month - 1 + months, 12)
        day = _safe_date(year, month + 1, index.day)
        if day is not None and window.holds(day):
            return day, hit.group(0)
    return None


def _last_year_tied(text: str, today: dt.date) -> tuple[int, str] | None:
    """ "l'an dernier, en 2023": the year of writing is the next one."""
    pats = patterns()
    for pattern, offset in pats.relative_years:
        if offset >= 0:
            continue
        for hit in pattern.finditer(text):
            near = text[max(0, hit.start() - 20): hit.end() + 20]
            years = [int(y.group(0)) for y in pats.bare_year.finditer(near)]
            if len(set(years)) == 1 and years[0] - offset <= today.year:
                return years[0] - offset, f"{hit.group(0)} ({years[0]})"
    return None


# The incise of a quotation, after its closing mark or a comma, that dates the saying: "», avait-il
# déclaré en octobre 2021", "», a-t-elle affirmé à la radio le 3 mai 2022", ", avait déclaré le ministre
# en mars 2019". Its verb is a participle in -é, -i, -u, -t, -s; the date comes within a few words.
_INCISE_YEAR = (r"(?:[,»”\"]\s*)(?:a|avait|ont|avaient)(?:(?:-t)?-(?:il|elle|ils|elles|on))?\s+"
                r"[^\W\d_]+(?:é|ée|és|ées|i|ie|is|u|ue|us|t|te|s)(?![\w])[^.!?;«»\n\d]{{0,60}}?"
                r"(?:\ben\s+|\ble\s+[0-3]?\d(?:er)?\s+)(?:{month}\s+)?(?P<year>(?:19|20)\d{{2}})(?!\d)")


@cache
def _incise_year() -> re.Pattern[str]:
    month = patterns().month_year.pattern.split(r"\s+")[0]
    return re.compile(_INCISE_YEAR.format(month=month), re.IGNORECASE)


def _retold_year(text: str, today: dt.date) -> tuple[int, str] | None:
    """ "X a réclamé l'an dernier la fermeture des bases. « ... », avait-il lancé en mai 2021":
    a phrase placing an act a year (or "il y a deux ans") before the writing, with no year before it
    in its sentence, followed by the quotation of that act, whose incise gives the year it was said:
    the writing is that year plus the gap. The incise (its pronoun or inverted subject standing for
    the speaker just named) must come in the rest of the sentence or the next two (the quotation
    often opens the next paragraph) and be the only year written there."""
    pats = patterns()
    gaps: list[tuple[int, int, str]] = []  # position, years before the writing, phrase
    for pattern, offset in pats.relative_years:
        if offset < 0:
            gaps += [(hit.start(), -offset, hit.group(0)) for hit in pattern.finditer(text)]
    for hit in re.finditer(r"il y a\s+(?P<n>\d+|[a-zé]+(?:[- ](?:et[- ])?[a-zé]+){0,3})\s+ans?\b", text, re.IGNORECASE):
        count = _number_words(hit.group("n"))
        if count:
            gaps.append((hit.start(), count, hit.group(0)))
    for position, gap, phrase in sorted(gaps):
        sentence = _sentence(text, position)
        at = sentence.find(phrase)
        if pats.bare_year.search(sentence[:max(at, 0)]):
            continue  # a year before the phrase, in its sentence: the ties within the sentence decide
        # the quotation may follow in the same sentence ("a réclamé l'an dernier la fermeture des bases :
        # « ... », avait-il lancé en 2021") or in the next ones
        following = text[position + len(phrase):position + len(phrase) + 500]
        stops = [m.end() for m in re.finditer(r"[.!?…](?:\s|$)|\n\s*\n", following) if following[:m.start()].strip()]
        if len(stops) > 3:
            following = following[:stops[2]]  # the rest of its sentence and the next two
        incise = _incise_year().search(following)
        years = {int(y.group(0)) for y in pats.bare_year.finditer(following)}
        if incise is None or years != {int(incise.group("year"))}:
            continue
        year = int(incise.group("year")) + gap
        if year <= today.year and not _future(text, position):
            said = incise.group(0).lstrip(',»”" ')
            return year, f"{phrase} ({said})"
    return None


def _this_or_next_year_tied(text: str, today: dt.date) -> tuple[int, str] | None:
    """ "l'an prochain, en 2025", "cette année (2024)": the year of writing, from a year written right
    next to the phrase (a comma, a parenthesis, "en"), never further: "cette année, contre 3 % en
    2019" ties nothing."""
    for pattern, offset in patterns().relative_years:
        if offset < 0:
            continue
        phrase = pattern.pattern
        tied = re.compile(rf"{phrase}\s*[,(]?\s*(?:en\s+)?(?P<a>(?:19|20)\d{{2}})(?!\d|[.,]\d)|"
                          rf"(?<![\d.,])(?P<b>(?:19|20)\d{{2}})\s*\)?\s*,?\s*{phrase}", re.IGNORECASE)
        for hit in tied.finditer(text):
            year = int(hit.group("a") or hit.group("b")) - offset
            if year <= today.year and not (hit.group("a") and offset == 0 and _future(text, hit.start())):
                return year, hit.group(0)
    return None


def _as_point(day: dt.date, future: bool, window: Window, said: str) -> DateValue | None:
    """A reported day as a publication date; None when it falls outside the window.

    What happened "mercredi 14 août" is written that day or the next: the day is taken, as the
    writer's "today" that the text's "hier" and "jeudi" count from. What is announced is written
    in the two weeks before it: that span, no day.
    """
    if future:
        start = day - dt.timedelta(days=int(_inference().get("announced_days_before", 14)))
        start = max(start, window.lo) if window.lo else start
        return DateValue.between(start, day, said) if start <= day <= window.hi else None
    return DateValue(day, day, "day", said) if window.holds(day) else None


@cache
def _point_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    pats = patterns()
    words = "|".join(sorted(_writing_offsets(), key=len, reverse=True))  # "avant-hier" before "hier"
    gap = r"(?:\s*,\s*|\s+)"
    this_day = re.compile(rf"(?<!depuis )(?<!avant )(?<!après )(?<!\w)(?P<rel>{words}){gap}"
                          rf"(?:{pats.weekday.pattern}{gap})?(?:le\s+)?"
                          rf"{pats.day_month.pattern}(?:\s+(?P<year>(?:19|20)\d{{2}})(?!\d))?", re.IGNORECASE)
    weekday_day = re.compile(rf"{pats.weekday.pattern}\s+(?:le\s+)?{pats.day_month.pattern}"
                             rf"(?:\s+(?P<year>(?:19|20)\d{{2}})(?!\d))?", re.IGNORECASE)
    return this_day, weekday_day


@cache
def _writing_offsets() -> dict[str, int]:
    """Words that tie a written day to the day of writing, with the days from that day to the
    writing: "ce 4 avril" 0, "hier, 3 avril" 1, "demain 5 avril" -1 (regular expressions)."""
    table = _inference().get("this_day") or {"ce": 0}
    return {str(k): int(v) for k, v in table.items()}


def _writing_days(text: str, window: Window, estimate: int | None, today: dt.date) -> list[tuple[dt.date, str]]:
    """Days of writing the text states: "ce lundi 4 avril" (that day), "hier, dimanche 3 avril"
    (the day after), "demain mardi 5 avril" (the day before); each inside ``window``."""
    this_day, _ = _point_patterns()
    offsets = [(re.compile(rf"(?:{word})$", re.IGNORECASE), offset) for word, offset in _writing_offsets().items()]
    slack = dt.timedelta(days=max([abs(o) for _, o in offsets] + [0]))
    wide = Window(window.lo - slack if window.lo else None, window.hi + slack, window.why)
    found = []
    for day, future, said, hit in _day_points(text, wide, estimate, today, this_day):
        rel = hit.group("rel")
        offset = next((o for pattern, o in offsets if pattern.match(rel)), 0)
        if future and offset >= 0:
            continue  # "ce 14 juillet sera...": a day to come, not today
        writing = day + dt.timedelta(days=offset)
        if window.holds(writing):
            found.append((writing, said))
    return found


def _recent_days(text: str, window: Window) -> DateValue | None:
    """ "il y a quelques jours, le 28 avril" in an article of May: written from the 30th of April to
    the 7th of May (``recent_days``), cut to ``window``; None when the text ties no day so."""
    pats = patterns()
    gap = r"(?:\s*,\s*|\s+)"
    spans: list[tuple[dt.date, dt.date, str]] = []
    for phrase, (fewest, most) in (_inference().get("recent_days") or {}).items():
        tied = re.compile(rf"(?<!\w)(?:{phrase}){gap}(?:{pats.weekday.pattern}{gap})?(?:le\s+)?"
                          rf"{pats.day_month.pattern}(?!\s+(?:19|20)\d\d)", re.IGNORECASE)
        for hit in tied.finditer(text):
            month, day = pats.months[hit.group("month").lower()], int(hit.group("day"))
            for year in range(window.hi.year, (window.lo or window.hi).year - 2, -1):
                told = _safe_date(year, month, day)
                if told is None:
                    continue
                lo = max(told + dt.timedelta(days=int(fewest)), window.lo or dt.date.min)
                hi = min(told + dt.timedelta(days=int(most)), window.hi)
                if lo <= hi:
                    spans.append((lo, hi, hit.group(0)))
                    break
    if not spans:
        return None
    lo, hi, said = min(spans, key=lambda s: (s[1] - s[0], s[0]))
    return DateValue.between(lo, hi, said)


def refine(found: DateValue, text: str, *, today: dt.date | None = None) -> DateValue:
    """A month or a year as stated, made a day when the text calls a day inside it the day of
    writing ("ce 23 janvier", "ce mardi 23 janvier"): the header gives the month, the text the day.

    A day merely reported ("mardi 23 janvier, les frappes...") stays a floor: the month is kept; a
    day told as a few days back ("il y a quelques jours, le 28 avril") leaves the days after it.
    """
    if found.precision == "day":
        return found
    today = today or dt.date.today()
    window = Window(found.start, min(found.end, today))
    days = _writing_days(text, window, found.start.year, today)
    if days:
        day, said = max(days)
        return DateValue(day, day, "day", said)
    return _recent_days(text, window) or found


def infer_date(text: str, *, today: dt.date | None = None, offices: bool = True) -> tuple[DateValue | None, str]:
    """The publication date the text's own dates support, at the precision they support.

    Bounds first (``undated_window``), then the first point inside them:

    - a day the text ties to the day of writing ("ce lundi 4 avril", "ce 23 janvier", "hier,
      dimanche 3 avril", "demain mardi 5 avril", "il y a un an jour pour jour, le 7 octobre
      2023"): the day of writing it gives;
    - the latest full date reported as past, when no later month or year is named: that day;
    - a weekday written with its day ("mercredi 14 août"), the weekday fixing the year within the
      bounds: that day when reported as past, the two weeks before it when announced;
    - "il y a dix ans" next to a year, "l'an dernier" next to a year: that year;
    - the year the text's dates point to (``_text_year``);
    - else the bounds themselves, when narrower than ``max_window_days``;
    - ``(None, "unknown")`` when nothing supports a date.
    """
    today = today or dt.date.today()
    seen = _scan(text, today)
    window = undated_window(seen, text, today, offices)
    estimate = _text_year(seen, today)
    guess = estimate[0] if estimate else None
    _, weekday_day = _point_patterns()
    days = _writing_days(text, window, guess, today)
    anniversary = _anniversary(text, window)
    if anniversary is not None:
        days.append(anniversary)
    if days:
        day, said = max(days)
        return DateValue(day, day, "day", said), "inferred"
    points = [(d, f, s) for d, f, s, _ in _day_points(text, window, guess, today, weekday_day)]
    past = [p for p in points if not p[1]]
    if seen.full:
        latest, said = max(seen.full)
        later = any((y, m) > (latest.year, latest.month) for y, m, _ in seen.month_year) or any(
            y > latest.year for y in seen.years) or any(day > latest for day, _, _ in past)
        if not later and window.holds(latest):
            return DateValue(latest, latest, "day", said), "inferred"
    for day, future, said in sorted(past or points, reverse=True):
        found = _as_point(day, future, window, said)
        if found is not None:
            return found, "inferred"
    # the latest year named is a bound, not the year of writing; it is one only by the convention
    # of ``_text_year`` (months without a year next to a month with one)
    convention = estimate if estimate and seen.month_year and estimate[0] > max(
        [y for y, _, _ in seen.month_year] + [d.year for d, _ in seen.full] + [d.year for d in seen.background]
        + seen.years) else None
    for year_found in (_years_ago(text, today), _last_year_tied(text, today), _retold_year(text, today),
                       _this_or_next_year_tied(text, today),
                       convention):
        if year_found and dt.date(year_found[0], 1, 1) <= window.hi and (
                window.lo is None or dt.date(year_found[0], 12, 31) >= window.lo):
            # the year, cut to the bounds when they end inside it (a term that ended in June)
            first = max(dt.date(year_found[0], 1, 1), window.lo or dt.date.min)
            last = min(dt.date(year_found[0], 12, 31), window.hi)
            return DateValue.between(first, last, year_found[1]), "inferred"
    # bounds alone, when both sides are evidence (a term that ended closes the window; today does not)
    limit = int(_inference().get("max_window_days", 1100))
    if window.lo is not None and window.hi < today and (window.hi - window.lo).days <= limit:
        return DateValue.between(window.lo, window.hi, " + ".join(window.why)), "inferred"
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
    captions = caption_lines(text)
    return infer_date("\n".join(line for line in _lines(text) if line not in captions), today=today)
