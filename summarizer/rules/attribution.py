"""Attribution: a summary sentence states no claim, motive or view without its speaker.

Repairs of one summary sentence, before its specifics are checked:
  * the writer's analysis hung on a fact (", underscoring the chaos ...") is cut off;
  * a view carried by an agentless passive ("which has been criticised as ...") is cut
    off at its clause, or the sentence dropped;
  * a motive ("in retaliation for ...") gets the group that claimed the act as its
    speaker (", X said"), or is cut off where it ends the sentence, or the sentence is
    dropped;
  * a sentence restating only attributed or quoted article sentences gets their speaker
    (", according to X"; of several, the speaker of the sentence it restates most); a
    quotation whose speaker cannot be found is dropped;
  * in an opinion piece (the outlet marks it: "Opinion", "column"; or the source is the
    writer's name), a sentence with no speaker is the writer's view: ", the writer
    argues".
"""

from __future__ import annotations

import re

from .. import language
from ..article import Article
from ..checks.attribution import SPEECH
from ..checks.clauses import clause_opening, speaker_of, trim_before
from ..checks.grounding import cited, content_words
from ..checks.lexicon import quoted_ranges
from ..checks.wellformed import problems, writer_speaks
from ..schema import Check
from .base import Rule, SentenceWork, repaired

_OPINION_PASSIVE = re.compile(
    rf"\b(?:{language.alternatives('opinion_passives')})\b(?![^.]*\bby\b)", re.IGNORECASE
)
_MOTIVE = language.any_word("motive_phrases")
_ANALYSIS = clause_opening(language.alternatives("analysis_clauses"))
_QUOTE_OPEN = re.compile(r"^\s*[\"“‘']")
# Where an outlet marks an opinion piece: its name or section ("Opinion", "The Guardian
# Opinion"), a path segment of its address ("/opinion/"), or a label opening the headline
# ("Opinion: ..."). Not a marker word anywhere in a headline ("Public opinion turns").
_MARKER = language.alternatives("opinion_markers")
_OPINION_SOURCE = re.compile(rf"\b(?:{_MARKER})\b", re.IGNORECASE)
_OPINION_PATH = re.compile(rf"/(?:{_MARKER})s?/", re.IGNORECASE)
_OPINION_TITLE = re.compile(rf"^\s*(?:{_MARKER})\s*[:|]", re.IGNORECASE)


def _attach(text: str, attribution: str) -> str:
    """`text` with ", <attribution>" before its final punctuation; a closing quotation
    takes the comma inside it, as wire style writes it (`...behind,” the writer argues.`)."""
    body = text.rstrip()
    if m := re.search(r"[.!?]([”\"’'])$", body):
        return f"{body[: m.start()]},{m.group(1)} {attribution}."
    end = ""
    while body and body[-1] in ".!?":
        end, body = body[-1] + end, body[:-1]
    return f"{body}, {attribution}{end or '.'}"


# Common words that open a speaker only as the sentence's first word ("Officials said",
# "Two US officials told", "Top military officials"): lower-case mid-sentence.
_LOWER_FIRST_WORDS = frozenset(
    [
        "officials",
        "police",
        "authorities",
        "witnesses",
        "residents",
        "sources",
        "analysts",
        "experts",
        "investigators",
        "prosecutors",
        "organizers",
        "organisers",
        "activists",
        "doctors",
        "top",
        "senior",
        "local",
        "two",
        "three",
        "several",
        "many",
        "some",
    ]
)


def _speaker_phrase(speaker: str) -> str:
    # "according to The White House" reads wrong: a leading article goes lower-case. Web
    # text spaces names with no-break spaces ("The\xa0Biden administration"): one space.
    speaker = " ".join(speaker.split())
    first, _, rest = speaker.partition(" ")
    if first in ("The", "A", "An") and rest:
        speaker = first.lower() + " " + rest
    elif first.lower() in _LOWER_FIRST_WORDS:
        # Capitalised only as the sentence's first word: "Officials said", "Top military
        # officials told" -> "according to top military officials".
        speaker = first.lower() + (" " + rest if rest else "")
    return speaker


