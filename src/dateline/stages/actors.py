"""Stage ``actors``: every mention of a person, organisation, country or group, resolved to an actor.

Mentions come from :mod:`dateline.actors.mentions` (NER corrected by the entity ruler, plus rules
for force nouns, capitals, role nouns and pronouns) and :mod:`dateline.actors.agents` (common-noun
agents: "the police", "Israeli troops", "the court"; "it"/"they"); :mod:`dateline.actors.coref`
and :mod:`dateline.actors.anaphora` resolve them to actors using roles read in the text, the actor
table on the article's date, and optionally an :class:`~dateline.actors.coref.ActorRegistry` of
what earlier articles taught.

Actor ids: the actor table's id; else the slug of the canonical name: "vladimir-putin",
"european-commission", "russia" (a country, its government included), "israeli-police" and
"ukrainian-forces" (a country's sector group), "police" or "strikers" (a common-noun agent whose
country is unknown).

Writes ``doc.extraction.actors`` and ``doc.set_mentions(...)`` (read by quotes, events, claims
through ``doc.mention_for_token``).
"""

from __future__ import annotations

import bisect
from typing import cast

from dateline.actor_table import load_actor_table
from dateline.actors.coref import ActorRegistry, Draft, Resolver, TableKeys
from dateline.actors.index import token_index
from dateline.actors.mentions import find_candidates, without_overlaps
from dateline.actors.offices import Offices
from dateline.actors.registry import tag_registry_names
from dateline.actors.speakers import find_voices, speaker_candidates
from dateline.config import PipelineConfig
from dateline.model import Actor, ActorKind, Mention, MentionKind, Span
from dateline.quotes.marks import find_quoted
from dateline.stages import register
from dateline.stages.base import Document, Voice

__all__ = ["ActorRegistry", "ActorsStage", "create"]


