"""Country names as news text writes them, found with their character offsets.

The names come from pycountry (ISO 3166: official, common and short names); the few
forms news use that ISO does not ("Russia", "Turkey", "U.S.", "Britain") are listed
in data/language/country_news_forms.txt. Territories (Gaza, the West Bank) are left
out: they are places, not countries.
Used to fill an event's country from the words around its place when the model leaves
it empty (small models almost never write it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from . import language

# News forms missing from ISO 3166, mapped to the ISO short name
# (data/language/country_news_forms.txt).
_NEWS_FORMS = {
    form: iso for iso, forms in language.sections("country_news_forms").items() for form in forms
}


# A country named after these words inside a place is not where the place is
# ("outside the United States", "near the borders with Iraq and Jordan").
_NOT_IN = language.any_word("not_in_place")


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    country: str  # ISO 3166 short name


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = dict(_NEWS_FORMS)
    for c in pycountry.countries:
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form:
                names.setdefault(form, c.name)
                # "Iran, Islamic Republic of" is written "Iran".
                names.setdefault(form.split(",")[0], c.name)
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # Case-sensitive: country names are proper nouns ("us" is not the US). Not inside a
    # hyphenated word: "US-occupied" is a label, "Iraq-Syria border" names two countries.
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])"), names


def _adjective_forms(name: str) -> set[str]:
    """The adjectives English makes of a country's name by its usual spelling rules:
    "Syria" -> "Syrian", "Chad" -> "Chadian", "Iraq" -> "Iraqi", "Sudan" -> "Sudanese",
    "Italy" -> "Italian", "Ukraine" -> "Ukrainian", "Mexico" -> "Mexican". A few more than
    English uses ("Chadese"): harmless, as only a capitalised word before a force is read."""
    if name.endswith("a"):
        return {name + "n"}
    if name.endswith(("e", "y")):
        return {name[:-1] + "ian", name[:-1] + "an"}
    if name.endswith("o"):
        return {name[:-1] + "an", name + "lese"}
    return {name + "ian", name + "i", name + "ese", name + "an"}


@lru_cache(maxsize=1)
def demonym_pattern() -> str:
    """A regular-expression alternation of the adjectives naming a country's people and
    forces ("Syrian", "Iraqi", "French"): the spelling rules over every country's short
    name and news form, and the irregular ones (data/language/demonyms.txt)."""
    _pattern, names = _table()
    forms = {a for n in names if " " not in n for a in _adjective_forms(n)}
    forms |= {a for adjectives in language.sections("demonyms").values() for a in adjectives}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def country_mentions(text: str) -> list[CountryMention]:
    pattern, names = _table()
    return [
        CountryMention(m.start(), m.end(), m.group(), names[m.group()])
        for m in pattern.finditer(text)
    ]


def country_around(text: str, start: int, end: int) -> CountryMention | None:
    """The country that names where text[start:end] (a place) is, by the words around it.

    In order: the one country named inside the place ("Baghdad, Iraq"); a possessive just
    before it ("Syria's al-Tanf region"); a country just after it ("Kabul, Afghanistan").
    None when the words around it do not say.
    """
    inside = [
        m
        for m in country_mentions(text[start:end])
        if not _NOT_IN.search(text[start : start + m.start])  # "outside the United States"
    ]
    if len({m.country for m in inside}) == 1:
        m = inside[0]
        return CountryMention(start + m.start, start + m.end, m.text, m.country)
    before = country_mentions(text[max(0, start - 60) : start])
    if before:
        m = before[-1]
        offset = max(0, start - 60)
        gap = text[offset + m.end : start]
        if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", gap):
            return CountryMention(offset + m.start, offset + m.end, m.text, m.country)
    after = re.match(r",\s+", text[end : end + 3])
    if after:
        following = [m for m in country_mentions(text[end : end + 60]) if m.start == after.end()]
        if following:
            m = following[0]
            return CountryMention(end + m.start, end + m.end, m.text, m.country)
    return None
