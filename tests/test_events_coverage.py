"""Verbal, nominal and justice events the PLOVER manual codes (issue 11, "Coverage"): each case is
one lexicon row or rule, on a sentence written for the test (never the example article's)."""

from __future__ import annotations

import pytest

from conftest import make_document

STAGES = ("segment", "actors", "events")

CASES = [
    ("The minister said she was grateful to Japan for its help.", "grateful", "SUPPORT"),
    ("We appreciate the efforts of the Red Cross.", "appreciate", "SUPPORT"),
    ("The president awarded the pilots the title Hero of Ukraine.", "awarded", "SUPPORT"),
    ("Kerry contacted the Thai foreign minister on Tuesday.", "contacted", "CONSULT"),
    ("The two leaders touched upon the issue of energy supplies.", "touched", "CONSULT"),
    ("He addressed the Parliament of Portugal by video link.", "addressed", "CONSULT"),
    ("Detectives interrogated the suspect for two hours.", "interrogated", "ACCUSE"),
    ("Investigators identified a suspect on Friday.", "identified", "ACCUSE"),
    ("The man is in a Winnipeg jail.", "jail", "COERCE"),
    ("Hackers attacked the website of the ministry.", "attacked", "COERCE"),
    ("The two armies exchanged fire across the border.", "exchanged", "ASSAULT"),
    ("Moscow is accumulating forces near the border.", "accumulating", "MOBILIZE"),
    ("The sides reaffirmed their readiness to cooperate.", "readiness", "AGREE"),
    ("All prisoners are guaranteed medical aid.", "guaranteed", "AGREE"),
    ("Ukraine rejected Germany's call for talks.", "call", "REQUEST"),
    ("The navy rescued 200 migrants off the coast.", "rescued", "AID"),
    ("Officials said the sanctions were unacceptable.", "unacceptable", "ACCUSE"),
    ("He was released on bail on Thursday.", "released", "RETREAT"),
    ("The government held Hamas responsible for the attack.", "held", "ACCUSE"),
    ("Residents gathered at a rally outside city hall.", "rally", "PROTEST"),
    # dev trnews-1090001: a not-guilty plea denies the charge ('not' hangs on 'guilty')
    (
        "However, Hickson had pleaded not guilty to murder, saying he acted in self-defence.",
        "pleaded",
        "REJECT",
    ),
    # dev putin-451: bringing to account (to justice) is prosecution (D8)
    (
        "Of course, the culprits will be exposed and, most importantly, brought to account.",
        "brought",
        "ACCUSE",
    ),
    # dev putin-788, zelenskyy-275: praise of another state, and condolences, are support (D20)
    ("Finland is our reliable partner and a close neighbour.", "partner", "SUPPORT"),
    ("My sincere condolences to relatives and friends.", "condolences", "SUPPORT"),
    # dev zelenskyy-322: a stated need of what others should give is a request (D6, D22)
    (
        "At the same time, he stressed that the war continues and the Ukrainian state needs "
        "further assistance.",
        "needs",
        "REQUEST",
    ),
    # dev trnews-1350001, timebank-NYT19990419.0515: a conviction is ACCUSE (D8), an acquittal
    # CONCEDE
    (
        "Seven men were convicted over the brawl that took place on a deserted street in Upper "
        "Edmonton on 25 February last year.",
        "convicted",
        "ACCUSE",
    ),
    (
        "New York State double-jeopardy laws would make it difficult to prosecute a suspect who "
        "had been found not guilty at a federal trial.",
        "found",
        "CONCEDE",
    ),
    ("The mayor held a town hall with residents on Monday.", "hall", "CONSULT"),
    ("The province acquired the farm through expropriation.", "expropriation", "COERCE"),
    # pos27: nominal uses the parser tags NOUN where only the verb had rows, and a suspect
    # named by a verb (dev sentences it was missed in)
    # dev putin-445: goods supplied (manual: AID; D116)
    (
        "Vladimir Putin and Emmanuel Macron also discussed the situation concerning provocative "
        'speculations regarding the allegedly planned Russian"invasion" of Ukraine, which is '
        "accompanied by massive supplies of modern weaponry to Ukraine, thus creating conditions "
        "for possible aggressive actions by the Ukrainian military in Donbass.",
        "supplies",
        "AID",
    ),
    # dev zelenskyy-207: the places an attacker strikes (manual: ASSAULT)
    (
        "Severodonetsk and other cities in Donbas remain the main targets for the occupiers.",
        "targets",
        "ASSAULT",
    ),
    # dev timebank-NYT19981121.0173: naming a suspect is a charge (D94)
    (
        "Moskal emphasized that no one has been named as a suspect in Slepian's death.",
        "named",
        "ACCUSE",
    ),
    # lexicon28: lemmas of dev misses the lexicon had no row for (dev sentences they were missed in)
    # dev timebank-NYT20000113.0267: a congressional subpoena (D110)
    (
        "Already one grandstanding Indiana Republican has subpoenaed Elian to testify before a "
        "House panel, and others in the Senate are preparing to do the same.",
        "subpoenaed",
        "REQUEST",
    ),
    # dev zelenskyy-606: cutting a state off SWIFT (manual: SANCTION)
    (
        "Thanks to active diplomacy, we've convinced all European countries to disconnect Russia "
        "from SWIFT.",
        "disconnect",
        "SANCTION",
    ),
    # dev zelenskyy-79, trnews-1350001: fighting between two sides (D131, D38)
    (
        "According to the results of this day, the 105th day of the full-scale war, Severodonetsk "
        "remains the epicenter of the confrontation in Donbas.",
        "confrontation",
        "ASSAULT",
    ),
    # dev zelenskyy-228, timebank-XIE19980812.0062: praise (manual: SUPPORT)
    (
        "Today the whole world witnesses this and admires the heroism of Ukrainians.",
        "admires",
        "SUPPORT",
    ),
    (
        "U.S. Secretary of State Madeleine Albright said on Tuesday that she was heartened by "
        "cooperation from Kenya and Tanzania in probing into last Friday's bombings of U.S. "
        "embassies.",
        "heartened",
        "SUPPORT",
    ),
    # dev timebank-AP900816-0139: a charge against another's words (manual: ACCUSE)
    (
        "Replied State Department deputy spokesman Richard Boucher, ``We haven't really analyzed "
        "the statement in detail but it appears to be just another example of his outlandish "
        "rhetoric and his attempts to distort the truth.",
        "rhetoric",
        "ACCUSE",
    ),
    (
        "The men were not termed suspects, and FBI officials on Saturday played down the "
        "likelihood that either was involved in the Oct. 23 killing of the doctor, Barnett "
        "Slepian.",
        "termed",
        "ACCUSE",
    ),
]

