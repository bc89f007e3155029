"""Who a quote is attributed to: the actor behind its local speaker mention.

The actors stage resolves names, pronouns and "I"/"we" in turns and addresses. On top of that, a
quote's speaker is found:

- for a relative pronoun ("Yermak, who noted ..."), in the noun it stands for;
- for a role noun whose phrase names its holder ("the head of the presidential office, Andriy
  Yermak, said"; "The President of the American Chamber of Commerce Andy Hunder stressed",
  which the actors stage may take for the head of state), in that name;
- for a definite role noun the actors stage left unresolved ("The Head of the President's
  Office noted ..."), in the last person the text gave that title ("Head of the Office of the
  President of Ukraine Andriy Yermak"); the titles are the actors stage's (``TITLE_WORDS``);
- for a title whose "of"/"to" phrase names another office holder ("the Head of the President's
  Office noted", "the Adviser to the President explained"), in the person the text gave that
  whole title before, not the President the phrase names (the actors stage may take it so);
- for "you" in a transcript turn, in the other party of the turn;
- for a cue with no subject, or "it was noted that ...", inside a turn or an address, in its
  speaker (:mod:`dateline.quotes.voices`);
- for "he" or "she" the actors stage left unresolved, in the person who spoke or was the
  subject last, a few sentences back at most (:func:`with_last_speaker`: in news a "he said"
  goes on with the person the story is about).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.model import SPEECH_KINDS, Quote, Speaker
from dateline.quotes.cues import DOCUMENT_NOUNS, antecedent_of, lemma_of, speaker_span
from dateline.quotes.voices import speaker_at
from dateline.words import word_map, word_set

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Span
    from dateline.quotes.rules import Found

#: the actors' list of titles ("President", "Minister"), read from its data file, so that the
#: quotes rules need not import the actors package (the rule packages are independent)
TITLE_WORDS = word_set("actors", "lexicon.title_words")

#: how many tokens before a name its title may start ("Deputy Head of the Office of the
#: President of Ukraine Ihor Zhovkva": the title runs to nine tokens)
TITLE_TOKENS = 12
#: how many sentences back "the message reads" may find the message its writer sent ("In a
#: message of greetings to X, Vladimir Putin stressed ...": one or two before, in the Kremlin's
#: greetings, which give several leaders' messages one after another)
WRITER_SENTENCES = 3
MESSAGE_VERBS = word_set("quotes", "speakers.message_verbs")
#: how far back (characters) an unresolved "he said" may find the person it goes on with: about
#: three sentences of a press release
CONTINUITY_CHARS = 600
#: how many tokens before an earlier title its modifiers are looked for ("the Prime Minister",
#: "the Foreign Minister")
TITLE_MODIFIER_TOKENS = 3
#: entity types a word of a person's name may have (none: NER missed it); "Ukraine" and "Office"
#: in "President of Ukraine Volodymyr Zelenskyy" may be words of a person's mention, not a name
NAME_ENTITY_TYPES = frozenset({"PERSON", ""})
#: entity types of a place whose name may stand before a title ("Sverdlovsk Region Governor"):
#: the place governed, not a rank ("Prime" Minister, "Deputy" Head)
PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC"})
#: titles of an office holder's staff, which the actors' titles leave out ("the Adviser to the
#: Head of the President's Office")
ADVISER_TITLES = word_set("quotes", "speakers.adviser_titles")
#: the actors' role nouns ("head of state"): a title with such an "of" phrase is one role
ROLE_PHRASES = frozenset(word_map("actors", "lexicon.role_nouns"))
#: the dependents of a role noun that may hold its holder's name ("the mayor of Kharkiv Ihor
#: Terekhov")
NAME_DEPS = word_set("quotes", "speakers.name_deps")
#: the kinds of mention that give a person by name ("MP Andriy Kostin", "Ihor Terekhov")
NAMING_MENTIONS = frozenset({"name", "title"})
#: other wordings of an office, where the text may have named its holder ("the Interior
#: Minister" after "Minister of Internal Affairs of Ukraine Denys Monastyrskyi")
TITLE_WORDINGS: dict[str, list[str]] = word_map("quotes", "speakers.title_wordings")
#: the prepositions of a title's office: "Head of the Office", "Adviser to the Head"
OFFICE_PREPOSITIONS = word_set("quotes", "speakers.office_prepositions")
PERSONAL_PRONOUNS = word_set("quotes", "speakers.personal_pronouns")
SUBJECT_DEPS = word_set("grammar", "dependencies.subjects")
FIRST_AND_SECOND = word_set("quotes", "speakers.first_and_second_person")
SECOND_PERSON = word_set("quotes", "speakers.second_person")
PLURAL_PRONOUNS = word_set("quotes", "speakers.plural_pronouns")


def speaker_of(
    doc: Document, item: Found, voiced: list[Quote], quoted: Callable[[Token], bool]
) -> Speaker | None:
    """The speaker of a found attribution: local mention and actor (None: nobody named).
    ``quoted`` says whether a token lies inside quotation marks."""
    subject = item.subject
    if subject is None or _expletive(subject):
        # "It should be noted that ...", a cue with no subject: in a turn or an address, the
        # one who speaks there; elsewhere nobody the text names
        actor = speaker_at(voiced, item.cue.idx if item.cue is not None else item.start)
        return Speaker(actor, None) if actor is not None else None
    if subject.dep_ == "nsubjpass" and item.start <= subject.idx < item.end:
        return None  # "Security guarantees were discussed": what is said, said by nobody named
    mention = doc.mention_for_token(subject)
    start, end = speaker_span(doc.parsed, subject, mention.span if mention else None)
    actor = mention.actor if mention else None
    if actor is None and subject.lower_ in SECOND_PERSON:
        voice = doc.voice_at(subject.idx)  # "You say that ..." in a turn: the other party
        actor = voice.addressee if voice is not None else None
    antecedent = antecedent_of(subject) if actor is None else None
    if antecedent is not None:  # "Yermak, who noted ...": the local mention stays "who"
        found = doc.mention_for_token(antecedent)
        actor = found.actor if found else None
    if _names_another_office(subject):
        # "the Head of the President's Office noted": the holder of that office the text named
        # ("Head of the Office of the President Andriy Yermak"), not the President its phrase
        # names, whom the actors stage may take the title for, nor a group of advisers
        actor = _titled_before(doc, subject) or _named_in(doc, subject, by_name=True) or actor
    elif actor is None and lemma_of(subject) in DOCUMENT_NOUNS:
        actor = _writer_of(doc, subject, quoted)
    elif actor is None and subject.pos_ in {"NOUN", "PROPN"}:
        actor = (
            _named_in(doc, subject)
            or _titled_before(doc, subject)
            or _titled_otherwise(doc, subject)
        )
    elif mention is not None and mention.kind == "role" and subject.pos_ in {"NOUN", "PROPN"}:
        # "The President of the American Chamber of Commerce Andy Hunder stressed": the person
        # the phrase names, not the head of state the actors stage may take the role for
        actor = _named_in(doc, subject, by_name=True) or actor
    return Speaker(actor=actor, span=doc.span(start, end))


def _writer_of(doc: Document, document: Token, quoted: Callable[[Token], bool]) -> str | None:
    """Who wrote "the message" whose words a quote is ("'...,' the message reads"):

    - the writer the document's own phrase names: "the adoption by the Bundestag of a
      resolution calling on ..." (see :func:`_writer_named`);
    - else the writer the nearest sentence before (at most :data:`WRITER_SENTENCES` back) names
      for a document or a message: "In a message of greetings to X, Vladimir Putin stressed"
      (the subject of the verb the message's phrase belongs to), "Putin sent greetings",
      "Putin's message", "a message from Putin", "Vladimir Putin congratulated the winners" (a
      message verb's subject);
    - else, further back, the writer named for the same document noun: a release that quotes
      "the statement" four times names the group that wrote it once, before the first quote
      ("In its statement, the group emphasizes ...").

    Document nouns inside quoted words are passed over: the group's own "we welcome such a
    statement by the EU" is another statement.

    Nobody when the text names no writer."""
    parsed = doc.parsed
    own = _writer_named(document)
    found = doc.mention_for_token(own) if own is not None else None
    if found is not None and found.actor is not None:
        return found.actor
    first = document.sent.start
    for _ in range(WRITER_SENTENCES):
        if first == 0:
            break
        first = parsed[first - 1].sent.start
    same = lemma_of(document)
    for token in reversed(parsed[: document.sent.start]):
        lemma = lemma_of(token)
        near = token.i >= first
        if token.pos_ == "NOUN" and (lemma in DOCUMENT_NOUNS if near else lemma == same):
            if quoted(token):
                continue  # "... welcomes such a statement by the EU," the statement reads
            writer = _writer_named(token)
        elif near and token.pos_ == "VERB" and lemma in MESSAGE_VERBS:
            writer = next((c for c in token.children if c.dep_ == "nsubj"), None)
        else:
            continue
        found = doc.mention_for_token(writer) if writer is not None else None
        if found is not None and found.actor is not None:
            return found.actor
    return None


def _writer_named(message: Token) -> Token | None:
    """The writer a document noun's own phrase names, or None: "Putin's message", "a message
    from Putin", "a statement by the EU", "the adoption by the Bundestag of a resolution" (the "by" agent of the act whose
    "of" object the document is), or the subject of the verb whose object the document is ("In
    its statement, the group emphasizes": a possessive pronoun names no one itself, and
    stands for that subject)."""
    for child in message.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child  # "Putin's message"
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if message.dep_ == "pobj" and message.head.lower_ == "of":
        act = message.head.head  # "the adoption by the Bundestag of a resolution"
        if act.dep_ == "pobj" and act.head.lower_ == "by":
            return act  # the parser hangs "of a resolution" on the agent itself
        agent = next((c for c in act.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if act.pos_ == "NOUN" and agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    verb = message.head.head if message.dep_ == "pobj" else message.head
    if message.dep_ in {"pobj", "dobj"} and verb.pos_ == "VERB":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _names_another_office(noun: Token) -> bool:
    """A title whose "of" or "to" phrase names another office holder: "the Head of the
    President's Office", "the Adviser to the President" (not "the Head of State", itself a role,
    nor "the President of Ukraine")."""
    role = noun.lemma_.lower()
    if role not in TITLE_WORDS | ADVISER_TITLES:
        return False
    office = _office_words(noun)
    if any(f"{role} of {word}" in ROLE_PHRASES for word in office):
        return False
    return bool(office & TITLE_WORDS)


def _office_words(noun: Token) -> set[str]:
    """The nouns of a role noun's "of" or "to" phrase, or of the title holder it is the
    possessive of, lower-cased: {"president", "office"} for "the Head of the President's
    Office", {"state"} for "the Head of State", {"president"} for "the President's Adviser"."""
    return {
        token.lower_
        for child in noun.children
        if (child.dep_ == "prep" and child.lower_ in OFFICE_PREPOSITIONS and child.i > noun.i)
        or (child.dep_ == "poss" and child.lower_ in TITLE_WORDS)
        for token in child.subtree
        if token.pos_ in {"NOUN", "PROPN"} and token.text[:1].isupper()
    }


