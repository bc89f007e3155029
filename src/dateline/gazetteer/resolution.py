"""An article's toponyms as place records: resolved in each other's context, with sites and
namesakes abroad put right, and the places an article names without a toponym.

:func:`resolve_spans` asks :func:`dateline.gazetteer.resolve.resolve_toponyms` for each
toponym's gazetteer place, in the context of the others, of the article's demonyms and of its
outlet's country; then a small town abroad that the article cannot mean (a namesake) gives way,
and a site or a name the words around it make a place ("the village of Xinmo") that the
gazetteer lacks takes the town or area of its story. :func:`own_country` reads "our country" and
"our capital" in an outlet's own voice; :func:`nationality_places` lists the countries an
article names by their adjective ("French media", :mod:`dateline.gazetteer.nationalities`).

The places stage (:mod:`dateline.stages.places`) calls them on the spans
:mod:`dateline.gazetteer.recognition` found, with the stamp its records carry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.document import Document
from dateline.gazetteer import PlaceEntry, load_gazetteer
from dateline.gazetteer.clues import lists, toponyms_at
from dateline.gazetteer.nationalities import nationalities
from dateline.gazetteer.outlets import outlet_country
from dateline.gazetteer.placing import SITE_HEADS, SPECIFICITY
from dateline.gazetteer.recognition import is_site, taken_out_of
from dateline.gazetteer.resolve import Toponym, resolve_toponyms
from dateline.model import Place
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

#: nouns that "our" makes the speaker's country: "our state", "the territory of our country"
OWN_COUNTRY_NOUNS = word_set("places", "recognise.own_country_nouns")
#: nouns that "our" makes the speaker's country's capital: "visiting our capital"
OWN_CAPITAL_NOUNS = word_set("places", "recognise.own_capital_nouns")
#: how far before a toponym (characters) the words that make it a place are looked for
PLACE_WORDS_CHARS = 40


def resolve_spans(
    doc: Document,
    offsets: list[tuple[int, int]],
    stamp: str,
    *,
    known_toponyms: bool = False,
) -> list[Place | None]:
    """Resolve the toponyms at the given character offsets, each in the context of the others
    and of the article's demonyms, as place records stamped ``stamp`` (the places stage's
    ``name@version``). Used by the stage and by ``dateline eval places`` (gold spans): one
    toponym that has no gazetteer entry gets None and changes nothing else, unless it is a site
    or a place the words around it make one (the town or area of its story stands in);
    ``known_toponyms`` (gold spans) says every span is a place."""
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
        if entry is not None and (
            not _obscure_namesake_abroad(entry, toponym, country)
            or _listed_abroad(entries, groups, index, country)
        ):
            continue
        places[index] = None  # a namesake abroad is worse than nothing
        if is_site(toponym.text) or (entry is None and _site_taken_out_of(doc, toponym)):
            town = _context_town(entries, index, country)
            if town is not None:
                places[index] = _site(doc, toponym, town, stamp, "facility")
        elif (known_toponyms or _framed(doc, toponyms, entries, groups, index)) and (
            area := _context_area(entries, index, country) or _story_town(entries, index, country)
        ) is not None:
            places[index] = _site(doc, toponym, area, stamp, "town")
    return _named_again(doc, toponyms, places)


def _listed_abroad(
    entries: list[PlaceEntry | None], groups: list[list[int]], index: int, country: str | None
) -> bool:
    """Whether a town is listed with a place outside the article's country ("the Zaïre,
    Bundibugyo, Côte d'Ivoire and Sudan strains" in a Philippine story): its list is of places
    abroad, so it is no namesake of a place at home."""
    group = next((g for g in groups if index in g), ())
    return any(
        (other := entries[i]) is not None and other.cc != country for i in group if i != index
    )


def _named_again(
    doc: Document, toponyms: list[Toponym], places: list[Place | None]
) -> list[Place | None]:
    """A name the gazetteer lacks, placed at its story's area or town where its words make
    it a place ("in Kampungu"), is that place in its other mentions too ("Kampungu's health
    centre", "arriving in Kampungu" far from the area the first was put in): one sense per
    discourse (Gale, Church & Yarowsky 1992)."""
    placed = {
        toponym.text: place
        for toponym, place in zip(toponyms, places, strict=True)
        if place is not None and place.geonameid is None
    }
    if not placed:
        return places
    return [
        place
        if place is not None or toponym.text not in placed
        else replace(
            placed[toponym.text],
            span=doc.span(toponym.start, toponym.end),
            sentence=doc.sentence_at(toponym.start),
        )
        for toponym, place in zip(toponyms, places, strict=True)
    ]


#: a name the gazetteer lacks in a list with at least this many resolved places is one too
#: ("Bondo, Nyando, Kisii")
LISTED_PLACES_MIN = 2


def _framed(
    doc: Document,
    toponyms: list[Toponym],
    entries: list[PlaceEntry | None],
    groups: list[list[int]],
    index: int,
) -> bool:
    """Whether the words around a name the gazetteer lacks make it a place ("in Kampungu",
    "the Wedza district"), or those around a name listed with it do ("four villages: Kampungu,
    Makonono, Kaluamba and Mombo", "the Etoumbi and Mbomo districts"), or the names listed with
    it are the gazetteer's places ("Bondo, Nyando, Kisii")."""
    text = doc.text
    if _placed_by_words(text, toponyms[index]) and not _modifies_a_noun(doc, toponyms[index]):
        return True
    group = next((g for g in groups if index in g), None)
    if group is None:
        return False
    others = [i for i in group if i != index]
    if any(_placed_by_words(text, toponyms[i]) for i in others):
        return True
    return sum(entries[i] is not None for i in others) >= LISTED_PLACES_MIN


#: the words around a name the gazetteer lacks that still make it a place: "the village of
#: Xinmo", "in Kampungu", "the Wedza district"
_PLACE_BEFORE = re.compile(
    r"""(?:\b(?:in|at|near|outside|from|to)\s+(?:the\s+)?
    |\b(?:village|town|city|district|province|region|suburb|township|county|state)s?\s+of\s+
    |\b(?:village|town|district|suburb|township)s?:\s+)\Z""",
    re.VERBOSE | re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"""\s+(?:district|county|province|region|village|township|state|prefecture|slum|suburb)s?\b
    |,\s+an?\s+(?:\w+\s+)?(?:suburb|town|village|township|district|neighbou?rhood)\b""",
    re.VERBOSE | re.IGNORECASE,
)


def _site_taken_out_of(doc: Document, toponym: Toponym) -> bool:
    """ "the evacuation of people from Azovstal": a name the gazetteer lacks that people are
    taken out of is a site (a plant, a camp) of its story's town, as a site by its head word
    is."""
    tokens = doc.parsed.char_span(toponym.start, toponym.end, alignment_mode="expand")
    return tokens is not None and taken_out_of(tokens.root)


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


#: how far (in toponyms) a site looks for the town of its story
SITE_REACH = 6


def _context_town(
    entries: list[PlaceEntry | None], index: int, country: str | None = None
) -> PlaceEntry | None:
    """The town a site without a gazetteer entry of its own lies in, as the article tells it:
    the nearest town named before it, else after it, else the nearest county or state (streets
    and neighbourhoods are placed when the article's town is known; GeoVirus and TR-News put
    such sites within a few km of it). A town of the article's ``country`` comes first when
    there is one within reach: "London ... a rally for Aleppo in Victoria Park" is London's
    park."""
    if country is not None:
        home = _context_town([e if e and e.cc == country else None for e in entries], index)
        if home is not None and home.feature == "town":
            return home
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
    """A place the gazetteer lacks under the name the text gives it, at its town's or area's
    point: the site's own entry is unknown, so it has no geonameid."""
    return _record(doc, toponym, town, stamp, name=toponym.text, feature=feature, geonameid=None)


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
    return _record(
        doc, toponym, entry, stamp, name=entry.name, feature=feature, geonameid=entry.geonameid
    )


def _record(
    doc: Document,
    toponym: Toponym,
    entry: PlaceEntry,
    stamp: str,
    *,
    name: str,
    feature: str,
    geonameid: int | None,
) -> Place:
    """The place record of ``toponym``, at ``entry``'s point, country and admin1 area."""
    return Place(
        span=doc.span(toponym.start, toponym.end),
        name=name,
        feature=feature,  # type: ignore[arg-type]
        country=entry.alpha3,
        admin1=entry.admin1,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=geonameid,
        sentence=doc.sentence_at(toponym.start),
        stage=stamp,
    )


def nationality_places(doc: Document, taken: set[int], stamp: str) -> list[Place]:
    """The countries and continents the article names by their adjective ("French media", "a
    34-year-old German", :mod:`dateline.gazetteer.nationalities`), none at a token in
    ``taken``."""
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
    return Toponym(span.start_char, span.end_char, span.text)


def _quoted(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks in its paragraph (an odd number of them
    opens before it on its line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")
