"""Places: toponyms recognised in the parse, resolved to gazetteer places, metonyms kept apart.

Recognition takes spaCy's GPE, LOC and FAC entities (the entity ruler adds gazetteer admin1
areas and big towns, see :mod:`dateline.gazetteer.patterns`), widened to an admin form around
them ("the Kursk region", "Donetsk Oblast", "the province of Helmand"). Resolution is
:mod:`dateline.gazetteer.resolve`. A capital or country used for its government ("Moscow
said", "Kyiv's forces") is an actor, not a place (:mod:`dateline.stages.metonymy`); the actors
stage resolves it (rule below, :func:`is_metonymic`).

``event_place(doc, trigger)`` gives the events stage the place of an event: the place in the
trigger's own clause, else in its sentence, else the nearest preceding one in the paragraph.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.gazetteer.clues import AREA_WORDS
from dateline.model import EventPlace, Place
from dateline.stages import register
from dateline.stages.base import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.gazetteer import PlaceEntry
    from dateline.gazetteer.resolve import Toponym

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entities the small model tags LOC that are directions, not places ("the South" is kept by
#: the regions table only when written as a region name).
COMPASS_WORDS = frozenset({"North", "South", "East", "West", "South East", "North West"})
#: Feature preference when several places share the trigger's clause: the most specific first.
SPECIFICITY = {"facility": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
NOTE_TOKENS = "places.tokens"  # doc.notes key: list of (token start, token end, Place)


class PlacesStage:
    name = "places"
    version = "0.3.1"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        spans = recognise(doc)
        spans = [s for s in spans if not is_metonymic(s)]
        places = resolve_spans(doc, [(s.start_char, s.end_char) for s in spans], self)
        kept = []
        by_token: list[tuple[int, int, Place]] = []
        for span, place in zip(spans, places, strict=True):
            if place is None:
                continue
            kept.append(place)
            by_token.append((span.start, span.end, place))
        doc.extraction.places = kept
        doc.notes[NOTE_TOKENS] = by_token
        return doc


def recognise(doc: Document) -> list[SpacySpan]:
    """Toponym spans: place entities, widened to "the X region" / "the province of X"."""
    parsed = doc.parsed
    spans = []
    for ent in parsed.ents:
        if ent.label_ not in PLACE_LABELS and not _located_name(ent):
            continue
        start, end = ent.start, ent.end
        if parsed[start].lower_ == "the" and end - start > 1:
            start += 1  # "the White House": the article is not part of the name
        if ent.text in COMPASS_WORDS:
            continue
        if (
            end < len(parsed)
            and parsed[end].lower_ in AREA_WORDS
            and not (end + 1 < len(parsed) and parsed[end + 1].is_title)
        ):
            end += 1  # "Kursk region", but not "U.S. District Court"
        elif (
            start >= 2
            and parsed[start - 1].lower_ == "of"
            and parsed[start - 2].lower_ in AREA_WORDS
        ):
            start -= 2  # "province of Helmand"
        if _names_something_else(parsed, end):
            continue
        spans.append(parsed[start:end])
    spans.extend(_datelines(doc, {t.i for span in spans for t in span}))
    return sorted(spans, key=lambda span: span.start)


#: Prepositions that make their object a location ("born in Churchill", "a fire at Danbury").
LOCATIVE = frozenset({"in", "at", "near", "outside", "from"})


def _located_name(ent: SpacySpan) -> bool:
    """An ORG the small model got wrong: a gazetteer town or area after a locative preposition
    ("in Danbury", "from Churchill, Man."). Only names the gazetteer has as their own name."""
    from dateline.gazetteer import load_gazetteer

    root = ent.root
    if ent.label_ != "ORG" or root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE:
        return False
    return any(e.kind == 0 and e.feature != "country" for e in load_gazetteer().lookup(ent.text))


def _datelines(doc: Document, taken: set[int]) -> list[SpacySpan]:
    """News datelines: a paragraph opening with a place in capitals ("DETROIT The U.S. ...",
    "BERLIN (Reuters) -"), which the small model rarely tags."""
    from dateline.gazetteer import load_gazetteer

    parsed = doc.parsed
    found = []
    for paragraph in doc.paragraphs[:3]:
        span = parsed.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        if span is None:
            continue
        end = span.start
        while (
            end < span.end
            and end - span.start < 3
            and parsed[end].is_upper
            and parsed[end].is_alpha
        ):
            end += 1
        if end == span.start or any(i in taken for i in range(span.start, end)):
            continue
        words = parsed[span.start : end]
        if len(words.text) >= 4 and any(e.kind == 0 for e in load_gazetteer().lookup(words.text)):
            found.append(words)
    return found


#: Heads of names that contain a toponym but name no place: treaties, formats, newspapers.
#: ("Ontario Premier", "Toronto police" stay places: they locate an office or a force.)
NAME_HEADS = frozenset(
    """convention conventions agreement agreements accord accords protocol protocols treaty
    declaration charter format process club times post herald journal tribune""".split()  # noqa: SIM905
)


def _names_something_else(parsed: SpacyDoc, end: int) -> bool:
    """ "the Geneva Convention", "the Paris Agreement": the toponym only modifies a name."""
    if end >= len(parsed):
        return False
    after = parsed[end]
    return after.is_title and after.lower_ in NAME_HEADS


def resolve_spans(
    doc: Document, offsets: list[tuple[int, int]], stage: PlacesStage | None = None
) -> list[Place | None]:
    """Resolve the toponyms at the given character offsets, each in the context of the others
    and of the article's demonyms. Used by the stage and by ``dateline eval places`` (gold
    spans): one toponym that has no gazetteer entry gets None and changes nothing else."""
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.clues import lists, toponyms_at
    from dateline.gazetteer.outlets import outlet_country
    from dateline.gazetteer.resolve import resolve_toponyms

    gazetteer = load_gazetteer()
    text = doc.text
    toponyms = toponyms_at(text, offsets)
    article = doc.article
    entries = resolve_toponyms(
        gazetteer,
        toponyms,
        demonym_countries=_demonym_countries(doc),
        outlet=outlet_country(article.url, article.source),
        groups=lists(text, offsets),
    )
    stamp = f"{PlacesStage.name}@{PlacesStage.version}" if stage is None else doc.stamp(stage)
    return [
        None if entry is None else _place(doc, toponym, entry, stamp)
        for toponym, entry in zip(toponyms, entries, strict=True)
    ]


def _demonym_countries(doc: Document) -> Counter[str]:
    from dateline.countries import country_by_demonym

    found: Counter[str] = Counter()
    for ent in doc.parsed.ents:
        if ent.label_ == "NORP":
            country = country_by_demonym(ent.text)
            if country is not None:
                found[country.alpha2] += 1
    return found


def _place(doc: Document, toponym: Toponym, entry: PlaceEntry, stamp: str) -> Place:
    feature = (
        entry.feature if entry.feature in SPECIFICITY or entry.feature == "continent" else "town"
    )
    return Place(
        span=doc.span(toponym.start, toponym.end),
        name=entry.name,
        feature=feature,  # type: ignore[arg-type]
        country=entry.alpha3,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        sentence=doc.sentence_at(toponym.start),
        stage=stamp,
    )


def event_place(doc: Document, trigger: Token) -> EventPlace | None:
    """Where the event whose trigger is ``trigger`` happened, or None when the text says not.

    The place in the trigger's own clause ("clause"), else one in its sentence ("sentence"),
    else the nearest place before it in the same paragraph ("paragraph", lower precision).
    Among several, the most specific wins (town over admin1 over country), then the nearest.
    Country names that only give an actor's nationality ("his Ukraine envoy") are skipped.
    """
    located: list[tuple[int, int, Place]] = doc.notes.get(NOTE_TOKENS, [])
    if not located:
        return None
    parsed = trigger.doc
    clause = _clause_head(trigger)
    sentence = trigger.sent
    in_clause: list[tuple[int, Place]] = []
    in_sentence: list[tuple[int, Place]] = []
    before: list[tuple[int, Place]] = []
    for start, end, place in located:
        root = parsed[start:end].root
        if place.feature == "country" and _is_nationality(root):
            continue
        if sentence.start <= start < sentence.end:
            (in_clause if _clause_head(root) == clause else in_sentence).append((start, place))
        elif end <= trigger.i:
            before.append((start, place))
    for group, precision in ((in_clause, "clause"), (in_sentence, "sentence")):
        if group:
            _, place = min(
                group,
                key=lambda item: (SPECIFICITY.get(item[1].feature, 6), abs(item[0] - trigger.i)),
            )
            return EventPlace(place=place, precision=precision)
    paragraph = doc.paragraph_at(trigger.idx)
    if paragraph is not None:
        candidates = [(s, p) for s, p in before if p.span.start >= paragraph.start]
        if candidates:
            return EventPlace(
                place=max(candidates, key=lambda item: item[0])[1], precision="paragraph"
            )
    return None


#: Dependency labels that head a clause (ClearNLP labels used by spaCy's English models).
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "conj", "parataxis"}
)


def _clause_head(token: Token) -> Token:
    """The verb heading the clause that ``token`` is in (the token itself for a verb)."""
    current = token
    while True:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:  # the root (spaCy builds a new Token on each access)
            return current
        current = current.head


def _is_nationality(token: Token) -> bool:
    """ "his Ukraine envoy", "the Russia team": a country name modifying a noun."""
    return token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN")


# --- Metonymy -------------------------------------------------------------------------------
# A country or national capital that acts is its government: "Moscow said", "Kyiv's forces",
# "left Washington more aligned with Moscow" (Markert & Nissim 2007, SemEval-2007 task 8:
# place-for-people is the commonest metonymy of location names; its clearest cues are the
# subject of a speech or agentive verb and the possessor of an organisation noun).
#: Verbs whose subject is an agent (lemmas): speech acts and deliberate acts of states.
AGENT_VERBS = frozenset(
    """say tell announce claim deny accuse warn demand insist reject agree sign threaten condemn
    urge respond retaliate sanction want decide refuse ask vow pledge promise propose offer
    support oppose criticize criticise blame protest welcome deploy launch invade impose expel
    recognize recognise confirm state argue note add suggest believe hope plan seek intend order
    send veto vote approve block halt suspend withdraw resume negotiate insist acknowledge admit
    allege dismiss request call push press pressure""".split()  # noqa: SIM905
)
#: Nouns whose possessor is an actor: forces, governments, their officials and their acts.
AGENT_NOUNS = frozenset(
    """force forces troops army military government president leader leadership official
    officials ministry minister regime administration navy soldiers diplomat diplomats envoy
    ambassador authorities parliament demand demands claim claims proposal position response
    decision policy support allies ally intelligence offensive invasion aggression strikes
    delegation negotiators spokesman spokeswoman security backing""".split()  # noqa: SIM905
)
#: Prepositions after which a capital stands for its government ("aligned with Moscow").
AGENT_PREPOSITIONS = frozenset({"with", "between", "against", "by"})


def is_metonymic(span: SpacySpan) -> bool:
    """Whether a toponym names a state acting (an actor) rather than a place. Only countries and
    national capitals qualify; cues are read on the dependency parse of the span's root."""
    from dateline.countries import country_by_capital, country_by_name

    text = span.text.removesuffix("’s").removesuffix("'s")
    capital = country_by_capital(text) is not None
    if not capital and country_by_name(text) is None:
        return False
    if _is_dateline(span):
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:  # "Turkey and Russia said"
        token = token.head
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in AGENT_VERBS:
        return True
    if token.dep_ == "poss":
        return head.lower_ in AGENT_NOUNS or head.lemma_.lower() in AGENT_NOUNS
    if not capital:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and (
        head.pos_ == "VERB" or any(c.dep_ == "acomp" and c.pos_ == "VERB" for c in head.children)
    ):
        return True  # a capital doing anything: "Washington was more aligned with Moscow"
    if token.dep_ == "dobj" and any(c.dep_ in ("oprd", "xcomp", "acomp") for c in head.children):
        return True  # the subject of a small clause: "left Washington more aligned"
    return token.dep_ == "pobj" and head.lower_ in AGENT_PREPOSITIONS


def _is_dateline(span: SpacySpan) -> bool:
    """ "LONDON, Ky. -", "BERLIN (Reuters) -": a name opening its sentence and cut off by
    punctuation locates the story; the parser often makes it the verb's subject."""
    parsed = span.doc
    return (
        span.start == span.sent.start
        and span.end < len(parsed)
        and parsed[span.end].text in {",", "(", "-", "—", "–"}
        and span.text.isupper()
    )


@register("places")
def create(config: PipelineConfig) -> PlacesStage:
    return PlacesStage(config)
