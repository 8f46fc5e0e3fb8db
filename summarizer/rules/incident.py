"""No incident sentence, no record: a record's cited sentences must report its kind of event.

A small model gives every article events: a speech becomes an "Armed clash", a vote an
"Agreement", a court step a strike. ACLED codes incidents that happened, and news text
reports them with words of their kind ("killed", "blast", "protesters", "signed").
A record whose cited sentences hold no such word for its event type is not an incident
the article reports, and is dropped (with a finding). Words: data/language/
event_type_cues.txt. No gate check: the model is not re-asked about it.
"""

from __future__ import annotations

import calendar
import re

from .. import language
from ..article import Article
from ..checks.figurative import literal
from ..checks.wellformed import is_heading
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Event, Finding
from .base import Rule, drop_events

_SECTIONS = language.sections("event_type_cues")
# A threat, plan or charge just before the word: "would fight", "charged with ... bombings".
# The words between stay inside the lead-in's own phrase: "warned of reprisals after
# militants killed 12" reports the killing ("after", "as", "when", ... open a clause of
# its own).
_LEAD_IN = re.compile(
    rf"\b(?:{language.alternatives('unreported_lead_ins')})\b"
    r"(?:[^\w,;:]+(?!(?:after|as|when|while|amid|since|following|but|before|because|then|"
    r"was|were|is|are|had|has)\b)\w+){0,3}"
    r"[^\w,;:]*$",
    re.IGNORECASE,
)


