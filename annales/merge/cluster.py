"""Which reports are one happening: pairwise evidence, then greedy agglomeration.

Every input event (a single mention from the coder, or a happening merged earlier) is a *unit*.
Two units that could be the same happening get a score (``pair_score``); ``clash`` lists what can
never be one happening (incompatible types or statuses, other participants, reversed direction,
dates too far apart, different countries). The best pair joins first and the group is then
compared as one happening with its chosen (most precise) date, so a vague "en 2024" joins one of
two meetings a year apart, never both. Units are sorted by their content first, so the result
does not depend on the input order.

Within one article, a report with no date expression of its own (the coder's window, the day of
the article or of a statement) is told again by a dated one of the same type and cast
(``told_again``), and two days the article gives are two happenings (``_dated_apart_in_one_article``).
Between articles, a night reaches into the next morning and the day of a report bounds a happening
a few days older (``Rules.span``): dates are compared through ``dates``.
"""
from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from annales.merge.combine import combine, date_claims
from annales.merge.rules import Rules
from annales.merge.select import fold
from annales.model import DateValue, Entity, Event, Place

STEM = 5  # letters a verb and its noun share (libér-é, libér-ation)


def states(entities: Sequence[Entity]) -> frozenset[str]:
    """State-level keys: the country an entity acts for, or its own id (NATO, the UN)."""
    return frozenset((e.country or e.id).upper() for e in entities)


def people(entities: Sequence[Entity]) -> frozenset[str]:
    return frozenset(e.id for e in entities if e.kind == "person")


@dataclass(frozen=True)
class Unit:
    """An input event with what the pair rules look at, computed once."""

    event: Event
    key: tuple
    actor_states: frozenset[str]
    recipient_states: frozenset[str]
    states: frozenset[str]
    people: frozenset[str]
    actor_people: frozenset[str]
    docs: frozenset[str]
    published: tuple[DateValue, ...]
    sentences: frozenset[tuple[str, int]]
    headline: bool  # told only in the title of its article (offset 0)
    said: bool  # some report has a date expression of its own
    near: DateValue | None  # the days its date may stand for beside reports of its own article
    span: DateValue | None  # ... beside other articles' reports (Rules.span)

    @classmethod
    def of(cls, event: Event, rules: Rules | None = None) -> Unit:
        mentions = tuple(sorted((m.doc, m.start, m.trigger_start or -1, m.trigger) for m in event.mentions))
        key = (mentions, event.type, event.mode or "", str(event.date or ""), event.id)
        actor, recipient = states(event.actor), states(event.recipient)
        said = any(m.date_text for m in event.mentions)
        near = span = event.date
        if rules is not None and event.date is not None:
            texts = [event.date.text] + ([event.mentions[0].date_text] if len(event.mentions) == 1 else [])
            reach = max((rules.night_reach(t) for t in texts), key=sum)
            near, span = rules.span(event.date, reach, True), rules.span(event.date, reach, said)
        return cls(
            event=event, key=key, actor_states=actor, recipient_states=recipient,
            states=actor | recipient, people=people(event.actor) | people(event.recipient),
            actor_people=people(event.actor), docs=frozenset(m.doc for m in event.mentions),
            published=tuple(sorted({m.published for m in event.mentions if m.published})),
            sentences=frozenset((m.doc, m.start) for m in event.mentions),
            headline=all(m.start == 0 for m in event.mentions), said=said, near=near, span=span,
        )


def dates(a: Unit, b: Unit) -> tuple[DateValue | None, DateValue | None]:
    """The two units' dates as compared: the day of a report bounds the happening only against
    another article's date expression (within one article, its own dates say when; two days of
    two reports are two days)."""
    if a.docs & b.docs:
        return a.near, b.near
    return (a.span if b.said else a.near), (b.span if a.said else b.near)


def gap_days(a: DateValue, b: DateValue) -> int:
    """Days between two intervals; 0 when they intersect."""
    if a.overlaps(b):
        return 0
    return max((b.start - a.end).days, (a.start - b.end).days)


def _place_clash(a: Place | None, b: Place | None) -> bool:
    return bool(a and b and a.country and b.country and a.country != b.country)


def places_clash(a: Unit, b: Unit, rules: Rules) -> bool:
    """Places in two countries; for a transfer (aid, arms, troops) two countries taking part are
    its two ends, not a disagreement."""
    ea, eb = a.event, b.event
    if not _place_clash(ea.location, eb.location):
        return False
    if ea.type in rules.transfer_types and eb.type in rules.transfer_types:
        ends = {ea.location.country, eb.location.country}  # type: ignore[union-attr]
        return not ends <= (a.states & b.states)
    return True


