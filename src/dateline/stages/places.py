"""Places: toponyms recognised in the parse, resolved to gazetteer places, metonyms kept apart.

Recognition (:func:`recognise`) takes spaCy's GPE, LOC and FAC entities (the entity ruler adds
gazetteer admin1 areas and big towns, see :mod:`dateline.gazetteer.patterns`) as names: "Kursk"
in "the Kursk region", "Helmand" in "the province of Helmand" (the area word tells resolution
the level), widened to the gazetteer name they are part of ("Goz Beida", "North London"). It
adds what the small model misses or mislabels: gazetteer names in a place's context
(:mod:`dateline.gazetteer.spotting`: "skates in Red Deer, Innisfail and Edmonton", "Churchill,
Man."), the place opening an organisation's name ("Granville County Fire Marshal"), sites by
their head word ("the Bob Wills Museum", "Hertford Road", "Fort Hood"), and a country's
adjective on a place noun ("Ukrainian cities"); it drops places inside other names ("Tehran
University", "Real Madrid") and given names ("Georgia Stevens"). A country's adjective elsewhere
("French media") is listed as the country but locates nothing (:func:`nationality_places`,
:mod:`dateline.gazetteer.nationalities`). Resolution is
:mod:`dateline.gazetteer.resolve`; a site the gazetteer lacks takes the town of its story. A
capital or country used for its government ("Moscow said", "Kyiv's forces") is an actor, not
a place (rule below, :func:`is_metonymic`); the actors stage resolves it.

``event_place(doc, trigger)`` gives the events stage the place of an event (see there).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.actors import locale
from dateline.config import PipelineConfig
from dateline.gazetteer.candidates import PART_WORDS
from dateline.gazetteer.clues import AREA_WORDS
from dateline.model import EventPlace, Place
from dateline.stages import register
from dateline.stages.base import Document
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.gazetteer import Gazetteer, PlaceEntry
    from dateline.gazetteer.resolve import Toponym

PLACE_LABELS = word_set("places", "recognise.place_labels")
#: Entities the small model tags LOC that are directions, not places ("the South" is kept by
#: the regions table only when written as a region name).
COMPASS_WORDS = word_set("places", "recognise.compass_words")
#: Feature preference when several places share the trigger's clause: the most specific first.
SPECIFICITY = {"facility": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
NOTE_TOKENS = "places.tokens"  # doc.notes key: list of (token start, token end, Place)
NOTE_SETTING = "places.setting"  # doc.notes key: the article's setting (see article_setting)
NOTE_LOCATED = "places.located"  # doc.notes key: the places with their anchors (see _located)
#: nouns that "our" makes the speaker's country: "our state", "the territory of our country"
OWN_COUNTRY_NOUNS = word_set("places", "recognise.own_country_nouns")
#: nouns that "our" makes the speaker's country's capital: "visiting our capital"
OWN_CAPITAL_NOUNS = word_set("places", "recognise.own_capital_nouns")
#: a news dateline opens one of the first paragraphs with a place in capitals of at most this
#: many tokens ("DETROIT", "NEW YORK", "RIO DE JANEIRO")
DATELINE_PARAGRAPHS = 3
DATELINE_MAX_TOKENS = 3
#: the longest place name an event's name opens with, in tokens ("Rio de Janeiro Carnival")
EVENT_PLACE_TOKENS = 3
#: how far before a toponym (characters) the words that make it a place are looked for
PLACE_WORDS_CHARS = 40
#: how many nouns up ("the road near the town of Virden") a place's anchor climbs to what is
#: there, and how many list members back to the first of the list
ANCHOR_HOPS = 3
LIST_HOPS = 4


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
    version = "0.9.0"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        spans = recognise(doc)
        spans = [s for s in spans if not is_metonymic(s)]
        places = resolve_spans(doc, [(s.start_char, s.end_char) for s in spans], self)
        located = [(s, p) for s, p in zip(spans, places, strict=True) if p is not None]
        located += own_country(doc, {t.i for span in spans for t in span}, doc.stamp(self))
        located.sort(key=lambda item: item[0].start)
        doc.extraction.places = [place for _, place in located]
        # police and residents of a local story are of its country (D16): known only now
        doc.extraction.actors = locale.localise(doc.extraction.actors, doc.extraction.places)
        doc.notes[NOTE_TOKENS] = [(span.start, span.end, place) for span, place in located]
        # "French media": listed, but neither an event's place nor a vote for the story's country
        taken = {t.i for span, _ in located for t in span}
        doc.extraction.places = sorted(
            doc.extraction.places + nationality_places(doc, taken, doc.stamp(self)),
            key=lambda place: place.span.start,
        )
        return doc


def nationality_places(doc: Document, taken: set[int], stamp: str) -> list[Place]:
    """The countries and continents the article names by their adjective ("French media", "a
    34-year-old German", :mod:`dateline.gazetteer.nationalities`), none at a token in
    ``taken``."""
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.nationalities import nationalities

    return [
        _place(doc, _toponym_of(span), entry, stamp)
        for span, entry in nationalities(doc.parsed, taken, load_gazetteer())
    ]


def own_country(doc: Document, taken: set[int], stamp: str) -> list[tuple[SpacySpan, Place]]:
    """ "the territory of our state", "our country", "our land" in the outlet's own voice (out
    of quotation marks) on a site whose country is known (president.gov.ua, kremlin.ru): the
    speaker's country, which is the outlet's ("Russian troops continued to strike at the
    territory of our state" in a Ukrainian president's address is in Ukraine); "our capital"
    is its capital ("partners ... visiting our capital")."""
    from dateline.countries import country_by_alpha2
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.outlets import outlet_country

    matches = list(_OUR_NOUN.finditer(doc.text))
    if not matches:
        return []
    article = doc.article
    code = outlet_country(article.url, article.source)
    country = country_by_alpha2(code) if code else None
    if country is None:
        return []
    gazetteer = load_gazetteer()
    entry = next((e for e in gazetteer.lookup(country.name) if e.feature == "country"), None)
    capital = next(
        (
            e
            for name in country.capitals[:1]
            for e in gazetteer.lookup(name)
            if e.feature == "town" and e.cc == code
        ),
        None,
    )
    found = []
    for match in matches:
        span = doc.parsed.char_span(match.start(), match.end())
        if span is None or span[-1].i in taken or _quoted(doc.text, match.start()):
            continue
        place = capital if match.group(1) in OWN_CAPITAL_NOUNS else entry
        if place is not None:
            found.append((span, _place(doc, _toponym_of(span), place, stamp)))
    return found


_OWN_NOUNS = "|".join(
    sorted(map(re.escape, OWN_COUNTRY_NOUNS | OWN_CAPITAL_NOUNS), key=len, reverse=True)
)
_OUR_NOUN = re.compile(rf"\b[Oo]ur ({_OWN_NOUNS})\b")


def _toponym_of(span: SpacySpan) -> Toponym:
    from dateline.gazetteer.resolve import Toponym

    return Toponym(span.start_char, span.end_char, span.text)


def _quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks in its paragraph (an odd number of them
    opens before it on its line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def recognise(doc: Document) -> list[SpacySpan]:
    """Toponym spans: place entities, as their names.

    The span is the name, as the geoparsing corpora and GeoNames write it: "Kursk" in "the
    Kursk region", "Helmand" in "the province of Helmand" (TR-News and GeoVirus leave the area
    word out: 15 and 29 of their dev halves' names followed by one, 13 and 16 with it, almost
    all US "County"), but "Laurel County", whose "County" is part of the name. The area word
    still tells resolution that the name is an area (:func:`dateline.gazetteer.clues.area_hint`).
    """
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.spotting import person_words, spot

    gazetteer = load_gazetteer()
    parsed = doc.parsed
    text = doc.text
    people = person_words(parsed)
    spans = []
    for ent in parsed.ents:
        event_end = _event_name_place(ent, text, gazetteer)
        if event_end is not None:  # "the Venice International Film Festival"
            spans.append(parsed[ent.start + (ent[0].lower_ == "the") : event_end])
            continue
        if (
            ent.label_ not in PLACE_LABELS
            and not _located_name(ent)
            and not _org_site(ent)
            and not _demonym_of_place(ent)
            and not _removed_from(ent)
        ):
            continue
        start, end = ent.start, ent.end
        if parsed[start].lower_ == "the" and end - start > 1:
            start += 1  # "the White House": the article is not part of the name
        if ent.text in COMPASS_WORDS or ent.text in NOT_PLACE_NAMES:
            continue
        while end - start > 1 and parsed[end - 1].lower_ in AREA_WORDS - NAME_AREA_WORDS:
            end -= 1  # "Sichuan province", "Kursk region"
        if (
            end - start > 2
            and parsed[start].lower_ in NAME_OF_WORDS
            and parsed[start + 1].lower_ == "of"
        ):
            start += 2  # "province of Helmand", "the City of Montreal"
        if _names_something_else(parsed, start, end):
            continue
        if (
            end - start == 1
            and parsed[start].lower_ in people
            and not _after_locative(parsed, start)
        ):
            continue  # "Georgia Stevens ... Georgia began skating": a person
        if _acronym_of_something_else(parsed[start:end], gazetteer):
            continue  # "at the UN": not Un, India
        start, end = _whole_name(parsed, gazetteer, start, end)
        start, end = _longer_area_name(parsed, gazetteer, start, end)
        if spans and spans[-1].end > start:
            continue  # "Jammu and Kashmir" from "Jammu" and from "Kashmir": one name
        if end - start > 2 and not gazetteer.lookup(parsed[start:end].text):
            end = _place_prefix(parsed, gazetteer, start, end)  # "Granville County Fire Marshal"
        spans.append(parsed[start:end])
    spans.extend(_datelines(doc, {t.i for span in spans for t in span}))
    taken = {t.i for span in spans for t in span}
    spans.extend(parsed[s:e] for s, e in spot(parsed, taken, gazetteer, people))
    spans.extend(_state_abbreviations(parsed, text, spans, gazetteer))
    return sorted(spans, key=lambda span: span.start)


#: the shortest state abbreviation taken in any context ("NSW"; "NT" and "SA" are too short)
ABBREVIATION_MIN_LETTERS = 3


def _state_abbreviations(
    parsed: SpacyDoc, text: str, spans: list[SpacySpan], gazetteer: Gazetteer
) -> list[SpacySpan]:
    """ "in regional NSW", "NSW Minister for Primary Industries": a state's hand-written
    abbreviation in capitals (``place_aliases.csv``), which the small model tags as a number or
    leaves untagged, is the state wherever it stands in a story that names a place of its
    country (the ACT exam is no Australian Capital Territory in a US story)."""
    abbreviations = _capital_abbreviations()
    if abbreviations is None:
        return []
    taken: set[int] = set()
    countries: set[str | None] | None = None  # the countries of the story's places, if needed
    found = []
    for match in abbreviations.finditer(text):  # the article's text (the Doc's is rebuilt)
        if countries is None:
            countries = {e.cc for span in spans for e in gazetteer.lookup(span.text)}
            taken = {t.i for span in spans for t in span}
        word = parsed.char_span(match.start(), match.end())
        if word is None or word.start in taken:
            continue
        if any(e.cc in countries and e.feature == "admin1" for e in gazetteer.lookup(word.text)):
            found.append(word)
    return found


@functools.cache
def _capital_abbreviations() -> re.Pattern[str] | None:
    """The admin1 aliases of ``place_aliases.csv`` written in capitals ("NSW", "ACT"), as one
    pattern of whole words (read once)."""
    from dateline.gazetteer.sources import data_rows

    words = sorted(
        row["alias"]
        for row in data_rows("place_aliases.csv")
        if row["feature"] == "admin1"
        and row["alias"].isupper()
        and row["alias"].isalpha()
        and len(row["alias"]) >= ABBREVIATION_MIN_LETTERS
    )
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None


#: area words that are part of a name: "Laurel County", "Jefferson Parish" (GeoNames' names)
NAME_AREA_WORDS = word_set("places", "recognise.name_area_words")
#: words before "of" that the name follows: "the province of Helmand", "the City of Montreal"
NAME_OF_WORDS = word_set("places", "recognise.name_of_words")
#: words before a place name that make it part of another name: "Real Madrid"
NAME_PREFIXES = word_set("places", "recognise.name_prefixes")
#: head words of sites: facilities, streets and natural features ("Bob Wills Museum",
#: "Hertford Road", "Mahim Bay"); not schools, hospitals and centres, which TR-News and
#: GeoVirus mostly leave out (2 of 9 hospitals, 0 of 15 schools and centres in their dev halves)
SITE_HEADS = word_set("places", "recognise.site_heads")
#: place nouns a country's adjective can name the country on: "Ukrainian cities"
DEMONYM_PLACE_NOUNS = word_set("places", "recognise.demonym_place_nouns")
#: first words of sites: "Fort Hood", "Lake Pontchartrain", "Mount Royal"
SITE_PREFIXES = word_set("places", "recognise.site_prefixes")
#: what the NER tags as a place and never is one in news: degrees after a name ("Murphy, M.D.")
NOT_PLACE_NAMES = word_set("places", "recognise.not_place_names")


#: labels the small model gives the name of a site a word of removal takes people out of
#: ("the evacuation of people from Azovstal": ORG)
SITE_LABELS = word_set("places", "recognise.site_labels")
#: Prepositions that make their object a location ("born in Churchill", "a fire at Danbury").
LOCATIVE = word_set("places", "recognise.locative_prepositions")


def _located_name(ent: SpacySpan) -> bool:
    """An ORG the small model got wrong: a gazetteer town or area after a locative preposition,
    alone or in a list ("in Danbury", "from Churchill, Man.", "into Darfur and Malakal"), or a
    state's abbreviation ("the NSW government"). Only names the gazetteer has as their own
    name or as a hand-written alias (``place_aliases.csv``)."""
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.sources import ALIAS, PRIMARY

    if ent.label_ != "ORG":
        return False
    entries = load_gazetteer().lookup(ent.text)
    if any(e.kind == ALIAS and e.feature == "admin1" for e in entries):
        return True  # "the NSW government": a state's hand-written abbreviation is the state
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "flying into Darfur and Malakal": the list shares the preposition
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE:
        return False
    return any(e.kind in (PRIMARY, ALIAS) and e.feature != "country" for e in entries)


def _removed_from(ent: SpacySpan) -> bool:
    """ "the evacuation of people from Azovstal", "rescued from Azovstal": a name after "from"
    under a word of removal is the place people or things are taken out of, whatever the small
    model tagged it (a plant, a camp, a building the gazetteer lacks; resolution puts it at the
    town or area of its story)."""
    return ent.label_ in SITE_LABELS and _taken_out_of(ent.root)


def _taken_out_of(root: Token) -> bool:
    """Whether ``root`` is the object of "from" after a word of removal ("the evacuation of
    people from Azovstal", "evacuated from Azovstal and Mariupol")."""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in ORIGIN_PREPOSITIONS:
        return False
    word = root.head.head
    if word.dep_ == "pobj" and word.head.lower_ == "of":
        word = word.head.head  # "the evacuation of people from Azovstal"
    return word.lemma_.lower() in REMOVAL_WORDS


def _datelines(doc: Document, taken: set[int]) -> list[SpacySpan]:
    """News datelines: a paragraph opening with a place in capitals ("DETROIT The U.S. ...",
    "BERLIN (Reuters) -"), which the small model rarely tags."""
    from dateline.gazetteer import load_gazetteer

    parsed = doc.parsed
    found = []
    for paragraph in doc.paragraphs[:DATELINE_PARAGRAPHS]:
        span = parsed.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
        if span is None:
            continue
        end = span.start
        while (
            end < span.end
            and end - span.start < DATELINE_MAX_TOKENS
            and parsed[end].is_upper
            and parsed[end].is_alpha
        ):
            end += 1
        if end == span.start or any(i in taken for i in range(span.start, end)):
            continue
        words = parsed[span.start : end]
        if len(words.text) >= 4 and any(e.kind == 0 for e in load_gazetteer().lookup(words.text)):
            found.append(words)
    return found


#: Heads of names that contain a toponym but name no place: treaties, formats, newspapers.
#: ("Ontario Premier", "Toronto police" stay places: they locate an office or a force.)
NAME_HEADS = word_set("places", "recognise.name_heads")


def _names_something_else(parsed: SpacyDoc, start: int, end: int) -> bool:
    """ "the Geneva Convention", "Tehran University", "Ohio State University", "the University
    of Iowa", "Real Madrid": the toponym is only part of another name."""
    after = [t for t in parsed[end : end + 2] if t.is_title]
    if after and (
        after[0].lower_ in NAME_HEADS
        or (len(after) == 2 and after[0].lower_ == "state" and after[1].lower_ in NAME_HEADS)
    ):
        return True
    before = parsed[max(0, start - 2) : start]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].is_title:
        return before[0].lower_ in NAME_HEADS  # "University of Iowa"
    return bool(before) and before[-1].is_title and before[-1].lower_ in NAME_PREFIXES


