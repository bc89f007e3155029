"""Toponyms the statistical NER misses, spotted from the gazetteer's names in their context.

spaCy's small model leaves many small places untagged ("skates in Red Deer, Innisfail and
Edmonton") or tags them as something else ("Churchill" ORG, "Cairns" PERSON, "Queens" NORP).
Names the gazetteer holds are candidates here: capitalised runs of words that are a town's,
an admin area's or a region's own or alternate name (or a hand-written alias such as "Man."),
and the place-name prefix of an organisation ("Granville County Fire Marshal", "Enfield
Council"). A candidate becomes a toponym only when its context makes it a place (the features
of gazetteer-based geotaggers such as Lieberman, Samet & Sankaranarayanan 2010, "Geotagging
with local lexicons", and of Leidner 2007, ch. 4):

- a locative preposition before it ("in Churchill", "near Ahar", "from Menoufia");
- a place noun and "of" before it ("the town of Qatraneh", "the mayor of Red Deer");
- a qualifier after it ("Hugo, Oklahoma", "Churchill, Man."), or it qualifies a place before
  it ("Barrie, Ont.");
- a local body or area word after it ("Beaconsfield Mayor", "Cairns police", "Puge county");
- a list with a recognised place ("Red Deer, Innisfail and Edmonton");
- the same name recognised as a place elsewhere in the article (one sense per discourse).

A name that is a person's ("Georgia Stevens", "Mr. Churchill") or a common word is never a
candidate.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from dateline.gazetteer import Gazetteer, PlaceEntry, name_key
from dateline.gazetteer.sources import ALIAS, ALTERNATE, DERIVED, PRIMARY
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: The longest name tried, in tokens ("Mount Royal", "Mukuru kwa Njenga", "Beni Suef").
MAX_TOKENS = 4
#: an all-capital word this short is an acronym ("UN", "NSW"), never a town spotted by name
ACRONYM_MAX_CHARS = 4
#: a capitalised word this short before a full stop after a comma is a state's abbreviation
#: ("Buffalo, N.Y.", "Bowling Green, Ky.")
STATE_ABBREVIATION_MAX_CHARS = 5
#: tokens between a person's name and "of" + home town: ", 25," (comma, age, comma)
AGE_APPOSITION_TOKENS = 3
#: articles that open a sentence before a name ("The Innisfail skater")
ARTICLES = word_set("gazetteer", "spotting.articles")
#: Features a spotted name may have: countries and continents are the ruler's patterns.
SPOTTED_FEATURES = frozenset({"town", "admin1", "admin2", "region"})
LOCATIVE = word_set("gazetteer", "spotting.locative_prepositions")
PLACE_NOUNS_OF = word_set("gazetteer", "spotting.place_nouns_of")
AFTER_WORDS = word_set("gazetteer", "spotting.after_words")
PERSON_TITLES = word_set("gazetteer", "spotting.person_titles")
#: words that carry a name on ("Barren County"): tried as part of the name
NAME_SUFFIXES = word_set("gazetteer", "spotting.name_suffixes")
#: head words of sites the spotter takes after a locative preposition ("in the Svyatohirsk
#: Lavra"): the places stage's site heads
SITE_HEADS = word_set("places", "recognise.site_heads")
#: ... of which street names are sites in any context ("the intersection of North Jackson
#: Highway and Hutcheson Road")
STREET_HEADS = word_set("places", "recognise.street_heads")
#: verbs of saying (lemmas): a proper noun as their subject is a person
SAYING = word_set("gazetteer", "spotting.saying_verbs")
LIST_JOINERS = word_set("gazetteer", "spotting.list_joiners")
#: participles that give a place noun its name ("a town called Låsby")
NAMING_WORDS = word_set("gazetteer", "spotting.naming_words")
#: entity labels whose names are never spotted places (dates, numbers, money, languages)
NOT_PLACE_LABELS = word_set("gazetteer", "spotting.not_place_labels")


@functools.cache
def _stopwords() -> frozenset[str]:
    text = resources.files("dateline.data").joinpath("place_stopwords.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line and line[0] != "#")


@functools.cache
def _first_names() -> frozenset[str]:
    import csv

    with resources.files("dateline.data").joinpath("first_names.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return frozenset(row["name"].lower() for row in rows)


def spot(
    parsed: Doc, taken: set[int], gazetteer: Gazetteer, people: set[str]
) -> list[tuple[int, int]]:
    """Token ranges of the toponyms spotted in ``parsed`` outside the tokens ``taken``;
    ``people`` are the words the article uses in people's names (:func:`person_words`)."""
    known = {name_key(parsed[s:e].text) for s, e in _runs(taken)}
    found: list[tuple[int, int]] = []
    used = set(taken)
    for start, end in _candidates(parsed, used):
        if parsed[start].lower_ in ARTICLES and end - start > 1:
            start += 1  # "The Innisfail skater": the article opens the sentence
        site = _site(parsed, start, end)
        if site is not None:
            found.append(site)
            used.update(range(*site))
            continue
        for stop in range(min(end, start + MAX_TOKENS), start, -1):  # longest name first
            span = parsed[start:stop]
            if parsed[stop - 1].text == "-" or (
                stop < len(parsed) and parsed[stop].text == "-" and not parsed[stop - 1].whitespace_
            ):
                continue  # "Lend-" of "Lend-Lease", "Dar" of "Dar-es-Salaam": a part of a
                # hyphened name is no name
            entries = _entries(gazetteer, span)
            if not entries:
                continue
            derived = all(e.kind == DERIVED for e in entries)
            whole = derived and _name_end(parsed, gazetteer, start, stop) > stop  # "Barren County"
            if derived and not whole and any(e.feature != "admin1" for e in entries):
                continue  # "from Hand, foot and mouth disease": Hand County only as "Hand County"
            if _person(parsed, start, stop, people) and not _named_place_again(span, known):
                continue
            if names_a_pathogen(parsed, stop):
                continue  # "the Marburg virus"
            strength = _placed(parsed, span, used, known)
            ambiguous = (
                span.text in _stopwords()
                or (stop - start == 1 and parsed[start].lower_ in _first_names())
                or (derived and not whole)  # "from Daqahliya": an admin1 area's short form
            )
            if strength >= (STRONG if ambiguous else WEAK):
                stop = _name_end(parsed, gazetteer, start, stop)
                found.append((start, stop))
                used.update(range(start, stop))
                break
    return found


