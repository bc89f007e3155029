"""The times stage: temporal expressions normalised against the article date, and event dating.

Recognition and normalisation are :mod:`dateline.temporal` (HeidelTime-style rules in pure
Python, Strötgen & Gertz 2013); this module adds what needs the parse: the tense of the verb
that governs an expression (to anchor "Tuesday" or "in January" before or after the article
date), and :func:`event_date`, which dates an event trigger from the expression that governs its
clause, keeping the date of a speech apart from the date of the event spoken about.

``doc.notes["times.governors"]`` caches, per sentence start, the token chain from each
expression up to its governing verb (written and read by :func:`event_date` only).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.model import EventDate, TimeExpression
from dateline.stages import register
from dateline.stages.base import Document
from dateline.temporal.anaphora import (
    ANAPHORIC_RULES,
    CLOCK_RULES,
    Reference,
    clock_day,
    resolve,
)
from dateline.temporal.calendar import add_months, bounds, month_end
from dateline.temporal.context import Context, Norm, Tense, date_norm
from dateline.temporal.grammar import Candidate, candidates, lowercase, pick_longest
from dateline.temporal.history import historical_events
from dateline.temporal.normalize import normalize, offset_from_article, outside_calendar
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

_VERBAL = ("VERB", "AUX")
#: words before an expression that point it to the coming one unless the verb is past
_UNTIL_CUE = re.compile(
    r"(?:\bas\s+(?:soon|early)\s+as|\buntil|\btill|\bno\s+later\s+than)\s+\Z", re.I
)
_THROUGH_CUE = re.compile(r"\b(?:through|thru)\s+\Z", re.I)
_FOR_CUE = re.compile(r"\bfor\s+\Z", re.I)
_AS_OF = re.compile(r"\bas\s+of\s+\Z", re.I)
#: "would be redeemed in five years": a future event that many units after the article date
#: is dated by an offset (TimeML: DATE; TBAQ-cleaned "in five years" in 1989 is 1994), not a
#: duration ("within five years" stays one)
_IN_CUE = re.compile(r"(?<!\w)in\s+\Z", re.I)
#: an offset given roughly ("in a year or two", "in a month or so") is only a future time
_OR_SO = re.compile(r"\s+or\s+(?:so|more|two|three)\b", re.I)
#: the rules of expressions that name a day: a present tense governing one is a schedule
_DAY_RULES = frozenset({"weekday", "month_day", "day_month", "numeric_date", "holiday"})
#: "Tuesday's declaration"
_POSSESSIVE = re.compile(r"(?:'s|’s)\b")
#: dividends and rules announced in the past tense take effect later: "declared a dividend,
#: payable Dec. 7", "new criteria effective Jan. 1" (a date after these words is not yet past)
_FORWARD_CUE = re.compile(r"\b(?:payable|effective)\s+(?:on\s+|from\s+)?\Z", re.I)
#: "since" starts a span that reaches the present: what follows it is past
_SINCE = re.compile(r"\bsince\s+\Z", re.I)
#: units of a span long enough that "recent" ones are a past time of their own (``vague_span``)
_LONG_UNITS = word_set("times", "stage.long_span_units")
_FUTURE_AUX = word_set("times", "stage.future_auxiliaries")
#: verbs whose past tense is their base form ("hurt", "cut", "set")
_INVARIANT_PAST = word_set("times", "stage.invariant_past_verbs")
#: verbs of wishing that "would" makes polite, not future: "I would like to thank you"
_PERFORMATIVE = word_set("times", "stage.polite_wish_verbs")
#: modals of possibility and obligation: what may or must happen has not yet ("may soon seek")
_POSSIBILITY_MODALS = word_set("times", "stage.possibility_modals")
#: verbs whose infinitive complement is in the future of the verb ("plans to visit in May")
_PROSPECTIVE = word_set("times", "stage.prospective_verbs")
#: participles that announce a later event ("talks scheduled for Monday")
_SCHEDULED = word_set("times", "stage.scheduled_participles")
#: verbs of saying and reporting: a clause under them is reported speech (Bergler 2006, and the
#: reporting-verb list of the PolNeAR annotation guidelines)
SPEECH_VERBS = word_set("times", "stage.speech_verbs")
#: verbs that move an event to a later date: "postponed until Tuesday" looks forward in the past
_POSTPONE = word_set("times", "stage.postpone_verbs")
#: verbs that fix the date of a later event: "has scheduled a news conference Thursday"
_SCHEDULE = word_set("times", "stage.schedule_verbs")
#: verbs that do so only with "for": "a vote set for May" (but "set a record on Monday")
_SCHEDULE_FOR = word_set("times", "stage.schedule_for_verbs")
#: how many heads up the tree a token's governing verb is looked for (a longer chain leaves the
#: clause)
GOVERNOR_HOPS = 8
#: how many clauses up (conjuncts, complements) a verb without tense of its own borrows one
TENSE_HOPS = 4
#: how far before a time expression (characters) its cue is read ("until", "since", "as of")
CUE_CHARS = 30
#: a paragraph this short (characters) that holds only a date is the publication's date line
DATE_LINE_MAX_CHARS = 60
#: how many clauses up from a trigger its date is looked for
DATE_CLAUSE_HOPS = 12
#: how far before a duration (characters) "within" or "in the next" is looked for
WITHIN_CHARS = 20


class TimesStage:
    name = "times"
    version = "1.7.0"  # 1.7: recent years by aspect, ranges, seasons, quarter codes (issue 14)

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        doc.extraction.times = find_times(doc, doc.stamp(self))
        return doc


@register("times")
def create(config: PipelineConfig) -> TimesStage:
    return TimesStage(config)


def find_times(doc: Document, stage: str) -> list[TimeExpression]:
    """Every temporal expression of the article, in text order."""
    text, dct, parsed = doc.text, doc.article.date, doc.parsed
    found: list[tuple[Candidate, Norm]] = []
    contexts: dict[int, Context] = {}
    quarter: str | None = None
    matches = list(candidates(text))
    matches += [
        Candidate(start, end, "history", {"value": value})
        for start, end, value in historical_events(lowercase(text))
    ]
    for cand in sorted(matches, key=lambda c: c.start):
        if cand.rule == "history":
            value = cand.groups["value"]
            earliest, latest, granularity = bounds(value, dct)
            found.append((cand, Norm("DATE", value, earliest, latest, granularity)))
            continue
        tense = direction_at(text, parsed, cand.start, cand.end, day=cand.rule in _DAY_RULES)
        ctx = Context(dct, tense, quarter)
        norm = normalize(cand.rule, cand.groups, ctx)
        if norm is None:
            continue
        if (
            cand.rule == "duration"
            and tense == "future"
            and _IN_CUE.search(text, max(0, cand.start - CUE_CHARS), cand.start)
        ):
            vague = _OR_SO.match(text, cand.end)  # "you may, in a year or two, save lives"
            norm = (
                date_norm("FUTURE_REF", ctx)
                if vague
                else offset_from_article(cand.groups, ctx) or norm
            )
        if cand.rule == "quarter" and "-Q" in norm.value:
            quarter = norm.value
        if cand.rule == "duration" and _someday(parsed, cand):
            norm = date_norm("FUTURE_REF", ctx)
        if cand.rule == "vague_span" and _past_time_not_span(parsed, cand):
            norm = date_norm("PAST_REF", ctx)
        contexts[id(cand)] = ctx
        found.append((cand, norm))
    chosen = _anchored(doc, _clock_with_day(text, pick_longest(found)), contexts)
    return [
        TimeExpression(
            span=doc.span(cand.start, cand.end),
            type=norm.type,  # type: ignore[arg-type]
            value=norm.value,
            earliest=norm.earliest,
            latest=norm.latest,
            granularity=norm.granularity,
            sentence=doc.sentence_at(cand.start),
            stage=stage,
        )
        for cand, norm in chosen
    ]


def _someday(parsed: SpacyDoc, cand: Candidate) -> bool:
    """ "Islam will one day be the second largest religion": "one day" between a modal and its
    verb is an unnamed future time (TBAQ-cleaned: FUTURE_REF), not a day's length ("the
    strike will last one day")."""
    groups = cand.groups
    if groups.get("num", "").lower() != "one" or groups["unit"].lower() != "day" or "det" in groups:
        return False
    span = parsed.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    return parsed[span.start - 1].tag_ == "MD"


