"""The actors stage: mentions, roles from the text and the table, rule-based coreference."""

from __future__ import annotations

import re

import pytest

from conftest import make_document, shared_path

STAGES = ("segment", "actors")


def _actors(text: str, date: str = "2025-03-14") -> dict[str, object]:
    doc = make_document(text, date, stages=STAGES)
    return {actor.name: actor for actor in doc.extraction.actors}


def _mentions(actor: object) -> list[str]:
    return [m.span.text for m in actor.mentions]  # type: ignore[attr-defined]


def seed_document():
    raw = shared_path("seed", "2025-03-14-trump-putin-kursk.txt").read_text(encoding="utf-8")
    found = re.match(r"\s*date (\d{4}-\d\d-\d\d)\s+", raw)
    assert found
    return make_document(raw[found.end() :], found.group(1), stages=STAGES)


@pytest.fixture(scope="module")
def seed_doc():
    return seed_document()


def test_seed_must_actors(seed_doc, expected) -> None:
    actors = {actor.name: actor for actor in seed_doc.extraction.actors}
    for want in expected["actors"]["must"]:
        actor = actors.get(want["name"])
        assert actor is not None, f"missing actor {want['name']}"
        assert (actor.kind, actor.country, actor.sector) == (
            want["kind"],
            want["country"],
            want["sector"],
        )
        texts = _mentions(actor)
        for mention in want["mentions"]:
            assert mention in texts, f"{want['name']}: missing mention {mention!r} in {texts}"


def test_seed_role_nouns_and_pronouns(seed_doc) -> None:
    actors = {actor.name: actor for actor in seed_doc.extraction.actors}
    assert "the American president" in _mentions(actors["Donald Trump"])
    assert "the Russian leader" in _mentions(actors["Vladimir Putin"])
    assert "He" in _mentions(actors["Vladimir Putin"])  # "He told the Russian forces ..."
    assert "Washington" in _mentions(actors["United States"])
    assert "Moscow" in _mentions(actors["Russia"])
    envoy = next(a for a in actors.values() if "envoy" in a.name)
    assert (envoy.country, envoy.sector) == ("USA", "GOV")


def test_mention_for_token_finds_the_actor(seed_doc) -> None:
    token = next(t for t in seed_doc.parsed if t.text == "Putin")
    mention = seed_doc.mention_for_token(token)
    assert mention is not None and mention.actor == "vladimir-putin"
    for mention in seed_doc.mentions:
        assert seed_doc.text[mention.span.start : mention.span.end] == mention.span.text


def test_role_learned_from_text_applies_to_every_mention() -> None:
    actors = _actors(
        "Polish foreign minister Radoslaw Sikorski arrived in Kyiv on Monday.\n"
        "Sikorski said the talks had gone well."
    )
    sikorski = actors["Radoslaw Sikorski"]
    assert (sikorski.country, sikorski.sector, sikorski.source) == ("POL", "GOV", "text")
    assert "Sikorski" in _mentions(sikorski)


def test_table_role_only_on_dates_in_office() -> None:
    in_office = _actors("Trump spoke to reporters.", "2025-03-14")["Donald Trump"]
    candidate = _actors("Trump spoke to reporters.", "2016-10-01")["Donald Trump"]
    assert in_office.sector == "GOV"
    assert candidate.sector is None


def test_demonym_force_nouns_are_military_groups() -> None:
    actors = _actors("Israeli troops entered the town as Iranian forces withdrew.")
    assert actors["Israeli forces"].country == "ISR"
    assert actors["Israeli forces"].sector == "MIL"
    assert actors["Iranian forces"].kind == "group"


def test_capital_as_agent_but_not_as_place() -> None:
    actors = _actors("Beijing warned Washington on Tuesday.\nThe delegation arrived in Paris.")
    assert "China" in actors and actors["China"].sector == "GOV"
    assert "United States" in actors
    assert "France" not in actors


def test_pronoun_prefers_the_subject_and_respects_gender() -> None:
    text = "Mrs. Smith met Mr. Jones in Berlin.\nShe said he was late."
    actors = _actors(text)
    assert "She" in _mentions(actors["Smith"])
    assert "he" in _mentions(actors["Jones"])


def test_co_argument_is_not_the_antecedent() -> None:
    actors = _actors("Smith called Jones on Monday and thanked him.")
    assert "him" in _mentions(actors["Jones"])
    assert "him" not in _mentions(actors["Smith"])