#: words after a place name that make it a pathogen's name ("the Marburg virus")
PATHOGEN_WORDS = word_set("places", "recognise.pathogen_words")


def names_a_pathogen(parsed: Doc, end: int) -> bool:
    """ "the Marburg virus", "Marburg hemorrhagic fever", "the Reston ebolavirus", "the Hong Kong
    Flu virus": a virus or a fever named after the place it was found names no place (not "the
    Sudan strains", which GeoVirus annotates)."""
    for token in parsed[end : end + 3]:
        if token.lower_ in PATHOGEN_WORDS:
            return True
        if not (token.is_title or token.pos_ == "ADJ" or token.lower_ == "flu"):
            return False
    return False


def _named_place_again(span: Span, known: set[str]) -> bool:
    """ "in both Darfur and Malakal" where the NER tagged "Malakal" a place elsewhere in the
    article ("the Children's Village in Malakal"): a name the article uses as a place is the
    place again wherever the NER tags it alone as a name other than a person's, even if a
    misread person's name holds it ("SOS Children's Village Malakal" tagged PERSON); one
    sense per discourse (Gale, Church & Yarowsky 1992). Not a given name: "to Georgia's
    credit" is the skater's where "Georgia Stevens" is one."""
    if name_key(span.text) not in known or (len(span) == 1 and span[0].lower_ in _first_names()):
        return False
    ents = [ent for ent in span.doc.ents if ent.start == span.start and ent.end == span.end]
    return bool(ents) and ents[0].label_ != "PERSON"