def _expletive(subject: Token) -> bool:
    """The "it" of "it was noted that ...": no speaker, the clause is what is said."""
    return (
        subject.lower_ == "it"
        and subject.dep_ == "nsubjpass"
        and any(c.dep_ == "ccomp" for c in subject.head.children)
    )


def _named_in(doc: Document, noun: Token, by_name: bool = False) -> str | None:
    """The person a role noun's phrase names: "the mayor of Kharkiv Ihor Terekhov", "the Head
    of the Office, Andriy Yermak" (the actors stage resolves the name, not always the role).
    ``by_name``: only a person the phrase gives by name, not by a role ("the President" of "the
    Head of the President's Office" is somebody else)."""
    names = [child for child in noun.children if child.dep_ in NAME_DEPS and child.i > noun.i]
    tokens = [t for child in names for t in child.subtree]
    kinds = {actor.id: actor.kind for actor in doc.extraction.actors}
    actors = [
        m.actor
        for t in tokens
        if (m := doc.mention_for_token(t)) is not None
        and (not by_name or m.kind in NAMING_MENTIONS)
    ]
    people = [a for a in actors if kinds.get(a) == "person"]
    return people[0] if people else None


def _titled_before(doc: Document, noun: Token) -> str | None:
    """The last person before ``noun`` whose name the text gave after the same title: "The Head
    of the President's Office noted ..." after "Head of the Office of the President of Ukraine
    Andriy Yermak". Only a definite role noun ("the governor"), whose modifiers ("Deputy") the
    title must have too. The name is known by the words of a person's mentions (the actors
    stage does not always make a mention of a name that follows a long title)."""
    role = noun.lemma_.lower()
    if role not in TITLE_WORDS | ADVISER_TITLES:
        return None  # "The Plan also offers ...": a document, no person's title
    if noun.tag_ in {"NNS", "NNPS"} or not any(
        (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ in TITLE_WORDS)
        for c in noun.children
    ):
        return None  # "the presidents discussed": two people, no one speaker
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i}
    office = _office_words(noun)
    given, name_words = _name_words(doc)
    parsed = doc.parsed
    earlier = re.finditer(rf"\b{re.escape(noun.text)}\b", doc.text[: noun.idx], re.IGNORECASE)
    for found in reversed(list(earlier)):
        span = parsed.char_span(found.start(), found.end())
        if span is None or len(span) != 1 or span[0].lemma_.lower() != role:
            continue
        title = span[0]
        before = {
            t.lower_
            for t in parsed[max(title.sent.start, title.i - TITLE_MODIFIER_TOKENS) : title.i]
        }
        if not modifiers <= before or (
            title.i > 0 and _more_specific(parsed[title.i - 1], modifiers)
        ):
            continue  # "the Minister" is not the Prime Minister
        if _office_of_another(title):
            continue  # "Adviser to the Head of the Office X": X is not the Head
        named = _apposed_to(doc, title, office)
        if named is not None:  # "Mykhailo Podoliak, Adviser to the Head of the Office"
            return named
        between: set[str] = set()
        for token in parsed[title.i + 1 : min(title.sent.end, title.i + TITLE_TOKENS)]:
            if _is_name_word(token, given, name_words):
                if office <= between:  # "Head of State X" is not the Head of the Office
                    return name_words[token.text]
                break
            if token.pos_ == "VERB":
                break  # "the Governor thanked Vladimir Putin": the name is whom he thanked
            between.add(token.lower_)
    return None


