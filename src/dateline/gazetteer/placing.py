"""Where an event happened: the place of an event trigger, from the parse and the article's places.

:func:`event_place` reads the places the places stage located (:mod:`dateline.stages.places`,
with their tokens in the parse) and gives the place that locates the event's clause or sentence,
else the dateline's, a place carried on from earlier in the paragraph, or the place the article
is set in (:func:`article_setting`). Only a place the text puts something at counts
(:func:`anchor_of`). The events stage asks it for every event (through
:mod:`dateline.events.links`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.caches import AnchoredPlace, PlacesCache, PlaceTokens
from dateline.document import Document
from dateline.gazetteer.clues import AREA_WORDS
from dateline.model import EventPlace, Place
from dateline.words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: Feature preference when several places share the trigger's clause: the most specific first.
SPECIFICITY = {"facility": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
#: the rank of a feature SPECIFICITY does not list (a continent): after every listed one
UNLISTED_SPECIFICITY = len(SPECIFICITY)
#: features of a local story's place: a town or an area, not a country (see _names_its_people)
LOCAL_FEATURES = word_set("places", "event.local_features")
#: how many nouns up ("the road near the town of Virden") a place's anchor climbs to what is
#: there, and how many list members back to the first of the list
ANCHOR_HOPS = 3
LIST_HOPS = 4
#: head words of sites: facilities, streets and natural features ("Bob Wills Museum",
#: "Hertford Road", "Mahim Bay"); not schools, hospitals and centres, which TR-News and
#: GeoVirus mostly leave out (2 of 9 hospitals, 0 of 15 schools and centres in their dev halves)
SITE_HEADS = word_set("places", "recognise.site_heads")
#: place nouns a country's adjective can name the country on: "Ukrainian cities"
DEMONYM_PLACE_NOUNS = word_set("places", "recognise.demonym_place_nouns")
#: how long before the article date a time named with a place makes the place a flashback's
FLASHBACK_DAYS = 7
LOCATIVE_PREPOSITIONS = word_set("places", "event.locative_prepositions")
DESTINATION_PREPOSITIONS = word_set("places", "event.destination_prepositions")
#: "evacuated from Azovstal", "rescued from the rubble": the origin is where the act happens
ORIGIN_PREPOSITIONS = word_set("places", "event.origin_prepositions")
MOVEMENT_WORDS = word_set("places", "event.movement_words")
REMOVAL_WORDS = word_set("places", "event.removal_words")
PLACE_ACTS = word_set("places", "event.place_acts")
EVENT_NOUNS = word_set("places", "event.event_nouns")
PLACE_NOUNS = word_set("places", "event.place_nouns")
#: acts of speech and meetings: they happen where the speakers are (see event_place)
SPEECH_ACTS = word_set("places", "event.speech_acts")
#: words of meeting and receiving: a place they have sets the article (see article_setting)
ENCOUNTER_WORDS = word_set("places", "event.encounter_words")
STREET_PREPOSITIONS = word_set("places", "event.street_prepositions")
#: "attacks on sites in Sudan", "strikes against Iraq": what an act is aimed at
TARGET_PREPOSITIONS = word_set("places", "event.target_prepositions")
#: "thanked Lithuania for their support of our membership in the European Union": what an
#: act of speech is about
TOPIC_PREPOSITIONS = word_set("places", "event.topic_prepositions")
#: "Freeh, on an official visit to Mexico, asked": a journey its traveller is on
JOURNEY_PREPOSITIONS = word_set("places", "event.journey_prepositions")
#: "launched strikes against camps in Afghanistan": verbs whose object is the event they are
LIGHT_VERBS = word_set("places", "event.light_verbs")
STREET_HEADS = word_set("places", "recognise.street_heads")
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
#: Dependency labels that head a clause (ClearNLP labels used by spaCy's English models).
CLAUSE_DEPS = word_set("places", "event.clause_deps")
#: "talks with his counterpart in Kyiv": the preposition joining a meeting to the one met, and
#: those joining a participant to the phrase it is part of ("a delegation of US senators led by
#: McConnell in Kyiv"); how many such links a place on the one met climbs to the meeting
COMPANION_PREPOSITIONS = word_set("places", "event.companion_prepositions")
PARTICIPANT_LINKS = word_set("places", "event.participant_links")
PARTICIPANT_HOPS = 3
#: "shootings that injured doctors in Vancouver": the relative pronoun as a clause's subject
RELATIVE_PRONOUNS = word_set("events", "arguments.relative_pronouns")
#: entity labels of place names ("U.S. embassies in Nairobi": GPE)
PLACE_LABELS = word_set("places", "recognise.place_labels")
#: "The attack ... occurred at a store in Shenzhen": determiners that make an event noun refer
#: back to an event told before; how many sentences after the event such a noun is looked for;
#: how many letters two event words share at least to be one event's ("abducted", "her
#: abduction"; not "kill" and "killings", too short to tell a word from its neighbours)
BACK_REFERENCE_DETERMINERS = word_set("events", "implicit.definite_determiners")
RETOLD_SENTENCES = 5
RETOLD_STEM = 5
#: features of places a back-reference may make more specific: a country or an area
RETOLD_FEATURES = word_set("places", "event.retold_features")
#: how often the article names a country at least for an act it places nowhere else to happen
#: there (see _country_of_the_story)
STORY_COUNTRY_MENTIONS = 3
#: how long a qualifier in capitals after a town may be ("Washington DC", "Buffalo, N.Y.")
QUALIFIER_LETTERS = 4


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
    3. the place of the last sentence before it in its paragraph that placed a main clause
       (the first it named, a dateline aside), unless told of an older time ("we met in January
       2020 at events in Israel" places nothing of today, nor does "the program which once
       helped protect freedom in Europe") or of the future ("the evacuees will arrive in
       Zaporizhzhia tomorrow") ("paragraph"): a local outlet's story of an attack abroad tells
       its events where they happened (the records gold's D56). Not for an act of speech or a
       meeting ("thank", "discussed", "talks"): it happens where the speakers are, not where
       the events they speak of did;
    4. the article's dateline ("ADDIS ABABA, Ethiopia (AP) _"), which places the events it
       introduces ("article");
    5. for the title, which tells the story of the first paragraphs, the first place there
       ("paragraph");
    6. the place the article is set in ("article", :func:`article_setting`).
    """
    located = doc.place_tokens
    if not located:
        return None
    return _event_place(doc, trigger, located)


