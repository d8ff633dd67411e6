"""When it happened: the temporal expression governing the trigger's clause, the paragraph's date, or a
window ending at the publication date; and the quantities a clause carries."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from annales.events.state import _Doc
from annales.events.syntax import _clause_range, _clause_verb
from annales.model import DateValue, Quantity, Timex


def _beyond(state: _Doc, trigger: Token, timex: Timex) -> bool:
    """A date that follows belongs to the nearest event trigger before it: "la première rencontre depuis le
    voyage de X à Vladivostok en 2019" dates the trip, not the meeting."""
    before = [t for t in state.triggers if t < timex.start]
    return bool(before) and trigger.idx in state.triggers and max(before) != trigger.idx and trigger.idx < timex.start


def _timex_in(state: _Doc, token: Token, owner: Token | None = None) -> Timex | None:
    """The nearest dated expression in the clause of ``token`` that belongs to ``owner``'s event."""
    owner = owner if owner is not None else token
    ranges = _clause_range(token)
    best: tuple[int, Timex] | None = None
    for timex in state.timexes:
        if timex.date is None or timex.type == "DURATION":
            continue
        if any(a <= timex.start < b or timex.start <= a < timex.end for a, b in ranges) and not _beyond(
                state, owner, timex):
            distance = abs(timex.start - token.idx)
            if best is None or distance < best[0]:
                best = (distance, timex)
    return best[1] if best else None


def _governing(state: _Doc, trigger: Token, reference: DateValue | None) -> Timex | None:
    """The temporal module's choice over the trigger's phrase (then its verb's), kept only when it sits
    in that clause and not in a clause embedded in it; our own clause reading otherwise."""
    key = (trigger.i, reference)
    if key not in state.dated:
        state.dated[key] = _governing_uncached(state, trigger, reference)
    return state.dated[key]


def _governing_uncached(state: _Doc, trigger: Token, reference: DateValue | None) -> Timex | None:
    finder: Callable[[Span, list[Timex], DateValue | None], Timex | None] | None = None
    try:
        from annales.temporal import governing_timex
        finder = governing_timex
    except ImportError:  # temporal not installed yet: clause reading only
        pass
    verb = _clause_verb(trigger)
    doc = state.doc
    for node in ([trigger, verb] if verb is not trigger else [trigger]):
        ranges = _clause_range(node)
        chosen = None
        lo, hi = node.left_edge.idx, node.right_edge.idx + len(node.right_edge)
        if finder is not None and any(lo <= t.start < hi for t in state.timexes):
            try:
                chosen = finder(doc[node.left_edge.i:node.right_edge.i + 1], state.timexes, reference)
            except Exception:  # a temporal bug must not lose the event; fall back to the clause reading
                chosen = None
        if chosen is not None and chosen.date is not None and any(a <= chosen.start < b for a, b in ranges) \
                and not _beyond(state, trigger, chosen):
            return chosen
        own = _timex_in(state, node, trigger)
        if own is not None:
            return own
    # "lorsque X s'est rendu en Corée du Nord" is dated by the main clause it frames
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ == "mark" and c.lower_ in state.lex.status.temporal_marks for c in verb.children):
        return _timex_in(state, verb.head)
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _timex_after(state, trigger)
    return None


def _timex_after(state: _Doc, noun: Token) -> Timex | None:
    """"la visite de Lula en Chine le mois dernier": the parser often hangs the date on a name before it;
    read the noun's phrase left to right, up to a verb, a punctuation mark or another event."""
    starts = {t.start: t for t in state.timexes if t.date is not None and t.type != "DURATION"}
    for token in noun.doc[noun.i + 1: min(noun.i + 16, noun.sent.end)]:
        if token.idx in starts:
            return starts[token.idx]
        if token.pos_ in ("VERB", "AUX") or token.text in (",", ";", ".", ":", "«", "»", "(") or (
                token.idx in state.triggers):
            return None
    return None


def _window(state: _Doc, tense: str, end: DateValue | None, statement: bool = False) -> DateValue | None:
    """An undated report: an interval ending at the publication (or the report's) date, as wide as the
    tense allows; an undated statement in the news ("a déclaré", "affirme") is from the last days."""
    anchor = end or state.document.published
    if anchor is None:
        return None
    days = state.lex.status.undated_window_days
    key = {"pluperfect": "pluperfect", "past": "past", "conditional_past": "pluperfect"}.get(tense, "present")
    if statement and key in ("past", "present"):
        key = "statement"
    if tense in ("future", "conditional"):
        return None
    # Never narrower than the anchor itself: an article known only to the year says the event is
    # of that year, not of its last month.
    start = min(anchor.start, anchor.end - dt.timedelta(days=days[key]))
    return DateValue.between(start, anchor.end)


def _paragraph(state: _Doc, char: int) -> int:
    return bisect.bisect_right(state.breaks, char)


_NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(millions?|milliards?)?\s+"
                     r"(?:de\s+|d['’])?([^\W\d_]{3,})", re.UNICODE)


def _quantities(text: str, offset_ok) -> tuple[Quantity, ...]:
    out = []
    for m in _NUMBER.finditer(text):
        if not offset_ok(m.start()):
            continue
        value = float(re.sub(r"[ .\u00a0\u202f]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
        if m.group(3):
            value *= 1e6 if m.group(3).startswith("million") else 1e9
        unit = m.group(4).lower()
        if re.fullmatch(r"\d{4}", m.group(1)) and 1900 <= value <= 2100 and not unit.endswith(("s", "x")):
            continue  # a year ("en 2019 lors de"), not a count
        out.append(Quantity(value, unit, m.group(0)))
    return tuple(out)
