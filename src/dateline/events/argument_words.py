"""Word lists the argument rules read (:mod:`dateline.events.arguments`).

Hand-written from the PLOVER manual's actor/recipient discussion and English grammar (object
control, theme verbs, patient nominals); each list says in its comment what it is for.
"""

from __future__ import annotations

RECIPIENT_PREPS = (
    "to",
    "with",
    "against",
    "on",
    "upon",
    "at",
    "toward",
    "towards",
    "for",
    "from",
    "into",
    "over",
    "in",
    "of",
)
#: verbs whose object is the understood subject of their complement ("asked Putin to order")
OBJECT_CONTROL = frozenset(
    {
        "ask",
        "urge",
        "tell",
        "order",
        "force",
        "allow",
        "persuade",
        "call",
        "invite",
        "instruct",
        "help",
        "press",
        "pressure",
        "encourage",
        "permit",
        "let",
        "compel",
        "direct",
        "command",
        "authorize",
        "request",
        "implore",
        "beg",
        "warn",
        "advise",
        "enable",
        "grant",
    }
)
#: verbs whose direct object is the thing given or sent (the theme), not the recipient
THEME_VERBS = frozenset(
    {
        "send",
        "provide",
        "give",
        "supply",
        "deliver",
        "donate",
        "contribute",
        "lend",
        "loan",
        "offer",
        "share",
        "deploy",
        "hand",
        "award",
        "extend",
        "transfer",
        "ship",
        "pledge",
        "exchange",
        "dispatch",
    }
)


#: nominal events whose possessor is the one affected, not the actor ("the tanker's release",
#: "Navalny's arrest", "Khashoggi's killing")
PATIENT_NOUNS = frozenset(
    {
        "release",
        "arrest",
        "detention",
        "killing",
        "assassination",
        "deportation",
        "expulsion",
        "abduction",
        "kidnapping",
        "extradition",
        "torture",
        "murder",
        "execution",
        "capture",
        "imprisonment",
        "rescue",
        "pardon",
        "resignation",
        "ouster",
        "overthrow",
        "removal",
        "conviction",
        "indictment",
        "trial",
    }
)


#: documents that carry their issuer's act ("a report accusing X", "a statement condemning X")
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "resolution",
        "communique",
        "letter",
        "declaration",
        "video",
        "message",
        "tweet",
        "motion",
        "decree",
        "note",
        "memo",
        "petition",
    }
)
#: nominal events whose "from" names a place left or a thing escaped, not the actor
#: ("withdrawal from Afghanistan", "release from prison")
MOVEMENT_NOUNS = frozenset(
    {
        "withdrawal",
        "pullout",
        "retreat",
        "exit",
        "departure",
        "evacuation",
        "expulsion",
        "release",
        "escape",
        "deportation",
        "extradition",
        "removal",
        "ouster",
        "resignation",
        "defection",
        "secession",
        "flight",
        "return",
    }
)


#: verbs of saying whose subject a pronoun in their complement most often refers back to
SAYING = frozenset(
    {
        "say",
        "announce",
        "state",
        "tell",
        "add",
        "declare",
        "claim",
        "insist",
        "confirm",
        "warn",
        "promise",
        "vow",
    }
)