def _told_in_body(
    doc: Document, trigger: Token, located: tuple[PlaceTokens, ...]
) -> EventPlace | None:
    """A title's event takes the place the body tells it at (the records gold's D18: "Asylum
    seekers rescued off Indonesian coast" over "fishermen rescued ... along the coast of Aceh"):
    that of the body's first mention of its trigger word (see :func:`_event_place`)."""
    # a title's lemmas may be its words: the body's first token of either
    token = doc.next_telling(trigger, doc.paragraphs[1].start)
    return _event_place(doc, token, located) if token is not None else None


def _country_of_the_story(doc: Document, trigger: Token) -> EventPlace | None:
    """ "We began the operation on schedule and airlifted all the troops very quickly" in a
    report on the peacekeeping mission to Kazakhstan: an act the text places nowhere, by no
    place, dateline or setting, happened in the country the story is about, the one it names
    more often than any other (``STORY_COUNTRY_MENTIONS`` times at least, by name or
    adjective; the records gold's host country given by context). Not an act of speech or a
    meeting, which happens where the speakers are."""
    if trigger.lemma_.lower() in SPEECH_ACTS or _is_encounter(trigger):
        return None
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for _, _, place in doc.place_tokens:
        if place.feature == "country" and place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
            first.setdefault(place.country, place)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < STORY_COUNTRY_MENTIONS or ranked[1:2] == ranked[:1]:
        return None
    country = max(counts, key=lambda c: counts[c])
    return EventPlace(place=first[country], precision="article")


def _refines(inner: Place, outer: Place) -> bool:
    """``inner`` is a more specific place in the country or area ``outer`` (Paris in France)."""
    return (
        outer.feature in ("country", "admin1", "region")
        and inner.country == outer.country
        and SPECIFICITY.get(inner.feature, UNLISTED_SPECIFICITY)
        < SPECIFICITY.get(outer.feature, UNLISTED_SPECIFICITY)
        and (outer.feature != "admin1" or inner.admin1 == outer.admin1)
    )


def _places_cache(doc: Document) -> PlacesCache:
    """What every event of the article reads of its places, worked out on the first one
    (``doc.places_cache``, see :class:`~dateline.caches.PlacesCache`)."""
    if doc.places_cache is None:
        anchored = _anchored(doc, doc.place_tokens)
        doc.places_cache = PlacesCache(anchored, _setting(doc, anchored))
    return doc.places_cache


