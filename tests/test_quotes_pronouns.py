"""Who speaks a press release's quotes: pronouns, titles and subjects (issue 11, round 9).

The hand checks of 100 quotes on the Kremlin/Zelenskyy press releases (seeds 11 and 12,
benchmarks/results/quote_speakers_sample.md) found "he said" going to a name inside the quote,
titles before a place or after a name left unresolved, and the parser's second subject taken
for the speaker. Each test is text from releases outside those two samples where the corpus
has one.
"""

from __future__ import annotations

from conftest import make_document

STAGES = ("segment", "actors", "quotes")


#: where the releases come from: a press office has a home country ("the President" is its own)
KYIV = "https://www.president.gov.ua/en/news/"
MOSCOW = "http://en.kremlin.ru/events/president/news/"


def _quotes(text: str, date: str, url: str = KYIV):
    doc = make_document(text, date, stages=STAGES, url=url)
    return {q.span.text: q for q in doc.extraction.quotes}


def test_he_said_goes_on_with_the_speaker_not_a_name_inside_the_quote() -> None:
    quotes = _quotes(
        "Volodymyr Zelenskyy had a phone conversation with the President of the European "
        "Council\n"
        "President of Ukraine Volodymyr Zelenskyy had a phone conversation with President of "
        "the European Council Charles Michel. Volodymyr Zelenskyy noted that it is important "
        "for Ukraine to maintain the unity of all EU member states in protecting the sovereignty "
        "and territorial integrity of our state. Ukraine will not give in to provocations, but "
        'will remain calm and patient together with its partners. "I am grateful to you, Mr. '
        "President of the European Council, and to the leaders of the EU countries, whose "
        'diplomats remain in our country and support us doing their job," he said.',
        "2022-01-24",
    )
    grateful = quotes[
        "I am grateful to you, Mr. President of the European Council, and to the leaders of the "
        "EU countries, whose diplomats remain in our country and support us doing their job"
    ]
    assert grateful.speaker.span is not None and grateful.speaker.span.text == "he"
    assert grateful.speaker.actor == "volodymyr-zelensky"


def test_he_said_after_a_chain_goes_on_with_the_reporter_not_the_one_reported() -> None:
    # Yermak reports what Zelenskyy emphasizes; the next "he said" is Yermak's
    quotes = _quotes(
        "Ukraine needs more weapons - Head of the Office of the President\n"
        "Head of the Office of the President of Ukraine Andriy Yermak spoke with foreign "
        "journalists. Andriy Yermak noted that in his addresses to the parliaments of the world, "
        "President Volodymyr Zelenskyy emphasizes the need to increase weaponry supplies to "
        'Ukraine. "We do not have enough weapons. And we need it to continue our struggle," he '
        "said.",
        "2022-03-31",
    )
    said = quotes["We do not have enough weapons. And we need it to continue our struggle"]
    assert said.speaker.actor == "andriy-yermak"


def test_according_to_him_is_the_title_holder_not_the_president_in_the_title() -> None:
    # the actors stage takes "him" for "the President" of "The Head of the President's Office"
    quotes = _quotes(
        "In Paris, political advisers to the leaders of the Normandy Four agreed on a joint "
        "communiqué\nA meeting of political advisers to the leaders of the Normandy format "
        "attended by Head of the Office of the President of Ukraine Andriy Yermak ended in "
        'Paris. "The very fact that the Normandy format has resumed work is already a very '
        "positive signal. A very meaningful and difficult conversation took place today - a "
        "kind of audit of the implementation of both the Minsk agreements and the agreements "
        'of the leaders of the Normandy format from 2019," Andriy Yermak said in a comment to'
        " the media after the talks in Paris. The Head of the President's Office stressed "
        "that the communiqué adopted as a result of the meeting is the first document agreed "
        "upon since the summit of the leaders of the Normandy Four in December 2019. "
        "According to him, the parties have many differences concerning the implementation of"
        " the Minsk agreements, but there is a willingness to move forward in the negotiation"
        " process.",
        "2022-01-26",
    )
    according = quotes[
        "the parties have many differences concerning the implementation of the Minsk "
        "agreements, but there is a willingness to move forward in the negotiation process"
    ]
    assert according.speaker.actor == "andriy-yermak"


