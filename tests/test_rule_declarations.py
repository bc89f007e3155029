"""The event rules' declarations (``Rule.types``, ``Rule.lemmas``) leave out only what the rule
would not change: every rule is run on every trigger of the records dev texts, tried or not, and
a rule its declarations leave out must return nothing or the same draft there (issue 11,
speed18: :func:`dateline.events.rules.apply_rules` tries a rule only where they allow)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from conftest import ROOT, make_document, shared_path
from dateline.events.coder import drafts
from dateline.events.rules import RULES, Context, Draft, Rule, apply_rules

DEV = ROOT / "eval" / "records" / "dev"
#: the stages the events stage reads
BEFORE_EVENTS = ("segment", "actors", "times", "places", "quotes")
#: no rule declares anything: every rule of the trigger's part of speech is tried
UNDECLARED = tuple(dataclasses.replace(rule, types=None, lemmas=None) for rule in RULES)


def left_out_changes(context: Context, rules: tuple[Rule, ...] = RULES) -> list[str]:
    """The rules ``rules``' declarations leave out on ``context`` that would have changed its
    draft, running the rules as :func:`apply_rules` does but trying every one."""
    draft = Draft(type=context.entry.type or "", mode=context.entry.mode)
    kind, lemma = context.kind, context.lemma
    found = []
    for rule in rules:
        if rule.on is not None and rule.on != kind:
            continue
        changed = rule.apply(context, draft)
        if changed is None or changed == draft:
            continue
        if not rule.tried(kind, draft.type, lemma):
            found.append(f"{rule.name} on {context.trigger.text!r} ({draft.type}, {lemma})")
        draft = changed._replace(fired=(*draft.fired, rule.name)) if rule.recorded else changed
        if draft.dropped:
            break
    return found


def contexts(text: str, date: str, url: str = "") -> list[Context]:
    document = make_document(text, date, stages=BEFORE_EVENTS, url=url)
    return [c for sent in document.parsed.sents for c, _ in drafts(document, sent)]


def test_the_check_finds_a_wrong_declaration() -> None:
    # dev zelenskyy-276's kind: a wish of the speaker's own; "wish without another doer" acts on
    # REQUEST "want"; declared for CONSULT only it would be left out where it drops the draft
    wrong = tuple(
        dataclasses.replace(rule, types=frozenset({"CONSULT"}))
        if rule.name == "wish without another doer"
        else rule
        for rule in RULES
    )
    found = [
        change
        for context in contexts("We want peace, the president said.", "2022-03-01")
        for change in left_out_changes(context, wrong)
    ]
    assert found and found[0].startswith("wish without another doer on 'want'")
    assert not [
        change
        for context in contexts("We want peace, the president said.", "2022-03-01")
        for change in left_out_changes(context)
    ]


@pytest.mark.slow
@pytest.mark.shared
def test_declared_rules_leave_out_no_change_on_the_dev_texts() -> None:
    from dateline.eval.records_gold import read_gold_file

    texts = shared_path()
    changes: list[str] = []
    differ: list[str] = []
    triggers = 0
    for path in sorted(Path(DEV).glob("*.json")):
        gold = read_gold_file(path, texts=texts)
        for context in contexts(gold.text, gold.date.isoformat(), gold.url or ""):
            triggers += 1
            changes += [f"{path.stem}: {change}" for change in left_out_changes(context)]
            if apply_rules(context) != apply_rules(context, UNDECLARED):
                differ.append(f"{path.stem}: {context.trigger.text!r} at {context.trigger.i}")
    assert triggers > 1000
    assert not changes, "declared rules left out where they change the draft:\n" + "\n".join(
        changes
    )
    assert not differ, "drafts differ with every rule tried:\n" + "\n".join(differ)
