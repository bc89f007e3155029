"""The event coder's rule table (dateline.events.rules): every rule fires on a sentence of its own.

Each test parses real text with the project's pipeline, codes it with
:func:`dateline.events.coder.drafts` (the rules' result for every trigger, dropped ones
included), and asserts that the rule fired and what it chose. The sentences are quoted from the
PLOVER PLV training sentences (``PLV``), the records dev texts (``dev <article>``) and the Kremlin
and Zelenskyy corpus in ``../shared`` (``corpus``), never from the example article. The last
tests check that every rule in the table has a test here, by name, and that records name them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from conftest import dev_sentence_events, make_document
from dateline.events.coder import drafts
from dateline.events.rules import RULES, Draft, Step

if TYPE_CHECKING:
    from dateline.document import Document

#: the stages the events stage runs after: the rules read their actors, places and voices
BEFORE_EVENTS = ("segment", "actors", "times", "places", "quotes")


def coded_all(text: str, trigger: str) -> list[Draft]:
    """The drafts of every trigger spelled ``trigger`` in ``text``, in text order."""
    doc = make_document(text, stages=BEFORE_EVENTS)
    found = [d for s in doc.parsed.sents for c, d in drafts(doc, s) if c.trigger.text == trigger]
    assert found, f"no trigger {trigger!r} in {text!r}"
    return found


def coded(text: str, trigger: str) -> Draft:
    """The draft of the first trigger spelled ``trigger`` in ``text``."""
    return coded_all(text, trigger)[0]


def coded_in(doc: Document, trigger: str) -> list[Draft]:
    """The drafts of every trigger spelled ``trigger`` in a document made for the test."""
    return [d for s in doc.parsed.sents for c, d in drafts(doc, s) if c.trigger.text == trigger]


def ids(arguments: tuple) -> list[str]:
    return [actor for argument in arguments for actor in argument.actors]


# -- heads: a verb trigger -----------------------------------------------------------------------


def test_wish_without_another_doer() -> None:
    # corpus (president.gov.ua, kremlin.ru)
    for text, trigger in (
        ("Before I begin, I want you to understand my feelings.", "want"),
        ("We want peace for our people.", "want"),
        ("And I sincerely wanted the Ukrainians to live like the Swiss.", "wanted"),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "wish without another doer", text
    asking = coded("I want the Government to direct Gazprom accordingly.", "want")
    assert not asking.dropped


def test_wished_doer() -> None:
    # corpus: the parser makes the one asked the subject of a clause of its own
    draft = coded("President Putin said he wants the Government to direct Gazprom.", "wants")
    assert "wished doer" in draft.fired and not draft.dropped
    assert [a.span.text for a in draft.recipients] == ["the Government"]
    # corpus: a minister asked, in a meeting, to speak (the polite conditional is no hypothesis)
    text = "President Putin said he would like Mikhail Mishustin to start the discussion."
    draft = coded(text, "like")
    assert ids(draft.recipients) == ["mikhail-mishustin"]
    assert draft.reading is not None and draft.reading.factuality in {"asserted", "reported"}
    # the act asked for is only possible
    doc = make_document(
        "Scholz said he would like Macron to join the talks in Berlin.",
        stages=(*BEFORE_EVENTS, "events"),
    )
    talks = next(e for e in doc.extraction.events if e.trigger.text == "talks")
    assert talks.factuality in {"hypothetical", "future"}


def test_wish_for_own_country() -> None:
    # dev putin-476: the Argentine president on his own country
    text = (
        "Argentine President Alberto Fernandez said that he wanted Argentina to open up "
        "new opportunities."
    )
    draft = coded(text, "wanted")
    assert draft.dropped and draft.fired[-1] == "wish for own country"
    other = coded("Argentine President Alberto Fernandez wants Brazil to open its market.", "wants")
    assert not other.dropped and ids(other.recipients) == ["brazil"]


def test_hope_without_another_doer() -> None:
    # dev zelenskyy-276 (hopes of the past naming no one asked), putin-490 (the speaker's own
    # cooperation), zelenskyy-680 ("it"): no event in gold (D97 needs a named actor)
    for text, trigger in (
        ("They hoped that there would be no more feeling of mortal danger.", "hoped"),
        ("They hoped to forget forever about the light masking that was required.", "hoped"),
        ("I hope our cooperation will continue.", "hope"),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "hope without another doer", text
    asking = coded("I hope that Germany and Hungary will have the courage to support it.", "hope")
    assert not asking.dropped


def test_hoped_doer() -> None:
    # dev zelenskyy-612 (D97: a hope addressed to named actors), timebank-VOA19980501.1800.0355
    # ("expects ... from the Palestinians")
    draft = coded("I hope that Germany and Hungary will have the courage to support it.", "hope")
    assert "hoped doer" in draft.fired and ids(draft.recipients) == ["germany", "hungary"]
    text = "Netanyahu said he expects an equal effort from the Palestinians."
    draft = coded(text, "expects")
    assert "hoped doer" in draft.fired and not draft.dropped
    assert [a.span.text for a in draft.recipients] == ["the Palestinians"]


def test_voiced_hope_doer() -> None:
    # dev putin-359: "The hope was expressed that representatives of Kiev will ..." (D97, D115;
    # gold target the representatives of Kiev)
    text = (
        "The hope was expressed that representatives of Kiev will take a reasonable and "
        "constructive position at the planned third round of talks."
    )
    draft = coded(text, "expressed")
    assert draft.type == "REQUEST" and "voiced hope doer" in draft.fired
    assert [a.span.text for a in draft.recipients] == ["representatives"]  # of Kiev (UKR)


def test_hope_voiced_by_the_parties() -> None:
    # dev putin-595: "Hope was expressed that ...", agentless in a readout: the meeting's parties
    # (D97: agentless "was noted" takes the partners as sources)
    text = (
        "Hope was expressed that our channel will be given the same opportunities to work "
        "without discrimination that French media enjoy in Russia."
    )
    draft = coded(text, "expressed")
    assert draft.parties and "hope voiced by the parties" in draft.fired


def test_demanded_doer() -> None:
    # dev trnews-1070002 (the parser: "the NDP" is the subject of a clause of its own)
    draft = coded("Protesters came to demand the NDP scrap its carbon tax.", "demand")
    assert "demanded doer" in draft.fired and ids(draft.recipients) == ["ndp"]
    # a question asked names no one to act
    draft = coded("The senator asked whether the Pentagon would release the report.", "asked")
    assert "demanded doer" not in draft.fired


def test_protest_demand() -> None:
    text = (
        "More than 1,000 people gathered Sunday at a Calgary rally to demand the NDP scrap its tax."
    )
    draft = coded(text, "rally")
    assert "protest demand" in draft.fired and ids(draft.recipients) == ["ndp"]


def test_cancelled_thing() -> None:
    # dev trnews-1020008: flights called off for fog are no rejected meeting
    text = "Fog has affected travel with some flights cancelled due to poor visibility."
    draft = coded(text, "cancelled")
    assert draft.dropped and draft.fired[-1] == "cancelled thing"
    assert not coded("Putin cancelled his visit to Paris on Monday.", "cancelled").dropped


def test_walked_out_of() -> None:
    draft = coded("The opposition delegation walked out of the talks in Geneva.", "walked")
    assert "walked out of" in draft.fired and draft.type == "REJECT"
    draft = coded("Hundreds of workers walked out at the plant on Monday.", "walked")
    assert draft.type == "PROTEST"


def test_asked_nothing() -> None:
    # dev trnews-1010001: a question put in a speech
    text = '"Imagine if we let that poison become normalized?" Jansen asked.'
    draft = coded(text, "asked")
    assert draft.dropped and draft.fired[-1] == "asked nothing"
    assert not coded("Ukraine asked for more air defence systems.", "asked").dropped


def test_verb_subject() -> None:
    draft = coded("Saudi Arabia lifted its blockade of Yemen.", "lifted")  # PLV
    assert "verb subject" in draft.fired
    assert ids(draft.actors) == ["saudi-arabia"]


def test_gerund_as_noun() -> None:
    # dev zelenskyy-101
    draft = coded("It caught fire as a result of Russian artillery shelling.", "shelling")
    assert draft.fired == ("gerund as noun",)
    assert ids(draft.actors) == ["russian-forces"]


def test_consult_partners() -> None:
    # PLV
    text = "Fidel Castro refused to meet Barack Obama when the U.S. president visited Cuba in 2016"
    draft = coded(text, "meet")
    assert "consult partners" in draft.fired and "verb objects" not in draft.fired
    assert ids(draft.recipients) == ["barack-obama"]


def test_consult_partners_not_the_topic_discussed() -> None:
    # dev zelenskyy-784: what "was discussed" is the topic, not a party (records D4)
    text = (
        "The participation of Azerbaijani business in large-scale privatization in Ukraine was "
        "discussed separately."
    )
    draft = coded(text, "discussed")
    assert draft.type == "CONSULT" and not draft.recipients


def test_verb_objects() -> None:
    draft = coded("Venezuela releases dozens of political activists.", "releases")  # PLV
    assert draft.fired == ("verb subject", "verb objects")
    # the group keeps the count that says which (wire16, D47): "dozens of political activists"
    assert ids(draft.recipients) == ["dozens-of-political-activists"]


def test_verb_of_feeling_the_one_who_feels_acts() -> None:
    # dev timebank-XIE19980812.0062: who is heartened praises (manual: SUPPORT 'praise'); what
    # heartens her is whom the praise is for, not who gives it (wire29)
    text = (
        "U.S. Secretary of State Madeleine Albright said on Tuesday that she was heartened by "
        "cooperation from Kenya and Tanzania in probing into last Friday's bombings of U.S. "
        "embassies."
    )
    draft = coded(text, "heartened")
    assert ids(draft.actors) == ["madeleine-albright"]
    assert ids(draft.recipients) == ["kenya", "tanzania"]


def test_headline_passive() -> None:
    # dev GUM_news_asylum: its title, then a sentence of its first paragraph
    text = (
        "Over 900 asylum seekers rescued off Indonesian coast\n"
        "On Friday, fishermen rescued over 700 asylum seekers whose boat sank."
    )
    title, body = coded_all(text, "rescued")
    assert title.fired[-1] == "headline passive"
    assert ids(title.actors) == [] and ids(title.recipients) == ["900-asylum-seekers"]
    assert "headline passive" not in body.fired  # the body's "rescued" has its own subject
    assert ids(body.actors) == ["indonesian-fishermen"]


def test_content_recipient_heads() -> None:
    draft = coded("Pakistan has refused to provide military aid to Saudi Arabia.", "refused")  # PLV
    assert "content recipient heads" in draft.fired
    assert ids(draft.recipients) == ["saudi-arabia"]


# -- heads: an adjective trigger -----------------------------------------------------------------

READY = "Vietnam is ready to contribute more to United Nations peacekeeping operations in Syria."


def test_adjective_subject() -> None:
    draft = coded(READY, "ready")  # PLV
    assert "adjective subject" in draft.fired
    assert ids(draft.actors) == ["vietnam"]


def test_adjective_complement() -> None:
    # PLV
    text = (
        "A U.N. committee has issued a report highly critical of the Vietnamese government, "
        "demanding Hanoi stop jailing activists and journalists for speaking out against state "
        "policies."
    )
    draft = coded(text, "critical")
    assert "adjective complement" in draft.fired
    # the government named with its demonym is a body of its own (records DECISIONS.md D15, D47)
    assert ids(draft.recipients) == ["vietnamese-government"]


def test_adjective_xcomp_objects() -> None:
    draft = coded(READY, "ready")  # PLV
    assert "adjective xcomp objects" in draft.fired
    assert ids(draft.recipients) == ["united-nations"]


# -- heads: a noun trigger -----------------------------------------------------------------------


def test_noun_own_actor() -> None:
    draft = coded("Pyongyang has violated a ban by UN on ballistic missile tests.", "ban")  # PLV
    assert draft.fired[0] == "noun own actor"
    assert ids(draft.actors) == ["united-nations"]


def test_conjunct_possessor() -> None:
    # PLV
    text = (
        "After an emergency foreign ministers' meeting in the Red Sea city of Jeddah, the OIC "
        "expressed its total rejection and strong condemnation of the Israeli Prime Minister's "
        "declaration."
    )
    draft = coded(text, "condemnation")
    assert draft.fired[0] == "conjunct possessor"
    assert ids(draft.actors) == ["oic"]


def test_undergone_event() -> None:
    # PLV
    draft = coded(
        "The U.S. has said that North Korea must first disarm before it can receive aid.", "aid"
    )
    assert draft.fired == ("undergone event",)
    assert ids(draft.actors) == [] and ids(draft.recipients) == ["north-korea"]
    # each conjunct is undergone (dev trnews-1010001: "has faced abuse and threats")
    draft = coded("Iran faces criticism and sanctions from the U.N.", "sanctions")
    assert "undergone event" in draft.fired and ids(draft.recipients)[0] == "iran"
    # a passive conjunct with the auxiliary left out shares the attack too (dev trnews-1360003:
    # the target was only the Walmart the attack was at)
    draft = coded(
        "Two people were killed and at least nine injured in a knife attack at a Walmart in "
        "southern China, state media agency Xinhua said Monday.",
        "attack",
    )
    assert "undergone event" in draft.fired and ids(draft.recipients)[0] == "two-people"


def test_harmed_in_an_attack() -> None:
    # dev timebank-APW19980930.0425: whom the passive harm befell is the bombing's target
    text = (
        "The U.S. team includes plastic surgeons with experience in physical reconstruction, "
        "and a psychiatrist who worked in Oklahoma City, where 168 people were killed in a "
        "bombing in 1995."
    )
    draft = coded(text, "bombing")
    assert "harmed in an attack" in draft.fired and ids(draft.recipients) == ["168-people"]
    # dev trnews-1060003 (the subject named): the strike's owner stays its actor
    draft = coded(
        "Junaid Hussain was a British hacker, before he was killed in an August 2015 U.S. "
        "drone strike.",
        "strike",
    )
    assert ids(draft.actors) == ["united-states"] and ids(draft.recipients) == ["junaid-hussain"]
    # corpus (zelenskyy): the "by" says what destroyed them; the war is only when
    draft = coded(
        "During the full-scale war, 113 churches have already been destroyed or damaged by "
        "Russian shelling.",
        "war",
    )
    assert "harmed in an attack" not in draft.fired and not draft.recipients


EMBARGO = "The United Nations failed to renew the arms embargo on Iran."  # PLV


def test_support_verb_subject() -> None:
    draft = coded(EMBARGO, "embargo")
    assert "support verb subject" in draft.fired
    assert ids(draft.actors) == ["united-nations"]


def test_means_of_an_act() -> None:
    # dev trnews-1080004 (BC Hydro); corpus-style second sentence
    text = "The utility said it had acquired the farm through expropriation."
    draft = coded(text, "expropriation")
    assert "means of an act" in draft.fired
    assert [h.text for h in draft.actor_heads] == ["it"]
    draft = coded("Iran seized the tanker through a raid by its navy.", "raid")
    assert "means of an act" not in draft.fired  # "a raid by its navy" names its own doer


def test_noun_recipient() -> None:
    draft = coded(EMBARGO, "embargo")
    assert "noun recipient" in draft.fired
    assert ids(draft.recipients) == ["iran"]


def test_noun_recipient_is_who_answered() -> None:
    # a request answered "to" by its addressee (written for this test; dev putin-199 has the
    # participle, misparsed there)
    text = "Governor Tom Smith responded to the mayor's appeal for help."
    draft = coded(text, "appeal")
    assert "noun recipient" in draft.fired and ids(draft.recipients) == ["tom-smith"]
    text = (
        "Responding to the union's demand for talks, the company's chief executive Mark Jones "
        "said he would meet them."
    )
    assert ids(coded(text, "demand").recipients) == ["mark-jones"]
    # instructions and invitations are answered too (written for this test)
    text = "At the invitation of President Macron, Chancellor Olaf Scholz visited Paris."
    assert ids(coded(text, "invitation").recipients) == ["olaf-scholz"]


def test_verb_objects_leave_out_whose_request_it_answers() -> None:
    # "on the orders of X" says why the troops withdrew, not from whom (written for this test)
    text = "On the orders of General Tom Smith, the troops withdrew from the village."
    draft = coded(text, "withdrew")
    assert "verb objects" in draft.fired and "tom-smith" not in ids(draft.recipients)


def test_support_verb_objects() -> None:
    # PLV: "against Hamas targets" hangs on "carried out", the support verb, not on "strikes"
    text = (
        "Israel's air force carried out strikes Friday evening against Hamas targets throughout "
        "the Gaza Strip."
    )
    draft = coded(text, "strikes")
    assert draft.fired == ("support verb subject", "support verb objects")
    assert ids(draft.actors) == ["israeli-forces"] and ids(draft.recipients) == ["hamas"]


def test_heads_named() -> None:
    """Plumbing, not a choice: it turns the chosen words into actors and is never recorded."""
    draft = coded("Venezuela releases dozens of political activists.", "releases")  # PLV
    assert [t.text for t in draft.actor_heads] == ["Venezuela"]
    assert ids(draft.actors) == ["venezuela"] and "heads named" not in draft.fired


# -- actors: when the heads name nobody ----------------------------------------------------------


def test_pronoun_speaker() -> None:
    # PLV
    text = (
        "Dhurata Ali said that despite their deteriorating health conditions, they will not end "
        "the strike."
    )
    draft = coded(text, "end")
    assert draft.fired[-1] == "pronoun speaker"
    assert ids(draft.actors) == ["dhurata-ali"]


def test_implicit_speaker() -> None:
    # corpus: the close of an address by Zelenskyy, under the title that names its speaker
    text = (
        "Address by President Volodymyr Zelenskyy\n"
        "Thank you for your clear position on the sanctions policy against the Russian Federation."
    )
    draft = coded(text, "Thank")
    assert "implicit speaker" in draft.fired
    assert ids(draft.actors) == ["volodymyr-zelensky"]


def test_an_imperative_in_an_address_is_not_the_speaker_s_act() -> None:
    # corpus (president.gov.ua): the audience is asked to support; the speaker does not
    text = "Address by President Volodymyr Zelenskyy\nHelp each other! Support the defense!"
    draft = coded(text, "Support")
    assert "implicit speaker" not in draft.fired and not ids(draft.actors)


def test_thanks_in_a_turn_are_the_speaker_s() -> None:
    # corpus-style turn: a subjectless "Thank you" is the turn's speaker's (dev putin-487 too,
    # where the parser took the label "Patriarch Kirill" for its subject); dev putin-476: the
    # parser hangs "thank you" on the sentence before it
    text = (
        "Meeting with President of Belarus Alexander Lukashenko\n"
        "President of Russia Vladimir Putin: Good afternoon, Mr President. President of Belarus "
        "Alexander Lukashenko: Thank you, Mr President."
    )
    assert ids(coded(text, "Thank").actors) == ["alexander-lukashenko"]
    text = (
        "Meeting with President of Argentina Alberto Fernandez\n"
        "President of Russia Vladimir Putin: Mr President, friends, I am very glad to see you. "
        "President of the Argentine Republic Alberto Fernandez(retranslated): Mr President, "
        "First, this is a great honour for me, thank you for the invitation, I was eager to see "
        "you."
    )
    assert ids(coded(text, "thank").actors) == ["alberto-fernandez"]


def test_justice_agent() -> None:
    # PLV: the charges Temer faces are the court's
    text = (
        "A Brazilian federal judge on Monday ordered the release of former President Michel Temer "
        "from jail, allowing him to face corruption charges while free."
    )
    draft = coded(text, "jail")
    assert draft.fired == ("justice agent",)
    assert ids(draft.actors) == ["brazilian-courts"]


def test_justice_agent_of_a_hold_and_a_manhunt() -> None:
    # dev trnews-1200001, timebank-APW19990506.0155: "was held" and a manhunt name no agent
    text = (
        "The Missouri State Highway Patrol arrested William Goble on Sunday. He was held in "
        "Marion County on a 24-hour hold."
    )
    draft = coded(text, "held")
    assert "justice agent" in draft.fired
    assert ids(draft.actors) == ["missouri-state-highway-patrol"]
    text = (
        "The FBI said Thursday that the abortion foe, who is the subject of an international "
        "manhunt, was charged with murder."
    )
    assert ids(coded(text, "manhunt").actors) == ["fbi"]


def test_justice_agent_of_a_hunted_person() -> None:
    # dev timebank-APW19990410.0123: a person sought ("sought suspect": a hunt, D83) is hunted
    # by the police of the case, as in a manhunt
    text = (
        "The gun was sent to the FBI laboratory in Washington to determine whether it was used "
        "to kill Slepian. Anti-abortion protester James Kopp is being sought as a material "
        "witness in the shooting."
    )
    draft = coded(text, "sought")
    assert "sought suspect" in draft.fired and "justice agent" in draft.fired
    assert ids(draft.actors) == ["fbi"] and ids(draft.recipients) == ["james-kopp"]
    # dev trnews-1010008 (headline, then the body): "wanted for murder" is the police's hunt
    text = (
        "Toronto family in shock, man wanted for murder in aunt's stabbing\n"
        "Det.-Sgt. Graham Gibson of the Toronto police homicide squad said police believe "
        "MacDonald went to the house."
    )
    assert ids(coded(text, "wanted").actors) == ["toronto-police"]


def test_appeal_for_witnesses() -> None:
    # dev trnews-1330001
    text = (
        "The Queensland Police Service issued the alert on Friday. Anyone who sees either Murphy, "
        "the children, or the vehicle is urged to call police immediately."
    )
    draft = coded(text, "urged")
    assert "appeal for witnesses" in draft.fired
    assert len(ids(draft.actors)) == 1 and "police" in ids(draft.actors)[0]


def test_claimed_wrongdoer() -> None:
    # dev GUM_news_imprisoned
    text = (
        "Valeska Paris, an Australian woman and former Scientologist, has claimed that the Church "
        "of Scientology imprisoned her for twelve years."
    )
    draft = coded(text, "claimed")
    assert "claimed wrongdoer" in draft.fired and not draft.dropped
    assert draft.type == "ACCUSE" and ids(draft.recipients) == ["church-of-scientology"]


def test_claimed_doer_of_an_act_the_lexicon_lacks() -> None:
    # dev GUM_news_defector: what is claimed ("left the organization with computer hard drives")
    # is no wrongdoing of the lexicon, but the claim names another doer: an allegation
    text = (
        "On September 29, Scientology officials went to the East Los Angeles sheriff's station "
        "where they claimed Montalvo allegedly left the organization with computer hard drives."
    )
    draft = coded(text, "claimed")
    assert "claimed wrongdoer" in draft.fired and not draft.dropped
    assert draft.type == "ACCUSE" and len(ids(draft.recipients)) == 1
    assert "montalvo" in ids(draft.recipients)[0]
    # dev GUM_news_imprisoned: a pronoun's claim about the claimer herself names no one else
    draft = coded(
        "Paris claims that she was kept at Flag Land Base in Clearwater, Florida until she was "
        "eighteen.",
        "claims",
    )
    assert draft.dropped and draft.fired[-1] == "claim of no wrongdoing"


def test_alleged_doer() -> None:
    # the subject of the complement (written for this test), a passive's agent (dev trnews-1010001)
    draft = coded("Prosecutors allege that Smith defrauded investors of $2 million.", "allege")
    assert "alleged doer" in draft.fired and draft.type == "ACCUSE"
    assert ids(draft.recipients) == ["smith"]
    text = (
        "She quit the race after alleging she was harassed by volunteers from another "
        "candidate's campaign."
    )
    draft = coded(text, "alleging")
    assert "alleged doer" in draft.fired
    assert len(draft.recipients) == 1 and "volunteers" in ids(draft.recipients)[0]
    # the passive's subject suffered the act: the crowd is accused (written for this test)
    draft = coded("The union alleged that its officers were assaulted by the crowd.", "alleged")
    assert len(draft.recipients) == 1 and "crowd" in ids(draft.recipients)[0]
    # a noun's complement clause (dev timebank-APW19980227.0487: "charges that she failed to
    # report Yigal Amir's plan"); "accusations made by X" has no clause of its own
    draft = coded(
        "Kyiv has made accusations that Russian troops shelled the hospital.", "accusations"
    )
    assert "alleged doer" in draft.fired and ids(draft.recipients)
    draft = coded("The minister denied accusations made by the opposition.", "accusations")
    assert "alleged doer" not in draft.fired


def test_charged_doer() -> None:
    # dev timebank-APW19980227.0487: the one serving the sentence did what it is for
    text = (
        "Amir, 27, is serving a life sentence for the November 1995 assassination of Rabin at a "
        "Tel Aviv peace rally."
    )
    draft = coded(text, "assassination")
    assert "charged doer" in draft.fired and ids(draft.actors) == ["amir"]
    # the passive's subject (written for this test); the victim is no target of the charge
    text = "Wesley Brookes, 18, has been charged with the attempted murder of a woman."
    draft = coded(text, "murder")
    assert draft.type == "ASSAULT" and ids(draft.actors) == ["wesley-brookes"]
    charge = coded(text, "charged")
    assert charge.type == "ACCUSE" and ids(charge.recipients) == ["wesley-brookes"]


def test_judged_doer() -> None:
    # dev putin-625: a judging adjective accuses the doer of the act it qualifies
    text = (
        "Specific examples of Kiev's destructive course on derailing the Minsk agreements, which "
        "are the only viable path towards resolving the internal Ukraine crisis, were given."
    )
    draft = coded(text, "destructive")
    assert draft.type == "ACCUSE" and "judged doer" in draft.fired
    assert ids(draft.recipients) == ["ukraine"] and not draft.actors
    # dev GUM_news_korea: the subject of the verb of doing the judged act ("made a provocation")
    text = (
        '"War maniacs of the South Korean puppet military made another grave provocation to the '
        'DPRK in the central western sector of the front on Thursday afternoon."'
    )
    draft = coded(text, "provocation")
    assert ids(draft.recipients) == ["south-korean-military"]
    # dev putin-678: praise judges the subject of its copula ("remains"), through the conjuncts
    draft = coded("Vietnam remains our reliable, loyal friend and strategic partner.", "friend")
    assert draft.type == "SUPPORT" and ids(draft.recipients) == ["vietnam"]
    # dev GUM_news_questionnaire: an adjective on a noun of no act judges nothing
    text = (
        'She continued: "Labour has a common-sense plan to fast-track cases, get return agreements '
        "in place so unsuccessful claims can be quickly and safely returned, and take much "
        'stronger action against the criminal gangs driving dangerous small boat crossings."'
    )
    assert all(d.dropped for d in coded_all(text, "criminal"))
    # dev zelenskyy-347: "waging" is lemmatised "wag"; the lexicon's lemma restores "wage"
    text = (
        'Unfortunately, they are using Syrian tactics," he said, adding that Russia is waging an '
        "inhumane war against civilians."
    )
    draft = coded(text, "inhumane")
    assert not draft.dropped and ids(draft.recipients) == ["russia"]
    # written for this test (dev zelenskyy-347 'waging a genocidal war'): a new label adjective
    draft = coded("The Sudanese army is waging a genocidal war against the Masalit.", "genocidal")
    assert draft.type == "ACCUSE" and ids(draft.recipients) == ["sudanese-army"]
    # dev trnews-1090001: the parser hangs "as" on the clause's object; the describing verb's
    # object is still whose act the label judges
    text = 'Justine Henry described Hickson cutting off Mr Paterson\'s legs as "vile misconduct".'
    draft = coded(text, "vile")
    assert not draft.dropped and ids(draft.recipients) == ["hickson"]
    # dev trnews-1010001: a judged act that someone "faced" was aimed at them, by no one named
    text = (
        "In her statement, Jansen went on to read a litany of demeaning and despicable comments "
        "she has faced on Twitter and Facebook."
    )
    draft = coded(text, "despicable")
    assert not draft.dropped and ids(draft.recipients) == ["jansen"] and not draft.actors
    # dev putin-539: a role praised is support of whoever played it
    text = (
        "Vladimir Putin: Mr Shoigu, CSTO peacekeepers have played a very important role in "
        "stabilising the situation in Kazakhstan, our closest partner and ally."
    )
    draft = coded(text, "role")
    assert draft.type == "SUPPORT" and not draft.dropped and ids(draft.recipients) == ["csto"]
    # dev timebank-APW19980227.0487: a label for a person judges the one it labels, through an
    # adjective it is joined to ("as ... delusional and a liar")
    text = "Har-Shefi described Amir as an ``original thinker,'' as well as delusional and a liar."
    draft = coded(text, "liar")
    assert draft.type == "ACCUSE" and not draft.dropped
    assert ids(draft.recipients) == ["amir"] and ids(draft.actors) == ["har-shefi"]


def test_necessity_heads() -> None:
    # dev zelenskyy-660: "it is important that X ..." asks X; "it" is no actor
    text = "It is important that diplomats and the OSCE Special Monitoring Mission stay in Ukraine."
    draft = coded(text, "important")
    assert draft.type == "REQUEST" and not draft.dropped and "necessity heads" in draft.fired
    assert ids(draft.recipients) == ["diplomats", "osce-special-monitoring-mission"]
    # dev zelenskyy-340: "it is better to ..." names no one it asks
    draft = coded("So it is better to seek peace now.", "better")
    assert draft.type == "REQUEST" and not draft.dropped and not draft.recipients


def test_necessity_voice() -> None:
    # corpus (president.gov.ua): who believes it necessary demands it
    text = (
        "Andriy Yermak believes that it is necessary to reach the pace of the weekly increase of "
        "sanctions pressure against Russia."
    )
    draft = coded(text, "necessary")
    assert draft.type == "REQUEST" and ids(draft.actors) == ["andriy-yermak"]


def test_need_heads() -> None:
    # dev putin-590: a stated need asks the doer of the act needed, not who needs it
    text = (
        "Emphasis was placed on the need for a full and unconditional implementation of the "
        "Minsk Package of Measures by the Ukrainian authorities."
    )
    draft = coded(text, "need")
    assert draft.type == "REQUEST" and not draft.dropped and "need heads" in draft.fired
    assert ids(draft.recipients) == ["ukraine"]  # the agent of the act needed is asked


def test_need_voice() -> None:
    # dev putin-625: who states the need demands it
    text = (
        "With this in mind, Vladimir Putin stated the need to immediately begin talks in order to "
        "develop clear international legal agreements."
    )
    draft = coded(text, "need")
    assert draft.type == "REQUEST" and not draft.dropped and "need voice" in draft.fired
    assert ids(draft.actors) == ["vladimir-putin"]


def test_need_of_no_statement() -> None:
    # corpus (kremlin.ru): a need no one states is no demand
    text = (
        "The Reserve Fund is large now because of the need to respond promptly to the current "
        "situation."
    )
    assert coded(text, "need").dropped
    # corpus (kremlin.ru): a need stated by a verb of speaking is one
    text = "You have talked at length about the need to strengthen ties within the EAEU."
    assert not coded(text, "need").dropped


def test_necessity_of_no_act() -> None:
    # dev putin-490: a past need is no demand
    text = (
        "Considering that Europe is going through an energy or rather a gas crisis now, it was "
        "very important to sign the afore-mentioned long-term contracts."
    )
    assert coded(text, "important").dropped
    # dev zelenskyy-471: a comparison, no advice
    text = (
        'And it is better to have a home in Ukraine than somewhere abroad," the Head of State '
        "emphasized."
    )
    assert coded(text, "better").dropped
    # corpus (kremlin.ru): an aside
    text = (
        "Mr Zaitsev, I think it was a slip of the tongue when you said that it is important to "
        "know how people live."
    )
    assert coded(text, "important").dropped


def test_intention_of_an_act() -> None:
    # dev putin-678: an intention to do what the lexicon codes no act of is AGREE (D7)
    text = "We intend to strengthen good political relations between our countries."
    draft = coded(text, "intend")
    assert draft.type == "AGREE" and not draft.dropped
    # dev putin-539: the intended withdrawal is the event
    text = (
        "In the next five days, as we will be transferring the facilities, we plan to withdraw "
        "the remaining peacekeeping forces and complete everything on January 19."
    )
    assert coded(text, "plan").dropped and not coded(text, "withdraw").dropped
    # dev trnews-1020015: an intention given up is none stated now
    text = (
        "Mr Tubiana, honorary president of the Human Rights League of France, said he had "
        "initially intended to be with the activist group, but did not attend the meeting."
    )
    assert coded(text, "intended").dropped


def test_importance_stressed_together() -> None:
    # dev zelenskyy-478: one speaker stressing the importance of an act asks for it (REQUEST)
    text = (
        "He also stressed the importance of further strengthening sanctions against Russia, "
        "including the imposition of a full embargo on any trade with Russia and Belarus."
    )
    draft = coded(text, "stressed")
    assert draft.type == "REQUEST" and not draft.dropped
    # dev putin-388: stressed by the meeting's parties, the importance is their own intention
    text = (
        "In this context, the two leaders emphasised the importance of stepping up practical "
        "bilateral cooperation, including following their talks in Beijing on February 4."
    )
    draft = coded(text, "emphasised")
    assert draft.dropped and draft.fired[-1] == "importance stressed together"
    assert not coded(text, "cooperation").dropped


def test_continuing_no_promise() -> None:
    # dev putin-451: going on with the work, said of the future, is a stated intention (D7)
    for text in (
        "So we will continue our work.",
        "Therefore, we will continue to work in this respect, as you have just said, and I agree "
        "with you.",
    ):
        draft = coded(text, "continue")
        assert draft.type == "AGREE" and not draft.dropped, text
    # corpus (kremlin.ru): a system that goes on working states no intention
    draft = coded("The accumulative mortgage system continues to work effectively.", "continues")
    assert draft.dropped and draft.fired[-1] == "continuing no promise"
    # support26, dev putin-14, putin-741: a bare "continue" of parties or their ties, said of
    # the future, is their intention (D7); dev putin-490: "our cooperation will continue" is the
    # cooperation's own intention, no second one (nor is "the war will continue" anyone's)
    for text, word in (
        ("Despite the challenges, our relations will continue and will develop.", "continue"),
        (
            "Vladimir Putin noted that Russia will continue making steps to facilitate "
            "stabilisation.",
            "continue",
        ),
    ):
        draft = coded(text, word)
        assert draft.type == "AGREE" and not draft.dropped, text
    for text in ("I hope our cooperation will continue.", "The war will continue."):
        draft = coded(text, "continue")
        assert draft.dropped and draft.fired[-1] == "continuing no promise", text


def test_contribution_to_a_state() -> None:
    # dev zelenskyy-680: contributing to a state of affairs gives no one anything
    text = (
        "The President of Ukraine commended the active cooperation with the United States in the "
        "field of security and defense, which contributes to strengthening the capabilities of "
        "the Armed Forces of Ukraine."
    )
    draft = coded(text, "contributes")
    assert draft.dropped and draft.fired[-1] == "contribution to a state"
    # dev timebank-APW19980930.0425: a contribution of money to countries stays AID
    text = (
        "The U.S. government already has contributed dlrs 3.2 million in assistance to the two "
        "countries."
    )
    draft = coded(text, "contributed")
    assert draft.type == "AID" and not draft.dropped
    # dev zelenskyy-188: the noun too, when it goes to what an actor owns ("our", "their")
    for text in (
        "It is a manifestation of strong leadership and a necessary contribution to our common "
        "defense of freedom.",
        "This is their contribution to their own security.",
    ):
        draft = coded(text, "contribution")
        assert draft.dropped and draft.fired[-1] == "contribution to a state", text
    # dev (timebank): contributions that go to no state of affairs stay AID
    text = "It is to be funded by voluntary contributions from within and outside the continent."
    draft = coded(text, "contributions")
    assert draft.type == "AID" and not draft.dropped


def test_leaving_no_one() -> None:
    # dev GUM_news_sensitive: a thing left behind is no withdrawal
    text = (
        "In May, Maxime Bernier was forced to resign as Foreign Affairs minister after it became "
        "known that he left sensitive documents at the apartment of his then-girlfriend Julie "
        "Couillard."
    )
    assert coded(text, "left").dropped
    # dev timebank-APW19980930.0425: a journey on
    assert coded(
        "The team planned to leave Nairobi on Thursday for Dar es Salaam.", "leave"
    ).dropped
    # dev GUM_news_imprisoned: leaving an organisation is a withdrawal
    text = "Here, she met her future husband and subsequently left the church."
    assert not coded(text, "left").dropped


def test_conjoined_same_act() -> None:
    # dev timebank-XIE19980821.0077: the toll of one bombing, told by two verbs
    text = (
        "The car bomb attack at the U.S. embassy in Nairobi killed 253 people and injured 5,000 "
        "others."
    )
    assert coded(text, "injured").dropped and not coded(text, "killed").dropped
    # dev GUM_news_asylum: a subject of its own is an act of its own
    text = (
        "On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian "
        "Navy reportedly saved 200 more after they were found swimming along the coast of Aceh, "
        "Indonesia."
    )
    assert not coded(text, "saved").dropped
    # dev timebank-APW19980826.0389: a participle of the toll hung on the blast is the same blast
    text = "They were talking when the bomb went off, killing 247 people."
    assert coded(text, "killing").dropped and not coded(text, "went").dropped


def test_nothing_explosive_went_off() -> None:
    # dev timebank-APW19991008.0265: a bomb going off is a blast (the 'go off' row)
    text = (
        "The bombs went off almost simultaneously on Aug. 7, 1998 at U.S. embassies in Nairobi, "
        "Kenya and Dar es Salaam, Tanzania."
    )
    draft = coded(text, "went")
    assert draft.type == "ASSAULT" and not draft.dropped
    # written for this test: an alarm or a car going off attacks no one
    for text in (
        "The fire alarm went off at 3 a.m. and residents left the building.",
        "The car went off the road and hit a tree.",
    ):
        draft = coded(text, "went")
        assert draft.dropped and draft.fired[-1] == "nothing explosive went off", text


def test_investigators_agency() -> None:
    # dev trnews-1100004: the agency "with" the investigators is theirs; the case has no target
    text = (
        "Nearly half a dozen arson investigators with Kentucky State Police and the ATF, were on "
        "scene Wednesday."
    )
    draft = coded(text, "investigators")
    assert draft.type == "ACCUSE" and not draft.dropped and "investigators agency" in draft.fired
    assert draft.actors and not draft.recipients
    # the crime before them only names their case
    assert coded(text, "arson").dropped


def test_investigators_not_at_work() -> None:
    # dev timebank-XIE19980808.0049: investigators sent are no mention of their work
    text = (
        "The State Department has sent medical and other supplies as well as investigators to the "
        "two countries."
    )
    assert coded(text, "investigators").dropped
    # dev trnews-1080005: their act is coded by its own word
    text = (
        "Investigators identified a male suspect, who police say was renting living space in the "
        "same home, and had fled the scene in his vehicle."
    )
    assert coded(text, "Investigators").dropped
    # dev trnews-1020005: at work
    text = (
        "Investigators had interviewed hundreds of local residents regarding her disappearance "
        "and received some 400 tips."
    )
    assert not coded(text, "Investigators").dropped


def test_talk_with_no_one() -> None:
    # dev zelenskyy-499, zelenskyy-15, timebank-WSJ910225-0066: one talking about something to
    # no partner
    for text, trigger in (
        ("Because you feel what I'm talking about.", "talking"),
        (
            "And I want you to realize that when I talk about signing such decrees, it's not "
            "just a routine and not something mechanical.",
            "talk",
        ),
        (
            "Amid reports that thousands of Iraqi soldiers had surrendered, administration aides "
            "were also upbeat in private, with one even talking of victory within a week.",
            "talking",
        ),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "talk with no one", text
    # dev zelenskyy-606, zelenskyy-79, zelenskyy-138, putin-112, zelenskyy-619: a partner or a
    # subject of two sides keeps it
    for text, trigger in (
        ("I talked about this with the UN Secretary General.", "talked"),
        ("We talked about defense support.", "talked"),
        ("I talked to Stanford University students today.", "talked"),
        (
            "They also talked about some aspects of the integration associations' operation in "
            "Eurasia.",
            "talked",
        ),
        ("Today we heard from Moscow that they still want to talk.", "talk"),
    ):
        assert not coded(text, trigger).dropped, text


def test_judging_voice() -> None:
    # corpus (kremlin.ru): who notes the judged act judges it
    text = (
        "During an exchange of views on the domestic conflict in Ukraine, President Putin noted "
        "Kiev's destructive policy, which is relying increasingly on force."
    )
    draft = coded(text, "destructive")
    assert draft.type == "ACCUSE" and draft.fired[-1] == "judging voice"
    assert ids(draft.actors) == ["vladimir-putin"] and ids(draft.recipients) == ["ukraine"]


def test_blamed_cause() -> None:
    # dev zelenskyy-584: a harm caused by a named actor is blame of that actor by the voice
    text = (
        "Volodymyr Zelenskyy noted that there should have been a decisive response to both the "
        "migration crisis caused by Belarus and the construction of Nord Stream 2."
    )
    draft = coded(text, "caused")
    assert draft.type == "ACCUSE" and "blamed cause" in draft.fired
    assert ids(draft.recipients) == ["belarus"] and ids(draft.actors) == ["volodymyr-zelensky"]


def test_displeasure_cause() -> None:
    # dev timebank-APW20000107.0318 ("Elian's father was angry about Burton's subpoena"):
    # displeasure at a named actor's act is ACCUSE by the displeased against the doer (D26)
    draft = coded("Ukraine was angry about Russia's decision to close the border.", "angry")
    assert draft.type == "ACCUSE" and "displeasure cause" in draft.fired
    assert ids(draft.actors) == ["ukraine"] and ids(draft.recipients) == ["russia"]
    # displeasure at no actor's act accuses no one
    assert coded("The farmers were upset about the weather.", "upset").dropped


def test_blamed_poser_of_a_threat() -> None:
    # dev putin-378: the one said to pose a threat is accused (D26), by whoever says it; the
    # passive's agent was taken for the accuser
    text = (
        "The President of Russia made a point of noting that the Russian Armed Forces do not "
        "threaten civilians and do not target civilian facilities. The threat is posed by "
        "Ukrainian nationalists who are using civilians as human shields, deliberately deploying "
        "offensive weapons in residential areas, and intensifying the shelling of Donbass cities."
    )
    draft = coded(text, "posed")
    assert draft.type == "ACCUSE" and "blamed cause" in draft.fired
    # the nationalists are a group of their own since mentions17 (plural "-ist" subject), UKR
    assert ids(draft.recipients) == ["ukrainian-nationalists"]
    assert "ukraine" not in ids(draft.actors)


def test_cause_of_no_blame() -> None:
    # dev zelenskyy-30: the harm's cause is an attack, whose own event codes it
    text = "Listened to the reports on the destruction of the regions caused by Russian strikes."
    draft = coded(text, "caused")
    assert draft.dropped and draft.fired[-1] == "cause of no blame"
    # dev trnews-1020008: a cause that names no one, and no harm
    text = (
        "The poor visibility in south-east England caused at least a dozen British Airways "
        "flights to be cancelled."
    )
    assert all(d.dropped for d in coded_all(text, "caused"))


def test_responsibility_for_no_harm() -> None:
    # dev timebank-APW19980322.0749: responsible for a harm another trigger codes (ASSAULT) is
    # blame of the one responsible (PLOVER ACCUSE 'accuse, blame')
    draft = coded(
        "They say IRA commanders are responsible for the recent bomb attacks.", "responsible"
    )
    assert draft.type == "ACCUSE" and not draft.dropped
    assert [r.span.text for r in draft.recipients] == ["IRA commanders"]
    # dev timebank-APW19990506.0155: a death blamed, by the one who says it
    text = (
        '"We have probable cause to believe this man, James Kopp, is responsible for the death of '
        'Dr. Barnett Slepian," FBI agent Bernard Tolbert said.'
    )
    draft = coded(text, "responsible")
    assert not draft.dropped and ids(draft.recipients) == ["james-kopp"]
    assert ids(draft.actors) == ["bernard-tolbert"]
    # corpus (quotes-polnear, nyt_2015-12-01_puerto-rican-bank): responsible for no harm
    text = (
        "The deal and how it came to be provide telling insight into the workings of the "
        "Government Development Bank, which is responsible for managing the $72 billion in debt "
        "that the island has amassed."
    )
    draft = coded(text, "responsible")
    assert draft.dropped and draft.fired[-1] == "responsibility for no harm"


def test_judging_adjectives_need_no_complement() -> None:
    # dev zelenskyy-15: "aggressive" had a row but no entry in coder.adj_complements, so it
    # never fired; a judging adjective on an act noun is a charge (D26)
    text = (
        "Russia must feel a constant increase in pressure for the war and for its aggressive "
        "anti-European policy."
    )
    draft = coded(text, "aggressive")
    assert draft.type == "ACCUSE" and ids(draft.recipients) == ["russia"]
    # dev putin-373: the agent of a participle of doing ("undertaken by") did the judged act
    text = (
        "In connection with the hostile actions undertaken by the United States of America, "
        "joined by other foreign states and international organisations, which imposed "
        "restrictive measures on citizens of the Russian Federation and Russian legal entities, "
        "the President signed the Executive Order."
    )
    draft = coded(text, "hostile")
    assert draft.type == "ACCUSE" and ids(draft.recipients) == ["united-states"]
    # dev putin-714: 'provocative' on an act noun charges the act's own actor
    text = (
        "Ukraine's provocative attempts to fuel tensions in Donbass, in part, by using weapons "
        "banned by the Package of Measures, are a source of special concern."
    )
    draft = coded(text, "provocative")
    assert draft.type == "ACCUSE" and ids(draft.recipients) == ["ukraine"]


def test_judgement_of_no_one() -> None:
    # corpus (president.gov.ua): "this" names no one, so no one is accused
    text = (
        '"We regard this as a cynical provocation, but Ukraine does not give in to '
        'provocations," the Ukrainian President said.'
    )
    for draft in coded_all(text, "provocations"):
        assert draft.dropped and draft.fired[-1] == "judgement of no one"
    # dev zelenskyy-597: "this" points back to an attack told before; the article-level pass
    # (events.discourse) finds its attacker, so the label is kept here
    for text, trigger in (
        ("This is definitely a military crime.", "crime"),
        ("For this crime there will definitely be a tribunal.", "crime"),
    ):
        draft = coded(text, trigger)
        assert draft.type == "ACCUSE" and not draft.dropped and not draft.recipients


def test_judgement_of_no_one_by_agent() -> None:
    # dev putin-272, putin-374: a label with no doer of its own charges the "by" agent of the act
    # it names or qualifies, not no one (D26)
    for text, trigger, accused in (
        (
            "The change in transaction currency is being introduced due to the fact that, in "
            "violation of international law, the foreign exchange reserves of the Bank of Russia "
            "were frozen by the EU member states.",
            "violation",
            "european-union",
        ),
        (
            "Nicolas Maduro expressed his strong support for Russia's decisive actions, condemned "
            "the destabilising activity of the United States and NATO, and emphasised the "
            "importance of countering the campaign of lies and disinformation launched by "
            "Western countries.",
            "lies",
            "western-countries",
        ),
    ):
        draft = coded(text, trigger)
        assert draft.type == "ACCUSE" and not draft.dropped
        assert ids(draft.recipients) == [accused]


def test_crime_naming_a_charge() -> None:
    # dev trnews-1080005: the charge is the event, not the crime that names it
    text = "A Regina teenager is facing an attempted murder charge after a woman was stabbed."
    draft = coded(text, "murder")
    assert draft.dropped and draft.fired[-1] == "crime naming a charge"


def test_stance_topic() -> None:
    # written for this test (dev putin-625 has the same shape): whose the topic is
    text = "Japan's foreign minister expressed concern about China's military drills near Taiwan."
    draft = coded(text, "expressed")
    assert "stance topic" in draft.fired and ids(draft.recipients) == ["china"]
    # a topic that is nobody's names no one
    draft = coded("The UN expressed concern about the situation in Mali.", "expressed")
    assert "stance topic" not in draft.fired and draft.recipients == ()


def test_claim_of_no_wrongdoing() -> None:
    # a claim of one's own side's success accuses no one (written for this test)
    draft = coded("Russia claimed that its forces had destroyed a Ukrainian depot.", "claimed")
    assert draft.dropped and draft.fired[-1] == "claim of no wrongdoing"


def test_thanked_for() -> None:
    # dev zelenskyy-322
    text = (
        "He thanked the American people and the US leadership for the assistance to our country, "
        "in particular for the recent decision on $ 800 million in defense support."
    )
    draft = coded(text, "assistance")
    assert "thanked for" in draft.fired
    assert ids(draft.actors) == ["american-people", "united-states"]


def test_meeting_parties_subject() -> None:
    # dev putin-199
    draft = coded("The leaders discussed in detail the developments in Ukraine.", "discussed")
    assert "meeting parties subject" in draft.fired
    assert draft.parties and ids(draft.actors) == []


def test_done_together() -> None:
    draft = coded("It was agreed to maintain close personal contact.", "agreed")  # dev putin-388
    assert draft.fired[-1] == "done together"
    assert draft.parties


def test_talks_voice_party() -> None:
    # dev zelenskyy-207, under a title like its own that names the address's speaker
    text = (
        "Volodymyr Zelenskyy met with IMF Managing Director Kristalina Georgieva - address by "
        "President Volodymyr Zelenskyy\n"
        "On the eve of the meeting of the G7 finance ministers, these talks with the IMF Managing "
        "Director are a direct preparation for very important decisions for Ukraine."
    )
    draft = coded(text, "talks")
    assert draft.fired == ("noun recipient", "talks voice party")
    assert ids(draft.actors) == ["volodymyr-zelensky"] and ids(draft.recipients) == ["imf"]


# -- recipients: when the heads name nobody ------------------------------------------------------


def test_object_target() -> None:
    draft = coded("Saudi Arabia lifted its blockade of Yemen.", "lifted")  # PLV
    assert draft.fired[-1] == "object target"
    assert ids(draft.recipients) == ["yemen"]


def test_content_recipient() -> None:
    draft = coded("Ankara still refuses to lift the ban on Cypriot ships.", "refuses")  # PLV
    assert draft.fired[-1] == "content recipient"
    assert ids(draft.actors) == ["turkey"] and ids(draft.recipients) == ["cyprus"]


def test_letter_addressee() -> None:
    # dev GUM_news_imprisoned (its colon left out): the statement's addressee is the target
    text = (
        "In a statement to the Australian Broadcasting Corporation, the Church denied these "
        "allegations."
    )
    draft = coded(text, "denied")
    assert draft.fired[-1] == "letter addressee"
    assert [a.span.text for a in draft.recipients] == ["the Australian Broadcasting Corporation"]


def test_attacked_place() -> None:
    # PLV
    text = (
        "On April 19, Boko Haram fighters torched a village elsewhere in Cameroon's Far North "
        "Region, killing 11 civilians in their sleep."
    )
    draft = coded(text, "torched")
    assert draft.fired[-1] == "attacked place"
    assert ids(draft.recipients) == ["cameroon"]


def test_own_people() -> None:
    # dev zelenskyy-555 (records DECISIONS.md D9): "our" is the president, the thanks' source;
    # the team it owns is Ukraine's; "our partners" are others
    text = (
        "The world speaks about Ukraine - address by President Volodymyr Zelenskyy\n"
        "Ukrainians! I know this outraged many, and not only in Ukraine. I am grateful to our "
        "team. I am grateful to our partners."
    )
    doc = make_document(
        text, "2022-03-08", stages=BEFORE_EVENTS, url="https://www.president.gov.ua/en/news/x"
    )
    team, partners = [
        d for s in doc.parsed.sents for c, d in drafts(doc, s) if c.trigger.text == "grateful"
    ]
    assert "own people" in team.fired
    assert ids(team.recipients) == ["ukraine"]
    assert "own people" not in partners.fired


def test_attacked_home_ground() -> None:
    # dev zelenskyy-291 (records DECISIONS.md D9): in the president's address the warehouses
    # attacked are Ukraine's
    text = (
        "We will continue to evacuate our people - address by the President of Ukraine\n"
        "Ukraine will win. They targeted the warehouses of agricultural enterprises."
    )
    doc = make_document(
        text, "2022-05-06", stages=BEFORE_EVENTS, url="https://www.president.gov.ua/en/news/x"
    )
    [draft] = [
        d for s in doc.parsed.sents for c, d in drafts(doc, s) if c.trigger.text == "targeted"
    ]
    assert "attacked home ground" in draft.fired
    assert ids(draft.recipients) == ["ukraine"]


def test_own_forces() -> None:
    # Adapted from GUM_news_korea (Wikinews): no sentence of the shared data but the example
    # article's fires this rule, so two of that article's sentences are joined and its leader
    # named with his country ("North Korean leader"), which the rule needs.
    text = (
        "North Korea puts military in 'quasi-state of war'\n"
        "North Korean troops fired artillery rounds at a loudspeaker. North Korean leader Kim "
        "Jong-un ordered the army to prepare for battle over South Korea's propaganda broadcasts."
    )
    draft = coded(text, "ordered")
    assert draft.fired[-1] == "own forces"
    assert ids(draft.actors) == ["kim-jong-un"]
    assert ids(draft.recipients) == ["north-korean-forces"]


# -- drop ----------------------------------------------------------------------------------------


def test_fights_a_thing() -> None:
    # corpus (putin.csv)
    text = "Efforts to fight corruption, extremism and other crimes are one of your high-priority tasks."
    draft = coded(text, "fight")
    assert draft.dropped and draft.fired[-1] == "fights a thing"


def test_background_noun() -> None:
    # corpus (zelenskyy.csv)
    text = "According to the Head of State, Ukrainian oligarchs also showed various qualities during the war."
    draft = coded(text, "war")
    assert draft.dropped and draft.fired == ("background noun",)


def test_private_travel_or_contact() -> None:
    # dev (GUM news, local news): a journey or contact that is no meeting of actors
    for text, trigger in (
        ("His family said they lost contact with him the following year.", "contact"),
        ("Dr. Maggard is currently in France on what was supposed to be a family trip.", "trip"),
        ("At the end of the broadcast, one more trip around Havana to see what it's like.", "trip"),
        ("At that time, one in three visits to the site came from BBC News.", "visits"),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "private travel or contact", text
    # a state visit is a meeting, and so is a contact kept
    for text, trigger in (
        (
            "It has been less than a month since my first official visit to the Russian Federation.",
            "visit",
        ),
        (
            "Of course, we always stay in contact with each other and speak by phone regularly.",
            "contact",
        ),
    ):
        assert not coded(text, trigger).dropped, text


def test_task_nobody_set() -> None:
    # corpus (zelenskyy.csv, kremlin.ru): a task nobody sets asks nobody to act
    for text in (
        "My task as President is to protect our state.",
        "Well, Russian propagandists today have a rather difficult task.",
    ):
        draft = coded(text, "task")
        assert draft.dropped and draft.fired[-1] == "task nobody set", text
    # a task set or given is a request
    for text, trigger in (
        ("Regional administrations have been given a clear task to allocate land quickly.", "task"),
        ("So the tasks that I set before our government are not only to maintain growth.", "tasks"),
    ):
        draft = coded(text, trigger)
        assert draft.type == "REQUEST" and "task nobody set" not in draft.fired, text


def test_argument_noun_without_content() -> None:
    # corpus (putin.csv)
    text = (
        "When I spoke at the Davos Forum a year and a half ago, I also stressed that the era of a "
        "unipolar world order has come to an end."
    )
    draft = coded(text, "order")
    assert draft.dropped and draft.fired == ("argument noun without content",)


def test_fixed_phrase() -> None:
    # dev putin-122, putin-539 (transcripts)
    text = (
        "We are striving to create the most favourable conditions for the work of our companies "
        "in order to take our relations further."
    )
    draft = coded(text, "order")
    assert draft.dropped and draft.fired[-1] == "fixed phrase"
    text = "I would like to thank all those who were in charge of the operation for this work."
    assert coded(text, "charge").fired[-1] == "fixed phrase"
    assert not coded("He was arrested on a fresh charge of fraud.", "charge").dropped


# -- factuality ----------------------------------------------------------------------------------


def test_content_of_an_act() -> None:
    draft = coded("Pakistan has refused to provide military aid to Saudi Arabia.", "provide")  # PLV
    assert draft.fired[-1] == "content of an act"
    assert draft.content_of == "REJECT"
    assert draft.reading is not None and draft.reading.factuality == "negated"


def test_factuality_cues() -> None:
    """Plumbing, not a choice: every kept draft has its reading, and the rule is never named."""
    draft = coded("France will not lift the ban on UK unconditionally.", "lift")  # PLV
    assert draft.reading is not None and draft.reading.factuality == "negated"
    assert draft.content_of is None and "factuality cues" not in draft.fired


def test_readiness() -> None:
    draft = coded(READY, "ready")  # PLV
    assert draft.fired[-1] == "readiness"
    assert draft.reading is not None and draft.reading.factuality == "future"
    assert draft.reading.intended


# -- type and mode -------------------------------------------------------------------------------


def test_warned_to_act() -> None:
    # dev trnews-1110002 ("warned first responders to be vigilant") in kind
    text = "The health unit warned residents to stay away from the river after the spill."
    draft = coded(text, "warned")
    assert draft.type == "REQUEST" and "warned to act" in draft.fired
    # a warning of something, or that something will happen, stays a threat
    for text in (
        "Washington warned Iraq of military strikes.",
        "Prosecutors warned that they would seize the money.",
    ):
        draft = coded(text, "warned")
        assert draft.type == "THREATEN" and "warned to act" not in draft.fired, text


def test_sought_suspect() -> None:
    # dev timebank-NYT19981121.0173, timebank-APW19990506.0155 in kind (D83, D88)
    text = "Police released one of two men who were sought last week for questioning."
    draft = coded(text, "sought")
    assert (draft.type, draft.mode) == ("COERCE", "arrest") and "sought suspect" in draft.fired
    assert ids(draft.recipients)  # the two men
    draft = coded("Police said the man is wanted for murder.", "wanted")
    assert draft.type == "COERCE" and not draft.dropped
    # an act sought stays a request
    draft = coded("Extradition was sought by the prosecutors.", "sought")
    assert draft.type == "REQUEST" and "sought suspect" not in draft.fired


def test_wanted_person() -> None:
    # dev (local news headline; timebank wire): a participle the model tags as a past tense
    for text in (
        "Toronto family in shock, man wanted for murder in aunt's stabbing",
        "They had described him only as a material witness wanted for questioning -- not a suspect.",
    ):
        draft = coded(text, "wanted")
        assert (draft.type, draft.mode) == ("COERCE", "arrest") and not draft.dropped, text
        assert "wanted person" in draft.fired, text
        assert not draft.actor_heads and [t.text for t in draft.recipient_heads] in (
            ["man"],
            ["witness"],
        ), draft
    # a wish with an object or for people stays a wish
    draft = coded("We wanted for our children a better future.", "wanted")
    assert draft.type != "COERCE" and "wanted person" not in draft.fired


def test_wound_bearer() -> None:
    # dev (local news): the lexicon's wound rows, and who has the wound was hit
    draft = coded(
        "Police say James Suver, 25, of Columbia, had a single gunshot wound to the leg.", "wound"
    )
    assert (draft.type, draft.mode) == ("ASSAULT", "firearms") and "wound bearer" in draft.fired
    assert not draft.actor_heads and "Suver" in [t.text for t in draft.recipient_heads], draft
    draft = coded("Gibson said Vermelhudo came downstairs, suffering from stab wounds.", "wounds")
    assert (draft.type, draft.mode) == ("ASSAULT", "primitive") and not draft.dropped


def test_contained_act() -> None:
    # dev putin-432: the solidarity is felt by the speaker, with Russia
    text = '"We feel a sense of solidarity with Russia," Brazilian President Jair Bolsonaro said.'
    draft = coded(text, "solidarity")
    assert "contained act" in draft.fired and ids(draft.recipients) == ["russia"], draft
    assert [t.text for t in draft.actor_heads] == ["We"], draft
    # a count or a series is no container: the attacks are not the condemner's
    text = "The minister condemned the wave of attacks on Kyiv."
    assert "contained act" not in coded(text, "attacks").fired


def test_expressed_act() -> None:
    # dev zelenskyy-340: "state" is no support verb of the lexicon; its subject is ready
    text = (
        "The Prime Minister of Denmark stated readiness to support the program of post-war "
        "reconstruction of Ukraine."
    )
    draft = coded(text, "readiness")
    assert "expressed act" in draft.fired and ids(draft.actors) == ["denmark-prime-minister"]
    # dev timebank-AP900815-0044: the aid is in the "of" phrase of the support verb's object
    text = "Bush held out the prospect of more aid to Jordan if it cooperates with the embargo."
    draft = coded(text, "aid")
    assert "expressed act" in draft.fired and ids(draft.actors) == ["bush"], draft
    assert ids(draft.recipients) == ["jordan"], draft
    # a verb of judging another's act is none: the war crime is Russia's, not the condemner's
    text = "Today, we must be united in condemning this war crime of Russia."
    assert "expressed act" not in coded(text, "crime").fired
    # an attack held in a count is not the subject's ("a wave of attacks" condemned)
    text = "The minister condemned the wave of attacks on Kyiv."
    assert "expressed act" not in coded(text, "attacks").fired


def test_denied_accusation() -> None:
    # dev timebank-APW19980227.0487: the accusations she denies were made against her
    text = (
        "Margalit Har-Shefi also denied accusations made by Amir's brother, Hagai, that she "
        "joined an anti-Arab underground movement."
    )
    draft = coded(text, "accusations")
    assert "denied accusation" in draft.fired and ids(draft.recipients) == ["margalit-har-shefi"]
    # an accusation with a target of its own keeps it
    text = "Moscow rejected the accusations against Ukraine."
    draft = coded(text, "accusations")
    assert "denied accusation" not in draft.fired and ids(draft.recipients) == ["ukraine"]


def test_blast_toll_site() -> None:
    # dev timebank-XIE19980821.0077: the embassy a bombing hit is a target of its toll
    text = (
        "A nearly simultaneous car bombing outside the U.S. embassy in Tanzania killed 10 people "
        "and wounded about 70 others."
    )
    draft = coded(text, "killed")
    assert "blast toll site" in draft.fired and "u-s-embassy" in ids(draft.recipients), draft
    # an attack that is no blast: its site is where, not whom
    text = "The attack at the U.S. embassy killed 10 people."
    assert "blast toll site" not in coded(text, "killed").fired


def test_blast_site() -> None:
    # dev timebank-XIE19980808.0188, timebank-APW19980826.0389
    text = "Two bombs exploded outside U.S. embassies in Kenya and Tanzania Friday."
    draft = coded(text, "exploded")
    assert "blast site" in draft.fired and ids(draft.recipients) and not ids(draft.actors)
    text = (
        "The blast in Nairobi occurred at almost exactly the same moment as an explosion ripped "
        "through the American Embassy in Tanzania's commercial capital Dar es Salaam."
    )
    draft = coded(text, "explosion")
    assert "blast site" in draft.fired and ids(draft.recipients)
    # a blast in a town is no site with an actor of its own
    assert "blast site" not in coded("A bomb exploded in a market.", "exploded").fired
    # a text cut after the preposition: no "in front of" to read, and no crash
    assert "blast site" not in coded("A bomb exploded in", "exploded").fired


def test_intended_act_holder() -> None:
    # dev putin-22 (kremlin.ru readout)
    text = (
        "Vladimir Putin had a telephone conversation with President of Azerbaijan Ilham Aliyev. "
        "The two leaders emphasised the importance of stepping up practical bilateral cooperation."
    )
    draft = coded(text, "cooperation")
    assert "intended act holder" in draft.fired and draft.parties and not draft.dropped
    # one speaker stressing the importance of others' act states no intention of their own
    text = "He also stressed the importance of further strengthening sanctions against Russia."
    assert "intended act holder" not in coded(text, "sanctions").fired


def test_stated_intention() -> None:
    # dev putin-530
    text = (
        "The two leaders also confirmed their intention to further improve the Russia-Azerbaijan "
        "strategic partnership."
    )
    draft = coded(text, "partnership")
    # since readout17 the intention is itself the parties' AGREE (D7) and the partnership its
    # content, so the content rule gives the future reading first
    assert draft.reading is not None and draft.reading.factuality == "future"
    # dev putin-388: an importance the meeting's parties stress is their own intention
    text = (
        "In this context, the two leaders emphasised the importance of stepping up practical "
        "bilateral cooperation, including following their talks in Beijing on February 4."
    )
    draft = coded(text, "cooperation")
    assert "stated intention" in draft.fired
    assert draft.reading is not None and draft.reading.factuality == "future"


def test_parties_own() -> None:
    # dev putin-174 (a call readout): "their intention" is the meeting parties' own (D4, D7), not
    # the CSTO's that "their" resolved to before
    text = (
        "Telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev\n\n"
        "Vladimir Putin had a telephone conversation with President of Kazakhstan Kassym-Jomart "
        "Tokayev. The leaders discussed the situation in the CSTO. The leaders reaffirmed their "
        "intention to pursue overarching strengthening of Russia-Kazakhstan alliance and "
        "strategic partnership."
    )
    draft = coded(text, "intention")
    assert draft.type == "AGREE" and "parties' own" in draft.fired
    assert draft.parties and not draft.actors


def test_request_hoped_for() -> None:
    # dev zelenskyy-310: the requests an expectation wants from local authorities are the
    # expectation's one act (D28): the REQUEST is on "expect", "requests" is dropped
    text = "I stressed that we expect specific requests and proposals from local authorities."
    draft = coded(text, "requests")
    assert draft.dropped and draft.fired[-1] == "request hoped for"
    assert not coded(text, "expect").dropped


def test_fighting_for_an_outcome() -> None:
    # dev zelenskyy-15: fighting for what another party decides is lobbying, REQUEST (D61)
    text = (
        "Every day we fight for a positive decision of the European Union on the candidacy for "
        "Ukraine and for the supply of modern weapons - address by President Volodymyr Zelenskyy"
    )
    draft = coded(text, "fight")
    assert draft.fired[-1] == "fighting for an outcome" and draft.type == "REQUEST"


def test_approved_measure() -> None:
    # dev timebank-XIE19981203.0008, putin-207: approving a measure is AGREE (D92); an approved
    # request (timebank-NYT20000403.0463's visas) stays CONCEDE
    draft = coded(
        "The lower house already approved the enlargement move in early October this year.",
        "approved",
    )
    assert draft.fired[-1] == "approved measure" and draft.type == "AGREE"
    text = (
        "A comprehensive programme for Russian-Armenian cooperation in the field of energy and "
        "non-energy projects was also approved."
    )
    draft = coded(text, "approved")
    assert draft.fired[-1] == "approved measure" and draft.type == "AGREE"
    text = (
        "Late Monday, U.S. State Department officials said that travel visas had been approved "
        "for Elian's father, Juan Miguel Gonzalez, his immediate family and three other people."
    )
    draft = coded(text, "approved")
    assert "approved measure" not in draft.fired and draft.type == "CONCEDE"


def test_joining_an_alliance() -> None:
    # dev timebank-XIE19990227.0171, timebank-XIE19990313.0173: states joining NATO (D90)
    text = (
        "Poland, the Czech Republic and Hungary, who were invited to join NATO in Madrid in July "
        "1997, will officially join NATO on March 12 in a ceremony in Independence, Missouri."
    )
    draft = coded_all(text, "join")[-1]
    assert draft.fired[-1] == "joining an alliance" and draft.type == "COOPERATE"
    text = (
        "Among the first three former Warsaw Pact countries to accede to NATO on Friday were also "
        "Poland and the Czech Republic."
    )
    draft = coded(text, "accede")
    assert draft.fired[-1] == "joining an alliance" and draft.type == "COOPERATE"
    # dev GUM_news_imprisoned: a person joining an organisation is no alliance
    draft = coded("She joined the Sea Org aged 14.", "joined")
    assert "joining an alliance" not in draft.fired


def test_suspect_handed_over() -> None:
    # dev timebank-APW199980817.1193: a suspect handed over between states (D94)
    text = (
        "The warnings came after Pakistan handed over to Kenyan officials a suspect in the U.S. "
        "Embassy bombings, Mohammed Saddiq Odeh."
    )
    draft = coded(text, "handed")
    assert draft.fired[-1] == "suspect handed over" and draft.type == "COOPERATE"
    # written for this test: prisoners handed over are released, RETREAT
    draft = coded("The rebels handed over the prisoners to the Red Cross.", "handed")
    assert "suspect handed over" not in draft.fired and draft.type == "RETREAT"


def test_support_package() -> None:
    # dev zelenskyy-340, zelenskyy-229: support sent as a package is material aid
    for text in (
        "The United States has announced a new package of support for our state.",
        "The House of Representatives of the United States Congress voted for a new and "
        "significant package of support for our state and global democracy.",
    ):
        draft = coded(text, "support")
        assert draft.fired[-1] == "support package" and draft.type == "AID", text
    # dev zelenskyy-641: words of support stay support
    text = (
        "This is another important confirmation of Estonia's firm and unwavering support for "
        "Ukraine's sovereignty and territorial integrity."
    )
    draft = coded(text, "support")
    assert "support package" not in draft.fired and draft.type == "SUPPORT"


def test_verbal_attack() -> None:
    # dev GUM_news_defector, timebank-ABC19980120.1830.0957: a publication's and critics' attacks
    for text, trigger in (
        (
            "Montalvo had read an article in the Scientology propaganda publication Freedom "
            "Magazine, which attacked high-ranking defectors from the organization including Tom "
            "Devocht and Mark Rathbun.",
            "attacked",
        ),
        ("Now critics of the academy are targeting its owner, the Saudi government.", "targeting"),
    ):
        draft = coded(text, trigger)
        assert draft.fired[-1] == "verbal attack", text
        assert (draft.type, draft.mode) == ("ACCUSE", "disapprove")
    # dev trnews-1350001: an attack with an iron bar stays an assault
    text = (
        "In the weeks leading up to the stabbing, Hickson said one of Kadro's associates attacked "
        "him with an iron bar over the theft of money."
    )
    assert coded(text, "attacked").type == "ASSAULT"


def test_toll_left_behind() -> None:
    # dev trnews-1130003, trnews-1360003: the wounded an attack left behind are its toll, no attack of their own
    for text, trigger in (
        (
            "The attack left one officer dead and three people wounded before police shot and "
            "killed the attacker.",
            "wounded",
        ),
        ("In May, a stabbing spree in Guizhou province left two dead and 18 injured.", "injured"),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "toll left behind", text
    # dev timebank-XIE19980821.0077: wounding done by the attack itself stays
    text = (
        "A nearly simultaneous car bombing outside the U.S. embassy in Tanzania killed 10 people "
        "and wounded about 70 others."
    )
    draft = coded(text, "wounded")
    assert draft.type == "ASSAULT" and "toll left behind" not in draft.fired


def test_asylum_sought() -> None:
    # dev GUM_news_questionnaire, timebank-NYT20000424.0319: asylum processed or sought
    for text in (
        "Reports: 'streamlined' UK asylum process to replace interview with questionnaire for "
        "five nationalities",
        "The forms are part of Prime Minister Rishi Sunak's effort to clear the nation's 92,000 "
        "asylum claim- 'legacy backlog' by year end.",
        "Elian printed his name on an application for asylum and was put in front of a video "
        "camera.",
    ):
        draft = coded(text, "asylum")
        assert draft.dropped and draft.fired[-1] == "asylum sought", text
    # PLV: asylum granted is aid (the verb's row: the noun is its word)
    granted = coded("Ecuador has granted political asylum to Julian Assange.", "granted")
    assert granted.type == "AID" and not granted.dropped


def test_honour_felt() -> None:
    # dev putin-432, putin-490: the speaker honoured thanks the one addressed
    for text in (
        "It is a great pleasure, your invitation is a great honour for me.",
        "I always consider a personal meeting with you a great honour for me.",
    ):
        draft = coded(text, "honour")
        assert draft.type == "SUPPORT" and "honour felt" in draft.fired, text
        assert [t.lower_ for t in draft.recipient_heads] in (["your"], ["you"])
        assert [t.lower_ for t in draft.actor_heads] == ["me"]


def test_warning_of_no_act() -> None:
    # dev trnews-1020008: forecasts of weather and delays threaten no one (D25)
    for text in (
        "The Met Office warned of cloudy weather throughout Saturday evening in London, with "
        "areas of mist and fog becoming widespread.",
        "BA warned that there would be knock-on delays due to disruption at Heathrow.",
    ):
        draft = coded(text, "warned")
        assert draft.dropped and draft.fired[-1] == "warning of no act", text
    # dev timebank-wsj_0778, timebank-PRI19980205.2000.1890: a doer, someone warned, a condition
    for text, trigger in (
        (
            "And defense lawyers are warning that they won't stick around if they don't get paid.",
            "warning",
        ),
        (
            "Washington and London are virtually alone in warning Iraq of military strikes if it "
            "doesn't back down on the weapons inspection issue.",
            "warning",
        ),
    ):
        assert not coded(text, trigger).dropped, text


def test_phone_call() -> None:
    # PLV
    text = (
        "Later on Thursday, Erdogan discussed Libya with U.S. President Donald Trump in a phone "
        "call, the Turkish presidency said without providing more details."
    )
    draft = coded(text, "discussed")
    assert draft.fired[-1] == "phone call"
    assert (draft.type, draft.mode) == ("CONSULT", "phone")


def test_cyber_attack() -> None:
    # dev GUM_news_hackers
    text = (
        'The attack was launched on Wednesday by a user labelled "Anonymous", on the website '
        '"Insurgency Wiki", a spinoff of 4chan.'
    )
    draft = coded(text, "attack")
    assert draft.fired[-1] == "cyber attack"
    assert (draft.type, draft.mode) == ("COERCE", "cyber")


def test_named_deed() -> None:
    # dev zelenskyy-641, zelenskyy-188, zelenskyy-14 (records D26)
    for text, trigger in (
        (
            '"This is a new act of aggression against Ukraine, which requires an immediate and '
            "decisive response from international partners and the international community.",
            "aggression",
        ),
        (
            "This is what will be qualified as the genocide of the Ukrainian people and for "
            "which the occupiers will definitely be brought to justice.",
            "genocide",
        ),
        ("This is Russia's attack against the whole free Europe.", "attack"),
    ):
        draft = coded(text, trigger)
        assert draft.type == "ACCUSE" and "named deed" in draft.fired, (text, draft.type)
    # an attack told as such stays an attack
    draft = coded("This attack on the city began at dawn.", "attack")
    assert draft.type == "ASSAULT" and "named deed" not in draft.fired


def test_named_deed_accuses_its_doer() -> None:
    # dev zelenskyy-14 (records D11, D26): the president's address accuses Russia, the deed's
    # doer; the values attacked are not accused of anything
    text = (
        "We will continue to evacuate our people - address by the President of Ukraine\n"
        "What is this? This is Russia's attack against the whole free Europe – against our "
        "common values."
    )
    doc = make_document(
        text, "2022-05-06", stages=BEFORE_EVENTS, url="https://www.president.gov.ua/en/news/x"
    )
    [draft] = [d for s in doc.parsed.sents for c, d in drafts(doc, s) if c.trigger.text == "attack"]
    assert draft.type == "ACCUSE" and "named deed" in draft.fired
    assert ids(draft.recipients) == ["russia"]
    assert ids(draft.actors) and "russia" not in ids(draft.actors)


def test_named_deed_by_a_deed_or_a_describing_verb() -> None:
    # dev timebank-NYT19981025.0188, timebank-XIE19980808.0031 (records D11, D26): a deed the
    # copula's subject tells, and a deed a verb describes "as" something, are named as a charge
    for text, trigger in (
        (
            "The murder of Dr. Barnett Slepian is the latest depraved assault on the small "
            "number of courageous physicians who perform abortions.",
            "assault",
        ),
        (
            "A statement by the Foreign Affairs Department described the attacks as senseless.",
            "attacks",
        ),
    ):
        draft = coded(text, trigger)
        assert draft.type == "ACCUSE" and "named deed" in draft.fired, (text, draft.type)
    # a place the copula's subject names is no deed told: the attack stays an attack
    draft = coded("Benghazi was a planned attack by Al Qaeda affiliate Ansar al-Sharia.", "attack")
    assert "named deed" not in draft.fired


def test_named_deed_charges_the_subject_deeds_doer() -> None:
    # dev zelenskyy-641 (records D11, D26): the decision's maker is charged, not the attacked
    text = (
        "Volodymyr Zelenskyy: By recognizing independence of certain districts, Russia is "
        "creating a legal basis for further armed aggression against Ukraine\n"
        "The decision of the Russian Federation to recognize the terrorist groups operating in "
        "the temporarily occupied territories of the Donetsk and Luhansk regions is another "
        "manifestation of aggression against Ukraine."
    )
    doc = make_document(
        text, "2022-02-22", stages=BEFORE_EVENTS, url="https://www.president.gov.ua/en/news/x"
    )
    [draft] = [
        d
        for s in doc.parsed.sents
        for c, d in drafts(doc, s)
        if c.trigger.text == "aggression" and c.trigger.i > 30
    ]
    assert draft.type == "ACCUSE" and "named deed" in draft.fired
    assert ids(draft.recipients) == ["russia"]


def test_named_deed_with_no_sayer_charges_no_victim() -> None:
    # dev timebank-NYT19981025.0188 (records D11, D26): the editorial's charge names no doer of
    # the murder; the physicians the assault was on are its victims, not the charged
    draft = coded(
        "The murder of Dr. Barnett Slepian is the latest depraved assault on the small "
        "number of courageous physicians who perform abortions.",
        "assault",
    )
    assert draft.type == "ACCUSE" and "named deed" in draft.fired
    assert ids(draft.recipients) == []


def test_named_deed_counted_in_a_partitive() -> None:
    # dev zelenskyy-120 (records D11, D26): "one of Russia's war crimes" completing "This is"
    # names the deed told before as a charge against its doer, no new attack
    title = "Our people deported - address by the President of Ukraine\n"
    url = "https://www.president.gov.ua/en/news/x"
    text = title + "This is one of Russia's most heinous war crimes."
    doc = make_document(text, stages=BEFORE_EVENTS, url=url)
    [draft] = coded_in(doc, "crimes")
    assert draft.type == "ACCUSE" and "named deed" in draft.fired
    assert ids(draft.recipients) == ["russia"]


def test_label_counted_in_a_partitive_judges_the_subject() -> None:
    # dev putin-577 (records D20): "one of our allies" completing the copula praises its subject,
    # not no one
    draft = coded("Tajikistan is one of our most reliable, loyal and close allies.", "allies")
    assert draft.type == "SUPPORT" and not draft.dropped
    assert ids(draft.recipients) == ["tajikistan"]


# -- the table -----------------------------------------------------------------------------------


def test_every_rule_has_a_test_here() -> None:
    here = vars(sys.modules[__name__])
    missing = [
        rule.name
        for rule in RULES
        if f"test_{rule.name.replace(' ', '_').replace(chr(39), '')}" not in here
    ]
    assert not missing, f"rules with no test in tests/test_event_rules.py: {missing}"


def test_rules_are_named_once_and_say_why() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.why and "\n" not in rule.why, rule.name
        assert rule.step in Step and rule.on in {None, "verb", "adj", "noun"}, rule.name
        assert "," not in rule.name and ";" not in rule.name  # the record joins names with them


@pytest.mark.parametrize(
    ("text", "trigger", "rule"),
    [
        (
            "Saudi Arabia lifted its blockade of Yemen.",
            "lifted",
            "; rules: verb subject, verb objects, object target",
        ),
        ("The United Nations failed to renew the arms embargo on Iran.", "embargo",
         "; rules: support verb subject, noun recipient"),
    ],
)  # fmt: skip
def test_the_record_names_the_rules_that_fired(text: str, trigger: str, rule: str) -> None:
    doc = make_document(text, stages=(*BEFORE_EVENTS, "events"))
    (event,) = [e for e in doc.extraction.events if e.trigger.text == trigger]
    assert event.rule is not None and event.rule.startswith("lexicon ")
    assert event.rule.endswith(rule)


# -- the docs page (docs/rules.md, "Add a rule to the event coder") ------------------------------

RULES_PAGE = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def _between(marker: str) -> str:
    page = RULES_PAGE.read_text(encoding="utf-8")
    return page.split(f"<!-- {marker}:start -->")[1].split(f"<!-- {marker}:end -->")[0]


def test_the_docs_table_lists_every_rule_in_order() -> None:
    listed = re.findall(r"^\| \d+ \| `([^`]+)`", _between("event-rules-table"), re.MULTILINE)
    assert listed == [rule.name for rule in RULES], (
        "docs/rules.md's table of the event coder's rules differs from events/rules.py RULES"
    )


def test_the_docs_example_prints_what_the_page_shows(capsys: pytest.CaptureFixture[str]) -> None:
    block = _between("event-rules-example")
    code = block.split("```python\n")[1].split("```")[0]
    shown = block.split("```console\n")[1].split("```")[0]
    exec(compile(code, str(RULES_PAGE), "exec"), {})
    assert capsys.readouterr().out == shown


def test_jailing_is_the_sentencing_court_s() -> None:
    # dev trnews-1350001: jailed and imprisoned for an offence by the court of the case, not by
    # the police who arrested the men
    text = (
        "Police arrested seven men after the brawl in Upper Edmonton. The men were sentenced at "
        "Wood Green Crown Court on Friday. Bozkina and Glowacki were jailed for affray and "
        "possession of an offensive weapon."
    )
    draft = coded(text, "jailed")
    assert ids(draft.actors) == ["wood-green-crown-court"], ids(draft.actors)


def test_justice_agent_is_the_case_s_main_agency() -> None:
    # dev timebank-XIE19980821.0077: the probe is the FBI's, named most, not the Kenyan police
    # named last in passing
    text = (
        "Freeh said the bombing investigators from the FBI have made very good progress on the "
        "case. The FBI chief also said that he is very satisfied with the cooperation among the "
        "FBI agents and the police in Kenya and Tanzania. He said the air raid is not directly "
        "linked with the probe into the August 7 bombings in east Africa."
    )
    draft = coded(text, "probe")
    assert "justice agent" in draft.fired
    assert ids(draft.actors) == ["fbi"]


def test_justice_agent_is_the_agency_named_most() -> None:
    # dev timebank-APW19990506.0155: the warrants are the FBI's, named twice, not those of the
    # "Canadian police" the actors stage made of "Investigators", "investigators" and "an
    # off-duty police officer" (role nouns name no agency)
    text = (
        "Federal and state arrest warrants were issued for James C. Kopp, 44, of St. Albans, Vt. "
        "His whereabouts are unknown.\n"
        "``We have probable cause to believe this man, James Kopp, is responsible for the death "
        "of Dr. Barnett Slepian,'' FBI agent Bernard Tolbert said.\n"
        "Investigators have been searching for Kopp since shortly after the Oct. 23 slaying. "
        "In response to the new charges, Canadian officials confirmed that Kopp is a suspect in "
        "sniper shootings that injured abortion doctors in November. "
        "Investigators would not divulge the evidence against Kopp. "
        "His car was found abandoned at Newark International Airport in December, investigators "
        "said. Kopp is now the second anti-abortion activist being sought by the FBI as a "
        "suspect in a fatal attack. Eric Rudolph has been on the run since the January 1998 "
        "bombing of a Birmingham, Ala., abortion clinic that killed an off-duty police officer "
        "and maimed a nurse."
    )
    draft = coded(text, "arrest")
    assert "justice agent" in draft.fired
    assert ids(draft.actors) == ["fbi"]


def test_intended_act_holder_parties_beat_the_acts_own_states() -> None:
    # dev putin-530: the leaders who state the intention act (D4, D7), not the states the
    # partnership's modifier names
    text = (
        "The two leaders also confirmed their intention to further improve the Russia-Azerbaijan "
        "strategic partnership."
    )
    draft = coded(text, "partnership")
    assert "intended act holder" in draft.fired and draft.parties
    assert ids(draft.own) == [] and ids(draft.actors) == []


@pytest.mark.parametrize(
    ("name", "sentence", "trigger", "dead"),
    [
        # dev zelenskyy-120 (a speech naming child victims, the rules alone gave the speaker's
        # country as the target of the attack on the address's home ground)
        ("zelenskyy-120", "She died on the second day of a full-scale war", "shelling", "Alisa"),
        ("zelenskyy-120", "They died as a result of the Russian shelling", "shelling", "Polina"),
        # dev zelenskyy-228
        ("zelenskyy-228", "This is 21-year-old lieutenant Vitalii Sapilo", "strike", "Sapilo"),
    ],
)
def test_died_of_an_attack(name: str, sentence: str, trigger: str, dead: str) -> None:
    events, actors = dev_sentence_events(name, sentence)
    attack = [e for e in events if e.type == "ASSAULT" and e.trigger.text == trigger]
    assert attack, [(e.type, e.trigger.text) for e in events]
    assert any(dead in actors[i].name for i in attack[0].recipients), [
        actors[i].name for i in attack[0].recipients
    ]


def test_ignored_wrongdoing() -> None:
    # dev putin-316: ignoring another's criminal act is a charge against who ignores it (D102)
    text = (
        "The President of Russia emphasised the fact that in their public assessments of the "
        "developments, the European Union leaders ignored yesterday's criminal and inhumane act "
        "by the Ukrainian military– a missile strike at a residential area in the centre of "
        "Donetsk using a cluster munition which brought about multiple casualties among the "
        "civilian population."
    )
    draft = coded(text, "ignored")
    assert draft.type == "ACCUSE" and draft.fired[-1] == "ignored wrongdoing"
    assert ids(draft.recipients) == ["european-union"]
    # dev timebank-PRI19980303.2000.2550: ignoring objections is no charge, the lexicon's REJECT
    text = (
        "Loudon county officials say they'll rule on the application based only on land use "
        "issues and ignore all the other objections."
    )
    assert coded(text, "ignore").type == "REJECT"


def test_finding_of_no_attack() -> None:
    # dev timebank-NYT19990505.0443: officials' conclusion that a named person did a killing
    # accuses him (records DECISIONS.md D98)
    text = (
        "Federal law enforcement officials said Wednesday that they had concluded that James "
        "Kopp, an impassioned and nomadic opponent of abortion, fired the shots that killed a "
        "Buffalo, N.Y., abortion-clinic doctor last October."
    )
    draft = coded(text, "concluded")
    assert draft.type == "ACCUSE" and not draft.dropped and "alleged doer" in draft.fired
    assert ids(draft.recipients) == ["james-kopp"]
    # dev timebank-APW19980219.0476: a finding that he was killed, its killers unnamed (D98)
    text = (
        "Nhek Bunchhay said he now believed Howes had been killed within a week of his capture "
        "by a Khmer Rouge faction loyal to Pol Pot, then the guerrilla group's leader."
    )
    draft = coded(text, "believed")
    assert draft.type == "ACCUSE" and not draft.dropped
    # dev timebank-XIE19981203.0008, putin-476: a conclusion or belief of no attack accuses no one
    for text, trigger in (
        (
            "The ratification process of NATO enlargement concluded on Wednesday after the "
            "Netherlands gave its go-ahead.",
            "concluded",
        ),
        ("I believe that Argentina could become Russia's gateway to Latin America.", "believe"),
    ):
        assert coded(text, trigger).fired[-1] == "finding of no attack"
        assert coded(text, trigger).dropped


def test_promised_conflict_act() -> None:
    # dev timebank-APW19980213.1380 (wirereq30): a promise to kill is a threat (D25), not an AGREE
    text = (
        "Kidnappers kept their promise to kill a store owner they took hostage and police found "
        "the man's dismembered and decapitated body Friday wrapped in plastic garbage bags."
    )
    draft = coded(text, "promise")
    assert draft.type == "THREATEN" and draft.mode == "violence"
    assert "promised conflict act" in draft.fired
    # a promise of cooperation stays the lexicon's AGREE
    assert coded("The minister promised to help the flood victims.", "promised").type == "AGREE"


def test_hunt_for_no_suspect() -> None:
    # dev trnews (local) and timebank-APW19990122.0193, timebank-XIE19980812.0062 (wire): the
    # police looking for people, a hunt for a suspect or for a named fugitive by a search noun
    # are a manhunt, [COERCE, ACCUSE] (records DECISIONS.md D83, D54)
    for text, trigger in (
        (
            "Police, who say she was released by her captors, are looking for two women in "
            "connection with her abduction.",
            "looking",
        ),
        (
            "A rifle found near the home of a slain abortion doctor may yield important clues "
            "for investigators trying to track down the gunman.",
            "track",
        ),
        (
            "Tanzanian police said on Tuesday they had arrested 14 foreigners in their search "
            "for bombers.",
            "search",
        ),
    ):
        draft = coded(text, trigger)
        assert draft.type == "COERCE" and not draft.dropped, text
    # dev putin-112 (speech): looking or searching for anything else is no event
    for text, trigger in (
        (
            "We will have to focus more on the import substitution strategy and look for new "
            "partners in the countries that are ready to cooperate.",
            "look",
        ),
        (
            "Instead of admitting their mistakes, they are looking for a guilty party elsewhere.",
            "looking",
        ),
        (
            "Our country is always open to a direct and honest dialogue and ready to search for "
            "diplomatic solutions to the most complicated issues.",
            "search",
        ),
    ):
        draft = coded(text, trigger)
        assert draft.dropped and draft.fired[-1] == "hunt for no suspect", text


def test_suspicion_of_an_offence() -> None:
    # dev timebank-APW19980322.0749: an arrest "on suspicion of" an offence charges it (D8, D33)
    draft = coded("Police arrested six Protestants on suspicion of rioting.", "suspicion")
    assert draft.type == "ACCUSE" and not draft.dropped
