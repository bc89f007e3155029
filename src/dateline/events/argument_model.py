"""A learned choice of the party an event's rules left out (issue 11): a small logistic ranker.

For an event the argument rules leave with no recipient (its *target*) or no actor (its
*source*; each role has its own weights and threshold), the candidates are the
actors the article mentions in the event's sentence and the :data:`WINDOW` sentences before it,
and the speaker and addressee of the voice the trigger lies in, less the event's own actors and
reporter. Each candidate is scored by a logistic model over NON-LEXICAL features only: the
PLOVER type, the trigger's part of speech and dependency label, the dependency path between the
trigger and the candidate's mention (labels only, with bucketed lengths), sentence and token
distance, the candidate actor's kind, sector and mention count, whether it is the speaker, the
addressee (also by type) or the other side of the article's meeting, and whether it is of the
speaker's country (argmodel2). No word of any article is a feature, so
the weights carry nothing of the texts they were fitted on. The best candidate is filled when
its probability reaches the model's threshold; otherwise the event keeps no target (gold often
has none: filling those would break a right dyad).

The weights (``data/argument-model-v2.json``) are written by ``scripts/train_argument_model.py``
from the records gold's dev split only; its header gives the training set's sha256 and counts,
and the threshold and window chosen by grouped cross-validation (docs/accuracy.md). Runs with
the standard library alone: a sum of the active features' weights.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import repeat
from typing import TYPE_CHECKING, Any

from dateline.events.arguments import charged_deed_victim_actors
from dateline.events.boundary import ARMED_DEFENCE
from dateline.events.implicit import meeting_parties, trigger_token, two_sided
from dateline.events.records import RULES_MARK, bucket, learned_note, rule_parts
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Actor, Event, Mention

#: the weights shipped with the package (written by scripts/train_argument_model.py)
WEIGHTS_FILE = "argument-model-v2.json"
#: how many sentences before the event's own its candidates may be named in (chosen on CV)
WINDOW = 1
#: the longest dependency path (in arcs) spelled out as a feature; longer ones are bucketed
PATH_ARCS = 3
#: bucket edges of the counted features (a count is its first edge at or above it): the
#: article's mentions of the candidate, its mentions in the window, the event's candidates, the
#: tokens between trigger and candidate, the arcs up and down the path; coarse so that each
#: bucket holds enough of the 3,049 training rows to be weighed
MENTION_COUNTS = (1, 2, 4, 8)
WINDOW_COUNTS = (0, 1, 3)
CANDIDATE_COUNTS = (1, 2, 4)
TOKEN_DISTANCES = (2, 5, 10, 20)
ARC_COUNTS = (0, 1, 2, 4)
#: the nearest candidates are told apart by rank up to this; the farther ones share it
RANKS = 3
#: the distinct rule texts whose features are remembered (an article has a few dozen)
RULE_TEXTS = 1024
#: subject labels: a candidate that is the subject of its clause
SUBJECT_DEPS = word_set("events", "implicit.subject_deps")
#: types whose parties stand on either side (joint acts; the scorer joins their parties): left
#: to the rules
SYMMETRIC_TYPES = word_set("events", "coder.joint_types")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One actor that could fill an event's missing party, with its own features."""

    actor: str  # Actor.id
    features: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Candidates:
    """An event's candidates, and the features of the event that all of them share."""

    shared: tuple[str, ...]
    each: list[Candidate]


@dataclass(frozen=True, slots=True)
class ArgumentModel:
    """Logistic weights per role ("target", "source") and each role's threshold."""

    version: str
    weights: dict[str, dict[str, float]]
    intercepts: dict[str, float]
    thresholds: dict[str, float]
    window: int = WINDOW

    def score(self, role: str, features: tuple[str, ...]) -> float:
        """The sum of the features' weights (the logit, less the intercept)."""
        return sum(map(self.weights[role].get, features, repeat(0.0)))

    def probability(self, role: str, logit: float) -> float:
        return 1.0 / (1.0 + math.exp(-(self.intercepts[role] + logit)))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArgumentModel:
        roles = data["roles"]
        return cls(
            version=data["version"],
            weights={r: dict(m["weights"]) for r, m in roles.items()},
            intercepts={r: float(m["intercept"]) for r, m in roles.items()},
            thresholds={r: float(m["threshold"]) for r, m in roles.items()},
            window=int(data.get("window", WINDOW)),
        )


