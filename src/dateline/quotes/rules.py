"""The attribution rules: direct and partial quotes, indirect speech, "according to".

Each rule yields :class:`Found` records (character offsets, kind, cue token, subject token); the
stage turns them into :class:`~dateline.model.Quote` records with resolved speakers.

- direct: a quotation that is a whole clause (it opens a sentence or follows a colon or comma);
  its cue is the nearest reporting verb outside quotation marks in the sentences the quotation
  touches ("“A,” Trump said."; "He said: “A.”"). A quotation with no cue that opens a paragraph
  continues the previous speaker (AP style: a paragraph that is only a quote belongs to whoever
  spoke last).
- a quotation interrupted by its own attribution ("“A,” he said, “B.”") is **one** quote, as in
  PolNeAR: its span runs from the start of A to the end of B (the interrupting "he said" lies
  inside the span, since spans are contiguous); its cue and speaker are the interruption's.
- partial: a quotation inside a clause ("described X as “very good and productive discussions”");
  its cue is the nearest reporting-verb ancestor in the dependency tree.
- indirect: a reporting verb's clausal complement ("said he'd spoken to Putin"), in either order
  ("X, sources said"); the complementizer "that" is left out of the content.
- according_to: "according to X" attributes the rest of its sentence to X.

A speech cue under a negated modal ("he could not predict X", "they would not have to explain
why") attributes nothing: nobody said anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.quotes.cues import (
    ACCORDING_TO_MANNER,
    CUE_NOUNS,
    CUE_VERBS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    INFINITIVE_VERBS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    PREPOSITION_CUES,
    act_of,
    is_any_cue,
    is_cue,
    is_speech_cue,
    lemma_of,
    noun_source,
    subject_of,
    that_clause,
)
from dateline.quotes.marks import Quoted, find_quoted
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dateline.document import Document

PUNCT_EDGE = " \n\t,;:—–-\"“”‘’'()"
#: a complement this much inside quotation marks is a direct quote already, not indirect speech
QUOTED_SHARE = 0.6
#: dependency labels of a verb that heads a clause of its own (not a participle modifying a noun)
CLAUSE_DEPS = word_set("quotes", "rules.clause_deps")
#: speech cues that are also acts of arms, who may do them with arms, and lands they hit
CLARIFYING_VERBS = word_set("quotes", "cues.clarifying_verbs")
CLARIFYING_SUBJECTS = word_set("quotes", "cues.clarifying_subjects")
ARMED_SENSES = word_set("quotes", "cues.armed_senses")
ARMED_DOERS = word_set("quotes", "cues.armed_doers")
ATTACKED_PLACES = word_set("quotes", "cues.attacked_places")
#: named-entity labels of countries, peoples and places: an attack by or on one is of arms
ARMED_ENTITY_LABELS = word_set("quotes", "cues.armed_entity_labels")
#: how many paragraphs back a cue-less quotation paragraph may find its speaker
CONTINUATION_PARAGRAPHS = 2
#: attributed content shorter than this (characters) says nothing ("so", "yes", "it"): neither
#: indirect speech nor one side of an "according to" phrase
MIN_CONTENT_CHARS = 8
#: a quotation after a comma is a whole clause when it starts in capitals and has this many tokens
CLAUSE_MIN_TOKENS = 3
#: a sentence that starts this near (characters) after a closing mark is its attribution the
#: parser split off ('”he said.')
SPLIT_ATTRIBUTION_CHARS = 3
#: the scores that rank a quotation's cues by distance (characters): a cue that governs the
#: quotation wins over any nearer one; a verb of belief loses to any verb of saying in reach
GOVERNING_CUE_BONUS = 1000
BELIEF_CUE_PENALTY = 100_000
#: how far after a dash (characters) the name signing a quotation is read, and how near the dash
#: it must start ("“...” ― Sonya Herridge")
DASH_NAME_CHARS = 80
DASH_GAP_CHARS = 3
#: how far before a quotation "so-called" is looked for (the word, a space and the mark)
SO_CALLED_CHARS = 12
#: how many heads up the tree a partial quotation's cue is looked for
PARTIAL_CUE_HOPS = 10
#: modal auxiliaries of possibility and obligation, the events stage's (FactBank): negated, they
#: say nobody says anything ("he could not predict X", "they would not have to explain why")
MODAL_AUXILIARIES = word_set("events", "factuality.hypothetical_aux")
SUBJECT_DEPS = word_set("grammar", "dependencies.subjects")


@dataclass
class Found:
    start: int
    end: int
    kind: str  # direct | partial | indirect | according_to
    cue: Token | None
    subject: Token | None
    cue_end: int | None = None  # for multi-word cues ("according to")
    inherit: Found | None = None  # a continuation paragraph: the speaker of this earlier quote


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _non_finite(verb: Token) -> bool:
    """A to-infinitive or a gerund: a verb that asserts nothing on its own."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _unsaid(verb: Token) -> bool:
    """A cue under a negated modal: "he could not predict X", "they would not have to explain
    why": no speech act took place, so nothing is attributed (the verb, or the verb whose
    infinitive it is, has both a negation and a modal auxiliary). A negated to-infinitive
    says so itself: "Suppose it starts operations in Crimea, not to mention Donbass", "asked
    them not to say anything"."""
    if _non_finite(verb) and any(c.dep_ == "neg" for c in verb.children):
        return True
    while True:
        deps = {(c.dep_, c.lower_) for c in verb.children}
        if any(dep == "neg" for dep, _ in deps) and any(
            dep == "aux" and word in MODAL_AUXILIARIES for dep, word in deps
        ):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head