def _site(parsed: Doc, start: int, end: int) -> tuple[int, int] | None:
    """A site's name after a locative preposition: capitalised words ending with a site's head
    word ("in the Svyatohirsk Lavra", "at Randwick Racecourse"), or a street's name anywhere but
    at a sentence's start, where a title-case run may be a headline ("Hutcheson Road"); the
    places stage puts it at the town or area of its story."""
    if end - start < 2 or parsed[end - 1].lower_ not in SITE_HEADS:
        return None
    if (
        parsed[end - 1].lower_ in STREET_HEADS
        and not parsed[start].is_sent_start
        and not (end < len(parsed) and parsed[end].like_num)  # "Provincial Highway 11": cut
    ):
        return (start, end)  # a street: "the intersection of North Jackson Highway"
    before = parsed[start - 1] if start > 0 else None
    if before is not None and before.lower_ in ("the", "a") and start > 1:
        before = parsed[start - 2]
    return (start, end) if before is not None and before.lower_ in LOCATIVE else None


def _name_end(parsed: Doc, gazetteer: Gazetteer, start: int, stop: int) -> int:
    """Where the name ends: with its "County" ("Barren County") or its abbreviation's full
    stop ("Man.", written as "Man" + ".")."""
    if (
        stop < len(parsed)
        and parsed[stop].lower_ in NAME_SUFFIXES
        and gazetteer.lookup(parsed[start : stop + 1].text)
    ):
        return stop + 1
    if (
        stop < len(parsed)
        and parsed[stop].text == "."
        and not parsed[stop - 1].whitespace_
        and any(e.kind == ALIAS for e in gazetteer.lookup(parsed[start:stop].text + "."))
    ):
        return stop + 1
    return stop


def person_words(parsed: Doc) -> set[str]:
    """Words the article uses in people's names: the NER's persons of two words or more, the
    subjects of verbs of saying ("Steele said", "Conrad continues"), and a given name before a
    surname the article uses ("Georgia Stevens" where "Cory Stevens" is a person; a surname is
    the last word of a person's name, so "Argentina Alberto Fernandez" makes no person of
    Argentina)."""
    from spacy.symbols import PROPN, nsubj

    from dateline.countries import country_by_name

    persons = [
        ent
        for ent in parsed.ents
        if (ent.label_ == "PERSON" and len(ent) > 1 and not _place_shaped(ent))
        or _person_shaped(ent)
    ]
    words = {
        t.lower_
        for ent in persons
        for t in ent
        if t.pos == PROPN
        and not (t.i > 0 and parsed[t.i - 1].lower_ == "of")
        and not (t.i + 1 < ent.end and parsed[t.i + 1].lower_ in AFTER_WORDS)
    }
    surnames = {ent[-1].lower_ for ent in persons}
    first = _first_names()
    given = []
    for token in parsed:
        if token.pos != PROPN:
            continue
        if (
            token.dep == nsubj
            and token.head.lemma_ in SAYING
            and not _qualifies(token)
            and country_by_name(token.text) is None  # "Birds Australia ... said": no person's
        ):
            words.add(token.lower_)
            surnames.add(token.lower_)
        if token.lower_ in first and token.i + 1 < len(parsed):
            given.append(token)
    for token in given:  # "Georgia Stevens" (and "Cory Stevens"): a given name + surname
        nxt = parsed[token.i + 1]
        if nxt.is_title and nxt.lower_ in surnames:
            words.add(token.lower_)
    return words


def _person_shaped(ent: Span) -> bool:
    """A place entity of two capitalised words, a given name and another, that the gazetteer
    does not have: "Maya Harden" (GPE), a person whose surname is no town elsewhere in her
    story ("Harden who attended 4th grade"); not "Victoria Falls", a gazetteer name."""
    from dateline.gazetteer import load_gazetteer

    return (
        ent.label_ in ("GPE", "LOC")
        and len(ent) == 2
        and ent[0].is_title
        and ent[1].is_title
        and ent[0].lower_ in _first_names()
        and not load_gazetteer().lookup(ent.text)
    )


