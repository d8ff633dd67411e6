"""One happening from the reports of it: fields chosen, disagreements listed, sources weighed.

Each report (unit) says something about the date, the place and the numbers, per document. When
the documents of a happening disagree, its ``conflicts`` list what every one of them said; those
lists are read back when the happening is merged again, so a merged timeline merges to itself.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from annales.merge.rules import Rules
from annales.model import Conflict, DateValue, Entity, Event, Evidence, Place, Quantity

WIDE_INTERVAL_DAYS = 7


# -- sources -------------------------------------------------------------------------------------
@lru_cache(maxsize=1 << 16)
def normal_text(text: str) -> str:
    """Case, spacing and punctuation folded: what two copies of one sentence share."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def source_groups(mentions: Sequence[Evidence], rules: Rules) -> list[int]:
    """For each mention, the index of its independent source.

    Mentions from one document, from one named agency, or with near-identical sentences (the same
    dispatch republished) are one source. Identical sentences are grouped by their text first,
    so only distinct sentences are compared.
    """
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first: dict[tuple[str, str], int] = {}
    for i, mention in enumerate(mentions):
        keys = [("doc", mention.doc), ("text", normal_text(mention.sentence))]
        if mention.source:
            keys.append(("source", normal_text(mention.source)))
        for key in keys:
            if key in first:
                join(i, first[key])
            else:
                first[key] = i
    texts = [(text, i) for (kind, text), i in first.items() if kind == "text"]
    threshold = rules.near_identical * 100
    for position, (text, i) in enumerate(texts):
        for other, j in texts[position + 1:]:
            if find(i) != find(j) and fuzz.ratio(text, other, score_cutoff=threshold):
                join(i, j)
    return [find(i) for i in range(len(mentions))]


def _independent(mentions: Sequence[Evidence], rules: Rules) -> int:
    return len(set(source_groups(mentions, rules)))


def confidence(units: Sequence[Event], mentions: Sequence[Evidence], rules: Rules) -> float:
    """1 - (1 - base)^n over n independent sources; base is the best single-source confidence.

    A happening merged earlier gives back its single-source base by inverting the same formula,
    so merging in steps or at once gives the same figure.
    """
    base = 0.0
    for unit in units:
        n = _independent(unit.mentions, rules)
        value = min(max(unit.confidence, 0.0), 1.0)
        base = max(base, 1 - (1 - value) ** (1 / n) if n > 1 else value)
    n = _independent(mentions, rules)
    return round(min(rules.max_confidence, 1 - (1 - base) ** n), 3)  # as the contract writes it


# -- claims per document ---------------------------------------------------------------------------
def _conflict_claims(unit: Event, field: str) -> list[tuple[str, str]]:
    return [(doc, value) for c in unit.conflicts if c.field == field for value, doc in zip(c.values, c.docs, strict=False)]


def date_claims(unit: Event) -> list[tuple[str, DateValue]]:
    """What each document of ``unit`` says about the date.

    When the documents of a happening merged earlier disagreed, its conflict lists what each of
    them said; otherwise they all agreed with its date.
    """
    listed = _conflict_claims(unit, "date")
    if listed:
        claims = [(doc, DateValue.parse(value)) for doc, value in listed]
        # the listed value that won keeps the expression it came from
        return [(doc, unit.date if d == unit.date else d) for doc, d in claims if d is not None]
    if unit.date is None:
        return []
    docs = {m.doc for m in unit.mentions if m.date_text} or {m.doc for m in unit.mentions}
    return [(doc, unit.date) for doc in sorted(docs)]


def _place_label(place: Place) -> str:
    return f"{place.name} ({place.country})" if place.country else place.name


def _parse_place(label: str) -> Place:
    match = re.fullmatch(r"(.*) \(([A-Z]{3})\)", label)
    return Place(match.group(1), match.group(2)) if match else Place(label)


def place_claims(unit: Event) -> list[tuple[str, Place]]:
    listed = _conflict_claims(unit, "location")
    out = [(doc, _parse_place(value)) for doc, value in listed]
    if unit.location is not None:
        seen = {doc for doc, _ in listed}
        out += [(doc, unit.location) for doc in sorted({m.doc for m in unit.mentions} - seen)]
    return out


def quantity_claims(unit: Event) -> list[tuple[str, Quantity]]:
    """Each number with the documents that report it: as listed in a conflict, else the
    documents whose sentence contains it."""
    listed: dict[str, set[str]] = defaultdict(set)
    for doc, value in _conflict_claims(unit, "number"):
        listed[value].add(doc)
    out = []
    docs = sorted({m.doc for m in unit.mentions})
    for quantity in unit.quantities:
        found = listed.get(_quantity_label(quantity)) or {
            m.doc for m in unit.mentions if quantity.text and quantity.text in m.sentence}
        for doc in sorted(found) or docs[:1]:
            out.append((doc, quantity))
    return out


