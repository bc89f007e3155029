"""From a parsed sentence to coded PLOVER events: triggers, arguments, factuality, boundary rules.

One candidate per trigger token. A support verb whose object is a nominal trigger ("held talks",
"launched an attack") is not an event of its own; the noun is, with the verb's clause. A verb
pattern that names its object ("impose sanction", "file lawsuit") is more specific than the noun
and takes it over. An event inside the complement of another act (a request, promise, threat,
refusal or accusation) keeps its own type but takes its factuality from that act
(:mod:`dateline.events.factuality`). Events without an actor are left out (issue 6).

This module finds the triggers; the rules that choose each trigger's actors, recipients,
factuality and mode are a table of named rules in :mod:`dateline.events.rules`, and PLOVER's
boundary rules that recode its type are in :mod:`dateline.events.boundary`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from typing import TYPE_CHECKING

from dateline.countries import country_by_demonym
from dateline.events import address, evaluations, implicit, patterns, rules
from dateline.events import arguments as args
from dateline.events.boundary import apply_boundary_rules, sent_for_a_purpose
from dateline.events.candidate import Candidate
from dateline.events.factuality import (
    CONDITIONAL_MARKS,
    PLAN_NOUNS,
    FactualityReading,
    read_factuality,
)
from dateline.events.lexicon import (
    POS_TAGS,
    Entry,
    is_support_verb,
    lexicon_tokens,
    match,
    object_words,
)
from dateline.events.patterns import CONTENT_GOVERNORS
from dateline.words import finder, word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.events.arguments import Argument
    from dateline.model import Actor

TRANSITIVE_ONLY = word_set("events", "coder.transitive_only")
HORTATIVE_SUBJECTS = word_set("events", "coder.hortative_subjects")
ADJ_COMPLEMENTS = word_map("events", "coder.adj_complements")
REQUIRES_RECIPIENT = word_set("events", "coder.requires_recipient")
NAMED_THINGS = word_set("events", "coder.named_things")
ACTOR_OBJECT_VERBS = word_set("events", "coder.actor_object_verbs")
AUDIENCE_WORDS = word_set("events", "coder.audience_words")
AUDIENCE_PREPOSITIONS = word_set("events", "coder.audience_prepositions")
#: entity labels of places: "an address in Kyiv" names where it was given, not to whom
PLACE_ENTITIES = word_set("events", "rules.place_entities")
BARE_ACT_VERBS = word_set("events", "coder.bare_act_verbs")
GENERIC_PRONOUNS = word_set("events", "coder.generic_pronouns")
EVENTIVE_HEADS = word_set("events", "coder.eventive_heads")
PHRASAL_OBJECT_PREPOSITIONS = word_set("events", "coder.phrasal_object_prepositions")
#: words longer than this are capitalised in a title-case headline ("of", "the", "and" are not),
#: so they tell a headline from a sentence that holds a proper name
TITLE_CASE_WORD_CHARS = 3


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}]
    for child in verb.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in PHRASAL_OBJECT_PREPOSITIONS:
            found.extend(p for p in child.children if p.dep_ == "pobj")
    return found


def _supports_its_noun(verb: Token) -> bool:
    """ "war crimes committed by the Russian army", "the talks held in Geneva": a participle
    modifying an event noun is that event's light verb, no event of its own."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ == "NOUN"
        and match(verb.head, "noun") is not None
    )


def _triggers(
    sent: SpacySpan, candidates: tuple[int, ...]
) -> dict[int, tuple[Token, Entry, Token]]:
    """trigger token index -> (token, entry, clause predicate). ``candidates``: the article's
    tokens that have lexicon rows (:func:`~dateline.events.lexicon.lexicon_tokens`); no other
    token can be a trigger, hold a pattern's word or be a support verb's noun."""
    found: dict[int, tuple[Token, Entry, Token]] = {}
    taken: set[int] = set()
    # both passes read every token's tag: spaCy builds a new Token (and looks its tag up) on
    # every access, so the tokens and their tags are taken once
    parsed = sent.doc
    first, last = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
    tokens = [(token, token.pos_) for token in map(parsed.__getitem__, candidates[first:last])]
    for token, pos in tokens:
        if pos not in {"VERB", "AUX"}:
            continue
        entry = match(token, "verb")
        objects = _objects(token)
        if entry is not None and entry.words:
            taken.update(n.i for n in objects)
            # "committed a war crime": the object's compound is the object's word too
            taken.update(c.i for n in objects for c in n.children if c.dep_ == "compound")
            # "signed cooperation and joint investment agreements", "addressed both chambers
            # of the parliament": a conjunct or "of" complement of the object that the pattern
            # names (lexicon.object_words) is its word, no event of its own
            taken.update(w.i for n in objects for w in object_words(n) if entry.names(w))
            # "provided us with support": a noun the pattern names is its word, not a trigger
            taken.update(
                p.i
                for c in token.children
                if c.dep_ == "prep"
                for p in c.children
                if p.dep_ == "pobj" and entry.names(p)
            )
        elif is_support_verb(token) and (
            # the objects' rows are looked up only for a support verb ("held talks")
            any(match(n, "noun") is not None for n in objects) or _supports_its_noun(token)
        ):
            continue  # "held talks": the noun is the trigger, this verb its clause
        if entry is None or entry.type is None:
            continue
        if token.lemma_.lower() == "tell" and not any(c.dep_ == "xcomp" for c in token.children):
            continue  # "told reporters" is speech; "told troops to liberate" is an order
        if token.lemma_.lower() == "let" and _hortative(token):
            continue  # "Let me remind you": no one is let do anything
        if (
            not entry.words
            and token.lemma_.lower() in TRANSITIVE_ONLY
            and not any(c.dep_ in {"dobj", "dative", "nsubjpass"} for c in token.children)
            # "was arrested and later released": the passive's subject is this one's too
            and args.passive_conjunct_subject(token) is None
        ):
            continue  # "returned to office": no object, no act ("called on X" names its own)
        if token.lemma_.lower() in TRANSITIVE_ONLY and not entry.words and _result_clause(token):
            # "left Washington more aligned", "left thousands homeless": a result, no act; a
            # pattern naming the complement is an act ("called the strike a war crime")
            continue
        if not _event_use(token):
            continue
        found[token.i] = (token, entry, token)
    for token, pos in tokens:
        if token.i in found or token.i in taken:
            continue
        if pos not in POS_TAGS["adj"] and pos not in POS_TAGS["noun"]:
            continue  # match() would find no entry
        if pos == "ADJ":
            entry = match(token, "adj")
            if entry is None or entry.type is None:
                continue
            needed = ADJ_COMPLEMENTS.get(token.lower_, "xcomp") or None
            # "grateful to X", "critical of X", "ready to talk" (an xcomp) or "ready for talks":
            # the complement, a word or a dependency, makes it an act
            if needed is not None and not any(
                c.lower_ in needed.split("|") or c.dep_ in needed.split("|") for c in token.children
            ):
                continue
            found[token.i] = (token, entry, token.head if token.dep_ == "acomp" else token)
            continue
        entry = match(token, "noun")
        if entry is None or entry.type is None:
            continue
        if token.ent_type_ in NAMED_THINGS:
            continue  # "the Second World War", "the Minsk Agreements": a name, not this event
        if (
            entry.type != "CONSULT" and _inside_name(token) and not _custody_place(token, entry)
        ) or _modifier_only(token):
            continue  # "the Order of the Golden Star"; a meeting's name is the meeting
        found[token.i] = (token, entry, _support_clause(token) or token)
        for word in token.children:
            if word.dep_ == "compound" and entry.names(word):
                found.pop(word.i, None)  # "war games", "war crime": the pattern's word, no event
    return found


