"""Who speaks a press release's quotes: office holders, turns after cuts, words nobody said.

Issue 11 (the hand check of 100 quotes on the Kremlin/Zelenskyy press releases,
benchmarks/results/quote_speakers_sample.md): each test is text from those releases.
"""

from __future__ import annotations

from conftest import make_document

STAGES = ("segment", "actors", "quotes")


def _quotes(text: str, date: str = "2022-05-12"):
    doc = make_document(text, date, stages=STAGES)
    return doc, {q.span.text: q for q in doc.extraction.quotes}


def test_the_head_of_the_president_s_office_is_the_person_given_that_title() -> None:
    _, quotes = _quotes(
        "Sanctions on Russia must be long-term\n"
        "Head of the Office of the President of Ukraine Andriy Yermak took part in a discussion "
        "with President of Ukraine Volodymyr Zelenskyy. The Head of State thanked the partners. "
        "The Head of the President's Office noted that the Yermak-McFaul international expert "
        "group commends the decision of the European Commission."
    )
    noted = quotes[
        "the Yermak-McFaul international expert group commends the decision of the European "
        "Commission"
    ]
    assert noted.speaker.actor == "andriy-yermak"


def test_the_adviser_to_the_president_is_the_adviser_the_text_named() -> None:
    _, quotes = _quotes(
        "Giving up Russia's oil is a top priority\n"
        "This was stated by Adviser to the President of Ukraine on economic issues Oleg Ustenko "
        "in an online interview. Oleg Ustenko noted that Russia's crude oil exports have been "
        'growing. "The market will undergo a rapid correction, and prices will return to '
        'acceptable levels," the Adviser to the President explained.'
    )
    explained = quotes[
        "The market will undergo a rapid correction, and prices will return to acceptable levels"
    ]
    assert explained.speaker.actor == "oleg-ustenko"


def test_a_headline_s_name_and_colon_is_no_turn_of_the_story_under_it() -> None:
    # the headline quotes Zelenskyy; the story is the press office's, whose "the Head of State"
    # is Zelenskyy still, not the other president the story names
    _, quotes = _quotes(
        "Volodymyr Zelenskyy: I know exactly how our army will act\n"
        "President of Ukraine Volodymyr Zelenskyy emphasizes that the Ukrainian army is ready "
        "for any scenario. The President made this statement to the media following a meeting "
        "with the Presidents of Poland and Lithuania in Kyiv. The Head of State noted that the "
        "Budapest Memorandum is no longer working.",
        "2022-02-23",
    )
    noted = quotes["the Budapest Memorandum is no longer working"]
    assert noted.speaker.actor == "volodymyr-zelensky"


def test_a_turn_after_a_cut_in_the_transcript_is_not_the_previous_speaker_s() -> None:
    doc, _ = _quotes(
        "Meeting of the Council for the Development of Physical Culture and Sport\n"
        "Deputy Prime Minister Dmitry Chernyshenko: You will be shown an example of a regional "
        "system today. Thank you very much. This concludes my report. <…> Minister of Sport Oleg "
        "Matytsin: Mr President, Allow me to report on the results of the Olympic Games, which "
        "you mentioned in your opening remarks. Objectively, Russia won 32 medals.",
        "2022-03-24",
    )
    his = [q.span.text for q in doc.extraction.quotes if q.speaker.actor == "dmitry-chernyshenko"]
    assert his and not any("Olympic" in text for text in his)


def test_a_label_the_transcript_gave_before_is_a_turn_where_ner_missed_the_name() -> None:
    doc, _ = _quotes(
        "Meeting with Promsvyazbank CEO Petr Fradkov\n"
        "President of Russia Vladimir Putin: Mr Fradkov, how is the bank doing? Petr Fradkov: We "
        "continue to actively develop. Vladimir Putin: Profit is growing. Petr Fradkov: Profit "
        "is also one of our main indicators– we are guided by it.",
        "2021-12-20",
    )
    profit = next(q for q in doc.extraction.quotes if q.span.text.startswith("Profit is also"))
    assert profit.speaker.actor == "petr-fradkov"
    growing = next(q for q in doc.extraction.quotes if q.span.text.startswith("Profit is grow"))
    assert growing.span.text == "Profit is growing."