def _name_words(doc: Document) -> tuple[set[str], dict[str, str]]:
    """The words of people's names, and those of one person's name only, to that person."""
    kinds = {actor.id: actor.kind for actor in doc.extraction.actors}
    # the words of people's names ("Kyrylo" even where NER took "Office of the President Kyrylo
    # Tymoshenko" for an organisation)
    given = {w for a in doc.extraction.actors if a.kind == "person" for w in a.name.split()}
    owners: dict[str, set[str]] = {}
    for mention in doc.mentions:
        if kinds.get(mention.actor) == "person":
            for word in mention.span.text.split():
                if word[:1].isupper() and len(word) > 2:
                    owners.setdefault(word, set()).add(mention.actor)
    # a word of one person's name only: "Mikhail" may be Mishustin or Murashko
    # and no title ("President" in "President of Ukraine Volodymyr Zelenskyy" names nobody)
    name_words = {
        word: next(iter(ids))
        for word, ids in owners.items()
        if len(ids) == 1 and word.lower() not in TITLE_WORDS
    }
    return given, name_words


def _is_name_word(token: Token, given: set[str], name_words: dict[str, str]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text in name_words
        and (
            token.ent_type_ in NAME_ENTITY_TYPES
            or (token.ent_type_ == "ORG" and token.text in given)
        )
    )


