"""PLOVER event coding on the dependency parse, in small parts used by :mod:`dateline.stages.events`.

- :mod:`.vocabulary` — the pinned PLOVER vocabulary (``data/plover-v1.json``): types, quads, modes,
  scores; and the CAMEO code of a type and mode (``data/cameo2plover.csv``).
- :mod:`.lexicon` — the trigger lexicon (``data/triggers-v1.csv``) and trigger matching.
- :mod:`.arguments` — actor and recipient rules.
- :mod:`.factuality` — asserted, reported, claimed, negated, hypothetical, future.
- :mod:`.coder` — triggers + arguments + factuality + PLOVER boundary rules -> coded events.
- :mod:`.links` — date, place and reporter from the other stages (with fallbacks in one place).
"""
