"""Measure a trained rescue of the events the rules drop (issue 11, event recall).

    PYTHONPATH=src .venv/bin/python scripts/train_event_rescue.py --texts /work/shared

Hypothesis: a small trained classifier over the candidates the rules remove, with the removing
rule's name as a feature, restores the real ones above a threshold and raises recall more than
it costs precision. Measured on the records **dev** set only (eval/records/dev; the script
refuses held-back): it was not taken (docs/accuracy.md, "A trained rescue of dropped events").

What it does:

1. Runs the pipeline with every removed candidate restored and recorded: each draft a drop rule
   of :data:`dateline.events.rules.RULES` removed (:func:`dateline.events.coder.drafts`), coded
   again without the drop rules and through PLOVER's boundary rules, made an event by the stage
   as any other (date, place, discourse filling), and each event the stage removed as an act of
   no one (:func:`dateline.events.implicit.generic_act`). The package's code is not changed: the
   script wraps three of its functions while it runs (:class:`Recording`).
2. Labels each restored event as the records scorer does (:func:`match_events` on the article's
   events with all restored: matched to a required gold event is real, matched to an optional
   one or inside an optional event's sentence is left out, anything else is false).
3. Fits scikit-learn's L2 logistic regression over binary features (:func:`draft_features`):
   the removing rule's name, PLOVER type, lexicon row, the trigger's part of speech, tag and
   dependency, the clause's tense, negation, modal and subject, whether actors and recipients
   were found and of what kind, quote / transcript turn / title, and how many events the rules
   kept in the sentence (of the same type or not). No word of an article text is a feature.
4. Cross-validates by article (5 folds fixed by a seeded shuffle of the sorted ids: fit on four
   fifths, restore in the fifth, score the fifth with :func:`score_article`; the figures are
   pooled over the five held-out fifths) over a grid of C and thresholds, prints the rules
   alone, the best setting, a feature-group ablation and the oracle (every real one restored,
   no false one): the most any classifier over these candidates could gain.

Deterministic: the folds are seeded, lbfgs is deterministic, the pipeline is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from dateline.config import PipelineConfig
from dateline.eval.records import Tally, _article, match_events, score_article
from dateline.eval.records_gold import GoldArticle, read_gold
from dateline.eval.skips import Skipped
from dateline.events import coder, implicit, rules
from dateline.events.boundary import apply_boundary_rules
from dateline.events.candidate import Candidate
from dateline.events.records import rules_named
from dateline.pipeline import Pipeline
from dateline.stages import events as events_stage

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Event, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "records" / "dev"
SEED = 13
FOLDS = 5
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))
RULES_ALONE = 2.0  # a threshold no probability reaches
ORACLE = -1.0  # marks the oracle's probabilities
#: counts above this are one bucket
MAX_COUNT = 3
#: the rules a restored draft is coded again with: all but the drop rules
KEEPING_RULES = tuple(rule for rule in rules.RULES if rule.step != rules.Step.DROP)
GENERIC_ACT = "generic act"
#: feature groups, by the prefix of their names
GROUPS = (
    "drop=", "drop*kind=", "type=", "kind=", "row=", "tag=", "dep=", "clause=", "kept=",
    "rules=", "support verb", "same type kept", "negated", "modal", "clause subject",
    "no actor", "no recipient", "actor=", "recipient=", "in quote", "in turn", "in title",
)  # fmt: skip


def _count(n: int) -> str:
    return str(n) if n < MAX_COUNT else f"{MAX_COUNT}+"


def _kind(token: Token) -> str:
    return "verb" if token.pos_ in {"VERB", "AUX"} else "adj" if token.pos_ == "ADJ" else "noun"


def _common(
    doc: Document, trigger: Token, clause: Token, dropper: str, type_: str, kept: list[str]
) -> list[str]:
    kind = _kind(trigger)
    found = [
        f"drop={dropper}",
        f"drop*kind={dropper}|{kind}",
        f"type={type_}",
        f"kind={kind}",
        f"tag={trigger.tag_}",
        f"dep={trigger.dep_}",
        f"clause={clause.tag_ if clause.pos_ in {'VERB', 'AUX'} else clause.pos_}",
        f"kept={_count(len(kept))}",
    ]
    if clause.i != trigger.i:
        found.append("support verb")
    if type_ in kept:
        found.append("same type kept")
    children = list(clause.children)
    if any(c.dep_ == "neg" for c in children):
        found.append("negated")
    if any(c.tag_ == "MD" for c in children):
        found.append("modal")
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in children):
        found.append("clause subject")
    start = trigger.idx
    if any(q.span.start <= start < q.span.end for q in doc.extraction.quotes):
        found.append("in quote")
    if doc.voice_at(start) is not None:
        found.append("in turn")
    if doc.paragraphs and start < doc.paragraphs[0].end:
        found.append("in title")
    return found


def _parties(doc: Document, side: str, ids: set[str]) -> list[str]:
    kinds = {a.id: a.kind for a in doc.extraction.actors}
    return sorted({f"{side}={kinds.get(i, '?')}" for i in ids}) or [f"no {side}"]


def draft_features(
    doc: Document, context: rules.Context, draft: rules.Draft, kept: list[str]
) -> list[str]:
    """A dropped draft's features (module docstring); ``kept``: the types the rules kept in its
    sentence."""
    dropper = draft.fired[-1] if draft.fired else "?"
    found = _common(doc, context.trigger, context.clause, dropper, draft.type, kept)
    entry = context.entry
    found += [f"row={entry.pos}:{entry.pattern}", f"rules={_count(len(draft.fired) - 1)}"]
    found += _parties(doc, "actor", {a for arg in draft.actors for a in arg.actors})
    found += _parties(doc, "recipient", {a for arg in draft.recipients for a in arg.actors})
    return found


def event_features(doc: Document, event: Event, trigger: Token, kept: list[str]) -> list[str]:
    """An event the stage removed as an act of no one (it has no actor and no recipient)."""
    found = _common(doc, trigger, trigger, GENERIC_ACT, event.type, kept)
    found += ["no actor", "no recipient", f"rules={_count(len(rules_named(event.rule)))}"]
    row = re.search(r"(verb|noun|adj) '([^']*)'", event.rule or "")
    return [*found, f"row={row[1]}:{row[2]}"] if row else found


class Recording:
    """While it is active the events stage keeps every candidate the rules remove: a dropped
    draft is restored as an event after the sentence loop (wrapping the first discourse step
    the stage calls), an act of no one is not removed; ``log`` has each one's features."""

    def __init__(self) -> None:
        self.pending: list[tuple[rules.Context, rules.Draft]] = []
        #: (article id, event id) -> features
        self.log: dict[tuple[str, str], list[str]] = {}
        self.stage: Any = None
        #: the types the rules kept in each sentence of the article, by the sentence's start
        self.kept: dict[int, list[str]] = {}

    @contextmanager
    def active(self) -> Iterator[None]:
        drafts, first_step, generic_act = (
            coder.drafts,
            events_stage.one_attack_on_its_verb,
            implicit.generic_act,
        )

        def recorded_drafts(
            doc: Document, sent: SpacySpan
        ) -> list[tuple[rules.Context, rules.Draft]]:
            found = drafts(doc, sent)
            self.pending.extend((c, d) for c, d in found if d.dropped)
            return found

        def restored_first(doc: Document, events: list[Event]) -> list[Event]:
            return first_step(doc, events + self._restore(doc, events))

        def kept_generic(doc: Document, event: Event) -> bool:
            removed = generic_act(doc, event)
            key = (doc.article.id, event.id)
            if not removed or key in self.log:
                return removed
            trigger = implicit.trigger_token(doc, event)
            if trigger is None:
                return removed
            kept = list(self.kept.get(event.evidence.start, []))
            if event.type in kept:
                kept.remove(event.type)  # the others: this one was kept by the rules too
            self.log[key] = event_features(doc, event, trigger, kept)
            return False

        coder.drafts = recorded_drafts
        events_stage.one_attack_on_its_verb = restored_first
        implicit.generic_act = kept_generic
        try:
            yield
        finally:
            coder.drafts = drafts
            events_stage.one_attack_on_its_verb = first_step
            implicit.generic_act = generic_act

    def _restore(self, doc: Document, events: list[Event]) -> list[Event]:
        pending, self.pending = self.pending, []
        by_sentence: dict[int, list[str]] = {}
        self.kept = by_sentence
        for event in events:
            by_sentence.setdefault(event.evidence.start, []).append(event.type)
        stamp = doc.stamp(self.stage)
        restored: list[Event] = []
        for context, draft in pending:
            evidence = doc.sentence_span(doc.sentence_of(context.trigger))
            coded = rules.apply_rules(context, KEEPING_RULES)
            assert coded.reading is not None
            candidate = Candidate(
                context.trigger, context.clause, context.entry, coded.type, coded.mode,
                coded.actors, coded.recipients, coded.reading, None, coded.parties, coded.fired,
            )  # fmt: skip
            candidate = apply_boundary_rules(doc, candidate, content_of=coded.content_of)
            index = len(events) + len(restored)
            event = self.stage._record(doc, candidate, evidence, stamp, index)
            kept = by_sentence.get(evidence.start, [])
            self.log[(doc.article.id, event.id)] = draft_features(doc, context, draft, kept)
            restored.append(event)
        return restored