def _demonym_of_place(ent: SpacySpan) -> bool:
    """ "Ukrainian cities", "Syrian territory", "the Indonesian coast": a country's adjective on
    a place noun names the country as a place (it is annotated so in TR-News, and the places of
    "Russians continue to destroy Ukrainian cities" are Ukraine's). A nationality of people or
    things ("Russian forces", "Turkish media") is no place."""
    from dateline.countries import country_by_demonym

    if ent.label_ != "NORP" or ent.end >= len(ent.doc) or country_by_demonym(ent.text) is None:
        return False
    after = ent.doc[ent.end]
    return after.pos_ == "NOUN" and after.lemma_.lower() in DEMONYM_PLACE_NOUNS


def _place_prefix(parsed: SpacyDoc, gazetteer: Gazetteer, start: int, end: int) -> int:
    """Where the place name that opens a longer name ends ("Granville County" in "Granville
    County Fire Marshal Doug Logan"), or ``end`` when none does or the name is a site's."""
    if is_site(parsed[start:end].text):
        return end
    for stop in range(end - 1, start, -1):
        if "-" in (parsed[stop - 1].text, parsed[stop].text):
            continue  # "Lend-" of "Lend-Lease": a part of a hyphened name is no name
        if any(
            e.kind <= 1 and e.feature != "country"
            for e in gazetteer.lookup(parsed[start:stop].text)
        ):
            return stop
    return end


