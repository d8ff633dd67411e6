"""French temporal expressions: find them in a Doc, give them TIMEX3 values anchored on the
publication date, and say which one dates a clause.

    find_timexes(doc, anchor)            -> list[Timex] (also stored on doc._.timexes)
    resolve("jeudi", anchor, "past")     -> Timex | None
    governing_timex(span, timexes, ref)  -> Timex | None
    day_being_told(text, timexes, pos)   -> Timex | None
"""
from __future__ import annotations

import re
from collections.abc import Callable

from annales.model import DateValue, Timex
from annales.temporal.anaphora import anchor_on, is_anaphoric
from annales.temporal.lexicon import Lexicon, fold, lexicon
from annales.temporal.normalize import Context, value_of
from annales.temporal.recognize import Mention, scan

__all__ = ["find_timexes", "resolve", "governing_timex", "timexes_in_text", "separated_from", "day_being_told"]

# kinds valued from other expressions of the text, so valued in a second pass
SECOND_PASS = ("clock", "anaphor", "context_part", "anaphor_unit")


def paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _paragraph_before(text: str, start: int) -> int | None:
    """Where the non-empty paragraph before the one at ``start`` begins (None in the first)."""
    end = text.rfind("\n", 0, start)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip():
        end = text.rfind("\n", 0, end)  # skip blank lines
    if end <= 0:
        return None
    return text.rfind("\n", 0, end) + 1


def day_being_told(text: str, timexes: list[Timex], position: int) -> Timex | None:
    """The day the narrative is on at ``position``: the last expression dated to the day that ends
    before it in its paragraph or in the paragraph before ("Le 4 janvier, ... .\nLe soir même, ...");
    None when there is none (then the publication date is the day being told)."""
    lo, _ = paragraph_of(text, position, position)
    before = _paragraph_before(text, position)
    start = before if before is not None else lo
    for timex in sorted(timexes, key=lambda t: t.start, reverse=True):
        if timex.end > position:
            continue
        if timex.start < start:
            return None
        if timex.date is not None and timex.date.precision == "day":
            return timex
    return None


def timexes_in_text(
    text: str,
    anchor: DateValue | None,
    tense: Callable[[int, int], str | None] | None = None,
    sentence: Callable[[int, int], tuple[int, int]] | None = None,
    keep: Callable[[Mention], bool] | None = None,
    lang: str = "fr",
    announced: Callable[[int, int], bool] | None = None,
) -> list[Timex]:
    """The engine behind :func:`find_timexes`, on plain text: ``tense`` gives the tense at a span,
    ``sentence`` the bounds of the sentence around it, ``keep`` vetoes a match (part-of-speech checks),
    ``announced`` says whether the verb governing a span is one of announcing or deciding."""
    lex = lexicon(lang)
    mentions = []
    for m in scan(text, lex):
        if keep is None or keep(m):
            mentions.append(m)
        elif m.kind == "weekday_day" and "_maybe_count" in m.groups and "weekday" in m.spans:
            # "a libéré vendredi 20 soldats": the number counts the soldiers, the weekday stays
            end = m.spans["weekday"][1]
            groups = {k: v for k, v in m.groups.items() if k in ("det", "weekday")}
            mentions.append(Mention(m.start, end, "weekday", "weekday", m.priority, groups,
                                    {k: v for k, v in m.spans.items() if k in groups}))
    if keep is None:
        mentions = [m for m in mentions if not {"_needs_noun", "_maybe_count", "_needs_name"} & set(m.groups)]
    neutral = [fold(w) for w in lex["tense_neutral_before"]]
    valued: dict[int, list[Timex]] = {}

    def tense_at(m: Mention) -> tuple[str | None, bool]:
        """The direction the context gives, and whether it is only the tense of a verb of announcing
        (not a word such as "depuis" or "dès" right before the expression, nor an event's verb)."""
        before = fold(text[max(0, m.start - 16):m.start])
        if any(before.endswith(w) for w in neutral):
            # "jusqu'à vendredi", "avant le 30 juin": ahead, unless the verb is past ("a duré jusqu'à
            # vendredi"; "a donné jusqu'au 30 juin" then takes the nearest)
            told = tense(m.start, m.end) if tense else None
            return (None if told == "past" else "future"), False
        if any(before.endswith(fold(w)) for w in lex["past_before"]):
            return "past", False
        if any(before.endswith(fold(w)) for w in lex["future_before"]):
            return "future", False
        told = tense(m.start, m.end) if tense else None
        # only a past date without its year may be an announced one
        return told, bool(told == "past" and m.kind in ("date", "month", "day_range") and announced
                          and announced(m.start, m.end))

    cues = [tense_at(m) for m in mentions]
    tenses = [direction for direction, _ in cues]
    by_announcement = [flag for _, flag in cues]

    by_month = anchor is not None and anchor.precision != "day"

    def stage(index: int) -> int:
        m = mentions[index]
        if m.kind in SECOND_PASS:
            return 2
        if m.kind in ("weekday", "date") and tenses[index] is None and not m.groups.get("rel"):
            return 1  # valued after the others: may take the day another mention gave
        if m.kind == "weekday" and not m.groups.get("rel") and by_month:
            return 1  # in an article known to its month, "mardi" may be the "mardi 13 mai" it names
        return 0

    done: list[Timex] = []
    for current in (0, 1, 2):
        for index, m in enumerate(mentions):
            if stage(index) != current:
                continue
            ctx = Context(
                text=text, anchor=anchor, tense=tenses[index], announcement=by_announcement[index],
                earlier=[t for t in done if t.end <= m.start and t.date is not None],
                later=[t for t in done if t.start >= m.end and t.date is not None],
                sentence=sentence(m.start, m.end) if sentence else paragraph_of(text, m.start, m.end),
                paragraph=paragraph_of(text, m.start, m.end),
                told_from=_paragraph_before(text, m.start),
                undated=[t for t in done if t.date is None],
            )
            out = []
            for start, end, ttype, value, date in value_of(m, ctx, lex):
                if date is not None:
                    date = DateValue(date.start, date.end, date.precision, text[start:end])
                out.append(Timex(start, end, text[start:end], ttype, value, date))
            valued[index] = out
            done = sorted(done + out, key=lambda t: t.start)
    return sorted((t for ts in valued.values() for t in ts), key=lambda t: (t.start, t.end))


