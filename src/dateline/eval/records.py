"""Scoring whole event records against the records gold, exactly as GUIDELINES.md says.

``../shared/eval/records/GUIDELINES.md`` ("Scoring") defines every figure; this module is that
section in code. In short:

* a predicted event **matches** a gold event when its trigger lies inside the gold sentence and
  its type is the gold type or one of the gold types; matching is one-to-one and greedy,
  preferring overlapping triggers (then the nearer trigger);
* **event** precision/recall/F1 count required gold events matched. Recall is over required gold
  events; precision over predictions, leaving out those that match an optional gold event or
  whose trigger lies inside an optional event's sentence;
* **dyad** also needs source and target to agree, **record** also the factuality;
* ``factuality_accuracy``, ``date_accuracy`` and ``place_accuracy`` are shares over matched
  required events that carry the gold field; ``source_filled`` and ``target_filled`` are shares
  of predicted events.

Where the guidelines leave the letter open, the choice is written here and in
``eval/records/README.md``:

* *Actor agreement.* A gold group or country with a country agrees with any predicted actor of
  that country ("for groups and countries, the same country"). Otherwise a name token of three
  or more letters must be shared, after folding accents and case and dropping titles, function
  words, group nouns and country names and demonyms (so "Russian forces" and "Russian Foreign
  Ministry" do not agree through "Russian"). A gold actor's kind is its ``kind`` field, or,
  in the inline dev set that has none, a country name (a country), a lower-case or
  country-plus-group-noun name (a group), else a person or organisation.
* *Symmetric types* (CONSULT, AGREE, COOPERATE): the gold source and target form one list, and
  so do the predicted actors and recipients; the two lists agree as lists do.
* *Places* agree on the same country and either the same name (folded, one containing the
  other as whole words) or a distance of at most 161 km between the predicted point and the
  gold place looked up in the gazetteer within its country.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.eval import changes
from dateline.eval.records_gold import GoldActor, GoldArticle, GoldEvent, GoldPlace, read_gold
from dateline.eval.skips import Skipped
from dateline.model import Actor, Article, Event, EventDate, EventPlace, Extraction

if TYPE_CHECKING:
    from dateline.document import Document

#: types whose parties may stand on either side (GUIDELINES.md, dyad_f1)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: predicted factualities under each gold factuality (GUIDELINES.md, record_f1)
FACTUALITY_OF = {
    "asserted": "happened",
    "reported": "happened",
    "claimed": "happened",
    "negated": "negated",
    "hypothetical": "possible",
    "future": "possible",
}
#: a predicted date no wider than this agrees when it overlaps the gold one (GUIDELINES.md)
DATE_WIDTH_DAYS = 31
#: a predicted place within this distance of the gold place agrees (GUIDELINES.md; Acc@161)
PLACE_KM = 161.0
FIGURES = (
    "event_precision",
    "event_recall",
    "event_f1",
    "dyad_precision",
    "dyad_recall",
    "dyad_f1",
    "record_precision",
    "record_recall",
    "record_f1",
    "factuality_accuracy",
    "date_accuracy",
    "place_accuracy",
    "source_filled",
    "target_filled",
)


# ---------------------------------------------------------------------------------------------
# Actors


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" -> "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FUNCTION_WORDS = frozenset(
    {"the", "and", "for", "with", "from", "its", "his", "her", "their", "our", "who", "of"}
)


def content_words(name: str) -> frozenset[str]:
    return frozenset(t for t in re.findall(r"\w+", fold(name)) if len(t) >= 3) - FUNCTION_WORDS


@lru_cache(maxsize=1)
def _ignored_name_words() -> frozenset[str]:
    """Words that do not identify a person or organisation: titles, function words, group
    nouns, and every country name and demonym word."""
    from dateline.actors.lexicon import GROUP_NOUNS, TITLE_WORDS
    from dateline.countries import load_countries

    words = {fold(w) for w in TITLE_WORDS} | {fold(w) for w in GROUP_NOUNS}
    words |= {fold(w) + "s" for w in GROUP_NOUNS}
    words |= FUNCTION_WORDS | {
        "side", "people", "leadership", "leaders", "leader", "delegation", "delegates",
        "representatives", "members", "office", "department", "service", "services", "agency",
        "armed", "federal", "national", "state", "states", "republic", "united", "kingdom",
    }  # fmt: skip
    for country in load_countries():
        for name in (*country.names, *country.demonyms):
            words.update(re.findall(r"\w+", fold(name)))
    return frozenset(words)


def name_tokens(name: str) -> frozenset[str]:
    ignored = _ignored_name_words()
    return frozenset(
        t
        for t in re.findall(r"\w+", fold(name))
        if len(t) >= 3 and t not in ignored and not t.isdigit()
    )


def gold_kind(actor: GoldActor) -> str:
    """The gold actor's kind: as annotated, else inferred from its name (module docstring)."""
    if actor.kind:
        return actor.kind
    from dateline.countries import country_by_capital, country_by_demonym, country_by_name

    name = actor.name.strip()
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    if country_by_name(bare) or country_by_capital(bare):
        return "country"
    if name[:1].islower():
        return "group"
    words = bare.split()
    if len(words) == 1 and country_by_demonym(words[0].removesuffix("s")):
        return "group"  # "Ukrainians", "Bangladeshis"
    if (
        words
        and (country_by_demonym(words[0]) or country_by_name(words[0]))
        and not name_tokens(bare)
    ):
        return "group"  # "Russian forces", "Ukrainian leadership", "Kiev regime"
    return "person"


