"""Turn a checked draft into the grounded result: spans, repairs and flags.

What the re-ask loop could not fix is repaired here only where that is safe, by the
rules' repairs in the table's order (`summarizer/rules/`: a lexicon term with a neutral
alternative, a casualty figure with no figure behind it, a responsibility status the
cited sentences state outright, ...); everything else stays in the output with a
finding, never hidden. This module puts the repaired parts together.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from . import language
from .article import Article, split_sentences
from .checks.attribution import CLAIM, SPEECH
from .checks.grounding import cited, content_words, spans_of
from .checks.injection import instruction_like
from .checks.lexicon import find_loaded_terms, quoted_ranges
from .checks.negation import NEGATION
from .filler import filler_restatement
from .rules import EventWork, SentenceWork, repair_event, repair_sentence
from .rules.base import name_key, repaired
from .rules.counts import SMALL_NUMBERS
from .rules.incident import WEEKDAY
from .schema import (
    EVENT_TYPE_OF,
    Actors,
    Check,
    Draft,
    DraftEvent,
    Event,
    EventTarget,
    Finding,
    LoadedTerm,
    Location,
    SummarySentence,
    SummaryTarget,
)


def _claimants(draft: Draft, article: Article) -> tuple[str, ...]:
    """Who claimed the draft's incidents, where the article names them in those words."""
    lowered = article.text.casefold()
    names = (
        ev.claimed_by.strip()
        for ev in draft.events
        if ev.responsibility == "claimed" and ev.claimed_by
    )
    # One claimant written twice ("the Islamic Resistance" / "Islamic Resistance") is one.
    by_key: dict[str, str] = {}
    for name in names:
        if name.casefold() in lowered:
            by_key.setdefault(name_key(name), name)
    return tuple(by_key.values())


def build_summary(draft: Draft, article: Article) -> tuple[list[SummarySentence], list[Finding]]:
    """The draft's summary sentences, each repaired by the rules (or dropped)."""
    out: list[SummarySentence] = []
    findings: list[Finding] = []
    claimants = _claimants(draft, article)
    for k, sent in enumerate(draft.summary):
        # A small model sometimes writes two sentences as one item ("X. This policy is
        # ..."): each is judged and repaired on its own, with the item's citations.
        for part in split_sentences(sent.text, article.language or "en"):
            work = SentenceWork(k, article, part.text, list(sent.ids), claimants=claimants)
            repair_sentence(work)
            findings.extend(work.findings)
            if work.dropped:
                continue
            said_before = [s.text for s in out]
            cited_text = " ".join(c.text for c in cited(article, work.ids))
            if why := filler_restatement(work.text, said_before, cited_text):
                findings.append(repaired(Check.STRUCTURE, SummaryTarget(k), f"dropped: {why}"))
                continue
            if (earlier := _repeated(work.text, out)) is not None:
                message = f"dropped: it repeats summary sentence {earlier + 1}"
                findings.append(repaired(Check.STRUCTURE, SummaryTarget(k), message))
                continue
            if (trimmed := _without_repeated_tail(work.text, out)) is not None:
                message = "cut its last clause: an earlier summary sentence says it word for word"
                findings.append(repaired(Check.STRUCTURE, SummaryTarget(k), message))
                work.text = trimmed
            evidence = spans_of(cited(article, work.ids))
            sentence = SummarySentence(text=work.text, sentence_ids=work.ids, evidence=evidence)
            if (shorter := _said_in_full(sentence, out)) is not None:
                # A headline-like sentence, then the lede that says it all and more.
                message = f"replaces summary sentence {shorter + 1}, which it says in full"
                findings.append(repaired(Check.STRUCTURE, SummaryTarget(k), message))
                out[shorter] = sentence
                continue
            out.append(sentence)
    return out, findings


