"""A trained filter for false events: the probability that an event the rules coded is real.

The rules code an event wherever a lexicon row and its argument rules fire; about one in six
of those on the dev records is no gold event of its sentence, with no class of them common
enough for a rule of its own (issue 11). This filter weighs many weak signals at once: a
logistic regression over features of the record and of its trigger's place in the parse, each
a name from the project's own tag sets, lexicon and rule names (PLOVER type and mode, the
lexicon row, the rules that fired, spaCy's part-of-speech, dependency and morphology labels,
factuality, the kinds and sectors of the parties, buckets of counts and positions, whether the
article told an event of the same type, parties or trigger lemma before, the trigger's depth
below its sentence's root). No word of an
article's text is a feature, so the weights hold nothing of the texts they were trained on.

Trained by ``scripts/train_event_filter.py`` on the dev records (eval/records/dev), labelled as
the records scorer labels a prediction (:func:`dateline.eval.records.match_events`): matched to
a required gold event = real, unmatched and outside every optional event's sentence = false,
the rest left out. The weights file (``data/event-filter-v2.json``) holds the weights, the bias,
the threshold and the training set's sha256 and counts; it is read with the standard library
alone. An event whose probability is below the threshold is dropped.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import TYPE_CHECKING, Any

from dateline.document import Document
from dateline.events.records import PROBABILITY_MARK, bucket, rule_parts
from dateline.model import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

WEIGHTS_FILE = "event-filter-v2.json"
#: the model's version, in the events stage's version string; filter2 adds the repeats of an
#: event earlier in the article and the trigger's depth below its sentence's root
FILTER_VERSION = "filter2"

#: bucket edges (upper bounds, inclusive) for counts and positions
SENTENCE_TOKENS = (8, 15, 25, 40, 60)
SENTENCE_INDEX = (0, 1, 3, 6, 12, 25)
EVENTS_IN_SENTENCE = (1, 2, 3, 5)
#: bucket edges for how many of the coder's named rules fired on a record (most fire 0-3)
RULES_FIRED = (0, 1, 2, 3)
#: bucket edges for a record's confidence in tenths (the coder's confidences are 0.2-1.0)
CONFIDENCE_TENTHS = (2, 4, 6, 8)
#: a confidence (0-1) in tenths, the unit of CONFIDENCE_TENTHS
TENTHS = 10
#: distinct morphology analyses remembered (a few hundred occur in a corpus; bounded all the same)
MORPH_CACHE_SIZE = 4096
#: at most this many remembered weight sums per feature group (Model.probability_of)
SUMS_LIMIT = 50_000
#: distinct rule texts whose names are remembered (a corpus has a few thousand)
RULE_TEXTS = 4096
#: bucket edges for how many events of the same type the article told before this one (most
#: articles repeat their story's type a few times: the title, the lede, the body)
EARLIER_SAME_TYPE = (0, 1, 3)
#: bucket edges for the trigger's depth below its sentence's root (head hops; 0 is the root)
ROOT_DEPTH = (0, 1, 2, 3, 5)
#: head hops walked at most (a parse's heads form a tree, so this only bounds a broken one)
DEPTH_LIMIT = 50


# Each event's features come in four groups, each the names of one key (a tuple of labels):
# the record's own fields, its parties, where in the article it is told, and its trigger's place
# in the parse. Many events share a key, so at run time each key's weight sum is worked out
# once (:meth:`Model.probability_of`); training reads the names (:func:`features`).


@lru_cache(maxsize=RULE_TEXTS)
def _rule_names(rule: str | None) -> tuple[str, ...]:
    """The names a record's ``rule`` text gives: an article's events share a few dozen texts,
    so each is parsed and spelled out once."""
    row, recoded, rules = rule_parts(rule)
    names = [f"row={row}", f"recoded={bool(recoded)}"]
    if recoded:
        names.append(f"recode={recoded.split(' -> ')[0] if ' -> ' in recoded else recoded}")
    # a trained component's note ("learned target p=0.83") counts as its name alone: its
    # probability is a number, not a rule, and would be a feature of its own for each value
    names.extend(f"rule={r.partition(PROBABILITY_MARK)[0]}" for r in rules)
    names.append(f"rules={bucket(len(rules), RULES_FIRED)}")
    return tuple(names)


RecordKey = tuple[str, str | None, str, str | None, float, str, str, bool]
#: how many of a record key's fields lead its names (type, mode, factuality, rule): the rest's
#: names follow them
RECORD_HEAD = 4


def _record_head_names(head: tuple[Any, ...]) -> list[str]:
    """The names of a record key's first :data:`RECORD_HEAD` fields."""
    type_, mode, factuality, rule = head
    names = [f"type={type_}", f"mode={mode}", f"fact={factuality}"]
    names.append(f"type*fact={type_}*{factuality}")
    names.extend(_rule_names(rule))
    return names


