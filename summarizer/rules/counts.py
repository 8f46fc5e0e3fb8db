"""Counts: a casualty figure needs a figure (or a stated "nobody was hurt") behind it.

The gate's check (`checks.grounding.check_counts`) runs inside the citations rule's
per-event pass; the repair sets a count with nothing behind it in the cited sentences
to null, and so does a count that is none of the cited sentences' figures (nor the sum
of two to four of them). ACLED codes an event's total dead: where one clause gives the
dead in groups ("killed 3 soldiers and 12 civilians") and the model took one group's
figure, the fatalities become the sum.
"""

from __future__ import annotations

import itertools
import re

from .. import language
from ..checks.figurative import literal
from ..checks.grounding import check_counts, cited
from ..schema import EVENT_TYPE_OF, VIOLENT_TYPES, Check
from .base import EventWork, Rule, repaired
from .incident import counts_incidents, dated, incident_words, reports_kind

_NAMED = re.compile(r"\b[A-Z][a-z]")


def _count(work: EventWork, value: int | None, name: str) -> int | None:
    if check_counts(0, value, name, work.evidence_text):
        work.findings.append(
            repaired(
                Check.GROUNDING,
                work.at(name),
                f"{name} {value} had no figure behind it; set to null",
            )
        )
        return None
    return value


# "killed 13 soldiers and 72 civilians": a killing verb, then two figures each with its
# group, joined by "and" (never "and wounded 18": a verb, not a figure, follows "and").
_GROUPS = re.compile(
    rf"\b(?:{language.alternatives('killing_words')})\s+(\d+)\s+[A-Za-z.’'-]+(?:\s+[A-Za-z.’'-]+)?"
    r"\s+and\s+(\d+)\s+[A-Za-z]",
    re.IGNORECASE,
)


def _total(work: EventWork) -> None:
    if work.fatalities is None:
        return
    for m in _GROUPS.finditer(work.evidence_text):
        first, second = int(m.group(1)), int(m.group(2))
        if work.fatalities in (first, second) and work.fatalities != first + second:
            message = (
                f"fatalities {work.fatalities} -> {first + second}: the cited sentence gives "
                f"the dead in groups ({first} and {second}); ACLED codes the total"
            )
            work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))
            work.fatalities = first + second
            return


# The dead as news reports a figure: "killing 12", "killed at least 30 people", "20
# people were killed", "left 21 dead", "the death toll rose to 9"; and one death, "a
# senior officer was killed". English number words up to ninety-nine are figures too.
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_TENS |= {"eighty": 80, "ninety": 90}
_UNITS = {word: n for n, word in enumerate(_NUMBER_WORDS.split(" "), start=1)}
# Figures written out, as ledes often write them ("Ninety people have been killed",
# "twenty-five wounded"): one to ninety-nine.
SMALL_NUMBERS = (
    _UNITS
    | _TENS
    | {f"{ten}-{unit}": t + u for ten, t in _TENS.items() for unit, u in _UNITS.items() if u < 10}
)
# A figure, not an age ("17-year-old") nor part of a longer token; the longest word first
# ("twenty-five" before "twenty").
_N = rf"(\d[\d,]*|{'|'.join(sorted(SMALL_NUMBERS, key=len, reverse=True))})(?![\w-])"
_QUALIFIER = r"(?:at least |more than |over |nearly |almost |about |some |around )?"
_DEAD_FIGURES = (
    re.compile(rf"\b(?:killed|killing|kills)\s+{_QUALIFIER}{_N}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_QUALIFIER}{_N}\s+(?:[\w-]+\s+){{0,4}}?(?:were|have been|had been|are)\s+"
        r"(?:\w+\s+)?killed\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\bleft\s+{_QUALIFIER}{_N}\s+(?:people\s+)?dead\b", re.IGNORECASE),
    re.compile(
        r"\bdeath toll\s+(?:\w+\s+){0,4}?"
        r"(?:rose to|climbed to|reached|stood at|stands at|is|was|of|at)\s+" + _QUALIFIER + _N,
        re.IGNORECASE,
    ),
)
_ONE_KILLED = re.compile(r"\b(?:A|An)\s+(?:[\w-]+\s+){0,3}?(?:was|has been)\s+killed\b")


