"""When an event happened: the date of an event trigger, from the parse and the article's times.

:func:`event_date` dates an event trigger from the expression that governs its clause, keeping
the date of a speech apart from the date of the event spoken about; without one, from the
narrative's reference time (:func:`reference_time`). The events stage asks it for every event
(through :mod:`dateline.events.links`), once the times stage has found the article's time
expressions (``doc.extraction.times``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateline.caches import GovernedTime, TimesCache
from dateline.document import Document
from dateline.model import EventDate, TimeExpression
from dateline.temporal.calendar import add_months, month_end
from dateline.temporal.context import Tense
from dateline.temporal.tense import (
    GOVERNOR_HOPS,
    SPEECH_VERBS,
    VERBAL,
    governor,
    past_perfect,
    span_root,
    verb_tense,
)
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a paragraph this short (characters) that holds only a date is the publication's date line
DATE_LINE_MAX_CHARS = 60
#: how many clauses up from a trigger its date is looked for
DATE_CLAUSE_HOPS = 12
#: how far before a duration (characters) "within" or "in the next" is looked for
WITHIN_CHARS = 20


def _chain(token: Token) -> list[int]:
    """Token indices from ``token`` up to (and including) its governing verb."""
    chain = [token.i]
    for _ in range(GOVERNOR_HOPS):
        if token.pos_ in VERBAL or token.head.i == token.i:
            break
        token = token.head
        chain.append(token.i)
    return chain


def _times_cache(doc: Document) -> TimesCache:
    """What every event of the article reads of its time expressions, worked out on the first
    one (``doc.times_cache``, see :class:`~dateline.caches.TimesCache`)."""
    if doc.times_cache is None:
        governed = _governed_times(doc)
        # asked for every token on the way up from every trigger: the governed expressions are
        # indexed once per document by the tokens of their chains and by their governing verbs
        by_token: dict[int, list[int]] = {}
        by_verb: dict[int, list[int]] = {}
        for position, (_, chain) in enumerate(governed):
            for i in dict.fromkeys(chain):
                by_token.setdefault(i, []).append(position)
            by_verb.setdefault(chain[-1], []).append(position)
        doc.times_cache = TimesCache(
            governed=governed,
            by_token={i: tuple(positions) for i, positions in by_token.items()},
            by_verb={i: tuple(positions) for i, positions in by_verb.items()},
            # the same for every event of the article (but for a future one)
            usable=_usable(doc, future=False),
            usable_future=_usable(doc, future=True),
            main_clause=_main_clause_times(doc, governed),
            nominal=_nominal_times(doc, governed),
            occurrence=_occurrences(doc, governed, by_verb),
        )
    return doc.times_cache


def _governed_times(doc: Document) -> tuple[GovernedTime, ...]:
    governed = []
    for time in doc.extraction.times:
        if time.type not in ("DATE", "TIME") or (time.earliest is None and time.latest is None):
            continue
        root = span_root(doc.parsed, time.span.start, time.span.end)
        if root is not None:
            noun = _modified_noun(root) or _related_noun(root)
            chain = _chain(root) if noun is None else [root.i, *_path(root, noun)]
            governed.append(GovernedTime(time, tuple(chain)))
    return tuple(governed)


#: nouns of time that an expression modifies while dating the clause ("on the night of Friday")
_TIME_HEADS = word_set("times", "dating.time_head_nouns")
_NOMINAL = ("NOUN", "PROPN")
#: prepositions by which a verb happens within the event its object names
_DURING = word_set("times", "dating.during_prepositions")


def _modified_noun(root: Token) -> Token | None:
    """The noun an expression only modifies, which it dates and its clause's verb not: "a 1971
    Convention", "next week's G7 summits", "the demonstrations of early December", "the
    agreements of November 9, 2020, January 11". None when the expression hangs on a verb, or
    on a noun of time ("on the night of Friday, Oct. 23" dates the clause)."""
    token = root
    while token.dep_ == "conj" and token.head.i != token.i and token.head.dep_ != "ROOT":
        token = token.head  # a list of dates: the first one's attachment
    head = token.head
    # modifying the noun after it: "a 1971 Convention", "next week's summits", "1990s cases"
    if token.dep_ in ("nummod", "compound", "amod", "nmod", "poss") and head.pos_ in _NOMINAL:
        noun = head
    elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOMINAL:
        noun = head.head
    else:
        return None
    if noun.lower_ in _TIME_HEADS or _acts_in(noun):
        return None
    return noun


#: prepositions that order an event before or after the event their object names
_RELATION = word_set("times", "dating.relation_prepositions")


def _related_noun(root: Token) -> Token | None:
    """The event noun, on the way up from an expression, that a preposition of order puts
    another event before or after: "our first meeting after the events in January" dates the
    events, not the meeting."""
    token = root
    for _ in range(GOVERNOR_HOPS):
        head = token.head
        if head.i == token.i or token.pos_ in VERBAL:
            return None
        if (
            token.i != root.i
            and token.pos_ in _NOMINAL
            and token.dep_ == "pobj"
            and head.lower_ in _RELATION
            and token.lower_ not in _TIME_HEADS
        ):
            return token
        token = head
    return None


def _acts_in(noun: Token) -> bool:
    """Whether the verb over ``noun`` happens in the event it names, so that the noun's date is
    the verb's: its subject ("The Aug. 7, 1998, bombings killed more than 200 people") or the
    object of "in" on it ("was killed in an August 2015 U.S. drone strike")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return head.pos_ in VERBAL
    return noun.dep_ == "pobj" and head.lower_ in _DURING and head.head.pos_ in VERBAL


