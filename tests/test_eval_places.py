"""``dateline eval places``: readers for both corpus formats, the scorer, the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from dateline.errors import EvalError
from dateline.eval.places import evaluate, read_corpus

TEXT = "Troops left Sudzha for Kursk. Officials in Paris, France, said so."

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title>
<url>
  http://news.example.com/a
</url><domain>www.example.com</domain><dltime>2016-12-19</dltime>
<text><![CDATA[{TEXT}]]></text><toponyms>
<toponym><start>12</start><end>18</end><phrase>Sudzha</phrase>
  <gaztag geonameid="486816"><lat>51.191</lat><lon>35.271</lon></gaztag></toponym>
<toponym><start>23</start><end>28</end><phrase>Kursk</phrase>
  <gaztag geonameid="538560"><lat>51.73</lat><lon>36.19</lon></gaztag></toponym>
<toponym><start>43</start><end>48</end><phrase>Paris</phrase>
  <gaztag geonameid="2988507"><lat>48.85</lat><lon>2.35</lon></gaztag></toponym>
<toponym><start>50</start><end>56</end><phrase>France</phrase></toponym>
</toponyms></article></articles>"""

# GeoVirus offsets are one character late; the reader re-anchors them
GEOVIRUS = f"""<articles><article><source>https://en.wikinews.org/wiki/X</source><text>{TEXT}</text><locations>
<location><name>Sudzha</name><start>13</start><end>19</end><lat>51.19</lat><lon>35.27</lon></location>
<location><name>Paris</name><start>44</start><end>49</end><lat>48.86</lat><lon>2.35</lon></location>
</locations></article></articles>"""


@pytest.fixture
def lgl_file(tmp_path):
    path = tmp_path / "tr.xml"
    path.write_text(LGL, encoding="utf-8")
    return path


@pytest.fixture
def geovirus_file(tmp_path):
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS, encoding="utf-8")
    return path


def test_readers_detect_the_format_and_anchor_offsets(lgl_file, geovirus_file):
    kind, [article] = read_corpus(lgl_file)
    assert kind == "lgl" and article.article.date.isoformat() == "2016-12-19"
    assert [t.geonameid for t in article.toponyms] == [486816, 538560, 2988507, None]
    assert article.article.url == "http://news.example.com/a"
    assert article.article.source == "example.com"
    kind, [article] = read_corpus(geovirus_file)
    assert kind == "geovirus"
    assert article.article.source == "en.wikinews.org"
    for toponym in article.toponyms:
        assert article.article.text[toponym.start : toponym.end] == toponym.text


def test_scores_on_a_small_lgl_file(lgl_file):
    report = evaluate(lgl_file)
    for key in ("precision", "recall", "f1", "acc_161", "acc_161_given", "median_error_km",
                "mean_error_km", "n_gold", "dataset"):  # fmt: skip
        assert key in report
    assert report["n_gold"] == 4 and report["n_gold_with_coordinates"] == 3
    assert report["acc_161_given"] == 1.0
    assert report["geonameid_accuracy"] == 1.0
    assert report["recall"] >= 0.75


def test_scores_on_a_small_geovirus_file(geovirus_file):
    report = evaluate(geovirus_file)
    assert report["acc_161_given"] == 1.0 and report["median_error_km"] < 20


# a published correction (mlg_evaldata format) moves the gold Paris 300 km away, so the same
# resolution is right on the raw gold and wrong on the patched one
PATCHES = "Sudzha \t 51.19 , 35.27 \t 51.19 , 35.27\nParis \t 48.86 , 2.35 \t 46.0 , 2.0\n"


def test_patches_next_to_the_corpus_are_applied_and_raw_figures_kept(tmp_path):
    (tmp_path / "Corpora").mkdir()
    (tmp_path / "patches").mkdir()
    corpus = tmp_path / "Corpora" / "gv.xml"
    corpus.write_text(GEOVIRUS, encoding="utf-8")
    (tmp_path / "patches" / "gv_patches.tsv").write_text(PATCHES, encoding="utf-8")
    report = evaluate(corpus)
    assert report["gold_patched"] is True
    assert report["n_gold_patched"] == 2 and report["n_gold_patch_moved"] == 1
    assert report["acc_161_given"] == 0.5 and report["acc_161_given_raw"] == 1.0
    raw = evaluate(corpus, patches=None)
    assert raw["gold_patched"] is False and raw["acc_161_given"] == 1.0
    with pytest.raises(EvalError, match="not a file"):
        evaluate(corpus, patches=tmp_path / "none.tsv")


def test_bad_input_raises_a_helpful_error(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("<articles><article><text>x</text></article></articles>", encoding="utf-8")
    with pytest.raises(EvalError, match="--corpus"):
        read_corpus(path)
    with pytest.raises(EvalError, match="not a file"):
        read_corpus(tmp_path / "missing.xml")


def test_cli_prints_json(lgl_file):
    from dateline.cli import app

    result = CliRunner().invoke(app, ["eval", "places", "--format", "json", str(lgl_file)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["acc_161_given"] == 1.0


@pytest.mark.shared
def test_real_corpora_floor():
    """A floor on the first articles of each corpus (the full figures are in the report)."""
    root = shared_path("eval", "places-news", "Corpora")
    for name, floor in (("TR-News.xml", 0.80), ("GeoVirus.xml", 0.65)):
        report = evaluate(root / name, limit=15)
        assert report["acc_161_given"] >= floor, (name, report["acc_161_given"])


# "France" resolves to the country's one point; the gold puts it at Lyon (390 km from Paris,
# inside France), then in the sea off Corsica (outside): only the first counts as in-country
COUNTRY_POINT = """<articles><article><source>https://en.wikinews.org/wiki/Y</source><text>{text}</text>
<locations><location><name>France</name><start>{start}</start><end>{end}</end>
<lat>{lat}</lat><lon>{lon}</lon></location></locations></article></articles>"""


@pytest.mark.parametrize(("lat", "lon", "in_country"), [(45.76, 4.84, 1.0), (40.5, 6.0, 0.0)])
def test_a_right_country_far_from_the_gold_point_counts_only_in_the_in_country_figure(
    tmp_path, lat: float, lon: float, in_country: float
) -> None:
    text = "Officials in France said the outbreak was over."
    start = text.index("France") + 1  # GeoVirus offsets are one character late
    path = tmp_path / "gv.xml"
    path.write_text(
        COUNTRY_POINT.format(text=text, start=start, end=start + 6, lat=lat, lon=lon),
        encoding="utf-8",
    )
    report = evaluate(path, patches=None)
    assert report["acc_161_given"] == 0.0 and report["acc_161_given_country"] == 0.0
    assert report["acc_161_given_or_in_country"] == in_country


def test_split_scores_one_half_of_a_real_corpus():
    """TR-News, odd-numbered articles (the figure to report): the first two of that half."""
    corpus = shared_path("eval", "places-news", "Corpora", "TR-News.xml")
    _, articles = read_corpus(corpus)
    report = evaluate(corpus, split="test", limit=2)
    assert report["dataset"] == "TR-News.xml (lgl), test half"
    assert report["n_articles"] == 2
    assert report["n_gold"] == sum(len(a.toponyms) for a in articles[0:4:2])  # 1st and 3rd
    assert report["n_gold"] != sum(len(a.toponyms) for a in articles[0:2])
