"""The parse's named entities as the actors stage reads them: split institution names joined.

Moved from ``dateline.ruler`` (issue 15): it is actors logic on ``doc.ents``, and the rule
packages sit below the entity ruler's set-up (``dateline.ruler``, ``dateline.nlp``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


#: what joins an institution to the country it belongs to: "Office of the President *of*
#: Ukraine", "Ministry of Defence *of the* Russian Federation"
_LINKS = (("of",), ("of", "the"))
_PLACE_LABELS = frozenset({"GPE", "LOC"})


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

    ents = list(doc.ents)
    joined: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        place = ents[i + 1] if i + 1 < len(ents) else None
        if place is not None and _joinable(doc, ent, place):
            joined.append(SpacySpan(doc, ent.start, place.end, label="ORG"))
            i += 2
            continue
        joined.append(ent)
        i += 1
    return joined


def _joinable(doc: Doc, org: Span, place: Span) -> bool:
    if org.label_ != "ORG" or place.label_ not in _PLACE_LABELS:
        return False
    words = [t.lower_ for t in org]
    inside = 0  # link words at the end of the ORG span
    while inside < len(words) and words[len(words) - 1 - inside] in {"of", "the"}:
        inside += 1
    link = (*words[len(words) - inside :], *(t.lower_ for t in doc[org.end : place.start]))
    if link not in _LINKS:
        return False
    name = [t for t in org[: len(words) - inside] if t.lower_ != "the"]
    if not name or not name[0].text[:1].isupper():
        return False
    # an acronym or a one-word name ("NATO of Ukraine", "Kremlin of Russia") is no such title
    return inside > 0 or len(name) >= 2
