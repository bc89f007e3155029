"""The parse's named entities as the actors stage reads them: split institution names joined.

Moved from ``dateline.ruler`` (issue 15): it is actors logic on ``doc.ents``, and the rule
packages sit below the entity ruler's set-up (``dateline.ruler``, ``dateline.nlp``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors.gender import is_first_name
from dateline.actors.index import token_index
from dateline.actors.lexicon import GROUP_NOUNS, ROLE_NOUNS, TITLE_WORDS
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


#: what joins an institution to the country it belongs to: "Office of the President *of*
#: Ukraine", "Ministry of Defence *of the* Russian Federation"
_LINKS = (("of",), ("of", "the"))
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: words a body's name may hold between its capitalised words ("Council *for* Human Rights")
BODY_JOINERS = word_set("actors", "entities.body_joiners")
#: words that link a body's name to a place after it ("University of", "the")
LINK_WORDS = word_set("actors", "entities.link_words")
#: capitalised words after an institution that name no body of it ("CSTO Summit", "UN Charter")
NOT_BODIES = word_set("actors", "entities.not_bodies")
#: the most words a body's name runs on after its institution's ("Human Rights Monitoring
#: Mission" is four)
BODY_MAX_WORDS = 6
#: last words of a proper name led by a place that make it a place, no body ("Kharkiv Region",
#: "Crimea Bridge", "Trafalgar Street"): settlements, areas, sites and streets
PLACE_NAME_HEADS = (
    word_set("places", "recognise.site_heads")
    | word_set("actors", "mentions.settlement_nouns")
    | word_set("actors", "mentions.street_heads")
)
#: last words of a name that make it a document, an event or a holiday, no body ("Minsk
#: Protocol", "Tokyo Olympics", "Russia Day"); the candidate filters of
#: :mod:`dateline.actors.mentions` read the same lists
NAMED_THING_HEADS = (
    word_set("actors", "mentions.document_heads")
    | word_set("actors", "mentions.event_heads")
    | word_set("actors", "mentions.holiday_heads")
)
#: last words that make a place-led name no body: titles and roles, group nouns, events and
#: documents, places (joined once)
_NOT_PLACE_LED_HEADS = frozenset(
    TITLE_WORDS
    | NOT_BODIES
    | PLACE_NAME_HEADS
    | NAMED_THING_HEADS
    | GROUP_NOUNS.keys()
    | ROLE_NOUNS.keys()
)


def joined_entities(doc: Doc) -> list[Span]:
    """``doc.ents`` with "<institution> of <country>" as one ORG where the ruler or the NER split it.

    The ruler (``overwrite_ents``) takes the country out of the NER's longer ORG span, leaving
    "the Office of the President of" + "Ukraine" (140 mentions of an actor "Office of the
    President of" on the Kremlin/Zelenskyy press releases), and the small model itself often
    stops at "the Ministry of Foreign Affairs" before "of Russia". OntoNotes, which the model
    was trained on, annotates the whole name as one ORG, and the institution is a different
    actor from the country, so the actors stage reads the two as one when the ORG ends in
    "of"/"of the", or is a multi-word name followed by "of"/"of the", and the place comes right
    after. ``doc.ents`` itself is left alone: geoparsing corpora annotate the place inside such
    a name ("the Human Rights League of France" in TR-News), and the places stage reads it.
    The joined span carries no ruler id ("Security Council" of Russia is not the UN's).
    """
    from spacy.tokens import Span as SpacySpan

    ents = list(token_index(doc).entities)  # listed once per article
    joined: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        body_end = _body_end(doc, ent, ents[i + 1].start if i + 1 < len(ents) else len(doc))
        if body_end is not None:
            # "the UN Human Rights Monitoring Mission", "the NATO Parliamentary Assembly": a body
            # of the institution the ruler found, named on by capitalised words
            joined.append(SpacySpan(doc, ent.start, body_end, label="ORG"))
            i += 1
            continue
        limit = ents[i + 1].start if i + 1 < len(ents) else len(doc)
        head = _place_led_head(doc, ent, limit)
        if head is not None:
            # "The New York Times said", "the Crimea Platform": a place begins a body's name
            joined.append(SpacySpan(doc, ent.start, head + 1, label="ORG"))
            i += 1
            continue
        place = ents[i + 1] if i + 1 < len(ents) else None
        if place is not None and _joinable(doc, ent, place):
            joined.append(SpacySpan(doc, ent.start, place.end, label="ORG"))
            i += 2
            continue
        joined.append(ent)
        i += 1
    return joined


def _body_end(doc: Doc, org: Span, limit: int) -> int | None:
    """Where a body's name ends that runs on from an institution the ruler tagged ("UN" + "Human
    Rights Monitoring Mission"); None when no capitalised noun follows, or when the words that
    follow are a title ("UN Secretary-General", "European Council President": the person is the
    actor, :mod:`dateline.actors.offices`) or an event or document ("CSTO Summit", "UN
    Charter")."""
    if org.label_ != "ORG" or not org.id_:
        return None
    end, last = org.end, None
    while end < min(limit, org.end + BODY_MAX_WORDS, len(doc)):
        token = doc[end]
        if token.pos_ in {"PROPN", "NOUN"} and token.text[:1].isupper() and not token.is_sent_start:
            last = end + 1
        elif token.lower_ not in BODY_JOINERS or last is None:
            break
        end += 1
    if last is None:
        return None
    words = {t.lower_ for t in doc[org.end : last]}
    return None if words & (TITLE_WORDS | NOT_BODIES) else last


def _place_led_head(doc: Doc, place: Span, limit: int) -> int | None:
    """The last word of a proper name that a place entity begins and the NER left untagged
    after it ("[New York] Times", "the [Crimea] Platform", "the [U.S.] Circuit Court"), or None.

    OntoNotes, which the small model was trained on, annotates such a name as one ORG (a
    newspaper, a court, an initiative named after a place), but the small model often tags only
    the place in it and leaves the body out, so no actor is found for it (issue 11: 13 dev
    parties of one newspaper alone). The place must be a compound of a capitalised proper noun
    after it, with only capitalised proper nouns between, none of them tagged; the name is no
    body when that noun is a title ("U.S. President"), a group or role noun ("Ukraine Armed
    Forces": a sector group of the country, :func:`dateline.actors.mentions._country_modified`),
    a place's word ("Kharkiv Region", "Crimea Bridge") or an event or document ("UN Charter").
    """
    if place.label_ not in _PLACE_LABELS or place.root.dep_ != "compound":
        return None
    if place.start > 0 and doc[place.start - 1].lower_ == "of":
        return None  # "Prime Minister of Greece Kyriakos Mitsotakis": a title's place
    head = place.root.head
    if not place.end <= head.i < min(limit, place.end + BODY_MAX_WORDS):
        return None
    for token in doc[place.end : head.i + 1]:
        if not (
            token.pos_ == "PROPN"
            and token.is_alpha
            and token.text[:1].isupper()
            and not token.ent_type_
            and not token.is_sent_start
        ):
            return None
        if token.i < head.i and (token.dep_ != "compound" or token.head.i != head.i):
            return None
        if is_first_name(token.text):
            return None  # "President of Serbia Aleksandar Vucic": a title's place, then a person
    if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
        return None  # "the Ukraine Democracy Defense Lend-Lease Act": the name goes on past it
    words = {head.lower_, head.lemma_.lower(), head.lower_.removesuffix("s")}
    if not words.isdisjoint(_NOT_PLACE_LED_HEADS):
        return None
    return head.i


def _joinable(doc: Doc, org: Span, place: Span) -> bool:
    if org.label_ != "ORG" or place.label_ not in _PLACE_LABELS:
        return False
    words = [t.lower_ for t in org]
    inside = 0  # link words at the end of the ORG span
    while inside < len(words) and words[len(words) - 1 - inside] in LINK_WORDS:
        inside += 1
    link = (*words[len(words) - inside :], *(t.lower_ for t in doc[org.end : place.start]))
    if link not in _LINKS:
        return False
    name = [t for t in org[: len(words) - inside] if t.lower_ != "the"]
    if not name or not name[0].text[:1].isupper():
        return False
    # an acronym or a one-word name ("NATO of Ukraine", "Kremlin of Russia") is no such title
    return inside > 0 or len(name) >= 2