def _event_words(doc: Document) -> dict[str, dict[str, tuple[int, ...]]]:
    """The article's verbs and nouns: stem (the lemma's first ``RETOLD_STEM`` letters) ->
    lower-case lemma -> token indices (see :class:`~dateline.caches.PlacesCache`), read from
    the parse's arrays once per article."""
    import numpy as np
    from spacy.attrs import LEMMA, POS

    words = _places_cache(doc).event_words
    if words:
        return words
    parsed = doc.parsed
    strings = parsed.vocab.strings
    table = parsed.to_array([LEMMA, POS])
    tags = table[:, 1]
    chosen = np.nonzero((tags == strings["VERB"]) | (tags == strings["NOUN"]))[0]
    # token indices by lemma id in one pass (a mask per lemma cost a pass per lemma)
    by_id: dict[int, list[int]] = {}
    for i, lemma_id in zip(chosen.tolist(), table[chosen, 0].tolist(), strict=True):
        by_id.setdefault(lemma_id, []).append(i)
    for lemma_id in sorted(by_id):
        lemma = strings[lemma_id].lower()
        by_lemma = words.setdefault(lemma[:RETOLD_STEM], {})
        by_lemma[lemma] = tuple(sorted((*by_lemma.get(lemma, ()), *by_id[lemma_id])))
    words.setdefault("", {})  # computed: an article with no verb or noun asks once
    return words


def _anchored(doc: Document, located: tuple[PlaceTokens, ...]) -> tuple[AnchoredPlace, ...]:
    parsed = doc.parsed
    anchored = []
    for start, end, place in located:
        span = parsed[start:end]
        anchor = anchor_of(span)
        carries = (
            anchor is not None
            and _main_clause(anchor)
            and not _future(anchor)
            and not _told_of_before(doc, place)
        )
        anchored.append(AnchoredPlace(start, place, anchor, is_dateline(span), carries))
    return tuple(anchored)


def _event_place(
    doc: Document, trigger: Token, located: tuple[PlaceTokens, ...]
) -> EventPlace | None:
    here = _placed_here(doc, trigger)
    if len(doc.paragraphs) > 1 and trigger.idx < doc.paragraphs[0].end:
        # the body's place of the title's event: where its clause or sentence tells it, or
        # where its paragraph does when that lies in the title's own country or area
        # ("witnessed attack in France" over "... on Paris' Champs-Elysees boulevard. The
        # attack left one officer dead"), unless the title's own clause places it elsewhere ("corridors have been agreed upon in Kyiv, Sumy, Kharkiv and Donetsk
        # regions" over the body's "agreed ... in the Kharkiv region")
        told = _told_in_body(doc, trigger, located)
        if (
            told is not None
            and (here is None or here.precision != "clause" or _refines(told.place, here.place))
            and (
                told.precision in ("clause", "sentence")
                or (
                    told.precision == "paragraph"
                    and here is not None
                    and _refines(told.place, here.place)
                )
            )
        ):
            return _retold(doc, trigger, told)
    return (
        _retold(doc, trigger, here)
        or _told_elsewhere(doc, trigger)
        or _country_of_the_story(doc, trigger)
    )


def _told_elsewhere(doc: Document, trigger: Token) -> EventPlace | None:
    """ "A man who fatally stabbed a man in the neck ... has been found guilty" over "admitted
    fatally stabbing ... at a house in Edmonton": an event the text and its article place
    nowhere happened where another mention of its word is placed in its own clause, the
    nearest first (the records gold's D18: the place where it happened, as named in the text).
    Not an act of speech or a meeting, which may be any of several."""
    word = trigger.lemma_.lower()
    if word in SPEECH_ACTS or _is_encounter(trigger):
        return None
    # a word of the same stem starts with the same letters (the shorter is the longer's start,
    # of RETOLD_STEM letters at least): only the lemmas under the word's stem can be one
    lemmas = _event_words(doc).get(word[:RETOLD_STEM], {})
    others = sorted(
        (
            i
            for lemma, indices in lemmas.items()
            if lemma == word or _same_event_word(word, lemma)
            for i in indices
            if i != trigger.i
        ),
        key=lambda i: (abs(i - trigger.i), i),  # the nearest first, the earlier on a tie
    )
    for i in others:
        told = _placed_here(doc, trigger.doc[i])
        if told is not None and told.precision == "clause":
            return EventPlace(place=told.place, precision="article")
    return None