# Rows taken from PETRARCH2's CAMEO verb dictionary (notes "PETRARCH2 CAMEO.2.0 ..."): a verb of a
# block with a default code, or a '- * OBJECT' pattern that settles a verb's type. One sentence
# each, written for the test.
CAMEO_CASES = [
    ("The opposition leader castigated the government for the delay.", "castigated", "ACCUSE"),
    ("The minister lashed out at the central bank on Monday.", "lashed", "ACCUSE"),
    ("Kyiv pinned the blame on Moscow for the blackout.", "pinned", "ACCUSE"),
    ("The parliament set up an inquiry into the arms deal.", "set", "ACCUSE"),
    ("The foreign ministry expressed its disapproval of the vote.", "disapproval", "ACCUSE"),
    ("The president attacked the court's decision.", "attacked", "ACCUSE"),
    ("The two ministers traded accusations at the summit.", "traded", "ACCUSE"),
    ("The court overruled the ministry's decision.", "overruled", "REJECT"),
    ("Iran reneged on the nuclear deal with the European Union.", "reneged", "REJECT"),
    ("The government refuted the report.", "refuted", "REJECT"),
    ("The ambassador delivered a warning to the Iranian government.", "delivered", "THREATEN"),
    ("The rebels vowed revenge against the army.", "vowed", "THREATEN"),
    ("Activists entreated the governor to pardon the prisoner.", "entreated", "REQUEST"),
    ("The unions insisted on new talks with the government.", "insisted", "REQUEST"),
    ("Rebels blew up a gas pipeline near the border.", "blew", "ASSAULT"),
    ("Gunmen gunned down a judge in Kabul.", "gunned", "ASSAULT"),
    ("Militants beheaded two hostages.", "beheaded", "ASSAULT"),
    ("Israeli troops returned fire.", "returned", "ASSAULT"),
    ("Russian aircraft dropped bombs on the village.", "dropped", "ASSAULT"),
    ("Russia annexed Crimea in 2014.", "annexed", "COERCE"),
    ("The authorities incarcerated the activist without trial.", "incarcerated", "COERCE"),
    ("Turkey closed its airspace to Russian planes.", "closed", "COERCE"),
    ("The United States froze the assets of the oligarch.", "froze", "COERCE"),
    ("Police dispersed the protesters with batons.", "dispersed", "COERCE"),
    ("Moscow amassed troops on the border.", "amassed", "MOBILIZE"),
    ("The army called up reservists.", "called", "MOBILIZE"),
    ("Poland withdrew its ambassador after the vote.", "withdrew", "SANCTION"),
    ("Demonstrators chanted slogans against the government.", "chanted", "PROTEST"),
    ("Rioters vandalized the city hall.", "vandalized", "PROTEST"),
    ("The cabinet gave the green light to the pipeline.", "gave", "AGREE"),
    ("Egypt brokered a ceasefire between Israel and Hamas.", "brokered", "CONSULT"),
    ("EU leaders convened in Brussels on Friday.", "convened", "CONSULT"),
    ("The Kremlin sent an envoy to Ankara.", "sent", "CONSULT"),
    ("President Macron extolled the bravery of the rescuers.", "extolled", "SUPPORT"),
    ("The two countries mended relations after the dispute.", "mended", "SUPPORT"),
    ("Turkey reopened its embassy in Damascus.", "reopened", "SUPPORT"),
    ("The rebels capitulated after a week.", "capitulated", "CONCEDE"),
    ("The court exonerated the former minister.", "exonerated", "CONCEDE"),
    ("The government lifted restrictions on the press.", "lifted", "CONCEDE"),
    ("Russia and Ukraine exchanged prisoners on Sunday.", "exchanged", "RETREAT"),
    ("Russia and Ukraine carried out a prisoner exchange.", "exchange", "RETREAT"),
    ("The European Union eased sanctions on Belarus.", "eased", "RETREAT"),
    ("Germany sold weapons to Egypt.", "sold", "COOPERATE"),
    ("Poland sheltered two million Ukrainians.", "sheltered", "AID"),
    ("The World Bank wrote off Haiti's debt.", "wrote", "AID"),
    ("The United Nations rushed aid to the flood victims.", "rushed", "AID"),
    ("France dispatched peacekeepers to Mali.", "dispatched", "AID"),
    # dev zelenskyy-660: a ceasefire violation is a breach of the ceasefire, not a charge
    (
        "In particular, he reported a significant number of violations of the ceasefire by "
        "illegal armed groups.",
        "violations",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), CASES, ids=[c[1] for c in CASES])
