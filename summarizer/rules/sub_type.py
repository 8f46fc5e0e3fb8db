"""Sub-type follows the words: the model's sub-type, unless its cited sentences describe
another weapon or none (an attack on the ground typed as a strike), another side taking
ground, a protest nobody intervened in, or one side's violence typed as a two-sided
clash, force used on a protest typed as the protesters' riot, or a protest with looting
or arson typed as peaceful.

Small models answer "Air/drone strike" or "Shelling" for bombings, "Government regains
territory" for an armed group sweeping into a capital, "Protest with intervention" for a
march; when the cited sentences hold no word of the chosen sub-type but words of
another of the same event type, the words win.
No gate check: the model is not re-asked about it.
"""

from __future__ import annotations

import re

from .. import language
from ..checks.clauses import TRAILING_ATTRIBUTION
from ..checks.grounding import cited
from ..checks.negation import NEGATED_BEFORE
from ..countries import demonym_pattern
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Check
from .base import EventWork, Rule, repaired
from .incident import WEEKDAY, reports_kind

# Words a sub-type's report uses, first match wins (data/language/sub_type_cues.txt). Only
# for sub-types with their own vocabulary: a suicide bombing is a "bomb" too, so it comes
# before the IED row.
_SUB_TYPE_CUES: dict[str, re.Pattern[str]] = {
    sub: re.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE)
    for sub, cues in language.sections("sub_type_cues").items()
}


# Whether an "Armed clash" has two sides (data/language/clash_sides.txt).
_CLASH_SIDES: dict[str, re.Pattern[str]] = {
    side: re.compile(rf"\b(?:{'|'.join(cues)})\b", re.IGNORECASE)
    for side, cues in language.sections("clash_sides").items()
}


def one_sided_kind(evidence: str) -> str | None:
    """What an "Armed clash" is when its sentences tell one side's violence, not a fight."""
    if _CLASH_SIDES["by protesters"].search(evidence):
        return "Violent demonstration"
    if _CLASH_SIDES["two sides"].search(evidence):
        return None
    if _CLASH_SIDES["force on a protest"].search(evidence):
        return _force_kind(evidence)
    if not _CLASH_SIDES["one side"].search(evidence):
        return None
    if _CLASH_SIDES["protesters"].search(evidence):
        return "Excessive force against protesters"
    return "Attack"


# Every remote-violence sub-type with words of its own (a record of that kind whose
# sentences name no bomb, strike, shell or grenade at all is not remote violence), in
# the cues' own order, the most specific first: a suicide bomber's belt is also a bomb,
# a drone's missile also a missile (data/language/sub_type_cues.txt).
_REMOTE_ORDER = tuple(
    sub for sub in _SUB_TYPE_CUES if EVENT_TYPE_OF.get(sub) == "Explosions/Remote violence"
)
_REMOTE_CUES = tuple(_SUB_TYPE_CUES[sub] for sub in _REMOTE_ORDER)


# Something that went off: an explosion is no ground attack ("kamikazes went off near a
# bus station, killing two people").
_RAID = re.compile(r"raid(?:ed|s)?", re.IGNORECASE)
# What makes a raid a fight: fire taken or given, something thrown or set off, resistance.
_RAID_FOUGHT = re.compile(
    r"\b(?:came under (?:heavy )?fire|under (?:heavy )?fire|taking (?:heavy )?fire|"
    r"(?:opened|returned|exchanged|exchanging|traded) (?:of )?fire|fired (?:on|at|upon)|"
    r"shots were fired|hurl\w*|threw|thrown|lobbed|blew (?:himself|herself|themselves) up|"
    r"resisted|fought back|attacked|wounded|injured)\b",
    re.IGNORECASE,
)
_PROTESTERS_HELD = re.compile(
    r"\b(?:arrested|detained|detaining|arresting|rounded up) (?:[\w,]+ ){0,3}?"
    r"(?:protesters|demonstrators|marchers)\b|"
    r"\b(?:protesters|demonstrators|marchers) (?:were |had been |have been )?"
    r"(?:arrested|detained)\b",
    re.IGNORECASE,
)
# An armed clash with a crowd ("security forces used tear gas in clashes with protesters"):
# the crowd is the clash's other side, whatever the record's actors say.
_CLASHED_WITH_CROWD = re.compile(
    r"\bclash(?:es|ed|ing)? with (?:[\w-]+ ){0,2}?(?:protesters|demonstrators|marchers|"
    r"rioters|crowds?)\b",
    re.IGNORECASE,
)
# An attack named by its weapon is told as done after a verb of doing or "in": "carried
# out two grenade attacks", "were killed in hand grenade attacks"; not "threatened grenade
# attacks", "arrested over recent grenade attacks".
_ATTACK_DONE_BEFORE = re.compile(
    r"\b(?:carried out|launched|staged|conducted|mounted|in)\s+"
    r"(?:(?:a|an|the|two|three|four|five|several|twin|multiple|separate|simultaneous)\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_WENT_OFF = re.compile(r"\b(?:went off|explo(?:ded|sions?)|blasts?|detonat\w*)\b", re.IGNORECASE)


# The state's armed men or posts as the ones hit (the attackers, "militants", "gunmen",
# are in every such report): ACLED's clash.
_ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops|army|police|policem[ae]n|officers?|guards?|forces|patrols?|"
    r"barracks|checkpoints?|bases?|convoys?|posts?|outposts?)\b",
    re.IGNORECASE,
)
# Civilians named among the victims: an attack on them, whoever else is there.
_CIVILIAN_VICTIMS = re.compile(
    r"\b(?:civilians|villagers|shoppers|passengers|mourners|pilgrims|worshippers|students|"
    r"children|women|residents|travell?ers|customers|patients|bystanders)\b",
    re.IGNORECASE,
)


def ground_kind(evidence: str) -> str | None:
    """What a remote-violence record is when its sentences name no remote weapon and tell
    a fight or one side's violence on the ground ("gunmen stormed a police post").

    A small model answers "Air/drone strike" for any attack; news names the means of
    remote violence (a drone, a shell, a bomb), so a report with none of those words and
    with gunmen storming, shooting or stabbing ("ground attack" in clash_sides.txt) is a
    ground attack: ACLED's Armed clash
    when armed forces are attacked, else one side's violence (`one_sided_kind`); one
    with force on a protest ("fired tear gas at protesters") is that protest's record.
    """
    remote = any(cue.search(evidence) for cue in _REMOTE_CUES) or _CLASH_SIDES[
        "remote means"
    ].search(evidence)
    if remote or _WENT_OFF.search(evidence):
        return None
    on_ground = _CLASH_SIDES["ground attack"].search(evidence) or _CLASH_SIDES["one side"].search(
        evidence
    )
    crowd = _CLASH_SIDES["protesters"].search(evidence) or _CLASH_SIDES["crowd"].search(evidence)
    if not on_ground and crowd and _intervened(evidence):
        # Police firing tear gas at protesters, or at crowds in a square, is force on a
        # protest or a gathering, not a strike; at a mob that torched a station, a riot.
        if _tells_riot(evidence):
            return "Violent demonstration"
        return _force_kind(evidence)
    if not on_ground:
        return None
    if stated := one_sided_kind(evidence):
        return stated  # protesters' violence, force on a protest, one side's attack
    if not _CLASH_SIDES["two sides"].search(evidence):
        # Shooting with no armed side fighting back or hit ("a shooting at a rail yard
        # left nine dead, including the gunman"): one side's violence on people. Where
        # soldiers, police or fighters are there ("gunmen killed four soldiers", "an attack
        # on a military base"), ACLED codes an armed clash, not an attack on civilians.
        # Who told it (", police said", ", according to the army") is no party to it.
        told = " ".join(
            TRAILING_ATTRIBUTION.sub(".", s) for s in re.split(r"(?<=[.!?])\s+", evidence)
        )
        if _CIVILIAN_VICTIMS.search(told):
            return "Attack"
        return "Armed clash" if _ARMED_TARGET.search(told) else "Attack"
    # Demonstrators in a fight riot (ACLED codes no protesters' fight as a clash).
    return "Violent demonstration" if _CLASH_SIDES["protesters"].search(evidence) else "Armed clash"