# A small model restates its first sentence ("Ali Noor, a 19-year-old student, was
# arrested for the bombing." then "Noor was arrested for the bombing."): a sentence
# whose content words another sentence mostly holds (SAYS_IT) tells nothing new.
_WRITER_TAIL = re.compile(r",[”\"’']?\s+the writer argues(?=\W*$)")
# A trailing clause after a comma or semicolon, four words at least: "..., but army
# leaders contradicted him."
_TAIL_CLAUSE = re.compile(r"[,;]\s+(?P<tail>(?:[\w’'-]+\s+){3,}[\w’'-]+)[.!?]$")
MIN_MAIN_WORDS = 6


def _without_repeated_tail(text: str, earlier: list[SummarySentence]) -> str | None:
    """The sentence without a last clause an earlier summary sentence already says word
    for word (a small model ends two sentences "..., but leaders contradicted him."),
    when what is left is a sentence of its own; None otherwise."""
    m = _TAIL_CLAUSE.search(text)
    if m is None or SPEECH.search(m.group("tail")):
        return None  # a source ("according to X", "police said") is never cut
    tail = " ".join(m.group("tail").split()).casefold()
    clauses = {
        " ".join(c.split()).casefold().rstrip(".!?")
        for s in earlier
        for c in re.split(r"[,;]\s+", s.text)
    }
    if tail not in clauses:
        return None
    main = text[: m.start()].rstrip()
    return main + "." if len(main.split()) >= MIN_MAIN_WORDS else None


def _said(text: str) -> set[str]:
    """A summary sentence's content-word stems, without the tail we add to a column's
    sentences (", the writer argues"), which is no content."""
    return _stems(_WRITER_TAIL.sub("", text))


def _repeated(text: str, earlier: list[SummarySentence]) -> int | None:
    """The index of an earlier sentence this one only repeats, if any."""
    words = _said(text)
    return next(
        (i for i, s in enumerate(earlier) if _holds(_said(s.text), words, SAYS_IT)),
        None,
    )


# What a fuller sentence must carry of a shorter one it replaces, beyond its content
# words: each figure, day, negation and speech word ("police said", "not charged",
# "on Monday", "12"), which the content-word share does not weigh.
_MARKERS = re.compile(
    rf"\d+(?:[.,]\d+)*|\b(?:{language.alternatives('negation_words')})\b|{SPEECH.pattern}"
    rf"|\b{WEEKDAY}\b",
    re.IGNORECASE,
)


def _markers(text: str) -> set[str]:
    return {m.group(0).casefold() for m in _MARKERS.finditer(text)}


def _said_in_full(sentence: SummarySentence, earlier: list[SummarySentence]) -> int | None:
    """The index of an earlier, shorter sentence this one says in full (a headline-like
    "Kel demands $70 million" before the lede that says so and more): it cites the same
    sentences, holds all its content words, keeps every figure, day, negation and speech
    word it has and adds no negation. None if there is no such sentence."""
    words = _said(sentence.text)
    negated = bool(NEGATION.search(sentence.text))
    for i, s in enumerate(earlier):
        if not set(s.sentence_ids) <= set(sentence.sentence_ids):
            continue
        if not _markers(s.text) <= _markers(sentence.text):
            continue
        if negated != bool(NEGATION.search(s.text)):  # "was not charged" for "was arrested"
            continue
        if _holds(words, _said(s.text), 1.0):
            return i
    return None


# A summary is at most this long once sentences for uncovered incidents are added.
MAX_COVERED_SUMMARY = 5
# A summary shorter than this takes the lede's sentences (of the first LEDE_SENTENCES).
MIN_SUMMARY = 3
LEDE_SENTENCES = 4
# An article sentence longer than this is no summary sentence (wire ledes run 25-40).
MAX_ADDED_WORDS = 45
_CONNECTIVE = re.compile(rf"^(?:{language.alternatives('sentence_connectives')}),\s+", re.I)
# A conjunction that ties a sentence to the one before: "But the withdrawal has ...".
_LEADING_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So)\s+(?=[A-Za-z])")
# A sentence that opens on what the sentence before it named: "They insist ...", "He
# now owes ...", "That effort failed". Out of its place it points at nothing ("It was
# not immediately clear who ..." points at nothing anywhere: it stands).
_POINTS_BACK = re.compile(
    r"^(?:He|She|They|It(?!\s+(?:is|was|remains|has been)\s+(?:not\s+)?(?:yet\s+)?"
    r"(?:immediately\s+)?(?:clear|unclear|known|unknown)\b)|His|Her|Their|Its|Him|Them|These|Those|"
    r"(?:That|This)\s+(?!is\b|was\b|will\b|would\b)[a-z]+)\b"
)
# A column's filling stops here: its sentences are the writer's argument, and a
# summary of an opinion piece says its case in fewer.
COLUMN_SUMMARY = 3