def _path(root: Token, noun: Token) -> list[int]:
    """Token indices above ``root`` up to ``noun`` (an ancestor of it), ``noun`` last."""
    path = []
    token = root
    for _ in range(GOVERNOR_HOPS):
        if token.i == noun.i or token.head.i == token.i:
            break
        token = token.head
        path.append(token.i)
    return path


def _governed(doc: Document) -> tuple[GovernedTime, ...]:
    return _times_cache(doc).governed


def _usable(doc: Document, *, future: bool) -> tuple[TimeExpression, ...]:
    """The expressions that may be a reference time (:func:`reference_time`): a day, week or
    month that is not the date line, and not after the article date unless the event is
    future."""
    dct = doc.article.date
    return tuple(
        t
        for t in doc.extraction.times
        if _tight(t)
        and (future or (t.latest is not None and t.latest <= dct))
        and not _date_line(doc, t)
    )


def _nominal_times(doc: Document, governed: tuple[GovernedTime, ...]) -> frozenset[int]:
    """ids of the expressions that only modify a noun below the sentence's root
    (:func:`_modified_noun`): "the European Union leaders ignored yesterday's criminal act"
    dates the act, and what its sentence tells of it, not the story."""
    nominal = set()
    for time, chain in governed:
        top = doc.parsed[chain[-1]]
        if top.pos_ not in VERBAL and top.dep_ != "ROOT":
            nominal.add(id(time))
    return frozenset(nominal)


def _time_governing(doc: Document, token: Token) -> TimeExpression | None:
    """A DATE/TIME expression attached to ``token`` itself or to its clause's verb; of several,
    the most directly attached ("addressed the spring session today": "today"). An expression
    whose root ``token`` is dates it first: "the full-scale invasion" is 2022-02-24 also in "on
    the 80th day of the full-scale invasion", which dates the clause."""
    verb = governor(token)
    cache = _times_cache(doc)
    governed, by_token, by_verb = cache.governed, cache.by_token, cache.by_verb
    positions: Sequence[int] = by_token.get(token.i, ())
    for p in positions:  # the token names a dated event itself ("the full-scale invasion")
        if governed[p][1][0] == token.i:
            return governed[p][0]
    if verb is not None and verb.i in by_verb:
        positions = sorted({*positions, *by_verb[verb.i]})
    if not positions:
        return None
    # the shortest chain; of equal ones the first, as min() over them in order would take
    return min((governed[p] for p in positions), key=lambda item: len(item[1]))[0]


#: the widest interval a reference time may have: a day, a week or a month dates the events that
#: follow it; a year or a decade is a topic, not the time of a narrative
REFERENCE_MAX_DAYS = 31


def _tight(time: TimeExpression) -> bool:
    return (
        time.type in ("DATE", "TIME")
        and time.earliest is not None
        and time.latest is not None
        and (time.latest - time.earliest).days <= REFERENCE_MAX_DAYS
    )