# A running total ("which has killed more than 300 people since 2019") is no one event's.
_SINCE = re.compile(r"^[^.;]{0,40}\bsince\b", re.IGNORECASE)


def _figure(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text.isdigit() and len(text) == 4 and text[:2] in ("19", "20"):
        return None  # a year
    return SMALL_NUMBERS.get(text) or (int(text) if text.isdigit() else None)


# Nobody died, as the cited sentences state it: "no one was killed", "nobody was hurt",
# "no casualties", "there were no injuries" (no one hurt: no one dead). Not "no
# casualties among civilians" (one group's), nor "no immediate reports of casualties" (not
# yet known): those leave the toll unstated.
_NONE_DEAD = re.compile(
    r"\b(?:no one|nobody|none)\s+(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?"
    r"(?:killed|hurt|injured|harmed|wounded)\b"
    r"|\bno\s+(?:deaths?|casualties|fatalities|injuries)\b"
    r"(?!\s+(?:among|except|other|on\s+(?:its|their|our|the\s+\w+)\s+side|in\s+(?:its|their)\s+ranks))"
    r"|\bwithout\s+(?:any\s+)?casualties\b",
    re.IGNORECASE,
)


_DEATH_WORDS = re.compile(r"\b(?:killed|killing|dead|died|deaths?|fatalities|bodies)\b", re.I)


def _dead_figures(text: str) -> list[int]:
    """The figures of the dead a text reports ("killing 12", "left 21 dead"), not a running
    total ("since 2019")."""
    found = [
        _figure(m.group(1))
        for p in _DEAD_FIGURES
        for m in p.finditer(text)
        if not _SINCE.match(text[m.end() :])
    ]
    return [f for f in found if f]


# A toll of another time: an earlier incident ("last month, a bombing killed 14") or a
# running total ("violence has killed 300 people this year").
_OTHER_PERIOD = (
    r"\b(?:last|previous|earlier this)\s+(?:week|month|year)\b|\b(?:this|so far this)\s+year\b"
    r"|\bso far\b"
)
_ANOTHER_TIME = re.compile(
    rf"{_OTHER_PERIOD}|\b(?:has|have|had)\s+(?:\w+\s+)?killed\b", re.IGNORECASE
)


def _fill_from_article(work: EventWork) -> None:
    """Where the cited sentences give no toll, a sentence elsewhere that names the record's
    place and reports the dead ("The Dara Marathon bombing killed three people" for a
    record placed at the Dara Marathon) gives it: news often reports the toll apart
    from the act. Not a sentence that dates or recalls its incident (history)."""
    place = work.grounded.get("location")
    # A named place ("Dara", "the Dara Marathon"), not a kind of place ("a compound").
    if work.fatalities is not None or place is None or not _NAMED.search(place.value):
        return
    # Only for a record its own sentences report: a toll elsewhere never makes an incident.
    cited_texts = [s.text for s in cited(work.article, work.ids)]
    if EVENT_TYPE_OF.get(work.sub_event_type) not in VIOLENT_TYPES or not reports_kind(
        work.sub_event_type, cited_texts
    ):
        return
    named = re.compile(rf"(?<![\w-]){re.escape(place.value)}(?![\w-])", re.IGNORECASE)
    for sentence in work.article.sentences:
        if sentence.id in work.ids or not named.search(sentence.text):
            continue
        if dated(sentence.text) or _ANOTHER_TIME.search(sentence.text):
            continue
        if not (figures := _dead_figures(sentence.text)):
            continue
        work.fatalities = min(figures)
        work.ids = sorted({*work.ids, sentence.id})
        message = (
            f"fatalities null -> {work.fatalities}: sentence {sentence.id} names the place "
            f"({place.value!r}) and reports the dead; cited it"
        )
        work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))
        return


# A toll of another time, or a running total, in the passive too ("300 people have been
# killed since January"): the sentence after an act tells that act's toll in the present
# perfect ("Ninety people have been killed"), never with a period.
_RUNNING_TOTAL = re.compile(
    rf"{_OTHER_PERIOD}|\b(?:has|have|had)\s+(?!been\b)(?:\w+\s+)?killed\b|\bsince\b|"
    r"\bover the (?:past|last)\b|\bin the (?:past|last) \w+|"
    r"\bin recent (?:days|weeks|months|years)\b|"
    r"\bin the (?:region|country|conflict|war|province)\b|"
    r"\b(?:years?|months?|weeks?) of\b|\bin (?:two|three|four|five|\d+) (?:years|months|weeks)\b",
    re.IGNORECASE,
)