def test_they_named_only_inside_what_was_said_is_nobody() -> None:
    # "They" are the President and the governor; the actors stage takes Russian Railways, named
    # only in the governor's reported words
    quotes = _quotes(
        "Meeting with Khabarovsk Territory Governor Mikhail Degtyaryov\n"
        "Vladimir Putin held a working meeting with Governor of Khabarovsk Territory Mikhail "
        "Degtyaryov. The Governor described Russian Railways' Eastern testing range as a key "
        "project with a direct bearing on the Khabarovsk Territory. They also discussed the "
        "implementation of other Presidential instructions.",
        "2022-04-28",
        MOSCOW,
    )
    discussed = quotes["the implementation of other Presidential instructions"]
    assert discussed.speaker.actor is None


def test_the_governor_is_the_region_governor_the_text_named() -> None:
    # "Novgorod Region" before the title is the place governed, not a higher rank
    quotes = _quotes(
        "Meeting with Novgorod Region Governor Andrei Nikitin\n"
        "Vladimir Putin had a working meeting with Novgorod Region Governor Andrei Nikitin, who "
        "updated the President on the socioeconomic situation in the region.\n"
        "The President noted that industrial production and construction were growing in the "
        "region. The Governor said that the people's real disposable incomes were growing for "
        "the first time in years.",
        "2022-03-22",
        MOSCOW,
    )
    said = quotes["the people's real disposable incomes were growing for the first time in years"]
    assert said.speaker.actor == "andrei-nikitin"


def test_the_president_s_press_secretary_is_the_person_not_the_president() -> None:
    quotes = _quotes(
        "The Normandy format is the only platform for negotiations on a peaceful settlement in "
        "Donbas: Press Secretary of the President\nThe Normandy format is the only platform for"
        " negotiations on a peaceful settlement in eastern Ukraine, and the responsibility for "
        "delaying the progress of the negotiation process lies with the Russian party. This was"
        " emphasized by Press Secretary of the President of Ukraine Serhiy Nykyforov in a video"
        ' commentary. "The Russian party remains solely responsible for the delay in the '
        "Normandy format. Ukraine, France and Germany are ready for contacts at the level of "
        "ministers and leaders in the near future. We believe that the essence of the "
        "negotiations is to get a result. If the Russian party insists that the outcome should "
        "be known before the start of negotiations, it calls into question the negotiation "
        "process itself. We call on Moscow to cooperate. Donbas is waiting for peace, and "
        'Russia must make a contribution to its achievement," Serhiy Nykyforov said. The '
        "President's Press Secretary also informed that after the appointment of Oleksiy "
        "Reznikov to the post of Minister of Defense, Iryna Vereshchuk, who was appointed "
        "Minister for Reintegration of the Temporarily Occupied Territories of Ukraine, will "
        "join the Ukrainian delegation in the Trilateral Contact Group. MP Andriy Kostin will "
        "temporarily act as the first deputy head of the Ukrainian delegation to the TCG. "
        "According to Serhiy Nykyforov, the Ukrainian delegation to the Trilateral Contact "
        'Group should focus even more on resolving humanitarian and social issues. "The Office '
        "of the President emphasizes the need to intensify work on the release of detainees, "
        "ensure normal working conditions of the checkpoints on the touch line. It is also "
        "necessary to create a new subgroup that will work to return control over the state "
        "border in Donbas to Ukraine. If the Russian party recognizes the Minsk agreements, it "
        'must also agree to implement the "Minsk" points at the level of the TCG," said the '
        "President's Press Secretary.",
        "2021-11-08",
    )
    said = next(q for text, q in quotes.items() if text.startswith("The Office of the President"))
    assert said.speaker.actor == "serhiy-nykyforov"


def test_the_adviser_is_the_person_the_title_was_apposed_to() -> None:
    quotes = _quotes(
        "Ukraine has become a symbol of freedom - Mykhailo Podolyak\n"
        "Mykhailo Podolyak, Adviser to the Head of the Office of the President of Ukraine said "
        "this in an interview. The Adviser to the Head of the Office of the President noted that "
        "long before the Russian invasion of Ukraine, Europe tried to pretend not to notice the "
        "threats.",
        "2022-04-11",
    )
    noted = quotes[
        "long before the Russian invasion of Ukraine, Europe tried to pretend not to notice the "
        "threats"
    ]
    assert noted.speaker.actor == "mykhailo-podolyak"


