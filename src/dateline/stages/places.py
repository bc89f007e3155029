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

The place of an event is :func:`dateline.gazetteer.placing.event_place`, which reads the places
this stage located.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from dateline.actors import locale
from dateline.caches import PlaceTokens
from dateline.config import PipelineConfig
from dateline.gazetteer.candidates import PART_WORDS
from dateline.gazetteer.clues import AREA_WORDS
from dateline.gazetteer.placing import (
    DEMONYM_PLACE_NOUNS,
    ORIGIN_PREPOSITIONS,
    REMOVAL_WORDS,
    SITE_HEADS,
    SPECIFICITY,
    is_dateline,
)
from dateline.model import Place
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
        doc.place_tokens = tuple(
            PlaceTokens(span.start, span.end, place) for span, place in located
        )
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
#: first words of sites: "Fort Hood", "Lake Pontchartrain", "Mount Royal"
SITE_PREFIXES = word_set("places", "recognise.site_prefixes")
#: what the NER tags as a place and never is one in news: degrees after a name ("Murphy, M.D.")
NOT_PLACE_NAMES = word_set("places", "recognise.not_place_names")


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


LONG_NAME_TOKENS = 4

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
    if is_dateline(span):
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


@register("places")
def create(config: PipelineConfig) -> PlacesStage:
    return PlacesStage(config)
