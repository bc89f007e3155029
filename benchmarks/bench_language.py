"""Language identification: which identifier and which decision (the table in dateline.language).

For each identifier and decision: how many English texts of ``tests/data/language_corpus.toml``
it refuses, how many of its non-English texts it accepts, how many of the 1,796 English press
releases it refuses and how long it takes over them, and the model's load time and memory.

    .venv/bin/python benchmarks/bench_language.py                    # py3langid rows
    .venv/bin/pip install lingua-language-detector                   # not a dependency
    .venv/bin/python benchmarks/bench_language.py --lingua           # adds lingua's rows
    .venv/bin/python benchmarks/bench_language.py --samples 10000 1000 300 100

Each identifier loads in a fresh child process, so its load time and peak memory are its own.

``--samples N ...``: dateline's decision when only the first N characters of the words that
are not names are scored (``dateline.language.MAX_JUDGED_CHARS``): for each N, how many
verdicts differ from those at the first N given, the lowest probability of English among the
English texts and press releases (and the 43 GUM Wikinews articles of ``../shared/eval``, when
present), the highest among the non-English texts, and the CPU seconds over the press releases.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import resource
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "language_corpus.toml"
PRESS = ROOT.parent / "shared" / "corpora" / "kremlin-zelenskyy-2021-2022"
GUM = ROOT.parent / "shared" / "eval" / "gum-wikinews" / "gum_wikinews_docs.jsonl"


def texts() -> dict[str, list[str]]:
    data = tomllib.loads(CORPUS.read_text("utf-8"))
    press: list[str] = []
    csv.field_size_limit(sys.maxsize)
    for name in ("putin.csv", "zelenskyy.csv"):
        if not (PRESS / name).exists():
            continue
        with (PRESS / name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                parts = (row["headline"], row.get("summary") or "", row["body"])
                press.append("\n".join(p for p in parts if p and p != "NA"))
    return {
        "english": [e["text"].strip() for e in data["english"]],
        "foreign": [f["text"].strip() for f in data["foreign"]],
        "press": press,
    }


def deciders(name: str) -> dict[str, Callable[[str], bool]]:
    """name -> {decision: refuses(text)} with the identifier loaded."""
    from dateline import language

    masked = language.words_not_names
    if name == "py3langid":
        identifier = language._identifier()

        def top(text: str) -> bool:
            return bool(identifier.classify(text)[0] != "en")

        def top_masked(text: str) -> bool:
            words = masked(text)
            return len(words) >= language.MIN_JUDGED_CHARS and top(words)

        return {
            "top language, whole text": top,
            "names masked, top": top_masked,
            "names masked, P(English) < 0.01 (dateline)": lambda t: not language.looks_english(t),
        }
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
    if name == "lingua-low":
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def lingua_top(text: str) -> bool:
        return detector.detect_language_of(text) != Language.ENGLISH

    def lingua_masked(text: str) -> bool:
        words = masked(text)
        return len(words) >= language.MIN_JUDGED_CHARS and lingua_top(words)

    def lingua_probability(text: str) -> bool:
        words = masked(text)
        if len(words) < language.MIN_JUDGED_CHARS:
            return False
        return detector.compute_language_confidence(words, Language.ENGLISH) < 0.01

    return {
        "top language, whole text": lingua_top,
        "names masked, top": lingua_masked,
        "names masked, P(English) < 0.01": lingua_probability,
    }


def measure(name: str, queue: multiprocessing.Queue[list[dict[str, object]]]) -> None:
    corpus = texts()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    decisions = deciders(name)
    for refuses in decisions.values():  # the model loads on first use
        refuses("a text to warm the model up with, long enough to be judged")
    load = time.perf_counter() - start
    memory = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    rows = []
    for decision, refuses in decisions.items():
        start = time.perf_counter()
        press_refused = sum(refuses(t) for t in corpus["press"])
        rows.append(
            {
                "identifier": name,
                "decision": decision,
                "english_refused": f"{sum(refuses(t) for t in corpus['english'])} / {len(corpus['english'])}",
                "foreign_accepted": f"{sum(not refuses(t) for t in corpus['foreign'])} / {len(corpus['foreign'])}",
                "press_refused": f"{press_refused} / {len(corpus['press'])}",
                "press_seconds": round(time.perf_counter() - start, 2),
                "load_seconds": round(load, 2),
                "load_mb": round(memory),
            }
        )
    queue.put(rows)


def measure_samples(sizes: list[int]) -> None:
    """dateline's verdicts with only the first N characters of the non-name words scored."""
    from dateline import language

    corpus = texts()
    if GUM.exists():
        lines = GUM.read_text("utf-8").splitlines()
        corpus["gum"] = [json.loads(line)["text"] for line in lines if line.strip()]
    identifier = language._identifier()

    def judge(text: str, size: int) -> tuple[bool, float | None]:
        """:func:`dateline.language._judge` with ``size`` for MAX_JUDGED_CHARS, and P(English)."""
        head = text[: language.SCRIPT_CHECKED_CHARS]
        if language.latin_share(head) < language.MIN_LATIN_SHARE:
            return False, None
        words = language.words_not_names(head, size)
        if len(words) < language.MIN_JUDGED_CHARS:
            return True, None
        english = float(dict(identifier.rank(words)).get("en", 0.0))
        return english >= language.MIN_ENGLISH_PROBABILITY, english

    first: dict[str, list[bool]] = {}
    for size in sizes:
        row: dict[str, object] = {"judged_chars": size}
        for name, group in corpus.items():
            start = time.process_time()
            results = [judge(text, size) for text in group]
            seconds = time.process_time() - start
            verdicts = [accepted for accepted, _ in results]
            first.setdefault(name, verdicts)
            scores = [english for _, english in results if english is not None]
            row[name] = {
                "refused": f"{verdicts.count(False)} / {len(group)}",
                "verdicts_changed": sum(a != b for a, b in zip(verdicts, first[name], strict=True)),
                ("highest_p_english" if name == "foreign" else "lowest_p_english"): (
                    float(f"{(max if name == 'foreign' else min)(scores):.3g}") if scores else None
                ),
            }
            if name == "press":
                row[name]["cpu_seconds"] = round(seconds, 2)  # type: ignore[index]
        print(json.dumps(row, ensure_ascii=False), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lingua", action="store_true", help="also measure lingua (installed)")
    parser.add_argument(
        "--samples", type=int, nargs="+", metavar="N", help="dateline's verdicts at N characters"
    )
    args = parser.parse_args()
    if args.samples:
        measure_samples(args.samples)
        return
    names = ["py3langid", *(["lingua-low", "lingua-high"] if args.lingua else [])]
    context = multiprocessing.get_context("spawn")
    for name in names:
        queue: multiprocessing.Queue[list[dict[str, object]]] = context.Queue()
        child = context.Process(target=measure, args=(name, queue))
        child.start()
        for row in queue.get():
            print(json.dumps(row, ensure_ascii=False))
        child.join()


if __name__ == "__main__":
    main()
