"""Render benchmarks/results/*.json as the Markdown tables of benchmarks/results/README.md.

.venv/bin/python benchmarks/report.py > benchmarks/results/summary.md
"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def ingest_table(runs: list[dict]) -> list[str]:  # type: ignore[type-arg]
    lines = [
        "| docs | words | workers | spaCy alone s (CPU s) | ingest s (CPU s) | ratio wall | ratio CPU "
        "| ingest articles/s | ingest words/s | peak RSS MB, spaCy alone (parent / largest worker) "
        "| peak RSS MB, ingest (parent / largest worker) | measured |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    spacy = {(r["docs"], r["workers"], r["measured_at"]): r for r in runs if r["mode"] == "spacy"}
    for run in runs:
        if run["mode"] != "ingest":
            continue
        # a run may name the spaCy-alone run it is compared with (one measured earlier)
        paired = run.get("spacy_measured_at", run["measured_at"])
        base = spacy.get((run["docs"], run["workers"], paired))
        if base is None:
            continue
        lines.append(
            f"| {run['docs']:,} | {run['words']:,} | {run['workers']} "
            f"| {base['seconds']:.1f} ({base['cpu_seconds']:.1f}) "
            f"| {run['seconds']:.1f} ({run['cpu_seconds']:.1f}) "
            f"| {run['ratio_to_spacy_seconds']:.2f} | {run['ratio_to_spacy_cpu_seconds']:.2f} "
            f"| {run['articles_per_s']:.2f} | {run['words_per_s']:,.0f} "
            f"| {base['peak_rss_mb']:.0f} / {base['peak_rss_children_mb']:.0f} "
            f"| {run['peak_rss_mb']:.0f} / {run['peak_rss_children_mb']:.0f} | {run['measured_at']} |"
        )
    return lines


def stages_table(runs: list[dict]) -> list[str]:  # type: ignore[type-arg]
    lines = []
    for run in runs:
        lines += [
            f"Stages, one process, {run['docs']:,} documents ({run['words']:,} words), "
            f"{run['measured_at']}:",
            "",
        ]
        cpu = run.get("cpu_seconds", {})  # measured since the speed work of issue 12
        if cpu:
            lines += [
                "| step | seconds | share of parsing | CPU s | CPU share of spaCy alone |",
                "|---|---:|---:|---:|---:|",
            ]
        else:
            lines += ["| step | seconds | share of parsing |", "|---|---:|---:|"]
        for step, seconds in run["seconds"].items():
            line = f"| {step} | {seconds:.2f} | {run['share_of_parse'][step]:.1%} |"
            if cpu:
                share = run["cpu_share_of_spacy_alone"].get(step)
                line += f" {cpu[step]:.2f} | {share:.1%} |" if step in cpu else " | |"
            lines.append(line)
        if cpu:
            lines.append(
                f"| spaCy alone | {run['spacy_alone_seconds']:.2f} | "
                f"| {run['spacy_alone_cpu_seconds']:.2f} | 100% |"
            )
        lines.append("")
    return lines


def main() -> None:
    out = ["# Measured figures", ""]
    ingest = RESULTS / "ingest.json"
    if ingest.exists():
        out += ["## Ingest vs spaCy alone", "", *ingest_table(json.loads(ingest.read_text())), ""]
    stages = RESULTS / "stages.json"
    if stages.exists():
        out += ["## Time per stage", "", *stages_table(json.loads(stages.read_text()))]
    print("\n".join(out))


if __name__ == "__main__":
    main()