def _retold(doc: Document, trigger: Token, found: EventPlace | None) -> EventPlace | None:
    """ "Two people were killed ... in a knife attack at a Walmart in southern China. The
    attack ... occurred around 9 p.m. Sunday at a store in Shenzhen", "she was abducted while
    out jogging. ... The motive behind her abduction in Redding, northern California, ...": an
    event placed only by a country or an area takes the place in it that a later mention of the
    same event gives in its own clause (the records gold's D18: the place where it happened, as
    named in the text). A later mention is a noun of the trigger's word or its derivation with
    a determiner or possessor that refers back ("the attack", "her abduction") within
    ``RETOLD_SENTENCES`` sentences."""
    if found is None or found.place.feature not in RETOLD_FEATURES:
        return found
    word = trigger.lemma_.lower()
    parsed = trigger.doc
    after = doc.sentence_of(trigger).end
    # the later mentions: found by the article's index of words by stem, not by walking every
    # token; most events have none, and the sentences need not be counted
    lemmas = _event_words(doc).get(word[:RETOLD_STEM], {})
    later = sorted(
        i
        for lemma, indices in lemmas.items()
        if _same_event_word(word, lemma)
        for i in indices
        if after <= i
    )
    if not later:
        return found
    # they lie in the next RETOLD_SENTENCES sentences (a stray "(" is none)
    start, limit, sentences = after, len(parsed), 0
    while start < len(parsed):
        sentence = doc.sentence_of(parsed[start])
        sentences += any(t.is_alpha for t in sentence)
        if sentences > RETOLD_SENTENCES:
            limit = start
            break
        start = sentence.end
    for i in (i for i in later if i < limit):
        token = parsed[i]
        if token.pos_ != "NOUN":
            continue
        if not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in BACK_REFERENCE_DETERMINERS)
            for c in token.children
        ):
            continue
        told = _placed_here(doc, token)
        if told is not None and told.precision == "clause" and _refines(told.place, found.place):
            return EventPlace(place=told.place, precision=found.precision)
    return found


def _same_event_word(word: str, other: str) -> bool:
    """ "attack" and "attack", "abduct" and "abduction": the one word is the other's start,
    of ``RETOLD_STEM`` letters at least."""
    shorter, longer = sorted((word, other), key=len)
    return len(shorter) >= RETOLD_STEM and longer.startswith(shorter)


def _placed_here(doc: Document, trigger: Token) -> EventPlace | None:
    """The trigger's place by steps 1-6 of :func:`event_place`, the body aside; read once per
    token of the article (it depends on the parse and the places only)."""
    placed = _places_cache(doc).placed
    if trigger.i not in placed:
        placed[trigger.i] = _placed_here_once(doc, trigger)
    return placed[trigger.i]


def _placed_here_once(doc: Document, trigger: Token) -> EventPlace | None:
    places = _places_cache(doc).anchored
    clause: Token | None = None  # climbed to on the first place of the sentence: most have none
    sentence = doc.sentence_of(trigger)
    own: list[tuple[int, Place]] = []
    near: list[tuple[int, Place]] = []
    for item in places:
        if not sentence.start <= item.start < sentence.end or item.anchor is None:
            continue
        if clause is None:
            clause = _clause_head(trigger)
        anchor = item.anchor
        if (
            anchor in (trigger, clause)
            or (_clause_head(anchor) == clause and anchor.is_ancestor(trigger))
            or _describes(anchor, trigger)
        ):
            own.append((item.start, item.place))
        elif _locates_around(anchor, trigger, clause) or _shared_by_conjuncts(anchor, trigger):
            near.append((item.start, item.place))
    if own:
        place = _met_within(doc, trigger, _first_named(own))
        return EventPlace(place=place, precision="clause")
    if near:
        _, place = min(
            near,
            key=lambda item: (
                SPECIFICITY.get(item[1].feature, UNLISTED_SPECIFICITY),
                abs(item[0] - trigger.i),
            ),
        )
        return EventPlace(place=_met_within(doc, trigger, place), precision="sentence")
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
            place = _first_named([(s, p) for s, p in before if p.sentence == last])
            return EventPlace(place=_met_within(doc, trigger, place), precision="paragraph")
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