#: entity labels an event's name gets from the small model ("the Venice International Film
#: Festival" is EVENT, ORG or WORK_OF_ART)
EVENT_NAME_LABELS = word_set("places", "recognise.event_name_labels")
#: events are named after towns the world knows ("Venice", "Cannes"), not after hamlets that
#: share a word of the event's name ("Grand" in "the Grand Prix")
EVENT_TOWN_POPULATION = 50_000


def _event_name_place(ent: SpacySpan, text: str, gazetteer: Gazetteer) -> int | None:
    """The end of the place name that opens an event's name ("Venice" in "the Venice
    International Film Festival"; TR-News annotates it), or None."""
    from dateline.gazetteer.clues import EVENT_WORDS, names_event

    if ent.label_ not in EVENT_NAME_LABELS or not re.search(EVENT_WORDS, ent.text):
        return None
    start = ent.start + (ent[0].lower_ == "the")
    for stop in range(min(ent.end - 1, start + EVENT_PLACE_TOKENS), start, -1):
        span = ent.doc[start:stop]
        if names_event(text, span.end_char) and any(
            e.kind <= 1
            and (e.feature in ("country", "admin1") or e.population >= EVENT_TOWN_POPULATION)
            for e in gazetteer.lookup(span.text)
        ):
            return stop
    return None


def _org_site(ent: SpacySpan) -> bool:
    """An organisation's name that is a site's: "the Bob Wills Museum", "Fort Hood", "Mahim
    Bay" (the small model tags many as ORG)."""
    return ent.label_ in ("ORG", "PERSON", "PRODUCT") and is_site(ent.text.removeprefix("the "))