def _running_total(text: str) -> bool:
    """A period the dead were counted over, not one that ranks this toll ("the deadliest
    toll in recent months")."""
    return any(
        not re.search(r"\b(?:deadliest|worst|bloodiest|highest)\b[^.;]{0,30}$", text[: m.start()])
        for m in _RUNNING_TOTAL.finditer(text)
    )


# What only a toll tells: the dead and the hurt, not an act of their own.
_TOLL_ONLY_WORDS = re.compile(
    r"^(?:kill(?:s|ed|ing)?|dead|died|deaths?|wounded|wounding|injur(?:ed|ing|ies|y))$",
    re.IGNORECASE,
)
# A place a sentence names: "in Kel", "at the Dara market", "near Northtown".
_PLACE_NAMED = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?([A-Z][\w'’-]+)")


def _fill_from_next(work: EventWork) -> None:
    """Where the cited sentences give no toll, the sentence right after them that tells
    only the dead ("Ninety people have been killed - mostly Afghan civilians and 13 US
    military personnel") gives it: wire copy reports the act, then its toll. Not a
    sentence with an act or weapon of its own ("gunmen killed five in Kel"), a place the
    record does not name, or a toll of another time; not after sentences that count
    incidents ("a total of 563 strikes"), whose next figure is their tally's."""
    if work.fatalities is not None or not work.ids:
        return
    cited_texts = [s.text for s in cited(work.article, work.ids)]
    if EVENT_TYPE_OF.get(work.sub_event_type) not in VIOLENT_TYPES or not reports_kind(
        work.sub_event_type, cited_texts
    ):
        return
    if any(counts_incidents(text) for text in cited_texts):
        return  # a count of strikes over years: the next figure is their tally's
    after = work.article.sentence(max(work.ids) + 1)
    if after is None or dated(after.text) or _running_total(after.text):
        return
    if not (figures := _dead_figures(after.text)):
        return
    if not all(_TOLL_ONLY_WORDS.match(w) for w in incident_words(literal(after.text))):
        return
    place = work.grounded.get("location")
    place_text = place.value if place else ""
    if any(name not in place_text for name in _PLACE_NAMED.findall(after.text)):
        return
    work.fatalities = min(figures)
    work.ids = sorted({*work.ids, after.id})
    message = (
        f"fatalities null -> {work.fatalities}: sentence {after.id}, right after the cited "
        "ones, tells only the dead; cited it"
    )
    work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))


def _fill_from_cited(work: EventWork) -> None:
    """A figure of the dead in the cited sentences, where the model gave none (0 where
    they say nobody died). ACLED's rule for differing figures: the lowest (the most
    conservative)."""
    if work.fatalities is not None:
        return
    text = work.evidence_text
    figures = _dead_figures(text)
    if not figures and _ONE_KILLED.search(text):
        figures = [1]
    if not figures and (none := _NONE_DEAD.search(text)):
        # Deaths told elsewhere in the sentences without a figure ("several were killed
        # later") leave the toll unknown, not 0.
        rest = text[: none.start()] + " " + text[none.end() :]
        if not _DEATH_WORDS.search(rest):
            figures = [0]
    if not figures:
        return
    work.fatalities = min(figures)
    message = f"fatalities null -> {work.fatalities}: the figure the cited sentences report"
    work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))


# The number words no figure pins down ("dozens", "several": number_words.txt past the
# figures one to ninety-nine): a count beside them is the model's reading, which the rule
# cannot check, and stays.
_VAGUE_WORDS = [
    w
    for w in language.entries("number_words")
    if not any(re.fullmatch(w, figure) for figure in SMALL_NUMBERS)
]
_VAGUE = re.compile(rf"\b(?:{'|'.join(_VAGUE_WORDS)})\b", re.IGNORECASE)
_ANY_FIGURE = re.compile(rf"\b{_N}", re.IGNORECASE)
_KILLED_ONE = re.compile(
    rf"\b(?i:{language.alternatives('killing_words')})\s+"
    r"(?:(?i:a|an|the|one|his|her|its|himself|herself)\b|[A-Z])"
    r"|\b(?i:was|has been)\s+(?:\w+\s+)?(?i:killed)\b"
)