def _met_within(doc: Document, trigger: Token, place: Place) -> Place:
    """ "Thank you for accepting our invitation to visit Russia", "This is your first visit to
    our country" in a story set in Moscow: a visit or meeting of the text's own speakers told
    only by the country it is in happens where they meet, the setting, when that lies in the
    same country (the records gold's D18: the place where it happened; a country's point is far
    from its capital's). A visit told of in the third person ("the Secretary-General's visit to
    Ukraine") keeps the country: it may span more than the one town."""
    if (
        place.feature != "country"
        or trigger.lemma_.lower() not in ENCOUNTER_WORDS
        or not _said_to_the_visitor(trigger)
    ):
        return place
    setting = article_setting(doc)
    if (
        setting is not None
        and setting.country == place.country
        and SPECIFICITY.get(setting.feature, UNLISTED_SPECIFICITY) < SPECIFICITY["country"]
    ):
        return setting
    return place


def _said_to_the_visitor(trigger: Token) -> bool:
    """A word of the text's own speakers ("I", "you", "our") hangs from the trigger or from a
    word it depends on, up to its sentence's root: "your first visit", "accepting our invitation
    to visit"."""
    current = trigger
    while True:
        if any(c.lower_ in FIRST_SECOND_PERSON for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head


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
        and not _spoken_of(anchor, clause)
    )


def _spoken_of(noun: Token, clause: Token) -> bool:
    """ "The participation of Azerbaijani business in large-scale privatization in Ukraine was
    discussed", "We discussed the situation in Donbas", "thanked Lithuania for their support of
    our membership in the European Union": a place inside what an act of speech is about (its
    object, its passive subject, or a phrase of topic) is where that is, not where the speakers
    are (the records gold's D18)."""
    if clause.lemma_.lower() not in SPEECH_ACTS:
        return False
    current = noun
    while current.head.i != current.i and current.head != clause:
        current = current.head
    return current.head == clause and (
        current.dep_ in ("dobj", "nsubjpass")
        or (current.dep_ == "prep" and current.lower_ in TOPIC_PREPOSITIONS)
    )


def _shared_by_conjuncts(anchor: Token, trigger: Token) -> bool:
    """ "she was harassed and intimidated by volunteers during a meeting in Red Deer": the
    occasion the parser hangs on the last of coordinated verbs is the occasion of each of them
    (as a place hung on it is, :func:`_locates_around`)."""
    later = tuple(c.i for c in trigger.conjuncts if c.i > trigger.i and c.pos_ in ("VERB", "AUX"))
    return bool(later) and _circumstance_of(anchor, later)


def _in_another_event(noun: Token, trigger: Token, clause: Token) -> bool:
    """ "investigate the genocide of more than 500,000 minority Tutsis in Rwanda": a noun
    inside another event's phrase is where that event happened."""
    current = noun.head
    while current.i not in (trigger.i, clause.i) and current.head.i != current.i:
        if (
            current.pos_ == "NOUN"
            and current.lemma_.lower() in PLACE_ACTS | EVENT_NOUNS
            and not (
                current.dep_ == "dobj"
                and current.head.i in (trigger.i, clause.i)
                and current.head.lemma_.lower() in LIGHT_VERBS
            )
        ):  # "launched cruise missile strikes against camps in Afghanistan": the strikes
            return True  # a light verb launched are its own event
        current = current.head
    return False


