"""The Python API on the shipped example: events that happened, and who said what."""

import json

from dateline import Pipeline, read_articles, to_json

pipeline = Pipeline()  # loads nothing yet; the model loads on the first article
for article in read_articles("examples/"):  # files, folders and globs; every supported format
    extraction = pipeline(article)
    print(article.date, article.title)

    def names(ids: list[str]) -> str:
        return ", ".join(a.name for a in map(extraction.actor, ids) if a) or "—"

    for event in extraction.events:
        if event.happened:  # asserted, reported or claimed: not negated, hypothetical or future
            print(
                f"  {event.type:8} {names(event.actors)} → {names(event.recipients)}"
                f" [{event.date.earliest or '…'} – {event.date.latest or '…'}]"
                f" {event.trigger.text!r} ({event.factuality})"
            )
    for quote in extraction.quotes:
        if quote.kind == "direct":
            speaker = extraction.actor(quote.speaker.actor)
            print(f"  {speaker.name if speaker else '?'}: “{quote.span.text}”")
    document = json.loads(to_json(extraction))  # the JSON contract (contract.md)
    print(f"  JSON contract {document['meta']['contract_version']}: {', '.join(document)}")