def _force_kind(evidence: str) -> str:
    """Force used on a protest: excessive where people were shot, killed or hurt."""
    if _CLASH_SIDES["lethal"].search(evidence):
        return "Excessive force against protesters"
    return "Protest with intervention"


# Words of a riot (data/language/event_type_cues.txt): a protest whose sentences tell of
# looting, arson or stone-throwing is ACLED's "Violent demonstration" (Riots), whether
# or not anyone intervened.
_RIOT_WORDS = re.compile(
    rf"\b(?:{'|'.join(language.sections('event_type_cues')['Riots'])})\b", re.IGNORECASE
)


# Riot words that tell no riot: denied ("no stones were thrown") or an accusation ("the
# governor accused them of looting").
_ACCUSED_OF = re.compile(r"\baccus\w*(?:\s+\w+){0,3}\s+of\s*$", re.IGNORECASE)


def _denied(evidence: str, m: re.Match[str]) -> bool:
    """A negation just before the word: "no stones were thrown", "did not use"."""
    return bool(NEGATED_BEFORE.search(evidence[max(0, m.start() - 40) : m.start()]))


def _tells(words: re.Pattern[str], evidence: str) -> bool:
    """One of `words` is told as done: not denied, not an accusation."""
    return any(
        not _denied(evidence, m)
        and not _ACCUSED_OF.search(evidence[max(0, m.start() - 60) : m.start()])
        for m in words.finditer(evidence)
    )


def _tells_riot(evidence: str) -> bool:
    return _tells(_RIOT_WORDS, evidence)


# What makes an act's words no report of it being done here and now: a denial, a claim
# or charge ("rebels claimed the army used chlorine", "on trial for raping", "suspected
# of"; not "a suspected chemical attack", news's usual report of one), a question
# ("whether a chemical agent was used"), a relative or time clause about someone's past
# ("a man who raped a girl", "after rebels raped two women"); or a date of another time
# after it ("a sarin attack in 2013", "last month").
_HEARSAY_BEFORE = re.compile(
    r"\b(?:den(?:y|ies|ied)|claim(?:s|ed|ing)?|alleg\w*|whether|suspect\w* of|accus\w*|charg\w*|"
    r"convict\w*|guilty|trial|who|whom|after|before|site of)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_ANOTHER_TIME_AFTER = re.compile(
    r"^[^.;]{0,30}\b(?:in (?:19|20)\d\d|last (?:week|month|year)|(?:years|months) ago)\b",
    re.IGNORECASE,
)


def _told_as_done(words: re.Pattern[str], evidence: str) -> bool:
    """One of `words` told as done, here and now: `_tells`, and no claim, charge, question
    or past clause before it (`_HEARSAY_BEFORE`), no other time after it."""
    return any(
        not _denied(evidence, m)
        and not _HEARSAY_BEFORE.search(evidence[max(0, m.start() - 60) : m.start()])
        and not _ANOTHER_TIME_AFTER.search(evidence[m.end() :])
        for m in words.finditer(evidence)
    )


def protest_kind(evidence: str) -> str | None:
    """What a protest is by its words: a riot ("looting", "torched"), force used on it
    ("police suppressed a peaceful demonstration", "used tear gas to disperse crowds";
    excessive where people were killed or shot), or None (peaceful, as typed)."""
    if _tells_riot(evidence):
        return "Violent demonstration"
    return _force_kind(evidence) if _intervened(evidence) else None


def _intervened(evidence: str) -> bool:
    """Someone intervened in the protest: broke it up, fired tear gas, detained marchers
    (clash_sides.txt "force on a protest" and "intervened"); not where the words are
    denied ("said they would not disperse the demonstrators")."""
    return any(
        not _denied(evidence, m)
        for section in ("force on a protest", "intervened")
        for m in _CLASH_SIDES[section].finditer(evidence)
    )


def _force_on_protest(work: EventWork) -> str | None:
    """A riot record whose sentences tell someone else broke up or fired on the protest,
    and tell no riot of its own: police dispersing "a crowd of rioters" or looters is
    force used on a riot, which ACLED still codes as the riot."""
    evidence = work.evidence_text
    if not _CLASH_SIDES["force on a protest"].search(evidence) or _tells_riot(evidence):
        return None
    if work.actor1 and _CLASH_SIDES["crowd"].search(work.actor1):
        return None
    return _force_kind(evidence)


# Ground taken, told by what was taken: "seizing two more provincial capitals", "captured
# the major cities of". The words between verb and place name no other thing ("seized
# weapons in the city" took weapons); an attempt or a vow took nothing.
_TOWNS_TAKEN = re.compile(
    r"\b(?:seiz(?:ed|ing)|captur(?:ed|ing)|overr?an|overrunning|"
    r"(?:took|taking|taken)(?: control of| over)?)"
    r"(?:\s+(?!(?:in|of|from|at|near|on|by|for|with|and)\b)[\w-]+){0,4}?\s+"
    r"(?:provincial capitals?|capitals?|cities|city|towns?|villages?|districts?|provinces?|"
    r"localit(?:y|ies)|territory)\b",
    re.IGNORECASE,
)
_ATTEMPT = re.compile(
    r"\b(?:attempts?|bid|effort|failed|trying|tried|vow(?:ed|s)?|plan(?:s|ned)?|threaten(?:ed|s)?)"
    r"(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
# The state's forces, by the nouns news names them with (one list for the takers, the
# retakers and the captors below).
# A country's forces by its adjective count too: "Syrian forces", "Chadian army troops".
_STATE_FORCES = (
    rf"(?:{demonym_pattern()})\s+(?:(?:army|government|security|armed|regular)\s+)?"
    r"(?:forces|troops|soldiers|army|military)|"
    "army|troops|soldiers|military|government forces|security forces|state forces"
)
# The state's forces as the taker: right before the verb, no "said" between.
_STATE_TAKER = re.compile(
    # Not the helpers of another taker: "fighters backed by Northlandian forces seized".
    rf"(?<!by )(?<!with )\b(?:{_STATE_FORCES}|police)"
    r"(?:\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:forces|militias?|fighters|allies))?"
    r"(?:\s+(?!(?:said|says|say|told)\b)\w+){0,2}\s*$",
    re.IGNORECASE,
)


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# The state's forces taking ground, its allies beside them: "the Syrian army and allied
# fighters captured on Thursday a key neighbourhood".
_STATE_CAPTURED = re.compile(
    rf"(?<!by )(?<!with )\b(?:{_STATE_FORCES})"
    r"(?:\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?:forces|militias?|fighters|allies))?"
    r"\s+(?:\w+\s+){0,2}?(?:captured|seized|took|taken|gained|entered)\b",
    re.IGNORECASE,
)


def _towns_taken(work: EventWork) -> str | None:
    """What an "Armed clash" record is when its sentences tell no fight but towns taken:
    the state's forces regaining them, or another side overtaking them. None where the
    sentences tell a fight, or where that kind would not pass as reported (an attempt,
    "three years after the army captured the city")."""
    evidence = work.evidence_text
    if _CLASH_SIDES["two sides"].search(evidence):
        return None
    for m in _TOWNS_TAKEN.finditer(evidence):
        before = evidence[max(0, m.start() - 80) : m.start()]
        if _ATTEMPT.search(before):
            continue
        kind = (
            "Government regains territory"
            if _STATE_TAKER.search(before)
            else "Non-state actor overtakes territory"
        )
        if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]):
            return kind
    return None