def reference_time(doc: Document, trigger: Token, tense: Tense) -> TimeExpression | None:
    """The time the narrative is at when it tells of the event at ``trigger`` without a time
    expression of its own (Reichenbach's reference time; Mani & Wilson 2000, "Robust temporal
    processing of news": an event with no time expression of its own is anchored to the
    reference time, which each time expression moves). In order:

    1. a day, week or month named in the trigger's own sentence, the nearest, unless it dates
       another finite clause ("Three monks were killed by the shelling on Wednesday", where "on
       Wednesday" hangs on "shelling"; but not "described the conversation - the second call
       since he returned to office in January -");
    2. for a past event (or a noun with no tense), the last one named before it in its
       paragraph;
    3. for the title, which tells the story the first paragraphs tell, the first recent one
       there (a news story's own time, not a flashback);
    4. the last recent one named before it anywhere: news returns to its own time after a
       flashback, so a date months back dates only its own paragraph.

    "Recent" is within ``RECENT_DAYS`` before the article date. Only a future event takes a
    reference after the article date. An older time carries on
    past its sentence only when it dates a main clause ("In 1994 the genocide began."), not a
    phrase ("the leaders emphasised cooperation, following their talks on February 4. Putin
    congratulated Xi": the congratulating is today). A date line standing alone in its
    paragraph ("Monday, May 18, 2015") is the article's date, not a time of the story. A past
    present event takes only its own sentence's. None when nothing applies: the caller dates the
    event by the article date.
    """
    at = trigger.idx
    cache = _times_cache(doc)
    usable = cache.usable_future if tense == "future" else cache.usable
    sentence = doc.sentence_of(trigger)
    own = [
        t
        for t in usable
        if sentence.start_char <= t.span.start < sentence.end_char
        and _dates_clause_of(doc, t, trigger)
    ]
    if own:
        return min(own, key=lambda t: abs(t.span.start - at))
    if tense in ("present", "future"):
        return None
    if not cache.narrative:
        cache.narrative.append(_narrative_times(doc, cache))
    recent, carried = cache.narrative[0]
    before = [t for t in carried if t.span.end <= at]
    paragraph = doc.paragraph_at(at)
    if paragraph is not None:
        same = [t for t in before if t.span.start >= paragraph.start]
        if same:
            return same[-1]
    if paragraph is not None and doc.paragraphs and paragraph.start == doc.paragraphs[0].start:
        lede = [t for t in recent if paragraph.end <= t.span.start < doc.lede_end()]
        if lede:
            return lede[0]
    earlier = [t for t in recent if t.span.end <= at]
    return earlier[-1] if earlier else None


def _narrative_times(
    doc: Document, cache: TimesCache
) -> tuple[list[TimeExpression], list[TimeExpression]]:
    """The usable expressions (for a past event) that are recent, and those that carry the
    narrative past their sentence (recent or dating a main clause): see
    :func:`reference_time`."""
    usable = cache.usable
    dct = doc.article.date
    # beyond its sentence, an expression that only modifies a noun dates nothing
    nominal = cache.nominal
    recent = [
        t
        for t in usable
        if t.latest is not None and (dct - t.latest).days <= RECENT_DAYS and id(t) not in nominal
    ]
    main = cache.main_clause
    # ``t in recent`` by identity: equal expressions are both recent or both not
    recent_ids = {id(t) for t in recent}
    return recent, [t for t in usable if id(t) in recent_ids or id(t) in main]


def _dates_clause_of(doc: Document, time: TimeExpression, trigger: Token) -> bool:
    """Whether ``time`` (in the trigger's sentence) can date the trigger's clause: it hangs on
    that clause, on one that holds it, or on a phrase inside it with no subject of its own."""
    chain = next((c for t, c in _governed(doc) if t is time), None)
    if chain is None:
        return True  # not a DATE/TIME the parse attaches: the sentence is all there is
    verb = doc.parsed[chain[-1]]
    clause = governor(trigger) or trigger
    if verb == clause or verb.is_ancestor(clause):
        return True
    if verb.pos_ not in VERBAL:  # it modifies a noun ("a 1971 Convention"): that noun's date
        return verb.i == trigger.i or verb.is_ancestor(trigger)
    if not clause.is_ancestor(verb):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _date_line(doc: Document, time: TimeExpression) -> bool:
    """ "Monday, May 18, 2015" alone on its line: the publication date, not a story time."""
    paragraph = doc.paragraph_at(time.span.start)
    if paragraph is None or len(paragraph.text) > DATE_LINE_MAX_CHARS:
        return False
    rest = list(paragraph.text)
    for other in doc.extraction.times:
        if paragraph.start <= other.span.start and other.span.end <= paragraph.end:
            for i in range(other.span.start - paragraph.start, other.span.end - paragraph.start):
                rest[i] = " "
    return sum(ch.isalnum() for ch in rest) <= 2