def _circumstance_of(anchor: Token, heads: tuple[int, ...]) -> bool:
    """ "told Putin about his contacts ... during his recent visit to Kiev", "signed at a
    summit in Brussels": an event the trigger or its clause happens during or at is where it
    happens (``heads``: the token indexes of the trigger and its clause's head); so is a
    journey its traveller is on ("Freeh, on an official visit to Mexico, asked")."""
    preposition = anchor.head
    return (
        anchor.dep_ == "pobj"
        and (
            preposition.lower_ in CIRCUMSTANCE_PREPOSITIONS
            or (
                preposition.lower_ in JOURNEY_PREPOSITIONS
                and anchor.lemma_.lower() in MOVEMENT_WORDS
            )
        )
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
    flashbacks = [
        t
        for t in doc.extraction.times
        if sentence.start <= t.span.start < sentence.end
        and t.latest is not None
        and (dct - t.latest).days > FLASHBACK_DAYS
    ]
    if not flashbacks:  # most places: the parse need not be climbed to find their anchor
        return False
    parsed = doc.parsed
    here = parsed.char_span(place.span.start, place.span.end, alignment_mode="expand")
    anchor = anchor_of(here) if here is not None else None
    located = anchor if anchor is not None else here.root if here is not None else None
    clause = _clause_head(located) if located is not None else None
    for t in flashbacks:
        when = parsed.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if located is None or clause is None or when is None:
            return True
        dated = _dated_noun(when.root)
        if dated is not None:  # "the October slaying": a flashback of that noun's place only
            if dated == located or dated.is_ancestor(located):
                return True
        elif _tells_of(when.root, clause):
            return True
    return False


def _dated_noun(time: Token) -> Token | None:
    """ "With the finding of a buried rifle 11 days ago, the authorities in the Buffalo, N.Y.,
    area say", "evidence in the October slaying": a time hung on a noun dates what that noun
    names, not the clause around it (the noun, or None when the time hangs on a verb)."""
    current = time
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return None
        if current.pos_ in ("NOUN", "PROPN"):
            return current
    return None


def _tells_of(time: Token, clause: Token) -> bool:
    """The time word dates the clause ``clause`` or one that clause hangs from ("the
    convictions in the 1990s" dates nothing of "A Texas court on Wednesday exonerated four
    women convicted in the 1990s": it dates the clause under it)."""
    head = _clause_head(time)
    current = clause
    while True:
        if current == head:
            return True
        if current.head.i == current.i:
            return False
        current = _clause_head(current.head)


def article_setting(doc: Document) -> Place | None:
    """The place the article is set in: its dateline's, else where its people meet ("welcome
    you to Moscow", "we are meeting here, at Vostochny"; the most specific of those), else the
    first place the text puts something at, the most specific of its sentence (a local story's
    town; cached in ``doc.places_cache``). Only the title and the lede set an article, or a
    meeting of the text's own speakers ("I want to welcome you to Moscow"): a visit told of
    further down is a part of the story, not its setting. Flashbacks set nothing."""
    return _places_cache(doc).setting


def _setting(doc: Document, anchored: tuple[AnchoredPlace, ...]) -> Place | None:
    """See :func:`article_setting`; ``anchored``: the anchors and datelines of
    ``doc.place_tokens``, one by one (:func:`_anchored`), not worked out again."""
    parsed = doc.parsed
    # by token range: the anchor and dateline are the range's (anchor_of, is_dateline)
    anchors = {(s, e): item for (s, e, _), item in zip(doc.place_tokens, anchored, strict=True)}
    located: list[tuple[int, int, Place]] = [
        (s, e, p)
        for s, e, p in doc.place_tokens
        if parsed[s].lower_ != "our"  # "our country" (own_country) is no setting
    ]
    datelines = [p for s, e, p in located if anchors[s, e].dateline]
    setting = None
    lede_end = doc.lede_end() or len(doc.text)
    if datelines:
        setting = datelines[0]
    else:
        met = (
            [
                p
                for s, e, p in located
                if not _told_of_before(doc, p)
                and (anchor := anchors[s, e].anchor) is not None
                and _is_encounter(anchor)
                and not _future(anchor)
                and (p.span.start < lede_end or _speakers_there(anchor))
            ]
            or [
                p
                for s, e, p in located
                if p.span.start < lede_end
                and not _told_of_before(doc, p)
                and (come := _come_here(parsed[s:e].sent)) is not None
                and not _future(come)
            ]
            or [
                p
                for s, e, p in located
                if p.span.start < lede_end
                and not _told_of_before(doc, p)
                and (come := _come_to_occasion(parsed[s:e])) is not None
                and not _future(come)
            ]
        )
        placed = [
            p
            for s, e, p in located
            if p.span.start < lede_end
            and (anchor := anchors[s, e].anchor) is not None
            and not _future(anchor)
            and not _told_of_before(doc, p)
        ]
        if met:  # "meet with you in Moscow" after "Welcome to Russia": the most specific
            setting = min(met, key=lambda p: SPECIFICITY.get(p.feature, UNLISTED_SPECIFICITY))
        elif placed:
            first = [p for p in placed if p.sentence == placed[0].sentence]
            setting = min(first, key=lambda p: SPECIFICITY.get(p.feature, UNLISTED_SPECIFICITY))
        else:  # "Toronto family in shock", "Abducted California woman": a local story's place
            named = [
                p
                for s, e, p in located
                if p.span.start < lede_end
                and _names_its_people(parsed[s:e], p)
                and not _told_of_before(doc, p)
            ]
            if named:
                first = [p for p in named if p.sentence == named[0].sentence]
                setting = min(first, key=lambda p: SPECIFICITY.get(p.feature, UNLISTED_SPECIFICITY))
    return setting


def _names_its_people(span: SpacySpan, place: Place) -> bool:
    """ "Toronto family", "a Texas court", "Slain N.C. couple": a place before a common noun
    says where the story's people are, when the title and the lede place nothing else; not a
    name's part ("Toronto Maple Leafs", "the Arctic Council"), nor a country, which is an
    attribute of its people ("US military", "Russian-Brazilian partnership")."""
    root = span.root
    head = root.head
    return (
        place.feature in LOCAL_FEATURES
        and root.dep_ in ("compound", "nmod", "amod")
        and head.pos_ == "NOUN"
        and head.ent_type_ not in NAME_LABELS
        and not (span.end < len(span.doc) and _starts_a_name(span.doc[span.end]))
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
        if preposition.head is preposition:
            break
        if (
            preposition.lower_ == "of"
            and preposition.head.pos_ == "NOUN"
            and preposition.head.dep_ == "pobj"
            and preposition.head.head.lower_ in LOCATIVE_PREPOSITIONS
        ):  # "as he stood in the kitchen of his home in suburban Amherst": the part is where
            anchor = preposition.head  # the whole is
            continue
        if preposition.lower_ not in LOCATIVE_PREPOSITIONS:
            break
        anchor = preposition.head
    return _meeting_of(anchor)


def _is_encounter(token: Token) -> bool:
    """A word of meeting, by its lemma or as written ("negotiations", which the lemmatiser
    reduces to "negotiation")."""
    return token.lemma_.lower() in ENCOUNTER_WORDS or token.lower_ in ENCOUNTER_WORDS


def _meeting_of(anchor: Token | None) -> Token | None:
    """ "following the negotiations with his Azerbaijani counterpart in Kyiv", "I held talks
    with a delegation of US senators led by ... McConnell in Kyiv": the parser hangs the place
    on the one met, a participant of the meeting; the meeting is where they are (the records
    gold's D18), so the place is the meeting's. Climbs from a noun through "of", "by" and the
    participle it introduces, up to ``PARTICIPANT_HOPS`` nouns, to a word of meeting joined by
    "with"; any other noun keeps its place (a place on "refugees from Mariupol" is theirs)."""
    if anchor is None or anchor.pos_ not in ("NOUN", "PROPN"):
        return anchor
    noun = anchor
    for _ in range(PARTICIPANT_HOPS):
        if noun.dep_ != "pobj" or noun.head is noun:
            break
        preposition = noun.head
        head = preposition.head
        if preposition.lower_ in COMPANION_PREPOSITIONS:
            return head if _is_encounter(head) else anchor
        if preposition.lower_ not in PARTICIPANT_LINKS:
            break
        if head.dep_ == "acl" and head.pos_ == "VERB":  # "led by McConnell": the one led
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = head
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
    head = token.head
    if token.dep_ in ("nmod", "compound") and (
        (
            head.ent_type_ in PLACE_LABELS
            and token.i + 1 < head.i
            and parsed[token.i + 1].text == ","
        )
        or (head.i == token.i + 1 and head.is_upper and len(head.text) <= QUALIFIER_LETTERS)
    ):  # "the authorities in the Buffalo, N.Y., area", "travel to Washington DC": where its
        token = head  # qualifier is put
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
            if _removal(word):  # "our evacuation operation from Mariupol"
                return word
            if word.dep_ == "pobj" and word.head.lower_ == "of":
                word = word.head.head  # "the evacuation of people from Mariupol"
            return word if _removal(word) else None
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
        if _placed_by_name(head):
            return None  # "U.S. embassies in Nairobi": the noun's own place locates it
        lemma = head.lemma_.lower()
        if lemma in PLACE_ACTS | EVENT_NOUNS or _local_body(head):
            return head  # "Montreal ... raids", "Montreal police" (who act there)
        if (
            head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and head.head.lower_ in LOCATIVE_PREPOSITIONS
        ):
            return head.head.head
    return None


def _removal(word: Token) -> bool:
    """A word of taking out of a place, or a noun one names the kind of ("our evacuation
    operation from Mariupol")."""
    return word.lemma_.lower() in REMOVAL_WORDS or any(
        c.dep_ == "compound" and c.lemma_.lower() in REMOVAL_WORDS for c in word.children
    )


def _placed_by_name(noun: Token) -> bool:
    """ "U.S. embassies in Nairobi", "the U.S. embassies in the Kenyan and Tanzanian capitals",
    "U.S. missile attacks on alleged terrorist sites in Sudan": the noun has a place of its own
    after a locative preposition or in what it is aimed at (a name, a country's adjective's
    place noun, or a noun placed so in turn), so a name before it is its owner's, not its
    place; "Winnipeg police at the scene" keeps Winnipeg, "the scene" being no place."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in LOCATIVE_PREPOSITIONS | TARGET_PREPOSITIONS
        and any(o.dep_ == "pobj" and _a_place(o, hops=1) for o in c.children)
        for c in noun.children
    )


def _a_place(noun: Token, hops: int) -> bool:
    """``noun`` names a place ("Nairobi", "the Kenyan capitals"), or, ``hops`` times, has one
    after a locative preposition ("sites in Sudan")."""
    if noun.ent_type_ in PLACE_LABELS:
        return True
    if noun.lemma_.lower() in DEMONYM_PLACE_NOUNS and any(
        c.dep_ == "amod" and c.ent_type_ == "NORP" for c in noun.children
    ):
        return True
    return hops > 0 and any(
        c.dep_ == "prep"
        and c.lower_ in LOCATIVE_PREPOSITIONS
        and any(o.dep_ == "pobj" and _a_place(o, hops - 1) for o in c.children)
        for c in noun.children
    )


def _local_body(noun: Token) -> bool:
    """ "Montreal police", "West Virginia authorities": a local body, by its word as written or
    its lemma (the list holds plurals the lemmatiser reduces: "authorities" -> "authority")."""
    return noun.lemma_.lower() in LOCAL_BODIES or noun.lower_ in LOCAL_BODIES


def _clause_head(token: Token) -> Token:
    """The verb heading the clause that ``token`` is in (the token itself for a verb)."""
    current = token
    while True:
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS:
            return current
        if current.head.i == current.i:  # the root (spaCy builds a new Token on each access)
            return current
        current = current.head


def is_dateline(span: SpacySpan) -> bool:
    """ "LONDON, Ky. -", "BERLIN (Reuters) -": a name opening its sentence and cut off by
    punctuation locates the story; the parser often makes it the verb's subject."""
    parsed = span.doc
    if not (span.end < len(parsed) and parsed[span.end].text in {",", "(", "-", "—", "–"}):
        return False
    before = parsed[span.sent.start : span.start]
    if span.text.isupper():  # "BERLIN (Reuters) -", "THE HAGUE, Netherlands (AP)_"
        return len(before) == 0 or before.text.isupper()
    # the town's qualifier: "ADDIS ABABA, Ethiopia (AP) _"
    return len(before) > 1 and before[-1].text == "," and before[:-1].text.isupper()


def _describes(anchor: Token, trigger: Token) -> bool:
    """ "the first meeting set to take place in Christchurch": a clause that modifies the
    trigger's noun (through open and adverbial clauses) says where it happens; so does a
    relative clause whose subject is the event itself ("sniper shootings that injured abortion
    doctors in Vancouver"), through the phrases of its verb ("the brawl that took place on a
    deserted street in Upper Edmonton"), not one of which it is the object or place, which
    tells of another event ("the talks they had planned in Minsk")."""
    current = anchor
    for _ in range(ANCHOR_HOPS):  # "the brawl that took place on a deserted street in Upper
        preposition = current.head  # Edmonton": the street where the clause's act is
        if current.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.head is preposition:
            break
        current = preposition.head
    while current.dep_ in ("advcl", "xcomp") and current.head is not current:
        current = current.head
    if current.head != trigger:
        return False
    return current.dep_ == "acl" or (
        current.dep_ == "relcl"
        and trigger.pos_ == "NOUN"
        and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in current.children)
    )


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


def _come_to_occasion(span: SpacySpan) -> Token | None:
    """ "Thank you very much for coming to the St Petersburg International Economic Forum": a
    town that opens the name of an occasion its people come to or meet at, told in the lede,
    is where they are (the word of meeting, or None). Only the setting: the town in an
    occasion's name locates no other event ("addressed the participants of the Copenhagen
    Democracy Summit" by video)."""
    parsed = span.doc
    if not (span.end < len(parsed) and _starts_a_name(parsed[span.end])):
        return None
    last = parsed[span.end]
    while last.i + 1 < len(parsed) and parsed[last.i + 1].is_title:
        last = parsed[last.i + 1]
    preposition = last.head
    if (
        last.lemma_.lower() not in EVENT_NOUNS
        or last.dep_ != "pobj"
        or preposition.lower_ not in DESTINATION_PREPOSITIONS | LOCATIVE_PREPOSITIONS
        or preposition.head is preposition
    ):
        return None
    return preposition.head if _is_encounter(preposition.head) else None


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