def _disrupted(work: EventWork) -> str | None:
    """ "Disrupted weapons use" for a remote-violence, clash or "Other" record whose
    sentences tell a weapon defused, intercepted or found ("authorities defused 83
    explosives planted by the group") and none that went off, hit or hurt anyone
    (clash_sides.txt "went off", "lethal")."""
    evidence, kind = work.evidence_text, "Disrupted weapons use"
    if not _told_as_done(_SUB_TYPE_CUES[kind], evidence):
        return None
    rest = _SUB_TYPE_CUES[kind].sub(" ", evidence)  # "shot down" tells no one shot
    if _CLASH_SIDES["went off"].search(rest) or _CLASH_SIDES["lethal"].search(rest):
        return None
    return kind if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]) else None


# A weapon named but not used: taken, listed, carried, answered, destroyed by who found
# it, or a way of travel ("captured weapons including rockets", "in retaliation for air
# strikes", "armed with rocket-propelled grenades", "evacuated by helicopter", "a cache of
# mortars"). "including" lists only right before the weapon ("five people including two
# soldiers died in a bomb blast" lists the dead).
_NOT_USED_BEFORE = re.compile(
    r"(?:\b(?:captured|seized|stole|took|retaliation for|response to|revenge for|reprisal for|"
    r"avenge\w*|citing|evacuated by|armed with|found|recovered|caches? of|stockpiles? of|"
    r"destroyed|dismantled|disposed of)\b"
    r"[^.;]{0,40}|\bincluding\s+(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)
# What a weapon used does: it goes off, is fired or dropped, hits, kills or destroys
# ("the wounded" carried away is no wounding).
_WEAPON_USED = re.compile(
    r"\b(?:went off|explod\w*|explosions?|blasts?|detonat\w*|kill\w*|(?<!the )wound\w*|"
    r"injur\w*|hit|struck|destroy\w*|damag\w*|land(?:ed|ing)|target(?:ed|ing)|fir(?:ed|ing)|"
    r"launch(?:ed|ing)|lobb(?:ed|ing)|bomb(?:ed|ing)|pound(?:ed|ing)|rain(?:ed|ing)|"
    r"shell(?:ed|ing))\b",
    re.IGNORECASE,
)
# The use is told near the weapon: "killed in an air strike" (before), "a drone strike
# killed three" (after); not a killing told a clause away from a helicopter that
# carried the wounded.
_USE_BEFORE, _USE_AFTER = 30, 80
# Words of an explosive kind that name no device: "tensions exploded", "an explosive
# escalation", a "mine" that may be a mining site.
_NO_DEVICE = re.compile(r"^(?:exploded|detonat\w*|explosive|mines?)$", re.I)
# ... unless told of a device: "an improvised device exploded", "a parcel exploded",
# "an explosive-laden car", "stepped on a mine", "an anti-tank mine".
_DEVICE_BEFORE = re.compile(
    r"\b(?:devices?|parcels?|packages?|cars?|vehicles?|vests?|trucks?|motorcycles?|bags?|"
    r"(?:hit|struck|stepped on|ran over|drove over|triggered)\s+(?:an?|the)\s+(?:[\w-]+\s+)?|"
    r"anti-(?:tank|personnel)\s+)(?:\s*[\w-]+){0,5}?\s*$",
    re.IGNORECASE,
)


# ... or a device named right after the verb: "detonated a device under an army truck".
_DEVICE_AFTER = re.compile(
    r"\s+(?:an?|the|two|three|several)\s+(?:[\w-]+\s+)?(?:devices?|bombs?|explosives?|charges?)\b",
    re.IGNORECASE,
)


def _weapon_used(sub: str, sentence: str, disrupted: bool = False) -> bool:
    """`sentence` tells a weapon of `sub` used: named as something that went off, was
    fired, hit or killed near it, not denied or another time's (`_told_as_done`), not
    taken or answered. In a sentence that tells weapons defused or found (`disrupted`,
    their words taken out), only something that went off is a use ("fighters killed ...,
    and sappers defused mines")."""
    used = _WENT_OFF if disrupted else _WEAPON_USED
    for m in _SUB_TYPE_CUES[sub].finditer(sentence):
        before, after = sentence[max(0, m.start() - 60) : m.start()], sentence[m.end() :]
        if _NOT_USED_BEFORE.search(before) or re.match(r"-propelled|\s+launchers?\b", after):
            continue
        if m.group(0).lower().startswith("grenade") and before.endswith("rocket-propelled "):
            continue  # an RPG is a rocket's
        word = m.group(0).lower()
        device = (
            (word == "explosive" and re.match(r"\s+devices?\b|-(?:laden|packed)\b", after))
            or _DEVICE_BEFORE.search(before)
            or _DEVICE_AFTER.match(after)
        )
        if _NO_DEVICE.match(word) and not device:
            continue
        near = sentence[max(0, m.start() - _USE_BEFORE) : m.start()] + " " + after[:_USE_AFTER]
        # "exploded", "a blast": the word that names the weapon tells it went off; so does
        # an attack named by its weapon ("carried out two grenade attacks").
        named_attack = re.match(r"\s+attacks?\b", after) is not None and bool(
            _ATTACK_DONE_BEFORE.search(before)
        )
        went_off = not disrupted and (_WENT_OFF.fullmatch(m.group(0)) is not None or named_attack)
        if (went_off or used.search(near)) and _told_as_done(_SUB_TYPE_CUES[sub], sentence):
            return True
    return False


def _remote_weapon(work: EventWork) -> str | None:
    """The remote-violence sub-type whose weapon a clash record's sentences tell as used
    ("an improvised explosive device exploded near the convoy, killing a soldier"). A
    small model types any violence with soldiers in it a clash; ACLED types a roadside
    bomb or a strike on troops by its weapon, the troops its target. Checked only where
    the sentences tell no fight; weapons only defused or found are the clash branch's
    disruption (`_disrupted`)."""
    disrupted = _SUB_TYPE_CUES["Disrupted weapons use"]
    # "Sappers defused two mines; a third exploded": what was defused was not used.
    told = [
        (disrupted.sub(" ", s), bool(disrupted.search(s)))
        for s in re.split(r"(?<=[.!?;])\s+", work.evidence_text)
    ]
    return next(
        (sub for sub in _REMOTE_ORDER if any(_weapon_used(sub, s, d) for s, d in told)),
        None,
    )


def poison_kind(evidence: str) -> str | None:
    """ "Chemical weapon" where the sentences tell a weapon that poisons as used (not
    denied, not an accusation): ACLED types the attack by it, whatever delivered it."""
    return "Chemical weapon" if _told_as_done(_SUB_TYPE_CUES["Chemical weapon"], evidence) else None


# A crowd that protests, as a record's side: its fight is a riot at a protest.
_PROTEST_CROWD = re.compile(r"\b(?:protesters|demonstrators|marchers|rioters)\b", re.IGNORECASE)


# Unorganised people as the fighting side ("villagers clashed using bamboo sticks and
# iron rods"): with hand weapons and no firearm, ACLED codes their fight as mob violence,
# not as a clash of armed groups.
_COMMUNITY = re.compile(r"\b(?:villagers|residents|locals|neighbou?rs|families|relatives)\b", re.I)
_HAND_WEAPONS = re.compile(
    r"\b(?:sticks?|stones?|rocks?|rods?|machetes?|clubs?|cudgels?|knives|axes|bricks?|"
    r"bamboo)\b",
    re.IGNORECASE,
)
_FIREARMS = re.compile(
    r"\b(?:guns?|gunmen|gunfire|gunshots?|rifles?|firearms?|shot|shooting|opened fire|"
    r"bullets?|AK-47s?|grenades?|bombs?|explosives?)\b",
    re.IGNORECASE,
)


# A crowd as the agent of the violence: "was set ablaze by an angry mob", "beaten to death
# by a mob of villagers". ACLED's mob violence, whoever the model named as its actor.
# The act is the mob's own, told right before its agent, and no armed side is told beside
# it ("Kel fighters clashed with troops, a week after a post was torched by a mob" is a
# clash).
_BY_A_MOB = re.compile(
    r"\b(?:set\s+(?:ablaze|alight|on\s+fire)|burn(?:ed|t)(?:\s+alive|\s+to\s+death)?|"
    r"beaten(?:\s+to\s+death)?|lynched|stoned(?:\s+to\s+death)?|hacked(?:\s+to\s+death)?|"
    r"killed|attacked|stabbed|assaulted)(?:\s+(?:on|in|at)\s+\S+(?:\s+\S+)?)?\s+by\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?mobs?\b",
    re.IGNORECASE,
)


# An organised armed side in the fight ("residents fought Kel militiamen with machetes"):
# a clash, however the villagers were armed.
_ARMED_SIDE = re.compile(
    r"\b(?:militia\w*|militants?|fighters|rebels?|troops|soldiers|gunmen|bandits|herders?|"
    r"insurgents?|army|police)\b",
    re.IGNORECASE,
)


# The armed side as whom the villagers fought ("fought Kel militiamen", "clashed with
# bandits"), not the police who spoke or the army that restored calm afterwards.
_FOUGHT_ARMED = re.compile(
    rf"\b(?:clashed\s+with|fought(?:\s+with|\s+off)?|against|attacked\s+by|repelled)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_ARMED_SIDE.pattern}",
    re.IGNORECASE,
)


def _community_brawl(work: EventWork) -> bool:
    evidence = work.evidence_text
    other = work.draft.actor2
    return bool(
        _COMMUNITY.search(work.actor1 or "")
        and (other is None or not _ARMED_SIDE.search(other))
        and _HAND_WEAPONS.search(evidence)
        and not _FIREARMS.search(evidence)
        and not _FOUGHT_ARMED.search(evidence)
    )


def _crowd_fight(work: EventWork) -> str | None:
    """What an "Armed clash" is when one of its sides is a crowd (its actor is
    "protesters", "demonstrators", "a mob"): force used on the protest where the
    sentences tell only that (tear gas, pepper spray, arrests), else the crowd's riot
    (Violent demonstration at a protest, Mob violence where none is told);
    None where the sentences would not report that kind ("fought" is no riot word)."""
    sides = " ".join(a for a in (work.actor1, work.draft.actor2) if a)
    evidence = work.evidence_text
    by_a_mob = _BY_A_MOB.search(evidence) and not _ARMED_SIDE.search(evidence)
    crowd_side = _CLASHED_WITH_CROWD.search(evidence)
    if (
        not by_a_mob
        and not crowd_side
        and not (sides and (_CLASH_SIDES["crowd"].search(sides) or _community_brawl(work)))
    ):
        return None
    crowd_violence = _CLASH_SIDES["by protesters"].search(evidence) or _tells_riot(evidence)
    if _intervened(evidence) and not crowd_violence:
        kind = _force_kind(evidence)
    elif _CLASH_SIDES["protesters"].search(evidence) or _PROTEST_CROWD.search(sides):
        kind = "Violent demonstration"
    else:
        kind = "Mob violence"  # a crowd's fight with no protest told: "youths clashed"
    # Only a kind the incident rule will keep: else the clash stands, not dropped.
    return kind if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]) else None