@lru_cache(maxsize=1)
def load_model() -> ArgumentModel:
    text = resources.files("dateline.data").joinpath(WEIGHTS_FILE).read_text("utf-8")
    return ArgumentModel.from_json(json.loads(text))


def lexicon_row(rule: str | None) -> str:
    """The project's own lexicon row an event's rule names ("verb 'attack'"), or "-"."""
    return rule_parts(rule)[0] or "-"


@lru_cache(maxsize=RULE_TEXTS)
def _rule_features(rule: str | None) -> tuple[str, ...]:
    """The lexicon row and rule names an event's ``rule`` text gives, as features."""
    return (f"row={lexicon_row(rule)}", *(f"rule={name}" for name in rule_parts(rule)[2]))


class _Article:
    """What every event of one article shares: its actors, mention counts, meeting parties;
    mention heads and sentences are looked up only for the events that ask."""

    def __init__(self, doc: Document, events: list[Event]) -> None:
        self.doc = doc
        self.actors: dict[str, Actor] = {a.id: a for a in doc.extraction.actors}
        self.counts = Counter(m.actor for m in doc.mentions)
        self.most = self.counts.most_common(1)[0][0] if self.counts else None
        hosts, guests = meeting_parties(events)
        self.hosts, self.guests = set(hosts), set(guests)
        self.title_end = doc.paragraphs[0].end if doc.paragraphs else 0
        self.mention_starts = [m.span.start for m in doc.mentions]
        self.events = sorted(events, key=lambda e: e.trigger.start)
        self.event_starts = [e.trigger.start for e in self.events]
        self._heads: dict[int, int] = {}
        self._tree: tuple[list[int], list[int]] | None = None
        self._labels: dict[int, str] = {}
        self._actor_features: dict[str, list[str]] = {}

    def actor_features(self, actor_id: str) -> list[str]:
        """The features of a candidate actor that no event changes: kind, sector, mentions."""
        found = self._actor_features.get(actor_id)
        if found is None:
            actor = self.actors[actor_id]
            found = [
                f"kind={actor.kind}",
                f"sector={actor.sector or '-'}",
                f"asource={actor.source}",
                f"count={bucket(self.counts[actor_id], MENTION_COUNTS)}",
            ]
            if actor_id == self.most:
                found.append("most_mentioned")
            self._actor_features[actor_id] = found
        return found

    def sentences(self, trigger: Token, count: int) -> list[tuple[int, int]]:
        """(start, end) characters of the trigger's sentence and of up to ``count`` before."""
        doc = self.doc
        sentence = doc.sentence_of(trigger)
        found = [(sentence.start_char, sentence.end_char)]
        while len(found) <= count and sentence.start > 0:
            sentence = doc.sentence_of(doc.parsed[sentence.start - 1])
            found.append((sentence.start_char, sentence.end_char))
        return found

    def parties(self, start: int, end: int) -> tuple[set[str], set[str]]:
        """Who acts and who undergoes the events whose triggers lie in [start, end)."""
        acted: set[str] = set()
        undergone: set[str] = set()
        first = bisect.bisect_left(self.event_starts, start)
        for other in self.events[first:]:
            if other.trigger.start >= end:
                break
            acted.update(other.actors)
            undergone.update(other.recipients)
        return acted, undergone

    def tree(self) -> tuple[list[int], list[int]]:
        """Each token's head index and label id, read from the parse's arrays once (making a
        spaCy Token for each step up the tree cost more than the features)."""
        if self._tree is None:
            from spacy.attrs import DEP

            # the heads are the Document's (the event filter climbs them too)
            self._tree = self.doc.heads(), self.doc.parsed.to_array(DEP).tolist()
        return self._tree

    def label(self, i: int) -> str:
        """The dependency label of token ``i``."""
        label_id = self.tree()[1][i]
        found = self._labels.get(label_id)
        if found is None:
            found = self._labels[label_id] = self.doc.parsed.vocab.strings[label_id]
        return found

    def head(self, number: int) -> int:
        """The token heading mention ``number`` (the one whose head lies outside it)."""
        found = self._heads.get(number)
        if found is None:
            span = self.doc.mentions[number].span
            starts = self.doc.token_starts()
            first = bisect.bisect_right(starts, span.start) - 1
            last = max(first, bisect.bisect_left(starts, span.end) - 1)
            heads = self.tree()[0]
            found = last
            for i in range(first, last + 1):
                head = heads[i]
                if head < first or head > last or head == i:
                    found = i
                    break
            self._heads[number] = found
        return found

    def chain(self, trigger: int) -> list[int]:
        """The trigger and its heads up to the root, as token indices."""
        heads = self.tree()[0]
        chain = [trigger]
        while heads[chain[-1]] != chain[-1]:
            chain.append(heads[chain[-1]])
        return chain

    def path(
        self, up: list[int], target: int, index: dict[int, int] | None = None
    ) -> tuple[list[str], list[str]]:
        """The dependency labels up from the trigger (``up``: :meth:`chain`) to the common
        ancestor, and down to the candidate (each arc's label is that of its lower token).
        ``index``: each token of ``up`` by its place, if the caller keeps it for the chain."""
        heads = self.tree()[0]
        if index is None:
            index = {t: n for n, t in enumerate(up)}
        down: list[str] = []
        node = target
        while node not in index and heads[node] != node:
            down.append(self.label(node))
            node = heads[node]
        top = index.get(node, len(up))
        return [self.label(t) for t in up[:top]], down[::-1]