def _same_place(a: Place | None, b: Place | None) -> bool:
    return bool(a and b and a.name.casefold() == b.name.casefold())


def _reported_after(undated: Unit, dated: Unit, window: int) -> bool:
    """The undated report appeared in the article that dates it, or soon after the happening."""
    if undated.docs & dated.docs:
        return True
    date = dated.event.date
    assert date is not None
    limit = date.end + dt.timedelta(days=window)
    return any(p.end >= date.start and p.start <= limit for p in undated.published)


def _reported_together(a: Unit, b: Unit, window: int) -> bool:
    if a.docs & b.docs:
        return True
    return any(gap_days(p, q) <= window for p in a.published for q in b.published)


def clash(a: Unit, b: Unit, rules: Rules) -> bool:
    """Hard reasons two units can never be in one happening, whatever links them."""
    ea, eb = a.event, b.event
    committed = act_committed_to(a, b, rules)
    if (not rules.statuses_compatible(ea.status, eb.status) and not _headline_of(a, b, rules)
            and not committed):
        return True
    if not rules.types_compatible((ea.type, ea.mode), (eb.type, eb.mode)) and not committed:
        return True
    if not a.states or not b.states:
        return True
    if len(a.states & b.states) < min(2, len(a.states), len(b.states)) and not title_retold(a, b):
        return True
    if _reversed(a, b, rules):
        return True
    if _other_visitors(a, b):
        return True
    if _dated_apart_in_one_article(a, b, rules):
        return True
    if one_more_act(a, b, rules) or _other_acts(a, b, rules) or _statement_across(a, b, rules):
        return True
    strong = same_participants(a, b)
    da, db = dates(a, b)
    if da and db and not rules.agree(da, db) and not told_again(a, b, rules):
        if not strong or rules.dates_far(da, db):
            return True
    if places_clash(a, b, rules):
        same_days = bool(ea.date and eb.date and da and db and rules.agree(da, db)
                         and max(ea.date.days, eb.date.days) <= 3)
        if not (same_days and strong):
            return True
    return False


def _headline_of(a: Unit, b: Unit, rules: Rules) -> bool:
    """A title tells in the present what its article announces ("La France expulse des diplomates
    russes" over "le ministère a annoncé qu'il allait procéder à l'expulsion"): one happening,
    whichever status each gives it (among ``headline_statuses``). A title has no date of its own; a
    first sentence with one is a lead telling its own day, not a title."""
    title = a if a.headline else b
    return (a.headline != b.headline and not title.said and bool(a.docs & b.docs)
            and a.event.type == b.event.type and {a.event.status, b.event.status} <= rules.headline_statuses)


def act_committed_to(a: Unit, b: Unit, rules: Rules) -> bool:
    """A commitment and the act it commits to, its complement in one sentence ("le Japon a accepté
    de lever ses contrôles": one AGREE, not an AGREE and a lifting): the act's trigger follows the
    commitment's with only a link word (``commitments`` in ``merge.yaml``) between them."""
    for first, second in ((a, b), (b, a)):
        if first.event.type not in rules.commitment_types or second.event.type in rules.commitment_types:
            continue
        for m in first.event.mentions:
            for n in second.event.mentions:
                if (m.doc != n.doc or m.start != n.start or m.trigger_end is None or n.trigger_start is None
                        or n.trigger_start < m.trigger_end):
                    continue
                between = m.sentence[m.trigger_end - m.start:n.trigger_start - m.start]
                if between.strip().casefold() in rules.commitment_links:
                    return True
                if between.rstrip().casefold() in rules.commitment_links:  # "d'" glued to its verb
                    return True
    return False


def title_retold(a: Unit, b: Unit) -> bool:
    """A title and its article telling one act by one named doer: the title names what is at stake
    ("X bloque une aide à l'Ukraine"), the article where and against whom it was done ("X a mis son
    veto lors du sommet de l'UE"); the doer in common makes them one act, whatever side each names.
    The title must have no date of its own (a first sentence with one is a lead, not a title)."""
    title, body = (a, b) if a.headline else (b, a)
    return (a.headline != b.headline and not title.said and bool(a.docs & b.docs)
            and a.event.type == b.event.type and bool(a.actor_people & b.actor_people))


