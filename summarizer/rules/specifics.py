"""Specifics in a summary sentence must be in the sentences it cites.

Word overlap lets "Police shot dead twelve marchers in Lagos" pass against a sentence
about a peaceful march in Lagos: half the words are there. A wire editor checks the
specifics: every figure (digits or number words) and every name (a capitalised word
that is not a function word) a summary sentence states, and every word that
characterises a crowd or an act ("peaceful", "violent", "unarmed"), must be in its cited
sentences or the headline. One found elsewhere in the article is cited there too; one the article
does not hold at all (a name completed from "Robert...", a figure made up) drops the
sentence, as does a sentence with letters of a script the article does not use (a small
model's vocabulary leaking). A negation the cited sentences lack (the reverse of what
they say) cuts its clause, or drops the sentence; a copy of a cited sentence without
its negation ("but expect it" for "but don't expect it") is dropped. No gate check: the
model is not re-asked about it.
"""

from __future__ import annotations

import calendar
import re

from .. import language
from ..article import Sentence as ArticleSentence
from ..checks.attribution import claims_responsibility
from ..checks.clauses import TRAILING_ATTRIBUTION, trim_before
from ..checks.grounding import FIGURE, cited
from ..checks.lexicon import alternative_words
from ..checks.negation import NEGATION
from ..schema import Check, Finding
from .base import Rule, SentenceWork, foreign_letters, repaired

# A capitalised word; each capitalised part of a compound ("US-held": "US").
_CAPITALISED = re.compile(r"\b[A-Z][\w’']*")
_FUNCTION_WORDS = language.words("stop_words")
# "n't" attaches to its verb ("didn't"): no word boundary before it.
# News writes months short in dates ("Nov. 8"): a month's name is held by its abbreviation.
_MONTH_ABBREVIATIONS = {
    name.casefold(): calendar.month_abbr[i] for i, name in enumerate(calendar.month_name) if i
}


def specifics(text: str) -> list[str]:
    """The figures and names a sentence states, in order."""
    # The counts rule's figure pattern; a figure ending a sentence loses its full stop.
    found = [m.group(0).rstrip(".,") for m in FIGURE.finditer(text)]
    for match in _CAPITALISED.finditer(text):
        word = re.sub(r"[’']s$", "", match.group(0))
        if match.start() == 0 and word.casefold() in alternative_words():
            continue  # our lexicon's word, capitalised only by opening the sentence
        if word.casefold() not in _FUNCTION_WORDS and len(word) > 1:
            found.append(word)
    return list(dict.fromkeys(found))


# An organisation's initials ("CDC", "FBI") stand for its name: news spells the name out
# ("the Centers for Disease Control and Prevention") or dots the initials ("C.D.C.") and a
# summary writes them short. A name's capitalised words, the function words between them
# skipped ("for", "of", "and"), give its initials.
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:for|of|and|the|on|in)\s+)*[A-Z][\w’'-]*)+")


# How a crowd or an act is characterised, which turns a report around: "peaceful" for a
# march where a protester threw a firebomb, "unarmed" for a man the article says was
# armed. A small model adds them from its idea of the story; like a name, each must be in
# what the sentence cites (or elsewhere in the article, then cited), or the sentence goes.
# Each word with the stem its support may take ("violent" is held by "violence").
_CHARACTERISATIONS = {
    "peaceful": r"peaceful",
    "peacefully": r"peaceful",
    "nonviolent": r"non-?violen",
    "non-violent": r"non-?violen",
    "violent": r"violen",
    "violently": r"violen",
    "unarmed": r"unarmed",
}
_CHARACTERISATION = re.compile(rf"\b(?:{'|'.join(_CHARACTERISATIONS)})\b", re.IGNORECASE)


_DENIED_BEFORE = re.compile(r"(?:\bnon-?|\b(?:no|not|without)\s+(?:\w+\s+)?)$", re.IGNORECASE)


def characterisations(text: str) -> list[str]:
    """The characterising words (`_CHARACTERISATIONS`) a sentence uses, lower-case."""
    return list(dict.fromkeys(m.group(0).lower() for m in _CHARACTERISATION.finditer(text)))


def _spelled_out(text: str, acronym: str) -> bool:
    """Does `text` write `acronym` dotted, or spell out a name whose initials begin with it?"""
    dotted = r"\.?".join(acronym) + r"\.?"
    if re.search(rf"(?<!\w){dotted}(?!\w)", text):
        return True
    for run in _NAME_RUN.finditer(text):
        initials = "".join(w[0] for w in run.group(0).split() if w[0].isupper())
        # Anywhere in the run: "The Northland Health Agency" holds "NHA"; "of" may count
        # ("Department of Justice", "DOJ").
        with_of = "".join(w[0].upper() for w in run.group(0).split() if w[0].isupper() or w == "of")
        if acronym in initials or acronym in with_of:
            return True
    return False


def _holds(text: str, specific: str) -> bool:
    if (stem := _CHARACTERISATIONS.get(specific)) is not None:
        # Not the word denied: "non-violent" or "no violence" holds no "violent"; "not
        # armed" holds "unarmed".
        if specific == "unarmed" and re.search(r"\bnot\s+armed\b", text, re.IGNORECASE):
            return True
        return any(
            not _DENIED_BEFORE.search(text[: m.start()])
            for m in re.finditer(rf"(?<![\w-]){stem}", text, re.IGNORECASE)
        )
    forms = [specific]
    if specific.casefold() in _MONTH_ABBREVIATIONS:
        forms.append(_MONTH_ABBREVIATIONS[specific.casefold()])
    if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) for form in forms):
        return True
    return bool(_ACRONYM.match(specific)) and _spelled_out(text, specific)


