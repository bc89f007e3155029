"""Every ``dateline eval`` skips and counts the documents it cannot use instead of stopping.

Each dataset below holds one usable English document beside one that is not English, and where
the format has separate files one that cannot be read; the report scores the English one and
says how many were skipped and why (``n_skipped``, ``skipped``).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

RUSSIAN = (
    "Президент России Владимир Путин провёл телефонный разговор с президентом США Дональдом "
    "Трампом, сообщили в Кремле. Стороны обсудили ситуацию на Украине."
)
FRENCH = (
    "Le président Emmanuel Macron a nommé vendredi François Bayrou au poste de Premier "
    "ministre, après la chute du gouvernement de Michel Barnier, renversé par une motion de "
    "censure à l'Assemblée nationale."
)


def _tml(text: str) -> str:
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" '
        'functionInDocument="CREATION_TIME">1998-02-06</TIMEX3></DCT>\n'
        f"<TEXT>\n{text}\n</TEXT>\n</TimeML>\n"
    )


def test_eval_times_skips_foreign_and_malformed_files(tmp_path: Path) -> None:
    from dateline.eval.times import evaluate

    (tmp_path / "a_english.tml").write_text(
        _tml('The talks ended <TIMEX3 tid="t1" type="DATE" value="1998-02-06">Friday</TIMEX3>.'),
        encoding="utf-8",
    )
    (tmp_path / "b_russian.tml").write_text(_tml(RUSSIAN), encoding="utf-8")
    (tmp_path / "c_broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    report = evaluate(tmp_path)
    assert report["n_docs"] == 1
    assert report["n_gold"] == 1
    assert report["n_skipped"] == 2
    assert report["skipped"] == {"not English": 1, "unreadable": 1}
    assert any(example.startswith("c_broken: ") for example in report["skipped_examples"])


def test_eval_places_skips_foreign_and_empty_articles(tmp_path: Path) -> None:
    from dateline.eval.places import evaluate

    english = "Troops left Sudzha for Kursk. Officials in Paris, France, said so."
    articles = "".join(
        f"<article><source>https://example.org/{i}</source><text>{text}</text><locations>"
        "</locations></article>"
        for i, text in enumerate([english, RUSSIAN, "", FRENCH])
    )
    path = tmp_path / "gv.xml"
    path.write_text(f"<articles>{articles}</articles>", encoding="utf-8")
    report = evaluate(path, corpus="geovirus")
    assert report["n_articles"] == 1
    assert report["n_skipped"] == 3
    assert report["skipped"] == {"not English": 2, "empty": 1}


def test_eval_quotes_skips_foreign_and_undecodable_texts(tmp_path: Path) -> None:
    from dateline.eval.quotes import evaluate

    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    texts = {
        "a_2016-10-01_en": b"Talks failed\n\nSenator Jane Smith said the deal was dead.\n",
        "b_2016-10-01_fr": FRENCH.encode(),
        "c_2016-10-01_cp1252": "Caf\xe9 cr\xe8me, said the chef of the caf\xe9.".encode("cp1252"),
    }
    for name, data in texts.items():
        (split / "text" / f"{name}.txt").write_bytes(data)
        (split / "attributions" / f"{name}_aaaa.ann").write_text("")
    report = evaluate(split)
    assert report["n_documents"] == 1
    assert report["n_skipped"] == 2
    assert report["skipped"] == {"not English": 1, "unreadable": 1}


def test_eval_events_skips_foreign_rows(tmp_path: Path) -> None:
    from dateline.eval.events import evaluate

    header = "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root\n"
    rows = [
        (
            "Ukraine accuses Russia of sending tanks.",
            "<s>Ukraine</s> accuses <t>Russia</t> of sending tanks.",
        ),
        (
            FRENCH,
            f"<s>Le président Emmanuel Macron</s>{FRENCH.removeprefix('Le président Emmanuel Macron')}",
        ),
    ]
    path = tmp_path / "plv.tsv"
    path.write_text(
        header + "".join(f"{i}\t{s}\t{m}\tx\ty\t1\tACCUSE\n" for i, (s, m) in enumerate(rows)),
        encoding="utf-8",
    )
    report = evaluate(path)
    assert report["n_rows"] == 1
    assert report["n_skipped"] == 1
    assert report["skipped"] == {"not English": 1}


def test_the_cli_report_shows_the_skipped_count(tmp_path: Path) -> None:
    (tmp_path / "a.tml").write_text(_tml("The talks ended on Friday."), encoding="utf-8")
    (tmp_path / "b.tml").write_text(_tml(RUSSIAN), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "times", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["n_docs"], report["n_skipped"]) == (1, 1)


def test_eval_records_skips_foreign_and_unreadable_gold_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    english = "Russian forces shelled Kharkiv on Friday.\n\nThe shelling went on for hours."
    for name, text in (("en", english), ("ru", RUSSIAN)):
        article = {"id": name, "date": "2025-03-14", "title": "", "text": text, "genre": "wire"}
        event = {
            "sentence": text.split("\n")[0],
            "trigger": text.split()[2],
            "type": "ASSAULT",
            "source": [],
            "target": [],
            "factuality": "happened",
            "required": True,
        }
        (folder / f"{name}.json").write_text(json.dumps({"article": article, "events": [event]}))
    (folder / "broken.json").write_text("{not json")
    result = CliRunner().invoke(app, ["eval", "records", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_skipped"] == 2
    assert report["skipped"] == {"not English": 1, "unreadable": 1}
    assert report["n_required"] == 1
    # named on its own, an unreadable gold file is an error, not a skip
    alone = CliRunner().invoke(app, ["eval", "records", str(folder / "broken.json")])
    assert alone.exit_code != 0 and "not a readable JSON gold file" in str(alone.exception)


def test_eval_events_takes_the_one_dataset_file_of_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "gsr"
    folder.mkdir()
    (folder / "README.txt").write_text("The PLOVER gold standard records.\n")
    empty = CliRunner().invoke(app, ["eval", "events", str(folder)])
    assert empty.exit_code != 0 and "holding 0 PLV TSV or PLOVER GSR JSON files" in str(
        empty.exception
    )
