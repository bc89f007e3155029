"""The times stage on short real-style sentences, one rule each, and on the seed article.

Article date for the unit cases: Friday 2025-03-14 (the seed article's date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import make_document

STAGES = ("segment", "times")


def times_of(text: str, date: str = "2025-03-14") -> dict[str, tuple[str, str]]:
    doc = make_document(text, date, stages=STAGES)
    for time in doc.extraction.times:
        assert doc.text[time.span.start : time.span.end] == time.span.text
        assert time.stage.startswith("times@")
        assert time.sentence.text in doc.text
    return {t.span.text: (t.type, t.value) for t in doc.extraction.times}


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # weekdays: the article's own day, or by tense before / after it
        ("Trump spoke to Putin on Friday.", "Friday", "2025-03-14"),
        ("The ministers met on Tuesday.", "Tuesday", "2025-03-11"),
        ("The ministers will meet on Tuesday.", "Tuesday", "2025-03-18"),
        ("He arrived last Monday.", "last Monday", "2025-03-10"),
        # a relative word opening a sentence points the same way, whatever the tense
        ("Next Monday, the ministers met again.", "Next Monday", "2025-03-17"),
        ("Next spring, the company will open a plant.", "Next spring", "2026-SP"),
        ("Last March, the company will open a plant.", "Last March", "2024-03"),
        # months by tense; explicit dates in several formats
        ("Trump returned to office in January.", "January", "2025-01"),
        ("The summit will take place in June.", "June", "2025-06"),
        ("The treaty was signed on March 3, 1998.", "March 3, 1998", "1998-03-03"),
        ("The treaty was signed on 3 March 1998.", "3 March 1998", "1998-03-03"),
        ("Elections were held on Feb. 9.", "Feb. 9", "2025-02-09"),
        ("The strike began in September 2024.", "September 2024", "2024-09"),
        ("The report is dated 2024-11-05.", "2024-11-05", "2024-11-05"),
        ("Sales rose in February this year.", "February this year", "2025-02"),
        # weeks, months, years relative to the article date
        ("Talks collapsed last week.", "last week", "2025-W10"),
        ("The envoy visits this week.", "this week", "2025-W11"),
        ("Prices fell last month.", "last month", "2025-02"),
        ("The law passed last year.", "last year", "2024"),
        ("Growth will slow next year.", "next year", "2026"),
        ("The ceasefire collapsed three years ago.", "three years ago", "2022"),
        ("He was elected two days ago.", "two days ago", "2025-03-12"),
        # deictic words
        ("The president said today that talks continue.", "today", "2025-03-14"),
        ("Rebels attacked the town yesterday.", "yesterday", "2025-03-13"),
        ("Inflation is now falling.", "now", "PRESENT_REF"),
        ("The two sides recently agreed to talk.", "recently", "PAST_REF"),
        ("Peace remains uncertain in the future.", "the future", "FUTURE_REF"),
        ("Analysts blame recent losses on fears of a recession.", "recent", "PAST_REF"),
        ("GM posted an annual loss of $4.8 billion.", "annual", "P1Y"),
        # durations
        ("The three-year-old war has killed thousands.", "three-year-old", "P3Y"),
        ("The siege lasted two weeks.", "two weeks", "P2W"),
        ("Negotiations took several months.", "several months", "PXM"),
        ("Unemployment rose over the past two months.", "the past two months", "P2M"),
        ("The troops withdrew after months of occupation.", "months", "PXM"),
        ("The vote took 90 minutes.", "90 minutes", "PT90M"),
        ("The country has been at war for two decades.", "two decades", "P20Y"),
        # seasons, quarters, halves, decades, centuries
        ("The offensive began last summer.", "last summer", "2024-SU"),
        ("Profits rose in the first quarter.", "the first quarter", "2025-Q1"),
        ("Profits rose in the third quarter of 1998.", "the third quarter of 1998", "1998-Q3"),
        ("Output fell in the first half of 2023.", "the first half of 2023", "2023-H1"),
        # a start still to come, a date ahead, an appearance that is due (article of Friday)
        ("Ferry services to the island resume starting Monday.", "Monday", "2025-03-17"),
        ("The new speed limits apply from Monday.", "Monday", "2025-03-17"),
        ("The new speed limits took effect from Monday.", "Monday", "2025-03-10"),
        ("Candidates held final rallies ahead of Sunday's vote.", "Sunday's", "2025-03-16"),
        ("The former mayor is due to appear in court on Tuesday.", "Tuesday", "2025-03-18"),
        # the attacks of 11 September 2001 by name, not this year's September 11
        (
            "Airport security has been tightened repeatedly since 9/11.",
            "9/11",
            "2001-09-11",
        ),
        (
            "Stocks had their worst day since the September 11th terrorist attacks.",
            "the September 11th terrorist attacks",
            "2001-09-11",
        ),
        # a fiscal year by its last two digits: the nearest such year, past or coming
        ("The retailer's sales fell 2% in FY24.", "FY24", "2024"),
        ("The ministry cut its FY26 budget request.", "FY26", "2026"),
        ("The region prospered in the 1990s.", "the 1990s", "199"),
        ("The city was founded in the 12th century.", "the 12th century", "11"),
        ("Inflation peaked in early 2023.", "early 2023", "2023"),
        # times of day
        ("The blast happened at 10:30 p.m.", "10:30 p.m.", "2025-03-14T22:30"),
        ("Protesters gathered this morning.", "this morning", "2025-03-14TMO"),
        ("The shelling began Thursday night.", "Thursday night", "2025-03-13TNI"),
        ("Markets closed at 16:08 UTC.", "16:08 UTC", "2025-03-14T16:08Z"),
        # sets
        ("Inspectors visit every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The council meets weekly.", "weekly", "P1W"),
        ("Flights leave twice a week.", "twice a week", "P1W"),
        # holidays and historical events
        ("Troops will be home by Christmas.", "Christmas", "2025-12-25"),
        (
            "No such massacre has been seen since the end of the Second World War.",
            "the end of the Second World War",
            "1945",
        ),
        (
            "Germany has been united since the fall of the Berlin Wall.",
            "the fall of the Berlin Wall",
            "1989-11-09",
        ),
        # year-end is December 31; "since" points back
        ("The deal should close by year-end.", "year-end", "2025-12-31"),
        ("The index is up 4% since year-end.", "year-end", "2024-12-31"),
        # a participle clause reports a past event; "payable"/"effective" point forward
        ("The products introduced in June sold well.", "June", "2024-06"),
        ("Sales were strong for the products, introduced in June.", "June", "2024-06"),
        ("The board declared a dividend, payable Feb. 1.", "Feb. 1", "2026-02-01"),
        # "the past year" is the year before, like "last year" (TBAQ and MEANTIME gold)
        ("Hate groups grew over the past year.", "the past year", "2024"),
        # financial periods (TBAQ-cleaned conventions)
        ("It earned $2 million in the year ended March 31.", "the year", "P1Y"),
        ("Profit fell in the latest quarter.", "the latest quarter", "2024-Q4"),
        ("It took a charge in the 1988 second quarter.", "the 1988 second quarter", "1988-Q2"),
        # "the next decade", "the past century": spans from the article date, not calendar ones
        ("Growth will slow over the next decade, the bank said.", "the next decade", "P10Y"),
        ("Crime has risen over the past decade.", "the past decade", "P10Y"),
        ("It was one of the significant events of the past century.", "the past century",
         "P100Y"),
        # two quarters of a year are its half
        ("Weak prices will last through at least the first two quarters of 1990.",
         "the first two quarters of 1990", "1990-H1"),
        # quarters and halves by their codes; "H1N1" and "Q&A" are none
        ("Revenue will rise in Q1 2026, the company said.", "Q1 2026", "2026-Q1"),
        ("Revenue fell in H1 2023.", "H1 2023", "2023-H1"),
        # a later quarter in the past tense: last year's only when that one is the nearer
        ("Ford reported a loss in the third quarter.", "the third quarter", "2024-Q3"),
        # "three days after/later": the duration, the word after it is a signal (TimeML)
        ("Three days after the vote, the army moved in.", "Three days", "P3D"),
        ("Three days later, the army moved in.", "Three days", "P3D"),
        # direction from the words and the verb (issue 14): "until" looks forward, and so does
        # a postponement in the past tense; "through" looks forward unless the verb is past
        ("The talks were postponed until Saturday.", "Saturday", "2025-03-15"),
        ("The talks lasted until Saturday.", "Saturday", "2025-03-08"),
        ("The offer will run through June.", "June", "2025-06"),
        ("The prosecutor has scheduled a news conference Thursday.", "Thursday", "2025-03-20"),
        ("The offer had been scheduled to expire at midnight Tuesday.", "midnight Tuesday",
         "2025-03-11T24:00"),
        ("Investigators have been searching for him since shortly after the Oct. 23 slaying.",
         "Oct. 23", "2024-10-23"),
        ("Weakness in big technology stocks hurt the composite on Monday.", "Monday",
         "2025-03-10"),
        ("A judge ordered that the boy remain in the country until April 6.", "April 6",
         "2025-04-06"),
        ("The case may finally be resolved in a court hearing in June.", "June", "2025-06"),
        ("The GM move follows Tuesday's declaration by Ford.", "Tuesday's", "2025-03-11"),
        # between a verb of saying and the clause it reports, a day dates the saying
        ("The minister said on Tuesday he would resign.", "Tuesday", "2025-03-11"),
        ("The minister said he would resign on Tuesday.", "Tuesday", "2025-03-18"),
        ("As of February, the store accounts for 70% of sales.", "February", "2025-02"),
        # spans of unknown length and rates (TBAQ-cleaned, MEANTIME)
        ("Kidnappings have risen in recent years.", "recent years", "PXY"),
        # without the perfect, recent or past years are a past time, not a span
        ("As the yen soared in recent years, Sansui's problems became a vicious circle.",
         "recent years", "PAST_REF"),
        ("Of course, there were sell programs in past years, too.", "past years", "PAST_REF"),
        ("But in recent weeks, construction-industry sources reported delays.", "recent weeks",
         "PXW"),
        ("Members will buy compatible equipment in the coming years.", "coming years", "PXY"),
        ("Migrants send $1 billion a year to their families.", "a year", "P1Y"),
        ("Orangemen march each July through the town.", "each July", "XXXX-07"),
        ("He thanked the employees for their dedication over the years.", "the years", "PXY"),
        ("In the years that followed, the guerrillas waged war on the troops.", "the years",
         "PXY"),
        # a future event so many units on is dated, not measured (TimeML; TBAQ-cleaned)
        ("The stock would be redeemed in five years, subject to terms.", "five years", "2030"),
        ("You may, in a year or two, save a few more lives.", "a year", "FUTURE_REF"),
        ("Columbia must sell the bonds within five years.", "five years", "P5Y"),
        ("The second letter to Reno in two weeks was published on Tuesday.", "two weeks", "P2W"),
        ("According to the institute, Islam will one day be the second largest religion.",
         "one day", "FUTURE_REF"),
        ("It was the worst single-day decline since the markets reopened.", "single-day", "P1D"),
        # both bounds of a range are durations in the upper bound's unit
        ("He said the bankruptcy process would take between 60 and 90 days.", "60", "P60D"),
        ("It's between two to six days for every one of the sickest patients.", "two", "P2D"),
        # a week of a named month; "that time" is the time last named
        ("Car sales rebounded in the last week of February.", "the last week of February",
         "2025-W09"),
        ("It will close by June 10. If no price is agreed on by that time, Fiat will pay more.",
         "that time", "2025-06-10"),
        # a half: MEANTIME writes P2.5Y, TBAQ-cleaned PT5H30M
        ("The Dreamliner is almost two and a half years behind schedule.",
         "two and a half years", "P2.5Y"),
        ("She then spent about 5 1/2 hours in Nairobi.", "5 1/2 hours", "PT5H30M"),
        # an hour with its part of the day takes the day its sentence gives
        ("''This father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
         "4 in the morning", "2025-03-20T04:00"),
        # a clock time given with its own day keeps it
        ("The talks began on Monday and will end at 10 p.m. Wednesday.", "10 p.m. Wednesday",
         "2025-03-19T22:00"),
        # a modified year is one before a relative clause too
        ("It expects sales in the current fiscal year that are slightly above last year's.",
         "the current fiscal year", "2025"),
        # vague references stay vague; weeks, holidays
        ("At the time, the minister was ill.", "At the time", "PAST_REF"),
        ("Programs seem to hurt market makers more painfully these days.", "these days",
         "PRESENT_REF"),
        ("Holders may buy shares at 50% of the then current market price.", "then current",
         "PAST_REF"),
        ("The hearing is set for the week of April 7.", "the week of April 7", "2025-W15"),
        ("The boy was found last Thanksgiving.", "last Thanksgiving", "2024-11-28"),
        # seasons: "this summer" in winter is this year's; "in the fall" is the season
        ("Sales of the chips slowed in the fall.", "the fall", "2024-FA"),
        ("Prices fell after the fall of the Berlin Wall.", "the fall of the Berlin Wall",
         "1989-11-09"),
        ("Sales will rise in the current fiscal year.", "the current fiscal year", "2025"),
        ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday",
         "2025-03-13TAF"),
        ("Hate group numbers dropped through the nineties.", "the nineties", "199"),
        ("A bomb went off in January nineteen ninety-seven.", "January nineteen ninety-seven",
         "1997-01"),
    ],
)  # fmt: skip
def test_expression_values(sentence: str, expression: str, value: str) -> None:
    found = times_of(sentence)
    assert expression in found, f"{expression!r} not found in {found}"
    assert found[expression][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the reference time: the last date the text named (HeidelTime, Strötgen & Gertz 2013)
        (
            "On May 22, 1995, he was made a general. The following year he became attache.",
            "The following year",
            "1996",
        ),
        ("Shares fell on Monday. A report released on the same day showed losses.",
         "the same day", "2025-03-10"),
        ("Imports reached $1.5 billion in 1988. Japan supplied half that year.", "that year",
         "1988"),
        ("The Dow fell 3.4% on Monday to end the day at 7,114.", "the day", "2025-03-10"),
        ("The vote was held on March 3. The next day, the minister resigned.", "The next day",
         "2025-03-04"),
        ("It is the second day of the offensive.", "the second day", "2025-03-14"),
        # dev zelenskyy-215: an ordinal in figures ending in 0 or 1 is one too
        ("On the 80th day of the full-scale invasion, it looks especially insane.",
         "the 80th day", "2025-03-14"),
        ("Today is the 21st day of the blockade.", "the 21st day", "2025-03-14"),
        ("Stocks rose for a fourth straight week.", "a fourth straight week", "2025-W11"),
        ("Prices fell in September 1998. A month earlier, they had risen.", "A month earlier",
         "1998-08"),
        ("He appeared in court on Feb. 22 and left the next morning.", "the next morning",
         "2025-02-23"),
        # "the year before", "the year previous": the unit before the one last named
        ("Ford cut its costs to $118.3 billion last year, $19.8 billion less than the year "
         "previous.", "the year previous", "2023"),
        ("Exports reached $300 million in 1997, down from $450 million the year before.",
         "the year before", "1996"),
        # a clock time takes the day named in its sentence
        ("The plane took off Tuesday at 18:00 UTC.", "18:00 UTC", "2025-03-11T18:00Z"),
        ("At 16:15 UTC, June 1st, the chief executive spoke.", "16:15 UTC", "2024-06-01T16:15Z"),
        ("The offer runs until 5 p.m. EST, Nov. 6.", "5 p.m. EST", "2025-11-06T17:00"),
    ],
)  # fmt: skip
def test_reference_time(text: str, expression: str, value: str) -> None:
    found = times_of(text)
    assert expression in found, f"{expression!r} not found in {found}"
    assert found[expression][1] == value


def test_types() -> None:
    found = times_of("He spoke at 10:30 p.m. on Monday after two weeks, and returns every year.")
    assert found["10:30 p.m."][0] == "TIME"
    assert found["Monday"][0] == "DATE"
    assert found["two weeks"][0] == "DURATION"
    assert found["every year"][0] == "SET"


@pytest.mark.parametrize(
    "sentence",
    [
        "A 6-year-old girl was rescued.",  # ages are not temporal expressions (TimeML)
        "Iraq imports about three-quarters of its food.",  # a fraction
        "The army may attack the city.",  # "may" the modal
        "The fall of the regime surprised analysts.",  # "fall" the noun
        "About 2500 troops crossed the border.",  # a number, not a year
        "Jobs gave his annual keynote.",  # "annual" of an event is not annotated (TBAQ, MEANTIME)
        "Apple released its most recent model.",  # "most recent" ranks, it does not date
        "Now, the minister said, talks can begin.",  # "Now," opening a sentence: discourse
        "He was in his 30s when he left.",  # an age
        "Protesters joined the March of the Combatant Mothers.",  # a name
        "A poster showed Gary Cooper in High Noon.",  # a film
        "The interview first ran in USA Today.",  # a newspaper
        "This is VOA Today.",  # a programme
        "The H1N1 virus spread; the Q&A ran long.",  # a virus's name, not a half
        "He took the q1 bus past the H3 motorway.",  # a code in lower case, a road
        "Shares slid in the fall of the regime.",  # "in the fall of" a thing is the noun
    ],
)
def test_not_temporal(sentence: str) -> None:
    assert times_of(sentence) == {}


def test_bounds_earlier_in_the_week() -> None:
    doc = make_document("Earlier in the week, Putin visited the region.", stages=STAGES)
    (time,) = doc.extraction.times
    assert time.value == "2025-W11"
    assert (time.earliest, time.latest) == (dt.date(2025, 3, 10), dt.date(2025, 3, 13))


def test_bounds_and_granularity() -> None:
    doc = make_document("The law passed in January and takes effect next year.", stages=STAGES)
    january, next_year = doc.extraction.times
    assert (january.earliest, january.latest, january.granularity) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 31),
        "month",
    )
    assert (next_year.earliest, next_year.latest, next_year.granularity) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        "year",
    )


def test_quarter_context_dates_a_year_ago() -> None:
    found = times_of(
        "Profit rose in the third quarter. Sales were flat a year ago.", date="1989-10-26"
    )
    assert found["the third quarter"][1] == "1989-Q3"
    assert found["a year ago"][1] == "1988-Q3"


# --- event dating ---------------------------------------------------------------------------------


def _trigger(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc.parsed if t.text == word)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # an unnamed quarter is the three months that end on the date after it
        (
            "Oracle reported total revenue of $13.3 billion for the quarter ended Aug. 31, up 7%"
            " from a year earlier.",
            "2024-09-09",
            {"the quarter": "2024-Q3", "a year earlier": "2023-Q3"},
        ),
        (
            "Deere earned $1.7 billion in the quarter ended July 28, the company said.",
            "2024-10-15",
            {"the quarter": "2024-Q2"},
        ),
        # "a year ago" compares with the quarter reported on, not a forecast named since
        (
            "Net income rose to $1.2 billion in the third quarter. The company expects demand"
            " to weaken in the fourth quarter of 2025. In the year-ago period, it earned $900"
            " million.",
            "2024-10-30",
            {"the year-ago period": "2023-Q3"},
        ),
        # ... unless the forecast quarter is named in the same sentence
        (
            "Profit fell in the third quarter. Analysts expect a rebound in the fourth quarter,"
            " when sales should top those of a year ago.",
            "2025-10-30",
            {"a year ago": "2024-Q4"},
        ),
    ],
)
def test_the_quarter_a_story_reports_on(text: str, date: str, expected: dict[str, str]) -> None:
    found = times_of(text, date=date)
    assert {k: found[k][1] for k in expected} == expected


def test_event_date_from_governing_expression() -> None:
    from dateline.temporal.dating import event_date

    doc = make_document("Putin visited Kursk on Wednesday.", stages=STAGES)
    date = event_date(doc, _trigger(doc, "visited"))
    assert date.source == "expression"
    assert date.earliest == date.latest == dt.date(2025, 3, 12)
    assert date.span is not None and date.span.text == "Wednesday"


def test_a_future_tense_read_as_happening_is_dated_to_the_article() -> None:
    # dev putin-432, putin-451 in kind: said at the meeting, "this meeting will be useful" is
    # the meeting of that day, not an open date after it; a plan stays open
    from dateline.temporal.dating import event_date

    text = "I hope that this meeting will be useful for both of our countries."
    doc = make_document(text, stages=STAGES)
    meeting = _trigger(doc, "meeting")
    assert event_date(doc, meeting).latest is None  # the tense alone: after today
    happening = event_date(doc, meeting, happening=True)
    assert happening.earliest == happening.latest == dt.date(2025, 3, 14)
    planned = event_date(doc, meeting, future=True, happening=False)
    assert planned.latest is None


def test_an_expression_broken_over_a_line_still_dates_its_clause() -> None:
    # dev trnews-1020008 (BBC, hard-wrapped): the line break made "December" the root of a
    # sentence of its own, and the walkout an open date after the article's
    from dateline.temporal.dating import event_date

    text = (
        "More than 1,500 check-in staff, baggage handlers and cargo crew employed by Swissport "
        "will walk out on 23\nDecember."
    )
    doc = make_document(text, "2016-12-17", stages=STAGES)
    date = event_date(doc, _trigger(doc, "walk"))
    assert date.source == "expression"
    assert date.earliest == date.latest == dt.date(2016, 12, 23)


def test_an_event_that_names_a_dated_event_keeps_its_date() -> None:
    # dev zelenskyy-215: "the 80th day" dates the clause, "the full-scale invasion" itself
    from dateline.temporal.dating import event_date

    text = (
        "On the 80th day of the full-scale invasion, it looks especially insane, but they do "
        "not stop all these efforts."
    )
    doc = make_document(text, "2022-05-14", stages=STAGES)
    stop = event_date(doc, _trigger(doc, "stop"))
    assert stop.earliest == stop.latest == dt.date(2022, 5, 14)
    invasion = event_date(doc, _trigger(doc, "invasion"))
    assert invasion.earliest == invasion.latest == dt.date(2022, 2, 24)


def test_a_when_clause_is_dated_by_the_time_before_it() -> None:
    # dev timebank-APW20000115.0031: the parser hangs the "when" clause on "return"
    from dateline.temporal.dating import event_date

    text = (
        "The protest marked a return to the larger demonstrations of early December, when "
        "hundreds of thousands of people rallied in some of Cuba's biggest gatherings since the "
        "triumph of the revolution."
    )
    doc = make_document(text, "2000-01-15", stages=STAGES)
    rallied = event_date(doc, _trigger(doc, "rallied"))
    assert rallied.source == "expression"
    assert (rallied.earliest, rallied.latest) == (dt.date(1999, 12, 1), dt.date(1999, 12, 31))
    marked = event_date(doc, _trigger(doc, "marked"))  # the protest itself is not December's
    assert marked.earliest != dt.date(1999, 12, 1)


def test_event_date_reported_speech_keeps_speech_apart() -> None:
    from dateline.temporal.dating import event_date

    doc = make_document("Trump said on Friday that Russia had attacked the city.", stages=STAGES)
    said = event_date(doc, _trigger(doc, "said"))
    attacked = event_date(doc, _trigger(doc, "attacked"))
    assert (said.source, said.value) == ("expression", "2025-03-14")
    assert attacked.source == "speech"
    assert attacked.earliest is None and attacked.latest == dt.date(2025, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "word", "earliest", "latest"),
    [
        # no time named at all: a readout's call, an address's "we" happened on its date
        (
            "Russian forces attacked the town.",
            "attacked",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 14),
        ),
        (
            "I would like to thank you for the invitation.",
            "thank",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 14),
        ),
        (
            "It is a great pleasure for me to meet with you in Moscow.",
            "meet",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 14),
        ),
        ("Russian forces will attack the town.", "attack", dt.date(2025, 3, 14), None),
        (
            "The panel will finish its investigation within a year.",
            "finish",
            dt.date(2025, 3, 14),
            dt.date(2026, 3, 14),
        ),
        (
            "Russian forces are attacking the town.",
            "attacking",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 14),
        ),
        # "would like" is a polite present: the conversation is today's, not a future one
        (
            "At the beginning of our conversation, I would like to note the growth in trade.",
            "conversation",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 14),
        ),
    ],
)
def test_event_date_from_article_by_tense(sentence, word, earliest, latest) -> None:  # type: ignore[no-untyped-def]
    from dateline.temporal.dating import event_date

    doc = make_document(sentence, stages=STAGES)
    date = event_date(doc, _trigger(doc, word))
    assert date.source in ("article", "expression")
    assert (date.earliest, date.latest) == (earliest, latest)


# Short texts in the shape of the records dev articles (Wikinews, Kremlin readouts).
WIRE = """Over 900 asylum seekers rescued off Indonesian coast
Monday, March 17, 2025
On Friday, fishermen rescued over 700 asylum seekers whose boat sank off the coast of Aceh.
A spokesman said a warship was deployed to retrieve them."""

READOUT = """Telephone conversation with President of China Xi Jinping
The two leaders emphasised cooperation, including following their talks in Beijing on February 4. Vladimir Putin congratulated Xi Jinping on hosting the Olympics."""

FLASHBACK = """Panel to probe 1994 plane crash
The panel will investigate who shot down the plane.
In April 1994 the president's plane was shot down. The assassination touched off a rampage."""


