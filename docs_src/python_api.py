"""The Python API on the shipped example: events that happened, and who said what."""

import json

from dateline import Pipeline, read_articles, to_json

pipeline = Pipeline()  # loads nothing yet; the model loads on the first article
for article in read_articles("examples/"):  # files, folders and globs; every supported format
    extraction = pipeline(article)  # actors, times, places, quotes, events, claims
    print(article.date, article.title)
    for event in extraction.events:
        if event.happened:  # asserted, reported or claimed: not negated, hypothetical or future
            who = [extraction.actor(i).name for i in event.actors]
            whom = [extraction.actor(i).name for i in event.recipients]
            when = f"{event.date.earliest or '…'} to {event.date.latest or '…'}"  # a day range
            print(" ", event.type, who, "→", whom, when, repr(event.trigger.text))
    for quote in extraction.quotes:
        if quote.kind == "direct":
            print(" ", extraction.actor(quote.speaker.actor).name, "said:", quote.span.text)
    document = json.loads(to_json(extraction))  # the JSON contract (docs/contract.md)
    print("  JSON:", ", ".join(document))