def test_the_subject_of_an_earlier_conjunct_is_a_subject_pronouns_antecedent() -> None:
    # VOA, 1 May 1998 (records dev, timebank-VOA19980501.1800.0355): "said" has its own
    # subject, so Netanyahu, the subject of "suggested", is no co-argument of "he"; both "he"
    # were Al Gore
    actors = _actors(
        "Israeli Prime Minister Benjamin Netanyahu says considerable gaps remain between Israeli "
        "and Palestinian positions before next week's talks in London. He and Palestinian leader "
        "Yasser Arafat meet separately Monday with US Secretary of State Madeleine Albright. At a "
        "news conference with US Vice President Al Gore in Jerusalem, Mr. Netanyahu suggested "
        "Israel might be willing to move a little on issues holding up peace, but he said he "
        "expects an equal effort from the Palestinians.",
        "1998-05-01",
    )
    assert _mentions(actors["Benjamin Netanyahu"]).count("he") == 2
    assert "he" not in _mentions(actors["Al Gore"])


def test_role_noun_falls_back_to_the_office_holder_on_the_date() -> None:
    actors = _actors("The Russian president rejected the offer.")
    assert "The Russian president" in _mentions(actors["Vladimir Putin"])


def test_a_headline_s_bare_office_is_its_holder_but_a_label_s_is_not() -> None:
    # dev zelenskyy-478: the headline drops the article
    actors = _actors(
        "President of Ukraine met with the Speakers of the Parliaments of Lithuania, Latvia and "
        "Estonia who arrived in Kyiv"
    )
    assert "President of Ukraine" in _mentions(actors["Volodymyr Zelensky"])
    assert "Ukraine" not in actors or "President of Ukraine" not in _mentions(actors["Ukraine"])
    # an office before the holder's name is a title, and "President of Ukraine said" needs the
    # office to open the sentence as its subject
    actors = _actors("He thanked the President of Ukraine Volodymyr Zelenskyy.")
    assert "Volodymyr Zelensky" in actors


@pytest.mark.parametrize(
    ("text", "date", "actor_id"),
    [
        ("The Iranian leader warned the West.", "2025-03-01", "ali-khamenei"),
        ("The German leader arrived in Kyiv.", "2025-06-01", "friedrich-merz"),
        ("The German leader arrived in Kyiv.", "2023-06-01", "olaf-scholz"),
        ("The British prime minister spoke to reporters.", "2024-09-01", "keir-starmer"),
        ("The Russian foreign minister met the press.", "2024-09-01", "sergei-lavrov"),
    ],
)
def test_role_nouns_resolve_to_the_office_holder_on_the_date(
    text: str, date: str, actor_id: str
) -> None:
    doc = make_document(text, date, stages=STAGES)
    assert actor_id in {a.id for a in doc.extraction.actors}


def test_igo_from_the_table() -> None:
    actors = _actors("NATO and the European Union condemned the strike.")
    assert (actors["NATO"].country, actors["NATO"].sector) == ("IGO", "IGO")
    assert actors["European Union"].country == "EUR"


def test_registry_carries_what_one_article_taught_into_the_next() -> None:
    import duckdb

    from dateline.actors.registry import registry_from_store
    from dateline.config import PipelineConfig
    from dateline.model import Article
    from dateline.pipeline import Pipeline

    first = _actors("Polish foreign minister Radoslaw Sikorski arrived in Kyiv on Monday.")
    taught = first["Radoslaw Sikorski"]
    conn = duckdb.connect()
    conn.execute(
        "CREATE TABLE actors (actor_id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR)"
    )
    conn.execute(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?)",
        [taught.id, taught.name, taught.kind, taught.country, taught.sector],
    )
    registry = registry_from_store(conn)
    text = "Sikorski said the talks had gone well."
    config = PipelineConfig(stages=STAGES, stage_options={"actors": {"registry": registry}})
    import datetime as dt

    day = dt.date(2025, 3, 14)
    extraction = Pipeline(config)(
        Article(id=Article.make_id(day, text), date=day, title=text, text=text)
    )
    sikorski = next(a for a in extraction.actors if a.id == taught.id)
    assert (sikorski.country, sikorski.sector, sikorski.source) == ("POL", "GOV", "registry")
    without = _actors(text)["Sikorski"]
    assert without.country is None


def test_actor_ids_keep_names_in_other_scripts_apart() -> None:
    from dateline.actors.coref import slug

    assert slug("Vladimir Putin") == "vladimir-putin"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    # Cyrillic names used to collapse to one-letter or shared ids ("s", "actor")
    assert slug("Кабінет Міністрів") != slug("Верховна Рада")
    assert len(slug("Кабінет Міністрів")) > 5
    assert slug("!!") != slug("??")


