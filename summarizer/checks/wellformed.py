"""Well-formedness: a summary sentence a wire editor could sign, by its surface shape.

Our edits (a loaded word deleted, a cut-off sentence trimmed) and the grammar's length
limit can leave a fragment: "... but only after a and deadly exit", "... related to.",
"... over the course of the...". These checks read only the sentence's shape (no parser,
so they run in the base install): terminal punctuation, the last word, a determiner
before a conjunction, balanced quotes and brackets, a capital to start, and a word that
can be a verb. A sentence with
any problem never reaches the output (rules/wellformed.py drops it).
"""

from __future__ import annotations

import itertools
import re

from .. import language
from .lexicon import quoted_ranges

_DANGLING = language.words("dangling_words")
_VERB_FORMS = language.words("verb_forms")
_FUNCTION_WORDS = language.words("stop_words") | language.words("prepositions")
# A regular verb's endings: "killed", "killing", "kills", "fires" (a plural noun has
# them too, so this errs towards reading a word as a verb: only a line with no possible
# verb at all is flagged).
_REGULAR_VERB_ENDING = re.compile(r"(?:ed|ing|[^s']s)$")
_WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")
_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ELLIPSIS = re.compile(r"(\.\s*\.\s*\.|…)[\"'”’)\]]*$")
# A sentence that opens on the tail of an abbreviation ("Y., called the request ...",
# "Va., and Kyrsten Sinema ..."): a sentence splitter cut a name at its full stop.
_ABBREVIATION_TAIL = re.compile(r"^(?:[A-Z]\.){1,3},|^[A-Z][a-z]{0,2}\.,")
_DETERMINER_BEFORE_GAP = re.compile(
    r"\b(?:a|an|the)\s+(?:and|or|but|nor)\b|\b(?:a|an|the)\s*[,;.]", re.I
)
_CONJUNCTION_BEFORE_STOP = re.compile(r"\b(?:and|or|but|nor)\s*[,;.]", re.I)
_REPEATED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_EMPTY_PAIR = re.compile(r"\"\s*\"|“\s*”|\(\s*\)|‘\s*’")
_STRAY_PUNCTUATION = re.compile(r"\s[,;:]|[,;:]\s*[,;:.]")
# Numbers repeat legitimately ("10 10-year-olds" is rare, "that that" is grammatical).
_REPEAT_ALLOWED = frozenset({"that", "had", "is"})
MIN_WORDS = 4
# A sentence never ends on an auxiliary or a copula with its complement gone: "The minister said
# it is." (the quotation stripped), "the situation was" (cut off at the length limit).
# ... unless a clause of its own ends there: "who the gunmen were", "than it was".
_EMBEDDED = frozenset("who what where when how whether which than as whoever".split())  # noqa: SIM905
AUXILIARIES = frozenset(
    "is are was were be been being will would shall should can could may might must".split()  # noqa: SIM905
)
# A line in title case ("Murder of U.S. Nationals; Conspiracy to Murder ...", "Premier's
# Reason for Calling Snap Election Fails") is a headline, a heading, a list of charges
# or a caption: it names things, and the body reports what happened. Title case leaves
# only its minor words lower-case; a sentence, names and all, has a lower-case verb
# ("Noor met Northland President Ali Ben Tarsa"). An attribution tail we add (", according
# to the agency") is not read.
_LETTER_WORD = re.compile(r"(?<![’'])\b[A-Za-z][a-z]*\b")  # not the "s" of "Noor's"
_TITLE_CASE_MINOR = frozenset(
    "a an the and but or nor for so yet as vs at by in of off on per to up via".split()  # noqa: SIM905
)
_ATTRIBUTION_TAIL = re.compile(r",\s+(?:according to\b.*|the writer argues\W*)$")
# A wire summary speaks in the third person: "I", "me", "we" outside quotation marks are
# the writer's own voice (a column's "has evoked a feeling of deja vu for me") copied as
# if it were the news. Lower-case "us" only: "US" is the country.
# "Mine" after a determiner or a modifier is the weapon or the pit ("a ground mine", "the
# coal mine", "anti-personnel mine"), no pronoun: only "of mine", "is mine" and the like.
_FIRST_PERSON = re.compile(
    r"\b(?:I(?![-\d])|me|my|(?<=\bof )mine|(?<=\bis )mine|(?<=\bwas )mine|(?<=\band )mine|"
    r"myself|[Ww]e|us|[Oo]ur|ours|ourselves)\b"  # not "I-95"
)
# "I" after a capitalised word is a numeral: "World War I", "Elizabeth I".
_NUMERAL_I = re.compile(r"\b[A-Z][\w-]*\s+$")
# An attribution with nothing attributed: "El Financiero reported on 28 April.", "The
# ministry said on Monday." A wire sentence split after its content leaves its tail as a
# sentence of its own, which reports nothing. The speaker is a name or "the" and a
# speaker's noun, so "Imports fell as the ministry reported." keeps its report.
_BARE_ATTRIBUTION = re.compile(
    r"^(?:(?:[Tt]he\s+)?(?:[A-Z][\w'’.&-]*\s+){0,6}[A-Z][\w'’.&-]*|[Tt]he\s+(?:[\w-]+\s+){0,3}?"
    r"(?:officials?|police|ministry|agency|spokes(?:man|woman|person)|military|army|government|"
    r"newspaper|broadcaster|report))\s+(?:said|says|reported|reports|added|adds|stated|announced|"
    r"told reporters)(?:\s+(?:on\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|in a statement|yesterday|today|earlier|later))*"
    r"\s*[.!]$"
)
# A credit or copyright line ("Photo © 2001 Example Images. All rights reserved.",
# "(AP Photo/Jane Doe)") is page furniture, never a statement of the news.
_CREDIT_LINE = re.compile(
    r"©|\ball rights reserved\b|\b(?:AP|AFP|Reuters) Photo/|^\W*(?:Photo|Image)\s*(?::|credit)",
    re.IGNORECASE,
)


