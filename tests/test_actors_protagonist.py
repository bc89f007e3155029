"""Who a crime or court story is about: the unnamed person of its title and lede, the person it
names with an age, "the suspect", "the man" (actors stage, records gold DECISIONS.md D8, D47)."""

from __future__ import annotations

from conftest import make_document

STAGES = ("segment", "actors")


def _actors_of(text: str) -> dict[tuple[str, int], tuple[str, str | None]]:
    """(mention text, its character offset) -> (actor name, sector)."""
    doc = make_document(text, stages=STAGES)
    found = {}
    for mention in doc.mentions:
        actor = doc.extraction.actor(mention.actor)
        assert actor is not None
        found[(mention.span.text, mention.span.start)] = (actor.name, actor.sector)
    return found


def _actor(found: dict[tuple[str, int], tuple[str, str | None]], text: str, nth: int = 0) -> str:
    return sorted((start, actor) for (said, start), (actor, _) in found.items() if said == text)[
        nth
    ][1]


def test_the_lede_description_is_the_person_named_with_an_age() -> None:
    found = _actors_of(
        "Kentucky man gets 12 years for arson plot\n"
        "A northern Kentucky man who admitted to planning to burn down a courthouse was sentenced "
        "on Tuesday to 12 years in prison, prosecutors said.\n"
        "Robert Kane, 31, of Covington had pleaded guilty in May to attempted arson.\n"
        "The defendant apologised to the court."
    )
    assert _actor(found, "Kentucky man") == "Robert Kane"
    assert _actor(found, "A northern Kentucky man") == "Robert Kane"
    assert _actor(found, "The defendant") == "Robert Kane"


def test_two_people_named_with_an_age_leave_the_description_alone() -> None:
    found = _actors_of(
        "A Boise man was arrested on Friday after a fight outside a bar.\n"
        "Police said Mark Hill, 40, and Tom Dale, 38, were both taken to hospital."
    )
    assert _actor(found, "A Boise man") == "Boise man"


def test_the_man_is_never_the_officer_who_speaks() -> None:
    found = _actors_of(
        "Man charged with robbery in Regina\n"
        "A 30-year-old man is in jail after police allege he robbed a pharmacy at knifepoint.\n"
        "Regina police Sgt. Tom Reed said officers made the arrest on Friday night.\n"
        "He said the man threatened a clerk with a knife."
    )
    assert found[next(k for k in found if k[0] == "Sgt. Tom Reed")] == ("Tom Reed", "COP")
    assert _actor(found, "the man") == "30-year-old man"
    assert _actor(found, "Man") == "30-year-old man"  # the title's man is the lede's


def test_a_suspect_later_in_the_story_is_its_accused() -> None:
    found = _actors_of(
        "A Halifax teenager is facing an assault charge after a man was beaten at a bus stop.\n"
        "Investigators identified a male suspect on Sunday.\n"
        "Jake Moore, 17, appeared in court on Monday."
    )
    assert _actor(found, "a male suspect") == "Jake Moore"
    assert _actor(found, "A Halifax teenager") == "Jake Moore"
    assert _actor(found, "Investigators") != "investigators"  # the case's police


def test_a_given_name_alone_is_the_one_person_of_that_name() -> None:
    found = _actors_of(
        "Police arrested Daniel Montalvo after he left the group.\n"
        "Lawyers later questioned Daniel for two hours."
    )
    assert _actor(found, "Daniel") == "Daniel Montalvo"


def test_the_police_is_no_newspaper_named_before() -> None:
    found = _actors_of(
        "Steve Whitmore told LA Weekly in a statement that the case was closed.\n"
        "Whitmore said the police had returned the drives to LA Weekly."
    )
    assert _actor(found, "the police") == "police"


def test_an_unnamed_employee_keeps_the_description() -> None:
    found = _actors_of("He plotted to kill a U.S. military base employee in Ohio.")
    assert _actor(found, "a U.S. military base employee") == "U.S. military base employee"