# The hurt as news reports a figure: "injuring 30 people", "wounded at least 12", "29
# people were injured", "12 wounded".
_HURT_FIGURES = (
    re.compile(rf"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt)\s+{_QUALIFIER}{_N}", re.IGNORECASE),
    re.compile(
        # The words between name the hurt ("people", "others"), never the dead or a
        # second figure: "3 people killed and 30 injured" keeps its 3.
        rf"\b{_QUALIFIER}{_N}\s+(?:(?!(?:killed|dead|died|and|or|\d)\b)[\w-]+\s+){{0,3}}?"
        r"(?:(?:were|have been|had been|are|was)\s+)?(?:(?:also|seriously|critically|slightly)\s+)?"
        r"(?:injured|wounded|hurt)\b",
        re.IGNORECASE,
    ),
)


def _without_hurt_figures(text: str) -> str:
    """`text` with each figure of the hurt blanked, the rest where it was."""
    for pattern in _HURT_FIGURES:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _not_stated(value: int | None, text: str, toll: bool = True) -> bool:
    """A count the cited sentences give neither as a figure nor as the sum of two (the
    dead in groups) nor in vague words: the model's, not the article's (a toll from
    another paragraph, a figure made up). `toll`: the count is of the dead."""
    if not value or _VAGUE.search(text):
        return False
    # A figure of the hurt is no toll: "injuring 30 people" gives no 30 dead (but it is
    # the figure of the injured).
    if toll:
        text = _without_hurt_figures(text)
    figures = [f for m in _ANY_FIGURE.finditer(text) if (f := _figure(m.group(1)))]
    if _KILLED_ONE.search(text):
        # One person named as killed is a figure too: "killed the leader of ...",
        # "killed a commander named in the statement", "killed an aid worker and nine
        # members of his family" (1 + 9), "killing himself and 12 others".
        figures.append(1)
    # The dead in groups: "three soldiers, two police officers and five civilians".
    sums = {sum(c) for n in range(2, 5) for c in itertools.combinations(figures[:8], n)}
    return value not in figures and value not in sums


def _unstated(work: EventWork, value: int | None, name: str) -> int | None:
    if not _not_stated(value, work.evidence_text, toll=name == "fatalities"):
        return value
    message = f"{name} {value} is no figure of the cited sentences; set to null"
    work.findings.append(repaired(Check.GROUNDING, work.at(name), message))
    return None


# A lede that sums incidents in several places: "two suicide bombings killed 48 people in
# Charikar and Kabul", "attacks in A and B killed 30". Each place is its own ACLED event,
# so that sum is no one record's toll (twin blasts at one place are one event: they name
# one place, and their sum stands). The incidents are the killing verb's subject, the
# places in the same clause.
_SEVERAL = (
    r"\b(?:two|three|four|five|six|several|multiple|twin|a series of|a wave of)\s+"
    r"(?:[\w-]+\s+)?(?:attacks|bombings|blasts|explosions|strikes|airstrikes|raids|shootings)\b"
)


def _places(n: int) -> str:
    # "in Charikar and Kabul": two capitalised names (case-sensitive) joined by "and".
    return (
        rf"\bin\s+(?P<a{n}>(?-i:[A-Z][\w’'-]*)(?:\s+(?-i:[A-Z][\w’'-]*))*)\s+and\s+"
        rf"(?P<b{n}>(?-i:[A-Z][\w’'-]+))(?=[\s.,;]|$)"
    )


_SUMMED_TOLL = re.compile(
    rf"{_SEVERAL}(?:\s+{_places(1)})?\s+(?:\w+\s+)?killed\s+{_QUALIFIER}(?P<n>{_N})"
    rf"[^.;,]*?(?:(?<=\s){_places(2)})?"
    r"(?:\s+(?:on|at|near|during|this|last|early|late|overnight)\b[^.;,]*)?(?=[.;,]|$)",
    re.IGNORECASE,
)