@pytest.mark.parametrize(  # object control, and "promise" (subject control)
    ("sentence", "owner"),
    [
        ("Angela Merkel urged Recep Tayyip Erdogan to withdraw his troops from Syria.", "Erdo"),
        ("Joe Biden asked Benjamin Netanyahu to rein in his ministers.", "Netanyahu"),
        ("Emmanuel Macron promised Olaf Scholz to reform his pension system.", "Macron"),
    ],
)
def test_a_possessive_in_an_infinitive_belongs_to_its_understood_subject(
    sentence: str, owner: str
) -> None:
    actors = _actors(sentence)
    start = sentence.index(" his ") + 1
    [name] = [n for n, a in actors.items() if any(m.span.start == start for m in a.mentions)]  # type: ignore[attr-defined]
    assert owner in name


def test_they_in_a_relative_clause_is_not_the_noun_the_clause_describes() -> None:
    text = "Russian forces said the Ukrainian soldiers who they are attempting to dislodge had retreated."
    actors = _actors(text)
    start = text.index(" they ") + 1
    [name] = [n for n, a in actors.items() if any(m.span.start == start for m in a.mentions)]  # type: ignore[attr-defined]
    assert name == "Russian forces"


def test_his_troops_are_the_troops_of_his_country() -> None:
    text = "Recep Tayyip Erdogan told reporters that his troops would stay in northern Syria."
    actors = _actors(text)
    start = text.index("troops")
    [actor] = [
        a for a in actors.values() if any(m.span.start <= start < m.span.end for m in a.mentions)
    ]  # type: ignore[attr-defined]
    assert actor.country == "TUR" and actor.sector == "MIL"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://en.kremlin.ru/events/president/news/67890", "vladimir-putin"),
        ("https://www.president.gov.ua/en/news/zasidannya-123", "volodymyr-zelensky"),
        (None, None),  # no outlet: nothing says whose president
    ],
)
def test_a_bare_president_no_article_names_is_the_outlets_own(
    url: str | None, expected: str | None
) -> None:
    import datetime as dt

    from dateline.model import Article
    from dateline.pipeline import Pipeline

    text = (
        "Meeting on economic issues\n"
        "The President held a meeting on economic issues with members of the Government.\n"
        "The participants discussed the situation in the financial sector."
    )
    article = Article(
        id="a", date=dt.date(2022, 3, 10), title=text.split("\n")[0], text=text, url=url
    )
    extraction = Pipeline(stages=STAGES)(article)
    start = text.index("President")
    owners = [
        a.id
        for a in extraction.actors
        if any(m.span.start <= start < m.span.end for m in a.mentions)
    ]
    assert owners == ([expected] if expected else [])


def test_a_group_adjective_is_an_actor_only_when_it_describes_people() -> None:
    assert "Europeans" not in _actors("Ukraine is moving towards European integration.")
    assert "Europeans" in _actors("European leaders met in Brussels on Monday.")


def test_a_surname_tagged_org_after_the_full_name_is_the_person() -> None:
    # dev timebank-APW19980219.0476: the gazetteer knows a town "Howes"
    text = (
        "Christopher Howes was kidnapped in 1996. In January, British police officers who had "
        "been searching for Howes concluded he had been killed."
    )
    howes = _actors(text, "1998-02-19")["Christopher Howes"]
    assert _mentions(howes) == ["Christopher Howes", "Howes", "he"]


def test_a_name_described_as_a_temple_or_a_village_is_no_person() -> None:
    text = (
        "The team was clearing mines 17 kilometers from Angkor Wat, the fabled 11th century "
        "temple, when it was attacked. Later, soldiers reached Kafr Nabl, a village in the north."
    )
    actors = _actors(text, "1998-02-19")
    assert "Angkor Wat" not in actors and "Kafr Nabl" not in actors, list(actors)


def test_a_pronoun_continues_the_reported_subject_not_the_attribution_speaker() -> None:
    # dev trnews-1030001: "..., corrections Officer Jonathan Keller said. He is being held"
    text = (
        "One of the suspects, 21-year-old Eric Campbell, was in the South Regional Jail on "
        "Friday, corrections Officer Jonathan Keller said. He is being held on two counts of "
        "malicious assault."
    )
    assert _mentions(_actors(text)["Eric Campbell"]) == ["Eric Campbell", "He"]


