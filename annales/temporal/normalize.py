"""Giving a matched expression its TIMEX3 value and calendar date, anchored and never over-precise.

The anchor is the publication date as a ``DateValue`` (day, month or year precision, or None). A
value computed from the anchor is never finer than the anchor: "jeudi" in an article known only
to be from October 2023 is "2023-10". The tense ("past", "future" or None) decides the direction
when the text does not: past -> the most recent occurrence, future -> the next one, None -> nearest.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from annales.model import DateValue, Timex
from annales.temporal.lexicon import Lexicon, fold
from annales.temporal.recognize import Mention

RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "year": 4, "decade": 5, "century": 6}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass
class Context:
    """What a value may depend on besides the expression itself."""

    text: str
    anchor: DateValue | None
    tense: str | None = None
    announcement: bool = False  # the tense is that of a verb of announcing ("a annoncé un vote le 12 mars")
    earlier: list[Timex] = field(default_factory=list)  # day-precise timexes already valued
    later: list[Timex] = field(default_factory=list)
    sentence: tuple[int, int] = (0, 0)
    paragraph: tuple[int, int] = (0, 0)
    told_from: int | None = None  # start of the paragraph before: the day being told may come from there
    undated: list[Timex] = field(default_factory=list)  # timexes already valued without a date


# -- small calendar helpers ---------------------------------------------------------------------
def anchor_parts(anchor: DateValue | None) -> tuple[str | None, dt.date | None]:
    """The anchor's usable precision ('day', 'month', 'year' or None) and its reference day."""
    if anchor is None:
        return None, None
    if anchor.precision in ("day", "month", "year"):
        return anchor.precision, anchor.start
    if anchor.start.year == anchor.end.year:
        if anchor.start.month == anchor.end.month:
            return "month", anchor.start
        return "year", anchor.start
    return None, None


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous algorithm of the Nature 1876 letter)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month = (h + j - 7 * m + 114) // 31
    day = (h + j - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def parse_number(word: str, lex: Lexicon) -> float | None:
    """'12', '30,4', 'vingt-cinq', 'soixante-dix-huit', 'vingt et un', 'quatre-vingts' -> a number."""
    word = fold(word)
    if re.fullmatch(r"\d+(?:[,.]\d+)?", word):
        return float(word.replace(",", "."))
    parts = [p for p in re.split(r"-et-|\s+et\s+|-|\s+", word) if p]
    total, current = 0.0, 0.0
    for part in parts:
        value = lex.lookup("numbers", part)
        if value is None:
            return None
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        elif value == 20 and current in (4.0,):  # quatre-vingt
            current *= 20
        else:
            current += value
    return total + current


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _day_value(d: dt.date) -> tuple[str, DateValue]:
    return d.isoformat(), DateValue.day(d.year, d.month, d.day)


def _month_value(y: int, m: int) -> tuple[str, DateValue]:
    return f"{y:04d}-{m:02d}", DateValue.month(y, m)


def _year_value(y: int) -> tuple[str, DateValue]:
    return f"{y:04d}", DateValue.year(y)


def _capped(anchor: DateValue | None) -> tuple[str, DateValue | None]:
    """The anchor's own value: what is left when a computation needs more precision than it has."""
    precision, ref = anchor_parts(anchor)
    if precision == "month" and ref:
        return _month_value(ref.year, ref.month)
    if precision == "year" and ref:
        return _year_value(ref.year)
    return "XXXX-XX-XX", None


def pick(candidates: list, target, direction: int | None, strict: bool = False):
    """Choose among sorted candidates: -1 latest before target, +1 earliest after, None nearest."""
    if direction is not None and direction < 0:
        before = [c for c in candidates if (c < target if strict else c <= target)]
        return before[-1] if before else candidates[0]
    if direction is not None and direction > 0:
        after = [c for c in candidates if (c > target if strict else c >= target)]
        return after[0] if after else candidates[-1]
    return min(candidates, key=lambda c: (abs(c - target), c < target))


def _direction(rel: str | None, tense: str | None, lex: Lexicon) -> tuple[int | None, bool]:
    """The direction to look in and whether the anchor itself is excluded ('dernier', 'prochain')."""
    if rel:
        value = lex.lookup("relative_words", rel)
        if value is None and fold(rel) in ("précédent", "d'avant"):
            value = -1
        if value is None and fold(rel) == "suivant":
            value = 1
        if value:
            return value, True
    if tense == "past":
        return -1, False
    if tense == "future":
        return 1, False
    return None, False


# -- the year of a day or month given without one -----------------------------------------------
def _year_for(month: int, day: int | None, ctx: Context, direction: int | None, strict: bool,
              lex: Lexicon, easter_offset: int | None = None) -> int | None:
    precision, ref = anchor_parts(ctx.anchor)
    if ref is None:
        return None
    years = [ref.year - 1, ref.year, ref.year + 1]
    if precision == "year":
        return ref.year
    if precision == "month" or day is None:
        target = ref.year * 12 + ref.month
        options = [y * 12 + month for y in years]
        chosen = pick(options, target, direction, strict and day is None)
        if direction == -1 and not strict and ctx.announcement:
            chosen = _not_far(options, target, chosen, direction, 8, 3)
        return (chosen - month) // 12
    options_d = []
    for y in years:
        try:
            d = easter(y) + dt.timedelta(days=easter_offset) if easter_offset is not None else dt.date(y, month, day)
        except ValueError:
            continue
        options_d.append(d)
    if not options_d:
        return None
    chosen_d = pick(options_d, ref, direction, strict)
    if direction == -1 and not strict and ctx.announcement and easter_offset is None:
        chosen_d = _not_far(options_d, ref, chosen_d, direction, 240, 92)
    return chosen_d.year


def _not_far(options: list, target, chosen, direction: int, far: int, near: int):
    """A past verb of announcing, but a day or month written without a year lies far back (more than
    ``far`` days or months) and soon ahead (at most ``near``): news gives the year or "dernier" for a
    date that far back, so the date is what was announced ("a annoncé des élections le 12 mars",
    written in January, are two months ahead): take the near one. A future verb is trusted ("se
    rendra à Dakar le 13 septembre", written in October, is next year), and so is an event's verb."""
    if abs(_distance(chosen, target)) <= far:
        return chosen
    other = [c for c in options if (c > target if direction < 0 else c < target) and abs(_distance(c, target)) <= near]
    return other[0] if other else chosen


def _distance(a, b) -> int:
    return (a - b).days if isinstance(a, dt.date) else a - b


def _day_of(m: Mention, lex: Lexicon, key: str = "day") -> int | None:
    raw = m.groups.get(key)
    if raw is None:
        return None
    ordinal = lex.lookup("ordinals", raw)
    if ordinal:
        return ordinal
    digits = re.sub(r"\D", "", raw)
    return int(digits) if digits else None


def _two_digit_year(y2: int, ctx: Context) -> int:
    """'97' -> 1997 and '05' -> 2005 seen from 2024: the century that does not put it far ahead."""
    _, ref = anchor_parts(ctx.anchor)
    year = (ref.year if ref else dt.date.today().year) // 100 * 100 + y2
    limit = (ref.year if ref else dt.date.today().year) + 10
    return year - 100 if year > limit else year


def _generic(m: Mention, ctx: Context, lex: Lexicon) -> bool:
    """A day or month without a year in a sentence about what happens every year ("l'été, entre le
    15 juillet et le 15 août, le camping affiche complet", "chaque année, le 1er mai"): present
    tense, no "dernier"/"prochain", and a habitual cue or an undated season or frequency nearby."""
    if ctx.tense is not None or m.groups.get("rel") or ctx.anchor is None:
        return False
    lo, hi = ctx.sentence
    for t in ctx.undated:
        if lo <= t.start and t.end <= hi and (t.type == "SET" or re.fullmatch(r"XXXX-(?:SP|SU|FA|WI)", t.value)):
            return True
    return _habitual(lex).search(fold(ctx.text[lo:hi])) is not None


_HABITUAL: dict[int, re.Pattern[str]] = {}  # per lexicon (lexicons live as long as the process)


def _habitual(lex: Lexicon) -> re.Pattern[str]:
    if id(lex) not in _HABITUAL:
        cues = sorted({fold(c) for c in lex["habitual_cues"]}, key=len, reverse=True)
        _HABITUAL[id(lex)] = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)")
    return _HABITUAL[id(lex)]


