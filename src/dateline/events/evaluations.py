"""A speaker's evaluation of an actor with no trigger word of the lexicon: "You are heroes!",
"Ukrainian forces are great", "they are slaves": a copula joining an actor to a word of praise is
SUPPORT, to a word of contempt ACCUSE, by whoever says it (records DECISIONS.md D5, D20: praise
of a named actor is SUPPORT; D26: an evaluative claim about a named actor, or one a pronoun
points to, is ACCUSE; PLOVER manual SUPPORT "praise", ACCUSE "criticize, denounce"; CAMEO 051
and 111). An evaluation of no actor ("it is great", "this is a disgrace") is no event here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.events import arguments as args
from dateline.events import implicit, patterns
from dateline.events.candidate import Candidate
from dateline.events.lexicon import Entry
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document

#: nouns that, said of an actor by a copula, praise it ("You are heroes!")
PRAISE_NOUNS = word_set("events", "evaluations.praise_nouns")
#: adjectives that, said of an actor by a copula, praise it ("Ukrainian forces are great")
PRAISE_ADJECTIVES = word_set("events", "evaluations.praise_adjectives")
#: nouns that, said of an actor by a copula, charge it ("they are slaves")
CHARGE_NOUNS = word_set("events", "evaluations.charge_nouns")
#: adjectives that, said of an actor by a copula, charge it ("they are cowardly")
CHARGE_ADJECTIVES = word_set("events", "evaluations.charge_adjectives")
COPULAS = word_set("events", "rules.copulas")
SECOND_PERSON = word_set("quotes", "speakers.second_person")

PRAISE_ENTRY = Entry(
    "be", (), "verb", "SUPPORT", None, 0.6, "'You are heroes!': praise of an actor (D5, D20)"
)
CHARGE_ENTRY = Entry(
    "be", (), "verb", "ACCUSE", "disapprove", 0.6, "'they are slaves': a charge (D26)"
)
EVALUATION_RULE = "evaluative predicate of an actor"


def _complement(word: Token) -> Token:
    """The copula's complement a predicate word is, or is a conjunct of ("not only a close
    neighbour but also an ally": the ally is said of Uzbekistan too)."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    return word


def _evaluation(predicate: Token, dep: str) -> Entry | None:
    """The row an evaluative predicate (a copula's ``dep``, "attr" or "acomp") codes as: praise
    or charge, else None."""
    word = predicate.lemma_.lower()
    praise, charge = (PRAISE_NOUNS, PRAISE_ADJECTIVES), (CHARGE_NOUNS, CHARGE_ADJECTIVES)
    for entry, (noun_words, adjective_words) in ((PRAISE_ENTRY, praise), (CHARGE_ENTRY, charge)):
        if dep == "attr" and predicate.pos_ in {"NOUN", "PROPN"} and word in noun_words:
            return entry
        if dep == "acomp" and predicate.pos_ == "ADJ" and word in adjective_words:
            return entry
    return None


def _judged(doc: Document, subject: Token) -> list[args.Argument] | None:
    """Who a copula's subject names, when it names an actor: the one spoken to ("you": its
    arguments, maybe none, as an address to a crowd names no one), or a named actor. None for the
    speaker's own side ("we are the best"), a thing or an act ("it is great", "the plight of
    women is greater": the "of" names whose plight, but the plight is judged, not the women)."""
    if subject.lower_ in SECOND_PERSON:
        return [a for a in args.arguments(doc, [subject]) if a.actors]
    if subject.pos_ == "PRON" or not args.names_people(subject) or _has_of(subject):
        # "they", "it", "this": no actor the sentence names (a pointing "this" is the attacker
        # events.discourse lends a label of the lexicon, D26)
        return None
    found = [a for a in args.arguments(doc, [subject]) if a.actors]
    return found or None


def _sayer(doc: Document, token: Token) -> list[args.Argument]:
    """Who says an evaluation: the quote's speaker, the stating verb's subject or the voice of
    the turn or address, else, in a readout, the outlet's head of state (as rule "judging
    voice")."""
    return patterns.sayer(doc, token) or implicit.readout_principal(doc, token)


