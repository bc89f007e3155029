"""Toponym recognition: the place names of an article, as spans of its parse.

:func:`recognise` takes spaCy's GPE, LOC and FAC entities (the entity ruler adds gazetteer
admin1 areas and big towns, see :mod:`dateline.gazetteer.patterns`) as names: "Kursk" in "the
Kursk region", "Helmand" in "the province of Helmand" (the area word tells resolution the
level), widened to the gazetteer name they are part of ("Goz Beida", "North London"). It adds
what the small model misses or mislabels: news datelines in capitals ("DETROIT"), gazetteer
names in a place's context (:mod:`dateline.gazetteer.spotting`: "skates in Red Deer, Innisfail
and Edmonton", "Churchill, Man."), the place opening an organisation's name ("Granville County
Fire Marshal"), sites by their head word ("the Bob Wills Museum", "Hertford Road", "Fort
Hood", :func:`is_site`), a state's abbreviation ("in regional NSW") and a country's adjective
on a place noun ("Ukrainian cities"); it drops places inside other names ("Tehran University",
"Real Madrid") and given names ("Georgia Stevens").

Resolution of the spans is :mod:`dateline.gazetteer.resolution`; telling a place from a state
that acts ("Moscow said") is :mod:`dateline.gazetteer.metonymy`. The places stage
(:mod:`dateline.stages.places`) calls the three.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from dateline.document import Document
from dateline.gazetteer import load_gazetteer
from dateline.gazetteer.candidates import PART_WORDS
from dateline.gazetteer.clues import AREA_WORDS, EVENT_WORDS, names_event
from dateline.gazetteer.placing import (
    DEMONYM_PLACE_NOUNS,
    ORIGIN_PREPOSITIONS,
    REMOVAL_WORDS,
    SITE_HEADS,
)
from dateline.gazetteer.sources import ALIAS, ALTERNATE, PRIMARY, data_rows
from dateline.gazetteer.spotting import (
    NOT_PLACE_LABELS,
    names_a_pathogen,
    person_words,
    spelling_of,
    spot,
)
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.gazetteer import Gazetteer

#: entity labels that are place names
PLACE_LABELS = word_set("places", "recognise.place_labels")
#: Entities the small model tags LOC that are directions, not places ("the South" is kept by
#: the regions table only when written as a region name).
COMPASS_WORDS = word_set("places", "recognise.compass_words")
#: a news dateline opens one of the first paragraphs with a place in capitals of at most this
#: many tokens ("DETROIT", "NEW YORK", "RIO DE JANEIRO")
DATELINE_PARAGRAPHS = 3
DATELINE_MAX_TOKENS = 3
#: and at least this many characters (a shorter run of capitals is taken for initials)
DATELINE_MIN_CHARS = 4
#: the longest place name an event's name opens with, in tokens ("Rio de Janeiro Carnival")
EVENT_PLACE_TOKENS = 3


def recognise(doc: Document) -> list[SpacySpan]:
    """Toponym spans: place entities, as their names.

    The span is the name, as the geoparsing corpora and GeoNames write it: "Kursk" in "the
    Kursk region", "Helmand" in "the province of Helmand" (TR-News and GeoVirus leave the area
    word out: 15 and 29 of their dev halves' names followed by one, 13 and 16 with it, almost
    all US "County"), but "Laurel County", whose "County" is part of the name. The area word
    still tells resolution that the name is an area (:func:`dateline.gazetteer.clues.area_hint`).
    """
    gazetteer = load_gazetteer()
    parsed = doc.parsed
    text = doc.text
    people = person_words(parsed)
    spans = []
    framed: set[str] = set()  # names the gazetteer lacks that their words make places
    for ent in parsed.ents:
        event_end = _event_name_place(ent, text, gazetteer)
        if event_end is not None:  # "the Venice International Film Festival"
            spans.append(parsed[ent.start + (ent[0].lower_ == "the") : event_end])
            continue
        framing = _framed_name(ent, gazetteer, people)
        if framing:
            framed.add(ent.text)
        elif (
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
        if _direction_of_next(parsed, start, end):
            continue  # "in North-Western Sydney": a part of the place after it
        while (
            end - start > 1
            and parsed[end - 1].lower_ in AREA_WORDS - NAME_AREA_WORDS
            and not _titled_area_word(parsed[end - 1])
        ):
            end -= 1  # "Sichuan province", "Kursk region"
        if _hyphened_part(parsed, start, end):
            start, end = _hyphened_whole(parsed, gazetteer, start, end)
            if start < 0:
                continue  # "the Cuvette-Ouest region": no Ouest, Haiti
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
        if end < len(parsed) and _titled_area_word(parsed[end]):
            end += 1  # "Rift Valley Province", "Akita Prefecture": the name as written
        spans.append(parsed[start:end])
    spans.extend(_named_again(parsed, spans, gazetteer, people, framed))
    spans.sort(key=lambda span: span.start)
    spans.extend(_datelines(doc, {t.i for span in spans for t in span}))
    taken = {t.i for span in spans for t in span}
    spans.extend(parsed[s:e] for s, e in spot(parsed, taken, gazetteer, people))
    spans.extend(_state_abbreviations(parsed, text, spans, gazetteer))
    return sorted(spans, key=lambda span: span.start)


#: nouns of settlements and areas that frame a name the gazetteer lacks as a place
SETTLEMENT_NOUNS = word_set("places", "recognise.settlement_nouns")
#: the tokens of an apposition that says what a name is: ", a suburb", ", a small town"
APPOSITION_TOKENS = 4
#: the longest name the gazetteer lacks that its frame makes a place, in tokens ("Abu Shok")
FRAMED_NAME_TOKENS = 3
#: a list whose other members include at least this many names the small model tagged as places
#: (and more of them than not) is a list of places ("Bondo, Nyando, Kisii"); its one-word
#: names the gazetteer lacks are places too
LISTED_PLACES_MIN = 2


def _framed_name(ent: SpacySpan, gazetteer: Gazetteer, people: set[str]) -> bool:
    """A name the gazetteer lacks that its words make a village, a town or an area, whatever the
    small model tagged it: "the village of Kampungu" (PERSON), "the Etoumbi and Mbomo districts"
    (PERSON), "four villages: Kampungu, Makonono, Kaluamba and Mombo" (ORG, PERSON), "a resident
    of Mabvuku, a suburb located east of Harare" (NORP), "Bondo, Nyando, Kisii" among names it
    tagged as places (ORG). Villages and neighbourhoods missing from cities1000 are what issue 14
    asks recognition to find; resolution puts such a name at the area or town of its story,
    or at nothing (:func:`dateline.gazetteer.resolution.resolve_spans`)."""
    if (
        ent.label_ in PLACE_LABELS
        or ent.label_ in NOT_PLACE_LABELS
        or len(ent) > FRAMED_NAME_TOKENS
    ):
        return False
    if not all(t.is_title and t.is_alpha for t in ent) or any(t.lower_ in people for t in ent):
        return False
    return _framed(ent) and not gazetteer.lookup(ent.text)  # a gazetteer name is the spotter's


def _framed(ent: SpacySpan) -> bool:
    """Whether the words around ``ent`` make it a village, a town or an area
    (:func:`_framed_name`)."""
    doc = ent.doc
    after = list(doc[ent.end : ent.end + APPOSITION_TOKENS])
    if after and after[0].lower_ in SETTLEMENT_NOUNS and after[0].is_lower:
        return True  # "the Wedza district", "the Etoumbi and Mbomo districts"
    if (
        len(after) > 2
        and after[0].text == ","
        and after[1].lower_ in ("a", "an")
        and any(t.lower_ in SETTLEMENT_NOUNS and t.is_lower for t in after[2:])
    ):
        return True  # "Mabvuku, a suburb located east of Harare"
    members = _list_members(ent.root)
    first = min(members, key=lambda t: t.i)
    before = doc[max(0, first.i - 2) : first.i]
    if len(before) == 2 and before[1].text in ("of", ":") and before[0].lower_ in SETTLEMENT_NOUNS:
        return True  # "the village of Kampungu", "four villages: Kampungu, Makonono"
    if len(ent) > 1:
        return False  # "U.S. District Court, Southern District of Ohio": one word at most
    others = [t for t in members if not (ent.start <= t.i < ent.end)]
    places = sum(t.ent_type_ in PLACE_LABELS for t in others)
    return places >= LISTED_PLACES_MIN and 2 * places > len(others)


def _list_members(token: Token) -> list[Token]:
    """The heads of the names listed with ``token`` ("Bondo, Nyando, Kisii and Wajir"), itself
    included: its conjuncts' chain, from its first member."""
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [first]
    for member in members:
        members.extend(child for child in member.children if child.dep_ == "conj")
    return members


