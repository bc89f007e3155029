"""The kinds of field a record declaration is made of (:mod:`dateline.schema`).

Each kind knows how one attribute is written to JSON and to a row, and read back from each; a
:class:`Record` is the ordered tuple of its fields, a :class:`Table` a record with the row-only
columns around it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dateline.model import Span

Row = dict[str, Any]
JSON = dict[str, Any]
T = TypeVar("T")
#: How a column's value is made from a field's value (None: the value itself).
Encode = Callable[[Any], Any] | None
#: The columns one field writes: each column's name and how its value is made.
RowParts = tuple[tuple[str, Encode], ...]

#: A decoded value that the field leaves to the dataclass default (it is not kept).
_DEFAULT: Any = object()
#: The keys of a span object, in the contract's order.
SPAN_KEYS = ("start", "end", "text")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a store table: its name and DuckDB type."""

    name: str
    sql: str = "VARCHAR"


def _join(prefix: str, name: str) -> str:
    return f"{prefix}_{name}" if prefix else name


@dataclass(frozen=True)
class Field:
    """How one attribute of a record is written to JSON and to a row, and read back. This base
    writes nothing and reads the dataclass default; each kind below overrides what it writes.

    ``prefix`` is the column prefix of the record the field sits in ("" at the top level);
    ``parent`` is the JSON object of the record that holds the nested one being read (a mention
    is read inside its actor, an event's place inside its event).
    """

    attr: str

    def json_keys(self) -> tuple[str, ...]:
        return ()

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return ()

    def to_json(self, value: Any) -> JSON:
        return {}

    def row_parts(self, prefix: str) -> RowParts:
        """The columns this field writes, each with how its value is made from the field's
        value: :meth:`to_row`, resolved once per prefix (records are written in bulk)."""
        return ()

    def to_row(self, value: Any, prefix: str) -> Row:
        return {
            name: value if encode is None else encode(value)
            for name, encode in self.row_parts(prefix)
        }

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return _DEFAULT

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return _DEFAULT


@dataclass(frozen=True)
class Value(Field):
    """A plain value: one JSON key, one column. ``DATE`` values are ISO text in JSON; array
    types (``VARCHAR[]``) are tuples in the model and lists in JSON and rows. ``default``
    stands in for a NULL column (rows stored before the field was filled)."""

    sql: str = "VARCHAR"
    key: str | None = None
    column: str | None = None
    default: Any = None
    # resolved once (records are written and read in bulk): the JSON key, the column (before
    # any prefix), and whether the value is an array or a date
    json_key: str = dataclasses.field(init=False, repr=False, compare=False)
    column_name: str = dataclasses.field(init=False, repr=False, compare=False)
    is_array: bool = dataclasses.field(init=False, repr=False, compare=False)
    is_date: bool = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "json_key", self.key or self.attr)
        object.__setattr__(self, "column_name", self.column or self.attr)
        object.__setattr__(self, "is_array", self.sql.endswith("[]"))
        object.__setattr__(self, "is_date", self.sql == "DATE")

    def json_keys(self) -> tuple[str, ...]:
        return (self.json_key,)

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return (Column(_join(prefix, self.column_name), self.sql),)

    def to_json(self, value: Any) -> JSON:
        if self.is_date:
            return {self.json_key: value.isoformat() if value else None}
        return {self.json_key: list(value) if self.is_array else value}

    def row_parts(self, prefix: str) -> RowParts:
        return ((_join(prefix, self.column_name), list if self.is_array else None),)

    def _read(self, value: Any) -> Any:
        if self.is_array:
            return tuple(value or ())
        return self.default if value is None else value

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        value = data.get(self.json_key)
        if self.is_date and value is not None:
            return dt.date.fromisoformat(value)
        return self._read(value)

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return self._read(row.get(_join(prefix, self.column_name)))


@dataclass(frozen=True)
class ParentId(Field):
    """A value stored in the row but not in JSON, where the record sits inside its parent
    (a mention's actor id is its actor's ``id``)."""

    column: str
    parent_key: str = "id"

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return (Column(_join(prefix, self.column)),)

    def row_parts(self, prefix: str) -> RowParts:
        return ((_join(prefix, self.column), None),)

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return parent[self.parent_key]

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return row[_join(prefix, self.column)]