def test_event_is_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "trigger", "kind"), CAMEO_CASES, ids=[f"{c[1]}-{c[2]}" for c in CAMEO_CASES]
)
def test_cameo_row_is_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "mode"),
    [
        ("Police fired tear gas at the crowd.", "fired", "ASSAULT", "crowd-control"),
        ("Protesters burned an effigy of the president.", "burned", "PROTEST", "demo"),
    ],
)
def test_cameo_pattern_sets_the_mode(text: str, trigger: str, kind: str, mode: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.mode, e.trigger.text) for e in doc.extraction.events]
    assert (kind, mode, trigger) in found, found


@pytest.mark.xfail(
    strict=True,
    reason="filter2 retrained on round 18's rules (292-article dev) drops the COOPERATE "
    "'sharing' (filter off, the rules code it): a known regression",
)
def test_intelligence_sharing_is_cooperate() -> None:
    # corpus (zelenskyy): 'sharing of intelligence' (manual: COOPERATE)
    text = (
        "Partners could help us in the fields of intelligence sharing, information security, "
        "cyber security, maritime security."
    )
    doc = make_document(text, stages=STAGES)
    assert ("COOPERATE", "sharing") in [(e.type, e.trigger.text) for e in doc.extraction.events]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The bill addresses the shortage of teachers.", "addresses"),  # an issue, not an audience
        ("The report was critical.", "critical"),  # no "of": no act
        ("She is grateful.", "grateful"),  # thanks to nobody
    ],
)
def test_no_event_without_its_complement(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    assert trigger not in {e.trigger.text for e in doc.extraction.events}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Monday, March 27, 2006", "March"),  # a date, not a march
        ("Migrants and asylum seekers waited at the port.", "asylum"),  # a modifier only
        ("Argentina faces challenging economic issues.", "challenging"),  # a participle
        ("I am grateful to everyone who defends the state.", "defends"),  # a kind of people
        ("The country hosted the Winter Olympics.", "hosted"),  # a host of no one
        ("The minister demonstrated that unity is possible.", "demonstrated"),  # no protest
        ("The crisis continued during the war.", "war"),  # a frame, nobody's act
        ("He presented the Order of the Golden Star to the colonel.", "Order"),  # a name
        ("Before delivering this address, he signed a decree.", "delivering"),  # no aid
        ("The company fired 200 workers.", "fired"),  # a dismissal, no shooting (CAMEO 160)
        ("The ministry released a statement on Friday.", "released"),  # no one freed (CAMEO 010)
        ("The president signed a decree on the census.", "signed"),  # no agreement (CAMEO 100)
        ("Attorneys for the defendant declined to comment on the case.", "declined"),  # D77
        # dev timebank-APW19990122.0193, timebank-APW19980219.0476: a source's anonymity
        ("Both officials requested anonymity.", "requested"),
        (
            "But there is no evidence in either direction _ that there is proof of life or "
            "death,'' said a Foreign Office spokesman, speaking with customary anonymity.",
            "speaking",
        ),
        # dev timebank-APW19980807.0261, trnews-1200001: a source's anonymity (D77) and a
        # patient's own choice (D13) refuse nothing to anyone
        (
            "``It was definitely a bomb,'' said a U.S. Embassy official in Nairobi, who refused "
            "to identify himself.",
            "refused",
        ),
        (
            "Kody Berrey had minor injuries and refused treatment, the Highway Patrol reported.",
            "refused",
        ),
        # dev trnews-1200001: a vehicle overturning rejects nothing (no object, no act)
        (
            "The vehicle then crossed back over the road and overturned several times at nearly "
            "8 p.m on Friday.",
            "overturned",
        ),
        # dev trnews-1350001: 'took place on a deserted street' is no taking to the streets
        (
            "Seven men were convicted over the brawl that took place on a deserted street in "
            "Upper Edmonton on 25 February last year.",
            "took",
        ),
    ],
)
def test_no_event_where_the_word_names_none(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    assert trigger not in {e.trigger.text for e in doc.extraction.events}


def test_an_attack_on_a_website_is_a_cyber_coercion() -> None:
    doc = make_document("The hackers said the attack on the website would go on.", stages=STAGES)
    assert ("COERCE", "attack") in {(e.type, e.trigger.text) for e in doc.extraction.events}


def test_readout_verbs_and_their_arguments() -> None:
    found = {}
    for text in (
        "Zelenskyy briefed Joe Biden on the results of the negotiations.",
        "Macron expressed concern over the shelling of the plant.",
        "Putin spoke in favor of expanding trade.",
        "Zelenskyy thanked Boris Johnson for the powerful defense assistance.",
    ):
        doc = make_document(text, stages=STAGES)
        names = {a.id: a.name for a in doc.extraction.actors}
        for e in doc.extraction.events:
            found[e.trigger.text] = (e.type, [names[a] for a in e.actors])
    assert found["briefed"][0] == "CONSULT"
    assert found["expressed"][0] == "ACCUSE"
    assert found["spoke"][0] == "SUPPORT"
    assert found["assistance"] == ("AID", ["Boris Johnson"])  # the one thanked gave it


def test_what_an_appeal_asks_for_has_not_happened() -> None:
    doc = make_document(
        "The leaders stressed the need to increase sanctions against Russia.", stages=STAGES
    )
    kinds = {e.trigger.text: (e.type, e.factuality) for e in doc.extraction.events}
    assert kinds["stressed"] == ("REQUEST", "asserted")
    assert kinds["sanctions"][1] == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev trnews-1350001: a sentence is COERCE (D8), whatever it imposes
        (
            "Meanwhile, Mahir Kilic, 27, and Mahmood Abubakr, 18, were sentenced for affray.",
            "sentenced",
        ),
        # dev trnews-1100001, trnews-1130001: held in custody after an arrest (D32)
        ("Goble was taken to the Adair County Regional Jail.", "taken"),
        ("Both were lodged in the Laurel County Detention Center.", "lodged"),
        # dev trnews-1060005: 'sent to prison' is no aid
        (
            "A Texas court on Wednesday exonerated four women convicted of sexual assault in the "
            "1990s after lawyers argued that they were sent to prison because of junk science.",
            "sent",
        ),
        # dev timebank-APW19980227.0487: the one serving a sentence undergoes it
        (
            "Amir, 27, is serving a life sentence for the November 1995 assassination of Rabin at "
            "a Tel Aviv peace rally.",
            "sentence",
        ),
    ],
)
def test_custody_and_sentences_are_coercion(text: str, trigger: str) -> None:
    doc = make_document(text, stages=("segment", "actors", "times", "places", "quotes", "events"))
    found = {(e.type, e.trigger.text) for e in doc.extraction.events}
    assert ("COERCE", trigger) in found, found
    assert ("AID", trigger) not in found