# A cited lede sentence is told when the summary holds this share of its content words
# (by stem): a model sentence that cites four sentences often tells one of them.
TOLD_SHARE = 0.5


# A sentence that holds this share of another's content words says what it says: the
# other repeats it (build_summary), or is replaced by it (cover_events).
SAYS_IT = 0.8


def _stems(text: str) -> set[str]:
    # A word's first five letters: "killed" and "killing", "villagers" and "village".
    return {w[:5] for w in content_words(text)}


def _holds(said: set[str], words: set[str], share: float) -> bool:
    """`said` holds at least `share` of `words` (content-word stems; none: no)."""
    return bool(words) and len(words & said) >= share * len(words)


def _told(article: Article, sid: int, summary: list[SummarySentence]) -> bool:
    source = cited(article, [sid])
    words = _stems(source[0].text) if source else set()
    said = {w for s in summary for w in _stems(s.text)}
    return not words or _holds(said, words, TOLD_SHARE)


def cover_events(
    article: Article,
    summary: list[SummarySentence],
    events: list[Event],
    min_summary: int = MIN_SUMMARY,
    prior: list[Finding] | None = None,
) -> tuple[list[SummarySentence], list[Finding]]:
    """The summary, with the article's own sentences for what it leaves out, and the
    findings: `prior` (the summary's own, pointing one further down past an inserted
    sentence) and the filling's.

    A small model's summary often stops at the lede's incident while the events hold
    more (a second strike, a toll reported later), or stops at two sentences. A wire
    summary names every incident, who claimed it and the lede's facts: first each
    uncovered event's telling sentence, then (while the summary is shorter than
    MIN_SUMMARY) the earliest uncited sentences of the article's top (never one that
    reads as an instruction to the model: the injection check's test), each without its
    connective ("Separately, ...") and through the same repairs as the model's
    sentences, then the article's claim of responsibility when the summary tells none,
    up to MAX_COVERED_SUMMARY sentences. An added sentence that says nearly all a
    summary sentence says, or that the summary sentence only paraphrases, takes its place
    (`_replaced_by`). Nothing new is written: these
    are the article's words, repaired.
    """
    findings: list[Finding] = list(prior or [])
    covered = {i for s in summary for i in s.sentence_ids}
    out = list(summary)
    candidates = [
        (_telling_sentence(article, e), "an incident the events report")
        for e in events
        if e.sentence_ids and not covered & set(e.sentence_ids)
    ]
    top = [(s.id, "the article's lede") for s in article.sentences[:LEDE_SENTENCES]]
    # Who claimed the attack comes after the lede: it never takes the lede's place.
    if min_summary > 0 and (claim := _untold_claim(article, summary)) is not None:
        top.append((claim, _WHO_CLAIMED))
    # An opinion piece (its sentences "the writer argues") is filled less far.
    column = any(_WRITER_TAIL.search(s.text) for s in summary)
    lede_limit = min(min_summary, COLUMN_SUMMARY) if column else min_summary
    for sid, why in [*candidates, *top]:
        wanted = why.startswith("an incident") or why == _WHO_CLAIMED
        limit = MAX_COVERED_SUMMARY if wanted else lede_limit
        if len(out) >= limit:
            continue
        if sid in covered and (wanted or _told(article, sid, out)):
            continue
        source = cited(article, [sid])
        if (
            not source
            or len(source[0].text.split()) > MAX_ADDED_WORDS
            or instruction_like(source[0].text)
            or _in_a_speakers_voice(article, sid)
        ):
            continue
        text = _LEADING_CONJUNCTION.sub("", _CONNECTIVE.sub("", source[0].text.strip()))
        text = text[:1].upper() + text[1:]
        incident = why.startswith("an incident")
        # A lede sentence goes where the article tells it, before the summary sentences
        # that tell only later ones (a wire summary opens on the lede); an incident or a
        # claim the summary left out comes after what it has.
        place = len(out) if wanted else _article_order_place(sid, out)
        if not incident and not _follows_its_antecedent(text, sid, out[:place]):
            continue
        # Where the sentence goes (its own place, or the one it replaces) is where its
        # repairs' findings point: decided on the repaired text, repaired again if moved.
        guess = _replaced_by(text, sid, out, article)
        work = _repaired(article, text, sid, place if guess is None else guess)
        replaced = _replaced_by(work.text, sid, out, article)
        if replaced != guess and not work.dropped:
            work = _repaired(article, text, sid, place if replaced is None else replaced)
        if _leaves_loaded_wording(work):
            continue  # the filling adds no loaded word the lexicon cannot repair
        if work.dropped:
            findings.extend(work.findings)
            continue
        evidence = spans_of(cited(article, work.ids))
        added = SummarySentence(text=work.text, sentence_ids=work.ids, evidence=evidence)
        at = replaced
        if at is None:
            message = f"added the article's sentence {sid}: the summary left out {why}"
            at = place
            findings = _shifted(findings, at)  # the sentences from `at` on move down one
            out.insert(at, added)
        else:
            message = (
                f"summary sentence {at + 1} replaced by the article's sentence {sid}, which "
                f"says most of what it says and what the summary left out ({why})"
            )
            out[at] = added
        findings.extend(work.findings)
        findings.append(
            Finding.at(
                SummaryTarget(at),
                check=Check.STRUCTURE,
                severity="warning",
                repaired=True,
                message=message,
            )
        )
        covered.update(work.ids)
    return out, findings


