"""Clauses and speakers in a news sentence, by surface pattern (no parser needed).

Two tools the summary repairs share: cut a trailing clause off whole, at a comma, dash
or semicolon before an opener ("which", "though", "a move that"), so the main clause
stands; and find who a sentence attributes its statement to ("..., officials said",
"according to the ministry"), to carry that speaker into a sentence restating it.
"""

from __future__ import annotations

import re

from .. import language


def clause_opening(openers: str) -> re.Pattern[str]:
    """A trailing clause opened by one of `openers` (an alternation) after a comma, a
    semicolon or a dash."""
    return re.compile(rf"(?:,|;|\s[—–-]{{1,2}}|—)\s*(?:{openers})\b", re.IGNORECASE)


_OPENER = clause_opening(language.alternatives("clause_openers"))
MIN_MAIN_WORDS = 6
# Not a speaker: a pronoun (whose referent is elsewhere), a clause's function word or an
# auxiliary ("were reported by"), or a phrase ending on a pronoun ("a day after it said").
_NOT_A_SPEAKER = re.compile(
    r"^(?:he|she|they|it|we|i|you|this|that|these|those|who|which|what|and|or|but|as|"
    r"so|if|when|while|where|there|then|also|is|are|was|were|be|been|has|have|had)\b"
    r"|\b(?:he|she|they|it|we|i|you|is|are|was|were|be|been|has|have|had)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:where|who|which|when|whom)\s+", re.IGNORECASE)
_VERB = language.alternatives("quoted_speaker_verbs")
# "..., the defence ministry said." / "..., Smith told reporters."
# A closing ’ only after punctuation: "O’Brien said" is one name, "the rebels’
# spokesman said" a possessive.
# A speaker's name may hold the dots of a dotted abbreviation ("the U.S. Capitol
# Police", "the U.N. envoy") or a title ("Gen. Ali Noor"); never a lone letter's ("Gate
# B. Police said": a sentence may end there). Case-sensitive inside the IGNORECASE pattern.
_TITLES = language.sections("title_abbreviations")
_NAME_DOT = "|".join(
    [r"(?-i:(?<=\b[A-Z])\.(?=[A-Z]\.))", r"(?-i:(?<=\b[A-Z]\.[A-Z])\.)"]
    + [rf"(?-i:(?<=\b{t})\.)" for t in _TITLES["courtesy titles"] + _TITLES["titles and ranks"]]
)
_NAME_CHAR = rf"(?:[^,;:.“”\"]|{_NAME_DOT})"
_AFTER = re.compile(
    rf"(?:[,”\"]|(?<=[,.!?])’(?=\s))(?:\s|(?<=[,.!?])’(?=\s))*({_NAME_CHAR}{{2,80}}?)\s+(?:{_VERB})\b",
    re.IGNORECASE,
)
# "The ministry said ..." at the start of the sentence; the name may hold a title's or an
# abbreviation's dots ("Gov. Ali Noor said", "U.S. officials said").
_BEFORE = re.compile(rf"^([A-Z]{_NAME_CHAR}{{1,80}}?)\s+(?:{_VERB})\b")
# How or when the speaker spoke, between its name and the verb: "the army initially
# said", "the opposition has long said". Lower-case only: "the National Assembly", "Ali
# Kelly" end in names.
_ADVERB_TAIL = re.compile(
    r"(?:\s+(?:[a-z]\w*ly|long|later|also|now|earlier|previously|has|have|had))+$"
)
# A party label after a politician's name, "Sen. Ali Noor (D-Northland) said": not part
# of the name a record or a summary carries (taken out of the sentence before reading it).
_PARTY_IN_TEXT = re.compile(r"\s*\((?:[DRI]|Ind)(?:-[A-Z][\w. ]{0,20})?\)")
_ACCORDING = re.compile(rf"\baccording to ({_NAME_CHAR}{{2,80}})", re.IGNORECASE)
# Inside a relative clause: "an assault that police said imitated the Kel attacks",
# "the strike, which officials said killed 12".
_RELATIVE_SAID = re.compile(
    r"\b(?:that|which)\s+((?:the\s+)?[\w.'’-]+(?:\s+[\w.'’-]+){0,3}?)"
    r"(?:\s+(?:\w+ly|long|later|also|now|earlier|previously|has|have|had))*\s+(?:said|say|says)\b",
    re.IGNORECASE,
)
# Findings that speak for their source: "Reports from medical staff at the hospitals who
# treated victims indicate the bombs were packed with nails", "Data from the health
# ministry show", "Figures released by the UN suggest". News attributes a finding to whoever
# produced it, so the source is the speaker (not the words of a relative clause after it).
_FINDINGS_FROM = re.compile(
    rf"\b(?:reports?|accounts?|data|figures|statistics|records|documents|"
    rf"findings|tests?|analysis|results)\s+(?:from|by|(?:released|published|compiled)\s+by)\s+"
    rf"((?:the\s+)?{_NAME_CHAR}{{2,60}}?)(?:\s+(?:who|which|that)\s+[^,;:.]{{1,80}}?)?\s+"
    rf"(?:indicate[sd]?|show(?:s|ed)?|suggest(?:s|ed)?|point(?:s|ed)? to)\b",
    re.IGNORECASE,
)
# Who can produce a finding: a name, or a body or people that study and report. Not a
# place, a time or a thing ("accounts from the front line", "figures from last year",
# "data from satellite images").
# A name of two words or more, or an acronym ("Johns Hopkins University", "the UN"), or a
# body or people that study and report as the source's last word ("doctors at Dara
# hospitals" ends on a place, so its head noun counts wherever it stands). Not a lone name
# (a place: "reports from Dara"), a month or day, a place, a time or a thing.
_FINDINGS_SOURCE = re.compile(
    r"^(?:the\s+)?(?:(?-i:[A-Z][\w'’.&-]*)(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*(?-i:[A-Z])[\w'’.&-]*)+"
    r"|(?-i:[A-Z]{2,}))$|"
    r"^(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:ministry|agency|office|department|officials?|police|"
    r"doctors|staff|medics|hospitals?|witnesses|residents|monitors?|observatory|group|"
    r"organi[sz]ation|institute|university|cent(?:re|er)|bureau|commission|council|government|"
    r"army|military|authorities|researchers|scientists|analysts|experts|company|firm|"
    r"investigators|prosecutors|agencies)\b(?!-)",
    re.IGNORECASE,
)
_MONTH_OR_DAY = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_DESCRIPTION = re.compile(
    rf"\s+\b(?:{language.alternatives('speaker_descriptions')})\b.*$", re.IGNORECASE
)
# When, between a speaker's name and the verb: "Ali Noor on Thursday announced", "the
# ministry earlier said" (lower-case adverbs and weekdays only: "the Commission on
# Elections" and "Kel Now" are names).
_WHEN_AFTER_NAME = re.compile(
    r"\s+(?:on\s+(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)|now|earlier|later|yesterday|"
    r"today|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning))$"
)
MAX_SPEAKER_WORDS = 8