def _past_time_not_span(parsed: SpacyDoc, cand: Candidate) -> bool:
    """ "As the yen soared in recent years", "there were sell programs in past years": without
    the perfect, recent or past years are a past time (TimeML: DATE PAST_REF), not a span; the
    perfect makes them the span that reaches the present ("Kidnappings have risen in recent
    years": DURATION PXY). Weeks and months stay spans whatever the tense ("in recent weeks,
    sources reported": PXW). TBAQ-cleaned and MEANTIME dev halves: 7 of 7 years by this test."""
    if cand.groups["way"].lower() == "coming" or cand.groups["unit"].lower() not in _LONG_UNITS:
        return False
    verb = _verb_of(parsed, cand.start, cand.end)
    return verb is not None and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    )


def _anchored(
    doc: Document, found: list[tuple[Candidate, Norm]], contexts: dict[int, Context]
) -> list[tuple[Candidate, Norm]]:
    """Anaphoric expressions re-anchored to the reference time, clock times to their day."""
    ref = Reference()
    out: list[tuple[Candidate, Norm]] = []
    for cand, norm in found:
        if cand.rule in ANAPHORIC_RULES and id(cand) in contexts:
            try:
                norm = resolve(cand.rule, cand.groups, norm, ref, contexts[id(cand)])
            except (OverflowError, ValueError) as exc:
                if not outside_calendar(exc):  # "the following year" after 9999: unresolved
                    raise
        ref.update(norm)
        out.append((cand, norm))
    sentences = [doc.sentence_at(cand.start).start for cand, _ in out]
    for i, (cand, norm) in enumerate(out):
        if cand.rule not in CLOCK_RULES or norm.granularity != "time":
            continue
        # a day, or a clock time given with its day ("at 4 in the morning (4 a.m. EDT
        # Thursday)")
        days = [
            (abs(other.start - cand.start), other_norm.earliest)
            for j, (other, other_norm) in enumerate(out)
            if sentences[j] == sentences[i]
            and (other_norm.granularity == "day" or other.rule == CLOCK_WITH_DAY)
            and other_norm.earliest is not None
        ]
        if days:
            out[i] = (cand, clock_day(norm, min(days)[1]))
    return out