# A line that introduces someone's words: "Elder speaks in Spanish:", "The ad says:".
_SPEAKS = re.compile(
    r"\b(?:speaks?|spoke|says?|said|reads?|writes?|wrote|tweets?|tweeted|declares?|declared)\b",
    re.IGNORECASE,
)


def _in_a_speakers_voice(article: Article, sid: int) -> bool:
    """A sentence in someone's own voice, with no quotation marks to say so: one that
    exclaims ("... where they charge $12,000 for wine!"), or that follows a line
    introducing speech ("Elder speaks in Spanish:"). Added as it stands, it would state a
    campaign ad's or a speech's words as the summary's own."""
    text = article.sentences[sid - 1].text if 0 < sid <= len(article.sentences) else ""
    before = article.sentences[sid - 2].text if 1 < sid <= len(article.sentences) else ""
    # "!" closing a quotation ('... saying: "get here now!"') is the quoted speaker's.
    exclaims = text.rstrip().endswith("!")
    introduced = before.rstrip().endswith(":") and bool(_SPEAKS.search(before))
    return exclaims or (introduced and not SPEECH.search(text) and not quoted_ranges(text))


def _article_order_place(sid: int, summary: list[SummarySentence]) -> int:
    """Where article sentence `sid` goes in the summary: before the first sentence that
    cites only later ones, else at the end."""
    return next(
        (i for i, s in enumerate(summary) if s.sentence_ids and min(s.sentence_ids) > sid),
        len(summary),
    )


def _shifted(findings: list[Finding], at: int) -> list[Finding]:
    """The findings, those about summary sentences from `at` on pointing one further down
    (a sentence was inserted at `at`)."""
    out = []
    for f in findings:
        where = f.target
        if isinstance(where, SummaryTarget) and where.index is not None and where.index >= at:
            f = Finding.at(
                SummaryTarget(where.index + 1),
                check=f.check,
                severity=f.severity,
                message=f.message,
                repaired=f.repaired,
            )
        out.append(f)
    return out