def _main_clause_times(doc: Document, governed: tuple[GovernedTime, ...]) -> frozenset[int]:
    """ids of the expressions that date a main clause: whose governing verb is the root of its
    sentence or coordinated with it."""
    main = set()
    for time, chain in governed:
        verb = doc.parsed[chain[-1]]
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ == "ROOT" and verb.pos_ in VERBAL:
            main.add(id(time))
    return frozenset(main)


#: how long before the article date a named day still belongs to the story's own time
RECENT_DAYS = 7


def event_date(
    doc: Document, trigger: Token, *, future: bool = False, happening: bool = False
) -> EventDate:
    """When the event whose trigger is ``trigger`` happened, as a value and a day range: the
    tightest interval the text allows.

    1. The expression that governs the trigger's clause wins (source "expression"); failing
       that, climb the tree: through coordinated, subordinate and relative clauses the nearest
       governing expression dates the event.
    2. Across a verb of saying the speech's date dates the event spoken about (source
       "speech"): what is said to happen or to have happened is dated like the saying (a
       readout's "they noted that the sanctions were unacceptable"), what is said to have
       happened before it ("said that Russia had attacked") ends then, what is said to come
       later starts then.
    3. With no expression, a future event (by its tense, or ``future``: the events stage read
       it as planned or hypothetical; not when ``happening``: the events stage read it as done)
       lies after the article date, open-ended; any other takes
       the reference time of the narrative (source "reference", :func:`reference_time`), else
       the article date itself (source "article": a readout's call, an address's "we"). A
       title's event first takes the date an expression gives it in the body
       (:func:`_told_in_body`).
    """
    verb = governor(trigger)
    tense = verb_tense(verb) if verb is not None else None
    if future:
        tense = "future"
    elif happening and tense == "future":
        # the events stage read it as done or being done ("I hope that this meeting will be
        # useful", said at the meeting; "Please accept my gratitude"): no later, open date
        tense = "present"
    occurrence = _occurrence_clause(doc, trigger)
    if occurrence is not None:
        return _dated_by(doc, occurrence, tense, "expression")
    token = trigger
    for _ in range(DATE_CLAUSE_HOPS):
        time = _time_governing(doc, token)
        if time is not None:
            return _dated_by(doc, time, tense, "expression")
        clause = governor(token) or token
        time = _when_clause(doc, clause)
        if time is not None:
            return _dated_by(doc, time, tense, "expression")
        head = clause.head
        if head.i == clause.i == token.i:
            # at the root: another hop would ask the same questions of the same token (spaCy
            # makes a new Token on every access, so ``head is clause`` never held and the root
            # was asked DATE_CLAUSE_HOPS times)
            break
        if clause.dep_ in ("ccomp", "parataxis") and head.lemma_ in SPEECH_VERBS:
            speech = event_date(doc, head)
            if tense == "future":  # "will finish its investigation within a year, it said"
                within = _within(doc, trigger)
                latest = (
                    _add_period(speech.earliest, within.value)
                    if within is not None and speech.earliest is not None
                    else None
                )
                return EventDate("FUTURE_REF", speech.earliest, latest, speech.span, "speech")
            if verb is not None and past_perfect(verb):  # "said that Russia had attacked"
                return EventDate("PAST_REF", None, speech.latest, speech.span, "speech")
            return EventDate(speech.value, speech.earliest, speech.latest, speech.span, "speech")
        token = head
    told = _told_in_body(doc, trigger)
    if told is not None:
        return told
    day = doc.article.date
    reference = reference_time(doc, trigger, tense)
    if reference is not None:
        return _dated_by(doc, reference, tense, "reference")
    if tense == "future":
        within = _within(doc, trigger)
        if within is not None:  # "will finish its investigation within a year"
            return EventDate(
                "FUTURE_REF", day, _add_period(day, within.value), within.span, "expression"
            )
        return EventDate("FUTURE_REF", day, None, None, "article")
    return EventDate(day.isoformat(), day, day, None, "article")


#: relative adverbs of time ("when")
_WHEN = word_set("times", "dating.time_relative_adverbs")
#: what may stand between an expression and the relative adverb after it (", when")
_BEFORE_WHEN = re.compile(r"[\s,]*")