def candidates(article: _Article, event: Event, role: str, window: int = WINDOW) -> Candidates:
    """The actors that could fill ``event``'s missing ``role``, with their features."""
    doc = article.doc
    trigger = trigger_token(doc, event)
    if trigger is None:
        return Candidates((), [])
    bounds = article.sentences(trigger, max(window, 1))
    at, tpos = trigger.i, trigger.pos_
    own = set(event.actors) | set(event.recipients)
    if role == "target" and event.reporter:
        own.add(event.reporter)
    if role == "target" and event.type == "ACCUSE":
        # "This is a new act of aggression against Ukraine": a charge is against the deed's
        # doer, never its victim (records DECISIONS.md D11)
        own |= charged_deed_victim_actors(doc, trigger)
    # the nearest mention of each actor in the window: in the sentence, else the latest before
    nearest: dict[str, tuple[Mention, int, int]] = {}  # mention, head token, sentences back
    in_window: dict[str, int] = {}
    low = bounds[min(window, len(bounds) - 1)][0]
    mentions = article.doc.mentions
    for number in range(bisect.bisect_left(article.mention_starts, low), len(mentions)):
        mention = mentions[number]
        if mention.span.start >= bounds[0][1]:
            break
        if mention.actor in own or mention.actor not in article.actors:
            continue
        gap = 0
        while mention.span.start < bounds[gap][0]:
            gap += 1
        head = article.head(number)
        in_window[mention.actor] = in_window.get(mention.actor, 0) + 1
        best = nearest.get(mention.actor)
        if best is None or (-gap, -abs(head - at)) >= (-best[2], -abs(best[1] - at)):
            nearest[mention.actor] = (mention, head, gap)
    voice = next((v for v in doc.voices if v.start <= event.trigger.start < v.end), None)
    extra = set()
    if voice is not None:
        extra |= {voice.speaker, voice.addressee or voice.speaker}
    extra |= article.hosts | article.guests
    extra -= own
    ids = list(nearest) + sorted(a for a in extra if a not in nearest and a in article.actors)
    if not ids:
        return Candidates((), [])
    ranked = sorted(nearest, key=lambda a: (nearest[a][2], abs(nearest[a][1] - at)))
    rank = {a: n for n, a in enumerate(ranked)}
    sources = [article.actors[a] for a in event.actors if a in article.actors]
    src_countries = {a.country for a in sources if a.country}
    shared = (
        f"type={event.type}",
        f"tpos={tpos}",
        f"tdep={trigger.dep_}",
        f"fact={event.factuality}",
        f"other_side={'yes' if (event.actors if role == 'target' else event.recipients) else 'no'}",
        f"reported={'yes' if event.reporter else 'no'}",
        f"title={'yes' if event.trigger.start < article.title_end else 'no'}",
        f"ncand={bucket(len(ids), CANDIDATE_COUNTS)}",
        f"mode={event.mode or '-'}",
        *_rule_features(event.rule),
    )
    near_parties = [article.parties(start, end) for start, end in bounds[:2]]
    speaker = article.actors.get(voice.speaker) if voice is not None else None
    chain: list[int] = []
    chain_index: dict[int, int] = {}
    found = []
    # "~" joins a conjunction's parts ("type=ASSAULT~cdep=nsubj"): not "&", which a lexicon
    # row's word class holds ("use &weapon"), nor "^" and "|", which spell a path.
    # The features that depend on the event alone, or on one of a few values (the sentence gap,
    # the candidate's label, its side), spelt once per event, not once per candidate: the same
    # strings in the same order as before, so every score is the same sum
    speaker_feats = ("speaker", f"speaker~type={event.type}")
    addressee_feats = ("addressee", f"addressee~type={event.type}", f"addressee~tpos={tpos}")
    type_sent: dict[int, str] = {}
    by_dep: dict[str, tuple[str, str, str]] = {}
    sides = {
        side: (f"side={side}", f"type={event.type}~side={side}") for side in ("after", "before")
    }
    for actor_id in ids:
        actor = article.actors[actor_id]
        feats = [
            *article.actor_features(actor_id),
            f"inwin={bucket(in_window.get(actor_id, 0), WINDOW_COUNTS)}",
        ]
        if src_countries:
            same = actor.country in src_countries
            feats.append(f"src_country={'same' if same else 'other'}")
        if actor_id in article.hosts or actor_id in article.guests:
            side = set(event.actors) & (article.hosts | article.guests)
            feats.append("counterpart" if side else "meeting_party")
        if voice is not None:
            # by type: a turn's thanks or request goes to its addressee, an accusation seldom
            # (argmodel2; grouped CV on the 194 dev articles, with the speaker's country and
            # the learned source: dyad F1 0.4808 -> 0.4824, record 0.4602 -> 0.4614)
            if actor_id == voice.speaker:
                feats += speaker_feats
            if actor_id == voice.addressee:
                feats += addressee_feats
        if actor_id == event.reporter:
            feats.append("reporter")
        if speaker is not None and speaker.country:
            # in an address or a turn the other side is mostly of another country than the
            # speaker's (argmodel2; grouped CV on the 194 dev articles, targets alone: dyad F1
            # 0.4736 -> 0.4766, record 0.4561 -> 0.4587)
            feats.append(f"spk_country={'same' if actor.country == speaker.country else 'other'}")
        for gap, (acted, undergone) in enumerate(near_parties):
            if actor_id in undergone:
                feats.append(f"undergoes_near=-{gap}")
            if actor_id in acted:
                feats.append(f"acts_near=-{gap}")
        near = nearest.get(actor_id)
        if near is None:
            feats.append("sent=out")
        else:
            mention, head, gap = near
            dep = article.label(head)
            sent = type_sent.get(gap)
            if sent is None:
                sent = type_sent[gap] = f"type={event.type}~sent=-{gap}"
            dep_feats = by_dep.get(dep)
            if dep_feats is None:
                dep_feats = by_dep[dep] = (
                    f"cdep={dep}",
                    f"cdep={dep}~tpos={tpos}",
                    f"type={event.type}~cdep={dep}",
                )
            feats += [
                f"sent=-{gap}",
                f"mkind={mention.kind}",
                f"rank={min(rank[actor_id], RANKS)}",
                dep_feats[0],
                sent,
            ]
            if dep in SUBJECT_DEPS:
                feats.append("subject")
            if mention.span.start < article.title_end:
                feats.append("cand_title")
            if gap == 0:
                side_feat, type_side = sides["after" if head > at else "before"]
                feats.append(side_feat)
                feats.append(f"tokdist={bucket(abs(head - at), TOKEN_DISTANCES)}")
                if not chain:
                    chain = article.chain(at)
                    chain_index = {t: n for n, t in enumerate(chain)}
                up, down = article.path(chain, head, chain_index)
                feats.append(f"up={bucket(len(up), ARC_COUNTS)}")
                feats.append(f"down={bucket(len(down), ARC_COUNTS)}")
                if len(up) + len(down) <= PATH_ARCS:
                    path = f"path={'^'.join(up)}|{'>'.join(down)}"
                    feats.append(path)
                    feats.append(f"{path}~tpos={tpos}")
                    feats.append(f"{path}~type={event.type}")
                feats.append(dep_feats[1])
                feats.append(dep_feats[2])
                feats.append(type_side)
        found.append(Candidate(actor_id, tuple(feats)))
    return Candidates(shared, found)