@dataclass(frozen=True, slots=True)
class Row:
    """A restored candidate: its article, its event, its features, its label (None: left out)."""

    article: str
    event: str
    features: tuple[str, ...]
    label: int | None


def record(golds: list[GoldArticle]) -> tuple[list[Extraction], list[Row]]:
    """The pipeline's extractions with every removed candidate restored, and their rows."""
    pipeline = Pipeline(PipelineConfig())
    recording = Recording()
    recording.stage = next(s for s in pipeline.stages if s.name == "events")
    with recording.active():
        extractions = list(pipeline.pipe(_article(g) for g in golds))
    rows = []
    for gold, extraction in zip(golds, extractions, strict=True):
        matched, left_out = match_events(gold.events, extraction.events)
        real = {pi for gi, pi in matched.items() if gold.events[gi].required}
        for pi, event in enumerate(extraction.events):
            features = recording.log.get((gold.id, event.id))
            if features is not None:
                label = None if pi in left_out else int(pi in real)
                rows.append(Row(gold.id, event.id, tuple(features), label))
    return extractions, rows


def _group(name: str) -> str:
    return next(g for g in sorted(GROUPS, key=len, reverse=True) if name.startswith(g))


def fit(rows: list[Row], c: float, without: tuple[str, ...]) -> tuple[float, dict[str, float]]:
    labelled = [r for r in rows if r.label is not None]
    names = sorted({f for r in labelled for f in r.features if _group(f) not in without})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(labelled), len(names)))
    for i, r in enumerate(labelled):
        for f in r.features:
            if f in index:
                x[i, index[f]] = 1.0
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, np.array([r.label for r in labelled]))
    weights = dict(zip(names, (float(w) for w in model.coef_[0]), strict=True))
    return float(model.intercept_[0]), weights


