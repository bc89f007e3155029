"""Stage ``quotes``: who said what — direct, partial, indirect and "according to" attributions.

The rules live in :mod:`dateline.quotes.rules` (quotation marks in :mod:`dateline.quotes.marks`,
cue verbs in :mod:`dateline.quotes.cues`, speakers in :mod:`dateline.quotes.speakers`, transcript
turns and addresses in :mod:`dateline.quotes.voices`, a record's kind, cue and duplicates in
:mod:`dateline.quotes.records`). This module runs the four rules, stamps what they find as
:class:`~dateline.model.Quote` records whose speaker carries both the local mention ("he") and
the actor it stands for, and drops duplicates. Who reports an event told in a quote is
:func:`dateline.quotes.reporting.reporter_of`.

A quote's cue is a speech or writing act; an attribution whose cue is a belief, desire,
perception or stance ("believes", "wants", "sees", "supports") is a record of kind ``belief``.
"""

from __future__ import annotations

from dateline.config import PipelineConfig
from dateline.model import Quote, Speaker
from dateline.quotes.records import PRIORITY, cue_span, kind_of, without_duplicates
from dateline.quotes.rules import Rules
from dateline.quotes.speakers import speaker_of, with_last_speaker
from dateline.quotes.voices import voice_quotes, without_own_words
from dateline.stages import register
from dateline.stages.base import Document


class QuotesStage:
    name = "quotes"
    # 1.3.0: (issue 11) a title whose "of"/"to" phrase names another office holder ("the Head
    #        of the President's Office", "the Adviser to the President") is the person the text
    #        gave that whole title, not the President; a cue under a negated modal ("he could
    #        not predict X", "they would not have to explain why") attributes nothing
    # 1.4.0: (issue 11) a speaker "he"/"him" the actors stage took from a name inside quoted
    #        words or inside the phrase of the speaker it goes on with is that speaker; a "they"
    #        named only in quoted words is nobody; "Region Governor", "the President's Adviser"
    #        and "X, Adviser to ..." titles find their holder, as does a role whose phrase names
    #        one ("The President of the Chamber Andy Hunder"), or another wording of whose
    #        office named one ("the Interior Minister", "the head of government"); the nearest
    #        of a cue's two subjects speaks; "Asked whether X, he said" gives X nobody;
    #        "talking not about X" attributes nothing
    # 1.4.1: (issue 11, the third hand check of quote speakers) a title's holder is no name
    #        after the title's own verb ("the Governor thanked Vladimir Putin": not Putin); an
    #        attack by or on a country, a people, a place or an armed force is no speech ("Nazi
    #        Germany, which attacked our Motherland"); "According to the Adviser to the Head of
    #        the Office, X": the title's "to" phrase the parser hung on "according" stays out of X
    # 1.5.0: (issue 11) "'...,' the message reads": a document's words are a quote (a cue verb
    #        whose subject is a document, quotes.toml cues.document_verbs), spoken by the writer
    #        the sentences before name for it ("Vladimir Putin extended greetings to ...",
    #        "In a message to X, Putin stressed"), nobody when none does
    # 1.5.1: (issue 11) "I am / we are talking about X" says what the speaker means and reports
    #        no words (quotes.toml cues.clarifying_verbs)
    # 1.5.2: an object's words end before a coordinating conjunction whose conjunct the parser
    #        hung elsewhere ("discussing transformations and how the reform is going")
    # 1.6.0: (issue 11, causes of the seed-15 hand check) a document's writer is also the one
    #        its own phrase names ("a statement by X", "the adoption by the Bundestag of a
    #        resolution calling on ..."), or, further back than three sentences, the one named
    #        for the same document noun ("In its statement, the group emphasizes" before the
    #        fourth "the statement reads"); document nouns inside quoted words name no writer; a
    #        possessive pronoun ("its statement") stands for its verb's subject; a negated
    #        to-infinitive cue ("not to mention X") reports nothing
    # 1.6.1: (issue 11, seed-17 hand check) an armed doer or attacked place written in the plural
    #        ("Russian troops attacked ...", "attacked our positions") is matched as written as
    #        well as by its lemma, so the attack is no speech
    # 1.6.2: (issue 11, quotes24) two backquotes open a quotation that two apostrophes close
    #        (the ASCII marks of the AP and NYT wire in TimeBank: ``We are back,'' Adams said),
    #        so those quotations are found with their speakers, and a cue-less one after them
    #        goes on with their speaker, instead of every quotation read inside out; backquotes
    #        after a sentence's end inside a quotation reopen it (a paragraph break the archive
    #        lost: "``A. ``B.''"), not a quotation nested in it
    version = "1.6.2"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        rules = Rules(doc)
        named = {
            "quotation marks": rules.quotations(),
            "according to": rules.according_to(),
            "reported speech": rules.indirect(),
            "cue noun": rules.noun_cues(),
        }
        rule_of = {id(item): name for name, items in named.items() for item in items}
        found = [item for items in named.values() for item in items]
        stamp = doc.stamp(self)
        voiced = voice_quotes(doc, stamp)
        speakers: dict[int, Speaker] = {}
        quotes: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for item in sorted(found, key=lambda f: (PRIORITY[f.kind], f.start)):
            if (item.start, item.end) in seen:
                continue
            seen.add((item.start, item.end))
            inherit = item.inherit
            speaker = (
                speakers.get(id(inherit))
                if inherit
                else speaker_of(doc, item, voiced, rules.in_quote)
            )
            speaker = speaker or Speaker(None, None)
            speakers[id(item)] = speaker
            cue = None
            if item.inherit is not None and item.inherit.cue is not None:
                cue = cue_span(doc, item.inherit)
            elif item.cue is not None:
                cue = cue_span(doc, item)
            quotes.append(
                Quote(
                    id=f"quote-{item.start}-{item.end}",
                    span=doc.span(item.start, item.end),
                    kind=kind_of(item),
                    speaker=speaker,
                    cue=cue,
                    sentence=doc.sentence_at(item.start),
                    stage=stamp,
                    rule=rule_of[id(item)] + (", continued" if item.inherit else ""),
                )
            )
        quotes = with_last_speaker(doc, quotes)
        quotes = without_own_words(without_duplicates(doc, quotes), voiced) + voiced
        doc.extraction.quotes.extend(sorted(quotes, key=lambda q: (q.span.start, q.span.end)))
        return doc


@register("quotes")
def create(config: PipelineConfig) -> QuotesStage:
    return QuotesStage(config)
