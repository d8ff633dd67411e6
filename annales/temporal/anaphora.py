"""Expressions dated from another event: "la veille", "le lendemain", "ce jour-là", "cette
année-là", "deux jours plus tard", "quelques jours après". They are valued only against a
reference (the date of the event they refer to); without one they stay underspecified."""
from __future__ import annotations

import datetime as dt
import re

from annales.model import DateValue, Timex
from annales.temporal.lexicon import Lexicon, fold
from annales.temporal.normalize import add_months, anchor_parts

DURATION = re.compile(r"P(\d+(?:\.\d+)?|X)([DWMY])$")
WINDOW_DAYS = 62  # a reference window up to this wide moves whole under "la veille", "le lendemain"
CLOCK_DURATION = re.compile(r"PT(\d+(?:\.\d+)?|X)([HMS])$")  # hours, minutes, seconds (not months)


def _direction_after(timex: Timex, text: str, lex: Lexicon) -> tuple[int, int] | None:
    """(sign, length of the words) when "plus tard", "après", "auparavant"... follow a duration."""
    after = text[timex.end:timex.end + 20]
    for words, sign in sorted(lex["anaphoric_directions"].items(), key=lambda kv: -len(kv[0])):
        pattern = r"\s*" + r"\s+".join(re.escape(w) for w in fold(words).split()) + r"(?!\w)"
        match = re.match(pattern, after, re.IGNORECASE)
        if match:
            return sign, match.end()
    return None


def is_anaphoric(timex: Timex, text: str, lex: Lexicon) -> bool:
    inner = fold(timex.text)
    if any(inner == fold(w) or inner.startswith(fold(w) + " ") for w in lex["anaphora"]):
        return True
    if re.search(r"-l[àa]$", inner):
        return True
    return timex.type == "DURATION" and _direction_after(timex, text, lex) is not None


def _at_grain(day: dt.date, grain: str, reference: DateValue, text: str) -> DateValue:
    """The day, month or year around ``day``, never finer than the reference."""
    precision, _ = anchor_parts(reference)
    if grain == "day" and precision == "day":
        return DateValue.day(day.year, day.month, day.day, text)
    if grain in ("day", "month") and precision in ("day", "month"):
        return DateValue.month(day.year, day.month, text)
    return DateValue.year(day.year, text)


def _shift(reference: DateValue, n: float, unit: str, sign: int) -> dt.date:
    start = reference.start
    if unit in ("D", "W"):
        return start + dt.timedelta(days=sign * int(round(n * (7 if unit == "W" else 1))))
    months = int(round(n * (12 if unit == "Y" else 1)))
    y, m = add_months(start.year, start.month, sign * months)
    return dt.date(y, m, 1)


def anchor_on(timex: Timex, reference: DateValue, text: str, lex: Lexicon, invert: bool = False) -> Timex | None:
    """The timex valued against ``reference``; None when it is not anaphoric or cannot be. With
    ``invert``, a duration counts from the other end: in "X intervient un mois après celle de Y", X is
    the reference and Y lies a month before it."""
    precision, ref = anchor_parts(reference)
    if ref is None:
        return None
    inner = fold(timex.text)
    for words, offset in lex["anaphora"].items():
        if inner == fold(words) or inner.startswith(fold(words) + " "):
            step = dt.timedelta(days=offset)
            if reference.precision == "interval" and reference.days <= WINDOW_DAYS:
                # the reference is a window ("vendredi" in an article known to its month: any Friday
                # of it): "la veille" is the same window a day earlier, no day invented
                date = DateValue.between(reference.start + step, reference.end + step, timex.text)
            else:
                date = _at_grain(reference.start + step, "day", reference, timex.text)
            return Timex(timex.start, timex.end, timex.text, timex.type, str(date), date)
    there = re.search(r"([\w-]+)-l[àa]$", inner)
    if there:
        unit = lex.lookup("calendar_units", there.group(1).split()[-1]) or "day"
        grain = {"year": "year", "month": "month"}.get(unit, "day")
        if unit == "week" and precision == "day":
            monday = reference.start - dt.timedelta(days=reference.start.weekday())
            date = DateValue(monday, monday + dt.timedelta(days=6), "interval", timex.text)
        else:
            date = _at_grain(reference.start, grain, reference, timex.text)
        return Timex(timex.start, timex.end, timex.text, "DATE", str(date), date)
    if timex.type != "DURATION":
        return None
    direction = _direction_after(timex, text, lex)
    if direction is None:
        return None
    sign, length = direction
    sign = -sign if invert else sign
    clock = CLOCK_DURATION.match(timex.value)
    if clock is not None:
        return _hours_away(timex, reference, text, (clock[1], clock[2]), sign, length)
    match = DURATION.match(timex.value)
    if match is None:
        return None
    amount, unit = match.groups()
    end = timex.end + length
    phrase = text[timex.start:end]
    grain = {"D": "day", "W": "day", "M": "month", "Y": "year"}[unit]
    if amount == "X":
        # "quelques jours après": between two and seven days (weeks, months, years) on that side
        low, high = sorted((_shift(reference, 2, unit, sign), _shift(reference, 7 if unit == "D" else 4, unit, sign)))
        if grain != "day" or precision != "day":
            low = _at_grain(low, grain, reference, phrase).start
            high = _at_grain(high, grain, reference, phrase).end
        date = DateValue.between(low, high, phrase)
    else:
        date = _at_grain(_shift(reference, float(amount), unit, sign), grain, reference, phrase)
    return Timex(timex.start, end, phrase, "DATE", str(date), date)


def _hours_away(timex: Timex, reference: DateValue, text: str, groups: tuple[str, str], sign: int,
                length: int) -> Timex | None:
    """"quelques minutes plus tôt", "deux heures plus tard", "48 heures après": the day that many hours
    from the reference day (the same day under a day; "quelques heures" stays on it), at the
    reference's own precision."""
    amount, unit = groups
    hours = 0.0 if amount == "X" else float(amount) / {"H": 1, "M": 60, "S": 3600}[unit]
    if hours >= 24 * 7:
        return None  # counted in hours but weeks away: not the reference's day
    end = timex.end + length
    phrase = text[timex.start:end]
    day = reference.start + dt.timedelta(days=sign * int(hours // 24))
    precision, _ = anchor_parts(reference)
    if precision is None:
        return None
    date = _at_grain(day, "day", reference, phrase) if hours >= 24 or precision != "day" else (
        DateValue.day(day.year, day.month, day.day, phrase))
    return Timex(timex.start, end, phrase, "DATE", str(date), date)
