"""Resolving mentions without a name: common-noun agents and "it"/"they" (rule-based coreference).

- a common-noun agent ("the police", "Israeli troops", "the court", see
  :mod:`dateline.actors.agents`) is one actor per country and sector in an article. Its id is the
  slug of its canonical name: "israeli-police", "ukrainian-forces" (the sector names of
  ``GROUP_NAMES``, shared with the demonym rules), "iranian-parliament", or the bare noun
  ("police", "court", "strikers") when no country is known. The country comes from the noun's
  modifiers, else from the article when it names exactly one country in an earlier sentence,
  else it stays unknown.
- a definite singular anaphoric noun ("the group", "the company", "the ministry") is first the
  named organisation of a compatible sector mentioned within the last sentences.
- "it"/"its" and "they"/"their" are the most recent organisation, country or group within
  :data:`THING_WINDOW` sentences, subjects first (Lappin & Leass 1994's salience order), never a
  co-argument of the same verb (binding principle B), singular for "it", plural or collective
  for "they".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from dateline.actors.agents import titled_forces
from dateline.actors.gender import is_first_name, name_gender
from dateline.actors.index import token_index
from dateline.actors.lexicon import (
    ARGUMENT_DEPS,
    GROUP_NAMES,
    ROLE_NOUNS,
    SUBJECT_DEPS,
    TITLE_SECTORS,
    TITLE_WORDS,
)
from dateline.actors.salience import first_line_end
from dateline.actors.speakers import LABEL_JOINERS, LABEL_MAX_TOKENS
from dateline.actors.titles import RECIPIENT_WORDS, SERVING_TITLES
from dateline.countries import country_by_code, country_by_name
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dateline.actors.coref import Draft, Resolver
    from dateline.actors.mentions import Candidate

#: how many sentences back "it"/"they" may find its antecedent
THING_WINDOW = 2


def context_country(candidates: list[Candidate]) -> tuple[str, int] | None:
    """(the article's only country, the token where it is first named), or None when its names,
    demonyms and capitals give none or several."""
    first: dict[str, int] = {}
    for c in candidates:
        if c.country and c.kind != "role" and c.agent is None:
            first.setdefault(c.country, c.start)
    return next(iter(first.items())) if len(first) == 1 else None


def nearest_antecedent(
    doc: Doc,
    candidates: Iterable[tuple[Candidate, Draft]],
    here: int,
    window: int,
    sentence_of: Callable[[int], int],
) -> Draft | None:
    """The antecedent among ``candidates`` (already filtered for compatibility): nearer
    sentences first (at most ``window`` back), then subjects, then the most recent mention."""
    best: tuple[tuple[int, int, int], Draft] | None = None
    for prior, draft in candidates:
        distance = here - sentence_of(prior.head)
        if distance > window:
            continue
        score = (-distance, int(_salient_subject(doc[prior.head])), prior.head)
        if best is None or score > best[0]:
            best = (score, draft)
    return best[1] if best else None


ATTRIBUTION_VERBS = word_set("actors", "anaphora.attribution_verbs")
#: sectors of unnamed attackers ("a gunman", "the assailant"): agent_nouns.csv's UAF
ATTACKER_SECTORS = word_set("actors", "anaphora.attacker_sectors")


def _salient_subject(token: Token) -> bool:
    """Whether a mention is a subject a pronoun of the next sentence most likely continues: the
    subject of its clause, or a name in apposition to it ("One of the suspects, 21-year-old Eric
    Campbell, was in jail"), but not the speaker of an attribution that follows what it reports
    ("..., corrections Officer Jonathan Keller said": the story goes on about Campbell)."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return not (
        verb.lemma_.lower() in ATTRIBUTION_VERBS
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    )


SUBJECT_CONTROL = word_set("actors", "anaphora.subject_control")
#: title nouns a definite mention may name a person by alone, with the other words for each
BARE_TITLES = word_map("actors", "anaphora.bare_titles")
#: words of a title no longer held ("former Minister X" is not "the minister" of today)
PAST_TITLES = word_set("actors", "anaphora.past_title_words")
#: words that make a title another office than the bare title ("Prime Minister X", "the minister")
OTHER_OFFICES = word_set("actors", "anaphora.other_offices")
#: sentences back a bare title looks for the person it names: a title said again pages later
#: is often another holder ("minister William Waldegrave" ... "The minister" of Saudi Arabia)
TITLE_REACH = 4
DEFINITE_DETERMINERS = word_set("actors", "anaphora.definite_determiners")
INDEFINITE_DETERMINERS = word_set("actors", "anaphora.indefinite_determiners")


def clause_controller(pronoun: Token) -> Token | None:
    """The understood subject of the subjectless infinitive a possessive sits in.

    "Trump asked the Russian leader to order his troops ...": "order" has no subject of its own;
    with an object-control verb ("asked", "urged", "told X to") its subject is the matrix
    object, else ("promised to protect his ...") the matrix subject. A possessive prefers the
    subject of its own clause (binding theory's locality: Chomsky 1981; Hobbs 1978 searches the
    pronoun's own clause first), so that is its antecedent when it is a person mention.
    """
    if pronoun.dep_ != "poss":
        return None
    verb = pronoun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    matrix = verb.head
    objects = [c for c in matrix.children if c.dep_ in {"dobj", "dative", "iobj"}]
    subjects = [c for c in matrix.children if c.dep_ in SUBJECT_DEPS]
    if matrix.lemma_.lower() in SUBJECT_CONTROL:
        objects = []
    controllers = objects or subjects
    return controllers[0] if controllers else None


def relative_head(pronoun: Token) -> set[int]:
    """The noun a relative clause modifies, when the pronoun is that clause's subject.

    "Ukrainian soldiers who they are attempting to dislodge": the relative pronoun stands for
    the soldiers in another role of the same clause (here the object), so "they" cannot be
    them (a co-argument, as in "X called Y to congratulate him")."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return set()
    verb = pronoun.head
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return set()
    heads = {verb.head.i}
    # the small model often attaches the clause to the wrong noun ("a massacre of Ukrainian
    # soldiers who ..." to "massacre"); an English relative pronoun follows its noun directly
    relatives = [t for t in verb.subtree if t.tag_ in {"WP", "WDT"} and t.i < pronoun.i]
    if relatives and relatives[0].i > 0:
        before = pronoun.doc[relatives[0].i - 1]
        if before.pos_ in {"NOUN", "PROPN"}:
            heads.add(before.i)
    return heads


def _sentence_of(resolver: Resolver, position: int) -> int:
    starts = resolver.sentence_starts
    return bisect.bisect_right(starts, position) - 1


#: "the suspect", "the man": the named person of that gender the article spoke of last
PERSON_DESCRIPTIONS = word_map("actors", "anaphora.person_descriptions")
#: how many sentences back "the suspect" may find the named person it refers to
DESCRIPTION_WINDOW = 3
#: the modifiers that make a description ("23-year-old", "southwest Ohio", "Regina")
DESCRIPTION_MODIFIER_DEPS = word_set("actors", "anaphora.description_modifier_deps")
#: sectors of people a description never refers back to: "Const. Jason Michalyshen said ... the
#: man is charged" speaks of the accused, not of the officer; an official is "the officer", "the
#: judge", "the minister"
OFFICIAL_SECTORS = word_set("actors", "anaphora.official_sectors")


#: agent nouns of bodies from elsewhere: never the country the text names
FOREIGN = word_set("actors", "anaphora.foreign_nouns")
#: a state's posts abroad: a body of their own named by the text's words
POSTS_ABROAD = word_set("actors", "anaphora.posts_abroad")
#: a state's executive named with its demonym or its leader: an organisation of its own (D15)
GOVERNMENT_BODIES = word_set("actors", "anaphora.government_bodies")
#: adjectives that make a group noun other or several states' ("allied forces", "foreign
#: partners"): a group of no country (other_side_group)
OTHER_SIDE_MODIFIERS = word_set("actors", "anaphora.other_side_modifiers")


#: the mention kinds that name an actor of a pair told of before ("Hacker", "Kenya", "Pyongyang")
PAIR_NAMING_KINDS = word_set("actors", "anaphora.pair_naming_kinds")
#: how many sentences back both actors of a pair anaphor must be named
PAIR_WINDOW = 3


def pair_antecedent(resolver: Resolver, cand: Candidate) -> list[Draft]:
    """The two actors of the candidate's kind that "the two countries", "both" or "the pair"
    stand for: the last two the text named (by name, not by a pronoun or description) within
    :data:`PAIR_WINDOW` sentences before it, the first named first; empty when the text named
    fewer there."""
    from dateline.actors.coref import PAIR

    here = _sentence_of(resolver, cand.head)
    pair: list[Draft] = []
    for prior, draft in reversed(resolver.assigned):
        if prior.head >= cand.head or prior.kind not in PAIR_NAMING_KINDS:
            continue
        if here - _sentence_of(resolver, prior.head) > PAIR_WINDOW:
            break
        if draft.kind == cand.pair_of and all(d is not draft for d in pair):
            pair.append(draft)
            if len(pair) == PAIR:
                return pair[::-1]
    return []


def coordinated_people(resolver: Resolver, cand: Candidate) -> list[Draft]:
    """The people joined by "and" that a plural pronoun stands for, a mention of each (issue 11);
    empty otherwise ("it"/"they" of bodies: :func:`thing_antecedent`).

    - its own sentence: "The President of Russia and the Chancellor of Germany will continue
      their contacts", "As Bozkina and Glowacki threaten the group, they ... try to flee": a
      subject before the pronoun that joins people (names, titles or roles) is the pronoun's
      antecedent, the nearest such subject first (Lappin & Leass 1994: subjects are the most
      salient), unless the pronoun is an argument of that subject's own verb ("X and Y praised
      them": binding principle B);
    - the sentence before: "Cassandra Rivera, Elizabeth Ramirez, Kristie Mayhugh and Anna
      Vasquez were sentenced ... They were released on bond": a subject "they" opening the
      sentence after one whose subject joins people named so.
    """
    if cand.number != "plural":
        return []
    token = token_index(resolver.doc).tokens[cand.head]
    here = _sentence_of(resolver, cand.head)
    own = _joined_people(resolver, resolver.sentence_starts[here], token.i, token)
    if own:
        return own
    if token.lower_ != "they" or token.dep_ not in SUBJECT_DEPS or here == 0:
        return []
    start, end = resolver.sentence_starts[here - 1], resolver.sentence_starts[here]
    return _joined_people(resolver, start, end, None)


#: mention kinds that name a person a plural pronoun may stand for in its own sentence: not a
#: pronoun nor a description ("the President of Russia and the Chancellor of Germany ... their")
JOINED_PERSON_KINDS = word_set("actors", "anaphora.joined_person_kinds")


def _joined_people(resolver: Resolver, start: int, end: int, pronoun: Token | None) -> list[Draft]:
    """The people of the last subject between tokens ``start`` and ``end`` that joins two or
    more person mentions by "and", first named first; with ``pronoun`` (its own sentence) role
    mentions count too, and a subject of the pronoun's own verb does not."""
    kinds = JOINED_PERSON_KINDS if pronoun is not None else PAIR_NAMING_KINDS
    named = {
        prior.head: draft
        for prior, draft in resolver.assigned
        if start <= prior.head < end and prior.kind in kinds
    }
    if pronoun is not None and not named:
        return []  # (most sentences: no person named before the pronoun, no walk)
    found: list[Draft] = []
    # the index's tokens (a slice of the Doc makes a new Token of every word of the sentence)
    for subject in token_index(resolver.doc).tokens[start:end]:
        if subject.dep_ not in SUBJECT_DEPS:
            continue
        if pronoun is not None and pronoun.dep_ != "poss" and subject.head.i == pronoun.head.i:
            continue  # "X and Y praised them": them is not X and Y
        # the parser may hang the list on the first name as an apposition ("Rivera, Ramirez,
        # Mayhugh and Vasquez": Ramirez appos, the others its conjuncts)
        listed = [c for c in subject.children if c.dep_ == "appos" and c.conjuncts]
        joined = [*subject.conjuncts, *listed, *(t for c in listed for t in c.conjuncts)]
        if not joined:
            continue
        people = [named.get(t.i) for t in (subject, *joined)]
        if all(d is not None and d.kind == "person" for d in people):
            distinct: list[Draft] = []
            for draft in people:
                if draft is not None and all(d is not draft for d in distinct):
                    distinct.append(draft)
            if len(distinct) > 1:
                found = distinct
                if pronoun is None:
                    return found  # the sentence before: its first such subject, as before
    return found


def serving_title_holder(resolver: Resolver, cand: Candidate) -> Draft | None:
    """ "According to the Adviser to the Head of the President's Office" after "Adviser to the
    Head of the President's Office Mykhailo Podoliak": one serving title ("the Adviser", "the
    Envoy"), capitalised as a title is, is the one person the article named after a title with
    that word, not the group of advisers."""
    doc = resolver.doc
    head = doc[cand.head]
    if not (
        cand.definite
        and cand.number == "singular"
        and head.lower_ in SERVING_TITLES
        and head.text[:1].isupper()
        and head.i > 0
        and not doc[head.i - 1].is_sent_start  # a capital that is no sentence's first word
    ):
        return None
    holders: list[Draft] = []
    for named, draft in resolver.assigned:
        if draft.kind != "person" or named.kind != "name" or named.start >= cand.start:
            continue
        if doc[named.end - 1].text not in draft.name.split():
            continue  # "the Head of the President's Office" standing for its holder: no name
        i = named.start - 1
        while i >= 0 and named.start - i <= LABEL_MAX_TOKENS:
            token = doc[i]
            if token.lower_ == head.lower_:
                if all(d is not draft for d in holders):
                    holders.append(draft)
                break
            joiner = token.lower_ in LABEL_JOINERS | RECIPIENT_WORDS  # "Adviser *to the* Head"
            if not (token.text[:1].isupper() or joiner) or token.is_space:
                break
            i -= 1
    return holders[0] if len(holders) == 1 else None


def described_person(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The person a definite description refers back to: "Wesley Brookes, 18, ... The
    teenager", "police arrested Vernon Adkins ... the man" (a named person of the gender the noun
    says, nearer sentences and subjects first, never an official), else the unnamed person a
    description of the same noun introduced, however far back ("A 23-year-old man ... The man
    is charged"), else, for "the suspect", the person the lede introduced."""
    doc = resolver.doc
    head = doc[cand.head]
    lemma = head.lemma_.lower()
    if lemma not in PERSON_DESCRIPTIONS or head.tag_ not in {"NN", "NNP"}:
        return None
    if not any(c.lower_ in DEFINITE_DETERMINERS for c in head.lefts):
        return None  # "a man was stabbed" introduces somebody new
    gender = PERSON_DESCRIPTIONS[lemma] or None
    here = _sentence_of(resolver, cand.head)
    people = (
        (prior, draft)
        for prior, draft in resolver.assigned
        if prior.kind in {"name", "title"}
        and draft.kind == "person"
        and draft.source != "table"
        and draft.sector not in OFFICIAL_SECTORS
        and prior.head < cand.head
        and (gender is None or (draft.gender or draft.prior) in {None, gender})
    )
    found = nearest_antecedent(doc, people, here, DESCRIPTION_WINDOW, _sentence_of_in(resolver))
    if found is not None:
        return found
    # no named person: the unnamed one a description introduced ("A 23-year-old man ... the
    # man"), of the same noun, or of the gender a gendered noun says; having no name, the text
    # keeps calling them so however long ago they came in
    unnamed = [
        (prior, draft)
        for prior, draft in resolver.assigned
        if prior.head < cand.head
        and prior.kind != "pronoun"
        and doc[prior.head].tag_ == "NN"
        and (draft.kind == "group" or prior.head in resolver.lede_descriptions)
        and (
            doc[prior.head].lemma_.lower() == lemma
            or (
                gender is not None
                and PERSON_DESCRIPTIONS.get(doc[prior.head].lemma_.lower()) == gender
            )
        )
    ]
    anywhere = len(resolver.sentence_starts)
    found = nearest_antecedent(doc, unnamed, here, anywhere, _sentence_of_in(resolver))
    if found is not None or gender is not None:
        return found
    # "the suspect", "the accused": the person the lede's description introduced ("A Regina
    # teenager is facing an attempted murder charge ... police say the suspect lived there")
    lede = [
        (prior, draft)
        for prior, draft in resolver.assigned
        if prior.head < cand.head and prior.head in resolver.lede_descriptions
    ]
    return nearest_antecedent(doc, lede, here, anywhere, _sentence_of_in(resolver))


#: nouns for the accused of a crime story, who is its protagonist whether "a" or "the" comes first
ACCUSED_NOUNS = word_set("actors", "anaphora.accused_nouns")


def accused_person(resolver: Resolver) -> Draft | None:
    """The protagonist of a crime or court story: the person it names with an age, else the
    unnamed person the lede's first sentence makes its subject ("A 23-year-old man is in a
    Winnipeg jail", "A Regina teenager is facing an attempted murder charge")."""
    doc = resolver.doc
    title_end = first_line_end(doc)
    for prior, draft in resolver.assigned:
        if prior.head not in resolver.lede_descriptions:
            continue
        if resolver.protagonist is not None and draft.kind == "person":
            return draft
        if doc[prior.head].idx > title_end and doc[prior.head].dep_ == "nsubj":
            return draft
    return None


def merge_title_description(resolver: Resolver) -> None:
    """ "Man charged with human trafficking" (the title) and "A 23-year-old man is in a Winnipeg
    jail" (the lede) are one unnamed person: the title's description joins the lede's one of the
    same noun, with every mention resolved to it."""
    doc = resolver.doc
    title_end = first_line_end(doc)
    if title_end < 0:
        return
    # the first unnamed description of each noun, in the title and in the body
    firsts: dict[tuple[bool, str], Draft] = {}
    for prior, draft in resolver.assigned:
        if prior.head not in resolver.lede_descriptions:
            continue
        head = doc[prior.head]
        in_body = head.idx > title_end
        # the body's may be the person the story names ("A 25-year-old man ... was arrested",
        # anaphora.same_act_named); the title's is still unnamed
        if draft.kind == "group" or (in_body and draft.kind == "person"):
            firsts.setdefault((in_body, head.lemma_), draft)
    for (in_body, lemma), title in list(firsts.items()):
        body = None if in_body else firsts.get((True, lemma))
        if body is None or body is title:
            continue
        body.mentions.extend(title.mentions)
        resolver.assigned = [(c, body if d is title else d) for c, d in resolver.assigned]
        resolver.drafts.pop(title.id, None)


#: a person's peers, whose possessor says nothing of their country ("his colleague")
PEER_NOUNS = word_set("actors", "anaphora.peer_nouns")
#: kinship nouns: a person related to the possessor, of no country ("his son", "the wife of ...")
KINSHIP_NOUNS = word_set("actors", "anaphora.kinship_nouns")


def kin(resolver: Resolver, cand: Candidate, head: Token) -> Draft:
    """The person a kinship noun names (group31): "his son" is the son of the person "his"
    refers to ("awarded to his son" after "Artem Zhoga": son of Artem Zhoga, whose surname the
    gold's "Vladimir Zhoga" shares), not a group of that person's country ("Russian son"); with
    no person to relate to ("the wife of the President of Ukraine") the bare noun, of no country
    ("Ukrainian wife" made the President's wife a group of Ukraine)."""
    owner = resolver.owner_of(cand) if cand.possessor is not None else None
    if owner is not None and owner.kind == "person":
        name = f"{head.lower_} of {owner.name}"
        return resolver.draft_named(name, "person", source="text")
    return resolver.draft_named(head.lower_, "group", sector=cand.sector, source="text")


#: participles that give a described person's name ("a man surnamed Jiang")
NAMING_PARTICIPLES = word_set("actors", "anaphora.naming_participles")
#: dependency labels of the name such a participle gives ("named Sarah Smith" oprd, "identified
#: as John Doe" pobj under "as")
NAME_GIVEN_DEPS = word_set("actors", "anaphora.name_given_deps")


def _given_name_head(head: Token) -> int | None:
    """The head of the name a participle after a person description gives it: "A 30-year-old man
    surnamed Jiang", "a woman named Sarah Smith", "a man identified as John Doe"."""
    for acl in head.rights:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in NAMING_PARTICIPLES:
            continue
        for child in acl.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                child = next((g for g in child.children if g.dep_ == "pobj"), child)
            if child.dep_ in NAME_GIVEN_DEPS and child.pos_ == "PROPN":
                return child.i
    return None


def merge_named_descriptions(resolver: Resolver) -> None:
    """ "A 30-year-old man surnamed Jiang has been arrested": the unnamed person a description
    introduces and the person the participle after it names are one person, with every mention
    of the description (and what referred back to it: "Police said he was lucid") the named
    person's."""
    doc = resolver.doc
    named_at = {
        prior.head: draft
        for prior, draft in resolver.assigned
        if prior.kind == "name" and draft.kind == "person"
    }
    for prior, draft in list(resolver.assigned):
        head = doc[prior.head]
        if draft.kind != "group" or head.tag_ != "NN" or prior.kind == "pronoun":
            continue
        if head.lemma_.lower() not in PERSON_DESCRIPTIONS:
            continue
        given = _given_name_head(head)
        person = named_at.get(given) if given is not None else None
        if person is None or person is draft or draft.id not in resolver.drafts:
            continue
        person.mentions.extend(draft.mentions)
        person.mentions.sort(key=lambda m: m.start)
        resolver.assigned = [(c, person if d is draft else d) for c, d in resolver.assigned]
        resolver.drafts.pop(draft.id, None)


def _sentence_of_in(resolver: Resolver) -> Callable[[int], int]:
    return lambda i: _sentence_of(resolver, i)


#: the sentences (title first) where a description introduces the story's protagonist
LEDE_SENTENCES = 3
#: the largest number an age apposition may hold ("Munir Abdulkader, 22,")
OLDEST_AGE = 110


def lede_descriptions(doc: Doc, candidates: list[Candidate], starts: list[int]) -> set[int]:
    """Head tokens of the singular person descriptions with no definite determiner in the title
    and first sentences: "Ohio man gets 20 years prison", "A southwest Ohio man who admitted ...",
    "A Regina teenager is facing an attempted murder charge" (local and court news introduce the
    accused so, and name them later, if at all)."""
    heads: set[int] = set()
    for cand in candidates:
        if cand.agent is None or cand.kind == "pronoun":
            continue
        head = doc[cand.head]
        if bisect.bisect_right(starts, head.i) - 1 >= LEDE_SENTENCES:
            break
        if (
            head.tag_ == "NN"
            and head.lemma_.lower() in PERSON_DESCRIPTIONS
            and not any(c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" for c in head.lefts)
        ):
            heads.add(head.i)
    return heads


SMALL_NUMBERS = word_map("actors", "anaphora.small_numbers")


def aged_people(doc: Doc, candidates: list[Candidate]) -> list[str]:
    """The distinct named private people the article introduces with an age, in text order."""
    names: dict[str, str] = {}
    for cand in candidates:
        if cand.target != "person" or cand.kind != "name" or cand.table_id or cand.sector:
            continue
        if len(cand.name.split()) >= 2 and _age_follows(doc, cand.end):
            names.setdefault(cand.name.casefold(), cand.name)
    return list(names.values())


def counted_named(doc: Doc, cand: Candidate, aged: list[str]) -> str | None:
    """ "London Police have arrested two people ... Kimberly Hacker, 30, and Vernon Adkins, 45":
    a counted group of people is the people the story names with an age when their number is the
    count, and keeps their names; so is a bare number that counts them ("Two arrested on drug
    and theft charges in London", that story's title; :func:`title_count_named`)."""
    head = doc[cand.head]
    count = SMALL_NUMBERS.get(head.lower_) if head.pos_ == "NUM" else None
    if count is None:
        count = next((SMALL_NUMBERS.get(c.lower_) for c in head.lefts if c.dep_ == "nummod"), None)
    if count is None or int(count) != len(aged) or len(aged) < 2:
        return None
    return f"{', '.join(aged[:-1])} and {aged[-1]}"


def title_count_named(
    doc: Doc, cand: Candidate, candidates: list[Candidate], aged: list[str]
) -> str | None:
    """ "Two arrested on drug and theft charges in London" (the title), then "London Police have
    arrested two people ... Kimberly Hacker, 43 ... Vernon Adkins, 40": a bare number is the
    group the body counts with the same number and names with ages (:func:`counted_named`)."""
    if doc[cand.head].pos_ != "NUM":
        return None
    named = counted_named(doc, cand, aged)
    if named is None:
        return None
    same = any(
        other.head != cand.head
        and doc[other.head].pos_ != "NUM"
        and counted_named(doc, other, aged) == named
        for other in candidates
    )
    return named if same else None


def aged_person(doc: Doc, candidates: list[Candidate]) -> Candidate | None:
    """The one named private person the article introduces with an age ("Wesley Jettediah
    Brookes, 18, of Regina has been charged", "Munir Abdulkader, 22, from the Cincinnati suburb"):
    the protagonist of a court or crime story; None when none or several are."""
    aged: dict[str, Candidate] = {}
    for cand in candidates:
        if cand.target != "person" or cand.kind != "name" or cand.table_id or cand.sector:
            continue
        if len(cand.name.split()) < 2 or not _age_follows(doc, cand.end):
            continue
        aged.setdefault(cand.name.casefold(), cand)
    return next(iter(aged.values())) if len(aged) == 1 else None


#: an age a description states ("A 25-year-old Paris, Missouri, man", "a 31 year old woman")
DESCRIBED_AGE = re.compile(r"\b(\d{1,3}) ?- ?years? ?- ?old\b")


def other_age(doc: Doc, person: Candidate, candidates: list[Candidate], lede: set[int]) -> bool:
    """Whether a lede description states an age the person named with an age does not have:
    "A 25-year-old Paris, Missouri, man was arrested" is not "Scott L. Berrey, 31"."""
    age = doc[person.end + 1].text
    for cand in candidates:
        if cand.head in lede:
            stated = DESCRIBED_AGE.search(doc[cand.start : cand.end].text)
            if stated is not None and stated.group(1) != age:
                return True
    return False


def same_act_named(resolver: Resolver, cand: Candidate) -> Candidate | None:
    """ "A 25-year-old ... man was arrested Friday ..." then "Kody R. Berrey was arrested just
    before 11 p.m.": the lede's unnamed subject is the one named private person the next
    sentence makes the subject of the same verb in the same voice."""
    doc = resolver.doc
    head = doc[cand.head]
    if head.dep_ not in {"nsubj", "nsubjpass"} or head.head.pos_ != "VERB":
        return None
    verb = head.head.lemma_
    here = _sentence_of(resolver, cand.head)
    found = {
        c.name.casefold(): c
        for c in resolver.candidates
        if c.kind == "name"
        and c.target == "person"
        and not c.table_id
        and _sentence_of(resolver, c.head) == here + 1
        and doc[c.head].dep_ == head.dep_
        and doc[c.head].head.lemma_ == verb
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _age_follows(doc: Doc, end: int) -> bool:
    """ "<name>, 22," / "<name>, 22, of": a number of years in apposition right after a name."""
    if end + 2 >= len(doc) or doc[end].text != "," or not doc[end + 1].like_num:
        return False
    number = doc[end + 1].text
    return number.isdigit() and 0 < int(number) <= OLDEST_AGE and doc[end + 2].text == ","


def introduced_as(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The named person "the student" refers to: the one the text introduced with that noun,
    before the name or in apposition ("Texas student Ahmed Mohamed", "Ahmed Mohamed, a 14-year-old
    boy from Irving ... the boy"), however far back; None when that is not exactly one person."""
    doc = resolver.doc
    head = doc[cand.head]
    if head.tag_ != "NN" or not any(c.lower_ in DEFINITE_DETERMINERS for c in head.lefts):
        return None
    lemma = head.lemma_.lower()
    found = {
        draft.id: draft
        for prior, draft in resolver.assigned
        if prior.head < cand.head
        and prior.kind in {"name", "title"}
        and draft.kind == "person"
        and lemma in _introducing_nouns(doc[prior.head])
    }
    return next(iter(found.values())) if len(found) == 1 else None


def lede_introductions(
    doc: Doc, candidates: list[Candidate], starts: list[int]
) -> dict[str, Candidate]:
    """The person each common noun introduces in the title and first sentences, when exactly one
    ("Valeska Paris, an Australian woman and former Scientologist, has claimed"; "Texas student
    Ahmed Mohamed"): the title's "Australian woman claims ..." is that person."""
    found: dict[str, dict[str, Candidate]] = {}
    for cand in candidates:
        if bisect.bisect_right(starts, cand.head) - 1 >= LEDE_SENTENCES:
            break
        if cand.kind != "name" or cand.target != "person":
            continue
        for noun in _introducing_nouns(doc[cand.head]):
            found.setdefault(noun, {}).setdefault(cand.name.casefold(), cand)
    return {noun: next(iter(named.values())) for noun, named in found.items() if len(named) == 1}


def _in_title_undetermined(doc: Doc, cand: Candidate) -> bool:
    """A singular common noun in the title with no determiner ("Kenyan journalist says ...")."""
    head = doc[cand.head]
    title_end = first_line_end(doc)
    return (
        0 <= head.idx < title_end
        and head.tag_ == "NN"
        and not any(c.dep_ in {"det", "poss"} for c in head.lefts)
    )


def _introducing_nouns(name: Token) -> set[str]:
    """Common nouns a name is introduced with: a modifier before it ("student Ahmed Mohamed") or
    an apposition either way ("Ahmed Mohamed, a 14-year-old boy"; "the boy, Ahmed")."""
    nouns = {
        c.lemma_.lower()
        for c in name.children
        if c.dep_ in {"compound", "appos"} and c.tag_ == "NN"
    }
    if name.dep_ == "appos" and name.head.tag_ == "NN":
        nouns.add(name.head.lemma_.lower())
    return nouns


def description(doc: Doc, cand: Candidate) -> str | None:
    """The words an indefinite person description introduces somebody with ("A 23-year-old man",
    "a southwest Ohio man"), without its determiner: an unnamed person keeps the text's
    description (records DECISIONS.md D47); None for a description with no modifier."""
    head = doc[cand.head]
    if head.tag_ != "NN":
        return None
    if head.lemma_.lower() not in PERSON_DESCRIPTIONS and (
        cand.sector in OFFICIAL_SECTORS
        or not any(c.lower_ in INDEFINITE_DETERMINERS for c in head.lefts)
    ):
        # "a U.S. military base employee" is one person too; "government workers" are not, and
        # "a Brazilian federal judge" acts for the courts
        return None
    if any(c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" for c in head.lefts):
        return None
    start = min(
        (c.left_edge.i for c in head.lefts if c.dep_ in DESCRIPTION_MODIFIER_DEPS), default=head.i
    )
    if start == head.i:
        return None
    return doc[start : head.i + 1].text


#: sectors of the people a number or a place describes ("3.4 million people in Ukraine"):
#: civilians and refugees, not forces or officials, who stand for their institution
COUNTED_SECTORS = word_set("actors", "anaphora.counted_sectors")
#: prepositions that say where counted people are ("people from Azovstal", "in the town of X")
WHERE_PREPOSITIONS = word_set("actors", "anaphora.where_prepositions")
#: plural nouns that count the people of their "of" phrase ("tens of thousands of people",
#: "hundreds of former fighters"): the count is part of the group's name (D47)
COUNT_NOUNS = word_set("actors", "anaphora.count_nouns")


def _count_top(head: Token) -> Token | None:
    """The first count noun of a chain of "of" phrases that counts ``head`` ("tens" of "tens of
    thousands of people"); None when nothing counts it so. Walks up the parse only."""
    top = head
    while (
        top.dep_ == "pobj"
        and top.head.lower_ == "of"
        and top.head.head.lower_ in COUNT_NOUNS
        and top.head.head.i < top.i
    ):
        top = top.head.head
    return None if top is head else top


def counted_people(doc: Doc, cand: Candidate) -> str | None:
    """The words that describe civilians by number or place ("more than 350,000 people", "about
    80 people in the town of Yeoncheon", "people from Azovstal"): such a group keeps them as its
    name (D47); a bare "people" or "civilians" stays the country's people."""
    head = doc[cand.head]
    if head.tag_ != "NNS":
        return None
    top = _count_top(head)
    counted = top is not None or any(c.dep_ == "nummod" for c in head.lefts)
    placed = [
        c for c in head.rights if c.dep_ == "prep" and c.lower_ in WHERE_PREPOSITIONS and c.children
    ]
    if not counted and not placed:
        return None
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ != "det"])
    if top is not None:  # "tens of thousands of people" (D47: the name as the text gives it)
        start = min([top.i] + [c.left_edge.i for c in top.lefts if c.dep_ != "det"])
    end = (placed[0].right_edge.i if placed else head.i) + 1
    return doc[start:end].text


#: nouns of bodies that a plural names by its words ("armed groups", "regional administrations")
PLURAL_BODY_NOUNS = word_set("actors", "anaphora.plural_body_nouns")


def plural_bodies(doc: Doc, cand: Candidate) -> str | None:
    """ "the armed groups who fought the armed forces", "Regional administrations": bodies of no
    country named in the plural with words that say which keep those words as their name (D47),
    not a bare "group" or "administration"; a bare "the groups" stays what it points back to."""
    head = doc[cand.head]
    if head.tag_ != "NNS" or head.lemma_.lower() not in PLURAL_BODY_NOUNS:
        return None
    modifiers = [c for c in head.lefts if c.dep_ in {"amod", "compound"}]
    clause = next((c for c in head.rights if c.dep_ in {"relcl", "acl"}), None)
    if not modifiers and clause is None:
        return None
    start = min([head.i] + [c.left_edge.i for c in modifiers])
    end = head.i
    if clause is not None:  # up to a conjunction the parser hung in it ("... prices and the")
        cut = next((t.i for t in doc[clause.i : clause.right_edge.i + 1] if t.dep_ == "cc"), None)
        end = cut - 1 if cut is not None else clause.right_edge.i
    return doc[start : end + 1].text


def of_whom(doc: Doc, cand: Candidate) -> str | None:
    """ "the governments of the region", "leaders of the continent": a plural body its "of" phrase
    places where no country is named keeps the phrase as its name (D47), not a bare
    "government"."""
    head = doc[cand.head]
    if head.tag_ != "NNS":
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    where = next((p for p in of.children if p.dep_ == "pobj"), None) if of is not None else None
    if where is None or where.pos_ == "PRON" or where.ent_type_ in {"PERSON", "ORG", "NORP"}:
        return None
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ not in {"det", "poss"}])
    return doc[start : where.i + 1].text  # not a clause that follows ("... meeting in X")


#: modifiers that only say how many or which of a group ("other officials", "many people"):
#: no words that name it
VAGUE_GROUP_MODIFIERS = word_set("actors", "anaphora.vague_group_modifiers")


def modified_group(doc: Doc, cand: Candidate) -> str | None:
    """ "Scientology officials", "Government officials", "Hundreds of former fighters": a plural
    group of no country that a noun before it (or a count of it) says which of keeps those words as
    its name (D47: the name as the text gives it; the records gold names such groups so), not the
    bare noun, which would also join every other "officials" of the article into one actor. An
    adjective alone ("federal officials", "former aides") leaves the bare noun: on dev, groups so
    split from the article's other "officials" lost the country the joined actor had."""
    head = doc[cand.head]
    if head.tag_ != "NNS":
        return None
    modifiers = [
        c
        for c in head.lefts
        if c.dep_ == "compound"
        and c.lower_ not in VAGUE_GROUP_MODIFIERS
        and c.ent_type_ not in {"GPE", "NORP", "PERSON", "CARDINAL"}
    ]
    top = _count_top(head)  # "Hundreds of former fighters": the count too
    if not modifiers and top is None:
        return None
    start = min([head.i] + [c.left_edge.i for c in modifiers])
    if start < cand.start:
        return None  # a modifier the mention does not hold ("his" of "his former aides")
    if top is not None:
        start = min([top.i] + [c.left_edge.i for c in top.lefts if c.dep_ != "det"])
    return doc[start : head.i + 1].text


def other_side_group(doc: Doc, cand: Candidate) -> str | None:
    """ "foreign partners", "the allied forces", "a multinational force", "some Western leaders",
    "all Ukraine's partners": the text's words for a group whose modifier says its members are
    other states' or several states' (:data:`OTHER_SIDE_MODIFIERS`), or whose possessor is the
    state they are partners or allies *of* (:data:`PEER_NOUNS`); None for any other mention.
    Such a group is a party of its own with no country (GUIDELINES "Fields": the most specific
    name the article gives; country null when the article does not make it clear): not the
    country the article names, nor the speaker's, which it joined before (dev: "foreign
    partners" and "all Ukraine's partners" were Ukraine, "the allied forces" Kuwait's).
    A plural, or a singular force ("a multinational force"): "the foreign ministry" and "the
    international community" are no such group."""
    head = doc[cand.head]
    plural = head.tag_ in {"NNS", "NNPS"}
    if cand.country is None and (plural or cand.sector == "MIL"):
        side = next(
            (c for c in head.lefts
             if c.dep_ in {"amod", "compound"} and c.lower_ in OTHER_SIDE_MODIFIERS),
            None,
        )  # fmt: skip
        if side is not None:
            return doc[side.i : head.i + 1].text
    if plural and head.lemma_.lower() in PEER_NOUNS:
        owner = next(
            (c for c in head.lefts if c.dep_ == "poss" and c.ent_type_ in {"GPE", "NORP"}), None
        )
        if owner is not None:  # "Ukraine's partners": Ukraine is whose partners they are
            return doc[owner.left_edge.i : head.i + 1].text
    return None


#: how many "of" phrases down a group's country may be named: "servicemen of the Armed Forces
#: of Ukraine" (the body they serve, then its country)
OF_COUNTRY_DEPTH = 2


def of_country(doc: Doc, cand: Candidate) -> str | None:
    """ "404 servicemen of the Armed Forces of Ukraine", "soldiers of Ukraine": a group whose
    "of" phrase names a country, directly or through the body it belongs to, is that country's
    (D16: the country an actor acts for)."""
    token = doc[cand.head]
    for _ in range(OF_COUNTRY_DEPTH):
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        found = next((p for p in of.children if p.dep_ == "pobj"), None) if of else None
        if found is None:
            return None
        token = found
        if token.ent_type_ == "GPE":
            entity = next(
                (e for e in token_index(doc).entities if e.start <= token.i < e.end), None
            )
            state = country_by_name(entity.text if entity is not None else token.text)
            return state.alpha3 if state is not None else None
    return None


#: positions of the people a verb is done to: its object, the subject of its passive
PATIENT_DEPS = word_set("actors", "anaphora.patient_deps")


def earlier_patients(resolver: Resolver, cand: Candidate) -> Draft | None:
    """ "Police arrest five ... those arrested were to be transferred": a group a participle
    describes ("those arrested", "those detained") is the people the text told of last as done
    that to: the object of the same verb, the subject of its passive, or a title's counted
    head ("Two arrested"); None when the text told of none."""
    doc = resolver.doc
    head = doc[cand.head]
    participle = next((c for c in head.rights if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is None:
        return None
    lemma = participle.lemma_.lower()
    for prior, draft in reversed(resolver.assigned):
        token = doc[prior.head]
        if prior.head >= cand.head or prior.kind == "pronoun" or draft.kind != "group":
            continue
        if (token.dep_ in PATIENT_DEPS and token.head.lemma_.lower() == lemma) or any(
            c.dep_ == "acl" and c.lemma_.lower() == lemma for c in token.rights
        ):
            return draft
    return None


#: entity labels of a country or a people: "Russia's troops" are a country's group, not a client's
COUNTRY_LABELS = word_set("actors", "anaphora.country_labels")


def _a_client(token: Token) -> bool:
    """A proper name of a person or body, not of a country (the small model's label may be off:
    "Scientology" is LOC in one sentence, ORG in the next)."""
    return token.pos_ == "PROPN" and token.ent_type_ not in COUNTRY_LABELS


def for_whom(doc: Doc, cand: Candidate) -> str | None:
    """ "an attorney for Scientology", "Mr. Antar's attorneys", "Hun Sen's troops": people who
    act for a named person or body keep the words that name it (D47), not a bare noun or their
    country's group; None when no name says whose."""
    head = doc[cand.head]
    owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
    if owner is not None and _a_client(owner):
        start = min(c.left_edge.i for c in head.lefts if c.dep_ in {"poss", "compound", "amod"})
        return doc[start : head.i + 1].text
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
    client = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if client is None or not _a_client(client):
        return None
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ not in {"det", "poss"}])
    return doc[start : client.right_edge.i + 1].text


def titled_person(resolver: Resolver, cand: Candidate) -> Draft | None:
    """ "Calgary MLA Sandra Jansen ... the former Tory MLA ... The Calgary-North West MLA": a
    title with no name is the one person the article gives that title before a name, before or
    after; None when it gives it to none or several. Role nouns ("the president") have their
    own rules (offices held on the article's date)."""
    if cand.kind in {"pronoun", "title"}:
        return None
    doc = resolver.doc
    head = token_index(doc).tokens[cand.head]  # asked for most mentions: no Token made anew
    word = head.lower_
    if word not in TITLE_SECTORS or word in ROLE_NOUNS:
        return None
    if head.tag_ in {"NNS", "NNPS"} or any(
        is_first_name(t.text) for t in doc[cand.start : cand.end]
    ):
        return None
    if any(c.lower_ in INDEFINITE_DETERMINERS for c in head.lefts):
        return None  # "a detective said": somebody new
    titled = {
        other.name: other
        for other in resolver.candidates
        if other.kind == "title"
        and other.target == "person"
        and any(t.lower_ == word for t in doc[other.start : other.end])
    }
    if len(titled) != 1:
        return None
    return resolver.person(next(iter(titled.values())), resolver.surnames)


def earlier_title_holder(resolver: Resolver, cand: Candidate) -> Draft | None:
    """ "Russian Foreign Minister Sergei Lavrov met ... The minister said": a definite title
    with no name is the one person the article named with that title (or another word for it)
    in the last TITLE_REACH sentences before it; None when it named none or several so (records
    GUIDELINES: an actor is the person, whose name the scorer matches)."""
    if cand.kind in {"pronoun", "title", "name"} or cand.number == "plural":
        return None
    if cand.possessor is not None or cand.portfolio or cand.role_country or cand.to_country:
        return None  # "his minister", "the Minister of Education", "the envoy to": own rules
    head = token_index(resolver.doc).tokens[cand.head]
    others = BARE_TITLES.get(head.lower_)
    if others is None or head.tag_ not in {"NN", "NNP"}:  # "the minister", "the Minister"
        return None
    if not any(t.lower_ in DEFINITE_DETERMINERS for t in head.lefts):
        return None  # "a minister said": somebody new
    # "the defence minister" is not "Foreign Minister X": the title's own words must be there
    before = resolver.doc[cand.start : cand.head]
    qualifiers = {t.lower_ for t in before if t.lower_ in TITLE_WORDS}
    here = _sentence_of(resolver, cand.start)
    fits: dict[str, Draft] = {}
    for prior, draft in resolver.assigned:
        if (
            prior.start < cand.start
            and draft.kind == "person"
            and here - _sentence_of(resolver, prior.start) <= TITLE_REACH
            and cand.country in {None, draft.country}  # "The Iraqi ambassador": an Iraqi
            and _titled_as(resolver.doc, prior, {head.lower_, *others}, qualifiers)
        ):
            fits[draft.id] = draft
    return next(iter(fits.values())) if len(fits) == 1 else None


def title_of_body_holder(resolver: Resolver, cand: Candidate) -> Draft | None:
    """ "a report by Commander of the Joint Forces Oleksandr Pavliuk": a title whose "of" phrase
    names a body, then the name, is the named person (the parser leaves the name outside the
    title); None when no person's name ends the phrase or follows it at once."""
    if cand.kind in {"pronoun", "title", "name"} or cand.number == "plural":
        return None
    head = token_index(resolver.doc).tokens[cand.head]
    if head.lower_ not in BARE_TITLES or head.tag_ not in {"NN", "NNP"}:
        return None
    body = next((c for c in head.rights if c.lower_ == "of"), None)
    if body is None:
        return None
    # the parser hangs the name on the body's noun or leaves it just after the phrase
    last = body.right_edge.i + 1
    named = next(
        (
            other
            for other in resolver.candidates
            if other.target == "person" and other.kind == "name" and body.i < other.start <= last
        ),
        None,
    )
    return resolver.person(named, resolver.surnames) if named is not None else None


def _titled_as(doc: Doc, prior: Candidate, titles: set[str], qualifiers: set[str]) -> bool:
    """Whether a mention gives its person one of ``titles`` and every word of ``qualifiers``:
    in the title before the name ("Foreign Minister Sergei Lavrov") or in an apposition after
    it ("Nhek Bunchhay, his top military commander"); never a title no longer held nor another
    office ("Prime Minister X" for "the minister")."""
    if prior.kind in {"title", "role"}:  # "Ambassador X", "the Minister of Education"
        words = [t.lower_ for t in doc[prior.start : prior.end]]
    else:
        appositions = [c for c in doc[prior.head].children if c.dep_ == "appos"]
        if not appositions:
            return False
        words = [t.lower_ for t in appositions[0].subtree]
    if PAST_TITLES & set(words) or not qualifiers <= set(words):
        return False
    if (OTHER_OFFICES & set(words)) - qualifiers:
        return False  # "Prime Minister Boris Johnson" is no "the Minister"
    text = " ".join(words)
    return any(t in words or (" " in t and f" {t} " in f" {text} ") for t in titles)


def described_newcomer(doc: Doc, prior: Candidate, draft: Draft, gender: str) -> bool:
    """Whether a mention introduces an unnamed person a "he"/"she" can refer back to: "A
    23-year-old man is in jail after police allege he held a woman against her will" (a singular
    person description of an agreeing gender; named people are persons already)."""
    if draft.kind != "group" or prior.kind == "pronoun":
        return False
    head = doc[prior.head]
    if head.tag_ != "NN":
        return False
    said = PERSON_DESCRIPTIONS.get(head.lemma_.lower())
    return said is not None and said in {"", gender}


def agent(resolver: Resolver, cand: Candidate) -> Draft:
    """The actor a common-noun agent mention names (see the module docstring)."""
    noun = cand.agent
    assert noun is not None  # agent() is called for agent-noun candidates only
    protagonist = resolver.protagonist
    # the head noun and its lemma, read once (each rule below asked ``doc[cand.head]`` anew)
    head = token_index(resolver.doc).tokens[cand.head]
    lemma = head.lemma_.lower()
    if cand.head in resolver.lede_descriptions and protagonist is not None:
        said = PERSON_DESCRIPTIONS.get(lemma) or None
        if said is None or name_gender(protagonist.name) in {None, said}:
            # "A southwest Ohio man ... was sentenced" and "Munir Abdulkader, 22, ... had pleaded
            # guilty": the lede's unnamed person is the one the story names with an age
            return resolver.person(protagonist, resolver.surnames)
    if cand.head in resolver.lede_descriptions and protagonist is None:
        same_act = same_act_named(resolver, cand)
        if same_act is not None:
            return resolver.person(same_act, resolver.surnames)
    introduced = resolver.lede_introductions.get(lemma)
    if introduced is not None and _in_title_undetermined(resolver.doc, cand):
        # "Australian woman claims ..." (the title), "Valeska Paris, an Australian woman, ..."
        return resolver.person(introduced, resolver.surnames)
    if noun in ACCUSED_NOUNS and cand.head not in resolver.lede_descriptions:
        # "Investigators identified a male suspect", "the accused": the person the story is about
        accused = accused_person(resolver)
        if accused is not None:
            return accused
    described = described_person(resolver, cand) or introduced_as(resolver, cand)
    if described is not None:
        return described
    served = serving_title_holder(resolver, cand)
    if served is not None:
        return served
    if cand.definite and cand.sector in ATTACKER_SECTORS and head.tag_ == "NN":
        earlier = _earlier_attacker(resolver, cand)
        if earlier is not None:  # "A gunman opened fire ... police shot and killed the attacker"
            return earlier
    if cand.definite and not cand.country and cand.sector == "GOV":
        same = _earlier_country_noun(resolver, cand)
        if same is not None:  # "The Spanish government has refused ... the government dismissed"
            return same
    if cand.definite and not cand.country and cand.target == "organization":
        # "the company", "the group": a named organisation; "the victim" is no organisation
        earlier = _named_organization(resolver, cand)
        if earlier is not None:
            return earlier
    # "foreign partners", "allied forces", "Ukraine's partners": of no one country, so none of
    # the rules below that find a country applies (roles24)
    other_side = other_side_group(resolver.doc, cand)
    country = None if other_side is not None else cand.country
    if lemma in KINSHIP_NOUNS:
        return kin(resolver, cand, head)
    peers = lemma in PEER_NOUNS  # "his colleague": anyone's
    if country is None and other_side is None and cand.possessor is not None and not peers:
        owner = resolver.owner_of(cand)  # "his troops" are the troops of his country
        country = owner.country if owner is not None and owner.kind == "person" else None
    if country is None and other_side is None:
        country = of_country(resolver.doc, cand)  # "servicemen of the Armed Forces of Ukraine"
    # "A gunman opened fire", "the student": one unnamed person, whose country the story does
    # not say by naming a country; a group ("police", "troops") is the country's
    one_person = (
        cand.target == "group"
        and head.tag_ == "NN"
        and cand.sector not in OFFICIAL_SECTORS  # "an officer", "a soldier": their institution
    )
    if (
        country is None
        and resolver.context is not None
        and not one_person
        and noun not in FOREIGN
        and other_side is None
    ):
        # ("the occupiers" of a country's war, an embassy in it come from elsewhere)
        # only a country named in an earlier sentence: in "Police arrested two Americans" the
        # Americans say nothing about whose police acted
        named, where = resolver.context
        if _sentence_of(resolver, where) < _sentence_of(resolver, cand.head):
            country = named
    if noun in POSTS_ABROAD:  # "the U.S. embassies": a body of its own, in the text's words
        post = " ".join(t.text for t in resolver.doc[cand.start : cand.head + 1] if t.dep_ != "det")
        return resolver.draft_named(post, "organization", country=country, sector=cand.sector)
    body = government_body(resolver, cand, country)
    if body is not None:  # "The Cuban government", "the Clinton administration" (D15, D47)
        return body
    if cand.sector == "GOV" and country:  # "the ministry", "officials": the state acting
        return resolver.country(country, "GOV")
    person_noun = lemma in PERSON_DESCRIPTIONS
    place = None if person_noun else cand.place  # "a Regina teenager": no force
    if place is None and not person_noun and noun not in resolver.local_agents and not cand.country:
        # "Winnipeg police Const. Jason Michalyshen said police made the arrest": a force the
        # article names only in a title is the bare "police" of the article
        if resolver.titled_forces is None:
            resolver.titled_forces = titled_forces(resolver.doc)
        place = resolver.titled_forces.get(noun)
    if place is not None:  # "Montreal police": the force of a town keeps the town's name
        name = f"{place} {noun}"
        local = resolver.draft_named(
            name, "organization", country=country, sector=cand.sector, source="text"
        )
        resolver.local_agents[noun] = local
        return local
    if noun in resolver.local_agents and not cand.country:
        return resolver.local_agents[noun]  # a bare "police" after "Montreal police"
    if place is None and not cand.country and cand.sector in NAMED_FORCE_SECTORS:
        force = _named_force(resolver, noun)
        if force is not None:  # "arrested by police" ... "the Irving Police Department"
            resolver.local_agents[noun] = force
            return force
    kind = "group" if cand.target == "group" or other_side is not None else "organization"
    state = country_by_code(country) if country else None
    words = description(resolver.doc, cand) if kind == "group" else None
    if words is None and kind == "group" and cand.sector in COUNTED_SECTORS:
        words = counted_named(resolver.doc, cand, resolver.aged_people) or counted_people(
            resolver.doc, cand
        )
    if words is None and kind == "organization" and state is None:
        words = plural_bodies(resolver.doc, cand)  # "the armed groups", "Regional administrations"
    if words is None and state is None:
        words = of_whom(resolver.doc, cand)
    if words is None:
        words = for_whom(resolver.doc, cand)
    if words is None and kind == "group" and state is None:
        words = modified_group(resolver.doc, cand)  # "Scientology officials", "former fighters"
    if words is None:
        words = other_side  # "foreign partners", "a multinational force": the text's words
    if words is not None:  # "A 23-year-old man", "more than 350,000 people": D47
        return resolver.draft(
            counted_id(words), words, kind, country=country, sector=cand.sector, source="text"
        )
    noun = as_numbered(head, noun)
    if state is None:
        name = head.lower_ if one_person else noun  # "gunman", not "attackers"
        return resolver.draft_named(name, kind, sector=cand.sector, source="text")
    demonym = state.demonyms[0] if state.demonyms else state.name
    pattern = GROUP_NAMES.get(cand.sector or "") if kind == "group" else None
    name = (pattern or "{demonym} " + noun).format(demonym=demonym)
    return resolver.draft_named(name, kind, country=state.alpha3, sector=cand.sector, source="text")


#: a small number's word by its digits ("4": "four"), from the number words above
NUMBER_WORDS = {digits: word for word, digits in SMALL_NUMBERS.items() if word.isalpha()}


def counted_id(words: str) -> str:
    """The actor id of a group the text names by its own words, its number spelled out
    (group31): "4 young boys" (a title) and "four young boys" (the lede) are one group."""
    from dateline.actors.coref import slug  # coref builds on this module

    return slug(" ".join(NUMBER_WORDS.get(word, word) for word in words.split()))


def as_numbered(head: Token, noun: str) -> str:
    """The agent noun's name in the number the text gives its head (group31): "113 churches",
    "houses, hospitals and churches" are churches, not one "church", and the records scorer
    matches a party by a shared word, which "church" and "churches" are not. A name the table
    gives in the plural or as a collective ("children", "police") is kept."""
    if head.tag_ == "NNS" and noun == head.lemma_.lower() and head.lower_ != noun:
        return head.lower_
    return noun


#: sectors whose bare noun is the one force of that kind the article names ("police" and "the
#: Irving Police Department"); a bare "forces" may be either side's
NAMED_FORCE_SECTORS = word_set("actors", "anaphora.named_force_sectors")
POLICE_FORCE_WORDS = word_set("actors", "anaphora.police_force_words")


def government_body(resolver: Resolver, cand: Candidate, country: str | None) -> Draft | None:
    """The organisation a singular executive noun names with its own modifier: the state's
    demonym or name ("The Cuban government", "the U.S. government") or its leader's name ("the
    Clinton administration"). The gold codes such a party by the text's words as an
    organisation of that state (DECISIONS.md D15, D47), which a bare state ("Cuba") does not
    match; "the government" alone, "Russian officials" stay the state acting."""
    doc = resolver.doc
    head = doc[cand.head]
    if head.tag_ != "NN" or head.lemma_.lower() not in GOVERNMENT_BODIES:
        return None
    led = any(c.dep_ in {"compound", "poss"} and c.ent_type_ == "PERSON" for c in head.lefts)
    if cand.country is None and not led:
        return None
    words = [t.text for t in doc[cand.start : cand.head + 1] if t.dep_ != "det"]
    if len(words) < 2:
        return None
    name = " ".join(words)
    return resolver.draft_named(name, "organization", country=country, sector="GOV", source="text")


def _earlier_country_noun(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The country whose body of the same noun the text named last ("the Spanish government"),
    for a definite noun without a country ("the government"): the one just told of, however
    many countries the article names."""
    doc = resolver.doc
    lemma = doc[cand.head].lemma_.lower()
    for prior, draft in reversed(resolver.assigned):
        if prior.head >= cand.head or prior.kind == "pronoun":
            continue
        body = draft.kind == "organization" and draft.sector == "GOV" and draft.source == "text"
        if draft.kind != "country" and not body:
            continue
        if doc[prior.head].lemma_.lower() == lemma and (prior.country or body):
            return draft  # "The Spanish government ... the government"; a body named (D15)
    return None


def _earlier_attacker(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The one unnamed attacker the story told of before ("a gunman"), for a definite singular
    noun of the same kind ("the attacker", "the assailant")."""
    for prior, draft in reversed(resolver.assigned):
        if prior.head >= cand.head or draft.sector not in ATTACKER_SECTORS:
            continue
        if resolver.doc[prior.head].tag_ == "NN":
            return draft
    return None


def _named_force(resolver: Resolver, noun: str) -> Draft | None:
    """The one organisation the article names with an agent noun in its name ("the Irving Police
    Department", "Queensland Police Service", "Kentucky State Police"), before or after: a bare
    "police" of the article is it. None when the article names none or several."""
    words = {noun.casefold()}
    if noun.casefold() in POLICE_FORCE_WORDS:
        words |= POLICE_FORCE_WORDS  # "police" ... "the Los Angeles Sheriff's office"
    named = {
        cand.name: cand
        for cand in resolver.candidates
        if cand.kind == "name"
        and cand.target == "organization"
        and words & {w.removesuffix("'s") for w in cand.name.casefold().split()}
    }
    distinct = [
        cand
        for cand in named.values()
        if not any(initialism_of(cand.name, other.name) for other in named.values())
    ]
    if len(distinct) != 1:
        return None
    return resolver.organization(distinct[0])


#: linking words initials leave out ("SEC": Securities and Exchange Commission)
INITIALISM_SKIPS = word_set("actors", "anaphora.initialism_skips")


def initialism_of(short: str, full: str) -> bool:
    """ "LA Sheriff's office" is "Los Angeles Sheriff's office" written with initials, and "the
    SEC" the "Securities and Exchange Commission" (linking words have none)."""
    first, *rest = short.split()
    words = full.split()
    size = len(first)
    if not first.isupper() or size < 2 or len(words) <= len(rest):
        return False
    initialled = words[: len(words) - len(rest)]
    if words[len(initialled) :] != rest or initialled[0].casefold() in INITIALISM_SKIPS:
        return False
    letters = [w[0] for w in initialled if w.casefold() not in INITIALISM_SKIPS]
    return len(letters) == size and "".join(letters).upper() == first


def _named_organization(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The named organisation "the company"/"the group" refers back to: one whose name holds
    the noun ("the church" after "the Church of Scientology", "the Ministry" after "the Ministry
    of Defence") however far back, else the nearest, subjects first."""
    doc = resolver.doc
    here = _sentence_of(resolver, cand.head)
    noun = doc[cand.head].lemma_.lower()
    holding = [
        (prior, draft)
        for prior, draft in resolver.assigned
        if prior.kind == "name"
        and draft.kind == "organization"
        and prior.head < cand.head
        and noun in draft.name.lower().split()
    ]
    if holding:
        return nearest_antecedent(doc, holding, here, len(doc), _sentence_of_in(resolver))
    organizations = (
        (prior, draft)
        for prior, draft in resolver.assigned
        if prior.kind == "name"
        and draft.kind == "organization"
        and (
            cand.sector is None
            or draft.sector == cand.sector
            # "the police" is no newspaper named before it; "the company" may be any firm
            or (draft.sector is None and cand.sector not in OFFICIAL_SECTORS)
        )
    )
    return nearest_antecedent(doc, organizations, here, THING_WINDOW, _sentence_of_in(resolver))


def _coordinated(token: Token) -> bool:
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


def _subject_they_before(resolver: Resolver, here: int) -> Draft | None:
    """ "The two leaders assessed ... They reaffirmed a readiness ... at the UN. They noted that
    ...": a subject "they" right after a sentence whose subject was "they" goes on about the
    same actors (a chain of subjects), not whatever the sentence before named last."""
    doc = resolver.doc
    for prior, draft in reversed(resolver.assigned):
        sentence = _sentence_of(resolver, prior.head)
        if sentence < here - 1:
            return None
        head = doc[prior.head]
        if (
            sentence == here - 1
            and prior.kind == "pronoun"
            and prior.number == "plural"
            and head.dep_ == "nsubj"
            and head.head.dep_ == "ROOT"
        ):
            return draft
    return None


def thing_antecedent(resolver: Resolver, cand: Candidate) -> Draft | None:
    """The organisation, country or group "it"/"they" refers to (see the module docstring)."""
    doc = resolver.doc
    token = doc[cand.head]
    plural = cand.number == "plural"
    here = _sentence_of(resolver, token.i)
    if plural and token.dep_ == "nsubj":
        continued = _subject_they_before(resolver, here)
        if continued is not None:
            return continued
    verb = token.head
    co_arguments = {c.i for c in verb.children if c.dep_ in ARGUMENT_DEPS and c.i != token.i}
    co_arguments |= relative_head(token)
    # (nearest_antecedent takes none further back than THING_WINDOW sentences: the first token
    # of the earliest sentence it may take, so that each prior mention is tested with one
    # comparison of positions, not a search of the sentence starts)
    first = here - THING_WINDOW
    earliest = resolver.sentence_starts[first] if first > 0 else 0
    things = (
        (prior, draft)
        for prior, draft in resolver.assigned
        if earliest <= prior.head < token.i
        # "the Prime Ministers of Spain and Denmark ... I thanked them": the holders of a
        # shared role are no "it", but may be "they"
        and (
            draft.kind != "person" or (plural and prior.kind == "role" and prior.number == "plural")
        )
        and prior.kind != "pronoun"
        and prior.head not in co_arguments
        # "they" is no single country, but may be countries named together ("Spain and
        # Denmark ... I thanked them": the first of them stands for the pair)
        and not (plural and draft.kind == "country" and not _coordinated(doc[prior.head]))
        and not (not plural and prior.number == "plural")
    )
    return nearest_antecedent(doc, things, here, THING_WINDOW, lambda i: _sentence_of(resolver, i))