def _acronym_of_something_else(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """A short all-capital name that is no country's or area's code or alias ("UN", "EU",
    "WHO"): the gazetteer's towns spelt so ("Un", India) are not what news means by it."""
    text = span.text.replace(".", "")
    if not (text.isupper() and len(text) <= 4):
        return False
    return not any(e.feature != "town" or e.kind == 3 for e in gazetteer.lookup(span.text))


def _after_locative(parsed: SpacyDoc, start: int) -> bool:
    return start > 0 and parsed[start - 1].lower_ in LOCATIVE


#: the most words a country's or area's long name adds to the NER's span ("Democratic
#: Republic of the" before "Congo", "and Kashmir" after "Jammu")
LONG_NAME_TOKENS = 4
#: the small words inside a country's or area's long name ("Republic of the Congo")
LONG_NAME_JOINERS = word_set("places", "recognise.long_name_joiners")


def _longer_area_name(
    parsed: SpacyDoc, gazetteer: Gazetteer, start: int, end: int
) -> tuple[int, int]:
    """The country's or admin1 area's long name the NER's span is the end or the start of:
    "the Republic of Congo" (not the bare "Congo", which news also uses for its neighbour),
    "the Democratic Republic of Congo", "the Indian state of Jammu and Kashmir". Only
    capitalised words, "of", "the" and "and" are taken, and only when the longer name is a
    country or admin1 area of the gazetteer."""

    def joins(token: Token) -> bool:
        return token.is_title or token.lower_ in LONG_NAME_JOINERS

    def area(first: int, last: int) -> bool:
        words = parsed[first:last]
        return (
            words[0].is_title
            and words[-1].is_title
            and any(e.feature in ("country", "admin1") for e in gazetteer.lookup(words.text))
        )

    # look further only where the next word could carry the name on
    left = start > 0 and joins(parsed[start - 1])
    right = end < len(parsed) and joins(parsed[end])
    for extra in range(LONG_NAME_TOKENS, 1, -1):
        first = start - extra
        if left and first >= 0 and all(joins(t) for t in parsed[first:start]) and area(first, end):
            return first, end
        last = end + extra
        if (
            right
            and last <= len(parsed)
            and all(joins(t) for t in parsed[end:last])
            and area(start, last)
        ):
            return start, last
    return start, end


def _whole_name(parsed: SpacyDoc, gazetteer: Gazetteer, start: int, end: int) -> tuple[int, int]:
    """The NER's span widened to the gazetteer name or the part it is the end of: "Goz Beida"
    for "Beida", "Ilocos Sur" for "Ilocos", "San Juan Bautista" for "San Juan", "North London"
    and "Southern California" (a part of the place, resolved to it)."""
    for new_start, new_end in ((start - 1, end), (start, end + 1), (start - 1, end + 1)):
        if new_start < 0 or new_end > len(parsed):
            continue
        extra = [parsed[new_start]] if new_start < start else []
        extra += [parsed[end]] if new_end > end else []
        if not all(
            t.is_title and t.is_alpha and not t.is_sent_start and t.lower_ not in ("the", "a")
            for t in extra
        ):
            continue
        text = parsed[new_start:new_end].text
        if any(e.kind <= 1 for e in gazetteer.lookup(text)):
            return new_start, new_end
    if (
        start > 0
        and parsed[start - 1].is_title
        and parsed[start - 1].lower_ in PART_WORDS
        and not any(e.feature == "country" for e in gazetteer.lookup(parsed[start:end].text))
    ):
        return start - 1, end  # "North London", "Southern California" (not "Western Canada")
    return start, end


def resolve_spans(
    doc: Document,
    offsets: list[tuple[int, int]],
    stage: PlacesStage | None = None,
    *,
    known_toponyms: bool = False,
) -> list[Place | None]:
    """Resolve the toponyms at the given character offsets, each in the context of the others
    and of the article's demonyms. Used by the stage and by ``dateline eval places`` (gold
    spans): one toponym that has no gazetteer entry gets None and changes nothing else, unless
    it is a site or a place the words around it make one (the town or area of its story
    stands in); ``known_toponyms`` (gold spans) says every span is a place."""
    from dateline.gazetteer import load_gazetteer
    from dateline.gazetteer.clues import lists, toponyms_at
    from dateline.gazetteer.outlets import outlet_country
    from dateline.gazetteer.resolve import resolve_toponyms

    gazetteer = load_gazetteer()
    text = doc.text
    toponyms = toponyms_at(text, offsets)
    article = doc.article
    entries = resolve_toponyms(
        gazetteer,
        toponyms,
        demonym_countries=(demonyms := _demonym_countries(doc)),
        outlet=outlet_country(article.url, article.source),
        groups=(groups := lists(text, offsets)),
    )
    listed = {i for group in groups for i in group}
    stamp = f"{PlacesStage.name}@{PlacesStage.version}" if stage is None else doc.stamp(stage)
    places = [
        None if entry is None else _place(doc, toponym, entry, stamp)
        for toponym, entry in zip(toponyms, entries, strict=True)
    ]
    countries: dict[str, str | None] = {}  # name -> the article's country without it
    for index, toponym in enumerate(toponyms):
        entry = entries[index]
        if entry is not None and entry.feature != "town":
            continue  # only a town can be a namesake abroad
        # the article's country as its *other* names tell it: a namesake abroad named three
        # times ("the Crescent" in a north-London story) must not vote for its own country
        if toponym.text not in countries:
            others = [e for e, t in zip(entries, toponyms, strict=True) if t.text != toponym.text]
            countries[toponym.text] = _main_country(others) or (
                None
                if index in listed  # "the Zaïre, Bundibugyo, Côte d'Ivoire and Sudan strains"
                else _unnamed_country_elsewhere(entry, others, demonyms)
            )
        country = countries[toponym.text]
        if entry is not None and not _obscure_namesake_abroad(entry, toponym, country):
            continue
        places[index] = None  # a namesake abroad is worse than nothing
        if is_site(toponym.text) or (entry is None and _site_taken_out_of(doc, toponym)):
            town = _context_town(entries, index)
            if town is not None:
                places[index] = _site(doc, toponym, town, stamp, "facility")
        elif (
            known_toponyms
            or (_placed_by_words(text, toponym) and not _modifies_a_noun(doc, toponym))
        ) and (
            area := _context_area(entries, index, country) or _story_town(entries, index, country)
        ) is not None:
            places[index] = _site(doc, toponym, area, stamp, "town")
    return places


#: the words around a name the gazetteer lacks that still make it a place: "the village of
#: Xinmo", "in Kampungu", "the Wedza district"
_PLACE_BEFORE = re.compile(
    r"""(?:\b(?:in|at|near|outside|from|to)\s+(?:the\s+)?
    |\b(?:village|town|city|district|province|region|suburb|township|county|state)s?\s+of\s+)\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"\s+(?:district|county|province|region|village|township|state|prefecture)\b", re.IGNORECASE
)


def _site_taken_out_of(doc: Document, toponym: Toponym) -> bool:
    """ "the evacuation of people from Azovstal": a name the gazetteer lacks that people are
    taken out of is a site (a plant, a camp) of its story's town, as a site by its head word
    is."""
    tokens = doc.parsed.char_span(toponym.start, toponym.end, alignment_mode="expand")
    return tokens is not None and _taken_out_of(tokens.root)


def _modifies_a_noun(doc: Document, toponym: Toponym) -> bool:
    """ "in the Scientology propaganda publication": a name the gazetteer lacks that modifies
    the noun after it names what the noun is of, not where something is (unless the noun is an
    area's or a site's: "the Wedza district", "Abu Shok refugee camp")."""
    tokens = doc.parsed.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if tokens is None or tokens.root.dep_ != "compound" or tokens.root.head.i < tokens.end:
        return False
    noun = tokens.root.head.lemma_.lower()  # "the Wedza district", "Abu Shok refugee camp"
    return noun not in SITE_HEADS and not _PLACE_AFTER.match(" " + noun)


def _placed_by_words(text: str, toponym: Toponym) -> bool:
    return bool(
        _PLACE_BEFORE.search(text, max(0, toponym.start - PLACE_WORDS_CHARS), toponym.start)
        or _PLACE_AFTER.match(text, toponym.end)
    )


#: the share of an article's other places in one country that makes it the article's country
MAIN_COUNTRY_SHARE = 0.75
MAIN_COUNTRY_MIN = 3
#: a town smaller than this in another country than the article's is a namesake, not what the
#: article means ("Crescent" in a north-London story is no Crescent, Oklahoma)
OBSCURE_POPULATION = 50_000


def _main_country(entries: list[PlaceEntry | None]) -> str | None:
    """The country of at least ``MAIN_COUNTRY_SHARE`` of the article's resolved places."""
    found = Counter(e.cc for e in entries if e is not None and e.cc)
    if not found:
        return None
    cc, n = found.most_common(1)[0]
    total = sum(found.values())
    return cc if n >= MAIN_COUNTRY_MIN and n >= MAIN_COUNTRY_SHARE * total else None


def _unnamed_country_elsewhere(
    entry: PlaceEntry | None, others: list[PlaceEntry | None], demonyms: Counter[str]
) -> str | None:
    """With no country holding most of the article's places, the country most of them are in
    when a small town's own country is named nowhere else in the article, by no place and no
    adjective: "the Itsu sushi restaurant in Piccadilly" in a London and Moscow story is no
    Piccadilly, Western Australia (a story about a town abroad names its country)."""
    if entry is None or entry.population >= OBSCURE_POPULATION or demonyms[entry.cc or ""]:
        return None
    found = Counter(e.cc for e in others if e is not None and e.cc)
    if not found or entry.cc in found:
        return None
    cc, n = found.most_common(1)[0]
    return cc if n >= MAIN_COUNTRY_MIN else None


def _obscure_namesake_abroad(entry: PlaceEntry, toponym: Toponym, country: str | None) -> bool:
    """A small town abroad, for a name of which the article's own country has no place: the
    gazetteer lacks what the article means ("in Piccadilly" in a London story, the "St. Nicolas"
    hospital of St. Marc, Haiti), so the place the article is about stands in."""
    return (
        country is not None
        and entry.feature == "town"
        and entry.cc != country
        and entry.population < OBSCURE_POPULATION
        and not any(c.cc == country for c in toponym.candidates)
    )


def _context_area(
    entries: list[PlaceEntry | None], index: int, country: str | None
) -> PlaceEntry | None:
    """The area a place the gazetteer lacks lies in, as the article tells it: the nearest
    county, admin1 area or region named before it (or after it), in the article's country
    when it has one ("the village of Xinmo" in a Sichuan story, "Kampungu" in one about
    Kasai-Occidental). Villages and neighbourhoods missing from cities500 get that area's
    point; the record keeps the name the text gives and no geonameid."""

    def fits(e: PlaceEntry | None) -> bool:
        return (
            e is not None
            and e.feature in ("admin2", "admin1", "region")
            and (country is None or e.cc == country)
        )

    before = [e for e in entries[max(0, index - SITE_REACH) : index] if fits(e)]
    if before:
        return before[-1]
    after = [e for e in entries[index + 1 : index + 1 + SITE_REACH] if fits(e)]
    return after[0] if after else None


def _story_town(
    entries: list[PlaceEntry | None], index: int, country: str | None
) -> PlaceEntry | None:
    """With no area named, the nearest town of the article's country named before it (else
    after it): a neighbourhood or street the gazetteer lacks ("in Piccadilly" beside London,
    "the Crescent" in an Edmonton, London, story) lies in the town the story is told from."""
    if country is None:
        return None
    nearby = [
        *reversed(entries[max(0, index - SITE_REACH) : index]),
        *entries[index + 1 : index + 1 + SITE_REACH],
    ]
    return next((e for e in nearby if e and e.feature == "town" and e.cc == country), None)


def is_site(text: str) -> bool:
    """A facility, street or natural feature by its head word: "Bob Wills Museum", "Hertford
    Road", "Fort Hood", "Mahim Bay" (:data:`SITE_HEADS`, :data:`SITE_PREFIXES`)."""
    words = text.replace("-", " ").split()
    if len(words) < 2:
        return False
    return words[-1].lower().rstrip(".") in SITE_HEADS or words[0].lower() in SITE_PREFIXES


#: how far (in toponyms) a site looks for the town of its story
SITE_REACH = 6


def _context_town(entries: list[PlaceEntry | None], index: int) -> PlaceEntry | None:
    """The town a site without a gazetteer entry of its own lies in, as the article tells it:
    the nearest town named before it, else after it, else the nearest county or state (streets
    and neighbourhoods are placed when the article's town is known; GeoVirus and TR-News put
    such sites within a few km of it)."""
    for features in (("town",), ("admin2", "admin1"), ("region", "country")):  # most specific
        before = [
            e for e in entries[max(0, index - SITE_REACH) : index] if e and e.feature in features
        ]
        if before:
            return before[-1]
        after = [
            e for e in entries[index + 1 : index + 1 + SITE_REACH] if e and e.feature in features
        ]
        if after:
            return after[0]
    return None


def _site(doc: Document, toponym: Toponym, town: PlaceEntry, stamp: str, feature: str) -> Place:
    return Place(
        span=doc.span(toponym.start, toponym.end),
        name=toponym.text,
        feature=feature,  # type: ignore[arg-type]
        country=town.alpha3,
        admin1=town.admin1,
        lat=town.lat,
        lon=town.lon,
        geonameid=None,  # the site's own entry is unknown; the point is its town's
        sentence=doc.sentence_at(toponym.start),
        stage=stamp,
    )


def _demonym_countries(doc: Document) -> Counter[str]:
    from dateline.countries import country_by_demonym

    found: Counter[str] = Counter()
    for ent in doc.parsed.ents:
        if ent.label_ == "NORP":
            country = country_by_demonym(ent.text)
            if country is not None:
                found[country.alpha2] += 1
    return found


def _place(doc: Document, toponym: Toponym, entry: PlaceEntry, stamp: str) -> Place:
    feature = (
        entry.feature if entry.feature in SPECIFICITY or entry.feature == "continent" else "town"
    )
    return Place(
        span=doc.span(toponym.start, toponym.end),
        name=entry.name,
        feature=feature,  # type: ignore[arg-type]
        country=entry.alpha3,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        sentence=doc.sentence_at(toponym.start),
        stage=stamp,
    )


def event_place(doc: Document, trigger: Token) -> EventPlace | None:
    """Where the event whose trigger is ``trigger`` happened, or None when the text says not.

    Only a place the text puts something at counts (:func:`anchor_of`: "in Kyiv", "shelled
    Kharkiv", "a visit to Moscow", "a Montreal jail"), not one an event is about ("sanctions on
    Russia", "cooperation with Argentina", "his Ukraine envoy"), and it locates what it is
    attached to. In order (the records gold's D18: the place where the event happened, as
    named in the text; a title's event takes the place the body tells it at, see
    :func:`_told_in_body`):

    1. a place that locates the trigger or its clause ("clause"), the first named (the records
       gold's D48; a country gives way to a place in it named after it): "met Guterres in
       Kyiv", "Montreal marijuana shop raids", "shelled Kharkiv and Sumy";
    2. one that locates a clause holding the trigger's or an adverbial clause under it, or a
       participant of its clause ("sentence"): "RCMP in Manitoba had detained the suspect when
       his vehicle went off the road near the town of Virden", "visited city hospitals in
       Mykolaiv"; a place of another event locates that event only ("investigate the genocide
       in Rwanda"); of several, the most specific, then the nearest;
    3. the article's dateline ("ADDIS ABABA, Ethiopia (AP) _"), which places the events it
       introduces ("article");
    4. the place of the last sentence before it in its paragraph that placed a main clause
       (the first it named), unless told of an older time ("we met in January 2020 at events in
       Israel" places nothing of today, nor does "the program which once helped protect
       freedom in Europe") or of the future ("the evacuees will arrive in Zaporizhzhia
       tomorrow"); for the title, which tells
       the story of the first paragraphs, the first one there ("paragraph"). Not for an act of
       speech or a meeting ("thank", "discussed", "talks"): it happens where the speakers are,
       not where the events they speak of did;
    5. the place the article is set in ("article", :func:`article_setting`).
    """
    located: list[tuple[int, int, Place]] = doc.notes.get(NOTE_TOKENS, [])
    if not located:
        return None
    return _event_place(doc, trigger, located)


def _told_in_body(
    doc: Document, trigger: Token, located: list[tuple[int, int, Place]]
) -> EventPlace | None:
    """A title's event takes the place the body tells it at (the records gold's D18: "Asylum
    seekers rescued off Indonesian coast" over "fishermen rescued ... along the coast of Aceh"):
    that of the body's first mention of its trigger word, when its clause or sentence has one."""
    body = doc.paragraphs[1].start
    words = {trigger.lemma_.lower(), trigger.lower_}  # a title's lemmas may be its words
    for token in trigger.doc[trigger.i + 1 :]:
        if token.idx >= body and {token.lemma_.lower(), token.lower_} & words:
            found = _event_place(doc, token, located)
            return (
                found if found is not None and found.precision in ("clause", "sentence") else None
            )
    return None


@dataclass(frozen=True, slots=True)
class _Located:
    """A place of the article with what event linking reads of it, worked out once per
    article (:func:`_located`): the token it starts at, what it locates, and whether it is a
    dateline and may carry on to later sentences (a main clause's, neither future nor a
    flashback's)."""

    start: int
    place: Place
    anchor: Token | None
    dateline: bool
    carries: bool


def _located(doc: Document, located: list[tuple[int, int, Place]]) -> list[_Located]:
    cached: list[_Located] | None = doc.notes.get(NOTE_LOCATED)
    if cached is None:
        parsed = doc.parsed
        cached = []
        for start, end, place in located:
            span = parsed[start:end]
            anchor = anchor_of(span)
            carries = (
                anchor is not None
                and _main_clause(anchor)
                and not _future(anchor)
                and not _told_of_before(doc, place)
            )
            cached.append(_Located(start, place, anchor, _is_dateline(span), carries))
        doc.notes[NOTE_LOCATED] = cached
    return cached


def _event_place(
    doc: Document, trigger: Token, located: list[tuple[int, int, Place]]
) -> EventPlace | None:
    if len(doc.paragraphs) > 1 and trigger.idx < doc.paragraphs[0].end:
        told = _told_in_body(doc, trigger, located)
        if told is not None:
            return told
    places = _located(doc, located)
    clause = _clause_head(trigger)
    sentence = trigger.sent
    own: list[tuple[int, Place]] = []
    near: list[tuple[int, Place]] = []
    for item in places:
        if not sentence.start <= item.start < sentence.end or item.anchor is None:
            continue
        anchor = item.anchor
        if (
            anchor in (trigger, clause)
            or (_clause_head(anchor) == clause and anchor.is_ancestor(trigger))
            or _describes(anchor, trigger)
        ):
            own.append((item.start, item.place))
        elif _locates_around(anchor, trigger, clause):
            near.append((item.start, item.place))
    if own:
        return EventPlace(place=_first_named(own), precision="clause")
    if near:
        _, place = min(
            near, key=lambda item: (SPECIFICITY.get(item[1].feature, 6), abs(item[0] - trigger.i))
        )
        return EventPlace(place=place, precision="sentence")
    # the paragraph's place before the dateline's: a local outlet's story of an attack abroad
    # ("GEORGETOWN, Ky. - ... A gunman opened fire on police on Paris' ... boulevard. The
    # attack left one officer dead") tells its events where they happened (the records gold's
    # D56), and a dateline that is the place does not lose to an earlier one of its paragraph
    paragraph = doc.paragraph_at(trigger.idx)
    if paragraph is not None and trigger.lemma_.lower() not in SPEECH_ACTS:
        before = [
            (item.start, item.place)
            for item in places
            if item.carries
            and not item.dateline
            and item.start < trigger.i
            and item.place.span.start >= paragraph.start
        ]
        if before:  # the place of the last sentence that placed something, the first it named
            last = before[-1][1].sentence
            return EventPlace(
                place=_first_named([(s, p) for s, p in before if p.sentence == last]),
                precision="paragraph",
            )
    datelines = [item.place for item in places if item.dateline]
    if datelines:
        return EventPlace(place=datelines[0], precision="article")
    if (
        paragraph is not None
        and trigger.lemma_.lower() not in SPEECH_ACTS
        and doc.paragraphs
        and paragraph.start == doc.paragraphs[0].start
    ):  # the title tells the story of the first paragraphs: the first place there
        end = doc.lede_end()
        lede = [
            item.place
            for item in places
            if item.carries and paragraph.end <= item.place.span.start < end
        ]
        if lede:
            return EventPlace(place=lede[0], precision="paragraph")
    setting = article_setting(doc)
    return EventPlace(place=setting, precision="article") if setting is not None else None


def _describes(anchor: Token, trigger: Token) -> bool:
    """ "the first meeting set to take place in Christchurch": a clause that modifies the
    trigger's noun (through open and adverbial clauses, not a relative clause, which tells of
    another event) says where it happens."""
    current = anchor
    while current.dep_ in ("advcl", "xcomp") and current.head is not current:
        current = current.head
    return current.dep_ == "acl" and current.head == trigger


def _first_named(group: list[tuple[int, Place]]) -> Place:
    """The first place named (the records gold's D48: one place, the first named), unless it
    is a country or region that a later one lies in ("in Ukraine's Kharkiv region")."""
    ordered = [place for _, place in sorted(group, key=lambda item: item[0])]
    first = ordered[0]
    if first.feature in ("country", "region", "continent"):
        inside = [
            p
            for p in ordered[1:]
            if p.country == first.country and p.feature not in ("country", "region", "continent")
        ]
        if inside:
            return inside[0]
    return first


def _locates_around(anchor: Token, trigger: Token, clause: Token) -> bool:
    """A place attached to a clause that holds the trigger's, to an adverbial clause under it,
    or to a noun of the trigger's clause."""
    if anchor.pos_ in ("VERB", "AUX"):
        if anchor.is_ancestor(clause):
            return True
        if (
            anchor.dep_ == "relcl"
            and anchor.lemma_.lower() in MOVEMENT_WORDS | ENCOUNTER_WORDS
            and _clause_head(anchor.head) == clause
        ):  # "discussed ... with Speaker Nancy Pelosi who visited Kyiv": where they met
            return True
        current = anchor  # an adverbial clause under the trigger's, however deep
        while current.dep_ in ("advcl", "xcomp", "conj") and current.head is not current:
            current = current.head
            if current == clause:
                return True
        return False
    # a noun of the trigger's clause: its participants are where it happens ("visited city
    # hospitals in Mykolaiv", "aid to people in Ukraine", "RCMP in Manitoba had detained"),
    # but another event is somewhere of its own ("investigate the genocide in Rwanda")
    lemma = anchor.lemma_.lower()
    if _circumstance_of(anchor, (trigger.i, clause.i)):
        return True
    return (
        _clause_head(anchor) == clause
        and lemma not in PLACE_ACTS | EVENT_NOUNS
        and not _in_another_event(anchor, trigger, clause)
    )


def _in_another_event(noun: Token, trigger: Token, clause: Token) -> bool:
    """ "investigate the genocide of more than 500,000 minority Tutsis in Rwanda": a noun
    inside another event's phrase is where that event happened."""
    current = noun.head
    while current.i not in (trigger.i, clause.i) and current.head.i != current.i:
        if current.pos_ == "NOUN" and current.lemma_.lower() in PLACE_ACTS | EVENT_NOUNS:
            return True
        current = current.head
    return False


def _circumstance_of(anchor: Token, heads: tuple[int, ...]) -> bool:
    """ "told Putin about his contacts ... during his recent visit to Kiev", "signed at a
    summit in Brussels": an event the trigger or its clause happens during or at is where it
    happens (``heads``: the token indexes of the trigger and its clause's head)."""
    preposition = anchor.head
    return (
        anchor.dep_ == "pobj"
        and preposition.lower_ in CIRCUMSTANCE_PREPOSITIONS
        and preposition.head.i in heads
    )


def _starts_a_name(token: Token) -> bool:
    """A capitalised word right after a place name that carries the name on ("Council" in "the
    Arctic Council"), not an area word ("the Kursk Region") nor the next sentence, nor a site's
    name, which the place locates ("the Laurel County Detention Center")."""
    if not (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.is_sent_start
        and token.lower_ not in AREA_WORDS
    ):
        return False
    name = [token]
    while name[-1].i + 1 < len(token.doc) and token.doc[name[-1].i + 1].is_title:
        name.append(token.doc[name[-1].i + 1])
    return name[-1].lower_.rstrip(".") not in SITE_HEADS | NAMED_SITE_HEADS


def _speakers_there(anchor: Token) -> bool:
    """ "welcome you to Moscow", "we are meeting here": the speakers of the text meet there;
    so do they where the one they meet is ("I discussed ... with Nancy Pelosi who visited
    Kyiv": the clause a relative clause hangs from)."""
    clause = _clause_head(anchor)
    clauses = [clause]
    if clause.dep_ == "relcl" and clause.head is not clause:
        clauses.append(_clause_head(clause.head))
    return any(
        t.lower_ in FIRST_SECOND_PERSON
        for t in (*anchor.children, *(c for head in clauses for c in head.children))
    )


def _future(token: Token) -> bool:
    """ "the evacuees will arrive in Zaporizhzhia tomorrow": not where anyone is yet."""
    verb = _clause_head(token)
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def _main_clause(token: Token) -> bool:
    """A token of a main clause: its clause is the root, coordinated with it or its open
    complement ("troops continued to strike at ...")."""
    verb = _clause_head(token)
    while verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        verb = _clause_head(verb.head)
    return verb.dep_ == "ROOT"


def _told_of_before(doc: Document, place: Place) -> bool:
    """A place in a sentence that names a time more than a week before the article date: a
    flashback, which places nothing of the story's own time."""
    dct = doc.article.date
    sentence = place.sentence
    return any(
        sentence.start <= t.span.start < sentence.end
        and t.latest is not None
        and (dct - t.latest).days > FLASHBACK_DAYS
        for t in doc.extraction.times
    )


#: how long before the article date a time named with a place makes the place a flashback's
FLASHBACK_DAYS = 7
LOCATIVE_PREPOSITIONS = word_set("places", "event.locative_prepositions")
DESTINATION_PREPOSITIONS = word_set("places", "event.destination_prepositions")
#: "evacuated from Azovstal", "rescued from the rubble": the origin is where the act happens
ORIGIN_PREPOSITIONS = word_set("places", "event.origin_prepositions")
#: "on Paris' Champs-Elysees boulevard": on a street is where something happens
STREET_PREPOSITIONS = word_set("places", "event.street_prepositions")
STREET_HEADS = word_set("places", "recognise.street_heads")
MOVEMENT_WORDS = word_set("places", "event.movement_words")
REMOVAL_WORDS = word_set("places", "event.removal_words")
PLACE_ACTS = word_set("places", "event.place_acts")
EVENT_NOUNS = word_set("places", "event.event_nouns")
PLACE_NOUNS = word_set("places", "event.place_nouns")
#: acts of speech and meetings: they happen where the speakers are (see event_place)
SPEECH_ACTS = word_set("places", "event.speech_acts")
#: words of meeting and receiving: a place they have sets the article (see article_setting)
ENCOUNTER_WORDS = word_set("places", "event.encounter_words")
FIRST_SECOND_PERSON = word_set("places", "event.first_second_person")
#: local bodies a town's name before them places ("Montreal police", "the Laurel County
#: Sheriff's Office"): what they do, they do there
LOCAL_BODIES = word_set("places", "event.local_bodies")
#: last words of named sites a place name in them locates ("the Laurel County Detention
#: Center", "Bantam Superior Court"), besides the site heads
NAMED_SITE_HEADS = word_set("places", "event.named_site_heads")
#: prepositions that make the event after them the time and place of the one before ("talks
#: during a visit to Kyiv", "signed at a summit in Brussels")
CIRCUMSTANCE_PREPOSITIONS = word_set("places", "event.circumstance_prepositions")
#: entity labels of names a place name can be part of without locating anything
NAME_LABELS = word_set("places", "event.name_labels")


def article_setting(doc: Document) -> Place | None:
    """The place the article is set in: its dateline's, else where its people meet ("welcome
    you to Moscow", "we are meeting here, at Vostochny"; the most specific of those), else the
    first place the text puts something at, the most specific of its sentence (a local story's
    town; cached in ``doc.notes``). Only the title and the lede set an article, or a meeting
    of the text's own speakers ("I want to welcome you to Moscow"): a visit told of further down
    is a part of the story, not its setting. Flashbacks set nothing."""
    if NOTE_SETTING in doc.notes:
        setting: Place | None = doc.notes[NOTE_SETTING]
        return setting
    parsed = doc.parsed
    located: list[tuple[int, int, Place]] = [
        (s, e, p)
        for s, e, p in doc.notes.get(NOTE_TOKENS, [])
        if parsed[s].lower_ != "our"  # "our country" (own_country) is no setting
    ]
    datelines = [p for s, e, p in located if _is_dateline(parsed[s:e])]
    setting = None
    lede_end = doc.lede_end() or len(doc.text)
    if datelines:
        setting = datelines[0]
    else:
        met = [
            p
            for s, e, p in located
            if not _told_of_before(doc, p)
            and (anchor := anchor_of(parsed[s:e])) is not None
            and anchor.lemma_.lower() in ENCOUNTER_WORDS
            and not _future(anchor)
            and (p.span.start < lede_end or _speakers_there(anchor))
        ] or [
            p
            for s, e, p in located
            if p.span.start < lede_end
            and not _told_of_before(doc, p)
            and (come := _come_here(parsed[s:e].sent)) is not None
            and not _future(come)
        ]
        placed = [
            p
            for s, e, p in located
            if p.span.start < lede_end
            and (anchor := anchor_of(parsed[s:e])) is not None
            and not _future(anchor)
            and not _told_of_before(doc, p)
        ]
        if met:  # "meet with you in Moscow" after "Welcome to Russia": the most specific
            setting = min(met, key=lambda p: SPECIFICITY.get(p.feature, 6))
        elif placed:
            first = [p for p in placed if p.sentence == placed[0].sentence]
            setting = min(first, key=lambda p: SPECIFICITY.get(p.feature, 6))
    doc.notes[NOTE_SETTING] = setting
    return setting


def _come_here(sentence: SpacySpan) -> Token | None:
    """ "Thank you very much for coming here, to the Russian Far East, to ... our new Vostochny
    Cosmodrome": a word of meeting with "here" in a sentence of the lede says the article's
    people are at the place that sentence names, however the parser attached the name (the
    word of meeting, or None)."""
    return next(
        (
            t.head
            for t in sentence
            if t.lower_ == "here"
            and t.dep_ == "advmod"
            and t.head.lemma_.lower() in ENCOUNTER_WORDS
        ),
        None,
    )


def anchor_of(span: SpacySpan) -> Token | None:
    """What the place ``span`` names is the place of (:func:`_anchor`), climbing from a noun
    that is itself somewhere to what is there: "went off the road near the town of Virden"
    locates the going."""
    anchor = _anchor(span)
    for _ in range(ANCHOR_HOPS):
        if anchor is None or anchor.pos_ != "NOUN" or anchor.dep_ != "pobj":
            break
        preposition = anchor.head
        if preposition.lower_ not in LOCATIVE_PREPOSITIONS or preposition.head is preposition:
            break
        anchor = preposition.head
    return anchor


def _anchor(span: SpacySpan) -> Token | None:
    """What the place ``span`` names is the place of, or None when the text puts nothing at it:
    the head of a locative preposition ("met in Kyiv", "a loudspeaker in South Korea"), the
    word of movement before a preposition of destination ("a visit to Moscow", "welcome you to
    Moscow"), the word of removal before "from" ("evacuation of people from Azovstal"), the
    verb that acts on it ("shelled Kharkiv", "Kharkiv was shelled"), the common noun it
    modifies when that noun is itself located, is an event or a local body ("a Montreal jail",
    "Montreal marijuana shop raids", "Montreal police"); through coordination and apposition ("in Mykolaiv and Odesa", "the
    town of Yeoncheon"). A name inside an organisation's name ("the Arctic Council") locates
    nothing."""
    parsed = span.doc
    if span.end < len(parsed) and _starts_a_name(parsed[span.end]):
        return None  # "the Arctic Council", "Montreal Canadiens": part of another name
    token = span.root
    while token.dep_ == "compound" and token.head.lower_ in AREA_WORDS:
        token = token.head  # "in Donetsk Oblast", "the Kursk region": the area word stands for it
    if token.dep_ == "amod" and token.head.lemma_.lower() in DEMONYM_PLACE_NOUNS:
        token = token.head  # "destroy Ukrainian cities": the cities are where it happens
    for _ in range(LIST_HOPS):  # through coordination and apposition to the first of the list
        if token.dep_ in ("conj", "appos") and token.head is not token:
            token = token.head
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lower_ in PLACE_NOUNS
        ):
            token = token.head.head  # "the town of Yeoncheon", "the city of Mykolaiv"
        else:
            break
    head = token.head
    if token.dep_ == "pobj":
        preposition, word = head.lower_, head.head
        lemma = word.lemma_.lower()
        if preposition in LOCATIVE_PREPOSITIONS:
            return word
        if preposition in DESTINATION_PREPOSITIONS and lemma in MOVEMENT_WORDS:
            return word
        if preposition in ORIGIN_PREPOSITIONS:
            if word.dep_ == "pobj" and word.head.lower_ == "of":
                word = word.head.head  # "the evacuation of people from Mariupol"
            return word if word.lemma_.lower() in REMOVAL_WORDS else None
        return None
    if token.dep_ == "dobj" or (token.dep_ == "nsubjpass" and head.pos_ == "VERB"):
        lemma = head.lemma_.lower()
        return head if lemma in PLACE_ACTS or lemma in MOVEMENT_WORDS else None
    if token.dep_ == "poss":
        return _possessor_site(head)
    nominal = head.pos_ in ("NOUN", "PROPN") or head.dep_ in ("pobj", "dobj", "nsubj")
    if token.dep_ in ("compound", "nmod", "amod") and nominal:
        while head.dep_ == "compound" and head.head is not head:  # "Montreal marijuana shop raids"
            head = head.head
        if head.ent_type_ in NAME_LABELS:
            return None  # "the Arctic Council": a name of something else
        lemma = head.lemma_.lower()
        if lemma in PLACE_ACTS | EVENT_NOUNS | LOCAL_BODIES:
            return head  # "Montreal ... raids", "Montreal police" (who act there)
        if (
            head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and head.head.lower_ in LOCATIVE_PREPOSITIONS
        ):
            return head.head.head
    return None


def _possessor_site(noun: Token) -> Token | None:
    """ "opened fire on Paris' iconic Champs-Elysees boulevard", "in Kyiv's suburbs": a town
    that owns the site or part of it something happens at is where it happens (what the
    preposition's head is). Only a site or place noun after a locative preposition (or "on" a
    street): "Russia's war", "Kyiv's forces" locate nothing."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or lemma in PLACE_ACTS | EVENT_NOUNS:
        return None
    preposition = noun.head
    if preposition.head is preposition:
        return None
    if preposition.lower_ in LOCATIVE_PREPOSITIONS and lemma in SITE_HEADS | PLACE_NOUNS:
        return preposition.head
    if preposition.lower_ in STREET_PREPOSITIONS and lemma in STREET_HEADS:
        return preposition.head
    return None


#: Dependency labels that head a clause (ClearNLP labels used by spaCy's English models).
CLAUSE_DEPS = word_set("places", "event.clause_deps")


def _clause_head(token: Token) -> Token:
    """The verb heading the clause that ``token`` is in (the token itself for a verb)."""
    current = token
    while True:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:  # the root (spaCy builds a new Token on each access)
            return current
        current = current.head


# --- Metonymy -------------------------------------------------------------------------------
# A country or national capital that acts is its government: "Moscow said", "Kyiv's forces",
# "left Washington more aligned with Moscow" (Markert & Nissim 2007, SemEval-2007 task 8:
# place-for-people is the commonest metonymy of location names; its clearest cues are the
# subject of a speech or agentive verb and the possessor of an organisation noun).
#: Verbs whose subject is an agent (lemmas): speech acts and deliberate acts of states.
AGENT_VERBS = word_set("places", "metonymy.agent_verbs")
#: Nouns whose possessor is an actor: forces, governments, their officials and their acts.
AGENT_NOUNS = word_set("places", "metonymy.agent_nouns")
#: Prepositions after which a capital stands for its government ("aligned with Moscow").
AGENT_PREPOSITIONS = word_set("places", "metonymy.agent_prepositions")


def is_metonymic(span: SpacySpan) -> bool:
    """Whether a toponym names a state acting (an actor) rather than a place. Only countries and
    national capitals qualify; cues are read on the dependency parse of the span's root."""
    from dateline.countries import country_by_capital, country_by_name

    text = span.text.removesuffix("’s").removesuffix("'s")
    capital = country_by_capital(text) is not None
    if not capital and country_by_name(text) is None:
        return False
    if _is_dateline(span):
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:  # "Turkey and Russia said"
        token = token.head
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in AGENT_VERBS:
        return True
    if token.dep_ == "poss":
        return head.lower_ in AGENT_NOUNS or head.lemma_.lower() in AGENT_NOUNS
    if not capital:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and (
        head.pos_ == "VERB" or any(c.dep_ == "acomp" and c.pos_ == "VERB" for c in head.children)
    ):
        return True  # a capital doing anything: "Washington was more aligned with Moscow"
    if token.dep_ == "dobj" and any(c.dep_ in ("oprd", "xcomp", "acomp") for c in head.children):
        return True  # the subject of a small clause: "left Washington more aligned"
    return token.dep_ == "pobj" and head.lower_ in AGENT_PREPOSITIONS


def _is_dateline(span: SpacySpan) -> bool:
    """ "LONDON, Ky. -", "BERLIN (Reuters) -": a name opening its sentence and cut off by
    punctuation locates the story; the parser often makes it the verb's subject."""
    parsed = span.doc
    return (
        span.start == span.sent.start
        and span.end < len(parsed)
        and parsed[span.end].text in {",", "(", "-", "—", "–"}
        and span.text.isupper()
    )


@register("places")
def create(config: PipelineConfig) -> PlacesStage:
    return PlacesStage(config)