def _sentence_year(m: Mention, ctx: Context) -> int | None:
    """A year written earlier in the same sentence ("en 2019 (en janvier, puis en octobre)")."""
    lo, _ = ctx.sentence
    for t in reversed(ctx.earlier):
        if t.start >= lo and t.end <= m.start and re.fullmatch(r"\d{4}", t.value) and m.start - t.end < 80:
            return int(t.value)
    return None


def _with_part(value: str, part: str | None, lex: Lexicon) -> tuple[str, str]:
    """Add a part of the day ('2023-10-19TEV'); a part makes the expression a TIME."""
    code = lex.lookup("parts_of_day", part) if part else None
    if code and re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-XX-XX", value):
        return f"{value}T{code}", "TIME"
    if code:
        return value, "TIME"
    return value, "DATE"


# -- one handler per kind of rule ---------------------------------------------------------------
def value_of(m: Mention, ctx: Context, lex: Lexicon) -> list[tuple[int, int, str, str, DateValue | None]]:
    """(start, end, type, value, date) for one matched expression; two for a day range."""
    handler = HANDLERS[m.kind]
    result = handler(m, ctx, lex)
    if result is None:
        return []
    if isinstance(result, list):
        return result
    ttype, value, date = result
    return [(m.start, m.end, ttype, value, date)]