def _leaves_loaded_wording(work: SentenceWork) -> bool:
    """The repairs left a loaded term in ("online extremist forums": no safe alternative).
    The model's own sentence is flagged and kept; an article sentence we would add is
    not added, for we would be the ones writing it, though a speaker's ("the prosecutor
    said the plot was inspired by extremist forums"): the term stands unquoted, and a
    reader cannot tell the speaker's word from the reporter's paraphrase."""
    return any(f.check == Check.NEUTRALITY and f.severity == "error" for f in work.findings)


def _follows_its_antecedent(text: str, sid: int, summary: list[SummarySentence]) -> bool:
    """A lede sentence that points back ("They insist ...") stands only right after
    the summary sentence that tells the article's sentence before it."""
    if not _POINTS_BACK.match(text):
        return True
    ids = summary[-1].sentence_ids if summary else []
    return sid - 1 in ids and max(ids) <= sid  # it tells the one before, nothing later


def _repaired(article: Article, text: str, sid: int, index: int) -> SentenceWork:
    work = SentenceWork(index, article, text, [sid])
    repair_sentence(work)
    return work


_WHO_CLAIMED = "who claimed the attack, or that nobody did"


def _untold_claim(article: Article, summary: list[SummarySentence]) -> int | None:
    """The article's first sentence on a claim of responsibility ("Northern Front
    insurgents claimed responsibility for the attack", "No group claimed responsibility"), when no
    summary sentence tells one: a wire summary always says who claimed an attack."""
    if any(CLAIM.search(s.text) for s in summary):
        return None
    return next((s.id for s in article.sentences if CLAIM.search(s.text)), None)


def _telling_sentence(article: Article, event: Event) -> int:
    """The record's cited sentence that names most of its parties and place ("The ministry
    confirmed ... the strike which killed commander Ali Noor" over "The announcement came
    a day after a US drone strike killed the leader of a group"); the first on a tie."""
    values = [
        v.value.casefold()
        for v in (event.actors.actor1, event.target, event.location.place, event.claimed_by)
        if v is not None
    ]

    def named(sid: int) -> int:
        found = cited(article, [sid])
        text = found[0].text.casefold() if found else ""
        return sum(v in text for v in values)

    return max(event.sentence_ids, key=lambda sid: (named(sid), -sid))


# A model sentence that paraphrases the headline ("Noor vowed to continue Dara
# operation") says less than the lede sentence added for what it left out ("Noor
# vowed Wednesday to press ahead with a military offensive in the Dara region,
# ..."): when the lede says it (SAYS_IT), the lede takes its place instead of
# repeating it.
def _subsumed(text: str, summary: list[SummarySentence]) -> int | None:
    """The index of a summary sentence whose content words `text` mostly holds, and
    whose figures, days, negations and speech the summary keeps with `text`."""
    words = _stems(text)
    for i, s in enumerate(summary):
        others = [o.text for j, o in enumerate(summary) if j != i]
        if _holds(words, _stems(s.text), SAYS_IT) and _kept_markers(s.text, text, others):
            return i
    return None


# A lede sentence is added when the summary tells under half of it (TOLD_SHARE) though a
# model sentence cites it: that sentence is often a short paraphrase ("Benefits expired
# for millions without pushback" for the lede on whom it cut off, when and how many). The
# lede takes the paraphrase's place, where it stands first, instead of following it as a
# repeat, when nothing is lost: the lede and the other summary sentences hold the
# paraphrase's content words (SAYS_IT) and its figures, days, negations and speech (a
# paraphrase "X said it ..." of a lede that states the claim as fact says more). A
# sentence the grounding re-cited to the lede but that tells the headline's claim
# ("officials debunked the criticism") keeps its own words, and its place.
def _paraphrased(
    text: str,
    sid: int,
    summary: list[SummarySentence],
    elsewhere: frozenset[str] | set[str] = frozenset(),
) -> int | None:
    """The index of a summary sentence that cites article sentence `sid` alone and says
    nothing that `text` (that sentence) and the rest of the summary do not."""
    lede = _stems(text)
    for i, s in enumerate(summary):
        others = [o.text for j, o in enumerate(summary) if j != i]
        if s.sentence_ids != [sid] or not _kept_markers(s.text, text, others):
            continue
        said, rest = _said(s.text), {w for o in others for w in _said(o)}
        # The lede itself tells half of it at least; the rest may come from elsewhere.
        if _holds(lede, said, TOLD_SHARE) and (
            _holds(lede | rest, said, SAYS_IT) or _reworded(s.text, said, lede | rest, elsewhere)
        ):
            return i
    return None


