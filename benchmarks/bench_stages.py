"""CPU seconds of dateline's own stages, with the spaCy parse taken out, and a check that a code
change left every record as it was (issue 12's speed work).

    # once: parse N documents with dateline's pipeline and keep the Docs (a DocBin in /tmp)
    .venv/bin/python benchmarks/bench_stages.py parse --docs 400
    # CPU seconds per stage (best of --repeat runs) and every extraction as JSON lines
    .venv/bin/python benchmarks/bench_stages.py run --docs 400 --repeat 3 --records before.jsonl
    # ... change the code, then the same, and compare the records
    .venv/bin/python benchmarks/bench_stages.py run --docs 400 --repeat 3 --records after.jsonl \
        --same-as before.jsonl

``bench_ingest.py stages`` times the stages after parsing in the same process; on this shared
machine the parse (80% of the time) makes a 5% change in a stage hard to see. Here the parse
is read back from a DocBin, so a run costs only the stages, and ``process_time`` is less
sensitive than wall seconds to the other jobs. Records are compared without the stage
fingerprints (``+fp.<digest>``), which change with any edit of the code by design.

The documents are those of ``bench_ingest.py`` (N evenly spaced over the corpus, file order).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ingest import CORPUS, documents

FINGERPRINT = re.compile(r"\+fp\.[0-9a-f]+")
#: the documents an ingest parses before it freezes what it loaded (Pipeline.pipe's batch_size)
INGEST_BATCH = 16


def docbin_path(cache: Path, docs: int) -> Path:
    return cache / f"dateline-bench-stages-{docs}.spacy"


def parse(articles: list, path: Path) -> None:  # type: ignore[type-arg]
    from spacy.tokens import DocBin

    from dateline.nlp import load_nlp, parse
    from dateline.pipeline import Pipeline

    nlp = load_nlp(Pipeline().config.model)
    docs = DocBin(store_user_data=True)
    for doc in parse(nlp, [a.text for a in articles]):
        docs.add(doc)
    path.write_bytes(docs.to_bytes())


def run(  # type: ignore[type-arg]
    articles: list, path: Path, repeat: int, records: Path | None, freeze_after: int
) -> dict:
    from spacy.tokens import DocBin

    from dateline.contract import to_json
    from dateline.nlp import load_nlp
    from dateline.pipeline import Pipeline, freeze_loaded_objects

    pipeline = Pipeline()
    nlp = load_nlp(pipeline.config.model)
    data = path.read_bytes()
    best: dict[str, float] = {}
    for _ in range(repeat):
        cpu: Counter[str] = Counter()
        lines = []
        docs = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
        for number, (article, doc) in enumerate(zip(articles, docs, strict=True)):
            if number == freeze_after:
                # as an ingest does after its first batch (Pipeline.pipe): the model and the
                # stages' tables, loaded by now, leave the collector's reach (untimed)
                freeze_loaded_objects()
            start = time.process_time()
            document = pipeline.new_document(article, parsed=doc)  # the language check
            cpu["new_document"] += time.process_time() - start
            for stage in pipeline.stages:
                start = time.process_time()
                document = stage(document)
                cpu[stage.name] += time.process_time() - start
            lines.append(to_json(document.extraction, indent=None))
        for step, seconds in cpu.items():  # the first run also loads the stages' tables
            best[step] = min(best.get(step, seconds), seconds)
        if records is not None:
            records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"cpu_seconds": best, "total": sum(best.values())}


def same_records(a: Path, b: Path) -> bool:
    strip = lambda path: FINGERPRINT.sub("", path.read_text(encoding="utf-8"))  # noqa: E731
    return strip(a) == strip(b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("parse", "run"))
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path("/tmp"), help="where the DocBin goes")
    parser.add_argument("--repeat", type=int, default=3, help="run: keep the best of N runs")
    parser.add_argument("--records", type=Path, help="run: write the extractions here")
    parser.add_argument("--same-as", type=Path, help="run: fail unless the records equal these")
    parser.add_argument("--out", type=Path, help="run: append the result to this JSON file")
    parser.add_argument(
        "--freeze-after",
        type=int,
        default=INGEST_BATCH,
        help="run: freeze the loaded objects out of the garbage collector after this many "
        "documents, as an ingest does after its first batch (-1: never, as before 2026-12-06)",
    )
    args = parser.parse_args()
    articles = documents(args.corpus, args.docs)
    path = docbin_path(args.cache, len(articles))
    if args.mode == "parse":
        parse(articles, path)
        return
    if not path.exists():
        sys.exit(f"No parsed documents at {path}. Run: bench_stages.py parse --docs {args.docs}")
    result = run(articles, path, args.repeat, args.records, args.freeze_after)
    result.update(
        {
            "docs": len(articles),
            "repeat": args.repeat,
            "freeze_after": args.freeze_after,
            "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        }
    )
    if args.same_as is not None:
        if args.records is None:
            sys.exit("--same-as needs --records")
        result["same_records"] = same_records(args.records, args.same_as)
    print(json.dumps(result, indent=2))
    if args.out:
        previous = json.loads(args.out.read_text()) if args.out.exists() else []
        args.out.write_text(json.dumps([*previous, result], indent=2))
    if result.get("same_records") is False:
        sys.exit(f"The records differ from {args.same_as}.")


if __name__ == "__main__":
    main()