def _has_of(noun: Token) -> bool:
    """Whether a noun names whose it is by an "of" ("the plight of women", "one of them")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def evaluated_actors(
    doc: Document, sent: SpacySpan, candidates: list[Candidate]
) -> list[Candidate]:
    """ "You are heroes!", "Ukrainian forces are great": one SUPPORT or ACCUSE per copula whose
    predicate is a word of :data:`PRAISE_NOUNS` ... :data:`CHARGE_ADJECTIVES` and whose subject
    names an actor (or the one spoken to), by the sayer of the sentence, the actor its target.
    Not where a lexicon trigger already codes the copula or its predicate."""
    taken = {c.trigger.i for c in candidates} | {c.clause.i for c in candidates}
    found: list[Candidate] = []
    for predicate in sent:
        complement = _complement(predicate)
        be = complement.head
        if complement.dep_ not in {"attr", "acomp"} or be.lemma_.lower() not in COPULAS:
            continue
        entry = _evaluation(predicate, complement.dep_)
        if entry is None or predicate.i in taken or be.i in taken:
            continue
        subject = args.first_child(be, {"nsubj"})
        judged = _judged(doc, subject) if subject is not None else None
        if judged is None:
            continue
        sayer = _sayer(doc, be)
        found.append(
            Candidate.of_rule(
                predicate, entry, str(entry.type), sayer, judged, EVALUATION_RULE, clause=be
            )
        )
    return found


#: nouns of a regard held for an actor ("we have great respect for the historical role Russia
#: played", "have very friendly feelings for the Russian people")
REGARD_NOUNS = word_set("events", "evaluations.regard_nouns")
#: verbs by which a regard is held ("have", "feel")
HOLDING_VERBS = word_set("events", "evaluations.holding_verbs")
REGARD_ENTRY = Entry(
    "have", (), "verb", "SUPPORT", None, 0.6, "'we have great respect for Russia': praise (D5, D20)"
)
REGARD_RULE = "regard held for an actor"


def _regarded(doc: Document, noun: Token) -> list[args.Argument]:
    """The actors a regard noun is "for" ("respect for the historical role Russia played": the
    role's own actor, Russia, as the argument heads read it)."""
    objects = [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "for"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return [a for a in args.arguments(doc, objects) if a.actors]


def held_regards(doc: Document, sent: SpacySpan, candidates: list[Candidate]) -> list[Candidate]:
    """ "we have great respect for the historical role Russia played", "The Mongolian people
    have very friendly feelings for the Russian people": a regard held for a named actor is praise
    of it, SUPPORT by the holder (its named subject, else the sayer) with the actor as target
    (D5, D20). Not where a lexicon trigger already codes the noun or its verb."""
    taken = {c.trigger.i for c in candidates} | {c.clause.i for c in candidates}
    found: list[Candidate] = []
    for noun in sent:
        verb = noun.head
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in REGARD_NOUNS:
            continue
        if verb.lemma_.lower() not in HOLDING_VERBS or noun.i in taken or verb.i in taken:
            continue
        regarded = _regarded(doc, noun)
        if not regarded:
            continue
        subject = args.first_child(verb, {"nsubj"})
        named = (
            [a for a in args.arguments(doc, [subject]) if a.actors] if subject is not None else []
        )
        holder = named or _sayer(doc, verb)
        found.append(
            Candidate.of_rule(
                noun, REGARD_ENTRY, "SUPPORT", holder, regarded, REGARD_RULE, clause=verb
            )
        )
    return found


#: words that, said of how an actor the speaker addresses or names acts, praise it ("you are
#: doing fine", "Our men are fighting courageously, heroically and professionally")
PRAISE_MANNERS = word_set("events", "evaluations.praise_manners")
MANNER_RULE = "praised manner of an actor"
#: how a manner word hangs on the verb: an adverb, or an adjective the parser makes its object
#: ("doing fine") or complement
MANNER_DEPS = word_set("events", "evaluations.manner_deps")


def praised_manners(doc: Document, sent: SpacySpan, candidates: list[Candidate]) -> list[Candidate]:
    """ "Everyone knows you're doing great.", "Our men are fighting courageously, heroically and
    professionally.": a speaker praising how an actor acts supports it (D5, D20; D120's praise of
    one's own troops), one SUPPORT per verb, by the speaker, the actor its target. Only inside a
    voice (an address or a turn), where the speaker's own evaluation is told; a reporter's
    "fought bravely" in the wire is left to the lexicon. Not on a verb that is a SUPPORT of its
    own."""
    if doc.voice_at(sent.start_char) is None:
        return []
    taken = {c.trigger.i for c in candidates}
    # "You are brilliantly defending the country": the verb's own SUPPORT is the praise
    praised = {c.trigger.i for c in candidates if c.type == "SUPPORT"}
    found: list[Candidate] = []
    for word in sent:
        if word.lower_ not in PRAISE_MANNERS or word.dep_ not in MANNER_DEPS or word.i in taken:
            continue
        verb = word
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head  # "courageously, heroically and professionally"
        verb = verb.head
        if verb.pos_ != "VERB" or verb.i in praised:
            continue
        subject = args.first_child(verb, {"nsubj"})
        judged = _judged(doc, subject) if subject is not None else None
        if judged is None:
            continue
        praised.add(verb.i)
        found.append(
            Candidate.of_rule(
                word, PRAISE_ENTRY, "SUPPORT", _sayer(doc, verb), judged, MANNER_RULE, clause=verb
            )
        )
    return found
