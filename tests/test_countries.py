"""Filling an event's country from the words around its place: precise, or nothing."""

from __future__ import annotations

import pytest

from summarizer.countries import country_around, country_mentions


def _around(text: str, place: str) -> str | None:
    start = text.index(place)
    found = country_around(text, start, start + len(place))
    if found is not None:
        assert text[found.start : found.end] == found.text  # a real span of the text
    return found.text if found else None


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("drones struck the US-occupied base in Syria’s al-Tanf region", "al-Tanf region", "Syria"),
        ("in Syria's northeastern city of Hasakah", "Hasakah", "Syria"),
        ("a strike in Baghdad, Iraq, on Friday", "Baghdad", "Iraq"),
        ("troops left Afghanistan", "Afghanistan", "Afghanistan"),
        ("in Moscow, Russia, police said", "Moscow", "Russia"),
    ],
)
def test_country_named_next_to_the_place(text: str, place: str, country: str) -> None:
    assert _around(text, place) == country


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a murder outside the United States", "outside the United States"),
        ("a strike on the Iraq-Syria border region", "Iraq-Syria border region"),
        ("near the borders with Iraq and Jordan", "near the borders with Iraq and Jordan"),
        ("an attack in Charikar, the police said", "Charikar"),
        ("Gaza City was shelled", "Gaza City"),
    ],
)
def test_no_country_when_the_words_around_do_not_say(text: str, place: str) -> None:
    assert _around(text, place) is None


def test_mentions_are_proper_nouns_not_labels_or_pronouns() -> None:
    text = "US-occupied bases; let us go; the U.S. said; Iran agreed"
    assert [m.text for m in country_mentions(text)] == ["U.S.", "Iran"]
    assert {m.country for m in country_mentions(text)} == {
        "United States",
        "Iran, Islamic Republic of",
    }