def test_whoever_serves_a_sentence_is_its_recipient() -> None:
    doc = make_document(
        "Amir, 27, is serving a life sentence for the November 1995 assassination of Rabin.",
        stages=("segment", "actors", "events"),
    )
    sentence = next(e for e in doc.extraction.events if e.trigger.text == "sentence")
    assert "amir" in sentence.recipients and "amir" not in sentence.actors


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev GUM_news_sensitive, putin-929, timebank-NYT20000424.0319, timebank-wsj_0027,
        # trnews-1010005, zelenskyy-318: what is given is no material aid to anyone (manual: AID)
        (
            '"We take document security seriously," she said, but refused to give any more '
            "details about how the papers came to be on a road.",
            "give",
        ),
        (
            "As for my work, I asked you to give me some time to learn the ropes in this position.",
            "give",
        ),
        (
            "It will give the rest of the world the view that Cuba is like any other nation.",
            "give",
        ),
        (
            "In those cases, the high court ruled that federal law gives prosecutors broad "
            "authority to seize assets of people accused of racketeering.",
            "gives",
        ),
        (
            "Phillips had said the town halls will give Albertans an opportunity to learn more "
            "about the details of the strategy.",
            "give",
        ),
        ("Eternal memory to him and to all our heroes who gave lives for Ukraine!", "gave"),
        # dev GUM_news_clock: an option offered is no aid
        ("Twitter gave Mohamed the option to come to their company for an internship.", "gave"),
    ],
)
def test_giving_no_aid_is_no_event(text: str, trigger: str) -> None:
    from dateline.events.coder import drafts

    doc = make_document(text, stages=("segment", "actors", "times", "places", "quotes"))
    # no trigger at all: not even a draft the boundary rules could fold into another event
    assert trigger not in {c.trigger.text for s in doc.parsed.sents for c, _ in drafts(doc, s)}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev putin-32: an honour received is no agreement to a proposal (manual: AGREE)
        ("Mr President, It is a great honour for me to accept this high decoration.", "accept"),
        # dev putin-487: thanks to God go to no actor (manual: SUPPORT)
        (
            "It is not always completely successful in resolving its tasks, but I thank the Lord "
            "for what the Church is doing today.",
            "thank",
        ),
    ],
)
def test_courtesies_to_no_actor_are_no_event(text: str, trigger: str) -> None:
    from dateline.events.coder import drafts

    doc = make_document(text, stages=("segment", "actors", "times", "places", "quotes"))
    assert trigger not in {c.trigger.text for s in doc.parsed.sents for c, _ in drafts(doc, s)}
    # dev putin-788: thanks to a person and an invitation accepted stay events
    doc = make_document(
        "Thank you for accepting our invitation to visit Russia, despite the difficult "
        "epidemiological situation.",
        stages=("segment", "actors", "times", "places", "quotes"),
    )
    found = {c.trigger.text for s in doc.parsed.sents for c, _ in drafts(doc, s)}
    assert found >= {"Thank", "accepting"}


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # dev timebank-wsj_0026, trnews-1080004: a petition is a written appeal (D81)
        (
            "The action came in response to a petition filed by Timex Inc. for changes in the U.S. "
            "Generalized System of Preferences for imports from developing nations.",
            "petition",
            "REQUEST",
        ),
        ("An online petition to stop the dam includes photos of the Boons.", "petition", "REQUEST"),
        # dev GUM_news_asylum: turning boats away bars entry (manual: REJECT)
        (
            "Malaysia and Indonesia have maintained a policy of turning away boats of migrants.",
            "turning",
            "REJECT",
        ),
        # dev timebank-XIE19980808.0049: 'dispatch' is 'send' (PETRARCH2 DESPATCH; D83)
        (
            "The FBI also dispatched dozens of agents and bombing and evidence specialists there.",
            "dispatched",
            "AID",
        ),
    ],
)
def test_general_appeal_and_sending_words(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=("segment", "actors", "times", "places", "quotes", "events"))
    found = {(e.type, e.trigger.text) for e in doc.extraction.events}
    assert (kind, trigger) in found, found


