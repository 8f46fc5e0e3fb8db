"""Does a grounded value play the role its field names: a source, a stated motive?

Grounding only says the words occur in the article. Small models fill "source" and
"why" with any nearby phrase: the headline ("US-led evacuations from Kabul airport in
Afghanistan enter"), an action ("twin explosions tore through the crowd"). The article
marks a real source or motive in words:
  * a source is cited or quoted: its sentence says "said", "according to", "confirmed",
    "blamed", "admitted", "found", ... (attribution's words and a few of finding);
  * a motive is given as one: it starts with, or directly follows, words of reason
    ("in retaliation for", "to protest", "against", "given", "revenge for").
Values the text does not mark this way are dropped by assembly, with a finding.
"""

from __future__ import annotations

import re

from . import language
from .article import Article
from .checks.attribution import ALLEGE, CONFIRM, SPEECH
from .schema import GroundedValue

# Word lists in data/language/: finding words (with attribution's), reason words, and the
# words after which "to" is not an infinitive.
_REPORTING = language.any_word("finding_words")
_REASON_WORDS = language.any_word("reason_words")
# A purpose given as an infinitive: "to destroy ...", not "to the airport".
_INFINITIVE = re.compile(
    rf"^to (?!(?:{language.alternatives('noun_phrase_openers')})\b)\w+", re.IGNORECASE
)


def _sentences_holding(value: GroundedValue, article: Article, ids: list[int]) -> list[str]:
    """Sentences around the value's evidence, and cited sentences that hold its words."""
    words = " ".join(value.value.split()).casefold()
    return [
        s.text
        for s in article.sentences
        if any(s.start <= span.start < s.end for span in value.evidence)
        or (s.id in ids and words in " ".join(s.text.split()).casefold())
    ]


def is_cited_source(value: GroundedValue, article: Article, ids: list[int]) -> bool:
    """True when the article presents the value as a source, or it cannot be checked."""
    if value.alignment == "none" or not value.evidence:
        return True  # not in the article at all: grounding flags it already
    said = (SPEECH, ALLEGE, CONFIRM, _REPORTING)
    texts = [value.value, *_sentences_holding(value, article, ids)]
    return any(p.search(text) for p in said for text in texts)


def is_stated_motive(value: GroundedValue, article: Article, ids: list[int]) -> bool:
    """True when the article gives the value as a reason, or it cannot be checked."""
    if value.alignment == "none" or not value.evidence:
        return True
    span = value.evidence[0]
    head = " ".join(span.text.split()[:3])  # reason words opening the value ...
    before = " ".join(article.text[max(0, span.start - 40) : span.start].split()[-4:])
    return bool(  # ... or just before it, or a purpose infinitive
        _REASON_WORDS.search(head) or _REASON_WORDS.search(before) or _INFINITIVE.match(span.text)
    )