def _named_again(
    parsed: SpacyDoc,
    spans: list[SpacySpan],
    gazetteer: Gazetteer,
    people: set[str],
    framed: set[str],
) -> list[SpacySpan]:
    """Other mentions of a name the gazetteer lacks that the article makes a place ("in
    Kampungu"), whatever the small model tagged them ("Kampungu's health centre" ORG): one sense
    per discourse (Gale, Church & Yarowsky 1992). ``framed`` are the names whose words make them
    places (:func:`_framed_name`). Resolution gives them the place their framed mention gets, or
    nothing."""
    lacking = Counter(span.text for span in spans if not gazetteer.lookup(span.text))
    if not lacking:
        return []
    taken = {t.i for span in spans for t in span}
    again = [
        parsed[ent.start : ent.end]
        for ent in parsed.ents
        if ent.text in lacking
        and ent.label_ not in NOT_PLACE_LABELS
        and not any(t.i in taken or t.lower_ in people for t in ent)
    ]
    # a name the small model tags an organisation more often than a place is one ("Newmont
    # Mining" ORG five times, FAC once), unless its words make it a place ("the village of")
    others = Counter(span.text for span in again)
    return [
        span for span in again if span.text in framed or others[span.text] <= lacking[span.text]
    ]


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
#: area words that belong to the name when written with a capital ("Rift Valley Province",
#: "Akita Prefecture"; "Sichuan province" leaves it out)
TITLED_NAME_AREA_WORDS = word_set("places", "recognise.titled_name_area_words")