@pytest.mark.parametrize(
    ("text", "word", "day", "source"),
    [
        # the title tells the lede's story: its own day, not the date line
        (WIRE, "rescued", "2025-03-14", "expression"),  # the body's "On Friday"
        # an event with no time of its own takes the last recent one named before it; what is
        # said is dated like the saying
        (WIRE, "said", "2025-03-14", "reference"),
        (WIRE, "deployed", "2025-03-14", "speech"),
        # a flashback in a phrase dates only itself: the congratulating is the readout's day
        (READOUT, "congratulated", "2025-03-17", "article"),
        (READOUT, "Telephone", "2025-03-17", "article"),
    ],
)  # fmt: skip
def test_event_date_from_the_reference_time(text: str, word: str, day: str, source: str) -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(text, "2025-03-17", stages=STAGES)
    date = event_date(doc, _trigger(doc, word))
    assert (str(date.earliest), str(date.latest), date.source) == (day, day, source)


def test_event_date_a_dated_main_clause_carries_on() -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(FLASHBACK, "2025-03-17", stages=STAGES)
    date = event_date(doc, _trigger(doc, "touched"))
    assert date.source == "reference" and date.value == "1994-04"


# --- the seed article -----------------------------------------------------------------------------


def test_seed_times(expected: dict, seed_article) -> None:  # type: ignore[no-untyped-def]
    doc = make_document(seed_article.text, str(seed_article.date), stages=STAGES)
    found = {" ".join(t.span.text.lower().split()): t for t in doc.extraction.times}
    for item in expected["times"]["must"] + expected["times"]["should"]:
        key = item["text"].lower()
        assert key in found, f"{item['text']!r} not found in {list(found)}"
        time = found[key]
        if "value" in item:
            assert time.value == item["value"], item
        for field, attr in (("earliest", "earliest"), ("latest", "latest")):
            if field in item:
                assert str(getattr(time, attr)) == item[field], item
        if "earliest_not_before" in item:
            assert time.earliest and str(time.earliest) >= item["earliest_not_before"]
        if "latest_not_after" in item:
            assert time.latest and str(time.latest) <= item["latest_not_after"]