def open_article(doc: Document, events: list[Event]) -> _Article:
    return _Article(doc, events)


def wanted(event: Event, role: str) -> bool:
    """Whether the model is asked for ``event``'s ``role``: the rules left it empty."""
    if event.type in SYMMETRIC_TYPES:
        return False
    if role == "target" and rule_parts(event.rule)[1] == ARMED_DEFENCE:
        # records DECISIONS.md D136: an ongoing defence keeps target [] unless the text names
        # the adversary (events/boundary.py keeps a named attacker); the ranker's nearest actor
        # is most often the defender's own side or the speaker
        return False
    return not (event.recipients if role == "target" else event.actors)


def two_sided_event(doc: Document, event: Event) -> bool:
    """Fighting between two sides ("Street fighting continues in the city centre"): the rules
    leave its source empty on purpose (records DECISIONS.md D38: both sides or none), so no
    learned source is given to it either."""
    trigger = trigger_token(doc, event)
    return trigger is not None and two_sided(trigger)


def choose(model: ArgumentModel, role: str, found: Candidates) -> tuple[str, float] | None:
    """The best candidate and its probability, if it reaches the role's threshold."""
    if not found.each:
        return None
    scored = [(model.score(role, c.features), c.actor) for c in found.each]
    logit, actor = max(scored, key=lambda pair: pair[0])
    p = model.probability(role, logit + model.score(role, found.shared))
    return (actor, p) if p >= model.thresholds[role] else None


