"""Calls an address lists without a verb (records DECISIONS.md D109, D119; issue 11).

"I spoke today with Mark Rutte, Prime Minister of the Netherlands. ... With Prime Minister of
Israel Bennett. With Prime Minister of Luxembourg Bettel and President of France Macron.", "almost
a marathon of phone conversations. ... Slovakia. In a conversation with Prime Minister Heger, ...
Lithuania. I thanked President Nausėda ...": after a sentence that announces conversations, a
verbless item naming a partner ("With X.", a country heading, "The Prime Ministers of Albania,
Bulgaria and Israel.") is one more call of the address's speaker, a CONSULT of its own (D109:
"Verbless call fragments ... each carry a required CONSULT"; D119: "Country headings of a run of
calls ("Slovakia.") are each a required CONSULT"; the PLOVER manual's CONSULT, "telephone
calls"). A country heading's partner is the person of that country the next sentence names
("Slovakia. In a conversation with Prime Minister Heger"), else the country.

The announcement is the state a verbless item needs: it is read back from the item, not kept
while coding. Only a short sentence with no verb is looked at (:func:`listed_call`); it then
reads at most :data:`ANNOUNCEMENT_WINDOW` sentences back, each through the article's lexicon
tokens (:attr:`Document.lexicon_tokens`, a bisect), and a run of items renews the window. No
other sentence costs more than a look at its own tokens' tags.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from dateline.events import arguments as args
from dateline.events import implicit
from dateline.events.candidate import Candidate
from dateline.events.lexicon import Entry, match
from dateline.words import finder, word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.events.arguments import Argument

ITEM_OPENERS = word_set("events", "address.item_openers")
ITEM_PREPOSITIONS = word_set("events", "address.item_prepositions")
SALUTATIONS = word_set("events", "address.salutations")
#: an item of a call list names one or two partners with their titles: the longest on dev is
#: "With Prime Minister of Luxembourg Bettel and President of France Macron." (12 tokens); a
#: longer sentence is a fragment of something else, and is passed on its length alone
MAX_ITEM_TOKENS = 14
#: how many sentences back an item looks for the announcement of calls (or an earlier item): in
#: zelenskyy-15 a country heading's call takes up to three body sentences before the next one
ANNOUNCEMENT_WINDOW = 4
#: entity labels of a partner named after "With": a person, a body, a country or its people
PARTNER_ENTITIES = word_set("events", "address.partner_entities")
LIST_ENTRY = Entry(
    "with",
    (),
    "noun",
    "CONSULT",
    None,
    0.5,
    "'With Prime Minister of Israel Bennett.': a listed call",
)
LIST_RULE = "listed call -> CONSULT"


def _item_words(sent: SpacySpan) -> list[Token] | None:
    """A verbless item's words after its openers ("And", "Next -"), or None: a sentence with a
    verb, too long to be an item, or a greeting ("Free people of a free country!")."""
    if len(sent) > MAX_ITEM_TOKENS or sent[-1].lower_ == "!":
        return None
    words = [t for t in sent if not t.is_punct or t.lower_ in ITEM_OPENERS]
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return None
    while words and words[0].lower_ in ITEM_OPENERS:
        words.pop(0)
    return words or None


def _partner_heads(sent: SpacySpan) -> list[Token]:
    """The heads naming partners in a verbless item (module docstring), else nothing: the
    objects of "With ..." that are names; a bare heading's country ("Slovakia.", its actor
    checked in :func:`listed_call`); or holders of an office of somewhere ("The Prime Ministers
    of Albania, Bulgaria and Israel."). Not a people ("Europeans"), a thing ("Support for
    Ukraine.") or a word the tagger takes for a name ("Volunteer.", "Freedom Square.")."""
    words = _item_words(sent)
    if words is None or words[0].lower_ in SALUTATIONS:
        return []  # "Dear Mr. Speaker, members of the Knesset.": the audience, greeted
    root = sent.root
    if words[0].lower_ in ITEM_PREPOSITIONS:
        heads = [c for c in words[0].children if c.dep_ == "pobj"]
        named = [h for h in heads if h.ent_type_ in PARTNER_ENTITIES or h.pos_ == "PROPN"]
        if named:
            return named
    elif root.pos_ in {"NOUN", "PROPN"}:
        if root.ent_type_ == "GPE":
            return [root]
        heads = [root]
    else:
        return []
    return [
        h
        for h in heads
        if h.pos_ in {"NOUN", "PROPN"}
        and not h.ent_type_
        and args.names_people(h)
        and any(c.dep_ == "prep" for c in h.children)
    ]


def _announces_calls(doc: Document, sent: SpacySpan) -> bool:
    """Whether a sentence holds a CONSULT trigger ("I spoke today with Mark Rutte", "a marathon
    of phone conversations"): read through the article's lexicon tokens only."""
    candidates = doc.lexicon_tokens or ()
    first, last = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
    for i in candidates[first:last]:
        token = doc.parsed[i]
        pos = "verb" if token.pos_ in {"VERB", "AUX"} else "noun"
        entry = match(token, pos)
        if entry is not None and entry.type == "CONSULT":
            return True
    return False


def _announced(doc: Document, sent: SpacySpan) -> bool:
    """Whether calls were announced within :data:`ANNOUNCEMENT_WINDOW` sentences before, an
    earlier item of the run renewing the window."""
    left = ANNOUNCEMENT_WINDOW
    while left and sent.start > 0:
        sent = doc.parsed[sent.start - 1].sent
        if _announces_calls(doc, sent):
            return True
        left = ANNOUNCEMENT_WINDOW if _partner_heads(sent) else left - 1
    return False


def _heading_partner(doc: Document, sent: SpacySpan, heading: Argument) -> Argument:
    """ "Slovakia. In a conversation with Prime Minister Heger": a country heading's partner is
    the first person of that country the next sentence names, else the country."""
    countries = {a.country for a in (doc.extraction.actor(i) for i in heading.actors) if a}
    if sent.end >= len(doc.parsed):
        return heading
    after = doc.parsed[sent.end].sent
    for mention in doc.mentions_in(after.start_char, after.end_char):
        actor = doc.extraction.actor(mention.actor)
        # "Prime Minister Heger" may be of no known country yet, never of another one
        if actor is not None and actor.kind == "person" and actor.country in countries | {None}:
            return args.Argument(mention.span, (mention.actor,))
    return heading


def listed_call(doc: Document, sent: SpacySpan) -> list[Candidate]:
    """A verbless call item of an address (module docstring): one CONSULT from the address's
    speaker to the partners it names, or nothing."""
    heads = _partner_heads(sent)
    if not heads:
        return []
    voice = doc.voice_at(sent.start_char)
    if voice is None or voice.addressee is not None:
        return []  # a transcript's turn or a readout: the item is no speaker's own call list
    partners = [a for a in args.arguments(doc, heads) if a.actors and voice.speaker not in a.actors]
    if not partners or not _announced(doc, sent):
        return []
    speaker = implicit.latest_mention(doc, voice.speaker, sent.start_char)
    if speaker is None:
        return []
    if heads[0].i == sent.root.i and sent.root.ent_type_ == "GPE":
        # a heading names a country ("Slovakia."), not the towns of a front ("Mariupol and
        # Volnovakha.")
        named = [doc.extraction.actor(a) for arg in partners for a in arg.actors]
        if len(partners) != 1 or not all(a is not None and a.kind == "country" for a in named):
            return []
        partners = [_heading_partner(doc, sent, partners[0])]
    trigger = heads[0]
    return [Candidate.of_rule(trigger, LIST_ENTRY, "CONSULT", (speaker,), partners, LIST_RULE)]


TOPIC_PASSIVES = word_set("events", "address.topic_passives")
TOPIC_NOUNS = word_set("events", "address.topic_nouns")
#: either kind of topic word: a sentence holding none is passed on its text (joined once, not on
#: each sentence), by one regex compiled once
TOPIC_WORDS = TOPIC_PASSIVES | TOPIC_NOUNS
_TOPIC_FINDER = finder(TOPIC_WORDS)
#: the verbs whose subject a topic noun is: "The main topic was", "A special focus was given"
TOPIC_COPULAS = word_set("events", "address.topic_copulas")
TOPIC_ENTRY = Entry(
    "topic",
    (),
    "noun",
    "CONSULT",
    None,
    0.5,
    "'The situation in Mali was also raised', 'The main topic was energy security': a readout's topic",
)
TOPIC_RULE = "readout topic -> CONSULT"


def _topic_trigger(token: Token) -> bool:
    """ "was raised", "was considered" in the agentless or "by" passive, naming no category ("was
    considered a threat"); "topic" or "focus" as the subject of "be" or "give"."""
    if token.lower_ in TOPIC_PASSIVES:
        return any(c.dep_ == "auxpass" for c in token.children) and not any(
            c.dep_ in {"attr", "oprd", "xcomp", "acomp"} for c in token.children
        )
    return (
        token.lower_ in TOPIC_NOUNS
        and token.dep_ in {"nsubj", "nsubjpass"}
        and token.head.lemma_.lower() in TOPIC_COPULAS
        # "A major focus of International Women's Day": a topic said to be something's own is
        # no meeting's
        and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
        )
    )