def test_a_group_named_by_what_its_members_do_keeps_the_words() -> None:
    found = _actors_of(
        "I am grateful to everyone who defends the state! I am proud of all those who helped "
        "Ukraine."
    )
    assert _actor(found, "everyone") == "everyone who defends the state"
    assert _actor(found, "all those") == "all those who helped Ukraine"
    # the names inside the description stay mentions of their own
    assert _actor(found, "Ukraine") == "Ukraine"


def test_a_described_group_leaves_the_act_inside_it_to_its_actor() -> None:
    doc = make_document(
        "Eternal memory to all who died from the Russian invasion!",
        stages=("segment", "actors", "events"),
    )
    names = {a.id: a.name for a in doc.extraction.actors}
    invasion = next(e for e in doc.extraction.events if e.trigger.text == "invasion")
    assert [names[a] for a in invasion.actors] == ["Russia"]


def test_people_counted_or_placed_keep_the_description() -> None:
    found = _actors_of(
        "More than 350,000 people were rescued from the areas of hostilities. Today we started "
        "the evacuation of people from Azovstal. The UN provided aid to 3.4 million people in "
        "Ukraine."
    )
    assert _actor(found, "More than 350,000 people") == "More than 350,000 people"
    assert _actor(found, "people") == "people from Azovstal"
    assert _actor(found, "3.4 million people") == "3.4 million people in Ukraine"


def test_people_counted_by_a_chain_of_count_nouns_keep_the_count() -> None:
    # dev timebank-APW20000107.0318 (wire): gold names the ralliers "tens of thousands of
    # people" (D47); the bare "people" matched no gold name
    found = _actors_of(
        "In Cuba, meanwhile, tens of thousands of people rallied in a seaside plaza Friday night "
        "to demand his return."
    )
    assert _actor(found, "people") == "tens of thousands of people"


def test_a_group_a_noun_says_which_of_keeps_the_noun() -> None:
    # dev GUM_news_defector and timebank-APW20000216.0272 (wire): gold names them "Scientology
    # officials" and "Hundreds of former fighters in the revolution" (D47); the bare "officials"
    # and "fighters" matched neither
    found = _actors_of(
        "On September 29, Scientology officials went to the East Los Angeles sheriff's station "
        "where they claimed Montalvo allegedly left the organization with computer hard drives."
    )
    assert _actor(found, "Scientology officials") == "Scientology officials"
    found = _actors_of(
        "Hundreds of former fighters in the revolution that brought Castro to power 42 years ago "
        "gathered Wednesday night to denounce the Miami ``worms'' who support Elian's being kept "
        "in the United States."
    )
    assert _actor(found, "former fighters") == "Hundreds of former fighters"


def test_the_noun_a_person_was_introduced_with_refers_back_to_them() -> None:
    found = _actors_of(
        "Texas student Ahmed Mohamed inspires social movement\n"
        "Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at his school by "
        "police. Police arrested and questioned the student. The boy was released."
    )
    assert _actor(found, "the student") == "Ahmed Mohamed"
    assert _actor(found, "The boy") == "Ahmed Mohamed"


def test_bare_police_is_the_one_police_force_the_article_names() -> None:
    found = _actors_of(
        "A boy was arrested at his school by police on Monday.\n"
        "The Irving Police Department said the boy was released to his parents."
    )
    assert _actor(found, "police") == "Irving Police Department"


def test_the_titles_description_is_the_person_the_lede_introduces_with_it() -> None:
    found = _actors_of(
        "Kenyan journalist says police beat him at a protest\n"
        "John Mwangi, a Kenyan journalist with the Daily Nation, said officers beat him on "
        "Tuesday during a protest in Nairobi."
    )
    assert _actor(found, "Kenyan journalist") == "John Mwangi"


def test_a_description_two_people_share_stays_unnamed() -> None:
    found = _actors_of(
        "Kenyan journalists say police beat them\n"
        "John Mwangi, a journalist with the Daily Nation, and Mary Otieno, a journalist with "
        "The Standard, said officers beat them on Tuesday."
    )
    assert _actor(found, "Kenyan journalists") not in {"John Mwangi", "Mary Otieno"}


