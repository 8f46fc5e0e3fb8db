"""The doer: an event's actor1 is who carried it out, never its victim, its reporter or
its accuser.

A small model fills actor1 with the most prominent name of the cited sentences: the
general the bomb killed ("General X" as both actor and target), or the official who
spoke about it ("New York Gov. X said there is no evidence ..."). ACLED codes the
perpetrator, or leaves it unidentified. For violent events (where a speaker is almost
never the doer, unless they claim or confirm their own act), an actor1 that is the
target, or the force of the side the cited sentences name among the dead ("killed 13
Northland troops": not the Northland army), or that the cited sentences name only as the
subject of a speech verb or of a responder's verb (investigating, arresting), is
cleared, with a finding; so is a
claimant that is the target. An actor1 the article has blame another party for the act
("X blamed Y for the bombing") gives way to the accused, and the responsibility becomes
"alleged". For protests and riots, a speaker or responder is cleared the same way.
No gate check: nothing to re-ask.
"""

from __future__ import annotations

import re

from .. import language
from ..checks.attribution import CONFIRM, claimant_in
from ..checks.clauses import verb_after_name
from ..checks.grounding import cited
from ..checks.negation import NEGATED_BEFORE
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Check
from .base import EventWork, Rule, name_key, repaired
from .incident import WEEKDAY, dated


def _speech_after(verbs: str) -> re.Pattern[str]:
    return re.compile(verb_after_name(verbs), re.IGNORECASE)


_SPEECH_AFTER = _speech_after(language.alternatives("reporting_verbs"))
# For violent records and arrests a pledge is speech too (data/language/pledge_verbs.txt).
_SPEECH_OR_PLEDGE_AFTER = _speech_after(
    f"{language.alternatives('reporting_verbs')}|{language.alternatives('pledge_verbs')}"
)
# Who infers from evidence ("analysis by the website X suggests drones were used", "the
# monitor X estimates 40 died", "investigators concluded"): an analyst of the incident.
# Unlike a side announcing its own air strike ("the Pentagon said it struck"), an analyst
# is never the doer.
_ANALYST_AFTER = _speech_after(
    r"suggest(?:s|ed)?|indicat(?:es|ed)|conclud(?:es|ed)\s+that|assess(?:es|ed)|estimat(?:es|ed)"
)
# ... unless what it infers is its own act: "the air force estimated that its strikes
# killed 30", "the army indicated it had carried out the strike".
_OWN_ACT = re.compile(
    r"^[^.;]{0,40}?\b(?:it|its|they|their)\b(?:\s+[\w-]+){0,4}?\s+"
    r"(?:killed|carried out|conducted|launched|struck|hit|destroyed|strikes?|attacks?|raids?)\b",
    re.IGNORECASE,
)
# A responder who also acts after responding: "carried out a survey of the base before
# storming it", "conducted an investigation, then raided its hideout".
_ACTS_AFTER = re.compile(
    # Within the responder's own clause: not past a relative pronoun ("searching for the
    # gunmen who stormed the church and killed"), nor a noun ("the bombing and shelling of").
    r"^(?:(?!\b(?:who|that|which|whom)\b)[^.;]){0,80}?\b(?:and|but|then|before)\s+"
    r"(?:then\s+|later\s+|also\s+)?(?:storm\w*|raid\w*|attack\w*|kill\w*|shoot\w*|shot|"
    r"fir(?:ed|ing)|opened fire|bomb\w*|struck|ambush\w*|shell\w*)\b(?!\s+of\b)",
    re.IGNORECASE,
)
# A speaker who also acts in the sentence ("police warned residents and arrested 40",
# "troops promised to protect civilians but shot dead three") is a doer too.
_ACTS_TOO = re.compile(
    rf"\b(?:and|but)\s+(?:\w+\s+){{0,2}}?(?:{language.alternatives('incident_verbs')}|"
    r"shot|fired|opened fire|killed|arrested|detained|beat|stabbed)\b",
    re.IGNORECASE,
)
# "X are investigating", "X have arrested", "X, the city's police, searched for": a
# responder (data/language/responder_verbs.txt), not the doer.
_RESPONSE_AFTER = re.compile(
    # "X are investigating", "X's counterterrorism bureau responded": the party or a
    # unit of it ("'s" and up to two words) as the subject, the verb active ("two men
    # were arrested" is the passive: those arrested are no responders).
    rf"^(?:['’]s(?:\s+\w+){{1,2}})?(?:\s*,[^,]{{1,60}},)?\s+"
    rf"(?:are\s+|is\s+|have\s+|has\s+|had\s+|also\s+|(?:were|was)\s+(?=\w+ing\b))*"
    rf"(?:{language.alternatives('responder_verbs')})\b",
    re.IGNORECASE,
)


