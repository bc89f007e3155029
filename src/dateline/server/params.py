"""Query parameters: their grammar, their hard limits, and the searches they make.

Every parameter is declared (so the OpenAPI schema lists it) and checked before it reaches the
storage layer: enums against their values, days as ISO dates, ids against :data:`ID_PATTERN`,
free text against :data:`TEXT_PATTERN`. Values are bound as SQL parameters in any case; the
grammar is there so that a probe (``' OR 1=1 --``, ``../../etc/passwd``) gets a 400 that says
what a valid value looks like instead of an empty result. An unknown or repeated parameter is a
400 too, so a misspelt filter is never silently ignored.
"""

import datetime as dt
import re
from typing import Annotated, Any, get_args

from fastapi import Depends, Query, Request

from dateline.errors import DatelineError
from dateline.model import SPEECH_KINDS, Factuality, QuoteKind
from dateline.storage.search import EVENT_SORTS, QUOTE_SORTS, EventSearch, QuoteSearch

#: Rows per page by default, and at most: a page is a screenful, not an export.
DEFAULT_PAGE = 50
MAX_PAGE = 500
#: Rows one CSV or Parquet download may hold, by default and at most.
DEFAULT_DOWNLOAD = 10_000
MAX_DOWNLOAD = 100_000
MAX_OFFSET = 1_000_000
MAX_TEXT = 200
#: Edges of the network and places of the map, at most.
MAX_EDGES = 400
MAX_PLACES = 1_000

#: Record ids as dateline makes them (``art-2025-03-14-90bad019303b``, ``ev21-1499``,
#: ``vladimir-putin``): no slashes, no dots at the start, nothing a path or SQL could use.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_:.-]{0,199}$"
_ID = re.compile(ID_PATTERN)
#: Free text (names, places, phrases): letters, digits, spaces and the punctuation of names and
#: sentences; no ; = < > * / \ % | ` { } [ ] # and no "--".
TEXT_PATTERN = r"^[\w\s'’\".,&()?!:-]+$"
_TEXT = re.compile(TEXT_PATTERN)
TEXT_HELP = "letters, digits, spaces and ' ’ \" . , & ( ) ? ! : -"

FACTUALITIES: tuple[str, ...] = get_args(Factuality)
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
KIND_HELP = (
    f"Quote kinds, comma-separated: {', '.join(QUOTE_KINDS)}, speech (the default: every kind "
    "but belief, as `dateline quotes --kind`) or all."
)