def _date(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    day = _day_of(m, lex)
    month = int(g["monthnum"]) if g.get("monthnum") else lex.lookup("months", g.get("month"))
    if not month or not day or not 1 <= month <= 12:
        return None
    direction, strict = _direction(g.get("rel"), ctx.tense, lex)
    year: int | None
    if g.get("year"):
        year = int(g["year"])
        if len(g["year"]) == 2:
            year = _two_digit_year(year, ctx)
    else:
        weekday = lex.lookup("weekdays", g.get("weekday"))
        year = _sentence_year(m, ctx) or (None if weekday is None and _generic(m, ctx, lex)
                                          else _year_for(month, day, ctx, direction, strict, lex))
        if weekday is not None and year is not None:
            year = _weekday_year(year, month, day, weekday, ctx)
    if year is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        value, ttype = _with_part(value, g.get("part"), lex)
        return ttype, value, None
    try:
        value, date = _day_value(dt.date(year, month, day))
    except ValueError:
        return None
    value, ttype = _with_part(value, g.get("part"), lex)
    return ttype, value, date


def _weekday_year(year: int, month: int, day: int, weekday: int, ctx: Context) -> int:
    """The year in which that day and month fall on that weekday ("jeudi 19 octobre" is 2023), the
    nearest to the reference among a few years around the one the tense gave; that year when none fits."""
    _, ref = anchor_parts(ctx.anchor)
    fits = []
    for y in range(year - 6, year + 7):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            fits.append((abs(y - year), abs((d - ref).days) if ref else 0, y))
    return min(fits)[2] if fits and min(fits)[0] <= 1 else year


def _day_range(m: Mention, ctx: Context, lex: Lexicon):
    """'du 18 au 19 octobre', 'les 6 et 13 avril': two dates, as TimeML writes them."""
    g = m.groups
    month = lex.lookup("months", g.get("month"))
    d1, d2 = _day_of(m, lex, "day1"), _day_of(m, lex, "day2")
    if not month or not d1 or not d2:
        return None
    direction, strict = _direction(g.get("rel"), ctx.tense, lex)
    year = int(g["year"]) if g.get("year") else (
        None if _generic(m, ctx, lex) else _year_for(month, d1, ctx, direction, strict, lex))
    head = "weekday1" if "weekday1" in m.spans else "day1"
    prefix = fold(ctx.text[m.start:m.spans[head][0]])
    first_start = m.start if prefix in ("le", "les") else m.spans[head][0]
    if prefix.startswith("entre"):
        first_start = m.start + ctx.text[m.start:m.spans[head][0]].lower().index("le")
    out: list[tuple[int, int, str, str, DateValue | None]] = []
    second_start = m.spans["weekday2"][0] if "weekday2" in m.spans else m.spans["day2"][0]
    for day, start, end in ((d1, first_start, m.spans["day1"][1]), (d2, second_start, m.end)):
        if year is None:
            out.append((start, end, "DATE", f"XXXX-{month:02d}-{day:02d}", None))
            continue
        try:
            value, date = _day_value(dt.date(year, month, day))
        except ValueError:
            return None
        out.append((start, end, "DATE", value, date))
    return out


def _holiday(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    spec = lex.lookup("holidays", g.get("holiday"))
    if spec is None:
        return None
    direction, strict = _direction(g.get("rel"), ctx.tense, lex)
    offset = spec.get("easter")
    year: int | None
    if g.get("year"):
        year = int(g["year"])
    elif _generic(m, ctx, lex):
        year = None
    else:
        year = _year_for(spec.get("month") or 1, spec.get("day") or 1, ctx, direction, strict, lex, offset)
    if year is None:
        if offset is not None:
            return "DATE", "XXXX-XX-XX", None
        return "DATE", f"XXXX-{spec['month']:02d}-{spec['day']:02d}", None
    d = easter(year) + dt.timedelta(days=offset) if offset is not None else dt.date(year, spec["month"], spec["day"])
    value, date = _day_value(d)
    return "DATE", value, date


def _month(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    month = int(g["monthnum"]) if g.get("monthnum") else lex.lookup("months", g.get("month"))
    if not month:
        return None
    year: int | None
    if g.get("year"):
        year = int(g["year"])
    else:
        direction, strict = _direction(g.get("rel"), ctx.tense, lex)
        year = _sentence_year(m, ctx) or (None if _generic(m, ctx, lex)
                                          else _year_for(month, None, ctx, direction, strict, lex))
    if year is None:
        return "DATE", f"XXXX-{month:02d}", None
    value, date = _month_value(year, month)
    return "DATE", value, date


def _nth_weekday(m: Mention, ctx: Context, lex: Lexicon):
    """'le premier lundi de septembre', 'le dernier dimanche d'octobre', 'le premier dimanche du
    printemps': that day of the month or season, in the year the sentence or the tense gives."""
    g = m.groups
    weekday = lex.lookup("weekdays", g.get("weekday"))
    n = lex.lookup("ordinals", g.get("ordinal"))
    month = lex.lookup("months", g.get("month"))
    season = lex.lookup("seasons", g.get("season"))
    if weekday is None or not n or (month is None and season is None):
        return None
    first_month = month or season["start"][0]
    direction, strict = _direction(g.get("rel"), ctx.tense, lex)
    year = int(g["year"]) if g.get("year") else (
        _sentence_year(m, ctx) or (None if _generic(m, ctx, lex)
                                   else _year_for(first_month, None, ctx, direction, strict, lex)))
    if year is None:
        return "DATE", f"XXXX-{first_month:02d}", None
    if season is not None:
        start, end = _season_bounds(year, season)
    else:
        start = dt.date(year, first_month, 1)
        end = dt.date(year, first_month, calendar.monthrange(year, first_month)[1])
    if n > 0:
        day = start + dt.timedelta(days=(weekday - start.weekday()) % 7 + 7 * (n - 1))
    else:
        day = end - dt.timedelta(days=(end.weekday() - weekday) % 7)
    if not start <= day <= end:
        return None
    value, date = _day_value(day)
    return "DATE", value, date


def _weekday_day(m: Mention, ctx: Context, lex: Lexicon):
    """'mardi 6' without its month: the 6th that is a Tuesday, in the month nearest the anchor (in
    the direction the tense gives); a month or year anchor, or none, gives no more than it knows."""
    g = m.groups
    weekday = lex.lookup("weekdays", g.get("weekday"))
    day = _day_of(m, lex)
    precision, ref = anchor_parts(ctx.anchor)
    if weekday is None or not day:
        return None
    if precision != "day" or ref is None:
        value, date = _capped(ctx.anchor)
        return "DATE", value if date else f"XXXX-XX-{day:02d}", date
    options = []
    for k in range(-3, 4):
        y, mo = add_months(ref.year, ref.month, k)
        try:
            d = dt.date(y, mo, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            options.append(d)
    if not options:
        return None
    direction, strict = _direction(g.get("rel"), ctx.tense, lex)
    value, date = _day_value(pick(options, ref, direction, strict))
    return "DATE", value, date


def _season_bounds(year: int, spec: dict) -> tuple[dt.date, dt.date]:
    start = dt.date(year, *spec["start"])
    end_year = year + 1 if tuple(spec["end"]) < tuple(spec["start"]) else year
    return start, dt.date(end_year, *spec["end"])


def _season(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    spec = lex.lookup("seasons", g.get("season"))
    if spec is None:
        return None
    code = spec["code"]
    det = fold(g.get("det") or "")
    if not det and re.search(r"(?<!\w)au\s+$", ctx.text[max(0, m.start - 4):m.start], re.IGNORECASE):
        det = "au"  # "au printemps": a definite spring, outside the extent as prepositions are
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yearrel") and ctx.anchor is not None:
        # "au printemps de l'année dernière", "à l'automne de cette année"
        words = fold(g["yearrel"]).split()
        year = ctx.anchor.start.year + (lex.lookup("relative_words", words[-1]) or 0)
    else:
        precision, ref = anchor_parts(ctx.anchor)
        generic = not det or det.startswith("les mois")
        if generic and not g.get("rel") or ref is None:
            return "DATE", f"XXXX-{code}", None
        if precision == "year":
            year = ref.year
        else:
            direction, strict = _direction(g.get("rel"), ctx.tense if not det.startswith("ce") else None, lex)
            options = [(y, _season_bounds(y, spec)) for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)]
            if direction is not None and direction < 0:
                fits = [y for y, (s, e) in options if (e < ref if strict else s <= ref)]
                year = fits[-1]
            elif direction is not None and direction > 0:
                fits = [y for y, (s, e) in options if (s > ref if strict else e >= ref)]
                year = fits[0]
            else:
                year = min(options, key=lambda o: 0 if o[1][0] <= ref <= o[1][1]
                           else min(abs((o[1][0] - ref).days), abs((o[1][1] - ref).days)))[0]
    start, end = _season_bounds(year, spec)
    return "DATE", f"{year:04d}-{code}", DateValue(start, end, "interval", None)


def _year(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    if g.get("year2"):
        year = _two_digit_year(int(g["year2"]), ctx)
    else:
        year = int(g["year"])
    value, date = _year_value(year)
    return "DATE", value, date


def _decade(m: Mention, ctx: Context, lex: Lexicon):
    raw = m.groups["decade"]
    year = int(raw)
    if year < 100:
        year += 1900 if year >= 20 else 2000
    return "DATE", f"{year // 10:03d}X", DateValue(dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "interval")


def _century(m: Mention, ctx: Context, lex: Lexicon):
    raw = m.groups["century"].upper()
    if raw.isdigit():
        number = int(raw)
    else:
        number, previous = 0, 0
        for ch in reversed(raw):
            v = ROMAN[ch]
            number += -v if v < previous else v
            previous = max(previous, v)
    if not 1 <= number <= 21:
        return None
    first = (number - 1) * 100 + 1
    return "DATE", f"{number - 1:02d}XX", DateValue(dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "interval")


def _shift_days(days: int, ctx: Context, part: str | None, lex: Lexicon):
    precision, ref = anchor_parts(ctx.anchor)
    if precision != "day" or ref is None:
        value, date = _capped(ctx.anchor)
        return ("TIME" if part else "DATE"), value, date
    value, date = _day_value(ref + dt.timedelta(days=days))
    value, ttype = _with_part(value, part, lex)
    return ttype, value, date


def _deictic(m: Mention, ctx: Context, lex: Lexicon):
    if m.groups.get("here"):
        # "d'ici le 30 juin": TimeML values "ici", the start of the span, as the day of writing; it
        # dates no event, so it carries no calendar date
        ttype, value, _ = _shift_days(0, ctx, None, lex)
        return ttype, value, None
    offset = lex.lookup("deictic_days", m.groups.get("deictic"))
    if offset is None:
        return None
    return _shift_days(offset, ctx, m.groups.get("part"), lex)


def _this_part(m: Mention, ctx: Context, lex: Lexicon):
    return _shift_days(0, ctx, m.groups.get("part"), lex)


def _weekday_offset(ref: dt.date, weekday: int, direction: int | None, strict: bool) -> int:
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction is not None and direction < 0:
        return -back
    if direction is not None and direction > 0:
        return ahead
    return -back if back <= ahead else ahead


SHORT_ANCHOR_DAYS = 10  # a publication known to a few days ("written in the days after the 28th")


def _weekday_near(anchor: DateValue, weekday: int, direction: int | None) -> DateValue:
    """A weekday told in an article written on one of a few days: that weekday for each possible day
    of writing (the last one before it in the past, the next one in the future, the nearest when the
    tense says neither), from the earliest to the latest; one day when they all agree."""
    days = []
    day = anchor.start
    while day <= anchor.end:
        days.append(day + dt.timedelta(days=_weekday_offset(day, weekday, direction, False)))
        day += dt.timedelta(days=1)
    return DateValue.between(min(days), max(days), anchor.text)


def _named_weekday(ctx: Context, weekday: int, word: str, month: DateValue) -> DateValue | None:
    """The one day of ``month`` the text names with this weekday ("mardi 23 janvier"), if only one."""
    days = {t.date for t in ctx.earlier + ctx.later
            if t.date is not None and t.date.precision == "day" and t.date.start.weekday() == weekday
            and month.contains(t.date) and fold(word) in fold(t.text)}
    return days.pop() if len(days) == 1 else None


def _weekdays_within(month: DateValue, weekday: int) -> DateValue:
    """"ce samedi" in an article known only to its month: that weekday cannot be told to the day, but
    it is one of that month's four or five such days, from the first to the last (the window the
    month allows, no wider: an article of the 1st telling last Saturday is the rare exception)."""
    first = month.start + dt.timedelta(days=(weekday - month.start.weekday()) % 7)
    last = month.end - dt.timedelta(days=(month.end.weekday() - weekday) % 7)
    return DateValue.between(first, last, month.text)


def _weekday(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    weekday = lex.lookup("weekdays", g.get("weekday"))
    if weekday is None:
        return None
    det = fold(g.get("det") or "")
    if det == "le" and not g.get("rel") and not g.get("part"):
        return "SET", f"XXXX-WXX-{weekday + 1}", None
    precision, ref = anchor_parts(ctx.anchor)
    if precision != "day" or ref is None:
        if ref is None:
            value, ttype = _with_part(f"XXXX-WXX-{weekday + 1}", g.get("part"), lex)
            return ttype, value, None
        value, date = _capped(ctx.anchor)
        anchor = ctx.anchor
        if anchor is not None and anchor.precision == "interval" and anchor.days <= SHORT_ANCHOR_DAYS \
                and not g.get("rel"):
            direction, _ = _direction(None, None if det.startswith("ce") and not ctx.tense else ctx.tense, lex)
            date = _weekday_near(anchor, weekday, direction)
            if date.precision == "day":
                value = date.start.isoformat()
            value, ttype = _with_part(value, g.get("part"), lex)
            return ttype, value, date
        if precision == "month" and date is not None and not g.get("rel"):
            named = _named_weekday(ctx, weekday, g["weekday"], date)
            if named is not None:
                # "mardi 23 janvier" written out elsewhere in an article of January: "mardi" is that day
                value, ttype = _with_part(named.start.isoformat(), g.get("part"), lex)
                return ttype, value, named
            date = _weekdays_within(date, weekday)
        return ("TIME" if g.get("part") else "DATE"), value, date
    rel = fold(g.get("rel") or "")
    if not rel and ctx.tense is None:
        # the same weekday already dated in this text, within a week of the anchor: the same day
        for t in ctx.earlier[::-1] + ctx.later:
            if (t.date and t.date.precision == "day" and t.date.start.weekday() == weekday
                    and abs((t.date.start - ref).days) <= 7 and fold(g["weekday"]) in fold(t.text)):
                value, ttype = _with_part(t.date.start.isoformat(), g.get("part"), lex)
                return ttype, value, t.date
    if rel in ("précédent", "suivant", "d'avant") and ctx.earlier:
        last = ctx.earlier[-1].date
        assert last is not None  # Context.earlier holds only dated timexes
        ref = last.start  # relative to the last date the text gave
    direction, strict = _direction(g.get("rel"), None if det.startswith("ce") and not ctx.tense else ctx.tense, lex)
    offset = _weekday_offset(ref, weekday, direction, strict)
    if offset == -1 and direction == -1 and strict and rel not in ("précédent", "precedent", "d'avant"):
        offset = -8  # "mercredi dernier" in Thursday's paper is not yesterday ("hier", "mercredi"): last week's
    value, date = _day_value(ref + dt.timedelta(days=offset))
    value, ttype = _with_part(value, g.get("part"), lex)
    return ttype, value, date


def _night_of(m: Mention, ctx: Context, lex: Lexicon):
    inner = Mention(m.start, m.end, "weekday", m.rule, m.priority, {"weekday": m.groups["weekday"]})
    ttype, value, date = _weekday(inner, ctx, lex)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value = f"{value}TNI"
    return "TIME", value, date


def _set_weekday(m: Mention, ctx: Context, lex: Lexicon):
    weekday = lex.lookup("weekdays", m.groups.get("weekday"))
    return "SET", f"XXXX-WXX-{weekday + 1}", None


def _iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _calendar_shift(unit: str, k: int, ctx: Context, lex: Lexicon, weekend_past: bool = False):
    """The period ``k`` units from the anchor's ('la semaine dernière' is week, -1)."""
    precision, ref = anchor_parts(ctx.anchor)
    if ref is None:
        unknown = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX"}
        return "DATE", unknown.get(unit, "XXXX"), None
    grain = {"weekend": "week"}.get(unit, unit)
    assert precision is not None  # anchor_parts gives a precision with every reference day
    if RANK[grain] < RANK[precision]:
        value, date = _capped(ctx.anchor)
        return "DATE", value, date
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=k)
        return "DATE", _iso_week(monday), DateValue(monday, monday + dt.timedelta(days=6), "interval")
    if unit == "weekend":
        monday = ref - dt.timedelta(days=ref.weekday())
        if k < 0 or (k == 0 and weekend_past and ref.weekday() < 5):
            monday -= dt.timedelta(weeks=1)
        elif k > 0 and ref.weekday() >= 5:
            monday += dt.timedelta(weeks=1)
        saturday = monday + dt.timedelta(days=5)
        return "DATE", f"{_iso_week(monday)}-WE", DateValue(saturday, saturday + dt.timedelta(days=1), "interval")
    if unit == "month":
        y, mo = add_months(ref.year, ref.month, k)
        value, date = _month_value(y, mo)
        return "DATE", value, date
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + k
        y, q = index // 4, index % 4 + 1
        start = dt.date(y, 3 * q - 2, 1)
        end = dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        return "DATE", f"{y:04d}-Q{q}", DateValue(start, end, "interval")
    if unit == "half":
        index = ref.year * 2 + (ref.month - 1) // 6 + k
        y, h = index // 2, index % 2 + 1
        start = dt.date(y, 6 * h - 5, 1)
        end = dt.date(y, 6 * h, 30 if h == 1 else 31)
        return "DATE", f"{y:04d}-H{h}", DateValue(start, end, "interval")
    if unit == "year":
        value, date = _year_value(ref.year + k)
        return "DATE", value, date
    if unit == "decade":
        first = (ref.year // 10 + k) * 10
        return "DATE", f"{first // 10:03d}X", DateValue(dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "interval")
    if unit == "century":
        first = (ref.year // 100 + k) * 100
        return "DATE", f"{first // 100:02d}XX", DateValue(dt.date(max(first, 1), 1, 1),
                                                          dt.date(first + 99, 12, 31), "interval")
    return None


def _relative(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    unit = lex.lookup("calendar_units", g.get("unit"))
    if unit is None:
        return None
    if fold(g.get("ci") or "") == "-là":
        return "DATE", "XXXX-XX-XX", None  # 'cette année-là': anaphoric, valued by governing_timex
    if fold(g.get("rel") or "") in {fold(w) for w in lex["new_period_words"]}:
        # "la nouvelle année": the one just begun in the first half of the year, else the next
        _, ref = anchor_parts(ctx.anchor)
        return _calendar_shift(unit, 0 if ref is None or ref.month <= 6 else 1, ctx, lex)
    k = lex.lookup("relative_words", g.get("rel")) if g.get("rel") else 0
    if fold(g.get("det") or "") == "ces":
        return None
    return _calendar_shift(unit, k or 0, ctx, lex, weekend_past=ctx.tense == "past")


def _vague_period(m: Mention, ctx: Context, lex: Lexicon):
    """'ces derniers jours', 'les prochaines semaines': before or after now, no date."""
    sign = lex.lookup("relative_words", m.groups.get("rel")) or 0
    return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None


def _count(m: Mention, lex: Lexicon) -> tuple[float | None, str | None, bool]:
    """(number, TIMEX unit letter, time unit?) of a duration-like match; number None when vague."""
    spec = lex.lookup("units", m.groups.get("unit"))
    if spec is None:
        return None, None, False
    letter, is_time = spec
    if m.groups.get("vague"):
        return None, letter, is_time
    raw = m.groups.get("number") or m.groups.get("about") or m.groups.get("one") or "un"
    return parse_number(raw, lex), letter, is_time


def _duration_value(n: float | None, letter: str, is_time: bool, half: bool, lex: Lexicon) -> str:
    scale = {"6M": (6, "M"), "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y"), "5Y": (5, "Y"), "7Y": (7, "Y")}
    if letter in scale:
        factor, letter = scale[letter]
        n = None if n is None else n * factor
    if half and n is not None:
        key = "MT" if is_time and letter == "M" else letter
        lower = lex["halves"].get(key)
        if lower:
            unit, size = lower
            n, letter = n * size + size / 2, unit
            is_time = is_time or unit in ("H", "S") or (key == "D" and unit == "H")
    amount = "X" if n is None else _fmt(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _duration(m: Mention, ctx: Context, lex: Lexicon):
    n, letter, is_time = _count(m, lex)
    if letter is None:
        return None
    if m.groups.get("number") and n is None:
        return None
    return "DURATION", _duration_value(n, letter, is_time, bool(m.groups.get("half")), lex), None


def _offset_by(m: Mention, ctx: Context, lex: Lexicon, sign: int):
    """'il y a deux ans' (sign -1), 'dans trois mois' (sign +1): a date at the grain of the unit."""
    n, letter, is_time = _count(m, lex)
    if letter is None:
        return None
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    precision, ref = anchor_parts(ctx.anchor)
    if ref is None:
        return "DATE", "XXXX-XX-XX", None
    months = {"Y": 12, "M": 1, "6M": 6, "Q": 3, "DE": 120, "CE": 1200, "5Y": 60, "7Y": 84}
    if is_time:
        return _shift_days(0, ctx, None, lex)
    half = bool(m.groups.get("half"))
    if letter in ("D", "W"):
        days = n * (7 if letter == "W" else 1) + (3.5 if half and letter == "W" else 0.5 if half else 0)
        if precision != "day":
            value, date = _capped(ctx.anchor)
            return "DATE", value, date
        d = ref + dt.timedelta(days=sign * int(days))
        if letter == "W":
            monday = d - dt.timedelta(days=d.weekday())
            return "DATE", _iso_week(d), DateValue(monday, monday + dt.timedelta(days=6), "interval")
        value, date = _day_value(d)
        return "DATE", value, date
    total = n * months.get(letter, 1) + (months.get(letter, 1) / 2 if half else 0)
    if letter in ("Y", "DE", "CE", "5Y", "7Y") and not half:
        value, date = _year_value(ref.year + sign * int(round(total / 12)))
        return "DATE", value, date
    if precision == "year":
        value, date = _capped(ctx.anchor)
        return "DATE", value, date
    y, mo = add_months(ref.year, ref.month, sign * int(round(total)))
    value, date = _month_value(y, mo)
    return "DATE", value, date


def _ago(m: Mention, ctx: Context, lex: Lexicon):
    return _offset_by(m, ctx, lex, -1)


def _in_future(m: Mention, ctx: Context, lex: Lexicon):
    return _offset_by(m, ctx, lex, +1)


def _told_day(m: Mention, ctx: Context) -> Timex | None:
    """The day the narrative is on at ``m``: the last day-precise date earlier in the paragraph,
    else later in the sentence ("vers 22 heures, mardi"), else earlier in the paragraph before
    ("Le 4 janvier, ... . \n À l'aube, ...") if not after the anchor; None when the text gave none."""
    lo, hi = ctx.sentence
    plo, _ = ctx.paragraph
    for t in reversed(ctx.earlier):
        if t.end <= m.start and t.start >= plo and t.date is not None and t.date.precision == "day":
            return t
    for t in ctx.later:
        if t.start >= m.end and t.end <= hi and t.date is not None and t.date.precision == "day":
            return t
    if ctx.told_from is not None:
        _, ref = anchor_parts(ctx.anchor)
        for t in reversed(ctx.earlier):
            if t.start < ctx.told_from:
                break
            # a day announced ahead ("une réunion le 2 mars") is not where the story goes on
            if (t.end <= m.start and t.date is not None and t.date.precision == "day"
                    and (ref is None or t.date.start <= ref)):
                return t
    return None


def _clock_day(m: Mention, ctx: Context) -> tuple[str, DateValue | None]:
    """The day a clock time or a part of the day belongs to: the day being told (see
    :func:`_told_day`), else the anchor."""
    told = _told_day(m, ctx)
    if told is not None and told.date is not None:
        return told.date.start.isoformat(), told.date
    precision, ref = anchor_parts(ctx.anchor)
    if precision == "day" and ref:
        return _day_value(ref)
    return "XXXX-XX-XX", None


def _clock(m: Mention, ctx: Context, lex: Lexicon):
    g = m.groups
    if g.get("word"):
        hour, minute = (12, 0) if fold(g["word"]) == "midi" else (0, 0)
        if g.get("half"):
            minute = 30
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
    if hour > 24:
        return None
    half = lex.lookup("day_halves", g.get("ampm"))
    if half == "pm" and hour < 12:
        hour += 12  # "8 heures du soir", "4 heures de l'après-midi"
    elif half == "night" and hour == 12:
        hour = 0
    day, date = _clock_day(m, ctx)
    return "TIME", f"{day}T{hour % 24:02d}:{minute:02d}", date


def _context_part(m: Mention, ctx: Context, lex: Lexicon):
    """'tard dans la nuit': the part of the day the text is talking about."""
    day, date = _clock_day(m, ctx)
    code = lex.lookup("parts_of_day", m.groups.get("part"))
    if m.groups.get("next") and date is not None:
        date = anaphoric_shift(date, 1)  # "la nuit suivante", "le soir suivant"
        if date is None:
            return "TIME", f"XXXX-XX-XXT{code}", None
        day = date.start.isoformat()
    return "TIME", f"{day}T{code}", date


def _ordinal_day(m: Mention, ctx: Context, lex: Lexicon):
    """'la deuxième journée', 'sa troisième année': one unit of a count."""
    letter = lex.lookup("units", m.groups.get("unit") or "journée")
    return "DURATION", f"P1{letter[0] if letter else 'D'}", None


def _set(m: Mention, ctx: Context, lex: Lexicon):
    value = lex.lookup("set_units", m.groups.get("setunit"))
    if value is None:
        return None
    if m.groups.get("number"):
        n = parse_number(m.groups["number"], lex)
        if n:
            value = re.sub(r"1", _fmt(n), value, count=1)
    return "SET", value, None


def _set_adjective(m: Mention, ctx: Context, lex: Lexicon):
    return "SET", lex.lookup("set_adjectives", m.groups.get("word")), None


def _reference(m: Mention, ctx: Context, lex: Lexicon):
    return "TIME", lex.lookup("references", m.groups.get("reference")), None


def _reference_adjective(m: Mention, ctx: Context, lex: Lexicon):
    return "TIME", lex.lookup("reference_adjectives", m.groups.get("word")), None


def anaphoric_shift(reference: DateValue, offset: int) -> DateValue | None:
    """The day ``offset`` days from a day-precise reference (None when the reference is vaguer)."""
    if reference.precision != "day":
        return None
    d = reference.start + dt.timedelta(days=offset)
    return DateValue.day(d.year, d.month, d.day)


WEEKDAY_WINDOW = 62  # a window this wide (a weekday in a month) moves whole under "la veille"
ANAPHOR_REACH = 1500  # characters back that "la veille", "le lendemain" may look for their day
APPOSITION = re.compile(r"\s*[,(–-]?\s*(?:au|à\s+la|a\s+la|le|la|l['’])?\s*$", re.IGNORECASE)


def _anaphor(m: Mention, ctx: Context, lex: Lexicon):
    """'la veille', 'le lendemain': from the day the narrative is on (the last day the paragraph, or
    the one before, gave), else the last day the text gave not too far back, else underspecified. "mardi, au lendemain de l'élection" is that Tuesday;
    "au lendemain du 4 janvier" counts from the date it names."""
    offset = lex.lookup("anaphora", m.groups.get("anaphor"))
    if offset is None:
        return None
    part = m.groups.get("part")
    of_something = re.match(r"\s+(?:de|du|des|d['’])", ctx.text[m.end:]) is not None
    if of_something and not part:
        named = next((t for t in ctx.later if t.date is not None and t.date.precision == "day"
                      and re.fullmatch(r"\s+(?:de|du|d['’])\s*(?:l['’]|la\s+|le\s+)?", ctx.text[m.end:t.start])), None)
        if named is not None:
            date = anaphoric_shift(named.date, offset) if named.date else None
            if date:
                return "DATE", date.start.isoformat(), date
        if offset != 0:
            before = next((t for t in reversed(ctx.earlier) if t.end <= m.start), None)
            if (before is not None and before.date is not None and before.date.precision == "day"
                    and APPOSITION.fullmatch(ctx.text[before.end:m.start])):
                return "DATE", before.date.start.isoformat(), before.date  # "hier, au lendemain de ..."
    plo, _ = ctx.paragraph
    for t in reversed(ctx.earlier):
        if t.start >= plo and t.date is not None and t.date.precision == "day":
            date = anaphoric_shift(t.date, offset)
            if date:
                value, ttype = _with_part(date.start.isoformat(), part, lex)
                return ttype, value, date
        if t.start >= plo and t.date is not None and t.date.precision == "interval" and t.type == "DATE" \
                and t.date.days <= WEEKDAY_WINDOW and not part:
            # "Jeudi, ... La veille, ..." in an article known only to its month: "jeudi" is any Thursday
            # of it, "la veille" any Wednesday before one; the value stays as coarse as the weekday's
            step = dt.timedelta(days=offset)
            return "DATE", t.value, DateValue.between(t.date.start + step, t.date.end + step)
        if t.start >= plo and t.date is not None and offset == 0 and t.date.precision in ("month", "year"):
            # "en avril ... à l'époque": the same time, no finer than the paragraph said it
            return "DATE", t.value, t.date
    told = _told_day(m, ctx) or next(
        (t for t in reversed(ctx.earlier) if t.date is not None and t.date.precision == "day"
         and m.start - t.end <= ANAPHOR_REACH), None)  # "le lendemain" always counts from some day
    if told is not None and told.date is not None:
        date = anaphoric_shift(told.date, offset)
        if date:
            value, ttype = _with_part(date.start.isoformat(), part, lex)
            return ttype, value, date
    value, ttype = _with_part("XXXX-XX-XX", part, lex)
    return ttype, value, None


def _anaphor_unit(m: Mention, ctx: Context, lex: Lexicon):
    """"l'année suivante", "le mois précédent", "la même semaine", "le 21 du même mois": the unit
    counted from the last date the text gave before (in the paragraph, else not too far back), never
    finer than that date; underspecified when the text gave none."""
    g = m.groups
    unit = lex.lookup("calendar_units", g.get("unit") or g.get("unit2"))
    step = lex.lookup("told_unit_steps", g.get("rel") or g.get("rel2"))
    if unit not in ("year", "month", "week") or step is None:
        return None
    day = int(g["day"].replace("er", "")) if g.get("day") else None
    grain = "day" if day is not None or unit == "week" else unit
    plo, _ = ctx.paragraph
    told = None
    for t in reversed(ctx.earlier):
        if t.date is None or t.end > m.start or t.type not in ("DATE", "TIME"):
            continue
        if t.start < plo and m.start - t.end > ANAPHOR_REACH:
            break
        precision, _ = anchor_parts(t.date)
        if precision is not None and RANK[precision] <= RANK[grain if grain != "day" else "month"]:
            told = t
            break
    unknown = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit]
    if told is None or told.date is None:
        return "DATE", "XXXX-XX-XX" if day is not None else unknown, None
    precision, ref = anchor_parts(told.date)
    assert ref is not None and precision is not None
    if unit == "week":
        if precision != "day":
            return "DATE", unknown, None
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
        return "DATE", _iso_week(monday), DateValue(monday, monday + dt.timedelta(days=6), "interval")
    if unit == "year":
        value, date = _year_value(ref.year + step)
        return "DATE", value, date
    y, mo = add_months(ref.year, ref.month, step)
    if day is None:
        value, date = _month_value(y, mo)
        return "DATE", value, date
    if day > calendar.monthrange(y, mo)[1]:
        return None
    value, date = _day_value(dt.date(y, mo, day))
    return "DATE", value, date


HANDLERS = {
    "date": _date, "day_range": _day_range, "holiday": _holiday, "month": _month, "season": _season,
    "year": _year, "decade": _decade, "century": _century, "deictic": _deictic, "this_part": _this_part,
    "night_of": _night_of, "weekday": _weekday, "set_weekday": _set_weekday, "relative": _relative,
    "ago": _ago, "in_future": _in_future, "clock": _clock, "duration": _duration,
    "ordinal_day": _ordinal_day, "set": _set, "set_adjective": _set_adjective, "reference": _reference,
    "reference_adjective": _reference_adjective, "anaphor": _anaphor, "context_part": _context_part,
    "vague_period": _vague_period, "nth_weekday": _nth_weekday, "weekday_day": _weekday_day,
    "anaphor_unit": _anaphor_unit,
}
