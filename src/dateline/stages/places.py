"""Places: toponyms recognised in the parse, resolved to gazetteer places, metonyms kept apart.

A thin adapter over the gazetteer's rules: recognition is
:func:`dateline.gazetteer.recognition.recognise` (spaCy's place entities as names, and what the
small model misses or mislabels), a capital or country used for its government ("Moscow said",
"Kyiv's forces") is an actor, not a place (:func:`dateline.gazetteer.metonymy.is_metonymic`; the
actors stage resolves it), and resolution is :func:`dateline.gazetteer.resolution.resolve_spans`
(over :mod:`dateline.gazetteer.resolve`; a site the gazetteer lacks takes the town of its story).
"Our country" in an outlet's own voice is its country
(:func:`dateline.gazetteer.resolution.own_country`). A country's adjective ("French media") is
listed as the country but locates nothing
(:func:`dateline.gazetteer.resolution.nationality_places`). Once places are known, a local
story's police and residents take its country (:func:`dateline.actors.locale.localise`).

The place of an event is :func:`dateline.gazetteer.placing.event_place`, which reads the places
this stage located (``doc.place_tokens``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.actors import locale
from dateline.caches import PlaceTokens
from dateline.config import PipelineConfig
from dateline.gazetteer.metonymy import is_metonymic
from dateline.gazetteer.recognition import recognise
from dateline.gazetteer.resolution import nationality_places, own_country, resolve_spans
from dateline.stages import register
from dateline.stages.base import Document

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from dateline.model import Place


class PlacesStage:
    name = "places"
    # 0.7.1: a local story's unnamed police, residents and suspects take its country (D16), and
    #        its bare "police" the name of the town it is told from
    # 0.7.2: a namesake abroad no longer votes for its own country, and a neighbourhood the
    #        gazetteer lacks takes its story's town; a state's abbreviation or a listed town
    #        tagged ORG is a place ("the NSW government", "into Darfur and Malakal"); in "the
    #        Cincinnati suburb of West Chester" the larger place is the container; "in northeast
    #        Missouri" contains the name before it
    # 0.8.0: a country's or continent's adjective names it ("French media", "a 34-year-old
    #        German", "European officials"): listed with the places, but placing no event and
    #        not voting for the story's country; a name the article uses as a place is the
    #        place again where the NER tags it another name ("Darfur and Malakal"); a street
    #        is a site in any context ("the intersection of North Jackson Highway")
    # 0.9.0: recognition: a qualifier the parser made a speaker ("Oxnard, California said"),
    #        "NSW" in capitals, long names the NER tagged in part ("the Republic of Congo",
    #        "Jammu and Kashmir"), a name people are evacuated from ("from Azovstal"); resolution:
    #        a short country name means the country whose long name the story uses ("Congo"),
    #        a list member's next name is no qualifier standing in for it, "located in" contains,
    #        lists lean to their siblings' country, a small town of a country the story never
    #        names is a namesake, "the Pacific" is the ocean; event places: a street or site a
    #        town owns ("on Paris' Champs-Elysees boulevard"), the paragraph before the dateline
    #        (D56), a clause on the trigger's noun, a participant's visit, "coming here" in the
    #        lede; an old time beside a recent one is no flashback
    # 0.10.0: event places: a local body's plural the lemmatiser reduces ("West Virginia
    #        authorities"); the speakers' own visit told with a possessive ("my visit to
    #        Moscow") sets the article; their visit told by a country ("our invitation to
    #        visit Russia") is at the setting inside it; an old time makes a flashback of its
    #        own clause and those under it only ("A Texas court on Wednesday exonerated four
    #        women convicted in the 1990s"); "THE HAGUE" and a dateline's qualifier
    #        ("ADDIS ABABA, Ethiopia (AP)") are the dateline; a town or area before a noun of
    #        the title or lede ("Toronto family in shock") sets a story the lede places
    #        nothing of; the occasion hung on the last of coordinated verbs is each one's
    #        ("harassed and intimidated ... during a meeting in Red Deer"); a title's event
    #        takes the body's paragraph place when it lies in the title's own country or area
    #        ("witnessed attack in France": Paris)
    # 0.11.0: event places: a place the parser hangs on the one met ("talks with his
    #        counterpart in Kyiv", "a delegation ... led by McConnell in Kyiv") is the
    #        meeting's, and sets the article as a meeting's place does; "negotiations" is a
    #        word of meeting as written (its lemma is "negotiation"); a relative clause
    #        whose subject is the event places it ("shootings that injured doctors in
    #        Vancouver"); a name before a noun with its own place locates nothing ("U.S.
    #        embassies in Nairobi"); an event placed by a country or an area takes the
    #        place in it a later back-reference gives ("... in southern China. The attack
    #        ... occurred at a store in Shenzhen", "her abduction in Redding"); a place in
    #        what an act of speech is about is not where it is ("We discussed the situation
    #        in Donbas")
    # 0.12.0: event places: a time hung on a noun ("the finding of a rifle 11 days ago")
    #        makes a flashback of that noun's place only; a town before its qualifier ("in
    #        the Buffalo, N.Y., area") is where the qualifier is put; a town opening the name
    #        of an occasion the lede's people come to ("coming to the St Petersburg
    #        International Economic Forum") sets the article; an event placed nowhere takes
    #        the clause place of another mention of its word ("stabbed" / "admitted stabbing
    #        ... at a house in Edmonton"); a name before an act aimed at a place ("U.S.
    #        missile attacks on sites in Sudan") locates nothing; the speakers' own visit
    #        placed by its paragraph's country is where they meet ("our current visit" after
    #        "coming to Russia"); agreeing and signing are acts of speech ("the agreements we
    #        have reached today"); an act placed nowhere else, not of speech, is in the
    #        country the article names most (3 times at least, more than any other); a noun
    #        of removal before "operation" makes its "from" place the operation's ("our
    #        evacuation operation from Mariupol"); a town before a qualifier in capitals
    #        ("travel to Washington DC") is where it is put; a title's event placed in its
    #        own clause keeps that place over the body's ("agreed upon in Kyiv, Sumy ...");
    #        a place in a phrase of what an act of speech is about ("thanked Lithuania for
    #        their support of our membership in the European Union") is not where it is;
    #        a light verb's object is its own event ("launched cruise missile strikes
    #        against camps in Afghanistan"); a journey its traveller is on places what they
    #        do ("Freeh, on an official visit to Mexico, asked"); a part of a place is where
    #        the whole is ("stood in the kitchen of his home in suburban Amherst")
    # 0.12.1: (actors9) a wire story of several countries gives its bare "police" the dateline's
    #        country ("CAPE TOWN, South Africa (AP) _ ... police said": actors.locale)
    # 0.13.0: recognition: a capitalised Province or Prefecture is part of the name ("Rift
    #        Valley Province"); an admin1 area's derived short form after a strong cue ("from
    #        Daqahliya"), a county's only with its "County"; "a town called Låsby"; the serial
    #        comma before a list's last name; a PERSON entity shaped as a place ("Residents of
    #        Jefferson Parish", "in Al-Fashir") lends no words to people's names; a name of
    #        directions alone before a place is a part of it ("in North-Western Sydney"); an
    #        alternate name that is no spelling of the place's own ("Google", Topeka) is not
    #        spotted; a list member or qualifier that opens a longer name is none ("Amherst,
    #        N.Y., Police Department"), nor a part of a hyphened name ("Dar-es-Salaam"), nor a
    #        direction opening an occasion's name ("the Eastern Partnership Summit"); the NER's
    #        span widens to a gazetteer name written in mixed case ("the Pacific NorthWest");
    #        a country's name as the subject of saying ("Birds Australia ... said") is no
    #        person's, so the country is a place elsewhere in the article ("Australia's birds");
    #        a capital's namesake the article uses for a place of another country is that place
    #        where it acts ("Melbourne and Victoria were affected": not the Seychelles');
    #        a site the gazetteer lacks lies in a town of the story's country before a nearer
    #        one abroad ("a rally for Aleppo in Victoria Park" in a London, Ontario story);
    #        event places: a relative clause whose subject is the event places it
    #        through its verb's phrases ("the brawl that took place on a deserted street in
    #        Upper Edmonton")
    # 0.14.0: recognition: a name the gazetteer lacks that its words make a village, a town
    #        or an area, whatever the small model tagged it ("the village of Kampungu", "four
    #        villages: Kampungu, Makonono", "the Etoumbi and Mbomo districts", "Mabvuku, a
    #        suburb of Harare", "Bondo, Nyando, Kisii" among places), and its other mentions
    #        ("Kampungu's health centre"), which take the place it gets; "the Mukuru slums"
    #        places a name as "the Wedza district" does; a part of a hyphened
    #        name the NER tagged alone is the whole name or none ("Cuvette-Ouest", "Agence
    #        France-Presse"); "according to X" names a source, not a place ("According to
    #        Yap"); a place entity of a given name and another word the gazetteer lacks is a
    #        person ("Maya Harden"); a virus or a fever named after a place names none ("the
    #        Marburg virus", "the Reston ebolavirus"); resolution: a town listed with places
    #        abroad is no namesake of one at home ("the Zaïre, Bundibugyo ... strains")
    version = "0.14.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        stamp = doc.stamp(self)
        recognised = recognise(doc)
        spans = [s for s in recognised if not is_metonymic(s)]
        places = resolve_spans(doc, [(s.start_char, s.end_char) for s in spans], stamp)
        namesakes = _capital_namesakes(recognised, spans, places)
        if namesakes:  # "Melbourne and Victoria were affected": not the Seychelles' capital
            spans = sorted(spans + namesakes, key=lambda span: span.start)
            places = resolve_spans(doc, [(s.start_char, s.end_char) for s in spans], stamp)
        located = [(s, p) for s, p in zip(spans, places, strict=True) if p is not None]
        located += own_country(doc, {t.i for span in spans for t in span}, stamp)
        located.sort(key=lambda item: item[0].start)
        doc.extraction.places = [place for _, place in located]
        # police and residents of a local story are of its country (D16): known only now
        doc.extraction.actors = locale.localise(doc.extraction.actors, doc.extraction.places)
        doc.place_tokens = tuple(
            PlaceTokens(span.start, span.end, place) for span, place in located
        )
        # "French media": listed, but neither an event's place nor a vote for the story's country
        taken = {t.i for span, _ in located for t in span}
        doc.extraction.places = sorted(
            doc.extraction.places + nationality_places(doc, taken, stamp),
            key=lambda place: place.span.start,
        )
        return doc


def _capital_namesakes(
    recognised: list[SpacySpan], kept: list[SpacySpan], places: list[Place | None]
) -> list[SpacySpan]:
    """Toponyms set apart as a capital acting ("Victoria ... were affected") whose name the
    article uses elsewhere for a place of another country ("travel to Victoria", the
    Australian state): one sense per discourse (Gale, Church & Yarowsky 1992), so they are
    that place, not the Seychelles' government."""
    from dateline.countries import country_by_capital, country_by_name

    elsewhere: dict[str, str | None] = {}
    for span, place in zip(kept, places, strict=True):
        if place is not None:
            elsewhere.setdefault(span.text, place.country)
    taken = {span.start for span in kept}
    found = []
    for span in recognised:
        if span.start in taken or span.text not in elsewhere or country_by_name(span.text):
            continue
        capital_of = country_by_capital(span.text)
        if capital_of is not None and elsewhere[span.text] != capital_of.alpha3:
            found.append(span)
    return found


@register("places")
def create(config: PipelineConfig) -> PlacesStage:
    return PlacesStage(config)