def find_timexes(doc, anchor: DateValue | None) -> list[Timex]:
    """Every temporal expression of a spaCy ``Doc``, in text order, resolved against ``anchor``
    (the publication date, possibly only a month or a year) and the governing verb's tense."""
    from annales.nlp.extensions import declare
    from annales.temporal.tense import announcing_verb, tense_of

    lex = lexicon(doc.lang_ if doc.lang_ in ("fr",) else "fr")
    from annales.nlp import text_of  # spaCy is already loaded when there is a Doc

    text = text_of(doc)

    def tense(start: int, end: int) -> str | None:
        return tense_of(doc, start, end, lex)

    def sentence(start: int, end: int) -> tuple[int, int]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return paragraph_of(text, start, end)
        sent = span[0].sent
        return sent.start_char, sent.end_char

    def keep(m: Mention) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if "_needs_noun" in m.groups:
            return span is not None and span[-1].pos_ in ("NOUN", "PROPN")
        if "_needs_name" in m.groups:
            # "le budget 2025", "le Mondial 2030", "le bilan annuel 2023": a year naming what is before it
            if span is None or span[0].i == 0:
                return False
            before = doc[span[0].i - 1]
            if before.pos_ not in ("NOUN", "PROPN", "ADJ") or before.is_punct:
                return False
        if "_maybe_count" in m.groups:
            # a year unless it counts the noun after it ("2000 manifestants")
            if span is None:
                return False
            number = span[-1]
            after = doc[number.i + 1] if number.i + 1 < len(doc) else None
            return number.dep_ != "nummod" and not (after is not None and after.pos_ == "NOUN")
        if m.kind == "set_adjective":
            # "le lot quotidien", not "les quotidiens" (newspapers) nor "presse quotidienne" read as ADJ
            return (span is not None and len(span) == 1 and span[0].pos_ == "ADJ" and span[0].i > 0
                    and doc[span[0].i - 1].pos_ == "NOUN")
        if m.kind == "reference_adjective":
            if span is None or len(span) != 1:
                return False
            word = span[0]
            if word.pos_ == "ADJ":
                return True
            # "la future « régionalisation »": before its noun after a determiner, whatever the tagger says
            after = next((t for t in doc[word.i + 1:word.i + 3] if not t.is_punct), None)
            return (word.i > 0 and doc[word.i - 1].pos_ == "DET" and after is not None
                    and after.pos_ in ("NOUN", "PROPN"))
        return True

    def announced(start: int, end: int) -> bool:
        return announcing_verb(doc, start, end, lex)

    timexes = timexes_in_text(text, anchor, tense, sentence, keep, announced=announced)
    declare()
    doc._.timexes = timexes
    return timexes


