"""Transcript turns and addresses: their words are quotes of their speaker (issue 11).

The actors stage finds who speaks where (``doc.voices``: the turns of a transcript, "President
of Russia Vladimir Putin: ...", and the body of an address or speech whose title names its
speaker) and resolves "I" and "we" there to the speaker. This module does not look for turns
again; it turns the voices into quotes:

- every turn's and address's words are direct quotes of its speaker, with the colon after a
  turn's label as their cue: one per paragraph, cut at sentence ends into pieces of at most
  :data:`PIECE_CHARS` characters (the scraped press releases run a whole meeting into one
  paragraph). A headline that opens with a name and a
  colon ("Volodymyr Zelenskyy: At the meeting with Jens Stoltenberg ...") quotes its speaker in
  the headline only: the story under it is the outlet's; the title of an address is not part of
  it ("Speech by President X in the Assembly of the Republic");
- a quote found inside a voice with no speaker of its own ("It should be noted that ...", a cue
  with no subject) is the voice speaker's;
- a speech quote inside a voice by the voice's own speaker ("I want to stress that X" in Putin's
  turn), or by nobody named ("It is proposed to raise the rate"), repeats words the voice's
  quote already holds: it is left out. Quotes of others inside a turn ("Mr Shoigu reported
  that ...") and the speaker's beliefs stay;
- a parenthesis that opens a sentence of a transcript ("(Minister Patrushev reported that
  ...)", "(Laughter.)") is the transcript's narration, not the speaker's words: no quote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.model import SPEECH_KINDS, Quote, Span, Speaker

if TYPE_CHECKING:
    from dateline.document import Document, Voice

#: how far before a turn its label may start ("Deputy Prime Minister – Minister of Industry and
#: Trade of the Russian Federation Denis Manturov:" is 90 characters; an address names its
#: speaker at the end of its title)
LABEL_CHARS = 200
#: a parenthesis that opens a sentence of a transcript (after its start or a sentence end) and
#: closes: the transcript's narration
NARRATION = re.compile(r"(?:(?<=^)|(?<=[.!?…:]\s)|(?<=\n))\([^()]*\)", re.MULTILINE)
#: the longest piece of a turn or an address that is one quote: about a long paragraph of a
#: news article, so that a quote reads as one (a Kremlin meeting turn runs to 10,000 characters)
PIECE_CHARS = 1000
#: how far before a turn's words its label's colon may sit ("WALLACE: ...", ":\n\n...")
COLON_CHARS = 3


def voice_quotes(doc: Document, stamp: str) -> list[Quote]:
    """One direct quote per paragraph piece of every turn and address."""
    if not doc.voices:
        return []
    sentences = [(s.start_char, s.end_char) for s in doc.parsed.sents]
    quotes = []
    for voice in doc.voices:
        speaker = Speaker(voice.speaker, _label(doc, voice))
        cue = _colon(doc, voice)
        for start, end in _pieces(doc, voice, sentences, turn=cue is not None):
            quotes.append(
                Quote(
                    id=f"quote-{start}-{end}",
                    span=doc.span(start, end),
                    kind="direct",
                    speaker=speaker,
                    cue=cue,
                    sentence=doc.sentence_at(start),
                    stage=stamp,
                )
            )
    return quotes


def _label(doc: Document, voice: Voice) -> Span | None:
    """The mention naming the speaker before the voice: the turn's label, the address's title."""
    named = [
        m
        for m in doc.mentions_in(max(0, voice.start - LABEL_CHARS), voice.start)
        if m.actor == voice.speaker
    ]
    return named[-1].span if named else None


def _colon(doc: Document, voice: Voice) -> Span | None:
    """The colon after a turn's label, its cue (as PolNeAR annotates "WALLACE: ..."); an address
    has none."""
    before = doc.text[max(0, voice.start - COLON_CHARS) : voice.start]
    at = before.rfind(":")
    if at < 0:
        return None
    start = voice.start - len(before) + at
    return doc.span(start, start + 1)


def _pieces(
    doc: Document, voice: Voice, sentences: list[tuple[int, int]], turn: bool
) -> list[tuple[int, int]]:
    text = doc.text
    title = doc.paragraphs[0] if doc.paragraphs else None
    in_title = title is not None and title.start <= voice.start < title.end
    stretches = []
    for para in doc.paragraphs:
        first, last = max(voice.start, para.start), min(voice.end, para.end)
        if last <= first:
            continue
        if in_title and para is title and not turn:
            continue  # "Speech by President X in the Assembly of ...": the title is no speech
        if in_title and turn and para is not title:
            break  # "Pat Caddell: Democrat Voters Worried ...": the headline is his, not the story
        stretches.extend(_without_narration(text, first, last))
    pieces = []
    for first, last in stretches:
        start = end = first
        for s_start, s_end in sentences:
            s_start, s_end = max(s_start, first), min(s_end, last)
            if s_end <= s_start:
                continue
            if end > start and s_end - start > PIECE_CHARS:
                pieces.append((start, end))
                start = s_start
            end = s_end
        pieces.append((start, end))
    trimmed = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(c.isalpha() for c in text[start:end]):
            trimmed.append((start, end))
    return trimmed


def _without_narration(text: str, first: int, last: int) -> list[tuple[int, int]]:
    """[first, last) less the transcript's own narration: a parenthesis that opens a sentence
    ("(Minister of Agriculture Dmitry Patrushev reported that ...)", "(Laughter.)") is the
    Kremlin's summary, not the speaker's words."""
    stretches = []
    start = first
    for found in NARRATION.finditer(text, first, last):
        stretches.append((start, found.start()))
        start = found.end()
    stretches.append((start, last))
    return [(a, b) for a, b in stretches if b > a]


def speaker_at(voiced: list[Quote], offset: int) -> str | None:
    """The speaker of the turn or address quote that holds ``offset``."""
    for quote in voiced:
        if quote.span.start <= offset < quote.span.end:
            return quote.speaker.actor
    return None


def without_own_words(quotes: list[Quote], voiced: list[Quote]) -> list[Quote]:
    """Quotes less the speech of a voice's speaker inside that voice's quotes (they hold it)."""
    kept = []
    for quote in quotes:
        holder = next((v for v in voiced if v.span.start <= quote.span.start < v.span.end), None)
        if (
            holder is not None
            and quote.kind in SPEECH_KINDS
            and quote.speaker.actor in {holder.speaker.actor, None}
        ):
            continue  # his own words, or words he gives nobody else ("It is proposed to ...")
        kept.append(quote)
    return kept