# The dead or wounded named by their side: "killed 13 Northland troops", "wounding two Southland
# soldiers". A record's actor of that side and kind is the victims' side, not the doer
# (a bombing that killed Northland troops is not the Northland army's); not for a clash, where
# both sides fight and lose people.
_ARMED = language.sections("armed_forces")
_VICTIM_SIDE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?)\s+"
    r"(?:(?:at least|more than|some|about|nearly|dozens of|\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|several)\s+)*"
    r"(?P<side>(?:[A-Z][\w.'’-]*\s+){1,2})"
    rf"(?:{'|'.join(_ARMED['both'] + _ARMED['people only'])})\b"
)
# The same told in the passive: "A Frontier Guard soldier was killed", "two Northland
# policemen were wounded" (an abbreviation in brackets may follow the side's name).
_VICTIM_SIDE_PASSIVE = re.compile(
    r"(?P<side>(?:[A-Z][\w.'’-]*\s+){1,2})(?:\([A-Z]{2,6}\)\s+)?"
    # one or many: "a soldier was killed", "soldiers were killed"
    rf"(?:{'|'.join(re.sub(r's$', 's?', w) for w in _ARMED['both'] + _ARMED['people only'])})\s+"
    r"(?:was|were|had been|have been|has been)\s+(?:shot\s+)?(?:dead|killed|wounded|injured)\b"
)
# A sentence's opening article, count or day is no part of a side's name ("Two Northland
# soldiers were wounded", "On Monday Northland soldiers were killed").
_LEADING_COUNT = re.compile(
    r"^(?:(?:a|an|the|on|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    rf"dozens|{WEEKDAY}|\d+)(?:\s+of)?(?:\s+|$))+"
)
_FORCE_WORDS = re.compile(
    rf"\b(?:{'|'.join(_ARMED['both'] + _ARMED['bodies only'])})\b", re.IGNORECASE
)


def _plain(name: str) -> str:
    """A name without its dots, for comparing sides: "U.S." and "US"."""
    return " ".join(name.replace(".", "").split()).casefold()


def _victims_side(actor: str, evidence: str) -> str | None:
    """The side of the dead the cited sentences name, when the actor is that side's force."""
    if not _FORCE_WORDS.search(actor):
        return None
    for m in [*_VICTIM_SIDE.finditer(evidence), *_VICTIM_SIDE_PASSIVE.finditer(evidence)]:
        side = _LEADING_COUNT.sub("", _plain(m.group("side")))
        if side and f" {side} " in f" {_plain(actor)} " and not _side_acts(side, evidence):
            return m.group(0)
    return None


def _side_acts(side: str, evidence: str) -> bool:
    """The side also does violence in the cited sentences ("Northland troops raided the
    village, killing four; one Northland soldier was wounded"): it lost a man, it is
    still the doer."""
    # The side opens its clause (not "an attack on Northland soldiers", "after Northland
    # troops raided"), only its armed noun between it and the verb.
    acts = re.compile(
        rf"(?:^|[.;,]\s+|\band\s+){re.escape(side)}\s+"
        rf"(?:(?:{'|'.join(_ARMED['both'] + _ARMED['bodies only'])})\s+)?"
        r"(?:raided|attacked|killed|shot|stormed|bombed|fired|opened fire|shelled|ambushed)\b",
        re.IGNORECASE,
    )
    return bool(acts.search(_plain(evidence)))