def test_seed_event_dates(seed_article) -> None:  # type: ignore[no-untyped-def]
    from dateline.temporal.dating import event_date

    doc = make_document(seed_article.text, str(seed_article.date), stages=STAGES)
    told = next(t for t in doc.parsed if t.text == "told")  # Putin told troops to liberate Kursk
    date = event_date(doc, told)
    assert date.earliest and date.earliest >= dt.date(2025, 3, 10)
    assert date.latest and date.latest <= dt.date(2025, 3, 14)
    spoken = event_date(doc, _trigger(doc, "spoken"))  # the call, reported on Friday
    assert spoken.latest == dt.date(2025, 3, 14) and spoken.source == "speech"


def test_every_rule_match_contains_one_of_its_needed_words():
    """``Rule.needs`` lets recognition skip a rule for a text without any of its words: every
    match must then contain one of them (or the skip would lose it)."""
    from dateline.temporal.grammar import RULES, lowercase

    text = lowercase(
        "On 3/4/2017 and March 5, 2017, 5 March, May 2016, last May, in May, next Tuesday night, "
        "Sunday's, in 2015, the 1990s, the '80s, the 21st century, the third quarter of 2016, "
        "the year-earlier quarter, the latest quarter, the fiscal year, at year-end, the weekend, "
        "the week of March 3, the day, that same week, the following morning, the fifth day, "
        "nineteen ninety-eight, the sixties, Christmas Eve, last summer, later this month, "
        "three years ago, a month earlier, eight years from now, two-week, several months, "
        "days-long, recent years, this morning, 5 p.m. EST, 14:00 GMT, noon, each July, "
        "every summer, twice a week, daily, over the years, the last week of May, that time, "
        "at 4 in the morning, between 60 and 90 days, in the fall, q3, the first two quarters, "
        "FY25"
    )
    for rule in RULES:
        matches = [m.group() for m in rule.pattern.finditer(text)]
        if rule.needs:
            assert matches, rule.name  # the text has an example of every such rule
            assert all(any(w in m for w in rule.needs) for m in matches), (rule.name, matches)