# The state's forces retaking ground, as the verb's subject ("troops recaptured the town",
# "government forces recovered control of two villages", "the army retook Dara"): the
# object is a place, a kind of place or a name, never "the situation" or "the upper hand";
# no "said" between (the army saying rebels took it), no "had" before the verb (the
# past of someone the sentence is about).
_STATE_RETOOK = re.compile(
    rf"\b(?i:{_STATE_FORCES})"
    # Allies after "and" ("the army and the popular forces"), an aside between commas that
    # tells who helped ("troops, backed by allied forces, recaptured"); never another
    # clause ("troops withdrew, and rebels retook") nor another side between.
    r"(?:\s+and\s+(?:the\s+)?(?:[\w-]+\s+)?(?i:forces|militias?|fighters|allies))?"
    r"(?:\s*,\s*(?i:backed|supported|working|aided|helped|led|assisted)\b[^,.;]{0,60},)?"
    r"(?:\s+(?!(?i:said|says|say|told|had|have|who|and|then|rebels|fighters|militants|"
    r"insurgents)\b)[a-z][\w-]*){0,3}?\s*"
    r"(?i:recaptured|retook|regained|liberated|took back|seized back|won back|recovered)"
    r"(?:\s+(?i:full\s+|complete\s+)?(?i:control)\s+of)?\s+"
    r"(?:(?i:the|a|two|three|four|five|several|most|all)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?i:(?:provincial\s+)?capitals?|cities|city|towns?|villages?|districts?|provinces?|"
    r"territory|areas?|regions?|neighbou?rhoods?|bases?)|[A-Z][\w-]+)\b",
)


def _state_retook(work: EventWork) -> str | None:
    """ "Government regains territory" for a clash whose sentences say the state's forces
    retook ground (`_STATE_RETOOK`), as done (not denied, claimed or dated): ACLED codes a
    battle that changes who holds ground by that change, so unlike `_towns_taken` a fight
    told beside it does not keep the clash."""
    evidence = work.evidence_text
    kind = "Government regains territory"
    for m in _STATE_RETOOK.finditer(evidence):
        if _ATTEMPT.search(evidence[max(0, m.start() - 80) : m.start()]):
            continue
        if not _told_as_done(re.compile(re.escape(m.group(0))), evidence):
            continue
        if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]):
            return kind
    return None


