"""From a parsed sentence to coded PLOVER events: triggers, arguments, factuality, boundary rules.

One candidate per trigger token. A support verb whose object is a nominal trigger ("held talks",
"launched an attack") is not an event of its own; the noun is, with the verb's clause. A verb
pattern that names its object ("impose sanction", "file lawsuit") is more specific than the noun
and takes it over. An event inside the complement of another act (a request, promise, threat,
refusal or accusation) keeps its own type but takes its factuality from that act
(:mod:`dateline.events.factuality`). Events without an actor are left out (issue 6).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.events import arguments as args
from dateline.events import implicit
from dateline.events.boundary import apply_boundary_rules, sent_for_a_purpose
from dateline.events.factuality import (
    PLAN_NOUNS,
    READINESS_WORDS,
    FactualityReading,
    read_factuality,
    stronger,
)
from dateline.events.lexicon import POS_TAGS, Entry, is_support_verb, match
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document

CONTENT_GOVERNORS = word_set("events", "coder.content_governors")
TRANSITIVE_ONLY = word_set("events", "coder.transitive_only")
FORCE_NOUNS = word_set("events", "shared.force_nouns")
ADJ_COMPLEMENTS = word_map("events", "coder.adj_complements")
REQUIRES_RECIPIENT = word_set("events", "coder.requires_recipient")
NAMED_THINGS = word_set("events", "coder.named_things")
ACTOR_OBJECT_VERBS = word_set("events", "coder.actor_object_verbs")
BARE_ACT_VERBS = word_set("events", "coder.bare_act_verbs")
BACKGROUND_NOUNS = word_set("events", "coder.background_nouns")
GENERIC_PRONOUNS = word_set("events", "coder.generic_pronouns")
CYBER_WORDS = word_set("events", "coder.cyber_words")
GERUND_NOUN_DEPS = word_set("events", "coder.gerund_noun_deps")
OWNER_OBJECT_TYPES = word_set("events", "coder.owner_object_types")
PLACE_TARGET_TYPES = word_set("events", "coder.place_target_types")
ADDRESSED_TYPES = word_set("events", "coder.addressed_types")
ADDRESS_NOUNS = word_set("events", "coder.address_nouns")
HEADLINE_PATIENT_VERBS = word_set("events", "coder.headline_patient_verbs")
JOINT_TYPES = word_set("events", "coder.joint_types")
EVENTIVE_HEADS = word_set("events", "coder.eventive_heads")
ARGUMENT_NOUNS = word_set("events", "coder.argument_nouns")
PHRASAL_OBJECT_PREPOSITIONS = word_set("events", "coder.phrasal_object_prepositions")
ARGUMENT_PREPOSITIONS = word_set("events", "coder.argument_prepositions")
#: words longer than this are capitalised in a title-case headline ("of", "the", "and" are not),
#: so they tell a headline from a sentence that holds a proper name
TITLE_CASE_WORD_CHARS = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """A coded event before it becomes a record."""

    trigger: Token
    clause: Token  # the predicate whose clause carries the event (support verb or trigger)
    entry: Entry
    type: str
    mode: str | None
    actors: tuple[args.Argument, ...]
    recipients: tuple[args.Argument, ...]
    reading: FactualityReading
    rule: str | None  # the boundary rule applied, if any
    #: the subject is the meeting's parties ("the leaders", "the sides"): the events stage gives
    #: the event the article's meeting parties when nothing nearer names them
    parties: bool = False

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for arg in self.actors for a in arg.actors))

    @property
    def recipient_ids(self) -> tuple[str, ...]:
        mine = set(self.actor_ids)
        ids = [a for arg in self.recipients for a in arg.actors if a not in mine]
        return tuple(dict.fromkeys(ids))

    @property
    def depth(self) -> int:
        return sum(1 for _ in self.clause.ancestors)


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}]
    for child in verb.children:
        if child.dep_ in {"prep", "prt"} and child.lower_ in PHRASAL_OBJECT_PREPOSITIONS:
            found.extend(p for p in child.children if p.dep_ == "pobj")
    return found


def _triggers(sent: SpacySpan) -> dict[int, tuple[Token, Entry, Token]]:
    """trigger token index -> (token, entry, clause predicate)."""
    found: dict[int, tuple[Token, Entry, Token]] = {}
    taken: set[int] = set()
    # both passes read every token's tag: spaCy builds a new Token (and looks its tag up) on
    # every access, so the tokens and their tags are taken once
    tokens = [(token, token.pos_) for token in sent]
    for token, pos in tokens:
        if pos not in {"VERB", "AUX"}:
            continue
        entry = match(token, "verb")
        object_nouns = [(n, match(n, "noun")) for n in _objects(token)]
        if entry is not None and entry.words:
            taken.update(n.i for n, _ in object_nouns)
        elif is_support_verb(token) and any(e is not None for _, e in object_nouns):
            continue  # "held talks": the noun is the trigger, this verb its clause
        if entry is None or entry.type is None:
            continue
        if token.lemma_.lower() == "tell" and not any(c.dep_ == "xcomp" for c in token.children):
            continue  # "told reporters" is speech; "told troops to liberate" is an order
        if (
            not entry.words
            and token.lemma_.lower() in TRANSITIVE_ONLY
            and not any(c.dep_ in {"dobj", "dative", "nsubjpass"} for c in token.children)
        ):
            continue  # "returned to office": no object, no act ("called on X" names its own)
        if token.lemma_.lower() in TRANSITIVE_ONLY and _result_clause(token):
            continue  # "left Washington more aligned", "left thousands homeless": a result, no act
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
            if needed == "xcomp" and not any(c.dep_ == "xcomp" for c in token.children):
                continue
            if needed not in {None, "xcomp"} and not any(
                c.lower_ in needed.split("|") for c in token.children
            ):
                continue  # "grateful to X", "critical of X": the complement makes it an act
            found[token.i] = (token, entry, token.head if token.dep_ == "acomp" else token)
            continue
        entry = match(token, "noun")
        if entry is None or entry.type is None:
            continue
        if token.ent_type_ in NAMED_THINGS:
            continue  # "the Second World War", "the Minsk Agreements": a name, not this event
        if (entry.type != "CONSULT" and _inside_name(token)) or _modifier_only(token):
            continue  # "the Order of the Golden Star"; a meeting's name is the meeting
        found[token.i] = (token, entry, _support_clause(token) or token)
    return found


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
        if objects and not all(
            c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or (c.ent_type_ not in NAMED_THINGS and args.names_people(c))
            for c in objects
        ):
            return False
    return not (lemma in BARE_ACT_VERBS and any(c.dep_ in {"dobj", "ccomp"} for c in verb.children))


def _inside_name(noun: Token) -> bool:
    """A capitalised trigger inside a proper name ("the Order of the Golden Star"), not at the
    start of a sentence or in an all-capitalised headline."""
    if noun.pos_ != "PROPN" or noun.i == noun.sent.start or not noun.text[:1].isupper():
        return False
    words = [t for t in noun.sent if t.is_alpha and len(t.text) > TITLE_CASE_WORD_CHARS]
    return not all(t.text[:1].isupper() for t in words)  # headline case names nothing


def _modifier_only(noun: Token) -> bool:
    """A trigger noun that only modifies another noun ("asylum seekers", "life support
    facilities"), unless that noun is itself an event or a plan ("peace talks", "attack plot")."""
    if noun.dep_ != "compound" or noun.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = noun.head
    lemma = head.lemma_.lower()
    return match(head, "noun") is None and lemma not in PLAN_NOUNS | EVENTIVE_HEADS


UNDERGO_VERBS = word_set("events", "coder.undergo_verbs")
UNDERGONE_CONDITIONS = word_set("events", "coder.undergone_conditions")
CONDITION_PREPOSITIONS = word_set("events", "coder.condition_prepositions")


def _undergoer(noun: Token) -> Token | None:
    """The verb whose subject undergoes a nominal event: "faces criticism", "came under fire"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in UNDERGO_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() == "come":
        return head.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in CONDITION_PREPOSITIONS
        and noun.lemma_.lower() in UNDERGONE_CONDITIONS
        and head.head.pos_ in {"VERB", "AUX"}
    ):  # "is in jail", "was arrested on charges of fraud", "remains under house arrest"
        return head.head
    return None


def _support_clause(noun: Token) -> Token | None:
    """The support verb of a nominal trigger: "held talks", "went on strike", "talks he initiated"."""
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "expressed its rejection and condemnation": both are expressed
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ in {"NOUN", "PROPN"}:
        noun, head = head, head.head  # "launched a mediation effort", "held peace talks"
    if noun.dep_ in {"dobj", "attr", "nsubjpass", "oprd"} and is_support_verb(head):
        return head
    if noun.dep_ == "pobj" and head.dep_ in {"prep", "prt"} and is_support_verb(head.head):
        return head.head
    for child in noun.children:
        if child.dep_ == "relcl" and is_support_verb(child):
            return child
    return None


#: how many dependency steps an event may lie below the act whose content it is ("stressed the
#: need to increase sanctions": sanctions -> increase -> need -> stressed)
CONTENT_HOPS = 4


def _content_governor(token: Token, types: dict[int, str]) -> str | None:
    """The type of the act whose content this trigger is, if any ("asked X to order ...")."""
    current = token
    for _ in range(CONTENT_HOPS):
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return None
        if dep in {"pobj", "pcomp"} and head.dep_ == "prep":
            current = head
            continue
        if dep in {"xcomp", "ccomp", "dobj", "acl", "advcl", "conj", "prep"} and head.i in types:
            if dep in {"conj", "advcl"}:
                current = head
                continue
            governing = types[head.i]
            return governing if governing in CONTENT_GOVERNORS else None
        if dep in {"xcomp", "ccomp", "conj", "acomp", "dobj", "acl"}:
            current = head  # "stressed the need to increase sanctions": through the object
            continue
        return None
    return None


def code_sentence(doc: Document, sent: SpacySpan) -> list[Candidate]:
    triggers = _triggers(sent)
    types = {i: entry.type for i, (_, entry, _) in triggers.items() if entry.type}
    candidates: list[Candidate] = []
    for token, entry, clause in triggers.values():
        assert entry.type is not None
        own: list[args.Argument] = []
        if token.pos_ in {"VERB", "AUX"}:
            actor_heads = args.verb_actor_heads(token)
            headline_passive = _headline_passive(doc, token)
            if headline_passive:
                # "Over 900 asylum seekers rescued off Indonesian coast": a headline drops
                # the "were"; its subject is the one acted on
                actor_heads = []
            if not actor_heads and token.tag_ == "VBG" and token.dep_ in GERUND_NOUN_DEPS:
                # "as a result of Russian artillery shelling": a gerund used as a noun has
                # its actor among its modifiers
                actor_heads = args.nominal_actor_heads(token)
            if entry.type == "CONSULT":
                recipient_heads = args.consult_recipient_heads(token)
            else:
                recipient_heads = args.verb_recipient_heads(token)
            if headline_passive:
                recipient_heads = [c for c in token.children if c.dep_ == "nsubj"]
            if not recipient_heads and entry.type in CONTENT_GOVERNORS:
                for child in token.children:
                    if child.dep_ == "xcomp":
                        recipient_heads = args.verb_recipient_heads(child)
        elif token.pos_ == "ADJ":
            actor_heads = args.verb_actor_heads(clause) if clause.i != token.i else [token.head]
            recipient_heads = args.nominal_recipient_heads(token, with_of=True)
            for child in token.children:
                if child.dep_ == "xcomp":
                    recipient_heads = recipient_heads or args.verb_recipient_heads(child)
        else:
            own = [a for a in args.arguments(doc, args.nominal_actor_heads(token)) if a.actors]
            if not own and token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
                # "its rejection and condemnation of X": the first conjunct's possessor
                heads = args.nominal_actor_heads(token.head)
                own = [a for a in args.arguments(doc, heads) if a.actors]
            undergoer = _undergoer(token)
            if undergoer is not None and not own:  # "received aid from Japan"
                own = [a for a in args.arguments(doc, args.from_objects(undergoer)) if a.actors]
            actor_heads = (
                []
                if own or undergoer is not None
                else (args.verb_actor_heads(clause) if clause.i != token.i else [])
            )
            recipient_heads = args.nominal_recipient_heads(token, with_of=bool(own or actor_heads))
            if undergoer is not None:  # "Iran faces criticism from the U.N.": Iran receives it
                # "Navalny was arrested on charges": the passive's subject is in that state
                passive = [c for c in undergoer.children if c.dep_ == "nsubjpass"]
                recipient_heads = (passive or args.verb_actor_heads(undergoer)) + recipient_heads
            if clause.i != token.i:
                recipient_heads += [h for h in args.verb_recipient_heads(clause) if h.i != token.i]
        if token.pos_ in {"NOUN", "PROPN"} and own:
            actors = own
        else:
            actors = [a for a in args.arguments(doc, actor_heads) if a.actors]
        if not actors and actor_heads and all(h.pos_ == "PRON" for h in actor_heads):
            actors = [a for a in args.arguments(doc, args.speaker_heads(clause)) if a.actors]
        if not actors:  # "Thank you for coming", "He was arrested": the voice, the police
            actors = implicit.speaker(doc, clause) or implicit.justice_agent(doc, token, entry.type)
        if not actors and token.pos_ in {"NOUN", "PROPN"}:  # "thanked X for the assistance"
            actors = [a for a in args.arguments(doc, implicit.thanked_for(token)) if a.actors]
        if (
            actors
            and implicit.said_by_parties([a_head for a_head in actor_heads])
            and all(implicit.said_by_parties([h]) for h in actor_heads)
        ):
            actors = []  # "the parties discussed": the meeting's parties, not a party
        parties = not actors and implicit.said_by_parties(actor_heads)
        if entry.type in JOINT_TYPES and implicit.done_together(token, actor_heads):
            parties = True  # "They discussed", "It was agreed to": the meeting's parties
        # An event whose actor the text does not name at all is kept ("the talks"): the gold
        # guidelines annotate it with an empty source, and its confidence says so.
        if _fights_a_thing(doc, token):
            continue  # "fight the epidemic", "combat corruption": no attack on anybody
        recipients = [a for a in args.arguments(doc, recipient_heads) if a.actors]
        own_ids = {i for a in actors for i in a.actors}
        if (
            token.pos_ in {"VERB", "AUX"}
            and entry.type != "CONSULT"  # "discussed the situation in Ukraine": a topic
            and not any(set(a.actors) - own_ids for a in recipients)
        ):
            recipients = _object_targets(doc, token, entry.type) or recipients
            if not recipients and entry.type in CONTENT_GOVERNORS:
                # "agreed to lift a ban on British beef": the content's recipient
                for child in (c for c in token.children if c.dep_ == "xcomp"):
                    heads = args.verb_recipient_heads(child)
                    recipients = [a for a in args.arguments(doc, heads) if a.actors]
                    recipients = recipients or _object_targets(doc, child, entry.type)
        if not recipients and entry.type in ADDRESSED_TYPES and token.pos_ in {"VERB", "AUX"}:
            # "In a letter to Joe Biden, Zelenskyy asked for ...": the letter's addressee
            recipients = [a for a in args.arguments(doc, _addressees(token)) if a.actors]
        if not recipients and entry.type in PLACE_TARGET_TYPES:
            # "fired at the border areas of the Sumy region": the attacked place's country
            recipients = _attacked_places(doc, recipient_heads)
        if not actors and recipients and entry.type == "CONSULT" and token.pos_ == "NOUN":
            actors = implicit.voice_party(doc, token, recipients)  # "these talks with X"
        if entry.type == "REQUEST" and _unnamed(doc, recipients):
            recipients = _own_forces(doc, actors, recipient_heads) or recipients
        if (
            token.pos_ in {"NOUN", "PROPN"}
            and token.lemma_.lower() in BACKGROUND_NOUNS
            and not actors
            and not recipients
        ):
            continue  # "during the war", "a pillar of cooperation": the text's frame (D10)
        if (
            token.pos_ in {"NOUN", "PROPN"}
            and token.lemma_.lower() in ARGUMENT_NOUNS
            and not actors
            and not recipients
            and clause.i == token.i
            and not any(_names_its_content(c) for c in token.children)
        ):
            continue  # "world order", "law and order": no order given
        content_of = _content_governor(clause, types)
        reading = read_factuality(token, content_of=content_of, clause=clause)
        if entry.type == "AGREE" and token.lemma_.lower() in READINESS_WORDS:
            # "is ready to provide", "reaffirmed their readiness": stated, not yet done (D7)
            reading = stronger(reading, FactualityReading("future", token.text, intended=True))
        mode = entry.mode
        kind = entry.type
        if entry.type == "CONSULT" and {"phone", "telephone"} & {t.lower_ for t in token.subtree}:
            mode = "phone"
        if kind == "ASSAULT" and token.lemma_.lower() == "attack" and _cyber(token):
            kind, mode = "COERCE", "cyber"  # an attack on a website (manual: COERCE cyber)
        candidate = Candidate(
            token, clause, entry, kind, mode, tuple(actors), tuple(recipients), reading, None,
            parties,
        )  # fmt: skip
        candidates.append(apply_boundary_rules(doc, candidate, content_of=content_of))
    candidates = sent_for_a_purpose(candidates)
    candidates.extend(_deontic_requests(doc, sent, {c.trigger.i for c in candidates}))
    return candidates


DEONTIC = word_set("events", "coder.deontic")
DEONTIC_ENTRY = Entry(
    "must", (), "verb", "REQUEST", None, 0.7, "deontic modal under a verb of saying"
)


def _deontic_requests(doc: Document, sent: SpacySpan, taken: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    for modal in sent:
        if modal.lower_ not in DEONTIC or modal.dep_ != "aux" or modal.i in taken:
            continue
        content = modal.head
        saying = content.head
        if content.dep_ != "ccomp" or saying.lemma_.lower() not in args.SAYING:
            continue
        actors = [a for a in args.arguments(doc, args.verb_actor_heads(saying)) if a.actors]
        recipient_heads = [c for c in content.children if c.dep_ in args.SUBJECT_DEPS]
        recipients = [a for a in args.arguments(doc, recipient_heads) if a.actors]
        if not actors or not recipients:
            continue
        reading = read_factuality(saying)
        found.append(
            Candidate(
                modal,
                saying,
                DEONTIC_ENTRY,
                "REQUEST",
                None,
                tuple(actors),
                tuple(recipients),
                reading,
                "deontic modal -> REQUEST",
            )
        )
    return found


FIGHT_VERBS = word_set("events", "coder.fight_verbs")


def _fights_a_thing(doc: Document, verb: Token) -> bool:
    if verb.lemma_.lower() not in FIGHT_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(a.actors for a in args.arguments(doc, objects))


def _names_its_content(child: Token) -> bool:
    """ "the order to call off", "an order from Moscow", "a call for talks": what makes an
    argument noun an act."""
    if child.dep_ == "acl":
        return any(g.lower_ == "to" for g in child.children)
    return child.dep_ == "prep" and child.lower_ in ARGUMENT_PREPOSITIONS


def _cyber(trigger: Token) -> bool:
    return any(t.lower_ in CYBER_WORDS for t in trigger.sent)


def _object_targets(doc: Document, verb: Token, kind: str) -> list[args.Argument]:
    """ "lifted sanctions on Iran", "reduced tariffs on China's exports": the object's target;
    "awarding our heroes", "appreciate your efforts": an award's or evaluation's object's owner."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = args.nominal_recipient_heads(obj, with_of=True)  # "voiced support of X"
        found = [a for a in args.arguments(doc, heads) if a.actors]
        if not found and kind in OWNER_OBJECT_TYPES:
            owners = [c for c in obj.children if c.dep_ == "poss"]
            found = [a for a in args.arguments(doc, owners) if a.actors]
        if found:
            return found
    return []


def _headline_passive(doc: Document, verb: Token) -> bool:
    """A past participle of a verb done to somebody, with a subject and no object or auxiliary,
    in the title: a headline's passive without its "were" ("Asylum seekers rescued off
    Indonesian coast", "Two arrested on drug charges")."""
    if not doc.paragraphs or verb.idx >= doc.paragraphs[0].end:
        return False
    if verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in HEADLINE_PATIENT_VERBS:
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"dobj", "aux", "auxpass", "nsubjpass", "ccomp", "dative"}