def repair_sentence(work: SentenceWork) -> None:
    article = work.article
    if foreign_letters(work.text, article):
        # The model's vocabulary leaking another script: no sentence of the article says it.
        message = "dropped: it mixes in letters of a script the article does not use"
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True
        return
    support = " ".join([article.title or "", *(s.text for s in cited(article, work.ids))])
    if (negation := NEGATION.search(work.text)) and not NEGATION.search(support):
        _unsupported_negation(work, negation)
        if work.dropped:
            return
    if not NEGATION.search(work.text) and (
        dropped := _dropped_negation(work.text, cited(article, work.ids))
    ):
        message = f"dropped: it copies its cited sentence without the negation ({dropped!r})"
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True
        return
    if claim_missing := _unreported_claim(work):
        message = f"dropped: it states {claim_missing}, which the article does not report"
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True
        return
    if inverted := _inverted_doer(work.text, cited(article, work.ids)):
        doer, agent = inverted
        message = f"dropped: it makes {doer!r} the doer where the article says {agent!r}"
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True
        return
    if guessed := _completes_cut_off(work.text, cited(article, work.ids)):
        message = (
            f"dropped: it goes on past where its sentence is cut off ('...'): {guessed!r} "
            "is not the article's"
        )
        work.findings.append(repaired(Check.GROUNDING, work.where, message))
        work.dropped = True
        return
    stated = specifics(work.text) + characterisations(work.text)
    missing = [x for x in stated if not _holds(support, x)]
    if not missing:
        return
    extra: list[int] = []
    for specific in missing:
        where = next((s.id for s in article.sentences if _holds(s.text, specific)), None)
        if where is None:
            work.findings.append(_dropped(work, specific))
            work.dropped = True
            return
        extra.append(where)
    ids = sorted({*work.ids, *extra})
    work.findings.append(
        repaired(
            Check.GROUNDING,
            work.where,
            f"{', '.join(repr(x) for x in missing)} not in the cited sentences; re-cited {ids}",
        )
    )
    work.ids = ids


_WORD = re.compile(r"[\w’']+")


# An article sentence the page cut off ("... removed assertions that Northland...")
# ends in an ellipsis: what followed is not in the article.
_CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*[\"'”’]?$")


def _completes_cut_off(text: str, sources: list[ArticleSentence]) -> str | None:
    """The words a summary sentence adds after the last words of a cut-off cited sentence
    (a small model completes it from elsewhere, or invents the rest), if any."""
    for source in sources:
        if not _CUT_OFF.search(source.text):
            continue
        words = _WORD.findall(_CUT_OFF.sub("", source.text))
        if len(words) < 3:
            continue
        last = r"\W+".join(re.escape(w) for w in words[-3:])
        m = re.search(rf"\b{last}\b", text)
        if m is None:
            continue
        added = TRAILING_ATTRIBUTION.sub("", text[m.end() :]).strip(" .,;:!?\"'”’")
        others = " ".join(s.text for s in sources if s is not source)
        # Words another cited sentence holds are the article's, not a guess.
        new = [w for w in _WORD.findall(added) if not re.search(rf"\b{re.escape(w)}\b", others)]
        if new:
            return added
    return None


_CLAIMED = re.compile(
    rf"{language.any_word('claim_mentions').pattern}|"
    r"\bsaid (?:it|they) (?:had )?carried out\b|\b(?:was|were) behind\b",
    re.IGNORECASE,
)