def _titled_area_word(token: Token) -> bool:
    return token.is_title and not token.is_sent_start and token.lower_ in TITLED_NAME_AREA_WORDS


#: words before "of" that the name follows: "the province of Helmand", "the City of Montreal"
NAME_OF_WORDS = word_set("places", "recognise.name_of_words")
#: words before a place name that make it part of another name: "Real Madrid"
NAME_PREFIXES = word_set("places", "recognise.name_prefixes")
#: first words of sites: "Fort Hood", "Lake Pontchartrain", "Mount Royal"
SITE_PREFIXES = word_set("places", "recognise.site_prefixes")
#: what the NER tags as a place and never is one in news: degrees after a name ("Murphy, M.D.")
NOT_PLACE_NAMES = word_set("places", "recognise.not_place_names")

#: entity labels a named site may get from the small model (a plant, a camp, a building)
SITE_LABELS = word_set("places", "recognise.site_labels")

#: Prepositions that make their object a location ("born in Churchill", "a fire at Danbury").
LOCATIVE = word_set("places", "recognise.locative_prepositions")


#: direction words that name a part of the place after them ("North-Western Sydney")
DIRECTION_WORDS = word_set("gazetteer", "clues.direction_words")


def _direction_of_next(parsed: SpacyDoc, start: int, end: int) -> bool:
    """ "at Cattai and Wilberforce in North-Western Sydney": a name of directions alone that the
    small model tags apart from the place name right after it is a part of that place, not a
    region of its own (Zambia's North-Western province)."""
    words = parsed[start:end].text.lower().replace("-", " ").split()
    if not words or any(w not in DIRECTION_WORDS for w in words) or end >= len(parsed):
        return False
    after = parsed[end]
    return after.is_title and after.ent_type_ in PLACE_LABELS and after.ent_iob_ == "B"


def _hyphened_part(parsed: SpacyDoc, start: int, end: int) -> bool:
    """Whether the tokens are joined by a hyphen to a capitalised word before or after them
    ("Ouest" of "Cuvette-Ouest", "France" of "Agence France-Presse", "Asia-Pacific"; not
    "Denver-based")."""

    def other_word(token: Token) -> bool:
        return token.is_title

    before = (
        start >= 2
        and parsed[start - 1].text == "-"
        and not parsed[start - 2].whitespace_
        and not parsed[start - 1].whitespace_
        and other_word(parsed[start - 2])
    )
    return before or (
        end + 1 < len(parsed)
        and parsed[end].text == "-"
        and not parsed[end - 1].whitespace_
        and not parsed[end].whitespace_
        and other_word(parsed[end + 1])
    )


def _hyphened_whole(
    parsed: SpacyDoc, gazetteer: Gazetteer, start: int, end: int
) -> tuple[int, int]:
    """The whole hyphened name a part of which the NER tagged ("Cuvette-Ouest" for "Ouest"),
    when the gazetteer has it; the part itself when every other part is a place too
    ("Asia-Pacific"); else (-1, -1): a part of another hyphened name is no name of its own
    ("Agence France-Presse"; the spotter's rule, :func:`dateline.gazetteer.spotting.spot`)."""
    first, last = start, end
    while first >= 2 and parsed[first - 1].text == "-" and not parsed[first - 2].whitespace_:
        first -= 2
    while last + 1 < len(parsed) and parsed[last].text == "-" and not parsed[last - 1].whitespace_:
        last += 2
    if any(e.kind <= ALTERNATE for e in gazetteer.lookup(parsed[first:last].text)):
        return first, last
    others = [t for t in parsed[first:last] if t.text != "-" and not start <= t.i < end]
    if all(gazetteer.lookup(t.text) for t in others):
        return start, end  # "Asia-Pacific": two places
    return -1, -1