# A relative clause that tells a person's past deeds: "a commander who heads the unit
# that carried out a mortar shelling", "the man who led the attack on the base".
_PAST_DEED = re.compile(
    r"\b(?:who|that|which)\s+(?:[\w'’-]+\s+){0,6}?(?:carried out|conducted|launched|staged|"
    r"led|planned|masterminded|ordered|was behind|were behind|took part in)"
    r"\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_KILLING = re.compile(r"\bkill(?:ed|ing|s)?\b", re.IGNORECASE)
# A day of today's after a deed makes it today's, not the captive's past: "militants who
# carried out a raid on a police post on Monday".
_TODAY_WORD = re.compile(rf"^[^.;]{{0,60}}?\b(?:{WEEKDAY}|today|yesterday)\b", re.IGNORECASE)
# The state's forces as the verb's subject, as in `_STATE_TAKER`, for a person taken.
_STATE_CAPTOR = re.compile(
    rf"\b(?:{_STATE_FORCES}|police)"
    r"(?:\s+(?!(?:said|says|say|told|who)\b)[\w-]+){0,3}\s+(?:captured|apprehended|nabbed)\b",
    re.IGNORECASE,
)


def _person_captured(work: EventWork) -> str | None:
    """ "Arrests" for a clash whose sentences tell the state's forces capturing a person
    ("the army has captured a senior commander who heads the group's explosives unit")
    and no fight told as done (a shelling in the commander's relative clause is his
    past): ACLED codes the capture of a militant by state forces as an arrest."""
    evidence = work.evidence_text
    if not _STATE_CAPTOR.search(evidence):
        return None
    for fight in (_CLASH_SIDES["two sides"], _CLASH_SIDES["ground attack"], _KILLING):
        for m in fight.finditer(evidence):
            before = evidence[max(0, m.start() - 80) : m.start()]
            if not _PAST_DEED.search(before) or _TODAY_WORD.search(evidence[m.start() :]):
                return None  # a fight or a killing told beside the capture: the clash stands
    texts = [s.text for s in cited(work.article, work.ids)]
    return "Arrests" if reports_kind("Arrests", texts) else None


_GROUND_TAKEN = re.compile(
    r"\b(?:captured|seized|overran|took (?:full |complete )?control of|gained ground)\b",
    re.IGNORECASE,
)


# Ground retaken, by whoever: "ISIS fighters recaptured the village of Kashma from the
# army" is a non-state actor taking ground, though "recaptured" is the state's word too.
_GROUND_RETAKEN = re.compile(
    r"\b(?:recaptured|retook|regained|took back|seized back|won back)\b", re.IGNORECASE
)


# What news calls a non-state armed side: its fighters' nouns and the names groups bear.
_NON_STATE_NAMES = (
    r"rebels?|militants?|insurgents?|fighters|jihadists?|militia(?:s|men)?|guerrillas?|gunmen|"
    r"(?-i:Front|Movement|Taliban|Shabaab|Shabab|Houthis?|M23|ISIS|ISIL|IS|Islamic State)"
)


# A non-state side named as the subject right before the verb: "ISIS fighters
# recaptured", "the Kel Front retook", "Al Shabaab fighters regained". A state force the
# patterns do not know ("the Northland National Guard") is no such side.
# Between the side and the verb: a time, an auxiliary, an aside ("Kel rebels on Monday
# night recaptured", "Kel rebels, backed by Southland, recaptured", "rebels said they had
# recaptured"); never "and" or "then" (the side as an object: "troops battled Kel rebels
# and recaptured Dara").
_NON_STATE_TAKER = re.compile(
    rf"\b(?:{_NON_STATE_NAMES})"
    r"(?:[\s,]+(?!(?:and|then|but|or)\b)[\w'’-]+){0,6}[\s,]*$",
    re.IGNORECASE,
)


def _retaken_by_other(work: EventWork) -> str | None:
    """ "Non-state actor overtakes territory" for a record typed as the state regaining
    ground whose sentences tell no retaking by the state's forces (`_state_retook`), but
    one by another subject ("ISIS fighters recaptured the village from the army")."""
    if _state_retook(work):
        return None
    evidence, kind = work.evidence_text, "Non-state actor overtakes territory"
    for m in _GROUND_RETAKEN.finditer(evidence):
        before = evidence[max(0, m.start() - 80) : m.start()]
        if _STATE_TAKER.search(before) or not _NON_STATE_TAKER.search(before):
            return None
        if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]):
            return kind
    return None


def _taken_by_other(work: EventWork) -> str | None:
    """ "Non-state actor overtakes territory" for a record typed as the state regaining
    ground whose sentences tell no retaking, but ground captured by a subject that is not
    the state's forces ("IS said it captured positions from its rival the Taliban")."""
    evidence, kind = work.evidence_text, "Non-state actor overtakes territory"
    for m in _GROUND_TAKEN.finditer(evidence):
        if _STATE_TAKER.search(evidence[max(0, m.start() - 80) : m.start()]):
            return None
        if reports_kind(kind, [s.text for s in cited(work.article, work.ids)]):
            return kind
    return None


# Two sides that "exchanged prisoners and dead fighters" swapped captives, the
# agreement's act (ACLED "Agreement"), whatever fighting the sentence recalls ("the scene
# of some of the fiercest fighting"); "exchanged fire" is a clash.
_EXCHANGED_CAPTIVES = re.compile(
    r"\b(?:exchanged|exchanging|swapped|swapping|traded|trading)\s+"
    r"(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|more|"
    r"several|some|the|their|of|all|about|around|nearly|over|almost)\s+){0,3}"
    r"(?:prisoners|captives|hostages|detainees|bodies|POWs)\b|"
    r"\b(?:completed|carried out|held|conducted)\s+(?:a|an|another|the)\s+"
    r"(?:prisoner|hostage|captive)s?\s+(?:swap|exchange)\b",
    re.IGNORECASE,
)
# ... unless the sentences tell a fight or put the exchange in another time ("a week
# after the two sides exchanged prisoners, rebels attacked a post").
_FIGHT_TOLD = re.compile(
    r"(?<!soldiers )(?<!fighters )(?<!troops )"
    r"\b(?:killing|killed|attacked|clashed|raged|opened fire|stormed|ambushed|shelled)\b|"
    r"\b(?:after|since|before)\s+(?:\w+\s+){0,3}(?:exchanged|swapped|traded)\b",
    re.IGNORECASE,
)


# Control established over ground, not a base: "army units established control over an
# area of 120 km2" (the model reads "established" as a base set up).
_CONTROL_ESTABLISHED = re.compile(
    r"\b(?:established|imposed|extended|took|gained|restored)\s+(?:full\s+|complete\s+)?"
    r"control\s+(?:over|of)\b",
    re.IGNORECASE,
)
_BASE_NOUNS = re.compile(
    r"\b(?:bases?|headquarters|outposts?|garrisons?|camps?|posts?|positions?)\b", re.I
)


# Another armed side named first in a clause: the state's forces after it are its object.
_NON_STATE_SIDE = re.compile(rf"\b(?:{_NON_STATE_NAMES})\b", re.IGNORECASE)


def _control_not_base(work: EventWork) -> str | None:
    """ "Government regains territory" for a base record whose sentences tell the state's
    forces establishing control over ground, and name no base."""
    evidence = work.evidence_text
    if _BASE_NOUNS.search(evidence):
        return None
    for m in _CONTROL_ESTABLISHED.finditer(evidence):
        # The verb's own clause, from its sentence's start: the state's forces are its
        # subject when named there before any other armed side, and not as an object
        # ("Kel rebels, who had fought Northland troops, established control").
        clause = re.split(r"(?<=[.!?;])\s+", evidence[: m.start()])[-1]
        state = re.search(rf"\b(?:{_STATE_FORCES})\b", clause, re.IGNORECASE)
        if state and not _NON_STATE_SIDE.search(clause[: state.start()]):
            return "Government regains territory"
    return None


