"""Cue verbs and speakers: who says, and with which verb.

The lexicon (``data/words/quotes.toml``) holds the lemmas of reporting verbs (speech and writing
acts) and of verbs of belief, desire, perception and stance, which PolNeAR annotates as
attributions too (Newell et al. 2018, guidelines §2: "beliefs, polls and documents are sources").
It was drawn up from the most frequent Cue words of PolNeAR's *train* split (never dev or test)
together with textacy's REPORTING_VERBS. Each verb has one act, which decides the kind of its
records (:func:`act_of`: a speech act gives a quote, a belief a record of kind ``belief``), and
one or more shapes of content (a clause, a to-infinitive, an object, a prepositional object)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from dateline.model import Span
from dateline.words import word_map, word_set

Act = Literal["speech", "belief"]

#: verbs of saying and writing, and of belief, desire, perception and stance, by the shape of
#: their content; a verb's act (speech or belief) and the shape it is tried in first are declared
#: in data/words/quotes.toml
SPEECH_CLAUSAL = word_set("quotes", "cues.speech_clausal")
BELIEF_CLAUSAL = word_set("quotes", "cues.belief_clausal")
SPEECH_INFINITIVE = word_set("quotes", "cues.speech_infinitive")
BELIEF_INFINITIVE = word_set("quotes", "cues.belief_infinitive")
SPEECH_OBJECT = word_set("quotes", "cues.speech_object")
BELIEF_OBJECT = word_set("quotes", "cues.belief_object")
SPEECH_NOUNS = word_set("quotes", "cues.speech_nouns")
BELIEF_NOUNS = word_set("quotes", "cues.belief_nouns")

#: verbs whose content is a clause ("said that ...", "believes ..."): also the cues of quotations
CUE_VERBS: frozenset[str] = SPEECH_CLAUSAL | BELIEF_CLAUSAL
#: verbs whose content is a to-infinitive: "refused to give ...", "urged Congress to act"
INFINITIVE_VERBS: frozenset[str] = SPEECH_INFINITIVE | BELIEF_INFINITIVE
#: verbs whose content is their object: "cited the many Americans ...", "supports the sanctions"
OBJECT_VERBS: frozenset[str] = SPEECH_OBJECT | BELIEF_OBJECT
#: verb + preposition whose object is the content: "called for", "pointed to", "focused on"
PREPOSITION_CUES: dict[str, frozenset[str]] = {
    verb: frozenset(preps)
    for table in ("cues.speech_prepositions", "cues.belief_prepositions")
    for verb, preps in word_map("quotes", table).items()
}
#: verbs whose passive subject is the one spoken to ("he was told"): no speaker
ADDRESSEE_PASSIVES = word_set("quotes", "cues.addressee_passives")
#: how many verbs up a chain of conjuncts and complements ("described ... and said") a cue's
#: subject is looked for
SUBJECT_HOPS = 6

#: nouns after "according to" that give a manner, not a source ("according to plan")
ACCORDING_TO_MANNER = word_set("quotes", "cues.according_to_manner")

#: verbs whose complement is a claim of the speaker (dateline.quotes.claims: stance "assert")
CLAIM_VERBS = word_set("quotes", "shared.claim_verbs")

#: an object verb's preposition that carries the rest of its content: "accused the Saudi
#: government of attempting ...", "mocked Romney for not releasing ...", "praised X as ..."
#: (PolNeAR annotates the object and the charge as one Content)
OBJECT_PREPS = word_set("quotes", "cues.object_preps")

#: verbs of evidence whose object is the content only when the subject is a document, a poll or a
#: study: "Polls show a close contest", "A 2014 study ... found 31 incidents" (PolNeAR guidelines
#: §2: polls and documents are sources); "found the body" is no attribution
EVIDENCE_VERBS = word_set("quotes", "cues.evidence_verbs")
EVIDENCE_NOUNS = word_set("quotes", "cues.evidence_nouns")
#: "'...,' the message reads": a document's verb and the documents it gives the words of
DOCUMENT_VERBS = word_set("quotes", "cues.document_verbs")
DOCUMENT_NOUNS = word_set("quotes", "cues.document_nouns")

#: nouns that name a speech act or a belief and take a "that" clause as their content: "a New
#: York Times report that Trump had a net loss", "the claim that ...", "fears that ..." (PolNeAR
#: guidelines §3.2: nominal cues; the nouns are the most frequent noun Cues of PolNeAR *train*)
CUE_NOUNS: frozenset[str] = SPEECH_NOUNS | BELIEF_NOUNS

#: every verb of saying or writing, whatever the shape of its content
SPEECH_VERBS: frozenset[str] = (
    SPEECH_CLAUSAL
    | SPEECH_INFINITIVE
    | SPEECH_OBJECT
    | frozenset(word_map("quotes", "cues.speech_prepositions"))
)
#: every verb of belief, desire, perception or stance, whatever the shape of its content
BELIEF_VERBS: frozenset[str] = (
    BELIEF_CLAUSAL
    | BELIEF_INFINITIVE
    | BELIEF_OBJECT
    | frozenset(word_map("quotes", "cues.belief_prepositions"))
)


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased, with the small model's known slips mended.

    The small English model lemmatizes "hoped" and "hopes" as "hop".
    """
    lemma = token.lemma_.lower()
    if lemma == "hop" and token.lower_.startswith(("hope", "hoping")):
        return "hope"
    return lemma


