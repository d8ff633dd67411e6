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

from annales.events.state import DocState
from annales.events.syntax import clause_range, clause_verb, tense_of
from annales.lang import load_table, table_schema
from annales.model import DateValue, Quantity, Timex


@table_schema("dating")
class DatingTable(BaseModel):
    """``annales/lang/<lang>/dating.yaml``: how an event with no date expression of its own is dated."""

    model_config = ConfigDict(extra="forbid")

    story_lead_chars: int
    story_recent_days: int
    decision_verbs: list[str]
    window_days: dict[str, int]
    relative_days: dict[str, int]
    dated_media: list[str] = []
    carrying_verbs: list[str] = []
    during_cases: list[str] = []
    other_occurrence: list[str] = []  # "de nouvelles attaques": not the attack the article dates elsewhere


@cache
def dating_table(lang: str = "fr") -> DatingTable:
    return DatingTable.model_validate(load_table("dating", lang))


def _beyond(state: DocState, trigger: Token, timex: Timex) -> bool:
    """A date that follows belongs to the nearest event trigger before it: "la première rencontre depuis le
    voyage de X à Vladivostok en 2019" dates the trip, not the meeting."""
    before = [t for t in state.triggers if t < timex.start]
    return bool(before) and trigger.idx in state.triggers and max(before) != trigger.idx and trigger.idx < timex.start


def noun_date(state: DocState, timex: Timex, owner: Token) -> bool:
    """"l'attaque du 22 avril", "les frappes du 12 janvier": a date written as the "du" complement of
    another noun dates that noun, not the clause around it. Not so for the medium that carries the act
    ("dans son communiqué du 22 avril", ``dated_media``), for ``owner`` itself, nor for the subject of
    ``owner`` ("les frappes du 2 mars ont été menées par...": the event the verb tells), or the object
    of a verb that only carries it out (``carrying_verbs``: "a lancé l'offensive du 2 mars"); "a
    dénoncé l'attaque du 7 octobre" is not of the 7th."""
    hit = re.search(r"\w\s+(?:du|de ce|de cette)\s*$", state.text[max(0, timex.start - 20):timex.start], re.IGNORECASE)
    if hit is None:
        return False
    end = max(0, timex.start - 20) + hit.start() + 1
    noun = _token_at(state, end - 1)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.i == owner.i:
        return False
    if noun.head.i == owner.i and (noun.dep_ in ("nsubj", "nsubj:pass") or (
            noun.dep_ == "obj" and owner.lemma_ in dating_table().carrying_verbs)):
        return False  # "les frappes du 2 mars ont été menées", "a lancé l'offensive du 2 mars": the verb's event
    if _during(state, noun):
        return False  # "a livré des armes lors de l'offensive du 3 mai": the clause is of that day
    return noun.lemma_.lower() not in dating_table().dated_media and noun.lower_ not in dating_table().dated_media


def _token_at(state: DocState, char: int) -> Token | None:
    """The token that covers character ``char`` (None on a space)."""
    span = state.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    return token if token.idx <= char < token.idx + len(token) else None


def _during(state: DocState, noun: Token) -> bool:
    """Whether ``noun`` is introduced by "lors de", "pendant", "au cours de"... (``during_cases``): what
    the clause tells happened during it, so on its date."""
    before = state.text[max(noun.sent.start_char, noun.idx - 30):noun.idx].lower().rstrip()
    before = re.sub(r"\s*(?:de\s+(?:la|l['’]|ces|cette|ce|cet)|du|des|de|d['’]|la|le|les|l['’]|ces|cette|ce|cet)$", "",
                    before).rstrip()
    return any(re.search(rf"(?<!\w){re.escape(case)}$", before) for case in dating_table().during_cases)


_RELATION_CASES = ("après", "avant")