def readout_topics(doc: Document, sent: SpacySpan, taken: list[Candidate]) -> list[Candidate]:
    """ "The situation in Mali was also raised by Emmanuel Macron", "The main topic was energy
    security", "A special focus was given to deliveries of Russian natural gas to Serbia": a
    readout's topic told without "discussed" is a mention of the meeting, a CONSULT (records
    DECISIONS.md D73: "the agenda included" is a CONSULT mention; D119: "The main topic was" is
    a CONSULT mention). Its "by" agent raised it; with none, the stage gives it the meeting's
    parties (:func:`dateline.events.discourse.with_meeting_parties`). Only outside a voice (a
    readout, not an address or a transcript's turn) and where the sentence has no CONSULT of its
    own. A sentence holding none of the words is passed on its text, no token built."""
    lowered = doc.text[sent.start_char : sent.end_char].lower()
    if not _TOPIC_FINDER.search(lowered):
        return []
    if doc.voice_at(sent.start_char) is not None or any(c.type == "CONSULT" for c in taken):
        return []
    for token in sent:
        if not _topic_trigger(token):
            continue
        agent = [p for c in token.children if c.dep_ == "agent" for p in c.children]
        actors = tuple(a for a in args.arguments(doc, agent) if a.actors)
        return [
            Candidate.of_rule(
                token, TOPIC_ENTRY, "CONSULT", actors, (), TOPIC_RULE, parties=not actors
            )
        ]
    return []
