"""Why gold events whose trigger word is in the lexicon are missed: the step each one is lost at.

    PYTHONPATH=src .venv/bin/python scripts/lost_triggers.py --texts ../shared [--out rows.jsonl]

Reads the dev records (eval/records/dev) ONLY. Runs the pipeline with the trained filter off,
applies the filter afterwards (as the events stage does), scores each article as the records
scorer does (:func:`dateline.eval.records.match_events`) and, for every required gold event
left unmatched whose trigger holds a word the lexicon has rows for, names the first step of the
events stage at which that word stops being an event of a gold type:

- ``pos``: the parser tags the word with a part of speech the word has no rows for;
- ``pattern``: the word's rows all name dependents (``call for``) it lacks;
- ``light only``: its only rows of that part of speech are a support verb's (no type);
- ``coder: <check>``: :func:`dateline.events.coder._triggers` passes it over (the check named);
- ``drop: <rule>``: a drop rule of :data:`dateline.events.rules.RULES` removes it;
- ``typed <lexicon> -> <coded>``: it is coded as another type than the gold one;
- ``stage``: the coder's candidate is no event of the stage (merged, generic, an old case);
- ``filter``: the trained filter drops it;
- ``matched elsewhere``: an event of the right type on it is matched to another gold event.

Prints a table of steps by genre and writes one row per lost event with ``--out``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.config import PipelineConfig
from dateline.eval.records import _article, documents, match_events
from dateline.eval.records_gold import GoldArticle, GoldEvent, read_gold
from dateline.eval.skips import Skipped
from dateline.events import coder, event_filter
from dateline.events.lexicon import POS_TAGS, is_support_verb, lemma, load_lexicon, match

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from dateline.document import Document
    from dateline.model import Event

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "records" / "dev"
#: the steps in the order the events stage takes them: a word lost at a later step got further
ORDER = ("pos", "pattern", "light only", "coder", "drop", "typed", "stage", "filter", "matched")


def _kinds(token: Token) -> list[str]:
    """The parts of speech the word has rows for, under its lemma or its form."""
    lexicon = load_lexicon()
    words = {token.lemma_.lower(), token.lower_, lemma(token)}
    return [k for k in ("verb", "noun", "adj", "light") if any((k, w) in lexicon for w in words)]


def _kind_of(token: Token) -> str | None:
    for kind in ("verb", "noun", "adj"):
        if token.pos_ in POS_TAGS[kind]:
            return kind
    return None


def _coder_check(token: Token, found: set[int], sent: SpacySpan) -> str:
    """The check of :func:`coder._triggers` that passes over a word with a typed row."""
    kind = _kind_of(token)
    if kind == "verb":
        entry = match(token, "verb")
        assert entry is not None
        if is_support_verb(token) and not entry.words:
            objects = [match(n, "noun") for n in coder._objects(token)]
            if any(e is not None for e in objects) or coder._supports_its_noun(token):
                return "support verb of a noun"
        lowered = token.lemma_.lower()
        if lowered == "tell":
            return "tell without xcomp"
        if lowered == "let":
            return "hortative let"
        if lowered in coder.TRANSITIVE_ONLY and not entry.words:
            if not any(c.dep_ in {"dobj", "dative", "nsubjpass"} for c in token.children):
                return "transitive only, no object"
            if coder._result_clause(token):
                return "result clause"
        if token.dep_ == "amod":
            return "participle modifier"
        if token.dep_ == "relcl" and token.head.lower_ in coder.GENERIC_PRONOUNS:
            return "generic relative"
        if lowered in coder.ACTOR_OBJECT_VERBS:
            return "actor object verb, object no actor"
        if lowered in coder.BARE_ACT_VERBS:
            return "bare act verb with object"
        return "verb: other"
    if kind == "adj":
        return "adjective complement missing"
    if token.ent_type_ in coder.NAMED_THINGS:
        return f"named thing ({token.ent_type_})"
    if coder._inside_name(token):
        return "inside a name"
    if coder._modifier_only(token):
        return "modifier only"
    if any(t.i in found for t in sent):
        return "taken by a pattern or support verb"
    return "noun: other"


def _step(doc: Document, token: Token, g: GoldEvent, events: list[Event], kept: list[Event]) -> str:
    """The first step at which ``token`` stops being an event of one of the gold types."""
    kind = _kind_of(token)
    kinds = _kinds(token)
    if kind is None or kind not in kinds:
        if kind == "verb" and "light" in kinds:
            return "light only"
        return f"pos ({token.pos_}; rows {'/'.join(kinds)})"
    entry = match(token, kind)
    if entry is None:
        return "pattern"
    if entry.type is None:
        return "light only"
    sent = token.sent
    triggers = coder._triggers(sent, doc.lexicon_tokens or ())
    if token.i not in triggers:
        return f"coder: {_coder_check(token, set(triggers), sent)}"
    drafts = {context.trigger.i: draft for context, draft in coder.drafts(doc, sent)}
    if token.i not in drafts:
        # coder.drafts passes over an address or speech with no audience but the speaker's
        # own nation ("Address by the President to Ukrainians")
        return "coder: address with no foreign audience"
    draft = drafts[token.i]
    if draft.dropped:
        return f"drop: {draft.fired[-1]}"
    candidates = [c for c in coder.code_sentence(doc, sent) if c.trigger.i == token.i]
    if not candidates:
        return "stage"  # sent for a purpose
    if not any(c.type in g.types for c in candidates):
        return f"typed {entry.type} -> {candidates[0].type} (gold {'/'.join(g.types)})"
    start = token.idx
    at = [e for e in events if e.trigger.start == start and e.type in g.types]
    if not at:
        return "stage"
    if not any(e.trigger.start == start and e.type in g.types for e in kept):
        return "filter"
    return "matched elsewhere"


def _rank(step: str) -> int:
    return next(i for i, name in enumerate(ORDER) if step.startswith(name))


def lost(gold: GoldArticle, doc: Document) -> list[dict[str, Any]]:
    events = list(doc.extraction.events)
    kept = event_filter.kept(doc, events)
    matched, _ = match_events(gold.events, kept)
    parsed = doc.parsed
    lexicon = load_lexicon()
    heads = {word for _, word in lexicon}
    rows = []
    for gi, g in enumerate(gold.events):
        if not g.required or gi in matched:
            continue
        span = parsed.char_span(*g.trigger, alignment_mode="expand")
        if span is None:
            continue
        tokens = [
            t for t in span if t.lemma_.lower() in heads or t.lower_ in heads or lemma(t) in heads
        ]
        row = {
            "article": gold.id,
            "genre": gold.genre,
            "trigger": gold.text[g.trigger[0] : g.trigger[1]],
            "types": list(g.types),
            "sentence": gold.text[g.sentence[0] : g.sentence[1]],
        }
        if not tokens:
            rows.append({**row, "step": "not in lexicon"})
            continue
        steps = [(_step(doc, t, g, events, kept), t) for t in tokens]
        step, token = max(steps, key=lambda s: _rank(s[0]))
        rows.append(
            {**row, "step": step, "word": token.text, "pos": token.pos_, "dep": token.dep_,
             "head": token.head.text}
        )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path)
    options = parser.parse_args()
    skipped = Skipped()
    golds = read_gold([DEV], texts=options.texts, skipped=skipped)
    golds = skipped.usable(golds, _article, lambda g: g.id)[: options.limit or None]
    config = PipelineConfig(stage_options={"events": {"filter": False}})
    rows: list[dict[str, Any]] = []
    for gold, doc in zip(golds, documents(golds, config), strict=True):
        rows.extend(lost(gold, doc))
    if options.out:
        options.out.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        step = row["step"]
        coarse = step.split(" ")[0] if step.startswith(("pos", "typed")) else step
        table[coarse][row["genre"]] += 1
    genres = sorted({r["genre"] for r in rows})
    print(f"{'step':60} {'all':>5} " + " ".join(f"{g[:8]:>8}" for g in genres))
    for step, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(
            f"{step[:60]:60} {sum(counts.values()):5} " + " ".join(f"{counts[g]:8}" for g in genres)
        )


if __name__ == "__main__":
    main()