def _framed(state: DocState, timex: Timex, owner: Token) -> bool:
    """"Dix ans après l'annexion de la Crimée en 2014, X a accusé...": a date inside a noun phrase
    introduced by "avant", or by "après" after a duration, dates that noun, not the clause the phrase
    frames."""
    token = _token_at(state, timex.start)
    node = token
    for _ in range(8):
        if node is None or node.i == owner.i or node.head.i == node.i:
            return False
        case = next((c for c in node.children if c.dep_ == "case" and c.lower_ in _RELATION_CASES), None)
        # "avant sa visite le 5 avril": before it; "(dix ans) après": that long after. A bare "après
        # sa rencontre mardi, le ministre a déclaré" is mostly the same day: the date is shared.
        if case is not None and not timex.start <= node.idx < timex.end and node.pos_ in ("NOUN", "PROPN") and (
                case.lower_ == "avant" or _duration_before(state, case, node) is not None) and not (
                node.left_edge.i <= owner.i <= node.right_edge.i):
            return True
        node = node.head
    return False


def elsewhere(state: DocState, timex: Timex, owner: Token) -> bool:
    """Whether ``timex`` dates another noun than ``owner``'s event (see ``noun_date``, ``_framed``)."""
    return noun_date(state, timex, owner) or _framed(state, timex, owner)


def _timex_in(state: DocState, token: Token, owner: Token | None = None) -> Timex | None:
    """The nearest dated expression in the clause of ``token`` that belongs to ``owner``'s event."""
    owner = owner if owner is not None else token
    ranges = clause_range(token)
    best: tuple[int, Timex] | None = None
    for timex in state.timexes:
        if timex.date is None or timex.type == "DURATION" or elsewhere(state, timex, owner) or relational(state, timex):
            continue
        if any(a <= timex.start < b or timex.start <= a < timex.end for a, b in ranges) and not _beyond(
                state, owner, timex):
            distance = abs(timex.start - token.idx)
            if best is None or distance < best[0]:
                best = (distance, timex)
    return best[1] if best else None


def governing_date(state: DocState, trigger: Token, reference: DateValue | None) -> Timex | None:
    """The temporal module's choice over the trigger's phrase (then its verb's), kept only when it sits
    in that clause and not in a clause embedded in it; our own clause reading otherwise."""
    key = (trigger.i, reference)
    if key not in state.dated:
        state.dated[key] = _governing_uncached(state, trigger, reference)
    return state.dated[key]


def _governing_uncached(state: DocState, trigger: Token, reference: DateValue | None) -> Timex | None:
    finder: Callable[[Span, list[Timex], DateValue | None], Timex | None] | None = None
    try:
        from annales.temporal import governing_timex
        finder = governing_timex
    except ImportError:  # temporal not installed yet: clause reading only
        pass
    if trigger.pos_ in ("NOUN", "PROPN"):
        related = _related(state, trigger, reference)
        if related is not None:
            if related not in state.timexes:  # moved from the clause's date, not its own expression
                state.moved.add((related.start, related.end, related.value))
            return related
    verb = clause_verb(trigger)
    doc = state.doc
    for node in ([trigger, verb] if verb is not trigger else [trigger]):
        ranges = clause_range(node)
        chosen = None
        lo, hi = node.left_edge.idx, node.right_edge.idx + len(node.right_edge)
        if finder is not None and any(lo <= t.start < hi for t in state.timexes):
            try:
                chosen = finder(doc[node.left_edge.i:node.right_edge.i + 1], state.timexes, reference)
                told = _day_told(state) if reference is None else None
                if chosen is not None and chosen.date is None and told is not None and _adverbial(state, chosen):
                    # "a dit quelques minutes plus tôt", "la veille" with no dated event before: the
                    # day being told (the story's day, else the publication's day)
                    chosen = finder(doc[node.left_edge.i:node.right_edge.i + 1], state.timexes, told)
            except Exception:  # a temporal bug must not lose the event; fall back to the clause reading
                chosen = None
        if chosen is not None and chosen.date is not None and any(a <= chosen.start < b for a, b in ranges) \
                and not _beyond(state, trigger, chosen) and not elsewhere(state, chosen, trigger) \
                and not relational(state, chosen):
            return chosen
        own = _timex_in(state, node, trigger)
        if own is not None:
            return own
    shortly = _shortly(state, verb, reference)
    if shortly is not None:
        return shortly
    framing = _from_framing(state, verb)
    if framing is not None:
        return framing
    reported = _reported(state, verb, reference)
    if reported is not None:
        return reported
    moved = _related_relative(state, verb, reference)
    if moved is not None:
        return moved
    related = _relative(state, verb)
    if related is not None:
        return related
    framing = _framing(state, verb, trigger)
    if framing is not None:
        return framing
    # "lorsque X s'est rendu en Corée du Nord" is dated by the main clause it frames
    if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
            c.dep_ == "mark" and c.lower_ in state.lex.status.temporal_marks for c in verb.children):
        return _timex_in(state, verb.head)
    if trigger.pos_ in ("NOUN", "PROPN"):
        return timex_after(state, trigger)
    return None