def _quantity_label(quantity: Quantity) -> str:
    return quantity.text or f"{quantity.value:g} {quantity.unit}"


# -- choosing ----------------------------------------------------------------------------------
def choose_date(claims: Sequence[tuple[str, DateValue]], rules: Rules | None = None
                ) -> tuple[DateValue | None, Conflict | None]:
    """The date most documents agree with, the most precise among equals; and, when some
    documents disagree, a conflict listing what every document said (a night and the day after
    it do not disagree, see ``Rules.span``)."""
    if not claims:
        return None, None

    def said(date: DateValue) -> DateValue:
        return rules.span(date, rules.night_reach(date.text), True) if rules else date

    def support(date: DateValue) -> int:
        # documents that agree: a date inside this one or around it ("septembre" and "le 13");
        # windows that merely overlap ("le mois dernier" shifted by a fortnight) do not count; a
        # night supports the day after it ("la nuit de dimanche à lundi" and "lundi")
        return len({doc for doc, other in claims if said(other).contains(date) or date.contains(other)})

    # among equals, a calendar day, month or year beats a wide interval of about the same width:
    # such intervals come from vague expressions ("le mois dernier") resolved around the article
    candidates = sorted({d for _, d in claims}, key=lambda d: (
        -support(d), d.precision == "interval" and d.days > WIDE_INTERVAL_DAYS, d.days, d.start, d.end))
    best = candidates[0]
    text = next((d.text for _, d in sorted(claims, key=lambda c: c[0]) if d == best and d.text), best.text)
    conflict = None
    if any(not said(a).overlaps(said(b)) for _, a in claims for _, b in claims):
        rows = sorted({(str(d), doc) for doc, d in claims})
        conflict = Conflict("date", tuple(v for v, _ in rows), tuple(doc for _, doc in rows))
    return DateValue(best.start, best.end, best.precision, text), conflict


def choose_place(claims: Sequence[tuple[str, Place]], ends: frozenset[str] = frozenset()
                 ) -> tuple[Place | None, Conflict | None]:
    """The place most documents agree with; a disagreement when they name several countries
    (beyond ``ends``, the countries a transfer leaves from and arrives in)."""
    if not claims:
        return None, None
    by_country: dict[str, set[str]] = defaultdict(set)
    for doc, place in claims:
        if place.country:
            by_country[place.country].add(doc)
    docs_of: dict[Place, set[str]] = defaultdict(set)
    for doc, place in claims:
        docs_of[place].add(doc)

    def rank(place: Place) -> tuple:
        country_support = len(by_country.get(place.country or "", ()))
        return (-country_support, -len(docs_of[place]), place.lat is None, place.country is None, place.name)

    best = sorted(docs_of, key=rank)[0]
    conflict = None
    if len(by_country) > 1 and not set(by_country) <= ends:
        rows = sorted({(_place_label(p), doc) for doc, p in claims})
        conflict = Conflict("location", tuple(v for v, _ in rows), tuple(doc for _, doc in rows))
    return best, conflict


def _unit_key(unit: str) -> str:
    return normal_text(unit)


def number_conflicts(claims: Sequence[tuple[str, Quantity]]) -> list[Conflict]:
    """Sources giving different figures for the same thing (8 000 soldiers here, 10 000 there)."""
    by_unit: dict[str, list[tuple[str, Quantity]]] = defaultdict(list)
    for doc, quantity in claims:
        by_unit[_unit_key(quantity.unit)].append((doc, quantity))
    out = []
    for unit in sorted(by_unit):
        rows = by_unit[unit]
        if len({q.value for _, q in rows}) > 1:
            pairs = sorted({(_quantity_label(q), doc) for doc, q in rows})
            out.append(Conflict("number", tuple(v for v, _ in pairs), tuple(doc for _, doc in pairs)))
    return out


def _state(entity: Entity) -> str:
    return (entity.country or entity.id).upper()


def _participants(lead: Event, units: Sequence[Event]) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """The leading report's actor and recipient, plus participants only other reports name.

    An extra participant goes to the side of its state in the leading report (the host's
    minister joins the host), else to the side most reports put it on.
    """
    actor, recipient = list(lead.actor), list(lead.recipient)
    known = {e.id for e in actor} | {e.id for e in recipient}
    actor_states, recipient_states = {_state(e) for e in actor}, {_state(e) for e in recipient}
    found: dict[str, Entity] = {}
    votes: dict[str, int] = defaultdict(int)  # > 0: actor side
    for unit in units:
        for side, entities in ((1, unit.actor), (-1, unit.recipient)):
            for entity in entities:
                if entity.id not in known:
                    found.setdefault(entity.id, entity)
                    votes[entity.id] += side
    for entity_id in sorted(found, key=lambda i: (found[i].name, i)):
        entity, state = found[entity_id], _state(found[entity_id])
        if state in recipient_states and state not in actor_states:
            recipient.append(entity)
        elif state in actor_states and state not in recipient_states:
            actor.append(entity)
        elif votes[entity_id] >= 0:
            actor.append(entity)
        else:
            recipient.append(entity)
    return tuple(actor), tuple(recipient)