def test_rules_scanned_first_without_their_leading_test_find_the_same(monkeypatch):
    """``Rule.prescan`` (the pattern without its leading ``\\b`` or look-behind) only makes the
    scan start later or not at all: the candidates are those of scanning every rule whole."""
    from dataclasses import replace

    from conftest import EXAMPLE
    from dateline.temporal import grammar

    assert len([rule for rule in grammar.RULES if rule.prescan is not None]) == 12
    texts = [
        EXAMPLE.read_text(encoding="utf-8"),
        "It ended in the year 2000. The day before, on the weekend of the week of May 3, "
        "the '90s were over: the day after the day. In the sixties, over the years, at 4 in "
        "the morning, each July, in recent weeks, at year-end and the last week of May.",
        "No match: they met.",
        "the day",  # a match at the very start and end
        "xthe day, d'90s, 1'90s",  # a test before the first character it skips to
    ]
    spans = lambda: [  # noqa: E731
        [(c.start, c.end, c.rule, c.groups) for c in grammar.candidates(t)] for t in texts
    ]
    prescanned = spans()
    whole = tuple(replace(rule, prescan=None) for rule in grammar.RULES)
    monkeypatch.setattr(grammar, "RULES", whole)
    assert prescanned == spans()
    assert any(prescanned)