def test_a_bare_number_as_subject_or_object_is_that_many_people() -> None:
    text = "French and Spanish police arrest five over Basque arms cache"
    assert "five" in _actors(text)
    actors = _actors("Two arrested on drug charges in London\nPolice said the two were held.")
    assert "Two" in actors
    # labels and partitives are no counts
    actors = _actors("Six shells hit the area near posts 542 and 543. Two of the men fled.")
    assert not {"542", "Two", "Six"} & set(actors), list(actors)


def test_a_count_of_more_people_keeps_its_more() -> None:
    # dev wire (GUM_news_asylum): the navy "saved 200 more" after fishermen rescued 700; the
    # records gold names the group "200 more" (D15), and "200" alone matched no gold name
    actors = _actors(
        "On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the "
        "Indonesian Navy reportedly saved 200 more after they were found swimming along the "
        "coast of Aceh, Indonesia.",
        "2015-05-18",
    )
    assert "200 more" in actors and "200" not in actors, list(actors)


def test_the_two_is_the_pair_named_before_not_a_new_group() -> None:
    text = "Trump spoke with Putin on Tuesday, the second call the two have held since January."
    assert "two" not in {name.lower() for name in _actors(text)}


def test_a_capital_that_sends_a_warning_is_its_government() -> None:
    # dev timebank-CNN19980213.2130.0155
    text = "President Clinton glossed over stern warnings from Moscow on Thursday."
    assert "Russia" in _actors(text, "1998-02-13")
    # a capital one leaves is a place
    assert "Russia" not in _actors("The minister flew from Moscow to Paris on Thursday.")


def test_a_bare_number_after_a_verb_not_done_to_people_is_an_amount() -> None:
    # corpus (kremlin.ru): amounts, ages and prevented attacks are no people
    text = (
        "This year we are about to reach 3.9 trillion in spending. Families with children aged "
        "three receive support. More than 100 have been prevented. Seven were wounded."
    )
    actors = _actors(text)
    assert not {"3.9", "three", "100"} & set(actors), list(actors)
    assert "Seven" in actors


def test_captors_and_killers_are_actors_of_their_own() -> None:
    actors = _actors("Police say the woman was released by her captors. The killer fled.")
    assert {"captors", "killer"} <= set(actors), list(actors)


def test_a_surname_tagged_as_an_unknown_place_after_the_full_name_is_the_person() -> None:
    # dev timebank-APW19980227.0487: "Rabin" tagged GPE; no place is so named
    text = (
        "A friend of Yitzhak Rabin's assassin testified on Friday. Amir is serving a life "
        "sentence for the assassination of Rabin at a Tel Aviv peace rally."
    )
    assert "Rabin" in _mentions(_actors(text, "1998-02-27")["Yitzhak Rabin"])


def test_the_owner_of_a_title_final_address_is_its_speaker() -> None:
    # corpus (president.gov.ua, 2022-06-17): "- X's address" names the speaker as "address by
    # X" does, also with its audience after it
    text = (
        "Both Ukraine and the Western Balkans are equally interested in a united Europe - "
        "President Volodymyr Zelenskyy's address to the participants of the Prespa Forum "
        "Dialogue\nI am grateful for the opportunity to address you and leave my arguments for "
        "discussion at your important Forum."
    )
    doc = make_document(text, "2022-06-17", stages=STAGES)
    first = [m.actor for m in doc.mentions if m.span.text in {"I", "my"}]
    assert first == ["volodymyr-zelensky", "volodymyr-zelensky"], first
    assert [v.speaker for v in doc.voices] == ["volodymyr-zelensky"]


def test_the_south_in_a_korea_story_is_south_korea() -> None:
    # dev GUM_news_korea: "the South" and "the North" are the Koreas the story names
    text = (
        "North Korea has threatened military action against South Korea. South Korea evacuated "
        "about 80 people in the town of Yeoncheon after at least one shell landed near the "
        "area. The South retaliated by firing dozens of rounds of artillery into the north."
    )
    actors = _actors(text, "2015-08-21")
    assert "South" in _mentions(actors["South Korea"]) and "South" not in actors, list(actors)
    # with no country so named, "the South" stays a name of its own
    assert "South" in _actors("The South retaliated by firing dozens of rounds of artillery.")


def test_servicemen_of_a_country_s_armed_forces_are_its_forces() -> None:
    # dev zelenskyy-229
    text = (
        "Just yesterday, 404 servicemen of the Armed Forces of Ukraine were awarded state awards."
    )
    actors = _actors(text, "2022-05-12")
    assert "404 servicemen" in _mentions(actors["Ukrainian forces"]), list(actors)
    assert actors["Ukrainian forces"].country == "UKR"  # type: ignore[attr-defined]