@dataclass(frozen=True, slots=True)
class PredictedActor:
    name: str
    kind: str
    country: str | None
    names: tuple[str, ...]  # the name and the actor's name mentions

    @classmethod
    def of(cls, actor: Actor) -> PredictedActor:
        names = [actor.name, *(m.span.text for m in actor.mentions if m.kind == "name")]
        return cls(actor.name, actor.kind, actor.country, tuple(dict.fromkeys(names)))


def actor_agrees(gold: GoldActor, predicted: PredictedActor) -> bool:
    if gold_kind(gold) in {"group", "country"} and gold.country == predicted.country is not None:
        return True
    tokens = name_tokens(gold.name)
    if tokens:
        return any(tokens & name_tokens(n) for n in predicted.names)
    # a name of generic words only ("Foreign Ministry"): all of them, in an actor of its country
    words = content_words(gold.name)
    return (
        bool(words)
        and gold.country in {None, predicted.country}
        and any(words <= content_words(n) for n in predicted.names)
    )


def lists_agree(gold: Iterable[GoldActor], predicted: Iterable[PredictedActor]) -> bool:
    """Two lists agree when they share an actor; an empty gold list only with an empty one."""
    gold, predicted = list(gold), list(predicted)
    if not gold:
        return not predicted
    return any(actor_agrees(g, p) for g in gold for p in predicted)


# ---------------------------------------------------------------------------------------------
# Dates and places


def date_agrees(gold: tuple[dt.date, dt.date], event: Event) -> bool:
    earliest, latest = event.date.earliest, event.date.latest
    if earliest is None or latest is None:
        return False
    overlaps = earliest <= gold[1] and gold[0] <= latest
    width = (latest - earliest).days
    return overlaps and (width <= DATE_WIDTH_DAYS or width <= (gold[1] - gold[0]).days)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _same_name(gold: str, predicted: str) -> bool:
    g, p = fold(gold).strip(), fold(predicted).strip()
    if not g or not p:
        return False
    return (
        g == p
        or re.search(rf"\b{re.escape(p)}\b", g) is not None
        or (re.search(rf"\b{re.escape(g)}\b", p) is not None)
    )


@lru_cache(maxsize=4096)
def _gold_point(name: str, country: str | None) -> tuple[float, float] | None:
    """The gold place's point: the gazetteer's most populous place of that name in its country."""
    from dateline.gazetteer import load_gazetteer

    entries = [
        e
        for e in load_gazetteer().lookup(name)
        if e.lat is not None and e.lon is not None and (country is None or e.alpha3 == country)
    ]
    if not entries:
        return None
    best = max(entries, key=lambda e: (e.kind == 0, e.population))
    assert best.lat is not None and best.lon is not None
    return best.lat, best.lon


def place_agrees(gold: GoldPlace, event: Event) -> bool:
    if event.place is None:
        return False
    place = event.place.place
    if gold.country and place.country != gold.country:
        return False
    if _same_name(gold.name, place.name) or _same_name(gold.name, place.span.text):
        return True
    if place.lat is None or place.lon is None:
        return False
    point = (gold.lat, gold.lon) if gold.lat is not None and gold.lon is not None else None
    point = point or _gold_point(gold.name, gold.country)
    return point is not None and _km(point[0], point[1], place.lat, place.lon) <= PLACE_KM


# ---------------------------------------------------------------------------------------------
# Matching and tallies


def _inside(start: int, end: int, span: tuple[int, int]) -> bool:
    return span[0] <= start and end <= span[1]