# A party that denies the act, itself or through its spokesman: "the Taliban denied
# involvement", "Taliban spokesman X denied his group was responsible for the attack".
# A denial names no doer (the article's own finding would be needed); ACLED leaves the
# actor unidentified.
_DENIES_ACT = re.compile(
    r"^(?:['’]s)?(?:\s+[\w.-]+){0,4}?\s+(?:has\s+|have\s+|had\s+)?(?:denied|denies|deny)\b"
    r"(?:\W+\w+){0,8}?\W+"
    r"(?:responsib\w*|involvement|involved|role|behind|carr(?:y|ied|ying) out)\b",
    re.IGNORECASE,
)


def _denies_the_act(name: str, evidence: str) -> bool:
    """Is some mention of `name` in the cited sentences the subject (or the spokesman's
    party) of a denial of responsibility?"""
    for m in re.finditer(re.escape(name.strip()), evidence, re.IGNORECASE):
        if not _DENIES_ACT.match(evidence[m.end() :]):
            continue
        # "X claimed the bombing but denied involvement in a shooting": its own claim.
        sentence = re.split(r"(?<=[.!?])\s", evidence[m.start() :], maxsplit=1)[0]
        if not re.search(r"\bclaim(?:ed|s|ing)?\b", sentence, re.IGNORECASE):
            return True
    return False


def _is_target(name: str | None, target: str | None) -> bool:
    return bool(name and target) and name_key(name or "") == name_key(target or "")


def _only_a_speaker(name: str, evidence: str, pledges: bool = False) -> bool:
    """Every mention of `name` in the cited sentences is the subject of a speech verb (or,
    with `pledges`, of a pledge), and it does nothing else in the sentence."""
    speech = _SPEECH_OR_PLEDGE_AFTER if pledges else _SPEECH_AFTER
    mentions = list(re.finditer(re.escape(name.strip()), evidence, re.IGNORECASE))
    return bool(mentions) and all(
        speech.match(evidence[m.end() :])
        and not _ACTS_TOO.search(re.split(r"(?<=[.!?])\s", evidence[m.end() :], maxsplit=1)[0])
        for m in mentions
    )


def _only_an_analyst(name: str, evidence: str) -> bool:
    """Every mention of `name` in the cited sentences infers from evidence (or responds to
    the incident, or speaks of it), and one at least infers."""
    mentions = list(re.finditer(re.escape(name.strip()), evidence, re.IGNORECASE))
    after = [evidence[m.end() :] for m in mentions]
    if any(_OWN_ACT.match(a) for a in after):
        return False
    return any(_ANALYST_AFTER.match(a) for a in after) and all(
        _ANALYST_AFTER.match(a) or _RESPONSE_AFTER.match(a) or _SPEECH_AFTER.match(a) for a in after
    )


def _only_a_responder(name: str, evidence: str) -> bool:
    """Every mention of `name` in the cited sentences speaks about the incident or
    responds to it (investigates, arrests, searches), and one at least responds."""
    mentions = list(re.finditer(re.escape(name.strip()), evidence, re.IGNORECASE))
    after = [evidence[m.end() :] for m in mentions]
    if any(_ACTS_AFTER.match(a) for a in after):
        return False
    return any(_RESPONSE_AFTER.match(a) for a in after) and all(
        _RESPONSE_AFTER.match(a) or _SPEECH_AFTER.match(a) for a in after
    )


