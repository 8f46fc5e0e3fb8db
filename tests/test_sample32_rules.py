"""Rules from the twelfth round (eval dev and held-out sample 32, read after it was scored):
each encodes a general pattern of English news, tested on invented sentences with its near
misses."""

from __future__ import annotations

from fakes import events_of

from summarizer.checks.attribution import CLAIM, claims_responsibility
from summarizer.rules.doer import _victims_side
from summarizer.rules.incident import reports_kind
from summarizer.rules.sub_type import one_sided_kind

_IED = {"type": "Remote explosive/landmine/IED"}


def test_a_spot_told_inside_its_square_is_one_incidents_place() -> None:
    text = (
        "Until Monday, such bombings had not happened at the Dara marathon finish line in "
        "Kel Square. "
        "Officials met on Tuesday. "
        "No one has taken responsibility for the twin bombings near the Dara marathon "
        "finish line that killed three people."
    )
    events = events_of(
        text,
        {**_IED, "ids": [1], "place": "Kel Square"},
        {**_IED, "ids": [3], "place": "Dara marathon finish line"},
    )
    assert len(events) == 1
    assert events[0].location.place is not None
    assert events[0].location.place.value == "Kel Square"
    assert events[0].fatalities == 3  # the later telling's toll is the incident's


def test_places_of_a_list_of_incidents_stay_apart() -> None:
    text = (
        "Bombs exploded at markets in Northtown and in Dara on Monday. "
        "The bombing in Dara killed three people."
    )
    events = events_of(
        text,
        {**_IED, "ids": [1], "place": "Northtown"},
        {**_IED, "ids": [2], "place": "Dara"},
    )
    assert len(events) == 2


def test_taking_responsibility_for_an_attack_is_a_claim() -> None:
    assert CLAIM.search("No one has taken responsibility for the twin bombings.")
    assert not claims_responsibility("No one has taken responsibility for the twin bombings.")
    assert claims_responsibility("The Kel Front took responsibility for Tuesday's car bombing.")
    # A minister's responsibility for failures is no claim of an attack.
    assert not CLAIM.search("The minister took responsibility for the failures.")


def test_fire_opened_inside_a_place_of_worship_is_an_attack() -> None:
    assert one_sided_kind("A gunman opened fire inside a mosque in Dara.") == "Attack"
    assert one_sided_kind("A shooter opened fire at a nightclub, killing five.") == "Attack"
    # Fire opened on police or a checkpoint: the state's armed men, a clash.
    assert one_sided_kind("Militants opened fire on a police checkpoint in Dara.") is None
    assert one_sided_kind("A gunman opened fire on police officers outside the court.") is None


def test_a_clash_record_telling_only_a_bomb_is_the_bombs() -> None:
    text = (
        "A Northland Frontier Corps soldier was killed when an improvised explosive device "
        "exploded near a convoy in Dara district."
    )
    record = {"ids": [1], "type": "Armed clash", "place": "Dara district"}
    (event,) = events_of(text, {**record, "actor": "Northland Frontier Corps"})
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actors.actor1 is None  # the soldier's corps is the target, not the doer
    # A fight told with it keeps the clash.
    text = (
        "Soldiers clashed with Kel rebels in Dara district after an improvised explosive "
        "device exploded near their convoy."
    )
    (event,) = events_of(text, record)
    assert event.sub_event_type == "Armed clash"
    # Mines defused are no mines used.
    text = (
        "Northland forces retrieved the bodies of 13 Kel fighters killed in Dara, and "
        "sappers defused hundreds of landmines."
    )
    (event,) = events_of(text, {**record, "place": "Dara"})
    assert event.sub_event_type != "Remote explosive/landmine/IED"


def test_a_side_whose_soldier_was_killed_is_its_victim() -> None:
    evidence = "A Northland Frontier Corps (NFC) soldier was killed when a bomb exploded."
    assert _victims_side("Northland Frontier Corps", evidence)
    assert _victims_side("the Northland army", "Two Northland soldiers were wounded.")
    assert not _victims_side("the Northland army", "Northland soldiers killed two rebels.")
    assert not _victims_side("the army", "The soldiers were killed.")


def test_weapons_caches_found_are_disrupted_weapons_use() -> None:
    text = (
        "Two caches containing an important batch of weapons and ammunitions have been "
        "discovered on Sunday by Northland army detachments in Dara."
    )
    (event,) = events_of(text, {"ids": [1], "type": "Other", "place": "Dara"})
    assert event.sub_event_type == "Disrupted weapons use"


def test_ground_gained_by_militants_is_their_takeover() -> None:
    text = (
        "A Northland army spokesman said militants from the Kel Front (KF) had gained "
        "ground inside the north-western part of Dara."
    )
    record = {"ids": [1], "type": "Government regains territory", "actor": "KF"}
    (event,) = events_of(text, {**record, "place": "north-western part of Dara"})
    assert event.sub_event_type == "Non-state actor overtakes territory"
    # A poll's gains are no ground.
    kind = "Non-state actor overtakes territory"
    assert not reports_kind(kind, ["The candidate gained ground in the polls."])