def resolve(expression: str, anchor: DateValue | None, tense: str | None = None) -> Timex | None:
    """The value of one bare expression ("jeudi", "l'an dernier", "du 18 au 19 octobre"),
    with ``tense`` ('past', 'future' or None) standing in for the verb. A two-point interval
    comes back as one Timex whose date spans both points."""
    found = timexes_in_text(expression, anchor, (lambda s, e: tense) if tense else None)
    if not found:
        return None
    if len(found) >= 2:
        merged = _interval(expression, found[0], found[1], lexicon())
        if merged is not None:
            return merged
    return max(found, key=lambda t: (t.end - t.start, -t.start))


# -- which expression dates a clause ------------------------------------------------------------
def _interval(text: str, first: Timex, second: Timex, lex: Lexicon) -> Timex | None:
    """'du 18 au 19 octobre', 'entre le 7 septembre et le 1er octobre' -> one Timex over both."""
    if first.date is None or second.date is None or second.date.end < first.date.start:
        return None
    between = fold(text[first.end:second.start]).split()
    for opener, joiner in lex["intervals"]:
        joiner_words = fold(joiner).split()
        # the joiner, then at most an article ("et le 1er octobre")
        if between[:len(joiner_words)] != joiner_words or len(between) > len(joiner_words) + 1:
            continue
        before = re.search(rf"(?<!\w){re.escape(opener)}\s+$", text[:first.start], re.IGNORECASE)
        if before:
            start = before.start()
        elif fold(first.text).startswith(fold(opener) + " "):
            start = first.start
        else:
            continue
        date = DateValue.between(first.date.start, second.date.end, text[start:second.end])
        return Timex(start, second.end, text[start:second.end], "DATE", f"{first.value}/{second.value}", date)
    return None


def _attached(doc, timex: Timex, trigger) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token == trigger:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _span_start(timex: Timex) -> bool:
    """'ici' in "d'ici le 30 juin": a day value with no calendar date, the day of writing as the start
    of a span, which dates nothing."""
    return timex.date is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value) is not None


def governing_timex(span, timexes: list[Timex], reference: DateValue | None = None) -> Timex | None:
    """The expression that dates a clause or an event trigger's span: one attached to the trigger
    in the parse, else the nearest in the span, else None. Anaphoric ones ("la veille", "deux jours
    plus tard", "ce jour-là") are valued against ``reference``, the date of the event they refer
    to; "du 18 au 19 octobre" comes back as one Timex over both days."""
    doc = span.doc
    from annales.nlp import text_of  # spaCy is already loaded when there is a Doc

    text = text_of(doc)
    lex = lexicon()
    trigger = span.root
    inside = [t for t in timexes if span.start_char <= t.start and t.end <= span.end_char]
    usable = [t for t in inside if (t.type in ("DATE", "TIME") and not t.value.endswith("_REF")
                                    or is_anaphoric(t, text, lex)) and not _span_start(t)]
    if not usable:
        return None
    attached = [t for t in usable if _attached(doc, t, trigger)]
    pool = attached or usable
    center = trigger.idx
    chosen = min(pool, key=lambda t: min(abs(t.start - center), abs(t.end - center)))
    if reference is not None:
        anchored = anchor_on(chosen, reference, text, lex)
        if anchored is not None:
            return anchored
    ordered = sorted(timexes, key=lambda t: t.start)
    index = ordered.index(chosen)
    if index + 1 < len(ordered):
        merged = _interval(text, chosen, ordered[index + 1], lex)
        if merged is not None:
            return merged
    if index > 0:
        merged = _interval(text, ordered[index - 1], chosen, lex)
        if merged is not None:
            return merged
    return chosen


def separated_from(timex: Timex, reference: DateValue, text: str) -> Timex | None:
    """The date that a duration followed by "après"/"avant" separates from ``reference`` when the
    reference is the later side ("intervient un mois et demi après celle de Y": Y's date); None when
    the expression is not such a duration."""
    if timex.type != "DURATION":
        return None
    lex = lexicon()
    if reference.precision == "day":
        return anchor_on(timex, reference, text, lex, invert=True)
    # a reference known to the month or year: both of its ends move, the stretch stays as wide
    first = anchor_on(timex, DateValue.between(reference.start, reference.start), text, lex, invert=True)
    last = anchor_on(timex, DateValue.between(reference.end, reference.end), text, lex, invert=True)
    if first is None or last is None or first.date is None or last.date is None:
        return None
    date = DateValue.between(min(first.date.start, last.date.start), max(first.date.end, last.date.end), first.text)
    return Timex(first.start, first.end, first.text, "DATE", str(date), date)
