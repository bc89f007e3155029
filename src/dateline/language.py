"""Is a text English? Non-English input gets a clear error instead of confident nonsense.

dateline's pipeline, lexicons and rules are English: run on French or Russian text they produce
records that look right and are not. So readers and the pipeline refuse a text that is clearly
not English, and accept one they cannot judge.

How it decides (:func:`looks_english`):

1. **Script.** A text whose letters are mostly not Latin (Cyrillic, Arabic, Hebrew, Han, kana,
   Hangul, ...) is not English, however short.
2. **The words that are not names.** News in English is full of foreign names ("Mexico
   extradites 29 alleged cartel members to the United States, including Rafael Caro Quintero,
   Miguel Ángel Treviño Morales ..."): judged whole, such a text reads as Spanish. Names are
   capitalised in every language written in Latin script, so the identifier is given only the
   words that start with a small letter: "extradites alleged cartel members to the including"
   is plainly English, while German keeps its verbs and articles ("hat die im verloren ist der
   für eine") once its capitalised nouns go, and French, Spanish or Polish keep theirs.
3. **A language identifier** (py3langid, below) scores those words. The text is refused when
   the probability of English is below :data:`MIN_ENGLISH_PROBABILITY`; when fewer than
   :data:`MIN_JUDGED_CHARS` characters are left, there is too little to judge and it passes.

The identifier: py3langid 0.4 (BSD-3-Clause), a maintained fork of langid.py (Lui & Baldwin,
ACL 2012): a naive Bayes model over byte n-grams for 97 languages, shipped inside its 4.6 MB
wheel, numpy only. Chosen over lingua-language-detector 2.1 (Apache-2.0, 96 MB wheel) on the
test corpus ``tests/data/language_corpus.toml`` (73 names-heavy English summaries, headlines,
summaries joined with topic headings and a local article of photo captions; 25 non-English news
texts in 16 languages and 9 scripts), the 1,796 English press releases of
``../shared/corpora/kremlin-zelenskyy-2021-2022`` and the 43 GUM Wikinews articles, measured
with ``benchmarks/bench_language.py`` on this machine (2 cores).

English refused / non-English accepted / press releases refused, seconds over them / model
load time and memory (two runs on a shared machine; times vary by up to 2x between runs):

- function-word share (the check before):        0/73,  9/25, 0, 0.8 s;  none
- py3langid, top language of the whole text:    20/73,  0/25, 0, 6.5 s;  0.5-1.7 s, 124 MB
- py3langid, names masked, top language:         2/73,  0/25, 0, 5.6 s;  same
- **py3langid, names masked, P(English) < 0.01:  0/73,  0/25, 0, 3.4-4.9 s (this module)**
  (then over the first 10,000 characters of the words that are not names; over the first
  1,000 since, :data:`MAX_JUDGED_CHARS`: the same verdicts, 0.9 s)
- lingua high accuracy, top, whole text:        27/73,  0/25, 1, 88 s;   18-39 s, 1.2 GB
- lingua low accuracy, top, whole text:         44/73,  0/25, 1, 75 s;   lazy
- lingua low accuracy, names masked, top:       11/73,  0/25, 0, 22 s
- lingua high accuracy, names masked, P < 0.01:  0/73,  0/25, 0, 35 s;   18-39 s, 1.2 GB

lingua with names masked is as accurate, but ten times slower on articles, loads for half a
minute into 1.2 GB in every worker process and is a 96 MB wheel; py3langid costs about 0.5 ms
an article (under 1% of parsing it) and 124 MB.

With names masked, the lowest probability of English among the English texts long enough to
judge is 0.13 ("trade barbs in debate"); the highest among the 25 non-English texts is
0.00001, and a Spanish headline of six words ("Trump y Sheinbaum hablan por teléfono") scores
0.006. Shorter foreign headlines in Latin script pass as too short to judge. The model (0.5 s) loads once per
process, on the first text long enough to need it.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Below this probability of English (among py3langid's 97 languages) a text is refused.
MIN_ENGLISH_PROBABILITY = 0.01
#: Fewer characters than this of words that are not names: too little to judge, accepted.
#: "trade barbs in debate" (21) is judged; "and meet in" (11) is not.
MIN_JUDGED_CHARS = 20
#: Below this share of Latin letters among all letters, a text is not English.
MIN_LATIN_SHARE = 0.5
#: Only this much of the non-name words is scored: the language of an article shows in its
#: first paragraphs, and py3langid walks every byte it is given in pure Python. Measured
#: with ``benchmarks/bench_language.py --samples``: down to 60 characters no verdict on the test corpus, the 1,796 press releases or the 43 GUM
#: Wikinews articles changes, and down to 300 not even the lowest probability of English
#: (0.986 among the press releases). 1,000 rather than 300 so that an English article that
#: opens with a two-sentence quote in French, German or Spanish (200 characters of its words)
#: still passes: at 300 all three are refused, at 500 the French one scores 0.48, at 1,000
#: all score 1.0. It costs 0.5 ms an article against 0.2 ms at 300 and 1.1 ms at 10,000.
MAX_JUDGED_CHARS = 1_000
#: The script share is taken over this much of the text (it is cheap: see :func:`latin_share`).
SCRIPT_CHECKED_CHARS = 40_000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_BEYOND_LATIN_B = re.compile("[^\x00-\u024f]")


def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def latin_share(text: str) -> float:
    """The share of Latin letters among the letters of ``text`` (1.0 when it has none)."""
    if text.isascii():
        return 1.0
    # Below U+0250 every letter is Latin (Basic Latin to Latin Extended-B); look up the rest.
    other = sum(1 for c in _BEYOND_LATIN_B.findall(text) if c.isalpha() and not _is_latin(c))
    if not other:  # English with curly quotes or dashes: no need to count its letters
        return 1.0
    letters = len(_LETTER.findall(text))
    return 1 - other / letters


def words_not_names(text: str, limit: int | None = None) -> str:
    """The words that start with a small letter, in order: the text without its names.

    A text in capitals ("ZELENSKYY MEETS SCHOLZ") is lowered first, as it has no case to go by.
    With ``limit``, the first ``limit`` characters of that (the words after them are not read).
    """
    if text.isupper():
        text = text.lower()
    if limit is None:
        return " ".join(word for word in _WORD.findall(text) if not word[0].isupper())
    words: list[str] = []
    length = -1  # the joining spaces: one fewer than the words
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper():
            words.append(word)
            length += len(word) + 1
            if length >= limit:
                break
    return " ".join(words)[:limit]


@functools.cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_probability(text: str) -> float:
    """py3langid's probability that ``text`` is English, among its 97 languages."""
    scores = dict(_identifier().rank(text))
    return float(scores.get("en", 0.0))


