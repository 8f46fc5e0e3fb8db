"""The coverage warning: sentences that report an incident no event record cites."""

from __future__ import annotations

import copy

import pytest

from summarizer import Settings, read_article, summarize
from tests.conftest import SEED
from tests.fakes import FakeBackend
from tests.test_pipeline import CLEAN

SETTINGS = Settings(backend="replay", max_reasks=0, rereads=0)  # the warning alone
ONE_EVENT = {**CLEAN, "events": CLEAN["events"][:1]}  # records only sentence 1's attack


def _flagged(text: str, answer: dict) -> list[str]:
    result = summarize(text, backend=FakeBackend(copy.deepcopy(answer)), settings=SETTINGS)
    return [f.message for f in result.run.findings if f.check == "coverage"]


def test_the_seeds_missed_incidents_are_pointed_at() -> None:
    # Real recording: the 1.5B model records al-Tanf and al-Shaddadi (sentences 1-2) only.
    result = summarize(read_article(SEED), settings=Settings(backend="replay", rereads=0))
    flagged = [f for f in result.run.findings if f.check == "coverage"]
    assert [f.message.split("]")[0] for f in flagged] == [
        "sentence [3",
        "sentence [10",
        "sentence [11",
    ]  # al-Harir; the Baghdad strike, twice. Not [6] (restates [2]) nor [15] (2020)
    assert all(f.severity == "warning" and not f.repaired for f in flagged)
    assert "al-Harir" in flagged[0].message


def test_re_reading_the_seed_finds_them_and_leaves_nothing_flagged() -> None:
    # Real recordings of the two re-read windows (sentences 1-3 and 8-11).
    result = summarize(read_article(SEED), settings=Settings(backend="replay"))
    coverage = [f for f in result.run.findings if f.check == "coverage"]
    assert [f.severity for f in coverage] == ["info", "info"]
    first, second = (f.message for f in coverage)
    assert first == "re-read sentences 1-3 for the incident in [3]: 1 event(s) cite it"
    assert second == "re-read sentences 8-11 for the incident in [10, 11]: 1 event(s) cite it"
    assert result.run.rereads == 2 and len(result.events) == 4
    # Findings on the re-read al-Harir event name it as the third event.
    harir = [f for f in result.run.findings if f.path == "events[2].actor1"]
    assert harir and all(f.message.startswith("event 3:") for f in harir)


def _article(second: str) -> str:
    return (
        "The Islamic Resistance in Iraq claimed responsibility for the drone strikes on the "
        "US-occupied base in al-Tanf.\n" + second
    )


@pytest.mark.parametrize(
    "second",
    [
        "Two facilities near al-Tanf are targeted by drones.",  # present tense, nothing new
        "Gunmen killed Abu Mahdi al-Muhandis in Baghdad in January 2020.",  # background
        "“They killed our brothers in Mosul,” the group said.",  # a quotation
        "The group said “the army killed our brothers in Mosul” on Friday.",  # inside one
        "The drones struck the base in al-Tanf again.",  # names nothing new
        "Officials in Washington said more attacks may follow.",  # nothing done
    ],
)
def test_what_is_not_a_missed_incident(second: str) -> None:
    assert _flagged(_article(second), ONE_EVENT) == []


def test_a_new_incident_with_a_new_name_is_flagged() -> None:
    text = _article("Separately, the army shelled a village near Mosul on Friday.")
    assert _flagged(text, ONE_EVENT) == [
        "sentence [2] seems to report an incident that no event cites (it names Mosul); "
        "the model may have missed it"
    ]


def test_an_article_with_no_event_is_not_second_guessed() -> None:
    text = _article("Separately, the army shelled a village near Mosul on Friday.")
    assert _flagged(text, {**CLEAN, "events": []}) == []