def _unreported_claim(work: SentenceWork) -> str | None:
    """A claim of responsibility the summary sentence states and no sentence of the article
    makes (a small model adds one to an attack it summarises); a claim found elsewhere in
    the article is cited too."""
    if not claims_responsibility(work.text):
        return None
    # Any claim in the article's words: "claimed the attack", "said it carried out",
    # "took responsibility" (claim_mentions.txt and the like).
    if any(_CLAIMED.search(s.text) for s in cited(work.article, work.ids)):
        return None
    where = next((s.id for s in work.article.sentences if _CLAIMED.search(s.text)), None)
    if where is None:
        return "a claim of responsibility"
    work.ids = sorted({*work.ids, where})
    return None


# Acts whose doer and victim a small model swaps when it turns the article's passive
# active ("27 members were kidnapped by the group" -> "the movement kidnapped 27 members
# of the group").
_ROLE_ACTS = (
    r"kidnapped|abducted|killed|attacked|arrested|detained|shot|captured|seized|"
    r"executed|ambushed|bombed|raided|targeted"
)
_BY_AGENT = re.compile(
    rf"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?P<act>{_ROLE_ACTS})\s+by\s+(?:the\s+)?"
    r"(?P<agent>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)


def _inverted_doer(text: str, sources: list[ArticleSentence]) -> tuple[str, str] | None:
    """The summary sentence's subject does an act the cited sentences say a named other did
    (their passive's agent), and that agent is in the summary sentence as someone else:
    the roles are swapped. Returns (the summary's doer, the article's)."""
    for source in sources:
        for by in _BY_AGENT.finditer(source.text):
            act, agent = by.group("act"), by.group("agent")
            active = re.search(
                rf"^(?P<doer>(?:The\s+)?[A-Z][^,;]*?)\s+(?:has\s+|have\s+|had\s+)?{act}\b(?!\s+by\b)",
                text,
            )
            if active is None or re.search(rf"\b(?:was|were|been|being)\s+(?:\w+\s+)?{act}", text):
                continue
            doer = active.group("doer")
            if agent.casefold() in doer.casefold() or doer.casefold() in agent.casefold():
                continue
            # The agent as the act's object in the summary ("kidnapped 27 members of the
            # Kel group"), and no cited sentence has the summary's doer do the act itself
            # ("Northland troops later killed 20 Kel militants": a reprisal, not a swap).
            as_object = re.search(
                rf"^\s+(?:[\w'’-]+\s+){{0,5}}?(?:the\s+)?{re.escape(agent)}\b", text[active.end() :]
            )
            does_it = re.compile(
                rf"{re.escape(doer.removeprefix('The ').strip())}\s+(?:\w+\s+){{0,2}}?{act}\b",
                re.IGNORECASE,
            )
            if as_object and not any(does_it.search(s.text) for s in sources):
                return doer, agent
    return None


def _dropped_negation(text: str, sources: list[ArticleSentence]) -> str | None:
    """The negated words of a cited sentence the summary sentence copies without its
    negation ("but don't expect it" written "but expect it", "would not cut jobs" written
    "would cut jobs"): the opposite of the article. Read as the words around the negation
    (two and two, two before and one after, or one and two), side by side in the summary."""
    said = " " + " ".join(w.casefold() for w in _WORD.findall(text)) + " "
    for source in sources:
        words = _WORD.findall(source.text)
        # The same words without a negation elsewhere in the source ("no reports of
        # casualties, but there were reports of gunfire") are a copy of those.
        plain = " " + " ".join(w.casefold() for w in words) + " "
        for i, word in enumerate(words):
            if not NEGATION.search(word):
                continue
            for back, ahead in ((2, 2), (2, 1), (1, 2)):
                before, after = words[max(0, i - back) : i], words[i + 1 : i + 1 + ahead]
                if len(before) == back and len(after) == ahead:
                    copied = " ".join(w.casefold() for w in (*before, *after))
                    if f" {copied} " in said and f" {copied} " not in plain:
                        return " ".join(words[i - back : i + 1 + ahead])
    return None


def _unsupported_negation(work: SentenceWork, negation: re.Match[str]) -> None:
    """A negation the cited sentences do not hold says the opposite of the article."""
    what = f"{negation.group(0)!r}, a negation the cited sentences do not hold"
    trimmed = trim_before(work.text, negation.start())
    if trimmed is None:
        work.findings.append(repaired(Check.GROUNDING, work.where, f"dropped: it states {what}"))
        work.dropped = True
        return
    work.findings.append(repaired(Check.GROUNDING, work.where, f"cut the clause stating {what}"))
    work.text = trimmed


def _dropped(work: SentenceWork, specific: str) -> Finding:
    message = f"dropped: it states {specific!r}, which the article does not"
    return repaired(Check.GROUNDING, work.where, message)


RULE = Rule("specifics", repair_sentence=repair_sentence)