def _other_visitors(a: Unit, b: Unit) -> bool:
    """Two visits to one country by different named visitors (a minister's, then a security chief's)
    are two visits, whatever their dates."""
    ea, eb = a.event, b.event
    if not (ea.type == eb.type == "CONSULT" and ea.mode == eb.mode == "visit"):
        return False
    visitors_a, visitors_b = people(ea.actor), people(eb.actor)
    return bool(visitors_a) and bool(visitors_b) and not visitors_a & visitors_b


@lru_cache(maxsize=1 << 14)
def _dates_a_day(sentence: str, lang: str) -> bool:
    """The sentence holds a date expression (its report took its day from it, through the
    statement telling it, if not as its own)."""
    from annales.temporal import timexes_in_text

    return bool(timexes_in_text(sentence, None, lang=lang))


def _day_of_its_own(unit: Unit, rules: Rules) -> bool:
    """A report with no date expression of its own dated one day by its sentence ("X a annoncé
    vendredi 15 décembre avoir mis son veto"), not by the coder's default (the day of the article,
    of its story), which is no claim."""
    return (not unit.said and unit.near is not None and unit.near.days == 1
            and any(_dates_a_day(m.sentence, rules.lang) for m in unit.event.mentions))


def _own_dates(unit: Unit) -> dict[str, list[DateValue]]:
    """What each article of ``unit`` says of the date in an expression of its own."""
    docs = {m.doc for m in unit.event.mentions if m.date_text}
    found: dict[str, list[DateValue]] = defaultdict(list)
    for doc, date in date_claims(unit.event):
        if doc in docs:
            found[doc].append(date)
    return found


def _dated_apart_in_one_article(a: Unit, b: Unit, rules: Rules) -> bool:
    """One article dating two reports of one type on days that do not meet tells two happenings
    (a strike on Monday, another on Tuesday): an article does not disagree with itself, so its
    dates are no conflict between sources. A night reaches into the next morning; wider dates
    (a month, "quelques jours après") are left to the other rules. A report dated by the day of the
    statement telling it counts as dated that day ("a annoncé vendredi avoir bloqué" is not what
    the article dates "jeudi"), so within one article a report of the next day does not join."""
    shared = a.docs & b.docs
    if not shared or not (a.said or b.said) or a.event.type != b.event.type:
        return False
    week = rules.max_gap_days
    own_a, own_b = _own_dates(a), _own_dates(b)
    for unit, own in ((a, own_a), (b, own_b)):
        if _day_of_its_own(unit, rules):
            # a day taken from a statement ("X a annoncé vendredi avoir bloqué le texte") is a
            # day: another day in the same article is another happening
            own.update({doc: [unit.near] for doc in unit.docs})  # type: ignore[list-item]
    for doc in shared:
        for x in own_a.get(doc, ()):
            for y in own_b.get(doc, ()):
                wide_x = rules.span(x, rules.night_reach(x.text), True)
                wide_y = rules.span(y, rules.night_reach(y.text), True)
                if max(x.days, y.days) <= week and not rules.agree(wide_x, wide_y):
                    return True
    return False


def _added(unit: Unit, rules: Rules) -> bool:
    """Some report of ``unit`` tells its act as one more: an addition word before its trigger's end
    ("les deux États ont en outre décidé"; not "l'accord prévoit aussi", which tells what it holds)."""
    for m in unit.event.mentions:
        end = (m.trigger_end - m.start) if m.trigger_end is not None else len(m.sentence)
        if rules.tells_an_addition(m.sentence[:max(end, 0)]):
            return True
    return False


def one_more_act(a: Unit, b: Unit, rules: Rules) -> bool:
    """One article telling a second act of a type as one more (``additions`` in ``merge.yaml``:
    "ont en outre décidé de créer une commission" after "a accepté de lever ses contrôles"): the
    report with the addition word, told with another trigger word in another sentence, is not the
    first act told again."""
    if not (a.docs & b.docs and a.event.type == b.event.type and a.event.type in rules.addition_types):
        return False
    if a.sentences & b.sentences or _stems(a) & _stems(b):
        return False
    return _added(a, rules) or _added(b, rules)


def _acts(unit: Unit, rules: Rules) -> frozenset[str]:
    kind = unit.event.type
    return frozenset().union(*(rules.acts_named(kind, m.trigger) for m in unit.event.mentions))