def test_a_future_event_said_takes_its_bound_from_the_saying() -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(
        "The panel will be based in Addis Ababa, and will finish its investigation within a "
        "year, it said.",
        stages=STAGES,
    )
    date = event_date(doc, _trigger(doc, "finish"))
    assert (date.earliest, date.latest) == (dt.date(2025, 3, 14), dt.date(2026, 3, 14))


def test_a_title_event_takes_the_date_the_body_gives_it() -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(
        "Marc Emery released after arrest in Montreal marijuana shop raids\n"
        "Marc Emery was arrested along with nine others on Friday evening during a series of "
        "raids by Montreal police.",
        "2016-12-17",
        stages=STAGES,
    )
    date = event_date(doc, _trigger(doc, "raids"))
    assert date.source == "expression" and date.earliest == dt.date(2016, 12, 16)


def test_a_later_quarter_announced_in_the_past_tense_is_this_years() -> None:
    """MEANTIME: in August, plants closed "during the fourth quarter" are closed this year."""
    text = (
        "Ford announced deep production cuts, resulting in the partial closure of ten of its "
        "plants during the fourth quarter."
    )
    assert times_of(text, "2006-08-19")["the fourth quarter"] == ("DATE", "2006-Q4")


def test_this_summer_in_winter_is_this_years() -> None:
    """In February the season year is still last year's winter, but "this summer" is the one
    to come (it was 1997-SU in a February 1998 article)."""
    found = times_of("The new terminal will open this summer.", "2025-02-10")
    assert found["this summer"] == ("DATE", "2025-SU")
    found = times_of("This winter was the coldest in decades.", "2025-02-10")
    assert found["This winter"] == ("DATE", "2024-WI")