def _titled_otherwise(doc: Document, noun: Token) -> str | None:
    """The last person before ``noun`` whose name the text gave after another wording of the
    same office (:data:`TITLE_WORDINGS`): "according to the Interior Minister" after "Minister
    of Internal Affairs of Ukraine Denys Monastyrskyi said", "according to the head of
    government" after "Prime Minister Denys Shmyhal". Only a definite singular role noun."""
    if noun.tag_ in {"NNS", "NNPS"} or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children
    ):
        return None
    words = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    phrase = " ".join(t.lower_ for t in sorted([*words, noun], key=lambda t: t.i))
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    if objects and len(list(objects[0].subtree)) == 1:
        phrase = f"{phrase} of {objects[0].lower_}"  # "head of government"
    wordings = TITLE_WORDINGS.get(phrase)
    if not wordings:
        return None
    given, name_words = _name_words(doc)
    parsed = doc.parsed
    pattern = "|".join(re.escape(w) for w in wordings)
    earlier = re.finditer(rf"\b(?:{pattern})\b", doc.text[: noun.idx], re.IGNORECASE)
    for found in reversed(list(earlier)):
        title = parsed.char_span(found.start(), found.end(), alignment_mode="expand")
        if title is None:
            continue
        last = title[-1]
        for token in parsed[last.i + 1 : min(last.sent.end, last.i + TITLE_TOKENS)]:
            if _is_name_word(token, given, name_words):
                return name_words[token.text]
            if token.pos_ == "VERB":
                break  # "the Minister of Internal Affairs reported ...": no name given
    return None


