"""Which way from the article date an underspecified expression points: the tense of the verb
that governs it (:mod:`dateline.temporal.tense`), overridden by the words around it.

"Tuesday", "in January", "until Saturday" name no year or week of their own; HeidelTime's news
rule (Strötgen & Gertz 2013) anchors them by the tense of their verb, and cue words ("until",
"since", "payable", "scheduled for") turn that tense forward or back. The times stage asks
:func:`direction_at` for every expression (:mod:`dateline.temporal.expressions`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.temporal.context import Tense
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
#: "starting Monday", "beginning in April", "from Monday": a start that has not yet come
_STARTING_CUE = re.compile(r"\b(?:starting|beginning|from)\s+(?:on\s+|in\s+)?\Z", re.I)
#: "ahead of Sunday's vote", "in the run-up to the May election"
_AHEAD_CUE = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+(?:run|lead)[\s-]up\s+to)\s+(?:the\s+|this\s+)?\Z", re.I
)
_FOR_CUE = re.compile(r"\bfor\s+\Z", re.I)
_AS_OF = re.compile(r"\bas\s+of\s+\Z", re.I)
#: "Tuesday's declaration"
_POSSESSIVE = re.compile(r"(?:'s|’s)\b")
#: dividends and rules announced in the past tense take effect later: "declared a dividend,
#: payable Dec. 7", "new criteria effective Jan. 1" (a date after these words is not yet past)
_FORWARD_CUE = re.compile(r"\b(?:payable|effective)\s+(?:on\s+|from\s+)?\Z", re.I)
#: "since" starts a span that reaches the present: what follows it is past
_SINCE = re.compile(r"\bsince\s+\Z", re.I)
#: verbs that move an event to a later date: "postponed until Tuesday" looks forward in the past
_POSTPONE = word_set("times", "stage.postpone_verbs")
#: verbs that fix the date of a later event: "has scheduled a news conference Thursday"
_SCHEDULE = word_set("times", "stage.schedule_verbs")
#: verbs that do so only with "for": "a vote set for May" (but "set a record on Monday")
_SCHEDULE_FOR = word_set("times", "stage.schedule_for_verbs")
#: how far before a time expression (characters) its cue is read ("until", "since", "as of")
CUE_CHARS = 30


def direction_at(text: str, parsed: SpacyDoc, start: int, end: int, *, day: bool = True) -> Tense:
    """Which way from the article date an underspecified expression at [start, end) points:
    the tense of its verb (:func:`tense_at`), overridden by the words around it.

    - "until Saturday", "as soon as Tuesday", "no later than June": the coming one, unless the
      verb is past ("talks lasted until Saturday"); a postponement looks forward even in the
      past tense ("the hearing was postponed until Tuesday morning");
    - "run through June", "flights resume starting Monday", "the rules apply from Monday": the
      coming one unless the verb is past ("took effect from Monday");
    - "ahead of Sunday's vote", "in the run-up to Tuesday's summit": the coming one, whatever
      the tense (campaigning done ahead of a vote that has passed is told "before" it);
    - "payable Dec. 7", "effective Jan. 1": forward, whatever the tense;
    - "talks scheduled for Monday", "has scheduled a news conference Thursday": forward;
    - "since Tuesday", "as of February": past (or the nearest);
    - "Tuesday's declaration": a day named as the owner of an event is past, whatever the tense
      of the clause around the event ("The GM move follows Tuesday's declaration").
    """
    tense = tense_at(parsed, start, end, day=day)
    before = text[max(0, start - CUE_CHARS) : start]
    if _AHEAD_CUE.search(before):
        return "future"
    if _POSSESSIVE.match(text, end) or _POSSESSIVE.match(text, max(start, end - 2)):
        return None if tense == "future" else tense
    verb = verb_of(parsed, start, end)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if _UNTIL_CUE.search(before):
        return "future" if tense != "past" or lemma in _POSTPONE else tense
    if (_THROUGH_CUE.search(before) or _STARTING_CUE.search(before)) and tense != "past":
        return "future"
    scheduled = lemma in _SCHEDULE or (lemma in _SCHEDULE_FOR and _FOR_CUE.search(before))
    if _FORWARD_CUE.search(before) or (scheduled and verb is not None and not pluperfect(verb)):
        return "future"
    if _SINCE.search(before):
        return "past"  # "up 5% since year-end", "the first time since Tuesday"
    if _AS_OF.search(before) and tense != "past":
        return None  # "as of February, the store accounts for 70%": the latest state known
    return tense


def verb_of(parsed: SpacyDoc, start: int, end: int) -> Token | None:
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
    verb = verb_of(parsed, start, end)
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