def test_the_current_year_is_this_one_in_january() -> None:
    """In January a past-tense "the year" is the one just ended, but "the current year" is
    never last year (a Kremlin release of 27 January 2022)."""
    text = "Activities of the initiative for the current year in the parliament were discussed."
    assert times_of(text, "2022-01-27")["the current year"] == ("DATE", "2022")
    assert times_of("Sales fell in the year.", "2022-01-27")["the year"] == ("DATE", "2021")


def test_another_countrys_independence_day_is_not_july_4() -> None:
    # dev zelenskyy-275: it was read as 2021-07-04 and then dated the address's later calls
    from dateline.temporal.dating import event_date

    text = (
        "I congratulated him on the Independence Day of the State of Israel. We talked about"
        " the situation in the east of our country."
    )
    doc = make_document(text, "2022-05-05", stages=STAGES)
    assert "Independence Day" not in {t.span.text for t in doc.extraction.times}
    talked = event_date(doc, _trigger(doc, "talked"))
    assert talked.earliest == talked.latest == dt.date(2022, 5, 5)
    assert times_of("The parade was held on Independence Day.", "2022-05-05") == {
        "Independence Day": ("DATE", "2021-07-04")
    }


def test_a_weekday_on_the_be_of_be_to_is_the_coming_one() -> None:
    # dev GUM_news_clock: "On Wednesday" hangs on "are", the infinitive's event is to come
    found = times_of(
        "On Wednesday, Mohamed and his father are to travel to the United Nations.", "2015-09-22"
    )
    assert found["Wednesday"] == ("DATE", "2015-09-23")
    assert (
        times_of("On Wednesday, they were to travel to Paris.", "2015-09-22")["Wednesday"][1]
        == "2015-09-16"
    )


