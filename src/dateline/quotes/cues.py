"""Cue verbs and speakers: who says, and with which verb.

The lexicon holds the lemmas of reporting verbs (speech acts) and of verbs of belief and
evidence, which PolNeAR annotates as attributions too (Newell et al. 2018, guidelines §2: "beliefs,
polls and documents are sources"). It was drawn up from the most frequent Cue words of PolNeAR's
*train* split (never dev or test) together with textacy's REPORTING_VERBS, keeping the verbs that
take a clausal complement ("said that ...", "warned ..."). Verbs that take only an object
("support", "endorse") are left out: their content is not a proposition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from dateline.model import Span

SPEECH_VERBS: frozenset[str] = frozenset(
    [
        "say",
        "tell",
        "add",
        "write",
        "note",
        "argue",
        "claim",
        "report",
        "announce",
        "describe",
        "tweet",
        "explain",
        "respond",
        "acknowledge",
        "declare",
        "insist",
        "warn",
        "state",
        "reply",
        "answer",
        "remark",
        "comment",
        "mention",
        "recall",
        "reveal",
        "admit",
        "concede",
        "deny",
        "allege",
        "assert",
        "maintain",
        "reiterate",
        "repeat",
        "stress",
        "emphasize",
        "emphasise",
        "confirm",
        "predict",
        "promise",
        "vow",
        "pledge",
        "boast",
        "brag",
        "complain",
        "joke",
        "quip",
        "suggest",
        "propose",
        "urge",
        "caution",
        "contend",
        "counter",
        "retort",
        "testify",
        "disclose",
        "conclude",
        "observe",
        "point",
        "post",
        "email",
        "text",
        "publish",
        "proclaim",
        "announce",
        "accuse",
        "charge",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "praise",
        "tout",
        "recount",
        "assure",
        "remind",
        "question",
        "ask",
        "wonder",
        "shout",
        "chant",
        "cry",
        "scream",
        "whisper",
        "yell",
        "signal",
        "indicate",
        "imply",
        "speculate",
        "estimate",
        "lament",
        "decry",
    ]
)
BELIEF_VERBS: frozenset[str] = frozenset(
    [
        "think",
        "believe",
        "know",
        "feel",
        "expect",
        "hope",
        "fear",
        "worry",
        "suspect",
        "doubt",
        "understand",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "assume",
        "guess",
        "reckon",
        "conclude",
        "find",
        "show",
        "learn",
        "hear",
        "see",
        "agree",
        "decide",
        "determine",
        "consider",
        "acknowledge",
        "insist",
    ]
)
CUE_VERBS: frozenset[str] = SPEECH_VERBS | BELIEF_VERBS

#: verbs whose content is a to-infinitive: "refused to give ...", "urged Congress to act"
#: (PolNeAR train cues: want 141, promise 74, refuse 70, urge 63, vow 50, pledge 42, ...)
INFINITIVE_VERBS: frozenset[str] = frozenset(
    [
        "want",
        "plan",
        "refuse",
        "promise",
        "pledge",
        "vow",
        "urge",
        "ask",
        "seek",
        "decline",
        "agree",
        "threaten",
        "hope",
        "expect",
        "intend",
        "demand",
        "encourage",
        "offer",
        "propose",
        "push",
        "press",
        "vote",
        "aim",
    ]
)
#: verbs whose content is their object: "cited the many Americans ...", "called for a ban"
#: (PolNeAR train cues: call 417, support 182, cite 97, criticize 101, announce 153, ...)
OBJECT_VERBS: frozenset[str] = frozenset(
    [
        "cite",
        "criticize",
        "criticise",
        "announce",
        "propose",
        "discuss",
        "describe",
        "mention",
        "support",
        "attack",
        "condemn",
        "praise",
        "blast",
        "slam",
        "denounce",
        "defend",
        "endorse",
        "oppose",
        "reject",
        "deny",
        "question",
        "dismiss",
        "blame",
        "call",
        "tout",
        "decry",
        "accuse",
        "mock",
        "highlight",
        "stress",
        "emphasize",
        "emphasise",
        "predict",
        "recommend",
        "reveal",
        "acknowledge",
    ]
)
#: verb + preposition whose object is the content: "called for", "pushed for", "pointed to"
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "push": frozenset({"for"}),
    "ask": frozenset({"for"}),
    "press": frozenset({"for"}),
    "argue": frozenset({"for", "against"}),
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of"}),
    "warn": frozenset({"of", "against", "about"}),
    "complain": frozenset({"about", "of"}),
    "focus": frozenset({"on"}),
    "advocate": frozenset({"for"}),
}

#: verbs whose complement is a claim of the speaker (claims stage: stance "claim")
CLAIM_VERBS: frozenset[str] = frozenset(
    {"claim", "allege", "assert", "insist", "contend", "maintain"}
)

#: an object verb's preposition that carries the rest of its content: "accused the Saudi
#: government of attempting ...", "mocked Romney for not releasing ...", "praised X as ..."
#: (PolNeAR annotates the object and the charge as one Content)
OBJECT_PREPS: frozenset[str] = frozenset({"of", "for", "as"})

#: verbs of evidence whose object is the content only when the subject is a document, a poll or a
#: study: "Polls show a close contest", "A 2014 study ... found 31 incidents" (PolNeAR guidelines
#: §2: polls and documents are sources); "found the body" is no attribution
EVIDENCE_VERBS: frozenset[str] = frozenset(
    {"show", "find", "suggest", "indicate", "reveal", "estimate", "document", "put"}
)
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    {
        "poll",
        "polling",
        "survey",
        "study",
        "report",
        "data",
        "research",
        "analysis",
        "investigation",
        "review",
        "audit",
        "record",
        "document",
        "figure",
        "number",
        "estimate",
        "average",
        "census",
        "test",
        "probe",
        "inquiry",
        "memo",
        "paper",
        "letter",
        "statement",
        "filing",
        "ad",
    }
)

#: nouns that name a speech act or a belief and take a "that" clause as their content: "a New
#: York Times report that Trump had a net loss", "the claim that ...", "fears that ..." (PolNeAR
#: guidelines §3.2: nominal cues; the nouns are the most frequent noun Cues of PolNeAR *train*)
CUE_NOUNS: frozenset[str] = frozenset(
    {
        "report",
        "claim",
        "statement",
        "assertion",
        "allegation",
        "accusation",
        "charge",
        "warning",
        "promise",
        "pledge",
        "suggestion",
        "argument",
        "belief",
        "fear",
        "concern",
        "view",
        "announcement",
        "insistence",
        "assurance",
        "prediction",
        "finding",
        "conclusion",
        "message",
        "comment",
        "remark",
        "testimony",
        "admission",
        "denial",
        "suspicion",
        "speculation",
        "rumor",
        "rumour",
        "complaint",
        "criticism",
        "recognition",
        "acknowledgment",
        "acknowledgement",
        "estimate",
        "hope",
        "worry",
        "sense",
        "case",
    }
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased, with the small model's known slips mended.

    The small English model lemmatizes "hoped" and "hopes" as "hop".
    """
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_.startswith(("hope", "hoping")):
        return "hope"
    return lemma


