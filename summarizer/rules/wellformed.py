"""Well-formedness: the last step of a summary sentence's repairs drops a fragment.

Whatever the model wrote and whatever the earlier rules changed, a sentence that does
not read as a whole sentence (checks/wellformed.py) is dropped and the output says
why: a fragment misleads ("Biden said it is." once a quotation was stripped) and a
wire editor would not sign it; nor a report emptied of its content ("The ministry said
in a statement on Tuesday."), nor the writer's own question ("..., didn't it?"). No
gate check: it judges our own final wording.
"""

from __future__ import annotations

import re

from ..checks.grounding import cited
from ..checks.wellformed import (
    AUXILIARIES,
    addresses_reader,
    asks_reader,
    clear_verb,
    problems,
    says_nothing,
)
from ..schema import Check
from .base import Rule, SentenceWork, repaired

# A sentence's closing apposition: ", the latest report of poison gas being used in the
# war." A small model splitting a long sentence sets it off as a sentence of its own: a
# noun phrase with no verb of its own, whatever its words' endings suggest.
_APPOSITION_TAIL = re.compile(r",\s+((?:the|a|an)\s+[^,;:]+?)[.!?]?[\"”’']?\s*$", re.IGNORECASE)


# An apposition names: a determiner, its noun (with up to three words before it), then
# what it is of ("the latest report of ...", "a sign of ...", "the third attack in ...").
_NOUN_PHRASE_OF = re.compile(
    r"^(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+(?:of|in|for|since|on)\b", re.I
)
# ... and has no finite verb: no auxiliary, no -ed verb but a participle after "being".
_FINITE = re.compile(
    rf"\b(?:{'|'.join(sorted(AUXILIARIES - {'being', 'having'}))})\b"
    r"|(?<!\bbeing )(?<!\bhaving )\b[a-z]+ed\b",
    re.IGNORECASE,
)


def _has_verb(phrase: str) -> bool:
    """A verb beyond doubt in the phrase ("the rebels took control": "took"), the
    non-finite "being"/"having" and the participle after them not counted, nor the
    noun the phrase is headed by ("the third strike on the town": "strike")."""
    words = re.findall(r"[\w'’-]+", phrase)
    head = _NOUN_PHRASE_OF.match(phrase)
    head_at = len(re.findall(r"[\w'’-]+", head.group(0))) - 2 if head else -1
    nonfinite = {"being", "having"}
    return any(
        clear_verb(word)
        and i != head_at
        and word.lower() not in nonfinite
        and not (i and words[i - 1].lower() in nonfinite)
        for i, word in enumerate(words)
    )


def _an_articles_apposition(work: SentenceWork) -> bool:
    """The sentence is, word for word, the closing apposition of a sentence it cites
    (", the latest report of poison gas being unleashed in the war"), a noun phrase with
    no verb of its own."""
    said = re.sub(r"\W+", " ", work.text).strip().casefold()
    for sentence in cited(work.article, work.ids):
        m = _APPOSITION_TAIL.search(sentence.text)
        if not m or re.sub(r"\W+", " ", m.group(1)).strip().casefold() != said:
            continue
        tail = m.group(1)
        if _NOUN_PHRASE_OF.match(tail) and not _FINITE.search(tail) and not _has_verb(tail):
            return True
    return False


def repair_sentence(work: SentenceWork) -> None:
    found = problems(work.text)
    if _an_articles_apposition(work):
        found.append("the closing apposition of the article's sentence, set off alone")
    if empty := says_nothing(work.text):
        found.append(empty)
    if reader := addresses_reader(work.text):
        found.append(f"the writer addressing the reader ({reader!r})")
    if asks_reader(work.text):
        found.append("a question in the writer's voice")
    if found:
        shown = work.text if len(work.text) <= 160 else "..." + work.text[-157:]
        message = f"dropped: not a whole sentence ({'; '.join(found)}): {shown!r}"
        work.findings.append(repaired(Check.STRUCTURE, work.where, message))
        work.dropped = True


RULE = Rule("wellformed", repair_sentence=repair_sentence)