def with_last_speaker(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """Quotes whose "he"/"she"/"him"/"her" speaker is the person who spoke, or was a clause's
    subject, last before it (at most :data:`CONTINUITY_CHARS` back), outside quoted words.

    A pronoun the actors stage left unresolved takes that person. So does one it resolved from
    words the pronoun cannot go on with (:func:`_taken_from_elsewhere`): a name inside quoted
    words ('"... the historic Marshall Plan ...," he said'; 'Yermak noted that Zelenskyy
    emphasizes X. "...," he said'), or inside another speaker's phrase ("The Head of the
    President's Office stressed X. According to him, ...")."""
    kinds = {actor.id: actor.kind for actor in doc.extraction.actors}
    parsed = doc.parsed
    subjects = [
        (m.span.start, m.span.end, m.actor)
        for m in doc.mentions
        if kinds.get(m.actor) == "person"
        # "I" and "you" are never whom a "he" goes on with
        and (m.kind != "pronoun" or m.span.text.lower() in PERSONAL_PRONOUNS)
        and (t := parsed.char_span(m.span.start, m.span.end, alignment_mode="expand")) is not None
        and t.root.dep_ in SUBJECT_DEPS
    ]
    said = [
        (q.speaker.span.start, q.speaker.span.end, q.speaker.actor)
        for q in quotes
        if q.speaker.span is not None
        and kinds.get(q.speaker.actor or "") == "person"
        and q.speaker.span.text.lower() not in FIRST_AND_SECOND
    ]
    known = sorted({(end, start, actor) for start, end, actor in subjects + said if actor})
    result = []
    for quote in quotes:
        span = quote.speaker.span
        if span is not None and span.text.lower() in PERSONAL_PRONOUNS:
            quoted = _quoted_words(quotes, span.start)
            before = [
                (end, actor)
                for end, start, actor in known
                if span.start - CONTINUITY_CHARS <= end <= span.start
                and not any(a <= start < b for a, b in quoted)
            ]
            actor = quote.speaker.actor
            if before and (
                actor is None
                or (
                    actor != max(before)[1]
                    and _taken_from_elsewhere(doc, span, actor, max(before)[1], quoted, quotes)
                )
            ):
                quote = replace(quote, speaker=replace(quote.speaker, actor=max(before)[1]))
        elif (
            span is not None
            # speech, not belief: "What is the goal of Russian troops? They want to capture X"
            # goes on with the troops, rightly
            and quote.kind in SPEECH_KINDS
            and span.text.lower() in PLURAL_PRONOUNS
            and quote.speaker.actor is not None
            and not _named_outside_quotes(doc, span, quote.speaker.actor, quotes)
        ):
            # "The Governor described Russian Railways' range as ... They also discussed X" (the
            # President and the governor): "they" goes on with nobody named only in quoted words
            quote = replace(quote, speaker=replace(quote.speaker, actor=None))
        result.append(quote)
    return result


def _named_outside_quotes(doc: Document, pronoun: Span, actor: str, quotes: list[Quote]) -> bool:
    """Whether a plural speaker pronoun's actor was named outside quoted words in the last few
    sentences (at most :data:`CONTINUITY_CHARS` back), or only farther back (left to the
    actors stage): not when every near mention lies inside what somebody said ("The Governor
    described Russian Railways' range as ... They also discussed X")."""
    quoted = _quoted_words(quotes, pronoun.start)
    near = [
        m.span
        for m in doc.mentions
        if m.actor == actor
        and m.span.end <= pronoun.start
        and pronoun.start - m.span.start <= CONTINUITY_CHARS
    ]
    return not near or any(not any(a <= s.start < b for a, b in quoted) for s in near)


def _quoted_words(quotes: list[Quote], at: int) -> list[tuple[int, int]]:
    """The stretches of quoted words a pronoun at ``at`` cannot find its person in: every
    quote's words, but those of a transcript turn or an address that holds the pronoun (its
    pronouns go on with its own sentences); a quotation's words even when its span runs over
    its "he said" ('"...," he said. "..."')."""
    return [
        (q.span.start, q.span.end)
        for q in quotes
        if not q.span.start <= at < q.span.end or (q.rule or "").startswith("quotation marks")
    ]


def _taken_from_elsewhere(
    doc: Document,
    pronoun: Span,
    actor: str,
    last_speaker: str,
    quoted: list[tuple[int, int]],
    quotes: list[Quote],
) -> bool:
    """Whether the actors stage resolved a speaker pronoun from a name it cannot go on with: the
    actor's last mention before the pronoun lies inside quoted words, or inside the phrase of
    the speaker it goes on with ("the President" of "The Head of the President's Office
    stressed X. According to him, ...")."""
    last = max(
        (
            m.span
            for m in doc.mentions
            if m.actor == actor
            and m.span.end <= pronoun.start
            and pronoun.start - m.span.start <= CONTINUITY_CHARS
        ),
        key=lambda s: s.start,
        default=None,
    )
    if last is None:
        return False
    if any(a <= last.start < b for a, b in quoted):
        return True
    parsed = doc.parsed
    for quote in quotes:
        span = quote.speaker.span
        if span is None or quote.speaker.actor != last_speaker or span.start > pronoun.start:
            continue
        phrase = parsed.char_span(span.start, span.end, alignment_mode="expand")
        if phrase is None:
            continue
        root = phrase.root
        if root.left_edge.idx <= last.start and last.end <= _end_of(root.right_edge):
            return True
    return False


def _end_of(token: Token) -> int:
    return token.idx + len(token.text)


def _apposed_to(doc: Document, title: Token, office: set[str]) -> str | None:
    """The person a title stands in apposition to, when the title has the office words of the
    role noun too: "Mykhailo Podoliak, Adviser to the Head of the President's Office" for "the
    Adviser to the Head of Office of the President said"."""
    if title.dep_ != "appos" or title.head.pos_ != "PROPN" or title.head.i > title.i:
        return None
    after = title.doc[title.i : min(title.sent.end, title.i + TITLE_TOKENS)]
    if not office <= {t.lower_ for t in after}:
        return None  # (the parser may hang the title's "to" phrase on the name)
    mention = doc.mention_for_token(title.head)
    kinds = {actor.id: actor.kind for actor in doc.extraction.actors}
    if mention is None or kinds.get(mention.actor or "") != "person":
        return None
    return mention.actor


def _office_of_another(title: Token) -> bool:
    """A title inside another's office phrase: the "Head" of "Adviser to the Head of ..."."""
    previous = title.i - 1
    while previous >= title.sent.start and title.doc[previous].dep_ == "det":
        previous -= 1
    return (
        previous > title.sent.start
        and title.doc[previous].lower_ in OFFICE_PREPOSITIONS
        and title.doc[previous - 1].lower_ in TITLE_WORDS | ADVISER_TITLES
    )  # not "according to Minister of Health X"


def _more_specific(before: Token, modifiers: set[str]) -> bool:
    """A title word right before an earlier title that the role noun lacks ("Prime" Minister,
    "Deputy" Head)."""
    return (
        before.pos_ in {"PROPN", "ADJ", "NOUN"}
        and before.text[:1].isupper()
        and (before.lower_ not in modifiers)
        # "Sverdlovsk Region Governor": the place governed, no higher rank
        and not any(t.ent_type_ in PLACE_ENTITY_TYPES for t in before.subtree)
    )