def test_the_police_of_a_wire_story_of_several_countries_are_its_datelines() -> None:
    # dev timebank-APW19991008.0265: Kenya, Tanzania and the US are named; the police who speak
    # are those of the dateline's country (D16)
    text = (
        "Man arrested in embassy bombings\n"
        "CAPE TOWN, South Africa (AP) _ Another man has been arrested in connection with the "
        "bombings of U.S. embassies in Kenya and Tanzania last year that killed 224 people, "
        "police said today."
    )
    doc = make_document(text, "1999-10-08", stages=(*STAGES, "places"))
    (police,) = [a for a in doc.extraction.actors if a.name == "police"]
    assert police.country == "ZAF"


def test_a_transcript_label_after_its_heading_and_a_long_scraped_label_open_turns() -> None:
    # corpus (kremlin.ru, 2021-12-16): the heading after '***' runs into the first label
    text = (
        "Talks with President of Mongolia Ukhnaagiin Khurelsukh\n"
        "The documents were adopted on the occasion of the 100th anniversary of the "
        "establishment of diplomatic relations between Russia and Mongolia.*** Beginning of "
        "talks with President of Mongolia Ukhnaagiin Khurelsukh President of Russia Vladimir "
        "Putin: Mr President, First of all, I would like to thank you for accepting the "
        "invitation to come to Russia."
    )
    doc = make_document(text, "2021-12-16", stages=STAGES)
    assert [v.speaker for v in doc.voices] == ["vladimir-putin"]
    assert [m.actor for m in doc.mentions if m.span.text == "I"] == ["vladimir-putin"]
    # dev putin-451: a label scraped twice over ("... Tokayev Tokayev Kassym-JomartPresident of
    # the Republic of Kazakhstan:") is 21 tokens long
    text = (
        "Meeting with President of Kazakhstan Kassym-Jomart Tokayev\n"
        "President of Russia Vladimir Putin: Mr President, It is my pleasure to welcome you in "
        "Moscow. President of the Republic of Kazakhstan Kassym-Jomart Tokayev Tokayev "
        "Kassym-JomartPresident of the Republic of Kazakhstan: Thank you, Mr President, first "
        "of all, for the invitation. I agree with you."
    )
    doc = make_document(text, "2022-02-10", stages=STAGES)
    assert [v.speaker for v in doc.voices] == ["vladimir-putin", "kassym-jomart-tokayev"]


def test_bodies_named_in_the_plural_keep_the_words_that_say_which() -> None:
    # dev putin-539, zelenskyy-471 (D47): not a bare "group" or "administration"
    text = (
        "As I said, the groups who protested for a reduction in energy prices and the armed "
        "groups who fought the armed forces for several days are completely different groups. "
        "Regional administrations have been given a clear task."
    )
    actors = _actors(text, "2022-01-20")
    assert {
        "groups who protested for a reduction in energy prices",
        "Regional administrations",
    } <= set(actors), list(actors)
    assert "group" not in actors and "administration" not in actors


def test_sites_an_attack_is_done_to_are_no_actors() -> None:
    # issue 11: places and buildings are never actors (dev zelenskyy-498, zelenskyy-291: the
    # records gold names the bombed school and the shelled warehouse as targets; not followed)
    text = (
        "In besieged Mariupol, Russian aircraft dropped a bomb on an art school. "
        "The grain warehouse was destroyed. "
        "He admitted to having plotted to attack a local police station in support of Islamic "
        "State."
    )
    doc = make_document(text, "2022-03-21", stages=(*STAGES, "events"))
    names = {actor.name for actor in doc.extraction.actors}
    assert not {"art school", "grain warehouse", "local police station"} & names, names


def test_people_with_no_country_said_take_their_sentences_or_speakers_country() -> None:
    # dev zelenskyy-498, trnews-1360003, putin-451 (D16): the gold gives counted people the
    # country they are in; in an address, the speaker's; a place named twice over says nothing
    text = (
        "We will win - address by President Volodymyr Zelenskyy\n"
        "A total of 7,295 people were evacuated. More than 3,000 people were rescued in the "
        "Kyiv region. Two people were killed in a knife attack at a Walmart in southern China. "
        "Many residents fled from Belarus to Poland."
    )
    actors = _actors(text, "2022-03-21")
    assert actors["7,295 people"].country == "UKR"  # the speaker's
    assert actors["More than 3,000 people"].country == "UKR"
    assert actors["Two people"].country == "CHN"
    assert actors["residents"].country is None, list(actors)