def _when_clause(doc: Document, clause: Token) -> TimeExpression | None:
    """The expression just before the "when" that opens ``clause``: "the larger demonstrations
    of early December, when hundreds of thousands of people rallied" (the parser hung the
    clause on "return", two nouns up). A relative "when" refers to the time named before it
    (Quirk et al. 1985, 17.13: relative adverbs of time)."""
    if clause.dep_ not in ("relcl", "advcl"):
        return None
    when = next(
        (c for c in clause.children if c.lower_ in _WHEN and c.dep_ == "advmod" and c.i < clause.i),
        None,
    )
    if when is None or when.i > clause.left_edge.i:
        return None
    for time, _ in _governed(doc):
        end = time.span.end
        if end <= when.idx and _BEFORE_WHEN.fullmatch(doc.text, end, when.idx):
            return time
    return None


#: verbs whose relative clause on an event noun says when it happens
_OCCURRENCE = word_set("times", "dating.occurrence_verbs")


def _occurrence_clause(doc: Document, trigger: Token) -> TimeExpression | None:
    """The expression of a relative clause that says when the event a noun names happens: "the
    brawl that took place on 25 February last year", "the Eastern Partnership Summit, which is
    scheduled for December 15, 2021"."""
    return _times_cache(doc).occurrence.get(trigger.i)


def _occurrences(
    doc: Document, governed: tuple[GovernedTime, ...], by_verb: dict[int, list[int]]
) -> dict[int, TimeExpression]:
    """noun token index -> the expression its relative clause of occurrence is dated by (see
    :func:`_occurrence_clause`), worked out once per article from the governing verbs."""
    found: dict[int, TimeExpression] = {}
    for i, positions in by_verb.items():
        verb = doc.parsed[i]
        noun = verb.head
        if (
            verb.dep_ in ("relcl", "acl")
            and noun.pos_ in _NOMINAL
            and verb.lemma_.lower() in _OCCURRENCE
            and noun.i not in found
        ):
            found[noun.i] = min((governed[p] for p in positions), key=lambda g: len(g[1]))[0]
    return found


def _dated_by(doc: Document, time: TimeExpression, tense: Tense, source: str) -> EventDate:
    """An event dated by the expression ``time`` (``source`` says how it was found), ending at the
    article date when its verb is past (:func:`_until_article`)."""
    return EventDate(time.value, time.earliest, _until_article(doc, time, tense), time.span, source)


def _until_article(doc: Document, time: TimeExpression, tense: Tense) -> dt.date | None:
    """The last day an event in the past tense dated by ``time`` may have: not after the article
    date ("Turkey has suffered a series of fatal bombings in 2016", said in December 2016, ends
    at the article date)."""
    day = doc.article.date
    if (
        tense == "past"
        and time.latest is not None
        and time.earliest is not None
        and time.earliest <= day < time.latest
    ):
        return day
    return time.latest


def _told_in_body(doc: Document, trigger: Token) -> EventDate | None:
    """A title's event without an expression of its own takes the date the body gives it
    ("Marc Emery released after arrest in Montreal marijuana shop raids" over "was arrested
    ... on Friday evening during a series of raids"): that of the body's first mention of its
    trigger word, when an expression dates it."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2 or trigger.idx >= paragraphs[0].end:
        return None
    # a title's lemmas may be its words: the body's first token of either
    token = doc.next_telling(trigger, paragraphs[1].start)
    if token is None:
        return None
    found = event_date(doc, token)
    return found if found.source == "expression" else None


_WITHIN = re.compile(r"\b(?:within|in\s+the\s+next|over\s+the\s+next|in)\s+\Z", re.I)


_PERIOD = re.compile(r"^P(\d+)([YMWD])$")


def _within(doc: Document, trigger: Token) -> TimeExpression | None:
    """A duration that bounds a future event from the article date: "within a year", "in the
    next two weeks", "in 48 hours" in the trigger's clause."""
    verb = governor(trigger)
    sentence = trigger.sent
    for time in doc.extraction.times:
        if time.type != "DURATION" or not _PERIOD.match(time.value):
            continue
        if not (sentence.start_char <= time.span.start < sentence.end_char):
            continue
        root = span_root(doc.parsed, time.span.start, time.span.end)
        if root is None or governor(root) not in (verb, trigger):
            continue
        if _WITHIN.search(doc.text, max(0, time.span.start - WITHIN_CHARS), time.span.start):
            return time
    return None


def _add_period(day: dt.date, value: str) -> dt.date | None:
    match = _PERIOD.match(value)
    if match is None:
        return None
    amount, unit = int(match[1]), match[2]
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit == "W":
        return day + dt.timedelta(weeks=amount)
    year, month = add_months(day.year, day.month, amount * (12 if unit == "Y" else 1))
    return dt.date(year, month, min(day.day, month_end(year, month).day))