def moved_from_clause(state: DocState, timex: Timex | None) -> bool:
    """Whether ``timex`` is a date an event noun took from the clause around it, moved by "au
    lendemain de", "deux jours après"...: that event's date, not the one the paragraph tells."""
    return timex is not None and (timex.start, timex.end, timex.value) in state.moved


def _related_relative(state: DocState, verb: Token, reference: DateValue | None) -> Timex | None:
    """"au lendemain d'une attaque (de l'armée) qui a tué trois soldats": a relative clause on an event
    noun dated from its clause (see ``_related``), or on a "de" complement of it, is of that noun's day."""
    if verb.dep_ != "acl:relcl":
        return None
    node = verb.head
    for _ in range(3):
        if node.pos_ not in ("NOUN", "PROPN"):
            return None
        moved = _related(state, node, reference)
        if moved is not None:
            if moved not in state.timexes:
                state.moved.add((moved.start, moved.end, moved.value))
            return moved
        if node.dep_ != "nmod" or node.head.i == node.i:
            return None
        node = node.head
    return None


def _related(state: DocState, noun: Token, reference: DateValue | None) -> Timex | None:
    """"Ces déclarations interviennent au lendemain d'une rencontre à Moscou": an event noun set the day
    before or after what the clause tells is dated from that clause's date (its own date expression,
    the paragraph's date, the day the story is on, or the publication), moved by that day; a clause
    dated only to a window moves as a whole."""
    separated = _after_duration(state, noun, reference)
    if separated is not None:
        return separated
    left = noun.i - 1
    while left >= noun.sent.start and noun.doc[left].pos_ in ("DET", "ADP"):
        left -= 1
    if left < noun.sent.start or left == noun.i - 1:
        return None
    head = noun.doc[left]  # the parser hangs the noun on "lendemain" or beside it, on the verb
    shift = dating_table().relative_days.get(head.lemma_)
    if shift is None or not (noun.head.i == head.i or noun.head.i == head.head.i):
        return None
    verb = clause_verb(head)
    if verb.i == head.i:
        return None
    own = _timex_in(state, verb)
    if own is not None and own.date is not None:
        base: DateValue | None = own.date
    else:
        base = reference or _story_day(state)
        if base is None and tense_of(verb, state.lex) in ("past", "pluperfect"):
            # "Au lendemain d'affrontements, X a fermé sa frontière": the closure is undated, in the
            # days before the report, so the clashes are in the days before that
            base = undated_window(state, tense_of(verb, state.lex), None)
        base = base or state.document.published  # "Ces propos surviennent au lendemain de...": today
    if base is None:
        return None
    # a clause known only as a window (a weekday in an article known to its month: any Sunday of
    # March) moves whole: the day before any of those Sundays, never one invented day; a clause
    # known only to its month or year keeps that unit (a day off its edge is below its grain)
    step = dt.timedelta(days=shift)
    if base.precision in ("month", "year"):
        date = DateValue(base.start, base.end, base.precision, head.text)
    else:
        date = DateValue.between(base.start + step, base.end + step, head.text)
    return Timex(head.idx, head.idx + len(head), head.text, "DATE", str(date), date)


_SHORTLY = re.compile(r"(?<!\w)peu\s+(?:de\s+temps\s+)?(?P<way>après|apres|plus\s+tard|avant|auparavant|plus\s+tôt)"
                      r"(?=\s*(?:[,.;:)]|$))", re.IGNORECASE)