def match_events(
    gold: tuple[GoldEvent, ...], predicted: list[Event]
) -> tuple[dict[int, int], set[int]]:
    """(gold index -> predicted index, predicted indices left out of precision).

    Greedy one-to-one over every candidate pair (trigger inside the gold sentence, type among
    the gold types), overlapping triggers first, then the nearest trigger. Predictions matched
    to an optional gold event, and unmatched ones inside an optional event's sentence, are left
    out of precision.
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            start, end = p.trigger.start, p.trigger.end
            if not _inside(start, end, g.sentence) or p.type not in g.types:
                continue
            overlap = start < g.trigger[1] and g.trigger[0] < end
            distance = abs(start - g.trigger[0])
            pairs.append((not g.required, not overlap, distance, gi, pi))
    pairs.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, gi, pi in pairs:
        if gi in matched or pi in used:
            continue
        matched[gi] = pi
        used.add(pi)
    left_out = {pi for gi, pi in matched.items() if not gold[gi].required}
    optional_sentences = [g.sentence for g in gold if not g.required]
    for pi, p in enumerate(predicted):
        if pi not in used and any(
            _inside(p.trigger.start, p.trigger.end, s) for s in optional_sentences
        ):
            left_out.add(pi)
    return matched, left_out


@dataclass
class Tally:
    required: int = 0
    predicted: int = 0  # counted in precision
    predicted_all: int = 0
    with_source: int = 0
    with_target: int = 0
    matched: int = 0
    dyad: int = 0
    record: int = 0
    factuality: list[int] = field(default_factory=lambda: [0, 0])
    date: list[int] = field(default_factory=lambda: [0, 0])
    place: list[int] = field(default_factory=lambda: [0, 0])
    articles: int = 0

    def figures(self) -> dict[str, Any]:
        def prf(hits: int) -> tuple[float, float, float]:
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.required if self.required else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return round(p, 4), round(r, 4), round(f, 4)

        def share(part: list[int]) -> float | None:
            return round(part[0] / part[1], 4) if part[1] else None

        out: dict[str, Any] = {}
        for name, hits in (("event", self.matched), ("dyad", self.dyad), ("record", self.record)):
            out[f"{name}_precision"], out[f"{name}_recall"], out[f"{name}_f1"] = prf(hits)
        out["factuality_accuracy"] = share(self.factuality)
        out["date_accuracy"] = share(self.date)
        out["place_accuracy"] = share(self.place)
        out["source_filled"] = (
            round(self.with_source / self.predicted_all, 4) if self.predicted_all else None
        )
        out["target_filled"] = (
            round(self.with_target / self.predicted_all, 4) if self.predicted_all else None
        )
        out.update(
            n_articles=self.articles,
            n_required=self.required,
            n_predicted=self.predicted,
            n_matched=self.matched,
            n_factuality=self.factuality[1],
            n_date=self.date[1],
            n_place=self.place[1],
        )
        return out


def _describe_gold(g: GoldEvent, text: str) -> dict[str, Any]:
    return {
        "trigger": text[g.trigger[0] : g.trigger[1]],
        "type": list(g.types),
        "source": [a.name for a in g.source],
        "target": [a.name for a in g.target],
        "factuality": g.factuality,
        "date": [g.date[0].isoformat(), g.date[1].isoformat()] if g.date else None,
        "place": g.place.name if g.place else None,
    }


def _describe_predicted(p: Event, actors: dict[str, PredictedActor]) -> dict[str, Any]:
    return {
        "trigger_text": p.trigger.text,
        "type": p.type,
        "source": [actors[a].name for a in p.actors if a in actors],
        "target": [actors[a].name for a in p.recipients if a in actors],
        "factuality": p.factuality,
        "date": [
            p.date.earliest.isoformat() if p.date.earliest else None,
            p.date.latest.isoformat() if p.date.latest else None,
        ],
        "place": p.place.place.name if p.place else None,
        "stage": p.stage,
    }


def score_article(
    gold: GoldArticle,
    extraction: Extraction,
    tally: Tally,
    errors: list[dict[str, Any]],
    verdicts: list[dict[str, Any]] | None = None,
) -> None:
    """Add one article's counts to ``tally`` and its errors to ``errors``; with ``verdicts``,
    also one row per prediction saying how it scored (for ``--save``/``--diff``)."""
    actors = {a.id: PredictedActor.of(a) for a in extraction.actors}
    predicted = list(extraction.events)
    matched, left_out = match_events(gold.events, predicted)
    tally.articles += 1
    tally.required += sum(g.required for g in gold.events)
    tally.predicted += len(predicted) - len(left_out)
    tally.predicted_all += len(predicted)
    tally.with_source += sum(bool(p.actors) for p in predicted)
    tally.with_target += sum(bool(p.recipients) for p in predicted)
    text = gold.text
    outcome: dict[int, str] = {}

    def error(kind: str, sentence: tuple[int, int], **details: Any) -> None:
        errors.append(
            {"error": kind, "article": gold.id, "genre": gold.genre,
             "sentence": text[sentence[0] : sentence[1]], **details}
        )  # fmt: skip

    for gi, g in enumerate(gold.events):
        if not g.required:
            continue
        pi = matched.get(gi)
        if pi is None:
            error("missed", g.sentence, gold=_describe_gold(g, text))
            continue
        p = predicted[pi]
        tally.matched += 1
        sources = [actors[a] for a in p.actors if a in actors]
        targets = [actors[a] for a in p.recipients if a in actors]
        if p.type in SYMMETRIC_TYPES:
            dyad = lists_agree(g.source + g.target, sources + targets)
        else:
            dyad = lists_agree(g.source, sources) and lists_agree(g.target, targets)
        factual = FACTUALITY_OF.get(p.factuality) == g.factuality
        tally.dyad += dyad
        tally.record += dyad and factual
        tally.factuality[0] += factual
        tally.factuality[1] += 1
        pair = {"gold": _describe_gold(g, text), "predicted": _describe_predicted(p, actors)}
        outcome[pi] = "record" if dyad and factual else "dyad" if dyad else "event"
        if not dyad:
            error("dyad", g.sentence, **pair)
        if not factual:
            error("factuality", g.sentence, **pair)
        if g.date is not None:
            agrees = date_agrees(g.date, p)
            tally.date[0] += agrees
            tally.date[1] += 1
            if not agrees:
                error("date", g.sentence, **pair)
        if g.place is not None:
            agrees = place_agrees(g.place, p)
            tally.place[0] += agrees
            tally.place[1] += 1
            if not agrees:
                error("place", g.sentence, **pair)
    used = set(matched.values())
    for pi, p in enumerate(predicted):
        if pi in used or pi in left_out:
            continue
        error("false", (p.evidence.start, p.evidence.end), predicted=_describe_predicted(p, actors))
    if verdicts is not None:
        for pi, p in enumerate(predicted):
            verdict = outcome.get(pi, "optional" if pi in left_out else "false")
            verdicts.append(
                {"article": gold.id, "trigger": [p.trigger.start, p.trigger.end],
                 "sentence": p.evidence.text, "verdict": verdict, **_describe_predicted(p, actors)}
            )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The evaluation


def _article(gold: GoldArticle) -> Article:
    return Article(
        id=gold.id,
        date=gold.date,
        title=gold.title,
        text=gold.text,
        source=gold.source,
        url=gold.url,
    )


def documents(golds: list[GoldArticle], config: Any = None) -> Iterator[Document]:
    """Each gold article through the pipeline, as its Document with the parse kept alive: the
    training scripts of the events stage's models read the parse as well as the records."""
    from dateline.nlp import load_nlp, parse
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(config)
    nlp = load_nlp(pipeline.config.model)
    for gold, parsed in zip(golds, parse(nlp, [g.text for g in golds]), strict=True):
        document = pipeline.new_document(_article(gold), parsed=parsed)
        for stage in pipeline.stages:
            document = stage(document)
        yield document