def verb_after_name(verbs: str) -> str:
    """The pattern, matched right after a name, of that name as the subject of one of
    `verbs`: "X said", "X, the group's spokesman, said", "X on Tuesday vowed", "X has now
    determined", and the stray comma of wire copy after a long name ("X of the Y group,
    said")."""
    return (
        # Not "X, said to be loyal to Y, stormed": a participle's description.
        # After initials in brackets: "the People's Movement (PM) on Wednesday claimed".
        rf"^\)?(?:\s*,[^,]{{1,60}},|,(?!\s+\w+\s+(?:to|by|as|for)\b))?\s+"
        rf"(?:now\s+|on\s+\w+\s+|earlier\s+|later\s+)?"
        rf"(?:has\s+|have\s+|had\s+|also\s+)?(?:{verbs})\b"
    )


def trim_before(text: str, position: int) -> str | None:
    """The sentence cut at the last clause opener before `position`, with a full stop;
    None when no opener precedes it or the main clause left would be too short."""
    best = None
    for m in _OPENER.finditer(text, 0, position):
        best = m
    if best is None:
        return None
    main = text[: best.start()].rstrip(" ,;—–-")
    if len(main.split()) < MIN_MAIN_WORDS:
        return None
    return main + "."


def speaker_of(sentence: str) -> str | None:
    """Who an article sentence attributes its statement to, when it names them."""
    sentence = _PARTY_IN_TEXT.sub("", sentence)  # "(D-Calif.)" is no part of the name
    for pattern in (_ACCORDING, _AFTER, _BEFORE, _RELATIVE_SAID, _FINDINGS_FROM):
        if m := pattern.search(sentence):
            # "a town near the base where officials said": the speaker is the relative
            # clause's subject, "officials".
            speaker = _RELATIVE.split(m.group(1).strip())[-1].strip()
            speaker = _DESCRIPTION.sub("", speaker)
            speaker = _WHEN_AFTER_NAME.sub("", speaker)
            speaker = _ADVERB_TAIL.sub("", speaker)
            if (
                not speaker
                or _NOT_A_SPEAKER.search(speaker)
                or len(speaker.split()) > MAX_SPEAKER_WORDS
                or (
                    pattern is _FINDINGS_FROM
                    and (not _FINDINGS_SOURCE.search(speaker) or _MONTH_OR_DAY.search(speaker))
                )
            ):
                continue
            return speaker
    return None


# An attribution at a sentence's end: ", a monitor said", ", according to police".
TRAILING_ATTRIBUTION = re.compile(
    r"(?:,\s*(?:[\w’'.-]+\s+){1,6}(?:said|says|reported|added)|,?\s*according to [^,.]+)"
    r"\s*[.!?]?\s*$",
    re.IGNORECASE,
)