def _shortly(state: DocState, verb: Token, reference: DateValue | None) -> Timex | None:
    """"en 2018, et le Japon a imposé des sanctions peu de temps après": a clause set "peu (de temps)
    après" (or "avant") what was told just before, with no date of its own, is in the stretch that
    follows (precedes) that date: up to a week after a day, a month after a month, a year after a
    year. The date is the last one before it in the sentence, else the paragraph's."""
    lo, hi = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    hit = _SHORTLY.search(state.text, lo, hi)
    if hit is None:
        return None
    before = [t for t in state.timexes if t.date is not None and t.type in ("DATE", "TIME")
              and verb.sent.start_char <= t.start and t.end <= hit.start()]
    base = before[-1].date if before else reference
    if base is None:
        return None
    way = " ".join(hit.group("way").lower().split())
    later = way in ("après", "apres", "plus tard")
    if base.precision == "year":
        start, end = (base.start, _add_months(base.end, 12)) if later else (_add_months(base.start, -12), base.end)
    elif base.precision == "month":
        start, end = (base.start, _add_months(base.end, 1)) if later else (_add_months(base.start, -1), base.end)
    else:
        week = dt.timedelta(days=7)
        start, end = (base.start, base.end + week) if later else (base.start - week, base.end)
    date = DateValue.between(start, end, hit.group(0))
    return Timex(hit.start(), hit.end(), hit.group(0), "DATE", str(date), date)


def relational(state: DocState, timex: Timex) -> bool:
    """"au lendemain d'affrontements", "à la veille du sommet": the day word relates the clause to
    the event it names (see ``_related``); it is no date of the clause counted from the day told."""
    words = timex.text.lower().replace("’", "'").split()
    if not words or words[-1].split("'")[-1] not in dating_table().relative_days:
        return False
    return re.match(r"\s*(?:(?:de|du|des)(?!\w)|d['’])", state.text[timex.end:timex.end + 6], re.IGNORECASE) is not None


def _adverbial(state: DocState, timex: Timex) -> bool:
    """Whether an anaphoric expression counts from the day being told ("la veille", "deux heures plus
    tard", "trois jours après,"), not from another event it names ("deux semaines après celle de Y",
    "trois jours avant le sommet": see ``_separated`` and ``_after_duration``; "au lendemain de la
    rencontre": see ``relational``)."""
    if relational(state, timex):
        return False
    if timex.type != "DURATION":
        return True
    return re.match(r"\s*(?:après|apres|avant)\s*[\w«\"]", state.text[timex.end:timex.end + 30],
                    re.IGNORECASE) is None


def _day_told(state: DocState) -> DateValue | None:
    """The day the article tells when nothing else is dated: the story's day, else the publication
    when known to the day."""
    published = state.document.published
    return _story_day(state) or (published if published is not None and published.days == 1 else None)


def _reported(state: DocState, verb: Token, reference: DateValue | None = None) -> Timex | None:
    """"a annoncé vendredi avoir mis son veto", "a déclaré mardi que ses troupes se retirent": an act
    reported without a date of its own, in the past or present, is of the day it is reported (a
    pluperfect is before it, a future after: those keep their own reading). So is an act decided or
    ordered on a given day ("a décidé mardi de rappeler son ambassadeur"): the decision is the news."""
    if verb.head.i == verb.i:
        return None
    # the parser sometimes hangs a bare infinitive complement as an adverbial clause ("a annoncé
    # vendredi | avoir mis son veto"): no conjunction before it, an infinitive in it
    infinitive = verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children) and any(
        "Inf" in t.morph.get("VerbForm", []) for t in [verb, *verb.children] if t.pos_ in ("VERB", "AUX"))
    if verb.dep_ not in ("ccomp", "xcomp") and not infinitive:
        return None
    speech = verb.head
    if speech.pos_ not in ("VERB", "AUX") or not (
            speech.lemma_ in state.lex.reporting or speech.lemma_ in dating_table().decision_verbs):
        return None
    said = tense_of(speech, state.lex)
    if said == "pluperfect" and (infinitive or "Inf" in verb.morph.get("VerbForm", []) or any(
            "Inf" in a.morph.get("VerbForm", []) for a in verb.children if a.dep_.startswith("aux"))):
        # "avait dit dans la matinée vouloir de nouvelles sanctions", "avait dit quelques minutes plus
        # tôt avoir négocié": a speech told in the pluperfect, with a date of its own, dates what it
        # says it does or has just done; with none, the pluperfect's own window stays
        own = governing_date(state, speech, reference)
        ranges = clause_range(speech)
        if own is not None and own.date is not None and any(a <= own.start < b for a, b in ranges):
            return own
        return None
    if tense_of(verb, state.lex) not in ("past", "present") or said not in ("past", "present"):
        return None
    return _timex_in(state, speech)