def probability(bias: float, weights: dict[str, float], features: tuple[str, ...]) -> float:
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + float(np.exp(-z)))


def folds(golds: list[GoldArticle]) -> dict[str, int]:
    ids = sorted(g.id for g in golds)
    random.Random(SEED).shuffle(ids)
    return {article: i % FOLDS for i, article in enumerate(ids)}


def scored(
    golds: list[GoldArticle], extractions: list[Extraction], p: dict[tuple[str, str], float],
    keep: Callable[[float], bool],
) -> dict[str, Any]:  # fmt: skip
    """The figures with the restored events whose probability ``keep`` accepts."""
    tally = Tally()
    for gold, extraction in zip(golds, extractions, strict=True):
        events = [
            e for e in extraction.events if (gold.id, e.id) not in p or keep(p[(gold.id, e.id)])
        ]
        score_article(gold, replace(extraction, events=events), tally, [])
    return tally.figures()


def cross_validate(
    golds: list[GoldArticle], extractions: list[Extraction], rows: list[Row], c: float,
    without: tuple[str, ...] = (),
) -> dict[float, dict[str, Any]]:  # fmt: skip
    """Pooled held-out figures by threshold (module docstring)."""
    fold_of = folds(golds)
    p: dict[tuple[str, str], float] = {}
    for k in range(FOLDS):
        bias, weights = fit([r for r in rows if fold_of[r.article] != k], c, without)
        for r in rows:
            if fold_of[r.article] == k:
                p[(r.article, r.event)] = probability(bias, weights, r.features)
    return {t: scored(golds, extractions, p, _at_least(t)) for t in (*THRESHOLDS, RULES_ALONE)}


