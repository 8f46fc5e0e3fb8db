"""Rules from the thirteenth round (held-out sample 37, read after it was scored, and the
dev memoir of a decades-old bombing): each encodes a general pattern of English news,
tested on invented sentences with its near misses."""

from __future__ import annotations

from datetime import date
from typing import Any

from fakes import events_of

from summarizer.article import as_article
from summarizer.assemble import resolve_date
from summarizer.checks.figurative import literal
from summarizer.rules.history import article_time
from summarizer.rules.incident import incident_words

_IED = {"type": "Remote explosive/landmine/IED", "place": "Northtown"}


def _words(text: str) -> list[str]:
    return incident_words(literal(text))


def test_a_road_crash_that_exploded_is_an_accident() -> None:
    assert _words("One person is dead following a multi-vehicle crash and explosion in Kel.") == []
    assert _words("A tanker crash and fire closed the Dara highway on Monday.") == []
    # A bomb told with the crash keeps its words.
    assert "bomb" in _words("Ten people were killed in a car crash and explosion caused by a bomb.")
    assert "car bomb" in _words("Two were killed when a car bomb exploded after a crash and fire.")


def test_gas_given_off_by_a_household_product_is_an_accident() -> None:
    text = (
        "Four children have died after being poisoned by a gas released from a pest "
        "control chemical, officials said."
    )
    assert _words(text) == []
    assert _words("Fumes leaking from a factory tank sickened 30 workers in Northtown.") == []
    # Gas released by an armed side is a weapon's use.
    assert "died" in _words("Five people died after gas released by militants from a container.")


def test_falling_victim_to_a_hack_is_an_idiom() -> None:
    text = "Prices rose after the Dara pipeline fell victim to a ransomware attack."
    assert _words(text) == []
    # An attack named after the idiom keeps its words.
    assert _words("The town fell victim to a bomb attack on Monday.") == ["bomb", "attack"]


def test_a_full_date_is_read_without_a_publication_date() -> None:
    assert resolve_date("on December 22, 1974", None) == (date(1974, 12, 22), "day")
    assert resolve_date("21 November 2015", None) == (date(2015, 11, 21), "day")
    # Relative or partial dates need the publication date: nothing is invented.
    assert resolve_date("last year", None) == (None, "unknown")
    assert resolve_date("in 1974", None) == (None, "unknown")
    assert resolve_date("on Monday", None) == (None, "unknown")


def test_an_articles_time_is_its_date_or_the_latest_year_it_tells_as_past() -> None:
    assert article_time(as_article({"text": "Kel rebels met.", "published": "2019-05-02"})) == (
        date(2019, 5, 2)
    )
    told = as_article(
        "Ali Noor joined the Kel Front in 1970. He left it in 1975 and rejoined during the "
        "1981 hunger strike. He broke with the movement for good in 1993."
    )
    assert article_time(told) == date(1993, 1, 1)
    # Plans, forecasts and names with a year say nothing of when the article was written.
    planned = as_article(
        "Ali Noor joined the Kel Front in 1970. Elections are due in 2027. Northland "
        "launched Vision 2030 in 2016. Turnout fell 3% in 2015-2016."
    )
    assert article_time(planned) == date(2016, 1, 1)
    assert article_time(as_article("Rebels attacked Northtown on Monday.")) is None


_MEMOIR = (
    "Ali Noor, a former Kel Front commander, said in a memoir that the group carried out "
    "the bombing of a Northtown pub on November 21, 1974. "
    "He left the group in 1975 and broke with it for good in 1993. "
    "The bomb in Northtown killed 21 people."
)


def test_a_bombing_decades_before_the_article_is_background() -> None:
    events = events_of(_MEMOIR, {**_IED, "ids": [1], "when": "November 21, 1974"})
    assert events == []


def test_an_undated_record_of_an_old_article_stays() -> None:
    events = events_of(_MEMOIR, {**_IED, "ids": [3]})
    assert len(events) == 1


def _dated(published: str, when: str) -> list[Any]:
    article = {
        "text": "A bomb exploded in Northtown, killing three people, police said.",
        "published": published,
    }
    return events_of(article, {**_IED, "ids": [1], "when": when})


def test_a_record_within_a_year_of_publication_is_the_news() -> None:
    assert len(_dated("2019-05-02", "on Monday")) == 1
    assert len(_dated("2019-05-02", "on March 3, 2019")) == 1
    # Two years before its publication: told for context.
    assert _dated("2019-05-02", "on March 3, 2017") == []