def _addressees(verb: Token) -> list[Token]:
    """Who a letter, address or message framing the clause is to: "in a letter to X", "in his
    address to the US Congress", "in a message to X" (issue 11: the addressee of an address or
    a letter)."""
    found: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "through"}):
        for medium in (p for p in prep.children if p.dep_ == "pobj"):
            if medium.lemma_.lower() not in ADDRESS_NOUNS:
                continue
            for to in (c for c in medium.children if c.dep_ == "prep" and c.lower_ == "to"):
                found.extend(p for p in to.children if p.dep_ == "pobj")
    return found


def _attacked_places(doc: Document, heads: list[Token]) -> list[args.Argument]:
    """The country of a place an attack is aimed at, when the article names that country as an
    actor: "shelled Kharkiv", "struck residential areas in Donbass" target Ukraine (as CAMEO
    and the records gold code an attack on a place; the place's name is the evidence)."""
    countries = {a.country: a.id for a in doc.extraction.actors if a.kind == "country"}
    for head in heads:
        start, last = head.left_edge, head.right_edge
        end = last.idx + len(last.text)
        for place in doc.extraction.places:
            if start.idx <= place.span.start and place.span.end <= end:
                actor = countries.get(place.country) if place.country else None
                if actor is not None:
                    return [args.Argument(place.span, (actor,))]
    return []