def _retyped(work: EventWork) -> tuple[str, str] | None:
    """The sub-type the cited sentences tell, and why; None when the model's stands."""
    sub_event_type, evidence = work.sub_event_type, work.evidence_text
    # Protesters detained at their protest: ACLED codes the protest, with intervention
    # ("police detained thousands of protesters as activists took to the streets").
    held = sub_event_type == "Arrests" and _told_as_done(_PROTESTERS_HELD, evidence)
    if held and reports_kind("Protest with intervention", [evidence]):
        return (
            "Protest with intervention",
            "the cited sentences tell protesters detained at their protest",
        )
    abducted = _told_as_done(_ABDUCTION, evidence) and not _ARREST_DONE.search(evidence)
    if sub_event_type == "Arrests" and abducted:
        return (
            "Abduction/forced disappearance",
            "the cited sentences tell a person abducted, no arrest made",
        )
    base = sub_event_type == "Headquarters or base established"
    if base and (stated := _control_not_base(work)):
        return stated, "the cited sentences tell the state's forces establishing control, no base"
    if sub_event_type == "Violent demonstration" and (stated := _force_on_protest(work)):
        return (
            stated,
            "the cited sentences tell of force used on the protest, not the protesters' violence",
        )
    protest = sub_event_type in ("Peaceful protest", "Protest with intervention")
    texts = [s.text for s in cited(work.article, work.ids)]
    # Only to a kind the incident rule keeps: a riot word of another time or place ("unlike
    # last year's violent protests") leaves the model's type.
    kind = protest_kind(evidence) if protest else None
    if kind and kind != sub_event_type and reports_kind(kind, texts):
        if riot := _RIOT_WORDS.search(evidence):
            return kind, f"the cited sentences tell of a riot ({riot.group(0)!r})"
        return kind, "the cited sentences tell of force used on the protest"
    if sub_event_type == "Armed clash" and (stated := one_sided_kind(evidence)):
        return stated, "the cited sentences tell one side's violence, no fight between armed sides"
    if sub_event_type == "Armed clash" and (stated := _crowd_fight(work)):
        return stated, "a crowd is a side: ACLED codes no protesters' fight as an armed clash"
    if sub_event_type == "Armed clash" and (stated := _state_retook(work)):
        return stated, "the cited sentences tell the state's forces retaking ground"
    exchanged = _EXCHANGED_CAPTIVES.search(evidence)
    if sub_event_type == "Armed clash" and exchanged and not _FIGHT_TOLD.search(evidence):
        return "Agreement", "the cited sentences tell prisoners or bodies exchanged, no fight"
    remote_kind = EVENT_TYPE_OF[sub_event_type] == "Explosions/Remote violence"
    # A clash record whose sentences tell only weapons seized or found ("arms and
    # ammunition have been seized from him, including rifles and grenades"): no fight.
    no_fight = not (
        _CLASH_SIDES["two sides"].search(evidence) or _CLASH_SIDES["ground attack"].search(evidence)
    )
    # A raid whose only violence words are its own ("police seized guns at an armed raid on
    # two homes", "Rangers seized weapons during a raid at a park"): a search, no fight.
    only_a_raid = (
        not _CLASH_SIDES["two sides"].search(evidence)
        and not any(not _denied(evidence, m) for m in _RAID_FOUGHT.finditer(evidence))
        and all(
            _RAID.fullmatch(m.group(0)) for m in _CLASH_SIDES["ground attack"].finditer(evidence)
        )
    )
    seized = (
        sub_event_type == "Armed clash"
        and (no_fight or only_a_raid)
        and not _NOT_A_FIND.search(evidence)
    )
    if seized and _WEAPON_NOUNS.search(evidence) and (stated := _disrupted(work)):
        return stated, "the cited sentences tell weapons seized or found, no fight"
    if sub_event_type == "Armed clash" and no_fight and (stated := _remote_weapon(work)):
        return stated, "the cited sentences tell a bomb, strike or shell, no fight"
    # "Other" is the model's catch-all; weapons found or defused have a sub-type of their own.
    found = _WEAPON_NOUNS.search(evidence) and not _NOT_A_FIND.search(evidence)
    if sub_event_type == "Other" and found and (stated := _disrupted(work)):
        return stated, "the cited sentences tell weapons found, seized or defused"
    if remote_kind and (stated := _disrupted(work)):
        return stated, "the cited sentences tell a weapon defused, intercepted or found, none used"
    if remote_kind and sub_event_type != (poison := poison_kind(evidence)) and poison:
        return poison, "the cited sentences tell a weapon that poisons"
    # Ground entered after the other side withdrew, no fight ("entered without fighting"):
    # ACLED's takeovers and clashes are battles; this is a transfer.
    battle_or_ground = sub_event_type == "Armed clash" or sub_event_type in _TERRITORY
    if battle_or_ground and _PLACE_ENTERED.search(evidence) and _handed_over(evidence):
        return "Non-violent transfer of territory", "the cited sentences tell ground handed over"
    if battle_or_ground and _taken_without_a_fight(evidence):
        return (
            "Non-violent transfer of territory",
            "the cited sentences tell ground taken, unopposed",
        )
    # A clash, or a change of territory typed the wrong way round, told only by towns
    # taken ("seizing two more provincial capitals").
    ground = sub_event_type in _TERRITORY and not _SUB_TYPE_CUES[sub_event_type].search(evidence)
    if sub_event_type == "Armed clash" or ground:
        taken = _towns_taken(work)
        if taken and _handed_over(evidence):
            # ACLED's takeovers are battles; ground the other side left is no battle.
            taken = "Non-violent transfer of territory"
        if taken and taken != sub_event_type:
            return taken, "the cited sentences tell towns taken, no fight"
    if sub_event_type == "Armed clash" and (stated := _person_captured(work)):
        return stated, "the cited sentences tell the state's forces capturing a person, no fight"
    if sub_event_type == "Government regains territory" and (taker := _retaken_by_other(work)):
        return taker, "the cited sentences tell ground retaken, and not by the state's forces"
    if (
        ground
        and sub_event_type == "Government regains territory"
        and (taker := _taken_by_other(work))
    ):
        return taker, "the cited sentences tell ground taken, and not by the state's forces"
    # A chemical attack is told in more words than its cues ("a gas attack", "toxic
    # fumes"): the model's Chemical weapon is never retyped away for want of them.
    own = None if sub_event_type == "Chemical weapon" else _SUB_TYPE_CUES.get(sub_event_type)
    remote = own is not None and EVENT_TYPE_OF[sub_event_type] == "Explosions/Remote violence"
    if remote and (stated := ground_kind(evidence)):
        return (
            stated,
            "the cited sentences name no remote weapon and tell an attack on the ground",
        )
    if own is None or own.search(evidence):
        return None
    if sub_event_type == "Government regains territory" and _STATE_CAPTURED.search(evidence):
        return None  # "the army and allied fighters captured a neighbourhood": the state's
    # Within the record's event type: a protest's sentences that mention a bombing do
    # not make it a bombing (the incident rule judges whether it is a protest at all).
    kind = EVENT_TYPE_OF[sub_event_type]
    stated = next(
        (
            sub
            for sub, cue in _SUB_TYPE_CUES.items()
            if EVENT_TYPE_OF.get(sub) == kind and cue.search(evidence)
        ),
        None,
    )
    return (stated, "the cited sentences describe the latter") if stated else None


