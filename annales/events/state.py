"""Working records of the coder: the state of one document and what a trigger's roles and status are."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from annales.events.tables import Lexicon
from annales.model import ActorMention, DateValue, Document, Entity, Place, Quote, Timex


class ActorLookup(Protocol):
    """What the coder asks of the actors resolver (:class:`annales.actors.resolver.Resolver`)."""

    def country(self, code: str) -> Entity | None: ...
    def country_of(self, word: str) -> str | None: ...
    def is_news_agency(self, entity: Entity) -> bool: ...
    def place(self, text: str) -> Place | None: ...


@dataclass
class Roles:
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    place: Place | None = None
    fallback: bool = False  # the actor came from proximity, not syntax
    crowd: bool = False  # the actor is the people of the place (an unnamed crowd)
    theme: list[Entity] = field(default_factory=list)


@dataclass
class Status:
    status: str = "asserted"
    claimed_by: tuple[Entity, ...] = ()
    denied_by: tuple[Entity, ...] = ()
    speaker: tuple[Entity, ...] = ()  # who reports it (reporting verb, selon, quote)
    speech: Token | None = None  # the reporting verb, when there is one
    tense: str = "present"


@dataclass
class DocState:
    """Working state of one document."""

    doc: Doc
    document: Document
    lex: Lexicon
    resolver: ActorLookup
    mentions: list[ActorMention]
    timexes: list[Timex]
    quotes: list[Quote]
    by_token: dict[int, list[ActorMention]]
    paragraph_date: dict[int, tuple[DateValue, Timex | None]] = field(default_factory=dict)
    accusations: list[tuple[tuple[Entity, ...], tuple[Entity, ...]]] = field(default_factory=list)
    told: list[tuple[str, tuple[Entity, ...], tuple[Entity, ...], Place | None]] = field(default_factory=list)  # (type, actor, recipient, place) of the events coded so far
    last_person: Entity | None = None
    recent: list[Entity] = field(default_factory=list)  # entities named so far, latest last
    previous: list[Entity] = field(default_factory=list)  # entities of the sentence before
    group_at: int = 0  # token index of the "les deux ..." being resolved
    last_place: Place | None = None
    named_states: list[Place] = field(default_factory=list)  # states named so far, as places, latest last ("ce pays")
    last_subject: list[Entity] = field(default_factory=list)  # the subject named last
    current: Span | None = None  # the sentence being coded (spaCy's sentences re-joined)
    text: str = ""  # doc.text, built once (spaCy rebuilds it on every access)
    breaks: list[int] = field(default_factory=list)  # offsets of paragraph breaks
    dated: dict[tuple, Timex | None] = field(default_factory=dict)  # memo of governing_date
    moved: set[tuple[int, int, str]] = field(default_factory=set)  # dates of another event, moved from its clause's
    triggers: set[int] = field(default_factory=set)  # character offsets of this sentence's triggers
    dateline: list[Place | None] = field(default_factory=list)  # memo: the place the article was filed from
    story: tuple[DateValue | None] | None = None  # the day the article's story is on, once looked for
    visits: list[tuple[frozenset[str], Place, int]] = field(default_factory=list)  # (states taking part, place, paragraph) of the meetings told
    open_sides: set[str] = field(default_factory=set)  # ids of events whose doer is unknown on purpose
