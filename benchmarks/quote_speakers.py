"""Who speaks the quotes of the press releases: figures, and a sample to check by hand (issue 11).

Runs the segment, actors and quotes stages over a seeded random sample of the Kremlin/Zelenskyy
press releases (``../shared/corpora/kremlin-zelenskyy-2021-2022``) and prints, as JSON:

* records by kind, and how many of the speech quotes (kinds direct, partial, indirect,
  according_to) have a speaker actor;
* how many records of each kind have a cue verb of belief, desire or perception (the verbs issue
  11 found serving as speech cues, and their near kin);
* how many pairs of speech quotes overlap in one article, by class: a chain of attribution (one
  quote's cue lies inside the other's words: "Yermak noted that Zelensky emphasizes X"), a
  quotation inside the indirect speech of its own cue, or the same words given twice;
* how many speech quotes are the words of a transcript turn or an address, and the share with a
  speaker of the others.

With ``--sample FILE`` it also writes a Markdown table of ``--quotes`` speech quotes drawn with
the same seed, each with its sentence, its speaker and the voice (transcript turn or address)
that holds it, and an empty judgement column to fill in by reading each one in its article.

    .venv/bin/python benchmarks/quote_speakers.py --articles 150 --seed 11 \\
        --sample benchmarks/results/quote_speakers_sample.md

``--cache FILE`` keeps the spaCy parses in a DocBin, so that a second run (after a rule change)
skips parsing; delete the file after changing the model or the entity ruler.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "kremlin-zelenskyy-2021-2022"
SPEECH_KINDS = ("direct", "partial", "indirect", "according_to")
#: verbs of belief, desire and perception: the ones issue 11 counted as speech cues (want, know,
#: support, see, defend) and their near kin. A fixed list of this script's, so that the figure
#: before and after a change of the quotes lexicon counts the same verbs.
BELIEF_DESIRE_PERCEPTION = [
    "think",
    "believe",
    "know",
    "feel",
    "want",
    "wish",
    "hope",
    "fear",
    "expect",
    "see",
    "hear",
    "watch",
    "notice",
    "understand",
    "realize",
    "realise",
    "support",
    "defend",
    "consider",
    "doubt",
    "suspect",
    "worry",
]


def sample_articles(corpus: Path, n: int, seed: int) -> list[Any]:
    from dateline.io import iter_articles

    articles = list(iter_articles(sorted(corpus.glob("*.csv"))))
    return random.Random(seed).sample(articles, min(n, len(articles)))


def parses(articles: list[Any], cache: Path | None, model: str) -> list[Any]:
    from spacy.tokens import DocBin

    from dateline.nlp import load_nlp, parse

    nlp = load_nlp(model)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(parse(nlp, [a.text for a in articles]))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def _lemma(document: Any, start: int) -> str:
    span = document.parsed.char_span(start, start + 1, alignment_mode="expand")
    return span[0].lemma_.lower() if span is not None and len(span) else ""


def run(args: argparse.Namespace) -> dict[str, Any]:
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(stages=("segment", "actors", "quotes"))
    articles = sample_articles(args.corpus, args.articles, args.seed)
    documents = []
    for article, parsed in zip(
        articles, parses(articles, args.cache, pipeline.config.model), strict=True
    ):
        document = pipeline.new_document(article, parsed=parsed)
        for stage in pipeline.stages:
            document = stage(document)
        documents.append(document)
    kinds: Counter[str] = Counter()
    with_speaker: Counter[str] = Counter()
    belief_cues: Counter[str] = Counter()
    belief_cue_lemmas: Counter[str] = Counter()
    overlapping: Counter[str] = Counter()
    voiced = voiced_with_speaker = 0
    speech: list[tuple[Any, Any]] = []
    for document in documents:
        quotes = document.extraction.quotes
        for quote in quotes:
            kinds[quote.kind] += 1
            with_speaker[quote.kind] += quote.speaker.actor is not None
            lemma = _lemma(document, quote.cue.start) if quote.cue else ""
            if lemma in BELIEF_DESIRE_PERCEPTION:
                belief_cues[quote.kind] += 1
                belief_cue_lemmas[lemma] += quote.kind in SPEECH_KINDS
        spoken = [q for q in quotes if q.kind in SPEECH_KINDS]
        speech.extend((document, q) for q in spoken)
        for quote in spoken:
            if _voiced(document, quote):
                voiced += 1
                voiced_with_speaker += quote.speaker.actor is not None
        for i, a in enumerate(spoken):
            for b in spoken[i + 1 :]:
                if a.span.start < b.span.end and b.span.start < a.span.end:
                    overlapping[_overlap_class(a, b)] += 1
    n_speech = sum(kinds[k] for k in SPEECH_KINDS)
    report = {
        "articles": len(documents),
        "seed": args.seed,
        "stages": pipeline.stage_versions(),
        "records_by_kind": dict(kinds),
        "speech_quotes": n_speech,
        "speech_quotes_with_speaker": sum(with_speaker[k] for k in SPEECH_KINDS),
        "share_with_speaker": round(sum(with_speaker[k] for k in SPEECH_KINDS) / n_speech, 4)
        if n_speech
        else 0.0,
        "with_speaker_by_kind": dict(with_speaker),
        "belief_desire_perception_cues_by_kind": dict(belief_cues),
        "speech_quotes_with_belief_desire_perception_cue": sum(
            belief_cues[k] for k in SPEECH_KINDS
        ),
        "speech_cue_lemmas_of_belief_desire_perception": dict(belief_cue_lemmas.most_common()),
        "speech_quotes_of_turns_and_addresses": voiced,
        "share_with_speaker_outside_turns_and_addresses": round(
            (sum(with_speaker[k] for k in SPEECH_KINDS) - voiced_with_speaker)
            / (n_speech - voiced),
            4,
        )
        if n_speech > voiced
        else 0.0,
        "overlapping_speech_pairs": sum(overlapping.values()),
        "overlapping_speech_pairs_by_class": dict(overlapping),
    }
    if args.sample is not None:
        drawn = random.Random(args.seed).sample(speech, min(args.quotes, len(speech)))
        drawn.sort(key=lambda pair: (pair[0].article.date, pair[0].article.id, pair[1].span.start))
        write_sample(args.sample, drawn, report)
    return report


def _voiced(document: Any, quote: Any) -> bool:
    """A quote made of a transcript turn's or an address's own words (no cue verb)."""
    cue = quote.cue.text if quote.cue else None
    return quote.kind == "direct" and cue in {None, ":"} and document.voice_at(quote.span.start)


def _overlap_class(a: Any, b: Any) -> str:
    """chain: one's cue lies inside the other's words ("X said Y claimed Z"); same cue: a
    quotation inside the indirect speech of its own cue; same words: the rest (duplicates)."""
    if a.cue is not None and a.cue == b.cue:
        return "same cue"
    for quote, other in ((a, b), (b, a)):
        if other.cue is not None and quote.span.start <= other.cue.start < quote.span.end:
            return "chain"
    return "same words"


def _cell(text: str, limit: int = 400) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_sample(path: Path, drawn: list[tuple[Any, Any]], report: dict[str, Any]) -> None:
    lines = [
        "# Quote speakers on the press releases: a sample checked by hand",
        "",
        f"{len(drawn)} speech quotes drawn at random (seed {report['seed']}) from the "
        f"{report['speech_quotes']} speech quotes that {', '.join(report['stages'])} find in "
        f"{report['articles']} press releases drawn at random (same seed) from "
        "`../shared/corpora/kremlin-zelenskyy-2021-2022`, by `benchmarks/quote_speakers.py`.",
        "",
        "| # | article | kind | cue | quote | speaker found | voice | judgement |",
        "|---:|---|---|---|---|---|---|---|",
    ]
    for number, (document, quote) in enumerate(drawn, 1):
        names = {a.id: a.name for a in document.extraction.actors}
        speaker = quote.speaker.span.text if quote.speaker.span else "—"
        if quote.speaker.actor:
            speaker += f" → {names.get(quote.speaker.actor, quote.speaker.actor)}"
        voice = document.voice_at(quote.span.start)
        held = f"{names.get(voice.speaker, voice.speaker)}" if voice else "—"
        article = f"{document.article.date} {_cell(document.article.title, 80)}"
        cue = quote.cue.text if quote.cue else "—"
        lines.append(
            f"| {number} | {article} | {quote.kind} | {cue} | {_cell(quote.span.text)} "
            f"| {_cell(speaker, 80)} | {_cell(held, 60)} |  |"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--quotes", type=int, default=100, help="quotes in the sample")
    parser.add_argument("--sample", type=Path, help="write the hand-check sample here")
    parser.add_argument("--cache", type=Path, help="DocBin of the parses, reused when it matches")
    args = parser.parse_args()
    print(json.dumps(run(args), indent=2))


if __name__ == "__main__":
    main()
