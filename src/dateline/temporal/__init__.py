"""Temporal expressions in English news: recognition, normalisation, and historical anchors.

* :mod:`dateline.temporal.lexicon` — the words (months, weekdays, number words, units);
* :mod:`dateline.temporal.grammar` — precompiled regular expressions that find expressions;
* :mod:`dateline.temporal.normalize` — TIMEX3 values anchored to the article date with tense
  (:mod:`~dateline.temporal.context` the shared context and year rule,
  :mod:`~dateline.temporal.periods` quarters, seasons, "the year", holidays);
* :mod:`dateline.temporal.calendar` — day bounds and granularity of a TIMEX3 value;
* :mod:`dateline.temporal.history` — the table of well-known historical events;
* :mod:`dateline.temporal.anaphora` — "the following year", "that day": the reference time;
* :mod:`dateline.temporal.direction` — which way an underspecified date points: the tense of its
  verb and the cue words around it ("until Saturday", "since Tuesday");
* :mod:`dateline.temporal.expressions` — an article's expressions found, normalised and
  re-anchored (what the times stage stamps as records).

Conventions follow TimeML/TIMEX3 (Pustejovsky et al. 2005; TimeML 1.2.1 guidelines) as annotated
in TempEval-3's TBAQ-cleaned corpus, and the rule design follows HeidelTime (Strötgen & Gertz
2013): patterns per expression kind, then a normalisation function that uses the document
creation time and the tense of the governing verb.
"""