# What ends a name without being the name a report repeats ("Ali Noor Jr.").
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


# The subject's own words told in the sentence: "Officials contradict X, saying ...".
_SPEECH_PARTICIPLE = re.compile(r",\s+(?:saying|adding|telling|insisting|warning|arguing)\b")


def _attribution(speaker: str, text: str) -> str:
    """ "according to X", or "X said" where X is the sentence's subject: a person by the
    last word of the name ("Governor Ali Noor creates a committee ..., Noor said"), any
    other speaker in full ("..., the Ministry of Health said"), never "..., according
    to Ali Noor" after "Ali Noor creates"."""
    phrase = _speaker_phrase(speaker)
    plain = " ".join(text.split())
    words = phrase.split()
    # The subject: the sentence opens with the name as written (the first letter in any
    # case), then a lower-case word ("The U.S. Capitol police officer" is not "the U.S.
    # Capitol Police"); a one-word name could be a modifier ("Northland troops").
    opens = plain[:1].casefold() == phrase[:1].casefold() and plain[1:].startswith(phrase[1:])
    if len(words) < 2 or not opens or not re.match(r" [a-z]", plain[len(phrase) :]):
        return f"according to {phrase}"
    if words[0] == "the" and words[-1].islower():
        return f"the {words[-1]} said"  # "the Northland ministry": "the ministry said"
    if words[0] == "the" or not all(w[:1].isupper() for w in words):
        return f"{phrase} said"  # an institution or a description, in full
    names = [w for w in words if w not in _NAME_SUFFIXES]
    return f"{names[-1]} said"


def _cut_or_drop(work: SentenceWork, position: int, what: str) -> None:
    trimmed = trim_before(work.text, position)
    if trimmed is not None:
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, f"cut {what}"))
        work.text = trimmed
    else:
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, f"dropped: {what}"))
        work.dropped = True


def _analysis(work: SentenceWork) -> None:
    if m := _ANALYSIS.search(work.text):
        _cut_or_drop(work, m.end(), f"the writer's analysis ({m.group(0).strip(' ,;—–-')!r} ...)")


def _opinion(work: SentenceWork) -> None:
    if m := _OPINION_PASSIVE.search(work.text):
        _cut_or_drop(work, m.start(), f"a view nobody in it holds ({m.group(0)!r})")


def _motive(work: SentenceWork) -> None:
    m = _MOTIVE.search(work.text)
    if m is None or SPEECH.search(work.text):
        return
    claimants = set(work.claimants)
    if len(claimants) == 1:
        (claimant,) = claimants
        work.text = _attach(work.text, f"{_speaker_phrase(claimant)} said")
        message = f"the motive is {claimant!r}'s claim: attributed to it"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
        return
    before = work.text[: m.start()].rstrip(" ,")
    if len(before.split()) >= 6 and not re.search(r"[,;—]", work.text[m.start() :]):
        work.text = before + "."
        message = "cut the motive: nobody in the article is named as giving it"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
        return
    _cut_or_drop(work, m.start(), "a motive with no speaker")


_ANALYSIS_LABEL = re.compile(
    rf"^\s*(?:{language.alternatives('analysis_labels')})\s*:", re.IGNORECASE
)


def _outlet_analysis(work: SentenceWork) -> None:
    """A sentence restating only paragraphs the outlet labels as its analysis ("Why it
    matters: It's one of the most aggressive measures ...") is the outlet's view, not a
    fact of the news: dropped. (Naming the outlet would put a name in the summary that
    no sentence of the article holds; the outlet's facts are in its other paragraphs.)"""
    sources = cited(work.article, work.ids)
    if not sources or SPEECH.search(work.text):
        return
    # A labelled paragraph that names its source ("..., according to the UN") is a report.
    if all(_ANALYSIS_LABEL.match(s.text) and not speaker_of(s.text) for s in sources):
        message = "dropped: it restates the outlet's labelled analysis, not the news"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
        work.dropped = True