def extractions(golds: list[GoldArticle], config: Any = None) -> Iterator[Extraction]:
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(config)
    yield from pipeline.pipe(_article(g) for g in golds)


def evaluate(
    paths: Iterable[Path],
    *,
    texts: Path | None = None,
    limit: int | None = None,
    config: Any = None,
    errors_path: Path | None = None,
    save_path: Path | None = None,
    baseline_path: Path | None = None,
) -> dict[str, Any]:
    """Score the pipeline on the gold files and folders in ``paths`` (module docstring).

    ``save_path`` writes every prediction with its verdict (a match scored "record", "dyad" or
    "event" by how much of it agrees; "false"; "optional"); ``baseline_path`` compares the
    predictions with such a file from an earlier run and adds the changes to the report.
    """
    paths = list(paths)
    skipped = Skipped()  # empty, not English or unreadable: left out and counted (eval.skips)
    golds = read_gold(paths, texts=texts, skipped=skipped)
    golds = skipped.usable(golds, _article, lambda g: g.id)[: limit if limit else None]
    overall = Tally()
    by_genre: dict[str, Tally] = defaultdict(Tally)
    errors: list[dict[str, Any]] = []
    verdicts: list[dict[str, Any]] = []
    stages: list[str] = []
    for gold, extraction in zip(golds, extractions(golds, config), strict=True):
        stages = extraction.stages
        found: list[dict[str, Any]] = []
        score_article(gold, extraction, overall, found, verdicts)
        score_article(gold, extraction, by_genre[gold.genre], [])
        errors.extend(found)
    report: dict[str, Any] = {
        "dataset": f"records gold: {', '.join(str(p) for p in paths)}",
        **overall.figures(),
        "by_genre": {genre: by_genre[genre].figures() for genre in sorted(by_genre)},
        "stages": ",".join(stages),
        **skipped.figures(),
    }
    if errors_path is not None:
        changes.write_rows(errors_path, errors)
        report["errors_file"] = str(errors_path)
        report["n_errors"] = len(errors)
    if save_path is not None:
        changes.write_rows(save_path, verdicts)
        report["predictions_file"] = str(save_path)
    if baseline_path is not None:
        report["changes"] = diff_predictions(changes.read_predictions(baseline_path), verdicts)
    return report