def _armed(verb: Token, obj: Token | None) -> bool:
    """ "Nazi Germany, which attacked our Motherland", "the troops attacked Kharkiv": an attack
    whose doer or target is a country, a people, a place or an armed force is an act of arms,
    not words ("Trump attacked Clinton's record" is words). A relative clause's doer is the
    noun it modifies."""
    if verb.lemma_.lower() not in ARMED_SENSES:
        return False
    doer = subject_of(verb)
    if doer is not None and doer.tag_ == "WDT" and verb.dep_ == "relcl":
        doer = verb.head
    for side in (doer, obj):
        if side is None:
            continue
        if side.ent_type_ in ARMED_ENTITY_LABELS:
            return True
        # the word lists hold plurals ("troops", "positions") and singulars ("army"), so both
        # the word as written and its lemma are looked up: "Russian troops attacked the
        # Zaporizhzhia nuclear power plant" has the lemma "troop"
        forms = {side.lemma_.lower(), side.lower_}
        if side is doer and not forms.isdisjoint(ARMED_DOERS):
            return True
        if side is obj and not forms.isdisjoint(ATTACKED_PLACES):
            return True
    return False


def _clarifying(verb: Token, subject: Token | None) -> bool:
    """ "I am talking about laser weapons", "We are talking about approximately 100 new
    passenger cars": a speaker saying what they mean, in the present, reports no words (their
    own words are the turn or the quotation they stand in)."""
    return (
        verb.lemma_.lower() in CLARIFYING_VERBS
        and verb.tag_ == "VBG"
        and subject is not None
        and subject.lower_ in CLARIFYING_SUBJECTS
        and any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} for c in verb.children)
    )