def test_a_role_whose_phrase_names_its_holder_is_that_person() -> None:
    quotes = _quotes(
        "Volodymyr Zelenskyy met with the board of directors of the American Chamber of "
        "Commerce in Ukraine\n"
        "President of Ukraine Volodymyr Zelenskyy met with the board of directors. The "
        "President of the American Chamber of Commerce Andy Hunder stressed that trust is key "
        "for the companies - members of the association.",
        "2021-11-30",
    )
    stressed = quotes["trust is key for the companies - members of the association"]
    assert stressed.speaker.actor == "andy-hunder"


def test_the_one_asked_is_not_who_asks() -> None:
    quotes = _quotes(
        "Andriy Yermak: Weapons, sanctions and consolidated position of democracies\n"
        "Head of the Office of the President of Ukraine Andriy Yermak gave an interview. Asked "
        "whether he considers changes in Russia's imperial policy possible, the Head of the "
        "President's Office said that, unfortunately, there is only a language of force and "
        "blackmail in Russia's politics.",
        "2022-05-30",
    )
    asked = next(q for text, q in quotes.items() if text.startswith("he considers changes"))
    assert asked.speaker.actor is None
    said = next(q for text, q in quotes.items() if "language of force" in text)
    assert said.speaker.actor == "andriy-yermak"


def test_talking_not_about_attributes_nothing() -> None:
    quotes = _quotes(
        "Being brave is our brand; we will spread our courage in the world - address by "
        "President Volodymyr Zelenskyy\nThere are certain results already. First of all, they"
        " are manifested in the current sanctions against the Russian Federation. But that's "
        'the thing - the results are still "certain". Not yet the ones needed to stop Russia.'
        " To stop the war. Please note: this is not the first day that the media has been "
        "talking not about how sanctions against Russia actually work, but about why these "
        "sanctions are important. As if they are convincing themselves that they have "
        "introduced the right things, that there are enough restrictions.",
        "2022-04-07",
    )
    assert not [text for text in quotes if text.startswith("how sanctions against Russia")]


def test_the_nearest_of_two_subjects_speaks_and_a_quoted_company_name_is_no_quote() -> None:
    # the parser hangs the long title on "told" as a second subject
    quotes = _quotes(
        "President made a test trip on a new train made in Ukraine\n"
        "President of Ukraine Volodymyr Zelenskyy inspected the regional diesel train. During a "
        'short trip, Chairman of the Supervisory Board of PJSC "Kryukov Railway Car Building '
        'Works" Volodymyr Prykhodko told the President that the train meets Ukrainian and '
        "European standards.",
        "2021-11-09",
    )
    told = quotes["the train meets Ukrainian and European standards"]
    assert told.speaker.actor == "volodymyr-prykhodko"
    assert "Kryukov Railway Car Building Works" not in quotes


def test_the_head_of_government_is_the_prime_minister_the_text_named() -> None:
    quotes = _quotes(
        "At initiative of President, government developing mechanisms to support Ukrainian "
        "producers to avoid rising prices for staple foods\n"
        "President of Ukraine Volodymyr Zelenskyy held a meeting on the impact of the energy "
        'crisis in Europe on the Ukrainian food industry. "The government will come up with '
        'appropriate proposals in the coming days," Prime Minister Denys Shmyhal said at a '
        "briefing following the meeting. According to the head of government, in regard to the "
        "global energy crisis, Ukrainian producers are considering raising prices for their "
        "products.",
        "2021-12-24",
    )
    according = next(q for text, q in quotes.items() if text.startswith("in regard to"))
    assert according.speaker.actor == "denys-shmyhal"


def test_the_interior_minister_is_the_minister_of_the_interior_the_text_named() -> None:
    quotes = _quotes(
        "President: Community safety begins where the street is lit at night\n"
        "For his part, Minister of the Interior Denys Monastyrskyi noted that communication "
        "between law enforcement agencies and local communities is very important in ensuring "
        "the safety of citizens. In order to improve cooperation, communication chats will be "
        "created. In addition, according to the Interior Minister, it is planned to triple the "
        "number of community police officers from next year (up to 2,000).",
        "2021-11-04",
    )
    according = next(q for text, q in quotes.items() if text.startswith("it is planned"))
    assert according.speaker.actor == "monastyrskyi"