def _record_tail_names(tail: tuple[Any, ...]) -> list[str]:
    """The names of a record key's other fields, which follow the head's."""
    confidence, date_source, place, reporter = tail
    return [
        f"reporter={reporter}",
        f"date={date_source}",
        f"place={place}",
        f"conf={bucket(int(confidence * TENTHS), CONFIDENCE_TENTHS)}",
    ]


def _record_names(key: RecordKey) -> list[str]:
    return _record_head_names(key[:RECORD_HEAD]) + _record_tail_names(key[RECORD_HEAD:])


def _record_key(event: Event) -> RecordKey:
    return (
        event.type,
        event.mode,
        event.factuality,
        event.rule,
        event.confidence,
        event.date.source,
        event.place.precision if event.place else "none",
        event.reporter is not None,
    )


PartyKey = tuple[int, int, tuple[tuple[str, ...], ...]]


def _party_names(key: PartyKey) -> list[str]:
    actors, recipients, rows = key
    names = [
        f"actors={bucket(actors, (0, 1))}",
        f"recipients={bucket(recipients, (0, 1))}",
        f"dyad={bool(actors)}{bool(recipients)}",
    ]
    for row in rows:
        if row[0] == "actor":
            _, side, kind, source, country, sector = row
            names.append(f"{side}kind={kind}")
            names.append(f"{side}src={source}")
            names.append(f"{side}country={country}")
            names.append(f"{side}sector={sector}")
        else:
            names.append(f"{row[1]}=reporter")
    return names


def _party_key(event: Event, actors: dict[str, Actor]) -> PartyKey:
    rows: list[tuple[str, ...]] = []
    for side, ids in (("a", event.actors), ("r", event.recipients)):
        for actor_id in ids[:2]:
            actor = actors.get(actor_id)
            if actor is not None:
                country = str(actor.country is not None)
                rows.append(("actor", side, actor.kind, actor.source, country, str(actor.sector)))
            if actor_id == event.reporter:
                rows.append(("reporter", side))
    return len(event.actors), len(event.recipients), tuple(rows)


def _place_names(key: tuple[str, ...]) -> list[str]:
    quote, voice, part, sent_events, shared, same, rank, earlier, same_dyad, same_lemma = key
    return [
        f"quote={quote}",
        f"voice={voice}",
        f"part={part}",
        f"sent_events={sent_events}",
        f"shared_trigger={shared}",
        f"same_type={same}",
        f"type_rank={rank}",
        f"earlier_type={earlier}",
        f"earlier_dyad={same_dyad}",
        f"earlier_lemma={same_lemma}",
    ]


TokenKey = tuple[str, ...]


def _token_names(key: TokenKey) -> list[str]:
    if not key:
        return ["token=none"]
    (type_, index, tokens, question, pos, tag, dep, head_pos, head_dep, tense, mood, verb_form,
     number, depth) = key  # fmt: skip
    return [
        f"sent_index={index}",
        f"sent_tokens={tokens}",
        f"question={question}",
        f"pos={pos}",
        f"tag={tag}",
        f"dep={dep}",
        f"pos*dep={pos}*{dep}",
        f"head_pos={head_pos}",
        f"head_dep={head_dep}",
        f"type*pos={type_}*{pos}",
        f"root={dep == 'ROOT'}",
        f"Tense={tense}",
        f"Mood={mood}",
        f"VerbForm={verb_form}",
        f"Number={number}",
        f"depth={depth}",
    ]


