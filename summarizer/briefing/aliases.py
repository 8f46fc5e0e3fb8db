"""Do two names refer to the same actor or place? Fuzzy matching plus acronyms.

Outlets name the same party differently ("IS-K", "Islamic State Khorasan", "ISIS-K");
rapidfuzz catches spelling and word-order variants, the acronym rule catches initials.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from .. import language
from ..schema import GroundedValue

# Above this token_set_ratio two names are taken as aliases (tuned on short names).
ALIAS_SCORE = 85
# Small words a name is written with or without (data/language/name_filler_words.txt).
_DROP = language.words("name_filler_words")
_WORD = re.compile(r"[\w]+")


def value_of(value: GroundedValue | None) -> str | None:
    """The value's text, or None when it is missing or a placeholder ('unknown')."""
    if value is None:
        return None
    text = value.value.strip()
    return text if text and normalise(text) not in _PLACEHOLDERS else None


def tokens(name: str) -> list[str]:
    return [w for w in _WORD.findall(name.lower()) if w not in _DROP]


def normalise(name: str) -> str:
    return " ".join(tokens(name))


# What small models write for "not stated" (data/language/placeholders.txt, the list the
# draft schema reads), normalised as names are: such a value names nobody and nowhere.
_PLACEHOLDERS = frozenset(normalise(p) for p in language.words("placeholders"))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w)


def _compact(name: str) -> str:
    """'IS-K' -> 'isk', 'U.S.' -> 'us': acronyms written with dots or hyphens."""
    return re.sub(r"[\W_]+", "", name.lower())


def is_acronym_of(short: str, long: str) -> bool:
    """'IS-K' of 'Islamic State Khorasan', 'ISIS' of 'Islamic State in Iraq and Syria'."""
    acr = _compact(short)
    words = _WORD.findall(long.lower())
    if len(acr) < 2 or len(words) < 2 or len(_WORD.findall(short)) > 2:
        return False
    return acr in (_initials(words), _initials([w for w in words if w not in _DROP]))


def _acronym_variants(a: str, b: str) -> bool:
    """'ISIS-K' and 'IS-K': two upper-case acronyms that differ by a letter or two."""
    ca, cb = _compact(a), _compact(b)
    acronyms = all(x.replace("-", "").replace(".", "").isupper() and " " not in x for x in (a, b))
    return acronyms and min(len(ca), len(cb)) >= 3 and fuzz.ratio(ca, cb) >= 75


def mentioned_in(name: str | None, text: str) -> bool:
    """The name (or an alias-level close spelling) appears in the text."""
    if not name or not text:
        return False
    n = normalise(name)
    if len(n) < 3:
        return False
    return fuzz.partial_ratio(n, normalise(text)) >= 90


def same_name(a: str | None, b: str | None) -> bool:
    """True when the two names are aliases of one another (False when either is missing)."""
    if not a or not b:
        return False
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na == nb or _compact(a) == _compact(b):
        return True
    if is_acronym_of(a, b) or is_acronym_of(b, a):
        return True
    if _acronym_variants(a, b):
        return True
    # token_set_ratio scores 100 when one name's words are all in the other
    # ('Kabul airport' in 'Kabul airport, Abbey Gate'); require some length so that
    # a lone short word ('US') does not swallow every longer name containing it.
    if min(len(na), len(nb)) < 4:
        return False
    return fuzz.token_set_ratio(na, nb) >= ALIAS_SCORE


def group_names(
    names: list[str], same: Callable[[str, str], bool] | None = None
) -> list[list[int]]:
    """Group indices of `names` into alias groups (single linkage, in first-seen order)."""
    same = same or same_name
    groups: list[list[int]] = []
    for i, name in enumerate(names):
        for group in groups:
            if any(same(name, names[j]) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