def _located_name(ent: SpacySpan) -> bool:
    """An ORG the small model got wrong: a gazetteer town or area after a locative preposition,
    alone or in a list ("in Danbury", "from Churchill, Man.", "into Darfur and Malakal"), or a
    state's abbreviation ("the NSW government"). Only names the gazetteer has as their own
    name or as a hand-written alias (``place_aliases.csv``)."""
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
    return ent.label_ in SITE_LABELS and taken_out_of(ent.root)


def taken_out_of(root: Token) -> bool:
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
        if len(words.text) >= DATELINE_MIN_CHARS and any(
            e.kind == PRIMARY for e in load_gazetteer().lookup(words.text)
        ):
            found.append(words)
    return found


#: Heads of names that contain a toponym but name no place: treaties, formats, newspapers.
#: ("Ontario Premier", "Toronto police" stay places: they locate an office or a force.)
NAME_HEADS = word_set("places", "recognise.name_heads")


def _names_something_else(parsed: SpacyDoc, start: int, end: int) -> bool:
    """ "the Geneva Convention", "Tehran University", "Ohio State University", "the University
    of Iowa", "Real Madrid", "the Marburg virus", "the Hong Kong Flu virus": the toponym is only
    part of another name."""
    if names_a_pathogen(parsed, end):
        return True
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
        prefix = parsed[start:stop].text
        if any(
            (e.kind == PRIMARY or (e.kind == ALTERNATE and spelling_of(prefix, e.name)))
            and e.feature != "country"
            for e in gazetteer.lookup(prefix)
        ):
            return stop  # not "the Google Science Fair" (Topeka's name for a month)
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
    if ent.label_ not in EVENT_NAME_LABELS or not re.search(EVENT_WORDS, ent.text):
        return None
    start = ent.start + (ent[0].lower_ == "the")
    for stop in range(min(ent.end - 1, start + EVENT_PLACE_TOKENS), start, -1):
        span = ent.doc[start:stop]
        if span.text.lower() in DIRECTION_WORDS:
            continue  # "the Eastern Partnership Summit": no Eastern Province's
        if names_event(text, span.end_char) and any(
            e.kind <= ALTERNATE
            and (e.feature in ("country", "admin1") or e.population >= EVENT_TOWN_POPULATION)
            for e in gazetteer.lookup(span.text)
        ):
            return stop
    return None


def _org_site(ent: SpacySpan) -> bool:
    """An organisation's name that is a site's: "the Bob Wills Museum", "Fort Hood", "Mahim
    Bay" (the small model tags many as ORG)."""
    return ent.label_ in ("ORG", "PERSON", "PRODUCT") and is_site(ent.text.removeprefix("the "))


#: the longest all-capital name read as an acronym ("UN", "EU", "WHO")
ACRONYM_MAX_LETTERS = 4


def _acronym_of_something_else(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """A short all-capital name that is no country's or area's code or alias ("UN", "EU",
    "WHO"): the gazetteer's towns spelt so ("Un", India) are not what news means by it."""
    text = span.text.replace(".", "")
    if not (text.isupper() and len(text) <= ACRONYM_MAX_LETTERS):
        return False
    return not any(e.feature != "town" or e.kind == ALIAS for e in gazetteer.lookup(span.text))


def _after_locative(parsed: SpacyDoc, start: int) -> bool:
    return start > 0 and parsed[start - 1].lower_ in LOCATIVE


#: the most words a long name adds to the NER's span ("the Democratic Republic of")
LONG_NAME_TOKENS = 4
#: the small words inside a long name ("of", "the", "and")
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
            t.text[:1].isupper()  # "the Pacific NorthWest" as well as "Goz Beida"
            and t.is_alpha
            and not t.is_sent_start
            and t.lower_ not in ("the", "a")
            for t in extra
        ):
            continue
        text = parsed[new_start:new_end].text
        if any(e.kind <= ALTERNATE for e in gazetteer.lookup(text)):
            return new_start, new_end
    if (
        start > 0
        and parsed[start - 1].is_title
        and parsed[start - 1].lower_ in PART_WORDS
        and not (start > 1 and parsed[start - 2].text == "-")  # "North-Western Sydney"
        and not any(e.feature == "country" for e in gazetteer.lookup(parsed[start:end].text))
    ):
        return start - 1, end  # "North London", "Southern California" (not "Western Canada")
    return start, end


def is_site(text: str) -> bool:
    """A facility, street or natural feature by its head word: "Bob Wills Museum", "Hertford
    Road", "Fort Hood", "Mahim Bay" (:data:`SITE_HEADS`, :data:`SITE_PREFIXES`)."""
    words = text.replace("-", " ").split()
    if len(words) < 2:
        return False
    return words[-1].lower().rstrip(".") in SITE_HEADS or words[0].lower() in SITE_PREFIXES
