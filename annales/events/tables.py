"""The event dictionaries (verbs, nouns, status markers, PLOVER scores), validated and indexed once.

The YAML tables live in ``annales/lang/<lang>/``; this module declares their schemas and turns them
into lookups keyed by lemma, so coding a sentence is a few dictionary hits per token.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from annales.errors import LanguageDataError
from annales.lang import load_table, table_schema

Role = Literal["actor", "recipient", "place", "destination", "theme"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VerbFrame(_Strict):
    type: str
    mode: str | None = None
    context: list[str] = []
    subj: Role = "actor"
    obj: Role = "recipient"
    pass_subj: Role | None = None
    preps: dict[str, Role] = {}
    objects: list[str] = []
    reflexive: bool | None = None
    embeds: Literal["alleged", "denied", "absorbed"] | None = None
    require: Literal["recipient", "any2"] | None = None
    require_prep: str | None = None
    scan: bool = False
    negated_idiom: bool = False
    subjects: list[str] = []
    not_objects: list[str] = []
    keep_object: bool = False
    clause_recipient: bool = False  # "exiger que X fasse": the subject of the "que" clause is the recipient
    place_actor: bool = False
    object_names_recipient: bool = False
    between: bool = False
    hostile: bool = False
    hostile_clause: bool = False  # "a prévenu qu'il riposterait": a "que" clause in the future/conditional, hostile
    state: bool = False
    own_people: bool = False  # fire on protesters or a crowd: the state's own people are the recipient
    leave_order: bool = False  # an order to leave the country ("sommer X de quitter le pays"): an expulsion
    # the trigger is a noun after "être" said by someone ("« X a toujours été un ami », a déclaré Y",
    # "Y a affirmé que X est un allié"): the speaker acts, the copula's subject is the recipient
    predicate: bool = False
    denial: bool = False  # a reply that codes only when what it says denies ("a rétorqué que c'était faux")
    # a passive with no agent: the preposition whose place or body names the doer ("expulsé d'Azerbaïdjan":
    # de; "convoqué au ministère algérien", "convoqué à Kampala": à)
    passive_from: str | None = None
    # a verb of coming or going: a written subject that names no party is a thing that comes, not a
    # visitor ("la première réaction est venue de X", "l'aide est arrivée à Y")
    party_subject: bool = False


class NounFrame(_Strict):
    type: str
    mode: str | None = None
    context: list[str] = []
    of: Role = "actor"
    adj: Role = "actor"
    preps: dict[str, Role] = {}
    adj_required: list[str] = []
    require: Literal["recipient", "any2"] | None = None
    place_actor: bool = False
    own_people: bool = False  # "la répression a fait N morts au Kenya": the state acts on its own people
    of_objects: list[str] = []  # senses: the "de" complement must be one of these lemmas (or a @class)
    proper: bool = True  # False: a capitalised noun inside a sentence is a name ("le Rassemblement national")
    # the role of the parties named inside a "de" complement that is itself an event noun, the content of a
    # demand: "sa demande de retrait des troupes X" (X is asked, not the one who asks)
    content: Role | None = None


@table_schema("event_verbs")
class VerbTable(_Strict):
    classes: dict[str, list[str]]
    object_contexts: dict[str, str]
    object_control: list[str]
    intent_nouns: list[str]
    verbs: dict[str, list[VerbFrame]]

    @model_validator(mode="after")
    def classes_exist(self) -> VerbTable:
        for lemma, frames in self.verbs.items():
            for frame in frames:
                names = list(frame.objects) + list(frame.subjects) + [
                    n for n in frame.not_objects if ":" not in n] + [
                    k.split(":", 1)[1] for k in frame.preps if ":" in k]
                for name in names:
                    if name.startswith("@") and name[1:] not in self.classes:
                        raise ValueError(f"verb {lemma!r} names unknown class {name!r}")
        return self


@table_schema("event_nouns")
class NounTable(_Strict):
    adjective_contexts: dict[str, str]
    nouns: dict[str, NounFrame]
    senses: dict[str, list[NounFrame]] = {}  # tried before ``nouns``: the first whose of_objects holds
    name_heads: list[str] = []  # "le Front de libération …": nouns that open an organisation's name


class _Pronouns(_Strict):
    singular: list[str]
    plural: list[str]
    speaker: list[str]


@table_schema("status")
class StatusTable(_Strict):
    reporting_verbs: list[str]
    attribution: list[str]
    alleged_modifiers: list[str]
    claim_nouns: list[str]
    negation: list[str]
    negation_particles: list[str]
    negation_alone: list[str]
    purpose_marks: list[str]
    etre_verbs: list[str]
    locative: list[str]
    temporal_marks: list[str]
    purpose_realised_types: list[str]
    use_verbs: list[str]
    statement_types: list[str]
    group_people: list[str]
    place_nouns: list[str]
    hypothetical_conjunctions: list[str]
    hypothetical_words: list[str]
    hypothetical_relatives: list[str]
    planned_words: list[str]
    future_suffixes: list[str]
    conditional_suffixes: list[str]
    contractions: dict[str, str]
    skip_line_prefixes: list[str]
    pointer_lines: list[str] = []
    pronouns: _Pronouns
    group_heads: list[str]
    group_numbers: dict[str, int]
    impersonal_verbs: list[str]
    relative_pronouns: list[str]
    possessed_heads: list[str]
    circumstance_cases: list[str]
    negating_words: list[str]
    agent_governors: list[str]
    sequence_marks: list[str]
    quotes: dict[str, str]
    accusable_types: list[str]
    blame_only_types: list[str] = []
    victim_claim_types: list[str]
    told_types: list[str]
    undated_window_days: dict[str, int]
    trend_units: list[str]
    demonstratives: list[str]
    definite_articles: list[str] = []
    ellipsis_pronouns: list[str]
    ellipsis_links: list[str]
    since_marks: list[str]
    agent_governors_with: dict[str, str] = {}
    agent_nouns: list[str] = []
    anaphora_nouns: dict[str, list[str]] = {}
    light_verbs: list[str] = []
    undergoing_verbs: list[str] = []
    undergoing_nouns: list[str] = []
    undergoing_passives: list[str] = []
    answering_types: list[str] = []
    answer_nouns: list[str] = []
    war_nouns: list[str] = []
    privative_marks: list[str] = []
    hostile_types: list[str] = []
    hostile_words: list[str] = []
    off_topic_words: list[str] = []
    decided_verbs: list[str] = []
    decided_types: list[str] = []
    verb_homographs: dict[str, str] = {}  # "dément" (démentir) read as the adjective "dément"
    announced_later_types: list[str] = []
    place_authority_modes: list[str] = []  # "arrêté en Iran": the state of the place arrests  # "la visite a été annoncée": still to come, unlike "le retrait a été annoncé"
    occurrence_verbs: list[str] = []
    state_nouns: list[str] = []  # "ce pays": the state named last, not the acting subject
    crowd_verbs: list[str] = []
    protest_purposes: list[str] = []  # "ont manifesté pour dénoncer X": the protest is aimed at X  # "le rassemblement a réuni 300 personnes contre X à Y": the crowd's complements are the event's
    ruling_nouns: list[str] = []
    place_recipient_types: list[str] = []
    venue_nouns: list[str] = []  # "lors d'une conférence à Genève": the place of a gathering is a venue
    venue_verbs: list[str] = []  # "la trêve conclue à Nairobi": where a text was signed is a venue too
    # "exige que X se retire", "la demande de retrait": what a demand asks is its content, not a happening;
    # whatever governs the demand (rejected, denied, reported) does not reach the content
    demand_words: list[str] = []
    aside_cases: list[str] = []  # "après la réaction de X": a phrase of time or cause names no crowd's state
    agreement_nouns: list[str] = []  # "l'arrêt de l'accord": an ended agreement's other side is its named party
    hypothetical_over_infinitive: list[str] = []
    leave_verbs: list[str] = []
    leave_objects: list[str] = []
    denial_words: list[str] = []
    demand_subjects: list[str] = []
    demand_conjunctions: list[str] = []
    claim_verbs: list[str] = []
    home_nouns: list[str] = []  # "l'opposition ivoirienne a dénoncé": acts at home (location rule 6)
    abroad_words: list[str] = []  # "depuis son exil": a state's people abroad (location rule 6)


class _TypeEntry(_Strict):
    score: float
    label: str
    modes: dict[str, float | None]


@table_schema("plover")
class PloverTable(_Strict):
    types: dict[str, _TypeEntry]
    contexts: list[str]


@dataclass(frozen=True)
class Lexicon:
    """Everything the coder looks up, indexed by lemma."""

    verbs: dict[str, tuple[VerbFrame, ...]]
    nouns: dict[str, NounFrame]
    senses: dict[str, tuple[NounFrame, ...]]  # "l'arrêt de l'accord" REJECT, "l'arrêt des combats" RETREAT
    classes: dict[str, frozenset[str]]
    object_contexts: dict[str, str]  # object lemma -> context
    object_control: frozenset[str]
    intent_nouns: frozenset[str]  # "la décision de X d'expulser": X expels
    status: StatusTable
    plover: PloverTable
    reporting: frozenset[str]
    negation: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]
    alleged_modifiers: frozenset[str]
    claim_nouns: frozenset[str]
    etre_verbs: frozenset[str]
    adjective_contexts: dict[str, str]  # "militaire" -> military
    hostile: frozenset[str] = frozenset()  # lemmas that name a hostile act ("frappe", "représailles")
    off_topic: frozenset[str] = frozenset()  # lemmas of sport, culture and faits divers
    off_topic_phrases: tuple[str, ...] = ()  # the same fields' expressions of several words
    name_heads: frozenset[str] = frozenset()  # "front", "armée": an event noun after them may be a name's

    def expand(self, names: list[str]) -> frozenset[str]:
        """Object lemmas a frame accepts, classes (``@military``) unfolded."""
        out: set[str] = set()
        for name in names:
            out |= self.classes[name[1:]] if name.startswith("@") else {name}
        return frozenset(out)

    def prep(self, word: str) -> str:
        """A preposition's base form: "au", "aux" → "à"."""
        low = word.lower()
        return self.status.contractions.get(low, low)

    def score(self, type_: str, mode: str | None) -> float:
        entry = self.plover.types[type_]
        if mode and entry.modes.get(mode) is not None:
            return float(entry.modes[mode])  # type: ignore[arg-type]
        return entry.score


