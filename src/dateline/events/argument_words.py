"""Word lists the argument rules read (:mod:`dateline.events.arguments`).

Hand-written from the PLOVER manual's actor/recipient discussion and English grammar (object
control, theme verbs, patient nominals); each list says in its comment what it is for.
"""

from __future__ import annotations

from dateline.words import word_seq, word_set

RECIPIENT_PREPS = word_seq("events", "argument_words.recipient_preps")
OBJECT_CONTROL = word_set("events", "argument_words.object_control")
THEME_VERBS = word_set("events", "argument_words.theme_verbs")


PATIENT_NOUNS = word_set("events", "argument_words.patient_nouns")


DOCUMENT_NOUNS = word_set("events", "argument_words.document_nouns")
SUBJECT_CONTROL_NOUNS = word_set("events", "argument_words.subject_control_nouns")
MOVEMENT_NOUNS = word_set("events", "argument_words.movement_nouns")


SAYING = word_set("events", "argument_words.saying")
AGENTIVE_OF_NOUNS = word_set("events", "argument_words.agentive_of_nouns")
CONSULT_RECIPIENT_PREPS = word_seq("events", "argument_words.consult_recipient_preps")
ATTACK_NOUNS = word_set("events", "argument_words.attack_nouns")
GIVEN_NOUNS = word_set("events", "argument_words.given_nouns")
DOER_OF_NOUNS = word_set("events", "argument_words.doer_of_nouns")