class ActorsStage:
    name = "actors"
    # 1.7.7: "he"/"she" may refer back to an unnamed man or woman ("a 23-year-old man ... he"),
    #        "them" as the object of an act is a group or institution named before
    # 1.7.8: "Name(retranslated):" turn labels (the tokenizer splits the glued note)
    # 1.7.9: an unnamed person keeps the text's description ("23-year-old man", D47) and "the
    #        man" refers back to it; a town's force named anywhere is its bare "police"
    # 1.7.10: "Valeska Paris": a gendered first name before a place name is a person, and her
    #         bare "Paris" after it is she, not France
    # 1.7.11: "the President of the European Council", "the UN Secretary-General": the table's
    #         holder of that office on the article's date
    # 1.7.12: "us"/"we" outside quotes in a government press office's report is its state; the
    #         Donetsk and Lugansk People's Republics and the regional blocs in the actor table
    # 1.7.13: "the UN Human Rights Monitoring Mission", "the NATO Parliamentary Assembly": a body
    #         named on from an institution the ruler tagged is one actor (not a title or event)
    # 1.8.0: a crime story's protagonist: the lede's "A southwest Ohio man" is the person it names
    #        with an age ("Munir Abdulkader, 22,"), "a male suspect"/"the accused" is that person or
    #        the lede's unnamed subject, the title's "Man charged ..." is the lede's "A 23-year-old
    #        man"; "the man" never refers to an official ("Const. Jason Michalyshen", police ranks
    #        now titles of sector COP); "a U.S. military base employee" keeps its description;
    #        "investigators" are the case's police; "Daniel" after "Daniel Montalvo" is he; "the
    #        police" is never a named organisation of unknown sector
    # 1.8.1: "A gunman", "the student": one unnamed person is named by the noun ("gunman", not
    #        "French gunmen"), with no country the story only implies
    # 1.8.2: "everyone who defends the state", "all those who participated in the rescue": a
    #        group named by what its members do keeps those words as its name (D47)
    # 1.8.3: "they"/"them" may be countries named together ("Spain and Denmark ... them")
    # 1.8.4: civilians counted or placed keep the words as their name ("more than 350,000
    #        people", "people from Azovstal", D47)
    # 1.8.5: "the student" is the person introduced as one ("Texas student Ahmed Mohamed"); a bare
    #        "police" is the one police force the article names ("the Irving Police Department")
    # 1.8.6: "the Deputy Head of the Office", "the Vice-President of the Commission": a deputy's
    #        office has no table holder (it was the head's)
    # 1.8.7: "the Church" is a description of the named body whose name holds the noun ("the
    #        Church of Scientology"), also for "the ministry"; "the Australian Broadcasting
    #        Corporation" is a name NER missed, not "an Australian company"
    # 1.8.8: the title's "Australian woman claims ..." is the person the lede introduces with
    #        that noun ("Valeska Paris, an Australian woman, ...")
    # 1.8.9: "Ken and Arlene Boon": Ken Boon; "the Boons": the Boon family; "a group of
    #        Montreal-area mayors": the mayors; "chief executive officer" is no police officer
    # 1.8.10: "arrested two people ... Kimberly Hacker, 30, and Vernon Adkins, 45": a counted
    #         group is the people the story names with an age when their number is the count
    # 1.8.11: "the Los Angeles Sheriff's office" is a police organisation's name, which a bare
    #         "police" or "a detective" of the article is; "the LA Sheriff's office" is the same
    # 1.8.12: "the governments of the region": a plural body placed by its "of" phrase where no
    #         country is named keeps the phrase as its name (D47)
    # 1.8.13: an acronym NER tags ORG ("the IRA") is a body even where a town is spelled alike
    # 1.8.14: a surname tagged ORG after the full name is the person ("searching for Howes");
    #         a name in apposition with a temple or a village is no person; a pronoun continues
    #         the reported subject, not an attribution's speaker ("..., Keller said. He is held");
    #         a bare number as a verb's subject or object is that many people ("arrest five")
    # 1.8.15: "stern warnings from Moscow": a capital that sends a verbal or material act is
    #         its government
    # 1.8.16: an agent noun after a title's kicker and colon is a mention of its own
    # 1.8.17: a bare number is people only after a verb done to people ("arrest five", "seven
    #         were wounded"), never an amount ("reach 3.9 trillion", "aged three")
    # 1.8.18: "the attacker", "the assailant" is the one gunman the story told of before
    # 1.8.19: captors, abductors and killers are agent nouns ("released by her captors")
    # 1.8.20: a surname tagged GPE after the full name, where no place is so named, is the person
    # 1.8.21: "the SEC" is the "Securities and Exchange Commission" named before: initials leave
    #         out linking words ("and", "of")
    # 1.8.22: "anyone with information", "those arrested": a pronoun a participle or a phrase
    #         describes is a group named by the words (D47); "those arrested" is the people
    #         the text told of last as arrested ("Police arrest five")
    # 1.8.23: monks, nuns, rabbis, pastors, pilgrims are agent nouns; clergy and believers
    #         counted keep the words ("Three Lavra monks", D47)
    # 1.8.24: "the Prime Ministers of Spain and Denmark", "the Presidents of Russia and Turkey":
    #         each country's holder of the role, not the countries; "they" may be those holders
    # 1.8.25: "the two leaders", "both presidents": the two people named before, the first
    #         standing for the pair
    # 1.8.26: a defector, an activist, a journalist, a student, a tourist: private people whom
    #         the lede introduces unnamed and "the defector" refers back to, like "a man"
    # 1.8.27: "an attorney for Scientology", "Mr. Antar's attorneys", "Hun Sen's troops": people
    #         acting for a named person or body keep the words that name it (D47)
    # 1.8.28: "the government" is the country whose government the text named last ("The
    #         Spanish government ... the government dismissed"), however many it names
    # 1.8.29: MLA, MP and MPP are legislators' titles; "Calgary MLA Sandra Jansen", a subject NER
    #         missed with a given name, is a person; a title alone ("Alberta MLA calls ...",
    #         "the Ohio senator") is the one person the article gives that title
    # 1.8.30: robbers, burglars, thieves, muggers, carjackers, hijackers, shooters are agent
    #         nouns ("two would-be robbers ... they just started firing")
    # 1.8.31: religious titles (patriarch, archbishop, bishop, rabbi, imam, mufti) are title
    #         words: "Patriarch Kirill:" opens a transcript turn
    # 1.8.32: "the Missouri State Highway Patrol": a capitalised patrol after capitalised words
    #         is a police body NER missed, "the Highway Patrol" the one named before whose name
    #         ends so; a sheriff's office or a patrol is COP, also where NER took it for a county
    # 1.8.33: "on DWI and other charges", "a DUI charge": an acronym a charge noun holds or
    #         joins is an offence, no organisation; a lede's "A 25-year-old ... man" is not the
    #         person named with another age ("Scott L. Berrey, 31") but the one the next
    #         sentence makes the subject of the same verb ("Kody R. Berrey was arrested"), and
    #         "Kody Berrey" is "Kody R. Berrey" (a middle initial comes and goes)
    # 1.8.34: "Patriarch Kirill: Thank you": a subject NER missed after a title that goes before
    #         a person's name (an office with a sector, a courtesy title) is that person, so a
    #         transcript turn keeps its speaker and the other speaker's "you"; religious titles
    #         give the sector REL; "General Staff" names a body
    # 1.8.35: "Russia's troop movements": a movement, group or alliance a force noun qualifies
    #         is where the force goes, no body ("the protest movement" still is one)
    # 1.8.36: occupiers, invaders and the aggressor are military agent nouns that never take
    #         the country the text names (the invaded one); a demonym still says whose
    # 1.8.37: "the U.S. embassies", "the Russian consulate": a state's post abroad is a body of
    #         its own in the text's words (D47), of the state that sends it, never its host's
    # 1.8.38: "the British Red Cross", "the Greek Ministry of Culture": a demonym and capitalised
    #         words NER left untagged are a body of the demonym's country (a force noun or a
    #         ministry without its "of" phrase stays its country's); Red Cross/Crescent are NGO
    # 1.8.39: "the State Department", "the Home Office", "the Korean People's Army": a well-known
    #         national body named without its country takes it from data/national_bodies.csv;
    #         a ministry every state has ("the Foreign Ministry") the article's only country
    # 1.8.40: "the academy" after "the Islamic Saudi Academy": a definite singular noun that is
    #         the last word of an organisation's name given before stands for it (also where NER
    #         tags it ORG); a demonym body's name may start with other capitalised words
    # 1.8.41: a bare bomb is no actor (records gold D84: an unattributed bombing keeps an empty
    #         source); "a suicide car bomb" names its bomber (UAF)
    # 1.8.42: people nouns of crime and court news are actors (driver, witness, relative,
    #         landlord, rescuer, terrorist, criminal, bandit, accomplice...; data/agent_nouns.csv);
    #         "the enemy" of a war speech never takes the country the text names
    # 1.8.43: an address whose title names its speaker with a possessive ("- President Volodymyr
    #         Zelenskyy's address") or "the address of the President" is that speaker's
    # 1.8.44: a headline's bare office opening the sentence as its subject ("President of Ukraine
    #         met with ...") is a role mention, its holder
    # 1.8.45: (quotes4, issue 11) a transcript turn label after a cut ("<…> Ignat Petukhov:"), or
    #         one NER found no name in whose words another label ends with or that labels two
    #         turns ("Alexei Repik:"), is a turn; a headline's "Name:" is no transcript turn, so
    #         its story's "the Head of State" may be that person
    # 1.8.46: (actors9; with 1.8.43) "... - President Volodymyr Zelenskyy's address (to the
    #         participants of ...)": the
    #         owner of a title-final address word is the address's speaker, as "address by X" is
    # 1.8.47: "The South retaliated" in a story that names South and North Korea: the one
    #         country the article names whose name starts with the compass word; "404 servicemen
    #         of the Armed Forces of Ukraine": a group whose "of" phrase names a country (also
    #         through the body it serves) is that country's
    # 1.8.48: "...*** Beginning of Russian-Kazakhstani talks President of Russia Vladimir Putin:":
    #         a transcript's first label may follow the heading the scraped Kremlin corpus runs
    #         into it after the '***'; a label scraped twice over ("... Tokayev Tokayev
    #         Kassym-JomartPresident of the Republic of Kazakhstan:") may be 24 tokens long
    # 1.8.49: "the armed groups who fought ...", "Regional administrations": bodies of no country
    #         named in the plural with words that say which keep those words as their name
    #         (D47), not a bare "group" or "administration"
    # 1.8.50: a noun after a predicative "as" on a verb is what someone is taken for, no actor
    #         ("should be treated as 'terrorists'", "served as a mediator")
    # 1.8.51: a building or site an act is done to ("dropped a bomb on an art school", "the
    #         grain warehouse was destroyed") is an organisation named by the text's words
    #         (records gold: the attacks' targets); never what "it"/"they" refers to
    # 1.8.52: people with no country said ("7,295 people were evacuated") take the one country
    #         their sentence names as a place, else the speaker's, else the article's only one
    # 1.8.53: a minister's portfolio stays in the role ("the Minister of Education"), in an
    #         address or a turn the speaker's country's; a later bare "the Minister" is the same
    # 1.8.54: a subject "they" right after a sentence whose subject was "they" is the same
    #         actors ("They are accumulating forces, driving new ... groups. They are trying")
    # 1.8.55: 1.8.51 taken back: a building or site is no actor (issue 11), even where the
    #         records gold names one as an attack's target
    # 1.8.56: a lower-case adverb the small model took into a name is left out ("Kellogg later
    #         retracted" made an organisation "Kellogg later")
    # 1.8.57: "President of the Republic of Estonia Alar Karis": capitalised names NER missed
    #         right after a title's country are the titled person; "Adviser to the President of
    #         Ukraine Oleg Ustenko" serves the office named after "to" and holds no presidency
    # 1.8.58: "Senior Lieutenant Ahasyiev Kyrylo Yashar oğlu - platoon commander of ...": a spaced
    #         dash ends the name before it; the agent noun's mention starts after the dash
    # 1.8.59: "Another eight suspects", "The four suspects": counted criminals keep the text's
    #         words as their name (D47), as counted civilians do
    # 1.8.60: people with no country said in a story no one speaks in (no address, no turns)
    #         take the outlet's country only where the story names it: a BBC story of an
    #         earthquake in Iran is not about British people
    # 1.8.61: a disease the small model tags PERSON ("When COVID came, he was not afraid") is no
    #         actor, so "he" goes on referring to the person the text is about
    # 1.8.62: "Speaker of the Saeima of the Republic of Latvia Ināra Mūrniece", "Minister of
    #         Internal Affairs of the Republic of Turkey Süleyman Soylu": 1.8.57's names NER
    #         missed also after "<title> of [the] <body> of [the] <country>", that country's
    # 1.8.63: a dateline's town ("COLUMBIA, Ky. (WBKO) -", "WASHINGTON (AP) --") and a custody
    #         site ("Metropolitan Correctional Center", "Adair County Regional Jail") are no
    #         actors (issue 11: places and buildings are never actors nor targets)
    # 1.8.64: "The Deputy Head of the Office of the President praised ..." after "Deputy Head of
    #         the Office of the President of Ukraine Ihor Zhovkva" is Zhovkva, not the Office; a
    #         "President-elect of Turkmenistan" is a title before the name, no country mention
    # 1.8.65: "the congressmen asked Zelenskyy", "210 combatants", "her colleagues", "first
    #         responders", firefighters, paramedics, medics: people nouns with no actor before
    #         (data/agent_nouns.csv)
    # 1.8.66: a document ("the new Ukraine Democracy Defense Lend-Lease Act was signed") and a
    #         thing's maker ("a Soviet-made aircraft") are no actors (issue 11)
    # 1.8.67: "Two arrested on drug and theft charges in London" (a title's bare count) is the
    #         people the story names with an age when it names so many; "A 30-year-old man
    #         surnamed Jiang", "a woman named Sarah Smith": the description is the named person
    # 1.8.68: a street's name ("a shooting on Dean Woods Road"), an offence a person is charged
    #         with ("charged with Assault 1st degree") and the site a fire burned ("Scott's City
    #         Limits fire") are no actors (issue 11); "Downing Street" still is
    # 1.8.69: a surname the small model tags a place, as a clause's subject after the full name
    #         ("Abe Oudshoorn ... Oudshoorn said", "As Bozkina and Glowacki threaten"), is the
    #         person, not a country of no code
    # 1.8.70: "thanked his colleague and the entire Azerbaijani delegation": a peer noun
    #         (colleague, counterpart, partner, ...) does not take its possessor's country
    # 1.8.71: a summit's or a contest's name ("Eastern Partnership Summit", "XXIV Winter
    #         Olympics") is an event, no actor (issue 11)
    # 1.8.72: "No group has admitted ..." names nobody, and a holiday's name ("the Medical
    #         Workers' Day", "Border Guards Day") is no actor (issue 11)
    # 1.8.73: 1.8.67's title count is the body's named group only where the body counts them
    #         alike ("arrested two people"); where it names them only, the events stage takes
    #         them one by one
    # 1.8.74: a transcript turn's label whose name NER missed or took for a place, named nowhere
    #         else ("Minister of Sport Oleg Matytsin:", "Vladimir Bulavin:"), gives its closing
    #         first name and surname as the speaker; a turn opening "Mr President," answers the
    #         nearest speaker whose label has that word, not the previous turn's (issue 11)
    # 1.8.75: "According to the Adviser to the Head of the President's Office": a capitalised
    #         serving title ("the Adviser", "the Envoy") is the one person the article named
    #         after a title with that word, not the group of advisers (issue 11)
    # 1.8.76: a courtesy word NER put inside a PERSON entity before a first name ("First [Lady
    #         Olena Zelenska]") is no part of the name, so she is one actor (issue 11)
    # 1.8.77: a transcript turn label may hold a comma between two capitalised words ("Minister
    #         of Digital Development, Communications and Mass Media Maksut Shadayev:"); a
    #         three-word PERSON entity whose first word ends the office before it ("Mass [Media
    #         Maksut Shadayev]", "Media" a listed first name) drops that word (issue 11)
    # 1.8.78: two to four capitalised proper nouns no entity holds, the first a listed first
    #         name, right after "<Minister> of <portfolio>" are a person ("Minister of
    #         Infrastructure Oleksandr Kubrakov said"), as after a title's country (issue 11)
    # 1.8.79: a body's name of two words or more that NER tagged once is a mention of that body
    #         where the article repeats its exact words untagged ("according to the Security
    #         Service of Ukraine"; only a country may be tagged inside the repeat) (issue 11)
    # 1.8.80: "sent investigators to the two countries", "Both were lodged in ...", "attack the
    #         pair": a counted anaphor with no "of" phrase is the last two countries or people
    #         the text named within three sentences, a mention of each over the same words, so
    #         the events stage takes both as it takes "Kenya and Tanzania" (issue 11)
    # 1.8.81: "One of President Bush's sons": a title after a count's or a pronoun's "of" is the
    #         person's, not an office's complement, so "the president" is Bush (issue 11)
    # 1.8.82: "the arrest of Kopp, who is charged ...": a surname tagged a place after the full
    #         name is the person where a "who" clause describes it (issue 11)
    # 1.8.83: "Hydro also expropriated" after "BC Hydro's president": a one-word organisation
    #         name that ends a longer one the article tags is the body, even where the
    #         gazetteer knows a town so named (issue 11)
    # 1.8.84: "the two leaders", "both presidents" (1.8.25) are, like 1.8.80's anaphors, a
    #         mention of each of the two people, not of the first named only
    # 1.8.85: "Cassandra Rivera, ... and Anna Vasquez were sentenced ... They were released": a
    #         subject "they" after a sentence whose subject is named people joined by "and" is
    #         a mention of each of them (issue 11)
    # 1.8.86: (actors17, issue 11) a nameless "Question:"/"Remark:" label opens a turn nobody
    #         named speaks (the journalist's words are no longer the previous speaker's; the
    #         answer's "you" is no other speaker); a heading with a heading word ("Excerpts
    #         from transcript of ...", "Beginning of ... talks") that opens a body line may run
    #         into the first label with no full stop
    # 1.8.87: (actors17, issue 11) "The parties discussed ...": a bare definite plural "parties"
    #         (nothing saying which) in an article that names or describes no party is a
    #         talk's sides, no political party (no PTY actor "party")
    # 1.8.88: (actors17, issue 11) a person's full name (the PERSON words of a name or title
    #         mention) repeated where NER tagged it otherwise ("Olena Zelenska" WORK_OF_ART,
    #         "Marat Khusnullin" ORG+PRODUCT) or not at all is a mention of that person
    # 1.8.89: (dyad13, issue 11) a transcript label with no PERSON entity and no title word
    #         whose words close with a first name and surname ("Member of the Presidency of
    #         Bosnia and Herzegovina Milorad Dodik(retranslated):") opens a turn, and its
    #         speaker is read from the label without its "(retranslated)" note
    # 1.8.90: (dyad13, issue 11) and a label whose closing name follows its title words though
    #         NER and the name lists miss it ("Prime Minister of Greece Kyriakos Mitsotakis
    #         (retranslated):") names its speaker
    # 1.8.91: (dyad14, issue 11) "the world" is an agent noun's group (data/agent_nouns.csv):
    #         an appeal to the world has it as its target (records DECISIONS.md D106)
    # 1.8.92: (dyad15, issue 11) a title that names its speaker after a dash ("... - President
    #         Volodymyr Zelenskyy") over a body whose first paragraph says "I" outside quotes is
    #         an address by that speaker (D9): its "I" and "we" and subjectless clauses are his
    # 1.8.93: (dyad16, issue 11) a singular government or administration named with its
    #         state's demonym or its leader's name ("The Cuban government", "the Clinton
    #         administration") is an organisation of that state in the text's words (D15, D47),
    #         and a later bare "the government" is the same body; "Russian officials" stay the state
    # 1.8.94: (pronoun16, issue 11) "our partner countries", "our allied states" in an address
    #         or a turn are a group the words name, not the speaker's country (D9; speakers)
    # 1.8.95: (wire16, issue 11) a plural group of no country keeps the words that say which
    #         (D47): its count chain ("tens of thousands of people", "Hundreds of former
    #         fighters") and a noun before it ("Scientology officials", "Government officials")
    # 1.8.96: (wire17, issue 11) a counted group that adds to people already counted keeps its
    #         "more" ("the navy saved 200 more": "200 more", as the records gold names it, D15)
    # 1.8.97: (coref17, issue 11) a role of a named country that no earlier mention or table
    #         entry holds is the person a later title names in it ("a phone conversation with
    #         the Prime Minister of Georgia ... Prime Minister of Georgia Irakli Garibashvili",
    #         D15); a "former" title names no one (coref)
    # 1.8.98: (mentions17, issue 11) a plural "-ist"/"-ian" subject, or an "-er"/"-or"/"-ant"
    #         one with a "who" clause, is a group the agent-noun table lacks ("Extremists have
    #         bombed", "mediators who are fighting"); a group named in an untagged apposition
    #         is that body ("the party, the Ulster Unionists"); an organisation's name holding a
    #         sector word is no town ("The White House")
    # 1.8.99: (pronoun20, issue 11) a plural pronoun after people joined by "and" as a subject
    #         of its own sentence is each of them ("The President of Russia and the Chancellor
    #         of Germany will continue their contacts"); a subject pronoun of a conjoined verb
    #         with its own subject may be the first conjunct's subject ("Mr. Netanyahu
    #         suggested ..., but he said")
    # 1.8.100: (pronoun23, issue 11) "you" in an address is the audience its title names
    #         after the speaker ("address by the President of Ukraine to the Danish people",
    #         "Speech by ... at The Atlantic Council's ...", "in the Knesset"; D9, D30)
    # 1.8.101: (groups23, issue 11) a plural of states with a modifier saying which ("Western
    #         countries", "other foreign states", "leading Western powers") is a group of no
    #         country (mentions._state_groups)
    # 1.8.102: (roles24, issue 11) a group noun whose adjective says its members are other or
    #         several states' ("foreign partners", "allied forces", "a multinational force",
    #         "Western partners") or whose possessor is the state they are partners or allies
    #         of ("all Ukraine's partners") is a group of no country named by the text's words
    #         (anaphora.other_side_group), not the article's or the speaker's country
    # 1.8.103: (names24, issue 11) a place entity that begins an untagged proper name is that
    #         body's ORG ("The New York Times", "the Crimea Platform"; entities.joined_entities),
    #         a listed first name and one or two capitalised proper nouns no entity holds, or a
    #         GPE so read, are a person ("Oleksandr Pavliuk", "Tomáš Pojar"; mentions)
    # 1.8.104: (quotes24, issue 11) the quoted stretches that turns and addresses are found
    #         outside of include ``...'' quotations (dateline.quotes.marks.find_quoted)
    # 1.8.105: (bodies24, issue 11) a state body (GOV, MIL, COP) named by its bare noun in an
    #         address or a turn ("the government has received a clear instruction", "meetings
    #         with the military") is the speaker's country's, when every mention is the bare
    #         noun in the speaker's own words in a sentence naming no country (D9;
    #         Resolver._place_speakers_bodies)
    # 1.8.107: (speechdyad26, issue 11) "the occupiers", "the invaders", "the enemy" of a
    #         voiced text are of the war's other side: the foreign state the text gives as
    #         owner of troops or of its war ("Russian troops"), not the speaker's (D9, D11;
    #         dateline.actors.enemies)
    # 1.8.108: (speechdyad28, issue 11) "you" in a sentence with a vocative is the actor it
    #         addresses ("Dear Prime Minister Bennett, thank you", "Thank you, Mr President,",
    #         "Thank you for this sincerity, Amsterdam!"), before the turn's other party or the
    #         address's audience (D9, D20; coref.vocatives)
    # 1.8.111: (title31, issue 11) a definite bare title ("The ambassador was cut") is the one
    #         person titled so in the last sentences (anaphora.earlier_title_holder); a title
    #         of a body before a name ("Commander of the Joint Forces Oleksandr Pavliuk") is
    #         the named person (anaphora.title_of_body_holder)
    # 1.8.112: (group31, issue 11) a group noun keeps the number the text gives it ("113
    #         churches", not "church"); a kinship noun is a person related to its possessor
    #         ("son of Artem Zhoga"), never a group of a country ("Ukrainian wife"); "Serb" is
    #         Serbia's demonym; a currency's country ("U.S. dollars") and "Amber Alert" are no
    #         actors
    version = "1.8.112"

    def __init__(self, config: PipelineConfig, registry: ActorRegistry | None = None) -> None:
        self.table = load_actor_table(config.actor_tables)
        self.offices = Offices.of(self.table)  # once per table, not per article
        self.keys = TableKeys.of(self.table)
        options = config.stage_options.get("actors", {})
        self.registry: ActorRegistry | None = registry or options.get("registry")

    def __call__(self, doc: Document) -> Document:
        parsed = doc.parsed
        stamp = doc.stamp(self)
        if self.registry is not None:
            tag_registry_names(parsed, self.registry)
        quoted = [(q.start, q.end) for q in find_quoted(doc.text, doc.paragraphs)]
        voices = find_voices(parsed, doc.article.title, quoted)
        candidates = without_overlaps(find_candidates(parsed) + speaker_candidates(parsed, voices))
        resolver = Resolver(
            parsed,
            doc.article.date,
            self.table,
            self.registry,
            home=_home_country(doc),
            voices=voices,
            offices=self.offices,
            keys=self.keys,
        )
        assigned = resolver.resolve(candidates)
        mentions_by_actor: dict[str, list[Mention]] = {}
        all_mentions: list[Mention] = []
        # each mention's sentence found among the article's sentences, listed once (a token's
        # ``.sent`` walks its whole sentence to find the ends, for every mention)
        index = token_index(parsed)
        sentences = index.sentences  # listed once for the rules and here
        sentence_starts = [sent.start for sent in sentences]
        sentence_spans: dict[int, Span] = {}
        tokens = index.tokens
        for cand, draft in assigned:
            start = tokens[cand.start].idx
            last = tokens[cand.end - 1]
            end = last.idx + len(last.text)
            number = bisect.bisect_right(sentence_starts, cand.head) - 1
            if number not in sentence_spans:
                sentence_spans[number] = doc.sentence_span(sentences[number])
            mention = Mention(
                span=doc.span(start, end),
                actor=draft.id,
                kind=cast(MentionKind, cand.kind),
                sentence=sentence_spans[number],
                stage=stamp,
            )
            mentions_by_actor.setdefault(draft.id, []).append(mention)
            all_mentions.append(mention)
        doc.extraction.actors.extend(
            _actor(draft, mentions_by_actor[draft.id], stamp)
            for draft in resolver.drafts.values()
            if draft.id in mentions_by_actor
        )
        doc.set_mentions(all_mentions)
        known = {actor.id for actor in doc.extraction.actors}
        for first, end, speaker, addressee in resolver.voice_spans():
            if speaker.id in known and first < end:
                start, stop = parsed[first].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
                to = addressee.id if addressee is not None and addressee.id in known else None
                doc.voices.append(Voice(start, stop, speaker.id, to))
        leader = resolver.outlet_leader()
        doc.outlet_leader = leader.id if leader is not None and leader.id in known else None
        return doc


def _actor(draft: Draft, mentions: list[Mention], stamp: str) -> Actor:
    return Actor(
        id=draft.id,
        name=draft.name,
        kind=cast(ActorKind, draft.kind),
        country=draft.country,
        sector=draft.sector,
        mentions=tuple(sorted(mentions, key=lambda m: m.span.start)),
        stage=stamp,
        source=draft.source,
    )


@register("actors")
def create(config: PipelineConfig) -> ActorsStage:
    return ActorsStage(config)


def _home_country(doc: Document) -> str | None:
    """The alpha-3 country of the outlet that published the article (its URL or source)."""
    from dateline.countries import country_by_alpha2
    from dateline.gazetteer.outlets import outlet_country

    alpha2 = outlet_country(doc.article.url, doc.article.source)
    country = country_by_alpha2(alpha2) if alpha2 else None
    return country.alpha3 if country else None