VERDICT_RANK = {"false": 0, "optional": 1, "event": 2, "dyad": 3, "record": 4}
COMPARED = ("type", "source", "target", "factuality", "date", "place")


def diff_predictions(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    """What changed between two runs (:mod:`dateline.eval.changes`): a prediction is its
    article and trigger; its type, dyad, factuality, date and place are compared."""
    return changes.diff_predictions(
        before,
        after,
        key=lambda row: (row["article"], row["trigger"][0], row["trigger"][1]),
        compared=COMPARED,
        rank=VERDICT_RANK,
        absent=VERDICT_RANK["optional"],  # no prediction: no gain, no loss on the figures
    )


# ---------------------------------------------------------------------------------------------
# Agreement between two annotations of one article


def as_extraction(gold: GoldArticle) -> Extraction:
    """Another annotator's required events as predictions: each event's first type, its source
    and target as actors, happened as asserted and possible as future."""
    from dateline.model import Place, Span

    actors: dict[str, Actor] = {}
    text = gold.text

    def actor_ids(listed: tuple[GoldActor, ...]) -> tuple[str, ...]:
        ids = []
        for a in listed:
            key = f"{a.name}|{a.country}"
            if key not in actors:
                kind = a.kind or gold_kind(a)
                actors[key] = Actor(key, a.name, kind, a.country, a.sector, (), "gold")  # type: ignore[arg-type]
            ids.append(key)
        return tuple(ids)

    back = {"happened": "asserted", "possible": "future", "negated": "negated"}
    events = []
    for number, g in enumerate(e for e in gold.events if e.required):
        place = None
        if g.place is not None:
            point = (g.place.lat, g.place.lon)
            where = Place(
                Span.of(text, *g.trigger), g.place.name, "town", g.place.country, None,
                point[0], point[1], None, Span.of(text, *g.sentence), "gold",
            )  # fmt: skip
            place = EventPlace(where, "sentence")
        events.append(
            Event(
                id=f"a{number}",
                type=g.types[0],
                mode=None,
                context=(),
                quad=0,
                actors=actor_ids(g.source),
                recipients=actor_ids(g.target),
                date=EventDate("x", *(g.date or (None, None))),
                place=place,
                factuality=back[g.factuality],  # type: ignore[arg-type]
                reporter=None,
                evidence=Span.of(text, *g.sentence),
                trigger=Span.of(text, *g.trigger),
                confidence=1.0,
                stage="gold",
            )
        )
    article = Article(gold.id, gold.date, gold.title, text)
    return Extraction(article=article, actors=list(actors.values()), events=events)


def agreement(pairs: Iterable[tuple[GoldArticle, GoldArticle]]) -> dict[str, Any]:
    """Figures of annotation B scored against A and of A against B, and their mean (F1s)."""
    forward, backward = Tally(), Tally()
    for a, b in pairs:
        if a.text != b.text:
            raise ValueError(f"{a.id}: the two annotations are of different texts")
        score_article(a, as_extraction(b), forward, [])
        score_article(b, as_extraction(a), backward, [])
    one, two = forward.figures(), backward.figures()
    mean = {
        key: round((one[key] + two[key]) / 2, 4) for key in ("event_f1", "dyad_f1", "record_f1")
    }
    return {"mean": mean, "b_against_a": one, "a_against_b": two}