@pytest.mark.parametrize(
    ("text", "date", "word", "not_value"),
    [
        # dev timebank APW20000115.0031: the demonstrations were in early December, the
        # protest the story reports on is not
        (
            "The protest marked a return to the larger demonstrations of early December.",
            "2000-01-15",
            "protest",
            "1999-12",
        ),
        # dev timebank APW19980227.0476: the 1971 Convention does not date the overruling
        (
            "They claimed Security Council resolutions overruled a 1971 Convention which gives"
            " Libya the right to try the men.",
            "1998-02-27",
            "overruled",
            "1971",
        ),
    ],
)
def test_an_expression_that_modifies_a_noun_does_not_date_its_verb(
    text: str, date: str, word: str, not_value: str
) -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(text, date, stages=STAGES)
    assert event_date(doc, _trigger(doc, word)).value != not_value


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        # the noun's subject or the event the verb happens in still dates the verb
        ("The Aug. 7, 1998, bombings killed more than 200 people.", "killed", "1998-08-07"),
        (
            "Hussain was killed in an August 2015 U.S. drone strike.",
            "killed",
            "2015-08",
        ),
        # and the noun itself
        ("Amir is serving a life sentence for the November 1995 assassination of Rabin.",
         "assassination", "1995-11"),
    ],
)  # fmt: skip
def test_a_noun_modifying_expression_still_dates_its_own_event(
    text: str, word: str, value: str
) -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(text, "1999-06-07", stages=STAGES)
    assert event_date(doc, _trigger(doc, word)).value == value