def _denied(verb: Token, prep: Token) -> bool:
    """A preposition the verb's own negation stands right before: "the media has been talking
    not about how sanctions work, but about why ...": what follows "not about" is what nobody
    talks about (a negation before the verb, "did not speak about X", is left as it was)."""
    before = verb.doc[prep.i - 1]
    return before.i > verb.i and before.dep_ == "neg" and before.head.i == verb.i


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Reported speech without edge punctuation (its final full stop is the writer's)."""
    while start < end and text[start] in PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in PUNCT_EDGE + ".":
        end -= 1
    return start, end


class Rules:
    def __init__(self, doc: Document) -> None:
        self.document = doc
        self.doc: Doc = doc.parsed
        self.text = doc.text
        self.quoted = find_quoted(self.text, doc.paragraphs)
        self.marks = [(q.open, q.close) for q in self.quoted]
        #: 1 where a quotation (marks included) lies: O(1) lookups
        self.quoted_chars = bytearray(len(self.text) + 1)
        for a, b in self.marks:
            self.quoted_chars[a : b + 1] = b"\x01" * (b + 1 - a)
        #: the tokens, made once (spaCy builds a Token object on every iteration)
        self.tokens: list[Token] = list(self.doc)

    def in_quote(self, token: Token) -> bool:
        return bool(self.quoted_chars[token.idx])

    def quoted_share(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        inside = sum(max(0, min(end, b) - max(start, a)) for a, b in self.marks)
        return inside / (end - start)

    # -- quotations ---------------------------------------------------------------------------
    def quotations(self) -> list[Found]:
        found: list[Found] = []
        for quoted in self.quoted:
            tokens = self.doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                continue
            previous = found[-1] if found else None
            if previous is not None and self._same_paragraph(previous.end, quoted.open):
                between = self.doc.char_span(previous.end, quoted.open, alignment_mode="expand")
                gap_has_cue = between is not None and any(is_cue(t) for t in between)
            else:
                previous, gap_has_cue = None, False
            if self._is_whole_clause(quoted, tokens, gap_has_cue):
                item = self._dash(quoted) or self._direct(quoted, tokens)
                if item is None and previous is not None and previous.kind == "direct":
                    others = self._other_speakers_between(previous, quoted.open)
                    if others is None:
                        # '“A,” she said. “B.”': B goes on with A's speaker, as one attribution
                        previous.end = quoted.end
                        continue
                    if not others:
                        # '“A,” she said, noting that X. “B.”': B is hers too, but X lies
                        # between, so B is a quote of its own with A's speaker
                        found.append(
                            Found(quoted.start, quoted.end, "direct", None, None, None, previous)
                        )
                        continue
                if item is None:
                    item = self._continuation(quoted, found)
            else:
                item = self._partial(quoted, tokens)
            if item is not None:
                found.append(item)
        return self._merge_interrupted(found)

    def _other_speakers_between(self, previous: Found, until: int) -> bool | None:
        """Between a quotation and the next: None when nothing but its own cue lies there;
        else whether a cue of somebody else does (whose subject is no mention of the same actor).
        """
        between = self.doc.char_span(previous.end, until, alignment_mode="expand")
        cues = [
            t
            for t in between or ()
            if is_any_cue(t)
            and not self.in_quote(t)
            and (previous.cue is None or t.i != previous.cue.i)
        ]
        if not cues:
            return None
        own = self._actor_of(previous.subject)
        governors = [*cues, *([previous.cue] if previous.cue is not None else [])]
        for cue in cues:
            if any(cue.i != other.i and other.is_ancestor(cue) for other in governors):
                continue  # "noting that the governor had promised ...": reported by the speaker
            subject = subject_of(cue)
            if subject is not None and (own is None or self._actor_of(subject) != own):
                return True
        return False

    def _actor_of(self, token: Token | None) -> str | None:
        mention = self.document.mention_for_token(token) if token is not None else None
        return mention.actor if mention is not None else None

    def _same_paragraph(self, a: int, b: int) -> bool:
        para = self.document.paragraph_at(a)
        return para is not None and para.start <= b < para.end

    def _is_whole_clause(self, quoted: Quoted, tokens: Span, after_cue: bool) -> bool:
        before = self.text[: quoted.open].rstrip(" \t")
        previous = before[-1:] if before else "\n"
        sentence = tokens[0].sent
        opens_sentence = quoted.open <= sentence.start_char + 1
        if previous in "\n:" or (opens_sentence and previous in '.!?\n"”'):
            return True
        if previous == "," and after_cue:  # '“A,” he said, “b ...”': the rest of the quotation
            return True
        starts_upper = self.text[quoted.start : quoted.start + 1].isupper()
        return previous == "," and starts_upper and len(tokens) >= CLAUSE_MIN_TOKENS

    def _sentences(self, quoted: Quoted) -> list[Span]:
        para = self.document.paragraph_at(quoted.open)
        limit = para.end if para is not None else len(self.text)
        sents = []
        for sent in self.doc.sents:
            if sent.start_char >= limit:
                break
            if sent.end_char <= (para.start if para is not None else 0):
                continue
            if sent.end_char > quoted.open and sent.start_char <= quoted.close:
                sents.append(sent)
            elif sent.start_char > quoted.close:
                # ”he said. split off by the parser
                if sent.start_char - quoted.close <= SPLIT_ATTRIBUTION_CHARS:
                    sents.append(sent)
                break
        return sents

    def _direct(self, quoted: Quoted, tokens: Span) -> Found | None:
        best: tuple[int, Token] | None = None
        for sent in self._sentences(quoted):
            for token in sent:
                if self.in_quote(token) or not is_cue(token):
                    continue
                if token.idx < quoted.open:
                    distance = quoted.open - token.idx
                else:
                    distance = token.idx - quoted.close
                # a cue that governs the quotation wins over a nearer one that does not
                if tokens.root.head.i == token.i or tokens.root.i in {c.i for c in token.subtree}:
                    distance -= GOVERNING_CUE_BONUS
                # quotation marks mark words spoken: a verb of belief ("we see", "I know") is the
                # cue only when no verb of saying is near (then the record is a belief)
                if not is_speech_cue(token):
                    distance += BELIEF_CUE_PENALTY
                if best is None or distance < best[0]:
                    best = (distance, token)
        if best is None:
            return None
        cue = best[1]
        return Found(quoted.start, quoted.end, "direct", cue, subject_of(cue))

    def _dash(self, quoted: Quoted) -> Found | None:
        """ "“...” ― Sonya Herridge": a quotation signed with a dash and a name."""
        i = quoted.close + 1
        while i < len(self.text) and self.text[i] in " \t\n":
            i += 1
        if i >= len(self.text) or self.text[i] not in "―—–":
            return None
        dash = self.doc.char_span(i, i + 1, alignment_mode="expand")
        name = self.doc.char_span(
            i + 1, min(len(self.text), i + DASH_NAME_CHARS), alignment_mode="expand"
        )
        if dash is None or name is None:
            return None
        person = next(
            (t for t in name if t.ent_type_ in {"PERSON", "ORG"} or t.pos_ == "PROPN"), None
        )
        if person is None or person.idx - i > DASH_GAP_CHARS:
            return None
        while person.i + 1 < len(self.doc) and self.doc[person.i + 1].ent_iob_ == "I":
            person = self.doc[person.i + 1]  # the name's last token: its head
        return Found(quoted.start, quoted.end, "direct", dash[0], person)

    def _continuation(self, quoted: Quoted, earlier: list[Found]) -> Found | None:
        """A paragraph that opens with a quotation and has no cue continues the last speaker."""
        para = self.document.paragraph_at(quoted.open)
        if para is None or quoted.open > para.start + 1 or not earlier:
            return None
        previous = earlier[-1]
        gap = [p for p in self.document.paragraphs if previous.end <= p.start <= quoted.open]
        if len(gap) > CONTINUATION_PARAGRAPHS:
            return None
        return Found(quoted.start, quoted.end, "direct", None, None, inherit=previous)

    def _partial(self, quoted: Quoted, tokens: Span) -> Found | None:
        if (
            self.text[max(0, quoted.open - SO_CALLED_CHARS) : quoted.open]
            .strip()
            .lower()
            .endswith("so-called")
        ):
            return None  # scare quotes: the writer distances themself, nobody is quoted
        head = tokens.root
        steps = 0
        while steps < PARTIAL_CUE_HOPS and head.head.i != head.i:
            head = head.head
            steps += 1
            if not self.in_quote(head) and is_cue(head):
                subject = subject_of(head)
                subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
                if any(
                    s.left_edge.idx <= quoted.open <= _end(s.right_edge)
                    for s in [*subjects, *([subject] if subject is not None else [])]
                ):
                    # the quotation is what is spoken about, not what is said (in any subject
                    # the parser hung on the cue: 'Chairman of PJSC "Kryukov ..." X told')
                    return None
                return Found(quoted.start, quoted.end, "partial", head, subject)
        return None

    def _merge_interrupted(self, found: list[Found]) -> list[Found]:
        merged: list[Found] = []
        for item in found:
            last = merged[-1] if merged else None
            if (
                last is not None
                and item.cue is not None
                and last.cue is not None
                and item.cue.i == last.cue.i
                and last.end < item.cue.idx < item.start
                and item.kind == last.kind == "direct"
            ):
                last.end = item.end  # "A," he said, "B." is one quote
                continue
            merged.append(item)
        return merged

    # -- indirect speech ----------------------------------------------------------------------
    def indirect(self) -> list[Found]:
        found = []
        for token in self.tokens:
            if not is_any_cue(token) or self.in_quote(token):
                continue
            content = self._content_of(token)
            if content is None:
                continue
            start, end = _trim(self.text, *content)
            if end - start < MIN_CONTENT_CHARS or self.quoted_share(start, end) >= QUOTED_SHARE:
                continue
            subject = subject_of(token)
            if subject is None and _non_finite(token):
                continue  # "impossible to predict X", "rejecting X would be wrong": nobody says
            if act_of(token) == "speech" and _unsaid(token):
                continue  # "he could not predict X": nothing said (a belief stays one)
            if _clarifying(token, subject):
                continue  # "we are talking about 100 new cars": what they mean, no report
            found.append(Found(start, end, "indirect", token, subject))
        return found

    def _content_of(self, token: Token) -> tuple[int, int] | None:
        """The character range a cue verb attributes, by the shape of its complement."""
        lemma = lemma_of(token)
        children = list(token.children)
        complements = [c for c in children if c.dep_ == "ccomp"]
        if complements and lemma in CUE_VERBS | INFINITIVE_VERBS:
            # the complement after the cue, else the one before ("A, but B, the source added");
            # every one of them: "worry that A and that B" parses as two
            after = [c for c in complements if c.i > token.i]
            chosen = after or complements
            tokens = [
                t
                for c in chosen
                for t in c.subtree
                if not (t.dep_ == "mark" and t.i == c.left_edge.i)
            ]
            tokens.sort(key=lambda t: t.i)
            return (tokens[0].idx, _end(tokens[-1])) if tokens else None
        if token.dep_ == "parataxis" and lemma in CUE_VERBS:
            # "The economy is strong, he said.": the cue hangs off the content's root; "Too
            # often, Mr. Clarke said, the debate ...": the content lies on both sides of the cue
            inside = {t.i for t in token.subtree}
            rest = [t for t in token.sent if t.i not in inside and not t.is_punct]
            if not rest or token.head.i in inside:
                return None
            return rest[0].idx, _end(rest[-1])
        infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > token.i), None)
        if infinitive is not None and lemma in INFINITIVE_VERBS:
            first = infinitive.left_edge
            obj = next(
                (c for c in children if c.dep_ in {"dobj", "dative"} and c.i < infinitive.i), None
            )
            if obj is not None:  # "urged Congress to act"
                first = obj.left_edge
            return first.idx, _end(infinitive.right_edge)
        preps = PREPOSITION_CUES.get(lemma)
        if preps:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in preps), None)
            if prep is not None and prep.i > token.i and not _denied(token, prep):
                tokens = list(prep.subtree)[1:]
                if tokens:
                    # "called on Trump to stop attacking ...": the infinitive is content too
                    last = max(
                        [tokens[-1], *[c.right_edge for c in children if c.dep_ == "xcomp"]],
                        key=lambda t: t.i,
                    )
                    return tokens[0].idx, _end(last)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > token.i), None)
        if obj is not None and lemma in CUE_VERBS:
            clause = that_clause(obj)
            if clause is not None:  # "told a meeting of leaders that few people understood ..."
                return clause
        if lemma in EVIDENCE_VERBS and lemma not in OBJECT_VERBS:
            subject = subject_of(token)
            if subject is None or lemma_of(subject) not in EVIDENCE_NOUNS:
                return None
        if _armed(token, obj):
            return None  # "which attacked our Motherland": arms, no words
        if (
            (lemma in OBJECT_VERBS or lemma in EVIDENCE_VERBS)
            and obj is not None
            and obj.pos_ != "PRON"
        ):
            tails = [c for c in children if c.dep_ in {"oprd", "xcomp"}]
            tails += [c for c in children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS]
            last = max(
                [obj.right_edge, *[c.right_edge for c in tails if c.i > obj.i]],
                key=lambda t: t.i,
            )
            if last.dep_ == "cc" and last.i > obj.i:
                # "discussing transformations and how the reform is going" with the second
                # conjunct hung elsewhere: the words end before the dangling "and"
                last = last.doc[last.i - 1]
            return obj.left_edge.idx, _end(last)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if lemma in OBJECT_VERBS and obj is None and passive is not None:
            # "He has been harshly criticized for policies ...", "X has been endorsed by Y": the
            # passive subject is the object (PolNeAR Content "He ... for policies ...")
            tails = [
                c
                for c in children
                if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and c.i > token.i
            ]
            if passive.pos_ == "PRON" and not tails:
                return None
            last = max([passive.right_edge, *[c.right_edge for c in tails]], key=lambda t: t.i)
            return passive.left_edge.idx, _end(last)
        return None

    def noun_cues(self) -> list[Found]:
        """ "a New York Times report that Trump had a net loss": a speech-act noun's that-clause."""
        found = []
        for token in self.tokens:
            if token.pos_ != "NOUN" or lemma_of(token) not in CUE_NOUNS or self.in_quote(token):
                continue
            clause = that_clause(token)
            if clause is None:
                continue
            start, end = _trim(self.text, *clause)
            if end - start < MIN_CONTENT_CHARS or self.quoted_share(start, end) >= QUOTED_SHARE:
                continue
            found.append(Found(start, end, "indirect", token, noun_source(token)))
        return found

    def _clause_edges(self, token: Token) -> tuple[int, int]:
        """The first and last token of the clause ``token`` belongs to."""
        clause = token.head
        while clause.head.i != clause.i and not (
            clause.pos_ in {"VERB", "AUX"} and clause.dep_ in CLAUSE_DEPS
        ):
            clause = clause.head
        sent = token.sent
        return max(sent.start, clause.left_edge.i), min(sent.end - 1, clause.right_edge.i)

    def according_to(self) -> list[Found]:
        found = []
        for token in self.tokens:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc):
                continue
            to = self.doc[token.i + 1]
            if to.lower_ != "to":
                continue
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is not None and lemma_of(source) in ACCORDING_TO_MANNER:
                continue  # "according to plan", "according to the law": a manner, no source
            phrase_end = max(t.i for t in to.subtree) + 1
            for prep in token.children:
                # "According to the Adviser to the Head of the President's Office, X": the
                # parser hangs the title's own "to" on "according"; it is the source's still
                if prep.dep_ == "prep" and prep.i == phrase_end:
                    phrase_end = max(t.i for t in prep.subtree) + 1
            sent = token.sent
            last = self.doc[phrase_end - 1]
            before = _trim(self.text, sent.start_char, token.idx)
            after = _trim(self.text, _end(last), sent.end_char)
            if min(before[1] - before[0], after[1] - after[0]) >= MIN_CONTENT_CHARS:
                # in mid-sentence the phrase speaks for its own clause: "X has A and,
                # according to Y, will B" gives Y "will B" only
                preceding = [t for t in sent[: token.i - sent.start] if not t.is_punct]
                if preceding and preceding[-1].dep_ == "cc":
                    before = (before[0], before[0])  # "..., and, according to Y, B": B
                else:
                    first, final = self._clause_edges(token)
                    before = (max(before[0], self.doc[first].idx), before[1])
                    after = (after[0], min(after[1], _end(self.doc[final])))
            start, end = max((before, after), key=lambda span: span[1] - span[0])
            start, end = _trim(self.text, start, end)
            if end - start < MIN_CONTENT_CHARS:
                continue
            found.append(
                Found(start, end, "according_to", token, source, cue_end=to.idx + len(to.text))
            )
        return found
