"""When it happened: the temporal expression governing the trigger's clause, the paragraph's date, or a
window ending at the publication date; and the quantities a clause carries."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from annales.events.state import _Doc
from annales.events.syntax import _clause_range, _clause_verb, _tense
from annales.lang import load_table, table_schema
from annales.model import DateValue, Quantity, Timex


@table_schema("dating")
class DatingTable(BaseModel):
    """``annales/lang/<lang>/dating.yaml``: how an event with no date expression of its own is dated."""

    model_config = ConfigDict(extra="forbid")

    story_lead_chars: int
    story_recent_days: int
    window_days: dict[str, int]


@cache
def dating_table(lang: str = "fr") -> DatingTable:
    return DatingTable.model_validate(load_table("dating", lang))


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
    reported = _reported(state, verb)
    if reported is not None:
        return reported
    related = _relative(state, verb)
    if related is not None:
        return related
    # "lorsque X s'est rendu en Corée du Nord" is dated by the main clause it frames
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ == "mark" and c.lower_ in state.lex.status.temporal_marks for c in verb.children):
        return _timex_in(state, verb.head)
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _timex_after(state, trigger)
    return None


def _reported(state: _Doc, verb: Token) -> Timex | None:
    """"a annoncé vendredi avoir mis son veto", "a déclaré mardi que ses troupes se retirent": an act
    reported without a date of its own, in the past or present, is of the day it is reported (a
    pluperfect is before it, a future after: those keep their own reading)."""
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head.i == verb.i:
        return None
    speech = verb.head
    if speech.lemma_ not in state.lex.reporting or speech.pos_ not in ("VERB", "AUX"):
        return None
    if _tense(verb, state.lex) not in ("past", "present") or _tense(speech, state.lex) not in ("past", "present"):
        return None
    return _timex_in(state, speech)


def _relative(state: _Doc, verb: Token) -> Timex | None:
    """"l'attaque du 28 janvier contre une base, dans laquelle trois soldats ont été tués": a relative
    clause with no date of its own is dated by the phrase of the noun it describes (up through its "de"
    and prepositional complements, not beyond a verb)."""
    if verb.dep_ != "acl:relcl" or verb.head.i == verb.i:
        return None
    top = verb.head
    while top.dep_ in ("nmod", "obl", "obl:mod", "obl:arg", "appos") and top.head.i != top.i and (
            top.head.pos_ in ("NOUN", "PROPN") or top.head.dep_ == "acl"):
        top = top.head
        if top.dep_ == "acl":  # "l'attaque | attribuée ... le 28 janvier": the participle's noun
            top = top.head
    inner = {t.idx for t in verb.subtree}
    lo, hi = top.left_edge.idx, verb.left_edge.idx
    best: Timex | None = None
    for timex in state.timexes:
        if timex.date is None or timex.type == "DURATION" or not lo <= timex.start < hi or timex.start in inner:
            continue
        best = timex  # the last one before the relative clause
    return best


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
    tense allows; an undated statement in the news ("a déclaré", "affirme") is from the last days.

    Anchored on the publication, the window also knows the day the article's story is on (see
    ``_story_day``): a report or reaction told in the article is not older than that day, and a
    pluperfect ("avait dénoncé") is before it."""
    anchor = end or state.document.published
    if anchor is None:
        return None
    if tense in ("future", "conditional"):
        return None
    days = dating_table().window_days
    key = {"pluperfect": "pluperfect", "past": "past", "conditional_past": "pluperfect"}.get(tense, "present")
    if statement and key in ("past", "present"):
        key = "statement"
    if end is not None and key == "pluperfect":
        key = "before_report"  # "a déclaré mardi que X avait bombardé": in the days before the report
    last = anchor.end
    story = _story_day(state) if end is None else None
    if story is not None and key == "pluperfect":
        last = min(last, story.end)  # before the reported events
    # Never narrower than the anchor itself: an article known only to the year says the event is
    # of that year, not of its last month.
    start = min(anchor.start, last - dt.timedelta(days=days[key]))
    if story is not None and key != "pluperfect":
        start = max(start, story.start)
    return DateValue.between(start, last)


def _story_day(state: _Doc) -> DateValue | None:
    """The day the article's story is on: the first date of one day in its opening (title, lead) that
    falls in the last days before publication ("Ce dimanche, 24 septembre, ..."). None when the
    opening names no such day or the publication date is unknown."""
    if state.story is not None:
        return state.story[0]
    found: DateValue | None = None
    published = state.document.published
    if published is not None:
        table = dating_table()
        earliest = min(published.start, published.end - dt.timedelta(days=table.story_recent_days))
        for timex in state.timexes:
            if timex.start >= table.story_lead_chars:
                break
            date = timex.date
            if date is None or timex.type not in ("DATE", "TIME") or date.days > 1:
                continue
            if earliest <= date.start and date.end <= published.end:
                found = date
                break
    state.story = (found,)
    return found


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
