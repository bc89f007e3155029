"""The times stage: temporal expressions normalised against the article date.

Recognition and normalisation are :mod:`dateline.temporal` (HeidelTime-style rules in pure
Python, Strötgen & Gertz 2013); this module adds what needs the parse: the tense of the verb
that governs an expression (:mod:`dateline.temporal.tense`, to anchor "Tuesday" or "in January"
before or after the article date). Dating an event trigger from the expression that governs its
clause is :func:`dateline.temporal.dating.event_date`, which the events stage calls.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.config import PipelineConfig
from dateline.model import TimeExpression
from dateline.stages import register
from dateline.stages.base import Document
from dateline.temporal.anaphora import (
    ANAPHORIC_RULES,
    CLOCK_RULES,
    Reference,
    clock_day,
    resolve,
)
from dateline.temporal.calendar import bounds
from dateline.temporal.context import Context, Norm, Tense, date_norm
from dateline.temporal.grammar import Candidate, candidates, lowercase, pick_longest
from dateline.temporal.history import historical_events
from dateline.temporal.normalize import normalize, offset_from_article, outside_calendar
from dateline.temporal.tense import SPEECH_VERBS, governor, pluperfect, span_root, verb_tense
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

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
#: verbs that move an event to a later date: "postponed until Tuesday" looks forward in the past
_POSTPONE = word_set("times", "stage.postpone_verbs")
#: verbs that fix the date of a later event: "has scheduled a news conference Thursday"
_SCHEDULE = word_set("times", "stage.schedule_verbs")
#: verbs that do so only with "for": "a vote set for May" (but "set a record on Monday")
_SCHEDULE_FOR = word_set("times", "stage.schedule_for_verbs")
#: how far before a time expression (characters) its cue is read ("until", "since", "as of")
CUE_CHARS = 30


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
    if _FORWARD_CUE.search(before) or (scheduled and verb is not None and not pluperfect(verb)):
        return "future"
    if _SINCE.search(before):
        return "past"  # "up 5% since year-end", "the first time since Tuesday"
    if _AS_OF.search(before) and tense != "past":
        return None  # "as of February, the store accounts for 70%": the latest state known
    return tense


def _verb_of(parsed: SpacyDoc, start: int, end: int) -> Token | None:
    root = span_root(parsed, start, end)
    return _speech_before_clause(governor(root), start) if root is not None else None


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