def _unnamed(doc: Document, recipients: list[args.Argument]) -> bool:
    """No recipient, or only armed forces of no known country ("frontline troops")."""
    for arg in recipients:
        for actor_id in arg.actors:
            actor = doc.extraction.actor(actor_id)
            if actor is None or actor.country is not None or actor.sector != "MIL":
                return False
    return True


def _own_forces(
    doc: Document, actors: list[args.Argument], heads: list[Token]
) -> list[args.Argument]:
    """An order to unnamed troops goes to the actor's own forces ("told frontline troops to ...").

    Commanders and heads of state order their own forces; when the troops are not named by
    nationality, the recipient is the actor's country's armed forces *if the article already has
    that actor* (the actors stage's "{demonym} forces" group). Nothing is invented otherwise.
    """
    unnamed = [h for h in heads if h.lemma_.lower() in FORCE_NOUNS]
    if not unnamed:
        return []
    countries = {
        actor.country
        for arg in actors
        for actor in (doc.extraction.actor(i) for i in arg.actors)
        if actor is not None and actor.country
    }
    forces = [
        a.id
        for a in doc.extraction.actors
        if a.kind == "group" and a.sector == "MIL" and a.country in countries
    ]
    if len(forces) != 1:
        return []
    return [args.Argument(args.np_span(doc, unnamed[0]), (forces[0],))]


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