# What an accusation must be about to name the doer: the act itself, within a few words
# ("blamed the rebels for the bombing", "accused the army of carrying out the strike"),
# not any charge ("accused the group of using civilians as shields").
_ACT_AFTER = re.compile(
    rf"^(?:\W+\w+){{0,4}}?\W+(?:{language.alternatives('act_nouns')})\b", re.IGNORECASE
)
_TRAILING_TIME = re.compile(
    r"\s+(?:on\s+\w+|last\s+(?:week|month|year)|earlier|yesterday|today)$", re.IGNORECASE
)
_PRONOUN = re.compile(r"^(?:him|her|them|it|they|us|me|you)$", re.IGNORECASE)


def _accused_by(name: str | None, text: str) -> str | None:
    """The party `name` (anyone, when None) blames for the act: "the government blamed the
    rebels for the bombing" -> "the rebels"; None when the text holds no such accusation
    about an act."""
    accuser = rf"{re.escape(name.strip())}\s+" if name else r"\b"
    pattern = re.compile(
        rf"{accuser}(?:has\s+|had\s+)?(?:blamed|blames|accused|accuses)\s+"
        r"(?P<party>[^,.;:]{2,60}?)\s+(?:for|of)\b",
        re.IGNORECASE,
    )
    for found in pattern.finditer(text):
        # "accused the army on Thursday of ...": the day is when, not who.
        party = _TRAILING_TIME.sub("", found.group("party").strip())
        if not _PRONOUN.match(party) and _ACT_AFTER.match(text[found.end() :]):
            return party
    return None


def _negated_accusation(sentence: str) -> bool:
    """'have not blamed', 'did not accuse': the accusation is denied, not made."""
    return any(
        NEGATED_BEFORE.search(sentence[max(0, m.start() - 40) : m.start()])
        for m in re.finditer(r"\b(?:blamed|blames|accused|accuses|blame|accuse)\b", sentence, re.I)
    )


def _claims_or_confirms(name: str, work: EventWork) -> bool:
    """A cited sentence has `name` itself claim or confirm the act: the claim's named
    subject, or the name right before a confirming verb ("the Pentagon confirmed");
    not "the army said the Front claimed responsibility"."""
    key = name_key(name)
    confirms = re.compile(
        rf"{re.escape(name.strip())}\s+(?:\w+\s+){{0,2}}?(?:{CONFIRM.pattern})", re.IGNORECASE
    )
    for s in cited(work.article, work.ids):
        claimant = claimant_in(s.text)
        if (claimant and name_key(claimant) == key) or confirms.search(s.text):
            return True
    return False


def _mentions_text(work: EventWork) -> str:
    """Where to read the actor's role: the cited sentences, or, when they do not name it
    (the model took it from elsewhere), the whole article."""
    name = (work.actor1 or "").strip().casefold()
    evidence = work.evidence_text
    return evidence if name in evidence.casefold() else work.article.text


# No party blamed: "have not blamed any group", "blamed no one".
_NOBODY = re.compile(r"^(?:any|no|none|nobody|no one)\b", re.IGNORECASE)


def _alleged_without_doer(work: EventWork) -> None:
    """An attack nobody is named as doing, while the article has someone blame a party for
    it ("the ministry blamed a neighbouring state's agents for the attack"): ACLED's
    responsibility is alleged; the doer stays unnamed, an accusation being no finding.
    Read sentence by sentence: not an accusation denied ("officials have not blamed any
    group") nor one about a past incident dated by its year (background)."""
    accused = next(
        (
            party
            for s in work.article.sentences
            if not dated(s.text)
            and (party := _accused_by(None, s.text))
            and not _NOBODY.match(party)
            and not _negated_accusation(s.text)
        ),
        None,
    )
    if accused:
        message = f"responsibility 'unknown' -> 'alleged': the article blames {accused!r}"
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("responsibility"), message))
        work.responsibility = "alleged"