def _other_acts(a: Unit, b: Unit, rules: Rules) -> bool:
    """Reports naming two different acts of ``distinct_acts`` (a recognition, a signature) are two
    happenings; a report naming none (praise, thanks) is free to join either."""
    if a.event.type != b.event.type or a.event.type not in rules.distinct_acts:
        return False
    acts_a, acts_b = _acts(a, rules), _acts(b, rules)
    return bool(acts_a and acts_b and not acts_a & acts_b)


def _statement_across(a: Unit, b: Unit, rules: Rules) -> bool:
    """Praise told as a statement ("X est un partenaire fiable") is no report of an act of another type
    (the agreement or the promise told beside it)."""
    if a.event.type == b.event.type:
        return False
    return any(rules.statement(u.event.type, [m.trigger for m in u.event.mentions]) for u in (a, b))


def one_cast(a: Unit, b: Unit, rules: Rules) -> bool:
    """Participants that can be one happening's as one article tells it twice: a person in common,
    or the states of one report among the other's ("l'armée a frappé les rebelles" and "les frappes
    de l'armée") with no side contradicting the other. Two different named actors are two casts;
    for a meeting or an agreement, whose participants are all on one footing, one state alone is
    another cast than two ("le Japon a accepté" is not "le Japon et la Corée ont convenu")."""
    if a.people & b.people:
        return True
    if a.actor_people and b.actor_people:
        return False
    small, large = (a, b) if len(a.states) <= len(b.states) else (b, a)
    if not small.states or not small.states <= large.states:
        return False
    if small.event.type in rules.symmetric and len(small.states) < 2:
        return False
    if a.actor_states and b.actor_states and not a.actor_states & b.actor_states:
        return False
    return not (a.recipient_states and b.recipient_states and not a.recipient_states & b.recipient_states)


def told_again(a: Unit, b: Unit, rules: Rules) -> bool:
    """One article telling the same happening twice, dated once: same type, one cast (``one_cast``),
    and one of the two reports has no date expression of its own ("Au cours de son voyage, X a
    rencontré Y" after "le sommet entre X et Y le 13 septembre"; "l'offensive lancée par l'armée"
    after "lundi, l'armée a lancé une offensive"). Its date (none, the coder's window, the day of a
    statement) is no claim against the other's, with two limits: it must then share the doer (a
    target in common is not enough), and a day its sentence gives, against a date of the same
    week, is a day of its own ("X a annoncé vendredi avoir mis son veto" is not "jeudi"). Two
    triggers of one type and one cast in one sentence are one happening told twice, whatever
    their dates."""
    if not (a.docs & b.docs and a.event.type == b.event.type and one_cast(a, b, rules)):
        return False
    if a.sentences & b.sentences:
        return True  # two triggers of one sentence ("a lancé un mandat contre un Ukrainien soupçonné")
    if a.said and b.said:
        return False
    if a.near and b.near and not rules.agree(a.near, b.near):
        if not (a.people & b.people or a.actor_states & b.actor_states):
            return False
        unsaid, said = (a, b) if not a.said else (b, a)
        if _day_of_its_own(unsaid, rules) and said.near.days <= rules.max_gap_days:  # type: ignore[union-attr]
            return False
    return True


def same_participants(a: Unit, b: Unit) -> bool:
    """Strong participant match: a person in common, or exactly the same states (two or more)."""
    return bool(a.people & b.people) or (a.states == b.states and len(a.states) >= 2)


def _reversed(a: Unit, b: Unit, rules: Rules) -> bool:
    """A directed event seen the other way round (A accuses B / B accuses A) is another event."""
    if a.event.type in rules.symmetric and b.event.type in rules.symmetric:
        return False
    for target, other in ((a, b), (b, a)):
        # an act reported naming only a target that is the other's doer, and not its target ("une
        # base de A a été frappée" beside "A a frappé B") is the other way round; a statement
        # without its speaker is not (the speaker after a quote, "a averti X", is often missed)
        if (target.event.type not in rules.verbal_types
                and not target.actor_states and target.recipient_states and other.recipient_states
                and target.recipient_states <= other.actor_states - other.recipient_states):
            return True
    for doer, other in ((a, b), (b, a)):
        # a doer that is only the other's target answers it (a recognition and the thanks for it,
        # "Y a salué cette décision" with Y's target untold): the reaction is another happening
        if (doer.actor_states and not doer.recipient_states and other.actor_states
                and not doer.actor_states & other.actor_states
                and doer.actor_states <= other.recipient_states - other.actor_states):
            return True
    if not (a.actor_states and b.actor_states and a.recipient_states and b.recipient_states):
        return False
    return (not a.actor_states & b.actor_states
            and bool(a.actor_states & b.recipient_states) and bool(a.recipient_states & b.actor_states))


