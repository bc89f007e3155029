"""The parse's named entities as the actors stage reads them: split institution names joined.

Moved from ``dateline.ruler`` (issue 15): it is actors logic on ``doc.ents``, and the rule
packages sit below the entity ruler's set-up (``dateline.ruler``, ``dateline.nlp``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors.index import token_index
from dateline.actors.lexicon import TITLE_WORDS
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