def _restated_speech(work: SentenceWork) -> None:
    if SPEECH.search(work.text):
        return
    whole_quote = _QUOTE_OPEN.match(work.text) is not None
    if quoted_ranges(work.text) and not whole_quote:
        return  # a phrase quoted inside our own sentence: its speaker is in the sentence
    sources = cited(work.article, work.ids)
    quoted = [s for s in sources if _QUOTE_OPEN.match(s.text)]
    attributed = [s for s in sources if SPEECH.search(s.text) or s in quoted]
    if not sources or len(attributed) < len(sources):
        return
    speakers = {sp for s in sources if (sp := speaker_of(s.text))}
    if len(speakers) > 1:
        # Several sources: the speaker of the cited sentence the summary restates most.
        said = set(content_words(work.text))
        closest = max(sources, key=lambda s: len(said & set(content_words(s.text))))
        speakers = {sp} if (sp := speaker_of(closest.text)) else speakers
    if len(speakers) == 1:
        (speaker,) = speakers
        # The model kept the speaker and dropped its verb (", Northland News."): the
        # dangling name goes, the attribution takes its place.
        dangling = re.compile(rf",\s+{re.escape(speaker)}\s*([.!?]?)$", re.IGNORECASE)
        work.text = dangling.sub(r"\1", work.text.rstrip())
        attribution = _attribution(speaker, work.text)
        if attribution.endswith(" said") and _SPEECH_PARTICIPLE.search(work.text):
            return  # "Officials contradict X, saying ...": the subject already speaks
        work.text = _attach(work.text, attribution)
        message = f"restates what {speaker!r} said: attributed to them"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
    elif quoted or whole_quote:
        message = "dropped: it restates a quotation without its speaker"
        work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))
        work.dropped = True


# A headline in the writer's own first person, or telling the reader what to do, quoting
# nobody ("We're Giving Up On Dara", "Why I changed my mind", "Stop listening to the
# agency"): a column, whatever the outlet field says. Not a
# headline that quotes its speaker ("We will fight on, says minister").
# A comma, a colon or a quotation mark in a headline sets off whose words they are
# ("We will rebuild, Dara mayor pledges"); so does any speech verb.
_HEADLINE_SPEAKER = re.compile(
    r"[,:\"“”]|\b(?:says?|said|tells?|told|warns?|vows?|pledges?|demands?|insists?|urges?|asks?)\b",
    re.IGNORECASE,
)


# A headline that tells the reader what to do ("Stop listening to the agency", "Don't
# believe the polls", "Let's end the filibuster"): an op-ed's argument, not a report.
# Verbs that are imperatives at a headline's start (not "Ban", "Vote", "End", "Pass",
# which open news headlines as nouns: "Ban on imports lifted").
_IMPERATIVE_HEADLINE = re.compile(
    r"^\s*(?:Stop|Don['’]t|Do not|Let['’]s|Forget|Quit|Ignore|Imagine|Remember|Trust|"
    r"Believe|Abolish|Repeal|Impeach|Defund|Embrace|Resist|Reject)\s+(?=[a-z]|the\b|The\b)"
)


def _column_headline(title: str) -> bool:
    if _HEADLINE_SPEAKER.search(title):
        return False
    return bool(writer_speaks(title)) or bool(_IMPERATIVE_HEADLINE.match(title))


# A byline where the outlet should stand ("Julian Zelizer", "Katrina vanden Heuvel"):
# aggregators file a column under its writer's name. Two to four words, a given name
# first, then capitalised words or a surname's particle, and no word of an outlet's name
# ("Christian Science Monitor", "Defense One" and "Fox Business" are outlets).
_GIVEN_NAMES = language.words("given_names")
_OUTLET_WORD = language.any_word("outlet_words")
_PARTICLES = frozenset(("van", "vanden", "von", "de", "del", "della", "der", "da", "di", "du"))
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def writer_of_column(source: str | None) -> str | None:
    """The writer's name, where the article's source is a person's name, else None."""
    words = (source or "").split()
    if not 2 <= len(words) <= 4 or _OUTLET_WORD.search(source or ""):
        return None
    if words[0] not in _GIVEN_NAMES or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    if not all(w[0].isupper() or w in _PARTICLES for w in words[1:]):
        return None
    return " ".join(words)