def filled(article: _Article, event: Event, role: str, actor: str, p: float) -> Event:
    """``event`` with ``actor`` in its missing role, its ``rule`` saying so and how sure; the
    span is where the actor was last named before the trigger (else first named)."""
    mentions = article.doc.mentions
    before = bisect.bisect_right(article.mention_starts, event.trigger.start)
    spans = tuple(
        [m.span for m in reversed(mentions[:before]) if m.actor == actor][:1]
        or [m.span for m in mentions[before:] if m.actor == actor][:1]
    )
    note = learned_note(role, p)
    rule = event.rule or ""
    rule = f"{rule}, {note}" if RULES_MARK in rule else f"{rule}{RULES_MARK}{note}"
    if role == "target":
        return replace(event, recipients=(actor,), recipient_spans=spans, rule=rule)
    return replace(event, actors=(actor,), actor_spans=spans, rule=rule)


def fill_events(doc: Document, events: list[Event], model: ArgumentModel) -> list[Event]:
    """``events`` with the parties the rules left out filled where the model is sure enough."""
    roles = [r for r in ("target", "source") if r in model.weights]
    if not any(wanted(e, r) for e in events for r in roles):
        return events
    article = _Article(doc, events)
    result = []
    for event in events:
        for role in roles:
            if not wanted(event, role) or (
                role == "source" and two_sided_event(article.doc, event)
            ):
                continue
            best = choose(model, role, candidates(article, event, role, model.window))
            if best is not None:
                event = filled(article, event, role, *best)
        result.append(event)
    return result
