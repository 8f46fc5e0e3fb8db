"""Well-formedness: the last step of a summary sentence's repairs drops a fragment.

Whatever the model wrote and whatever the earlier rules changed, a sentence that does
not read as a whole sentence (checks/wellformed.py) is dropped and the output says
why: a fragment misleads ("Biden said it is." once a quotation was stripped) and a
wire editor would not sign it; nor a report emptied of its content ("The ministry said
in a statement on Tuesday."), nor the writer's own question ("..., didn't it?"). No
gate check: it judges our own final wording.
"""

from __future__ import annotations

from ..checks.wellformed import addresses_reader, asks_reader, problems, says_nothing
from ..schema import Check
from .base import Rule, SentenceWork, repaired


def repair_sentence(work: SentenceWork) -> None:
    found = problems(work.text)
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
