"""Tools for growing the whole-record gold in eval/records/ (see eval/records/README.md).

    python scripts/records_gold.py texts OUT_DIR      # each selected article's text + metadata
    python scripts/records_gold.py check FILE...      # validate inline annotations
    python scripts/records_gold.py offsets FILE...    # inline annotations -> eval/records/{dev,held-back}/
    python scripts/records_gold.py agree A B          # agreement of two annotations (files or folders)

``texts`` writes ``NAME.txt`` (exactly the text the annotation's offsets will point into) and
``NAME.meta.json`` for every row of ``eval/records/sources.csv``. Annotators write the inline form
of ../shared/eval/records/GUIDELINES.md against those texts; ``offsets`` checks each file
against its text reference and writes the committed offset form, which holds no article text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from dateutil import parser as date_parser

from dateline.errors import EvalError
from dateline.eval.records_gold import read_gold_file, reference_text, to_offsets

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "eval" / "records" / "sources.csv"
SHARED = ROOT.parent / "shared"


def selection() -> dict[str, dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def text_ref(row: dict[str, str]) -> dict[str, object]:
    ref: dict[str, object] = {"file": row["file"]}
    if row["key"] == "row":
        ref["row"] = int(row["value"])
    elif row["key"] in {"id", "docid"}:
        ref[row["key"]] = row["value"]
    return ref


def article_date(row: dict[str, str], meta: dict[str, str]) -> str:
    """The article's date: the corpus's own field, TR-News's download time, TimeML's DCT."""
    path = SHARED / row["file"]
    if path.suffix == ".tml":
        for timex in ET.parse(path).getroot().iter("TIMEX3"):
            if timex.get("functionInDocument") == "CREATION_TIME":
                return timex.get("value", "")[:10]
    if path.suffix == ".xml":
        node = next(
            n for n in ET.parse(path).getroot().iter("article") if n.get("docid") == row["value"]
        )
        stamp = (node.findtext("dltime") or "").split("|")[0]
        return date_parser.parse(stamp, fuzzy=True).date().isoformat()
    return meta["date"]


def cmd_texts(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, row in selection().items():
        text, meta = reference_text(text_ref(row), SHARED)
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        info = {
            "id": name,
            "date": article_date(row, meta),
            "title": text.split("\n", 1)[0],
            "genre": row["genre"],
            "source": row["file"].split("/")[-1],
            "url": meta.get("url", ""),
        }
        (out / f"{name}.meta.json").write_text(json.dumps(info, indent=1, ensure_ascii=False))
        print(f"{name}\t{info['date']}\t{len(text.split())} words")


def cmd_check(files: list[Path]) -> int:
    failed = 0
    for path in files:
        try:
            gold = read_gold_file(path)
        except EvalError as exc:
            print(f"FAIL {exc}")
            failed += 1
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data["article"]["text"]
        for number, raw in enumerate(data["events"]):
            if text.count(raw["sentence"]) != 1:
                print(f"FAIL {path} event {number}: sentence is not unique in the text")
                failed += 1
        required = sum(e.required for e in gold.events)
        print(f"ok   {path.name}: {len(gold.events)} events, {required} required")
    return 1 if failed else 0


def cmd_offsets(files: list[Path], out: Path | None = None) -> int:
    rows = selection()
    for path in files:
        inline = json.loads(path.read_text(encoding="utf-8"))
        name = inline["article"]["id"]
        row = rows[name]
        converted = to_offsets(inline, text_ref(row), texts=SHARED)
        converted["article"]["genre"] = row["genre"]
        folder = out or ROOT / "eval" / "records" / row["split"]
        target = folder / f"{name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(converted, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"{name} -> {target}")
    return 0


def cmd_agree(first: Path, second: Path) -> int:
    """Inter-annotator agreement: the articles both annotations hold, scored both ways."""
    from dateline.eval.records import agreement
    from dateline.eval.records_gold import read_gold

    a = {g.id: g for g in read_gold([first], texts=SHARED)}
    b = {g.id: g for g in read_gold([second], texts=SHARED)}
    common = sorted(set(a) & set(b))
    report = agreement((a[name], b[name]) for name in common)
    print(json.dumps({"articles": common, **report}, indent=1))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("texts").add_argument("out", type=Path)
    sub.add_parser("check").add_argument("files", type=Path, nargs="+")
    offsets = sub.add_parser("offsets")
    offsets.add_argument("files", type=Path, nargs="+")
    offsets.add_argument("--out", type=Path, help="folder to write to [default: the split's]")
    agree = sub.add_parser("agree")
    agree.add_argument("first", type=Path)
    agree.add_argument("second", type=Path)
    args = parser.parse_args()
    if args.command == "texts":
        cmd_texts(args.out)
        return 0
    if args.command == "check":
        return cmd_check(args.files)
    if args.command == "agree":
        return cmd_agree(args.first, args.second)
    return cmd_offsets(args.files, args.out)


if __name__ == "__main__":
    sys.exit(main())