def is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and lemma_of(token) in CUE_VERBS


def is_any_cue(token: Token) -> bool:
    """A cue verb of any kind: clausal, infinitival, object or prepositional content."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = lemma_of(token)
    return (
        lemma in CUE_VERBS
        or lemma in INFINITIVE_VERBS
        or lemma in OBJECT_VERBS
        or lemma in PREPOSITION_CUES
        or lemma in EVIDENCE_VERBS
    )


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or a conjoined verb's subject.

    "Trump described ... and said ..." gives "said" the subject of "described"; "who he told"
    keeps the relative clause's own subject; "the claim was made by X" gives X.
    """
    seen = 0
    while seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child
        for child in verb.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() not in {"tell", "ask"}:
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            verb = verb.head  # "Trump described ... and said ...": said inherits Trump
            continue
        if verb.dep_ == "relcl":  # "the official who said ..."
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Trump, saying ...": the modified noun
            return verb.head
        return None
    return None


def that_clause(head: Token) -> tuple[int, int] | None:
    """The "that" clause a noun governs, as a content range without "that".

    The small model parses "a report that Trump had a loss" and "told leaders that few people
    understood" as relative clauses; a relative "that" is the clause's subject or object, a
    complementizer "that" is its ``mark``, which tells the two apart.
    """
    for child in head.children:
        if child.dep_ not in {"relcl", "acl", "ccomp"} or child.i < head.i:
            continue
        first = child.left_edge
        if first.lower_ == "that" and first.dep_ == "mark" and first.head.i == child.i:
            last = child.right_edge
            if first.i + 1 <= last.i:
                second = first.doc[first.i + 1]
                return second.idx, last.idx + len(last.text)
    return None


def noun_source(noun: Token) -> Token | None:
    """Who a cue noun belongs to: "Trump's claim", "a New York Times report", "claims by X"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def speaker_span(doc: Doc, subject: Token, mention_span: Span | None) -> tuple[int, int]:
    """Character offsets of the local speaker phrase: the actor mention, else the noun phrase."""
    if mention_span is not None:
        return mention_span.start, mention_span.end
    start = subject.left_edge.i
    end = subject.i + 1
    # keep compound names to the right ("Secret Service"), drop relative clauses and appositions
    for child in subject.children:
        if child.i > subject.i and child.dep_ in {"compound", "flat"}:
            end = max(end, child.i + 1)
    first, last = doc[start], doc[end - 1]
    return first.idx, last.idx + len(last.text)