def test_a_ministers_portfolio_stays_in_the_role() -> None:
    # dev zelenskyy-188: the gold names him "Minister of Education"; in an address he is the
    # speaker's country's, and a later bare "the Minister" is the same person
    text = (
        "We will win - address by President Volodymyr Zelenskyy\n"
        "Firstly, I instructed the Minister of Education to prepare changes for applicants. "
        "Secondly, I instructed the Minister to decide how to ensure their education. "
        "The Minister of Foreign Affairs of Poland arrived in Kyiv."
    )
    doc = make_document(text, "2022-05-19", stages=STAGES)
    actors = {actor.name: actor for actor in doc.extraction.actors}
    minister = actors["Ukraine minister of education"]
    assert minister.country == "UKR"
    assert _mentions(minister) == ["the Minister of Education", "the Minister"]
    assert actors["Poland minister of foreign affairs"].country == "POL"


def test_a_subject_they_goes_on_about_the_subject_they_before() -> None:
    # dev zelenskyy-340: the second "They" is still the occupiers, not the tactical groups
    # the sentence before named last
    text = (
        "We will win - address by President Volodymyr Zelenskyy\n"
        "In the south and east of our country, the occupiers continue to do everything to have "
        "a reason to talk about at least some victories. They are accumulating forces, driving "
        "new battalion tactical groups to our land. They are even trying to start the so-called "
        "mobilization in the occupied regions of Ukraine."
    )
    doc = make_document(text, "2022-04-15", stages=STAGES)
    theys = [m for m in doc.mentions if m.span.text == "They"]
    assert len(theys) == 2
    assert theys[0].actor == theys[1].actor, [m.actor for m in theys]


def test_an_adverb_the_model_took_into_a_name_is_left_out() -> None:
    # dev trnews-1060005: "Kellogg later retracted" had made an organisation "Kellogg later"
    text = (
        "'San Antonio Four' exonerated in 1990s Texas sexual assault cases\n"
        "A Texas court on Wednesday exonerated four women convicted of sexual assault in the "
        "1990s. Supporters have slammed testimony presented by the state's star medical "
        "witness at trial, pediatrician Nancy Kellogg. Kellogg testified about what she said "
        "were physical injuries inflicted upon the girls as part of satanic rituals that she said "
        "were prevalent among some lesbians.Kellogg later retracted her testimony and agreed with "
        "defense claims."
    )
    doc = make_document(text, "2016-11-23", stages=STAGES)
    names = {actor.name for actor in doc.extraction.actors}
    assert not any(name.endswith(" later") for name in names), names


def test_people_of_a_foreign_story_are_not_the_outlet_s_compatriots() -> None:
    # BBC News, 12 Aug 2012 (TR-News): people with no country said took the outlet's (GBR)
    # through the fallback meant for an address's speaker; a story no one speaks in gives them
    # the outlet's country only where it names that country
    text = (
        "Two strong earthquakes have struck north-western Iran, leaving at least 180 people dead "
        "and more than 1,300 injured, officials say.\n"
        "The US Geological Service measured the quakes at magnitude 6.4 and 6.3.\n"
        '"The quake has created huge panic among the people," one resident of Tabriz told the '
        'BBC. "Everyone has rushed to the streets and the sirens of ambulances are everywhere."\n'
        "Dozens of rescue workers have been sent to the region, but relief efforts have been "
        "limited overnight.\n"
        "An Iranian Red Crescent official estimated that 16,000 people have been given emergency "
        "shelter after they were forced to leave their homes."
    )
    doc = make_document(
        text, "2012-08-12", stages=STAGES, url="http://www.bbc.com/news/world-middle-east-19226500"
    )
    groups = {a.name: a.country for a in doc.extraction.actors if a.kind == "group"}
    assert groups["16,000 people"] != "GBR"
    assert "GBR" not in groups.values()


def test_a_disease_ner_tags_as_a_person_is_no_actor() -> None:
    # kremlin.ru transcripts: the small model tags "COVID" PERSON, and "he" in the next clause
    # of a story about a journalist ("When COVID came, he was not afraid") went to it
    actors = _actors(
        "Report on the regions\n"
        "This drug is created from the blood plasma of people who have recovered from COVID and "
        "already have antibodies. We started working on it as soon as the COVID started."
    )
    assert not any("COVID" in name for name in actors)