def test_a_past_event_in_the_current_year_ends_at_the_article_date() -> None:
    # dev trnews-1020010: "in 2016" said on 2016-12-17 cannot reach past that day
    from dateline.temporal.dating import event_date

    text = "Turkey has suffered a series of fatal bombings in 2016 at the hands of militants."
    doc = make_document(text, "2016-12-17", stages=STAGES)
    date = event_date(doc, _trigger(doc, "suffered"))
    assert (date.earliest, date.latest) == (dt.date(2016, 1, 1), dt.date(2016, 12, 17))
    future = make_document("Turkey will hold elections in 2016.", "2016-03-01", stages=STAGES)
    assert event_date(future, _trigger(future, "hold")).latest == dt.date(2016, 12, 31)


def test_a_noun_modifying_expression_is_no_reference_time_beyond_its_sentence() -> None:
    # dev putin-316: "yesterday's criminal act" dated the readout's call in the title
    from dateline.temporal.dating import event_date

    text = (
        "Telephone conversation with President of the European Council Charles Michel\n"
        "The leaders continued the discussion on humanitarian issues. The President of Russia"
        " emphasised that the European Union leaders ignored yesterday's criminal act."
    )
    doc = make_document(text, "2022-03-15", stages=STAGES)
    date = event_date(doc, _trigger(doc, "Telephone"))
    assert date.earliest == date.latest == dt.date(2022, 3, 15)


@pytest.mark.parametrize(
    ("text", "date", "word", "earliest"),
    [
        # dev trnews-1350001 and zelenskyy-887: a relative clause of occurrence dates its noun
        (
            "Seven men were convicted over the brawl that took place on a deserted street in"
            " Upper Edmonton on 25 February last year.",
            "2016-12-07",
            "brawl",
            dt.date(2015, 2, 25),
        ),
        (
            "Ihor Zhovkva outlined Ukraine's expectations from the Eastern Partnership Summit,"
            " which is scheduled for December 15, 2021.",
            "2021-11-30",
            "Summit",
            dt.date(2021, 12, 15),
        ),
    ],
)
def test_a_relative_clause_of_occurrence_dates_its_noun(
    text: str, date: str, word: str, earliest: dt.date
) -> None:
    from dateline.temporal.dating import event_date

    doc = make_document(text, date, stages=STAGES)
    found = event_date(doc, _trigger(doc, word))
    assert (found.source, found.earliest) == ("expression", earliest)


def test_a_day_with_last_year_and_this_spring_to_come() -> None:
    # dev trnews-1350001: "on 25 February last year" is a day of last year, not a month;
    # dev trnews-1080004 in kind: in December, the spring a family "will have to leave" is next
    # year's
    found = times_of("The brawl took place on 25 February last year.", "2016-12-07")
    assert found["25 February last year"] == ("DATE", "2015-02-25")
    found = times_of("The family will have to leave this spring.", "2016-12-12")
    assert found["this spring"] == ("DATE", "2017-SP")
    assert times_of("The family left this spring.", "2016-12-12")["this spring"][1] == "2016-SP"


def test_an_event_after_a_dated_event_is_not_dated_by_it() -> None:
    # dev putin-451: the meeting is after the January events, not in January
    from dateline.temporal.dating import event_date

    text = (
        "It is my pleasure to welcome you in Moscow. This is our first meeting after the events"
        " in January, when Kazakhstan fell victim to some international groups."
    )
    doc = make_document(text, "2022-02-10", stages=STAGES)
    meeting = event_date(doc, _trigger(doc, "meeting"))
    assert meeting.earliest == meeting.latest == dt.date(2022, 2, 10)
    assert event_date(doc, _trigger(doc, "events")).value == "2022-01"


def test_a_verbless_headline_chain_reaches_its_root_once() -> None:
    # a Kremlin readout's heading has no verb: the walk up from "5 March" stops at the root
    # noun. spaCy makes a new Token object at each access, so the old `head is token` test was
    # never true and padded the chain with the root up to GOVERNOR_HOPS times, which made a
    # headline's expression lose every "shortest chain" tie in _time_governing.
    from dateline.temporal.dating import _governed_times

    doc = make_document(
        "Telephone conversation with President of France Emmanuel Macron on 5 March", stages=STAGES
    )
    (governed,) = _governed_times(doc)
    assert doc.parsed[governed.chain[-1]].dep_ == "ROOT"
    assert len(set(governed.chain)) == len(governed.chain)