def is_cue(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and (lemma_of(token) in CUE_VERBS or document_reads(token))


def document_reads(verb: Token) -> bool:
    """ "'...,' the message reads": a document's verb whose subject is a document gives the
    document's words (a writing act); "he read the report" is no cue."""
    if lemma_of(verb) not in DOCUMENT_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and lemma_of(subject) in DOCUMENT_NOUNS


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


def act_of(cue: Token) -> Act:
    """ "speech" when the cue is a speech or writing act, "belief" when it is a belief, desire,
    perception or stance (issue 11: "want", "know", "see", "support" are no speech).

    A verb of evidence whose subject is a document, a poll or a study ("the report found ...",
    "polls show ...") gives the document's words: speech. Cues that are no verb of the lexicon
    (the "according" of "according to", the dash before a signature) are speech.
    """
    lemma = lemma_of(cue)
    if cue.pos_ == "NOUN" or cue.pos_ == "PROPN":
        return "belief" if lemma in BELIEF_NOUNS else "speech"
    if lemma in EVIDENCE_VERBS:
        subject = subject_of(cue)
        if subject is not None and lemma_of(subject) in EVIDENCE_NOUNS:
            return "speech"
    return "belief" if lemma in BELIEF_VERBS else "speech"


def is_speech_cue(token: Token) -> bool:
    """A verb of saying or writing that may introduce a quotation ("“...,” he said")."""
    return is_cue(token) and (lemma_of(token) in SPEECH_CLAUSAL or document_reads(token))


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or a conjoined verb's subject.

    "Trump described ... and said ..." gives "said" the subject of "described"; "who he told"
    keeps the relative clause's own subject; "the claim was made by X" gives X; "Asked whether
    X, the President said ..." gives "asked" nobody (the President is the one asked).
    """
    seen = 0
    while seen < SUBJECT_HOPS:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
        if subjects:
            # the parser may hang a long title on the verb as a second subject ("Chairman of
            # the Supervisory Board of PJSC "..." Volodymyr Prykhodko told"): the nearest one
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        for child in verb.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        for child in verb.children:
            if child.dep_ == "nsubjpass" and verb.lemma_.lower() not in ADDRESSEE_PASSIVES:
                return child
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBN"
            and verb.lemma_.lower() in ADDRESSEE_PASSIVES
        ):
            return None  # "Asked whether X, the President said ...": he was asked, not asking
        if verb.dep_ in {"conj", "xcomp", "advcl", "acomp"} and verb.head.i != verb.i:
            verb = verb.head  # "Trump described ... and said ...": said inherits Trump
            continue
        if verb.dep_ == "relcl":  # "the official who said ..."
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Trump, saying ...": the modified noun
            return verb.head
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
            # "they published the results by announcing that ...", "pilloried for saying ...":
            # the gerund's subject is the subject of the verb its preposition hangs on
            verb = verb.head.head
            continue
        return None
    return None


def antecedent_of(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Yermak, who noted that ..." gives Yermak."""
    clause = pronoun.head
    if pronoun.tag_ in {"WP", "WDT"} and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
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