# Violence against civilians, by the word that reports it (event_type_cues.txt's own
# section): a record of another kind whose sentences report none of its own words but
# one of these is that violence, mistyped, not an invented incident.
# Acts, not nouns: "raped women", not "the rape trial", "rape statistics".
_SEXUAL = re.compile(
    r"\b(?:raped|raping|sexually (?:assaulted|abused)|molest(?:ed|ing)"
    r"|(?:attempted|tried) to rape)\b",
    re.I,
)
# "gunmen attacked the staff quarters, abducting the registrar's sister": the act in a
# participle after its clause is an act too; "kidnapping" elsewhere is the crime's name.
_PARTICIPLE = r"(?:(?<=, )|(?<=\band ))(?:abduct|kidnapp)ing"
_ABDUCTION = re.compile(rf"\b(?:abducted|kidnapped|{_PARTICIPLE})\b", re.I)
# An arrest told as made: state forces that "abducted" a man and made none took him as
# ACLED's forced disappearance ("security forces illegally abducted a man in Kel"). Any
# arrest word tells one made ("captured the leader of a gang that abducted pupils"), and
# an abduction told in a relative or past clause is not the record's act.
_ARREST_DONE = re.compile(
    r"\b(?:arrest(?:ed|ing)|detain(?:ed|ing)|taken into custody|in custody|captured|"
    r"apprehended|nabbed|held|seized|rounded up|picked up)\b",
    re.I,
)
_CIVILIAN_VIOLENCE = re.compile(
    r"\b(?:murdered|executed|stabbed|beaten|tortured|lynched|massacred|abducted|"
    r"kidnapped|" + _PARTICIPLE + "|"
    r"raped|raping|molested|molesting)\b",
    re.IGNORECASE,
)


def _mistyped_violence(work: EventWork) -> tuple[str, str] | None:
    """A record its sentences do not report as its kind, but as violence against
    civilians ("security forces raped women", "seven people were murdered by
    vigilantes" filed as a clash or "Other"): retyped, not dropped (incident rule)."""
    texts = [s.text for s in cited(work.article, work.ids)]
    if reports_kind(work.sub_event_type, texts):
        return None
    evidence = " ".join(texts)
    if not _CIVILIAN_VIOLENCE.search(evidence) and not _SEXUAL.search(evidence):
        return None
    if _SEXUAL.search(evidence):
        stated = "Sexual violence"
    elif _ABDUCTION.search(evidence):
        stated = "Abduction/forced disappearance"
    else:
        stated = "Attack"
    if not reports_kind(stated, texts):
        return None  # a trial, a law or a plan about it (the incident rule's own test)
    return stated, "the cited sentences report violence against civilians, not its kind"


def _mistyped_arrest(work: EventWork) -> tuple[str, str] | None:
    """A record its sentences do not report as its kind, whose sentences report an
    arrest ("police have arrested a man who landed a drone on the roof" filed as a drone
    strike): the arrest is the incident, retyped, not dropped."""
    # Only the state's arrest by its own forces: "the talks", "a court" or a group named
    # near an arrest made none.
    actor = (work.actor1 or "")[:1].lower() + (work.actor1 or "")[1:]
    if not actor or not _ARRESTING_FORCE.search(actor):
        return None
    texts = [s.text for s in cited(work.article, work.ids)]
    if reports_kind(work.sub_event_type, texts) or not reports_kind("Arrests", texts):
        return None
    if _NO_ARREST.search(" ".join(texts)):
        return None  # "police said no arrests had been made"
    return "Arrests", "the cited sentences report an arrest by its actor, not its kind"


# Lower-case, as news names the state's forces ("Northland police", "the army");
# "the Kel Army", capitalised, may be a rebel army, whose detentions ACLED does not code
# as arrests.
_ARRESTING_FORCE = re.compile(
    r"\b(?:[Pp]olice|policemen|officers|troops|soldiers|security forces|authorities|"
    r"gendarmes|army|military)\b"
)
_NO_ARREST = re.compile(
    r"\bno (?:arrests?|suspects?)\b|\bno(?: one|body) (?:\w+ )?(?:was|were|has|have|had|been)\b|"
    r"\b(?:not|never) (?:\w+ )?(?:been )?(?:arrested|detained)\b|"
    r"\b(?:yet to|not|no) (?:\w+ )?(?:make|made|making)? ?(?:any )?arrests?\b",
    re.IGNORECASE,
)


# Armed men leaving ground: "Kel forces withdrew", "troops pulled out", "the withdrawal of
# Northland troops", "handed the base over".
_FORCES_LEFT = re.compile(
    r"\b(?:forces|troops|fighters|soldiers|army|militants|rebels|militias?|units?|peshmerga)"
    r"\s+(?:\w+\s+){0,2}?(?:withdr(?:ew|awn)|pulled\s+out|retreated|left)\b|"
    r"\bwithdrawal\s+of\s+(?:\w+\s+){0,3}(?:forces|troops|fighters|soldiers)\b|"
    # Ground handed over, not captives or bodies: "handed over control of the town".
    r"\bhand(?:ed|ing)?\s+over\s+(?:full\s+)?(?:control|the\s+(?:town|city|base|area|village|"
    r"territory|district|positions?))\b|\bhanded\s+(?:the\s+)?(?:town|city|base|area|village|"
    r"territory|district|positions?|control)\s+(?:\w+\s+){0,2}?over\b",
    re.IGNORECASE,
)
# A withdrawal from talks or a post, or one refused or asked for: no ground changes hands.
_POLITICAL_WITHDRAWAL = re.compile(
    r"\bwithdr\w*\s+from\s+(?:\w+\s+){0,2}(?:talks|negotiations|deal|agreement|election|race|"
    r"treaty|accord)\b|\b(?:refused|rejected|talks on|calls? for|demanded|announced)\s+"
    r"(?:\w+\s+){0,2}withdrawal\b|\bambassador\b",
    re.IGNORECASE,
)
# Force in the taking: "stormed and seized", "overran", "attacked and captured".
_FORCE_TAKING = re.compile(
    r"\b(?:stormed|attacked|overr?an|assault(?:ed)?|raided|under fire|shell(?:ed|ing))\b", re.I
)
# A fight denied: "entered without fighting", "without a fight", "with no resistance",
# "taking control of several towns without engaging in any armed clashes".
# Between the two, only a verb of taking part and words that qualify the fight: never a
# noun of its own ("no confirmation of the fighting", "without air cover after heavy
# fighting", "no end to the fighting" deny no fight).
_NO_FIGHT = re.compile(
    r"\b(?:without|with no|no)\s+(?:\w+ing\s+(?:up\s+|in\s+|to\s+)?)?"
    r"(?:(?:a|an|any|armed|heavy|major|real|serious|significant|fierce|further|much|little|"
    r"single|of)\s+){0,3}"
    r"(?:fight(?:ing)?|resistance|clash(?:es)?|battles?|shots? (?:being\s+)?fired)\b",
    re.IGNORECASE,
)


def _taken_without_a_fight(evidence: str) -> bool:
    """Ground taken with the fight denied in so many words ("took control of several towns
    without any armed clashes", "entered the city without resistance") and no one killed:
    ACLED's takeovers are battles, and this is a transfer."""
    calm = _NO_FIGHT.sub(" ", evidence)
    return bool(
        _NO_FIGHT.search(evidence)
        and _PLACE_ENTERED.search(evidence)
        and not _FORCE_TAKING.search(calm)
        and not _CLASH_SIDES["lethal"].search(evidence)
        and not _CLASH_SIDES["two sides"].search(calm)
    )