class BadParameter(DatelineError):
    """A query or path parameter that is not valid; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


def check_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"{name} is {len(value)} characters long; at most {MAX_TEXT}.")
    if not _TEXT.match(value) or "--" in value:
        bad = sorted(
            {c for c in value if not _TEXT.match(c)} | ({"--"} if "--" in value else set())
        )
        shown = " ".join(repr(c) for c in bad)
        raise BadParameter(
            name, f"{name} {value!r} holds characters a search cannot ({shown}). Use {TEXT_HELP}."
        )
    return value


def check_id(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _ID.match(value):
        raise BadParameter(
            name,
            f"{name} {value!r} is not a dateline id. Ids are letters, digits and - _ : . "
            "(e.g. art-2025-03-14-90bad019303b, vladimir-putin).",
        )
    return value


def check_day(name: str, value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(name, f"{name} {value!r} is not a day. Use YYYY-MM-DD.") from None


def check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is None or not value.strip():
        return None
    if value not in choices:
        raise BadParameter(name, f"{name} {value!r} is not one of: {', '.join(choices)}.")
    return value


def check_kinds(name: str, value: str | None) -> tuple[str, ...]:
    """The quote kinds ``value`` asks for, read as the CLI's ``--kind`` reads them (the speech
    kinds when it is empty)."""
    from dateline.errors import ConfigError
    from dateline.storage.query import quote_kinds

    if value is None or not value.strip():
        return SPEECH_KINDS
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"{name} is {len(value)} characters long; at most {MAX_TEXT}.")
    try:
        return quote_kinds([value]) or SPEECH_KINDS
    except ConfigError as exc:
        raise BadParameter(name, f"{name}: {exc}") from None


def kind_value(kinds: tuple[str, ...]) -> str | None:
    """The ``kind`` parameter that asks for ``kinds`` (None: the default, speech)."""
    if set(kinds) == set(SPEECH_KINDS):
        return None
    if set(kinds) == set(QUOTE_KINDS):
        return "all"
    return ",".join(kinds)


def plover_names() -> tuple[str, ...]:
    from dateline.events.vocabulary import plover_types

    return tuple(plover_types())


def _window(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    first, last = check_day("since", since), check_day("until", until)
    if first and last and first > last:
        raise BadParameter("since", f"since {first} is after until {last}. Swap them.")
    return first, last


Text = Annotated[str | None, Query(max_length=MAX_TEXT, description="Free text: " + TEXT_HELP)]
QuoteKinds = Annotated[str | None, Query(max_length=MAX_TEXT, description=KIND_HELP)]
Day = Annotated[str | None, Query(description="A day, YYYY-MM-DD.")]
Order = Annotated[str, Query(pattern="^(asc|desc)$", description="asc or desc.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def event_filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description="Actor on either side: an id, or a name as any article spells it.",
        ),
    ] = None,
    source: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="The acting actor (id or name).")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="The recipient (id or name).")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT.")] = None,
    quad: Annotated[
        str | None,
        Query(
            pattern="^[1-4]?$",
            description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.",
        ),
    ] = None,
    country: Annotated[
        str | None,
        Query(pattern="^([A-Za-z]{3})?$", description="ISO alpha-3 of the place or an actor."),
    ] = None,
    place: Text = None,
    since: Day = None,
    until: Day = None,
    factuality: Annotated[str | None, Query(description=", ".join(FACTUALITIES))] = None,
    text: Text = None,
    article: Annotated[str | None, Query(max_length=200, description="An article id.")] = None,
) -> dict[str, Any]:
    first, last = _window(since, until)
    return {
        "actor": check_text("actor", actor),
        "source": check_text("source", source),
        "target": check_text("target", target),
        "type": check_choice("type", type.upper() if type else None, plover_names()),
        "quad": int(quad) if quad else None,
        "country": country.upper() if country else None,
        "place": check_text("place", place),
        "since": first,
        "until": last,
        "factuality": check_choice("factuality", factuality, FACTUALITIES),
        "text": check_text("text", text),
        "article": check_id("article", article),
    }


EVENT_SORT_HELP = ", ".join(EVENT_SORTS)
EventFilters = Annotated[dict[str, Any], Depends(event_filters)]


def _event_search(max_limit: int, default_limit: int) -> Any:
    def dependency(
        filters: EventFilters,
        sort: Annotated[str, Query(description=EVENT_SORT_HELP)] = "date",
        order: Order = "asc",
        limit: Annotated[int, Query(ge=1, le=max_limit)] = default_limit,
        offset: Offset = 0,
    ) -> EventSearch:
        return EventSearch(
            **filters,
            sort=check_choice("sort", sort, tuple(EVENT_SORTS)) or "date",
            descending=order == "desc",
            limit=limit,
            offset=offset,
        )

    return dependency


#: A page of events, and a download of events.
event_page = _event_search(MAX_PAGE, DEFAULT_PAGE)
event_download = _event_search(MAX_DOWNLOAD, DEFAULT_DOWNLOAD)


def _quote_search(max_limit: int, default_limit: int) -> Any:
    def dependency(
        actor: Annotated[
            str | None,
            Query(max_length=MAX_TEXT, description="The speaker: an id, or a name as spelt."),
        ] = None,
        country: Annotated[
            str | None, Query(pattern="^([A-Za-z]{3})?$", description="The speaker's country.")
        ] = None,
        kind: QuoteKinds = None,
        text: Text = None,
        since: Day = None,
        until: Day = None,
        article: Annotated[str | None, Query(max_length=200, description="An article id.")] = None,
        sort: Annotated[str, Query(description=", ".join(QUOTE_SORTS))] = "date",
        order: Order = "asc",
        limit: Annotated[int, Query(ge=1, le=max_limit)] = default_limit,
        offset: Offset = 0,
    ) -> QuoteSearch:
        first, last = _window(since, until)
        return QuoteSearch(
            actor=check_text("actor", actor),
            country=country.upper() if country else None,
            kinds=check_kinds("kind", kind),
            text=check_text("text", text),
            since=first,
            until=last,
            article=check_id("article", article),
            sort=check_choice("sort", sort, tuple(QUOTE_SORTS)) or "date",
            descending=order == "desc",
            limit=limit,
            offset=offset,
        )

    return dependency


quote_page = _quote_search(MAX_PAGE, DEFAULT_PAGE)
quote_download = _quote_search(MAX_DOWNLOAD, DEFAULT_DOWNLOAD)


def declared_parameters(request: Request) -> set[str]:
    """The query parameters the matched route declares (its dependencies' included)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return set()
    known = _DECLARED.get(id(route))
    if known is None:
        known = _DECLARED[id(route)] = _query_names(dependant)
    return known


def _query_names(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_DECLARED: dict[int, set[str]] = {}


def reject_unknown_parameters(request: Request) -> None:
    """A dependency of every route: unknown or repeated query parameters are a 400."""
    known = declared_parameters(request)
    seen: set[str] = set()
    for name, _value in request.query_params.multi_items():
        if name not in known:
            listed = ", ".join(sorted(known)) or "none"
            raise BadParameter(
                name[:50], f"Unknown parameter {name[:50]!r}. Parameters here: {listed}."
            )
        if name in seen:
            raise BadParameter(name, f"Parameter {name!r} is given twice; give it once.")
        seen.add(name)