@dataclass(frozen=True)
class SpanField(Field):
    """A :class:`~dateline.model.Span`. ``own``: the record's own span, whose keys sit in the
    record's object (``order`` gives their order there); otherwise a ``{start, end, text}``
    object under ``key``, NULL/None when there is no span. ``or_own``: a missing span reads
    as the record's own (rows whose evidence sentence was not stored)."""

    key: str | None = None
    own: bool = False
    order: tuple[str, ...] = SPAN_KEYS
    or_own: bool = False
    #: the column of each part of the span, per prefix (made once: rows are read in bulk)
    _columns: dict[str, dict[str, str]] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def json_keys(self) -> tuple[str, ...]:
        return self.order if self.own else (self.key or self.attr,)

    def _names(self, prefix: str) -> dict[str, str]:
        names = self._columns.get(prefix)
        if names is None:
            if self.own and not prefix:
                names = {"start": "start_char", "end": "end_char", "text": "text"}
            else:
                base = prefix if self.own else _join(prefix, self.key or self.attr)
                names = {part: f"{base}_{part}" for part in self.order}
            self._columns[prefix] = names
        return names

    def columns(self, prefix: str) -> tuple[Column, ...]:
        sql = {"start": "INTEGER", "end": "INTEGER", "text": "VARCHAR"}
        return tuple(Column(name, sql[part]) for part, name in self._names(prefix).items())

    def to_json(self, value: Span | None) -> JSON:
        parts = {part: getattr(value, part) if value else None for part in self.order}
        if self.own:
            return parts
        return {self.key or self.attr: parts if value else None}

    def row_parts(self, prefix: str) -> RowParts:
        return tuple((name, _span_part(part)) for part, name in self._names(prefix).items())

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Span | None:
        parts = data if self.own else data.get(self.key or self.attr)
        if not parts or parts.get("start") is None:
            return None
        return Span(parts["start"], parts["end"], parts["text"])

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Span | None:
        names = self._names(prefix)
        if row.get(names["start"]) is None:
            return OWN_SPAN.from_row(row, "") if self.or_own else None
        return Span(row[names["start"]], row[names["end"]], row[names["text"]])


def _span_part(part: str) -> Callable[[Span | None], Any]:
    get = operator.attrgetter(part)
    return lambda span: get(span) if span else None


OWN_SPAN = SpanField("span", own=True)


@dataclass(frozen=True)
class Nested(Field):
    """A record inside a record (an event's date, a quote's speaker). Its JSON is an object
    under ``key``; its columns carry the prefix ``key`` (``date_value``). ``inline``: its keys and
    columns sit in the holder's own (an event place's place). ``optional``: None when absent,
    read back as None when every column is NULL."""

    record: Record[Any]
    key: str | None = None
    inline: bool = False
    optional: bool = False
    #: the column names per prefix, for the all-NULL test of an optional record
    _names: dict[str, tuple[str, ...]] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def _prefix(self, prefix: str) -> str:
        return prefix if self.inline else _join(prefix, self.key or self.attr)

    def json_keys(self) -> tuple[str, ...]:
        return self.record.json_keys() if self.inline else (self.key or self.attr,)

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return self.record.columns(self._prefix(prefix))

    def to_json(self, value: Any) -> JSON:
        if self.inline:
            return self.record.to_json(value)
        return {self.key or self.attr: self.record.to_json(value) if value is not None else None}

    def row_parts(self, prefix: str) -> RowParts:
        # an absent record writes NULL in each of its columns
        return tuple(
            (name, _or_none(get)) for name, get in self.record.row_plan(self._prefix(prefix))
        )

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        inner = data if self.inline else data.get(self.key or self.attr)
        if inner is None:
            return None
        return self.record.from_json(inner, parent)

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        if self.optional:
            names = self._names.get(prefix)
            if names is None:
                names = self._names[prefix] = tuple(c.name for c in self.columns(prefix))
            if all(row.get(name) is None for name in names):
                return None
        return self.record.from_row(row, self._prefix(prefix))