def _hortative(let: Token) -> bool:
    """ "Let me remind you", "Let us remember": "let" whose clause's subject is the speaker."""
    return any(
        g.dep_ == "nsubj" and g.lower_ in HORTATIVE_SUBJECTS
        for c in let.children
        if c.dep_ in {"ccomp", "xcomp"}
        for g in c.children
    )


def _event_use(verb: Token) -> bool:
    """Whether a verb trigger is used of an event: not a participle that only describes a noun
    ("challenging economic issues"), not a generic relative clause ("everyone who defends the
    state"), and, for some verbs, with the object they need or lack ("hosted the envoy",
    "protesters marched")."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "amod" and verb.head.ent_type_ not in {"DATE", "TIME"}:
        return False  # "challenging economic issues" (not the misparsed "visited today")
    if verb.dep_ == "relcl" and verb.head.lower_ in GENERIC_PRONOUNS:
        return False
    if lemma in ACTOR_OBJECT_VERBS:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        if objects and not all(_names_somebody(c) for c in objects):
            return False
    return not (lemma in BARE_ACT_VERBS and any(c.dep_ in {"dobj", "ccomp"} for c in verb.children))


def _names_somebody(head: Token) -> bool:
    """Whether an object names a person, a body or a people ("the envoy", "the Knesset"), not a
    thing or an issue ("the Olympics", "this issue")."""
    return head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or (
        head.ent_type_ not in NAMED_THINGS and args.names_people(head)
    )


def _audience(noun: Token) -> list[Token]:
    """Who an address or a speech is given to: the verb's objects ("addressed the Verkhovna
    Rada", "addressing you and the Folketing"), or the people or body a preposition of the noun,
    or of its "by" phrase (the parser hangs "in the Knesset" on the speaker's name), names, not
    a place ("in Kyiv" is where). Reads the word's children and the "by" phrase's subtree, a
    few words: no walk over the sentence."""
    if noun.pos_ == "VERB":
        return [c for c in noun.children if c.dep_ == "dobj" and _names_somebody(c)]
    preps = [c for c in noun.children if c.dep_ == "prep"]
    for by in [c for c in preps if c.lower_ == "by"]:
        preps += [t for t in by.subtree if t.dep_ == "prep" and t is not by]
    return [
        g
        for prep in preps
        if prep.lower_ in AUDIENCE_PREPOSITIONS
        for g in prep.children
        if g.dep_ == "pobj" and g.ent_type_ not in PLACE_ENTITIES and _names_somebody(g)
    ]


def _foreign_audience(doc: Document, word: Token) -> bool:
    """Whether an address or speech is given to an audience other than the speaker's own
    nation (records DECISIONS.md D30: "Addressing a foreign parliament, forum or audience ... is
    CONSULT, speaker to audience"; D4 for titles): its audience (:func:`_audience`) names
    somebody, and not only the speaker's own people ("Address by the President to Ukrainians",
    "Before addressing you" in the nightly address are no meeting; "I also addressed the
    Verkhovna Rada" is). The speaker is the article's address voice (a voice with no
    addressee); an article with none (a readout, a transcript) excludes no audience."""
    heads = _audience(word)
    if not heads:
        return False
    voice = next((v for v in doc.voices if v.addressee is None), None)
    if voice is None:
        return True
    speaker = doc.extraction.actor(voice.speaker)
    country = speaker.country if speaker is not None else None
    spoken_to = args.arguments(doc, heads)
    heard = [doc.extraction.actor(a) for arg in spoken_to for a in arg.actors]
    if not heard:
        # "Before addressing you": the address's own hearers, its nation; "addressing you and
        # the Folketing" names another
        return not all(arg.span.text.lower() in SECOND_PERSON for arg in spoken_to)
    return country is None or not all(
        actor is not None and _own_people(actor, country) for actor in heard
    )


def _own_people(actor: Actor, country: str) -> bool:
    """Whether an actor is a country's state or people ("Ukraine", "the citizens",
    "Ukrainians"), not one of its bodies ("the Verkhovna Rada", "lawmakers")."""
    if actor.country is None:  # "Ukrainians": a people named by its demonym
        found = country_by_demonym(actor.name) or country_by_demonym(actor.name.removesuffix("s"))
        return found is not None and found.alpha3 == country
    return actor.country == country and (actor.kind == "country" or actor.sector == "CVL")


def _inside_name(noun: Token) -> bool:
    """A capitalised trigger inside a proper name ("the Order of the Golden Star"), not at the
    start of a sentence or in an all-capitalised headline."""
    if noun.pos_ != "PROPN" or noun.i == noun.sent.start or not noun.text[:1].isupper():
        return False
    words = [t for t in noun.sent if t.is_alpha and len(t.text) > TITLE_CASE_WORD_CHARS]
    return not all(t.text[:1].isupper() for t in words)  # headline case names nothing


def _custody_place(noun: Token, entry: Entry) -> bool:
    """A custody noun heading the name of the place someone is in ("was in the South Regional
    Jail in Beaver"): held in custody like "is in a Winnipeg jail" (records DECISIONS.md D32),
    the name being the jail's, not the act's."""
    return entry.type == "COERCE" and noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _modifier_only(noun: Token) -> bool:
    """A trigger noun that only modifies another noun ("asylum seekers", "life support
    facilities"), unless that noun is itself an event or a plan ("peace talks", "attack plot")."""
    if noun.dep_ != "compound" or noun.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = noun.head
    lemma = head.lemma_.lower()
    return match(head, "noun") is None and lemma not in PLAN_NOUNS | EVENTIVE_HEADS


#: prepositions whose object sets the time of a verb's act, never the act a light verb does
TIME_PREPOSITIONS = word_set("events", "coder.time_prepositions")
#: a light verb's objects that leave it the act after its preposition ("took part in talks")
PARTAKING_OBJECTS = word_set("events", "coder.partaking_objects")


def _support_clause(noun: Token) -> Token | None:
    """The support verb of a nominal trigger: "held talks", "went on strike", "talks he initiated"."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "expressed its rejection and condemnation": both are expressed
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ in {"NOUN", "PROPN", "X"}:
        # "launched a mediation effort", "held peace talks", "staged a coup d'etat" (a
        # borrowed word's head is tagged foreign)
        noun, head = head, head.head
    if noun.dep_ in {"dobj", "attr", "nsubjpass", "oprd"} and is_support_verb(head):
        return head
    if (
        noun.dep_ == "pobj"
        and head.dep_ in {"prep", "prt"}
        and head.lower_ not in TIME_PREPOSITIONS  # "showed qualities during the war"
        and is_support_verb(head.head)
        # "put emphasis upon the shelling": a verb with an object of its own does that, not the
        # act after the preposition ("took part in talks" does the talks)
        and not any(
            c.dep_ == "dobj" and c.lemma_.lower() not in PARTAKING_OBJECTS
            for c in head.head.children
        )
    ):
        return head.head
    for child in noun.children:
        if child.dep_ == "relcl" and is_support_verb(child):
            return child
        if child.dep_ == "acl" and child.tag_ == "VBN" and is_support_verb(child):
            return child  # "these agreements, signed last year", "crimes committed by X"
    return None


def drafts(doc: Document, sent: SpacySpan) -> list[tuple[rules.Context, rules.Draft]]:
    """Every trigger of a sentence with its draft after the rules (:data:`rules.RULES`), those a
    drop rule removed included: what each rule chose, before the boundary rules."""
    if doc.lexicon_tokens is None:
        doc.lexicon_tokens = lexicon_tokens(doc.parsed)
    triggers = _triggers(sent, doc.lexicon_tokens)
    triggers = {
        i: found
        for i, found in triggers.items()
        if found[1].words
        or found[0].lemma_.lower() not in AUDIENCE_WORDS
        or _foreign_audience(doc, found[0])
    }
    types = {i: entry.type for i, (_, entry, _) in triggers.items() if entry.type}
    found = [
        (context, rules.apply_rules(context))
        for token, entry, clause in triggers.values()
        for context in [rules.Context(doc, token, clause, entry, _ReadTypes(types))]
    ]
    # only a dropped trigger of a governing type can have given another its content
    dropped = {
        context.trigger.i
        for context, draft in found
        if draft.dropped and types.get(context.trigger.i) in CONTENT_GOVERNORS
    }
    if not dropped:
        return found
    # a trigger a drop rule removed is no act, so it governs no content: "I want to thank you"
    # thanks (no one is asked), "vowed to fight corruption" is no vow to fight anyone. The
    # triggers are coded again without those types; a trigger whose rules read none of them
    # would take the same steps again, so its draft is kept (a sixth of the coding was this)
    types = {i: t for i, t in types.items() if i not in dropped}
    recoded = []
    for context, draft in found:
        read = context.types
        context = rules.Context(doc, context.trigger, context.clause, context.entry, types)
        if not isinstance(read, _ReadTypes) or read.all or not read.keys_read.isdisjoint(dropped):
            draft = rules.apply_rules(context)
        recoded.append((context, draft))
    return recoded


class _ReadTypes(dict[int, str]):
    """A sentence's trigger types (:attr:`rules.Context.types`) that note which triggers' types
    the rules read (``keys_read``), or that they read them all (``all``): every way the rules
    and :func:`patterns.content_governor` read them goes through these methods."""

    __slots__ = ("all", "keys_read")

    def __init__(self, types: dict[int, str]) -> None:
        super().__init__(types)
        self.keys_read: set[int] = set()
        self.all = False

    def get(self, key: int, default: str | None = None) -> str | None:  # type: ignore[override]
        self.keys_read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: int) -> str:
        self.keys_read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.keys_read.add(key)  # type: ignore[arg-type]
        return super().__contains__(key)

    def __iter__(self) -> Iterator[int]:
        self.all = True
        return super().__iter__()

    def items(self) -> ItemsView[int, str]:  # type: ignore[override]
        self.all = True
        return super().items()

    def keys(self) -> KeysView[int]:  # type: ignore[override]
        self.all = True
        return super().keys()

    def values(self) -> ValuesView[str]:  # type: ignore[override]
        self.all = True
        return super().values()


def code_sentence(doc: Document, sent: SpacySpan) -> list[Candidate]:
    """Every event of a sentence: one per trigger that no drop rule removed, with the names of the
    rules that chose its actors, recipients and mode; then PLOVER's boundary rules."""
    candidates: list[Candidate] = []
    for context, draft in drafts(doc, sent):
        if draft.dropped:
            continue
        assert draft.reading is not None  # the factuality cues rule always reads one
        candidate = Candidate(
            context.trigger, context.clause, context.entry, draft.type, draft.mode, draft.actors,
            draft.recipients, draft.reading, None, draft.parties, draft.fired,
        )  # fmt: skip
        candidates.append(apply_boundary_rules(doc, candidate, content_of=draft.content_of))
    candidates = sent_for_a_purpose(candidates)
    candidates = _imperative_requests(doc, sent, candidates)
    candidates.extend(_deontic_requests(doc, sent, {c.trigger.i for c in candidates}))
    candidates.extend(_told_presence(doc, sent, candidates))
    candidates.extend(_joint_talk(doc, sent, candidates))
    candidates.extend(evaluations.evaluated_actors(doc, sent, candidates))  # "You are heroes!"
    candidates.extend(evaluations.held_regards(doc, sent, candidates))  # "respect for Russia"
    candidates.extend(evaluations.praised_manners(doc, sent, candidates))  # "doing fine"
    if not candidates:
        candidates = address.listed_call(doc, sent)  # "With Prime Minister of Israel Bennett."
    candidates.extend(address.readout_topics(doc, sent, candidates))  # "X was also raised"
    return candidates


PRESENCE_FORMS = word_set("events", "coder.presence_forms")
_PRESENCE_FINDER = finder(frozenset(f" {form} " for form in PRESENCE_FORMS))
PRESENCE_PREPOSITIONS = word_set("events", "coder.presence_prepositions")
PRESENCE_ENTRY = Entry(
    "be", (), "verb", "CONSULT", None, 0.5, "'I was in Borodyanka': the speaker's told visit"
)
PRESENCE_RULE = "first-person presence -> CONSULT"


def _told_presence(doc: Document, sent: SpacySpan, candidates: list[Candidate]) -> list[Candidate]:
    """ "Today I was in Borodyanka, Kyiv region", "We were in Lysychansk, we were in Soledar",
    "when I was in the Russian Federation on a visit": a speaker telling where he was is telling
    of his visit, a CONSULT with the visitor as source (records DECISIONS.md D4, "every mention
    of a visit"; D73; the PLOVER manual's CONSULT, "visits"). Only the first person's past "be"
    with a place: "we are in contact" is no trip, "Elian was in Florida" tells where someone
    lived. The host is left to the argument model: a region of the speaker's own country is no
    host (D111, target []). A meeting word inside the clause ("on a visit") is the visit's own
    trigger. A sentence without "was"/"were" is skipped on its text, no token built."""
    lowered = doc.text[sent.start_char : sent.end_char].lower()
    if not _PRESENCE_FINDER.search(lowered):
        return []
    found: list[Candidate] = []
    for be in sent:
        if be.lower_ not in PRESENCE_FORMS or be.pos_ != "AUX" or be.dep_ == "aux":
            continue
        subject = args.first_child(be, {"nsubj"})
        if subject is None or subject.lower_ not in args.FIRST_PERSON:
            continue
        if any(c.dep_ in {"attr", "acomp", "xcomp"} for c in be.children):
            continue  # "I was in Kyiv ready to ...", "we were sure": the copula says something else
        if any(c.type == "CONSULT" and be.is_ancestor(c.trigger) for c in candidates):
            continue  # "when I was in the Russian Federation on a visit": the visit is coded
        if not any(
            prep.dep_ == "prep"
            and prep.lower_ in PRESENCE_PREPOSITIONS
            and any(g.dep_ == "pobj" and g.ent_type_ in PLACE_ENTITIES for g in prep.children)
            for prep in be.children
        ):
            continue
        actors = [a for a in args.arguments(doc, [subject]) if a.actors]
        if not actors:
            continue
        found.append(Candidate.of_rule(be, PRESENCE_ENTRY, "CONSULT", actors, (), PRESENCE_RULE))
    return found


FIRST_PLURAL = word_set("actors", "speakers.first_plural")
JOINT_TALK_FORMS = word_set("events", "coder.joint_talk_forms")
_JOINT_TALK_FINDER = finder(JOINT_TALK_FORMS)
JOINT_TALK_VERBS = word_set("events", "coder.joint_talk_verbs")
JOINT_TALK_PARTIES = word_set("events", "coder.joint_talk_parties")
REPORT_NOUNS = word_set("events", "coder.heard_report_nouns")
REPORTER_PREPOSITIONS = word_set("events", "coder.reporter_prepositions")
JOINT_TALK_ENTRY = Entry(
    "speak", (), "verb", "CONSULT", None, 0.6, "'we coordinated our steps': the parties' talk"
)
HEARD_REPORT_ENTRY = Entry(
    "hear report", (), "verb", "CONSULT", None, 0.7, "'heard a report by the Minister': a meeting"
)
JOINT_TALK_RULE = "joint talk -> CONSULT"
HEARD_REPORT_RULE = "heard report -> CONSULT"


def _partner_objects(verb: Token) -> list[Token]:
    """The objects of the verb's own "with" ("spoke ... with the Minister for Europe")."""
    return [
        g
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def _joint_subject(subject: Token) -> bool:
    """ "We", "the parties", "Vladimir Putin and Emmanuel Macron": a subject of two sides."""
    return (
        subject.lower_ in FIRST_PLURAL
        or (subject.tag_ == "NNS" and subject.lemma_.lower() in JOINT_TALK_PARTIES)
        or any(c.dep_ == "conj" for c in subject.children)
    )


def _joint_talk(doc: Document, sent: SpacySpan, candidates: list[Candidate]) -> list[Candidate]:
    """ "We coordinated further steps", "The parties coordinated their positions", "Vladimir
    Putin and Emmanuel Macron also spoke about ...", "I also spoke today ... with the Minister":
    talking or coordinating between two sides is their meeting's CONSULT (records DECISIONS.md
    D4, "the leaders/parties discussed": every party as source, target []; D30; the PLOVER
    manual's CONSULT, "discuss"). Only with a subject of two sides or a "with" partner: "he
    spoke about the war" alone is a statement. "The Council heard a report by the Minister" is
    a meeting with the minister, the reporter its source and the hearer its target (D30, a
    report the next turn delivers; D73). A sentence without one of the verbs' forms is skipped
    on its text; the loop then reads the sentence's tokens once."""
    lowered = doc.text[sent.start_char : sent.end_char].lower()
    if not _JOINT_TALK_FINDER.search(lowered):
        return []
    coded = {c.trigger.i for c in candidates}
    found: list[Candidate] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.i in coded:
            continue
        subject = args.first_child(verb, {"nsubj"})
        if subject is None:
            continue
        lemma = verb.lemma_.lower()
        if lemma == "hear":
            report = args.first_child(verb, {"dobj"})
            if report is None or report.lemma_.lower() not in REPORT_NOUNS:
                continue
            reporters = [
                g
                for prep in (*report.children, *verb.children)
                if prep.dep_ == "prep" and prep.lower_ in REPORTER_PREPOSITIONS
                for g in prep.children
                if g.dep_ == "pobj"
            ]
            actors = [a for a in args.arguments(doc, reporters) if a.actors]
            recipients = [a for a in args.arguments(doc, [subject]) if a.actors]
            if actors and recipients:
                found.append(
                    Candidate.of_rule(
                        verb, HEARD_REPORT_ENTRY, "CONSULT", actors, recipients, HEARD_REPORT_RULE
                    )
                )
            continue
        if lemma not in JOINT_TALK_VERBS:
            continue
        if lemma == "speak" and args.first_child(verb, {"dobj"}) is not None:
            continue  # "we speak Ukrainian": a language, no talk
        partners = _partner_objects(verb)
        if not partners and not _joint_subject(subject):
            continue
        actors = [a for a in args.arguments(doc, [subject]) if a.actors]
        if not actors:
            continue
        recipients = [a for a in args.arguments(doc, partners) if a.actors]
        found.append(
            Candidate.of_rule(
                verb, JOINT_TALK_ENTRY, "CONSULT", actors, recipients, JOINT_TALK_RULE
            )
        )
    return found


PERFORMATIVE_IMPERATIVES = word_set("events", "coder.performative_imperatives")
IMPERATIVE_BLOCKERS = word_set("events", "coder.imperative_blockers")
IMPERATIVE_COMPLEMENTS = word_set("events", "coder.imperative_complements")
RHETORICAL_IMPERATIVES = word_set("events", "coder.rhetorical_imperatives")
#: what a lexicon verb's order may be done for or at ("Fight for Ukraine", "strike hard at ...")
LEXICAL_IMPERATIVE_COMPLEMENTS = word_set("events", "coder.lexical_imperative_complements")
#: verbs whose imperative with only a place or partner is a move or an idiom ("Go to ...")
MOTION_IMPERATIVES = word_set("events", "coder.motion_imperatives")
#: the mark between a vocative and its order ("Kherson, hold on!", "citizens - hold on!")
VOCATIVE_MARKS = word_set("events", "coder.vocative_marks")
#: the dashes of an aside, which no called-on audience holds
ASIDE_MARKS = word_set("events", "coder.aside_marks")
#: the copula whose imperative with a complement asks for a bearing ("Be careful", "Be sure to
#: comply", "Do not be silent")
COPULA_IMPERATIVES = word_set("events", "coder.copula_imperatives")
#: a copula imperative's complements: an adjective or a noun phrase ("Be careful", "Be Belarus")
COPULA_IMPERATIVE_COMPLEMENTS = word_set("events", "coder.copula_imperative_complements")
#: the auxiliary of a negated imperative ("Don't miss this opportunity", "Do not be afraid")
NEGATED_IMPERATIVE_AUXILIARIES = word_set("events", "coder.negated_imperative_auxiliaries")
IMPERATIVE_ENTRY = Entry(
    "imperative", (), "verb", "REQUEST", None, 0.6, "an imperative in a speaker's own words"
)


def _vocative(subject: Token, verb: Token) -> bool:
    """ "Kherson, hold on!", "Our military, ..., citizens - hold on!", "Everyone who has already
    joined the country's defense ..., stop the enemy": the parser's subjects of a bare verb are
    the audience called on when a comma or dash parts the whole phrase from the verb; a named
    audience, not a pronoun ("we", "they" before a bare verb are a subjunctive or a fragment)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if subject not in subjects or before is None or before.text not in VOCATIVE_MARKS:
        return False
    phrase = verb.doc[subjects[0].left_edge.i : before.i]
    return (
        all(c.tag_ != "PRP" for c in subjects)
        # the parser may hang the mark on the last subject
        and subjects[-1].right_edge.i in (before.i - 1, before.i)
        # "Art itself, culture - in all its forms ... - shape people, educate them": a phrase
        # holding a dash aside is the parser's run-on, no name called
        and not any(t.text in ASIDE_MARKS for t in phrase)
    )


def _imperative(verb: Token, after: int = 0, lexical: bool = False) -> bool:
    """ "Help us speed up the supply", "Close the sky over Ukraine!", "Defend the cities": a bare
    verb heading its sentence, or joined to one that does, with no subject, auxiliary or marker
    of its own at or after the character ``after`` (a turn's label, "Vladimir Putin: Just tell
    me", is no subject, nor is a vocative: :func:`_vocative`); not one that performs the
    speaker's own act ("Thank you", "Let me"). A ``lexical`` verb (one with lexicon rows)
    orders its act with a prepositional complement too ("Fight for Ukraine")."""
    copula = verb.lemma_.lower() in COPULA_IMPERATIVES
    if (verb.pos_ != "VERB" and not copula) or verb.tag_ != "VB" or _performs(verb):
        return False
    head = verb
    while head.dep_ == "conj" and head.head.tag_ == "VB":
        head = head.head  # "Either close the sky ..., or give us fighter jets"
    if head.dep_ != "ROOT" or _performs(head):
        return False
    if any(
        c.dep_ in IMPERATIVE_BLOCKERS
        and c.idx >= after
        and not _vocative(c, word)
        and not _negating_auxiliary(c, word)
        for word in (verb, head)
        for c in word.children
    ):
        return False
    if copula:
        # "Be careful", "Be sure to comply with the ban", "Be Belarus, not Russia!": a bearing
        # asked of the hearers (D76); a bare "be" is no order
        return any(c.dep_ in COPULA_IMPERATIVE_COMPLEMENTS for c in verb.children)
    # "Go ahead, please", "Help for himself", "Definitely have to": an order names what is to be
    # done to or with what (a bare "to" is no complement); a lexicon verb's act may be done for
    # or at someone ("Fight for Ukraine", "strike hard at all Russian figures"), but a verb of
    # motion's place is no act ("Go to the station", "Come on")
    if any(c.dep_ in IMPERATIVE_COMPLEMENTS and c.pos_ != "PART" for c in verb.children):
        return True
    return lexical and verb.lemma_.lower() not in MOTION_IMPERATIVES and _ordered_for(verb)


def _performs(verb: Token) -> bool:
    """ "Thank you", "Let me remind you": an imperative performing the speaker's own act; a
    negated one forbids the hearers to do it ("Don't let the world switch to something else!")."""
    return verb.lemma_.lower() in PERFORMATIVE_IMPERATIVES and not any(
        c.dep_ == "neg" for c in verb.children
    )


def _negating_auxiliary(aux: Token, verb: Token) -> bool:
    """ "Don't miss this opportunity", "Do not be afraid": the "do" of a negated imperative,
    heading its clause before the negation, is no auxiliary of a subject's verb ("We do not")."""
    return (
        aux.dep_ == "aux"
        and aux.lemma_.lower() in NEGATED_IMPERATIVE_AUXILIARIES
        and aux.i == verb.left_edge.i
        and any(c.dep_ == "neg" and aux.i < c.i < verb.i for c in verb.children)
    )


def _ordered_for(verb: Token) -> bool:
    """ "Fight for Ukraine because ...", "And strike hard at all Russian figures": a lexicon
    verb's prepositional complement with a word more of the clause; the bare word and phrase
    ("Help for himself.", "Help for the invader.") reads as a noun heading a fragment as well."""
    children = [c for c in verb.children if not c.is_punct]
    return any(c.dep_ in LEXICAL_IMPERATIVE_COMPLEMENTS for c in children) and any(
        c.dep_ not in LEXICAL_IMPERATIVE_COMPLEMENTS for c in children
    )


def _head_bare_verbs(sent: SpacySpan) -> list[Token]:
    """ "Spread the truth about Russia's war!", "Remove special signs ...", "Please follow this
    rule": the bare verb heading a sentence, and the bare verbs joined to it, whether or not the
    lexicon has a row for them: an imperative asks for its act whatever the act is (records
    DECISIONS.md D76: "a wartime address's imperatives to the nation ... are required
    REQUESTs"; PLOVER REQUEST: "all requests, demands, and orders"), so the REQUEST needs no
    lexicon word. Not a verb of perception or belief ("Imagine conquering Everest", "Hear how
    these words are said", "Believe it"): it invites the hearers to picture or grant something
    and asks no act of them. One look at the sentence's root and its children, no walk over its
    tokens beyond spaCy's finding of the root."""
    root = sent.root
    if root.tag_ != "VB":
        return []
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.tag_ == "VB")]
    return [verb for verb in verbs if verb.lemma_.lower() not in RHETORICAL_IMPERATIVES]


def _imperative_requests(
    doc: Document, sent: SpacySpan, candidates: list[Candidate]
) -> list[Candidate]:
    """An imperative in a speaker's own words (a quote, an address, a turn) is the speaker's
    demand on the hearers: records DECISIONS.md D76 ("a wartime address's imperatives to the
    nation ('Help them', 'Stop the enemy') are required REQUESTs") and D100 (imperatives to enemy
    soldiers); PLOVER's REQUEST is "all requests, demands, and orders" (CAMEO 10 "Demand"). The
    act asked for is the request's content, no event of its own, so the verb's event becomes
    the REQUEST; a lexicon verb whose rows' other words are missing ("Close the sky") is one
    too. Whom it is asked of is left to the learned target: the hearers are rarely named. Only
    the sentence's lexicon words are read (:func:`lexicon_tokens`), and its root with the verbs
    joined to it (:func:`_head_bare_verbs`): a bare verb heading the sentence asks for its act
    whether or not the lexicon has a row for it."""
    lexicon = doc.lexicon_tokens or ()
    first, last = bisect_left(lexicon, sent.start), bisect_left(lexicon, sent.end)
    bare = [
        verb
        for verb in map(doc.parsed.__getitem__, lexicon[first:last])
        # "Believe it": a verb of belief asks no act even with a row (a finding's, D98)
        if verb.tag_ == "VB" and verb.lemma_.lower() not in RHETORICAL_IMPERATIVES
    ]
    # the verbs with lexicon rows, whose act a prepositional complement may order (_imperative)
    lexical = {verb.i for verb in bare}
    bare.extend(verb for verb in _head_bare_verbs(sent) if verb.i not in lexical)
    verbs = [(verb, doc.voice_at(verb.idx)) for verb in sorted(bare, key=lambda v: v.i)]
    verbs = [
        (v, voice)
        for v, voice in verbs
        if _imperative(v, voice.start if voice else 0, lexical=v.i in lexical)
    ]
    if not verbs or doc.text[sent.start_char : sent.end_char].rstrip().endswith("?"):
        return candidates
    at = {c.trigger.i: k for k, c in enumerate(candidates)}
    found = list(candidates)
    for verb, voice in verbs:
        # "Drive the occupiers out ...: President Volodymyr Zelenskyy's address to ...": a
        # title's imperative is the speaker's whom the title names as the address's
        speakers = patterns.sayer(doc, verb) or _title_speaker(doc, verb)
        if not speakers:
            continue  # a headline's or a narrator's bare verb tells no one's demand
        k = at.get(verb.i)
        old = found[k] if k is not None else None
        hearer = None
        if voice is not None and voice.addressee is not None:
            hearer = implicit.latest_mention(doc, voice.addressee, verb.idx)
        request = Candidate.of_rule(
            verb, IMPERATIVE_ENTRY if old is None else old.entry, "REQUEST", speakers,
            () if hearer is None else (hearer,), implicit.IMPERATIVE_RULE,
            reading=FactualityReading("asserted", None), rules=() if old is None else old.rules,
        )  # fmt: skip
        if k is None:
            found.append(request)
        else:
            found[k] = request
    return found


DEONTIC = word_set("events", "coder.deontic")
#: where a modal's clause stands for it to be said as it is: a sentence of its own, a clause
#: joined to one, or a belief's content ("I believe it must ...")
SPOKEN_DEMAND_DEPS = word_set("events", "coder.spoken_demand_deps")
DEONTIC_ENTRY = Entry(
    "must", (), "verb", "REQUEST", None, 0.7, "deontic modal under a verb of saying"
)


def _deontic_requests(doc: Document, sent: SpacySpan, taken: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    # the sentence's text sliced from the article's: ``sent.text`` builds a Token per word
    lowered = doc.text[sent.start_char : sent.end_char].lower()
    suggesting = bool(_SUGGESTIVE_FINDER.search(lowered) and _MORE_FINDER.search(lowered))
    if not suggesting and not _DEMAND_FINDER.search(lowered):
        return found  # most sentences hold no "must"/"should": no need to build their tokens
    for modal in sent:
        if modal.i in taken:
            continue
        if modal.lower_ in DEONTIC and modal.dep_ == "aux":
            content = modal.head
            if _modal_perfect(content):
                continue  # "must not have written", "should have arrived": no demand
        elif suggesting and modal.lower_ in SUGGESTIVE_MODALS and _asks_more(modal):
            content = modal.head  # "the US President could make additional efforts"
        elif _semi_modal(modal):
            content = modal  # "Europe will have to give up Russian oil": "have" heads the clause
        else:
            continue
        saying = content.head
        if content.dep_ != "ccomp" or saying.lemma_.lower() not in args.SAYING:
            spoken = _spoken_demand(doc, modal, content)
            if spoken is not None:
                found.append(spoken)
            continue
        actors = [a for a in args.arguments(doc, args.verb_actor_heads(saying)) if a.actors]
        recipient_heads = [c for c in content.children if c.dep_ in args.SUBJECT_DEPS]
        recipients = _asked_by_agent(doc, content) or [
            a for a in args.arguments(doc, recipient_heads) if a.actors
        ]
        if not actors:
            continue
        if not recipients:
            # "Enver Solomon told Sky News any process 'must be well thought out'": a demand
            # under saying whose subject names no actor asks no one in particular (records
            # DECISIONS.md D90: "everyone involved should" has target []; D100: "should be ...
            # preventive sanctions" with no addressee is a required REQUEST with target []); read
            # as the sayer's own words, which keep out "we", pronouns, questions and conditions
            spoken = _spoken_demand(doc, modal, content)
            if spoken is not None:
                found.append(spoken)
            continue
        found.append(
            Candidate.of_rule(
                modal, DEONTIC_ENTRY, "REQUEST", actors, recipients, "deontic modal -> REQUEST",
                clause=saying, reading=read_factuality(saying),
            )
        )  # fmt: skip
    return found


#: "have to" and "has to" as written: a sentence holding neither has no semi-modal
SEMI_MODALS = word_set("events", "coder.semi_modals")
#: the forms of "have" that are a present obligation ("had to" tells a past one, no demand)
SEMI_MODAL_FORMS = word_set("events", "coder.semi_modal_forms")


#: "can", "could": ability, save when what can be done is more of it (:func:`_asks_more`)
SUGGESTIVE_MODALS = word_set("events", "coder.suggestive_modals")
#: "more", "additional": what "can do more" asks for beyond what is done
MORE_WORDS = word_set("events", "coder.more_words")
# the sentences :func:`_deontic_requests` reads: those whose text holds one of these words
_DEMAND_FINDER = finder(DEONTIC | SEMI_MODALS)
_SUGGESTIVE_FINDER = finder(SUGGESTIVE_MODALS)
_MORE_FINDER = finder(MORE_WORDS)


def _asks_more(modal: Token) -> bool:
    """ "The US President could make additional efforts to resolve this issue", "I am convinced
    that the President can do more", "But you can use even more of your influence": "can" and
    "could" tell ability, but an ability to do *more* than is done, said of another, is a
    suggestion that he do it (English grammar: the suggestion reading of "could"; the records
    gold codes these as REQUEST to the one who could, zelenskyy-560, zelenskyy-57; D6: what
    others should do). The object is "more" or is qualified by it ("additional efforts", "more
    of your influence"); not negated ("cannot do more" tells a limit), not a comparison ("could
    do more than that tyranny"), not "we" or "I" (the speaker's own plans, D7)."""
    content = modal.head
    if modal.dep_ != "aux" or any(c.dep_ == "neg" for c in content.children):
        return False
    if any(c.lower_ == "than" for c in content.subtree):
        return False
    for obj in content.children:
        if obj.dep_ != "dobj":
            continue
        if obj.lower_ in MORE_WORDS or any(
            c.dep_ in {"amod", "advmod"} and c.lower_ in MORE_WORDS for c in obj.children
        ):
            return True
    return False


def _modal_perfect(content: Token) -> bool:
    """ "He must not have written the letter himself", "he should have arrived 72 hours after":
    a modal before a perfect infers what was done or reproaches it (English grammar: the
    epistemic and the past-counterfactual readings of "must have", "should have"); it asks no
    one to act, so it is no REQUEST (records DECISIONS.md D6, D22: what others *should* do).
    The gold codes such sentences, when at all, as the charge or denial they make."""
    return content.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "have" for c in content.children
    )


def _semi_modal(have: Token) -> bool:
    """ "Europe will have to give up Russian oil", "The Ministry has to resolve many problems":
    "have to" is a deontic modal as "must" is (records DECISIONS.md D6, D22: "we should", "it is
    necessary" about what others should do are REQUEST), a "have" with no object whose "to"
    clause is what is to be done. "Partners need to make decisions" demands as "have to" does;
    negated, "Ukrainians do not need to be encouraged", "you don't have to", it lifts an
    obligation (English grammar: "need not" is no obligation, unlike "must not") and asks
    nothing."""
    return (
        have.lower_ in SEMI_MODAL_FORMS
        and have.dep_ != "aux"
        and not any(c.dep_ == "neg" for c in have.children)
        and not any(c.dep_ == "dobj" for c in have.children)
        and any(
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in have.children
        )
    )


def _asked_by_agent(doc: Document, content: Token) -> list[Argument]:
    """ "this blockade must be lifted by the one who started it, namely the Russian Federation",
    "these people should be visited by mediators": a passive demand asks its "by" agent, not its
    subject (what is to be done to); nothing when the "by" names no actor ("must be adopted by
    September 15"), and the subject stays the one asked."""
    if not any(c.dep_ == "auxpass" for c in content.children):
        return []
    return [a for a in args.arguments(doc, args.from_agent(content)) if a.actors]


#: the hearers' pronoun: "you must ..." in a speaker's words asks the hearers
SECOND_PERSON = word_set("quotes", "speakers.second_person")
SPOKEN_DEONTIC_ENTRY = Entry(
    "must", (), "verb", "REQUEST", None, 0.6, "deontic modal in a speaker's own words"
)


def _spoken_demand(doc: Document, modal: Token, content: Token) -> Candidate | None:
    """ "Russia must stop provocations", "Moscow must immediately withdraw its troops", "Evil
    ... must be stopped immediately", in a quote or a speaker's address: a demand of the speaker
    on the clause's subject (the records gold's REQUEST, D6/D22; CAMEO 10 "Demand"), made as it
    is said. Not what "we" or "I" must do (the speaker's own resolve), not a question, not a
    condition ("if he should ...")."""
    if not _said_clause(content) or modal.sent.text.rstrip().endswith("?"):
        return None
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in content.children):
        return None
    if content.lemma_.lower() in args.SAYING or any(
        # "what the flag should mean": an embedded question asks nothing of anyone
        c.tag_ in {"WDT", "WP", "WRB"}
        for c in content.children
    ):
        return None  # "It must be said that ...": the speaker's own aside
    subject = args.first_child(content, set(args.SUBJECT_DEPS))
    if subject is not None and subject.lower_ in args.FIRST_PERSON:
        return None
    named = [a for a in args.arguments(doc, [subject] if subject is not None else []) if a.actors]
    addressed = subject is not None and subject.lower_ in SECOND_PERSON
    if addressed and not named:
        # "Therefore, you must increase sanctions against Russia": "you must" in the speaker's
        # words is an order to the hearers, as the imperative is (records DECISIONS.md D76,
        # D100; :func:`_imperative_requests`): the address's addressee, else left to the learned
        # target
        voice = doc.voice_at(modal.idx)
        if voice is not None and voice.addressee is not None:
            hearer = implicit.latest_mention(doc, voice.addressee, modal.idx)
            named = [hearer] if hearer is not None else []
    elif subject is not None and subject.tag_ == "PRP" and not named:
        return None  # "they must be resolved" (the issues): a pronoun for no one
    named = _asked_by_agent(doc, content) or named
    speakers = (
        _clause_owner(doc, content) or patterns.sayer(doc, modal) or _title_speaker(doc, modal)
    )
    if not speakers:
        return None
    spoken_by = {a for s in speakers for a in s.actors}
    recipients = [a for a in named if not spoken_by & set(a.actors)]
    return Candidate.of_rule(
        modal, SPOKEN_DEONTIC_ENTRY, "REQUEST", speakers, recipients,
        "spoken deontic modal -> REQUEST", clause=content,
        reading=FactualityReading("asserted", None),
    )  # fmt: skip


def _said_clause(content: Token) -> bool:
    """Whether a modal's clause stands for what is said: a sentence of its own, a clause joined
    to one, a belief's content (:data:`SPOKEN_DEMAND_DEPS`); the content clause of a noun ("the
    President's remark that no residential buildings should be constructed", "the fact that this
    war ... must end"), which the parser labels as it labels a participle after a noun; or an
    adverbial clause with no subordinator, the small parser's reading of a main clause after a
    fronted phrase ("That is why there should be dialogue", "alliances ... must defend their
    alliances, otherwise ..."). A relative clause ("things that should be said") and a clause
    opened by "because", "before", "if" tell no demand (records DECISIONS.md D90: "should"
    addressed to a named actor; D22)."""
    if content.dep_ in SPOKEN_DEMAND_DEPS:
        return True
    marks = [c for c in content.children if c.dep_ == "mark"]
    if content.dep_ == "acl" and content.head.pos_ in {"NOUN", "PROPN"}:
        return all(m.lower_ == "that" for m in marks)
    return content.dep_ == "advcl" and not marks


def _clause_owner(doc: Document, content: Token) -> list[args.Argument]:
    """ "The President's remark that no residential buildings should be constructed": the
    content clause of a noun is the words of the noun's owner, who makes the demand, not of the
    sentence's sayer (the Governor who agreed with it; records gold putin-767). Nothing when the
    noun has no owner naming an actor."""
    if content.dep_ != "acl":
        return []
    owners = [c for c in content.head.children if c.dep_ == "poss"]
    return [a for a in args.arguments(doc, owners) if a.actors]


def _title_speaker(doc: Document, modal: Token) -> list[args.Argument]:
    """ "Europeans must tighten sanctions against Russia ... - address by President Volodymyr
    Zelenskyy": the title of an address quotes its speaker's words and names him (the actors
    stage's voice starts below the title or late in it, D9), so a demand in the title is the
    address's speaker's when the title names him. Asked only for a modal or an imperative whose
    sayer is not found: one look at the voices and the title's mentions, no walk over the
    document's tokens.

    Not a case of :func:`patterns.sayer`'s voice, though it reads like one: that voice must
    hold the word (the title is in none), and its speaker's span may be any mention of him,
    where here the title itself must name him. Giving the title to the first voice inside
    ``sayer`` would also give a speaker to every title's imperatives, necessities and judged
    labels, which it leaves without one today: an output change, not a refactor. Nor is it the
    title's outlet leader (:func:`dateline.events.discourse.with_meeting_parties`): the press
    office's head as a meeting's host, whether or not the title names him or the text below is
    his."""
    title_end = doc.text.find("\n")
    if title_end < 0 or modal.idx >= title_end:
        return []
    # the address's voice may open in the title that announces it ("...: President Volodymyr
    # Zelenskyy's address to the residents"): the first voice reaching below the title
    voice = next((v for v in doc.voices if v.end > title_end), None)
    if voice is None:
        return []
    named = [m.span for m in doc.mentions if m.actor == voice.speaker and m.span.end <= title_end]
    return [args.Argument(named[-1], (voice.speaker,))] if named else []


def _result_clause(verb: Token) -> bool:
    """ "left X ADJ": an object predicate (oprd), or the small parser's variant of it, an adjective
    after the object that modifies it ("left thousands of civilians homeless")."""
    for child in verb.children:
        if child.dep_ == "oprd":
            return True
        if child.dep_ == "dobj" and any(
            d.dep_ == "amod" and d.i > child.i and d.pos_ == "ADJ" for d in child.children
        ):
            return True
    return False