def _place_shaped(ent: Span) -> bool:
    """A PERSON entity with a place's form: ending in a word that carries a place's name on
    ("Residents of Jefferson Parish"), or one hyphened word after a locative preposition ("in
    Al-Fashir"); its words are no person's."""
    if ent[-1].lower_ in NAME_SUFFIXES:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.lower_ in LOCATIVE
        and all(not t.whitespace_ for t in ent[:-1])
    )


def _qualifies(token: Token) -> bool:
    """ "Boskovich Farms Inc. of Oxnard, California said Steve Dickstein": a name after a place
    and a comma is the place's qualifier, whatever the parser made its subject of."""
    doc = token.doc
    return (
        token.i >= 2
        and doc[token.i - 1].text == ","
        and doc[token.i - 2].ent_type_ in ("GPE", "LOC")
        and token.ent_type_ in ("GPE", "LOC")
    )


def _runs(tokens: set[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or token.text.rstrip(".").isalpha())


def _candidates(parsed: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (joined by hyphens) outside taken tokens and outside names the
    NER gave a label no place has (dates, numbers)."""
    blocked = {t.i for ent in parsed.ents if ent.label_ in NOT_PLACE_LABELS for t in ent}
    runs = []
    i = 0
    while i < len(parsed):
        if i in taken or i in blocked or not _capitalised(parsed[i]):
            i += 1
            continue
        j = i + 1
        while j < len(parsed) and j not in taken and j not in blocked:
            if _capitalised(parsed[j]) and parsed[j - 1].whitespace_ != "\n":
                j += 1
            elif (
                parsed[j].text == "-"
                and not parsed[j - 1].whitespace_
                and not parsed[j].whitespace_
                and j + 1 < len(parsed)
                and _capitalised(parsed[j + 1])
            ):
                j += 2  # "Rhineland-Palatinate", "Cuvette-Ouest"
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _entries(gazetteer: Gazetteer, span: Span) -> tuple[PlaceEntry, ...]:
    text = span.text
    if len(text.rstrip(".")) < 2:
        return ()
    if text.isupper() and len(text) <= ACRONYM_MAX_CHARS:
        return ()  # "UN", "NSW" read as towns: acronyms are the ruler's and the aliases'
    entries = gazetteer.lookup(text)
    good = tuple(
        e
        for e in entries
        if (e.kind in (PRIMARY, ALIAS) and e.feature in SPOTTED_FEATURES)
        or (e.kind == ALTERNATE and e.feature in SPOTTED_FEATURES and spelling_of(text, e.name))
        or (e.kind == DERIVED and e.feature in ("admin1", "admin2"))
    )
    if len(span) == 1 and text.endswith("."):
        good = tuple(e for e in good if e.kind == ALIAS)  # "Man.", "Que.": abbreviations only
    return good


#: how alike (difflib's ratio of the lookup keys) an alternate name must be to the place's own
#: name to be spotted as it: "Al-Fashir" for El Fasher, "Beni Suef" for Banī Suwayf, not
#: "Google", which Topeka took as a name for a month in 2010
SPELLING_RATIO = 0.5
#: how many spelling comparisons are remembered (a corpus repeats its places' names)
SPELLINGS_KEPT = 4096


@functools.lru_cache(maxsize=SPELLINGS_KEPT)
def spelling_of(text: str, name: str) -> bool:
    """Whether ``text`` is a spelling of the place's own ``name`` rather than another name
    (a nickname, a former name, a stunt), which a name in running text seldom means without a
    label the small model gave it."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, name_key(text), name_key(name)).ratio() >= SPELLING_RATIO


def _person(parsed: Doc, start: int, end: int, people: set[str]) -> bool:
    """ "Georgia Stevens", "Mr. Churchill", a word the article uses in people's names."""
    if any(t.lower_ in people for t in parsed[start:end]):
        return True
    before = parsed[start - 1] if start > 0 else None
    if before is not None and (
        before.lower_.rstrip(".") in PERSON_TITLES
        or (before.ent_type_ == "PERSON" and before.lower_ in _first_names())
    ):
        return True
    after = parsed[end] if end < len(parsed) else None
    first = parsed[start].lower_
    return (
        end - start == 1
        and first in _first_names()
        and after is not None
        and after.is_title
        and after.pos_ == "PROPN"
        and after.lower_ not in AFTER_WORDS
    )


#: how strongly the context makes a name a place: a weak cue does for a name that is not also
#: a given name; "Georgia", "Geneva" need a strong one
NONE, WEAK, STRONG = 0, 1, 2


def _placed(parsed: Doc, span: Span, taken: set[int], known: set[str]) -> int:
    """How strongly the words around ``span`` make it a place (module docstring)."""
    start, end = span.start, span.end
    before = parsed[start - 1] if start > 0 else None
    after = parsed[end] if end < len(parsed) else None
    if after is not None and after.text == "," and end + 1 < len(parsed):
        nxt = parsed[end + 1]
        if nxt.i in taken or (
            _capitalised(nxt)
            and len(nxt.text) <= STATE_ABBREVIATION_MAX_CHARS
            and nxt.i + 1 < len(parsed)
            and parsed[nxt.i + 1].text == "."
        ):
            return STRONG  # "Hugo, Oklahoma", "Churchill, Man."
    if (
        before is not None
        and before.text == ","
        and start >= 2
        and (start - 2) in taken
        and not _names_more(parsed, end)  # "Amherst, N.Y., Police Department"
    ):
        return STRONG  # "Barrie, Ont.": a qualifier of the place before it (or a list)
    if (
        before is not None
        and before.lower_ in LOCATIVE
        and not _names_more(parsed, end)
        and not _source_of(before)
    ):
        return STRONG
    if (
        before is not None
        and before.lower_ == "of"
        and start >= 2
        and parsed[start - 2].lower_ in PLACE_NOUNS_OF
    ):
        return STRONG
    if (
        before is not None
        and before.lower_ in NAMING_WORDS
        and start >= 2
        and parsed[start - 2].lower_ in PLACE_NOUNS_OF
    ):
        return STRONG  # "in a town called Låsby", "a village named Bariyarpur"
    if (
        before is not None
        and before.lower_ == "of"
        and start >= AGE_APPOSITION_TOKENS
        and parsed[start - 2].text == ","
        and parsed[start - AGE_APPOSITION_TOKENS].like_num
    ):
        return STRONG  # "James Suver, 25, of Columbia": a person's home town
    if _listed(parsed, start, end, taken) and not _names_more(parsed, end):
        return STRONG
    if name_key(span.text) in known:
        return WEAK
    if after is not None and after.lower_.rstrip(".") in AFTER_WORDS:
        return WEAK
    return NONE


def _source_of(preposition: Token) -> bool:
    """ "According to Yap, test results ...": the object of "according to" is who says so (a
    person, a body, a state that acts), never where something is (Yap, Micronesia)."""
    return (
        preposition.lower_ == "to"
        and preposition.i > 0
        and preposition.doc[preposition.i - 1].lower_ == "according"
    )


def _names_more(parsed: Doc, end: int) -> bool:
    """ "at Wake Forest University", "in Highbury Corner Magistrates' Court": the name goes
    on into another one."""
    return end < len(parsed) and _capitalised(parsed[end]) and parsed[end].lower_ not in AFTER_WORDS


def _listed(parsed: Doc, start: int, end: int, taken: set[int]) -> bool:
    """ "Red Deer, Innisfail and Edmonton": next to a recognised place in a list."""
    if end + 1 < len(parsed) and parsed[end].lower_ in LIST_JOINERS and (end + 1) in taken:
        return True
    if start >= 2 and parsed[start - 1].lower_ in LIST_JOINERS and (start - 2) in taken:
        return True
    before_comma = start - 3  # the name before ", and" (the joiner, then the comma)
    return (  # "Oppland, Vest-Agder, and Aust-Agder": the serial comma before the last name
        before_comma >= 0
        and parsed[start - 1].lower_ in LIST_JOINERS
        and parsed[start - 2].text == ","
        and before_comma in taken
    )