@cache
def lexicon(lang: str = "fr") -> Lexicon:
    """Load and index the event tables of ``lang`` (once per process)."""
    verbs = VerbTable.model_validate(load_table("event_verbs", lang))
    nouns = NounTable.model_validate(load_table("event_nouns", lang))
    status = StatusTable.model_validate(load_table("status", lang))
    plover = PloverTable.model_validate(load_table("plover", lang))
    tables: list[tuple[str, list[VerbFrame] | list[NounFrame]]] = [
        ("event_verbs", [f for fs in verbs.verbs.values() for f in fs]),
        ("event_nouns", list(nouns.nouns.values()) + [f for fs in nouns.senses.values() for f in fs])]
    for where, frames in tables:
        for frame in frames:
            if frame.type not in plover.types:
                raise LanguageDataError(f"{where} ({lang}) uses unknown PLOVER type {frame.type!r}; "
                                        f"use one of {', '.join(plover.types)}")
            if frame.mode and frame.mode not in plover.types[frame.type].modes:
                raise LanguageDataError(f"{where} ({lang}): mode {frame.mode!r} is not a mode of {frame.type}")
    classes = {k: frozenset(v) for k, v in verbs.classes.items()}
    for lemma, senses in nouns.senses.items():
        for sense in senses:
            if not sense.of_objects:
                raise LanguageDataError(f"event_nouns ({lang}): the sense of {lemma!r} names no of_objects")
            for name in sense.of_objects:
                if name.startswith("@") and name[1:] not in classes:
                    raise LanguageDataError(f"event_nouns ({lang}): {lemma!r} names unknown class {name!r}")
    contexts: dict[str, str] = {}
    for context, ref in verbs.object_contexts.items():
        for lemma in classes.get(ref.lstrip("@"), frozenset()):
            contexts.setdefault(lemma, context.split("_")[0])
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.verbs.items()},
        nouns=dict(nouns.nouns),
        senses={k: tuple(v) for k, v in nouns.senses.items()},
        classes=classes,
        object_contexts=contexts,
        object_control=frozenset(verbs.object_control),
        intent_nouns=frozenset(verbs.intent_nouns),
        status=status,
        plover=plover,
        reporting=frozenset(status.reporting_verbs),
        negation=frozenset(status.negation),
        hypothetical=frozenset(status.hypothetical_words),
        planned=frozenset(status.planned_words),
        alleged_modifiers=frozenset(status.alleged_modifiers),
        claim_nouns=frozenset(status.claim_nouns),
        etre_verbs=frozenset(status.etre_verbs),
        adjective_contexts=dict(nouns.adjective_contexts),
        hostile=_hostile(verbs, nouns, status),
        off_topic=frozenset(w for w in status.off_topic_words if " " not in w),
        off_topic_phrases=tuple(w for w in status.off_topic_words if " " in w),
        name_heads=frozenset(nouns.name_heads),
    )


def _hostile(verbs: VerbTable, nouns: NounTable, status: StatusTable) -> frozenset[str]:
    """Lemmas that name a hostile act: the verbs whose every frame and the nouns whose frame is of a
    hostile type, and the words of ``hostile_words``."""
    types = set(status.hostile_types)
    out = set(status.hostile_words)
    out |= {lemma for lemma, frames in verbs.verbs.items() if frames and all(f.type in types for f in frames)}
    out |= {lemma for lemma, frame in nouns.nouns.items() if frame.type in types}
    out |= {lemma for lemma, frames in nouns.senses.items() if all(f.type in types for f in frames)}
    return frozenset(out)