def _handed_over(evidence: str) -> bool:
    """Ground handed over: armed men's withdrawal told (not denied, not from talks), no
    fight, no force and no one killed. It is often told in a time clause of the taking over
    ("took control of the town after the other side's forces withdrew"): there the clause
    is the transfer, not someone's past."""
    calm = _NO_FIGHT.sub(" ", evidence)
    fought = (
        _CLASH_SIDES["two sides"].search(calm)
        or _CLASH_SIDES["ground attack"].search(calm)
        or _FORCE_TAKING.search(calm)
        or _CLASH_SIDES["lethal"].search(evidence)
    )
    return (
        not fought and _tells(_FORCES_LEFT, evidence) and not _POLITICAL_WITHDRAWAL.search(evidence)
    )


# A crowd that riots, named as such and doing it: "rioters clashed along the peace line",
# "a mob torched shops"; not "rioters charged with a felony" (a court story).
_RIOTERS = re.compile(
    r"\b(?:rioters|mobs?)\s+(?:\w+\s+){0,2}?(?:clashed|attacked|torched|set|threw|hurled|"
    r"looted|smashed|stormed|burned|burnt|ransacked|fought|pelted|chased|lynched)\b|"
    r"\b(?:rioted|rioting)\b",
    re.IGNORECASE,
)
# Weapons that are no disrupted use when found: a pledge to hand them over, what was left
# behind or fell, a suspect's own (the investigation of an attack, not a find).
_NOT_A_FIND = re.compile(
    r"\b(?:agreed|pledged|promised|vowed|refused|offered)\s+to\b|\bleft behind\b|"
    r"\b(?:fragments|debris|remains|wreckage)\b|"
    r"\b(?:suspected )?(?:attacker|gunman|suspect)['’]?s?\b",
    re.IGNORECASE,
)
# A weapon named, for a find: "discovered arms", not "intercepted four smugglers".
_WEAPON_NOUNS = re.compile(
    r"\b(?:weapons?|arms|explosives?|grenades?|ammunition|missiles?|rockets?|mortars?|"
    r"bombs?|devices?|mines?|landmines?|IEDs?|drones?|rifles?|guns?|firearms|pistols?|revolvers?|"
    r"handguns?|shotguns?|ammunitions)\b",
    re.IGNORECASE,
)
# A place entered or held: "have taken control of the town", "moved into the base",
# "regained Marka after government forces withdrew".
_PLACE_ENTERED = re.compile(
    r"\b(?:(?:took|taken|takes|taking|assumed|gained|seized)\s+(?:full\s+)?control\s+of|"
    r"controlled|took\s+over|taken\s+over|moved\s+into|entered|regained|recaptured|retook)\b",
    re.IGNORECASE,
)
_VIOLENT_KINDS = (*VIOLENT_TYPES, "Protests")


def _mistyped_development(work: EventWork) -> tuple[str, str] | None:
    """A violent record its sentences do not report as its kind, whose sentences report a
    riot at a protest ("a protester throws a Molotov cocktail during a demonstration"
    filed as a bombing), a weapon found or defused ("the army discovered arms and
    missiles in a farm" filed as a battle), or a battle's ground handed over ("forces
    took control of the town after the other side withdrew"), or any record whose
    sentences tell the state's forces retaking a place: retyped, not dropped (incident
    rule). Never a record of talks or politics: a withdrawal debated is none."""
    kind = EVENT_TYPE_OF[work.sub_event_type]
    texts = [s.text for s in cited(work.article, work.ids)]
    reported = reports_kind(work.sub_event_type, texts)
    # The state's forces retaking a named place is told in words of its own, whatever
    # kind the model filed it under ("troops recaptured the town" filed as "Other", the
    # catch-all any violence word passes).
    if (not reported or work.sub_event_type == "Other") and (retook := _state_retook(work)):
        return retook, "the cited sentences report the state's forces retaking ground, not its kind"
    evidence = " ".join(texts)
    # Fire on protesters, or a protester killed by it, filed under any other kind ("a
    # protester was killed after guards opened fire on demonstrators" filed as "Other").
    # (Read with its time clause: "killed after guards opened fire on demonstrators".)
    protest = _tells(_CLASH_SIDES["protesters"], evidence)
    catch_all = not reported or work.sub_event_type == "Other"
    if catch_all and protest and _intervened(evidence) and not _tells_riot(evidence):
        stated = _force_kind(evidence)
        if reports_kind(stated, texts):
            return stated, "the cited sentences report force used on a protest, not its kind"
    if kind not in _VIOLENT_KINDS:
        return None
    disrupted = _SUB_TYPE_CUES["Disrupted weapons use"]
    # A protest told as happening here and now (not "days after she joined a protest"),
    # and a riot at it. Where the protesters themselves threw or hurled ("protesters
    # hurled petrol bombs" filed as a bombing), the bomb words make no bombing either.
    crowd = _told_as_done(_CLASH_SIDES["protesters"], evidence) or _told_as_done(_RIOTERS, evidence)
    riot = crowd and _tells_riot(evidence)
    crowd_fought = riot and bool(_CLASH_SIDES["by protesters"].search(evidence))
    if reported and not (crowd_fought and kind in ("Explosions/Remote violence", "Battles")):
        return None
    if riot:
        stated, why = "Violent demonstration", "a riot at a protest"
    elif (
        _WEAPON_NOUNS.search(evidence)
        and not _NOT_A_FIND.search(evidence)
        and _told_as_done(disrupted, evidence)
        and not (
            _CLASH_SIDES["went off"].search(evidence) or _CLASH_SIDES["lethal"].search(evidence)
        )
    ):
        stated, why = "Disrupted weapons use", "a weapon found, seized or defused, none used"
    elif kind == "Battles" and _PLACE_ENTERED.search(evidence) and _handed_over(evidence):
        stated, why = "Non-violent transfer of territory", "ground handed over, no fight"
    else:
        return None
    if not reports_kind(stated, texts):
        return None  # a plan, a charge or a dated past (the incident rule's own test)
    return stated, f"the cited sentences report {why}, not its kind"


def _sexual_violence(work: EventWork) -> tuple[str, str] | None:
    """A fight or an attack whose sentences tell rape or molestation as done ("security
    forces raped women as they dispersed protesters"), not a charge, a trial or a past
    clause ("lynched a man who raped a girl"): ACLED's "Sexual violence", the more
    telling kind, before any other reading of the same sentences."""
    if work.sub_event_type not in ("Armed clash", "Attack"):
        return None
    texts = [s.text for s in cited(work.article, work.ids)]
    if not _told_as_done(_SEXUAL, " ".join(texts)) or not reports_kind("Sexual violence", texts):
        return None
    return "Sexual violence", "the cited sentences tell sexual violence"


def repair_event(work: EventWork) -> None:
    found = (
        _sexual_violence(work)
        or _retyped(work)
        or _mistyped_violence(work)
        or _mistyped_arrest(work)
        or _mistyped_development(work)
    )
    if found is None:
        return
    stated, why = found
    message = f"sub-type {work.sub_event_type!r} -> {stated!r}: {why}"
    work.findings.append(repaired(Check.ATTRIBUTION, work.at("sub_event_type"), message))
    work.sub_event_type = stated


RULE = Rule("sub_type", repair_event=repair_event)
