"""Input the readers refuse: one line naming the problem and the fix, pinned word for word.

Policy: a file holding one article that cannot be read is an error; in a file holding many
(JSONL, CSV, feed, WARC) a bad record is skipped with a warning and counted, and only a file of
which nothing can be read is an error.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from dateline.errors import InputError
from dateline.io import iter_articles, read_articles
from dateline.readers import common, tabular

# Written for these tests; the language identifier refuses each (dateline.language).
FRENCH = (
    " date 2025-03-14 Trump dit avoir demandé à Poutine d'épargner les soldats ukrainiens\n"
    "Le président américain a parlé vendredi avec son homologue russe\n"
    "Le président Donald Trump a déclaré vendredi qu'il avait parlé par téléphone avec le "
    "président russe Vladimir Poutine et qu'il lui avait demandé de ne pas commettre de massacre "
    "contre les soldats ukrainiens encerclés dans la région de Koursk.\n"
    "Selon la Maison Blanche, les deux dirigeants ont eu des discussions très bonnes et "
    "productives, et il y a une très bonne chance que la guerre prenne enfin fin.\n"
)
GERMAN = (
    "Präsident Donald Trump sagte am Freitag, er habe mit dem russischen Präsidenten Wladimir "
    "Putin telefoniert und ihn gebeten, das Leben der ukrainischen Soldaten in der Region Kursk "
    "zu verschonen. Es gebe eine sehr gute Chance, dass der Krieg endlich zu Ende gehe."
)
RUSSIAN = (
    "Трамп заявил, что попросил Путина сохранить жизни украинских солдат\n"
    "Президент США Дональд Трамп в пятницу заявил, что провёл телефонный разговор с президентом "
    "России Владимиром Путиным и попросил его не допускать гибели украинских военных в Курской "
    "области. По словам Трампа, есть очень хорошие шансы, что война наконец закончится.\n"
)
NOT_ENGLISH = (
    " does not look like English text; dateline's pipeline is English-only. "
    "Translate it first, or leave it out."
)


def error_of(*args, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read_articles(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- files that are not an article --------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n  \n\t\n"])
def test_empty_file(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    assert error_of(path) == (
        f"{path} is empty. Give a file with an article in it, or leave it out."
    )


@pytest.mark.parametrize("name", ["image.txt", "image", "data.jsonl", "data.csv", "page.html"])
def test_binary_file(tmp_path, name):
    path = write(tmp_path / name, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    assert error_of(path, date="2025-03-14") == (
        f"{path} is a binary file (NUL bytes in its first KB), not text. dateline reads text, "
        "HTML, JSONL, CSV, RSS/Atom and WARC files."
    )


def test_pdf_and_gzip(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert error_of(pdf) == f"{pdf} is a PDF file; convert it to text first (e.g. pdftotext)."
    gz = write(tmp_path / "articles.txt.gz", b"\x1f\x8b\x08\x00rest")
    assert error_of(gz) == f"{gz} is gzip-compressed; decompress it first (gunzip)."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le café où Trump a parlé — « très bien ».\n", "cp1252"),
        ("Präsident Trump sagte am Freitag.\n", "latin-1"),
        (RUSSIAN, "cp1251"),
    ],
)
def test_not_utf8(tmp_path, text, encoding):
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    first_bad = next(i for i, ch in enumerate(text) if ord(ch) > 127)
    byte = text[first_bad].encode(encoding).hex()
    expected = "cp1252" if encoding == "latin-1" else encoding  # latin-1 text is valid cp1252
    assert error_of(path, date="2025-03-14") == (
        f"{path} is not UTF-8 (byte 0x{byte}; it looks like {expected}). Re-encode it with "
        f"iconv -f {expected} -t utf-8 {path} > out.txt"
    )


def test_utf16(tmp_path):
    path = write(tmp_path / "wide.txt", "Title\nText\n".encode("utf-16"))
    assert error_of(path) == (
        f"{path} is UTF-16, not UTF-8. Re-encode it: iconv -f utf-16 -t utf-8 {path} > out.txt"
    )


def test_utf8_with_byte_order_mark_is_fine(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert read_articles(path) == read_articles(EXAMPLE)


# --- huge input ---------------------------------------------------------------------------------


def test_huge_text_file_is_refused_from_its_size(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(EXAMPLE.read_bytes())
        handle.truncate(common.MAX_TEXT_BYTES + 1)  # sparse: nothing big is written

    def no_reading(self):  # the size alone must decide
        raise AssertionError("read the whole file")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert error_of(path) == (
        f"{path} is too large for one article (4.0 MB); dateline analyses at most 1,000,000 "
        "characters per article. Split it into one file per article, or one JSONL line per article."
    )


def test_text_over_the_character_limit(tmp_path):
    path = write(
        tmp_path / "long.txt", " date 2025-03-14 Title\nSub\n" + "the war is long.\n" * 70_000
    )
    assert error_of(path) == (
        f"{path} is too large for one article (1,190,009 characters); dateline analyses at most "
        "1,000,000 characters per article. Split it into one file per article, or one JSONL "
        "line per article."
    )


def test_huge_jsonl_line_is_skipped_in_bounded_memory(tmp_path, caplog):
    path = tmp_path / "big.jsonl"
    good = {"title": "Trump and Putin talk", "text": "They spoke by phone.", "date": "2025-03-14"}
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"title": "x", "date": "2025-03-14", "text": "')
        for _ in range(30):
            handle.write("word " * 200_000)  # a 30 MB line
        handle.write('"}\n' + json.dumps(good) + "\n")
    tracemalloc.start()
    try:
        with caplog.at_level(logging.WARNING, logger="dateline.readers"):
            articles = read_articles(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.title for a in articles] == ["Trump and Putin talk"]
    assert peak < 12_000_000  # the 30 MB line was never held whole
    assert caplog.messages == [
        f"Skipped: {path} line 1 is too large for one article (over 5.0 MB); dateline analyses at "
        "most 1,000,000 characters per article. Split it into one file per article, or one JSONL "
        "line per article.",
        f"Skipped 1 of 2 lines in {path}; fix or remove them to read them too.",
    ]


def test_huge_csv_field(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_RECORD_BYTES", 1000)
    path = write(tmp_path / "big.csv", 'date,text\n2025-03-14,"' + "x" * 2000 + '"\n')
    assert error_of(path) == (
        f"{path} line 2 is too large for one article (a field over 0.0 MB); dateline analyses at "
        "most 1,000,000 characters per article. Split it into one file per article, or one JSONL "
        "line per article."
    )


# --- dates --------------------------------------------------------------------------------------


def test_undated_plain_text(tmp_path):
    path = write(tmp_path / "undated.txt", "Trump calls Putin\nThey spoke on Friday.\n")
    assert error_of(path) == (
        f"{path} has no date. Pass --date YYYY-MM-DD (date= in Python), or start it with "
        "' date YYYY-MM-DD'."
    )


@pytest.mark.parametrize("bad", ["2025-02-30", "14/03/2025", "yesterday"])
def test_bad_date_argument(bad):
    with pytest.raises(InputError) as info:
        iter_articles(EXAMPLE, date=bad)  # raised at once, before any file is read
    assert str(info.value) == (
        f"Bad date {bad!r}: expected YYYY-MM-DD, a real calendar day, e.g. --date 2025-03-14."
    )


def test_bad_date_in_the_dated_line(tmp_path):
    path = write(tmp_path / "bad.txt", " date 2025-02-30 Title\nSubtitle\nText.\n")
    assert error_of(path) == (
        f"{path} line 1 has the date '2025-02-30', not a real YYYY-MM-DD day. Correct the first line."
    )


def test_undated_html_page(tmp_path):
    path = write(
        tmp_path / "page.html",
        "<html><body><article><p>" + "Trump spoke. " * 40 + "</p></article></body></html>",
    )
    assert (
        error_of(path)
        == f"{path} has no date in its page. Pass --date YYYY-MM-DD (date= in Python)."
    )


def test_csv_without_date_column(tmp_path):
    path = write(tmp_path / "nodate.csv", "headline,body\nTalks,Trump spoke.\n")
    assert error_of(path) == (
        f"{path} has no date column (columns: headline, body). Name it with --column date=COLUMN, "
        "or pass --date YYYY-MM-DD."
    )
    assert read_articles(path, date="2025-03-14")[0].title == "Talks"


# --- paths and options --------------------------------------------------------------------------


def test_missing_file_and_empty_glob(tmp_path):
    with pytest.raises(InputError) as info:
        iter_articles(tmp_path / "nope.txt")  # at once, not at the first next()
    assert str(info.value) == f"No such file or directory: {tmp_path / 'nope.txt'}. Check the path."
    pattern = str(tmp_path / "*.txt")
    assert error_of(pattern) == f"No files match {pattern!r}. Check the pattern and the folder."


def test_unknown_format_and_columns():
    assert error_of(EXAMPLE, format="docx") == (
        "Unknown input format 'docx'; choose one of: dated-text, text, jsonl, csv, html, feed, warc."
    )
    assert error_of(EXAMPLE, columns={"body": "text"}) == (
        "Unknown article field 'body' in --column body=text; the fields are: id, date, title, "
        "subtitle, text, url, source."
    )


# --- JSONL and CSV records ----------------------------------------------------------------------


def test_malformed_jsonl_line_is_skipped_and_named(tmp_path, caplog):
    good = json.dumps({"title": "Talks", "text": "Trump spoke.", "date": "2025-03-14"})
    path = write(tmp_path / "mixed.jsonl", f'{good}\n{{"title": "broken",\n{good}\n')
    with caplog.at_level(logging.WARNING, logger="dateline.readers"):
        assert len(read_articles(path)) == 2
    assert caplog.messages == [
        f"Skipped: {path} line 2 is not valid JSON (Expecting property name enclosed in double "
        "quotes, column 20). Fix or remove that line; JSONL has one JSON object per line.",
        f"Skipped 1 of 3 lines in {path}; fix or remove them to read them too.",
    ]


def test_jsonl_of_which_nothing_reads_is_an_error(tmp_path):
    path = write(tmp_path / "bad.jsonl", '{"headline": "x", "date": "2025-03-14"}\n')
    assert error_of(path) == (
        f"{path} line 1 has no text field (fields: headline, date). Name the text with --column "
        "text=FIELD. (1 bad line, none readable)"
    )


def test_csv_without_text_column(tmp_path):
    path = write(tmp_path / "titles.csv", "link,headline,date\nhttps://x.org/1,Talks,2025-03-14\n")
    assert error_of(path) == (
        f"{path} has no text column (columns: link, headline, date). Name it with --column "
        "text=COLUMN."
    )
    assert error_of(path, columns={"text": "story"}) == (
        f"{path} has no column 'story' (named by --column text=story); its columns are: link, "
        "headline, date."
    )


def test_csv_bad_rows_are_skipped(tmp_path, caplog):
    path = write(
        tmp_path / "rows.csv",
        "date,text\n2025-03-14,Trump spoke.\nlast Tuesday,Putin spoke.\n2025-03-15,Zelensky spoke.\n",
    )
    with caplog.at_level(logging.WARNING, logger="dateline.readers"):
        assert [a.text for a in read_articles(path)] == ["Trump spoke.", "Zelensky spoke."]
    assert caplog.messages[0] == (
        f"Skipped: {path} line 3 has the date 'last Tuesday' in 'date', which is not a date. "
        "Use YYYY-MM-DD or an ISO 8601 datetime."
    )


# --- non-English input --------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [("fr.txt", FRENCH), ("ru.txt", RUSSIAN)])
def test_non_english_file(tmp_path, name, text):
    path = write(tmp_path / name, text)
    assert error_of(path, date="2025-03-14") == f"{path}{NOT_ENGLISH}"


def test_non_english_record_is_skipped(tmp_path, caplog):
    rows = [
        {
            "title": "Trump and Putin talk",
            "text": "They spoke by phone on Friday.",
            "date": "2025-03-14",
        },
        {"title": "Telefonat", "text": GERMAN, "date": "2025-03-14"},
    ]
    path = write(
        tmp_path / "mixed.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    )
    with caplog.at_level(logging.WARNING, logger="dateline.readers"):
        assert [a.title for a in read_articles(path)] == ["Trump and Putin talk"]
    assert caplog.messages[0] == f"Skipped: {path} line 2{NOT_ENGLISH}"


# --- the command line ---------------------------------------------------------------------------

# The installed console script, as a user runs it (its main() turns errors into one line).
_SCRIPT = ROOT / ".venv" / "bin" / "dateline"
DATELINE = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "from dateline.cli import main; main()"]
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "{path} is empty. Give a file with an article in it, or leave it out."),
        ("binary.txt", b"\0\1\2\3binary", "{path} is a binary file (NUL bytes in its first KB)"),
        (
            "legacy.txt",
            "Café crème\n".encode("cp1252"),
            "{path} is not UTF-8 (byte 0xe9; it looks like cp1252)",
        ),
        ("undated.txt", b"Title\nText.\n", "{path} has no date. Pass --date YYYY-MM-DD"),
        ("fr.txt", FRENCH.encode(), "{path} does not look like English text"),
        (
            "ru.txt",
            (" date 2025-03-14 " + RUSSIAN).encode(),
            "{path} does not look like English text",
        ),
        ("missing.txt", None, "No such file or directory: {path}. Check the path."),
    ],
)
def test_cli_input_errors(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = subprocess.run(
        [*DATELINE, "extract", str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: " + expected.format(path=path))
    assert result.stdout == ""


def test_cli_column_option(tmp_path):
    path = write(tmp_path / "odd.csv", "when,story\n2025-03-14,Trump spoke.\n")
    result = subprocess.run(
        [*DATELINE, "extract", str(path), "--column", "body=story"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Error: Unknown article field 'body' in --column body=story; the fields are: id, date, "
        "title, subtitle, text, url, source."
    )