#: Verdicts kept, oldest dropped first: a reader checks an article, then the pipeline checks
#: it again (twice more); an ingest's worker process is handed the verdicts its parent's reader
#: reached (:func:`known_verdicts`, :func:`remember_verdicts`), so each article is judged once.
VERDICTS_KEPT = 256
_verdicts: dict[str, bool] = {}
_verdicts_lock = threading.Lock()


def looks_english(text: str) -> bool:
    """False only when there is enough text to tell and it is clearly not English."""
    verdict = _verdicts.get(text)
    if verdict is None:
        verdict = _judge(text)
        remember_verdicts({text: verdict})
    return verdict


def known_verdicts(texts: Iterable[str]) -> dict[str, bool]:
    """The verdicts of :func:`looks_english` this process already holds for ``texts``."""
    return {text: _verdicts[text] for text in texts if text in _verdicts}


def remember_verdicts(verdicts: Mapping[str, bool]) -> None:
    """Keep verdicts of :func:`looks_english` (reached here, or by the process that read the
    texts) so that asking again costs a lookup."""
    with _verdicts_lock:
        for text, verdict in verdicts.items():
            _verdicts.pop(text, None)
            while len(_verdicts) >= VERDICTS_KEPT:
                del _verdicts[next(iter(_verdicts))]
            _verdicts[text] = verdict


def _judge(text: str) -> bool:
    head = text[:SCRIPT_CHECKED_CHARS]
    if latin_share(head) < MIN_LATIN_SHARE:
        return False
    words = words_not_names(head, MAX_JUDGED_CHARS)
    if len(words) < MIN_JUDGED_CHARS:
        return True
    return english_probability(words) >= MIN_ENGLISH_PROBABILITY