#: the rule name of a clock time merged with the day that follows it: its day is its own
CLOCK_WITH_DAY = "clock_day"


def _clock_with_day(text: str, found: list[tuple[Candidate, Norm]]) -> list[tuple[Candidate, Norm]]:
    """ "noon Thursday", "10 p.m. Wednesday": a clock time followed by its day is one TIME
    (MEANTIME keeps "16:15 UTC , June 1st" apart)."""
    merged: list[tuple[Candidate, Norm]] = []
    for cand, norm in found:
        if merged:
            last, last_norm = merged[-1]
            if (
                last.rule in CLOCK_RULES
                and norm.granularity == "day"
                and not text[last.end : cand.start].strip()
            ):
                value = norm.value + last_norm.value[10:]
                span = Candidate(last.start, cand.end, CLOCK_WITH_DAY, last.groups)
                merged[-1] = (span, Norm("TIME", value, norm.earliest, norm.latest, "time"))
                continue
        merged.append((cand, norm))
    return merged


def _root(parsed: SpacyDoc, start: int, end: int) -> Token | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governor(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` (its clause's head), or None."""
    for _ in range(GOVERNOR_HOPS):
        if token.pos_ in _VERBAL:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense:
    """past / present / future from the verb's tag and its auxiliaries (Penn Treebank tags).

    The perfect is past ("have been searching since the Oct. 23 slaying": the event reaches
    the present from before it), and so is the base form of a verb whose past is the same word
    ("hurt", "cut", "set") when its subject is a singular noun, which the present would put in
    the third person ("Weakness in big stocks hurt the composite on Friday"); another base
    form with such a subject is a subjunctive ("ordered that Elian remain until March 6"),
    which looks forward, as do modals of possibility ("may be resolved the week of March 6").
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if verb.lemma_ in _PERFORMATIVE and words & {"would", "'d"}:
        return "present"  # "At the beginning of our conversation, I would like to note"
    if words & _FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if "to" in words and verb.head is not verb and verb.head.pos_ in _VERBAL:
        head = verb.head
        if head.lemma_ in _PERFORMATIVE and any(c.lower_ in ("would", "'d") for c in head.children):
            return "present"  # "I would like to thank you": the thanking is now
        if head.lemma_ in _PROSPECTIVE and (head.lemma_ != "be" or verb.dep_ == "xcomp"):
            # "had been scheduled to expire at midnight Friday": a plan made before a past time
            # says nothing of which side of the article date its event lies
            return None if _pluperfect(verb.head) else "future"
        return verb_tense(verb.head, depth + 1) if depth < TENSE_HOPS else None
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) and (verb.tag_ in ("VBN", "VBG") or "been" in words):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl", "amod"):
        # a reduced relative or participle clause: "products introduced in April", "the terms,
        # announced Friday" report a past event, unless it is a schedule ("a vote set for May")
        return None if verb.lemma_ in _SCHEDULED else "past"
    if verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX:
        return "future"
    if words & _POSSIBILITY_MODALS and "have" not in words:
        return "future"  # "may finally be resolved ... the week of March 6"
    if verb.tag_ == "VBP" and not auxes and _singular_noun_subject(verb):
        # "Weakness hurt the composite": a past form; "ordered that Elian remain until March
        # 6": a subjunctive, whose event is still to come
        if verb.lower_ in _INVARIANT_PAST:
            return "past"
        if verb.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in verb.children
        ):
            return "future"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb and depth < TENSE_HOPS:
        if verb.head.pos_ in _VERBAL:
            return verb_tense(verb.head, depth + 1)
        # "does not appear inclined to order": the infinitive hangs on an adjective or a noun
        above = next((a for a in verb.ancestors if a.pos_ in _VERBAL), None)
        return verb_tense(above, depth + 1) if above is not None else None
    return None


def _singular_noun_subject(verb: Token) -> bool:
    """A base-form verb ("hurt", "remain") whose subject is a singular noun: the present would
    be "hurts", so it is a past form or a subjunctive."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children)


def direction_at(text: str, parsed: SpacyDoc, start: int, end: int, *, day: bool = True) -> Tense:
    """Which way from the article date an underspecified expression at [start, end) points:
    the tense of its verb (:func:`tense_at`), overridden by the words around it.

    - "until Saturday", "as soon as Tuesday", "no later than June": the coming one, unless the
      verb is past ("talks lasted until Saturday"); a postponement looks forward even in the
      past tense ("the hearing was postponed until Tuesday morning");
    - "run through June": the coming one unless the verb is past;
    - "payable Dec. 7", "effective Jan. 1": forward, whatever the tense;
    - "talks scheduled for Monday", "has scheduled a news conference Thursday": forward;
    - "since Tuesday", "as of February": past (or the nearest);
    - "Tuesday's declaration": a day named as the owner of an event is past, whatever the tense
      of the clause around the event ("The GM move follows Tuesday's declaration").
    """
    tense = tense_at(parsed, start, end, day=day)
    before = text[max(0, start - CUE_CHARS) : start]
    if _POSSESSIVE.match(text, end) or _POSSESSIVE.match(text, max(start, end - 2)):
        return None if tense == "future" else tense
    verb = _verb_of(parsed, start, end)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if _UNTIL_CUE.search(before):
        return "future" if tense != "past" or lemma in _POSTPONE else tense
    if _THROUGH_CUE.search(before) and tense != "past":
        return "future"
    scheduled = lemma in _SCHEDULE or (lemma in _SCHEDULE_FOR and _FOR_CUE.search(before))
    if _FORWARD_CUE.search(before) or (scheduled and verb is not None and not _pluperfect(verb)):
        return "future"
    if _SINCE.search(before):
        return "past"  # "up 5% since year-end", "the first time since Tuesday"
    if _AS_OF.search(before) and tense != "past":
        return None  # "as of February, the store accounts for 70%": the latest state known
    return tense


def _pluperfect(verb: Token) -> bool:
    """ "had been scheduled to expire at midnight Friday": a schedule already past."""
    return verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )


def _pluperfect_past(verb: Token) -> bool:
    """ "had attacked", "'d spoken": an event before a past time (the past perfect)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children
    )


def _verb_of(parsed: SpacyDoc, start: int, end: int) -> Token | None:
    root = _root(parsed, start, end)
    return _speech_before_clause(_governor(root), start) if root is not None else None


def _speech_before_clause(verb: Token | None, start: int) -> Token | None:
    """ "He said on Friday he would resign": a time between a verb of saying and the subject
    (or "that") of the clause it reports dates the saying, whatever the parse attached it to;
    the reported clause begins at its subject."""
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in SPEECH_VERBS:
        return verb
    speech = verb.head
    opening = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "mark", "expl")]
    if speech.idx < start and opening and start < min(c.idx for c in opening) < verb.idx:
        return speech
    return verb


def tense_at(parsed: SpacyDoc, start: int, end: int, *, day: bool = True) -> Tense:
    """The tense of the verb that governs the expression at [start, end).

    For a day ("Monday", "Oct. 23"), a present tense that is not a verb of saying is read as
    the scheduled future of news style ("Arafat and Albright meet Monday"); "Trump says ..."
    stays present, and so does a longer period ("as of February, the store accounts for 70%").
    """
    verb = _verb_of(parsed, start, end)
    if verb is None:
        return None
    tense = verb_tense(verb)
    if (
        day
        and tense == "present"
        and verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_ not in SPEECH_VERBS
        and verb.lemma_ not in ("be", "have")
    ):
        return "future"
    return tense


# --- event dating -------------------------------------------------------------------------------


def _chain(token: Token) -> list[int]:
    """Token indices from ``token`` up to (and including) its governing verb."""
    chain = [token.i]
    for _ in range(GOVERNOR_HOPS):
        if token.pos_ in _VERBAL or token.head is token:
            break
        token = token.head
        chain.append(token.i)
    return chain


def _governed(doc: Document) -> list[tuple[TimeExpression, list[int]]]:
    cache = doc.notes.get("times.governors")
    if cache is None:
        cache = []
        for time in doc.extraction.times:
            if time.type not in ("DATE", "TIME") or (time.earliest is None and time.latest is None):
                continue
            root = _root(doc.parsed, time.span.start, time.span.end)
            if root is not None:
                cache.append((time, _chain(root)))
        doc.notes["times.governors"] = cache
    return cache


def _time_governing(doc: Document, token: Token) -> TimeExpression | None:
    """A DATE/TIME expression attached to ``token`` itself or to its clause's verb; of several,
    the most directly attached ("addressed the spring session today": "today")."""
    verb = _governor(token)
    # asked for every token on the way up from every trigger: the governed expressions are
    # indexed once per document by the tokens of their chains and by their governing verbs
    governed = _governed(doc)
    index = doc.notes.get("times.governed_index")
    if index is None or index[0] is not governed:
        by_token: dict[int, list[int]] = {}
        by_verb: dict[int, list[int]] = {}
        for position, (_, chain) in enumerate(governed):
            for i in dict.fromkeys(chain):
                by_token.setdefault(i, []).append(position)
            by_verb.setdefault(chain[-1], []).append(position)
        index = doc.notes["times.governed_index"] = (governed, by_token, by_verb)
    _, by_token, by_verb = index
    positions = by_token.get(token.i, [])
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
    dct = doc.article.date
    at = trigger.idx
    # the same for every event of the article (but for a future one): listed once per document
    key = "times.usable.future" if tense == "future" else "times.usable"
    usable: list[TimeExpression] | None = doc.notes.get(key)
    if usable is None:
        usable = doc.notes[key] = [
            t
            for t in doc.extraction.times
            if _tight(t)
            and (tense == "future" or (t.latest is not None and t.latest <= dct))
            and not _date_line(doc, t)
        ]
    sentence = trigger.sent
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
    recent = [t for t in usable if t.latest is not None and (dct - t.latest).days <= RECENT_DAYS]
    main = doc.notes.get("times.main_clause_times")
    if main is None:
        main = doc.notes["times.main_clause_times"] = _main_clause_times(doc)
    # ``t in recent`` by identity: equal expressions are both recent or both not
    recent_ids = {id(t) for t in recent}
    before = [t for t in usable if t.span.end <= at and (id(t) in recent_ids or id(t) in main)]
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


def _dates_clause_of(doc: Document, time: TimeExpression, trigger: Token) -> bool:
    """Whether ``time`` (in the trigger's sentence) can date the trigger's clause: it hangs on
    that clause, on one that holds it, or on a phrase inside it with no subject of its own."""
    chain = next((c for t, c in _governed(doc) if t is time), None)
    if chain is None:
        return True  # not a DATE/TIME the parse attaches: the sentence is all there is
    verb = doc.parsed[chain[-1]]
    clause = _governor(trigger) or trigger
    if verb == clause or verb.is_ancestor(clause):
        return True
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


def _main_clause_times(doc: Document) -> set[int]:
    """ids of the expressions that date a main clause: whose governing verb is the root of its
    sentence or coordinated with it."""
    main = set()
    for time, chain in _governed(doc):
        verb = doc.parsed[chain[-1]]
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ == "ROOT" and verb.pos_ in _VERBAL:
            main.add(id(time))
    return main


#: how long before the article date a named day still belongs to the story's own time
RECENT_DAYS = 7


def event_date(doc: Document, trigger: Token, *, future: bool = False) -> EventDate:
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
       it as planned or hypothetical) lies after the article date, open-ended; any other takes
       the reference time of the narrative (source "reference", :func:`reference_time`), else
       the article date itself (source "article": a readout's call, an address's "we"). A
       title's event first takes the date an expression gives it in the body
       (:func:`_told_in_body`).
    """
    verb = _governor(trigger)
    tense = verb_tense(verb) if verb is not None else None
    if future:
        tense = "future"
    token = trigger
    for _ in range(DATE_CLAUSE_HOPS):
        time = _time_governing(doc, token)
        if time is not None:
            return EventDate(time.value, time.earliest, time.latest, time.span, "expression")
        clause = _governor(token) or token
        head = clause.head
        if head is clause:
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
            if verb is not None and _pluperfect_past(verb):  # "said that Russia had attacked"
                return EventDate("PAST_REF", None, speech.latest, speech.span, "speech")
            return EventDate(speech.value, speech.earliest, speech.latest, speech.span, "speech")
        token = head
    told = _told_in_body(doc, trigger)
    if told is not None:
        return told
    day = doc.article.date
    reference = reference_time(doc, trigger, tense)
    if reference is not None:
        return EventDate(
            reference.value, reference.earliest, reference.latest, reference.span, "reference"
        )
    if tense == "future":
        within = _within(doc, trigger)
        if within is not None:  # "will finish its investigation within a year"
            return EventDate(
                "FUTURE_REF", day, _add_period(day, within.value), within.span, "expression"
            )
        return EventDate("FUTURE_REF", day, None, None, "article")
    return EventDate(day.isoformat(), day, day, None, "article")


def _told_in_body(doc: Document, trigger: Token) -> EventDate | None:
    """A title's event without an expression of its own takes the date the body gives it
    ("Marc Emery released after arrest in Montreal marijuana shop raids" over "was arrested
    ... on Friday evening during a series of raids"): that of the body's first mention of its
    trigger word, when an expression dates it."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < 2 or trigger.idx >= paragraphs[0].end:
        return None
    body = paragraphs[1].start
    words = {trigger.lemma_.lower(), trigger.lower_}  # a title's lemmas may be its words
    for token in trigger.doc[trigger.i + 1 :]:
        if token.idx >= body and {token.lemma_.lower(), token.lower_} & words:
            found = event_date(doc, token)
            return found if found.source == "expression" else None
    return None


_WITHIN = re.compile(r"\b(?:within|in\s+the\s+next|over\s+the\s+next|in)\s+\Z", re.I)
_PERIOD = re.compile(r"^P(\d+)([YMWD])$")


def _within(doc: Document, trigger: Token) -> TimeExpression | None:
    """A duration that bounds a future event from the article date: "within a year", "in the
    next two weeks", "in 48 hours" in the trigger's clause."""
    verb = _governor(trigger)
    sentence = trigger.sent
    for time in doc.extraction.times:
        if time.type != "DURATION" or not _PERIOD.match(time.value):
            continue
        if not (sentence.start_char <= time.span.start < sentence.end_char):
            continue
        root = _root(doc.parsed, time.span.start, time.span.end)
        if root is None or _governor(root) not in (verb, trigger):
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
