"""Who speaks where: the turns of a transcript and the voice of an address.

Two kinds of first-person text reach dateline from government sites:

* **transcripts**, made of turns that open with the speaker's label and a colon ("President of
  Russia Vladimir Putin: Mr Shoigu, I know ..."); the scraped press-release corpus runs the turns
  of a meeting together in one paragraph, so a label is found after any sentence end, not only
  at a line start;
* **addresses and speeches** by one person, whose title names the speaker ("... - address by
  President Volodymyr Zelenskyy", "Speech by Head of the Office of the President Andriy Yermak").

In both, "I" and "we" are the speaker (issue 11: "I" and "we" in an address resolve to its
speaker), "our country" and "our people" the speaker's country, "our defenders" its forces, and
in a transcript "you" the other party of the meeting. Words inside quotation marks are somebody
else's and are left to the quotes stage.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.actors.gender import titled_person
from dateline.actors.index import token_index
from dateline.actors.lexicon import GROUP_NOUNS, TITLE_WORDS
from dateline.actors.mentions import Candidate
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FIRST_SINGULAR = word_set("actors", "speakers.first_singular")
FIRST_PLURAL = word_set("actors", "speakers.first_plural")
SECOND_PERSON = word_set("actors", "speakers.second_person")
#: the forms :func:`person_of` reads a person in
PERSONAL_PRONOUNS = FIRST_SINGULAR | FIRST_PLURAL | SECOND_PERSON
COUNTRY_NOUNS = word_set("actors", "speakers.country_nouns")
DEFENDER_NOUNS = word_set("actors", "speakers.defender_nouns")
ADDRESS_WORDS = word_set("actors", "speakers.address_words")
LABEL_JOINERS = word_set("actors", "speakers.label_joiners")
#: a turn label is a name with its titles: "Deputy Prime Minister – Minister of Industry and
#: Trade of the Russian Federation Denis Manturov" is 16 tokens; the scrape repeats some labels
#: ("President of the Republic of Kazakhstan Kassym-Jomart Tokayev Tokayev Kassym-JomartPresident
#: of the Republic of Kazakhstan", 21)
LABEL_MAX_TOKENS = 24
#: how many tokens before a label's colon its parenthesised note may open ("President of
#: Finland (retranslated):", "(via interpreter)")
NOTE_TOKENS = 6
SENTENCE_ENDS = word_set("actors", "speakers.sentence_ends")
#: one-word labels that name no one ("Question:", "Question(retranslated):"): their turn is a
#: journalist's or someone's in the audience, not the previous speaker's
NAMELESS_LABELS = word_set("actors", "speakers.nameless_labels")
#: the mark that opens a Kremlin readout's transcript ("***"; the tokenizer splits it in three)
SEPARATOR = "*"
#: the longest heading between that mark and a transcript's first label ("Beginning of talks with
#: President of Mongolia Ukhnaagiin Khurelsukh" is 9 tokens before its label)
HEADING_MAX_TOKENS = 12
#: the longest heading that opens a line and runs into a transcript's first label with no mark
#: between ("Excerpts from transcript of meeting with young entrepreneurs, engineers and
#: researchers President of Russia Vladimir Putin:" has 11 tokens before its label's joiners)
LINE_HEADING_MAX_TOKENS = 16
#: the words one of which such a heading has ("Excerpts from transcript of ...", "Beginning of
#: talks ...", "Speech at ...")
HEADING_WORDS = word_set("actors", "speakers.heading_words")
#: Penn tags of a verb that makes a line a sentence, no heading ("Zelensky told President Biden:")
SENTENCE_VERB_TAGS = word_set("actors", "speakers.sentence_verb_tags")
#: first-person plural pronouns a government's press office writes for its state (outside quotes)
OUTLET_PRONOUNS = word_set("actors", "speakers.outlet_pronouns")
#: the determiners an audience's name may open with ("in the Knesset")
DETERMINERS = word_set("actors", "anaphora.definite_determiners")
_ADDRESS_TITLE = re.compile(
    r"\b(?:" + "|".join(sorted(ADDRESS_WORDS)) + r")\b[^\n]*?\bby\b\s+", re.IGNORECASE
)
#: "the address of the President of Ukraine": the speaker after "of" right behind the word
_ADDRESS_OF = re.compile(
    r"\b(?:" + "|".join(sorted(ADDRESS_WORDS)) + r")\s+of\s+(?:the\s+)?(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: "... - President Volodymyr Zelenskyy's address (to the participants of ...)": the speaker
#: owns the address word that ends the title (or its "to ..." phrase)
_OWNED_ADDRESS_TITLE = re.compile(
    r"^(?:[^\n]*(?:\s[-\u2013\u2014]|:)\s+)?([^\n]+?)['\u2019]s\s+(?:"
    + "|".join(sorted(ADDRESS_WORDS))
    + r")\b(?:\s+(?:to|at|in|on|before)\b[^\n]*)?\s*[.!]?\s*$",
    re.IGNORECASE,
)

#: "<what the text says> - President Volodymyr Zelenskyy": a title that ends with a dash and the
#: name and titles of whoever says it (president.gov.ua; records dev zelenskyy-47)
_ATTRIBUTED_TITLE = re.compile(r"\s[-\u2013\u2014]\s+([^-\u2013\u2014\n]+?)\s*$")
#: how far into the body an address's first "I" is looked for: its first paragraph, at most this
#: many tokens (dev zelenskyy-47 says "I have just finished my conversation" at token 40 of 270)
OPENING_TOKENS = 300


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: the label naming the speaker and what follows it (token ranges)."""

    label: tuple[int, int]
    body: tuple[int, int]
    #: the label names no one ("Question:"): nobody named speaks the turn
    nameless: bool = False