# A paraphrase of the lede whose only words beyond the summary's are a few plain words
# (no name, none of another article sentence's: figures and days are `_kept_markers`')
# rewords it, and may reverse it:
# "Republicans are trying to pass a bill to create a commission" for the lede's "trying
# to sink a bill establishing a commission". The lede said verbatim takes its place.
REWORDING_WORDS = 3


def _reworded(
    text: str, said: set[str], told: set[str], elsewhere: frozenset[str] | set[str] = frozenset()
) -> bool:
    """Its own words (beyond `told`) are a few plain words that no other sentence of the
    article (`elsewhere`) holds: the model's rewording, not a fact it took from there."""
    own = said - told
    named = {w[:5] for w in content_words(" ".join(re.findall(r"\b[A-Z][\w'’-]*", text)))}
    plain = not own & named and not own & elsewhere
    return len(own) <= REWORDING_WORDS and plain and _holds(told, said, SAYS_IT - 0.1)


def _kept_markers(text: str, fuller: str, others: list[str]) -> bool:
    """`fuller` keeps what `text` states beyond its content words: each of its figures
    and days, and speech if it has any ("claiming" is kept by "alleging"; "police said"
    is never kept by another sentence's "the mayor said"). Its negations may be kept by
    another summary sentence ("without objection" said in the next one)."""

    def kinds(t: str) -> set[str]:
        return {"<speech>" if SPEECH.fullmatch(m) else m for m in _markers(t)}

    negations = {m.group(0).casefold() for m in NEGATION.finditer(text)}
    kept = kinds(fuller) | {n for o in others for n in kinds(o) if n in negations}
    # A figure the fuller sentence writes as a word is kept: "8" by "eight".
    kept |= {str(n) for word, n in SMALL_NUMBERS.items() if re.search(rf"\b{word}\b", fuller, re.I)}
    return kinds(text) <= kept


# A small model often opens with the headline reworded ("The intelligence community says
# it cannot solve the mystery without Northland"), citing the lede. The headline is the
# outlet's compression, and the lede added for what the summary left out tells it in
# full: the lede takes its place. The sentence restates the headline when the headline
# holds most of its content words (SAYS_IT), and the lede a third at least.
HEADLINE_IN_LEDE = 1 / 3


def _restated_headline(
    text: str, sid: int, summary: list[SummarySentence], title: str | None
) -> int | None:
    """The index of a summary sentence that cites article sentence `sid` alone and
    rewords the headline, when `text` (that sentence) tells the same story."""
    if not title:
        return None
    headline, lede = _stems(title), _stems(text)
    for i, s in enumerate(summary):
        said = _said(s.text)
        if (
            s.sentence_ids == [sid]
            and _holds(headline, said, SAYS_IT)
            and _holds(lede, said, HEADLINE_IN_LEDE)
        ):
            return i
    return None


def _replaced_by(
    text: str, sid: int, summary: list[SummarySentence], article: Article
) -> int | None:
    """The summary sentence the article's sentence `sid` (`text`) takes the place of."""
    elsewhere = {w for s in article.sentences if s.id != sid for w in _stems(s.text)}
    for found in (
        _subsumed(text, summary),
        _paraphrased(text, sid, summary, elsewhere),
        _restated_headline(text, sid, summary, article.title),
    ):
        if found is not None:
            return found
    return None


# Words that make a date phrase a week or a month wide (data/language/date_precision.txt),
# searched in the lower-cased phrase as parts of words.
_DATE_PRECISION = {
    precision: re.compile("|".join(cues))
    for precision, cues in language.sections("date_precision").items()
}