def test_dateline_town_is_no_actor() -> None:
    """A dateline says where the story was filed (issue 11): "COLUMBIA" was the target of the
    arrest, "Ky" a person (trnews-1100001, trnews-1100004)."""
    actors = _actors(
        "COLUMBIA, Ky. (WBKO) -  A Metcalfe County man is arrested after an Adair County "
        "shooting.\nKentucky State Police say William Goble, 26, of Edmonton, was arrested "
        "Thursday at 2:41 a.m., following a shooting on Dean Woods Road in Adair County.",
        "2016-12-08",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert not {"COLUMBIA", "Ky", "Ky."} & names
    assert "Kentucky State Police" in names


def test_custody_site_is_no_actor() -> None:
    """A jail is a building people are held in, no actor nor target (issue 11)."""
    actors = _actors(
        "Six suspects in the Bin Laden investigation are known to be in custody in the "
        "Metropolitan Correctional Center in New York. Goble was taken to the Adair County "
        "Regional Jail. He is charged with Assault 1st degree.",
        "1999-06-07",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert "Metropolitan Correctional Center" not in names
    assert "Adair County Regional Jail" not in names
    assert "Goble" in names


def test_documents_and_provenance_are_no_actors() -> None:
    """A law is a document (zelenskyy-229: "Defense Lend-Lease Act" was the signing's target),
    and "Soviet-made" says where an aircraft was made: neither is an actor (issue 11)."""
    actors = _actors(
        "And it is no coincidence that the new Ukraine Democracy Defense Lend-Lease Act was "
        "signed on May 9. The rebels shot down a Soviet-made aircraft over the city.",
        "2022-05-11",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert not {"Defense Lend-Lease Act", "Soviet"} & names
    assert "Ukraine" in names


def test_streets_offences_and_sites_of_a_fire_are_no_actors() -> None:
    """A road, an offence a person is charged with, and the building a fire burned are no
    actors (issue 11: places, buildings and abstract nouns never are); a state's body named
    after its street ("Downing Street") still is."""
    actors = _actors(
        "State Police are investigating the Big Apple Pizza fire in Glasgow. The crash happened "
        "on Tom Smith Lane near Columbia. Mark Ellis, 34, was charged with Manslaughter on "
        "Saturday. Downing Street said the prime minister was told.",
        "2016-12-10",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert not {"Big Apple Pizza", "Tom Smith Lane", "Manslaughter"} & names
    assert {"Mark Ellis", "Downing Street"} <= names


def test_a_surname_tagged_a_place_is_the_person_as_a_subject() -> None:
    """The small model tags "Oudshoorn" (a South African town) a place; after "Abe Oudshoorn",
    "Oudshoorn said" is he, not a country of no code (trnews-1110002's speaker was so split)."""
    actors = _actors(
        "“We want to help the public,” said Abe Oudshoorn, chair of the London Homeless "
        "Coalition. The programs are working, Oudshoorn said on Tuesday.",
        "2016-12-10",
    )
    person = actors["Abe Oudshoorn"]
    assert _mentions(person).count("Oudshoorn") == 1
    assert "Oudshoorn" not in actors


def test_a_summit_or_a_contest_is_no_actor() -> None:
    """A gathering's or a contest's name is an event, not a body (issue 11; zelenskyy-887's
    'Eastern Partnership Summit' was a source)."""
    actors = _actors(
        "The adviser outlined Moldova's hopes for the Eastern Partnership Summit in Brussels. "
        "Athletes from Georgia will compete at the XXIV Winter Olympics in Beijing.",
        "2021-11-20",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert not {"Eastern Partnership Summit", "XXIV Winter Olympics"} & names
    assert "Moldova" in names


def test_nobody_and_a_holiday_are_no_actors() -> None:
    """ "No group has admitted ..." names nobody, and "the Rescuers' Day" is a holiday's name:
    neither is an actor (issue 11; trnews-1020010's 'Turkish group', zelenskyy-30's 'Medical
    Workers')."""
    actors = _actors(
        "No group has claimed the bombing, but Pakistani officials blamed the Taliban. "
        "On the eve of the Social Workers' Day, I congratulated them on their holiday. "
        "Today is the Border Guards Day, and I congratulated the State Border Guard Service.",
        "2022-09-17",
    )
    names = {m for actor in actors.values() for m in _mentions(actor)}
    assert not {"No group", "Social Workers", "Border Guards Day"} & names
    assert {"Taliban", "State Border Guard Service"} <= names


def test_a_heading_that_opens_the_body_may_run_into_the_first_label() -> None:
    # corpus (kremlin.ru, 2022-05-23): no '***' and no full stop between the heading that opens
    # the body and the transcript's first label (issue 11)
    text = (
        "Meeting with President of Belarus Alexander Lukashenko\n"
        "Vladimir Putin met with President of Belarus Alexander Lukashenko at the Bocharov "
        "Ruchei residence in Sochi.\n"
        "Beginning of Russian-Belarusian talks President of Russia Vladimir Putin: Mr "
        "Lukashenko, You and I met in Moscow not so long ago and agreed to hold a separate "
        "meeting."
    )
    doc = make_document(text, "2022-05-23", stages=STAGES)
    assert [v.speaker for v in doc.voices] == ["vladimir-putin"]
    assert [m.actor for m in doc.mentions if m.span.text == "I"] == ["vladimir-putin"]
    # a line's sentence with a finite verb before a name and a colon is no heading
    text = (
        "Meeting with President of Belarus Alexander Lukashenko\n"
        "Vladimir Putin told President of Belarus Alexander Lukashenko: Mr Lukashenko, You and "
        "I met in Moscow not so long ago."
    )
    doc = make_document(text, "2022-05-23", stages=STAGES)
    assert doc.voices == []


def test_a_question_label_opens_a_turn_nobody_named_speaks() -> None:
    # corpus (kremlin.ru, 2022-04-12, joint news conference): a journalist's "Question:" is a
    # turn, not more words of the previous speaker's; the answer's "you" is the asker, whom no
    # label names (issue 11)
    text = (
        "Joint news conference with President of Belarus Alexander Lukashenko\n"
        "President of Belarus Alexander Lukashenko: We will keep working in all the areas and "
        "no sanctions will bend us or keep us from our path. Dmitry Peskov: Over to Russian "
        "journalists. Rossiya Segodnya, please. Question: Good afternoon. My question concerns "
        "the economy. What macroeconomic and microeconomic effects do you see? Vladimir Putin: "
        "We have already covered this issue multiple times. But, as you know, the Central Bank "
        "has already decided to lower the key rate."
    )
    doc = make_document(text, "2022-04-12", stages=STAGES)
    question = text.index("Good afternoon")
    assert not [v for v in doc.voices if v.start <= question < v.end]
    (putin,) = [v for v in doc.voices if v.speaker == "vladimir-putin"]
    assert putin.addressee is None
    # the question's "you" is whoever answers it
    you = text.index("do you see") + len("do ")
    assert [m.actor for m in doc.mentions if m.span.start == you] == ["vladimir-putin"]


def test_a_full_name_repeated_outside_a_person_entity_is_that_person() -> None:
    # corpus (kremlin.ru, meeting with Government members): the repeat of a full name NER
    # tagged an organisation and a product is the person the article named (issue 11)
    text = (
        "Meeting with Government members\n"
        "Deputy Prime Minister Marat Khusnullin reported on the construction of roads. (The "
        "Deputy Prime Minister also raised the issue of supporting the regions. Marat "
        "Khusnullin spoke about the work to improve housing and utilities sector.)"
    )
    doc = make_document(text, "2022-03-10", stages=STAGES)
    assert [m.actor for m in doc.mentions if m.span.text == "Marat Khusnullin"] == [
        "marat-khusnullin"
    ]


def test_a_body_named_after_a_place_is_one_organisation() -> None:
    # dev timebank-NYT19981025.0188 and zelenskyy-338: the small model tags only the place
    # ("New York", "Crimea") and leaves the body's own word untagged
    times = _actors("The New York Times said in an editorial on Monday, Oct. 26:", "1998-10-25")
    assert "New York Times" in times
    assert times["New York Times"].kind == "organization"  # type: ignore[attr-defined]
    text = (
        "Andrii Sybiha discussed with the leadership of the Crimea Platform the situation in "
        "the temporarily occupied territories of Ukraine."
    )
    assert "Crimea Platform" in _actors(text, "2024-10-01")
    # a country's title before a person's name stays a title ("President of Serbia ...")
    assert "Serbia Aleksandar Vucic" not in _actors(
        "The President of Serbia Aleksandar Vucic met the delegation.", "2024-10-01"
    )


def test_a_full_name_the_model_left_untagged_is_a_person() -> None:
    # dev zelenskyy-666 and zelenskyy-612: no entity holds the names
    text = (
        "The participants of the meeting heard a report by Commander of the Joint Forces "
        "Oleksandr Pavliuk on the situation in the JFO area."
    )
    assert _actors(text, "2021-03-01")["Oleksandr Pavliuk"].kind == "person"  # type: ignore[attr-defined]
    text = (
        "I adopted a decision to posthumously award the title of Hero of Ukraine to Vitaliy "
        "Volodymyrovych Skakun, a sapper of the 35th Separate Marine Brigade."
    )
    assert "Vitaliy Volodymyrovych Skakun" in _actors(text, "2022-03-01")