@dataclass(frozen=True, slots=True)
class Voices:
    """Where in a text who speaks."""

    turns: tuple[Turn, ...] = ()
    #: the tokens naming the speaker of an address in its title ("President Volodymyr Zelenskyy")
    address: tuple[int, int] | None = None
    #: token indices inside quotation marks: somebody else's words
    quoted: frozenset[int] = frozenset()
    #: the tokens naming an address's audience in its title ("to the Danish people", "in the
    #: Knesset"): whom its "you" stands for
    audience: tuple[int, int] | None = None

    def turn_at(self, index: int) -> int | None:
        """The number of the turn whose body holds token ``index``."""
        starts = [turn.body[0] for turn in self.turns]
        at = bisect.bisect_right(starts, index) - 1
        if at >= 0 and index < self.turns[at].body[1]:
            return at
        return None

    @property
    def speaks(self) -> bool:
        return bool(self.turns) or self.address is not None


#: the comma of a title listing portfolios ("Minister of Digital Development, Communications and
#: Mass Media Maksut Shadayev:"), inside a label only between two capitalised words
LIST_COMMA = ","


def _label_comma(doc: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` is a comma between two capitalised words of a turn label."""
    return (
        doc[index].text == LIST_COMMA
        and 0 < index < len(doc) - 1
        and doc[index - 1].text[:1].isupper()
        and doc[index + 1].text[:1].isupper()
        and bool(doc[index].whitespace_)  # "1,000" is no list
    )


def _label_word(token: Token) -> bool:
    if token.is_space or "\n" in token.text_with_ws[: len(token.text)]:
        return False
    return token.text[:1].isupper() or token.lower_ in LABEL_JOINERS or token.text[:1].isdigit()


def find_turns(doc: Doc) -> tuple[Turn, ...]:
    """The turns of a transcript: "<name and titles>: <words>" after a sentence end."""
    labels: list[tuple[int, int]] = []
    #: labels that name nobody by themselves ("Alexei Repik:" where NER missed the name)
    unnamed: list[tuple[int, int]] = []
    # the tokens made once: each colon's label is read backwards from it, token by token
    index = token_index(doc)
    tokens = index.tokens
    for colon in index.where("lower_", {":", "):"}):  # (no other text lowers to these)
        if colon.i == 0:
            continue  # "):" is how the tokenizer splits "Finland(retranslated):"
        end = colon.i
        # "President of Finland (retranslated):"
        if colon.text == "):" or tokens[end - 1].text == ")":
            opening = next(
                (t.i for t in reversed(tokens[max(0, end - NOTE_TOKENS) : end]) if t.text == "("),
                None,
            )
            end = opening if opening is not None else end
        start = end
        while (
            start > 0
            and colon.i - start < LABEL_MAX_TOKENS
            and (_label_word(tokens[start - 1]) or _label_comma(tokens, start - 1))
        ):
            start -= 1
        if start == end:
            continue
        before = tokens[start - 1] if start > 0 else None
        if (
            before is not None
            and not (
                before.text in SENTENCE_ENDS
                or before.is_space
                or before.text_with_ws.endswith("\n")
            )
            and not _after_heading(tokens, start)
            and not _after_line_heading(tokens, start)
        ):
            continue  # "He said: ..." is no turn
        while start < end and tokens[start].lower_ in LABEL_JOINERS:
            start += 1
        span = tokens[start:end]
        names_someone = (
            any(t.ent_type_ == "PERSON" for t in span)
            or any(t.lower_ in TITLE_WORDS for t in span)
            # "Member of the Presidency of Bosnia and Herzegovina Milorad Dodik(retranslated):"
            # with no PERSON entity and no title word: a title closed by a first name and surname
            or titled_person(doc[start:end]) is not None
        )
        nameless = end - start == 1 and tokens[start].lower_ in NAMELESS_LABELS
        following = tokens[colon.i + 1] if colon.i + 1 < len(tokens) else None
        if following is not None and following.text[:1].isupper():
            (labels if names_someone or nameless else unnamed).append((start, colon.i))
    # a transcript labels each speaker the same way throughout: a label NER found no name in is
    # a turn when another label ends with the same words ("Alexei Repik:" after "President of
    # Delovaya Rossiya Alexei Repik:", or after an "Alexei Repik:" NER tagged), or when the
    # same proper name labels two sentences or more ("PENCE: ...", "PENCE: ...")
    known = {tuple(t.text for t in tokens[a:b]) for a, b in labels}
    tails = {words[i:] for words in known for i in range(len(words))}
    words_of = [tuple(t.text for t in tokens[a:b]) for a, b in unnamed]
    labels += [
        (a, b)
        for (a, b), words in zip(unnamed, words_of, strict=True)
        if words in tails
        or (words_of.count(words) > 1 and all(t.pos_ == "PROPN" for t in tokens[a:b]))
    ]
    labels.sort()
    turns = []
    for number, (label_start, label_end) in enumerate(labels):
        end = labels[number + 1][0] if number + 1 < len(labels) else len(tokens)
        nameless = _nameless(tokens, label_start, label_end)
        turns.append(Turn((label_start, label_end), (label_end + 1, end), nameless))
    return tuple(turns)


def _after_heading(doc: Sequence[Token], start: int) -> bool:
    """ "... Kazakh Railways.*** Beginning of Russian-Kazakhstani talks President of Russia
    Vladimir Putin: ...": the scraped Kremlin corpus runs a transcript's heading into its first
    label after the '***' that opens the transcript; a label may follow such a heading."""
    heading = doc[max(0, start - HEADING_MAX_TOKENS) : start]
    for token in reversed(heading):
        if token.text == SEPARATOR:
            return True
        if token.text in SENTENCE_ENDS or "\n" in token.text_with_ws:
            return False
    return False


def _nameless(doc: Sequence[Token], start: int, colon: int) -> bool:
    """Whether the label from ``start`` to its colon is a nameless one ("Question:",
    "Question(retranslated):")."""
    return doc[start].lower_ in NAMELESS_LABELS and all(
        token.text in {"(", ")", "):"} or token.is_lower for token in doc[start + 1 : colon]
    )


def _after_line_heading(doc: Sequence[Token], start: int) -> bool:
    """ "Excerpts from transcript of meeting of the Council for Civil Society and Human Right
    President of Russia Vladimir Putin: ...": a heading with no full stop that opens a line of
    the body (not the title's) and runs into the transcript's first label. A heading has no
    past-tense verb ("Zelensky told President Biden:" is a sentence), no mark that ends one, and
    one of the words headings have ("Excerpts", "Beginning", "Speech")."""
    headed = False
    for index in range(start - 1, max(0, start - 1 - LINE_HEADING_MAX_TOKENS), -1):
        token = doc[index]
        if (
            token.is_space
            or token.text in SENTENCE_ENDS
            or token.text == ":"
            or token.tag_ in SENTENCE_VERB_TAGS
        ):
            return False
        headed = headed or token.lower_ in HEADING_WORDS
        if index > 0 and (doc[index - 1].is_space or doc[index - 1].text_with_ws.endswith("\n")):
            # the line's first token (below the title's line): a heading opens capitalised
            return headed and token.text[:1].isupper()
    return False


def find_address(doc: Doc, title: str) -> tuple[int, int] | None:
    """The tokens naming the speaker in an address's title ("address by President X", "...
    - President X's address")."""
    found = _ADDRESS_TITLE.search(title) or _ADDRESS_OF.search(title)
    if found is None:
        return _owned_address(doc, title)
    start_char, end_char = found.end(), len(title)
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # the speaker's name and titles, not what follows them ("... to the participants of ...")
    end = span.start
    while end < span.end and (_label_word(doc[end]) or doc[end].text in {".", ","}):
        if doc[end].text in {".", ","} and end + 1 < span.end and doc[end + 1].is_lower:
            break
        end += 1
    return (span.start, end) if end > span.start else None


def _owned_address(doc: Doc, title: str) -> tuple[int, int] | None:
    """ "... - President Volodymyr Zelenskyy's address": the owner of a title-final address
    word, when every one of its words is a label's (a name and its titles, capitalised)."""
    span = _title_label(doc, title, _OWNED_ADDRESS_TITLE)
    return None if span is None else (span.start, span.end)


def _title_label(doc: Doc, title: str, pattern: re.Pattern[str]) -> Span | None:
    """The span of ``pattern``'s first group in the title, when every one of its words is a
    label's (a name and its titles, capitalised)."""
    found = pattern.search(title)
    if found is None:
        return None
    span = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if span is None or not len(span) or not all(_label_word(token) for token in span):
        return None
    return span


def _attributed_address(doc: Doc, title: str, quoted: frozenset[int]) -> tuple[int, int] | None:
    """ "Every day we are fighting for Ukraine ... - President Volodymyr Zelenskyy" over a body
    that opens in the first person: a title that quotes the text and names its speaker after a
    dash is an address by that speaker (records DECISIONS.md D9: "I" in an address is its
    speaker). A press release under the same kind of title tells of the speaker in the third
    person and quotes his "I" ("Volodymyr Zelenskyy announced ... 'I want to emphasize ...'"),
    so only an "I" outside quotation marks in the body's first paragraph makes it an address."""
    span = _title_label(doc, title, _ATTRIBUTED_TITLE)
    if span is None:
        return None
    body = span.end
    while body < len(doc) and doc[body].is_space:
        body += 1
    for token in doc[body : body + OPENING_TOKENS]:
        if token.is_space and "\n" in token.text:
            break  # the first paragraph's end
        if token.lower_ in FIRST_SINGULAR and token.i not in quoted:
            return span.start, span.end
    return None


def find_voices(doc: Doc, title: str, quoted_chars: list[tuple[int, int]]) -> Voices:
    turns = find_turns(doc)
    # the tokens that start inside each quotation, found by bisection in the tokens' offsets
    # (not every token tested against every quotation)
    offsets = token_index(doc).column("idx").tolist()
    quoted = frozenset(
        i
        for a, b in quoted_chars
        for i in range(bisect.bisect_left(offsets, a), bisect.bisect_left(offsets, b))
    )
    address = None
    if not turns:
        address = find_address(doc, title) or _attributed_address(doc, title, quoted)
    audience = None if address is None else find_audience(doc, address)
    return Voices(turns, address, quoted, audience)


#: prepositions that name an address's audience right after its speaker in the title ("address
#: by the President of Ukraine to the Danish people"); "at", "in" and "before" only before a
#: name ("in the Knesset", not "in the evening of the second day")
AUDIENCE_PREPOSITIONS = word_map("actors", "speakers.audience_prepositions")
#: the words between a title's speaker and its audience preposition ("President Volodymyr
#: Zelenskyy's address to the residents of ...": "'s", "address")
OWNER_MARKS = word_set("actors", "speakers.owner_marks")


def find_audience(doc: Doc, address: tuple[int, int]) -> tuple[int, int] | None:
    """The tokens after "to", "at", "in" or "before" that name an address's audience in its
    title, right after the speaker ("address by the President of Ukraine to the Glastonbury
    Festival participants", "Speech by President Zelenskyy in the Knesset"), up to the title's
    line end; None when the title names no audience. Records DECISIONS.md D9 makes "you" in a
    turn its addressee; D30 makes an address to a foreign audience the speaker's CONSULT to that
    audience: its "you" is that audience (dev zelenskyy-276: "We are grateful to you" is
    SUPPORT to the Danish people)."""
    at = address[1]
    while at < len(doc) and (doc[at].lower_ in OWNER_MARKS or doc[at].lower_ in ADDRESS_WORDS):
        at += 1
    if at >= len(doc) or doc[at].lower_ not in AUDIENCE_PREPOSITIONS:
        return None
    end = at + 1
    while end < len(doc) and not doc[end].is_space and "\n" not in doc[end - 1].whitespace_:
        end += 1
    if AUDIENCE_PREPOSITIONS[doc[at].lower_] == "name":
        first = next((t for t in doc[at + 1 : end] if t.lower_ not in DETERMINERS), None)
        if first is None or not first.text[:1].isupper():
            return None
    return (at + 1, end) if end > at + 1 else None


def audience_name(doc: Doc, start: int, end: int) -> Candidate | None:
    """The capitalised name an audience phrase opens with ("The Atlantic Council's
    Distinguished Leadership Awards": "The Atlantic Council"), as an organisation's name
    mention; None when it opens with no capitalised word ("the citizens")."""
    at = start + 1 if start < end and doc[start].lower_ in DETERMINERS else start
    stop = at
    while stop < end and (
        doc[stop].text[:1].isupper()
        or (
            doc[stop].lower_ in LABEL_JOINERS - OWNER_MARKS
            and stop + 1 < end
            and doc[stop + 1].text[:1].isupper()
        )
    ):
        stop += 1
    if stop == at or all(t.lower_ in LABEL_JOINERS for t in doc[at:stop]):
        return None
    words = doc[at:stop]
    return Candidate(at, stop, words.root.i, "name", "organization", name=words.text)


def person_of(token: Token) -> str | None:
    """ "1s", "1p" or "2" for a personal pronoun, else None."""
    lower = token.lower_
    if lower in FIRST_SINGULAR:
        return "1s"
    if lower in FIRST_PLURAL:
        return "1p"
    if lower in SECOND_PERSON:
        return "2"
    return None


def speaker_candidates(doc: Doc, voices: Voices) -> list[Candidate]:
    """First- and second-person pronouns, and "our country"/"our defenders", where a voice speaks.

    Outside turns and addresses (a third-person report, words inside quotation marks) there is
    no candidate: whose "I" that is, is the quotes stage's to say.
    """
    if not voices.speaks:
        return _outlet_country(doc, voices)
    found: list[Candidate] = []
    for token in token_index(doc).where("lower_", PERSONAL_PRONOUNS):
        person = person_of(token)
        if person is None or token.pos_ not in {"PRON", "DET"} or token.i in voices.quoted:
            continue
        if voices.turns and voices.turn_at(token.i) is None:
            continue  # the title and summary before the first turn
        if person == "2" and not voices.turns and voices.audience is None:
            continue  # "you" in an address is its audience, here none the title names
        owned = token.head if token.dep_ == "poss" else None
        if owned is not None and _peers(owned):
            # "our partner countries" are the partners, not the speaker's country: a group
            # the words name
            words = doc[token.i + 1 : owned.i + 1]
            found.append(
                Candidate(words.start, words.end, owned.i, "group", "group", name=words.text)
            )
            continue
        if owned is not None and person != "2":
            lemma = owned.lemma_.lower()
            if lemma in COUNTRY_NOUNS:
                found.append(
                    Candidate(token.i, owned.i + 1, owned.i, "group", "country", person=person)
                )
                continue
            sector = "MIL" if lemma in DEFENDER_NOUNS else GROUP_NOUNS.get(lemma)
            if sector is not None:  # "our defenders", "our intelligence", "our government"
                target = "country" if sector == "GOV" else "group"
                found.append(
                    Candidate(
                        token.i, owned.i + 1, owned.i, "group", target, sector=sector, person=person
                    )
                )
                continue
        found.append(Candidate(token.i, token.i + 1, token.i, "pronoun", "person", person=person))
    return found


#: nouns of a speaker's peers ("partner", "ally", "friend"): "our partner countries", "our
#: allied states" are the speaker's partners, not the speaker's country (D9 makes "our country"
#: the speaker's; dev zelenskyy-185, zelenskyy-281)
PEER_NOUNS = word_set("actors", "anaphora.peer_nouns")
#: dependency labels of a noun's modifiers that say whose peers it names ("partner countries")
PEER_MODIFIER_DEPS = word_set("actors", "speakers.peer_modifier_deps")


def _peers(owned: Token) -> bool:
    """Whether an owned noun names the owner's peers: "our partner countries", "our allied
    states" (a modifier that is a peer noun, or its adjective)."""
    return any(
        child.dep_ in PEER_MODIFIER_DEPS
        and (
            child.lemma_.lower() in PEER_NOUNS
            or child.lemma_.lower().removesuffix("ied") + "y" in PEER_NOUNS
        )
        for child in owned.lefts
    )


def _outlet_country(doc: Doc, voices: Voices) -> list[Candidate]:
    """ "our country", "our state" in a third-person report, outside quotation marks: a
    government's press office writes for its state ("thanked the US for the assistance to our
    country" on president.gov.ua); resolved to the outlet's country (person "outlet")."""
    found = []
    for token in token_index(doc).where("lower_", OUTLET_PRONOUNS | {"our"}):
        if token.i in voices.quoted:
            continue
        if token.lower_ in OUTLET_PRONOUNS and token.pos_ == "PRON":
            # "partners who continue to provide us with effective support": the outlet's state
            found.append(
                Candidate(token.i, token.i + 1, token.i, "pronoun", "country", person="outlet")
            )
            continue
        if token.lower_ != "our" or token.dep_ != "poss":
            continue
        owned = token.head
        if owned.lemma_.lower() in COUNTRY_NOUNS and owned.tag_ in {"NN", "NNP"}:
            found.append(
                Candidate(token.i, owned.i + 1, owned.i, "group", "country", person="outlet")
            )
    return found
