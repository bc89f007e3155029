"""The article reader's view of an article: the text as highlighted segments, and the record
panel (each record's fields, its stage@version and rule, every mention of its actor)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.server.templating import QUADS

if TYPE_CHECKING:
    from dateline.storage.views import ArticleRecords, Segment

Row = dict[str, Any]

#: Factualities marked in the reader, with the short label shown on the trigger.
MARKED_FACTUALITY = {"negated": "not", "hypothetical": "if", "future": "future"}


def reader_segments(found: ArticleRecords, focus: tuple[int, int] | None) -> list[dict[str, Any]]:
    """The article text as segments for the template: text, classes, the record key to show."""
    segments: list[Segment] = found.segments(extra_cuts=focus or ())
    out = []
    focus_started = False
    for seg in segments:
        classes = sorted({f"k-{m.kind}" for m in seg.marks})
        flags = sorted(
            {
                m.factuality
                for m in seg.marks
                if m.kind == "event" and m.factuality in MARKED_FACTUALITY
            }
        )
        classes += [f"f-{flag}" for flag in flags]
        in_focus = focus is not None and focus[0] <= seg.start and seg.end <= focus[1]
        anchor = in_focus and not focus_started
        focus_started = focus_started or in_focus
        if in_focus:
            classes.append("focus")
        actors = sorted({m.actor for m in seg.marks if m.actor})
        title = ", ".join(
            f"{m.kind}" + (f" ({m.factuality})" if m.factuality in MARKED_FACTUALITY else "")
            for m in seg.marks
        )
        out.append(
            {
                "text": seg.text,
                "start": seg.start,
                "classes": " ".join(classes),
                "marked": bool(seg.marks),
                # every actor mentioned over these words ("the two leaders": each of two)
                "actor": " ".join(actors) if actors else None,
                "title": title,
                "anchor": anchor,
                "label": " ".join(MARKED_FACTUALITY[f] for f in flags),
            }
        )
    return out


def record_fields(record: Row, names: dict[str, str]) -> list[tuple[str, str, str | None]]:
    """What the record panel shows of a record: (label, value, link) rows."""
    from urllib.parse import quote

    def actor(actor_id: str | None) -> tuple[str, str | None]:
        if not actor_id:
            return ("—", None)
        return (f"{names.get(actor_id, actor_id)} ({actor_id})", f"/actors/{quote(actor_id)}")

    kind = record["record"]
    rows: list[tuple[str, str, str | None]] = []
    if kind == "mention":
        rows += [
            ("actor", *actor(record["actor_id"])),
            ("mention", f"“{record['text']}” ({record['kind']})", None),
            ("country / sector", f"{record['country'] or '—'} / {record['sector'] or '—'}", None),
        ]
    elif kind == "quote":
        rows += [
            ("speaker", *actor(record["speaker_actor"])),
            ("speaker text", record["speaker_text"] or "—", None),
            ("kind", record["kind"] or "—", None),
            ("cue", record["cue_text"] or "—", None),
            ("quote", record["text"], None),
        ]
    elif kind == "event":
        rows += [
            (
                "type",
                f"{record['type']}" + (f" / {record['mode']}" if record["mode"] else ""),
                None,
            ),
            ("quad", f"{record['quad']} {QUADS.get(record['quad'], ('', ''))[0]}", None),
        ]
        rows += [("source", *actor(a)) for a in record["actors"]] or [("source", "—", None)]
        rows += [("target", *actor(a)) for a in record["recipients"]] or [("target", "—", None)]
        date = record["date_value"] or "—"
        if record["date_earliest"]:
            date += f" ({record['date_earliest']} – {record['date_latest']})"
        rows += [
            ("factuality", record["factuality"] or "—", None),
            ("reported by", *actor(record["reporter"]))
            if record["reporter"]
            else ("reported by", "the outlet", None),
            ("date", f"{date}; “{record['date_text']}”" if record["date_text"] else date, None),
            (
                "place",
                f"{record['place_name']}, {record['place_country'] or '—'}"
                if record["place_name"]
                else "—",
                None,
            ),
            ("trigger", f"“{record['trigger_text']}”" if record["trigger_text"] else "—", None),
            (
                "confidence",
                f"{record['confidence']}" if record["confidence"] is not None else "—",
                None,
            ),
        ]
    elif kind == "time":
        rows += [
            ("expression", f"“{record['text']}” ({record['type']})", None),
            ("value", record["value"] or "—", None),
            ("interval", f"{record['earliest'] or '?'} – {record['latest'] or '?'}", None),
        ]
    elif kind == "place":
        rows += [
            ("place", f"{record['name']} ({record['feature']})", None),
            ("country / admin1", f"{record['country'] or '—'} / {record['admin1'] or '—'}", None),
            ("lat, lon", f"{record['lat']}, {record['lon']}", None),
            ("GeoNames id", str(record["geonameid"] or "—"), None),
        ]
    elif kind == "claim":
        rows += [
            ("claim", record["text"], None),
            ("source", *actor(record["source_actor"])),
            (
                "repeated by",
                ", ".join(names.get(a, a) for a in record["repeated_by"] or []) or "—",
                None,
            ),
            ("stance", record["stance"] or "—", None),
        ]
    rows.append(("stage@version", record.get("stage") or "—", None))
    if record.get("rule"):
        rows.append(("rule", str(record["rule"]), None))
    return rows


def panel(found: ArticleRecords, records: list[Row]) -> list[dict[str, Any]]:
    """Records for the record panel, each with its fields and, for a mention, every other
    mention of the same actor in the article."""
    shown = []
    for record in records:
        entry: dict[str, Any] = {
            "key": record["key"],
            "kind": record["record"],
            "fields": record_fields(record, found.names),
            "evidence": record.get("evidence_text"),
            "mentions": [],
        }
        if record["record"] == "mention":
            entry["mentions"] = [
                {"start": m.start, "text": found.article["text"][m.start : m.end]}
                for m in found.mentions_of(record["actor_id"])
            ]
            entry["actor"] = record["actor_id"]
        shown.append(entry)
    return shown
