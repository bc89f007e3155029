"""The typed records dateline extracts, and the article they point into.

Every record is a frozen dataclass whose fields are domain words. Every record carries
character offsets into ``Article.text`` (a :class:`Span`), the sentence that is its evidence,
and ``stage``: the ``name@version`` of the stage that produced it, so a changed rule shows up
as a new version rather than as a silent change of old output.

The JSON shape of these records is the output contract of ``docs/contract.md`` (see
:mod:`dateline.contract`); field names here follow it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "organization", "country", "group"]
#: how a speaker's words are given; "belief" is an attribution whose cue is no speech act but a
#: belief, desire, perception or stance ("X believes ...", "X wants ...")
QuoteKind = Literal["direct", "partial", "indirect", "according_to", "belief"]
#: the kinds of quote that are words said or written (all but "belief")
SPEECH_KINDS: tuple[QuoteKind, ...] = ("direct", "partial", "indirect", "according_to")
Factuality = Literal["asserted", "reported", "claimed", "negated", "hypothetical", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PlaceFeature = Literal["town", "admin1", "admin2", "country", "continent", "region", "facility"]
MentionKind = Literal["name", "pronoun", "role", "demonym", "capital", "group", "title"]

#: Factualities under which an event counts as having happened (issue 6, PLOVER auxiliary modes).
HAPPENED: frozenset[str] = frozenset({"asserted", "reported", "claimed"})


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]`` always holds."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Article:
    """One dated news article.

    ``text`` is everything that is analysed and that offsets point into: the title line, the
    subtitle line (when there is one), then one paragraph per line. Readers build it that way so
    that a headline's quote or a subtitle's "reportedly" is evidence like any other sentence.
    """

    id: str
    date: dt.date
    title: str
    text: str
    subtitle: str | None = None
    source: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """sha256 of what determines the extraction: the date and the text."""
        digest = hashlib.sha256()
        digest.update(self.date.isoformat().encode())
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8"))
        return digest.hexdigest()

    @staticmethod
    def make_id(date: dt.date, text: str) -> str:
        """A stable id from the content, so the same article read twice gets the same id."""
        digest = hashlib.sha256(f"{date.isoformat()}\0{text}".encode()).hexdigest()
        return f"art-{date.isoformat()}-{digest[:12]}"


@dataclass(frozen=True, slots=True)
class Mention:
    """One stretch of text that refers to an actor ("Putin", "the Russian leader", "he")."""

    span: Span
    actor: str  # Actor.id
    kind: MentionKind
    sentence: Span
    stage: str


@dataclass(frozen=True, slots=True)
class Actor:
    """Somebody who acts or speaks: a person, an organisation, a country or a group.

    ``country`` is ISO 3166-1 alpha-3, or a PLOVER code (IGO, NGO, ...) for non-states.
    ``sector`` is the PLOVER sector (GOV, MIL, REB, COP, ...) when known.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    mentions: tuple[Mention, ...]
    stage: str
    #: where the country/sector came from: "table", "text" (a role read in the article), "ner"
    source: str = "ner"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised against the article date (TIMEX3)."""

    span: Span
    type: TimexType
    value: str  # TIMEX3 value: "2025-03-14", "2025-W11", "P3Y", "PAST_REF", ...
    earliest: dt.date | None
    latest: dt.date | None
    #: day, week, month, quarter, season, year, decade, century, time, duration, set
    granularity: str
    sentence: Span
    stage: str


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved to a gazetteer entry."""

    span: Span
    name: str
    feature: PlaceFeature
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    sentence: Span
    stage: str


#: A resolved place's own attributes, between its span and its evidence: the contract's place
#: fields and the ``place_*`` columns of the store's events (one list for every copy).
PLACE_ATTRIBUTES = ("name", "feature", "country", "admin1", "lat", "lon", "geonameid")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to: the local mention (maybe "he") and the resolved actor."""

    actor: str | None  # Actor.id, None when the text does not say who
    span: Span | None  # the local mention ("he", "Trump", "a spokesman")


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. ``span`` covers the content (without quotation marks)."""

    id: str
    span: Span
    kind: QuoteKind
    speaker: Speaker
    cue: Span | None
    sentence: Span
    stage: str
    #: the rule that found it ("quotation marks", "reporting verb", ...): why it is a quote
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as a day range; ``span`` is None when taken from the article date."""

    value: str
    earliest: dt.date | None
    latest: dt.date | None
    span: Span | None = None
    source: str = "article"  # "expression" | "article" | "speech"


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened; ``precision`` says how it was linked (clause, sentence, paragraph)."""

    place: Place
    precision: str


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, coded in PLOVER, with the sentence that says so."""

    id: str
    type: str  # one of the 16 PLOVER types
    mode: str | None
    context: tuple[str, ...]
    quad: (
        int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    )
    actors: tuple[str, ...]  # Actor.id
    recipients: tuple[str, ...]  # Actor.id
    date: EventDate
    place: EventPlace | None
    factuality: Factuality
    reporter: str | None  # Actor.id of whoever reports it (a quoted speaker); None = the outlet
    evidence: Span  # the sentence
    trigger: Span
    confidence: float
    stage: str
    cameo: str | None = None
    score: float | None = None  # PLOVER/Goldstein-style intensity, -10..10
    #: the argument noun phrases the actors/recipients were read from (evidence for the dyad)
    actor_spans: tuple[Span, ...] = ()
    recipient_spans: tuple[Span, ...] = ()
    #: the rule that coded it: a trigger lexicon row ("lexicon verb 'attack'"), a boundary rule
    #: ("captured combatants -> ASSAULT abduct (lexicon noun 'capture')"): why it is this type
    rule: str | None = None

    @property
    def happened(self) -> bool:
        return self.factuality in HAPPENED


@dataclass(frozen=True, slots=True)
class Claim:
    """A proposition attributed to a source, with the chain of those who repeat it."""

    id: str
    span: Span
    source: str | None  # Actor.id
    repeated_by: tuple[str, ...]
    stance: str  # "assert" | "repeat" | "deny" | "report"
    sentence: Span
    stage: str
    #: the rule that found it ("claim noun", "claim verb", "reporting adverb", ...)
    rule: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article. Stages fill it in pipeline order."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    model: str = ""

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def country_actor(self, country: str | None) -> str | None:
        """The id of the article's actor that is the country ``country`` itself (kind
        "country"), if the article names it: "our country" and "we" as a state resolve to it."""
        if country is None:
            return None
        return next(
            (a.id for a in self.actors if a.kind == "country" and a.country == country), None
        )