# A date that names its own day, month and four-digit year ("on December 22, 1974",
# "21 November 2015") needs no publication date to be read. One with a word of distance
# ("three years ago in 2019", "yesterday, 2019") is relative, and is read only against a
# publication date.
_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RELATIVE = re.compile(
    r"\b(?:ago|yesterday|today|tonight|tomorrow|last|next|this|earlier|later|days?|weeks?|"
    r"months?|years?|hours?|minutes?)\b",
    re.IGNORECASE,
)
# A 24-hour clock time of a communique ("at 2000 hours", "1930 GMT") is no year.
_CLOCK_TIME = re.compile(
    r"\b(?:at\s+)?[012]\d[0-5]\d\s*(?:hours|hrs|h|GMT|UTC|local(?:\s+time)?)\b|\bat\s+[012]\d[0-5]\d\b",
    re.IGNORECASE,
)


def _full_date(date_text: str) -> date | None:
    import dateparser

    years = set(_FULL_YEAR.findall(date_text))
    if not years or _RELATIVE.search(date_text):
        return None
    parsed = dateparser.parse(
        date_text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    # The year read must be one written: nothing taken from the machine's clock.
    return parsed.date() if parsed is not None and str(parsed.year) in years else None


def resolve_date(date_text: str | None, published: date | None) -> tuple[date | None, str]:
    """'on Saturday' against the publication date; without one, only a date that names its
    day, month and year is read ("on December 22, 1974"): no date is invented."""
    date_text = _CLOCK_TIME.sub(" ", date_text or "").strip()
    if not date_text:
        return None, "unknown"
    if published is None:
        full = _full_date(date_text)
        return (full, "day") if full is not None else (None, "unknown")
    import dateparser

    base = datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        date_text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    if parsed is None:
        return None, "unknown"
    lowered = date_text.lower()
    if _DATE_PRECISION["week"].search(lowered):
        return parsed.date(), "week"
    if _DATE_PRECISION["month"].search(lowered) and not any(c.isdigit() for c in lowered):
        return parsed.date(), "month"
    return parsed.date(), "day"


def _invented_place(work: EventWork) -> str | None:
    """A record placed where the article never says was not read from the article.

    ACLED codes no event without its location, and a small model that invents the place
    (the prompt example's "near Tarin" copied into an unrelated article) has invented the
    record around it; a paraphrased place still locates (values.ground is lenient).
    """
    if "location" not in work.unfounded:
        return None
    return f"its place {work.draft.location!r} does not occur in the article"


def build_event(
    ev: DraftEvent, k: int, article: Article, published: date | None
) -> tuple[Event | None, list[Finding]]:
    """The draft event, repaired by the rules in the table's order, as an Event; None
    when the record's place is not the article's (see `_invented_place`)."""
    work = EventWork.of(ev, k, article)
    repair_event(work)
    if why := _invented_place(work):
        work.findings.append(repaired(Check.GROUNDING, EventTarget(k), f"event dropped: {why}"))
        return None, work.findings
    event_date, precision = resolve_date(ev.date_text, published)
    event_type = EVENT_TYPE_OF[work.sub_event_type]
    value = work.grounded
    event = Event(
        event_type=event_type,
        sub_event_type=work.sub_event_type,
        date=event_date,
        date_text=value["date_text"],
        time_precision=precision,
        actors=Actors(actor1=value["actor1"], actor2=value["actor2"]),
        responsibility=work.responsibility,
        claimed_by=value["claimed_by"],
        target=value["target"],
        location=Location(place=value["location"], country=value["country"]),
        fatalities=work.fatalities,
        injuries=work.injuries,
        civilian_targeting=True if event_type == "Violence against civilians" else None,
        reported_by=value["reported_by"],
        stated_motive=value["motive"],
        sentence_ids=work.ids,
        evidence=spans_of(cited(article, work.ids)),
    )
    return event, work.findings


def article_loaded_terms(article: Article) -> list[LoadedTerm]:
    return find_loaded_terms(article.text)