def _stems(unit: Unit) -> frozenset[str]:
    """The first letters of the trigger words: a verb and its noun share them ("a libéré" and "la
    libération", "a lancé une offensive" and "l'offensive lancée")."""
    words = (fold(w) for m in unit.event.mentions for w in re.findall(r"\w+", m.trigger))
    return frozenset(w[:STEM] for w in words if len(w) >= STEM)


def pair_score(a: Unit, b: Unit, rules: Rules) -> float | None:
    """How strongly two units look like one happening; None when they must stay apart."""
    if clash(a, b, rules):
        return None
    ea, eb = a.event, b.event
    again = told_again(a, b, rules)
    da, db = dates(a, b)
    if da and db and not rules.dates_close(da, db) and not again:
        return None
    if (len(a.states) == len(b.states) == 1 and not a.people & b.people
            and not (_same_place(ea.location, eb.location) or a.docs & b.docs)):
        # one country each and nobody named in both: two protests in one country on one day are
        # two protests unless the place or the article ties them
        return None
    shared_people = a.people & b.people
    if (ea.date and eb.date and not shared_people and ea.type in rules.verbal_types
            and max(ea.date.days, eb.date.days) > rules.coarse_date_days):
        # a year agrees with every day inside it: for statements, which allies and rivals make
        # about each other all year, that is no evidence of one happening, even in one article
        # ("depuis l'an dernier, X accuse Y" and "X a accusé Y vendredi"; "le ministre a remercié
        # Y" and "Moscou avait déjà remercié Y à l'époque"), unless a named person ties the reports
        return None
    same_kind = ea.type == eb.type and (ea.mode == eb.mode)
    score = 2.0 if same_kind else 1.0
    score += 1.5 * min(len(shared_people), 2) + 0.5 * len(a.states & b.states)
    # reports of one article: the same cast is as good as the same participants; a commitment and
    # the act it commits to, in one sentence, are one report
    committed = act_committed_to(a, b, rules)
    cast = same_participants(a, b) or (bool(a.docs & b.docs) and one_cast(a, b, rules)) or committed
    one_type = ea.type == eb.type or committed
    if da and db and ea.date and eb.date:
        if rules.agree(da, db) or again:
            narrow = max(ea.date.days, eb.date.days)
            score += 3.0 if narrow == 1 else 2.0 if narrow <= 31 else 1.0
        else:
            score -= 2.0  # kept together only as a conflict between sources
    elif ea.date or eb.date:
        # an undated report joins a dated one only when everything else matches strongly
        dated, undated = (a, b) if ea.date else (b, a)
        if not (cast and one_type and not places_clash(a, b, rules)):
            return None
        if not _reported_after(undated, dated, rules.undated_window_days):
            return None
    else:
        if not (cast and one_type):
            return None
        window = rules.undated_pair_days
        if ea.status in rules.plan_statuses and eb.status in rules.plan_statuses and a.people & b.people:
            window = max(window, rules.undated_plan_days)  # a plan still pending, told again
        if not _reported_together(a, b, window):
            return None
    if _same_place(ea.location, eb.location):
        score += 1.0
    elif ea.location and eb.location and ea.location.country == eb.location.country:
        score += 0.5
    elif places_clash(a, b, rules):
        score -= 2.0
    if a.docs & b.docs:
        score += 0.5
        if _stems(a) & _stems(b):
            score += 0.5
    return score


def _close_in_time(a: Unit, b: Unit, rules: Rules) -> bool:
    """A cheap pre-check before scoring: undated, or dates that could be one happening."""
    da, db = dates(a, b)
    return da is None or db is None or rules.dates_close(da, db) or told_again(a, b, rules)