def test_a_negated_modal_says_nothing() -> None:
    # "they would not have to explain why ...", "we cannot predict ...": nobody says anything
    doc, _ = _quotes(
        "Address by President of Ukraine\n"
        "But if the sanctions really worked one hundred percent, they would not have to explain "
        "in such detail why they are important. Obviously, we cannot predict all geopolitical "
        "risks. The President noted that more sanctions are needed.",
        "2022-04-07",
    )
    contents = [q.span.text for q in doc.extraction.quotes if q.kind == "indirect"]
    assert contents == ["more sanctions are needed"]


def test_a_title_s_holder_is_not_whom_the_title_s_verb_named() -> None:
    # "the Governor thanked Vladimir Putin" gives the Governor no name: the name after the verb
    # is whom he thanked, and the title's holder is the one the headline named
    _, quotes = _quotes(
        "Meeting with Astrakhan Region Governor Igor Babushkin\n"
        "Igor Babushkin began his report with issues related to combatting COVID-19. In this "
        "context, the Governor thanked Vladimir Putin for his help in stabilising the situation "
        "at the Krasnye Barrikady shipyard. Now it is working at full capacity. The Governor "
        "noted that the relocation programme is being implemented ahead of schedule.",
        "2022-01-17",
    )
    noted = quotes["the relocation programme is being implemented ahead of schedule"]
    assert noted.speaker.actor == "igor-babushkin"


def test_according_to_an_adviser_keeps_the_title_s_own_phrase_out_of_the_quote() -> None:
    # the parser hangs "to the Head of the President's Office" on "According": it is the
    # title's still, not the first words of what the Adviser said
    _, quotes = _quotes(
        "Mykhailo Podolyak: International multilateral treaty on security guarantees will give "
        "Ukraine reliable protection\n"
        "Adviser to the Head of the President's Office and member of the Ukrainian negotiating "
        "team Mykhailo Podolyak emphasized this during an online briefing. Currently, online "
        "working groups are constantly working to ensure the continuity of the negotiation "
        "process. According to the Adviser to the Head of the President's Office, intermediate "
        "proposals were recorded at the meeting in Istanbul, which the parties have already "
        "worked out and discussed.",
        "2022-03-30",
    )
    recorded = quotes[
        "intermediate proposals were recorded at the meeting in Istanbul, which the parties have "
        "already worked out and discussed"
    ]
    assert recorded.kind == "according_to"
    assert recorded.speaker.span is not None and recorded.speaker.span.text == "the Adviser"


def test_the_message_reads_gives_the_words_of_whoever_sent_it() -> None:
    # the Kremlin's greetings: "the message reads" gives the message's words, which nothing made
    # a quote of; its writer is who sent the greetings, named in the sentence before
    _, quotes = _quotes(
        "Passover greetings\n"
        "Vladimir Putin extended greetings to Russian Jews on Passover.\n"
        'The message reads, in part:"This ancient holiday, held in special reverence by '
        "followers of Judaism, dates back to important historical events, and refers believers "
        "to the centuries-old religious and cultural traditions of the Jewish people who have "
        'carefully passed them down through the generations."',
        "2022-04-15",
    )
    words = next(q for q in quotes.values() if q.span.text.startswith("This ancient holiday"))
    assert words.kind == "direct"
    assert words.speaker.actor == "vladimir-putin"


def test_a_message_with_no_writer_named_has_no_speaker() -> None:
    _, quotes = _quotes(
        "Condolences on the death of Vladimir Zhirinovsky\n"
        '"Vladimir Zhirinovsky was an accomplished politician, an energetic and open man, an '
        'eloquent speaker and an articulate debater," the message reads.',
        "2022-04-06",
    )
    words = quotes[
        "Vladimir Zhirinovsky was an accomplished politician, an energetic and open man, an "
        "eloquent speaker and an articulate debater"
    ]
    assert words.speaker.actor is None