@lru_cache(maxsize=MORPH_CACHE_SIZE)
def _morph_of(analysis: str) -> tuple[str, str, str, str]:
    """Tense, mood, verb form and number of a token's morphology ("Tense=Past|VerbForm=Fin"),
    "none" for each it lacks: read once per distinct analysis."""
    found = dict(part.split("=", 1) for part in analysis.split("|") if "=" in part)

    def first(name: str) -> str:
        return found.get(name, "none").split(",")[0]

    return first("Tense"), first("Mood"), first("VerbForm"), first("Number")


def _token_key(
    event: Event, token: Token, sentence: tuple[str, str, str], heads: list[int]
) -> TokenKey:
    head = token.head
    return (
        event.type,
        *sentence,
        token.pos_,
        token.tag_,
        token.dep_,
        head.pos_,
        head.dep_,
        *_morph_of(str(token.morph)),
        bucket(_depth(token.i, heads), ROOT_DEPTH),
    )


def _depth(i: int, heads: list[int]) -> int:
    """How many head hops lead from token ``i`` up to its sentence's root (``heads``: each
    token's head index, :meth:`Document.heads`; ``Token.head`` made a Token at every hop)."""
    depth = 0
    while heads[i] != i and depth < DEPTH_LIMIT:
        i = heads[i]
        depth += 1
    return depth


def _repeats(events: list[Event], tokens: list[Token | None]) -> list[tuple[str, str, str]]:
    """Whether each event repeats one told earlier in the article (by trigger offset): how many
    of the same type came before, whether one had the same type and parties, whether one had
    the same type and trigger lemma (``tokens``: each event's trigger token, if one word). The
    lemma is compared, never a feature."""
    earlier_type: Counter[str] = Counter()
    dyads: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    lemmas: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str]] = [("", "", "")] * len(events)
    for i in sorted(range(len(events)), key=lambda i: (events[i].trigger.start, i)):
        event, token = events[i], tokens[i]
        lemma = (event.type, token.lemma_.lower() if token is not None else "")
        dyad = (event.type, tuple(sorted(event.actors)), tuple(sorted(event.recipients)))
        out[i] = (
            bucket(earlier_type[event.type], EARLIER_SAME_TYPE),
            str(dyad in dyads),
            str(lemma in lemmas),
        )
        earlier_type[event.type] += 1
        dyads.add(dyad)
        lemmas.add(lemma)
    return out


Keys = tuple[
    RecordKey,
    PartyKey,
    tuple[str, ...],
    TokenKey,
]


def _keys(doc: Document, events: list[Event]) -> list[Keys]:
    """The four group keys of each event (the comment above :func:`_record_names`)."""
    actors = {a.id: a for a in doc.extraction.actors}
    quotes = doc.extraction.quotes
    sentence_events: Counter[int] = Counter(e.evidence.start for e in events)
    trigger_events: Counter[int] = Counter(e.trigger.start for e in events)
    # one gold event per sentence and type matches at most one prediction (the scorer)
    same_type: Counter[tuple[int, str]] = Counter((e.evidence.start, e.type) for e in events)
    seen_type: Counter[tuple[int, str]] = Counter()
    sentences: dict[int, tuple[str, str, str]] = {}
    title_end = doc.paragraphs[0].end if doc.paragraphs else 0
    lede_end = doc.lede_end()
    out: list[Keys] = []
    parsed = doc.parsed
    tokens = [doc.token_at(e.trigger.start, e.trigger.end) for e in events]
    for event, token, repeats in zip(events, tokens, _repeats(events, tokens), strict=True):
        start = event.trigger.start
        quote = next((q for q in quotes if q.span.start <= start < q.span.end), None)
        voice = doc.voice_at(start)
        key = (event.evidence.start, event.type)
        place = (
            quote.kind if quote else "none",
            "turn" if voice and voice.addressee else "address" if voice else "none",
            "title" if start < title_end else "lede" if start < lede_end else "body",
            bucket(sentence_events[event.evidence.start], EVENTS_IN_SENTENCE),
            str(trigger_events[start] > 1),
            bucket(same_type[key], (1, 2)),
            bucket(seen_type[key], (0, 1)),
            *repeats,
        )
        seen_type[key] += 1
        token_key: TokenKey = ()
        if token is not None:
            sent = doc.sentence_of(token)
            sentence = sentences.get(sent.start)
            if sentence is None:
                sentence = (
                    bucket(doc.sentence_number(token), SENTENCE_INDEX),
                    bucket(len(sent), SENTENCE_TOKENS),
                    # the last two tokens by index: slicing the Span built a Span
                    str(
                        any(
                            parsed[i].text == "?"
                            for i in range(max(sent.start, sent.end - 2), sent.end)
                        )
                    ),
                )
                sentences[sent.start] = sentence
            token_key = _token_key(event, token, sentence, doc.heads())
        out.append((_record_key(event), _party_key(event, actors), place, token_key))
    return out