def _first_pairs(units: Sequence[Unit], by_state: dict[tuple, set[int]], rules: Rules) -> set[tuple[int, int]]:
    """Pairs worth scoring at the start: sharing a state, dated close enough (or one undated).

    Within a state, dated units are swept in date order so far-apart pairs are never looked at.
    """
    pairs: set[tuple[int, int]] = set()
    for members in by_state.values():
        dated = sorted((i for i in members if units[i].span), key=lambda i: units[i].span.start)  # type: ignore[union-attr]
        undated = [i for i in members if not units[i].span]
        for position, i in enumerate(dated):
            date = units[i].span
            assert date is not None
            # a later-starting date beyond the widest allowance cannot be close
            slack = max(rules.max_gap_days, int(date.days * rules.vague_gap_fraction))
            horizon = date.end + dt.timedelta(days=slack)
            for j in dated[position + 1:]:
                if units[j].span.start > horizon:  # type: ignore[union-attr]
                    break
                pairs.add((min(i, j), max(i, j)))
        for i in undated:
            pairs.update((min(i, j), max(i, j)) for j in members if j != i)
        # reports of one article are few: pair them all, whatever their dates (see told_again)
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for doc in units[i].docs:
                by_doc[doc].append(i)
        for same in by_doc.values():
            pairs.update((min(i, j), max(i, j)) for i in same for j in same if i != j)
    return pairs


def clusters(units: Sequence[Unit], rules: Rules) -> list[list[int]]:
    """Group unit indices into happenings (``units`` sorted by ``Unit.key``).

    Greedy agglomeration: the best-scoring pair of groups joins, the joined group is compared
    again as one happening (its chosen date, all its participants), until no pair qualifies. A
    finished timeline therefore has no two happenings that would merge, so merging it again, or
    merging new reports into it, starts from where merging everything at once would stand.
    Ties go to the groups whose reports sort first, so the input order never matters.
    """
    groups: dict[int, list[int]] = {i: [i] for i in range(len(units))}
    shown: dict[int, Unit] = dict(enumerate(units))  # each group as one happening
    version = dict.fromkeys(groups, 0)
    # reports that could merge share a bucket: type family, status group and a state taking part
    by_state: dict[tuple, set[int]] = defaultdict(set)

    def keys(unit: Unit) -> list[tuple]:
        bucket = rules.bucket(unit.event.type, unit.event.status)
        return [(*bucket, state) for state in unit.states]

    for index, unit in enumerate(units):
        for key in keys(unit):
            by_state[key].add(index)
    heap: list[tuple[float, int, int, int, int]] = []

    def _dates(members: list[int]) -> list[DateValue]:
        # the dates its reports give in expressions of their own, else whatever dates it has
        said = [d for k in members if units[k].said and (d := units[k].span)]
        return said or [d for k in members if (d := units[k].span)]

    def _members_far(left: list[int], right: list[int]) -> bool:
        # A wide date (a year) agrees with everything inside it; it must not chain reports from
        # January and November into one happening. Every pair of members must stay close.
        return any(rules.dates_far(x, y) for x in _dates(left) for y in _dates(right))

    def consider(i: int, j: int) -> None:
        a, b = (i, j) if i < j else (j, i)
        if not _close_in_time(shown[a], shown[b], rules):
            return
        score = pair_score(shown[a], shown[b], rules)
        if score is not None and not _members_far(groups[a], groups[b]):
            heapq.heappush(heap, (-score, a, b, version[a], version[b]))

    pairs = _first_pairs(units, by_state, rules)
    # a title and its article may give one happening two statuses (other buckets): pair them too
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        for doc in unit.docs:
            by_doc[doc].append(index)
    for same in by_doc.values():
        pairs.update((min(i, j), max(i, j)) for i in same if units[i].headline for j in same
                     if j != i and _headline_of(units[i], units[j], rules))
        # a commitment and the act it commits to (other types, perhaps another status): pair them too
        pairs.update((min(i, j), max(i, j)) for i in same if units[i].event.type in rules.commitment_types
                     for j in same if j != i and act_committed_to(units[i], units[j], rules))
    for i, j in sorted(pairs):
        consider(i, j)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in groups or b not in groups or version[a] != version_a or version[b] != version_b:
            continue  # one side has grown or gone since this pair was scored
        groups[a] = sorted(groups[a] + groups.pop(b))
        for key in keys(shown.pop(b)) + keys(shown[a]):
            by_state[key].discard(b)
            by_state[key].discard(a)
        del version[b]
        version[a] += 1
        shown[a] = Unit.of(combine([units[k].event for k in groups[a]], rules), rules)
        for key in keys(shown[a]):
            by_state[key].add(a)
        neighbours = set().union(*(by_state[key] for key in keys(shown[a])))
        for other in sorted(neighbours - {a}):
            consider(a, other)
    return [groups[root] for root in sorted(groups)]
