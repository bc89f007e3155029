"""Which office holder a bare role noun ("the President", "the Head of State") names.

A press office writes "the President" for its own principal: in "Zelenskyy had a call with
President of France Emmanuel Macron. The Head of State noted ..." the Head of State is Zelenskyy,
though Macron was named last. So a bare role names the article's salient holder of that office:
the first one it introduced by name as the subject of a sentence (centering theory, Grosz, Joshi
& Weinstein 1995: the entity an article is about stays its preferred referent; Lappin & Leass
1994 rank subjects highest), else the first one named, not the nearest one. The nearest holder
gave the press office's own president (Putin on kremlin.ru, Zelensky on president.gov.ua) for
270 of 296 bare "the President"/"the Head of State" in every 6th release of 2021-2022, the
first-introduced one 286 (the most-mentioned one, before the transcript rule, 275). Read by
hand, of the 17 resolutions that changed 13 went from wrong to right and none from right to
wrong (3 stay wrong: Tokayev speaking of his own residence at a CSTO session).

Two exceptions:
- the role restates a holder nearby: an apposition ("the President of Kazakhstan, the head of
  state") or an "as" complement ("took office as the head of state") is the nearest holder;
- in a transcript ("President of Russia Vladimir Putin: We understand that the President has a
  very busy schedule"), the speaker does not call himself "the President": the role is the
  salient holder other than whoever has the floor. A headline that opens with a name and a
  colon ("Volodymyr Zelenskyy: I know exactly how our army will act") quotes its speaker in the
  headline only: the story under it is the press office's, and its "the Head of State" is that
  person still.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors.lexicon import SUBJECT_DEPS
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.actors.coref import Draft
    from dateline.actors.mentions import Candidate

NAMING_KINDS = word_set("actors", "salience.naming_kinds")


def is_bare(doc: Doc, cand: Candidate) -> bool:
    """ "the President", "the Head of State": only "the" and the role words ("the band leader",
    "the next president" and "North's leader" say more than the office)."""
    width = len((cand.role or "").split())
    return doc[cand.start].lower_ == "the" and cand.end - cand.start == width + 1


def salient_holder(
    doc: Doc,
    cand: Candidate,
    holders: list[tuple[Candidate, Draft]],
    assigned: list[tuple[Candidate, Draft]],
) -> Draft:
    """The holder ``cand`` names among ``holders`` (earlier mentions of holders of its office,
    in text order); see the module docstring."""
    head = doc[cand.head]
    if head.dep_ == "appos" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
        return holders[-1][1]
    speaker = transcript_speaker(doc, cand, assigned)
    others = [(prior, draft) for prior, draft in holders if draft is not speaker]
    if not others:
        return holders[-1][1]
    named = [(prior, draft) for prior, draft in others if prior.kind in NAMING_KINDS]
    subjects = [draft for prior, draft in named if doc[prior.head].dep_ in SUBJECT_DEPS]
    if subjects:
        return subjects[0]
    return (named or others)[0][1]


def transcript_speaker(
    doc: Doc, cand: Candidate, assigned: list[tuple[Candidate, Draft]]
) -> Draft | None:
    """Whose turn a transcript is in at ``cand``: the person of the last sentence that opens
    with a name and a colon ("President of Russia Vladimir Putin: Mr President, ..."). The
    Kremlin's transcripts run several turns in one paragraph, so a turn lasts until the next."""
    speaker = None
    headline_end = first_line_end(doc)
    for prior, draft in assigned:
        if prior.start >= cand.start:
            break
        if doc[prior.start].idx < headline_end:
            continue  # "Volodymyr Zelenskyy: I know ...": a headline, no transcript turn
        if (
            prior.kind in NAMING_KINDS
            and draft.kind == "person"
            and doc[prior.start].is_sent_start
            and prior.end < len(doc)
            and doc[prior.end].text == ":"
        ):
            speaker = draft
    return speaker


def first_line_end(doc: Doc) -> int:
    """The character offset of the text's first line break (``doc.text.find("\\n")``), found
    from the first tokens: ``Doc.text`` joins every token's text, and the rules ask this once per
    mention."""
    from dateline.actors.index import token_index  # (the index's Tokens: none made anew)

    for token in token_index(doc).tokens:
        at = token.text_with_ws.find("\n")
        if at >= 0:
            return token.idx + at
    return -1


__all__ = ["first_line_end", "is_bare", "salient_holder", "transcript_speaker"]