_ASSERTION = language.any_word("assertion_adverbs")
_QUOTE_MARK = re.compile('["“”]')
_ARGUMENT_OPENING = 15  # sentences: a column argues from its first paragraphs
# The columnist's plural ("to this maxim we might add"); a statement read out in the
# speaker's singular ("I would like to thank my attorneys") is a transcript, not a column.
_EDITORIAL_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
# The newsroom's "we" of a report ("Here is what we know", "as we reported", "our
# reporter in Dara", "we will bring you updates"): a news page's voice, not an argument.
_NEWSROOM = re.compile(
    r"\b(?:what we (?:know|don['’]t know)|(?:as\s+)?we (?:have\s+|previously\s+)?reported|"
    r"our (?:reporters?|correspondents?|team|newsroom|colleagues|coverage|live)|"
    r"we(?:['’]ll| will) (?:be )?(?:bring|bringing|update|updating|keep|have|continue)\w*|"
    r"we (?:have\s+)?(?:reached out|contacted|asked)|"
    r"we (?:have\s+)?(?:not\s+been\s+able|been\s+unable|could\s+not|cannot|can['’]t)\s+(?:to\s+)?"
    r"(?:independently\s+)?(?:verify|confirm)|"
    r"we are (?:following|tracking|updating|monitoring)|(?:told|said to|wrote to) us)\b",
    re.IGNORECASE,
)


def argued_in_writers_voice(article: Article) -> bool:
    """A column the outlet did not label: in its opening sentences the writer speaks in
    the first person plural ("to this maxim we might add") and presses a point with an assertion
    adverb ("his campaign was, in fact, a fraud"), each outside quotation marks. One cue
    alone is common in news (a speech paraphrased, "indeed" in a report); a sentence that
    holds a quotation mark, or follows one that does, is not read (a quotation running
    over several sentences speaks for its speaker)."""
    first_person = pressed = False
    previous = ""
    for sentence in article.sentences[:_ARGUMENT_OPENING]:
        text = sentence.text
        if not (_QUOTE_MARK.search(text) or _QUOTE_MARK.search(previous)):
            person = writer_speaks(_NEWSROOM.sub(" ", text))
            first_person = first_person or (person or "").casefold() in _EDITORIAL_WE
            pressed = pressed or _ASSERTION.search(text) is not None
        previous = text
    return first_person and pressed


def _writer_view(work: SentenceWork) -> None:
    """In an opinion piece, a sentence with no speaker of its own is the writer's view."""
    article = work.article
    opinion = (
        writer_of_column(article.source)
        or _OPINION_SOURCE.search(article.source or "")
        or _OPINION_PATH.search(article.url or "")
        or _OPINION_TITLE.match(article.title or "")
        or _column_headline(article.title or "")
        or argued_in_writers_voice(article)
    )
    # A fragment ("Not potato chips.") is left for the well-formedness rule to drop: the
    # tail would give it the verb it lacks.
    if not opinion or SPEECH.search(work.text) or problems(work.text):
        return
    # "the writer", not the name: a byline is no sentence of the article to ground it in.
    work.text = _attach(work.text, "the writer argues")
    message = "an opinion piece: the sentence is the writer's view, attributed to the writer"
    work.findings.append(repaired(Check.ATTRIBUTION, work.where, message))


def repair_sentence(work: SentenceWork) -> None:
    for step in (_analysis, _opinion, _motive, _outlet_analysis, _restated_speech, _writer_view):
        step(work)
        if work.dropped:
            return


RULE = Rule("attribution", repair_sentence=repair_sentence)