def _at_least(threshold: float) -> Callable[[float], bool]:
    return lambda q: q >= threshold


FIGURES = ("event_precision", "event_recall", "event_f1", "dyad_f1", "record_f1")


def _line(name: str, figures: dict[str, Any]) -> str:
    return f"{name:<40}" + " ".join(f"{figures[k]:>6.4f}" for k in FIGURES)


def search(
    golds: list[GoldArticle], extractions: list[Extraction], rows: list[Row]
) -> dict[str, Any]:
    """Print and return the CV figures over the grid, the ablation and the oracle."""
    print(
        f"{'':<40}" + " ".join(f"{k.split('_')[0][:3]}_{k.split('_')[1][:1]:<2}" for k in FIGURES)
    )
    report: dict[str, Any] = {}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for c in C_GRID:
        found = cross_validate(golds, extractions, rows, c)
        if "rules alone" not in report:
            report["rules alone"] = found[RULES_ALONE]
            print(_line("rules alone", found[RULES_ALONE]))
        for t in THRESHOLDS:
            best = max(best, (found[t]["event_f1"], c, t))
        top = max(THRESHOLDS, key=lambda th: found[th]["event_f1"])
        print(_line(f"C={c} best t={top}", found[top]))
        for t in (0.3, 0.5, 0.7):
            print(_line(f"C={c} t={t}", found[t]))
    _, c, t = best
    report["best"] = {"C": c, "threshold": t, **cross_validate(golds, extractions, rows, c)[t]}
    print(_line(f"best CV: C={c} t={t}", report["best"]))
    for group in sorted({_group(f) for r in rows for f in r.features}):
        found = cross_validate(golds, extractions, rows, c, (group,))
        top = max(THRESHOLDS, key=lambda th: found[th]["event_f1"])
        print(_line(f"  without {group} (t={top})", found[top]))
    real = {(r.article, r.event): float(r.label == 1) for r in rows}
    report["oracle"] = scored(golds, extractions, real, lambda q: q > 0)
    print(_line("oracle (every real one, no false one)", report["oracle"]))
    report["restore all"] = scored(golds, extractions, real, lambda q: True)
    print(_line("restore all", report["restore all"]))
    return report


def training_sha256(rows: list[Row]) -> str:
    text = json.dumps(sorted([r.article, r.event, sorted(r.features), r.label] for r in rows))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def counts(golds: list[GoldArticle], rows: list[Row]) -> dict[str, Any]:
    found: dict[str, Any] = {"articles": len(golds), "restored": len(rows)}
    for origin in ("drop rules", GENERIC_ACT):
        mine = [
            r for r in rows if (f"drop={GENERIC_ACT}" in r.features) == (origin != "drop rules")
        ]
        found[origin] = {
            "real": sum(r.label == 1 for r in mine),
            "false": sum(r.label == 0 for r in mine),
            "left out": sum(r.label is None for r in mine),
        }
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--records", type=Path, default=DEV, help="the records dev set")
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--report", type=Path, help="write the figures here (JSON)")
    options = parser.parse_args()
    if "held-back" in str(options.records):
        parser.error("the rescue is measured on the dev set only")

    skipped = Skipped()
    golds = read_gold([options.records], texts=options.texts, skipped=skipped)
    golds = skipped.usable(golds, _article, lambda g: g.id)
    extractions, rows = record(golds)
    about = {"counts": counts(golds, rows), "training_sha256": training_sha256(rows)}
    print(json.dumps(about))
    about.update(search(golds, extractions, rows))
    if options.report is not None:
        options.report.write_text(json.dumps(about, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