def _summed_tolls(sentence: str) -> list[tuple[int, set[str]]]:
    """The figure of each summing clause in `sentence` with the places it names."""
    found = []
    for m in _SUMMED_TOLL.finditer(sentence):
        places = {m.group(g) for g in ("a1", "b1", "a2", "b2") if m.group(g)}
        figure = _figure(m.group("n").split()[-1])
        if len(places) >= 2 and figure:
            found.append((figure, places))
    return found


def _one_incidents_toll(work: EventWork) -> None:
    """Where the toll is the sum a lede gives for incidents in several places, the one
    figure another cited sentence gives for a single incident (one that names none of the
    lede's other places); else null."""
    if work.fatalities is None:
        return
    sentences = [s.text for s in cited(work.article, work.ids)]
    sums = [
        (s, places) for s in sentences for f, places in _summed_tolls(s) if f == work.fatalities
    ]
    if not sums:
        return
    located = work.grounded.get("location")
    place = located.value if located else None
    others = {p for _, places in sums for p in places if not place or p not in place}
    singles = {
        f
        for s in sentences
        if s not in {t for t, _ in sums} and not any(p in s for p in others)
        for f in _dead_figures(s)
    }
    value = singles.pop() if len(singles) == 1 else None
    message = (
        f"fatalities {work.fatalities} -> {value}: the cited lede sums incidents in several "
        "places; " + ("another cited sentence gives this one's" if value else "none is this one's")
    )
    work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))
    work.fatalities = value


# The hurt, told as done: "injured 29 people", "were wounded", "suffered minor injuries".
_HURT = re.compile(r"\b(?:injured|injuring|wounded|wounding|injuries|hurt)\b", re.IGNORECASE)
_MORE_DEATH_WORDS = re.compile(r"\b(?:death toll|fatal\w*|lives|life|perished|victims?)\b", re.I)


def _hurt_not_killed(work: EventWork) -> None:
    """0 dead where the cited sentences tell people hurt and the whole article tells no
    death at all: news that counts a blast's wounded names its dead when there are any,
    and ACLED codes such an event with fatalities 0."""
    if work.fatalities is not None or not _HURT.search(work.evidence_text):
        return
    if EVENT_TYPE_OF.get(work.sub_event_type) not in VIOLENT_TYPES:
        return
    article = f"{work.article.title or ''} {work.article.text}"
    if _DEATH_WORDS.search(article) or _MORE_DEATH_WORDS.search(article):
        return
    if _NEGATED_HURT.search(work.evidence_text):
        return
    work.fatalities = 0
    message = "fatalities null -> 0: the cited sentences tell people hurt, the article no death"
    work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))


_NEGATED_HURT = re.compile(
    r"\b(?:no|not|nobody|none)\b[^.]{0,30}\b(?:injured|wounded|hurt)\b", re.I
)


# Any word of death: a toll needs one in the sentences it comes from.
_ANY_DEATH = re.compile(
    rf"{_DEATH_WORDS.pattern}|{_MORE_DEATH_WORDS.pattern}|"
    r"\b(?:slain|massacr\w*|execut\w*|lynch\w*|behead\w*|decapitat\w*|martyr\w*|lifeless|"
    r"corpses?|succumb\w*|drown\w*|toll|did not survive)\b|"
    rf"\b(?:{language.alternatives('killing_words')})\b",
    re.IGNORECASE,
)


def _no_death_told(work: EventWork) -> None:
    """A toll from cited sentences that tell no death ("27 members were kidnapped", "50
    people were arrested"): the figure counts the taken or the detained, not the dead."""
    if not work.fatalities or _ANY_DEATH.search(work.evidence_text):
        return
    message = f"fatalities {work.fatalities} -> null: the cited sentences tell no death"
    work.findings.append(repaired(Check.GROUNDING, work.at("fatalities"), message))
    work.fatalities = None


def repair_event(work: EventWork) -> None:
    work.fatalities = _unstated(work, _count(work, work.fatalities, "fatalities"), "fatalities")
    _no_death_told(work)
    _fill_from_cited(work)
    _one_incidents_toll(work)
    _fill_from_article(work)
    _fill_from_next(work)
    _hurt_not_killed(work)
    _total(work)
    work.injuries = _unstated(work, _count(work, work.injuries, "injuries"), "injuries")


RULE = Rule("counts", repair_event=repair_event)