def test_a_counted_group_is_the_people_named_with_ages() -> None:
    found = _actors_of(
        "Sheriff's deputies arrested three men on burglary charges on Monday. "
        "Tom Reed, 24, Sam Hale, 31, and Joe Lund, 19, were booked into the county jail."
    )
    assert _actor(found, "three men") == "Tom Reed, Sam Hale and Joe Lund"


def test_a_title_count_is_the_people_named_with_ages() -> None:
    found = _actors_of(
        "Three charged after break-in at Elm Street pharmacy\n"
        "Sheriff's deputies arrested three men on burglary charges on Monday. "
        "Tom Reed, 24, Sam Hale, 31, and Joe Lund, 19, were booked into the county jail."
    )
    assert _actor(found, "Three") == "Tom Reed, Sam Hale and Joe Lund"


def test_a_title_count_of_other_people_keeps_its_number() -> None:
    found = _actors_of(
        "Two arrested after fight outside Boise bar\n"
        "Police said Mark Hill, 40, Tom Dale, 38, and Sam Hale, 31, were taken to hospital."
    )
    assert _actor(found, "Two") == "Two"


def test_a_description_and_the_name_its_participle_gives_are_one_person() -> None:
    found = _actors_of(
        "A 45-year-old woman named Li Hua was detained on Sunday after a fire at a market in "
        "Guangzhou. Police said she had set the fire."
    )
    assert _actor(found, "A 45-year-old woman") == "Li Hua"
    assert _actor(found, "she") == "Li Hua"
    found = _actors_of("A man identified as Omar Khalil was charged with arson on Tuesday.")
    assert _actor(found, "A man") == "Omar Khalil"


def test_a_count_that_does_not_match_the_named_people_keeps_its_words() -> None:
    found = _actors_of(
        "Police arrested two people on Friday. Tom Reed, 24, was charged with theft."
    )
    assert _actor(found, "two people") == "two people"


def test_a_private_person_of_the_lede_is_the_one_named_with_an_age() -> None:
    # "An activist" of the lede is the person the story then names with an age
    found = _actors_of(
        "Activist arrested after protest outside parliament\n"
        "An activist who organised a protest outside parliament was arrested on Friday, police "
        "said. Ivan Petrov, 34, was held overnight and released on Saturday."
    )
    assert _actor(found, "An activist") == _actor(found, "Ivan Petrov")


def test_a_title_alone_is_the_one_person_given_that_title() -> None:
    # "Ontario MPP calls ..." (the headline) and "The first-term MPP" are Jessica Bell, whom the
    # lede gives that title before her name (a place among the title words)
    found = _actors_of(
        "Ontario MPP calls for inquiry into hospital deaths\n"
        "Toronto MPP Jessica Bell told reporters on Tuesday that the province must act. The "
        "first-term MPP has pressed the government for months."
    )
    assert _actor(found, "MPP") == _actor(found, "MPP Jessica Bell") == "Jessica Bell"
    found = _actors_of(
        "Senator Jane Smith drew a standing ovation on Tuesday. The Ohio senator has faced "
        "threats since she crossed the floor."
    )
    assert _actor(found, "The Ohio senator") == "Jane Smith"


def test_a_lede_of_another_age_is_the_person_named_for_the_same_act() -> None:
    # the passenger named with an age (38) is not "A 42-year-old ... man"; the next sentence
    # names who "was arrested", and "Daniel Hughes" is "Daniel J. Hughes" without his initial
    found = _actors_of(
        "Springfield man arrested after crash on Route 9\n"
        "A 42-year-old Springfield man was arrested Saturday after a two-car crash, state "
        "police said.\n"
        "Daniel J. Hughes was arrested on charges of reckless driving and leaving the scene.\n"
        "Daniel Hughes and his brother, Mark T. Hughes, 38, were taken to a hospital."
    )
    assert _actor(found, "Springfield man") == "Daniel J. Hughes"
    assert _actor(found, "A 42-year-old Springfield man") == "Daniel J. Hughes"
    assert _actor(found, "Daniel Hughes") == "Daniel J. Hughes"
    assert _actor(found, "Mark T. Hughes") == "Mark T. Hughes"