# A live page's header: "The Latest on the unrest in Dara (all times local): 8 p.m." (the
# wire services' running stories), a heading before each time-stamped update.
_LIVE_PAGE_HEADER = re.compile(r"^The Latest\b[^.]*\((?:all )?times? local\)", re.IGNORECASE)


def is_heading(text: str) -> bool:
    """A title-case line or a live page's header: a headline, heading or caption, not a
    sentence that reports."""
    if _LIVE_PAGE_HEADER.match(text.strip()):
        return True
    words = _LETTER_WORD.findall(_ATTRIBUTION_TAIL.sub("", text))
    major = [w for w in words if w not in _TITLE_CASE_MINOR]
    long_words = sum(len(w) >= 4 for w in major)
    return long_words >= 4 and all(w[0].isupper() for w in major)


# A column's rhetorical fragment: "Not potato chips. And not wood chips." continues the
# sentence before it; alone it says nothing. A conjunction, "not", up to four words, none
# an auxiliary or a past form ("But not everyone agreed." is a sentence) and no
# quantifier opening a subject ("And not one of them survived.").
_ELLIPTICAL = re.compile(
    r"^(?:and|but|or|nor)\s+not(?!\s+(?:a single|one|all|every\w*|any\w*|many|much|"
    r"only|even|everyone|everybody)\b)((?:\s+[\w'’-]+){1,4})[.!?]?$",
    re.IGNORECASE,
)


_VERB_FORM = re.compile(
    r"\b(?:\w+ed|is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|may|"
    r"might|should|must)\b",
    re.IGNORECASE,
)


# A title or rank always comes before a name: a sentence ending on one ("forces loyal to
# Gen.") was cut off inside the name.
_TITLES_AT_END = [
    t
    for section in language.sections("title_abbreviations").values()
    for t in section
    if t not in ("St", "Dr")  # also a street's or a drive's name: "on Kel Ridge Dr."
]
# A rank after a rank is a rank ("promoted to Lt. Gen."): a whole title, not a cut.
_TITLE_AT_END = re.compile(
    rf"(?P<before>\b(?:{'|'.join(_TITLES_AT_END)})\.\s+)?\b(?:{'|'.join(_TITLES_AT_END)})\."
    r"[\"'”’)]*$"
)