def _relative(state: DocState, verb: Token) -> Timex | None:
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


def _framing(state: DocState, verb: Token, trigger: Token) -> Timex | None:
    """"n'avait pas bloqué jeudi la décision des dirigeants d'ouvrir des négociations": an infinitive
    complement of a noun, with no date of its own, is dated by the clause that noun is part of (up
    through nouns and their complements, to the first verb, in the same sentence)."""
    if verb.dep_ not in ("acl", "xcomp") or verb.head.i == verb.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    node = verb.head
    for _ in range(6):
        if node.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):  # a verb, or a participle read as an adjective
            return _timex_in(state, node, trigger)
        if node.head.i == node.i or node.dep_ in ("acl:relcl", "conj", "parataxis", "advcl", "ccomp"):
            return None
        node = node.head
    return None


def _clause_date(state: DocState, word: Token, reference: DateValue | None) -> DateValue | None:
    """The date of what the clause of ``word`` tells: its own date expression, else the paragraph's
    date, the day the story is on, or the publication."""
    verb = clause_verb(word)
    own = _timex_in(state, verb)
    if own is not None and own.date is not None:
        return own.date
    return reference or _story_day(state) or state.document.published


def _duration_before(state: DocState, case: Token, noun: Token) -> Timex | None:
    """The duration written just before ``case`` ("quinze jours (seulement) après"), in the sentence."""
    before = state.text[:case.idx].rstrip()
    for word in ("seulement", "à peine", "environ", "tout juste", "juste", "exactement", "pile"):
        if before.lower().endswith(" " + word):
            before = before[: -len(word)].rstrip()
            break
    return next((t for t in state.timexes if t.type == "DURATION" and t.end == len(before)
                 and t.start >= noun.sent.start_char), None)


def _shifted(base: DateValue, duration: Timex, amount_sign: int) -> Timex | None:
    """``base`` moved by ``duration`` (forward when ``amount_sign`` is 1), as a Timex on the duration."""
    match = re.fullmatch(r"P(\d+)([DWMY])", duration.value)
    if match is None:
        return None
    amount = int(match[1]) * amount_sign
    unit = match[2]
    if unit in ("D", "W"):
        step = dt.timedelta(days=amount * (7 if unit == "W" else 1))
        start, end = base.start + step, base.end + step
    else:
        months = amount * (12 if unit == "Y" else 1)
        start, end = _add_months(base.start, months), _add_months(base.end, months)
        if base.days == 1:  # "un mois après": that day, give or take the month's length
            start, end = start, start
    date = DateValue.between(start, end, duration.text)
    return Timex(duration.start, duration.end, duration.text, "DATE", str(date), date)


def _own_phrase_date(state: DocState, noun: Token) -> Timex | None:
    """A date inside the noun's own phrase ("l'annexion de la Crimée en 2014")."""
    lo, hi = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    return next((t for t in state.timexes if t.date is not None and t.type != "DURATION" and lo <= t.start < hi
                 and t.start > noun.idx), None)


def _after_duration(state: DocState, noun: Token, reference: DateValue | None) -> Timex | None:
    """"intervient quinze jours après un appel entre X et Y": the event noun is that long before (or,
    with "avant", after) the date of what its clause tells; its own date when its phrase has one."""
    case = next((c for c in noun.children if c.dep_ == "case" and c.i < noun.i), None)
    if case is None or case.lower_ not in ("après", "avant"):
        return None
    duration = _duration_before(state, case, noun)
    if duration is None:
        return None
    own = _own_phrase_date(state, noun)
    if own is not None:  # "dix ans après l'annexion de la Crimée en 2014": the annexion's own date
        return own
    base = _clause_date(state, clause_verb(noun), reference)
    if base is None:
        return None
    return _shifted(base, duration, -1 if case.lower_ == "après" else 1)