def _union(groups: Sequence[Sequence[Entity]]) -> tuple[Entity, ...]:
    found: dict[str, Entity] = {}
    for group in groups:
        for entity in group:
            found.setdefault(entity.id, entity)
    return tuple(sorted(found.values(), key=lambda e: (e.name, e.id)))


def status_of(units: Sequence[Event], mentions: Sequence[Evidence], rules: Rules, best: Event) -> str:
    """Asserted beats alleged only when a source independent of the allegation asserts it."""
    groups = source_groups(mentions, rules)
    group_of = {(m.doc, m.start, m.trigger_start, m.trigger): g for m, g in zip(mentions, groups, strict=True)}

    def sources(status: str) -> set[int]:
        return {group_of[(m.doc, m.start, m.trigger_start, m.trigger)]
                for u in units if u.status == status for m in u.mentions}

    statuses = {u.status for u in units}
    if "asserted" in statuses:
        if "alleged" not in statuses or sources("asserted") - sources("alleged"):
            return "asserted"
        return "alleged"
    for status in ("alleged", "denied", "planned"):  # planned: someone announced it, beyond "possible"
        if status in statuses:
            return status
    return best.status


def combine(units: Sequence[Event], rules: Rules) -> Event:
    """Merge the reports of one happening into one Event (units in canonical order)."""
    mentions_by_key: dict[tuple, Evidence] = {}
    for unit in units:
        for mention in unit.mentions:
            mentions_by_key.setdefault((mention.doc, mention.start, mention.trigger_start, mention.trigger), mention)
    mentions = tuple(mentions_by_key[k] for k in sorted(mentions_by_key, key=lambda k: (k[0], k[1], k[2] or -1, k[3])))

    kind = min((u.type for u in units), key=lambda t: (rules.type_order(t), t))
    mode = min((u.mode for u in units if u.type == kind), key=lambda m: (rules.mode_order(m), m or ""))
    of_kind = [u for u in units if u.type == kind and u.mode == mode]
    # the report that names both sides and dates it most precisely speaks for the happening
    best = min(of_kind, key=lambda u: (
        -(len(u.actor) > 0) - (len(u.recipient) > 0), u.date.days if u.date else 10**6,
        -u.confidence, not u.summary, _mention_key(u)))

    # a report dated only by the coder's window before publication says nothing of the date: when
    # others have a date expression, it neither chooses the date nor disagrees with it
    said = [u for u in units if u.conflicts or any(m.date_text for m in u.mentions)]
    date, date_conflict = choose_date([c for u in (said or units) for c in date_claims(u)], rules)
    transfer = all(u.type in rules.transfer_types for u in units)
    ends = frozenset(e.country or e.id for u in units for e in u.actor + u.recipient) if transfer else frozenset()
    place, place_conflict = choose_place([c for u in units for c in place_claims(u)], ends)
    quantities: dict[tuple, Quantity] = {}
    for unit in units:
        for q in unit.quantities:
            quantities.setdefault((q.unit, q.value, q.text), q)
    conflicts = [c for c in (date_conflict, place_conflict) if c]
    conflicts += number_conflicts([c for u in units for c in quantity_claims(u)])
    # who did what to whom comes from a report naming both sides, of the chosen type if possible
    lead = min(units, key=lambda u: (
        not (u.actor and u.recipient), u.type != kind, u.mode != mode, u.date.days if u.date else 10**6,
        -u.confidence, _mention_key(u)))
    actor, recipient = _participants(lead, units)
    quotes = {(q.start, q.end, q.text): q for u in units for q in u.quotes}
    return Event(
        type=kind,
        mentions=mentions,
        mode=mode,
        context=tuple(sorted({c for u in units for c in u.context})),
        actor=actor,
        recipient=recipient,
        date=date,
        location=place,
        status=status_of(units, mentions, rules, best),
        claimed_by=_union([u.claimed_by for u in units]),
        denied_by=_union([u.denied_by for u in units]),
        score=best.score,
        confidence=confidence(units, mentions, rules),
        summary=best.summary or next((u.summary for u in units if u.summary), ""),
        quantities=tuple(quantities[k] for k in sorted(quantities, key=lambda k: (k[0], k[1], k[2]))),
        quotes=tuple(quotes[k] for k in sorted(quotes)),
        conflicts=tuple(conflicts),
    )


def _mention_key(event: Event) -> tuple:
    return tuple(sorted((m.doc, m.start, m.trigger_start or -1, m.trigger) for m in event.mentions))