def problems(text: str) -> list[str]:
    """What makes this sentence a fragment; empty when it reads as a whole sentence."""
    text = text.strip()
    words = _WORD.findall(text)
    found: list[str] = []
    if len(words) < MIN_WORDS:
        found.append(f"fewer than {MIN_WORDS} words")
    if _ELLIPSIS.search(text):
        found.append("ends in an ellipsis (cut off)")
    elif not _END.search(text):
        found.append("no full stop at the end")
    # Read without an attribution tail we added: "... in the country was, according to
    # the minister." ends on "was" (a cut-off sentence the attribution rule then attributed).
    core = _WORD.findall(_ATTRIBUTION_TAIL.sub("", text))
    if core and (
        core[-1].lower() in _DANGLING
        or (
            core[-1].lower() in AUXILIARIES
            and not _EMBEDDED.intersection(map(str.lower, core[-6:-1]))
        )
    ):
        found.append(f"ends on {core[-1]!r}")
    if (m := _TITLE_AT_END.search(text)) and not m.group("before"):
        found.append("ends on a title (the name after it cut off)")
    if len(words) >= MIN_WORDS and not _has_possible_verb(words):
        found.append("no verb (a label or a name, not a sentence)")
    elif (
        _INDEFINITE_OPENING.match(text)
        and len(words) <= MAX_FRAGMENT_WORDS
        and not _tells_an_act(words)
    ):
        # "A risk to their fellow citizens.", "A threat to the recovery.": a column's
        # stylistic fragment, a noun phrase set off as a sentence. A report opening on
        # "A" tells its act plainly ("A bomb exploded", "A man was killed").
        found.append("no verb (a noun phrase set off as a sentence)")
    if (m := _ELLIPTICAL.match(text)) and not _VERB_FORM.search(m.group(1)):
        found.append("an elliptical fragment that continues the sentence before it")
    if is_heading(text):
        found.append("a headline or heading in title case, not a sentence")
    if _BARE_ATTRIBUTION.match(text):
        found.append("an attribution with nothing attributed")
    if _CREDIT_LINE.search(text):
        found.append("a photo credit or copyright line")
    if person := writer_speaks(text):
        found.append(f"the writer's first person outside quotation marks ({person!r})")
    if text and not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“‘'("):
        found.append("does not start a sentence")
    elif _ABBREVIATION_TAIL.match(text):
        found.append("starts on the tail of an abbreviation (a name cut in two)")
    for pattern, what in (
        (_DETERMINER_BEFORE_GAP, "a determiner with no noun"),
        (_CONJUNCTION_BEFORE_STOP, "a conjunction with nothing after it"),
        (_EMPTY_PAIR, "empty quotation marks or brackets"),
        (_STRAY_PUNCTUATION, "stray punctuation"),
    ):
        if m := pattern.search(text):
            found.append(f"{what} ({m.group(0).strip()!r})")
    # A repeat capitalised twice is a name ("the Mai Mai militia", "Bora Bora"), not a typo.
    repeated = [
        m.group(1)
        for m in _REPEATED_WORD.finditer(text)
        if not all(w[:1].isupper() for w in m.group(0).split())
    ]
    if any(w.lower() not in _REPEAT_ALLOWED and not w.isdigit() for w in repeated):
        found.append("a word repeated")
    found.extend(_unbalanced(text))
    return found


# A contraction is an auxiliary ("didn't", "I'd", "they've"); "'s" is one after a pronoun.
_AUXILIARY_CONTRACTION = re.compile(r"(?:n't|'d|'ll|'ve|'re|'m)$")
# A subject pronoun has its verb beside it, often a bare regular one ("I cherish").
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she"})
_PRONOUNS_WITH_IS = frozenset({"it", "he", "she", "that", "there", "here", "what", "who", "how"})


# A bare verb ("the rules apply to", "the rebels control the town", "troops withdrew
# from") is a lower-case word with its object or complement after it. Not "of", "for",
# "in", "on", "at": a noun takes those ("ahead of", "a setback for").
_OBJECT_OPENERS = frozenset({"that", "the", "a", "an", "his", "her", "their", "its"}) | (
    language.words("prepositions") - {"of", "for", "in", "on", "at"}
)


def _has_possible_verb(words: list[str]) -> bool:
    if any(map(_possible_verb, words)):
        return True
    return any(
        word.islower() and word not in _FUNCTION_WORDS and following.lower() in _OBJECT_OPENERS
        for word, following in itertools.pairwise(words)
    )


_INDEFINITE_OPENING = re.compile(r"^(?:An?|Another|One more)\s")
_PRESENT_S = re.compile(r"(?<![su'’])s$")
# A column's fragment is short; a longer sentence opening on "A" is a report whose verb
# the word shapes cannot tell from a plural ("A Senate report details failures ...").
MAX_FRAGMENT_WORDS = 10
# A verb beyond doubt: an auxiliary, a listed verb form, a pronoun subject, or a
# lower-case word in -ed (plural nouns end in -s too: "citizens").
_ED = re.compile(r"ed$")