def _from_framing(state: DocState, verb: Token) -> Timex | None:
    """"Dix ans après l'annexion de la Crimée en 2014, X a accusé...": a clause framed by a duration
    "après" (or "avant") a dated noun is that long after (before) the noun's date."""
    for child in verb.children:
        if child.pos_ not in ("NOUN", "PROPN") or child.dep_ not in ("obl", "obl:mod", "nmod"):
            continue
        case = next((c for c in child.children if c.dep_ == "case" and c.i < child.i), None)
        if case is None or case.lower_ not in ("après", "avant"):
            continue
        duration = _duration_before(state, case, child)
        own = _own_phrase_date(state, child)
        if duration is not None and own is not None and own.date is not None:
            return _shifted(own.date, duration, 1 if case.lower_ == "après" else -1)
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = (dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


def timex_after(state: DocState, noun: Token) -> Timex | None:
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


def undated_window(state: DocState, tense: str, end: DateValue | None, statement: bool = False) -> DateValue | None:
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


def _story_day(state: DocState) -> DateValue | None:
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


def paragraph_of(state: DocState, char: int) -> int:
    return bisect.bisect_right(state.breaks, char)


_NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?\s*(millions?|milliards?)?\s+"
                     r"(?:de\s+|d['’])?([^\W\d_]{3,})", re.UNICODE)


def quantities_of(text: str, offset_ok) -> tuple[Quantity, ...]:
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


_RETELLING_DETERMINERS = ("le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces")


def _retold_noun(state: DocState, timex: Timex) -> Token | None:
    """The noun a day is written on when it retells a known event: "l'accord conclu le 2 mars",
    "cet accord, signé le 2 mars", "l'accord du 2 mars" (a definite or demonstrative noun, the day
    on the participle that describes it or as its "du" complement). None otherwise."""
    span = state.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root  # the token of the expression hung outside it
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            break
        if not (node.pos_ in ("VERB", "ADJ") and "Part" in node.morph.get("VerbForm", [])):
            return None  # a finite verb: the day dates its clause, not a noun
        if node.dep_ == "advcl" and node.head.i != node.i:
            # "Cet accord, signé le 12 mars, rouvre...": a detached participle describes the subject
            subject = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < node.i), None)
            if subject is None:
                return None
            node = subject
            break
        if node.dep_ != "acl":
            return None
    else:
        return None
    if node.pos_ != "NOUN" or node.idx <= timex.start < node.idx + len(node):
        return None
    if not any(c.dep_ == "det" and c.lower_ in _RETELLING_DETERMINERS for c in node.children):
        return None
    return node


def another_occurrence(noun: Token) -> bool:
    """"de nouvelles attaques", "une autre frappe": an occurrence other than the one told elsewhere."""
    words = frozenset(dating_table().other_occurrence)
    return any(c.dep_ in ("amod", "det") and c.lemma_.lower() in words for c in noun.children)


def retold_day(state: DocState, nouns: set[str], window: DateValue, own: tuple[int, int]) -> Timex | None:
    """"Le Ghana et le Togo ont conclu en mars un accord ... L'accord conclu le 2 mars à Lomé prévoit
    ...": an event dated only to a month, a span or the days before the report, whose noun the
    article retells with a day inside that window, is of that day. One such day only; none from the
    event's own sentence (``own``: its offsets), which dated it already."""
    days: dict[dt.date, Timex] = {}
    for timex in state.timexes:
        date = timex.date
        if date is None or timex.type not in ("DATE", "TIME") or date.days != 1 or not window.contains(date):
            continue
        if own[0] <= timex.start < own[1]:
            continue
        noun = _retold_noun(state, timex)
        if noun is not None and noun.lemma_.lower() in nouns:
            days.setdefault(date.start, timex)
    return next(iter(days.values())) if len(days) == 1 else None