def _or_none(get: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else get(value)


@dataclass(frozen=True)
class Children(Field):
    """Child records kept in their own table (an actor's mentions): a list in JSON, a count
    column in the holder's row. Reading a row back, the reader puts the child rows in it under
    the field's name (:func:`dateline.exports.contract.rebuild`)."""

    record: Record[Any]
    count_column: str

    def json_keys(self) -> tuple[str, ...]:
        return (self.attr,)

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return (Column(_join(prefix, self.count_column), "INTEGER"),)

    def to_json(self, value: tuple[Any, ...]) -> JSON:
        return {self.attr: [self.record.to_json(child) for child in value]}

    def row_parts(self, prefix: str) -> RowParts:
        return ((_join(prefix, self.count_column), len),)

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return tuple(self.record.from_json(child, data) for child in data.get(self.attr, ()))

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return tuple(self.record.from_row(child) for child in row.get(self.attr, ()))


@dataclass(frozen=True)
class Links(Field):
    """Actor ids kept in a link table (an event's actors and recipients, table
    ``event_actors`` with ``role``): a list in JSON, no column in the holder's row. Reading a
    row back, the reader (or the query) puts the ids in it under the field's name."""

    role: str

    def json_keys(self) -> tuple[str, ...]:
        return (self.attr,)

    def to_json(self, value: tuple[str, ...]) -> JSON:
        return {self.attr: list(value)}

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return tuple(data.get(self.attr, ()))

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return tuple(row.get(self.attr) or ())


@dataclass(frozen=True)
class ActorRef(Field):
    """One actor id, written ``{"actor": id}`` in JSON. ``always``: the object even for no
    actor (a claim's source); otherwise None then (an event's reporter)."""

    column: str | None = None
    always: bool = False

    def json_keys(self) -> tuple[str, ...]:
        return (self.attr,)

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return (Column(_join(prefix, self.column or self.attr)),)

    def to_json(self, value: str | None) -> JSON:
        return {self.attr: {"actor": value} if self.always or value else None}

    def row_parts(self, prefix: str) -> RowParts:
        return ((_join(prefix, self.column or self.attr), None),)

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        ref = data.get(self.attr)
        return ref["actor"] if ref else None

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return row.get(_join(prefix, self.column or self.attr))


@dataclass(frozen=True)
class ActorRefs(Field):
    """Actor ids, written ``[{"actor": id}, ...]`` in JSON and one ``VARCHAR[]`` column."""

    def json_keys(self) -> tuple[str, ...]:
        return (self.attr,)

    def columns(self, prefix: str) -> tuple[Column, ...]:
        return (Column(_join(prefix, self.attr), "VARCHAR[]"),)

    def to_json(self, value: tuple[str, ...]) -> JSON:
        return {self.attr: [{"actor": actor} for actor in value]}

    def row_parts(self, prefix: str) -> RowParts:
        return ((_join(prefix, self.attr), list),)

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return tuple(ref["actor"] for ref in data.get(self.attr, ()))

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return tuple(row.get(_join(prefix, self.attr)) or ())


@dataclass(frozen=True)
class Inherited(Field):
    """Not written: read back from the same field of the holding record (an event's place has
    the event's evidence sentence and stage). A round trip changes such a value to the
    holder's; the round-trip tests say where."""

    source: Field

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any]) -> Any:
        return self.source.from_json(parent, parent)

    def from_row(self, row: Mapping[str, Any], prefix: str) -> Any:
        return self.source.from_row(row, "")


@dataclass(frozen=True)
class NotKept(Field):
    """Neither written nor stored: read back as the dataclass default. Declared so that every
    field of a record is accounted for (``tests/test_schema.py``)."""


@dataclass(frozen=True)
class Record(Generic[T]):
    """A record type's declaration: its dataclass and its fields, in the contract's key order."""

    type: type[T]
    fields: tuple[Field, ...]
    #: :meth:`row_plan` per prefix
    _row_plans: dict[str, tuple[tuple[str, Callable[[Any], Any]], ...]] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def json_keys(self) -> tuple[str, ...]:
        """The record's JSON keys, in order."""
        return tuple(key for field in self.fields for key in field.json_keys())

    def columns(self, prefix: str = "") -> tuple[Column, ...]:
        return tuple(column for field in self.fields for column in field.columns(prefix))

    def to_json(self, record: T) -> JSON:
        out: JSON = {}
        for field in self.fields:
            out.update(field.to_json(getattr(record, field.attr)))
        return out

    def row_plan(self, prefix: str = "") -> tuple[tuple[str, Callable[[Any], Any]], ...]:
        """Each column of the record's row with how its value is got from the record: the
        fields' :meth:`Field.row_parts`, in order, made once per prefix."""
        plan = self._row_plans.get(prefix)
        if plan is None:
            plan = self._row_plans[prefix] = tuple(
                (name, _from_record(field.attr, encode))
                for field in self.fields
                for name, encode in field.row_parts(prefix)
            )
        return plan

    def to_row(self, record: T, prefix: str = "") -> Row:
        return {name: get(record) for name, get in self.row_plan(prefix)}

    def _make(self, values: dict[str, Any]) -> T:
        return self.type(**{name: v for name, v in values.items() if v is not _DEFAULT})

    def from_json(self, data: Mapping[str, Any], parent: Mapping[str, Any] | None = None) -> T:
        """The record from its JSON object; ``parent``: the object of the record holding it."""
        holder = data if parent is None else parent
        return self._make({f.attr: f.from_json(data, holder) for f in self.fields})

    def from_row(self, row: Mapping[str, Any], prefix: str = "") -> T:
        return self._make({f.attr: f.from_row(row, prefix) for f in self.fields})


def _from_record(attr: str, encode: Encode) -> Callable[[Any], Any]:
    get = operator.attrgetter(attr)
    if encode is None:
        return get
    return lambda record: encode(get(record))


@dataclass(frozen=True)
class Table:
    """A store table of records: the row-only columns before the record's (``keys``), the
    record's, and the columns the writer fills after them (``extra``)."""

    name: str
    record: Record[Any] | None
    keys: tuple[Column, ...] = ()
    extra: tuple[Column, ...] = ()

    def columns(self) -> tuple[Column, ...]:
        own = self.record.columns() if self.record else ()
        return self.keys + own + self.extra

    def row(self, record: Any, **keys: Any) -> Row:
        """One record's row; ``keys`` gives the values of the row-only columns."""
        if self.record is None:
            raise TypeError(f"table {self.name} holds no record: build its rows by hand")
        row = keys
        for name, get in self.record.row_plan():
            row[name] = get(record)
        return row