def clear_verb(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    if _AUXILIARY_CONTRACTION.search(lowered) or lowered in _SUBJECT_PRONOUNS:
        return True
    if lowered in _VERB_FORMS or lowered in AUXILIARIES or lowered in _NEWS_PRESENT:
        return True
    return word[:1].islower() and bool(_ED.search(lowered))


# Present-tense verbs a news sentence opening on "A" often carries ("A search for
# survivors continues", "A dispute over fees sparks protests").
_NEWS_PRESENT = frozenset(
    [
        "continues",
        "remains",
        "arrives",
        "begins",
        "sparks",
        "ends",
        "starts",
        "opens",
        "follows",
        "comes",
        "goes",
        "says",
        "shows",
        "leaves",
        "takes",
        "makes",
        "burnt",
    ]
)


def _tells_an_act(words: list[str]) -> bool:
    """A sentence opening on "A" has a verb beyond doubt, or the present tense right after
    its noun ("A bomb explodes in Kel", "A spokesman says")."""
    if any(map(clear_verb, words)):
        return True
    # The present tense in the noun phrase's verb slot, the third to fifth word, after a
    # word that is no function word ("A car bomb explodes", "A new curfew starts"; not
    # "A source of frustration for officials").
    return any(
        word[:1].islower()
        and _PRESENT_S.search(word)
        and before.lower() not in _FUNCTION_WORDS
        and not before.endswith("s")
        for before, word in itertools.pairwise(words[1:5])
    )


def _possible_verb(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    if _AUXILIARY_CONTRACTION.search(lowered) or lowered in _SUBJECT_PRONOUNS:
        return True
    if lowered.endswith("'s"):
        return lowered[:-2] in _PRONOUNS_WITH_IS
    if lowered in _VERB_FORMS:
        return True
    # A capitalised word ending in -s is a name or a subject ("Reuters", "Protests in
    # Marseille ..."), hardly ever a finite verb: only lower-case words count by ending.
    return word[:1].islower() and bool(_REGULAR_VERB_ENDING.search(lowered))


def writer_speaks(text: str) -> str | None:
    """The writer's own first person outside quotation marks ("We're giving up on ...",
    "has evoked a feeling of deja vu for me"), if any: a column's voice, not a report's."""
    return _first_person(_unquoted(text))


def _first_person(text: str) -> str | None:
    for m in _FIRST_PERSON.finditer(text):
        if m.group(0) == "I" and m.start() > 0 and _NUMERAL_I.search(text[: m.start()]):
            continue
        return m.group(0)
    return None


def _unquoted(text: str) -> str:
    """The text with its quotations blanked out."""
    for start, end in reversed(quoted_ranges(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _unbalanced(text: str) -> list[str]:
    out = []
    if text.count("“") != text.count("”") or text.count('"') % 2:
        out.append("unbalanced quotation marks")
    if text.count("(") != text.count(")"):
        out.append("unbalanced brackets")
    return out


# A report with its content gone: "The ministry said in a statement late on Tuesday." (the
# model put what was said in the sentence before), "... said there was no justification
# and that Northland." (the quotation after "that" dropped). Read by the
# summary's wellformed rule only: each is a whole sentence by its shape, empty by its sense.
_SAID_NOTHING = re.compile(
    r"^[^,;:\"“”]+?\s(?:said|says|told reporters|added|noted|announced)"
    # Only when-and-where words after it, no "that" clause: "in a statement late on Tuesday".
    r"(?:\s+(?:in|on|at|late|early|earlier|later|during|through|via)"
    r"(?:\s+(?!that\b)(?:a|an|the|in|on|at|late|early|statement|news|conference|briefing|"
    r"interview|post|Twitter|X|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"morning|afternoon|evening|night|day|week|[A-Z][\w’'-]*)){0,8})*[.!]$"
)
_THAT_WITHOUT_VERB = re.compile(r"\bthat\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w.’'-]*\s*){1,5}[.!]$")


# "The ceasefire was announced on Monday.": a passive report says what happened.
_PASSIVE_REPORT = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:said|announced|noted|added)\b"
)


# The writer talking to the reader, outside quotation marks: "you", "your", or an order
# opening a clause ("consider that ...", "imagine ..."). A column's or an explainer's
# voice; a wire summary reports.
# Lower-case, or a sentence's first word: "Know Your Rights" is a name.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b|^You\b")
_READER_ORDER = re.compile(
    r"(?:^|[,;:]\s+)(?:consider|imagine|remember|think about|look at|note that|don't forget)\b",
    re.IGNORECASE,
)


# A speech word anywhere makes the "you" a speaker's, reported without quotation marks
# ("the lawyer argued that you cannot convict a man on hearsay", "according to X, you
# could hear the blasts").
_SPEECH_ANYWHERE = language.any_word("speech_words")


def addresses_reader(text: str) -> str | None:
    """The writer addressing the reader, if the sentence does (see above)."""
    plain = _unquoted(text)
    m = _SECOND_PERSON.search(plain) or _READER_ORDER.search(plain)
    if m is None or _SPEECH_ANYWHERE.search(plain):
        return None
    return m.group(0).strip(" ,;:")


def asks_reader(text: str) -> bool:
    """A question in the writer's own voice ("... a metaphor this past year, didn't it?"):
    a column's rhetoric; a wire summary states what was said and done. A quoted question
    ("the governor asked: 'What is wrong with us?'") is a speaker's and stays."""
    return _unquoted(text).rstrip().endswith("?")


def says_nothing(text: str) -> str | None:
    """What a report says nothing of, when it has lost its content."""
    text = text.strip()
    if _SAID_NOTHING.match(text) and not _PASSIVE_REPORT.search(text):
        return "a speech verb with nothing said"
    if _THAT_WITHOUT_VERB.search(text):
        return "a 'that' clause with no verb"
    return None