# A year right before the word names a past incident: "the 1998 bombings", "the October
# 2000 attack". News reports a current incident by its day ("on Monday", "Aug. 29"), and
# puts a year on one it recalls for context: background, not an incident of the article.
# The year follows "the", "of", "in", "since" or a month: "About 2000 people protested"
# is a count, "On 17 September 2019, two bombings killed..." a date opening the report.
# A day of the month worn as the incident's name ("investigate the January 6 attack", "the
# Sept. 11 attacks") is an incident the reader already knows: never today's. Its sentence's
# other violence words are that incident's too ("rioters who assaulted police in the
# January 6 attack"), unless the sentence tells today's by its day: "gunmen killed five on
# Sunday, a week after the May 2 attack" reports Sunday's killing. (A current incident is
# told by its day: "an attack on Monday", "attacked on Jan. 6".)
MONTHS = "|".join(calendar.month_name[1:])  # the C locale's English month names
_MONTH_ABBRS = "|".join(["Sept", *calendar.month_abbr[1:]])
_DATED_BEFORE = re.compile(
    rf"(?:\b(?:the|of|in|since)\s+|\b(?:{MONTHS})\s+)(?:19|20)\d\d(?:\s+[\w-]+){{0,2}}\s+$",
    re.IGNORECASE,
)
# Between the date and the act, only a word that says what kind ("the Sept. 11 terror
# attacks"): "after the June 20 elections gunmen killed" names the elections by the date.
_DAY_NAMED_BEFORE = re.compile(
    # One word may qualify the name before its date: "the violent Jan. 6 insurrection".
    rf"\bthe\s+(?:(?:violent|deadly|bloody|fatal|infamous|notorious)\s+)?"
    rf"(?:{MONTHS}|(?:{_MONTH_ABBRS})\.)\s+\d{{1,2}}(?:st|nd|rd|th)?"
    r"(?:\s+(?:terror|terrorist|suicide|car|truck|deadly|twin|mass|militant|rocket|drone|"
    r"missile|mob|bomb))?\s+$",
    re.IGNORECASE,
)
# An incident named by the week, month or year before ("searched for suspects in last
# week's attacks", "last month's bombing"): one the reader knows, not today's. Only the
# word so named: "troops fought rebels near the site of last week's protest" reports the
# fight.
_LAST_PERIODS = re.compile(
    r"\b(?:last|previous)\s+(?:week|month|year)['’]s\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
# ... and what the incident so named did: "said last week's attacks killed 40 soldiers".
_LAST_PERIODS_DID = re.compile(
    r"\b(?:last|previous)\s+(?:week|month|year)['’]s\s+(?:[\w-]+\s+){0,2}"
    r"(?:attacks?|shootings?|bombings?|blasts?|explosions?|air ?strikes?|strikes?|raids?|"
    r"ambush(?:es)?|clashes|riots?|protests?|massacres?)\s+$",
    re.IGNORECASE,
)
# An incident noun that names something else ("strike leaders", "protest organisers").
_NOUN_MODIFIES = re.compile(
    r"^\s+(?:leaders?|organi[sz]ers?|victims?|suspects?|survivors?|anniversary|site|"
    r"investigation|trial|probe|inquiry|movement|group)\b",
    re.IGNORECASE,
)
# An incident feared, threatened or watched for, or a record, named right after
# ("officials fear an attack", "the threat of a Kel Front attack", "on alert for a wave of
# attacks", "a history of violence"): none had. Only the noun so named,
# after "a"/"an" and two words at most, none a verb of speech or a clause word: "police
# fear the gunmen who killed five will strike again" reports the killing, "a man with a
# history of violence stabbed three" the stabbing, "officials feared the attack on Monday
# was the work of Kel Front" the known attack ("the": no fear that it may come).
_FEARED = re.compile(
    r"\b(?:fears?|feared(?:\s+that)?|threats?\s+of|alert\s+for|history\s+of)\s+"
    r"(?:(?:an?|more|new|further|possible|another|fresh)\s+)?"
    r"(?:(?:wave|spate|series|string|repeat|number)\s+of\s+)?"
    r"(?:(?!(?:the|this|said|says|told|who|that|which|and|as|when|to|in|on|at|by|over|after|before)\b)"
    r"[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _last_periods(text: str, match: re.Match[str]) -> bool:
    """Is the incident word last week's (month's, year's) incident, or what it did?"""
    before = text[: match.start()]
    if _LAST_PERIODS_DID.search(before):
        return True
    named = _LAST_PERIODS.search(before) and _noun_use(match)
    return bool(named) and not _NOUN_MODIFIES.match(text[match.end() :])


# The reason for a sanction, known or not: "jailed for inciting the riots in Kel", "for
# instigating a mob attack" (the noun only: "arrest for inciting violence rioted").
_SANCTIONED_FOR = re.compile(
    r"\bfor\s+(?:inciting|instigating|inspiring|organi[sz]ing)\s+"
    r"(?:(?:the|a|an|this|that)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# Past tenses of incident verbs that do not end in "-ed": "gunmen shot three workers".
_IRREGULAR_PAST = frozenset(
    ["shot", "hit", "struck", "fought", "blew", "threw", "beat", "burnt", "stole", "took", "slew"]
)


def _noun_use(match: re.Match[str]) -> bool:
    """The incident word is a noun ("attack", "bombing"), not a verb in the past ("killed",
    "shot")."""
    word = match.group(0).lower()
    return not word.endswith("ed") and word not in _IRREGULAR_PAST


WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TODAY = re.compile(
    rf"\b(?:{WEEKDAY}|today|tonight|yesterday|overnight|this (?:morning|afternoon|evening|week))\b",
    re.IGNORECASE,
)


def _cue(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


# Each kind's words, by ACLED event type or, where it has its own section, sub-type; the
# violent types also accept the words of any violence. A weapon stopped before it went
# off, and forces leaving ground without a fight, have their words in sub_type_cues.txt
# (they retype a record there too): a speech filed as either reports none.
_CUES: dict[str, re.Pattern[str]] = {
    kind: _cue(words + (_SECTIONS["Any violence"] if kind in VIOLENT_TYPES else ()))
    for kind, words in _SECTIONS.items()
    if kind != "Any violence"
} | {
    kind: _cue(language.sections("sub_type_cues")[kind])
    for kind in ("Disrupted weapons use", "Non-violent transfer of territory")
}


_ANY_VIOLENCE = _cue(_SECTIONS["Any violence"])
_OF_AN_ARMED_SIDE = _cue(_SECTIONS["Strategic developments of an armed side"])
# An armed side named next to the verb: its people or bodies (armed_forces.txt, not the
# ministries that command them), a rebel or a militia, a unit, its hardware, or its posts
# ("the latest Northland point was established", "set up checkpoints", "deployed tanks").
_ARMED_WORDS = [
    w
    for section in ("both", "people only", "bodies only")
    for w in language.sections("armed_forces")[section]
]
_ARMED_NEAR = re.compile(
    rf"\b(?:{'|'.join(_ARMED_WORDS)}|army|armies|rebels?|insurgents?|militias?|militiamen|"
    r"jihadists?|guerrillas?|paramilitar(?:y|ies)|gendarmes?|gendarmerie|peacekeepers?|"
    r"commandos?|junta|peshmerga|mercenaries|paratroopers|snipers|brigades?|battalions?|"
    r"regiments?|divisions?|units?|guards?|tanks|warships|helicopters|jets|armou?red vehicles|"
    r"air force|navy|headquarters|camps?|checkpoints?|outposts?|garrisons?|reinforcements|"
    r"artillery|missiles|warplanes|frigates|batter(?:y|ies)|armed groups?|(?-i:Front)|"
    r"(?:points?|posts?|positions?|bases?)(?!\s+(?:of|as|for)\b))\b",
    re.IGNORECASE,
)
# How near the verb the armed side must be named: its subject or its object.
_ARMED_NEAR_BEFORE, _ARMED_NEAR_AFTER = 100, 60


def _armed_development(texts: list[str]) -> bool:
    """A strategic development's generic verb told of an armed side near it."""
    for text in texts:
        for m in _OF_AN_ARMED_SIDE.finditer(literal(text)):
            window = text[max(0, m.start() - _ARMED_NEAR_BEFORE) : m.end() + _ARMED_NEAR_AFTER]
            if _ARMED_NEAR.search(window) and _in(_OF_AN_ARMED_SIDE, window):
                return True
    return False


_ANY_INCIDENT = _cue(tuple(w for words in _SECTIONS.values() for w in words))


# An incident recalled by its distance in time: "the anniversary of the attack", "where
# the towers fell two decades ago", or by an office its actor no longer holds ("when
# then-President Ali Noor ordered a strike", "under then-President X"; not "a former
# aide to then-President X", a description of today's victim). History. ("20 years
# after" only right before the act: unreported_lead_ins.txt; "twenty years after being
# removed from power, the rebels swept into the capital" reports today's incident.)
_RECALLED = re.compile(
    r"\b(?:anniversary|(?:years?|decades?) ago)\b|\b(?:when|under|by)\s+(?i:then)-(?-i:[A-Z])",
    re.IGNORECASE,
)


# A tally over weeks or months, not one incident: a count of incidents ("more than a
# million arrests", "178,000 arrests", "hundreds of attacks") with the period it covers
# in the same clause ("so far this year", "since January", "in June") or a statistic's
# comparison anywhere ("a 3% increase over the prior month"). A count of people ("killed
# 12 people, the third such attack this year", "displaced 5,000 people since January")
# is no tally of incidents; a sentence that tells today's incident by its day is not
# one either, though the day the figures came out is no incident's ("figures released
# Friday").
_COUNTED_INCIDENTS = re.compile(
    r"(?:\b\d{1,3}(?:,\d{3})+|\b\d{3,}|\b(?:hundreds|thousands|millions|dozens) of|"
    r"\ba (?:million|thousand|hundred))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:arrests|apprehensions|detentions|attacks|killings|bombings|shootings|incidents|"
    r"strikes|airstrikes|raids|protests|demonstrations|kidnappings|abductions)\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    rf"\b(?:so far (?:this (?:year|month)|in (?:19|20)\d\d)|this (?:fiscal )?year(?!['’])|"
    rf"last (?:fiscal )?year|since (?:the (?:start|beginning) of (?:the year|{MONTHS}|"
    rf"(?:19|20)\d\d)|{MONTHS}|(?:19|20)\d\d)|in (?:{MONTHS})(?!\s+\d)|"
    r"in fiscal (?:year )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_STATISTIC = re.compile(
    r"\b(?:(?:over|from|than) the (?:prior|previous|same) (?:month|year|period)|"
    r"(?:year|month)-(?:on|over)-(?:year|month))\b",
    re.IGNORECASE,
)
# The day a tally was released or told is not an incident's: "figures released Friday",
# "the UN said in a report on Monday".
_TOLD_ON = re.compile(
    rf"\b(?:released|published|issued|said|says|reported|announced|told)"
    rf"(?:\s+[\w-]+){{0,5}}?\s+(?:on\s+)?{WEEKDAY}\b",
    re.IGNORECASE,
)


def counts_incidents(span_text: str) -> bool:
    """Does the sentence give a count of incidents ("a total of 563 strikes", "hundreds
    of attacks"), whatever period it covers?"""
    return _COUNTED_INCIDENTS.search(span_text) is not None


# A toll summed over years, told in the perfect: "drone strikes have killed an estimated
# 3,000 people since 2004", "in Kel, gunmen have killed 300 villagers since 2019", "the
# insurgency has displaced millions over the past decade". Not after an incident told in
# an earlier clause ("a bomber killed 14, the latest attack by militants who have killed
# thousands since 2009"), a ranking ("has killed 30, the deadliest since 2010": a comma
# between), nor in a sentence that tells another incident after it.
_CUMULATIVE = re.compile(
    r"\b(?:have|has)\s+(?:[\w-]+\s+){0,2}?(?:killed|wounded|injured|displaced|"
    r"claimed the lives of)\b(?:[^.;,]|(?<=\d),(?=\d)){0,80}?\b(?:since\s+(?:19|20)\d\d|"
    r"since\s+the\s+(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|conflict|insurgency|"
    r"campaign|fighting|uprising)|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?"
    r"(?:years|decades?)|in\s+recent\s+years|over\s+the\s+years)\b",
    re.IGNORECASE,
)


def _cumulative(span_text: str) -> bool:
    summed = _CUMULATIVE.search(span_text)
    if summed is None or _TODAY.search(_TOLD_ON.sub(" ", span_text)):
        return False
    # The toll's own clause (its subject) may name the incidents summed ("drone strikes");
    # a clause before it that tells one is that incident's report.
    clauses = re.split(r"[,;]", span_text[: summed.start()])
    # ... and in the toll's own clause, before the relative word that opens the toll
    # ("gunmen killed 12 in a region where militants have killed hundreds since 2019").
    own = clauses[-1]
    relative = list(re.finditer(r"\b(?:where|who|which|that)\b", own, re.IGNORECASE))
    earlier = clauses[:-1] + ([own[: relative[-1].start()]] if relative else [])
    told_before = any(_ANY_INCIDENT.search(literal(clause)) for clause in earlier)
    return not told_before and not _ANY_INCIDENT.search(literal(span_text[summed.end() :]))


def tally(span_text: str) -> bool:
    """Does the sentence count incidents over a period rather than report one?"""
    if _cumulative(span_text):
        return True
    counted = _COUNTED_INCIDENTS.search(span_text)
    if counted is None or _TODAY.search(_TOLD_ON.sub(" ", span_text)):
        return False
    clause = re.split(r"[,;]", span_text[counted.end() :], maxsplit=1)[0]
    return bool(_PERIOD.search(clause) or _STATISTIC.search(span_text))


# The day a lawsuit or a complaint was filed is the court story's, not the incident's:
# "officers filed a lawsuit Thursday over the Jan. 6 attack".
_FILED_ON = re.compile(
    rf"\bfiled\s+(?:(?:a|an|the|their|its|his|her)\s+)?(?:[\w-]+\s+)?(?:lawsuits?|suits?|"
    rf"complaints?|charges|motions?|appeals?)\s+(?:on\s+)?{WEEKDAY}\b",
    re.IGNORECASE,
)


def dated(span_text: str) -> bool:
    """Does the sentence name a past incident by its year ("the 1998 bombings"), or by its
    day with no day of today's ("the January 6 attack")? Its other violence words ("the
    victims of the 1998 bombings") are that incident's too."""
    named_day = not _TODAY.search(_FILED_ON.sub(" ", span_text))
    return bool(_RECALLED.search(span_text)) or any(
        _DATED_BEFORE.search(span_text[: match.start()])
        or (named_day and _DAY_NAMED_BEFORE.search(span_text[: match.start()]))
        for match in _ANY_INCIDENT.finditer(span_text)
    )


def first_incident_word(text: str) -> re.Match[str] | None:
    """The first incident word of any kind in the text, as written."""
    return _ANY_INCIDENT.search(text)


def incident_words(text: str) -> list[str]:
    """Every incident word of any kind in the text, as written."""
    return [m.group(0) for m in _ANY_INCIDENT.finditer(text)]


def has_incident_word(text: str) -> bool:
    """Any incident word of any kind in the text, as written (figurative uses included)."""
    return bool(_ANY_INCIDENT.search(text))


# An incident told of the people a court or political story is about, in a relative
# clause ("police officers who were attacked during the riot filed a lawsuit Thursday",
# "families of those who were killed in the bombing testified"): the sentence reports the
# lawsuit or the hearing, not the attack.
_VICTIMS_WHO = re.compile(
    r"\b(?:who|whom)\s+(?:were|was|had been|have been)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_LEGAL_OR_POLITICAL_ACT = re.compile(
    r"\b(?:filed|sued|suing|testif(?:y|ied|ies|ying)|pleaded|lawsuits?|hearings?|"
    r"met with|called for|urged)\b",
    re.IGNORECASE,
)


# ... and one told of the person a ruling on it is about, in a relative clause ("the
# officer who fatally shot a rioter in January acted lawfully, police said"): the
# sentence reports the finding, unless the clause tells the incident's day.
_DOER_WHO = re.compile(r"\bwho\s+(?:[\w-]+ly\s+)?$", re.IGNORECASE)
# Findings that come long after the incident (not a charge, which may come the same day).
_RULED_ON = re.compile(
    r"\b(?:acted lawfully|acted in self-defen[cs]e|(?:will|would) not be (?:disciplined|charged|"
    r"prosecuted)|(?:was|were|has been|have been) (?:cleared|sentenced|acquitted|convicted|"
    r"exonerated)|pleaded (?:not )?guilty)\b",
    re.IGNORECASE,
)


def _whose_past(text: str, start: int) -> bool:
    """Is the incident word at `start` in a relative clause about the people a legal or
    political act of the sentence is about (`_VICTIMS_WHO`, then `_LEGAL_OR_POLITICAL_ACT`),
    or about its doer a ruling is about (`_DOER_WHO`, then `_RULED_ON`)?"""
    before, after = text[max(0, start - 40) : start], text[start:]
    if _VICTIMS_WHO.search(before) and _LEGAL_OR_POLITICAL_ACT.search(after):
        return True
    ruled = _RULED_ON.search(after) if _DOER_WHO.search(before) else None
    # A clause that tells its incident's day is today's news ("the soldier who shot a
    # protester on Monday was charged on Tuesday").
    return ruled is not None and not _TODAY.search(after[: ruled.start()])


# A device found or intercepted, told with the passive (sub_type_cues.txt, "Disrupted
# weapons use"): a "potential" or "possible" before it says what the device was feared to
# be ("packages identified as potential explosive devices were intercepted"), not that
# the interception is feared.
_FIND_OF_A_FEARED_DEVICE = re.compile(
    r"(?:devices?|bombs?|explosives?)\b.*\b(?:found|discovered|seized|recovered|intercepted|"
    r"defused)$",
    re.IGNORECASE,
)


_FEARED_BEFORE = re.compile(r"\b(?:potential|possible|suspected)\s+(?:[\w-]+\s+)?$", re.I)


def _feared_device_found(text: str, match: re.Match[str]) -> bool:
    """The lead-in is the found device's own word ("potential explosive devices were
    intercepted"), no threat, plan or question about the find."""
    before = text[: match.start()]
    lead = _LEAD_IN.search(before)
    return bool(
        _FIND_OF_A_FEARED_DEVICE.match(match[0])
        and _FEARED_BEFORE.search(before)
        and lead
        and re.match(r"(?:potential|possible|suspected)\b", lead[0], re.IGNORECASE)
    )


# A denial about an incident the sentence names as known: "no evidence that Monday's
# shooting was linked to terrorism", "denied that the airstrike hit a hospital". The
# incident is the denied clause's subject, a noun with its determiner; what is denied is
# something said of it. ("no evidence that the militants attacked" denies the attack.)
_DENIAL_OF_A_KNOWN = re.compile(
    r"\b(?:no\s+(?:evidence|proof|sign|indication)s?|den(?:y|ies|ied))(?:\s+that)?\s+"
    r"(?:the|this|these|those|its|their|[\w-]+['’]s)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_INCIDENT_NOUN = re.compile(
    r"(?:attack|shooting|bombing|blast|explosion|airstrike|strike|raid|ambush|killing|clash|"
    r"kidnapping|abduction|massacre|march|protest|arrest)(?:s|es)?",
    re.IGNORECASE,
)


def _known_incident_denied(text: str, match: re.Match[str]) -> bool:
    return bool(
        _INCIDENT_NOUN.fullmatch(match[0]) and _DENIAL_OF_A_KNOWN.search(text[: match.start()])
    )


def _in(cue: re.Pattern[str], text: str) -> bool:
    """A cue word in the text, not led in by a threat, plan or charge, not used
    figuratively, not an incident named by its date, in a sentence that reports no past
    incident by its year and counts none over a period."""
    written, text = text, literal(text)  # same length: positions hold in both
    return (
        not dated(written)  # as written, as its other readers (doer, counts) read it
        and not tally(written)
        and not is_heading(text)  # a heading names things; it reports none
        and any(
            (
                not _LEAD_IN.search(text[: match.start()])
                or _feared_device_found(text, match)
                or _known_incident_denied(text, match)
            )
            # Read as written: the figurative filter blanks "March 3" (not a march).
            and not _DAY_NAMED_BEFORE.search(written[: match.start()])
            and not _last_periods(written, match)
            and not (_FEARED.search(written[: match.start()]) and _noun_use(match))
            and not (_SANCTIONED_FOR.search(written[: match.start()]) and _noun_use(match))
            and not _whose_past(written, match.start())
            for match in cue.finditer(text)
        )
    )


def reports_kind(sub_event_type: str, texts: list[str]) -> bool:
    """Do these sentences report an incident of this sub-type: one of its kind, or violence?

    Violence counts for the violent kinds, riots and a strategic development with no
    words of its own ("Other"): a real attack the model filed there is a wrongly typed incident,
    not an invented one. A kind with words of its own needs them: a protest is reported
    with "protesters" or "rally", an arrest with "arrested" or "detained", whatever
    violence the sentences also mention (a court hearing about a killing is no protest).
    """
    event_type = EVENT_TYPE_OF[sub_event_type]

    def says(cue: re.Pattern[str]) -> bool:
        return any(_in(cue, text) for text in texts)

    own = _CUES.get(sub_event_type)
    if own is not None:
        return says(own)
    cue = _CUES.get(event_type)
    if cue is None or says(cue):
        return True
    if event_type == "Strategic developments" and _armed_development(texts):
        return True
    fallback = event_type in (*VIOLENT_TYPES, "Riots", "Strategic developments")
    return fallback and says(_ANY_VIOLENCE)


def reported(event: Event) -> bool:
    """Do the record's cited sentences report an incident (`reports_kind`)?"""
    return reports_kind(event.sub_event_type, [span.text for span in event.evidence])


def _unreported(event: Event) -> str | None:
    if reported(event):
        return None
    return (
        f"its cited sentences report no {event.event_type.lower()} "
        "(no incident sentence, no record)"
    )


def drop_unreported(events: list[Event], article: Article) -> tuple[list[Event], list[Finding]]:
    return drop_events(events, _unreported)


RULE = Rule("incident", repair_events=drop_unreported)