#: event nouns the codebooks name (the PLOVER manual's definitions, the CAMEO descriptions, the
#: type prototypes) that had no lexicon row (issue 11, round 7), on dev and corpus sentences
CODEBOOK_CASES = [
    # PLOVER GSR (CAMEO 203 ethnic cleansing); the Kremlin corpus's "a massacre and an ethnic
    # cleansing" is one act since prec30 (two nouns joined by a bare "and"), so the row is
    # shown on a sentence where the noun stands alone
    (
        "Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian "
        "population of the province, according to the US government.",
        "cleansing",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"), CODEBOOK_CASES, ids=[c[1] for c in CODEBOOK_CASES]
)
def test_codebook_event_noun_is_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev zelenskyy-555, corpus (kremlin): a trade ban is an embargo, SANCTION, not the
        # COERCE of a ban
        ("America bans imports of oil from Russia, petroleum products, gas, coal.", "bans"),
        ("And even the ban on Russian oil imports has absolutely nothing to do with it.", "ban"),
    ],
)
def test_a_trade_ban_is_a_sanction(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert ("SANCTION", trigger) in found, found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev putin-625, timebank-XIE19980808.0188: calling an actor a danger is an evaluative
        # claim (ACCUSE, records D26), not a threat it made
        (
            'It was emphasised that all this is happening amid the active military "exploration" '
            "of Ukraine's territory by NATO, something that poses a direct threat to Russia's "
            "security.",
            "poses",
        ),
        (
            "The Foreign Ministry said in a statement that the Cuban government is against such "
            "kind of terrorist attacks, which pose potential threats to every country.",
            "pose",
        ),
    ],
)
def test_posing_a_threat_is_an_accusation(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert ("ACCUSE", trigger) in found, found
    assert "THREATEN" not in {kind for kind, _ in found}, found


def test_a_travel_caution_is_a_request() -> None:
    # dev timebank-APW199980817.1193: travel cautions are REQUEST (records DECISIONS.md)
    text = "An accompanying statement specifically warned ``against all travel to Pakistan.''"
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert ("REQUEST", "warned") in found, found


#: the dev misses' own wording (issue 11, round 14): each a lexicon row, on the dev sentence it
#: was missed in
WORDING_CASES = [
    # dev putin-126, putin-207: a call (D4; manual: CONSULT mode phone)
    (
        "Of course, you and I recently spoke on the telephone about the regional situation, "
        "which remains complicated.",
        "spoke",
        "CONSULT",
    ),
    ("We speak over the phone every week or every ten days.", "speak", "CONSULT"),
    # dev timebank-CNN19980213.2130.0155, timebank-APW19980213.1310: objections are criticism
    # (manual: ACCUSE disapprove)
    (
        "President Clinton says he is committed to a possible strike against Iraq, despite "
        "objections from other countries.",
        "objections",
        "ACCUSE",
    ),
    # dev zelenskyy-47, zelenskyy-59: a speech to a parliament or to participants (D30)
    (
        "And today, in my address to the Parliament of the Czech Republic, I emphasized that the "
        "response to our candidacy will be the response of the European Union.",
        "address",
        "CONSULT",
    ),
    (
        "Address by the President of Ukraine to the participants of the charity evening "
        "organized by CORE",
        "Address",
        "CONSULT",
    ),
    # dev zelenskyy-504, timebank-XIE19990313.0173 (D30)
    ("The First Lady of Ukraine addressed the World Council of Churches", "addressed", "CONSULT"),
    (
        "Addressing a NATO flag-lowering ceremony at the Dutch embassy, Orban said the occasion "
        "indicated the end of the embassy's mission.",
        "Addressing",
        "CONSULT",
    ),
    # dev putin-678, putin-432: a joint statement adopted after talks is agreed (manual: AGREE)
    ("Vladimir Putin: We will adopt a statement today.", "adopt", "AGREE"),
    (
        "It included a joint statement by the leaders of both states, an inter-governmental "
        "agreement on cooperation in information security and a number of documents.",
        "statement",
        "AGREE",
    ),
    # dev zelenskyy-555, putin-678: praise of another state or leader (D20)
    ("A man of his word, a sincere friend of Ukraine.", "friend", "SUPPORT"),
    # dev zelenskyy-215, zelenskyy-555: "terrorist state" is an explicit charge (D11)
    (
        "I called for the official recognition of Russia as a terrorist state.",
        "state",
        "ACCUSE",
    ),
    # dev zelenskyy-340, zelenskyy-229: help given (manual: AID)
    (
        "I am grateful to the partners for their help and call for further acceleration of the "
        "supply of weapons to Ukraine so that we can bring peace closer.",
        "help",
        "AID",
    ),
    # dev zelenskyy-347, GUM_news_defector: saying an actor lies is a charge (D11)
    (
        "In terms of propaganda, the Russians will lie to the whole world that these people "
        "wanted to go from Ukraine.",
        "lie",
        "ACCUSE",
    ),
    # dev trnews-1350001, timebank-ABC19980120.1830.0957: "will not tolerate" warns
    (
        "Violence of this nature will not be tolerated by police - we will identify, arrest and "
        "put before the courts those who choose to take this path.",
        "tolerated",
        "THREATEN",
    ),
    # accuse30: investigators at work (D54; manual: ACCUSE investigate); dev timebank-NYT19980907.0112,
    # timebank-NYT19990419.0515
    (
        "The bombed-out Embassy in Nairobi is expected to be demolished after the FBI has finished "
        "gathering evidence.",
        "gathering",
        "ACCUSE",
    ),
    (
        "With the finding of a buried rifle 11 days ago, the authorities in the Buffalo, N.Y., area "
        "say they have gathered enough evidence in the October slaying of Dr. Barnett Slepian to "
        "begin presenting a murder case to a state grand jury as early as next week.",
        "gathered",
        "ACCUSE",
    ),
    # accuse30: a listed fugitive is hunted (D83, D88); dev timebank-APW19990607.0041
    (
        "Bin Laden and Kopp are the 455th and 456th persons to be placed on the FBI's most wanted "
        "list, which began in 1950.",
        "list",
        "COERCE",
    ),
]


# local30: local crime news the lexicon and the coder missed: police stops, a suspect's surrender,
# armed confrontations and fistfights, being held in a named jail (dev sentences they were missed
# in; records DECISIONS.md D32, D38, D121)
LOCAL_CASES = [
    # dev trnews-1030001
    (
        "More than 200 miles to the northwest, two police officers from the town of Lewisburg, "
        "West Virginia, pulled over a white Chevrolet SUV with North Carolina plates after "
        "learning it had been reported stolen.",
        "pulled",
        "COERCE",
    ),
    (
        '"Eventually, he walked up to the interstate and turned himself in to law enforcement '
        'without incident," the State Police lieutenant added.',
        "turned",
        "RETREAT",
    ),
    (
        "One of the suspects, 21-year-old Eric Campbell, was in the South Regional Jail in "
        "Beaver, West Virginia, on Friday, corrections Officer Jonathan Keller said.",
        "Jail",
        "COERCE",
    ),
    # dev trnews-1350001
    (
        "Hayder Bozkina, 20, accompanied by Bartek Glowacki, 21, confronted Rekan Saver, 20, "
        "before blows were exchanged with a group of men supporting Saver.",
        "confronted",
        "THREATEN",
    ),
    (
        "Hayder Bozkina, 20, accompanied by Bartek Glowacki, 21, confronted Rekan Saver, 20, "
        "before blows were exchanged with a group of men supporting Saver.",
        "exchanged",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    WORDING_CASES + LOCAL_CASES,
    ids=[c[1] for c in WORDING_CASES + LOCAL_CASES],
)
def test_dev_missed_wording_is_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


# lexicon24: coming to another actor's place is a visit (PLOVER manual, CONSULT: "this includes
# visiting and hosting visits"; CAMEO 042), as the lexicon's "travel to", "arrive in"; the idiom
# "come to the conclusion" is no visit. Sentences from the Kremlin and Zelenskyy corpus
# (/work/shared/corpora), in no gold article; the first as the corpus has it,
# speaker line and all.
def test_coming_to_a_place_is_a_visit() -> None:
    text = (
        "President of Russia Vladimir Putin: Mr President, colleagues, ladies and gentlemen, First "
        "of all, I would like to express my gratitude to the President of the Republic of Belarus "
        "for accepting my invitation and coming to Moscow today."
    )
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert ("CONSULT", "coming") in found, found


def test_coming_to_a_conclusion_is_no_visit() -> None:
    text = (
        "Only then will the Russian leadership come to the conclusion that real peace must be "
        "sought."
    )
    doc = make_document(text, stages=STAGES)
    assert not [e for e in doc.extraction.events if e.trigger.text == "come"]


#: assault26: war acts the President of Ukraine's addresses and the Kremlin's readouts tell by a
#: noun or an idiom, each a lexicon row, on the dev sentence it was missed in
WAR_CASES = [
    # dev zelenskyy-137: an all-out attack withstood (manual: ASSAULT)
    (
        "And I am grateful to all those who withstand this onslaught of the occupiers.",
        "onslaught",
        "ASSAULT",
    ),
    # dev zelenskyy-574 (manual: ASSAULT; CAMEO 190)
    (
        "They are counterattacking the invaders near Kharkiv - defending the city.",
        "counterattacking",
        "ASSAULT",
    ),
    # dev zelenskyy-422: retaking ground, as "liberate" (D129)
    (
        '"Every day, when our troops come in and deoccupy certain territories, you see what is '
        "happening.",
        "deoccupy",
        "ASSAULT",
    ),
    # dev zelenskyy-60: physical abuse of people, as "torture"
    (
        "They say so when they torment our people that it is allegedly for the fact that Ukraine "
        "has gone to Europe.",
        "torment",
        "ASSAULT",
    ),
    # dev zelenskyy-574, zelenskyy-614, zelenskyy-201: losses caused and suffered (D132)
    (
        "We inflict losses on the invaders they have not seen in their worst dreams.",
        "inflict",
        "ASSAULT",
    ),
    ("The enemy suffers very-very serious losses.", "suffers", "ASSAULT"),
    (
        "The occupying forces have already suffered such defeats in Ukraine that Russia has not "
        "seen in various wars for decades.",
        "suffered",
        "ASSAULT",
    ),
    # dev putin-134, zelenskyy-571: people held by force (manual: COERCE; D39)
    (
        "He also mentioned the fact that civilians held captive by the Ukrainian military at the "
        "Azovstal plant in Mariupol have been evacuated with the help of the UN and the "
        "International Committee of the Red Cross.",
        "held",
        "COERCE",
    ),
    (
        "The Russian servicemen who were taken captive by our defenders started speaking.",
        "taken",
        "COERCE",
    ),
    # dev zelenskyy-201: screening and detaining civilians (manual: COERCE)
    (
        "There are so-called filtration camps, through which hundreds of thousands of people pass.",
        "camps",
        "COERCE",
    ),
    # dev zelenskyy-641, zelenskyy-887: a build-up of troops (manual: MOBILIZE troops)
    (
        "According to the President of Estonia, despite all diplomatic efforts, the concentration "
        "of Russian troops around Ukraine continues, including in Belarus.",
        "concentration",
        "MOBILIZE",
    ),
    # dev zelenskyy-57: a strike aimed at a place is an attack, not a work stoppage
    (
        "And yet Russia hopes that it will not bear responsibility for all this evil, for all "
        "these barbaric strikes at houses, hospitals and churches.",
        "strikes",
        "ASSAULT",
    ),
    # dev zelenskyy-612, zelenskyy-234, zelenskyy-59: force used against, ground retaken, places
    # destroyed (manual: ASSAULT)
    (
        "The enemy used everything against us: missiles, fighter aircraft, drones, artillery, "
        "armored vehicles, saboteurs, paratroopers.",
        "used",
        "ASSAULT",
    ),
    ("The occupiers are gradually being pushed away from Kharkiv.", "pushed", "ASSAULT"),
    ("Peaceful cities and villages wiped off the face of the earth.", "wiped", "ASSAULT"),
    # dev timebank-WSJ910225-0066: arson (manual: ASSAULT)
    (
        "U.S. officials say that hundreds of Kuwaiti oil wells now may have been set afire.",
        "set",
        "ASSAULT",
    ),
    (
        "And Robert Gates, Mr. Bush's deputy national security adviser, asserted in an interview "
        'on the Cable News Network that Iraqi troops have set fire to "large sections" of Kuwait '
        "City.",
        "set",
        "ASSAULT",
    ),
    # dev timebank-PRI19980306.2000.1675, timebank-NYT19980402.0453, timebank-AP900816-0139,
    # trnews-1030001, trnews-1350001, timebank-PRI19980205.2000.1998: nouns and verbs of killing,
    # detaining, blockading, stopping and posting troops (manual: ASSAULT, COERCE, MOBILIZE)
    ("More heavy gunfire in the Serbian province of Kosovo.", "gunfire", "ASSAULT"),
    (
        "Of the eight victims, three were stabbed, two were strangled, two were beaten to death "
        "and one was asphyxiated, he said, and these different methods of killing and other "
        "evidence seem to indicate that the eight cases are not related.",
        "asphyxiated",
        "ASSAULT",
    ),
    (
        "``What we fear is that they will be interned somewhere, most likely in Iraq,'' "
        "Waldegrave said.",
        "interned",
        "COERCE",
    ),
    ("Navy has 27 ships in the maritime barricade of Iraq.", "barricade", "COERCE"),
    ("Navy will barricade the port from Iraqi ships.", "barricade", "COERCE"),
    (
        "As the officers were conducting the traffic stop on Interstate 64, a red Chevrolet "
        "truck pulled up alongside them, West Virginia State Police Lt. Michael Baylous said.",
        "stop",
        "COERCE",
    ),
    (
        "Police have released footage of a violent, late-night street fight between armed "
        "attackers in North London.",
        "fight",
        "ASSAULT",
    ),
    (
        "The US is bolstering its military presence in the gulf, as President Clinton discussed "
        "the Iraq crisis with the one ally who has backed his threat of force, British prime "
        "minister Tony Blair.",
        "presence",
        "MOBILIZE",
    ),
    # dev zelenskyy-47, zelenskyy-340: pressure is coercion (D118), sanctions pressure a sanction
    ("Gas pressure on Europe is growing again.", "pressure", "COERCE"),
    ("For sanctions pressure on Russia.", "pressure", "SANCTION"),
]


@pytest.mark.parametrize(("text", "trigger", "kind"), WAR_CASES, ids=[c[1] for c in WAR_CASES])
def test_war_acts_told_by_a_noun_or_an_idiom_are_coded(text: str, trigger: str, kind: str) -> None:
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert (kind, trigger) in found, found


def test_a_work_stoppage_at_a_workplace_stays_a_protest() -> None:
    # dev trnews-1020008: 'strike +at' is an attack only when no civilians strike
    text = (
        "The disruption to flights comes days before a planned 48-hour strike at UK airports "
        "called by the Unite union."
    )
    doc = make_document(text, stages=STAGES)
    found = [(e.type, e.trigger.text) for e in doc.extraction.events]
    assert ("ASSAULT", "strike") not in found, found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # dev timebank-APW19990607.0041: a published statement frees no one
        (
            "Kopp purports to be a devout Roman Catholic, and the majority of jobs he has held "
            "over the past 20 years have been related to the anti-abortion movement, the Justice "
            "Department said in a news release.",
            "release",
        ),
        # dev timebank-APW20000417.0031: a dispute in court over a child is no use of force
        (
            "The court watch comes after one of the most bitter charges yet in the custody battle.",
            "battle",
        ),
    ],
)
def test_a_compound_that_names_no_event_of_its_noun(text: str, trigger: str) -> None:
    doc = make_document(text, stages=STAGES)
    assert trigger not in {e.trigger.text for e in doc.extraction.events}