GROUPS: tuple[Callable[[Any], list[str]], ...] = (
    _record_names,
    _party_names,
    _place_names,
    _token_names,
)


def features(doc: Document, events: list[Event]) -> list[list[str]]:
    """The feature names of each event (module docstring), in the order given."""
    return [
        [name for group, key in zip(GROUPS, keys, strict=True) for name in group(key)]
        for keys in _keys(doc, events)
    ]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    #: each group key's weight sum, by group (the comment above :func:`_record_names`)
    sums: tuple[dict[object, float], ...] = field(default_factory=lambda: ({}, {}, {}, {}))
    #: each record key head's weight sum (:meth:`_record_sum`)
    heads: dict[tuple[Any, ...], float] = field(default_factory=dict)

    def probability(self, names: Iterable[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-z))

    def probability_of(self, keys: Keys) -> float:
        """:meth:`probability` of the names of an event's group keys, each key's sum once."""
        z = self.bias
        weights = self.weights
        for number, (group, sums, key) in enumerate(zip(GROUPS, self.sums, keys, strict=True)):
            part = sums.get(key)
            if part is None:
                if len(sums) >= SUMS_LIMIT:  # a long ingest meets ever new keys: start again
                    sums.clear()
                if number == 0:
                    part = self._record_sum(key)  # type: ignore[arg-type]
                else:
                    # map() over dict.get, not a generator: the same additions, same order
                    part = sum(map(weights.get, group(key), repeat(0.0)), 0.0)
                sums[key] = part
            z += part
        return 1.0 / (1.0 + math.exp(-z))

    def _record_sum(self, key: RecordKey) -> float:
        """The record group's sum: most record keys are new (confidence, date and place vary),
        but their head (type, mode, factuality, rule) recurs, so the sum of the head's names is
        kept and the tail's added to it, left to right as one sum over all the names would."""
        weights = self.weights
        head = key[:RECORD_HEAD]
        heads = self.heads
        start = heads.get(head)
        if start is None:
            if len(heads) >= SUMS_LIMIT:
                heads.clear()
            start = heads[head] = sum(map(weights.get, _record_head_names(head), repeat(0.0)), 0.0)
        return sum(map(weights.get, _record_tail_names(key[RECORD_HEAD:]), repeat(0.0)), start)


@lru_cache(maxsize=1)
def load_model() -> Model:
    text = resources.files("dateline.data").joinpath(WEIGHTS_FILE).read_text("utf-8")
    data = json.loads(text)
    return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))


def kept(doc: Document, events: list[Event], model: Model | None = None) -> list[Event]:
    """The events whose probability of being real reaches the model's threshold."""
    if not events:
        return events
    model = model or load_model()
    return [
        e
        for e, keys in zip(events, _keys(doc, events), strict=True)
        if model.probability_of(keys) >= model.threshold
    ]
