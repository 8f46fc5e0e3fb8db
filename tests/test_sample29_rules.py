"""Rules from the eleventh round (eval dev and held-out sample 29, read after it was scored):
each encodes a general pattern of English news, tested on invented sentences with its near
misses."""

from __future__ import annotations

from fakes import events_of, summary_of

from summarizer.checks.attribution import SPEECH
from summarizer.checks.clauses import speaker_of


def test_findings_from_a_source_name_that_source_as_the_speaker() -> None:
    text = (
        "Reports from doctors at Dara hospitals who treated the wounded indicate the bomb "
        "was packed with nails."
    )
    assert SPEECH.search(text)
    assert speaker_of(text) == "doctors at Dara hospitals"
    assert speaker_of("Figures released by the Northland health ministry show 40 died.") == (
        "the Northland health ministry"
    )
    # A place is no source: footage "from the scene" speaks for nobody.
    assert speaker_of("Footage from the scene showed a burning car.") is None
    assert not SPEECH.search("The results were clear.")


def test_a_summary_restating_a_finding_keeps_its_source() -> None:
    article = {
        "title": "Blast in Dara",
        "text": (
            "A bomb exploded at a market in Dara on Monday, killing three people. "
            "Reports from doctors at Dara hospitals who treated the wounded indicate the "
            "bomb was packed with nails and ball bearings."
        ),
    }
    (_, second) = summary_of(
        article,
        ("A bomb exploded at a market in Dara on Monday, killing three people.", [1]),
        ("The bomb was packed with nails and ball bearings.", [2]),
    )
    assert second == (
        "The bomb was packed with nails and ball bearings, according to doctors at Dara hospitals."
    )


def test_an_analyst_of_a_strike_is_not_its_doer() -> None:
    text = (
        "Drones loaded with explosives exploded over a parade in Dara on Saturday. "
        "Analysis carried out by the website Northland Watch suggests the drones were "
        "flown from a flat nearby."
    )
    record = {"ids": [1, 2], "type": "Air/drone strike", "place": "Dara"}
    (event,) = events_of(text, {**record, "actor": "Northland Watch"})
    assert event.actors.actor1 is None
    # Who carried out an analysis is an examiner, not an attacker.
    text = (
        "A drone struck a checkpoint in Dara on Saturday. "
        "Northland Watch has carried out an analysis of the footage."
    )
    (event,) = events_of(text, {**record, "actor": "Northland Watch"})
    assert event.actors.actor1 is None
    # A side announcing its own strike stays its doer.
    text = "The Northland army said it carried out a drone strike on a depot in Dara on Saturday."
    (event,) = events_of(text, {**record, "ids": [1], "actor": "the Northland army"})
    assert event.actors.actor1 is not None
    assert event.actors.actor1.value == "the Northland army"