def repair_event(work: EventWork) -> None:
    kind = EVENT_TYPE_OF.get(work.sub_event_type)
    if not work.actor1:
        if kind in VIOLENT_TYPES and work.responsibility == "unknown":
            _alleged_without_doer(work)
        return
    if kind in ("Protests", "Riots"):
        # The demonstrators are the doers; an official who spoke about the unrest, or
        # the police who arrested for it, is not ("the president said the protests ...").
        where = _mentions_text(work)
        # The police or troops that broke up a protest are the side that intervened
        # (ACLED's actor2), never its crowd; only for excessive force do they act first.
        armed = work.sub_event_type != "Excessive force against protesters" and bool(
            _FORCE_WORDS.search(work.actor1)
        )
        if armed or _only_a_speaker(work.actor1, where) or _only_a_responder(work.actor1, where):
            role = "an armed body, the side that intervened" if armed else "a speaker or responder"
            message = f"actor1 {work.actor1!r} cleared: it is {role}, not the crowd"
            work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
            work.actor1 = None
        return
    if work.sub_event_type == "Arrests":
        # Who arrested, never who spoke about it ("Northland condemned Southland for ...
        # the arrest of a journalist"): a speaker is cleared as for protests.
        if _only_a_speaker(work.actor1, _mentions_text(work), pledges=True):
            message = (
                f"actor1 {work.actor1!r} cleared: the cited sentences name it only as a speaker"
            )
            work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
            work.actor1 = None
        return
    if kind not in VIOLENT_TYPES:
        return
    # The accuser is not the doer: ACLED codes the accused, the responsibility alleged.
    # The accusation often sits in a later sentence than the incident's report.
    if accused := _accused_by(work.actor1, work.article.text):
        message = (
            f"actor1 {work.actor1!r} -> {accused!r}: the article has the former "
            "blame the latter (responsibility alleged)"
        )
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("actor1"), message))
        work.actor1, work.responsibility = accused, "alleged"
        work.claimed_by = None  # the accuser claimed nothing
        return
    target = work.draft.target
    why: str | None = None
    if _is_target(work.actor1, target):
        why = "it is also the target (the victim is not the doer)"
    elif work.sub_event_type != "Armed clash" and (
        victims := _victims_side(work.actor1, work.evidence_text)
    ):
        why = f"the cited sentences name its side among the victims ({victims!r})"
    elif _denies_the_act(work.actor1, work.evidence_text):
        why = "the cited sentences have it deny the act (a denial names no doer)"
    elif (
        # Air strikes are announced by the side that flew them ("the Pentagon said two
        # militants were killed in a drone strike"): there the speaker is the doer.
        work.sub_event_type != "Air/drone strike"
        and _only_a_speaker(work.actor1, _mentions_text(work), pledges=True)
        # A speaker who claims or confirms the act ("the Pentagon confirmed it carried
        # out the strike") is its doer; another party's claim ("the army said ...;
        # the group claimed responsibility") is not the speaker's.
        and not _claims_or_confirms(work.actor1, work)
    ):
        why = "the cited sentences name it only as a speaker (a reporter is not the doer)"
    elif _only_a_responder(work.actor1, _mentions_text(work)):
        why = "the cited sentences name it only as investigating or arresting (a responder)"
    elif _only_an_analyst(work.actor1, _mentions_text(work)):
        why = "the cited sentences name it only as inferring from evidence (an analyst)"
    if why:
        work.findings.append(
            repaired(Check.ATTRIBUTION, work.at("actor1"), f"actor1 {work.actor1!r} cleared: {why}")
        )
        work.actor1 = None
        if work.responsibility == "unknown":
            _alleged_without_doer(work)
    if _is_target(work.claimed_by, target):
        message = f"claimed_by {work.claimed_by!r} cleared: it is the target"
        work.findings.append(repaired(Check.ATTRIBUTION, work.at("claimed_by"), message))
        work.claimed_by = None
        if work.responsibility == "claimed":
            work.responsibility = "unknown"


RULE = Rule("doer", repair_event=repair_event)