def test_according_to_the_adviser_is_the_one_person_named_with_that_title() -> None:
    # corpus (president.gov.ua, Mykhailo Podoliak's briefing in Lviv): "the Adviser" went to the
    # group "advisers", not to the adviser the text named (actors 1.8.75)
    _, quotes = _quotes(
        "Ukraine will not make any concessions - Mykhailo Podoliak\n"
        "This was stated by Adviser to the Head of the President's Office Mykhailo Podoliak "
        'during a briefing in Lviv. "Therefore, negotiations will be difficult. But they will '
        'continue," Mykhailo Podoliak added. According to the Adviser to the Head of the '
        "President's Office, the Head of State clearly understands all the nuances and "
        "circumstances of negotiations with the Russian Federation.",
        "2022-03-26",
    )
    (understands,) = [q for q in quotes.values() if q.kind == "according_to"]
    assert understands.speaker.actor == "mykhailo-podoliak"


def test_the_statement_quoted_again_keeps_the_writer_named_before_the_first_quote() -> None:
    # president.gov.ua, 2022-06-02 (the Yermak-McFaul group): "In its statement, the group
    # emphasizes" names the writer once; "the statement reads" comes back sentences later
    _, quotes = _quotes(
        "Sanctions pressure on Russia should be continued and a full embargo on Russian energy "
        "should be imposed to force the Kremlin to end the war against Ukraine - Yermak-McFaul "
        "International Expert Group\n"
        "A group of independent Ukrainian and international experts analyzing the impact of "
        "sanctions imposed on Russia, co-chaired by Head of the Office of the President of "
        "Ukraine Andriy Yermak and former US National Security Advisor Michael McFaul, urges the "
        "European Union to speed up a full embargo on Russian energy to end the war in Ukraine as "
        "soon as possible. In its statement, the group emphasizes that over the past three "
        "months, the democratic world has repeatedly demonstrated unity and the capacity to "
        "respond to the unjust war unleashed by Russia against Ukraine. On May 31, the European "
        "Union (EU) announced the approval of the Sixth Package of Sanctions against Russia. It "
        "includes a ban on imports of Russian oil by sea, the exclusion of Sberbank from the "
        'SWIFT international system.  "Such sanctions will deprive Russia of the opportunity to '
        "export 90% of its oil to the EU by the end of 2022. The International Working Group on "
        "Russian Sanctions welcomes such a statement by the EU, given that the embargo on Russian "
        "energy serves as one of the most effective economic levers of pressure to stop Russia's "
        "aggression,\" the statement reads.  The experts emphasize that the pressure on Russia's "
        "economy is an essential tool to prevent Russian President Vladimir Putin's regime from "
        "funding hostilities in Ukraine and to force it to end them. In addition, experts believe "
        "that Russia's current revenues from energy exports should be frozen in European bank "
        'accounts. "At the same time, we believe that the delay in implementing the Sixth Package '
        "has reduced the effectiveness of previous measures, including restrictions on the "
        'financial system. Russia has continued to adapt to sanctions," the statement reads.',
        "2022-06-02",
    )
    delay = next(q for q in quotes.values() if q.span.text.startswith("At the same time"))
    such = next(q for q in quotes.values() if q.span.text.startswith("Such sanctions"))
    assert delay.speaker.actor is not None
    assert delay.speaker.actor == such.speaker.actor  # the group's, not the EU's
    assert "group" in delay.speaker.actor


def test_a_resolution_adopted_by_a_parliament_speaks_for_it() -> None:
    # president.gov.ua, 2022-05-08: the parser hangs "of a resolution" on "the Bundestag"
    _, quotes = _quotes(
        "Head of State met with the President of the German Bundestag\n"
        "Volodymyr Zelenskyy met with President of the German Bundestag Bärbel Bas. The Head of "
        "State noted the adoption by the Bundestag of a resolution calling on the German "
        "government to expand and speed up the provision of heavy weapons to Ukraine.",
        "2022-05-08",
    )
    (calling,) = [q for q in quotes.values() if q.cue is not None and q.cue.text == "calling"]
    assert calling.speaker.actor == "bundestag"


def test_not_to_mention_reports_nothing() -> None:
    # kremlin.ru, 2022-02-01 (news conference after Russian-Hungarian talks): an idiom of
    # "let alone", and nobody mentioned anything
    _, quotes = _quotes(
        "News conference following Russian-Hungarian talks\n"
        "Vladimir Putin: Suppose Ukraine is a NATO member. Suppose it starts operations in "
        "Crimea, not to mention Donbass for now. This is sovereign Russian territory.",
        "2022-02-01",
    )
    assert not [q for q in quotes.values() if q.cue is not None and q.cue.text == "mention"]
